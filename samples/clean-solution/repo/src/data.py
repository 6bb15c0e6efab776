"""Load the shipped training data: features in the first columns, the 0/1 target last."""
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_train(path=DATA_DIR / "train.csv"):
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


def batches(features, target, batch_size, rng):
    """Yield shuffled mini-batches, like a DataLoader with shuffle=True."""
    order = rng.permutation(len(target))
    for start in range(0, len(order), batch_size):
        index = order[start : start + batch_size]
        yield features[index], target[index]
