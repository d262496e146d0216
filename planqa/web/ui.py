"""The browser chat (Gradio): answers with their task citations as chips; a chip opens the task's
full text with the quoted sentences highlighted. User and plan text are escaped everywhere."""

import html
import re
from collections.abc import Iterator

import gradio as gr

from planqa.assistant.answer import Answer
from planqa.errors import PlanqaError

EXAMPLES = [
    "哪项任务涉及院士专家工作站？",
    "科技工作者日主题活动是第几项任务？",
    "第五部分有哪些任务？",
    "选取多少个省级学会试点？",
    "工作要点的发布时间是哪天？",
]

CSS = """
#citations .wrap { gap: 6px; }
#citations label { border-radius: 999px !important; padding: 4px 12px !important; }
#task-view mark { background: #fde68a; padding: 0 2px; }
#task-view .meta { color: #6b7280; font-size: 0.9em; }
@media (max-width: 640px) { #send { min-width: 64px !important; } }
"""

_LABEL = re.compile(r"^(第\d+项|第[一二三四五六七八九十]+部分)：")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def escape(text: str) -> str:
    """Text shown as it is: HTML escaped, and markdown syntax neutralised."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_answer(answer: Answer) -> str:
    """Markdown for the chat bubble: the answer, then where it comes from."""
    lines = [f"**{escape(line)}**" if _LABEL.match(line) else escape(line)
             for line in answer.answer.split("\n")]
    body = "  \n".join(lines)
    if answer.citations:
        where = "、".join(f"第{c.task}项" if c.task is not None else escape(c.title) for c in answer.citations)
        body += f"\n\n*出处：{where}*"
    return body


def chip_label(i: int, c: dict) -> str:
    head = f"第{c['task']}项" if c.get("task") is not None else "总体部分"
    title = c.get("title", "")
    return f"{head} {title[:14]}{'…' if len(title) > 14 else ''}"


def render_task(search, citation: dict) -> str:
    """The cited unit's full text, quotes highlighted (escaped first, then marked)."""
    plan = search.entries.get(citation.get("plan"))
    if plan is None:
        return "<p>这个计划已不在索引中。</p>"
    p = plan.plan
    task = next((t for t in p.tasks if t.number == citation.get("task")
                 and p.section_of(t).number == citation.get("section")), None)
    if task is None:
        heading, text, meta = citation.get("title", ""), p.overview, f"《{p.title}》"
    else:
        section = p.section_of(task)
        heading, text = f"第{task.number}项：{task.title}", task.text
        meta = f"《{p.title}》 第{section.number}部分：{section.title}"
    body = html.escape(text)
    for quote in re.split(r"(?<=[。；])", citation.get("quote", "")):
        quote = quote.strip("…").strip()
        if quote and html.escape(quote) in body:
            body = body.replace(html.escape(quote), f"<mark>{html.escape(quote)}</mark>", 1)
    paragraphs = "".join(f"<p>{para}</p>" for para in body.split("\n"))
    return (f"<div class='task'><h3>{html.escape(heading)}</h3>"
            f"<p class='meta'>{html.escape(meta)}</p>{paragraphs}</div>")


def build_ui(assistant) -> gr.Blocks:
    search = assistant.search
    plans = [(f"{e.plan.title}（{pid}）", pid) for pid, e in search.entries.items()]
    with gr.Blocks(title="计划问答助手", analytics_enabled=False) as demo:
        gr.HTML(f"<style>{CSS}</style><h2>计划问答助手</h2>"
                "<p>关于工作要点的问题都可以问；每个回答都会注明出自第几项任务。</p>")
        plan = gr.Dropdown(plans, value=plans[0][1] if plans else None, label="计划",
                           visible=len(plans) > 1, elem_id="plan")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=300):
                chat = gr.Chatbot(label="对话", height=460, elem_id="chat", sanitize_html=True,
                                  buttons=["copy"], feedback_options=None)
                with gr.Row():
                    box = gr.Textbox(show_label=False, placeholder="输入问题，例如：哪项任务涉及院士专家工作站？",
                                     max_length=2000, scale=5, min_width=160, elem_id="question")
                    send = gr.Button("发送", variant="primary", scale=1, min_width=64, elem_id="send")
                cites = gr.Radio(choices=[], label="出处（点击查看原文）", elem_id="citations")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                clear = gr.Button("新对话", size="sm", elem_id="clear")
            with gr.Column(scale=2, min_width=280):
                task_view = gr.HTML("<p class='meta'>点击出处，查看任务原文</p>", elem_id="task-view")
        history = gr.State([])  # Answer JSON of this conversation, for follow-ups
        last = gr.State([])  # citations of the latest answer, for the chips

        def respond(question: str, messages: list, past: list, plan_id: str | None) -> Iterator:
            messages = list(messages or [])
            question = (question or "").strip()
            if not question:
                yield messages, past, gr.update(), [], ""
                return
            messages.append({"role": "user", "content": escape(question)})
            messages.append({"role": "assistant", "content": "……"})
            yield messages, past, gr.update(choices=[], value=None), [], ""
            try:
                answer = None
                written = ""
                for event in assistant.stream(question, plan=plan_id, history=past):
                    if isinstance(event, Answer):
                        answer = event
                    else:
                        written += event
                        messages[-1] = {"role": "assistant", "content": escape(written)}
                        yield messages, past, gr.update(), [], ""
                messages[-1] = {"role": "assistant", "content": render_answer(answer)}
                data = answer.to_json()
                citations = data["citations"]
                choices = [(chip_label(i, c), i) for i, c in enumerate(citations)]
                yield messages, past + [data], gr.update(choices=choices, value=None), citations, ""
            except PlanqaError as err:
                messages[-1] = {"role": "assistant", "content": escape(f"出错了：{err}")}
                yield messages, past, gr.update(choices=[], value=None), [], ""

        def show(choice, citations: list) -> str:
            if choice is None or not citations or choice >= len(citations):
                return gr.update()
            return render_task(search, citations[choice])

        def reset():
            return [], [], gr.update(choices=[], value=None), [], "<p class='meta'>点击出处，查看任务原文</p>"

        outputs = [chat, history, cites, last, box]
        box.submit(respond, [box, chat, history, plan], outputs)
        send.click(respond, [box, chat, history, plan], outputs)
        cites.change(show, [cites, last], task_view)
        clear.click(reset, None, [chat, history, cites, last, task_view])
        plan.change(reset, None, [chat, history, cites, last, task_view])
    return demo
