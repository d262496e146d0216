"""File → clean text → Plan: the ingest path shared by ``planqa clean``, ``parse`` and ``index``."""

from dataclasses import dataclass
from pathlib import Path

from planqa.errors import InputError
from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.plan import Plan
from planqa.ingest.source import plan_id_from_path, read_plan_file


@dataclass(frozen=True)
class Ingested:
    path: Path
    encoding: str
    text: str  # cleaned


def clean_file(path: str | Path) -> Ingested:
    source = read_plan_file(path)
    text = clean_text(source.text)
    if not text.strip():
        raise InputError(f"清洗后没有剩下任何文字：{source.path}")
    return Ingested(source.path, source.encoding, text)


def load_plan(path: str | Path, plan_id: str | None = None) -> tuple[Plan, Ingested]:
    ingested = clean_file(path)
    return parse_plan(ingested.text, plan_id or plan_id_from_path(path)), ingested


def bundled_plan_paths() -> list[Path]:
    """The bundled plans: inside the installed package, or the repo's data/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "data", here.parent / "data"):
        found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if found:
            return found
    raise InputError("找不到随包附带的计划文件（data/ 目录为空）")
