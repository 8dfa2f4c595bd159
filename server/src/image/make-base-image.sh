#!/usr/bin/env bash
# Makes the container image's base without a registry or a Docker daemon: a Java runtime cut by
# jlink from the JDK that runs the build, the C libraries it loads (copied from this machine's
# Debian packages), a non-root user and /tmp. Written as a `docker save` tarball, which Jib takes
# as a base with tar://.
#
# usage: make-base-image.sh JAVA_HOME SERVER_JAR OUTPUT_TAR WORK_DIR
set -euo pipefail

java_home=$1
server_jar=$2
output=$3
work=$4
uid=10001

# the modules the server's classes refer to, and the elliptic-curve provider TLS loads by name
echo "base image: modules the server needs (jdeps)"
modules=$("$java_home/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$server_jar"),jdk.crypto.ec

rm -rf "$work"
root=$work/root
mkdir -p "$root" "$work/image"

echo "base image: jlink runtime ($modules)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$root/opt/java"

# a headless server: java.desktop is there for java.beans, its native AWT, sound and font code is not
(cd "$root/opt/java/lib" && rm -f libawt.so libawt_headless.so libawt_xawt.so libfontmanager.so libjavajpeg.so \
  libjsound.so liblcms.so libmlib_image.so libsplashscreen.so)

echo "base image: the C libraries the runtime loads"
libraries() {
  find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
    | xargs -0 -n1 ldd 2>/dev/null \
    | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }' \
    | sort -u
}
for library in $(libraries); do
  # the file itself at the path the loader looks for, and the link that points to it
  mkdir -p "$root$(dirname "$library")"
  cp -L "$library" "$root$library"
done

# mount points a container runtime fills
mkdir -p "$root/etc" "$root/tmp" "$root/home/authfeedback" "$root/proc" "$root/dev" "$root/sys"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nauthfeedback:x:%s:%s:authfeedback:/home/authfeedback:/sbin/nologin\n' \
  "$uid" "$uid" > "$root/etc/passwd"
printf 'root:x:0:\nauthfeedback:x:%s:\n' "$uid" > "$root/etc/group"

# reproducible: fixed order, owners and times
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$root" -cf "$work/image/layer.tar" .
layer_digest=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
case "$(uname -m)" in
  x86_64) architecture=amd64 ;;
  aarch64) architecture=arm64 ;;
  *) architecture=$(uname -m) ;;
esac
cat > "$work/image/config.json" <<JSON
{"architecture":"$architecture","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"],"User":"$uid:$uid","WorkingDir":"/home/authfeedback"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_digest"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["authfeedback-base:local"],"Layers":["layer.tar"]}]\n' \
  > "$work/image/manifest.json"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$work/image" -cf "$output" \
  manifest.json config.json layer.tar
echo "base image: $output ($(du -h "$output" | cut -f1))"
