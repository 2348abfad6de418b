#!/usr/bin/env python3
"""The seed's Figure-1 experiment in PyTorch on this machine: error rate and average cost per method and seed.

The same split, network, schedule and cost matrix as `mgp figure1` (see figure1_epoch.py for the shared pieces):
30 epochs, lr 0.1 divided by 10 at 2/3 and 5/6, SGD momentum 0.9, batch 256; D = the seed's visual digit tree
(path lengths). Methods: xe (linear head), free (learnt prototypes, torch.rand init), guided (free + scale-free
distortion loss, lambda = 1), fixed (prototypes embedded from D first, then frozen). PyTorch's default
initialisation, as the seed. Prints one JSON object.
"""
import argparse
import json
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from figure1_epoch import MEAN, STD, PrototypeHead, SimpleCNN, digits_dir, scale_free_distortion_loss


def load_split(folder):
    parts = {"train": ([], []), "test": ([], [])}
    for digit in range(10):
        with open(os.path.join(folder, f"{digit}.json")) as f:
            data = torch.tensor(json.load(f)["data"], dtype=torch.float32).view(-1, 1, 28, 28)
        cut = int(data.shape[0] * 0.8)
        for name, rows in (("train", data[:cut]), ("test", data[cut:])):
            parts[name][0].append(rows)
            parts[name][1].append(torch.full((rows.shape[0],), digit, dtype=torch.long))
    return {name: ((torch.cat(xs) - MEAN) / STD, torch.cat(ys)) for name, (xs, ys) in parts.items()}


def embed_from_D(D, dim=2, steps=2000, seed=0):
    """Prototypes whose distances approach D: Adam on mean((d_ij - D_ij)^2 / D_ij^2) from torch.rand."""
    generator = torch.Generator().manual_seed(seed)
    p = torch.rand(D.shape[0], dim, generator=generator).mul_(D.max()).requires_grad_(True)
    off = ~torch.eye(D.shape[0], dtype=torch.bool)
    opt = torch.optim.Adam([p], lr=0.05)
    for _ in range(steps):
        d = torch.norm(p[:, None, :] - p[None, :, :], dim=-1)
        loss = (((d[off] - D[off]) / D[off]) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    return p.detach()


def train_and_test(method, data, D, seed, epochs):
    torch.manual_seed(seed)
    net = SimpleCNN()
    if method == "xe":
        head = nn.Linear(2, 10)
    else:
        head = PrototypeHead()
        if method == "fixed":
            head.prototypes = nn.Parameter(embed_from_D(D, seed=seed), requires_grad=False)
    params = [q for q in list(net.parameters()) + list(head.parameters()) if q.requires_grad]
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
    milestones = [round(epochs * 2 / 3), round(epochs * 5 / 6)]
    sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=milestones, gamma=0.1)
    x, y = data["train"]
    start = time.perf_counter()
    for _ in range(epochs):
        net.train()
        order = torch.randperm(x.shape[0])
        for b in range(0, x.shape[0], 256):
            rows = order[b:b + 256]
            loss = F.cross_entropy(head(net(x[rows])), y[rows])
            if method == "guided":
                loss = loss + scale_free_distortion_loss(head.prototypes, D)
            opt.zero_grad()
            loss.backward()
            opt.step()
        sched.step()
    seconds = time.perf_counter() - start
    net.eval()
    tx, ty = data["test"]
    with torch.no_grad():
        pred = torch.cat([head(net(tx[b:b + 1000])).argmax(1) for b in range(0, tx.shape[0], 1000)])
    return {
        "error_rate": (pred != ty).float().mean().item(),
        "average_cost": D[ty, pred].mean().item(),
        "train_seconds": round(seconds, 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    parser.add_argument("--methods", default="xe,free,guided,fixed")
    parser.add_argument("--seeds", default="0,1,2")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    repo = os.path.abspath(args.repo)
    data = load_split(digits_dir(repo))
    with open(os.path.join(repo, "apps", "cli", "data", "mnist-digits-hierarchy.json")) as f:
        D = torch.tensor(json.load(f)["distance_visual_leaves"], dtype=torch.float32)
    runs = {m: {s: train_and_test(m, data, D, int(s), args.epochs) for s in args.seeds.split(",")} for m in args.methods.split(",")}
    print(json.dumps({"runtime": f"PyTorch {torch.__version__} (CPU, {args.threads} thread(s))", "runs": runs}, indent=2))


if __name__ == "__main__":
    main()
