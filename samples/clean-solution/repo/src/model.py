"""Logistic regression trained by mini-batch gradient descent."""
import numpy as np


class LogisticRegression:
    def __init__(self, n_features, learning_rate=0.1):
        self.weights = np.zeros(n_features)
        self.bias = 0.0
        self.learning_rate = learning_rate

    def predict_proba(self, features):
        return 1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias)))

    def step(self, features, target):
        error = self.predict_proba(features) - target
        self.weights -= self.learning_rate * features.T @ error / len(target)
        self.bias -= self.learning_rate * error.mean()
        return float(np.mean(error**2))

    def save(self, path):
        np.savez(path, weights=self.weights, bias=self.bias)

    @classmethod
    def load(cls, path):
        saved = np.load(path)
        model = cls(len(saved["weights"]))
        model.weights, model.bias = saved["weights"], float(saved["bias"])
        return model
