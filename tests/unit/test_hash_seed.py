"""Answers must not depend on PYTHONHASHSEED: nothing that reaches an answer's text may follow
the iteration order of a set. Each check runs in fresh processes under several hash seeds."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SEEDS = ("0", "1", "2", "3", "4")

SCRIPT = r"""
import json
from itertools import combinations
from planqa.assistant.extractive import rank_sentences
from planqa.index.glossary import Glossary, parse_cedict

known = parse_cedict('''
院士 院士 [yuan4 shi4] /academician/
專家 专家 [zhuan1 jia1] /expert/
工作站 工作站 [gong1 zuo4 zhan4] /workstation/
智庫 智库 [zhi4 ku4] /think tank/
思想庫 思想库 [si1 xiang3 ku4] /think tank/
科學 科学 [ke1 xue2] /science/
理科 理科 [li3 ke1] /science/
技術 技术 [ji4 shu4] /technology/
工藝 工艺 [gong1 yi4] /technology/
'''.splitlines())
glossary = Glossary("院士专家工作站，智库，思想库，理科，工艺", known)
question = "Which tasks mention think tanks, academician expert workstations?"
words = "alpha beta gamma delta epsilon".split()
idf = {w: 0.1 * (i + 1) for i, w in enumerate(words)}  # sums whose last bits follow their order
sentences = [" ".join(c) for n in range(1, 6) for c in combinations(words, n)]
print(json.dumps({
    "groups": glossary.english_groups(question),
    "english": list(glossary.english(question)[0].items()),
    "expand": list(glossary.expand("科学技术", plan_words=set()).terms),
    "ranked": [(s, repr(score)) for s, score in rank_sentences("alpha beta gamma delta epsilon", sentences, idf)],
}, ensure_ascii=False))
"""


def test_glossary_and_sentence_ranking_do_not_follow_the_hash_seed():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen([sys.executable, "-c", SCRIPT], cwd=ROOT, env={**env, "PYTHONHASHSEED": seed},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for seed in SEEDS]
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        outputs.append(json.loads(out))
    assert all(o == outputs[0] for o in outputs[1:]), outputs
    assert [terms for _, terms in outputs[0]["groups"][0]] == [["思想库", "智库"], ["院士"], ["专家"], ["工作站"]]
