#!/usr/bin/env bash
# Installs the Debian packages the tests and the benchmarks use, when missing:
# Chromium (webgl/wasm tests in a real browser), WordNet 3.0 (Hierarchy.fromWordNet), Fashion-MNIST (mgp bench).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/wordnet/data.noun ] || missing+=(wordnet-base)
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-machine: chromium, wordnet-base and dataset-fashion-mnist are present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-machine: missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "setup-machine: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
