import numpy as np


def forward(x)
    return np.tanh(x)
