#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the browser tests, when they are absent.
# Needs root (the test runs it only then) and the Debian package archive.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  echo "chromium and chromedriver are installed"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "installing chromium and chromium-driver from Debian's packages (once; a minute or two)"
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
echo "installed: $(chromium --version 2>/dev/null || echo chromium), $(chromedriver --version | head -1)"
