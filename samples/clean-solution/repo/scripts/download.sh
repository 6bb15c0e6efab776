#!/usr/bin/env bash
# Rebuild data/train.csv from the competition files (needs a Kaggle API token).
set -euo pipefail
kaggle competitions download -c tabular-playground-series-jan-2022 -p data/raw
unzip -o data/raw/tabular-playground-series-jan-2022.zip -d data/raw
python src/make_features.py data/raw/train.csv data/train.csv
