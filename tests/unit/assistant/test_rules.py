"""The rule table's examples are its tests: (question, context) → Query, row by row."""

import tomllib
from importlib.resources import files

import pytest

from planqa.assistant.followup import Context
from planqa.assistant.query import normalize_question
from planqa.assistant.rules import (
    Frame,
    alternatives,
    asks_for,
    contact_media,
    strip_preamble,
    expand,
    owner_names,
    parse_table,
    table,
    understand,
)

DATA = tomllib.loads(files("planqa.assistant").joinpath("rules.toml").read_text("utf-8"))
PLAN = DATA["example_plan"]
ROWS = [(rule["name"], ex) for rule in DATA["rule"] for ex in rule.get("examples", ())]


def frame(ctx: dict | None) -> Frame:
    context = None
    if ctx is not None:
        tasks = tuple(ctx.get("tasks", [ctx["task"]]))
        listed = tuple(ctx.get("listed", tasks if len(tasks) > 1 else ()))
        context = Context("p", ctx["task"], ctx.get("section"), tasks, listed=listed,
                          question=ctx.get("question", ""), recent=tuple(ctx.get("recent", ())),
                          visited=tuple(ctx.get("visited", ())), quote=ctx.get("quote", ""),
                          seen=tuple(ctx.get("seen", ())))
    return Frame(context, tuple(tuple(t) for t in PLAN["section_titles"]), tuple(PLAN["doc_nouns"]),
                 tuple(PLAN["owner"]), tuple(PLAN["part_sizes"]), part_texts=tuple(PLAN["part_texts"]),
                 title=PLAN["title"], task_titles=tuple(tuple(t) for t in PLAN["task_titles"]),
                 main_line=PLAN["main_line"])


@pytest.mark.parametrize("rule, example", ROWS, ids=[f"{r}:{e['q']}" for r, e in ROWS])
def test_every_example_of_the_table(rule, example):
    got = understand(normalize_question(example["q"]), frame(example.get("ctx")))
    want = example["query"]
    assert {k: getattr(got, k) for k in want} == {k: (tuple(v) if isinstance(v, list) else v)
                                                  for k, v in want.items()}, got
    if not example.get("note"):  # a note marks an example that another rule must take
        assert got.rule == rule


@pytest.mark.parametrize("name, example", [(a["name"], q) for a in DATA["asks"] for q in a["examples"]])
def test_every_asked_fact_example(name, example):
    assert asks_for(normalize_question(example)) == name


@pytest.mark.parametrize("name, example", [(a["name"], q) for a in DATA["asks"] for q in a.get("counter", ())])
def test_no_counter_example_asks_that_fact(name, example):
    assert asks_for(normalize_question(example)) != name


MEDIA = [(m["name"], *ex) for m in DATA["contact_medium"] for ex in m["examples"]]


@pytest.mark.parametrize("name, question, gives, other", MEDIA, ids=[f"{m[0]}:{m[1]}" for m in MEDIA])
def test_every_contact_medium_example(name, question, gives, other):
    from planqa.assistant.facts import Fact

    media = {m.name: m for m in contact_media(normalize_question(question))}
    assert asks_for(normalize_question(question)) == "contact" and name in media
    kind = media[name].kind or "contact"  # "": any contact or person
    assert media[name].gives(Fact(kind, gives, gives))
    if other:  # "": the row takes every fact of its kinds
        assert not media[name].gives(Fact(kind, other, other))


def test_a_medium_said_inside_a_longer_word_is_that_one():
    assert [m.name for m in contact_media("邮件地址是什么")] == ["电子邮箱"]
    assert [m.name for m in contact_media("网络地址是什么")] == ["网址"]
    assert contact_media("联系电话和邮箱是多少") and {m.name for m in contact_media("联系电话和邮箱是多少")} == {"电话", "电子邮箱"}
    assert contact_media("有什么问题找谁") == ()  # no way named: any contact answers
    assert [m.name for m in contact_media("联系人电话是多少")] == ["电话"]  # the person's phone
    assert [m.name for m in contact_media("电子邮件地址是什么")] == ["电子邮箱"]
    assert [m.name for m in contact_media("网址和电话")] == ["网址", "电话"]  # in the question's order


FLAGS = [(name, q, yes) for name, ex in DATA["flag_examples"].items()
         for yes in (True, False) for q in ex["yes" if yes else "no"]]


@pytest.mark.parametrize("name, question, yes", FLAGS, ids=[f"{n}:{q}" for n, q, _ in FLAGS])
def test_every_flag_example(name, question, yes):
    assert table().flag(name, normalize_question(question)) is yes


def test_every_rule_has_examples_and_the_last_always_builds():
    assert all(rule.examples for rule in table().rules)
    last = table().rules[-1]
    assert last.pattern is None and not last.needs


def test_an_elliptical_follow_up_asks_what_the_last_question_asked():
    ctx = {"task": 3, "section": "一", "question": "第3项什么时候完成？"}
    assert (understand("那第5项呢？", frame(ctx)).asks, understand("那第5项呢？", frame(ctx)).task) == ("when", 5)
    assert understand("下一项呢？", frame(ctx)).asks == "when"
    assert understand("第5项讲什么？", frame(ctx)).asks is None  # asks for the task itself
    assert understand("那第5项呢？", frame({"task": 3, "section": "一", "question": "第3项讲什么？"})).asks is None


def test_the_plan_names_its_own_document():
    plan = Frame(None, (), ("方案",))
    assert understand("这份方案是哪个部门印发的？", plan).meta == "issuer"
    assert understand("调查结果什么时候公布？", plan).kind == "search"


def test_words_are_escaped_and_longest_first():
    assert alternatives(["部分", "最后一部分", "a+b"]) == r"最后一部分|a\+b|部分"
    assert expand("第{num}项", {"num": ["[0-9]+"]}) == "第(?:[0-9]+)项"
    with pytest.raises(KeyError):
        expand("{nothing}", {})


def test_a_rule_naming_an_unknown_builder_is_refused():
    bad = {**DATA, "rule": [{"name": "x", "pattern": "", "builds": "nowhere"}]}
    with pytest.raises(KeyError):
        parse_table(bad)


def test_the_owner_is_read_off_the_title_and_the_issuer():
    assert owner_names("山东省科协2017年工作要点", "山东省科学技术协会", ("要点",))[:3] == (
        "山东省科协", "东省科协", "省科协")
    assert "科协" in owner_names("山东省科协2017年工作要点", None, ("要点",))
    assert owner_names("", None) == ()
    frame = Frame(None, (), ("方案",), owner_names("济南市数字经济行动方案", None, ("方案",)))
    assert understand("济南市今年有哪些重点任务？", frame).meta == "outline"
    assert understand("青岛市今年有哪些重点任务？", frame).meta != "outline"


@pytest.mark.parametrize("question, asked", DATA["strip_examples"]["preamble"])
def test_courtesies_before_a_question_are_not_its_words(question, asked):
    assert strip_preamble(normalize_question(question)) == asked


def test_a_long_run_of_courtesies_is_read_once():
    # the words overlap (哦, 明白了 = 明白 + 了): read without backtracking, as a 2000-character
    # message of them must not hold a worker
    assert strip_preamble("哦" * 500 + "？") == "哦" * 500 + "？"
    assert strip_preamble("明白了" * 300 + "，第5项呢？") == "第5项呢？"


def test_a_heading_the_question_holds_whole_names_a_thing_and_asks_no_fact():
    plain = Frame()
    titled = Frame(headings=("基础共性标准", "申报条件"))
    assert understand("基础共性标准是什么", plain).asks == "standard"
    assert understand("基础共性标准是什么", titled).asks is None  # the part so titled
    assert understand("认定标准是什么", titled).asks == "standard"  # no heading
    assert understand("申报条件什么时候截止", titled).asks == "when"  # asked besides the name
    named = Frame(headings=("项目联系人",))
    assert understand("中方的项目联系人是谁", named).asks == understand("中方的项目联系人是谁", plain).asks  # a person


def test_the_rest_of_a_list_counted_asks_for_no_count():
    ctx = {"task": 5, "section": "二", "tasks": [5], "listed": [4, 5, 6], "visited": [5]}
    got = understand("剩下几条里哪个和学会有关", frame(ctx))
    assert (got.among, got.asks) == ((4, 6), None)


def test_a_document_the_plan_is_called_by_is_no_other_document():
    # the issuer of "关于…的工作要点" is the plan's; that of a 的-described 实施细则 is not asked here
    assert understand("关于科协工作的工作要点是谁印发的？", frame(None)).meta == "issuer"
    assert understand("和要点配套的实施细则，谁来负责制定？", frame(None)).kind != "meta"


@pytest.mark.parametrize("question, kept", [
    ("督查下沉到哪些市", "督查"), ("调查下一步怎么安排", "调查"), ("科技馆免费开放在哪几天", "开放"),
    ("泰山那个是挂在哪条下面的", "泰山那个是"), ("反邪教工作有哪些？", "反邪教工作"), ("一部分企业有哪些困难", "一部分企业"),
    # a verb of placing right after the topic is the asking too; one ending a longer verb is not
    ("经费和考核放在哪一部分", "经费和考核"), ("充电桩投放在哪个区", "投放"), ("资料陈列在哪一层", "陈列"),
])
def test_the_frame_cuts_asking_words_never_the_inside_of_a_word(question, kept):
    from planqa.assistant.rules import pattern

    framed = pattern("frame").sub("，", question)
    assert kept in framed and all(f"{verb}在" not in framed for verb in "挂放列" if f"{kept}{verb}在" in question)


@pytest.mark.parametrize("question, cut", [
    ("打基础那一部分都有哪几项工作？", ("部分", "工作")), ("科普这一块有什么安排", ("一块", "安排")),
    ("学会那块都有哪些任务", ("那块", "任务")),
])
def test_what_a_question_calls_that_part_and_the_things_it_asks_for_are_no_topic(question, cut):
    from planqa.assistant.rules import pattern

    framed = pattern("frame").sub("，", question)
    assert not any(w in framed for w in cut), framed


@pytest.mark.parametrize("question, asks", [
    ("Where does the plan talk about volunteers?", None),  # a place in the text: every task saying it
    ("哪里提到了志愿者？", None),
    ("Where will the new museum be built?", "place"),  # a place the plan names
])
def test_where_in_the_text_asks_for_no_place(question, asks):
    got = understand(normalize_question(question), frame(None))
    assert got.kind in ("mention", "search") and got.asks == asks, got


def test_others_of_a_thing_are_asked_right_after_a_word_for_another():
    from planqa.assistant.rules import asks_others_of
    assert asks_others_of("还有别的平台吗", "平台") and asks_others_of("还有其他的平台吗", "平台")
    assert not asks_others_of("还有别的跟系统有关的吗", "系统")  # things about it
    assert not asks_others_of("还有别的系统相关的吗", "系统") and not asks_others_of("还有别的系统方面的吗", "系统")
    assert not asks_others_of("系统还有别的吗", "系统")
