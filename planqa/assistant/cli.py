"""The ``planqa`` command. Every user error is one line on stderr and exit code 2."""

import argparse
import json
import sys
from collections.abc import Sequence

from planqa.assistant.config import Settings, load_settings
from planqa.errors import PlanqaError
from planqa.index.ingest import clean_file, load_plan
from planqa.index.plan import Plan

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: also one line, exit 2
        raise PlanqaError(f"参数错误：{message}（planqa --help 查看用法）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="planqa", description="回答关于计划文件的问题，并注明出自第几项任务。")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("clean", help="输出清洗后的简体文本")
    p.add_argument("file")

    p = sub.add_parser("parse", help="解析计划的结构（--json 输出 Plan JSON）")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="输出 Plan JSON")
    p.add_argument("--plan-id", help="计划 ID（默认取文件名）")
    return parser


def cmd_clean(args: argparse.Namespace, settings: Settings) -> int:
    ingested = clean_file(args.file)
    _note_encoding(ingested.encoding, args.file)
    sys.stdout.write(ingested.text)
    return 0


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    plan, ingested = load_plan(args.file, args.plan_id)
    _note_encoding(ingested.encoding, args.file)
    for warning in plan.warnings:
        print(f"planqa: 警告：{warning}", file=sys.stderr)
    if args.json:
        json.dump(plan.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline(plan))
    return 0


def outline(plan: Plan) -> str:
    lines = [f"《{plan.title}》 {plan.issuer} {plan.date}".rstrip()]
    lines.append(f"共{len(plan.sections)}个部分，{len(plan.tasks)}项任务")
    for s in plan.sections:
        lines.append(f"{s.number}、{s.title}" if s.number else s.title)
        lines += [f"  {t.number}. {t.title}" for t in s.tasks]
    return "\n".join(lines) + "\n"


def _note_encoding(encoding: str, path: str) -> None:
    if encoding not in ("utf-8", "utf-8-sig"):
        print(f"planqa: 提示：{path} 不是 UTF-8，已按 {encoding.upper()} 编码读取", file=sys.stderr)


COMMANDS = {"clean": cmd_clean, "parse": cmd_parse}


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
