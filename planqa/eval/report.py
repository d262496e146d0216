"""One self-contained HTML page for people: totals, a bar chart per kind, and every miss."""

import html
from collections.abc import Sequence

from planqa.eval.summary import METRICS, TOTAL

# Chinese names shown to people; the metric's key (what --fail-under and --json use) beside.
METRIC_NAMES = {
    "top1": "首位命中率", "recall@3": "前三召回率", "mrr": "平均倒数排名", "full_recall": "多项全召回率",
    "list_precision": "列举准确率", "over_list": "多列比例", "refusal_precision": "拒答准确率",
    "refusal_recall": "拒答召回率", "false_refusal": "误拒率", "fact": "事实命中率",
    "p50_ms": "延迟中位数（毫秒）", "p95_ms": "延迟 P95（毫秒）",
}
KIND_NAMES = {
    "task_number": "按编号问", "section": "问部分", "keyword": "关键词", "paraphrase": "换说法",
    "fact": "问事实", "multi": "多项任务", "meta": "文件信息", "english": "英文提问",
    "traditional": "繁体提问", "out_of_scope": "超出范围", "followup": "追问（多轮）",
    TOTAL: "全部", "?": "未分类",
}
FAILED_NAMES = {"top1": "首位不对", "full_recall": "漏列任务", "fact": "缺少事实", "refused": "该拒未拒",
                "false_refusal": "误拒", "error": "出错"}

_CSS = """
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;padding:16px;color:#111;max-width:1100px;line-height:1.5}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.2em;margin-top:28px}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}th small,td small{display:block;color:#6b7280;font-weight:normal;font-size:11px}
svg{max-width:100%;height:auto}
.bad{color:#b91c1c}.meta{color:#6b7280}
details{border:1px solid #e5e7eb;border-radius:8px;margin:8px 0;padding:4px 12px}
summary{cursor:pointer;font-weight:600;padding:4px 0}
.miss{border-top:1px solid #f3f4f6;padding:8px 0}.miss:first-of-type{border-top:0}
.miss .q{font-weight:600}.miss .facts{font-size:13px}
.miss .answer{white-space:pre-wrap;background:#f9fafb;border-radius:6px;padding:6px 8px;margin:4px 0;font-size:14px;max-height:12em;overflow:auto}
.tag{display:inline-block;background:#fee2e2;color:#991b1b;border-radius:999px;padding:0 8px;font-size:12px;margin-right:4px}
"""


def _e(value) -> str:
    return html.escape(str(value))


def _fmt(value, column: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}" if column.endswith("_ms") else f"{value:.3f}"
    return str(value)


def _kind(kind: str) -> str:
    name = KIND_NAMES.get(kind)
    return f"{_e(name)} <small>{_e(kind)}</small>" if name else _e(kind)


def bar_chart(table: dict, metric: str = "top1", width: int = 560) -> str:
    """Inline SVG: one bar per kind for ``metric`` (0 … 1); it scales down on a narrow screen."""
    rows = [(k, r.get(metric)) for k, r in table.items() if isinstance(r.get(metric), (int, float))]
    bar_h, gap, label_w = 22, 6, 110
    height = len(rows) * (bar_h + gap) + 10
    total_w = width + label_w + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {total_w} {height}" width="{total_w}" '
             f'role="img" aria-label="{_e(METRIC_NAMES.get(metric, metric))}（{_e(metric)}），按问题类型">']
    for i, (kind, value) in enumerate(rows):
        y = 5 + i * (bar_h + gap)
        w = max(1, int(width * max(0.0, min(1.0, value))))
        color = "#2563eb" if kind != TOTAL else "#111827"
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{_e(KIND_NAMES.get(kind, kind))}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{color}"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{value:.3f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _miss(m: dict) -> str:
    failed = "".join(f'<span class="tag">{_e(FAILED_NAMES.get(f, f))}</span>' for f in m["failed"])
    got = m["got"] or ("拒答" if m["abstained"] else "—")
    facts = f"；应含：{_e('、'.join(m['expected_facts']))}" if m.get("expected_facts") else ""
    quote = f'<div class="meta">引文：{_e(m["quote"][:160])}</div>' if m.get("quote") else ""
    return (f'<div class="miss"><div>{failed}<span class="meta">{_e(m["id"])}</span></div>'
            f'<div class="q">{_e(m["question"])}</div>'
            f'<div class="facts">期望：{_e(m["expected"])}{facts}　得到：<span class="bad">{_e(got)}</span></div>'
            f'<div class="answer">{_e((m["answer"] or "")[:400])}</div>{quote}</div>')


def render_report(table: dict, misses: Sequence[dict], settings: dict) -> str:
    head = "<th>问题类型</th><th>题数 <small>n</small></th>" + "".join(
        f"<th>{_e(METRIC_NAMES.get(c, c))}<small>{_e(c)}</small></th>" for c in METRICS)
    body = "".join(
        "<tr>" + f"<td>{_kind(kind)}</td><td>{row['n']}</td>"
        + "".join(f"<td>{_fmt(row.get(c), c)}</td>" for c in METRICS) + "</tr>"
        for kind, row in table.items()
    )
    groups: dict[str, list[dict]] = {}
    for m in misses:
        groups.setdefault(m["kind"] or "?", []).append(m)
    miss_groups = "".join(
        f"<details><summary>{_e(KIND_NAMES.get(kind, kind))}（{_e(kind)}）：{len(items)} 题</summary>"
        + "".join(_miss(m) for m in items) + "</details>"
        for kind, items in sorted(groups.items(), key=lambda kv: -len(kv[1]))
    )
    settings_text = "，".join(f"{_e(k)}={_e(v)}" for k, v in settings.items())
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>planqa 评测报告</title><style>{_CSS}</style></head>
<body>
<h1>planqa 评测报告</h1>
<p class="meta">{settings_text}</p>
<h2>各类问题的首位命中率（top1）</h2>
{bar_chart(table, "top1")}
<h2>拒答召回率（refusal_recall）</h2>
{bar_chart(table, "refusal_recall")}
<h2>指标</h2>
<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>
<h2>没答对的问题（{len(misses)}）</h2>
<p class="meta">按问题类型分组，点开查看每道题的期望、得到的任务和回答。</p>
{miss_groups}
</body></html>
"""
