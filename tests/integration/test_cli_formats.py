"""`planqa clean/parse/index` on Word, PDF and web-page plans, and on files it must refuse:
a real process, real files made by real tools."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.documents import (
    make_docx,
    make_html,
    make_listing_html,
    make_pdf,
    make_scanned_pdf,
)
from tests.unit.ingest.test_read_corpus import PDF_UNMAPPED

NAME = "action-plan-high-quality-development-jinan-new"
TEXT = (CORPUS / f"{NAME}.txt").read_text(encoding="utf-8")


def planqa(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "planqa", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=180, env={**os.environ, **(env or {})})


def outline(plan_json: dict):
    return [(s["number"], s["title"], [(t["number"], t["title"]) for t in s["tasks"]])
            for s in plan_json["sections"]]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("plans")
    files = {"txt": folder / f"{NAME}.txt"}
    files["txt"].write_text(TEXT, encoding="utf-8")
    for kind, data in (("docx", make_docx(TEXT)), ("pdf", make_pdf(TEXT)), ("html", make_html(TEXT))):
        files[kind] = folder / f"{NAME}.{kind}"
        files[kind].write_bytes(data)
    return files


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_parse_json_of_each_format_is_the_plan_of_the_text(documents, kind):
    want = planqa("parse", str(documents["txt"]), "--json")
    got = planqa("parse", str(documents[kind]), "--json")
    assert got.returncode == 0, got.stderr
    assert got.stderr == want.stderr == "planqa: 警告：没有找到计划标题\n"  # none is printed
    plan = json.loads(got.stdout)
    assert plan["plan_id"] == NAME
    assert outline(plan) == outline(json.loads(want.stdout))
    assert len(plan["sections"]) == 4 and sum(len(s["tasks"]) for s in plan["sections"]) == 12
    if kind != "pdf":
        assert plan == json.loads(want.stdout)


@pytest.mark.parametrize("kind", ["docx", "pdf", "html"])
def test_clean_and_outline_of_each_format(documents, kind):
    clean = planqa("clean", str(documents[kind]))
    assert clean.returncode == 0, clean.stderr
    want = planqa("clean", str(documents["txt"])).stdout
    if kind == "pdf":  # see PDF_UNMAPPED in tests/unit/ingest/test_read_corpus.py
        want = PDF_UNMAPPED.sub("", want)
    assert clean.stdout == want
    shown = planqa("parse", str(documents[kind]))
    assert "共4个部分，12项任务" in shown.stdout  # the （一） items; the 1.–17. stay inside them


def test_a_big5_file_is_named_on_stderr(tmp_path):
    import opencc

    path = tmp_path / "big5.txt"
    path.write_bytes(opencc.OpenCC("s2tw").convert(TEXT).encode("big5"))
    result = planqa("parse", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert "BIG5" in result.stderr
    assert len(json.loads(result.stdout)["sections"]) == 4


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    import zipfile

    files = {}

    def put(key, name, data, message):
        path = folder / name
        path.write_bytes(data)
        files[key] = (path, message)

    put("scanned", "scan.pdf", make_scanned_pdf(TEXT), "没有文字层")
    put("encrypted", "locked.pdf", make_pdf(TEXT, password="密码"), "PDF 已加密")
    zipped = folder / "photos.zip"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("photo1.jpg", b"\xff\xd8\xff\xe0" + bytes(100))
    put("zip", "plan.docx", zipped.read_bytes(), "不是 Word 文档")
    put("no plan", "list.html", make_listing_html(), "网页里没有找到正文")
    put("binary", "data.bin", bytes(range(256)) * 40, "二进制文件")
    put("doc", "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "旧版 Office")
    huge = folder / "huge.txt"
    with huge.open("wb") as f:  # 50 MB, sparse on disk
        f.truncate(50 * 1024 * 1024)
    files["50 MB"] = (huge, "文件过大（50 MB，上限 20 MB")
    return files


BAD = ["scanned", "encrypted", "zip", "no plan", "binary", "doc", "50 MB"]


@pytest.mark.parametrize("key", BAD)
@pytest.mark.parametrize("command", ["clean", "parse"])
def test_bad_files_are_one_chinese_line_and_exit_2(tmp_path, command, key):
    path, message = _bad_files(tmp_path)[key]
    result = planqa(command, str(path))
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_the_size_limit_is_a_setting(documents):
    result = planqa("parse", str(documents["docx"]), env={"PLANQA_MAX_FILE_MB": "0.01"})
    assert result.returncode == 2
    assert "上限 0.01 MB" in result.stderr and "PLANQA_MAX_FILE_MB" in result.stderr
    bad = planqa("parse", str(documents["docx"]), env={"PLANQA_MAX_FILE_MB": "-1"})
    assert bad.returncode == 2 and "PLANQA_MAX_FILE_MB" in bad.stderr


@pytest.mark.slow
def test_index_takes_a_word_plan_and_refuses_bad_files_without_indexing_anything(tmp_path, documents):
    bad = _bad_files(tmp_path)
    for key in BAD:
        path, message = bad[key]
        result = planqa("index", str(documents["txt"]), str(path))  # the good one is not indexed either
        assert result.returncode == 2, (key, result.stderr)
        assert message in result.stderr and result.stderr.count("\n") == 1
    assert "还没有索引任何计划" in planqa("index", "--list").stdout
    result = planqa("index", str(documents["docx"]))
    assert result.returncode == 0, result.stderr
    listed = planqa("index", "--list").stdout
    assert NAME in listed and "4个部分\t12项任务" in listed
