#!/usr/bin/env bash
# Installs what is missing, builds the release preset and runs the demo: riskwarnd on
# config/examples/demo.toml (no network, no keys). The fog alert appears on the console within
# seconds; Ctrl-C stops the daemon. Extra arguments go to riskwarnd (e.g. --once).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/deps.sh
cmake --preset release
cmake --build --preset release --target riskwarnd
exec ./build/release/daemon/riskwarnd --config config/examples/demo.toml "$@"
