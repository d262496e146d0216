"""Does the plan answer the question at all? Pure checks on the question and the hits.

A plan answers only about itself: its year, its organization, what its tasks say. A question
about another year or province, or one that asks for a kind of fact (an amount, a date, a person,
a list of names) that the best tasks do not state, or one that neither side of retrieval
recognizes, is refused; the nearest tasks are then offered as related, not as the answer.
The thresholds are fitted per embedding model (calibration.py, ``planqa calibrate``).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from planqa.assistant.calibration import Calibration
from planqa.assistant.facts import prints_year, raw_facts
from planqa.assistant.retrieve import Scored
from planqa.assistant.rules import alternatives, asks_for, pattern, rule, table
from planqa.index.glossary import is_english
from planqa.index.lexical import content_words, pointing, word_edges
from planqa.ingest.grammar import genre_of, raw_grammar


# A year, not an amount: 2016年 or "in 2016", but not 2000个 / 2000万元; other four digits only
# before 年 (a plan as received may print its years garbled: 到7671年).
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2}(?!\d)(?!\s*(?:个|家|万|元|%|人|名|条|项|台|所))|[1-9]\d{3}(?=年))")
ASKED_TEXT = {
    "money": "金额", "ratio": "比例", "when": "时间", "date": "具体日期", "count": "数量", "ordinal": "是第几次", "who": "负责的单位", "lead": "牵头或负责的单位", "person": "具体人员",
    "actor": "具体的单位或人员",
    "place": "地点", "places": "地名", "where": "地点", "list_names": "具体名单", "standard": "具体标准或条件", "contact": "联系方式",
    "procedure": "具体办理流程或所需材料",
    "penalty": "处罚或追责的规定", "frequency": "频次", "role": "定位",
    "doc_number": "文号", "founded": "成立的机构", "code": "标准编号", "name": "具体名称",
}


@dataclass(frozen=True)
class Verdict:
    in_scope: bool
    reason: str = ""  # for the user: why the plan does not answer
    lacks: bool = False  # refused only because the best task does not state the fact asked


def known_share(question: str, plan_text: str) -> float:
    """Share of the question's content words (two characters or more) that the plan prints.
    The plan's own text, not the index's vocabulary: a word that only other plans use is as
    unknown to this plan as one no plan uses, however many plans the index holds. A word that
    frames the question (挂在哪条下面) or names nothing (那个, 到底, 最后) counts only for it, when the
    plan prints it: it is no topic the plan should print."""
    # a Latin term with a digit in a Chinese question (4G, IPv6) is a word the plan must print too
    chinese = not is_english(question)
    words = [w for w in content_words(question) if len(w) >= 2 and (
        not w.isascii() or (chinese and any(c.isdigit() for c in w)))]
    latin = plan_text.lower() if any(w.isascii() for w in words) else ""  # words come lower-cased

    def printed(w: str) -> bool:
        return w in (latin if w.isascii() else plan_text)

    framing = set(words) - set(content_words(pattern("frame").sub("，", question))) | table().word_set("filler")
    # 那个, 最后, 哪家 point at the topic: the words the question names it by count
    words = [w for w in words if printed(w) or (w not in framing and not pointing(w))] or words
    if not words:
        return 1.0  # English or symbols only: leave it to the dense side
    return sum(1 for w in words if printed(w)) / len(words)


# "中国科协2017年工作要点" names a plan: whose it is must match this plan's title. The owner
# must read like an organization or a place ("跟院士有关的工作安排" names no plan); the
# genre nouns are the outline grammar's, the owner endings rules.toml's.
@cache
def _plan_named() -> re.Pattern:
    ends = alternatives(table().words["org_suffix"])
    nouns = alternatives([*(n for n in raw_grammar()["genre"]["nouns"] if len(n) > 2 or n.startswith("工作")),
                          *table().words["plan_alias"]])
    reach = alternatives(table().words["plan_reach"])
    # 中国科协2017年全国工作要点, 中国科协今年的工作要点: a year and the plan's reach may stand before its noun
    return re.compile(rf"([\u4e00-\u9fff]{{0,10}}?(?:{ends}))(?:\d{{4}}年度?|今年|明年|去年|本年度)?的?(?:{reach})?(?:{nouns})")


@cache
def _region() -> re.Pattern:
    """Provinces and major cities (the place names of facts.toml): a question about one that the
    plan never names is about another plan."""
    return re.compile(f"({alternatives(raw_facts()['words']['places'])})")


# "第二次全省科技工作者状况调查" where the plan has only the third: another round, not this one.
_ORDINAL = re.compile(r"(第[一二三四五六七八九十百\d]+)(次|届|批|期)([\u4e00-\u9fff]{2})")


def other_round(question: str, plan_text: str) -> Verdict | None:
    """An ordinal round of something (第二次…调查) that the plan names only with another number."""
    for m in _ORDINAL.finditer(question):
        if m.group(0) in plan_text:
            continue
        if said := re.search(r"第[一二三四五六七八九十百\d]+" + re.escape(m.group(2) + m.group(3))
                             + r"[\u4e00-\u9fff]{0,10}", plan_text):
            return Verdict(False, f"文件里说的是“{said.group(0)}”，没有{m.group(1)}{m.group(2)}的情况")
    return None


def _contracted(title: str) -> str:
    """The title with a place's 省/市/县 left out inside a name: 山东省科协 is 山东科协 too."""
    suffix = "".join(table().words["place_suffix"])
    return re.sub(rf"(?<=[\u4e00-\u9fff]{{2}})[{suffix}](?=[\u4e00-\u9fff])", "", title)


def one_year(title: str) -> bool:
    """Whether the plan's title names one year and no span of years (2017年工作要点, not
    2023—2025年行动计划): "明年" is outside it."""
    years = _YEAR.findall(title)
    return len(years) == 1 and not any(dash in title for dash in ("—", "-", "－", "–", "~", "至", "到"))


def outside_plan(question: str, plan_text: str, plan_title: str = "", task_asked: bool = False) -> Verdict | None:
    """A year, a province or another organization's plan that this plan is not about.
    ``task_asked``: the question is of tasks it points at (by number, place in a list, title, or
    as the ones in view), so a place it names is asked of them ("第二个和某市有关联吗"), not of
    something else there; whether they print it is theirs to say."""
    genre = genre_of(plan_title)
    for m in _plan_named().finditer(question):
        owner = m.group(1)
        # "请问中国科协…", "我想了解下省科协…": the organization is what follows the asking
        owner = owner[max((owner.rindex(w) + len(w) for w in table().words["asking"] if w in owner), default=0):]
        own = owner.startswith(tuple(table().words["own_plan"]))  # 这份…, 我省…: this plan's own
        if plan_title and not own and owner not in plan_title and owner not in _contracted(plan_title):
            named = m.group(0)[m.group(0).index(owner) + len(owner):].lstrip("的")
            return Verdict(False, f"这里只有《{plan_title}》，没有{owner}" + ("" if "的" in named else "的") + named)
    if verdict := other_round(question, plan_text):
        return verdict
    named = re.sub(r"《[^《》]*》", lambda m: "" if m.group(0) in plan_text else m.group(0), question)
    for year in _YEAR.findall(named):  # a name the plan prints (《中国制造2025》) asks no year;
        # a year asked as a year (2025年) needs the plan to speak of it as one, not in a name
        if not (prints_year(plan_text, year) if prints_year(named, year) else year in plan_text):
            return Verdict(False, f"这份{genre}没有涉及{year}年的情况")
    if (m := pattern("other_year").search(question)) and (word := m.group(1) or m.group(2)) not in plan_text \
            and (m.group(2) or one_year(plan_title)):  # 去年的要点里也有吗; 明年 of a plan for one year
        return Verdict(False, f"这份{genre}没有涉及{word}的情况")
    if (m := pattern("elsewhere").search(question)) and m.group(0) not in plan_text:  # 其他省份有类似安排吗
        return Verdict(False, f"这份{genre}没有涉及其他地方的情况")
    edges = word_edges(question)
    for m in _region().finditer(question):  # a name starting inside a word is none (买的东西安不安全)
        if m.group(1) not in plan_text and m.start() in edges:
            return Verdict(False, f"这份{genre}没有涉及{m.group(1)}的情况")
    if not task_asked and (places := names_only(question, plan_text)):  # the plan's own province needs no word
        named = [p for p in places if p not in plan_title]
        return Verdict(False, f"{'、'.join(named)}在这份{genre}里只出现在与此无关的内容中" if named else "")
    return None


def names_only(question: str, plan_text: str) -> list[str]:
    """The place names of the question when they are the only words of it that the plan prints
    and it has words of its own besides ("济南今天天气怎么样": something else at that place); else [].
    Words of asking (安排, 关系 …) are no topic, and a question asking where the plan names the
    place (济南在哪一部分出现) or what is to be done there (济南要做什么) is about the plan."""
    t = table()
    if (t.flag("which_task", question) or t.flag("literal", question) or asks_for(question) == "part"
            or any(w in question for w in t.words["todo"]) or rule("task_number").pattern.search(question)):
        return []  # "山东这份，第一条讲的什么": a task of the plan asked by its number
    generic = t.word_set("topicless") | t.word_set("relate") | t.word_set("literal")
    asked = pattern("frame").sub(" ", question)  # 计划里, 提到, 哪些地方: words about the plan
    words = [w for w in content_words(asked) if len(w) >= 2 and not w.isascii() and w not in generic]
    known = [w for w in words if w in plan_text]
    places = set(raw_facts()["words"]["places"])
    if known and len(known) < len(words) and all(w in places or w.rstrip("省市县区") in places for w in known):
        return known
    return []


def judge(question: str, hits: Sequence[Scored], plan_text: str, asks: str | None, answered: bool, plan_title: str = "",
          calibration: Calibration = Calibration(), followed: bool = False, wanted: str = "") -> Verdict:
    """``answered``: whether the best hit states the kind of fact ``asks`` wants; ``followed``:
    the question names no topic of its own and the best hit is the conversation's task, so
    how near the question's words are to it says nothing ("依据的是哪个文件"); ``wanted``: the
    fact asked as the refusal names it (ASKED_TEXT's by default)."""
    if not hits:
        return Verdict(False, "没有找到相关内容")
    if verdict := outside_plan(question, plan_text, plan_title):
        return verdict
    if asks and not answered:
        return Verdict(False, f"{genre_of(plan_title)}里没有写明{wanted or ASKED_TEXT.get(asks, '这方面的内容')}", lacks=True)
    top = hits[0]
    dense = top.dense if top.dense is not None else 0.0
    if not followed and dense < calibration.min_dense and known_share(question, plan_text) < calibration.min_known:
        return Verdict(False, "")
    return Verdict(True)
