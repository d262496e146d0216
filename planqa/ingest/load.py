"""File → clean text → Plan: the ingest path shared by ``planqa clean``, ``parse`` and ``index``."""

from dataclasses import dataclass
from pathlib import Path

from planqa.errors import InputError, PlanStructureError
from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.plan import Plan
from planqa.ingest.source import (
    MAX_BYTES,
    PlanSource,
    plan_id_from_path,
    read_plan_bytes,
    read_plan_file,
)


@dataclass(frozen=True)
class Ingested:
    path: Path
    encoding: str
    text: str  # cleaned
    format: str = "txt"  # the file's format: txt, docx, pdf or html


def clean_file(path: str | Path, max_bytes: int = MAX_BYTES) -> Ingested:
    """Any supported file (.txt in any encoding, .docx, .pdf, .html) → its cleaned text."""
    return _clean(read_plan_file(path, max_bytes))


def _clean(source: PlanSource) -> Ingested:
    text = clean_text(source.text)
    if not text.strip():
        raise InputError(f"清洗后没有剩下任何文字：{source.path}")
    return Ingested(source.path, source.encoding, text, source.format)


def load_plan(path: str | Path, plan_id: str | None = None,
              max_bytes: int = MAX_BYTES) -> tuple[Plan, Ingested]:
    return _parse(clean_file(path, max_bytes), plan_id or plan_id_from_path(path))


def load_plan_bytes(data: bytes, name: str, plan_id: str | None = None,
                    max_bytes: int = MAX_BYTES) -> tuple[Plan, Ingested]:
    """The same path as ``load_plan`` for a file received as bytes (an upload named ``name``)."""
    return _parse(_clean(read_plan_bytes(data, name, max_bytes)), plan_id or plan_id_from_path(name))


def _parse(ingested: Ingested, plan_id: str) -> tuple[Plan, Ingested]:
    try:
        plan = parse_plan(ingested.text, plan_id)
    except PlanStructureError as err:
        raise PlanStructureError(f"{err}：{ingested.path}") from None
    return plan, ingested


def bundled_plan_paths() -> list[Path]:
    """The bundled plans: inside the installed package, or the repo's data/ in a checkout."""
    here = Path(__file__).resolve().parent.parent
    for folder in (here / "data", here.parent / "data"):
        found = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if found:
            return found
    raise InputError("找不到随包附带的计划文件（data/ 目录为空）")
