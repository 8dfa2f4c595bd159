#!/usr/bin/env bash
# Installs the native load generators the benchmark drives (wrk, h2load from nghttp2-client) and
# pgbench (in Debian's PostgreSQL server package), when they are absent.
# Needs root and the Debian package archive.
set -euo pipefail
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v h2load >/dev/null || missing+=(nghttp2-client)
command -v pgbench >/dev/null || missing+=(postgresql-contrib)
if [ ${#missing[@]} -eq 0 ]; then
  echo "wrk, h2load and pgbench are installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "the benchmark needs ${missing[*]} (Debian packages); run this script as root to install them" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing ${missing[*]} from Debian's packages (once)"
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: $(wrk -v 2>&1 | head -1 || true); $(h2load --version | head -1); $(pgbench --version)"
