"""The ``planqa`` command. Every user error is one line on stderr and exit code 2."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planqa.config import Settings, load_settings
from planqa.errors import PlanqaError
from planqa.ingest.load import clean_file, load_plan
from planqa.ingest.plan import Plan

if TYPE_CHECKING:
    from planqa.index.store import PlanEntry

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: also one line, exit 2
        raise PlanqaError(f"参数错误：{message}（planqa --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planqa", description="回答关于计划文件的问题，并注明出自第几项任务。")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("clean", help="输出清洗后的简体文本（.txt 任意编码、.docx、.pdf、.html）")
    p.add_argument("file")

    p = sub.add_parser("parse", help="解析计划的结构（--json 输出 Plan JSON）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="输出 Plan JSON")
    p.add_argument("--plan-id", help="计划 ID（默认取文件名）")

    p = sub.add_parser("index", help="建立或更新索引（不给文件：随包附带的计划）")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--plan-id", help="计划 ID（默认取文件名；只能和一个文件一起用）")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="列出已索引的计划")
    group.add_argument("--remove", metavar="ID", help="删除一个计划的索引")
    group.add_argument("--rebuild", action="store_true", help="用当前嵌入模型重建全部索引")

    p = sub.add_parser("eval", help="用问题集评测（不给文件：随包附带的问题集和对话）")
    p.add_argument("files", nargs="*", metavar="QUESTIONS.jsonl")
    p.add_argument("--plan", help="只在这个计划里找答案")
    p.add_argument("--json", action="store_true", help="输出机器可读的 JSON（可供 --compare）")
    p.add_argument("--report", metavar="PATH", help="写一份 HTML 报告")
    p.add_argument("--mode", choices=["hybrid", "dense", "lexical"], default="hybrid", help="检索方式")
    p.add_argument("--compare", nargs=2, metavar=("A.json", "B.json"), help="并排比较两次 --json 的结果")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="用 N 个进程并行提问（默认 1；大于 1 时耗时数字不可与单进程比较）")
    p.add_argument("--fail-under", action="append", default=[], metavar="METRIC=VALUE",
                   help="指标低于此值则退出码为 1，如 top1=0.95 或 paraphrase:top1=0.8（false_refusal 为上限）")

    p = sub.add_parser("calibrate", help="为当前嵌入模型拟合检索权重和拒答阈值（换模型后运行一次）")
    p.add_argument("files", nargs="*", metavar="QUESTIONS.jsonl",
                   help="有标准答案的问题集（默认：随包附带的问题集，以及已索引计划的语料问题集）")
    p.add_argument("--plan", help="问题集所问的计划（给出文件时）")
    p.add_argument("--dry-run", action="store_true", help="只显示拟合结果，不写入")

    p = sub.add_parser("serve", help="启动聊天页面和 REST API（与 python app.py 相同）")
    p.add_argument("--host", help="监听地址（默认 127.0.0.1，或 PLANQA_HOST）")
    p.add_argument("--port", type=int, help="端口（默认 7860，或 PLANQA_PORT）")

    p = sub.add_parser("ask", help="提问（--json 输出 Answer JSON；--jsonl 批量）")
    p.add_argument("question", nargs="?")
    p.add_argument("--plan", help="只在这个计划里找答案（计划 ID）")
    p.add_argument("--json", action="store_true", help="输出 Answer JSON")
    p.add_argument("--jsonl", metavar="FILE", help="每行一个 JSON 问题（{\"question\", \"id\"}），- 为标准输入")
    return parser


def cmd_clean(args: argparse.Namespace, settings: Settings) -> int:
    ingested = clean_file(args.file, settings.max_file_bytes)
    _note_encoding(ingested.encoding, args.file)
    sys.stdout.write(ingested.text)
    return 0


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    plan, ingested = load_plan(args.file, args.plan_id, settings.max_file_bytes)
    _note_encoding(ingested.encoding, args.file)
    for warning in plan.warnings:
        print(f"planqa: 警告：{warning}", file=sys.stderr)
    if args.json:
        json.dump(plan.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline(plan))
    return 0


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    # Chroma and the embedder load in about a second: only the commands that need them pay.
    from planqa.index.build import index_files, rebuild, remove_plan
    from planqa.index.lock import index_lock
    from planqa.index.store import close_client
    from planqa.services import open_store

    if (args.list or args.remove or args.rebuild) and (args.files or args.plan_id):
        raise PlanqaError("--list、--remove、--rebuild 不能和文件或 --plan-id 一起使用")
    if args.list:
        store = open_store(settings)
        try:
            sys.stdout.write(format_entries(store.entries()))
        finally:
            close_client(store.client)
        return 0
    # Lock before opening: a second run must see what the first one wrote.
    with index_lock(settings.home):
        store = open_store(settings)
        try:
            if args.remove:
                removed = remove_plan(store, args.remove)
                print(f"已删除计划 {args.remove}（{removed} 条向量）")
                return 0
            if args.rebuild:
                reports = rebuild(store)
            else:
                reports = index_files(store, [Path(f) for f in args.files], args.plan_id,
                                      max_bytes=settings.max_file_bytes)
        finally:
            close_client(store.client)
    for r in reports:
        state = "已更新" if r.changed else "没有变化"
        print(f"{state} {r.plan_id}{f'《{r.title}》' if r.title else ''}：{r.chunks} 块，新嵌入 {r.embedded} 条，"
              f"删除旧向量 {r.removed} 条（{r.seconds:.1f} 秒）")
    return 0


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from planqa.eval.command import cmd_eval

    return cmd_eval(args, settings)


def _cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from planqa.eval.command import cmd_calibrate

    return cmd_calibrate(args, settings)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from planqa.web.server import check_port, serve

    overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    settings = settings.model_copy(update=overrides) if overrides else settings
    check_port(settings.host, settings.port)
    print(f"planqa: 聊天页面 http://{settings.host}:{settings.port}{settings.root_path}/", file=sys.stderr)
    serve(settings)
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from planqa.index.store import close_client
    from planqa.services import build_assistant, open_store

    if (args.question is None) == (args.jsonl is None):
        raise PlanqaError("请给出一个问题，或用 --jsonl FILE 批量提问（二者选一）")
    lines = _jsonl_lines(args.jsonl) if args.jsonl else None
    store = open_store(settings)
    try:
        assistant = build_assistant(store, settings)
        if lines is None:
            answer = assistant.ask(args.question, plan=args.plan)
            if args.json:
                print(json.dumps(answer.to_json(), ensure_ascii=False))
            else:
                sys.stdout.write(format_answer(answer))
            return 0
        return ask_lines(assistant, lines, args.plan)
    finally:
        close_client(store.client)


def _jsonl_lines(source: str) -> list[str]:
    if source == "-":
        return sys.stdin.read().splitlines()
    from planqa.ingest.source import (
        read_plan_file,  # same decoding and messages as plan files
    )

    return read_plan_file(source).text.splitlines()


def ask_lines(assistant, lines: list[str], plan: str | None) -> int:
    """One Answer JSON per input line; a bad line gets an error object and exit code 1."""
    failed = 0
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise ValueError("每行应是含字符串字段 question 的 JSON 对象")
            item_id = item.get("id")
            out = assistant.ask(item["question"], plan=item.get("plan", plan), id=item_id).to_json()
        except (ValueError, PlanqaError) as err:
            failed += 1
            reason = f"不是有效的 JSON：{err.msg}" if isinstance(err, json.JSONDecodeError) else str(err)
            out = {"id": item_id, "line": n, "error": f"第 {n} 行：{reason}"}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def format_answer(answer) -> str:
    lines = [answer.answer, ""]
    for c in answer.citations:
        where = c.place
        lines.append(f"出处：{c.plan} {where}《{c.title}》 相关度 {c.score:.2f}")
    lines.append(f"（{answer.latency_ms:.0f} 毫秒）")
    return "\n".join(lines) + "\n"


def format_entries(entries: "list[PlanEntry]") -> str:
    if not entries:
        return "还没有索引任何计划（运行 planqa index）\n"
    lines = []
    for e in entries:
        p = e.plan
        lines.append(f"{p.plan_id}\t{p.name}\t{len(p.body)}个部分\t{len(p.body_tasks)}项任务\t"
                     f"{len(e.chunk_ids)}块\t{e.embedder}\t{e.indexed_at}")
    return "\n".join(lines) + "\n"


def outline(plan: Plan) -> str:
    """The outline as printed (labels), with the plan's task number where the printed one differs
    (numbering that restarts per part), lead units, and the first line of the end matter."""
    from planqa.ingest.grammar import grammar

    head = " ".join(x for x in (f"《{plan.title or '（无标题）'}》", plan.issuer, plan.date, plan.doc_number) if x)
    lines = [head, f"共{len(plan.body)}个部分，{len(plan.body_tasks)}项任务"
             + (f"，{len(plan.attachments)}个附件" if plan.attachments else "")]
    attachment = ""
    for s in plan.sections:
        if s.attachment != attachment:  # an attachment's heading before its parts
            attachment = s.attachment
            lines.append(next(a.name for a in plan.attachments if a.label == attachment))
        if not (s.attachment and not s.label and s.title == plan.attachment_title(s.attachment)):
            lines.append(f"{s.label}{s.title}" if s.label else (s.title or "（不分部分）"))
        for t in s.tasks:
            label = grammar().label(f"{t.label}{t.title}") if t.label else None
            number = "" if label and label.value == t.number else f"（第{t.number}项）"
            leads = f"  责任单位：{'、'.join(t.leads)}" if t.leads else ""
            lines.append(f"  {t.label or f'{t.number}.'}{t.title}{number}{leads}")
    if plan.end_matter:
        first = plan.end_matter.split("\n")
        more = f" 等{len(first)}行" if len(first) > 1 else ""
        lines.append(f"文末：{first[0][:40]}{more}")
    return "\n".join(lines) + "\n"


def _note_encoding(encoding: str, path: str) -> None:
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        print(f"planqa: 提示：{path} 不是 UTF-8，已按 {encoding.upper()} 编码读取", file=sys.stderr)


COMMANDS = {
    "clean": cmd_clean, "parse": cmd_parse, "index": cmd_index, "ask": cmd_ask,
    "eval": _cmd_eval, "calibrate": _cmd_calibrate, "serve": cmd_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="replace")
    try:
        args = build_parser().parse_args(argv)
        settings = load_settings()
        return COMMANDS[args.command](args, settings)
    except PlanqaError as err:
        print(f"planqa: 错误：{err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("planqa: 已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): nothing more to say
        return 0


if __name__ == "__main__":
    sys.exit(main())
