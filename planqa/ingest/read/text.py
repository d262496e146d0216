"""Bytes of a plain-text file → str, the encoding detected, never guessed silently.

A BOM decides; else strict UTF-8; else UTF-16 without a BOM when its zero bytes say so; else the
Chinese legacy encodings (GB18030, a superset of GBK and GB2312, and Big5) each decoded strictly
and judged by how much of the result is common Chinese: a Big5 file also decodes as GB18030, but
into rare characters. A file that none or both explain is refused with a message.
"""

import re
from functools import cache

import opencc

from planqa.errors import InputError, UnsupportedFormat

_BOMS = (("utf-8-sig", b"\xef\xbb\xbf"), ("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Legacy encodings tried in this order (the first wins a tie); reported under the first name.
_LEGACY = (("gb18030", ("gb18030",)), ("big5", ("big5", "cp950", "big5hkscs")))
_PUNCT = frozenset("，。、；：？！“”‘’《》（）【】—…·％")
PLAUSIBLE = 0.8  # share of common characters in a correctly decoded Chinese text (measured ≥ 0.98)
MARGIN = 0.2  # a wrong decoding scores 0.19–0.38 on the corpus, the seed and tests/data/clean


def decode_text(data: bytes, name: str = "输入") -> tuple[str, str]:
    """``(text, encoding)``; raises ``InputError`` for empty, binary or undecidable bytes."""
    if not data.strip():
        raise InputError(f"文件是空的：{name}")
    for encoding, bom in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding, name), encoding
            except UnicodeDecodeError:
                raise InputError(f"文件以 {encoding.upper()} 标记开头，内容却不是这种编码：{name}") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise UnsupportedFormat(f"这是二进制文件，不是文本：{name}")
        return _checked(data.decode(utf16), utf16, name), utf16
    try:
        return _checked(data.decode("utf-8"), "utf-8", name), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = []
    for label, codecs in _LEGACY:
        for codec in codecs:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            scored.append((chinese_score(text), label, text))
            break
    scored.sort(key=lambda s: -s[0])  # stable: GB18030 first on a tie
    if not scored or scored[0][0] < PLAUSIBLE:
        if scored and len(_CONTROL.findall(scored[0][2])) > max(3, len(scored[0][2]) // 100):
            raise UnsupportedFormat(f"这是二进制文件，不是文本：{name}")
        raise InputError(f"无法识别文件编码（不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 的中文文本）：{name}")
    if len(scored) > 1 and scored[0][0] - scored[1][0] < MARGIN:
        raise InputError(f"无法确定文件编码（GB18030 和 Big5 都说得通），请另存为 UTF-8 后再试：{name}")
    score, label, text = scored[0]
    return _checked(text, label, name), label


def chinese_score(text: str, sample: int = 4000) -> float:
    """The share of the characters beyond Latin (Greek, kana, Han, symbols …) that are common
    Chinese: GB2312 level 1 once simplified, Chinese punctuation or full-width forms; 1.0 for a
    text without any. Pinyin with tone marks and stray Latin-1 symbols do not count either way."""
    chars = [c for c in _t2s(text[:sample]) if ord(c) >= 0x370 and not c.isspace()]
    if not chars:
        return 1.0
    return sum(1 for c in chars if c in _PUNCT or _common(c) or "\u3000" <= c <= "\u303f"
               or "\uff01" <= c <= "\uff5e") / len(chars)


@cache
def _common(char: str) -> bool:
    try:
        b = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7  # GB2312 level 1: the 3,755 most used characters


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _converter().convert(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: its ASCII characters (newlines, digits) put zero bytes on one
    side of each pair, more than its Han characters such as 一 (U+4E00) put on the other; the
    decoded text must then read as Chinese. Anything else with zero bytes is binary."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if chinese_score(text) >= PLAUSIBLE and not _too_many_controls(text) and _han_share(text) > 0.3:
            return encoding
    return None


def _han_share(text: str) -> float:
    sample = text[:4000]
    return sum(1 for c in sample if "\u4e00" <= c <= "\u9fff") / max(1, len(sample.strip()))


def _too_many_controls(text: str) -> bool:
    return len(_CONTROL.findall(text)) > max(3, len(text) // 100)


def _checked(text: str, encoding: str, name: str) -> str:
    if not text.strip():
        raise InputError(f"文件是空的：{name}")
    if _too_many_controls(text):
        raise UnsupportedFormat(f"这是二进制文件，不是文本：{name}")
    return text
