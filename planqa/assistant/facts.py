"""Facts a task states — dates, counts, amounts, responsible units, people, places, contacts,
procedures, criteria — found by the slot patterns of ``facts.toml``.

The assistant answers 什么时候/多少/谁负责/在哪里… from the facts of the cited task and refuses
when the kind asked for is absent: a fact names its kind, its words as printed and the sentence
that holds them, so an answer can quote that sentence.
"""

import re
import tomllib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from planqa.index.chunk import split_sentences
from planqa.index.lexical import all_han, dictionary_ends, word_edges


@dataclass(frozen=True)
class Fact:
    kind: str  # a name of fact_kinds(): "when", "count", "money", "who" …
    text: str  # the words as printed: "2019年3月15日前", "5000万元", "省大数据局"
    sentence: str  # the sentence of the task's text that holds it (an exact substring), or ""


@dataclass(frozen=True)
class Kind:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    needs: tuple[str, ...] = ()  # the patterns are tried only on a text holding one of these
    split: re.Pattern[str] | None = None  # a list of names: one fact per item
    item: re.Pattern[str] | None = None  # what each item must be, in full
    reject: re.Pattern[str] | None = None  # texts too generic to answer with


_REF = re.compile(r"\{(?:(after|first):)?([a-z_]+)\}")


def _expander(words: dict[str, list[str]], parts: dict[str, str]):
    """{name} → a word list's alternatives (longest first, so 个百分点 wins over 个) or a part;
    {after:name} → "just after one of the words"; {first:name} → a character class of the words'
    first characters (a cheap test that lets most positions fail before a costly one)."""

    def expand(pattern: str) -> str:
        def sub(m: re.Match[str]) -> str:
            how, name = m.group(1), m.group(2)
            if name in parts and not how:
                return expand(parts[name])
            if name not in words:
                raise KeyError(f"facts.toml: no word list or part named {name!r}")
            if how == "first":
                return "[" + "".join(sorted({re.escape(w[0]) for w in words[name]})) + "]"
            if how == "after":  # a lookbehind has one width: one per length of word
                by_len: dict[int, list[str]] = {}
                for w in words[name]:
                    by_len.setdefault(len(w), []).append(re.escape(w))
                return "(?:" + "|".join(f"(?<={'|'.join(ws)})" for ws in by_len.values()) + ")"
            return "(?:" + "|".join(map(re.escape, sorted(words[name], key=len, reverse=True))) + ")"

        return _REF.sub(sub, pattern)

    return expand


@cache
def raw_facts() -> dict:
    """facts.toml as written (its examples and counter-examples are the tests' cases)."""
    return tomllib.loads(resources.files("planqa.assistant").joinpath("facts.toml").read_text("utf-8"))


@cache
def _kinds() -> tuple[Kind, ...]:
    data = raw_facts()
    expand = _expander(data.get("words", {}), data.get("parts", {}))

    def compiled(pattern: str | None) -> re.Pattern[str] | None:
        return re.compile(expand(pattern)) if pattern else None

    return tuple(
        Kind(
            name=row["name"],
            patterns=tuple(re.compile(expand(p)) for p in row["patterns"]),
            needs=tuple(row.get("needs", ())),
            split=compiled(row.get("split")),
            item=compiled(row.get("item")),
            reject=compiled(row.get("reject")),
        )
        for row in data["fact"]
    )


def fact_kinds() -> tuple[str, ...]:
    """The kinds of fact, in the order of facts.toml."""
    return tuple(k.name for k in _kinds())


def of_kind(facts: Sequence[Fact], kind: str) -> tuple[Fact, ...]:
    return tuple(f for f in facts if f.kind == kind)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of split_sentences() lies in ``text``. A sentence it joined across a
    line break (a short fragment, a note on its own line) spans that break here, so the span's
    text is always a substring."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        if start >= 0:
            end = start + len(sentence)
        else:  # joined: match it character by character, skipping the text's whitespace
            start = pos
            while start < len(text) and text[start] != sentence[0]:
                start += 1
            i, j = start, 0
            while i < len(text) and j < len(sentence):
                if text[i] == sentence[j]:
                    j += 1
                elif not text[i].isspace():
                    break
                i += 1
            end = i
        spans.append((start, end))
        pos = end
    return spans


def _candidates(kind: Kind, text: str) -> list[tuple[int, int]]:
    """Spans of the kind's facts in ``text``, never overlapping."""
    found: list[tuple[int, int]] = []
    for pattern in kind.patterns:
        for m in pattern.finditer(text):
            start, end = m.span("t") if "t" in pattern.groupindex and m.group("t") else m.span()
            if kind.split:
                found.extend(_items(kind, text, start, end))
            elif start < end and not (kind.reject and kind.reject.search(text[start:end])):
                found.append((start, end))
    found.sort()
    kept: list[tuple[int, int]] = []
    for start, end in found:  # overlapping matches are one fact: 通过…系统填写 + 填写并提交…申报书
        if kept and start < kept[-1][1]:
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def _items(kind: Kind, text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cuts = [start] + [i for m in kind.split.finditer(text, start, end) for i in m.span()] + [end]
    for a, b in zip(cuts[::2], cuts[1::2]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b or (kind.item and not kind.item.fullmatch(text[a:b])):
            continue
        if kind.reject and kind.reject.search(text[a:b]):
            continue
        out.append((a, b))
    return out


def facts_in(text: str, leads: Sequence[str] = ()) -> tuple[Fact, ...]:
    """Every fact of every kind in a task's text, in text order (a kind's patterns never overlap
    one another; kinds may: 崂山区政府 is a unit, 崂山区 a place). ``leads`` are the units its
    lead notes name: facts of kind "who", at the note when the text holds it."""
    spans = _sentence_spans(text)
    starts = [s for s, _ in spans]

    def sentence_at(start: int, end: int) -> str | None:
        i = bisect_right(starts, start) - 1
        if i < 0 or end > spans[i][1]:
            return None  # outside every sentence, or across two: not one fact
        return text[spans[i][0]:spans[i][1]]

    found: list[tuple[int, int, int, str, str, str]] = []  # start, kind's order, end, kind, text, sentence
    who: list[tuple[int, int]] = []
    for order, kind in enumerate(_kinds()):
        if kind.needs and not any(n in text for n in kind.needs):
            continue
        for start, end in _candidates(kind, text):
            sentence = sentence_at(start, end)
            if sentence is None:
                continue
            if kind.name == "who":
                who.append((start, end))
            found.append((start, order, end, kind.name, text[start:end], sentence))
    if leads:
        found += _leads(text, leads, who, sentence_at)
    found.sort(key=lambda f: f[:3])
    return tuple(Fact(kind, words, sentence) for *_, kind, words, sentence in found)


def _leads(text, leads, who, sentence_at) -> list[tuple[int, int, int, str, str, str]]:
    """Lead notes' units as "who" facts. Where the text's own "who" facts name a lead, those are
    it (not counted twice); else it is at the unit's last mention (a lead note follows what it
    leads); else, not found in the text, after everything and with no sentence."""
    kind = next(k for k in _kinds() if k.name == "who")
    order = _kinds().index(kind)
    taken: set[tuple[int, int]] = set()
    out = []
    for lead in dict.fromkeys(leads):
        if not lead or (kind.reject and kind.reject.search(lead)):
            continue  # 相关部门及各地区: a lead note, but no answer to 谁负责
        at = next(((s, e) for s, e in who if text[s:e] == lead and (s, e) not in taken), None)
        if at:
            taken.add(at)
            continue
        start = text.rfind(lead)
        sentence = sentence_at(start, start + len(lead)) if start >= 0 else None
        if sentence is not None:
            out.append((start, order, start + len(lead), "who", lead, sentence))
        else:
            out.append((len(text) + len(out), order, 0, "who", lead, ""))
    return out


@cache
def _blank() -> re.Pattern[str]:
    """几 and the words after it in a question: 几位一体, 几个革命, 几大产业集群; one character
    after a unit when nothing follows (几类病)."""
    units = "".join(u for u in raw_facts()["words"]["units"] if len(u) == 1 and "\u4e00" <= u <= "\u9fff")
    kinds = "".join(raw_facts()["words"]["kind_units"])  # 几类病, 几张网: one character after a unit of kinds
    return re.compile(f"几([{kinds}])([\u4e00-\u9fff])(?![\u4e00-\u9fff])|几([{units}大]?)([\u4e00-\u9fff]{{2,4}})")


def _sizes(words: str) -> range:
    """The lengths of a counted word's beginnings to try, longest first: two characters at least,
    unless the word has one (几张网)."""
    return range(len(words), 1 if len(words) > 1 else 0, -1)


QUOTE_MARKS = str.maketrans("", "", "“”‘’\"'「」『』")


def _blanks(question: str) -> list[tuple[str, str]]:
    """(unit, words after it) of each 几 in a question: 几大产业集群 → (大, 产业集群), 几类病 → (类, 病);
    a noun the question quotes is its words (几个“革命” → (个, 革命))."""
    found = []
    for b in _blank().finditer(question.translate(QUOTE_MARKS)):
        short_unit, short, unit, words = b.groups()
        found.append((unit or short_unit or "", words or short))
    return found


COUNT_UNITS = "个类种项层点步"  # measure words an answer may count items in ("从几个方面" → 5个方面)


def count_unit(question: str, item_nouns: Sequence[str]) -> str:
    """The unit a count of listed items is asked in, for the answer to count in it: the measure
    word after 几 or 多少 with the item noun right after it ("从几个方面着手" → 个方面, "几类重点
    产品" → 类, "分几步" → 步); 条 when the question asks in none of `COUNT_UNITS` (这几个 points)."""
    nouns = sorted(item_nouns, key=len, reverse=True)
    for asking in ("几", "多少"):
        at = question.find(asking)
        while at >= 0:
            rest = question[at + len(asking):]
            if question[at - 1: at] not in ("这", "那", "第") and rest[:1] and rest[0] in COUNT_UNITS:
                return rest[0] + next((n for n in nouns if rest[1:].startswith(n)), "")
            at = question.find(asking, at + 1)
    return "条"


def asked_unit(question: str) -> frozenset[str]:
    """The unit a count is asked in when only a number in that unit answers it ("测试集要多少例
    样本" → 例); empty when any count may (几个, 多少家, 多少名: `loose_units`), or no unit is
    asked (多少支持 is no 支)."""
    words = raw_facts()["words"]
    for m in _unit_asked().finditer(question):
        if question[m.start(1):].startswith(tuple(words["not_counts"])):
            continue
        if m.group(1) in words["loose_units"]:
            return frozenset()
        return frozenset(next((same for same in words["same_units"] if m.group(1) in same), [m.group(1)]))
    return frozenset()


@cache
def _unit_asked() -> re.Pattern[str]:
    """多少 or 几 and the unit after it (compiled once, as _blank is)."""
    units = sorted(map(re.escape, raw_facts()["words"]["units"]), key=len, reverse=True)
    return re.compile("(?:多少|几)(" + "|".join(units) + ")")


def in_kinds_only(fact: Fact) -> bool:
    """Whether a count is printed in a unit of kinds only (两大类): it answers a question asking
    kinds (`asks_kinds`), no figure of anything else (多少颗卫星)."""
    return fact.text.endswith(tuple(raw_facts()["words"]["kinds_only"]))


def sized_set(fact: Fact) -> bool:
    """Whether a count is a set named by its size (三大, 十大 of 三大功能体系): it answers only a
    question counting what follows it, no figure of anything else (考核要达到多少分)."""
    return len(fact.text) == 2 and fact.text.endswith("大")


def asks_kinds(question: str) -> bool:
    """Whether the question asks how many kinds (几类, 分几种)."""
    return any(u in question for u in raw_facts()["words"]["kind_units"])


def in_unit(fact: Fact, units: frozenset[str]) -> bool:
    """Whether a count is printed in one of the units (不少于3家 is in 家, 27万个 in 个)."""
    return not units or any(fact.text.rstrip("以上下内左右").endswith(u) for u in units)


@cache
def _number() -> str:
    """A number as printed, whole (not the 5 of 1.5): 1.5, 20, 五, 十五, 两百."""
    data = raw_facts()
    expand = _expander(data["words"], data["parts"])
    return f"(?<![0-9０-９.．])(?:{expand('{num}')}|{expand('{cnnum_any}')})"


def _article(text: str, at: int, printed: str) -> bool:
    """A bare 一 before its unit is an article (建设一个平台, 统一五项 holds 五项), unless it stands
    in a list of slogans (“四个革命、一个合作”) or opens one (算力“一张网”)."""
    return printed[0] == "一" and printed[1] not in "一二三四五六七八九十两百千万" and not (
        at > 0 and text[at - 1] in "、“\"「")


def filled_counts(question: str, text: str) -> tuple[Fact, ...]:
    """The counts a question leaves blank ("统筹推进“几位一体”总体布局？") as the text prints them
    with their number (五位一体), the longest of the question's words that the text has; a
    phrase in quotes (“四个革命”) is a count only when asked this way."""
    found: dict[str, Fact] = {}
    blanks = _blanks(question)
    sentences = split_sentences(text) if blanks else []
    for unit, words in blanks:
        for size in _sizes(words):
            pattern = re.compile(_number() + re.escape(unit + words[:size]))
            hits = [(m.group(0), sentence) for sentence in sentences
                    for m in pattern.finditer(sentence) if not _article(sentence, m.start(), m.group(0))]
            if hits:
                for printed, sentence in hits:
                    found.setdefault(printed, Fact("count", printed, sentence))
                break
    return tuple(found.values())


COUNTED_ITEM_CHARS = 3  # a counted noun this long inside an item names the item, not the list's kind
NOUN_REACH = 8  # characters between an enumeration and the noun it enumerates (人、机、料、法、环等生产要素)
MIN_ITEMS = 3  # fewer is a pair of words (政府、企业), not a list to count


@cache
def _enumeration() -> dict[str, re.Pattern[str]]:
    """facts.toml [enumeration], compiled: how a listed thing, the list, its last joiner, the
    words of including and the counted noun of a question are written."""
    data = raw_facts()
    table = data["enumeration"]
    expand = _expander({**data["words"], **{k: v for k, v in table.items() if isinstance(v, list)}}, data["parts"])
    item = expand(table["item"])
    return {
        "list": re.compile(f"{item}(?:、{item})+"),
        "quoted": re.compile(table["quoted"]),
        "joiner": re.compile(expand("{joiners}")),
        "opens": re.compile(expand("{opens}")),
        "closes": re.compile(expand("{closes}")),
        "qualifier": re.compile(expand("(?:{qualifier_opens})")),
        "stop": re.compile(expand("{stops}")),
        "including": re.compile(expand("(?:{including})$")),
        "after": re.compile(expand(table["counted_after"])),
        "head": re.compile(expand(table["counted_head"])),
        "before": re.compile(expand(table["counted_before"])),
        "named": re.compile(expand(table["named_before"])),
        "named_each": re.compile(expand(table["named_each"])),
        "named_after": re.compile(expand(table["named_after"])),
        "named_counted": re.compile(expand(table["named_counted"])),
    }


NAMED_TAIL = 4  # the shortest tail of a noun asked by name that a list may be of (示范城市, not 城市)


def _tails(word: str, shortest: int) -> list[str]:
    """The word's endings, longest first, down to ``shortest`` characters (or the whole word when
    it is shorter): 生产要素 → 生产要素, 产要素, 要素."""
    return [word[-size:] for size in range(len(word), min(shortest, len(word)) - 1, -1)]


@lru_cache(maxsize=1024)
def counted_nouns(question: str) -> tuple[str, ...]:
    """What a question asks to count, as words of two characters or more: after 几 or 多少 (几个
    层级 → 层级的数, 层级的, 层级) or, when the question ends there, before 有几/包括几 (生产要素有
    几个 → 生产要素, 产要素, 要素) or before 都是哪些 (asked by name, not counted)."""
    from planqa.assistant.rules import pattern, table  # rules reads this module's tables

    question = pattern("closing").sub("", question)  # 多少项呢: 项, not 项呢
    nouns: list[str] = []
    after = [words for _, words in _blanks(question)]
    after += [m.group(1) for m in _enumeration()["after"].finditer(question)]
    after += [m.group(1) for m in _enumeration()["head"].finditer(question)]
    for words in after:  # one character only after a unit of kinds (几类病): what every listed item ends with
        nouns += [words[:size] for size in _sizes(words)]
    words = table().words
    for m in _enumeration()["before"].finditer(question):
        noun = m.group(1)  # "文件/本方案点名了几个": the document's own items, no list a task prints
        if noun not in words["doc"] and not (noun.startswith((*words["demonstrative"], "本")) and noun.endswith(words["genre"])):
            nouns += _tails(noun, 2)
    for m in _enumeration()["named"].finditer(question):  # named: its tails of four or more (科普设施, not 设施)
        nouns += _tails(m.group(1), NAMED_TAIL)
    return tuple(dict.fromkeys(nouns))


@lru_cache(maxsize=1024)
def named_nouns(question: str) -> tuple[str, ...]:
    """What a question asks for by name, each of them, before 都是哪些/分别是哪些/具体指哪些
    (配套工程具体指哪些 → 配套工程, 套工程, 工程): its endings of two characters or more."""
    return tuple(dict.fromkeys(n for m in _enumeration()["named_each"].finditer(question) for n in _tails(m.group(1), 2)))


@lru_cache(maxsize=1024)
def which_nouns(question: str) -> tuple[str, ...]:
    """What a question asks for by name after 哪些/哪几, or by its number before them (十大工程
    分别是哪十个), and its endings of two characters or more: 哪几套AI应用体系 → …, 应用体系,
    用体系, 体系; 哪些方面的场景 → 场景."""
    found = [*_enumeration()["named_after"].finditer(question), *_enumeration()["named_counted"].finditer(question)]
    return tuple(dict.fromkeys(n for m in found for n in _tails(m.group(1), 2)))


def enumeration_items(printed: str) -> tuple[str, ...]:
    """The items of an enumeration as printed: 研发、生产、供应、销售和服务 → five; a joiner
    inside a word (普及服务 after 短板攻坚、前沿探索) leaves a piece of one character where the
    other items are longer, and joins nothing."""
    if printed.startswith("“"):  # things each in quotes: the quotes part them
        return tuple(i for i in printed.strip("“”").replace("”、“", "”“").split("”“") if i)
    items = printed.split("、")
    last = [i for i in _enumeration()["joiner"].split(items[-1]) if i]
    if len(last) > 1 and min(map(len, last)) == 1 < min(map(len, items[:-1]), default=0):
        last = [items[-1]]
    return tuple(i for i in [*items[:-1], *last] if i)


def _enumeration_span(sentence: str, m: re.Match[str]) -> tuple[int, int] | None:
    """Where an enumeration lies once the words it ran into are cut: the last item ends before
    a closing word (组成), 等 or a stop (or is cut to the others' length); the first starts after
    an opening word (由), or else as long before its 、 as the others are long (精准管理人、机… → 人).
    Opening and closing words count as whole words of the sentence only."""
    start, end = m.span()
    items = m.group(0).split("、")
    middle = items[1:-1] or items[1:]
    longest = max(map(len, middle))
    last = items[-1]
    at_last = end - len(last)
    closing = [c for c in _enumeration()["closes"].finditer(last) if c.start() > 0]
    opening = [o for o in _enumeration()["opens"].finditer(items[0]) if o.end() < len(items[0])]
    if closing or opening:  # whole words only (not 由 of 自由, 为主 of 作为主要); jieba only then
        edges = word_edges(sentence)
        closing = [c for c in closing if at_last + c.start() in edges and at_last + c.end() in edges]
        opening = [o for o in opening if start + o.start() in edges and start + o.end() in edges]
    if closing:
        last = last[:closing[0].start()]  # …、数字科普系统组成的
    elif end < len(sentence) and not _enumeration()["stop"].match(sentence[end]) and sentence[end] != "等":
        joined = _enumeration()["joiner"].split(last)  # ran on into the sentence
        last = last if len(joined) > 1 and max(map(len, joined)) <= longest else last[:longest]
    first = items[0]
    if opening:
        first = first[opening[-1].end():]  # 构建由科普云平台、…: where the list opens
    elif len(items) > 2:
        first = first[-longest:]
    if not first or not last:
        return None
    start = start + len(items[0]) - len(first)
    end = m.start() + len("、".join(items[:-1])) + 1 + len(last)
    return start, end


def _clause_after(sentence: str, at: int) -> str:
    """The words just after a place in a sentence, up to NOUN_REACH and not past its clause."""
    return _enumeration()["stop"].split(sentence[at: at + NOUN_REACH])[0]


def _names_list(sentence: str, start: int, end: int, nouns: Sequence[str]) -> bool:
    """Whether a noun the question counts heads the list in its own clause: just after it
    (人、机、料、法、环等生产要素) or before it and a word of including (生产要素包括：人、机…);
    not a word inside an item (机关部室设置) or one the list qualifies (科技工作者规模、分布…)."""
    after = _clause_after(sentence, end)
    before = _enumeration()["stop"].split(sentence[max(0, start - NOUN_REACH): start])[-1]
    return any(n in after for n in nouns) or bool(
        _enumeration()["including"].search(before) and any(n in before for n in nouns))


def counting(question: str, fact: Fact, nouns: Sequence[str] | None = None) -> bool:
    """Whether a number printed counts what the question counts (or ``nouns`` of it): the noun
    follows it in its clause (建成100个示范场景 for 多少个示范场景). Such a number answers before any list."""
    at = fact.sentence.find(fact.text)
    if at < 0:
        return False
    nouns = counted_nouns(question) if nouns is None else nouns
    end = at + len(fact.text)
    return any(n in _clause_after(fact.sentence, end) for n in nouns) or _qualified(fact.sentence, end, nouns)


def _qualified(sentence: str, end: int, nouns: Sequence[str]) -> bool:
    """Whether a noun counted follows the number past a longer qualifier closed by 的, in its
    clause (建成3个左右辐射周边省份、联通国际通道的物流枢纽): one opening with a verb of qualifying
    (facts.toml `qualifier_opens`), with no 的 of its own (3个辐射周边的园区和…的枢纽) and no other
    count (3个辐射全国、5个辐射全省的枢纽: the 5), the noun ending the phrase (not 人才 of 人才驿站)."""
    clause = _enumeration()["stop"].split(sentence[end:])[0]
    for noun in nouns:
        if (head := clause.find(f"的{noun}")) <= 0:
            continue
        qualifier, rest = clause[:head], clause[head + 1 + len(noun):]
        if (_enumeration()["qualifier"].match(qualifier) and "的" not in qualifier
                and _phrase_ends(rest) and not of_kind(facts_in(qualifier), "count")):
            return True
    return False


def _phrase_ends(rest: str) -> bool:
    """Whether a noun phrase ends where ``rest`` begins: nothing, no Chinese character, a joiner or 等."""
    return not rest or not all_han(rest[0]) or rest[0] == "等" or bool(_enumeration()["joiner"].match(rest))


def single_counts(question: str, text: str) -> tuple[Fact, ...]:
    """A count said right before the very thing the question counts, where no number with a unit
    says it: one ("一张网" for 几张网, "一个平台" for 几个平台; a bare 一 is no count elsewhere:
    一支队伍), or a numeral with no unit (三网融合 for 几张网, 一卡通用 for 几张卡). 一批 before it
    is an amount (`amount_units`), not one. Not inside a larger number or another word (第一个,
    十一个, 统一个, 其中一个: `one_not_after`)."""
    words = raw_facts()["words"]
    units = [u for u in words["units"] if len(u) == 1 and "\u4e00" <= u <= "\u9fff" and u not in words["amount_units"]]
    before = (*words["one_not_after"], *words["bare_numerals"], *words["numeral_before"])
    found: dict[str, Fact] = {}
    for noun in counted_nouns(question):  # 场馆 of 几个场馆 opens with a unit (场) and is no unit
        # the count as said: 一 and its unit (一个 of 一个库), or the numeral and the noun (三网, 两部门)
        said = [] if noun.startswith(tuple(words["ordered_nouns"])) else [
            (f"{n}{noun}", f"一{noun[0]}" if n == "一" and noun[0] in units else f"{n}{noun}") for n in words["bare_numerals"]]
        said += [(f"一{u}{noun}", f"一{u}") for u in units]
        for sentence in split_sentences(text):
            edges = None  # the sentence's word edges, read only when a bare numeral is found
            for phrase, count in said:
                at = sentence.find(phrase)
                while at >= 0 and sentence[:at].endswith(before):
                    at = sentence.find(phrase, at + 1)
                if at >= 0 and phrase[1:] == noun and phrase[0] != "一":  # a numeral above one: the noun
                    edges = edges or dictionary_ends(sentence)  # ends a dictionary word, not inside a
                    if at + len(phrase) not in edges:  # name (三中心医院); 一卡通, 一网通办 are one card, one network
                        continue
                if at >= 0:
                    found.setdefault(sentence, Fact("count", count, sentence))
    return tuple(found.values())


def enumerated_counts(question: str, text: str) -> tuple[Fact, ...]:
    """How many things a sentence lists where the question asks how many of them ("数智精益管理要
    精准管理的生产要素有几个？" ← "人、机、料、法、环等生产要素"): enumerations joined by 、 with the
    noun counted just before or after them. A fact of kind "enumeration" (its text as printed)."""
    nouns = counted_nouns(question)
    if not nouns:
        return ()
    found: dict[str, Fact] = {}
    for sentence, start, end, items in _lists(text, quoted=True):
        holding = [i for i in items if any(n == i or (len(n) >= COUNTED_ITEM_CHARS and n in i) for n in nouns)]
        if 0 < len(holding) < len(items):
            continue  # 几辆科普大篷车 of "流动科技馆、…、科普大篷车…": one of the things listed, not their kind
        named = _names_list(sentence, start, end, [n for n in nouns if len(n) > 1]) or any(
            all(i.endswith(n) for i in items) for n in nouns)  # 几类病: 常见病、慢性病…; 几个服务系统
        if named:
            found.setdefault(sentence[start:end], Fact("enumeration", sentence[start:end], sentence))
    return tuple(found.values())


def enumerations(text: str) -> list[tuple[tuple[str, ...], str, str]]:
    """The lists of three things or more a text prints (工作、服务、数据平台), in order: (the
    things, the words after the list in its clause, its sentence)."""
    return [(items, _clause_after(sentence, end), sentence) for sentence, _, end, items in _lists(text)]


def _lists(text: str, quoted: bool = False) -> Iterator[tuple[str, int, int, tuple[str, ...]]]:
    """Each list of MIN_ITEMS things or more the text prints: (its sentence, where the list lies
    in it, the things); with ``quoted``, also things each in quotes closed by 等 (two or more),
    in the order the sentence prints them."""
    for sentence in split_sentences(text):
        found = []
        for m in _enumeration()["list"].finditer(sentence):
            if (span := _enumeration_span(sentence, m)) is not None:
                items = enumeration_items(sentence[span[0]:span[1]])
                if len(items) >= MIN_ITEMS:
                    found.append((span[0], span[1], items))
        if quoted:
            found += [(m.start(), m.end(), enumeration_items(m.group(0))) for m in _enumeration()["quoted"].finditer(sentence)]
        for start, end, items in sorted(found, key=lambda f: f[0]):
            yield sentence, start, end, items


def shown(fact: Fact) -> str:
    """A fact as an answer names it: an enumeration with its count (共5个：人、机、料、法、环)."""
    if fact.kind == "enumeration":
        return f"共{len(enumeration_items(fact.text))}个：{fact.text}"
    return fact.text


ADMIN_ENDS = "省市县区州镇乡村"


def named_place(text: str) -> bool:
    """A place by its name: one of the known places (济南) or an administrative name (崂山区),
    not a region (长三角, 京津冀)."""
    words = raw_facts()["words"]
    return text not in words["regions"] and (text in words["places"] or text.endswith(tuple(ADMIN_ENDS)))


_RANGE_DASH = r"\s*[-—－–~至到]\s*"
_OTHER_YEAR = r"(?:19|20)\d{2}"


def _year_pattern(year: str) -> str:
    as_year = rf"(?:{_OTHER_YEAR}{_RANGE_DASH})?{year}(?:{_RANGE_DASH}{_OTHER_YEAR})?\s*年"
    as_date = rf"(?<!\d){year}[-./](?:0?[1-9]|1[0-2])(?!\d)"
    as_number = rf"[〔［\[]\s*{year}\s*[〕］\]]"  # 〔2017〕: a document number's year
    return f"{as_year}|{as_date}|{as_number}"


def prints_year(text: str, year: str) -> bool:
    """Whether the text prints ``year`` as a year — 2025年, 2023—2025年, 2025-2027年, 2017-03-07 —
    not as part of a name (《中国制造2025》)."""
    return re.search(_year_pattern(year), text) is not None


_ANY_YEAR = re.compile(_year_pattern(_OTHER_YEAR))


def year_of(fact: Fact, text: str) -> str:
    """The year a fact is said of: one its sentence prints before it, else after it ("制定30项
    以上标准，到2022年完成"), else the last one printed before its sentence ("到2020年，…。
    核心产业规模超过1500亿元" → 2020); "" when the text prints none (the plan's own year)."""
    start, within = text.find(fact.sentence), fact.sentence.find(fact.text)
    if start < 0:
        return ""
    if within < 0:  # a count of listed items is not printed as such: from its sentence's start
        within = 0
    if own_before := [m.group(0) for m in _ANY_YEAR.finditer(fact.sentence[:within])]:
        return own_before[-1]
    if own_after := _ANY_YEAR.search(fact.sentence, within):
        return own_after.group(0)
    earlier = [m.group(0) for m in _ANY_YEAR.finditer(text[:start])]  # only when needed
    return earlier[-1] if earlier else ""
