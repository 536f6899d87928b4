#!/usr/bin/env bash
# Static checks beyond the test suite's: clang-tidy over the project's C++ (slow: minutes on
# two cores). Pass files to check only those; needs a configured build/ (compile_commands.json).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -f build/compile_commands.json ]] || scripts/build.sh
if (($#)); then files=("$@"); else mapfile -t files < <(git ls-files '*.cc'); fi
exec clang-tidy -p build --quiet "${files[@]}"
