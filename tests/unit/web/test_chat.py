"""The chat's send handler, called as Gradio calls it: what it does to the question box."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from planqa.assistant.answer import Answer
from tests.conftest import SEED
from tests.fakes import hash_assistant


class Writer:
    """The assistant with its answers written in pieces first, as a language model streams them."""

    def __init__(self, assistant):
        self.search = assistant.search
        self._assistant = assistant

    def stream(self, question, **kwargs):
        for event in self._assistant.stream(question, **kwargs):
            if isinstance(event, Answer):
                yield from (event.answer[:5], event.answer[5:])
            yield event


@pytest.fixture(scope="module", params=["extractive", "streamed"])
def chat(request, tmp_path_factory):
    """The send button's handler, where the question box sits among its outputs, and a plan."""
    from planqa.web.ui import build_ui

    async def built(assistant):
        return build_ui(assistant)

    with hash_assistant(tmp_path_factory.mktemp("home"), [SEED]) as assistant:
        if request.param == "streamed":
            assistant = Writer(assistant)
        # Built inside a running loop, as the server builds it (with none running, Gradio makes
        # event loops for its locks that nothing closes), in a thread of its own: this one may
        # run another test's loop already (Playwright's).
        with ThreadPoolExecutor(1) as pool:
            demo = pool.submit(lambda: asyncio.run(built(assistant))).result()
        send = next(f for f in demo.fns.values() if any(e == "click" for _, e in f.targets)
                    and f.name == "respond" and f.inputs[0].elem_id == "question")
        box = [o.elem_id for o in send.outputs].index("question")
        yield send.fn, box, next(iter(assistant.search.entries)), request.param


def box_values(chat, question, plan):
    respond, box = chat[:2]
    return [out[box] for out in respond(question, [], [], plan)]


def test_the_box_empties_when_the_question_is_taken_and_keeps_what_is_typed_after(chat):
    """A user typing the next question while the answer is written must not see it wiped by a
    later step."""
    values = box_values(chat, "哪项任务涉及院士专家工作站？", chat[2])
    assert len(values) == (4 if chat[3] == "streamed" else 2)  # taken, (written,) answered
    assert values[0] == ""
    assert all(isinstance(v, dict) and "value" not in v for v in values[1:]), values


def test_an_error_answer_keeps_what_is_typed_after(chat):
    values = box_values(chat, "第一项是什么？", "no-such-plan")
    assert values[0] == "" and len(values) > 1
    assert all(isinstance(v, dict) and "value" not in v for v in values[1:]), values


def test_an_empty_send_leaves_the_box_alone(chat):
    (value,) = box_values(chat, "   ", chat[2])
    assert isinstance(value, dict) and "value" not in value
