"""Questions: normalized like documents, then routed to an intent.

Structural questions (a task or section by number, counts, document facts) are answered from the
parsed plan; "which tasks mention X" lists every task that contains X; follow-ups ("它", "这一项",
"下一项", "这部分", "第二个"; see followup.py) resolve against the conversation. Everything else
goes to retrieval.
Pure functions: no model, no store.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from planqa.assistant.followup import (
    ELSE, NEXT, PREV, THIS_SECTION, THIS_TASK, WITHIN, Context, list_reference, topicless)
from planqa.errors import PlanqaError
from planqa.ingest.clean import clean_text
from planqa.ingest.numerals import EN_NUMBERS, to_int

MAX_QUESTION_CHARS = 2000

IntentKind = Literal["task", "section", "meta", "mention", "search"]


class QuestionError(PlanqaError):
    """An empty or unusable question (the API maps this to 422)."""


class QuestionTooLong(QuestionError):
    """A question over MAX_QUESTION_CHARS (the API maps this to 413)."""


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
class Intent:
    kind: IntentKind
    task: int | None = None
    section: int | None = None  # 1-based section position
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


_NUM = r"([0-9]{1,3}|[一二三四五六七八九十百零两]{1,4})"
_TASK_PATTERNS = [
    re.compile(rf"第\s*{_NUM}\s*(?:项|条|个任务|号任务)"),
    re.compile(rf"第\s*{_NUM}(?=\s*[、,，和及与]\s*(?:{_NUM}\s*[、,，和及与]\s*)*{_NUM}\s*(?:项|条))"),
    re.compile(rf"任务\s*{_NUM}(?![0-9])"),
    re.compile(r"\btask\s*(?:no\.?\s*|number\s*|#\s*)?([0-9]{1,3})\b", re.I),
]
_NUMBER_LIST = re.compile(rf"第\s*((?:{_NUM}\s*[、,，和及与]\s*)+){_NUM}\s*(?:项|条)")
_SECTION_NUMBER = re.compile(rf"第\s*{_NUM}\s*(?:部分|大部分|板块|大项|个部分|大块|块)")
_EN_NUM = r"(\d{1,2}|" + "|".join(EN_NUMBERS) + ")"
# "section three", "part 3", "the third part"; "the second task under section five".
_EN_SECTION = re.compile(rf"\b(?:section|part|chapter)\s+{_EN_NUM}\b|\bthe\s+{_EN_NUM}\s+(?:section|part|chapter)\b", re.I)
_EN_SECTION_PLACE = re.compile(rf"\bthe\s+({_EN_NUM[1:-1]}|last)\s+(?:task|item|one)\s+(?:under|in|of)\s+"
                               rf"(?:section|part|chapter)\s+{_EN_NUM}\b", re.I)
_HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_PARTS = 4  # questions answered from one message
MIN_PART_CHARS = 5  # "又呢？" is no question of its own
_LAST_SECTION = re.compile(r"最后一个?(部分|板块|大块|块)|最后部分")
_OTHERS = re.compile(r"还有|其他|其它|别的|另外")
_REST = re.compile(r"剩下|剩余|其余")
_ITS_SECTION = re.compile(r"(所在|所属)的?(部分|板块)")
_IN_ORDER = re.compile(r"按(照)?(文件|原文|任务|编号|先后|文中)?的?顺序|依次|按编号|\bin order\b", re.I)
_SECTION_WORD = re.compile(r"部分|板块|这一块|这块|那一块|那块|大块")
# A task by its place in a section: "这部分第二项", "第五部分的最后一项".
_SECTION_PLACE = re.compile(
    rf"(?:(?:这|该|本|此|那)一?个?|第{_NUM})(?:部分|板块|块|大块)(?:里|中|里面|当中)?的?"
    rf"(?:第{_NUM}(?:项|条|个)|(最后一|末)(?:项|条|个))")
# Facts of the notice itself: asked of the document, not of a task ("调查结果什么时候公布").
_DOCUMENT_FACTS = {"published", "signed", "issuer", "addressees"}
_DOCUMENT = re.compile(r"要点|文件|通知|计划|这份|本文|印发|发文|落款|\b(plan|document|notice)\b", re.I)


_META_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("count_sections", re.compile(r"(?<![哪第])(几|多少)个?大?(部分|板块|大项|块)")),
    ("count_tasks", re.compile(r"(?<![哪第])(几|多少)(项|个|条)?(任务|工作任务|项工作|条)|任务(一共|总共|共)?有?(几|多少)|how many tasks", re.I)),
    ("signed", re.compile(r"落款|签发|成文(日期|时间)|(哪天|哪一天|什么时候|何时|日期|时间).{0,6}印发|印发.{0,6}(日期|时间|哪天)")),
    ("published", re.compile(r"发布(时间|日期)|(哪天|哪一天|什么时候|何时|日期|时间).{0,8}(发布|公布|上网|发的|发出)|发布.{0,4}(哪天|什么时候)|when was .*(published|issued)", re.I)),
    ("issuer", re.compile(r"(谁|哪个单位|哪个部门|什么单位|哪家单位|哪个机构).{0,6}(印发|发布|制定|下发|发的|出台)|(印发|发文|发布)(单位|机关|部门)|who (issued|published)", re.I)),
    ("addressees", re.compile(r"(发给|印发给|主送|下发给|发往).{0,6}(哪些|谁|哪|什么)|主送(单位|对象)")),
    ("mainline", re.compile(r"主线|总体(工作)?思路|总体要求|指导思想|主要精神|(主要|总体|全年|总的)(工作)?目标")),
    # The plan as a whole: its parts and tasks, not the tasks that say 重点 or 工作.
    ("outline", re.compile(
        r"^(请问)?(今年|全年|\d{4}年)?的?(省科协|科协)?(今年|全年)?的?(都有哪些|有哪些|有什么|都有什么)?"
        r"(重点工作|主要工作|重点任务|主要任务|工作重点|工作任务)(都有哪些|有哪些|是什么|是哪些|有什么)?[？?]?$"
        r"|(这份|这个|本|该|整个)?(工作要点|要点|文件|通知)的?(主要|大致|大概)?内容(是什么|有哪些|是啥)"
        r"|(这份|这个|本|该|整个)(工作要点|要点|文件|通知)(主要)?(讲了|讲的是|说了|写了|讲|说)(什么|啥|些什么|哪些内容)"
        r"|(要点|文件)(包括|包含|都有)哪些(内容|方面)|(总体|整体|全年的?)(工作)?安排(是什么|有哪些|是怎样的)?[？?]?$"
        r"|^what (does|is) (the|this) (whole )?plan (cover|about)\W*$|^(summari[sz]e|outline) (the|this) (whole )?plan\W*$"
        r"|^(give me )?(an )?overview of (the|this) plan\W*$", re.I)),
    ("year", re.compile(r"(要点|文件|计划|通知|安排).{0,6}(哪一年|哪年|什么年份|哪个年度)|(哪一年|哪年|哪个年度)的(工作|要点|计划|安排)")),
    ("title", re.compile(r"(文件|要点|通知|计划)的?(标题|名称|全称|题目)")),
]

_MENTION = re.compile(
    r"(哪些|哪几|哪项|哪一项|哪个|哪条|哪几条)(任务|工作|项|条)?.{0,12}(涉及|提到|提及|包含|包括|讲到|说到|谈到|出现|有关|关于)"
    r"|(涉及|提到|提及|包含|讲到|说到|谈到|有关|关于).{1,24}(的)?(是)?(哪些|哪几|哪项|哪一项|哪个|哪条)"
    r"|(哪些|哪几)(项|条)?(任务|工作|项|条)"
    r"|(which tasks|what tasks).{0,20}(mention|involve|about|relate|refer|cover)"
    r"|(哪里|哪儿|什么地方|哪些地方).{0,6}(提到|提及|讲到|说到|写到)"
    r"|\bwhere\b.{0,30}\b(mention|say|says|talk|discuss|cover)",
    re.I,
)
# Questions that want every task on a topic, not the one best task.
_LISTING = re.compile(
    r"都有哪些|有哪些[^，。？]{0,8}(工作|任务|安排|举措|措施|内容|计划|要求|打算|活动)|哪几(项|条|个方面|方面|类)"
    r"|都(有|在|要|会|打算|准备)?[^，。？]{0,4}什么(工作|安排|打算|举措|措施|活动)?[？?]?$|(这|那)(两|三|几)(块|方面|个方面|项|件事)|汇总|全部列出|列出|列举|分别(有|是|在|讲|要|怎么|如何|打算)|各有|各自"
    r"|都在哪|所有的?(任务|内容|工作|和|与|跟|涉及|提到|有关)|(怎么|如何|是怎样)(提|说|讲)的|提法"
    r"|(都|还)[^，。？]{0,6}哪些"
    r"|\b(list|all|every)\b.{0,40}\b(tasks?|parts?|items?)\b|\b(which|what) (parts|tasks|items)\b"
    r"|^\s*(please\s+)?(list|enumerate|summari[sz]e|name)\b|\beverything\b|\blist (them|all|every)",
    re.I,
)
# "提到/出现 X": the words themselves, not the topic.
_LITERAL = re.compile(r"提到|提及|提的|提法|出现|包含|含有|写到|写有|讲到|说到|谈到|字样|原文|(怎么|如何|是怎样)(说|讲|写)的"
                      r"|\bmention|\bcontain", re.I)
# A bare term typed like a search box query: "院士专家工作站", "微信公众号".
_BARE_TERM = re.compile(r"[\u4e00-\u9fff]{2,12}[+＋]?|[“\"][\u4e00-\u9fff+＋]{2,12}[”\"]")
_INTERROGATIVE = re.compile(r"[吗呢吧么哪谁几啥怎何]|什么|多少|是否|有没有|能否|可否")

# What a question asks for, and what a sentence that answers it must contain.
ASKS: list[tuple[str, re.Pattern, re.Pattern]] = [
    # How an individual applies, books or signs up: a work plan states tasks, not procedures.
    ("procedure", re.compile(r"(怎么|如何|怎样|去哪|在哪)(预约|申报|报名|申请|报送|办理)|(准备|提交|需要)(哪些|什么)材料"
                             r"|找谁(报|办|申请)|向谁(申报|申请)|报名方式|申报方式|how (do|can) i (apply|book|register)", re.I),
     re.compile(r"(申报|报名|预约|申请)(方式|流程|程序|时间|材料|条件)|登录.{1,20}(网|平台|系统)|联系人")),
    ("contact", re.compile(r"电话|地址|邮箱|网址|联系方式|phone|address", re.I),
     re.compile(r"\d{3,4}-\d{7,8}|@|www\.|路\d+号")),
    ("list_names", re.compile(r"名单|名录|(分别是|具体是|都是|是)哪(些|几个|几家)(学会|协会|单位|部门|企业|高校|城市)[？?]?$"
                              r"|(分别是|具体是|都是)哪(些|几个|几家)[？?]?$"
                              r"|哪(些|几个)(城市|地市|县市|地区|县|区县|乡镇|村)"),
     re.compile(r"(、[^、。，]{2,12}(学会|协会)){3,}")),
    ("standard", re.compile(r"标准是|认定标准|评选标准|条件是|具体条件|收费标准|(满足|需要|具备|符合)(哪些|什么)条件"
                            r"|(什么|哪些|具体)流程|(申请|办理|申报)(流程|程序|手续)"),
     re.compile(r"(标准|条件)(为|是|：)")),
    ("money", re.compile(r"多少钱|多少(亿|万)?元|投资|预算|经费多少|资金(有)?多少|工资|薪|收费|会费|费用|交多少|budget|how much money|cost", re.I),
     re.compile(r"\d+(\.\d+)?\s*(亿|万)?元|[0-9]+%|收费")),
    # English "who"/"when"/"where" ask only as question words, not in "scientists who…".
    ("who", re.compile(r"是谁|谁是|谁负责|由谁|哪位|姓名|^who\b|\bwho (is|are|was|will|leads|heads|runs|signs)\b", re.I),
     re.compile(r"由.{1,16}(负责|牵头)|负责人|牵头")),
    ("place", re.compile(r"在哪里|在哪儿|在什么地方|地点|(哪个|什么|具体)(位置|地方)|在哪(所|个|座|家)|哪(所|座)(高校|学校|大学)"
                         r"|(哪个|哪一|什么)(片区|区域|地段|街道)|选址"
                         r"|^where\b|\bwhere (is|are|will|does|do|was)\b", re.I),
     re.compile(r"在.{1,10}(举办|召开|举行|建设)|地点")),
    ("when", re.compile(r"什么时候|何时|哪天|哪一天|几月|哪个月|哪一年|哪年|哪个年份|截止|期限|完成时间|多长时间|多久|by when|^when\b|\bwhen (is|are|will|does|do|did|was|should|must)\b|deadline|target date", re.I),
     re.compile(r"\d+月|\d+日|月底|年底|年内|上半年|下半年|季度|之前|以前|前[，。,]|\d{4}-\d{2}")),
    ("count", re.compile(r"(?<![哪第])(多少|几)(个|家|所|项|人|位|次|名|场|条|篇|本|部)|多少(?!钱)|有多大|规模多大|(具体|统计)?数字|how many", re.I),
     re.compile(r"\d+(\.\d+)?\s*(个|家|所|项|人|次|名|场|条|级|万|亿|%|余|多)|[一二三四五六七八九十两]+(个|家|所|项|人|次|名|场|条|级)|左右|第[一二三四五六七八九十]+次")),
]
ANSWER_PATTERNS = {name: answer for name, _, answer in ASKS}


def asks_for(question: str) -> str | None:
    return next((name for name, asked, _ in ASKS if asked.search(question)), None)


def route(question: str, context: Context | None = None,
          section_titles: Sequence[tuple[str, str]] = ()) -> Intent:
    """The intent of a normalized question; ``context`` is the previous answer's focus and
    ``section_titles`` the plan's (number, title) pairs."""
    q = question
    asks = asks_for(q)
    if m := _EN_SECTION_PLACE.search(q):
        word = m.group(1).lower()
        place = -1 if word == "last" else to_int(word)
        return Intent("task", section=to_int(m.group(2)), section_place=place, asks=asks)
    if m := _EN_SECTION.search(q):
        return Intent("section", section=to_int(m.group(1) or m.group(2)))
    if m := _SECTION_PLACE.search(q):
        place = -1 if m.group(3) else to_int(m.group(2) or "")
        if m.group(1):  # 第五部分的第二项
            return Intent("task", section=to_int(m.group(1)), section_place=place, asks=asks)
        if context and context.section and place:
            return Intent("task", section_number=context.section, section_place=place, asks=asks, followup=True)
    for pattern in _TASK_PATTERNS:
        if m := pattern.search(q):
            n = to_int(m.group(1))
            if n is not None:
                also = [k for k in _task_numbers(q) if k != n]
                return Intent("task", task=n, asks=asks if _asks_more(q, m) else None,
                              also=tuple(dict.fromkeys(also)))
    if m := _SECTION_NUMBER.search(q):
        n = to_int(m.group(1))
        if n is not None:
            return Intent("section", section=n)
    if section_titles and _LAST_SECTION.search(q):
        return Intent("section", section_number=section_titles[-1][0])
    if _SECTION_WORD.search(q) and (number := section_by_title(q, section_titles)):
        return Intent("section", section_number=number)
    if context and (n := list_reference(q, context)) is not None:  # before 后一个 = next
        return Intent("task", task=n, asks=asks, followup=True)
    if context and context.task is not None:
        if NEXT.search(q):
            return Intent("task", task=context.task + 1, followup=True)
        if PREV.search(q):
            return Intent("task", task=context.task - 1, followup=True)
    if context and context.section and _ITS_SECTION.search(q):  # "这项任务所在的部分有几项"
        return Intent("section", section_number=context.section, followup=True)
    if context and context.section and THIS_SECTION.search(q):
        if _REST.search(q):  # "这一部分剩下的呢？"
            return Intent("section", section_number=context.section, followup=True, besides=context.task)
        if WITHIN.search(q) or not re.search(r"(哪些|哪几|什么|有几|多少)", q):
            return Intent("search", within=True, asks=asks, followup=True)
        besides = context.task if _OTHERS.search(q) else None
        return Intent("section", section_number=context.section, followup=True, besides=besides)
    if context and (context.section or context.tasks) and WITHIN.search(q):
        return Intent("search", within=True, asks=asks, followup=True)
    if context and context.task is not None and THIS_TASK.search(q):
        return Intent("task", task=context.task, asks=asks, followup=True)
    if context and context.task is not None and (m := ELSE.search(q)):
        rest = [t for t in context.listed if t != context.task]
        if rest and topicless(q[: m.start()] + q[m.end() :]):  # "还有别的吗？": the rest of the list
            return Intent("task", task=rest[0], also=tuple(rest[1:]), followup=True)
        return Intent("mention", asks=asks, listing=True, followup=True)
    for name, pattern in _META_PATTERNS:
        if pattern.search(q) and (name not in _DOCUMENT_FACTS or _DOCUMENT.search(q) or topicless(q)):
            return Intent("meta", meta=name)
    if context and context.task is not None and topicless(q):
        return Intent("task", task=context.task, asks=asks, followup=True)
    if _BARE_TERM.fullmatch(q) and not _INTERROGATIVE.search(q):
        return Intent("mention", literal=True)
    listing = bool(_LISTING.search(q))
    if listing or _MENTION.search(q):
        literal = bool(_LITERAL.search(q))
        if literal and asks == "place":  # "哪里提到…": where in the plan, not a place
            asks = None
        return Intent("mention", asks=asks, literal=literal, listing=listing, in_order=bool(_IN_ORDER.search(q)))
    return Intent("search", asks=asks)


def _task_numbers(question: str) -> list[int]:
    """Every task number in the question, in order (第4条和第5条, 第3、4项 → 3 and 4)."""
    found = []
    for pattern in _TASK_PATTERNS:
        for m in pattern.finditer(question):
            found.append((m.start(), to_int(m.group(1))))
    for m in _NUMBER_LIST.finditer(question):  # 第3、4项: every number of the list
        found += [(m.start(), to_int(x)) for x in re.findall(_NUM, m.group(0))]
    return [n for _, n in sorted(found) if n is not None]


def split_questions(question: str) -> list[str]:
    """Several questions typed as one message ("机关改革什么时候完成？学会改革试点又选多少个？"):
    the parts, each ending in a question mark with some words of its own; else []."""
    parts = [p.strip() for p in re.split(r"(?<=[？?])", question) if p.strip()]
    if 1 < len(parts) <= MAX_PARTS and all(
            p[-1] in "？?" and len(_HAN.findall(p)) >= MIN_PART_CHARS for p in parts):
        return parts
    return []


def _asks_more(question: str, match: re.Match) -> bool:
    """"第5项讲什么" asks for the task; "task 5 … by when" asks something inside it."""
    rest = (question[: match.start()] + question[match.end() :]).lower()
    return bool(re.search(r"什么时候|何时|哪天|多少|几个|谁|哪些部门|by when|when|how many|who", rest))


def section_by_title(question: str, section_titles: Sequence[tuple[str, str]]) -> str | None:
    """The section whose title the question quotes ("建设科技创新智库体系"这部分), by the longest
    run of characters the two share (at least 6, or a whole clause of the title; or 4 that no
    other title shares)."""
    best, best_len = None, 0
    near = []
    for number, title in section_titles:
        n = _longest_common_run(question, title)
        clause_hit = any(len(c) >= 4 and c in question for c in re.split(r"[，,]", title))
        if (n >= 6 or clause_hit) and n > best_len:
            best, best_len = number, n
        if n >= 4:
            near.append(number)
    # "科普工作这部分": four characters that only one title has name it as well.
    return best or (near[0] if len(near) == 1 else None)


def _longest_common_run(a: str, b: str) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, start=1):
            if ca == cb:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best
