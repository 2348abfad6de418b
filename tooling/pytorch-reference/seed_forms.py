#!/usr/bin/env python3
"""The seed's broadcast forms timed in PyTorch on this machine (another runtime), next to PyTorch's own matMul.

Prototype head forward + backward at B = 256, d = 512: the seed's [B, K, d] broadcast distance against a
matrix product of the same shape (x @ P.T) and nn.Linear. Distortion loss forward + backward at d = 128: the seed's
[K, K, d] broadcast against the K x K x d product. Prints one JSON object; medians of timed runs after a warm-up.

Needs PyTorch (Debian: apt-get install python3-torch; run with /usr/bin/python3).
"""
import argparse
import json
import statistics
import time

import torch


def median_seconds(fn, runs, warmup=1):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def head_cases(k, runs):
    x = torch.randn(256, 512, requires_grad=True)
    p = torch.randn(k, 512, requires_grad=True)
    linear = torch.nn.Linear(512, k)

    def broadcast():
        (-torch.norm(x[:, None, :] - p[None, :, :], dim=-1)).sum().backward()

    def product():
        (x @ p.T).sum().backward()

    def dense():
        linear(x).sum().backward()

    return {name: median_seconds(fn, runs) for name, fn in [("seed_broadcast", broadcast), ("matmul", product), ("linear", dense)]}


def distortion_cases(k, runs):
    p = torch.randn(k, 128, requires_grad=True)
    D = 1.0 + torch.rand(k, k)
    off = ~torch.eye(k, dtype=torch.bool)

    def broadcast():
        d = torch.norm(p[:, None, :] - p[None, :, :], dim=-1)
        a = d[off] / D[off]
        s = a.sum() / (a * a).sum()
        ((s * a - 1) ** 2).mean().backward()

    def product():
        (p @ p.T).sum().backward()

    result = {"matmul": median_seconds(product, runs)}
    try:
        result["seed_broadcast"] = median_seconds(broadcast, runs)
    except RuntimeError as error:  # out of memory at large K
        result["seed_broadcast"] = f"failed: {str(error).splitlines()[0][:120]}"
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    runs = 3 if args.quick else 5
    result = {
        "runtime": f"PyTorch {torch.__version__} (CPU, {args.threads} thread(s))",
        "head": {f"K={k}": head_cases(k, runs) for k in ([100, 1000] if args.quick else [100, 1000, 10000])},
        "distortion": {f"K={k}": distortion_cases(k, runs) for k in [1000]},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
