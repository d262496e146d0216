from itertools import combinations

import pytest

from planqa.assistant import extractive as ex
from planqa.assistant.evidence import KEY_SHARE
from planqa.assistant.llm import check_citations
from planqa.index.chunk import Chunk
from planqa.index.lexical import tagged

IDF = {"选取": 2.0, "学会": 1.0, "试点": 1.5, "完成": 1.5, "改革": 1.0, "院士": 2.5, "工作站": 2.5}


def chunk(body: str) -> Chunk:
    return Chunk("c", "p", "task-6", "task", "6.开展试点\n" + body, body, "二", "部分", 6, "开展试点")


def test_sentences_ranked_by_question_terms_and_answer_type():
    sentences = ["推进学会改革。", "选取20个左右的省级学会先行试点。", "6月底前，完成改革。"]
    ranked = ex.rank_sentences("选取多少个学会试点？", sentences, IDF, marks=["20个"])
    assert ranked[0][0] == "选取20个左右的省级学会先行试点。"
    ranked = ex.rank_sentences("改革什么时候完成？", sentences, IDF, marks=["6月底前"])
    assert ranked[0][0] == "6月底前，完成改革。"


def test_quote_is_exact_text_in_document_order():
    c = chunk("第一句讲别的事情内容。选取20个左右的省级学会先行试点。第三句讲学会试点改革。")
    quote = ex.pick_quote(c, "选取多少个学会试点？", IDF, ["20个"])
    assert quote in c.body
    assert quote.startswith("选取20个左右")


def test_long_sentence_is_quoted_around_the_answering_clause():
    body = "，".join(f"第{i}个并列的分句内容" for i in range(30)) + "，建设院士专家工作站，其余内容。"
    quote = ex.pick_quote(chunk(body), "院士专家工作站", IDF, limit=60)
    assert "院士专家工作站" in quote
    assert quote.startswith("……") and len(quote) <= 66
    assert quote.strip("…") in body


def test_a_list_cut_by_the_window_is_quoted_from_its_first_item():
    """The clauses of a long sentence split at 、 too: a window opening on a later item of a list
    (……院士工作站方案、其他方案) starts at the list's first item instead, the clauses after it giving way."""
    body = ("，".join(f"第{i}个并列的分句内容" for i in range(6)) + "，认真落实学会方案、试点方案、院士工作站方案、其他方案，"
            + "，".join(f"后面第{i}个分句的内容" for i in range(12)) + "。")
    quote = ex.pick_quote(chunk(body), "院士工作站", IDF, limit=60)
    assert quote.startswith("……认真落实学会方案、试点方案、院士工作站方案") and quote.strip("…") in body
    assert len(quote) <= 66


def test_a_list_too_long_to_quote_from_its_first_item_keeps_the_answering_one():
    body = ("认真落实" + "、".join(f"第{i}号专项方案" for i in range(12)) + "、院士工作站方案，"
            + "，".join(f"后面第{i}个分句的内容" for i in range(12)) + "。")
    quote = ex.pick_quote(chunk(body), "院士工作站", IDF, limit=60)
    assert "院士工作站方案" in quote and quote.startswith("……")


def test_mentions_needs_every_term_in_the_tasks_own_words():
    c = chunk("合理布局院士专家工作站建设。")
    assert ex.mentions(c, ["院士", "工作站"])
    assert not ex.mentions(c, ["院士", "智库"])
    assert not ex.mentions(c, [])
    assert ex.mentions(chunk("推动5G+4K/8K超高清在演艺产业应用。"), ["5G", "4k"])  # any case


def test_llm_citations_are_checked_against_the_context():
    drafted = check_citations("见[第9项]和【第14项】，还有（第99项）。", {9, 14})
    assert drafted.cited == (9, 14) and drafted.removed == (99,)
    assert "第99项" not in drafted.text and "[第14项]" in drafted.text


def test_conjunct_terms_split_joined_topics():
    idf = {"科普": 0.2, "社会化": 2.0, "信息化": 2.0, "推进": 0.5, "院士": 1.7}
    assert ex.conjunct_terms("科普社会化和科普信息化分别怎么推进？", idf) == [["社会化", "科普"], ["信息化", "推进", "科普"]]
    assert ex.conjunct_terms("哪些任务涉及院士？", idf) == [["院士"]]  # one topic
    assert ex.conjunct_terms("计划里和院士有关的内容", idf) == [["院士"]]  # 计划里 is no topic


def test_a_joiner_inside_a_word_joins_no_topics():
    from planqa.assistant.rules import joined

    assert joined("涉及海外引才、国际交流的有哪几条") == ["涉及海外引才", "国际交流的有哪几条"]  # 及 of 涉及
    assert joined("学会能参与政府购买服务吗") == ["学会能参与政府购买服务吗"]  # 与 of 参与
    assert joined("问题车辆怎么及时召回") == ["问题车辆怎么及时召回"]
    assert joined("科普社会化和科普信息化") == ["科普社会化", "科普信息化"]
    assert joined("高校或者企业") == ["高校", "企业"]
    idf = {"问题": 1.8, "体系": 1.6, "及时": 1.3, "召回": 2.0}
    assert ex.conjunct_terms("有问题的车及时召回要建哪些体系", idf) == [["召回", "问题", "体系", "及时"]]


def test_joined_topics_share_what_the_first_ones_clause_says_of_them_all():
    idf = {"科协": 0.3, "委员": 1.7, "宣传": 2.0, "联系": 0.9, "服务": 0.3, "青年": 2.3, "培养": 2.8,
           "科技": 0.5, "工作者": 0.6, "协会": 1.5, "研究院": 2.0, "组建": 2.0, "成立": 1.8, "面向": 2.0}
    # 委员 is said of 联系 and 服务 too; 面向 introduces the topic and is none.
    assert ex.conjunct_terms("面向省科协委员的宣传、联系和服务", idf) == [
        ["宣传", "委员", "科协"], ["委员", "联系", "科协"], ["委员", "服务", "科协"]]
    assert ex.conjunct_terms("对省科协委员有哪些联系、服务或者宣传方面的安排", idf)[1] == ["委员", "服务", "科协"]
    assert ex.conjunct_terms("针对青年科技工作者，有哪些培养或宣传方面的安排", idf)[1] == ["青年", "宣传", "工作者", "科技"]
    # A middle part with a question word is no topic alone: nothing is shared.
    idf |= {"省里": 1.0, "计划": 1.0, "学会": 0.5}
    assert ex.conjunct_terms("省里今年计划新成立或组建哪些协会、研究院", idf)[1] == ["组建", "协会"]
    # ... nor a topic with a 的 of its own; a Latin topic is found whatever its case.
    assert ex.conjunct_terms("委员的宣传和学会的服务", idf)[1] == ["学会", "服务"]
    assert ex.conjunct_terms("省科协委员的宣传和服务有哪些具体的措施", idf)[1][:2] == ["委员", "服务"]
    # Of two, what stands before the question word is said of both.
    assert ex.conjunct_terms("对青年科技工作者有哪些支持和宣传？", idf)[1] == ["青年", "宣传", "工作者", "科技"]
    idf |= {"监督": 1.0, "检查": 1.0, "督查": 2.0}  # two topics: the first's length is unknown
    assert ex.conjunct_terms("还有哪些任务讲到监督检查或督查？", idf)[1] == ["督查"]


def test_joined_topics_share_what_the_last_ones_clause_says_of_each_after_du():
    idf = {"学会": 1.5, "高校": 2.0, "服务站": 2.5, "建": 0.8}
    # 都, 全都: what follows is said of every topic, the first too.
    assert ex.conjunct_terms("学会和高校都要建服务站吗", idf) == [["服务站", "学会"], ["服务站", "高校"]]
    assert [t for _, t in ex.conjunct_parts("学会和高校两边都要建服务站吗", idf)] == [
        ["服务站", "学会"], ["服务站", "高校"]]
    assert ex.conjunct_parts("学会和高校两边都要建服务站吗", idf)[0][0] == "学会要建服务站吗"
    assert ex.conjunct_terms("学会和高校全都要建服务站吗", idf)[0] == ["服务站", "学会"]
    # Without such a word the words after the last topic are its own; a topic's 都 of its own
    # word (首都) says nothing of the others.
    assert ex.conjunct_terms("学会和高校要建服务站吗", idf) == [["学会"], ["服务站", "高校"]]
    idf |= {"首都": 2.0}
    assert ex.conjunct_terms("学会和首都服务站", idf) == [["学会"], ["服务站", "首都"]]


@pytest.mark.parametrize("question", ["建设目标写在哪一部分？", "建设目标在哪个章节", "建设目标在哪个板块里"])
def test_where_in_the_document_a_thing_stands_is_no_topic(question):
    # 一部 is a word of a plan that prints "一部不断探寻资源…的历史"
    idf = {"建设": 0.1, "目标": 0.7, "一部": 2.6, "部分": 2.8, "板块": 2.5, "章节": 2.5}
    assert ex.key_terms(question, idf) == ["目标", "建设"]


@pytest.mark.parametrize("question, word", [("第二阶段在哪个节点完成？", "节点"), ("有哪个节能项目？", "节能"),
                                            ("学会要修订哪个章程？", "章程")])
def test_a_word_that_starts_like_a_part_stays_a_topic(question, word):
    assert word in ex.key_terms(question, {word: 2.0, "阶段": 1.0, "项目": 1.0, "学会": 1.0})


def test_conjunct_parts_are_searched_with_the_clause_said_of_them_all():
    idf = {"学会": 0.3, "党建": 2.0, "组织": 0.8, "体制": 1.5, "改革": 0.6, "院士": 1.7}
    (first, first_terms), (second, second_terms) = ex.conjunct_parts("学会这一块，党建和组织体制改革各写在哪一项？", idf)
    # "这一块" is frame: what it refers to (学会) is said of both topics
    assert (first, second) == ("学会，，党建", "学会，，组织体制改革各写在哪一项")
    assert first_terms == ["党建"] and "体制" in second_terms and "学会" not in second_terms  # its own words
    assert ex.conjunct_parts("哪些任务涉及院士？", idf) == []  # one topic
    assert ex.conjunct_parts("院士和专家在哪一项？", idf) == []  # 专家: nothing the plan knows


def test_group_share_counts_a_group_when_any_of_its_terms_is_there():
    c = chunk("建设科技创新智库，发挥院士作用。")
    assert ex.group_share(c, [(2.0, ["思想库", "智库"]), (1.0, ["院士"])]) == 1.0
    assert ex.group_share(c, [(3.0, ["思想库"]), (1.0, ["院士"])]) == 0.25
    assert ex.group_share(c, []) == 0.0
    assert ex.term_share(c, ["智库", "论坛"], {"智库": 1.0, "论坛": 3.0}) == 0.25


def test_plan_phrase_is_the_longest_run_the_plan_has_word_for_word():
    plan = "鼓励学会成立学会群，促进交流。密切与院士的联系。开发省科协官方微信公众号。"
    idf = {"学会": 1.0, "院士": 3.0, "官方": 3.0, "开发": 2.0, "微信": 3.0, "公众": 2.0, "科协": 0.5}
    assert ex.plan_phrase("学会群是什么意思", plan, idf, 0.7) == "学会群"
    assert ex.plan_phrase("哪项任务提到要开发省科协官方微信公众号？", plan, idf, 0.7) == "开发省科协官方微信公众号"
    assert ex.plan_phrase("提到院士的任务有哪些？", plan, idf, 0.7) == ""  # 院士的 is just 院士
    assert ex.plan_phrase("学会和院士", plan, idf, 0.7) == ""  # no run of the plan holds both
    # 有关 of "跟学会有关的" is the relation asked about: no phrase runs into it (学会有序 printed)
    assert ex.plan_phrase("和学会有关的都是哪几条", plan + "推动学会有序承接职能。", idf, 0.7) == ""
    # a term joined by a full-width ＋ as the cleaned plan prints it, typed with + in any case
    wide = "深化“5G＋工业互联网”融合发展。推动工业设备上云。"
    idf = {"5g": 3.0, "工业": 1.0, "互联网": 2.0, "设备": 1.0}
    assert ex.plan_phrase("5G+工业互联网在哪些地方提到", wide, idf, 0.7) == "5G+工业互联网"
    assert ex.plan_phrase("5g＋工业互联网在哪些地方提到", wide, idf, 0.7) == "5g+工业互联网"
    assert ex.bare("“5G＋工业互联网”，") == "5G+工业互联网，"  # Chinese punctuation stays
    # as long as another run, a run starting at a word of the question wins over one starting
    # inside a word (年教师 of 今年|教师节 is printed too, in 青年教师)
    holiday = "支持青年教师成长。办好教师节庆祝活动。"
    assert ex.plan_phrase("今年教师节打算怎么办", holiday, {"教师": 1.0, "青年": 1.5, "庆祝": 2.0}, 0.7) == "教师节"


def test_sentences_with_the_same_terms_tie_exactly_and_keep_document_order():
    # Summed over a set, the last bits of a score (0.1 + 0.2 + 0.3 …) followed the hash seed
    # and broke ties differently from one process to the next.
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    idf = {w: 0.1 * (i + 1) for i, w in enumerate(words)}
    subsets = [list(c) for n in range(2, 6) for c in combinations(words, n)]
    sentences = [" ".join(c) for c in subsets] + [" ".join(reversed(c)) for c in subsets]
    ranked = ex.rank_sentences(" ".join(words), sentences, idf)
    scores = dict(ranked)
    assert all(scores[" ".join(c)] == scores[" ".join(reversed(c))] for c in subsets)
    assert ranked[:2] == [("alpha beta gamma delta epsilon", 1.0), ("epsilon delta gamma beta alpha", 1.0)]


def test_a_chinese_aside_adds_no_key_term_a_latin_gloss_stays():
    idf = {"中国科协": 2.0, "代表": 1.0, "nb": 2.5, "iot": 2.5}
    assert ex.key_terms("哪些任务提到了中国科协（包括中国科协的代表）？", idf) == ["中国科协"]
    assert "代表" in ex.key_terms("哪些任务提到了中国科协和代表？", idf)
    assert "iot" in ex.key_terms("窄带物联网（NB-IoT）在哪些条目出现？", idf)


def test_the_clause_that_states_a_fact():
    sentence = "建立5个创新平台，形成15套系统解决方案；突破50项关键技术。"
    assert ex.clauses_of(sentence, "15套") == ("形成15套系统解决方案",)
    assert ex.clauses_of(sentence, "不在句中") == (sentence,)
    # A time that leads the sentence is said of the clauses after it.
    assert ex.clauses_of("新建5个，改造10个示范点。", "5个") == ("新建5个",)  # not leading: its own clause
    leading = "到2022年底前，老年人享受智能化服务水平显著提升，长效机制基本建立。"
    assert ex.clauses_of(leading, "2022年底前") == ("到2022年底前，老年人享受智能化服务水平显著提升，长效机制基本建立。",)
    # A figure printed twice is said in each of its clauses.
    assert ex.clauses_of("覆盖率达到80%以上，满意度达到80%以上。", "80%以上") == ("覆盖率达到80%以上", "满意度达到80%以上。")
    assert ex.clauses_of("新建5个示范中心，改造15个平台。", "5个") == ("新建5个示范中心",)  # not inside 15个


def test_words_the_plan_lacks_weigh_as_the_rarest():
    idf = {"培育": 1.0, "企业": 0.5, "平台": 2.0}
    weights = ex.topic_weights("要培育多少家上市公司？", idf)
    assert weights["培育"] == 1.0 and weights["上市公司"] == 2.0
    assert ex.text_share("培育5家供应商", weights) == 1.0 / 3.0


def test_glue_and_hedges_are_no_words_of_a_topic():
    # 要建 (a modal jieba glued to a one-character verb) and 大概 are unknown to a plan, but no
    # topic it lacks: weighing them as the rarest would hide the clause that answers
    idf = {"公共服务": 2.0, "平台": 1.0, "申报书": 1.5}
    assert "要建" not in ex.topic_weights("公共服务平台要建几个？", idf)
    assert "大概" not in ex.topic_weights("申报书大概写多少字？", idf)
    assert ex.glued("要建") and not ex.glued("建设") and not ex.glued("上市公司")
    assert not ex.glued("能源") and not ex.glued("会议")  # a modal's character opening a noun
    assert "能源" in ex.topic_weights("能源平台要建几个？", idf)
    assert ex.topic_weights("要培育多少家上市公司？", idf)["上市公司"] == 2.0  # a real unknown word stays

    # a modal (打算), a complement (出来) and unprinted pointing words (那个, 最后) neither
    assert set(ex.topic_weights("标杆企业打算搞出来几家", {"企业": 0.5})) == {"标杆", "企业"}
    assert set(ex.topic_weights("最后那个平台有个名字", idf)) == {"平台", "名字"}
    assert "最后" in ex.topic_weights("最后那个平台", {"最后": 1.0, "平台": 1.0})  # a plan printing it


@pytest.mark.parametrize(("question", "nouns"), [
    ("哪些单位会参与进来？", []),  # 单位 is what 哪些 asks for
    ("最后想形成个什么格局", []),
    ("依据的是哪个文件", []),
    ("主要跟哪里对接？", []),  # a verb only
    ("哪个部门负责科普？", ["科普"]),
    ("青少年这方面呢", ["青少年"]),
    ("都有哪些单位牵头？", []),  # the question word is read before any frame is cut
])
def test_the_nouns_a_question_names_its_topic_by(question, nouns):
    assert ex.topic_nouns(tagged(question)) == nouns


@pytest.mark.parametrize(("question", "bare"), [
    ("主要跟哪里对接？", True), ("要摸清哪些情况", True), ("依据的是哪个文件", True),
    ("巡视整改呢", False),  # opens with its topic, verbs though its words are
    ("那反邪教呢？", False), ("“一岗双责”是哪一项里的？", False), ("网上科协是第几项？", False),
    ("那天单位放不放假？", False),  # 单位 is named, not asked for
    ("其中哪项讲巡视整改？", False),  # it looks for a task by its topic
    ("再问一个：网上科协是第几项？", False),  # an abbreviation is a name
    ("智库平台：要对接哪些单位？", False),  # named before the colon
])
def test_a_question_that_opens_without_a_subject_and_names_nothing(question, bare):
    assert ex.names_nothing(question) is bare


def test_a_verb_opening_a_phrase_is_cut_when_a_noun_phrase_follows():
    # the thing is the topic, whatever a task says is done with it (共建一批协同创新中心)
    assert ex.object_of("建设协同创新中心") == "协同创新中心"
    assert ex.object_of("建设智库") == "建设智库"  # too short to stand alone
    assert ex.object_of("院士专家工作站") == "院士专家工作站"
    assert ex.object_of("建立健全工作机制") == "工作机制"  # the longest verb, then the next
    plan = "建设协同创新中心。支持共建一批协同创新中心。"
    assert ex.plan_phrase("哪些任务提到要建设协同创新中心？", plan, {"协同": 2.0, "创新": 1.0, "中心": 1.0, "建设": 0.5},
                          0.6) == "协同创新中心"


def test_a_topic_glued_to_a_head_naming_no_topic_is_its_own_term():
    # the segmenter may keep 试点工作 whole: a task saying 改革试点 is about 试点 too
    from planqa.index.lexical import BM25Index, content_words

    assert "试点工作" in content_words("哪些任务里有试点工作")
    tasks = ["稳妥推进承接职能试点工作。", "开展省级学会改革试点，积累经验。", "加强科普工作，办好科技周。",
             "做好人才工作，完善评价机制。", "推进网上科协工作，建设数据库。", "强化智库工作，开展调查研究。"]
    idf = BM25Index(tasks).idf
    terms = ex.key_terms("哪些任务里有试点工作", idf)
    assert terms[0] == "试点" and "试点工作" not in terms
    found = [i for i, text in enumerate(tasks)
             if ex.term_share(Chunk("c", "p", f"task-{i}", "task", text, text, "一", "部分", i, ""), terms, idf) >= KEY_SHARE]
    assert found == [0, 1]


def test_words_of_the_asking_are_no_key_terms():
    # how the question asks (有关系, 分别, 明确提到, 的地方有哪些) is no topic, though the plan
    # may print the words: a listing by them would keep only the tasks that happen to say them
    idf = {"院士": 2.0, "关系": 3.0, "论坛": 2.0, "分别": 3.0, "高校": 2.0, "明确": 3.0,
           "平台": 1.0, "地方": 3.0, "明确责任": 3.0}
    assert ex.key_terms("哪些地方跟院士有关系？都列一下", idf) == ["院士"]
    assert ex.key_terms("计划里提到的论坛有哪些，分别在哪一项", idf) == ["论坛"]
    assert ex.key_terms("计划里明确提到高校的有哪些条", idf) == ["高校"]
    assert ex.key_terms("规划里提到平台的地方有哪些？", idf) == ["平台"]
    assert ex.key_terms("计划里提到平台的都有哪些地方？", idf) == ["平台"]
    assert ex.key_terms("哪些条款提到了平台？", {**idf, "条款": 3.0}) == ["平台"]
    assert ex.key_terms("平台是哪一年的目标？", {**idf, "一年": 3.0, "目标": 0.5}) == ["平台", "目标"]
    assert ex.key_terms("提到平台的条款有哪些", {**idf, "条款": 3.0}) == ["平台"]
    assert ex.key_terms("计划里点名的各种平台分别在哪几项", {**idf, "各种": 3.0}) == ["平台"]
    # the plan called by a demonstrative and its noun is where, not what (its noun may be a word
    # of its tasks too: 创新扶持计划)
    assert ex.key_terms("高校出现在这份计划的哪几项里？", {**idf, "计划": 3.0}) == ["高校"]
    assert ex.key_terms("本方案哪几项写了平台", {**idf, "方案": 3.0}) == ["平台"]
    assert ex.key_terms("哪些任务要明确责任", idf) == ["明确责任"]  # where it is the topic


def test_a_phrase_is_said_by_its_words_in_one_sentence_not_across_sentences():
    idf = {"公共数据": 2.0, "授权": 2.5, "运营": 2.0, "管理": 0.5}
    together = chunk("推动完善公共数据管理和授权运营法规政策。")
    apart = chunk("加快公共数据汇聚。探索授权运营模式。")
    assert ex.says_together(together, "公共数据授权运营", idf)
    assert not ex.says_together(apart, "公共数据授权运营", idf)
    assert not ex.says_together(together, "公共数据", idf)  # one word: the phrase itself decides
    idf = {"智慧": 1.0, "城市": 1.0, "旅游": 1.0}
    assert not ex.says_together(chunk("建设智慧旅游城市。"), "智慧城市", idf)  # no coordination


def test_a_verb_glued_to_its_object_is_said_apart_but_a_name_is_not():
    idf = {"开展调查": 3.0, "调查": 2.0, "开展": 0.5, "研究": 1.0, "中国科协": 3.0, "中国": 1.0, "科协": 0.5}
    apart = chunk("开展前瞻研判和调查研究，为决策提供支撑。")
    assert ex.term_share(apart, ["开展调查", "研究"], idf) == 1.0
    assert ex.term_share(chunk("开展研究。"), ["开展调查", "研究"], idf) == 0.25
    # 中国 and 科协 apart are no 中国科协: only a work verb comes off its object
    assert ex.term_share(chunk("面向中国青少年，各级科协组织活动。"), ["中国科协"], idf) == 0.0


def test_a_question_naming_nothing_in_the_task_is_quoted_its_opening():
    c = chunk("推进学会改革。选取20个左右的省级学会先行试点。" + "其余的内容很长。" * 40)
    quote = ex.pick_quote(c, "具体干啥", IDF, limit=60)
    assert quote.startswith("推进学会改革。选取20个左右的省级学会先行试点。") and len(quote) <= 60


def test_a_quote_that_is_only_an_items_heading_reads_on_into_the_item():
    # The heading matches the question best but says nothing: the item's sentences follow it,
    # up to the next item's heading.
    body = ("3.完善数字基础设施。\n加快5G网络建设，推进千兆光网覆盖。责任单位：省通信管理局。\n"
            "4.强化数据安全。\n建立数据安全监测体系。")
    idf = {w: 2.0 for w in ("完善", "数字", "基础设施", "基础", "设施", "5g", "网络", "覆盖", "数据", "安全")}
    quote = ex.pick_quote(chunk(body), "完善数字基础设施由谁负责？", idf)
    assert quote.startswith("3.完善数字基础设施。") and "省通信管理局" in quote
    assert "数据安全" not in quote
    # Run-in headings: the item's heading and text share a line; the next item's label ends it.
    run_in = "（一）完善数字基础设施。加快5G网络建设。\n（二）强化数据安全。建立数据安全监测体系。"
    quote = ex.pick_quote(chunk(run_in), "完善数字基础设施", idf)
    assert "5G网络" in quote and "数据安全" not in quote
    # The item's text as short lines of its own: read on.
    lines = "3.完善数字基础设施。\n加快5G网络建设。\n推进千兆光网覆盖。\n4.强化数据安全。"
    quote = ex.pick_quote(chunk(lines), "完善数字基础设施", idf)
    assert "千兆光网" in quote and "数据安全" not in quote
    deeper = "7.构建智慧社会。\n（1）建设智慧社区。\n（2）发展智慧养老。\n8.强化数据安全。"
    quote = ex.pick_quote(chunk(deeper), "构建智慧社会", {"构建": 2.0, "智慧": 2.0, "社会": 2.0})
    assert "智慧养老" in quote and "数据安全" not in quote  # its sub-items are its own
    # A sentence that says something of its own is quoted alone.
    said = "建设数字基础设施，推进5G网络覆盖全省城乡。\n其他工作另行部署，按年度推进落实。"
    assert ex.pick_quote(chunk(said), "5G网络覆盖", idf) == "建设数字基础设施，推进5G网络覆盖全省城乡。"


def test_an_item_titled_by_its_whole_sentence_is_not_shown_twice():
    sentence = "各省市场监管局牵头，会同工业和信息化主管部门组织本地区申报项目的推荐工作，于2022年6月30日前报送。"
    c = Chunk("c", "p", "task-10", "task", sentence, sentence, "三", "组织实施", 10, sentence, "（四）")
    shown = ex.single_answer(c, sentence)
    assert shown.count("2022年6月30日前") == 1 and "……" in shown.split("\n")[0]
    # A quote of another sentence leaves the title whole: it may hold what was asked.
    other = ex.single_answer(c, "申报材料一式两份。")
    assert "2022年6月30日前" in other.split("\n")[0]
    part = ex.single_answer(c, sentence[:50] + "……")  # a quote of its opening only
    assert "2022年6月30日前" in part.split("\n")[0]


@pytest.mark.parametrize("question, asked", [
    ("开展示范应用要加强与哪些部门协同合作？", True),  # what is asked stands after 与
    ("和哪些单位一起推进？", False),  # nothing joined before it
    ("今年有哪些调查、课题研究安排？", False),
    ("要新成立或组建哪些协会、研究院？", False),
])
def test_a_joined_part_opening_with_the_question_word_is_asked(question, asked):
    assert ex.asks_a_joined_part(question) is asked


@pytest.mark.parametrize("text, made", [("成立山东省科普志愿者协会，发挥作用。", True), ("举办好泰山科技论坛等活动。", True),
                                        ("修订《科学技术协会条例》。", False), ("组建省级专家咨询服务团队。各类行业协会要加强行业自律。", False)])
def test_a_thing_is_made_where_one_sentence_says_so(text, made):
    chunk = Chunk("c", "p", "task-1", "task", text, text, "一", "", 1, "")
    assert ex.says_made(chunk, "协会" if "协会" in text else "论坛", ["成立", "组建", "举办"]) is made


def test_a_quote_under_a_labelled_heading_line_shows_the_heading_but_never_a_sibling_item():
    idf = {"网络": 2.0, "互联": 2.0, "骨干": 2.5, "培训": 2.0}
    under = chunk("主要包括网络架构两个部分。\n（1）网络架构标准\n主要包括厂内网络互联等标准。\n（2）各系统间的接口规范标准\n主要包括数据交互标准。")
    assert ex.pick_quote(under, "网络怎么互联", idf) == "（1）网络架构标准\n主要包括厂内网络互联等标准。"
    siblings = chunk("开展科普工作。\n（1）科普基地建设\n（2）科普人才培养，培训1000名科普骨干。")
    assert "基地" not in ex.pick_quote(siblings, "科普骨干培训多少人", idf)


def test_a_quote_inside_a_numbered_paragraph_shows_its_run_in_heading_once():
    idf = {"数据": 2.0, "共享": 2.5, "采集": 2.5, "体系": 1.5, "人才": 2.0}
    item = chunk("实施生态工程。\n1.培育优质企业。引导企业专业化发展。\n2.推进资源整合。开展调研。加强数据的实时采集。"
                 "鼓励数据安全共享。构建数据体系。\n3.强化人才培养。引导院校加强专业建设。")
    quote = ex.pick_quote(item, "数据要实时采集、能共享", idf)
    assert quote.startswith("2.推进资源整合。\n加强") and quote.count("2.推进资源整合。") == 1
    assert "培育优质企业" not in quote and "强化人才培养" not in quote
    broken = chunk("实施生态工程。\n2.推进资源整合。开展调研，加强数据的\n实时采集。鼓励数据安全共享。")  # a PDF's line break
    assert ex.pick_quote(broken, "数据要实时采集、能共享", idf).startswith("2.推进资源整合。\n")
    alone = chunk("1.培育优质企业。\n引导企业发展。\n2.推进资源整合。\n开展调研。\n加强数据的实时采集。鼓励数据安全共享。")
    assert ex.pick_quote(alone, "数据要实时采集、能共享", idf).startswith("2.推进资源整合。\n")  # a heading line: its body
    after = chunk("1.培育优质企业。引导企业发展。\n全省要加强数据的实时采集。鼓励数据安全共享。")  # another paragraph
    assert "培育优质企业" not in ex.pick_quote(after, "数据要实时采集、能共享", idf)
    bare = chunk("1.智能企业培育\n基本概念：引导企业发展。\n应用场景：开展调研。\n加强数据的实时采集。鼓励数据安全共享。\n"
                 "2.智能人才培养\n基本概念：加强专业建设。")  # a heading line without a stop
    assert ex.pick_quote(bare, "数据要实时采集、能共享", idf).startswith("1.智能企业培育\n")
    prose = chunk("实施生态工程，加强数据的实时采集。鼓励数据安全共享。")  # no numbered paragraph: as it is
    assert ex.pick_quote(prose, "数据要实时采集、能共享", idf).startswith("实施生态工程")


def test_names_of_a_kind_are_words_ending_with_it_not_the_word_inside_a_phrase():
    named = chunk("扩大实施“助力地方创新驱动发展工程”，组织学会对接。实施青年人才托举工程。")
    assert [f.text for f in ex.names_ending(named, "工程")] == ["助力地方创新驱动发展工程", "青年人才托举工程"]
    assert ex.names_ending(chunk("按照工程进度，确保新馆开工。"), "工程") == ()


def test_a_phrase_beyond_its_words_holds_a_character_they_leave_out():
    assert ex.beyond_words("氢燃料", ["燃料"])  # 氢, a word of one character, is no key word
    assert not ex.beyond_words("智库建设", ["智库", "建设"])
    assert not ex.beyond_words("院士的工作站", ["院士", "工作站"])  # 的 is glue


def test_a_part_titles_topic_leaves_out_what_is_done_of_it():
    from planqa.assistant.chain import _topic_of_title

    idf = {"扎实": 1.5, "推进": 0.5, "科协": 0.3, "系统": 1.0, "深化改革": 1.7, "组织": 0.8, "实施": 0.6}
    # 推进 is what is done; 深化改革 opens with such a verb and stands for 改革
    assert _topic_of_title("扎实推进科协系统深化改革", idf) == {"改革": 1.7, "扎实": 1.5, "系统": 1.0, "科协": 0.3}
    assert _topic_of_title("组织实施", idf) == {"组织": 0.8, "实施": 0.6}  # nothing else: all of it


def test_the_topic_a_question_points_at_is_the_printed_end_of_the_words_before_the_pointer():
    text = "发挥退休工程师人才资源作用。推进学会改革。"
    markers, leads = ["这块", "那块", "这部分"], ["关于", "那"]
    assert ex.marked_topic("退休工程师这块资源如何利用", text, markers, leads) == "退休工程师"
    assert ex.marked_topic("关于退休工程师那块的打算", text, markers, leads) == "退休工程师"  # 关于… is not printed
    assert ex.marked_topic("那退休工程师这块呢", text, markers, leads) == "退休工程师"
    assert ex.marked_topic("学会这块的打算", text, markers, leads) == ""  # two characters: no phrase
    assert ex.marked_topic("青年骨干这块的打算", text, markers, leads) == ""  # not printed
    assert ex.marked_topic("退休工程师的打算", text, markers, leads) == ""  # pointed at by nothing
    assert ex.marked_topic("女退休工程师这块的打算", text, markers, leads) == ""  # a part of it is no topic


def test_a_key_word_is_named_as_the_text_prints_it_where_it_stands_whole():
    from planqa.assistant.extractive import printed_form
    assert printed_form("mes", ["接入生产执行系统(MES)。"]) == "MES"
    assert printed_form("ai", ["发邮件至Email邮箱。", "推广AI应用。"]) == "AI"  # not the ai of Email
    assert printed_form("ai", ["发邮件至Email邮箱。"]) == "ai"  # printed nowhere whole: as it came
    assert printed_form("5g基站", ["建设5G基站。"]) == "5G基站"
    assert printed_form("智慧园区", ["建设智慧园区。"]) == "智慧园区"
