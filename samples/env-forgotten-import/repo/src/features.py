"""Feature building; also reads YAML."""
import yaml


def build(config):
    return yaml.safe_dump(config)
