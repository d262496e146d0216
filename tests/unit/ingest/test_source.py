import pytest

from planqa.errors import InputError
from planqa.ingest.source import plan_id_from_path, read_plan_file

TEXT = "山东省科协2017年工作要点\n一、部分\n1.任务\n"


def test_utf8_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    source = read_plan_file(path)
    assert (source.text, source.encoding) == (TEXT, "utf-8")


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_file_is_decoded_and_says_so(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode(encoding))
    source = read_plan_file(path)
    assert source.text == TEXT
    assert source.encoding == "gb18030"


def test_bom_files(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert read_plan_file(path).text == TEXT
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert read_plan_file(path).text == TEXT


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "文件是空的"),
        (b"  \n\n\t ", "文件是空的"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "图片（PNG）.*OCR"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "二进制文件"),
        (bytes(range(1, 32)) * 20, "二进制文件"),
        (b"plan \xff\xff\xff text \x81", "无法识别文件编码"),
    ],
)
def test_bad_files_are_refused_with_a_message(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_plan_file(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="文件不存在"):
        read_plan_file(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="目录"):
        read_plan_file(tmp_path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(TEXT, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(InputError, match="无法读取文件.*Permission denied"):
        read_plan_file(path)


@pytest.mark.parametrize(
    "name, plan_id",
    [
        ("sdast-2017-work-plan.noisy.txt", "sdast-2017-work-plan"),
        ("Qingdao 2018 Plan.txt", "qingdao-2018-plan"),
        ("山东省科协2017年工作要点.txt", "山东省科协2017年工作要点"),
        ("!!!.txt", "plan"),
    ],
)
def test_plan_id_is_a_slug_of_the_file_name(name, plan_id):
    assert plan_id_from_path(f"/x/{name}") == plan_id


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 1000, encoding="utf-8")  # 48 KB
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read"))
    with pytest.raises(InputError, match=r"文件过大（0.05 MB，上限 0.01 MB，可用 PLANQA_MAX_FILE_MB 调整）"):
        read_plan_file(path, max_bytes=1024 * 1024 // 100)


def test_the_size_limit_setting():
    from planqa.config import load_settings

    assert load_settings().max_file_bytes == 20 * 1024 * 1024
    assert load_settings(max_file_mb=0.5).max_file_bytes == 512 * 1024
