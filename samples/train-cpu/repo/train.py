"""Train a small two-layer network on a synthetic tabular task with numpy only (CPU, deterministic)."""
import argparse
import sys
import time

import numpy as np


def make_data(n, features, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, features)).astype(np.float32)
    w = rng.normal(size=(features,)).astype(np.float32)
    y = ((x @ w + 0.5 * np.sin(x[:, 0] * 3)) > 0).astype(np.float32)
    return x, y


class BatchLoader:
    """Yields shuffled mini-batches, one pass per epoch, like a DataLoader."""

    def __init__(self, x, y, batch_size, shuffle, seed):
        self.x, self.y = x, y
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.rng = np.random.default_rng(seed)

    def __len__(self):
        return (len(self.x) + self.batch_size - 1) // self.batch_size

    def __iter__(self):
        order = self.rng.permutation(len(self.x)) if self.shuffle else np.arange(len(self.x))
        for start in range(0, len(order), self.batch_size):
            idx = order[start:start + self.batch_size]
            yield self.x[idx], self.y[idx]


class MLP:
    def __init__(self, features, hidden, seed):
        rng = np.random.default_rng(seed)
        self.w1 = rng.normal(scale=np.sqrt(2 / features), size=(features, hidden)).astype(np.float32)
        self.b1 = np.zeros(hidden, np.float32)
        self.w2 = rng.normal(scale=np.sqrt(1 / hidden), size=(hidden, 1)).astype(np.float32)
        self.b2 = np.zeros(1, np.float32)

    def forward(self, x):
        self.x = x
        self.h = np.maximum(x @ self.w1 + self.b1, 0)
        return 1 / (1 + np.exp(-(self.h @ self.w2 + self.b2)[:, 0]))

    def step(self, p, y, lr):
        g = ((p - y) / len(y))[:, None]
        gh = (g @ self.w2.T) * (self.h > 0)
        self.w2 -= lr * self.h.T @ g
        self.b2 -= lr * g.sum(0)
        self.w1 -= lr * self.x.T @ gh
        self.b1 -= lr * gh.sum(0)


def bce(p, y):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).mean())


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5, help="passes over the training set")
    parser.add_argument("--batch-size", type=int, default=256, help="rows per mini-batch")
    parser.add_argument("--samples", type=int, default=100000, help="rows of synthetic training data")
    parser.add_argument("--hidden", type=int, default=2048, help="hidden units")
    parser.add_argument("--lr", type=float, default=0.05, help="learning rate")
    parser.add_argument("--seed", type=int, default=42, help="random seed")
    args = parser.parse_args()

    x, y = make_data(args.samples + args.samples // 5, 256, args.seed)
    split = args.samples
    train = BatchLoader(x[:split], y[:split], args.batch_size, shuffle=True, seed=args.seed)
    valid = BatchLoader(x[split:], y[split:], 1024, shuffle=False, seed=args.seed)
    model = MLP(x.shape[1], args.hidden, args.seed)

    for epoch in range(1, args.epochs + 1):
        print(f"Epoch {epoch}/{args.epochs}", flush=True)
        started = time.time()
        n = len(train)
        for i, (xb, yb) in enumerate(train, start=1):
            p = model.forward(xb)
            model.step(p, yb, args.lr)
            done = int(30 * i / n)
            sys.stdout.write(f"\r{i}/{n} [{'=' * done}{'.' * (30 - done)}] - loss: {bce(p, yb):.4f}")
            sys.stdout.flush()
        val = [bce(model.forward(xb), yb) for xb, yb in valid]
        print(f" - {time.time() - started:.1f}s - val_loss: {np.mean(val):.4f}", flush=True)


if __name__ == "__main__":
    main()
