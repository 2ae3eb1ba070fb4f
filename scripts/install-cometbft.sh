#!/usr/bin/env bash
# Builds the pinned CometBFT into .tools/bin (git-ignored). Called by `npm install` (postinstall).
#
# Why build from source: CometBFT ships no npm package, and the release binaries are not reachable
# from CI machines; the Go module proxy is. We pin the newest v0.38 patch that builds with the
# machine's Go. Never use @latest: it resolves to CometBFT v1, whose ABCI differs.
set -euo pipefail

COMETBFT_VERSION="${COMETBFT_VERSION:-v0.38.26}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
binary="$bin_dir/cometbft"

if [ "${STRATOS_SKIP_COMETBFT:-}" = "1" ]; then
  echo "install-cometbft: skipped (STRATOS_SKIP_COMETBFT=1)"
  exit 0
fi

if [ -x "$binary" ]; then
  have="$("$binary" version 2>/dev/null || true)"
  if [ "v$have" = "$COMETBFT_VERSION" ] || [ "$have" = "$COMETBFT_VERSION" ]; then
    echo "install-cometbft: cometbft $have already in .tools/bin"
    exit 0
  fi
  echo "install-cometbft: found cometbft '$have', want $COMETBFT_VERSION; rebuilding"
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
install-cometbft: Go is not installed, so CometBFT $COMETBFT_VERSION cannot be built.
Install Go 1.22.11 or newer (https://go.dev/dl/), make sure 'go' is on PATH, then run
'npm run install:cometbft' (or 'npm install' again).
MSG
  exit 1
fi

mkdir -p "$bin_dir"
echo "install-cometbft: building cometbft $COMETBFT_VERSION with $(go version) (takes a few minutes once)"
# GOFLAGS=-mod=mod keeps a go.work or vendor dir elsewhere from interfering.
GOBIN="$bin_dir" GOFLAGS="-mod=mod" go install "github.com/cometbft/cometbft/cmd/cometbft@$COMETBFT_VERSION"
echo "install-cometbft: installed $("$binary" version) at $binary"
