"""The Assistant's handlers over one Evidence, on a corpus plan (not the seed), without a model:
hash embeddings in an embedded Chroma. What is asserted follows from the evidence (the plan's
own words, lead notes, facts), so it holds for any embedder."""


from contextlib import contextmanager
from dataclasses import replace

import pytest

from planqa.assistant import extractive as ex
from planqa.assistant import structure
from tests.conftest import CORPUS
from tests.fakes import hash_assistant

PLAN = CORPUS / "three-year-action-plan-improving-innovation-capability.txt"
ID = PLAN.stem


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with hash_assistant(tmp_path_factory.mktemp("home"), [PLAN]) as assistant:
        yield assistant


@pytest.fixture(scope="module")
def plan(assistant):
    return assistant.search.entries[ID].plan


@contextmanager
def assistant_over(tmp_path, name, text):
    """An assistant over one plan given as its text (written to NAME.txt), hash-embedded."""
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    with hash_assistant(tmp_path / "home", [path]) as assistant:
        yield assistant


def ask_over(tmp_path, name, text, question):
    """One question asked of a plan given as its text."""
    with assistant_over(tmp_path, name, text) as assistant:
        return assistant.ask(question)


def tasks_saying(plan, phrase):
    return {t.number for t in plan.tasks if phrase in f"{t.title}\n{t.text}".replace("“", "").replace("”", "")}


def test_a_phrase_in_several_tasks_cites_them_all_whatever_the_wording(assistant, plan):
    phrase = "链主"
    expected = tasks_saying(plan, phrase)
    assert len(expected) > 1
    for question in (f"哪项任务涉及{phrase}？", f"{phrase}在哪一项？"):
        answer = assistant.ask(question)
        assert {c.task for c in answer.citations} == expected, question
        assert [c.score for c in answer.citations] == sorted((c.score for c in answer.citations), reverse=True)
    # Asked where the words occur: in the plan's order, as a search of the text reads.
    answer = assistant.ask(f"{phrase}是在哪一条里提到的？")
    order = [t.number for t in plan.tasks]
    assert [c.task for c in answer.citations] == sorted(expected, key=order.index)
    assert [c.score for c in answer.citations] != sorted((c.score for c in answer.citations), reverse=True)


def test_who_leads_is_answered_from_the_lead_note(assistant, plan):
    task = next(t for t in plan.tasks if "省市场监管局" in t.leads)
    answer = assistant.ask(f"{task.title}由哪个部门牵头？")
    assert not answer.abstained and answer.citations[0].task == task.number
    assert "责任单位：" in answer.answer and "省市场监管局" in answer.answer


def test_a_named_person_the_plan_does_not_give_is_refused(assistant):
    answer = assistant.ask("省市场监管局局长是谁？")
    assert answer.abstained and "具体人员" in answer.answer


def test_an_amount_the_plan_does_not_state_is_refused(assistant):
    answer = assistant.ask("省财政给每个质量标杆企业补贴多少钱？")
    assert answer.abstained and "金额" in answer.answer


def test_a_follow_up_asks_what_the_last_question_asked(assistant, plan):
    first = assistant.ask("第3项由哪些单位负责？")
    assert "责任单位：" in first.answer
    again = assistant.ask("那第9项呢？", history=[first])
    assert again.citations and again.citations[0].task == 9
    assert "责任单位：" in again.answer and "省市场监管局" in again.answer


def test_two_questions_in_one_message_are_each_answered(assistant, plan):
    answer = assistant.ask("一共有多少项任务？重点任务这部分有哪些任务？")
    assert f"共{len(plan.tasks)}项任务" in answer.answer
    part = next(s for s in plan.sections if s.title == "重点任务")
    assert {t.number for t in part.tasks} <= {c.task for c in answer.citations}


def test_a_count_after_a_part_was_shown_counts_that_part(assistant, plan):
    part = max(plan.sections, key=lambda s: len(s.tasks))
    shown = assistant.ask(f"第{part.number}部分讲的什么？")
    counted = assistant.ask("下面有几条？", history=[shown])
    assert [c.task for c in counted.citations] == [t.number for t in part.tasks]
    assert f"包括{len(part.tasks)}项" in counted.answer
    for question in ("这个行动方案一共几条？", "全年一共几项任务？"):  # the document or a word of its own
        whole = assistant.ask(question, history=[shown])
        assert f"共{len(plan.tasks)}项任务" in whole.answer, question
    first = assistant.ask("第一条呢？", history=[shown, counted])  # a count of tasks is no fact of one
    assert first.citations[0].task == part.tasks[0].number and "没有写明" not in first.answer


def test_which_part_names_the_part(assistant, plan):
    task = plan.tasks[5]
    part = plan.section_of(task)
    answer = assistant.ask(f"{task.title}属于哪个部分？")
    assert answer.citations[0].task == task.number and f"属于第{part.number}部分" in answer.answer


def test_a_part_named_by_its_title_lists_its_tasks(assistant, plan):
    part = next(s for s in plan.sections if s.title == "保障措施")
    answer = assistant.ask("保障措施都有哪些？")
    assert [c.task for c in answer.citations] == [t.number for t in part.tasks]


@pytest.mark.parametrize("greeting", ["你好", "您好！", "谢谢", "好的，明白了"])
def test_greetings_and_thanks_get_a_short_reply_with_examples(assistant, greeting):
    answer = assistant.ask(greeting)
    assert not answer.abstained and not answer.citations
    assert "例如" in answer.answer and len(answer.answer) < 200


@pytest.mark.parametrize("gibberish", ["asdfghjkl", "zzzz qqqq", "啊啊啊啊", "123456", "呃呃呃？", "嗯嗯呢？", "哈哈哈？"])
def test_gibberish_is_not_understood(assistant, gibberish):
    answer = assistant.ask(gibberish)
    assert answer.abstained and answer.answer.startswith("没有理解")


def test_ask_is_the_last_item_of_stream(assistant):
    *pieces, last = assistant.stream("第3项讲什么？")
    assert pieces == []  # no LLM: the answer comes at once
    assert last.to_json()["citations"] == assistant.ask("第3项讲什么？").to_json()["citations"]


def test_one_search_per_question(assistant, monkeypatch):
    calls = []
    search = assistant.search.search
    monkeypatch.setattr(assistant.search, "search", lambda *a, **k: calls.append(a) or search(*a, **k))
    assistant.ask("哪项任务涉及链主？")
    assistant.ask("标准引领提升行动由谁负责？")
    assert len(calls) == 2


def test_a_count_of_a_task_named_by_its_title_counts_its_items_not_the_plans_tasks(assistant, plan):
    task = next(t for t in plan.tasks if t.title == "主要目标")
    for question in ("主要目标一共几条？", "主要目标列了几个方面？"):
        answer = assistant.ask(question)
        assert [c.task for c in answer.citations] == [task.number], question
        assert "列了8" in answer.answer and "关键核心技术攻关能力逐步增强" in answer.answer
        assert ("列了8个方面" in answer.answer) == ("几个方面" in question)  # counted in the unit asked
    assert "共15项任务" in assistant.ask("一共几条？").answer  # the plan's own count still


def test_a_count_asked_of_a_task_by_number_counts_its_items(assistant, plan):
    task = next(t for t in plan.tasks if t.title == "主要目标")
    answer = assistant.ask(f"第{task.number}项一共列了几个方面？")
    assert not answer.abstained and [c.task for c in answer.citations] == [task.number]
    assert "列了8个方面" in answer.answer  # counted in the unit asked


def test_topics_asked_apart_are_answered_each_from_its_own_task(assistant, plan):
    """Two topics joined by 和 and asked for apart (各是哪一项): each topic's task, not only the one
    the whole question is nearest; unasked, the nearest task answers alone."""
    first, second = (next(t for t in plan.tasks if t.title == title) for title in ("未来产业发展提升行动", "凝聚智库力量"))
    answer = assistant.ask(f"{first.title}和{second.title}各是哪一项？")
    assert {c.task for c in answer.citations} == {first.number, second.number}
    assert "分别见以下2项任务" in answer.answer
    assert len(assistant.ask(f"{first.title}和{second.title}怎么做？").citations) == 1


@pytest.mark.parametrize("term", ["机器人", "实验室", "供应链", "行业协会"])
def test_a_follow_up_in_the_words_of_the_conversations_task_stays_with_it(assistant, plan, term):
    """A term two tasks hold: asked as a follow-up, it is answered from the task the
    conversation is about, whichever of the two the question alone ranks first."""
    holders = sorted(t.number for t in plan.tasks if term in f"{t.title}\n{t.text}")
    assert len(holders) == 2
    for number in holders:
        task = next(t for t in plan.tasks if t.number == number)
        first = assistant.ask(f"{task.title}是哪一项？")
        assert first.citations[0].task == number
        follow = assistant.ask(f"{term}方面要做什么？", history=[first])
        assert [c.task for c in follow.citations] == [number], (term, number, follow.answer)


@pytest.mark.parametrize("term", ["机器人", "实验室", "供应链", "行业协会"])
def test_a_question_said_to_start_a_new_topic_carries_nothing_from_the_conversation(assistant, plan, term):
    fresh = assistant.ask(f"{term}方面要做什么？")
    for task in (t for t in plan.tasks if term in f"{t.title}\n{t.text}"):
        first = assistant.ask(f"{task.title}是哪一项？")
        switched = assistant.ask(f"换个话题，{term}方面要做什么？", history=[first])
        assert [c.task for c in switched.citations] == [c.task for c in fresh.citations], (term, task.number)


def test_another_task_that_also_says_it_leaves_out_the_conversations_task(assistant, plan):
    holders = sorted(t.number for t in plan.tasks if "直通车" in f"{t.title}\n{t.text}")
    first = assistant.ask(f"{next(t.title for t in plan.tasks if t.number == holders[0])}是哪一项？")
    other = assistant.ask("还有哪项任务也讲“直通车”？", history=[first])
    assert [c.task for c in other.citations] == holders[1:]


def test_this_task_in_another_years_plan_is_refused(assistant, plan):
    text = PLAN.read_text(encoding="utf-8")
    year = next(y for y in range(2010, 2040) if str(y) not in text)
    first = assistant.ask(f"{plan.tasks[5].title}是哪一项？")
    answer = assistant.ask(f"{year}年的计划里这项还保留吗？", history=[first])
    assert answer.abstained and f"{year}年" in answer.answer and not answer.citations


def test_a_request_to_write_something_is_declined_with_questions_to_ask(assistant):
    answer = assistant.ask("帮我写一份个人年度述职报告")
    assert answer.abstained and not answer.citations
    assert "不代写" in answer.answer and "例如" in answer.answer


def test_a_request_for_a_file_is_declined_not_answered_from_the_task_naming_it(assistant, plan):
    title = plan.tasks[3].title
    answer = assistant.ask(f"《{title}》全文能发我一份吗")
    assert answer.abstained and not answer.citations
    assert "不能发送文件" in answer.answer


def test_a_fact_asked_of_this_part_after_one_task_is_looked_for_in_that_task(assistant, plan):
    # "这块给了多少经费？" after one task: the part's task list is no answer; the task states no
    # amount, so the answer says so
    first = assistant.ask(f"第{plan.tasks[0].number}项是什么？")
    answer = assistant.ask("这块给了多少经费？", history=[first])
    assert answer.abstained and "金额" in answer.answer


def test_two_parts_named_at_once_are_both_listed_and_a_list_reference_follows_them(assistant, plan):
    first, third = plan.sections[0], plan.sections[2]
    answer = assistant.ask(f"{first.title}和{third.title}这两部分一共有哪些任务？")
    expected = [t.number for t in first.tasks] + [t.number for t in third.tasks]
    assert [c.task for c in answer.citations] == expected
    follow = assistant.ask("第三个是什么？", history=[answer])
    assert [c.task for c in follow.citations] == [expected[2]]


def test_a_near_task_that_states_the_fact_asked_about_the_topic_answers(tmp_path):
    """The best hit states no count; the task whose clause counts what is asked answers, and
    a count of something else does not; a task far below the best answers only when its clause
    holds every key word of the question."""
    from dataclasses import replace

    from planqa.assistant.evidence import Evidence

    path = CORPUS / "digital-transformation-action-plan-building-material-industry.txt"
    with hash_assistant(tmp_path, [path]) as assistant:
        search = assistant.search
        plan = search.entries[path.stem].plan
        question = "要形成多少套系统解决方案？"
        evidence = Evidence(search, question, plan)
        hits = evidence.task_hits
        target = next(h for h in hits if "15套系统解决方案" in h.chunk.body)
        silent = next(h for h in hits if not evidence.states(h.chunk, "count"))
        ranked = [replace(silent, score=1.0), replace(target, score=0.8)]
        assert evidence.stating(ranked, "count") is ranked[1]
        far = [ranked[0], replace(target, score=0.3)]
        assert evidence.stating(far, "count") is far[1]  # 形成15套系统解决方案: every word
        partly = Evidence(search, "要形成多少套智能系统解决方案？", plan)  # 智能 is not in the clause
        assert 0.6 <= partly.stated_share(target.chunk, "count") < 0.99
        assert partly.stating(far, "count") is None
        assert partly.stating(ranked, "count") is ranked[1]
        other = Evidence(search, "要培育多少家上市公司？", plan)
        assert other.stating(ranked, "count") is None
        # The words asking for the count and a hedge are no topic the clause must hold.
        hedged = Evidence(search, "系统解决方案大概要搞几套？", plan)
        assert not {"几套", "大概", "要搞"} & set(hedged.topic_of("count"))
        assert hedged.stating(ranked, "count") is ranked[1]
        # Nor are words said of any count: the total, the plan's own scope; the present is (a
        # target is no count of what there is now).
        plain = Evidence(search, "按照目标，全省一共要形成多少套系统解决方案？", plan)
        assert not {"一共", "全省", "按照"} & set(plain.topic_of("count"))
        assert plain.stating(far, "count") is far[1]
        assert "目前" in Evidence(search, "目前一共有多少套系统解决方案？", plan).topic_of("count")
        # The document itself said as the subject of a total (计划总共…) is no topic either.
        whole = Evidence(search, "计划总共要形成多少套系统解决方案？", plan)
        assert "计划" not in whole.topic_of("count") and whole.stating(far, "count") is far[1]


def test_a_topic_named_with_this_area_is_sought_beyond_the_part_in_view(assistant, plan):
    # "那X这块？" after a task of one part: X printed only in another part is answered from there
    from planqa.index.lexical import content_words

    first, last = plan.sections[0], plan.sections[-1]
    printed_first = "".join(f"{t.title}{t.text}" for t in first.tasks)
    word, task = next((w, t) for t in last.tasks for w in content_words(t.title)
                      if len(w) >= 3 and w not in printed_first)
    shown = assistant.ask(f"第{first.tasks[0].number}项讲什么？")
    answer = assistant.ask(f"那{word}这块？", history=[shown])
    assert answer.citations and answer.citations[0].task in [t.number for t in last.tasks]


def test_which_tasks_they_are_asked_with_the_part_is_answered_by_its_list(assistant, plan):
    # "…有哪几条？分别是什么？": the part's list names them; no second answer quoting each
    part = plan.sections[1]
    answer = assistant.ask("第二部分有哪几条？分别是什么？")
    assert [c.task for c in answer.citations] == [t.number for t in part.tasks]
    assert "问：" not in answer.answer
    # asked in a turn of its own after the list, "分别是啥" quotes each of them
    each = assistant.ask("分别是啥", history=[answer])
    assert [c.task for c in each.citations] == [t.number for t in part.tasks]
    assert all(t.text.split("。")[0][:10] in each.answer for t in part.tasks)


def test_two_parts_by_number_are_listed_each_and_the_last_task_is_the_plans_last(assistant, plan):
    first, second = plan.sections[0], plan.sections[1]
    answer = assistant.ask("第一部分和第二部分分别有哪些任务？")
    assert [c.task for c in answer.citations] == [t.number for t in (*first.tasks, *second.tasks)]
    answer = assistant.ask("最后一项讲什么？")
    assert [c.task for c in answer.citations] == [plan.tasks[-1].number]


def test_within_after_one_task_looks_inside_that_task_not_its_part(assistant, plan):
    # "里面提到的X叫啥" after one task: inside that task (X may be worded otherwise there: 网站 for
    # 司南网), not the sibling task of its part that has the word
    from planqa.index.lexical import content_words

    def text(t):
        return f"{t.title}\n{t.text}"

    cases = [(a, w) for part in plan.sections for a in part.tasks for b in part.tasks if a is not b
             for w in dict.fromkeys(content_words(b.text)) if len(w) >= 3
             and all("\u4e00" <= ch <= "\u9fff" for ch in w) and w not in text(a)]
    assert cases, "the plan has a word two tasks of one part share"
    wrong = []
    for a, w in cases[:5]:
        first = assistant.ask(f"第{a.number}项是什么？")
        answer = assistant.ask(f"里面提到的{w}叫啥", history=[first])
        if not answer.citations or answer.citations[0].task != a.number:
            wrong.append((a.number, w, [c.task for c in answer.citations]))
    assert not wrong


def test_an_item_printed_below_the_tasks_is_answered_by_its_number(assistant, plan):
    # "（一）… 1. … 2. …（二）… 3. …": 第N条 is the item printed "N.", in the task that holds it;
    # 第N项 stays the task numbered N
    items = structure.printed_items(plan)
    number, (task, line) = next((n, v) for n, v in items.items() if v[0].number != n)
    answer = assistant.ask(f"第{number}条讲的是什么？")
    assert [c.task for c in answer.citations] == [task.number] and line[:12] in answer.answer
    assert [c.task for c in assistant.ask(f"第{number}项讲的是什么？").citations] == [number]


def test_the_tasks_a_unit_leads_are_listed_from_the_lead_notes_in_plan_order(assistant, plan):
    unit = "省市场监管局"
    led = [t.number for t in plan.tasks if any(unit in lead for lead in t.leads)]
    assert len(led) > 1
    answer = assistant.ask(f"哪些任务是{unit}牵头的？")
    assert [c.task for c in answer.citations] == led


def test_a_follow_up_asks_its_fact_of_the_conversations_task(assistant, plan):
    # "这是第几次了？" names nothing: the task the conversation is about is the one checked for the
    # fact, and where it does not state it the answer says so under that task, not another's
    task = next(t for t in plan.tasks if t.leads and "第" not in t.text.replace("第一", ""))
    first = assistant.ask(f"{task.title}是怎么安排的？")
    assert first.citations[0].task == task.number
    again = assistant.ask("这是第几次了？", history=[first])
    assert again.abstained and [c.task for c in again.citations] == [task.number]
    assert "没有写明是第几次" in again.answer


def test_which_cities_names_the_places_the_task_names_not_the_plans_own(assistant, plan):
    task = next(t for t in plan.tasks if "建设济南、青岛未来产业先导区" in t.text)
    answer = assistant.ask("未来产业先导区要建在哪几个城市？")
    assert not answer.abstained and answer.citations[0].task == task.number
    assert "地点：" in answer.answer and "济南" in answer.answer.split("地点：")[1]
    assert "山东" not in answer.answer.split("地点：")[1]  # the plan's own province names no city


def test_facts_come_from_a_tasks_title_and_from_a_count_the_question_leaves_blank(tmp_path):
    from planqa.assistant.evidence import Evidence

    text = ("某市智能制造行动方案\n一、总体要求\n（一）指导思想\n统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局。\n"
            "（二）2025年底前完成平台建设\n推进各项平台工作，做好衔接。\n二、重点任务\n（三）培育企业\n培育一批领军企业。\n")
    with assistant_over(tmp_path, "smart-plan", text) as assistant:
        search = assistant.search
        plan = search.entries["smart-plan"].plan
        chunk = {h.chunk.task_number: h.chunk for h in Evidence(search, "指导思想", plan).task_hits}
        blank = Evidence(search, "要统筹推进的是“几位一体”总体布局？", plan)
        assert "五位一体" in [f.text for f in blank.stated(chunk[1], "count")]
        when = Evidence(search, "平台建设什么时候完成？", plan)
        assert any("2025年底前" in f.text for f in when.stated(chunk[2], "when"))  # printed in the title only


def test_who_without_a_title_is_answered_by_a_unit_and_refused_where_none_is_named(tmp_path):
    # "…的，是谁？" asks no title: the unit a task names answers it (the person kind would refuse)
    text = ("某市数字经济行动方案\n一、重点任务\n（一）统筹算力调度\n统筹推进全市算力资源调度。（市大数据局负责）\n"
            "（二）建设数据中心\n加快建设城市数据中心，提升算力供给水平。\n")
    with assistant_over(tmp_path, "digital-plan", text) as assistant:
        named = assistant.ask("统筹推进算力资源调度的，是谁？")
        assert not named.abstained and named.citations[0].task == 1 and "市大数据局" in named.answer
        nobody = assistant.ask("城市数据中心最后是谁建的？")
        assert nobody.abstained and "单位或人员" in nobody.answer


def test_a_time_told_by_an_event_answers_when_only_where_its_sentence_is_asked_about(tmp_path):
    text = ("某类软件临床评价审评要点\n一、临床试验\n1.质量控制\n临床试验开始前，应进行相关培训，"
            "以确保研究者熟悉并掌握相关试验方法。试验数据应及时录入。\n2.样本量\n样本量应满足统计学要求。\n"
            "二、注册申报\n1.申报资料\n注册申报时，应提交临床评价资料。\n")
    with assistant_over(tmp_path, "trial-points", text) as assistant:
        answer = assistant.ask("研究者培训应该在什么时候做？")
        assert not answer.abstained and answer.citations[0].task == 1
        assert "时间：临床试验开始前" in answer.answer
        # The task tells the time of the training, not of the data entry: no time to answer with.
        refused = assistant.ask("试验数据录入的截止时间是什么时候？")
        assert refused.abstained and "没有写明时间" in refused.answer


def test_a_question_naming_a_tasks_whole_title_is_answered_from_that_task(tmp_path):
    text = ("某试验区建设工作指引\n一、总体要求\n（一）建设目标\n到2023年，布局建设20个左右示范区。\n"
            "二、建设程序\n（二）运行管理\n每年12月底前，试验区形成年度工作总结报告，明确试验区下一年的时间节点。\n")
    with assistant_over(tmp_path, "zone-guide", text) as assistant:
        # The words of the question are the second task's; the title it names is the first's.
        answer = assistant.ask("试验区建设目标的时间节点是哪一年？")
        assert answer.citations[0].task == 1 and "2023年" in answer.answer

    from planqa.assistant.chain import Assistant
    assert Assistant._joined("信息采集、交换和质量保障机制什么时候建立？", "信息采集")  # one topic of several
    assert not Assistant._joined("试验区建设目标的时间节点是哪一年？", "建设目标")


def test_the_best_hit_stating_the_fact_asked_wins_over_a_titled_task_without_it():
    from types import SimpleNamespace as NS

    from planqa.assistant.chain import Assistant
    from planqa.assistant.facts import facts_in
    # "示范工厂称号的有效期是几年": the task titled 智能制造示范工厂 gives no time; the best hit,
    # on renewal, says 有效期为3年 of the factories.
    sentence = {"titled": "遴选一批智能制造示范工厂。", "renewal": "智能制造示范工厂有效期为3年，定期复评。",
                "other": "2025年底前建成信息平台。"}
    titled, renewal, other = (NS(chunk=NS(section_title="", task_title=k, body=v)) for k, v in sentence.items())

    def stated(chunk, asks):
        return tuple(f for f in facts_in(chunk.body) if f.kind == "when")

    from planqa.assistant.evidence import Evidence
    evidence = NS(states=lambda chunk, asks: bool(stated(chunk, asks)), stated=stated,
                  topic_of=lambda asks: {"示范": 1.0, "工厂": 1.0, "有效期": 2.0})
    evidence.stated_share = lambda chunk, asks: Evidence.stated_share(evidence, chunk, asks)
    evidence.stated_shares = lambda chunk, asks, weights: Evidence.stated_shares(evidence, chunk, asks, weights)
    me, turn = NS(_answerable=lambda chunk: chunk), NS(intent=NS(asks="when"), evidence=evidence)
    assert Assistant._states_instead(me, turn, [renewal, titled], titled)
    assert not Assistant._states_instead(me, turn, [titled, renewal], titled)  # the titled one is best
    assert not Assistant._states_instead(me, turn, [other, titled], titled)  # a time of something else
    assert not Assistant._states_instead(me, NS(intent=NS(asks=None), evidence=evidence), [renewal, titled], titled)


def test_how_soon_an_action_follows_answers_when_but_no_deadline(tmp_path):
    text = ("某市智慧物流实施方案\n一、主要任务\n（一）做好宣传引导\n及时总结典型企业的经验做法，加强宣传推广。\n"
            "（二）建设信息平台\n2025年底前建成物流公共信息平台。\n")
    with assistant_over(tmp_path, "logistics-plan", text) as assistant:
        answer = assistant.ask("典型企业的经验做法什么时候总结？")
        assert not answer.abstained and answer.citations[0].task == 1 and "时间：及时" in answer.answer
        refused = assistant.ask("典型企业经验做法总结的截止时间是什么时候？")
        assert refused.abstained


def test_a_listing_of_where_a_term_stands_names_parts_that_print_it(tmp_path):
    text = ("某市智能化改造三年行动方案\n一、总体要求\n运用5G、工业互联网等技术改造传统产业。\n"
            "二、重点任务\n（一）推动园区上线\n推进5G等新型基础设施建设。\n（二）推动设备换芯\n推广数控机床。\n")
    with assistant_over(tmp_path, "upgrade-plan", text) as assistant:
        answer = assistant.ask("哪些地方出现了“5G”？")
        assert [(c.section, c.task) for c in answer.citations] == [("一", None), ("二", 1)]
        assert "共有2处" in answer.answer
        items = assistant.ask("“5G”出现在哪几条里？")  # numbered items: a part's text is none
        assert [(c.section, c.task) for c in items.citations] == [("二", 1)]


def test_a_count_of_what_a_part_titles_its_items_is_the_part(tmp_path):
    text = ("某省信息技术创新能力提升行动计划\n一、重点任务\n（一）聚焦基础理论，开展“策源”行动\n实施基础研究项目。\n"
            "（二）瞄准关键环节，开展“攻坚”行动\n突破关键技术。\n（三）强化平台赋能，开展“筑巢”行动\n建设创新平台。\n"
            "二、培养方向\n（一）基础理论方向\n研究基础理论。\n（二）应用技术方向\n研究应用技术。\n")
    with assistant_over(tmp_path, "it-plan", text) as assistant:
        acts = assistant.ask("重点任务一共部署了几个专项行动？")
        assert [c.task for c in acts.citations] == [1, 2, 3] and "3项" in acts.answer
        directions = assistant.ask("方案列了几个参考的培养方向？")
        assert [c.task for c in directions.citations] == [4, 5]


def test_others_in_the_part_of_the_task_shown_are_the_other_tasks(tmp_path):
    text = ("某省科协工作要点\n一、做好科技人才工作\n1.强化人才引进工作\n研究编制人才引进目录，引进高层次科技人才。\n"
            "2.实施海智计划\n建设海智基地，做好海外人才引进工作，吸引海外人才回国。\n3.开展主题活动\n组织系列活动。\n"
            "二、推进科普工作\n4.建设科技馆\n推进新馆建设。\n")
    with assistant_over(tmp_path, "talent-plan", text) as assistant:
        first = assistant.ask("海智计划今年有啥安排")
        assert first.citations[0].task == 2
        other = assistant.ask("人才引进这块还有其他的吗", history=[first])
        assert other.citations[0].task == 1
        # a thing the part does not treat is still judged, not taken for the part's other task
        assert assistant.ask("这块还有关于低空经济无人机的吗", history=[first]).abstained


def test_a_year_asked_for_is_no_period(tmp_path):
    text = ("某市标准体系建设指南\n一、组织实施\n（一）加快任务落实\n根据发展的不同阶段，定期修订本指南。\n"
            "（二）建设信息平台\n2025年底前建成标准公共服务平台。\n")
    with assistant_over(tmp_path, "standards-guide", text) as assistant:
        assert "定期" in assistant.ask("本指南什么时候修订？").answer
        assert assistant.ask("本指南下一次修订在哪一年？").abstained  # 定期 names no year
        answer = assistant.ask("标准公共服务平台哪一年建成？")
        assert not answer.abstained and "2025年底前" in answer.answer


@pytest.mark.parametrize(("question", "noun"), [
    ("这个调查主要想摸清哪些情况？", "调查"),
    ("那这次论坛在哪儿办？", "论坛"),
    ("该平台由谁建设？", "平台"),
    ("调查什么时候开始？", ""),  # no demonstrative: nothing pointed at
    ("这个？", ""),
])
def test_the_noun_a_question_points_at(question, noun):
    from planqa.assistant.chain import demonstrated
    assert demonstrated(question) == noun


@pytest.mark.parametrize(("question", "previous", "noun"), [
    ("调查要摸清哪些情况？", "全省科技工作者状况调查是第几次", "调查"),  # the thing talked about, said again
    ("调查要摸清哪些情况？", "智库建设有什么安排", ""),  # not said before: a topic of its own
    ("那调查要摸清哪些情况？", "状况调查是第几次", "调查"),
    ("全省有多少科技馆", "全省状况调查是第几次", ""),  # 全省 is said of anything
    ("科技馆在哪建", "科技人员状况调查是第几次", ""),  # 科技 of 科技人员 is no word said
    ("市县科技馆有支持吗", "对市县科协有培训安排吗", ""),  # 市县 of a longer noun phrase
    ("什么时候开始调查", "状况调查是第几次", ""),  # it does not open the question
])
def test_the_subject_a_follow_up_repeats(question, previous, noun):
    from planqa.assistant.chain import repeated_subject
    assert repeated_subject(question, previous) == noun


def test_topics_of_two_tasks_of_one_part_asked_for_their_part_answer_with_the_part(assistant, plan):
    joined = ("和", "与", "及", "、", "，")
    section = next(s for s in plan.sections
                   if len([t for t in s.tasks if not any(j in t.title for j in joined)]) >= 2)
    first, second = [t for t in section.tasks if not any(j in t.title for j in joined)][:2]
    answer = assistant.ask(f"{first.title}和{second.title}属于哪一部分？")
    assert [c.task for c in answer.citations] == [t.number for t in section.tasks]
    assert section.title in answer.answer


PARTS_PLAN = """某市智慧农业发展行动方案
一、总体要求
（一）指导思想。以数字技术赋能农业生产，推动农业高质量发展。
（二）基本原则。坚持需求牵引，坚持创新驱动，坚持安全可控。
二、重点任务
（一）建设农业物联网。在规模化种植基地部署传感设备，实时监测土壤墒情和作物长势。
（二）发展智慧农机。推广北斗导航自动驾驶农机，提高播种和收获作业精度。
三、保障措施
（一）加强组织领导。成立工作专班，统筹推进各项任务落实。
（二）加大资金支持。统筹涉农资金，对示范基地给予奖补。
（三）强化人才培养。组织新型职业农民培训，培养一批懂技术的带头人。
"""


LOGISTICS_PLAN = """某市现代物流业发展实施方案
一、总体要求
（一）指导思想。坚持市场主导，推动物流业降本增效。
二、加快物流集聚
（一）建设物流园区。在港区周边布局综合物流园区，引导仓储企业入园。
（二）培育龙头企业。支持骨干企业兼并重组，做大做强。
（三）发展多式联运。推进铁水联运，完善集疏运体系。
三、提升物流效率
（四）推广智能仓储。推动仓储设施自动化改造，加快物流集聚和信息共享。
（五）完善城乡配送。建设县乡村三级配送网络。
"""


def test_a_part_named_by_its_title_in_another_word_order_lists_its_tasks(tmp_path):
    # 加快集聚物流 says the title 加快物流集聚, its words turned round: that part, all its tasks,
    # though another part's task prints the title's words and the part's own tasks do not.
    with assistant_over(tmp_path, "logistics", LOGISTICS_PLAN) as assistant:
        plan = assistant.search.entries["logistics"].plan
        part = next(s for s in plan.sections if s.title == "加快物流集聚")
        for question in ("加快集聚物流那部分有哪些举措？", "集聚物流加快这块下面有啥任务"):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations][:3] == [t.number for t in part.tasks], question


def part_titled(assistant, title: str):
    plan = assistant.search.entries["smart-farming"].plan
    return plan, next(s for s in plan.sections if s.title == title)


def test_which_part_names_the_part_whose_title_holds_the_topic(tmp_path):
    # The topic is the part's own (保障措施), not one task's: the part answers, with all its
    # tasks; a topic one task is titled by stays with that task, its part named.
    with assistant_over(tmp_path, "smart-farming", PARTS_PLAN) as assistant:
        plan, part = part_titled(assistant, "保障措施")
        answer = assistant.ask("保障方面的措施写在哪一部分？")
        assert [c.task for c in answer.citations] == [t.number for t in part.tasks]
        assert "保障措施" in answer.answer
        task = next(t for t in plan.tasks if t.title == "建设农业物联网")
        answer = assistant.ask("农业物联网写在哪一部分？")
        assert [c.task for c in answer.citations] == [task.number]
        assert "属于第二部分" in answer.answer


def test_a_count_no_task_prints_of_a_part_named_by_its_title_counts_the_parts_items(tmp_path):
    # No task prints how many measures there are: the part titled 保障措施 holds them. A count
    # of something else under a part's title (多少家企业) is no count of its items.
    with assistant_over(tmp_path, "smart-farming", PARTS_PLAN) as assistant:
        _, part = part_titled(assistant, "保障措施")
        answer = assistant.ask("保障措施分几个环节？")
        assert [c.task for c in answer.citations] == [t.number for t in part.tasks]
        assert "3项" in answer.answer and not answer.abstained
        answer = assistant.ask("保障措施要扶持多少家企业？")
        assert answer.abstained or "3项任务" not in answer.answer


MUSEUM_PLAN = """某省科协2024年工作要点
一、科普工作
1.推进科技馆新馆建设。做好与有关部门特别是济南市的沟通工作，确保新馆建设有序推进。
2.加强科普信息化。对接国家科普平台，建设科普云，依据《科普信息化建设方案》推进。
二、智库建设
3.建设科技创新智库。对接高端智库平台，组织专家开展调查研究。
"""


def test_a_follow_up_that_names_no_thing_stays_with_the_conversations_task(tmp_path):
    # "主要跟哪里对接？" names nothing of its own (对接 is a verb): it asks about the museum the
    # conversation is about, not the tasks that print 对接; "依据的是哪个文件" likewise.
    with assistant_over(tmp_path, "museum", MUSEUM_PLAN) as assistant:
        first = assistant.ask("科技馆新馆建设有什么安排？")
        assert [c.task for c in first.citations] == [1]
        for question in ("主要跟哪里对接？", "依据的是哪个文件"):
            answer = assistant.ask(question, history=[first])
            assert not answer.abstained and [c.task for c in answer.citations] == [1], question
        # A follow-up naming a thing the task lacks goes where that thing is.
        answer = assistant.ask("那智库平台呢？", history=[first])
        assert answer.citations and answer.citations[0].task == 3


def test_indexing_other_plans_changes_nothing_in_how_a_plan_answers(tmp_path, assistant, plan):
    # A plan's word statistics (BM25, the glossary's terms) are its own: what else the index
    # holds must not move its answers, their citations or their scores.
    questions = [f"{t.title[:8]}有哪些安排？" for t in plan.tasks[:5]] + [
        "哪些任务提到了创新？", "How will talents be trained?", "资金从哪里来？", "第二部分有哪些任务？",
        "什么时候完成？", "谁负责牵头？"]
    alone = [assistant.ask(q, plan=ID) for q in questions]
    others = sorted(p for p in CORPUS.glob("*.txt") if p != PLAN)[:2]
    with hash_assistant(tmp_path / "home", [*others, PLAN]) as shared:
        together = [shared.ask(q, plan=ID) for q in questions]
    assert [(a.answer, a.citations, a.abstained) for a in together] == [
        (a.answer, a.citations, a.abstained) for a in alone]


def test_a_number_asked_for_a_year_is_one_said_of_that_year(tmp_path):
    text = ("某行业标准体系建设指南\n一、总体要求\n（一）建设目标\n到2022年，初步建立标准体系，制定30项以上标准。"
            "到2025年，建成较为完善的标准体系。\n（二）基本原则\n统筹规划，分类施策。\n二、组织实施\n（三）加强统筹\n"
            "落实《中国制造2025》的部署。\n")
    with assistant_over(tmp_path, "ship-guide", text) as assistant:
        by2022 = assistant.ask("到2022年要制定多少项标准？")
        assert not by2022.abstained and "30项" in by2022.answer
        # the task speaks of 2025 but gives no number for it: the 2022 target is no answer
        by2025 = assistant.ask("到2025年一共要制定多少项标准？")
        assert by2025.abstained and "没有写明数量" in by2025.answer
        # a year the plan prints only inside a name is no year it speaks of
        assert assistant.ask("到2030年要制定多少项标准？").abstained
        assert not assistant.ask("《中国制造2025》的部署由哪项落实？").abstained


def test_a_count_of_a_thing_a_task_prints_with_its_number_is_no_count_of_tasks(tmp_path):
    """"…多少项" asks the plan's count of tasks unless a task prints the thing counted with its
    number; words half the plan holds (工作) or words for items name no such thing."""
    path = CORPUS / "digital-transformation-action-plan-building-material-industry.txt"
    with hash_assistant(tmp_path, [path]) as assistant:
        plan = assistant.search.entries[path.stem].plan
        printed = assistant.ask("建材行业智能制造相关标准计划制修订多少项？", plan=path.stem)
        assert "30项以上" in printed.answer and printed.citations[0].task is not None
        for question in ("一共多少项任务？", "这个行动计划一共多少项工作？"):
            counted = assistant.ask(question, plan=path.stem)
            assert f"共{len(plan.tasks)}项任务" in counted.answer, question


def test_a_title_is_named_without_the_words_its_siblings_open_with(tmp_path):
    """建材工业智能制造推广应用行动 is named by 智能制造推广应用行动 (建材工业 opens the other
    tasks' titles too); words no other title opens with must be said (应用行动 names none)."""
    path = CORPUS / "digital-transformation-action-plan-building-material-industry.txt"
    with hash_assistant(tmp_path, [path]) as assistant:
        plan = assistant.search.entries[path.stem].plan
        task = structure.task_titled(plan, "智能制造推广应用行动下面有几项具体任务？")
        assert task is not None and task.title.endswith("建材工业智能制造推广应用行动")
        assert structure.task_titled(plan, "推广应用行动下面有几项？") is task  # 建材工业智能制造 opens two
        assert structure.task_titled(plan, "应用行动下面有几项？") is None  # …智能制造推广 opens no other
    guide = CORPUS / "2019-annual-project-guidelines-cooperation-between-national.txt"
    with hash_assistant(tmp_path / "guide", [guide]) as assistant:
        plan = assistant.search.entries[guide.stem].plan  # 申请人注意事项, 依托单位注意事项
        assert structure.task_titled(plan, "第四部分包括哪些注意事项？") is None  # two titles end so
    health = CORPUS / "reference-guidelines-ai-application-scenarios-health-sector.txt"
    with hash_assistant(tmp_path / "health", [health]) as assistant:
        plan = assistant.search.entries[health.stem].plan  # “人工智能+”健康管理服务 among “人工智能+”… titles
        assert structure.task_titled(plan, "健康管理服务包括哪些场景？") is not None
        # ... but not where the question's words are the end of a longer name the plan prints
        assert structure.task_titled(plan, "智能学生心理健康管理服务系统为哪些主体服务？") is None


PUBLICITY_PLAN = ("某省协会年度工作要点\n一、加强自身建设\n1.学习贯彻改革方案\n向会员宣传和解读改革方案，组织专题培训。\n"
                  "2.推进机关改革\n6月底前，完成机关及直属单位改革。\n3.开展学会改革试点\n选取20个左右学会开展试点，总结推广经验。\n"
                  "二、服务科技工作者\n4.开展创新争先行动\n创新科技人物宣传机制，加强与媒体合作。\n5.建设网上协会\n开发官方微信公众号，建成协同办公系统。\n"
                  "6.做好反邪教工作\n深入开展反邪教宣传教育，扩大覆盖面。\n7.开展调查研究\n开展重点课题研究，摸清基层情况。\n")


def test_which_things_of_one_word_are_asked_lists_every_task_that_prints_it(tmp_path):
    """"宣传方面要做哪些事": the one key word in three tasks, none titled by it → all three; a
    frame word (方面) is no such word."""
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        answer = assistant.ask("宣传方面要做哪些事？")
        assert {c.task for c in answer.citations} == {1, 4, 6}
        from planqa.assistant.evidence import Evidence

        plan = assistant.search.entries["publicity-plan"].plan
        assert Evidence(assistant.search, "研究哪些方面呢", plan).phrase != "方面"


def test_which_of_the_listed_tasks_states_the_fact_asked_is_the_one_that_states_it(tmp_path):
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        listed = assistant.ask("第一部分有哪些任务？")
        assert [c.task for c in listed.citations] == [1, 2, 3]
        answer = assistant.ask("这几项里哪项有明确的时间要求？", history=[listed])
        assert [c.task for c in answer.citations][:1] == [2] and "6月底前" in answer.answer


def test_two_tasks_asked_in_turn_are_these_two(tmp_path):
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        first = assistant.ask("第5项讲什么？")
        second = assistant.ask("第6项讲什么？", history=[first])
        both = assistant.ask("这两条属于哪个部分？", history=[first, second])
        assert {c.task for c in both.citations} == {5, 6}


def test_a_bare_term_the_plan_does_not_print_whole_is_no_listing_of_its_common_word(tmp_path):
    """"改革明年的预算": not every task with 改革 but a search, judged (the plan has no budget)."""
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        answer = assistant.ask("改革明年的预算")
        assert "涉及“改革”" not in answer.answer and len(answer.citations) <= 1
        whole = assistant.ask("微信公众号")
        assert [c.task for c in whole.citations] == [5]


def test_joined_topics_asked_which_there_are_list_every_task_printing_one(tmp_path):
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        both = assistant.ask("今年有哪些反邪教、课题研究方面的专门安排？")
        assert {c.task for c in both.citations} == {6, 7}
        # a topic no task prints lists nothing by the other's words alone
        half = assistant.ask("今年有哪些反邪教、海外引才方面的专门安排？")
        assert len(half.citations) < 2



def test_what_the_review_of_session_19_found_stays_mended(tmp_path):
    """Counts of the plan's tasks stay its count; a fact asked of a named topic among listed
    tasks needs that topic; a quoted term lists; a part's items stay the part; two tasks asked
    after a list are those two; a thing asked of joined topics lists nothing."""
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        assert "共7项任务" in assistant.ask("一共有多少项重点任务？").answer
        # the tasks on a topic named are counted (not 20个左右学会, nor the plan's seven)
        on_topic = assistant.ask("学会试点一共有多少项任务？")
        assert "共有1项任务" in on_topic.answer and [c.task for c in on_topic.citations] == [3]
        listed = assistant.ask("第一部分有哪些任务？")
        other = assistant.ask("其中学会改革试点什么时候完成？", history=[listed])
        assert "6月底前" not in other.answer  # the time is 机关改革's
        assert [c.task for c in assistant.ask("“改革”").citations] == [1, 2, 3]
        assert [c.task for c in assistant.ask("加强自身建设里面有哪几项？").citations] == [1, 2, 3]
        second = assistant.ask("第2项讲什么？", history=[listed])
        third = assistant.ask("第3项讲什么？", history=[listed, second])
        both = assistant.ask("这两项都属于哪个部分？", history=[listed, second, third])
        assert {c.task for c in both.citations} == {2, 3}
        asked = assistant.ask("会员和媒体有哪些权利？")
        assert "涉及" not in asked.answer


SERVICE_PLAN = ("某市科协年度工作要点\n一、加强组织建设\n1.推进机关改革\n6月底前，完成机关及直属单位改革，修订《学术论坛管理办法》。\n"
                "2.开展学会改革试点\n选取20个左右学会开展试点，组建青年科学家联合会，培养青年人才。\n"
                "3.严格作风纪律\n落实中央八项规定精神，持续整治作风问题。\n"
                "二、服务创新发展\n4.搭建学术交流平台\n举办黄河创新论坛，承办学术会议。\n"
                "5.建设决策咨询平台\n办好《专家建言专报》，打造青年人才论坛品牌。\n"
                "6.推进科普信息化\n建设科普云平台，开发微信公众号。\n")


def test_things_of_a_kind_asked_which_list_every_task_naming_one(tmp_path):
    """"要办哪几个论坛": the kind is the question's one word, after its which-word; asked with a
    verb of making or holding, a task must say one is made or held (not 修订《学术论坛管理办法》)."""
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        for question in ("要办哪几个论坛？", "要举办哪些论坛？"):  # 举办: a verb of holding, no topic
            answer = assistant.ask(question)
            assert {c.task for c in answer.citations} == {4, 5}, question


def test_the_plans_subject_before_the_which_word_names_no_topic(tmp_path):
    """"科协打算举办哪些论坛": the plan's subject (in its title, 科协) before the asking names no
    topic, so the kind after it is the thing asked, as with nothing before it."""
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        for question in ("科协要举办哪几场论坛", "科协打算举办哪些论坛"):
            assert {c.task for c in assistant.ask(question).citations} == {4, 5}, question
    # a word of the title that parts the tasks naming the kind is a topic: 科普 of a 科普和学会 plan
    topics = ("某市科协科普和学会工作要点\n一、科普工作\n1.办好科普论坛\n举办青少年科普论坛。\n2.建设科普场馆\n"
              "建设科技馆。\n二、学会工作\n3.举办学会论坛\n举办学会学术论坛。\n4.推进学会改革\n开展学会改革试点。\n")
    (tmp_path / "topics").mkdir()
    with assistant_over(tmp_path / "topics", "topic-plan", topics) as assistant:
        assert [c.task for c in assistant.ask("科普方面要办哪些论坛").citations] == [1]
        # no kind named after the which-word: the title word parts the tasks themselves
        assert {c.task for c in assistant.ask("科普上面要做哪些事情").citations} == {1, 2}


REFORM_PLAN = ("某区科协年度工作要点\n一、深化改革\n1.制定改革方案\n6月底前印发方案，确定时间表和路线图，稳步推进。\n"
               "2.推进机关改革\n9月底前，完成机关改革和理事推选。\n3.开展学会试点\n选取10个学会开展试点。\n"
               "二、服务发展\n4.举办学术论坛\n举办创新论坛。\n")


def test_a_fact_asked_of_a_listed_place_is_asked_of_the_task_there(tmp_path):
    """"第二个截止时间定了没": the words asking for a time (截止, 时间) and its verbs (完成) say
    what is asked of the task at that place; another listed task printing them (时间表) is no
    better answer. A word of the thing (推选) may name another listed task, one stating a time."""
    with assistant_over(tmp_path, "reform-plan", REFORM_PLAN) as assistant:
        listed = assistant.ask("深化改革这块都有啥任务")
        assert [c.task for c in listed.citations] == [1, 2, 3]
        dated = assistant.ask("第二个截止时间定了没", history=[listed])
        assert [c.task for c in dated.citations] == [2] and "9月底前" in dated.answer
        undated = assistant.ask("最后一个啥时候完成", history=[listed])
        assert [c.task for c in undated.citations] == [3] and undated.abstained
        unstated = assistant.ask("第三个截止时间定了没", history=[listed])  # 时间表 of the first
        assert [c.task for c in unstated.citations] == [3] and unstated.abstained
        # a word of the thing (推选) still says which listed task is meant, one that states a time,
        # though the task at that place states another time
        named = assistant.ask("第一个推选啥时候完成", history=[listed])
        assert [c.task for c in named.citations] == [2] and "9月底前" in named.answer
        # a word two listed tasks print (改革) says none: the task at that place, stating no time
        shared = assistant.ask("第三个啥时候改革", history=[listed])
        assert [c.task for c in shared.citations] == [3] and shared.abstained


ENGINEERING_PLAN = ("某省商贸业数字化升级行动方案\n一、总体目标\n到2025年，建成一批转型标杆企业。\n二、重点任务\n"
                    "（一）推动医疗服务数字化\n建设互联网医院，推广远程诊疗，支撑两大工程。\n（二）推动物流服务数字化\n建设智慧物流园区。\n"
                    "三、实施重点工程\n（一）数据平台支撑工程\n组建数据交易平台，培育交易市场。\n"
                    "（二）新业态培育工程\n发展在线教育和远程办公。\n四、保障措施\n（一）加强组织领导\n建立协调机制。\n"
                    "（二）加大资金支持\n统筹专项资金。\n")


def test_things_asked_by_name_before_the_asking_are_the_tasks_titled_so(tmp_path):
    """"方案里的工程具体指哪些": the things named before 具体指哪些 are the tasks whose titles end
    with them (…支撑工程, …培育工程), not names the tasks fail to print."""
    with assistant_over(tmp_path, "engineering-plan", ENGINEERING_PLAN) as assistant:
        for question in ("方案里的工程具体指哪些？", "里面的工程具体指哪几个", "两大工程都是哪几个"):  # 两大: a count
            answer = assistant.ask(question)
            assert not answer.abstained and [c.task for c in answer.citations] == [3, 4], question


STANDARDS_PLAN = ("某行业数字化标准体系编制指南\n一、总体要求\n（一）建设目标\n到2025年，制修订数字标准50项以上，服务产业发展。\n"
                  "二、建设内容\n（一）基础共性标准\n包括术语、安全、服务评价等标准。\n（二）关键技术标准\n1.智能装备标准\n"
                  "包括传感器、控制器等服务标准。\n2.数字服务标准\n包括远程运维、预测维护等标准。\n"
                  "（三）行业应用标准\n包括钢铁、石化等行业服务标准。\n")


def test_one_kind_of_the_things_titled_alike_is_asked_of_where_it_is_printed(tmp_path):
    """"数字服务标准都有哪几种": 数字服务 names one kind of 标准 (its words common in the plan, the
    compound printed under one of the tasks titled …标准); the tasks titled alike are not asked."""
    with assistant_over(tmp_path, "standards-plan", STANDARDS_PLAN) as assistant:
        answer = assistant.ask("数字服务标准都有哪几种？")
        assert [c.task for c in answer.citations][:1] == [3] and len(answer.citations) < 3


def test_a_name_placed_in_the_wrong_task_is_answered_from_the_task_printing_it(tmp_path):
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        first = assistant.ask("第4项讲什么？")
        moved = assistant.ask("专家建言专报也是这一项里的吗", history=[first])
        assert [c.task for c in moved.citations] == [5] and "不在第4项" in moved.answer
        kept = assistant.ask("黄河创新论坛是这一项里的吗", history=[first])
        assert [c.task for c in kept.citations] == [4] and "不在" not in kept.answer
        number = assistant.ask("这是第几项来着", history=[first])
        assert [c.task for c in number.citations] == [4]
        asked = assistant.ask("这一项的学术会议谁来承办", history=[first])
        assert "不在" not in asked.answer  # a fact asked of it (承办, 会议), no name placed elsewhere
        listed = assistant.ask("哪些任务提到青年？")
        assert [c.task for c in listed.citations] == [2, 5]
        short = assistant.ask("最后那个联合会呢？", history=[listed])  # a name of three characters, a word
        assert [c.task for c in short.citations] == [2] and "不在第5项" in short.answer
        asked = assistant.ask("这一项由联合会牵头吗", history=[first])  # a word not placed: asked of the task
        assert [c.task for c in asked.citations] == [4] and "不在" not in asked.answer


def test_which_task_treats_a_topic_is_the_one_titled_with_it():
    """A title says what a task is about: a task printing the word more often only mentions it."""
    from types import SimpleNamespace as NS

    from planqa.assistant.chain import Assistant
    from planqa.assistant.query import Query

    def hit(title, score):
        return NS(score=score, chunk=NS(kind="task", task_title=title))

    mentions, titled, other = hit("建设决策咨询平台", 0.91), hit("强化科技人才工作", 0.90), hit("推进科普信息化", 0.5)
    idf = {"人才": 2.0, "平台": 1.5, "科普": 1.5}

    def turn(question, asks=None):
        return NS(question=question, intent=Query("search", asks=asks), evidence=NS(idf=idf))

    assert Assistant._titled_with_topic(turn("哪条讲人才？"), [mentions, titled, other]) is titled
    assert Assistant._titled_with_topic(turn("哪条讲人才？"), [titled, mentions]) is None  # the best already
    assert Assistant._titled_with_topic(turn("哪条讲科普？"), [mentions, titled, other]) is None  # not near
    assert Assistant._titled_with_topic(turn("人才要达到多少人？", "count"), [mentions, titled]) is None  # a fact


def test_the_other_tasks_of_the_part_counted_are_the_parts_others(tmp_path):
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        first = assistant.ask("第1项讲什么？")
        for question in ("同一部分另外两条讲的啥", "那这部分另外两项呢", "同部分后面两条是什么", "这部分除了这条还有别的吗"):
            others = assistant.ask(question, history=[first])
            assert [c.task for c in others.citations] == [2, 3], question
        middle = assistant.ask("第2项讲什么？")
        assert [c.task for c in assistant.ask("同部分后面一条是什么", history=[middle]).citations] == [3]
        assert [c.task for c in assistant.ask("这部分前面一条呢", history=[middle]).citations] == [1]


def test_one_item_of_a_numbered_part_treating_a_thing_is_searched_in_that_part(tmp_path):
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        one = assistant.ask("第一部分中关于作风问题的是哪一条")
        assert [c.task for c in one.citations][:1] == [3] and len(one.citations) < 3
        assert [c.task for c in assistant.ask("第一部分有哪几条？").citations] == [1, 2, 3]
        for question, task in (("第一部分里哪一条讲青年人才", 2), ("第二部分里哪一条讲青年人才", 5)):
            assert [c.task for c in assistant.ask(question).citations] == [task], question


def test_which_of_the_listed_tasks_stand_in_a_part_are_those_of_the_list(tmp_path):
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        listed = assistant.ask("哪些任务提到青年？")
        assert {c.task for c in listed.citations} == {2, 5}
        inside = assistant.ask("这两项里哪些在第二部分", history=[listed])
        assert [c.task for c in inside.citations] == [5]
        none = assistant.ask("这几项里有哪些在第三部分", history=[listed])
        assert not none.citations


def test_conditions_the_plan_does_not_state_are_refused(tmp_path):
    with assistant_over(tmp_path, "service-plan", SERVICE_PLAN) as assistant:
        answer = assistant.ask("青年科学家联合会入会要满足什么条件")
        assert answer.abstained and "条件" in answer.answer


TARGET_PLAN = ("某市产业发展行动方案\n一、总体要求\n到2025年，建成开放创新平台3个，承担国家创新任务15项以上。\n"
               "（一）基本原则\n--坚持市场主导。发挥企业主体作用。\n--坚持开放合作。加强区域协同。\n--坚持安全发展。守住安全底线。\n"
               "二、重点任务\n（二）建设算力设施\n建设智能算力中心。\n（三）培育龙头企业\n培育一批领军企业。\n（四）推广应用场景\n打造示范应用场景。\n")


def test_a_count_of_a_thing_the_plan_counts_is_its_number_not_the_plans_tasks(tmp_path):
    """"…一共有几项" of a named thing: the number a part's own text prints, or the items of the
    task named (dash items as a copied text prints them, "--"), not the plan's count of tasks."""
    with assistant_over(tmp_path, "target-plan", TARGET_PLAN) as assistant:
        printed = assistant.ask("国家创新任务要承担几项？")
        assert [(c.task, c.section) for c in printed.citations] == [(None, "一")] and "15项" in printed.answer
        items = assistant.ask("基本原则一共有几条")
        assert "3条" in items.answer and "坚持开放合作" in items.answer
        assert "共4项任务" in assistant.ask("一共有多少项任务？").answer


def test_the_rest_of_a_list_is_searched_without_the_task_already_answered(assistant, plan):
    # "剩下三项里哪个讲…" after one task of a part's list was answered: among the others only,
    # however well the answered task matches, and the words pointing into the list are no topic
    part = next(s for s in plan.body if len(s.tasks) >= 3)
    listed = assistant.ask(f"第{part.number}部分有哪些任务？")
    first = assistant.ask("第一个讲什么？", history=[listed])
    term = next(w for w in ("信息化", "科普", "学会", "人才") if w in part.tasks[0].text and any(
        w in t.text for t in part.tasks[1:]))
    rest = assistant.ask(f"剩下{len(part.tasks) - 1}项里哪个讲{term}？", history=[listed, first])
    assert not rest.abstained and rest.citations[0].task in {t.number for t in part.tasks[1:]}


def test_going_back_to_an_earlier_topic_searches_the_tasks_cited_before(assistant, plan):
    # "回到X，…" after other turns: X among the tasks earlier answers cited, though another task
    # says X better; the words going back are no topic the plan should print
    term = next(w for w in ("科普", "学会", "人才", "智库") if sum(w in t.text for t in plan.tasks) >= 3)
    best = assistant.ask(f"{term}在哪个部分？").citations[0].task
    earlier = next(t for t in plan.tasks if term in t.text and t.number != best)
    between = next(t for t in plan.tasks if term not in t.text and term not in t.title)
    history = [assistant.ask(f"第{earlier.number}项讲什么？")]
    history.append(assistant.ask(f"第{between.number}项讲什么？", history=history))
    back = assistant.ask(f"回到{term}，它在哪个部分？", history=history)
    assert not back.abstained and back.citations[0].task == earlier.number
    # no earlier answer cited a task saying it: searched at large, as if asked afresh
    afresh = assistant.ask(f"回到{term}，它在哪个部分？", history=history[1:])
    saying = {t.number for t in plan.tasks if term in t.text}
    assert not afresh.abstained and afresh.citations[0].task in saying


def test_pointing_words_are_no_topic_when_the_listed_tasks_are_searched_for_a_fact(tmp_path):
    """"这三条里有没有给了明确完成时间的", "这些当中…": they point into the list; the one stating a
    time answers."""
    with assistant_over(tmp_path, "publicity-plan", PUBLICITY_PLAN) as assistant:
        listed = assistant.ask("第一部分有哪些任务？")
        for question in ("这三条里有没有给了明确完成时间的", "这些当中哪条有完成时限？", "回过头来看其中哪项有完成时限"):
            answer = assistant.ask(question, history=[listed])
            assert not answer.abstained and answer.citations[0].task == 2 and "6月底前" in answer.answer, question


def test_how_often_is_answered_only_by_a_task_that_says_how_often(tmp_path):
    text = PUBLICITY_PLAN + "三、加强学术交流\n8.办好学术年会\n每年举办一次学术年会，扩大影响力。\n"
    with assistant_over(tmp_path, "publicity-plan", text) as assistant:
        held = assistant.ask("学术年会多久办一次？")
        assert not held.abstained and held.citations[0].task == 8 and "每年" in held.answer
        assert assistant.ask("机关改革多久搞一次？").abstained  # a deadline is no frequency


HEADINGS_PLAN = ("某市智能制造标准体系建设指南\n一、建设内容\n（一）关键技术标准\n1、互联互通标准\n"
              "主要包括网络架构、接口规范两个部分。\n（1）网络架构标准\n主要包括厂内网络互联、厂外网络互联等标准。\n"
              "（2）接口规范标准\n主要包括信息系统之间的数据交互标准。\n（二）应用标准\n主要包括车间规划和物流管理等标准。\n")


def test_a_quote_under_a_heading_the_outline_has_no_item_for_names_that_heading(tmp_path):
    """The sentence that answers stands under "（1）网络架构标准" inside the item: the quote
    shows that heading, which names the standard asked for."""
    with assistant_over(tmp_path, "headings-plan", HEADINGS_PLAN) as assistant:
        answer = assistant.ask("厂内厂外网络怎么互联，对应哪个标准？")
        assert "网络架构标准" in answer.citations[0].quote


def test_a_quoted_phrase_only_a_parts_own_text_prints_is_answered_from_that_part(tmp_path):
    """“统筹发展和安全”: one phrase (和 inside the quotes joins no two topics), printed by part 一's
    opening text alone and by no task: that text answers."""
    text = ("某部门关于加强产品安全管理的通知\n一、总体要求\n坚持统筹发展和安全，推动产业健康发展。\n"
            "二、主要任务\n（一）统筹安全发展\n统筹推进产品安全和产业发展，提出安全发展要求，统筹安全能力建设。\n"
            "（二）强化召回管理\n发现缺陷的，应当及时实施召回，保障发展安全。\n")
    with assistant_over(tmp_path, "safety-notice", text) as assistant:
        answer = assistant.ask("“统筹发展和安全”是在哪一部分提出来的")
        assert not answer.abstained and (answer.citations[0].task, answer.citations[0].section) == (None, "一")


def test_a_fact_the_task_does_not_state_is_refused_naming_the_task_for_what_follows(tmp_path):
    text = ("某协会2020年工作要点\n一、服务青年\n1.举办大学生科技节。联合有关部门举办大学生科技节，推动创新创业。\n"
            "2.建设网上学会。建成协同办公系统，开发官方微信公众号。\n二、加强自身建设\n3.完善制度。修订章程，6月底前完成。\n")
    with assistant_over(tmp_path, "assoc-plan", text) as assistant:
        refused = assistant.ask("大学生科技节具体几月份办？")
        assert refused.abstained and [c.task for c in refused.citations] == [1]
        assert "第1项" in refused.answer and "没有写明具体日期" in refused.answer
        follow = assistant.ask("那它是在哪条里提到的", history=[refused])
        assert not follow.abstained and follow.citations[0].task == 1
        # the topic is none of the plan's: nothing is named as what the question is about
        person = assistant.ask("省大数据局局长是谁？")
        assert person.abstained and person.citations == ()


ASSOCIATION = ("某协会2020年工作要点\n一、人才工作\n1.实施托举工程。实施青年科技人才托举工程，加快组建省青年科学家协会。\n"
               "2.表彰先进。宣传青年科技工作者的先进事迹。\n3.改革学会。鼓励学科相近的学会成立学会群，修订省科普志愿者协会章程。\n"
               "二、科普工作\n4.加强科普。持续加强青少年科普，开展科普进校园。\n5.建设智库。推动成立省创新战略研究院，作为智库平台。\n"
               "6.服务企业。组建产业技术创新联盟、专家委员会。\n7.加强督查。开展专项督查，设立专项资金支持科技社团联盟。\n"
               "8.建设场馆。推进科技馆新馆建设。\n")


def test_tasks_listed_by_an_everyday_word_are_those_printing_the_plans_word(tmp_path):
    with assistant_over(tmp_path, "assoc-plan", ASSOCIATION) as assistant:
        answer = assistant.ask("涉及年轻人、青少年的内容都在哪几条")
        assert {c.task for c in answer.citations} == {1, 2, 4} and "青年" in answer.answer


def test_institutions_asked_which_are_set_up_are_the_tasks_setting_one_up(tmp_path):
    with assistant_over(tmp_path, "assoc-plan", ASSOCIATION) as assistant:
        every = assistant.ask("今年要新成立哪些协会或者机构？")  # not 学会群, not a 协会's 章程
        assert [c.task for c in every.citations] == [1, 5, 6] and "“成立协会、机构”" in every.answer
        assert [c.task for c in assistant.ask("成立哪些协会？").citations] == [1]
        # the kinds before the asking, after the verb; a kind ending as an institution word is any
        assert [c.task for c in assistant.ask("新组建的协会、研究院都有哪几个？").citations] == [1, 5]
        assert [c.task for c in assistant.ask("要新成立哪些研究机构？").citations] == [5]  # named 研究…
        assert [c.task for c in assistant.ask("要新设立哪些金融机构？").citations] != [1, 5, 6]
        assert [c.task for c in assistant.ask("要组建几个联盟？").citations] == [6]  # not a fund for one
        # "哪些新协会机构": the new ones, of a kind and the general word glued (any institution)
        assert [c.task for c in assistant.ask("今年要成立或者组建哪些新协会机构").citations] == [1, 5, 6]
        assert [c.task for c in assistant.ask("要组建哪些联盟组织？").citations] == [6]  # of that kind only
        assert [c.task for c in assistant.ask("要新组建几个委员会？").citations] == [6]  # the second name
        # one set up for a topic is that topic's, searched as usual
        assert [c.task for c in assistant.ask("科普方面要成立哪些组织？").citations] != [1, 5, 6]


SHIPYARD = ("某船厂智能制造行动计划\n一、主要目标\n到2020年，2—3家标杆企业率先建成智能车间，信息安全水平明显提升。\n"
            "二、重点任务\n1.开展改革试点。选取20个左右的车间先行试点，积累经验。\n2.建设网上平台。开发官方微信公众号，加强信息安全。\n"
            "3.推进承接试点。支持行业协会承接试点工作。\n4.培养人才。加强校企合作。\n")


SCIENCE = ("某科协2020年工作要点\n一、科普工作\n1.加强科普宣传。开展科普宣传周活动，建设科普基地。\n"
           "2.建设科普场馆。推进科普场馆建设，开展科普宣传。\n二、人才工作\n3.培养人才。实施人才计划，开展科普人才培训。\n"
           "4.改革学会。鼓励学会成立学会群。\n")


def test_a_count_asked_of_the_conversations_task_in_unknown_words(tmp_path):
    with assistant_over(tmp_path, "shipyard-plan", SHIPYARD) as assistant:
        first = assistant.ask("改革试点是哪一条")
        count = assistant.ask("先挑多少家来试啊", history=[first])
        assert not count.abstained and "20个左右" in count.answer and count.citations[0].task == 1


def test_how_many_tasks_treat_a_topic_are_counted_and_listed(tmp_path):
    with assistant_over(tmp_path, "shipyard-plan", SHIPYARD) as assistant:
        pilots = assistant.ask("文件里带“试点”两个字的工作有几项")
        assert "共有2项任务" in pilots.answer and [c.task for c in pilots.citations] == [1, 3]
        assert "共4项任务" in assistant.ask("一共多少项任务？").answer  # the plan's own stay its count
        assert "共4项任务" in assistant.ask("某船厂智能制造行动计划一共有几项任务").answer


def test_a_count_on_a_topic_with_several_plans_and_none_chosen(tmp_path):
    for name, text in (("science-plan", SCIENCE), ("shipyard-plan", SHIPYARD)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    with hash_assistant(tmp_path / "home", sorted(tmp_path.glob("*.txt"))) as assistant:
        assert "共4项任务" in assistant.ask("科普方面的任务有几项").answer  # no traceback


def test_tasks_on_a_topic_counted_and_a_thing_counted(tmp_path):
    with assistant_over(tmp_path, "science-plan", SCIENCE) as assistant:
        both = assistant.ask("科普宣传的任务有几项")  # a title's words with 的任务: the tasks printing them
        assert "共有2项任务" in both.answer and [c.task for c in both.citations] == [1, 2]
        # a thing with its own modifier is what is counted: a task's number, none printed
        assert "共有" not in assistant.ask("科普基地的名单一共多少条").answer


def test_where_a_term_stands_includes_a_parts_own_text(tmp_path):
    with assistant_over(tmp_path, "shipyard-plan", SHIPYARD) as assistant:
        places = assistant.ask("信息安全 在文件里哪几处有")
        assert {(c.section, c.task) for c in places.citations} == {("一", None), ("二", 2)}
        assert [c.task for c in assistant.ask("“试点”这个词都出现在哪儿").citations] == [1, 3]


def test_other_places_than_the_conversations_task_or_part(tmp_path):
    with assistant_over(tmp_path, "science-plan", SCIENCE) as assistant:
        first = assistant.ask("科普宣传是哪一条")
        assert [c.task for c in first.citations] == [1]
        # other parts: the conversation's part is left out, however well its tasks say it
        assert assistant.ask("别的部分还有提科普的吗", history=[first]).citations[0].task == 3


def test_the_one_task_printing_the_questions_phrase_answers_not_the_nearest(tmp_path):
    text = ("某省科协工作要点\n一、服务科技工作者\n1.加强科技工作者联系服务。建立科技工作者联系制度，走访科技工作者，"
            "听取科技工作者意见。\n2.开展科技工作者日活动。表彰优秀科技工作者，宣传科技工作者事迹。\n"
            "二、科普工作\n3.加强青少年科普。充分运用老科技工作者人才资源，开展科普进校园。\n4.推进科普信息化。建设科普平台。\n")
    with assistant_over(tmp_path, "kx-plan", text) as assistant:
        answer = assistant.ask("老科技工作者有什么安排？")  # its words are tasks 1's and 2's too, many times
        assert not answer.abstained and [c.task for c in answer.citations] == [3]


KEXIE_PARTS_PLAN = ("某市科协工作要点\n一、服务科技工作者\n1.加强科技工作者联系服务。建立联系制度，走访科技工作者。\n"
              "2.开展科技工作者日活动。表彰优秀科技工作者。\n二、提升公民科学素质\n3.推进科普社会化建设。开展民生科普活动。\n"
              "4.推进科普信息化建设。建设科普网络平台。\n5.推进科技馆建设。完善现代科技场馆体系。\n"
              "三、智库建设\n6.建设科技智库。汇聚专家资源。\n7.开展决策咨询。提交咨询报告。\n")


@pytest.mark.parametrize("question", ["科普写在哪一部分？", "科普的内容是哪一部分？里面有哪几项？"])
def test_a_topic_several_tasks_of_one_part_title_is_that_parts(tmp_path, question):
    with assistant_over(tmp_path, "kx-parts", KEXIE_PARTS_PLAN) as assistant:
        answer = assistant.ask(question)
        assert not answer.abstained and [c.task for c in answer.citations] == [3, 4, 5]


@pytest.mark.parametrize("question, tasks", [
    ("把智库方面的工作列一下", [6, 7]),  # 开展决策咨询 prints no 智库: it is of the part the topic titles
    ("哪几项提到了智库？", [6]),  # where the word is printed: no part
])
def test_a_listing_of_a_topic_a_part_title_holds_is_that_parts_tasks(tmp_path, question, tasks):
    with assistant_over(tmp_path, "kx-parts", KEXIE_PARTS_PLAN) as assistant:
        answer = assistant.ask(question)
        assert not answer.abstained and [c.task for c in answer.citations if c.task] == tasks


ITEMS_PLAN = ("某市物流园区建设实施方案\n一、主要任务\n（一）建设智能仓储。推广自动化立体仓库，建设港口物流中心。\n"
              "（二）发展冷链物流。完善冷链设施。\n（三）推进港口联运。发展铁水联运，提升港口集疏运能力。\n"
              "二、项目实施步骤\n（四）编制方案。实施单位编制建设方案。\n（五）组织建设。按方案推进项目建设。\n"
              "（六）验收总结。组织专家开展验收。\n")


@pytest.mark.parametrize("question, tasks", [
    ("项目实施步骤包括哪几个环节？", [4, 5, 6]),  # the part the question names by its title: all its items
    ("主要任务里哪些和港口有关？", [1, 3]),  # a topic among the part's tasks: those saying it
])
def test_the_items_of_a_part_named_by_its_title_are_its_tasks(tmp_path, question, tasks):
    with assistant_over(tmp_path, "items-plan", ITEMS_PLAN) as assistant:
        answer = assistant.ask(question)
        assert not answer.abstained and sorted(c.task for c in answer.citations if not c.related) == tasks


def test_the_part_whose_own_text_the_search_ranks_first_is_the_part_asked_for(tmp_path):
    text = ("某市智能建造发展实施方案\n一、发展目标\n到2025年，智能建造政策体系基本建立，培育一批示范企业。"
            "到2035年，智能建造水平显著提高。\n二、保障措施\n（一）加强组织实施。各地要明确2025年目标任务。\n"
            "（二）加大政策支持。落实税收优惠政策。\n（三）建立评估机制。2035年前对目标完成情况进行评估。\n")
    with assistant_over(tmp_path, "targets-part", text) as assistant:
        turn = assistant._prepare({"question": "到2025年、2035年要达到什么目标，是在哪一部分讲的？", "plan": None, "history": []})
        part = next(h for h in turn.evidence.hits if h.chunk.kind == "section" and h.chunk.section_number == "一")
        task = next(h for h in turn.evidence.hits if h.chunk.task_number == 1)
        answer = assistant._part_searched_first(turn, [replace(part, score=0.9), replace(task, score=0.3)])
        assert answer is not None and [(c.task, c.section) for c in answer.citations] == [(None, "一")]
        # a task ranked first: judged as before, by the parts' titles and the tasks near it
        assert assistant._part_searched_first(turn, [replace(task, score=0.9), replace(part, score=0.3)]) is None


def test_what_a_task_is_meant_to_achieve_leads_its_quote(tmp_path):
    text = ("某市科协工作要点\n一、联系服务科技人员\n1.开展科技人员状况普查。组织各区县科协按统一口径采集数据，"
            "委托第三方机构对采集的数据进行汇总分析和质量核查。普查工作所需经费列入年度预算，由各级科协按照分级负责的"
            "原则统筹安排。编制普查报告并向社会发布，同时报送有关部门参考。建立普查数据库，实行动态更新和分级管理。"
            "普查结果作为制定人才政策的重要依据，普查中发现的问题及时反馈各地整改落实。掌握科技人员的规模和分布，确保联系服务工作落到实处。\n"
            "2.办好学术年会。邀请专家作主旨报告。\n")
    with assistant_over(tmp_path, "aim-plan", text) as assistant:
        first = assistant.ask("第1项讲什么？")
        answer = assistant.ask("那要达到什么程度？", history=[first])  # a follow-up: no topic words
        assert not answer.abstained and answer.citations[0].task == 1
        assert "确保联系服务工作落到实处" in answer.answer


RELATED_PLAN = ("某市科协工作要点\n一、加强科普工作，提高公众科学素质\n1.推进科普社会化。开展社区科普活动。\n"
                "2.推进科普信息化。建设科普网站。\n3.建设科技馆。完善场馆体系。\n二、做好人才工作\n"
                "4.培养青年人才。建设科普人才队伍。\n5.表彰优秀人才。举办颁奖活动。\n")


@pytest.mark.parametrize("question, cited, related", [
    ("科普的任务有哪些？", [1, 2, 3], [4]),  # the part its title names, then the task elsewhere printing it
    ("哪几项涉及科普？", [1, 2, 4], None),  # where it is said: no part listing
    ("跟科普有关的一共几条？", [1, 2, 4], None),
])
def test_a_listing_of_a_part_titled_topic_and_where_it_is_said(tmp_path, question, cited, related):
    with assistant_over(tmp_path, "kx-said", RELATED_PLAN) as assistant:
        answer = assistant.ask(question)
        assert not answer.abstained and sorted(c.task for c in answer.citations if not c.related) == cited
        if related is not None:
            assert [c.task for c in answer.citations if c.related] == related


def test_the_other_tasks_of_a_listed_part_leave_out_the_one_in_view(tmp_path):
    with assistant_over(tmp_path, "kx-besides", RELATED_PLAN) as assistant:
        first = assistant.ask("第2项讲什么？")
        answer = assistant.ask("科普还有哪些任务？", history=[first])
        assert not answer.abstained and 2 not in {c.task for c in answer.citations}


def test_a_part_of_text_alone_holding_more_of_the_question_than_the_best_task_is_the_part(tmp_path):
    text = ("某省传统产业智能化改造三年行动计划\n一、总体要求\n坚持以新发展理念为指导思路，改造提升传统产业。"
            "力争到2022年底，全省工业企业智能化水平跃上新台阶，实现目标。\n二、主要任务\n1.推动装备换芯。促进装备数控化。\n"
            "2.推动机器换人。实现工厂智能化目标。\n3.推动集群上网。促进产业集群数字化。\n三、保障措施\n"
            "4.强化组织领导。建立工作推进机制。\n5.强化财税支持。统筹专项资金。\n")
    with assistant_over(tmp_path, "tx-plan", text) as assistant:
        turn = assistant._prepare({"question": "指导思路和目标写在哪一部分？", "plan": None, "history": []})
        hits = turn.evidence.hits
        part = next(h for h in hits if h.chunk.kind == "section" and h.chunk.section_number == "一")
        task = next(h for h in hits if h.chunk.task_number == 2)
        # the task that says 目标 a little above the part that says 指导思路 and 目标 too
        ranked = [replace(task, score=1.0), replace(part, score=0.9)]
        answer = assistant._which_part(turn, ranked)
        assert answer is not None and [c.section for c in answer.citations] == ["一"]


# (plan text, question, tasks it must cite, tasks it must not) — what each cites follows from the
# plan's words.
ASKED_OF_SMALL_PLANS = [
    pytest.param(  # 氢动力 is printed nowhere; 氢燃料 is, though its only key word is 燃料
        "某市绿色船舶行动方案\n一、发展目标\n1.总体目标。到2025年，电池、甲醇、氢燃料等绿色动力技术取得突破。\n"
        "二、重点任务\n2.发展电池动力船舶。推广电池动力。\n3.推动甲醇燃料应用。研发甲醇燃料发动机。\n"
        "4.推动氢燃料应用。研发氢燃料电池。\n5.推广液化天然气燃料。完善燃料加注。\n6.完善燃料供应体系。建设燃料加注站。\n"
        "三、保障措施\n7.加强组织领导。建立协调机制。\n8.加大资金支持。统筹专项资金。\n9.强化人才支撑。培养专业人才。\n",
        "涉及氢燃料、氢动力的地方有哪些", {1, 4}, {3, 5, 6}, id="a joined topic printed whole is looked for whole"),
    pytest.param(
        "某市科协工作要点\n一、服务委员\n1.加强委员联系服务。加强对委员的联系服务。\n2.推进网上平台建设。打造委员服务系统。\n"
        "3.完善议事规则。更好地发挥委员作用。\n二、科普工作\n4.开展科普活动。建设科普平台。\n5.推进科技馆建设。完善场馆体系。\n"
        "三、智库建设\n6.建设科技智库。汇聚专家资源。\n7.开展决策咨询。提交咨询报告。\n8.加强调查研究。形成调研报告。\n"
        "四、自身建设\n9.加强党的建设。落实主体责任。\n10.推进机关改革。优化机构设置。\n11.强化工作落实。抓好督查督办。\n",
        "跟委员有关的工作有哪些，委员能发挥什么作用", {1, 2, 3}, set(range(4, 12)),
        id="a listing clause lists its topic whatever a later clause asks of it"),
    pytest.param(
        "某省技术改造三年行动计划\n一、总体要求\n力争到2022年底，每年完成万项技改、推动万企转型、完成4000亿元投资。\n"
        "二、主要任务\n1.推动装备换芯。促进装备数控化。\n2.推动机器换人。促进工厂智能化。\n"
        "三、方法步骤\n3.摸清底数。开展企业调查。\n4.专题培训。分类开展培训。\n5.诊断服务。组织专家诊断。\n"
        "6.示范推广。遴选示范项目。\n7.实施改造。支持企业改造。\n四、保障措施\n8.强化组织领导。建立推进机制。\n",
        "方法步骤总共分几个？", {3, 4, 5, 6, 7}, {1, 2, 8}, id="a count of what a part is titled counts the part's tasks"),
    pytest.param(  # the opening says the guide sets 建设原则和目标 and stands in no part
        "国家人工智能创新发展试验区建设工作指引\n为推进试验区建设，明确试验区建设原则和目标，制定本指引。\n"
        "一、总体要求\n1.建设思路。以改革创新为动力，探索发展新路径。\n2.建设原则。坚持应用牵引，坚持地方主体。\n"
        "3.建设目标。到2023年，布局建设20个左右试验区。\n二、重点任务\n4.开展技术示范。推动技术应用示范。\n"
        "5.开展政策试验。探索政策创新。\n6.开展社会实验。研究社会影响。\n三、申请条件\n7.城市条件。产业基础较好。\n"
        "8.申请材料。提交建设方案。\n",
        "试验区的建设原则和目标是在指引哪一部分讲的？", {2, 3}, set(range(4, 9)),
        id="a part asked for past the opening that leads the hits"),
    pytest.param(  # 基础 is printed in several tasks; one titles it
        "某行业数字化转型实施方案\n一、总体要求\n到2027年，数字化水平明显提升，夯实产业发展基础。\n"
        "二、重点任务\n1.加快关键环节转型。推动研发设计数字化，打牢数据基础。\n"
        "2.夯实数字化转型基础。（1）健全标准体系。（2）强化评估诊断。（3）夯实网络数据基础。\n"
        "3.构建协同转型生态。推动链式转型，完善基础设施。\n三、组织实施\n4.完善推进机制。加强统筹协调。\n",
        "打基础那一块都有哪几项？", {2}, {1, 3, 4},
        id="what a question calls 'X那部分' is the one task titled X"),
    pytest.param(
        "某市科协工作要点\n一、人才工作\n1.强化科技人才工作。编制人才引进目录。\n2.实施海外人才计划。吸引海外人才回国。\n"
        "二、学会工作\n3.推进学会改革。设立专门机构，发挥学会人才优势。\n4.开展学术交流。搭建人才交流平台。\n"
        "三、智库建设\n5.建设科技智库。汇聚智库高端人才。\n6.开展决策咨询。组织人才开展调研。\n",
        "专门讲人才工作的条目有哪些？", {1, 2}, {3, 4, 5, 6},
        id="tasks wholly about a topic are those it titles"),
    pytest.param(  # both tasks are about 智库; only one sets up an institution
        "某省科协工作要点\n一、智库建设\n1.汇聚智库人才。推动成立山东省创新战略研究院，作为全省智库的战略平台。\n"
        "2.建设智库机构网络。智库机构成立以来成效明显，借力智库高端人才队伍，完善智库机构网络。\n"
        "二、科普工作\n3.推进科普信息化。建设科普网站。\n",
        "智库方面打算成立什么机构？", {1}, {2, 3},
        id="the task setting up an institution answers what is set up"),
    pytest.param(
        "某产业创新发展战略\n一、总体要求\n1.指导思想。坚持创新驱动。\n2.基本原则。坚持市场主导。\n"
        "二、主要任务\n3.构建协同开放的技术创新体系。突破关键技术。\n4.构建跨界融合的产业生态体系。培育新型企业。\n"
        "5.构建先进完备的基础设施体系。建设通信网络。\n三、保障措施\n6.加强组织实施。建立协调机制。\n",
        "主要任务分成几大体系？", {3, 4, 5}, {1, 2, 6},
        id="the major things a part's tasks are titled as are counted by its tasks"),
]


@pytest.mark.parametrize("text, question, cited, not_cited", ASKED_OF_SMALL_PLANS)
def test_small_plans_cite_what_their_words_give(tmp_path, text, question, cited, not_cited):
    answer = ask_over(tmp_path, "small-plan", text, question)
    tasks = {c.task for c in answer.citations if not c.related}
    assert not answer.abstained and cited <= tasks and not tasks & not_cited


CITING_PLAN = ("关于促进某产业健康发展的指导意见\n为贯彻落实《国务院关于促进信息消费扩大内需的若干意见》（国发〔2013〕32号）"
               "有关要求，促进产业健康发展，现提出以下意见。\n一、总体要求\n1.指导思想。坚持创新驱动，经过60多年的发展，产业基础雄厚。\n"
               "二、主要任务\n2.推进信息消费。扩大信息消费规模。\n3.建设基础设施。完善宽带网络。\n")


@pytest.mark.parametrize("question, said", [
    ("开头说到信息消费的那个国务院文件，国发几号？", "国发〔2013〕32号"),
    ("这个产业已经发展了多少年？", "60多年"),
])
def test_a_document_number_and_a_span_of_years_are_facts_answered(tmp_path, question, said):
    answer = ask_over(tmp_path, "citing-plan", CITING_PLAN, question)
    assert not answer.abstained and said in answer.answer, answer.answer


def test_the_documents_own_number_is_its_own_not_one_it_cites(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    unnumbered = ask_over(tmp_path / "a", "citing-plan", CITING_PLAN, "这份意见的文号是多少？")
    assert unnumbered.abstained and "国发" not in unnumbered.answer
    numbered = CITING_PLAN.replace("\n", "\n某发改发〔2018〕7号\n", 1)
    own = ask_over(tmp_path / "b", "numbered-plan", numbered, "这份意见的文号是多少？")
    assert not own.abstained and "某发改发〔2018〕7号" in own.answer and "国发" not in own.answer, own.answer


def test_an_english_phrase_the_plan_prints_in_several_tasks_cites_them_all(tmp_path):
    """"WeChat official account" is 微信 + 公众号 one after another: the plan's phrase 微信公众号,
    printed by two tasks, whichever of them scores best; a name typed in pinyin is the plan's."""
    text = ("某协会2020年工作要点\n一、网络建设\n1.建设网上学会。建成协同办公系统，开发官方微信公众号。\n"
            "2.推进科普信息化。构建科普网站、微信公众号矩阵组成的科普信息化新业态。\n"
            "二、人才工作\n3.做大做强“海智强鲁计划”。建立海智基地，吸引海外科技人才。\n4.办好学术年会。举办学术年会。\n")
    with assistant_over(tmp_path, "assoc-plan", text) as assistant:
        for question in ("Where does the plan talk about WeChat official accounts?",
                         "What does the plan say about WeChat official accounts?"):
            answer = assistant.ask(question)
            assert sorted(c.task for c in answer.citations) == [1, 2], question
        answer = assistant.ask("What is the Haizhi Qianglu plan about?")
        assert not answer.abstained and answer.citations[0].task == 3


OPENING = """某市人工智能三年行动计划
一、总体要求
坚持创新驱动，推动产业发展。
二、突破核心基础
夯实产业发展的软硬件基础，补齐短板。
（一）智能传感器
发展高精度传感器。
（二）神经网络芯片
发展云端神经网络芯片。
（三）开源开放平台
建设开源开放平台。
三、保障措施
（四）加大支持力度
统筹资金支持。
"""


def test_several_things_a_parts_opening_sums_up_are_its_tasks(tmp_path):
    with assistant_over(tmp_path, "ai", OPENING) as assistant:
        listed = assistant.ask("软硬件基础方面要攻克哪些？")
        assert [c.task for c in listed.citations] == [1, 2, 3]
        said = assistant.ask("软硬件基础方面是怎么说的？")  # no several asked: the opening itself
        assert [(c.task, c.section) for c in said.citations][:1] == [(None, "二")]


FIELDS = """某省人工智能场景创新指导意见
一、打造重大场景
（一）培育智能经济场景
农业领域试点智能灌溉、虫情识别、农机导航、产量预测等智能场景。交通领域试点智能信号、拥堵预警、停车诱导等智能场景。
（二）建设智能社会场景
推动智能养老和智能助残。
"""


def test_a_count_of_things_listed_in_several_sentences_is_the_one_the_question_names(tmp_path):
    answer = ask_over(tmp_path, "fields", FIELDS, "交通领域打算试点几种新的智能场景？")
    assert [c.task for c in answer.citations][:1] == [1]
    assert "共3个" in answer.answer and "共4个" not in answer.answer


LISTS = """某协会工作要点
一、加强网络建设
（一）推进网上协会建设
以建设网上数据库为基础，打造委员服务系统、专家服务系统、人才服务系统。搭建工作、服务、数据平台，丰富服务内涵。
（二）做好宣传工作
加强与各级媒体合作，宣传先进典型。
二、保障措施
（三）强化工作落实
加强督查督办。
"""


def test_the_nth_thing_the_last_answer_quoted_a_list_of(tmp_path):
    with assistant_over(tmp_path, "lists", LISTS) as assistant:
        first = assistant.ask("第1项要打造哪些服务系统？")
        second = assistant.ask("第二个是啥", history=[first])
        assert [c.task for c in second.citations] == [1] and "第2个是：专家服务系统" in second.answer
        assert "人才服务系统" not in assistant.ask("最后一个平台是啥", history=[first]).answer  # no list of 平台
        platforms = assistant.ask("第1项要搭建哪些平台？")
        assert "第3个是：数据平台" in assistant.ask("最后一个平台是啥", history=[platforms]).answer
        listed = assistant.ask("第一部分有哪些任务？")
        assert [c.task for c in assistant.ask("第二个是啥", history=[listed]).citations] == [2]  # a task of the list


def test_how_many_things_the_last_answer_quoted_and_the_places_after_it(tmp_path):
    with assistant_over(tmp_path, "lists", LISTS) as assistant:
        first = assistant.ask("第1项要打造哪些服务系统？")
        counted = assistant.ask("一共几个", history=[first])
        assert [c.task for c in counted.citations] == [1] and not counted.abstained
        assert "列了3个：委员服务系统、专家服务系统、人才服务系统" in counted.answer
        # the count quotes the sentence: the next place asked is in the same list
        second = assistant.ask("第二个是啥", history=[first, counted])
        assert "第2个是：专家服务系统" in second.answer
        # a place after a place: the same list, not the plan's first or last task
        last = assistant.ask("最后一个呢", history=[first, counted, second])
        assert [c.task for c in last.citations] == [1] and "第3个是：人才服务系统" in last.answer
        task = assistant.ask("第1项是什么？")
        assert "第3个是" not in assistant.ask("最后一个呢", history=[task]).answer  # after a task by its number: tasks
        assert "列了3个" in assistant.ask("一共多少个？", history=[first]).answer  # 多少 counts as 几 does
        platforms = assistant.ask("第1项要搭建哪些平台？")
        assert "列了3个：工作、服务、数据平台" in assistant.ask("有几种平台？", history=[platforms]).answer


STANDARDS = """某行业数字化转型实施方案
一、重点任务
（一）推广数字化车间标准
推广应用GB/T 37393-2019《数字化车间通用技术要求》，开展贯标试点。
（二）建立行业标准体系
加快制定船舶智能制造行业标准和团体标准。
二、组织保障
（三）加强统筹协调
建立部门协同工作机制。
（四）加强宣传推广
总结推广典型经验。
"""


def test_a_standards_code_is_answered_where_printed_and_refused_where_not(tmp_path):
    with assistant_over(tmp_path, "standards", STANDARDS) as assistant:
        printed = assistant.ask("数字化车间通用技术要求的标准编号是多少？")
        assert not printed.abstained and "GB/T 37393-2019" in printed.answer
        missing = assistant.ask("要制定的船舶智能制造行业标准编号是多少？")
        assert missing.abstained and "没有写明标准编号" in missing.answer


def test_the_safeguards_part_asked_by_its_usual_name(tmp_path):
    with assistant_over(tmp_path, "standards", STANDARDS) as assistant:
        answer = assistant.ask("为保证方案落地，文件列了哪些保障措施？")  # the plan calls it 组织保障
        assert [c.task for c in answer.citations] == [3, 4]


def test_a_kind_of_doer_asked_for_is_no_phrase_to_list_where_printed(tmp_path):
    # 单位 is printed by two tasks, but "哪些单位" asks which doers are meant (task 3 names them):
    # no phrase whose tasks would be listed
    text = ("某市科协工作要点\n一、自身建设\n1.推进直属单位改革。调整直属单位职能，举行直属单位交流活动。\n"
            "2.加强成员单位联系。组织成员单位参加联谊活动。\n二、科普工作\n3.办好科普日。"
            "支持高校和企业举行科普活动。\n4.建设科普平台。依托平台举行线上活动。\n")
    with assistant_over(tmp_path, "kx-units", text) as assistant:
        def phrase(question):
            return assistant._prepare({"question": question, "plan": None, "history": []}).evidence.phrase
        assert phrase("支持哪几个单位办活动？") == phrase("支持哪些单位办活动？") == ""
        assert "涉及“单位”" not in assistant.ask("支持哪几个单位办活动？").answer


def test_joined_topics_asked_for_their_part_take_a_near_task_of_the_part_all_share(tmp_path):
    text = ("某市数字经济发展行动方案\n一、要素保障\n1.强化人才引进。引进数字经济高端人才。\n"
            "2.推动数据开放。分级开放公共数据资源。\n3.拓展对外交流。举办数字经济对外交流活动。\n"
            "二、开放合作\n4.深化区域协作。推进对外交流合作平台建设。\n5.优化营商环境。简化审批流程。\n")
    with assistant_over(tmp_path, "de-parts", text) as assistant:
        def part_of(question, own_score, own_words=True):
            """The part _one_part gives when 对外交流's best task is the other part's task 4 and
            its own part's task 3 scores ``own_score`` of it (printing the words or not)."""
            turn = assistant._prepare({"question": question, "plan": None, "history": []})
            topic = next(t for t, terms in ex.conjunct_parts(turn.question, turn.evidence.idf) if "对外" in terms)
            hits = {h.chunk.task_number: h for h in turn.evidence.part_hits(topic)}
            own = hits[3] if own_words else replace(hits[3], chunk=replace(hits[3].chunk, body="举办活动。", task_title="举办活动"))
            turn.evidence._parts[topic] = [replace(hits[4], score=1.0), replace(own, score=own_score)]
            answer = assistant._one_part(turn)
            return answer and [c.task for c in answer.citations]

        asked = "人才引进、数据开放和对外交流是哪个部分的内容？"
        assert part_of(asked, 0.9) == [1, 2, 3]
        assert part_of(asked, 0.7) is None  # not close enough
        assert part_of(asked, 0.9, own_words=False) is None
        assert part_of("人才引进、数据开放和对外交流分别在哪个部分？", 0.9) is None  # each its own best


def test_things_asked_by_name_are_the_tasks_titled_so_or_the_part_or_a_tasks_items(tmp_path):
    text = ("某市促进平台发展的若干措施\n一、基本原则\n1.坚持市场主导。发挥企业主体作用。\n"
            "2.坚持开放合作。加强区域协作。\n二、强化应用场景开放\n3.开放工业赋能场景。定期发布企业需求场景清单。\n"
            "4.开放园区场景。支持园区建设数字化管理平台。\n5.开放公共服务场景。推动政务数据有序开放。\n"
            "三、主要任务\n6.发展目标。第一阶段，到2025年，建成一批平台。\n第二阶段，到2030年，平台全面普及。\n"
            "第三阶段，到2035年，形成完整生态。\n7.建设修复体系。通过部署传感器，在种苗培育领域、营造林领域、草原修复领域，"
            "构建智能化分析平台。\n种苗培育。推广智慧化种植。\n营造林。利用植树机器人开展作业。\n草原修复。建立草原大数据。\n")
    with assistant_over(tmp_path, "pf-named", text) as assistant:
        def cited(question):
            return [c.task for c in assistant.ask(question).citations]
        # the tasks of one part whose titles end with the thing asked for, in order
        assert cited("市里准备开放哪些方面的场景？") == [3, 4, 5]
        assert cited("园区方面开放哪些场景？")[:1] == [4]  # words one of them alone has: that one
        assert cited("政务数据要开放到哪些场景？")[:1] == [5]  # a thing of the plan one of them prints
        assert assistant.ask("2040年要开放哪些场景？").abstained  # another year's: judged, refused
        assert cited("推进平台发展要遵循哪些原则？") == [1, 2]  # the one part titled so
        # a task's items when they are what is asked: each printed with the noun, or counted stages
        answer = assistant.ask("草原修复体系要用到哪些领域？")
        assert [c.task for c in answer.citations] == [7] and "列了3" in answer.answer
        assert "种苗培育；营造林；草原修复" in answer.answer
        assert "在种苗培育领域、营造林领域、草原修复领域" in answer.answer  # the sentence naming them, quoted
        answer = assistant.ask("发展目标一共分几个阶段？")
        assert [c.task for c in answer.citations] == [6]
        assert "第一阶段，到2025年；第二阶段，到2030年；第三阶段，到2035年" in answer.answer  # each with its time
        # not the plan's own word for its contents, nor a fact asked besides, nor a topic's tasks
        assert "讲场景的" not in assistant.ask("开放哪些场景，什么时候完成？").answer
        assert "讲原则的" not in assistant.ask("要做哪些工作？").answer
        assert cited("哪几项任务跟园区有关？")[:1] == [4]


def test_a_things_name_is_the_one_printed_ending_as_it_is_called_else_none_is_given(tmp_path):
    text = ("某市科技创新工作要点\n一、平台建设\n1.建设创新平台。推动成立某市产业技术研究院，作为全市的创新枢纽。"
            "开通市科技局官方微信公众号，及时发布政策。\n2.办好交流活动。举办好滨海创新论坛，每年一届。"
            "把“科技活动周”办成全市的科技节日。\n3.编印刊物。办好《创新参考》，为决策提供支撑。\n")
    with assistant_over(tmp_path, "names-plan", text) as assistant:
        def asked(question):
            answer = assistant.ask(question)
            return answer, [c.task for c in answer.citations]
        answer, cited = asked("要成立的那个研究院叫什么名字？")
        assert cited[:1] == [1] and "某市产业技术研究院" in answer.answer
        answer, cited = asked("那个论坛叫啥来着")
        assert cited[:1] == [2] and "滨海创新论坛" in answer.answer
        answer, cited = asked("那个节日叫什么名字？")  # named in quotes where the festival is spoken of
        assert cited[:1] == [2] and "科技活动周" in answer.answer
        answer, cited = asked("要办好的刊物叫啥？")  # a periodical: its title
        assert cited[:1] == [3] and "《创新参考》" in answer.answer
        # the question's own words are no name: the plan gives none
        answer = assistant.ask("市科技局官方微信公众号叫什么名字？")
        assert answer.abstained and "没有写明具体名称" in answer.answer


def test_a_fact_is_said_of_the_topic_its_part_is_titled_by():
    from types import SimpleNamespace as NS

    from planqa.assistant.evidence import Evidence
    from planqa.assistant.facts import facts_in

    def stated(chunk, asks):
        return tuple(f for f in facts_in(chunk.body) if f.kind == "who")

    evidence = NS(stated=stated)
    weights = {"道路": 1.0, "绿色": 1.0, "建养": 2.0}
    item = NS(section_title="城市道路绿色建养技术研究", task_title="试点指导单位", body="交通运输部综合规划司牵头，科技司配合。")
    shares = [share for _, share in Evidence.stated_shares(evidence, item, "who", weights)]
    assert shares and min(shares) == 1.0  # the item titled 试点指导单位 leads the pilot its part names
    bare = NS(section_title="", task_title="试点指导单位", body=item.body)
    assert max(share for _, share in Evidence.stated_shares(evidence, bare, "who", weights)) == 0.0


CONTACT_PLAN = ("某省工业和信息化厅关于开展智能制造试点申报工作的通知\n"
                "一、申报条件\n（一）申报主体应为在本省注册的制造业企业，具有独立法人资格。\n"
                "（二）联合申报的，由牵头企业负责组织实施。\n"
                "二、组织实施\n（一）各市工业和信息化主管部门负责组织本地区的推荐工作，于2024年6月30日前报送。\n"
                "（二）联系人及电话：省工业和信息化厅装备处张明0531-86012345\n"
                "附件：试点项目申报书\n"
                "附件\n试点项目申报书\n一、基本情况\n（一）单位名称\n（二）联系电话\n（三）通讯地址\n"
                "二、项目内容\n（一）建设目标\n（二）主要任务\n")


def test_a_contact_is_answered_only_by_the_way_to_be_contacted_asked(tmp_path):
    """A phone number answers a phone asked, even where a form's blank is titled 联系电话; it is
    no e-mail nor postcode: those are refused by name."""
    with assistant_over(tmp_path, "pilot-notice", CONTACT_PLAN) as assistant:
        phone = assistant.ask("联系电话是多少？")
        assert not phone.abstained and [(c.task, c.section) for c in phone.citations] == [(4, "二")]
        assert "0531-86012345" in phone.answer
        mail = assistant.ask("装备处的电子邮箱是多少？")
        assert mail.abstained and "没有写明电子邮箱" in mail.answer
        post = assistant.ask("邮编是多少？")
        assert post.abstained and "没有写明邮政编码" in post.answer


def test_some_supposed_in_a_clause_of_condition_is_no_count_asked(tmp_path):
    """几家 in "…的话，" supposes some: what is asked after it is answered, not refused for a count."""
    with assistant_over(tmp_path, "pilot-notice", CONTACT_PLAN) as assistant:
        answer = assistant.ask("几个厂子合伙申报的话，牵头企业要做什么？")
        assert not answer.abstained and answer.citations[0].task == 2


def test_a_numbered_item_of_a_document_whose_parts_hold_no_tasks_is_that_part(tmp_path):
    """A letter numbers its paragraphs 一、二、三 and holds no tasks: 第二条 is its part 二."""
    text = ("关于同意开展试点工作的复函\n某某大学：\n来函收悉。经研究，现函复如下：\n"
            "一、原则同意你校开展智慧校园建设试点工作。\n"
            "二、加强对试点工作的组织领导，明确责任分工，强化经费保障。\n"
            "三、加强跟踪评估，及时总结推广试点经验。\n"
            "附件：试点任务清单\n附件\n试点任务清单\n一、建设内容\n1.建设统一门户。\n2.完善数据平台。\n")
    with assistant_over(tmp_path, "reply-letter", text) as assistant:
        plan = assistant.search.entries["reply-letter"].plan
        assert not plan.body_tasks and len(plan.body) == 3
        second = assistant.ask("第二条说的是什么？")
        assert not second.abstained and [c.section for c in second.citations] == ["二"]
        assert "明确责任分工" in second.answer
        beyond = assistant.ask("第五条说的是什么？")
        assert "没有第5项" in beyond.answer
        annexed = assistant.ask("附件第二条说的是什么？")  # the attachment's, not the letter's part 二
        assert "二" not in [c.section for c in annexed.citations]


def test_a_person_named_outside_a_contact_is_no_contact(tmp_path):
    text = CONTACT_PLAN.replace("（二）联系人及电话", "（二）王明副省长对试点工作作出重要批示。\n（三）联系人及电话")
    from planqa.assistant.evidence import Evidence

    with assistant_over(tmp_path, "pilot-notice", text) as assistant:
        plan = assistant.search.entries["pilot-notice"].plan
        evidence = Evidence(assistant.search, "联系人是谁？", plan)
        chunks = {h.chunk.task_number: h.chunk for h in evidence.task_hits}
        leader = next(t.number for t in plan.tasks if "王明" in t.text + t.title)
        contact = next(t.number for t in plan.tasks if "张明" in t.text + t.title)
        assert "王明" in [f.text for f in evidence.facts(chunks[leader]) if f.kind == "person"]
        assert not evidence.stated(chunks[leader], "contact")  # a leader's instructions name no contact
        assert "张明" in [f.text for f in evidence.stated(chunks[contact], "contact")]


LISTED_PLAN = ("某市科协工作要点\n一、学会建设\n1.推进学会改革。选取部分学会开展改革试点。\n"
               "2.加强学术交流。举办学术年会，推荐优秀论文，支持市县两级学会办会。\n二、人才工作\n"
               "3.做好人才举荐。开展院士候选人推选工作，推荐青年人才，支持市、县级学会举荐人才。\n"
               "4.建设人才平台。建设院士工作站。\n")


def test_a_place_in_a_list_yields_to_the_one_listed_task_printing_the_follow_ups_words(tmp_path):
    with assistant_over(tmp_path, "kexie-points", LISTED_PLAN) as assistant:
        listed = assistant.ask("哪些任务提到推荐？")
        assert [c.task for c in listed.citations] == [2, 3]
        moved = assistant.ask("第一个里要做啥推选？", history=[listed])  # only the second listed prints 推选
        assert [c.task for c in moved.citations] == [3] and "第2项没有提到“推选”" in moved.answer
        kept = assistant.ask("第一个里年会怎么办？", history=[listed])  # the first prints it: the place holds
        assert [c.task for c in kept.citations] == [2] and "没有提到" not in kept.answer
        plain = assistant.ask("第二个讲什么？", history=[listed])  # no words of its own
        assert [c.task for c in plain.citations] == [3]
        punctuated = assistant.ask("第二个里怎么支持市县学会？", history=[listed])  # 市、县级学会 prints 市县
        assert [c.task for c in punctuated.citations] == [3] and "没有提到" not in punctuated.answer


CONTACTS_ABROAD = ("某合作项目申报指南\n一、申报要求\n（一）申报条件。申报单位应为具有独立法人资格的高校和科研院所。\n"
                   "（二）申报方式。通过信息系统在线填报申请书。\n二、项目联系人\n（一）中方联系人：王强\n电话：010-12345678\n"
                   "（二）外方联系人：\nDr. John Smith\n电话：+1 555 0100，电邮：john.smith@example.org\n"
                   "三、组织保障\n（一）建立重点企业联系人制度。由王刚副市长牵头，定期走访企业。\n")


def test_a_person_on_a_line_of_its_own_under_a_contact_title_is_the_contact(tmp_path):
    """A task titled 外方联系人 names its person on a line of its own, in Latin letters: the contact."""
    with assistant_over(tmp_path, "joint-call", CONTACTS_ABROAD) as assistant:
        person = assistant.ask("外方联系人是谁？")
        assert not person.abstained and "John Smith" in person.answer
        from planqa.assistant.evidence import Evidence

        plan = assistant.search.entries["joint-call"].plan
        evidence = Evidence(assistant.search, "联系人是谁？", plan)
        system = next(h.chunk for h in evidence.task_hits if "王刚" in h.chunk.body)  # a title ending otherwise
        assert "王刚" in [f.text for f in evidence.facts(system)] and not evidence.stated(system, "contact")


def test_the_one_task_printing_all_a_question_names_answers_however_the_rest_is_said(tmp_path):
    """The question is its phrase and a frame of no topic: the one task printing the phrase
    answers, though another task holding its words apart scores well above it."""
    from planqa.assistant.evidence import Evidence

    text = ("某市科协工作要点\n一、人才服务\n1.推进人才驿站建设。在园区布局驿站，年内建成10家。\n"
            "2.做好人才驿站服务。加强人才驿站的建设管理，人才驿站服务建设，驿站建设人才，建设人才驿站服务体系。\n"
            "二、科学普及\n3.建设科普基地。建设一批科普教育基地。\n")
    question = "人才驿站建设具体准备咋搞？"
    with assistant_over(tmp_path, "talent", text) as assistant:
        plan = assistant.search.entries["talent"].plan
        evidence = Evidence(assistant.search, question, plan)
        assert evidence.phrase == "人才驿站建设" and evidence.phrase_is_topic
        top, printing = evidence.task_hits[0], evidence.phrase_hits
        assert top.chunk.task_number == 2 and [h.chunk.task_number for h in printing] == [1]
        assert printing[0].score < 0.9 * top.score  # beyond the band a phrase is otherwise held to
        assert not Evidence(assistant.search, "人才驿站建设需要多少科普基地？", plan).phrase_is_topic
        answer = assistant.ask(question)
        assert not answer.abstained and answer.citations[0].task == 1


NAMED_SET_PLAN = ("某省加快信息产业发展的意见\n一、总体要求\n（一）指导思想。坚持创新驱动，做强信息产业。\n"
                  "二、重点领域\n（一）实施芯片“强基”工程。支持企业突破芯片设计关键技术。\n"
                  "（二）实施软件“铸魂”工程。发展工业软件和基础软件。\n（三）实施算力“固链”工程。建设算力中心和算力网络。\n"
                  "三、保障措施\n（一）加强组织领导。建立推进机制，围绕三大工程明确分工。\n"
                  "（二）加大资金支持。统筹专项资金，支持三大工程重点项目。\n")


def test_a_set_named_by_its_number_is_the_tasks_titled_as_its_kind(tmp_path):
    """"三大工程分别是哪三个": the part's tasks each titled …工程, not the tasks that say 三大工程."""
    with assistant_over(tmp_path, "info-industry", NAMED_SET_PLAN) as assistant:
        for question in ("三大工程分别是哪三个？", "“三大工程”具体是哪些？"):
            answer = assistant.ask(question)
            assert not answer.abstained and [(c.task, c.section) for c in answer.citations] == [(2, "二"), (3, "二"), (4, "二")]


def test_a_follow_up_asking_in_a_word_the_plan_lacks_is_of_the_task_in_view(tmp_path):
    """"能接哪些呢" after a task on taking over functions: 能接 is no word of the plan, but its
    characters are, and it asks something of the task in view; characters the plan never prints
    ("嗷嗷") answer nothing."""
    text = ("某市科协工作要点\n一、学会建设\n1.推进学会承接政府转移职能。支持学会承接科技评估、技术标准研制等职能，"
            "做到接得住、接得好。\n2.加强学术交流。举办学术年会。\n二、科学普及\n3.建设科普基地。建设一批科普教育基地。\n")
    with assistant_over(tmp_path, "societies", text) as assistant:
        first = assistant.ask("学会承接职能的事怎么推进？")
        assert first.citations[0].task == 1
        follow = assistant.ask("能接哪些呢？", history=[first])
        assert not follow.abstained and follow.citations[0].task == 1
        noise = assistant.ask("嗷嗷哪些？", history=[first])
        assert noise.abstained and not noise.citations


SOCIETIES_PLAN = ("某市科协2030年工作要点\n一、基层建设\n"
                  "1.提高基层服务能力。组织基层站点对接企业，开展技术服务。\n"
                  "2.加强学会党建。推进学会党组织全覆盖。\n"
                  "二、科学普及\n"
                  "3.提升基层服务能力，增强基层服务能力。实施基层服务能力培育计划，建立基层服务能力评估机制。\n"
                  "4.建设科普场馆。做好与有关部门特别是济南市的沟通，推进新馆建设。\n"
                  "5.做好反伪科学宣传。抓好辟谣网、辟谣联盟和“群众科普线上联盟”建设。\n"
                  "6.推进科普信息化。建设科普线上平台和科普数据中心。\n"
                  "三、推进措施\n7.加强组织领导。建立联席会议制度。\n8.强化经费保障。统筹安排专项经费。\n")


def test_a_listing_of_tasks_wholly_about_a_topic_reads_in_the_plan_order(tmp_path):
    """"哪几项专门讲…": the tasks titled so are equally about it; the plan's order, not the score's."""
    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        answer = assistant.ask("哪些任务专讲基层服务能力？")
        assert [c.task for c in answer.citations] == [1, 3]
        first = assistant.ask("第一个里做什么？", history=[answer])
        assert first.citations[0].task == 1


def test_a_topic_led_by_a_verb_lists_the_tasks_naming_it_with_another_verb(tmp_path):
    """"提升X的措施散见于哪几条": 措施 is the plan's items and 提升 what is done; a task printing
    X after 提高 is about it too."""
    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        answer = assistant.ask("提升基层服务能力的措施散见于哪几条？")
        assert sorted(c.task for c in answer.citations) == [1, 3]


def test_a_place_asked_of_a_task_pointed_at_in_a_list_is_asked_of_that_task(tmp_path):
    """"第二个和某市有关联吗" after a list: the task at that place is asked, not something else
    happening at the place (which a question naming only the place would be)."""
    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        listed = assistant.ask("科学普及部分有哪些任务？")
        assert [c.task for c in listed.citations][:4] == [3, 4, 5, 6]
        answer = assistant.ask("第二个和济南有关联吗？", history=[listed])
        assert not answer.abstained and answer.citations[0].task == 4
        alone = assistant.ask("济南今天天气怎么样？")
        assert alone.abstained


def test_a_kind_asked_of_a_task_in_view_is_its_own_though_another_prints_the_words(tmp_path):
    """"最后那个准备建设哪些线上平台" of a task building a 线上联盟: its own things of that kind, though
    another listed task prints 线上平台 word for word; a name only another task prints still moves."""
    from planqa.assistant.chain import holds_kind_of, kind_asked

    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        listed = assistant.ask("科普宣传和信息化方面有哪几项？")
        in_view = [c.task for c in listed.citations]
        assert in_view[-1] == 5 and 6 in in_view, in_view
        answer = assistant.ask("最后那个准备建设哪些线上平台？", history=[listed])
        assert answer.citations[0].task == 5 and "辟谣网" in answer.answer
        # a which-word inside 什么时候 asks a time, no kind; a kind most tasks' words share proves nothing
        assert kind_asked("它什么时候建线上平台？") == "" and kind_asked("它要建哪些线上平台来服务群众？") == "线上平台"
        assert not holds_kind_of("它要建哪些科普数据中心？", "科普数据中心", "做好反伪科学宣传。群众科普线上联盟",
                                 ["科普甲", "科普乙", "科普数据中心", "宣传"])
        moved = assistant.ask("科普数据中心也是这条里的吗？", history=[answer])
        assert moved.citations[0].task == 6 and "不在" in moved.answer


def test_a_follow_up_asking_the_means_is_of_the_task_in_view(tmp_path):
    """手段, 途径 ask how, of the task in view: no topic of their own."""
    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        first = assistant.ask("反伪科学宣传今年怎么搞？")
        assert first.citations[0].task == 5
        for follow in ("那手段有哪些？", "有什么途径？"):
            answer = assistant.ask(follow, history=[first])
            assert not answer.abstained and answer.citations[0].task == 5, follow


def test_a_part_of_implementation_measures_is_the_plans_guarantees(tmp_path):
    """A part titled 推进措施 is where a plan says how it is made sure of (保障举措)."""
    with assistant_over(tmp_path, "societies", SOCIETIES_PLAN) as assistant:
        answer = assistant.ask("配套的保障举措有哪些？")
        assert [c.task for c in answer.citations] == [7, 8]


LAYERS_PLAN = ("某领域标准体系编制指南\n一、总体要求\n（一）指导思想。坚持统筹规划、需求牵引、急用先行，标准体系覆盖基础通用、核心技术和场景应用三个层次，支撑产业转型升级。\n"
               "（二）建设目标。到2030年，制修订标准50项。\n"
               "二、建设内容\n（一）核心技术标准。核心技术标准体系覆盖四个部分，标准体系覆盖的层次要统一，推进标准体系建设。\n"
               "1、网络互联标准\n主要包括网络架构和接口规范。\n2、数字车间标准\n主要包括工厂规划和生产管控。\n"
               "3、运维服务标准\n主要包括远程运维和数据服务。\n4、数据应用标准\n主要包括数据治理和边缘计算的应用。\n"
               "（二）场景应用标准。建设数据一个库、监管一张网，统一接入各类应用。\n"
               "三、保障措施\n（一）加强组织领导。建立协调机制。\n")


def test_a_number_counting_what_is_asked_answers_before_another_count(tmp_path):
    """"标准体系覆盖几个层次": the task printing 三个层次 answers, not the best hit whose number
    counts parts."""
    with assistant_over(tmp_path, "layers", LAYERS_PLAN) as assistant:
        answer = assistant.ask("标准体系覆盖几个层次？")
        assert not answer.abstained and answer.citations[0].task == 1 and "三个层次" in answer.answer


def test_one_of_what_is_counted_is_a_count(tmp_path):
    """"监管要建几张网" ← "监管一张网": one, said before the very thing counted."""
    from planqa.assistant.facts import single_counts

    assert [f.text for f in single_counts("要建几个库？", "建设数据一个库、监管一张网。")] == ["一个"]
    assert [f.text for f in single_counts("监管要建几张网？", "建设数据一个库、监管一张网。")] == ["一张"]
    assert not single_counts("建几个库？", "建设第一个库，统一个库的口径。")  # an ordinal, a word
    with assistant_over(tmp_path, "layers", LAYERS_PLAN) as assistant:
        answer = assistant.ask("场景应用标准里监管要建几张网？")
        assert not answer.abstained and answer.citations[0].task == 4 and "一张网" in answer.answer


def test_a_place_after_a_tasks_title_is_an_item_it_lists(tmp_path):
    """"核心技术标准的第4项" names the fourth item that task lists (4、…), quoted from its heading;
    a place beyond its items says how many it lists."""
    led = LAYERS_PLAN.replace("推进标准体系建设。", "推进标准体系建设，包括网络互联标准、数字车间标准等。")
    (tmp_path / "led").mkdir()
    with assistant_over(tmp_path / "led", "layers", led) as assistant:  # not from a lead-in naming them all
        second = assistant.ask("核心技术标准的第2项讲什么？")
        assert second.citations[0].quote.startswith("2、数字车间标准"), second.citations[0].quote
    with assistant_over(tmp_path, "layers", LAYERS_PLAN) as assistant:
        answer = assistant.ask("核心技术标准的第4项讲什么？")
        assert answer.citations[0].task == 3 and "数据应用标准" in answer.answer and "边缘计算" in answer.answer
        beyond = assistant.ask("核心技术标准的第6项讲什么？")
        assert beyond.citations[0].task == 3 and "只列了4项" in beyond.answer


MAKING_PLAN = ("某市制造业数字化行动计划\n一、总体要求\n坚持创新驱动，推动产业升级。\n二、行动目标\n到2030年，建成智能工厂20家，"
               "培育服务商10家。\n三、重点任务\n（一）建设智能工厂。支持企业开展智能化改造，建设指标监测平台。\n"
               "（二）培育服务商。遴选一批数字化改造服务商。\n四、保障措施\n（一）加强组织领导。建立工作专班。\n"
               "（二）强化资金支持。统筹专项资金。\n")


def test_the_measures_to_reach_are_the_part_of_targets(tmp_path):
    """量化指标, 各项指标 name what a part of targets holds, whatever the part is titled in the role
    (主要目标, 行动目标)."""
    with assistant_over(tmp_path, "targets", MAKING_PLAN) as assistant:
        for question in ("要完成的量化指标放在哪部分讲？", "计划里的各项指标都有哪些？"):
            answer = assistant.ask(question)
            assert answer.citations and answer.citations[0].section == "二", question


def test_where_the_plans_work_is_written_is_the_part_holding_it(tmp_path):
    """Asked where the plan's work as such is written (no topic named), the part titled as
    holding it (重点任务) answers whole, whatever task the words reach first; a topic named keeps
    to the tasks treating it."""
    with assistant_over(tmp_path, "work", MAKING_PLAN) as assistant:
        for question in ("文件里要落实的事情都列在哪一部分？", "各项工作任务看第几部分？"):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations] == [1, 2] and answer.citations[0].section == "三", question
        funds = assistant.ask("资金支持的工作写在哪一部分？")
        assert funds.citations and funds.citations[0].section == "四", funds.answer
        arranged = assistant.ask("专项资金怎么安排，列在第几部分？")  # 资金 is a topic: not the tasks' part
        assert not arranged.citations or arranged.citations[0].section != "三", arranged.answer


def test_how_things_stand_now_is_said_by_a_sentence_with_no_target(tmp_path):
    """"截至目前建成了几个": a count in a sentence stating no target (the part on the present state)
    answers it, though it prints neither 目前 nor 已经; the target's count answers the target."""
    text = ("某省科普基地建设行动方案\n一、发展基础\n截至2023年底，全省建成科普教育基地120个，年接待公众超过500万人次。\n"
            "二、主要任务\n（一）扩大科普教育基地规模。推动各市新建一批科普教育基地，优化科普教育基地布局。\n"
            "（二）提升服务质量。完善基地评价办法，开展星级评定。\n三、发展目标\n到2030年，全省科普教育基地达到200个。\n")
    with assistant_over(tmp_path, "now", text) as assistant:
        for question in ("截至目前科普教育基地建成了几个？", "科普教育基地当前有几个？"):
            now = assistant.ask(question)
            assert not now.abstained and "120个" in now.answer and "200个" not in now.answer, now.answer
        target = assistant.ask("到2030年科普教育基地要达到多少个？")
        assert "200个" in target.answer and "120个" not in target.answer, target.answer


def test_a_title_naming_what_its_items_are_lists_them(tmp_path):
    """"应遵循哪些原则" of a task titled 建设原则 (a short word before a kind of items, though it
    may be a verb): its items, each named, not one sentence of it."""
    text = ("某市智慧社区示范区建设方案\n一、总体要求\n（一）建设思路。以居民需求为导向推进示范区建设，示范区建设分步实施。\n"
            "（二）建设原则。\n需求导向。围绕居民急难愁盼推进示范区建设。\n共建共享。动员社会力量参与示范区建设。\n"
            "安全可靠。守牢示范区建设数据安全底线。\n二、重点任务\n（一）完善示范区建设基础设施。推进示范区建设网络改造。\n"
            "（二）丰富示范区建设服务场景。示范区建设引入养老托育服务。\n")
    with assistant_over(tmp_path, "principles", text) as assistant:
        answer = assistant.ask("示范区建设应当遵循哪些原则？")
        assert answer.citations[0].task == 2 and all(i in answer.answer for i in ("需求导向", "共建共享", "安全可靠")), answer.answer


def test_when_the_targets_are_to_be_met_is_the_targets_headings_time(tmp_path):
    """"定下的目标哪年达到" names no topic but the targets: the heading titled as them (发展目标)
    answers with its time, not a task whose words reach the question first; a topic named keeps
    to the task stating its time."""
    text = ("某市数字乡村建设实施方案\n一、总体要求\n（一）指导思想。坚持统筹推进，实现城乡数字化协同发展。\n"
            "（二）发展目标。到2028年，全市乡村数字基础设施基本完善，涉农数据实现共享。\n二、重点任务\n"
            "（一）完善乡村网络设施。2026年底前实现行政村千兆光网全覆盖，实现5G网络乡镇全覆盖。\n"
            "（二）发展智慧农业。推广物联网技术，实现农业生产精准管理。\n三、保障措施\n（一）加强组织领导。建立工作专班，确保各项任务实现。\n")
    with assistant_over(tmp_path, "targets", text) as assistant:
        for question in ("上面定的目标要到哪年实现？", "这几个目标打算哪一年完成？"):
            targets = assistant.ask(question)
            assert targets.citations and targets.citations[0].task == 2 and "2028年" in targets.answer, targets.answer
        network = assistant.ask("行政村光网覆盖定在什么时候？")
        assert network.citations[0].task == 3 and "2026年底前" in network.answer, network.answer


AMOUNTS = """某市智能制造发展行动方案
一、重点任务
（一）培育骨干企业
到2026年，培育一批数字化转型服务商，支持龙头企业开展兼并重组。
（二）建设示范工厂
遴选10家企业建设智能工厂。
（三）完善公共服务
依托高校公共服务平台组建若干专家服务团深入园区开展诊断。
二、保障措施
（四）加强组织领导
建立联席会议制度。
"""


def test_an_amount_said_without_a_figure_answers_how_many_where_it_is_said_of_the_thing(tmp_path):
    with assistant_over(tmp_path, "amounts", AMOUNTS) as assistant:
        answer = assistant.ask("转型服务商计划扶持多少家？")
        assert not answer.abstained and [c.task for c in answer.citations] == [1]
        assert "没有写明具体数字" in answer.answer and "“一批”" in answer.answer
        # a figure printed answers as a figure, not as a manner
        figure = assistant.ask("智能工厂要建几家？")
        assert "10家" in figure.answer and "没有写明具体数字" not in figure.answer
        # 若干 is said of the expert teams, not of the platform nor of the parks they visit
        for question in ("公共服务平台计划建几个？", "专家服务团去多少个园区？"):
            other = assistant.ask(question)
            assert other.abstained and "没有写明具体数字" not in other.answer, question
        # how many there are now, or a figure as such: an amount a plan means to reach says neither
        assert assistant.ask("目前有几家数字化转型服务商？").abstained
        assert assistant.ask("转型服务商具体扶持多少家？").abstained
    # a figure printed near (the targets) answers before an amount said without one
    targets = AMOUNTS.replace("一、重点任务", "一、发展目标\n（一）主要目标\n到2026年，数字化转型服务商达到15家，"
                                            "示范工厂达到20家。\n二、重点任务").replace("二、保障措施", "三、保障措施")
    (tmp_path / "targets").mkdir()
    with assistant_over(tmp_path / "targets", "targets", targets) as assistant:
        answer = assistant.ask("数字化转型服务商培育多少家？")
        assert "15家" in answer.answer and "没有写明具体数字" not in answer.answer


STAGES = """某市智能工厂标准化指南
一、总体框架
（一）生命周期
生命周期涵盖产品从研发到回收的各个阶段（牵头单位：市工信局）。
（1）设计是指对需求进行实现和优化的过程；
（2）生产是指将物料加工成产品的过程；
（3）物流是指物品从供应地向接收地流动的过程；
（4）服务是指产品交付后与客户接触的过程。
（二）系统层级
系统层级自下而上分为设备层、单元层、车间层、企业层和协同层。
二、建设内容
（三）基础共性标准
主要包括通用、安全、可靠性等标准。
"""


def test_a_listing_that_finds_one_task_lists_the_items_that_task_enumerates(tmp_path):
    with assistant_over(tmp_path, "stages", STAGES) as assistant:
        answer = assistant.ask("产品从研发到回收要经过哪些阶段？请逐一列出。")
        assert [c.task for c in answer.citations] == [1]
        assert "该项列了4条" in answer.answer and all(
            name in answer.answer for name in ("设计是指", "生产是指", "物流是指", "服务是指"))
        # where words stand, or which tasks: the task's quote alone
        assert "列了4条" not in assistant.ask("物流在哪些任务里出现？").answer
        assert "列了4条" not in assistant.ask("物流").answer  # a bare term: where it stands
        assert "列了4条" not in assistant.ask("跟物流有关的有哪些？请逐一列出。").answer  # one item is the topic
        assert "列了4条" not in assistant.ask("产品从研发到回收的各个阶段有哪些单位牵头？请逐一列出。").answer  # a fact asked


def test_the_part_an_actor_plays_before_a_which_word_names_no_topic(tmp_path):
    """"高校要参与哪些事": 参与 says what part the actor plays (a `lead_role` word), so the actor is
    the phrase whose tasks are listed, not a task printing 参与."""
    text = ("某市科协工作要点\n一、学术交流\n1.办好学术年会。鼓励高校承办年会分会场。\n"
            "2.建设科技智库。与高校共建智库研究基地。\n二、科普工作\n3.开展科普日活动。动员社会各界积极参与科普日。\n"
            "4.加强场馆建设。完善科技馆布局。\n")
    with assistant_over(tmp_path, "roles", text) as assistant:
        assert {c.task for c in assistant.ask("高校要参与哪些事？").citations} == {1, 2}


def test_a_phrase_naming_a_thing_printed_by_one_task_answers_from_a_wider_band(tmp_path):
    """The one task printing the question's phrase answers instead of the best hit when it scores
    near it: within 0.9 of it for a short phrase, within 0.8 for one of four characters or more
    (a name the question copies is stronger evidence than the wording around it)."""
    text = ("某市科协工作要点\n一、学会工作\n1.推进学会承接职能。支持学会承接科技评估等工作。\n"
            "2.加强智库建设。对建议落实情况实施第三方评估。\n二、科普工作\n3.办好科普日。开展科普活动。\n"
            "4.建设科普基地。完善基地布局。\n")
    with assistant_over(tmp_path, "bands", text) as assistant:
        def answered(question, share, phrase=None):
            """The tasks cited when task 2 is the best hit and the phrase's one task scores ``share``
            of it (the phrase as found, or ``phrase`` if given)."""
            turn = assistant._prepare({"question": question, "plan": None, "history": []})
            if phrase is not None:
                turn.evidence.__dict__["phrase"] = phrase
            hits = {h.chunk.task_number: h for h in turn.evidence.task_hits}
            top = replace(hits[2], score=1.0)
            turn.evidence.__dict__["phrase_hits"] = [replace(turn.evidence.phrase_hits[0], score=share)]
            answer = assistant._by_phrase(turn, top)
            return answer and [c.task for c in answer.citations]

        question = "科技评估这类事怎么安排"
        assert assistant._prepare({"question": question, "plan": None, "history": []}).evidence.phrase == "科技评估"
        assert answered(question, 0.85) == [1]
        assert answered(question, 0.7) is None  # too far below the best
        # the same evidence under a phrase of three characters: the narrower band
        assert answered(question, 0.85, phrase="科技评") is None and answered(question, 0.95, phrase="科技评") == [1]


ACTIONS_PLAN = ("某市推进产业发展行动方案\n一、重点行动\n（一）数据中心“筑基”行动\n"
                "1.统筹布局智算中心。建设城市算力平台。\n2.优化边缘算力供给。布设边缘计算节点。\n"
                "（二）平台建设攻坚工程\n1.建立健全创新体系。支持企业建设研发机构。\n2.加强核心技术攻关。突破关键零部件。\n"
                "（三）学术交流活动\n联合行业学会举办年度学术年会，扩大学术活动的社会影响。组织青年学者定期开展学术沙龙，"
                "促进学科交叉融合和青年人才成长。支持学会创办高水平学术期刊，提升学术成果的传播能力。"
                "办好产业发展论坛等交流活动，吸引高端人才来本市交流。\n"
                "（四）专家智库建设\n组建咨询专家小组，打造智库论坛品牌。\n"
                "二、组织保障\n（一）强化统筹协调\n建立联席会议制度。\n（二）加大政策支持\n统筹安排专项资金。\n")


def test_a_task_named_without_its_quoted_name_or_with_a_demonstrative_inside_lists_its_items(tmp_path):
    """数据中心行动 names 数据中心“筑基”行动, 平台建设那个攻坚工程 names 平台建设攻坚工程; asked
    for its items (各项, 分别是), the task's items are the answer."""
    with assistant_over(tmp_path, "actions", ACTIONS_PLAN) as assistant:
        plan = next(iter(assistant.search.entries.values())).plan
        assert structure.task_titled(plan, "数据中心行动分成哪几块").title == "数据中心“筑基”行动"
        assert structure.task_titled(plan, "平台建设那个攻坚工程打算干什么").title == "平台建设攻坚工程"
        assert structure.task_titled(plan, "中心行动分成哪几块") is None  # not the title without its quote
        for question in ("把数据中心行动底下的各项内容列出来", "平台建设那个攻坚工程要干的事分别是啥"):
            answer = assistant.ask(question)
            assert "列了2" in answer.answer and len(answer.citations) == 1, answer.answer


def test_a_part_asked_for_by_another_name_of_its_role_is_found_however_asked(tmp_path):
    """"保障措施是哪些" (not only "…都有哪些") of a plan whose part is titled 组织保障: the
    part, read by the name of the role it plays; measures for a thing (资金保障措施) are no part."""
    with assistant_over(tmp_path, "actions", ACTIONS_PLAN) as assistant:
        for question in ("保障措施是哪些？", "保障措施列了哪几条", "保障措施一共分几条？"):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations] == [5, 6] and "组织保障" in answer.answer, question
        assert "“组织保障”包括" not in assistant.ask("资金保障措施包括什么？").answer
        assert assistant.ask("2040年的保障措施是哪些？").abstained  # another year's: refused


def test_joined_topics_asked_what_there_is_of_them_are_each_one_s_task(tmp_path):
    """"X和Y有啥安排" as well as "X和Y有哪些安排": each topic's task, not the best hit alone."""
    with assistant_over(tmp_path, "actions", ACTIONS_PLAN) as assistant:
        for question in ("研发机构和算力平台有啥安排？", "算力平台和研发机构都有哪些安排？"):
            assert sorted(c.task for c in assistant.ask(question).citations) == [1, 2], question
    # one task holding both topics answers alone (among enough tasks for a topic of two to be no general word)
    chores = ["道路养护", "绿化提升", "水质监测", "垃圾分类", "停车管理", "社区医疗", "养老服务", "文化活动", "体育设施"]
    padded = ACTIONS_PLAN.replace("二、组织保障", "".join(f"（{n}）{c}\n推进{c}工作。\n" for n, c in zip("五六七八九十", chores))
                                  + "二、组织保障")
    both = padded.replace("建设城市算力平台。", "建设城市算力平台，吸引研发机构入驻。")
    (tmp_path / "both").mkdir()
    with assistant_over(tmp_path / "both", "both", both) as assistant:
        assert [c.task for c in assistant.ask("研发机构和算力平台有啥安排？").citations] == [1]
    # asked what there is, a topic that several tasks print is no task's own: the best answers
    many = padded.replace("建立联席会议制度。", "建立联席会议制度，研发机构参加。").replace(
        "统筹安排专项资金。", "统筹安排专项资金，支持研发机构。")
    (tmp_path / "many").mkdir()
    with assistant_over(tmp_path / "many", "many", many) as assistant:
        assert len(assistant.ask("研发机构和算力平台有啥安排？").citations) == 1


def test_what_else_of_a_thing_the_shown_quote_left_out_is_the_task_in_view(tmp_path):
    """"还有啥论坛？" after a quote of the task that left its 论坛 out: the task in view says it;
    "还有哪项也讲论坛" asks for another task."""
    with assistant_over(tmp_path, "actions", ACTIONS_PLAN) as assistant:
        first = assistant.ask("学术交流活动那项，学术年会由谁合办？")
        assert first.citations[0].task == 3 and "论坛" not in first.answer, first.answer
        what_else = assistant.ask("还有啥论坛？", history=[first])
        assert what_else.citations[0].task == 3 and "产业发展论坛" in what_else.answer
        assert assistant.ask("还有哪项也讲论坛？", history=[first]).citations[0].task == 4
        assert assistant.ask("还有啥别的论坛？", history=[first]).citations[0].task == 4  # another's
    # a thing only the task's title says is no more of its text: the task printing it answers
    titled = ACTIONS_PLAN.replace("统筹安排专项资金。", "统筹安排专项资金，支持攻坚项目。")
    (tmp_path / "titled").mkdir()
    with assistant_over(tmp_path / "titled", "titled", titled) as assistant:
        first = assistant.ask("平台建设那个攻坚工程要建什么机构？")
        assert first.citations[0].task == 2, first.answer
        assert assistant.ask("还有啥攻坚？", history=[first]).citations[0].task == 6
        # once the quote showed the task's 论坛, what else there is of it is in another task
        shown = assistant.ask("学术交流活动那项，产业发展论坛要吸引谁来？")
        assert shown.citations[0].task == 3 and "产业发展论坛" in shown.answer, shown.answer
        assert assistant.ask("还有啥论坛？", history=[shown]).citations[0].task == 4


def test_the_words_a_question_points_at_are_its_phrase_and_the_pointer_no_topic(tmp_path):
    """"X这块…": X is the phrase where the plan prints it, though the question's other words keep
    any longer run from holding most of its weight; "X这块有啥安排" asks of X alone."""
    from planqa.assistant import extractive as ex

    with assistant_over(tmp_path, "actions", ACTIONS_PLAN) as assistant:
        def evidence(question):
            return assistant._prepare({"question": question, "plan": None, "history": []}).evidence
        pointed = evidence("产业发展论坛这块学者怎么参与")
        assert ex.plan_phrase("产业发展论坛这块学者怎么参与", pointed.plan_text, pointed.idf, 0.7) == ""
        assert pointed.phrase == "产业发展论坛"
        assert evidence("青年学者这块怎么安排").phrase_is_topic


def test_what_is_asked_of_a_named_task_s_items_is_answered_not_its_list(tmp_path):
    """各项/分别是 ask for a named task's items only when no fact is asked besides (由谁牵头)."""
    led = ACTIONS_PLAN.replace("布设边缘计算节点。", "布设边缘计算节点。（责任单位：市大数据局）")
    with assistant_over(tmp_path, "led", led) as assistant:
        answer = assistant.ask("数据中心行动的各项任务由谁牵头？")
        assert "市大数据局" in answer.answer and "列了2" not in answer.answer, answer.answer
        plan = next(iter(assistant.search.entries.values())).plan
    quoted = ACTIONS_PLAN.replace("（四）专家智库建设", "（四）实施“智库+”行动")
    (tmp_path / "quoted").mkdir()
    with assistant_over(tmp_path / "quoted", "quoted", quoted) as assistant:
        plan = next(iter(assistant.search.entries.values())).plan
        assert structure.task_titled(plan, "实施行动有哪几项") is None  # a verb before the quote: no name



def test_a_task_is_named_by_a_piece_of_its_title_and_its_last_word_after_a_demonstrative(tmp_path):
    """平台建设那个工程 names 平台建设攻坚工程 (its opening, 那个, its last word), 筑基那个行动 the
    task whose title quotes 筑基; an opening too short, a last word of another title or inside a
    longer word (工程师), or the end of a longer name the plan prints (创新平台建设), names none."""
    extra = "三、创新环境\n（一）营造创新氛围\n推进创新平台建设，举办创新活动。\n"
    with assistant_over(tmp_path, "actions", ACTIONS_PLAN + extra) as assistant:
        plan = next(iter(assistant.search.entries.values())).plan
        assert structure.task_titled(plan, "平台建设那个工程有几项内容").title == "平台建设攻坚工程"
        assert structure.task_titled(plan, "筑基那个行动要干什么").title == "数据中心“筑基”行动"
        assert structure.task_titled(plan, "平台建设那项工程有几项内容").title == "平台建设攻坚工程"
        assert structure.task_titled(plan, "平台那个工程有几项内容") is None
        assert structure.task_titled(plan, "平台建设那个行动有几项内容") is None
        assert structure.task_titled(plan, "平台建设那个工程师有几个") is None  # 工程师, no 工程
        assert structure.task_titled(plan, "创新平台建设那个工程有几项内容") is None


DISTRICT_PLAN = ("某区科技局年度工作要点\n全年的总体思路是：坚持“三个面向”，围绕全区发展大局和企业需求，以深化改革为主线，"
                 "一心一意谋发展，聚精会神抓落实，努力实现科技工作转型升级，为全区高质量发展提供有力支撑。\n"
                 "一、平台建设\n1.建设孵化基地\n9月底前，建成区级孵化基地。\n2.实施重点项目\n遴选15个左右重点项目给予支持。\n"
                 "二、科技服务\n3.开展科技下乡\n组织科技人员面向乡镇、面向农户开展三个专题培训。\n4.办好创新大赛\n举办区级创新创业大赛。\n"
                 "5.开展瞪羚企业认定\n到2025年累计认定瞪羚企业100家。\n6.建设示范单位\n对连续3年完成年度考核目标的单位授予示范称号。\n")


def test_a_phrase_only_the_overview_prints_is_answered_there(tmp_path):
    """A slogan the opening words quote and no task prints is cited where it is printed (the
    overview), asked where the plan says it, though a task scores higher (面向…三个); asked what it
    means, or of a phrase a task prints, the task answers."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        answer = assistant.ask("三个面向在哪提到了")
        assert [c.task for c in answer.citations] == [None] and "三个面向" in answer.answer, answer.answer
        assert [c.task for c in assistant.ask("三个面向是什么意思").citations] == [3]  # not asked where
        assert [c.task for c in assistant.ask("创新创业大赛在哪提到了").citations] == [4]


def test_two_clauses_each_asking_a_fact_of_its_own_thing_are_each_answered(tmp_path):
    """"A何时建好，B要遴选多少个": a date of one task and a count of another, each cited; a second
    clause naming nothing of its own, or only a word another task prints (完成), keeps the one task."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        answer = assistant.ask("孵化基地何时建好，重点项目要遴选多少个")
        assert {c.task for c in answer.citations} == {1, 2}, answer.answer
        assert "9月底前" in answer.answer and "15个左右" in answer.answer
        for question, task in (("孵化基地何时建好，要建几个", 1), ("瞪羚企业一共认定多少家，哪年完成", 5)):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations] == [task] and "分别见" not in answer.answer, answer.answer
        # a clause's task that does not state its fact, or another year asked: no clause answered
        assert "分别见" not in assistant.ask("孵化基地何时建好，重点项目给多少补助").answer
        assert assistant.ask("2030年孵化基地何时建好，重点项目要遴选多少个").abstained


def test_two_clauses_each_asking_which_task_are_each_answered(tmp_path):
    """"A在哪一项，B在哪一项": each clause asks where its own thing is, so each is cited, with or
    without 又; a which-task clause after a clause asking something else keeps the one task."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        for question, tasks in (("孵化基地在哪一项，重点项目在哪一项", [1, 2]), ("孵化基地在哪一条，创新大赛又在哪一条", [1, 4])):
            assert [c.task for c in assistant.ask(question).citations] == tasks, question
        assert [c.task for c in assistant.ask("孵化基地何时建好，这是哪一项").citations] == [1]


def test_clauses_naming_the_fact_each_asks_are_each_answered(tmp_path):
    """"A完成时间，还有B数量": no clause asks in words, but each names the fact it asks of its own
    thing, so each is answered from its task; a clause naming no fact (还有B) asks nothing apart."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        answer = assistant.ask("孵化基地完成时间，还有重点项目数量")
        assert [c.task for c in answer.citations] == [1, 2] and "15个左右" in answer.answer, answer.answer
        assert [c.task for c in assistant.ask("孵化基地完成时间，还有重点项目").citations] == [1]
        for question in ("牵头单位，孵化基地完成时间", "为了节省时间，孵化基地完成时间"):  # a clause of no thing
            assert "分别见" not in assistant.ask(question).answer, question


def test_two_topics_asked_which_task_each_is_in_are_named_apart(tmp_path):
    """"A和B分别在哪条", "A跟B是不是一条": each topic's own task, named apart in the order asked,
    not a listing of every task holding their words."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        for question, tasks in (("科技下乡和创新大赛分别在哪条", [3, 4]), ("孵化基地跟重点项目是不是一条", [1, 2])):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations] == tasks and "分别见" in answer.answer, answer.answer


def test_a_task_counted_from_the_plans_end(tmp_path):
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        assert [c.task for c in assistant.ask("倒数第二条讲什么").citations] == [5]


def test_joined_topics_one_naming_a_count_by_its_quantity_word_are_answered_apart(tmp_path):
    """"A的完成时间和B数量分别是": 数量 at the end asks B's count, A's time word its date, so each
    is answered from its own task, though no word after them asks anything."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        answer = assistant.ask("孵化基地完成时间和重点项目数量分别是")
        assert [c.task for c in answer.citations] == [1, 2] and "15个左右" in answer.answer, answer.answer

CHAIN_PLAN = ("某市产业发展年度工作要点\n全年工作的总体要求是：推进“三链协同”，坚持创新驱动，围绕全市发展大局，以深化改革为主线，"
              "努力实现产业提质增效。\n一、产业发展\n1.推动链式发展\n推动产业链、创新链、资金链协同发展，建立链长制协同推进机制。\n"
              "2.培育龙头企业\n遴选10家龙头企业给予支持，带动产业提质增效。\n二、要素保障\n3.强化用地保障\n优先保障重点项目用地。\n"
              "4.加强人才支撑\n引进领军人才100名。\n")


def test_a_phrase_only_the_overview_prints_answers_from_it_only_asked_where_it_is_said(tmp_path):
    """"X在哪提到": the overview that alone prints X; "X有啥举措" asks what is done, which the
    overview's mention of X does not say; X a task prints too, or nothing prints: no overview."""
    with assistant_over(tmp_path, "chain", CHAIN_PLAN) as assistant:
        assert [c.task for c in assistant.ask("三链协同在哪提到").citations] == [None]
        assert [c.task for c in assistant.ask("三链协同有啥举措").citations] != [None]
        assert [c.task for c in assistant.ask("产业提质增效在哪提了").citations] == [2]
        assert [c.task for c in assistant.ask("量子通信在哪提到").citations] != [None]


def test_joined_topics_each_naming_a_fact_of_its_own_are_answered_apart(tmp_path):
    """"A的完成时间和B的规模各是多少": a date of one task and a count of another, each cited with
    its fact, though the whole question asks a date that the second task lacks."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        answer = assistant.ask("孵化基地的完成时间和重点项目的数目各是多少")
        assert [c.task for c in answer.citations] == [1, 2], answer.answer
        assert "9月底前" in answer.answer and "15个左右" in answer.answer
        # one fact asked of both: the task lacking it is not cited for it
        assert [c.task for c in assistant.ask("孵化基地和重点项目分别什么时候完成").citations] == [1]


def test_a_second_question_naming_a_short_word_only_its_task_prints_is_answered_too(tmp_path):
    """Two questions in one message, the second naming its thing by a word of two or three
    characters that one task prints (瞪羚, 下乡): both answered; a second one naming nothing of
    its own leans on the first, which alone answers."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        for question, tasks in (("孵化基地哪个月建好？瞪羚咋认定？", [1, 5]),
                                ("孵化基地几月建成？下乡搞几个专题？", [1, 3]),
                                ("孵化基地哪个月建好？建成后归谁管？", [1])):
            assert [c.task for c in assistant.ask(question).citations] == tasks, question


STATUS_PLAN = ("某区数字产业发展行动方案\n为推动数字产业发展，制定本方案。\n一、发展现状\n全区现有数字企业120余家，2023年实现营业收入45.6亿元。\n"
               "二、重点任务\n（一）培育骨干企业\n到2025年，数字产业营业收入达到80亿元，培育骨干企业10家。\n（二）建设产业园区\n建成数字产业园区2个，投入资金2亿元。\n"
               "三、保障措施\n（一）加强组织领导\n成立工作专班，统筹资金2亿元。\n")


def test_a_figure_the_plan_prints_once_points_at_where_it_stands(tmp_path):
    """A figure the question quotes (45.6亿元) names the place printing it, a part's own text too,
    whatever other words the question has; a figure printed twice names no place."""
    with assistant_over(tmp_path, "status", STATUS_PLAN) as assistant:
        evidence = assistant._prepare({"question": "报告里那个45.6亿元的营收口径是哪年的", "plan": None, "history": []}).evidence
        assert evidence.phrase == "45.6亿元"
        answer = assistant.ask("报告里那个45.6亿元的营收口径是哪年的")
        assert [c.section for c in answer.citations] == ["一"] and "2023年" in answer.answer, answer.answer
        for question in ("那2亿元是哪年的", "那99亿元是哪年的", "那6亿元是哪年的"):  # twice, not at all, in 45.6亿元
            assert assistant._prepare({"question": question, "plan": None, "history": []}).evidence._figure_quoted == ""


PLACE_PLAN = ("青山区数字产业发展行动方案\n为推动数字产业发展，制定本方案。\n一、发展现状\n我区数字产业基础较好，现有数字企业120余家，其中骨干企业8家。\n"
              "二、重点任务\n（一）培育骨干企业\n支持青山区数字企业做大做强，带动集聚发展。\n（二）建设产业园区\n在黄山区建成数字产业园区2个。\n")


def test_the_plans_own_place_asked_by_name_is_no_topic_the_fact_must_hold(tmp_path):
    """"青山区现在有几家…" of a 青山区 plan whose text says 我区: the place its title names is
    said of all of it, as 全区 is; the sentence stating the count answers."""
    with assistant_over(tmp_path, "place", PLACE_PLAN) as assistant:
        answer = assistant.ask("青山区现在大约有几家数字企业")
        assert [c.section for c in answer.citations] == ["一"] and "120余家" in answer.answer, answer.answer
        evidence = assistant._prepare({"question": "黄山区现在有几家数字企业", "plan": None, "history": []}).evidence
        assert "黄山区" in evidence.topic_of("count")  # a place the title does not name stays a topic


def test_after_an_answer_from_the_opening_words_a_question_naming_nothing_asks_of_them(tmp_path):
    """Task 1, then the overview's 总体思路: "要坚持哪三个" asks of the overview just shown, not of
    task 1 further back; "它由谁负责" still points back at task 1."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        history = [assistant.ask("孵化基地哪个月建好")]
        history.append(assistant.ask("全年总体思路讲的啥", None, history=history))
        assert [c.task for c in history[-1].citations] == [None]
        assert [c.task for c in assistant.ask("要坚持哪三个", None, history=history).citations] == [None]
        assert [c.task for c in assistant.ask("它由谁负责", None, history=history).citations] == [1]


EXPO_PLAN = ("某区文旅局年度工作要点\n本年度总的考虑是：围绕全区发展大局和群众需求，以深化改革为主线，坚持创新驱动，"
             "推动文旅融合发展，提升公共服务水平，全力筹办第十届园博会。\n一、文旅融合\n1.建设文旅街区\n全年建成两条文旅街区，"
             "办好全年各类展会。\n2.举办节庆活动\n今年要举办春季赏花节等节庆活动和农产品博览会。\n二、服务保障\n3.提升接待能力\n全年新增星级酒店3家。\n")


def test_a_thing_asked_of_a_phrase_only_the_opening_prints_is_answered_there(tmp_path, monkeypatch):
    """"要筹办哪个会": the opening alone prints 筹办, and a thing is asked of it, though a task
    scores higher (a long opening's meaning is spread thin); also when the kind asked (博览会) is a
    word a task prints. What is done about it, or why, is no thing the opening's mention says;
    the words naming the plan (要点) are no phrase of it."""
    with assistant_over(tmp_path, "expo", EXPO_PLAN) as assistant:
        search = assistant.search.search

        def opening_lowered(*args, **kwargs):
            hits = [replace(h, score=h.score * 0.3) if h.chunk.kind == "overview" else h for h in search(*args, **kwargs)]
            return sorted(hits, key=lambda h: -h.score)

        monkeypatch.setattr(assistant.search, "search", opening_lowered)
        # 博览会: the kind asked, which a task prints; the words naming the plan (这份要点) are none
        for question in ("要筹办哪个会", "要筹办哪些博览会", "这份要点要筹办哪些博览会", "本工作要点要筹办哪个会"):
            answer = assistant.ask(question)
            assert [c.task for c in answer.citations] == [None] and "园博会" in answer.answer, answer.answer
        for question in ("文旅融合发展有啥举措", "为什么要筹办", "本要点列了哪些博览会"):
            assert [c.task for c in assistant.ask(question).citations] != [None], question


def test_topics_asked_apart_are_listed_in_the_order_the_question_names_them(tmp_path):
    """"A和B分别在哪条": A's task first, whichever scores higher."""
    with assistant_over(tmp_path, "district", DISTRICT_PLAN) as assistant:
        assert [c.task for c in assistant.ask("瞪羚企业认定和孵化基地分别在哪条").citations] == [5, 1]
        assert [c.task for c in assistant.ask("孵化基地和瞪羚企业认定分别在哪条").citations] == [1, 5]


COUNTED_ACTIONS_PLAN = ("某市数字经济创新发展行动计划\n为加快数字经济发展，制定本计划。\n一、主要目标\n到2027年，全市数字产业规模达到1000亿元。\n"
                "二、重点任务\n（一）实施数据要素“聚能”行动\n发挥高校、院所、企业等创新主体作用，建设2个创新平台。\n（二）实施算力设施“筑基”行动\n"
                "新建算力中心5个。\n（三）实施应用场景“赋能”行动\n发布100个应用场景。\n"
                "三、重点工程\n（一）实施园区提升工程\n建设5个示范工程。\n（二）实施人才引育工程\n引进团队20个。\n")


def test_a_count_of_the_actions_a_part_named_by_its_title_holds_counts_its_tasks(tmp_path):
    """"重点任务总共有几个创新行动" of a part whose tasks are all titled …行动: its three
    tasks, not a count one of them prints (2个创新平台); a task printing a count of the very thing
    asked (5个示范工程) answers it, whatever its part's tasks are titled."""
    with assistant_over(tmp_path, "actions", COUNTED_ACTIONS_PLAN) as assistant:
        question = "重点任务总共有几个创新行动"
        answer = assistant.ask(question)
        assert [c.task for c in answer.citations] == [1, 2, 3] and "3项" in answer.answer, answer.answer
        # counted before any search, whatever numbers the tasks print
        early = assistant._part_counted(assistant._prepare({"question": question, "plan": "actions", "history": []}), True)
        assert early is not None and [c.task for c in early.citations] == [1, 2, 3]
        answer = assistant.ask("重点工程里示范工程共建几个")
        assert [c.task for c in answer.citations] == [4] and "5个" in answer.answer, answer.answer


CARE_PLAN = ("某县养老服务工作要点\n为提升全县养老服务水平，制定本要点。\n一、居家养老服务\n1.建设社区食堂\n全年新建社区食堂8个，"
             "推动落实《某县养老服务发展规划》。\n2.开展助老培训\n组织志愿者进社区，手把手教老人使用智能手机。\n3.发展上门服务\n"
             "鼓励家政企业提供上门助浴、助洁服务。\n二、保障措施\n4.加强督查\n定期通报各项工作进展情况。\n5.强化经费保障\n"
             "县财政安排专项资金。\n")


def test_what_the_clauses_describe_is_asked_of_no_one(tmp_path):
    """A count or a time said in the clauses that describe the thing ("有多少、住在哪，这个培训
    是怎么回事", "哪项服务是…多少…的") is no fact the task must state: the task answers. "多久…
    通报一次" asks how often (定期), a part named before a thing asked by name ("…那块要落实哪个
    规划") is searched for that thing, and the parts asked for with 大的 and a request to hear each
    are the outline."""
    with assistant_over(tmp_path, "care", CARE_PLAN) as assistant:
        for question, task in (("智能手机用不来的老人有多少、住在哪，这个助老培训是怎么回事", 2),
                               ("哪项服务是帮老人洗澡，一个月上门多少回的？", 3),
                               ("工作进展多久向居民通报一次？", 4),
                               ("居家养老服务那块要落实哪个规划", 1), ("居家养老服务部分要落实哪个规划", 1)):
            answer = assistant.ask(question)
            assert not answer.abstained and [c.task for c in answer.citations][:1] == [task], (question, answer.answer)
        assert "频次：定期" in assistant.ask("工作进展多久向居民通报一次？").answer  # how often, no time
        outline = assistant.ask("这份要点划分为哪几大板块？一个个说")
        assert [c.section for c in outline.citations] == ["一", "二"], outline.answer


PORTAL_PLAN = ("某县政务数字化工作要点\n为加快政务数字化，制定本要点。\n一、平台建设\n1.推进网上办事\n"
                "建成全县网上办事平台，实现事项一网通办。推进电子证照在各乡镇便民服务中心窗口全面应用，减少群众提交的纸质材料。"
                "组织窗口人员分批参加业务培训，提升办事效率与服务质量。梳理高频事项清单，逐项明确办理时限和办理流程。"
                "建立群众办事评价制度，对差评事项限期整改。"
                "推动部门业务系统与省级系统对接，打通数据壁垒。完善自助服务终端布局，延伸到村居和园区。"
                "加强网络安全防护，开展应急演练，确保系统稳定运行。"
                "编制政务服务事项目录，统一事项名称、编码和办理要素。开展政务服务好差评，定期公布评价结果。"
                "推行帮办代办服务，上门办理高龄群众的急事难事。"
                "年底前上线养老预约平台，方便老人办事。\n2.完善数据共享\n建设县级数据共享平台，汇聚部门数据，对接企业ERP系统。\n"
                "二、保障措施\n3.加强考核\n每季度通报进展，督促企业用好ERP系统。建立考核、通报、督办三大机制。开展年度网络安全检查。\n")


def test_more_of_a_thing_comes_first_from_the_task_in_view(tmp_path):
    """"还有别的X吗" after a quote of one task: the task's sentences printing X that the quote did
    not show, the other tasks printing X named as also mentioning it; when the quote showed all
    of them, the other tasks. Every place a Latin term stands is found and the term named as
    printed."""
    with assistant_over(tmp_path, "portal", PORTAL_PLAN) as assistant:
        first = assistant.ask("网上办事平台要实现什么？")
        assert [c.task for c in first.citations][:1] == [1] and "养老预约平台" not in first.answer, first.answer
        more = assistant.ask("还有别的平台吗？", history=[first])
        assert [c.task for c in more.citations] == [1] and "养老预约平台" in more.answer, more.answer
        assert "第2项" in more.answer  # also printed there
        about = assistant.ask("还有别的跟平台有关的吗？", history=[first])  # other things about it: elsewhere
        assert not about.abstained and about.citations[0].task != 1, about.answer
        trained = assistant.ask("窗口人员培训有什么要求？")  # a task titled by the thing is one of them
        again = assistant.ask("还有别的网上办事吗？", history=[trained])
        assert "建成全县网上办事平台" not in again.answer, again.answer
        shared = assistant.ask("数据共享平台汇聚什么？")
        assert [c.task for c in shared.citations][:1] == [2], shared.answer
        others = assistant.ask("还有别的平台吗？", history=[shared])
        assert [c.task for c in others.citations][:1] == [1], others.answer
        every = assistant.ask("找出所有出现ERP的地方")  # a Latin term, named as printed
        assert [c.task for c in every.citations] == [2, 3] and "“ERP”" in every.answer, every.answer


READING_PLAN = ("某区文化工作要点\n一、阅读推广\n1.建设职工书屋\n推动全民阅读，组织职工读书，建设职工书屋，开通阅读公众号。\n"
                "2.办好读书节庆\n举办全民读书月活动，评选书香家庭。\n二、文艺创作\n3.扶持精品创作\n扶持本土题材的舞台剧创作。\n")


def test_a_name_the_task_in_view_does_not_print_is_looked_for_elsewhere(tmp_path):
    """"X要把它…" after another task: X is named, and the task in view does not print it (its
    words, but not 月 of 全民读书月), so the task printing X answers; a bare 它 stays."""
    with assistant_over(tmp_path, "reading", READING_PLAN) as assistant:
        first = assistant.ask("职工书屋怎么建？")
        assert [c.task for c in first.citations][:1] == [1], first.answer
        named = assistant.ask("全民读书月要把它办成啥样", history=[first])
        assert [c.task for c in named.citations][:1] == [2], named.answer
        bare = assistant.ask("它还要组织什么？", history=[first])
        assert [c.task for c in bare.citations][:1] == [1], bare.answer
        printed = assistant.ask("这条里提阅读公众号没", history=[first])  # printed whole by it: it stays
        assert [c.task for c in printed.citations] == [1] and "不在" not in printed.answer, printed.answer


def test_a_name_headed_by_a_character_is_that_thing():
    from planqa.assistant.chain import headed_by_a_character

    assert headed_by_a_character("科技工作者日") and headed_by_a_character("全民读书月")
    assert not headed_by_a_character("职工书屋建")  # a verb after it: no name of its own
    assert not headed_by_a_character("资源共享平台")


ECOLOGY_PLAN = ("某市生态建设实施方案\n为改善生态环境，制定本方案。\n一、总体要求\n（一）指导思想\n坚持绿色发展，统筹治理。\n"
                "二、主要任务\n围绕生态修复，重点实施12项工程，完成30项工作任务，全面改善城乡环境。\n（一）推进湿地修复\n修复城市湿地，建设3个湿地公园。\n"
                "（二）推进荒山绿化\n开展荒山造林，实施封山育林。\n（三）治理水土流失\n建设淤地坝，开展小流域综合治理，所需资金由市、区两级按照1：1比例分担。\n")


def test_a_count_of_a_thing_the_plan_prints_is_not_the_count_of_its_tasks(tmp_path):
    """"工程一共多少项" where a part's lead prints "12项工程": that number (a word of the genre
    such as 工程 counted, not an item word); "一共多少项任务" still counts the tasks. A ratio
    printed (1：1比例) answers the share asked."""
    with assistant_over(tmp_path, "ecology", ECOLOGY_PLAN) as assistant:
        for question in ("重点工程一共多少项", "实施工程一共几项"):
            answer = assistant.ask(question)
            assert "12项工程" in answer.answer and [c.section for c in answer.citations] == ["二"], answer.answer
        for question in ("一共多少项任务", "一共多少项重点工作"):  # the plan's items: its tasks
            assert "共4项任务" in assistant.ask(question).answer, question
        shared = assistant.ask("治理水土流失的钱市里和区里按什么比例出")  # a ratio is a share
        assert not shared.abstained and "1：1" in shared.answer, shared.answer


def test_facts_printed_in_the_genre_s_short_forms_answer(tmp_path):
    """A set named by its size (三大机制) counts, a yearly check (年度…检查) says how often, 时间点
    asks when; money asked after a yes/no (有没有奖补？多少？) is money, which the plan does not give."""
    with assistant_over(tmp_path, "portal", PORTAL_PLAN) as assistant:
        for question, said in (("要建立的机制有几个", "三大"), ("网络安全检查隔多久做一次", "年度网络安全检查"),
                               ("养老预约平台上线的时间点定在何时", "年底前")):
            answer = assistant.ask(question)
            assert not answer.abstained and said in answer.answer, (question, answer.answer)
        for question in ("考核要达到多少分", "每季度通报多少次"):  # 三大 counts the mechanisms, nothing else
            assert assistant.ask(question).abstained, question
        dated = assistant.ask("哪项写了明确的时间点")  # the tasks stating one
        assert [c.task for c in dated.citations] == [1], dated.answer
        money = assistant.ask("养老预约平台有没有奖补？多少？")
        assert money.abstained and "金额" in money.answer, money.answer


SOCIETY_PLAN = ("某市商会年度工作要点\n一、会员服务\n1.推进团体标准编制，提升商会服务水平\n"
                "支持商会承担团体标准编制、行业统计等事务，实施商会服务品质提升工程，增强商会发展动能。\n"
                "2.打造服务园区发展载体\n扩大实施助力园区转型升级发展工程，组织会员企业对接园区，开展精准服务。\n"
                "3.举办行业交流活动\n举办行业年会，编印行业简报。\n二、品牌宣传\n4.推进宣传数字化\n建设商会网站，开发宣传资源。\n"
                "5.建设会员之家\n推进会员之家新址建设，争取资金支持。\n")


def test_a_topic_set_against_the_task_in_view_moves_to_the_task_printing_it(tmp_path):
    """"那X那块呢，Y": X is the topic now; the task in view, which prints Y's words (工程) but not
    X's, does not hold the question; one printing X as well stays."""
    with assistant_over(tmp_path, "society-plan", SOCIETY_PLAN) as assistant:
        first = assistant.ask("团体标准编制搭配的是哪个工程")
        assert first.citations[0].task == 1
        moved = assistant.ask("那园区服务那块呢，实施什么工程", history=(first,))
        assert moved.citations[0].task == 2
        stays = assistant.ask("那行业统计这块呢，搞啥工程", history=(first,))
        assert stays.citations[0].task == 1
