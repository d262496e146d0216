"""One writer at a time: `planqa index` runs (and the server's first-run build) take an
exclusive lock file in PLANQA_HOME; a second run waits for the first instead of interleaving."""

import fcntl
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from planqa.errors import PlanqaError

WAIT_S = 600.0


def _say(message: str) -> None:
    print(f"planqa: {message}", file=sys.stderr)


@contextmanager
def index_lock(home: Path, wait_s: float = WAIT_S, notice: Callable[[str], None] = _say) -> Iterator[None]:
    home = Path(home).expanduser()
    try:
        home.mkdir(parents=True, exist_ok=True)
        handle = open(home / "index.lock", "a+")  # noqa: SIM115 — held for the whole block
    except OSError as err:
        raise PlanqaError(f"无法在 {home} 建立锁文件（PLANQA_HOME）：{err.strerror or err}") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notice("另一个 planqa index 正在写索引，等它完成……")
            deadline = time.monotonic() + wait_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise PlanqaError(f"等了 {wait_s:.0f} 秒，另一个 planqa index 仍在运行") from None
                    time.sleep(0.2)
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()
