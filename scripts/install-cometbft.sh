#!/usr/bin/env bash
# Builds the pinned CometBFT into .tools/bin (git-ignored). Called by `npm install` (postinstall).
#
# Why build from source: CometBFT ships no npm package, and the release binaries are not reachable
# from CI machines; the Go module proxy is. We pin the newest v0.38 patch that builds with the
# machine's Go. Never use @latest: it resolves to CometBFT v1, whose ABCI differs.
#
# Without Go: set STRATOS_COMETBFT=/path/to/cometbft (a v0.38 binary), or have a v0.38 `cometbft`
# on PATH; it is linked into .tools/bin instead of building. STRATOS_SKIP_COMETBFT=1 skips this step.
set -euo pipefail

COMETBFT_VERSION="${COMETBFT_VERSION:-v0.38.26}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin_dir="$root/.tools/bin"
binary="$bin_dir/cometbft"

if [ "${STRATOS_SKIP_COMETBFT:-}" = "1" ]; then
  echo "install-cometbft: skipped (STRATOS_SKIP_COMETBFT=1)"
  exit 0
fi

# "0.38.26" or "v0.38.26" → "0.38.26"
version_of() { "$1" version 2>/dev/null | head -n1 | sed 's/^v//' || true; }
is_v038() { case "$1" in 0.38.*) return 0 ;; *) return 1 ;; esac; }

link_existing() { # $1: a cometbft binary, $2: where it came from
  local have
  have="$(version_of "$1")"
  if ! is_v038 "$have"; then
    echo "install-cometbft: $2 ($1) is cometbft '$have', not v0.38.x (this app speaks ABCI 2.0 of CometBFT 0.38)" >&2
    return 1
  fi
  mkdir -p "$bin_dir"
  ln -sf "$(command -v "$1" || echo "$1")" "$binary"
  [ "v$have" = "$COMETBFT_VERSION" ] || echo "install-cometbft: note: using cometbft $have; the tested version is $COMETBFT_VERSION"
  echo "install-cometbft: using $2 cometbft $have (linked at $binary)"
}

if [ -n "${STRATOS_COMETBFT:-}" ]; then
  link_existing "$STRATOS_COMETBFT" "STRATOS_COMETBFT"
  exit $?
fi

if [ -x "$binary" ]; then
  have="$(version_of "$binary")"
  if [ "v$have" = "$COMETBFT_VERSION" ] || { [ -L "$binary" ] && is_v038 "$have"; }; then
    echo "install-cometbft: cometbft $have already in .tools/bin"
    exit 0
  fi
  echo "install-cometbft: found cometbft '$have', want $COMETBFT_VERSION; rebuilding"
fi

# Is there a Go that can build it? The decision and the one-line advice live in scripts/goToolchain.ts
# (tested); when it cannot run, fall back to a generic line.
go_out="$(go version 2>/dev/null || true)"
if ! decision="$(cd "$root" && node --import tsx scripts/goToolchain.ts decide "$go_out" 2>/dev/null)"; then
  if [ -z "$decision" ]; then
    decision="Go 1.22.11 or newer is needed to build CometBFT: install it from https://go.dev/dl/, then run 'npm run install:cometbft'"
  fi
  if command -v cometbft >/dev/null 2>&1 && link_existing cometbft "PATH" 2>/dev/null; then
    exit 0
  fi
  echo "install-cometbft: $decision" >&2
  exit 1
fi
case "$decision" in ok:*) echo "install-cometbft: ${decision#ok: }" ;; esac

mkdir -p "$bin_dir"
echo "install-cometbft: building cometbft $COMETBFT_VERSION with $(go version) (takes a few minutes once)"
# GOFLAGS=-mod=mod keeps a go.work or vendor dir elsewhere from interfering.
GOBIN="$bin_dir" GOFLAGS="-mod=mod" go install "github.com/cometbft/cometbft/cmd/cometbft@$COMETBFT_VERSION"
echo "install-cometbft: installed $("$binary" version) at $binary"
