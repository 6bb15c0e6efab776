"""Write predictions for the shipped rows: python src/predict.py --weights model.npz."""
import argparse

import numpy as np

from data import load_train
from model import LogisticRegression


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weights", default="model.npz", help="weights written by train.py")
    parser.add_argument("--out", default="submission.csv", help="the submission file to write")
    args = parser.parse_args()
    features, _ = load_train()
    model = LogisticRegression.load(args.weights)
    np.savetxt(args.out, model.predict_proba(features), delimiter=",", header="target", comments="")


if __name__ == "__main__":
    main()
