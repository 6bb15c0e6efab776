"""Train a small classifier with PyTorch Lightning on the CPU (synthetic data the script makes, deterministic)."""
import argparse

import lightning.pytorch as pl
import torch
from torch.utils.data import DataLoader, TensorDataset


class Classifier(pl.LightningModule):
    def __init__(self, features, hidden, classes, lr):
        super().__init__()
        self.net = torch.nn.Sequential(
            torch.nn.Linear(features, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, classes)
        )
        self.lr = lr

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def make_data(count, features, classes, seed):
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(count, features, generator=generator)
    y = (x[:, :classes].argmax(dim=1)).long()
    return TensorDataset(x, y)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=5, help="passes over the training set")
    parser.add_argument("--samples", type=int, default=4096, help="rows of synthetic training data")
    parser.add_argument("--batch-size", type=int, default=64, help="rows per training step")
    parser.add_argument("--hidden", type=int, default=256, help="hidden units")
    parser.add_argument("--lr", type=float, default=1e-3, help="learning rate of Adam")
    parser.add_argument("--seed", type=int, default=0, help="seed for the data, the weights and the shuffling")
    args = parser.parse_args()

    pl.seed_everything(args.seed)
    data = make_data(args.samples, 32, 4, args.seed)
    loader = DataLoader(data, batch_size=args.batch_size, shuffle=True, generator=torch.Generator().manual_seed(args.seed))
    model = Classifier(32, args.hidden, 4, args.lr)
    trainer = pl.Trainer(max_epochs=args.epochs, accelerator="cpu", devices=1, logger=False, enable_checkpointing=False)
    trainer.fit(model, loader)


if __name__ == "__main__":
    main()
