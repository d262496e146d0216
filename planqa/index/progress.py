"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int, label: str, stream: TextIO | None = None, enabled: bool | None = None):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() if enabled is None else enabled) and total > 0
        self.started = time.monotonic()

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            elapsed = time.monotonic() - self.started
            bar = "█" * filled + "░" * (width - filled)
            self.stream.write(f"\r{self.label} {bar} {self.done}/{self.total} {elapsed:.1f}s")
            self.stream.flush()

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
