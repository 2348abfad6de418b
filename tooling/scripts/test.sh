#!/usr/bin/env bash
# The whole test suite on a fresh machine: Debian packages, npm packages (frozen lockfile), build, every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
bash tooling/scripts/setup-machine.sh
npx -y pnpm@12.4.2 install --frozen-lockfile
node tooling/scripts/check-changesets.mjs
npx -y pnpm@12.4.2 test
