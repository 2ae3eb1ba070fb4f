#!/usr/bin/env bash
# Regenerates the auth and bank reference vectors used by app/modules/{auth,bank} tests:
#   app/modules/bank/reference.vectors.ts   scenario on the x/auth and x/bank keepers
#   app/modules/auth/reference.vectors.ts   auth store keys and account encodings
# with stratosnet/cosmos-sdk v0.47.12-0.20240711204239-ae99645b490a (the SDK of stratos-chain v0.12.2).
# Needs Go (1.22+) and the Go module proxy. Only the .ts output is committed; no Go build output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$here" && go run .)
