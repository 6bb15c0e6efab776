"""Train the baseline: python src/train.py --epochs 5."""
import argparse

import numpy as np

from data import batches, load_train
from model import LogisticRegression


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5, help="passes over the training data")
    parser.add_argument("--batch-size", type=int, default=64, help="rows per gradient step")
    parser.add_argument("--lr", type=float, default=0.1, help="learning rate")
    parser.add_argument("--seed", type=int, default=42, help="seed for shuffling")
    parser.add_argument("--out", default="model.npz", help="where the trained weights go")
    return parser.parse_args()


def main():
    args = parse_args()
    rng = np.random.default_rng(args.seed)
    features, target = load_train()
    model = LogisticRegression(features.shape[1], args.lr)
    for epoch in range(1, args.epochs + 1):
        losses = [model.step(x, y) for x, y in batches(features, target, args.batch_size, rng)]
        print(f"Epoch {epoch}/{args.epochs} loss={np.mean(losses):.4f}", flush=True)
    model.save(args.out)


if __name__ == "__main__":
    main()
