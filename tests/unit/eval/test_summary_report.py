import pytest

from planqa.assistant.answer import Answer, Citation
from planqa.errors import PlanqaError
from planqa.eval.command import check_thresholds, parse_thresholds
from planqa.eval.questions import Question
from planqa.eval.report import render_report
from planqa.eval.runner import Scored, score
from planqa.eval.summary import TOTAL, compare_tables, misses, summarize


def answer(tasks, abstained=False, text="答", latency=10.0):
    cites = tuple(Citation("p", t, "一", f"任务{t}", f"引文{t}", 1.0) for t in tasks)
    return Answer("问", text, abstained, cites, latency)


RESULTS = [
    Scored(Question("1", "问1", (9,), "keyword"), answer([9], latency=10)),
    Scored(Question("2", "问2", (9, 14), "multi"), answer([14], latency=20)),
    Scored(Question("3", "问3", (), "out_of_scope", abstain=True), answer([], abstained=True, latency=30)),
    Scored(Question("4", "问4", (6,), "fact", answer_any=("20个左右",)), answer([6], text="约20个左右", latency=40)),
    Scored(Question("5", "问5", (5,), "keyword"), answer([], abstained=True, latency=50)),
]


def test_score_of_one_answer():
    assert score(RESULTS[1].question, RESULTS[1].answer) == {
        "false_refusal": 0.0, "top1": 1.0, "recall@3": 0.5, "mrr": 1.0, "full_recall": 0.0,
        "list_precision": 1.0}
    padded = answer([14, 9, 3, 4])  # every expected task, and two that are not
    assert score(RESULTS[1].question, padded)["full_recall"] == 1.0
    assert score(RESULTS[1].question, padded)["list_precision"] == 0.5
    assert score(RESULTS[2].question, RESULTS[2].answer) == {"refused": 1.0}
    assert score(RESULTS[0].question, RESULTS[0].answer)["over_list"] == 0.0
    assert score(RESULTS[0].question, answer([9, 14]))["over_list"] == 1.0  # one task asked, two given
    assert "over_list" not in score(RESULTS[4].question, RESULTS[4].answer)  # refused: counted there
    several = Question("6", "问6", (9, 14), "keyword")  # "哪些任务提到…": no task is the best one
    assert score(several, answer([14, 9]))["top1"] == 1.0
    assert score(Question("7", "问7", (9, 14), "section"), answer([14, 9]))["top1"] == 0.0
    long = answer([6], text="20个左右" + "字" * 400)
    assert score(RESULTS[3].question, long)["fact"] == 0.0  # the fact, but in a too-long answer
    # a listing of the three tasks a question expects may quote each of them
    listing = Question("8", "问8", (6, 9, 14), "multi", answer_any=("20个左右",))
    assert score(listing, answer([6, 9, 14], text="20个左右" + "字" * 600))["fact"] == 1.0
    assert score(listing, answer([6, 9, 14], text="20个左右" + "字" * 800))["fact"] == 0.0
    assert score(listing, answer([6], text="20个左右" + "字" * 600))["fact"] == 0.0  # one task cited: no room
    # a phrase copied from a PDF's text with its spaces, or in full-width digits, is the same fact
    spaced = Question("9", "问9", (6,), "when", answer_any=("2035 到 2050 年", "２０２５年"))
    assert score(spaced, answer([6], text="展望2035到2050年"))["fact"] == 1.0
    assert score(spaced, answer([6], text="到2025年"))["fact"] == 1.0
    assert score(spaced, answer([6], text="到2030年"))["fact"] == 0.0
    # a heading copied with its label is named by its words: 第7项 or 第五部分 print no label
    titled = Question("11", "问11", (7,), "list", answer_any=("7.完善议事规则", "五、扎实推进科普工作"))
    assert score(titled, answer([7], text="第7项：完善议事规则"))["fact"] == 1.0
    assert score(titled, answer([7], text="第五部分“扎实推进科普工作”"))["fact"] == 1.0
    assert score(titled, answer([7], text="第7项：推进网上科协建设"))["fact"] == 0.0
    figure = Question("12", "问12", (7,), "how_many", answer_any=("2.5亿元", "3、4月"))
    assert score(figure, answer([7], text="安排5亿元"))["fact"] == 0.0  # a figure is no label
    assert score(figure, answer([7], text="4月"))["fact"] == 0.0
    months = Question("13", "问13", (7,), "when", answer_any=("三、四月份", "７．完善议事规则"))
    assert score(months, answer([7], text="四月份"))["fact"] == 0.0  # numbers joined, not a label
    assert score(months, answer([7], text="第7项：完善议事规则"))["fact"] == 1.0  # a full-width label
    # a refusal that names the task lacking the fact still answers nothing
    named = score(Question("10", "问10", (6,), "fact", answer_any=("6月底",)), answer([6], abstained=True, text="第6项没写6月底"))
    assert named["false_refusal"] == 1.0 and named["top1"] == 0.0 and named["fact"] == 0.0


def test_summary_per_kind_and_total():
    table = summarize(RESULTS)
    assert list(table)[-1] == TOTAL and table[TOTAL]["n"] == 5
    assert table["keyword"]["top1"] == 0.5 and table["keyword"]["false_refusal"] == 0.5
    assert table[TOTAL]["top1"] == 0.75  # 9 ✓, multi any ✓, fact ✓, refused keyword ✗
    assert table[TOTAL]["refusal_precision"] == 0.5 and table[TOTAL]["refusal_recall"] == 1.0
    assert table[TOTAL]["fact"] == 1.0 and table[TOTAL]["p95_ms"] == 50.0
    assert table["multi"]["full_recall"] == 0.0


def test_misses_and_report_escape_everything():
    wrong = misses(RESULTS)
    assert [m["id"] for m in wrong] == ["2", "5"]
    hostile = [dict(wrong[0], question="<script>alert(1)</script>")]
    page = render_report(summarize(RESULTS), hostile, {"mode": "hybrid"})
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert page.count("<svg") == 2 and "没答对的问题（1）" in page


def test_thresholds():
    table = summarize(RESULTS)
    assert check_thresholds(table, parse_thresholds(["top1=0.7", "false_refusal=0.5"])) == []
    failures = check_thresholds(table, parse_thresholds(["top1=0.9", "keyword:false_refusal=0.1", "english:top1=0.5"]))
    assert len(failures) == 3 and "没有数据" in failures[2]
    with pytest.raises(PlanqaError, match="看不懂"):
        parse_thresholds(["accuracy=0.9"])


def test_compare_shows_deltas():
    a = summarize(RESULTS)
    b = summarize(RESULTS[:1])
    text = compare_tables(a, b)
    assert "0.750 → 1.000 +0.250" in text


def test_report_names_metrics_in_chinese_and_groups_misses():
    wrong = misses(RESULTS)
    page = render_report(summarize(RESULTS), wrong, {"mode": "hybrid"})
    assert "首位命中率<small>top1</small>" in page and "误拒率<small>false_refusal</small>" in page
    assert "关键词 <small>keyword</small>" in page and "全部 <small>total</small>" in page
    # Misses: one collapsed group per kind, each answer once.
    assert page.count("<details>") == len({m["kind"] for m in wrong}) and "<details open" not in page
    assert page.count('class="answer"') == len(wrong) and page.count('class="miss"') == len(wrong)
    assert 'name="viewport"' in page and "<th>回答</th>" not in page


def test_an_answer_citing_a_part_the_question_names_whole_cites_what_it_expects():
    part = Citation("p", None, "二", "二、培养方向", "按照三部委文件…", 1.0)  # the part's lead, no task
    whole = Question("w", "问", (5, 6, 7), "part", parts=(("二", (5, 6, 7)),))
    assert score(whole, Answer("问", "答", False, (part,)))["top1"] == 1.0
    assert score(whole, Answer("问", "答", False, (part,)))["full_recall"] == 1.0
    # a part without numbered tasks is expected by its ref
    bare = Question("b", "问", (), "who", answer_any=("三部委",), parts=(("附件1/二", ()),), expected=("附件1/二",))
    lead = Citation("p", None, "附件1/二", "二、", "三部委", 1.0)
    assert score(bare, Answer("问", "按照三部委文件", False, (lead,))) == {
        "false_refusal": 0.0, "top1": 1.0, "recall@3": 1.0, "mrr": 1.0, "over_list": 0.0, "fact": 1.0}
    # ... but a part's lead answers no question about one task inside it
    one = Question("o", "问", (6,), "paraphrase")
    assert score(one, Answer("问", "答", False, (part,)))["top1"] == 0.0
