"""Damaged plan text → clean simplified Chinese that reads like the original document.

The damage seen in plans of this genre: a pinyin annotation after most characters (``科(kē)``),
traditional characters, stray symbols anywhere (also inside the annotations), odd white space.
Each step below is a pure function of the text; ``clean_text`` chains them in an order where each
step can rely on the previous ones (annotations go first: their tone marks look like noise).
"""

import re
import unicodedata
from functools import cache

import opencc

from planqa.ingest import charset
from planqa.ingest.syllables import SYLLABLES

# A parenthesis whose content could be an annotation; the content is checked afterwards.
_PAREN = re.compile(r"[(（]([^()（）\n]{1,24})[)）]")
_TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")
_DIAERESIS = "\u0308"
# Between a character and its annotation only spaces and stray symbols can stand.
_GAP_STOPS = charset.CJK_PUNCT | charset.ASCII_PUNCT | {"(", ")", '"', "\n"}

# Where the annotation tells which character is meant and OpenCC cannot know it from the text.
READING_VARIANTS: dict[tuple[str, str], str] = {
    ("著", "zhe"): "着",
    ("著", "zhuo"): "着",
    ("著", "zhao"): "着",
    ("乾", "gan"): "干",
    ("藉", "jie"): "借",
    ("麽", "me"): "么",
    ("麼", "me"): "么",
    ("衹", "zhi"): "只",
    ("祇", "zhi"): "只",
    ("沈", "chen"): "沉",
    ("徵", "zheng"): "征",
    ("於", "yu"): "于",
}

# Full-width letters, digits and ％ fold to ASCII; full-width punctuation stays.
_WIDTH_FOLD = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_WIDTH_FOLD.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_WIDTH_FOLD.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_WIDTH_FOLD[0xFF05] = ord("%")

_FULL_WIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
_ASCII_PUNCT_RUN = re.compile(r"[,;:?!]+")
_QUOTED = re.compile(r'"([^"\n]{1,30}?)"')
_SPACES = re.compile(r" +")
_LONE_CLOSE = re.compile(r'(“[^“”"\n]{1,30})"')
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_text(raw: str) -> str:
    """The whole cleaning: the text a person would have typed, simplified, one paragraph a line.

    Damaged text (pinyin annotations, or stray symbols in numbers no document has) is repaired
    with the strict filter; any other text keeps its printed typography (＋ ％ ① Ⅱ α …).
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = repair_text(text) if looks_damaged(text) else tidy_text(text)
    # Dropping a space can bring combining marks together; NFC orders them, so that cleaning
    # the cleaned text changes nothing.
    return unicodedata.normalize("NFC", cleaned)


def repair_text(text: str) -> str:
    """Damaged text: annotations and every symbol no official document holds in its place go."""
    text = normalize_spaces(text.translate(_WIDTH_FOLD))
    text = drop_stray_symbols(strip_annotations(text))
    text = pair_ascii_quotes(to_simplified(text))
    return tidy_lines(full_width_punctuation(text))


def tidy_text(text: str) -> str:
    """Undamaged text keeps what is printed; odd spaces, control characters and private-use
    glyphs go, and a traditional text becomes simplified."""
    text = strip_annotations(normalize_spaces(text))
    text = _SPACES.sub(_space_or_nothing, _drop_unprintable(text))
    text = to_simplified(text) if looks_traditional(text) else text
    text = full_stops(pair_ascii_quotes(text, lone=False))
    return tidy_lines(full_width_punctuation(text))


def _has_words(line: str) -> bool:
    """A line of symbols only (a ★★★ divider, table rules) carries no text."""
    return any(ch.isalnum() for ch in line)


# Damage is told by density: the seed has an annotation after ~60% of its Han characters and a
# stray symbol every ~120 characters; real documents of the genre stay far below both bounds.
_ANNOTATED_SHARE = 0.02
_ODD_SHARE = 0.01


def looks_damaged(text: str) -> bool:
    han = sum(1 for ch in text if charset.is_han(ch))
    annotations = sum(1 for m in _PAREN.finditer(text) if annotation_syllable(m.group(1)))
    if annotations > max(2, _ANNOTATED_SHARE * han):
        return True
    odd = sum(1 for ch in text if charset.is_odd_symbol(ch))
    return odd > max(3, _ODD_SHARE * len(text))


def looks_traditional(text: str) -> bool:
    """More than a few Han characters that OpenCC would change: a traditional text (Big5 …)."""
    han = [ch for ch in text if charset.is_han(ch)]
    if not han:
        return False
    sample = "".join(han[:4000])
    changed = sum(a != b for a, b in zip(sample, _t2s().convert(sample)))
    return changed > max(0, 0.03 * len(sample))


def _drop_unprintable(text: str) -> str:
    """Control characters and private-use glyphs (PDF font leftovers) carry no text."""
    return "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )


_FULL_STOP = re.compile(r"(?<=[\u4e00-\u9fff）”])\.(?=[\u4e00-\u9fff“（]|$)", re.MULTILINE)


def full_stops(text: str) -> str:
    """A "." between Chinese words or ending a Chinese line is 。 (typed on an English layout)."""
    return _FULL_STOP.sub("。", text)


def normalize_spaces(text: str) -> str:
    """Odd spaces (NBSP, thin, em, ideographic, zero-width) go; a tab is a plain space."""
    return "".join(
        (" " if ch == "\t" else "") if charset.is_odd_space(ch) else ch for ch in text
    )


def annotation_syllable(body: str) -> str | None:
    """The toneless syllable (ü as v) if ``body`` is a pinyin annotation, else None.

    Stray symbols and spaces inside are ignored; Han, digits or capitals mean a real
    parenthetical. A toneless single letter is too likely a label such as (a) to be removed.
    """
    letters: list[str] = []
    toned = False
    for ch in unicodedata.normalize("NFD", body):
        if "a" <= ch <= "z":
            letters.append(ch)
        elif "A" <= ch <= "Z" or "0" <= ch <= "9" or charset.is_han(ch):
            return None
        elif ch in _TONE_MARKS and letters:
            toned = True
        elif ch == _DIAERESIS and letters and letters[-1] == "u":
            letters[-1] = "v"
    syllable = "".join(letters)
    if syllable not in SYLLABLES or (len(syllable) < 2 and not toned):
        return None
    return syllable


def strip_annotations(text: str) -> str:
    """Drop each annotation after a Han character (and the spaces or symbols between them)."""
    out: list[str] = []
    pos = 0
    for m in _PAREN.finditer(text):
        out.append(text[pos : m.start()])
        pos = m.end()
        syllable = annotation_syllable(m.group(1))
        han_at = _han_before(out) if syllable else None
        if han_at is None:
            out.append(m.group(0))
            continue
        chunk_i, char_i = han_at
        han = out[chunk_i][char_i]
        han = READING_VARIANTS.get((han, syllable), han)
        out[chunk_i] = out[chunk_i][:char_i] + han
        del out[chunk_i + 1 :]
    out.append(text[pos:])
    return "".join(out)


def _han_before(out: list[str]) -> tuple[int, int] | None:
    """Where the Han character that an annotation follows sits in ``out``, skipping the gap."""
    for chunk_i in range(len(out) - 1, -1, -1):
        chunk = out[chunk_i]
        for char_i in range(len(chunk) - 1, -1, -1):
            ch = chunk[char_i]
            if charset.is_han(ch):
                return chunk_i, char_i
            if charset.is_ascii_alnum(ch) or ch in _GAP_STOPS:
                return None
    return None


def drop_stray_symbols(text: str) -> str:
    """Keep what an official document can contain; context decides for %, -, ', < and the like.

    Spaces survive only between two ASCII words (Office 365), one at a time.
    """
    text = "".join(ch for ch in text if charset.may_be_legit(ch))
    text = _SPACES.sub(_space_or_nothing, text)
    kept = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i < last else ""
        if ch in ' "\n' or charset.keep_in_context(ch, prev, nxt):
            kept.append(ch)
    return "".join(kept)


def _space_or_nothing(m: re.Match[str]) -> str:
    s, e = m.start(), m.end()
    text = m.string
    if s == 0 or e == len(text):
        return ""
    before, after = text[s - 1], text[e]
    if not charset.is_ascii_alnum(after):
        return ""
    if before in ",.;:?!)":  # "Hello, world": English punctuation is followed by a space
        return " " if s > 1 and charset.is_ascii_alnum(text[s - 2]) else ""
    words = charset.is_ascii_alnum(before)
    return " " if words and not (before.isdigit() and after.isdigit()) else ""


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, phrase-aware (OpenCC t2s)."""
    return _t2s().convert(text)


def pair_ascii_quotes(text: str, lone: bool = True) -> str:
    """ASCII quotes around Chinese become “”; a lone one beside Chinese is a stray symbol
    (``lone=True``, damaged text) or stays (typed text); one after an open “ closes it
    (“双区同建"战略)."""
    text = _LONE_CLOSE.sub(r"\1”", text)
    text = _QUOTED.sub(
        lambda m: f"“{m.group(1)}”" if any(charset.is_han(c) for c in m.group(1)) else m.group(0),
        text,
    )
    if not lone:
        return text
    kept = []
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not (charset.is_ascii_alnum(prev) or charset.is_ascii_alnum(nxt)):
                continue
        kept.append(ch)
    # a stray quote dropped right after an open “ leaves the next one closing it (“"À0" → “À0”)
    return _LONE_CLOSE.sub(r"\1”", "".join(kept))


def full_width_punctuation(text: str) -> str:
    """，：；？！ in Chinese context; 1,000 and 10:30 and English stay as they are.

    A run such as ":?" is decided as a whole by what stands around it.
    """

    def convert(m: re.Match[str]) -> str:
        prev = text[m.start() - 1] if m.start() else ""
        nxt = text[m.end()] if m.end() < len(text) else ""
        if charset.is_chinese_context(prev) or charset.is_chinese_context(nxt):
            return m.group(0).translate(_FULL_WIDTH)
        return m.group(0)

    return _ASCII_PUNCT_RUN.sub(convert, text)


def tidy_lines(text: str) -> str:
    """Strip each line, keep paragraph breaks (one blank line at most), end with a newline;
    a line of symbols only goes."""
    lines = [line.strip() if _has_words(line) else "" for line in text.split("\n")]
    text = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""
