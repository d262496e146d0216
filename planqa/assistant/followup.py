"""Follow-ups: what a question in a conversation can point at, and how it says so.

The previous answers give the context (the task, part and tasks cited last, and the latest
list); "它", "这一项", "下一项", "这部分", "其中", "第二个", "另一个", "还有别的…吗", or a question
that names nothing of its own ("什么时候完成？") point into it. Pure: no model, no store.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from planqa.assistant.answer import Answer, Citation
from planqa.ingest.numerals import to_int

_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Context:
    """What a follow-up can refer to: the best citation of the previous answer."""

    plan: str | None = None
    task: int | None = None
    section: str | None = None  # Chinese numeral
    tasks: tuple[int, ...] = ()  # every task the previous answer cited
    listed: tuple[int, ...] = ()  # the tasks of the latest answer that cited several: 第一个, 另一个


def context_from_history(history: Sequence) -> Context | None:
    """The focus of the latest answer that cited something (Answer objects or Answer JSON),
    and the tasks of the latest answer that listed several."""
    context, listed = None, ()
    for item in reversed(list(history or [])):
        cites = item.citations if isinstance(item, Answer) else (
            item.get("citations") if isinstance(item, dict) else None)
        if not isinstance(cites, (list, tuple)):
            continue
        cites = [_cited(c.to_json() if isinstance(c, Citation) else c)
                 for c in cites if isinstance(c, (Citation, dict))]
        cites = [c for c in cites if c["task"] is not None or c["section"]]
        if not cites:
            continue
        tasks = tuple(dict.fromkeys(c["task"] for c in cites if c["task"] is not None))
        if context is None:
            first = cites[0]
            context = Context(first["plan"], first["task"], first["section"], tasks)
        if len(tasks) > 1:
            listed = tasks
            break
    return replace(context, listed=listed) if context else None


def _cited(c: dict) -> dict:
    """A citation from the history as Answer JSON, with only well-typed fields kept: the
    history comes from clients, and "task": "5" must not become task arithmetic."""
    def typed(key, kind):
        value = c.get(key)
        return value if isinstance(value, kind) and not isinstance(value, bool) and value != "" else None

    return {"plan": typed("plan", str), "task": typed("task", int), "section": typed("section", str)}


THIS_SECTION = re.compile(r"(这|该|本|此|同一|这一|这个)(部分|板块|块)")
WITHIN = re.compile(r"^(其中|这里面|这些任务中|这几项中|里面|这其中)")
NEXT = re.compile(r"(下一项|后一项|下一条|接下来一项|后面一项|后面那项|后面的一项|后一个|next task|the next one|\bnext\b"
                  r"|(right |just )?after (it|this|that)\b)", re.I)
PREV = re.compile(r"(上一项|前一项|上一条|再往前一项|前面一项|前面那项|前面的一项|前一个|previous task|the previous one"
                  r"|(right |just )?before (it|this|that)\b)", re.I)
# A task of the last list by its place in it (第二个, 最后一个), or the one not yet asked about.
_LIST_PLACE = re.compile(r"第([一二三四五六七八九十\d]+)个|(最后一个|最后一项|最后一条|最后那个|最后那项|后者)|(前者)"
                         r"|\bthe (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last) one\b"
                         r"|(后一个|\bthe latter\b)|(前一个|\bthe former\b)", re.I)
_LIST_OTHER = re.compile(r"另一个|另外一个|另一项|另外一项|另外那一?(项|个)|剩下的?那(一)?(项|个)|\bthe other (one|task)\b", re.I)
# "还有别的X吗" after an answer: the other tasks about X.
ELSE = re.compile(r"(还有|另外还有|有没有|还有没有)(别的|其他|其它|另外的)|(其他|其它|别的)(任务|项|工作).{0,6}(还有|也)"
                  r"|\b(any )?other (tasks?|ones?)\b", re.I)
# Words that ask about a task without naming a topic: "什么时候完成？", "具体要成立什么机构？".
_TOPICLESS = set(
    "完成 开始 启动 结束 截止 负责 牵头 主管 承办 组织 要求 目标 任务 措施 举措 安排 计划 打算 具体 详细 内容 时间 "
    "进度 期限 经费 资金 预算 成立 机构 做 搞 办 干 落实 实施 推进 开展 情况 重点 意义 作用 目的 部门 单位 方面 "
    "主要 介绍 一下 讲 说 写 涉及 包括 时候 哪天 哪年 月份 年底 多少 几个 怎么办 怎么样 怎样 如何 为什么 呢 吗 "
    "了 过 哪些 什么 谁 哪 里 还 又 再 会 能 将 需要 应该 可以 准备 今年 全年 发布 公布 发 发出 上网 签发 下发".split())
THIS_TASK = re.compile(r"(它|这一项|这项|该项|此项|这个任务|这条|这一条|那一项|这项任务|上述任务|\bit\b|\bthey\b|\bthem\b|this task|that task|that one)", re.I)


def list_reference(question: str, context: Context) -> int | None:
    """The task a follow-up points at in the last list: by place, or "the other one"."""
    listed = context.listed if len(context.listed) > 1 else context.tasks
    if m := _LIST_PLACE.search(question):
        if m.group(5) or m.group(6):  # 后一个/前一个: of a pair; else the next or previous task
            return (listed[-1] if m.group(5) else listed[0]) if len(listed) == 2 else None
        if len(listed) < 2:  # the answer gave one task: the first (and last) one is that task
            first = bool(m.group(2) or m.group(3) or (m.group(1) and to_int(m.group(1)) == 1)
                         or (m.group(4) or "").lower() in ("first", "last"))
            return listed[0] if listed and first else None
        if m.group(2) or (m.group(4) or "").lower() == "last":
            return listed[-1]
        if m.group(3):
            return listed[0]
        n = to_int(m.group(1) or m.group(4))  # 第二个, "the fourth one"
        return listed[n - 1] if n and n <= len(listed) else None
    if _LIST_OTHER.search(question) and len(listed) > 1 and context.task in listed:
        return next(t for t in listed if t != context.task)
    return None


def topicless(question: str) -> bool:
    """Whether the question names nothing of its own (asks about "it" without saying it)."""
    from planqa.index.lexical import content_words  # jieba loads on first use

    if not _HAN.search(question):
        return False
    return all(w in _TOPICLESS for w in content_words(question))
