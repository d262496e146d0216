"""A plan file as it comes → its text, one paragraph a line, for ``clean_text``.

``read_document(data, name)`` looks at the bytes first (a PDF, a zip holding a Word document, a
legacy Office file, an image) and at the name's extension only to tell a web page from plain text
or to refuse a file whose content contradicts it. One module per format, each a pure function of
the bytes: ``text`` (encodings), ``word`` (.docx), ``pdf``, ``web`` (.html).
"""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from planqa.errors import InputError, UnsupportedFormat

FORMATS = ("txt", "docx", "pdf", "html")
_HTML_EXT = {".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"}
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_IMAGES = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
           (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"BM", "BMP"))
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"Rar!", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z"))


@dataclass(frozen=True)
class Document:
    text: str
    format: str  # one of FORMATS
    encoding: str  # the detected text encoding (txt, html); "" for docx and pdf


def read_document(data: bytes, name: str = "输入") -> Document:
    """The text of a plan file in any supported format; ``InputError`` with a one-line reason."""
    kind = sniff(data, name)
    if kind == "pdf":
        from planqa.ingest.read.pdf import read_pdf

        return Document(read_pdf(data, name), "pdf", "")
    if kind == "docx":
        from planqa.ingest.read.word import read_docx

        return Document(read_docx(data, name), "docx", "")
    from planqa.ingest.read.text import decode_text

    try:
        text, encoding = decode_text(data, name)
    except InputError:
        if kind != "html":
            raise
        text, encoding = _lenient_page(data, name)
    if kind == "html" or _HTML_START.match(text[:2000]):
        from planqa.ingest.read.web import read_html

        return Document(read_html(text, name), "html", encoding)
    return Document(text, "txt", encoding)


def _lenient_page(data: bytes, name: str) -> tuple[str, str]:
    """A saved web page with a few bytes broken in its declared charset: read it in that charset,
    the broken bytes replaced, when they are few (a text file gets no such leniency)."""
    from planqa.ingest.read.web import declared_charset

    charset = declared_charset(data)
    charset = "gb18030" if charset in ("gb2312", "gbk", "x-gbk") else charset
    try:
        text = data.decode(charset, errors="replace") if charset else None
    except LookupError:
        text = None
    if text is None or text.count("\ufffd") > max(3, len(text) // 1000):
        raise InputError(f"无法识别网页的编码（声明为 {charset or '无'}）：{name}")
    return text, charset


def sniff(data: bytes, name: str = "") -> str:
    """The format the bytes are in: ``pdf``, ``docx``, ``html`` or ``txt`` (a text file of any
    encoding, decided later); ``InputError`` for a format planqa does not read."""
    ext = PurePath(name).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if ext == ".pdf":
        raise InputError(f"扩展名是 .pdf，但内容不是 PDF 文件：{name}")
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnsupportedFormat(f"这是旧版 Office 文件（.doc/.xls/.wps），请另存为 .docx 或 PDF 后再试：{name}")
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormat(f"这是 RTF 文件，请另存为 .docx 或 PDF 后再试：{name}")
    for magic, label in _IMAGES:
        if data.startswith(magic) and not (label == "BMP" and ext not in {".bmp", ""}):
            raise UnsupportedFormat(f"这是图片（{label}），不是文字文件；扫描件需要先做 OCR 文字识别：{name}")
    for magic, label in _ARCHIVES:
        if data.startswith(magic):
            raise UnsupportedFormat(f"这是 {label} 压缩包，不是计划文件，请解压后再试：{name}")
    if ext == ".docx":
        raise InputError(f"扩展名是 .docx，但内容不是 Word 文档：{name}")
    return "html" if ext in _HTML_EXT else "txt"


def _zip_kind(data: bytes, name: str) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(f"文件是损坏的压缩包（.docx 也是压缩包），无法打开：{name}") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        what = "Excel 表格（.xlsx）"
    elif "ppt/presentation.xml" in names:
        what = "PowerPoint 演示文稿（.pptx）"
    elif "OFD.xml" in names:
        what = "OFD 版式文件，请另存为 PDF 后再试"
    elif "content.xml" in names and "mimetype" in names:
        what = "OpenDocument 文件（.odt），请另存为 .docx 后再试"
    else:
        what = "压缩包，里面没有 Word 文档（word/document.xml）"
    raise UnsupportedFormat(f"不是 Word 文档：这是{what}：{name}")
