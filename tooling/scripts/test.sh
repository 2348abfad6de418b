#!/usr/bin/env bash
# The whole test suite on a fresh machine: Debian packages, npm packages (frozen lockfile), types, build, every test.
set -euo pipefail
cd "$(dirname "$0")/../.."
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
# The whole suite runs the reliability long runs at the issue's full 10,000 steps per loop and backend.
export MGP_LONG_RUN_STEPS="${MGP_LONG_RUN_STEPS:-10000}"
bash tooling/scripts/setup-machine.sh
npx -y pnpm@12.4.2 install --frozen-lockfile
node tooling/scripts/check-changesets.mjs
# Types of every package, tests included (vitest strips types without checking them).
npx -y pnpm@12.4.2 typecheck
npx -y pnpm@12.4.2 test
