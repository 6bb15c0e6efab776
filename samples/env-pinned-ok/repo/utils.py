"""Helpers for train.py."""
import datetime


def describe(when: datetime.datetime) -> str:
    return when.isoformat()
