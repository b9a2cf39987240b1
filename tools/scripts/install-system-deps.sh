#!/usr/bin/env bash
# Debian packages the test suites use. Idempotent; needs root (CI runs as root) or sudo.
set -euo pipefail
packages=()
# (later issues add kcat, chromium, docker-compose, ... here)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -eq 0 ]; then echo "system packages: nothing to install"; exit 0; fi
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
