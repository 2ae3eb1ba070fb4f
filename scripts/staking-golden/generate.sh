#!/usr/bin/env bash
# Regenerates app/modules/staking/reference.vectors.ts (store keys, Commission.String(), a validator
# record, the TxRaw bytes of the stratos-1 gentxs) with stratosnet/cosmos-sdk
# v0.47.12-0.20240711204239-ae99645b490a (the SDK of stratos-chain v0.12.2). Needs Go 1.22+ and the
# Go module proxy (or a warm module cache). Only the .ts output is committed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$here" && go run . > "$here/../../app/modules/staking/reference.vectors.ts")
