#!/usr/bin/env bash
# Debian packages the test suites use. Idempotent; needs root (CI runs as root) or sudo.
set -euo pipefail
packages=(kcat docker-compose)
# kcat: a real librdkafka client for the broker compatibility suite (KAFKA-WIRE.md §3).
# docker-compose 1.29: validates docker-compose.yml without a Docker engine (none runs here).
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -eq 0 ]; then echo "system packages: nothing to install"; exit 0; fi
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
