#!/usr/bin/env bash
# First README command: install what is needed, build, and start `fgc serve` with an embedded
# PostgreSQL in ./.fgc-state. Extra arguments go to `fgc serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/bin/fgc serve "$@"
