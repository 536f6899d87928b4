#!/usr/bin/env bash
# Installs what fgc needs from Debian 12's packages (and, with --test, the npm test tooling).
# Runs apt-get only when something is missing; uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

build_packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libgoogle-common-protos-java golang-github-gogo-googleapis-dev libpqxx-dev libgoogle-perftools-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libcli11-dev
  libcpp-httplib-dev libicu-dev zlib1g-dev
  prometheus-cpp-dev libgtest-dev libgmock-dev libabsl-dev
  postgresql-15 postgresql-contrib
)
test_packages=(python3-grpcio python3-protobuf python3-icalendar python3-aiosmtpd openssl procps clang-format
  chromium fonts-dejavu-core fonts-noto-core)
# Node.js may come from elsewhere than Debian (a newer build); only ask apt when it is absent.
if ! command -v npm >/dev/null 2>&1; then test_packages+=(nodejs npm); fi

want=("${build_packages[@]}")
with_test=0
if [[ "${1:-}" == "--test" ]]; then
  with_test=1
  want+=("${test_packages[@]}")
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if ((with_test)) && [[ -f tests/node/package-lock.json ]]; then
  if [[ ! -d tests/node/node_modules ]] || [[ tests/node/package-lock.json -nt tests/node/node_modules ]]; then
    echo "install-deps: npm ci in tests/node" >&2
    npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
  fi
fi
