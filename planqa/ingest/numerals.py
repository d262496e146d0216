"""Numbers as plans and questions print them: Chinese numerals (一 … 十 … 二十三 … 一百零五),
digits, and the English number words of questions ("section three", "the fourth one")."""

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
_NAMES = "零一二三四五六七八九"
EN_NUMBERS = {w: n for n, words in enumerate(
    ["one first", "two second", "three third", "four fourth", "five fifth", "six sixth", "seven seventh",
     "eight eighth", "nine ninth", "ten tenth"], start=1) for w in words.split()}


def to_int(text: str) -> int | None:
    """Digits, a Chinese numeral or an English number word → its value; None otherwise."""
    if text.isdigit():
        return int(text)
    return EN_NUMBERS.get(text.lower()) or cn_to_int(text)


def cn_to_int(text: str) -> int | None:
    """"二十三" → 23, "十" → 10, "一百零五" → 105; None when ``text`` is not such a numeral."""
    if not text or any(ch not in DIGITS and ch not in _UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: 二三 is no numeral
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def int_to_cn(n: int) -> str:
    """23 → "二十三", 10 → "十", 105 → "一百零五" (1 ≤ n ≤ 999)."""
    if not 0 < n < 1000:
        raise ValueError(f"out of range: {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _NAMES[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else _NAMES[tens]) + "十"
    if ones:
        out += _NAMES[ones]
    return out
