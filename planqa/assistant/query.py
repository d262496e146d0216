"""Questions: normalized like documents; the Query a question becomes (built by the rule table in
rules.py); several questions in one message; a part named by its title. Pure functions."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from typing import Literal

from planqa.errors import QuestionError, QuestionTooLong
from planqa.index.lexical import pieces, word_edges
from planqa.ingest.clean import clean_text

MAX_QUESTION_CHARS = 2000

QueryKind = Literal["task", "section", "meta", "mention", "search", "chat"]


def normalize_question(question: str) -> str:
    if not isinstance(question, str):
        raise QuestionError("问题必须是文字")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(f"问题太长（{len(question)} 字），请限制在 {MAX_QUESTION_CHARS} 字以内")
    text = " ".join(clean_text(question).split("\n")).strip()
    if not text:
        raise QuestionError("问题是空的：请输入要问的内容")
    return text


@dataclass(frozen=True)
class Query:
    """What a question asks, as understood by the rule table (rules.py)."""

    kind: QueryKind
    task: int | None = None
    section: int | None = None  # 1-based section position (negative: from the end, 最后一部分 -1)
    section_number: str | None = None  # or the section's printed numeral
    meta: str | None = None  # which document fact
    asks: str | None = None  # answer type the question wants: when, count, money, who …
    within: bool = False  # "其中…": only among the previous answer's tasks (or its section)
    followup: bool = False
    also: tuple[int, ...] = ()  # further task numbers asked together: 第4条和第5条
    literal: bool = False  # mention: only tasks whose words contain the term ("提到", a bare term)
    listing: bool = False  # mention: the question says it wants several ("分别", "汇总", "都有哪些")
    section_place: int | None = None  # task: "这部分第二项" is the 2nd task of the section (-1: last)
    besides: int | None = None  # section: "这部分还有哪些任务" lists the others than this task
    in_order: bool = False  # mention: "按文件顺序" lists tasks by number, not best first
    rule: str = ""  # the row of rules.toml that understood the question
    carried: bool = False  # ``asks`` comes from the previous question ("那第5项呢？")
    item: bool = False  # task: "第8条" may name an item the plan prints below its tasks (8.)
    among: tuple[int, ...] = ()  # search: only among these tasks (剩下两项里哪个…), else ``within``'s
    thing: int | None = None  # task: the place of a thing its last quote lists ("第二个是啥": 2)
    things: bool = False  # task: how many things its last quote lists ("一共几个")
    item_place: int | None = None  # task: the place of an item the task lists ("核心技术标准的第3项": 3)


MAX_PARTS = 4  # questions answered from one message
MIN_PART_CHARS = 5  # "又呢？" is no question of its own
_HAN = re.compile(r"[\u4e00-\u9fff]")


def split_questions(question: str) -> list[str]:
    """Several questions typed as one message ("机关改革什么时候完成？学会改革试点又选多少个？"):
    the parts, each ending in a question mark with some words of its own; else []. The last
    may go without its mark when it asks about the part just named ("…归哪一部分？那部分有几条"),
    not when it goes on about the same thing ("…有没有补贴？最高能给多少万": one question)."""
    from planqa.assistant.rules import rule, table  # the asking words are data (rules.toml)

    parts = [p.strip() for p in re.split(r"(?<=[？?])", question) if p.strip()]
    if 1 < len(parts) <= MAX_PARTS and all(len(_HAN.findall(p)) >= MIN_PART_CHARS for p in parts) and (
            parts[-1][-1] in "？?" or (table().flag("interrogative", parts[-1])
                                       and rule("this_section").pattern.search(parts[-1]))):
        return parts
    return []


def titles_named(question: str, section_titles: Sequence[tuple[str, str]], common: Sequence[str] = (),
                 verbs: Sequence[str] = ()) -> list[str]:
    """The parts whose whole title (four characters or more) the question holds: 保障措施都有哪些;
    or, the plan's subject (``common``) known, the title without it or without its first one to
    three characters (``headless``), as a question drops them; or, ``verbs`` given, the title
    without the verb it opens with (支撑体系 of 构建支撑体系) when no other part's title holds that."""
    titles = [title for _, title in section_titles]
    return [number for number, title in section_titles
            if (len(title) >= 4 and title in question)
            or any(f in question for f in (*subjectless(title, common), *(headless(title, common) if common else ())))
            or any(f in question and not any(f in t for t in titles if t != title) for f in verbless(title, verbs))]


MIN_VERBLESS_CHARS = 4  # a title without its verb that still names a thing (支撑体系), not a word


def verbless(title: str, verbs: Sequence[str]) -> list[str]:
    """The title without the verb it opens with (构建支撑体系 → 支撑体系), when what is left is
    long enough to name the part; [] for a title opening otherwise."""
    verb = max((v for v in verbs if title.startswith(v)), key=len, default="")
    rest = title[len(verb):]
    return [rest] if verb and len(rest) >= MIN_VERBLESS_CHARS and "，" not in rest else []


MAX_TITLE_HEAD = 3  # a title's opening qualifier an asker drops: 全过程, 全方位, 大力
MIN_HEADLESS_CHARS = 8  # what is left is still the title, not a phrase of any task
MIN_HEADLESS_OWN = 4  # ... and holds words besides the plan's subject (推进城市数字化转型 does not)


def headless(title: str, common: Iterable[str] = ()) -> list[str]:
    """A part's title without its first one to three characters (an opening qualifier:
    优化城市数字化转型生态 of 全过程优化城市数字化转型生态): each rest long enough and more than the
    plan's subject, which a question holding names the part."""
    subject = sorted(common, key=len, reverse=True)
    return [rest for rest in (title[k:] for k in range(1, MAX_TITLE_HEAD + 1))
            if len(rest) >= MIN_HEADLESS_CHARS and "，" not in rest and len(without(rest, subject)) >= MIN_HEADLESS_OWN]


MAX_ROLE_VERB = 2  # a title may put a verb before its role's name: 加强组织实施, 强化组织保障


def role_names(parts: Sequence[str], headings: Sequence[str],
               roles: Sequence[tuple[Sequence[str], Sequence[str]]]) -> tuple[tuple[str, str], ...]:
    """Other names of a part by the role it plays in a plan of the genre: the safeguards are
    保障措施 in one plan and 组织保障 or 组织实施 in the next, and askers say the usual name.
    A role is (the titles a part of it prints, the names an asker calls it). When exactly one of
    the plan's ``parts`` (their titles, the attachments' too) prints one of the role's titles
    (after a verb of at most two characters), each name of the role that none of the plan's
    ``headings`` (parts' and tasks' titles) holds is another name of that part: (name, title),
    longest name first; so is the printed title without its verb (组织实施 of 加强组织实施). A
    part titled otherwise (政策措施) gets no other name."""
    pairs = []
    for prints, said in roles:
        if not said:
            continue  # a role asked of the whole plan as often (the tasks'): no other names
        playing = [(p, t) for p in parts for t in prints if plays_role(p, (t,))]
        if len({p for p, _ in playing}) == 1:
            title = playing[0][0]
            others = [h for h in headings if h != title]
            bare = [t for _, t in playing if t != title]
            pairs += [(name, title) for name in (*said, *bare) if name != title and not any(name in h for h in others)]
    return tuple(sorted(dict.fromkeys(pairs), key=lambda p: -len(p[0])))


def plays_role(title: str, prints: Sequence[str]) -> bool:
    """Whether a title is one of a role's printed titles, after a verb of at most two characters
    (加强组织实施, 强化重点任务)."""
    return any(title.endswith(t) and len(title) - len(t) <= MAX_ROLE_VERB for t in prints)


def as_printed(question: str, names: Sequence[tuple[str, str]], before: Iterable[str] = ()) -> str:
    """The question with each other name of a part (``role_names``) said as the plan prints it:
    "有哪些保障措施" in a plan whose part is 组织保障 reads "有哪些组织保障". A name is read so only
    where it stands as a title: at the start, after a mark, or after one of the words ``before``
    (哪些, 的 …); "资金保障措施" is measures for a thing, not the part."""
    if not names:
        return question
    printed, lead = dict(names), tuple(before)
    out, i = [], 0
    while i < len(question):
        name = next((n for n, _ in names if question.startswith(n, i)), None)  # longest first
        if name and (i == 0 or not _HAN.match(question[i - 1]) or question[:i].endswith(lead)):
            out.append(printed[name])
            i += len(name)
        else:
            out.append(question[i])
            i += 1
    return "".join(out)


MIN_SUBJECTLESS_CHARS = 6  # what is left of a title without the plan's subject: still a title


def subjectless(title: str, common: Iterable[str]) -> list[str]:
    """A part's title without one run of the plan's subject it holds (提升场景创新能力 of
    提升人工智能场景创新能力 in a plan about 人工智能): the asker takes the subject as said."""
    forms = (title.replace(c, "", 1) for c in common if c in title and c != title)
    return [f for f in dict.fromkeys(forms) if len(f) >= MIN_SUBJECTLESS_CHARS]


def section_by_word(before: str, section_titles: Sequence[tuple[str, str]],
                    tails: Sequence[str] = ()) -> str | None:
    """The part named by the word just before 部分 ("改革那部分", "科普这一块"): the longest end of
    the words before it (two characters or more, demonstratives dropped) that one title alone
    holds; a generic word ending them (``tails``: "讲智库建设的那部分") may be left out. None when
    no such end is in exactly one title."""
    run = re.search(r"[\u4e00-\u9fff]*$", re.sub(r"(?:[这那][一两几]?个?|的)+$", "", before)).group(0)
    for words in [run] + [run[: -len(t)] for t in tails if run.endswith(t) and len(run) > len(t)]:
        for size in range(len(words), 1, -1):
            holders = [number for number, title in section_titles if words[-size:] in title]
            if len(holders) == 1:
                return holders[0]
    return None


def section_by_title(question: str, section_titles: Sequence[tuple[str, str]],
                     common: Sequence[str] = ()) -> str | None:
    """The section whose title the question quotes ("建设科技创新智库体系"这部分), by the longest
    run of characters the two share (at least 6, or a whole clause of the title; or 4 that no
    other title shares). The plan's subject (``common``: 智慧城市 in "智慧城市建设") does not count."""
    best, best_len = None, 0
    subject = sorted(common, key=len, reverse=True)  # longest first: 人工智能场景 before 人工智能
    near = []
    for number, title in section_titles:
        n, run = _longest_common_run(question, title)
        if run != title and len(without(run, subject)) < 4:  # 智慧城市建设: the subject and a generic word
            n = 0
        clauses = title_clauses(title)
        clause_hit = any(len(c) >= 4 and c in question for c in clauses)
        if not clause_hit and (turned := [c for c in clauses if reordered_in(c, question, subject)]):
            clause_hit, n = True, max(n, max(map(len, turned)))  # 加快集聚物流 of 加快物流集聚
        if not clause_hit and (bare := [f for f in subjectless(title, common) if f in question]):
            clause_hit, n = True, max(n, max(map(len, bare)))
        if (n >= 6 or clause_hit) and n > best_len:
            best, best_len = number, n
        if n >= 4:
            near.append(number)
    # "科普工作这部分": four characters that only one title has name it as well.
    return best or (near[0] if len(near) == 1 else None)


MAX_REORDERED_WORDS = 4  # a clause said in another order: of a few words (4! orders at most)


def reordered_in(clause: str, question: str, subject: Sequence[str] = ()) -> bool:
    """Whether the question names a part by the clause of its title with the words in another
    order, word for word, and a part word after them ("加快集聚物流那块" of 加快物流集聚; not
    "要求工作人员", "措施保障资金"): at the question's word edges, four characters or more besides
    the plan's subject (``subject``, its phrases longest first: not 建设智慧城市 of 智慧城市建设)."""
    from planqa.assistant.rules import pattern  # rules reads this module

    edges = None
    for said in _other_orders(clause):
        if len(without(said, subject)) < 4:
            continue
        at = question.find(said)
        while at >= 0:
            edges = word_edges(question) if edges is None else edges
            if at in edges and at + len(said) in edges and pattern("part_word_after").match(question, at + len(said)):
                return True
            at = question.find(said, at + 1)
    return False


@lru_cache(maxsize=4096)
def _other_orders(clause: str) -> tuple[str, ...]:
    words = pieces(clause)
    if not 2 <= len(words) <= MAX_REORDERED_WORDS:
        return ()
    return tuple(dict.fromkeys(o for p in permutations(words) if (o := "".join(p)) != clause))


def without(text: str, phrases: Iterable[str], by: str = "") -> str:
    """The text with each of the phrases, in the order given, replaced by ``by``."""
    for phrase in phrases:
        text = text.replace(phrase, by)
    return text


def title_clauses(title: str) -> list[str]:
    """A part's title cut at its commas: "加强自身建设，提升…水平" → its two clauses."""
    return title.replace(",", "，").split("，")


def _longest_common_run(a: str, b: str) -> tuple[int, str]:
    """The length of the longest run of characters a and b share, and the run (in b)."""
    best, end = 0, 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best:
                    best, end = cur[j], j
        prev = cur
    return best, b[end - best:end]
