"""Reading a plan file from disk: the one I/O edge of ingest, with a clear message per failure."""

import re
from dataclasses import dataclass
from pathlib import Path

from planqa.errors import InputError

# Decoding order: a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK and GB2312).
_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_BYTES = 20 * 1024 * 1024  # a plan is a few dozen KB; 20 MB is surely not one


@dataclass(frozen=True)
class PlanSource:
    path: Path
    text: str
    encoding: str


def read_plan_file(path: str | Path) -> PlanSource:
    path = Path(path)
    try:
        if not path.exists():
            raise InputError(f"文件不存在：{path}")
        if path.is_dir():
            raise InputError(f"这是一个目录，不是计划文件：{path}")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"文件过大（超过 {MAX_BYTES // 1024 // 1024} MB），不像是计划文本：{path}")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"无法读取文件：{path}（{err.strerror or err}）") from None
    text, encoding = decode_plan_bytes(data, str(path))
    return PlanSource(path, text, encoding)


def decode_plan_bytes(data: bytes, name: str = "输入") -> tuple[str, str]:
    if not data.strip():
        raise InputError(f"文件是空的：{name}")
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding, name), encoding
    if b"\x00" in data:
        raise InputError(f"这是二进制文件，不是文本：{name}")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(encoding), encoding, name), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）：{name}")


def _checked(text: str, encoding: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"文件是空的：{name}")
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise InputError(f"这是二进制文件，不是文本：{name}")
    return text


def plan_id_from_path(path: str | Path) -> str:
    """The default plan id: a slug of the file name without its suffixes.

    sdast-2017-work-plan.noisy.txt → sdast-2017-work-plan; Han characters are kept.
    """
    stem = Path(path).name.split(".")[0] or Path(path).name
    slug = re.sub(r"[^0-9a-z\u4e00-\u9fff]+", "-", stem.lower()).strip("-")
    return slug or "plan"
