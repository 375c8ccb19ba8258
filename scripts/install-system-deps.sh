#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for the test suite: Chromium for the end-to-end
# tests, PostgreSQL 15 for the server suite's second database, openssl for the fixture
# certificate. The tests start their own PostgreSQL on a loopback port; no service is enabled.
set -euo pipefail

needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || needed+=(postgresql)
command -v openssl >/dev/null 2>&1 || needed+=(openssl)

if [ ${#needed[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${needed[@]}"
fi
echo "system packages ready: chromium, postgresql 15, openssl"
