import io

from planqa.index.progress import Progress


def test_draws_a_bar_when_enabled():
    out = io.StringIO()
    with Progress(4, "嵌入", stream=out, enabled=True) as tick:
        tick(2)
        tick(2)
    text = out.getvalue()
    assert "\r嵌入 " in text and "2/4" in text and "4/4" in text and text.endswith("\n")


def test_silent_when_not_a_terminal_or_nothing_to_do():
    out = io.StringIO()  # StringIO is no terminal
    with Progress(4, "嵌入", stream=out) as tick:
        tick(4)
    with Progress(0, "嵌入", stream=out, enabled=True) as tick:
        pass
    assert out.getvalue() == ""
