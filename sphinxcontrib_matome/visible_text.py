"""The text a reader sees in an HTML fragment, normalised for comparison.

Used by ``verify`` on both Hugo's and Sphinx's HTML, so both sides are read the same way:
entities decoded; the content of ``script``/``style``/``title``/``template``/``noscript``
hidden (as a browser hides it); runs of ASCII whitespace folded to one space (U+3000 and
U+00A0 kept); each ``<br>`` one newline; a block boundary one newline unless a ``<br>`` gave
one; spaces around newlines and at both ends removed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
HIDDEN_TAGS = frozenset({"script", "style", "title", "template", "noscript", "head"})
_BREAK = "\x01"
_BLOCK = "\x02"
_SPACE = re.compile(r"[ \t\n\r\f]+")
_MARKS = re.compile("[\x01\x02 ]*[\x01\x02][\x01\x02 ]*")


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append(_BREAK)
        elif tag in BLOCK_TAGS:
            self.parts.append(_BLOCK)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append(_BREAK)
        elif tag in BLOCK_TAGS:
            self.parts.append(_BLOCK)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(_BLOCK)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _marks(match: re.Match[str]) -> str:
    run = match.group(0)
    breaks = run.count(_BREAK)
    return "\n" * breaks if breaks else "\n"


def visible_text(fragment: str) -> str:
    extractor = _Extractor()
    extractor.feed(fragment)
    extractor.close()
    text = _SPACE.sub(" ", "".join(extractor.parts))
    text = _MARKS.sub(_marks, text)
    return text.strip(" \n")
