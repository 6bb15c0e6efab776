"""Reads a YAML config, but requirements.txt forgot PyYAML."""
import six
import yaml

from src.features import build

config = yaml.safe_load("epochs: 3")
print(build(config), six.PY3)
