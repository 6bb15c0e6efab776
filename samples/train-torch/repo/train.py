"""Train a torchvision ResNet-18 on synthetic images with PyTorch on the CPU (deterministic, no download)."""
import argparse
import time

import torch
import torchvision
from torch.utils.data import DataLoader, TensorDataset


def make_images(count, size, classes, seed):
    """Noise images whose mean brightness carries the class, so the loss has something to learn."""
    generator = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, classes, (count,), generator=generator)
    images = torch.randn(count, 3, size, size, generator=generator) * 0.5
    images += labels.view(-1, 1, 1, 1).float() / classes
    return TensorDataset(images, labels)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=3, help="passes over the training images")
    parser.add_argument("--batch-size", type=int, default=32, help="images per training step")
    parser.add_argument("--images", type=int, default=320, help="synthetic training images the script makes")
    parser.add_argument("--img-size", type=int, default=64, help="side of each square image, in pixels")
    parser.add_argument("--classes", type=int, default=4, help="number of classes")
    parser.add_argument("--lr", type=float, default=0.01, help="learning rate of SGD with momentum 0.9")
    parser.add_argument("--seed", type=int, default=0, help="seed for the images, the weights and the shuffling")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    data = make_images(args.images, args.img_size, args.classes, args.seed)
    loader = DataLoader(data, batch_size=args.batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(args.seed))
    model = torchvision.models.resnet18(weights=None, num_classes=args.classes)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()

    for epoch in range(1, args.epochs + 1):
        model.train()
        started = time.time()
        total = 0.0
        for images, labels in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(images), labels)
            loss.backward()
            optimizer.step()
            total += loss.item() * len(labels)
        print(f"Epoch {epoch}/{args.epochs} loss {total / len(data):.4f} done in {time.time() - started:.1f}s", flush=True)


if __name__ == "__main__":
    main()
