import os
import argparse
import cv2
import numpy as np
import pandas as pd
import torch
import timm
import albumentations as A
from sklearn.model_selection import StratifiedKFold

parser = argparse.ArgumentParser()
parser.add_argument('--fold', type=int, default=0)
parser.add_argument('--epochs', type=int, default=30, help='number of epochs')
parser.add_argument('--img_size', type=int, default=512)
args = parser.parse_args()

DATA_DIR = '/kaggle/input/siim-covid19-detection/'
OUT_DIR = '/home/john/experiments/effnet_b7'
PRETRAINED = 'C:\\Users\\john\\weights\\tf_efficientnet_b7_ns.pth'

train_df = pd.read_csv(DATA_DIR + 'train_image_level.csv')
skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=42)


def get_transforms(img_size):
    return A.Compose([A.Resize(img_size, img_size), A.HorizontalFlip()])


def mixup(x, y):
    # TODO: implement mixup, didn't have time
    raise NotImplementedError


def train_one_fold(fold):
    model = timm.create_model('tf_efficientnet_b7_ns', pretrained=False, num_classes=4)
    model.load_state_dict(torch.load(PRETRAINED))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(args.epochs):
        for images, labels in loader:
            loss = criterion(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        torch.save(model.state_dict(), os.path.join(OUT_DIR, f'fold{fold}.pth'))
    return model_nmae


if __name__ == '__main__':
    train_one_fold(args.fold)
