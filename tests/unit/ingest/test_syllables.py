import pypinyin.pinyin_dict
from pypinyin.style._utils import get_finals  # noqa: F401  (pypinyin's own helpers load)
from pypinyin.style.tone import ToneConverter  # noqa: F401

from planqa.ingest.syllables import SYLLABLES


def _toneless(syllable: str) -> str:
    import unicodedata

    base = "".join(c for c in unicodedata.normalize("NFD", syllable) if c.isascii() or c == "\u0308")
    return base.replace("u\u0308", "v")


def test_inventory_matches_pypinyin():
    theirs = {
        _toneless(p)
        for readings in pypinyin.pinyin_dict.pinyin_dict.values()
        for p in readings.split(",")
    }
    theirs.discard("")
    assert SYLLABLES == theirs | {"e"}
