#!/usr/bin/env bash
# Regenerates the IAVL / multistore golden fixtures used by app/store tests:
#   app/store/iavl/testdata/iavl-v1.json          cosmos/iavl v1.2.4          (./v1)
#   app/store/iavl/testdata/iavl-v0.20.json       cosmos/iavl v0.20.1         (./sdk047, via cosmos-sdk v0.47.17)
#   app/store/testdata/multistore-sdk047.json     cosmos-sdk v0.47.17 rootmulti (./sdk047)
# Needs Go (1.22+) and the Go module proxy. Only the JSON output is committed; no Go build output.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
(cd "$here/v1" && go run .)
(cd "$here/sdk047" && go run .)
