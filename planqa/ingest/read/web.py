"""A web page → the text of its article, one paragraph a line.

Government pages wrap the document in navigation, a search box, breadcrumbs, share and print
links, related links and a footer. Scripts, styles and form fields go first, and <nav>, <header>,
<footer>, <aside> and <form> unless one of them holds the article. Then, from <body> down, the element holding most of the page's text that is not link text
is followed while one child holds nearly all of it: that element is the article. Its blocks (p,
div, li, tr, h1–h6, <br>) become lines, except short ones that are mostly links; the page's title (its <h1>, else <title> without the site
name) is put first when the article does not start with it.
"""

import re

from planqa.errors import InputError

_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
         "button", "input", "select", "textarea", "head")
# Page furniture, dropped unless it wraps the article itself (ASP.NET wraps the page in a <form>).
_FURNITURE = ("nav", "header", "footer", "aside", "form")
_BLOCKS = {"p", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
           "h5", "h6", "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center",
           "main", "address", "figure", "figcaption", "hr"}
_CELLS = {"td", "th"}
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACE = re.compile(r"[ \t\r\n\f]+")
_SITE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s[-—–]\s)\s*[^_|｜]{2,40}$")  # 《…》_山东省人民政府
SHARE = 0.7  # a child holding this share of its parent's prose is where the article is
MIN_HAN = 80  # fewer Chinese characters of prose than this: no article on the page


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (<meta charset> or http-equiv)."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii").lower() if m else None


def read_html(html: str, name: str = "输入") -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    title = _page_title(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    body = soup.body or soup
    total = _prose(body)
    for tag in body.find_all(_FURNITURE):
        if not tag.decomposed and _prose(tag) < 0.3 * total:
            tag.decompose()
    article = _article(body)
    lines = _lines(article)
    if sum(len(_HAN.findall(line)) for line in lines) < MIN_HAN:
        raise InputError(f"网页里没有找到正文（只有导航、链接或很少的文字），不像是计划文件：{name}")
    if title and not any(_squash(title) in _squash(line) for line in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines) + "\n"


def _page_title(soup) -> str:
    for h in soup.find_all("h1"):
        text = _squash_spaces(h.get_text(" "))
        if len(_HAN.findall(text)) >= 4:
            return text
    if soup.title and soup.title.string:
        text = _squash_spaces(soup.title.string)
        bare = _SITE_SUFFIX.sub("", text)
        return bare if len(bare) >= 6 else text
    return ""


def _prose(tag) -> int:
    """Chinese characters in ``tag`` that are not inside a link."""
    total = len(_HAN.findall(tag.get_text()))
    links = sum(len(_HAN.findall(a.get_text())) for a in tag.find_all("a"))
    return total - links


def _article(body):
    node = body
    while True:
        total = _prose(node)
        children = [c for c in node.find_all(True, recursive=False)]
        best = max(children, key=_prose, default=None)
        if best is None or total == 0 or _prose(best) < SHARE * total:
            return node
        node = best


def _lines(root) -> list[str]:
    """The blocks under ``root`` as lines; a line that is mostly link text (分享到：微信 微博,
    【打印本页】, 上一篇：…) is the page's, not the plan's, and is left out."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    lines: list[str] = []
    buf: list[tuple[str, bool]] = []  # (text, inside a link)

    def flush():
        text = _squash_spaces("".join(t for t, _ in buf))
        linked = sum(len(t.strip()) for t, in_link in buf if in_link)
        if text and not (linked and linked >= 0.5 * len(text.replace(" ", "")) and len(text) < 80):
            lines.append(text)
        buf.clear()

    def walk(node, in_link: bool):
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                buf.append((str(child), in_link))
            elif isinstance(child, Tag):
                link = in_link or child.name == "a"
                if child.name == "br":
                    flush()
                elif child.name in _CELLS:
                    buf.append(("\t", False))
                    walk(child, link)
                    buf.append(("\t", False))
                elif child.name in _BLOCKS:
                    flush()
                    walk(child, link)
                    flush()
                else:
                    walk(child, link)

    walk(root, False)
    flush()
    return lines


def _squash_spaces(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u3000", " ")
    cells = [_SPACE.sub(" ", c).strip() for c in text.split("\t")]
    return "\t".join(c for c in cells if c)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
