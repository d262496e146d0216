"""`planqa eval`: ask question sets, print per-kind metrics, write JSON or an HTML report,
compare two runs, and fail under thresholds (the CI gate)."""

import argparse
import json
import re
import sys
from dataclasses import replace
from pathlib import Path

from planqa.config import Settings
from planqa.errors import PlanqaError
from planqa.eval.questions import (
    bundled_conversations,
    bundled_sets,
    corpus_sets,
    load_any,
    resolve_cites,
)
from planqa.eval.report import render_report
from planqa.eval.runner import run_conversations, run_questions
from planqa.eval.summary import (
    METRICS,
    TOTAL,
    compare_tables,
    format_table,
    misses,
    summarize,
)
from planqa.index.progress import Progress

# Metrics where lower is better: --fail-under is an upper bound for them.
LOWER_IS_BETTER = {"over_list", "false_refusal", "p50_ms", "p95_ms"}
MAX_JOBS = 16
_THRESHOLD = re.compile(r"^(?:([\w-]+):)?([\w@]+)=([0-9.]+)$")


def parse_thresholds(specs: list[str]) -> list[tuple[str, str, float]]:
    out = []
    for spec in specs:
        m = _THRESHOLD.match(spec.strip())
        if not m or m.group(2) not in METRICS:
            raise PlanqaError(f"--fail-under {spec!r} 看不懂：应为 指标=数值（指标：{', '.join(METRICS)}）")
        out.append((m.group(1) or TOTAL, m.group(2), float(m.group(3))))
    return out


def check_thresholds(table: dict, thresholds: list[tuple[str, str, float]]) -> list[str]:
    failures = []
    for kind, metric, bound in thresholds:
        value = table.get(kind, {}).get(metric)
        if value is None:
            failures.append(f"{kind}:{metric} 没有数据（问题集中没有这类问题）")
        elif (value > bound) if metric in LOWER_IS_BETTER else (value < bound):
            relation = "高于上限" if metric in LOWER_IS_BETTER else "低于"
            failures.append(f"{kind}:{metric} = {value:.4g}，{relation} {bound:g}")
    return failures


def _load_run(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return data["table"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as err:
        raise PlanqaError(f"无法读取评测结果 {path}（应是 planqa eval --json 的输出）：{type(err).__name__}") from None


def _plan_asked(store, plan_id: str | None):
    """The plan whose printed labels a set's ``cite`` paths name."""
    entries = store.entries()
    if plan_id:
        entry = store.entry(plan_id)
        if entry is None:
            raise PlanqaError(f"没有这个计划：{plan_id}（planqa index --list 查看）")
        return entry.plan
    if len(entries) != 1:
        raise PlanqaError("问题集按印刷编号（cite）给出出处：请用 --plan 指明是哪个计划")
    return entries[0].plan


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.compare:
        a, b = (_load_run(p) for p in args.compare)
        sys.stdout.write(f"A = {args.compare[0]}\nB = {args.compare[1]}\n" + compare_tables(a, b))
        return 0
    thresholds = parse_thresholds(args.fail_under)
    if not 1 <= args.jobs <= MAX_JOBS:
        raise PlanqaError(f"--jobs 应在 1 到 {MAX_JOBS} 之间（每个进程各载入一份嵌入模型）")
    files = [Path(f) for f in args.files] or [*bundled_sets(), bundled_conversations()]
    questions, conversations = [], []
    for f in files:
        q, c = load_any(f)
        questions += q
        conversations += c
    if not questions and not conversations:
        raise PlanqaError("问题集是空的")

    from planqa.index.store import close_client
    from planqa.services import build_assistant, open_store

    store = open_store(settings)
    try:
        assistant = build_assistant(store, settings)
        assistant.search.mode = args.mode
        if any(q.cite for q in questions) or any(t.cite for c in conversations for t in c.turns):
            plan = _plan_asked(store, args.plan)
            questions = resolve_cites(questions, plan)
            conversations = [replace(c, turns=tuple(resolve_cites(list(c.turns), plan))) for c in conversations]
        with Progress(len(questions) + len(conversations), "评测") as tick:
            if args.jobs > 1:
                from planqa.eval.pool import run_in_pool

                results = run_in_pool(args.jobs, settings, args.mode, questions, conversations, args.plan, tick)
            else:
                results = run_questions(assistant.ask, questions, args.plan, tick)
                results += run_conversations(assistant.ask, conversations, args.plan, tick)
    finally:
        close_client(store.client)

    table = summarize(results)
    wrong = misses(results)
    run_settings = {"mode": args.mode, "embedding": settings.embedding, "jobs": args.jobs,
                    "llm": settings.llm_model or "off", "questions": len(results),
                    "files": ", ".join(f.name for f in files)}
    if args.json:
        json.dump({"settings": run_settings, "table": table, "misses": wrong,
                   "results": [{"id": r.question.id, "kind": r.question.kind, "metrics": r.metrics(),
                                "answer": r.answer.to_json() if r.answer else None, "error": r.error}
                               for r in results]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(table))
        print(f"没答对：{len(wrong)} 题" + ("（--report 查看详情）" if wrong and not args.report else ""))
    if args.report:
        try:
            Path(args.report).write_text(render_report(table, wrong, run_settings), encoding="utf-8")
        except OSError as err:
            raise PlanqaError(f"无法写报告 {args.report}：{err.strerror or err}") from None
        print(f"planqa: 报告已写入 {args.report}", file=sys.stderr)
    failures = check_thresholds(table, thresholds)
    for failure in failures:
        print(f"planqa: 未达标：{failure}", file=sys.stderr)
    return 1 if failures else 0


def _calibration_sets(args: argparse.Namespace, store) -> list[tuple[str, list]]:
    """(plan id, questions) to fit on: the files given (on --plan or the only plan), or the
    bundled sets on the bundled plan and the corpus sets of every indexed corpus plan.
    Conversation turns are left out: a follow-up's own words ("那第5项呢？") are not what
    the refusal line sees once the context fills them in."""
    from planqa.ingest.load import bundled_plan_paths
    from planqa.ingest.source import plan_id_from_path

    if args.files:
        plan = _plan_asked(store, args.plan)
        questions = [q for f in args.files for q in load_any(f)[0]]
        return [(plan.plan_id, resolve_cites(questions, plan))]
    sets = []
    for path in bundled_plan_paths():
        if store.entry(plan_id := plan_id_from_path(path)) is not None:
            sets.append((plan_id, [q for f in bundled_sets() for q in load_any(f)[0]]))
    for plan_id, path in corpus_sets().items():
        if (entry := store.entry(plan_id)) is not None:
            sets.append((plan_id, resolve_cites(load_any(path)[0], entry.plan)))
    return sets


def cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from planqa.assistant.calibration import save_calibration
    from planqa.eval.calibrate import calibrate, gather, measure
    from planqa.index.store import close_client
    from planqa.services import build_assistant, open_store

    store = open_store(settings)
    try:
        search = build_assistant(store, settings).search
        sets = _calibration_sets(args, store)
        total = sum(len(q) for _, q in sets)
        if not total:
            raise PlanqaError("没有可用于校准的问题（问题集是空的，或它们所问的计划没有索引）")
        with Progress(total, "校准") as tick:
            samples = gather(search, sets, tick)
        model = store.embedder.id
    finally:
        close_client(store.client)
    if not any(s.abstain for s in samples) or all(s.abstain for s in samples):
        raise PlanqaError("校准需要既有可回答、又有应拒答（abstain）的问题")
    before, fit = measure(samples, search.calibration), calibrate(samples)
    rows = [("", "现在" + ("" if before.calibration.fitted else "（未校准）"), "拟合"),
            ("dense_weight", f"{before.calibration.dense_weight:g}", f"{fit.calibration.dense_weight:g}"),
            ("min_dense", f"{before.calibration.min_dense:g}", f"{fit.calibration.min_dense:g}"),
            ("min_known", f"{before.calibration.min_known:g}", f"{fit.calibration.min_known:g}"),
            ("检索 top1", f"{before.top1:.3f}", f"{fit.top1:.3f}"),
            ("拒答线拒掉的超范围问题", f"{before.refused:.3f}", f"{fit.refused:.3f}"),
            ("拒答线误拒的可答问题", f"{before.false:.3f}", f"{fit.false:.3f}")]
    print(f"嵌入模型 {model}：{fit.samples} 个问题，{fit.plans} 个计划")
    for name, a, b in rows:
        print(f"{name:<16}{a:>14}{b:>10}")
    if args.dry_run:
        return 0
    try:
        path = save_calibration(model, fit.calibration, settings.home)
    except OSError as err:
        raise PlanqaError(f"无法写入校准文件（PLANQA_HOME={settings.home}）：{err.strerror or err}") from None
    print(f"planqa: 已写入 {path}（planqa ask/serve/eval 下次启动时使用）", file=sys.stderr)
    return 0
