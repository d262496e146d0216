"""What an official Chinese document legitimately contains, character by character.

The cleaner keeps what a plan of this genre can contain and drops everything else, so that
symbols never seen in the seed are removed too. Some symbols are legitimate only in context
(``%`` after a number, ``-`` inside a date, ``'`` inside an English word); those decisions take
the neighbouring characters.
"""

import unicodedata

# CJK punctuation and brackets that a Chinese document uses anywhere.
CJK_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕〖〗—…·")
# ASCII punctuation that stands for its full-width twin in Chinese context (see clean.py).
ASCII_PUNCT = frozenset(",;:?!")
# Always legitimate: parentheses (real parentheticals survive), "+" as in 互联网+ and the
# full-width ＋ － ～ of printed documents (1＋2＋N).
ALWAYS = frozenset("()+＋－～")
# Legitimate between two ASCII letters or digits: 2017-03-07, 3/4, R&D, Xi'an, 10:30, a_b, 3×3.
BETWEEN_ALNUM = frozenset("-–/&'_@~～×.")
# Legitimate right after a digit: 15%, 3‰, 20℃, 1. or 1． or 1﹒ as list numbering.
AFTER_DIGIT = frozenset("%‰℃°．.﹒")
# Legitimate right before a digit: ≥90%, <5, ±2, ¥100, #3.
BEFORE_DIGIT = frozenset("<>≤≥=±$¥￥€£#")

ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def is_han(ch: str) -> bool:
    if len(ch) != 1:  # "" stands for "no neighbour" at a line end
        return False
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
        or ch == "〇"
    )


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_ascii_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def is_chinese_context(ch: str) -> bool:
    """A Han character or CJK punctuation: next to it, ASCII punctuation becomes full-width."""
    return is_han(ch) or ch in CJK_PUNCT


def is_odd_space(ch: str) -> bool:
    """White space other than " " and newline, or a zero-width character (NBSP, thin, em …)."""
    if ch in " \n":
        return False
    return ch in ZERO_WIDTH or ch.isspace() or unicodedata.category(ch) == "Zs"


def is_odd_symbol(ch: str) -> bool:
    """A symbol or foreign letter that plain Chinese prose rarely holds (☆ ↓ ♦ α Ж か ™):
    frequent ones mean damage. Full-width forms (＋ ％) and CJK punctuation are not odd."""
    if ch.isascii() or is_han(ch) or ch in CJK_PUNCT or 0xFF00 <= ord(ch) <= 0xFFEF:
        return False
    if unicodedata.category(ch) in ("So", "Sm", "Sc", "Sk", "Co"):
        return True
    return unicodedata.name(ch, "").startswith(("GREEK", "CYRILLIC", "HIRAGANA", "KATAKANA"))


def may_be_legit(ch: str) -> bool:
    """False for a character that no official Chinese document contains in any context."""
    return (
        is_han(ch)
        or is_ascii_alnum(ch)
        or ch == "\n"
        or ch == " "
        or ch == '"'
        or ch in CJK_PUNCT
        or ch in ASCII_PUNCT
        or ch in ALWAYS
        or ch in BETWEEN_ALNUM
        or ch in AFTER_DIGIT
        or ch in BEFORE_DIGIT
        or _is_latin_letter(ch)
    )


def _is_latin_letter(ch: str) -> bool:
    # é in café: legitimate inside an English or French word only (checked in context).
    return ch.isalpha() and not ch.isascii() and unicodedata.name(ch, "").startswith("LATIN")


def keep_in_context(ch: str, prev: str, nxt: str) -> bool:
    """Whether a context-dependent character stays, given its neighbours ("" at line ends)."""
    if is_han(ch) or is_ascii_alnum(ch) or ch in CJK_PUNCT or ch in ASCII_PUNCT or ch in ALWAYS:
        return True
    if _is_latin_letter(ch):
        return is_ascii_alnum(prev) or is_ascii_alnum(nxt)
    if ch in AFTER_DIGIT and is_ascii_digit(prev):
        return True
    if ch in BEFORE_DIGIT and is_ascii_digit(nxt):
        return True
    if ch in BETWEEN_ALNUM and is_ascii_alnum(prev) and is_ascii_alnum(nxt):
        return True
    # A dot after a Latin word (Dr., www.example.org) stays, and so do the dot leaders of a
    # table of contents (一、总体要求......3), which the outline must still recognise.
    return ch == "." and (prev.isascii() and prev.isalpha() or "." in (prev, nxt))
