"""Plans saved and printed by LibreOffice (tests/data/documents/, made by
tests/data/make_documents.py): its own numbering.xml (taiwaneseCountingThousand for 一、) and PDFs
with embedded Noto CJK fonts, a header and a 第 N 页 footer on every page."""

from pathlib import Path

import pytest

from planqa.ingest.clean import clean_text
from planqa.ingest.outline import parse_plan
from planqa.ingest.source import read_plan_file

DATA = Path(__file__).resolve().parents[2] / "data"
FILES = sorted((DATA / "documents").glob("*.libreoffice.*"))


def test_the_libreoffice_documents_are_there():
    assert len(FILES) == 8 and {f.suffix for f in FILES} == {".docx", ".pdf"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_libreoffice_document_reads_as_its_text(path):
    text = (DATA / "corpus" / f"{path.name.split('.')[0]}.txt").read_text(encoding="utf-8")
    source = read_plan_file(path)
    assert source.format == path.suffix[1:]
    assert clean_text(source.text) == clean_text(text)  # every paragraph, nothing else
    got, want = parse_plan(clean_text(source.text), "p"), parse_plan(clean_text(text), "p")
    assert [(s.number, s.title, [(t.number, t.title) for t in s.tasks]) for s in got.sections] == \
           [(s.number, s.title, [(t.number, t.title) for t in s.tasks]) for s in want.sections]
