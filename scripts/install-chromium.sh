#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) for the dashboard's browser test
# (test/dashboard.test.ts, driven by playwright-core). Idempotent: does nothing when it is there.
#
# Why Debian's package: playwright's own browser downloads come from a CDN that CI machines do not
# reach; the distribution's package registry is reachable. Needs root (or sudo) and apt-get.
# STRATOS_CHROMIUM=/path/to/chromium uses another binary instead (the test reads the same variable).
set -euo pipefail

chromium="${STRATOS_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  echo "install-chromium: $chromium is installed ($("$chromium" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi
if [ -n "${STRATOS_CHROMIUM:-}" ]; then
  echo "install-chromium: STRATOS_CHROMIUM=$STRATOS_CHROMIUM is not an executable" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get on this machine; install Chromium and set STRATOS_CHROMIUM" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo -n); else
    echo "install-chromium: not root and no sudo; run 'apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: apt-get install chromium"
# A stale package list makes the install fail on a fresh machine: update once, then install.
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
