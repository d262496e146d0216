"""Reading a plan file from disk: the one I/O edge of ingest, with a clear message per failure."""

import re
from dataclasses import dataclass
from pathlib import Path

from planqa.errors import FileTooLarge, InputError
from planqa.ingest.read import read_document
from planqa.ingest.read.text import decode_text

MAX_BYTES = 20 * 1024 * 1024  # the default of Settings.max_file_mb: a plan is a few dozen KB to a few MB


@dataclass(frozen=True)
class PlanSource:
    path: Path
    text: str
    encoding: str  # the detected text encoding; "" for .docx and .pdf
    format: str = "txt"  # txt, docx, pdf or html (see planqa.ingest.read)


def read_plan_file(path: str | Path, max_bytes: int = MAX_BYTES) -> PlanSource:
    """The text of a plan file in any format planqa reads; ``InputError`` with a one-line reason."""
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(f"文件不存在：{path}")
        if path.is_dir():
            raise InputError(f"这是一个目录，不是计划文件：{path}")
        check_size(path.stat().st_size, max_bytes, str(path))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"无法读取文件：{path}（{err.strerror or err}）") from None
    return read_plan_bytes(data, str(path), max_bytes)


def read_plan_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> PlanSource:
    """The text of a plan file received as bytes (an upload); ``name`` is its file name."""
    check_size(len(data), max_bytes, name)
    document = read_document(data, name)
    return PlanSource(Path(name), document.text, document.encoding, document.format)


def check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise FileTooLarge(f"文件过大（{_mb(size)} MB，上限 {_mb(max_bytes)} MB，"
                           f"可用 PLANQA_MAX_FILE_MB 调整）：{name}")


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.2f}".rstrip("0").rstrip(".")


def decode_plan_bytes(data: bytes, name: str = "输入") -> tuple[str, str]:
    """Plain-text bytes → ``(text, encoding)``; see ``planqa.ingest.read.text``."""
    return decode_text(data, name)


def plan_id_from_path(path: str | Path) -> str:
    """The default plan id: a slug of the file name without its suffixes.

    sdast-2017-work-plan.noisy.txt → sdast-2017-work-plan; Han characters are kept.
    """
    stem = Path(path).name.split(".")[0] or Path(path).name
    slug = re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", stem.lower()).strip("-")
    return slug or "plan"
