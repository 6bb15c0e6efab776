"""Train: python train.py --epochs 10."""
import argparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10, help="passes over the data")
    args = parser.parse_args()
    for epoch in range(args.epochs):
        print(f"Epoch {epoch + 1}/{args.epochs}")


if __name__ == "__main__":
    main()
