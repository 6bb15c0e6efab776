"""Fits nothing: prints a date parsed with dateutil, using a helper from the repo."""
import six
from dateutil import parser

from utils import describe


def main() -> None:
    when = parser.parse("2024-05-01T12:00:00")
    print(describe(when), six.PY3)


if __name__ == "__main__":
    main()
