"""The parser finds every hand-checked gold outline in tests/data/outlines/ (README there), and
the same outline after the document is damaged like the seed (annotations, traditional
characters, stray symbols, odd spaces)."""

import json
import unicodedata
from pathlib import Path

import pytest

from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.plan import Plan
from tests.damage import damage

DATA = Path(__file__).resolve().parents[2] / "data"
GOLD = sorted((DATA / "outlines").glob("*.json"))


def _norm(text: str | None) -> str:
    """Printed words only: cleaning decides spaces, quotes and the width of punctuation."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if ch.isalnum() and (ch.isascii() or "\u4e00" <= ch <= "\u9fff"))


def _plan(gold: dict, damaged_with: int | None = None) -> Plan:
    text = (DATA / "corpus" / gold["source"]).read_text(encoding="utf-8")
    if damaged_with is not None:
        text = damage(clean_text(text), damaged_with)
    return parse_plan(clean_text(text), Path(gold["source"]).stem)


def _skeleton(plan: Plan, attachment: str = "") -> list:
    return [(s.number, _norm(s.title), [(t.number, t.label, _norm(t.title)) for t in s.tasks])
            for s in plan.sections if s.attachment == attachment]


def _gold_skeleton(sections: list[dict]) -> list:
    return [(s["number"], _norm(s["title"]), [(t["number"], t["label"], _norm(t["title"]))
                                              for t in s["tasks"]]) for s in sections]


@pytest.fixture(params=GOLD, ids=lambda p: p.stem[:48])
def gold(request) -> dict:
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_there_are_gold_outlines_of_every_numbering_style():
    styles = {json.loads(p.read_text(encoding="utf-8"))["style"] for p in GOLD}
    assert len(GOLD) >= 25
    assert {"一、/（一）", "一、/（一）/1.", "一、/1.", "一、/（一）/1./（1）"} <= styles
    assert any(s.startswith("第一章") for s in styles)


def test_parser_finds_the_gold_outline(gold):
    plan = _plan(gold)
    facts = {k: _norm(getattr(plan, k)) or None for k in ("title", "issuer", "date", "doc_number")}
    assert facts == {k: _norm(gold[k]) or None for k in facts}
    assert _skeleton(plan) == _gold_skeleton(gold["sections"])
    assert [s.label for s in plan.body] == [s["label"] for s in gold["sections"]]
    leads = [list(t.leads) for t in plan.body_tasks]
    assert leads == [t.get("leads", []) for s in gold["sections"] for t in s["tasks"]]
    if "attachments" not in gold:  # outlined before attachments were read: the body only
        return
    attachments = gold["attachments"]
    assert [(a.label, _norm(a.title)) for a in plan.attachments] == [(a["label"], _norm(a["title"])) for a in attachments]
    for a in attachments:
        assert _skeleton(plan, a["label"]) == _gold_skeleton(a["sections"]), a["label"]
    assert _norm(plan.end_matter) == _norm("".join(gold["end_matter"]))


def test_no_task_holds_end_matter(gold):
    plan = _plan(gold)
    whole = _norm((DATA / "corpus" / gold["source"]).read_text(encoding="utf-8"))
    for line in map(_norm, gold["end_matter"]):
        if len(line) >= 6 and whole.count(line) == 1:  # words printed only in the end matter
            assert not any(line in _norm(t.text) for t in plan.body_tasks), line


def test_damaged_document_parses_to_the_same_outline(gold):
    plan = _plan(gold)
    repaired = _plan(gold, damaged_with=len(gold["source"]))
    assert _skeleton(repaired) == _skeleton(plan)
    assert (repaired.issuer, repaired.date) == (plan.issuer, plan.date)
