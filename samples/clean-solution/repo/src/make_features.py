"""Turn the competition's raw train.csv into the numeric features train.py reads."""
import sys

import numpy as np


def main(source, target):
    table = np.genfromtxt(source, delimiter=",", skip_header=1, filling_values=0.0)
    np.savetxt(target, table, delimiter=",", header=",".join(f"f{i}" for i in range(table.shape[1])), comments="")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
