"""`planqa clean` and `planqa parse` as a user runs them: a real process, real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planqa.ingest.clean import clean_text
from tests.conftest import SEED


def planqa(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "planqa", *args],
        capture_output=True, text=True, encoding="utf-8", input=stdin, timeout=60,
    )


def test_clean_prints_the_cleaned_seed():
    result = planqa("clean", str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stdout == clean_text(SEED.read_text(encoding="utf-8"))
    assert result.stdout.startswith("山东省科协办公室关于印发《山东省科协2017年工作要点》的通知\n")


def test_parse_json_is_the_plan_contract():
    result = planqa("parse", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["plan_id"] == "sdast-2017-work-plan"
    assert len(plan["sections"]) == 7
    assert sum(len(s["tasks"]) for s in plan["sections"]) == 23
    assert result.stderr == ""


def test_parse_outline_and_plan_id_option():
    result = planqa("parse", str(SEED), "--plan-id", "sdast-2017")
    assert result.returncode == 0
    assert "共7个部分，23项任务" in result.stdout
    assert "  9.强化科技人才工作" in result.stdout
    assert "三、做好建家交友和科技人才工作" in result.stdout


def test_parse_outline_of_a_plan_with_parts_items_and_end_matter():
    path = Path(__file__).resolve().parents[1] / "data" / "corpus" / (
        "implementation-plan-promoting-development-industrial-big-data.txt")
    result = planqa("parse", str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0].endswith("山东省人民政府办公厅 2020-12-10")
    assert "  （一）健全工作机制（第8项）  责任单位：省政府有关部门" in lines  # numbered by position
    assert lines[-2].startswith("文末：抄送：")
    data = json.loads(planqa("parse", str(path), "--json").stdout)
    assert data["date"] == "2020-12-10" and data["end_matter"].startswith("抄送：")
    assert data["sections"][1]["tasks"][0]["label"] == "（一）"


def test_gbk_file_is_read_and_the_encoding_named(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    result = planqa("parse", str(path), "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["sections"]) == 7
    assert "GB18030" in result.stderr


def test_numbering_warnings_go_to_stderr(tmp_path):
    path = tmp_path / "gap.txt"
    path.write_text("计划\n一、部分\n1.甲\n正文\n3.丙\n正文\n", encoding="utf-8")
    result = planqa("parse", str(path), "--json")
    assert result.returncode == 0
    assert "缺少第2项" in result.stderr
    json.loads(result.stdout)


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "文件不存在"),
        (b"", "文件是空的"),
        (b"\x00\x01\x02binary\x00" * 50, "二进制文件"),
        ("Just some English prose.\nNothing else.".encode(), "没有识别出计划的结构"),
        ("♦€↓×\n".encode(), "清洗后没有剩下任何文字"),
    ],
)
def test_bad_files_give_one_line_and_exit_2(tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = planqa("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_and_bad_arguments(tmp_path):
    for args in (["clean", str(tmp_path)], ["parse"], ["nonsense"], []):
        result = planqa(*args)
        assert result.returncode == 2, args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_console_script_is_installed():
    script = __import__("pathlib").Path(sys.executable).with_name("planqa")
    result = subprocess.run([str(script), "clean", str(SEED)], capture_output=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").count("\n") > 40
