"""Prompt templates live here as text files, loaded by name."""

from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent


@cache
def load_prompt(name: str) -> str:
    return (HERE / f"{name}.txt").read_text(encoding="utf-8")
