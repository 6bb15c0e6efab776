"""Train a small dense network on a synthetic tabular task with Keras 3 on the JAX backend (CPU, deterministic)."""
import argparse
import os

# Keras reads its backend once, at import; JAX is the one pinned in requirements.txt.
os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402


def make_data(n, features, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, features)).astype("float32")
    w = rng.normal(size=(features,)).astype("float32")
    y = ((x @ w + 0.5 * np.sin(x[:, 0] * 3)) > 0).astype("float32")
    return x, y


def build_model(features, hidden):
    model = keras.Sequential([
        keras.Input(shape=(features,)),
        keras.layers.Dense(hidden, activation="relu"),
        keras.layers.Dense(hidden, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5, help="passes over the training data")
    parser.add_argument("--samples", type=int, default=20000, help="rows of synthetic data (20%% held out)")
    parser.add_argument("--features", type=int, default=32, help="columns of synthetic data")
    parser.add_argument("--hidden", type=int, default=64, help="units per hidden layer")
    parser.add_argument("--batch-size", type=int, default=128, help="rows per training step")
    parser.add_argument("--verbose", type=int, default=2, choices=[0, 1, 2], help="Keras progress: 0 none, 1 bar, 2 line")
    parser.add_argument("--seed", type=int, default=0, help="seed for the data and the weights")
    args = parser.parse_args()

    keras.utils.set_random_seed(args.seed)
    x, y = make_data(args.samples, args.features, args.seed)
    model = build_model(args.features, args.hidden)
    history = model.fit(x, y, epochs=args.epochs, batch_size=args.batch_size, validation_split=0.2,
                        shuffle=True, verbose=args.verbose)
    print(f"final val_loss {history.history['val_loss'][-1]:.4f} val_accuracy {history.history['val_accuracy'][-1]:.4f}")


if __name__ == "__main__":
    main()
