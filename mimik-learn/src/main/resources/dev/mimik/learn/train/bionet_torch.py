"""BioNet in PyTorch, built from the configuration mimik writes, for `mimik bench train` and its parity test.

Usage: bionet_torch.py train DIR | loss DIR

DIR holds config.json (network, loss, optimiser, threads) and float32 .npy files written by mimik
(dev.mimik.learn.train.TorchBioNet). Prints one JSON object per line on stdout.

  train: trains on train_x/train_y (already normalised) with Adam, shuffled batches, and after each epoch
         predicts val_x in batches as mimik's validation does; one line per epoch with wall and CPU seconds.
  loss:  loads param_NN.npy (mimik's parameters, in mimik's order) and prints the Wing loss on x/y, in training
         mode (batch statistics) or inference mode (running statistics), and the number of trainable parameters.
"""
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn


class Branch(nn.Module):
    """One input row through conv1d (no bias, same padding), batch norm, ReLU and max pooling per layer."""

    def __init__(self, cfg):
        super().__init__()
        layers = []
        channels_in = 1
        for channels, kernel in zip(cfg["branchChannels"], cfg["kernelSizes"]):
            layers.append(nn.Conv1d(channels_in, channels, kernel, padding=kernel // 2, bias=False))
            # mimik's (DJL's) batch norm: epsilon 1e-5, running statistics keep 0.9 of the old value
            layers.append(nn.BatchNorm1d(channels, eps=1e-5, momentum=0.1))
            layers.append(nn.ReLU())
            if cfg["poolSize"] > 1:
                layers.append(nn.MaxPool1d(cfg["poolSize"]))
            channels_in = channels
        self.layers = nn.Sequential(*layers)

    def forward(self, x):
        return torch.flatten(self.layers(x), 1)


class BioNet(nn.Module):
    """One branch per input, the flattened branches concatenated, then dense, ReLU, dropout, dense."""

    def __init__(self, cfg):
        super().__init__()
        self.branches = nn.ModuleList(Branch(cfg) for _ in range(cfg["inputs"]))
        flat = cfg["inputs"] * cfg["branchChannels"][-1] * cfg["branchOutputLength"]
        head = [nn.Linear(flat, cfg["hidden"]), nn.ReLU()]
        if cfg["dropout"] > 0:
            head.append(nn.Dropout(cfg["dropout"]))
        head.append(nn.Linear(cfg["hidden"], cfg["outputs"]))
        self.head = nn.Sequential(*head)

    def forward(self, x):
        return self.head(torch.cat([b(x[:, i:i + 1, :]) for i, b in enumerate(self.branches)], 1))

    def mimik_order(self):
        """Parameters and running statistics in the order mimik lists its parameters."""
        out = []
        for branch in self.branches:
            for layer in branch.layers:
                if isinstance(layer, nn.Conv1d):
                    out.append(layer.weight)
                elif isinstance(layer, nn.BatchNorm1d):
                    out += [layer.weight, layer.bias, layer.running_mean, layer.running_var]
        for layer in self.head:
            if isinstance(layer, nn.Linear):
                out += [layer.weight, layer.bias]
        return out


class WingLoss:
    """mimik's Wing loss: differences scaled per coordinate, logarithmic below w, linear above; the mean."""

    def __init__(self, cfg):
        self.scale = torch.tensor(cfg["lossScale"], dtype=torch.float32)
        self.w = cfg["wingW"]
        self.eps = cfg["wingEps"]
        self.c = self.w - self.w * np.log1p(self.w / self.eps)

    def __call__(self, prediction, label):
        diff = ((prediction - label) * self.scale).abs()
        log = (diff / self.eps + 1).log() * self.w
        return torch.where(diff < self.w, log, diff - self.c).mean()


def tensor(directory, name):
    return torch.from_numpy(np.load(os.path.join(directory, name + ".npy")))


def train(directory, cfg):
    x, y = tensor(directory, "train_x"), tensor(directory, "train_y")
    val, val_y = tensor(directory, "val_x"), tensor(directory, "val_y").numpy()
    torch.manual_seed(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    model = BioNet(cfg)
    loss_fn = WingLoss(cfg)
    optimiser = torch.optim.Adam(model.parameters(), lr=cfg["learningRate"], betas=(0.9, 0.999), eps=1e-8)
    batch = cfg["batchSize"]
    for epoch in range(1, cfg["epochs"] + 1):
        wall, cpu = time.perf_counter(), time.process_time()
        model.train()
        order = torch.from_numpy(rng.permutation(len(x)))
        total = 0.0
        for start in range(0, len(order), batch):
            rows = order[start:start + batch]
            if len(rows) < 2 and start > 0:
                break  # batch norm cannot learn from one window; mimik drops it too
            optimiser.zero_grad()
            value = loss_fn(model(x[rows]), y[rows])
            value.backward()
            optimiser.step()
            total += value.item() * len(rows)
        model.eval()
        with torch.no_grad():
            outputs = [model(val[s:s + cfg["evalBatch"]]).numpy() for s in range(0, len(val), cfg["evalBatch"])]
        val_error = float(np.abs(np.concatenate(outputs) - val_y).mean())
        print(json.dumps({"epoch": epoch, "wallSeconds": time.perf_counter() - wall,
                          "cpuSeconds": time.process_time() - cpu, "trainLoss": total / len(x),
                          "validationError": val_error}), flush=True)


def loss(directory, cfg):
    model = BioNet(cfg)
    state = model.mimik_order()
    with torch.no_grad():
        for i, target in enumerate(state):
            value = tensor(directory, "param_%02d" % i)
            if tuple(value.shape) != tuple(target.shape):
                raise SystemExit("parameter %d has shape %s in mimik, %s here"
                                 % (i, tuple(value.shape), tuple(target.shape)))
            target.copy_(value)
    model.train(cfg["training"])
    with torch.no_grad():
        value = WingLoss(cfg)(model(tensor(directory, "x")), tensor(directory, "y"))
    print(json.dumps({"loss": value.item(), "parameters": sum(p.numel() for p in model.parameters()),
                      "stateArrays": len(state)}))


def allocator():
    """The memory allocator this process runs with, named as mimik's TorchEngine.allocator() names its own."""
    try:
        with open("/proc/self/maps") as f:
            maps = f.read()
    except OSError:
        return "unknown"
    return next((name for name in ("jemalloc", "tcmalloc") if "/lib" + name in maps), "system malloc")


def main():
    command, directory = sys.argv[1], sys.argv[2]
    with open(os.path.join(directory, "config.json")) as f:
        cfg = json.load(f)
    torch.set_num_threads(cfg["threads"])
    torch.set_num_interop_threads(1)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "blasThreads": int(os.environ.get("OPENBLAS_NUM_THREADS", "0")),
                      "allocator": allocator()}), flush=True)
    {"train": train, "loss": loss}[command](directory, cfg)


if __name__ == "__main__":
    main()
