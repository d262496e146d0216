"""Re-damage clean simplified text the way the seed plan arrived (test helper, seeded, no I/O).

- OpenCC s2t (phrase-aware), then a pypinyin annotation after ~60% of the Han characters, read
  from the simplified text so that the annotation tells which character is meant;
- stray symbols drawn from a wide range of Unicode blocks, also inside annotations and between a
  character and its annotation;
- odd spaces (NBSP, thin, em, ideographic, zero-width, tab), also inside annotations;
- full-width ，：；？！ typed as ASCII, as in the seed; indented lines and trailing spaces.
"""

import random
import unicodedata
from functools import cache

import opencc
import pypinyin

from planqa.ingest import charset


def _noise_pool() -> list[str]:
    blocks = [
        (0x21, 0x7E),  # ASCII symbols (letters, digits and legit punctuation are filtered out)
        (0xA1, 0xBF),  # Latin-1 symbols
        (0x391, 0x3C9),  # Greek
        (0x410, 0x44F),  # Cyrillic
        (0x2010, 0x205E),  # general punctuation
        (0x20A0, 0x20BF),  # currency
        (0x2100, 0x214F),  # letterlike
        (0x2190, 0x21FF),  # arrows
        (0x2200, 0x22FF),  # mathematical operators
        (0x2300, 0x23FF),  # technical
        (0x2460, 0x24FF),  # enclosed alphanumerics
        (0x2500, 0x257F),  # box drawing
        (0x25A0, 0x25FF),  # geometric shapes
        (0x2600, 0x26FF),  # miscellaneous symbols
        (0x2700, 0x27BF),  # dingbats
        (0x3040, 0x309F),  # hiragana
        (0xE000, 0xE0FF),  # private use
        (0x1F300, 0x1F64F),  # emoji
    ]
    # What a document may legitimately contain anywhere cannot be told from noise: not drawn.
    legit_anywhere = (
        charset.CJK_PUNCT | charset.ASCII_PUNCT | charset.ALWAYS | {"(", ")", "（", "）", "·", "～"}
    )
    pool = []
    for lo, hi in blocks:
        for code in range(lo, hi + 1):
            ch = chr(code)
            cat = unicodedata.category(ch)
            if cat.startswith(("Z", "C", "M")) and cat != "Co":
                continue
            if ch.isascii() and ch.isalnum() or ch in legit_anywhere or ch.isspace():
                continue
            pool.append(ch)
    return pool


NOISE = _noise_pool()
ODD_SPACES = ["\u00a0", "\u2002", "\u2003", "\u2009", "\u200a", "\u3000", "\u200b", "\t", " "]
_ASCII_PUNCT = {"，": ",", "：": ":", "；": ";", "？": "?", "！": "!"}


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def _traditional(line: str) -> str:
    converted = _s2t().convert(line)
    if len(converted) == len(line):
        return converted
    return "".join(_s2t().convert(ch) for ch in line)  # keep positions aligned with the pinyin


def _annotation(syllable: str, rng: random.Random) -> str:
    body = list(syllable)
    if rng.random() < 0.06:
        body.insert(rng.randrange(len(body) + 1), rng.choice(NOISE))
    if rng.random() < 0.02:
        body.insert(rng.randrange(len(body) + 1), " ")
    opening, closing = ("（", "）") if rng.random() < 0.15 else ("(", ")")
    gap = ""
    if rng.random() < 0.01:
        gap = rng.choice([" ", rng.choice(NOISE)])
    return gap + opening + "".join(body) + closing


def damage_line(line: str, rng: random.Random, annotate: float = 0.6) -> str:
    readings = pypinyin.pinyin(line, style=pypinyin.Style.TONE, errors=lambda s: [None] * len(s))
    flat = [r[0] if isinstance(r, list) else r for r in readings]
    traditional = _traditional(line)
    out = []
    for i, ch in enumerate(traditional):
        if line[i] in _ASCII_PUNCT and rng.random() < 0.9:
            ch = _ASCII_PUNCT[line[i]]
        out.append(ch)
        syllable = flat[i] if i < len(flat) else None
        if charset.is_han(line[i]) and syllable and syllable.isalpha() and rng.random() < annotate:
            out.append(_annotation(syllable, rng))
        if rng.random() < 0.02:
            out.append(rng.choice(NOISE))
        if rng.random() < 0.008:
            out.append(rng.choice(ODD_SPACES))
    indent = rng.choice(["", "  ", "\u3000\u3000", "       "])
    return indent + "".join(out) + rng.choice(["", " ", "\u00a0"])


def damage(text: str, seed: int) -> str:
    """The damaged twin of ``text``; the same seed gives the same damage."""
    rng = random.Random(seed)
    return "\n".join(damage_line(line, rng) if line else line for line in text.split("\n"))
