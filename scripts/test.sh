#!/usr/bin/env bash
# Second README command: install what is needed (Debian packages, npm test tooling), build,
# and run every test with ctest in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/build.sh
cd build
exec ctest --output-on-failure -j "$(nproc)" --timeout 600
