"""Thirteen corpus plans as Word documents, PDFs and government web pages, each made by a real
tool from the plan's text (tests/documents.py), must parse to the same outline as the text."""

import io
import re
import zipfile
from pathlib import Path

import pytest

from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.source import read_plan_file
from tests.conftest import CORPUS
from tests.documents import docx_numbered_share, make_docx, make_html, make_pdf

# name → the numbering it prints
DOCUMENTS = {
    "general-office-ministry-housing-urban-rural-development": "一、/（一）",
    "guiding-opinions-development-industrial-big-data-ministry": "一、/（一）",
    "supreme-court-accelerating-construction-smart-courts": "一、/（一） up to （二十六）",
    "general-office-ministry-commerce-implementation-plan-building": "一、/（一）",
    "guidance-opinion-intelligent-shipping-development": "一、/(一) half-width",
    "implementation-plan-promoting-development-industrial-big-data": "一、/（一）/1.",
    "action-plan-high-quality-development-jinan-new": "一、/（一）/1. tasks across parts",
    "action-plan-accelerating-development-sensors-intelligent-instrumentation": "一、/（一）/1.",
    "2019-annual-project-guidelines-cooperation-between-national": "一、/（一）/1./（1）",
    "jinan-municipal-government-promotion-plan-accelerating-high": "一、/（一）/1./（1）",
    "several-measures-support-high-quality-development-national": "一、/1.",
    "guidelines-project-declarations-2018-annual-projects-under": "一、/1.",
    "shandong-provincial-big-data-bureau-several-measures": "一、/1. with gaps",
}
MAKERS = {
    "docx": make_docx,
    # headings flush left in every other document: paragraphs must be told apart without indents
    "pdf": lambda text, flush=False: make_pdf(text, header="政策文件汇编", flush_headings=flush),
    "html": make_html,
}
# reportlab writes · « » with the STSong-Light CMap; pdfminer's Adobe-GB1 tables do not map them back
PDF_UNMAPPED = re.compile("[·«»]")


def outline(text: str):
    plan = parse_plan(clean_text(text), "p")
    return [(s.number, s.title, [(t.number, t.title) for t in s.tasks]) for s in plan.sections], plan


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("documents")
    files = {}
    for i, name in enumerate(DOCUMENTS):
        text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        for kind, make in MAKERS.items():
            path = folder / f"{name}.{kind}"
            path.write_bytes(make(text, i % 2 == 1) if kind == "pdf" else make(text))
            files[name, kind] = path
    return files


@pytest.mark.parametrize("kind", MAKERS)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_format_parses_to_the_outline_of_the_text(made, name, kind):
    txt = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    source = read_plan_file(made[name, kind])
    assert source.format == kind
    expected, expected_plan = outline(txt)
    got, got_plan = outline(source.text)
    assert got == expected
    assert sum(len(tasks) for _, _, tasks in got) + len(got) >= 3
    if kind == "pdf":
        assert clean_text(source.text) == PDF_UNMAPPED.sub("", clean_text(txt))
    else:  # every paragraph as it was: the whole plan is the same
        assert got_plan.to_json() == expected_plan.to_json()


def test_the_word_documents_number_their_lists_in_numbering_xml(made):
    """Most labels come from Word's list numbering, not from the text: the reader must make them."""
    shares = {name: docx_numbered_share((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
              for name in DOCUMENTS}
    assert sum(shares.values()) / len(shares) > 0.9, shares
    body = zipfile.ZipFile(io.BytesIO(made["action-plan-high-quality-development-jinan-new", "docx"].read_bytes()))
    xml = body.read("word/document.xml").decode()
    assert "一、" not in xml and "（一）" not in xml and not re.search(r">\d+\.", xml)
