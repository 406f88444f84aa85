"""HTML output: a ``<figure>`` with the speaker in a ``<figcaption>`` and the words in a
``<blockquote>``, the attribution outside the quoted words as the HTML standard recommends.

The markup is the theming API (documented in ``docs/theming``)::

    <figure class="matome-quote matome-quote--left matome-quote--colored"
            style="--matome-color: #ff5c5c; …">
      <figcaption class="matome-quote__meta">
        <img class="matome-quote__avatar" alt="">
        <span class="matome-quote__user">name</span>
        <a href="url"><time class="matome-quote__time" datetime="…">…</time></a>
      </figcaption>
      <blockquote class="matome-quote__body" cite="url">…</blockquote>
    </figure>
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.search.ja import DefaultSplitter

from . import fields
from .nodes import (
    matome_avatar,
    matome_break,
    matome_header,
    matome_quote,
    matome_time,
    matome_user,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.writers.html5 import HTML5Translator


STYLESHEET = Path(__file__).parent / "assets" / "matome.css"


def quote_style(color_token: str) -> str:
    """The inline custom properties for a validated color token ("" for none)."""
    if not color_token:
        return ""
    color = fields.parse_color(color_token)
    assert color is not None  # the directive stored a valid token
    return fields.palette(color).css(color.css_value)


def visit_quote(self: HTML5Translator, node: matome_quote) -> None:
    classes = [*node["classes"], f"matome-quote--{node.get('align', 'left')}"]
    color = node.get("color", "")
    if color:
        classes.append("matome-quote--colored")
    if node.get("empty"):
        classes.append("matome-quote--empty")
    attributes = {"CLASS": " ".join(classes)}
    style = quote_style(color)
    if style:
        attributes["style"] = style
    # starttag escapes attribute values; ids come from node['ids'].
    self.body.append(self.starttag(node, "figure", **attributes))


def depart_quote(self: HTML5Translator, node: matome_quote) -> None:
    if not node.get("empty"):
        self.body.append("</blockquote>\n")
    self.body.append("</figure>\n")


def visit_header(self: HTML5Translator, node: matome_header) -> None:
    self.body.append('<figcaption class="matome-quote__meta">')
    for child in node.children:
        if isinstance(child, nodes.Text):
            # Punctuation for plain builders ("name:"). Here layout comes from CSS; a plain
            # space keeps the parts apart where CSS is absent (feed readers, reader modes).
            self.body.append(" ")
        elif isinstance(child, matome_time) or (
            child.children and isinstance(child[0], matome_time)
        ):
            self.body.append(" ")  # the time, maybe linked
            child.walkabout(self)
            self.body.append(" ")
        else:
            child.walkabout(self)
    depart_header(self, node)
    raise nodes.SkipNode


def depart_header(self: HTML5Translator, node: matome_header) -> None:
    self.body.append("</figcaption>\n")
    quote = node.parent
    if not quote.get("empty"):
        cite = quote.get("url")
        attributes = f' cite="{self.attval(cite)}"' if cite else ""
        self.body.append(f'<blockquote class="matome-quote__body"{attributes}>\n')


def visit_user(self: HTML5Translator, node: matome_user) -> None:
    self.body.append('<span class="matome-quote__user">')


def depart_user(self: HTML5Translator, node: matome_user) -> None:
    self.body.append("</span>")


def visit_time(self: HTML5Translator, node: matome_time) -> None:
    stamp = node.get("datetime")
    attributes = f' datetime="{self.attval(stamp)}"' if stamp else ""
    text = self.encode(node.get("time_text", ""))
    self.body.append(f'<time class="matome-quote__time"{attributes}>{text}</time>')
    raise nodes.SkipNode  # the text child is the plain builders' "(time):"


def visit_avatar(self: HTML5Translator, node: matome_avatar) -> None:
    self.visit_image(node)


def depart_avatar(self: HTML5Translator, node: matome_avatar) -> None:
    self.depart_image(node)


def visit_break(self: HTML5Translator, node: matome_break) -> None:
    self.body.append("<br />")
    raise nodes.SkipNode


HTML_VISITORS = {
    matome_quote: (visit_quote, depart_quote),
    matome_header: (visit_header, None),
    matome_user: (visit_user, depart_user),
    matome_time: (visit_time, None),
    matome_break: (visit_break, None),
    matome_avatar: (visit_avatar, depart_avatar),
}


def setup_html(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_file)
    app.connect("builder-inited", _link_stylesheet)


def _add_static_file(app: Sphinx, config: Config) -> None:
    # The file itself, not the assets folder: the LaTeX package beside it must not be copied
    # into HTML output (an epub would warn about its unknown type).
    if str(STYLESHEET) not in map(str, config.html_static_path):
        config.html_static_path.append(str(STYLESHEET))


def _link_stylesheet(app: Sphinx) -> None:
    # Only HTML-format builders (html, dirhtml, singlehtml, epub) link the stylesheet.
    if app.builder.format == "html":
        app.add_css_file(STYLESHEET.name)


class JapaneseSplitter(DefaultSplitter):
    """Sphinx's Japanese search splitter (TinySegmenter), about 1.6× faster, same words.

    Splitting every text node for the search index was a third of a migrated archive's build
    time. This is Sphinx's own ``DefaultSplitter.split`` with its own tables, without a method
    call per table lookup and with the character classes cached, so the index — and search —
    stay exactly as they were. Migrated projects name it in ``html_search_options``.
    """

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        self._ctypes: dict[str, str] = {}

    def ctype_(self, char: str) -> str:
        kind = self._ctypes.get(char)
        if kind is None:
            kind = self._ctypes[char] = super().ctype_(char)
        return kind

    def split(self, input: str) -> list[str]:
        if not input:
            return []
        get = dict.get
        up1, up2, up3, bp1, bp2 = self.UP1__, self.UP2__, self.UP3__, self.BP1__, self.BP2__
        uw1, uw2, uw3 = self.UW1__, self.UW2__, self.UW3__
        uw4, uw5, uw6 = self.UW4__, self.UW5__, self.UW6__
        bw1, bw2, bw3 = self.BW1__, self.BW2__, self.BW3__
        tw1, tw2, tw3, tw4 = self.TW1__, self.TW2__, self.TW3__, self.TW4__
        uc1, uc2, uc3 = self.UC1__, self.UC2__, self.UC3__
        uc4, uc5, uc6 = self.UC4__, self.UC5__, self.UC6__
        bc1, bc2, bc3 = self.BC1__, self.BC2__, self.BC3__
        tc1, tc2, tc3, tc4 = self.TC1__, self.TC2__, self.TC3__, self.TC4__
        uq1, uq2 = self.UQ1__, self.UQ2__
        bq1, bq2, bq3, bq4 = self.BQ1__, self.BQ2__, self.BQ3__, self.BQ4__
        tq1, tq2, tq3, tq4 = self.TQ1__, self.TQ2__, self.TQ3__, self.TQ4__
        result = []
        seg = ["B3", "B2", "B1", *input, "E1", "E2", "E3"]
        ctype = ["O", "O", "O", *map(self.ctype_, input), "O", "O", "O"]
        word = seg[3]
        p1 = p2 = p3 = "U"
        for i in range(4, len(seg) - 3):
            w1, w2, w3, w4, w5, w6 = seg[i - 3 : i + 3]
            c1, c2, c3, c4, c5, c6 = ctype[i - 3 : i + 3]
            # The terms of DefaultSplitter.split, in its order (UQ1 twice, as there).
            score = (
                self.BIAS__
                + get(up1, p1, 0) + get(up2, p2, 0) + get(up3, p3, 0)
                + get(bp1, p1 + p2, 0) + get(bp2, p2 + p3, 0)
                + get(uw1, w1, 0) + get(uw2, w2, 0) + get(uw3, w3, 0)
                + get(uw4, w4, 0) + get(uw5, w5, 0) + get(uw6, w6, 0)
                + get(bw1, w2 + w3, 0) + get(bw2, w3 + w4, 0) + get(bw3, w4 + w5, 0)
                + get(tw1, w1 + w2 + w3, 0) + get(tw2, w2 + w3 + w4, 0)
                + get(tw3, w3 + w4 + w5, 0) + get(tw4, w4 + w5 + w6, 0)
                + get(uc1, c1, 0) + get(uc2, c2, 0) + get(uc3, c3, 0)
                + get(uc4, c4, 0) + get(uc5, c5, 0) + get(uc6, c6, 0)
                + get(bc1, c2 + c3, 0) + get(bc2, c3 + c4, 0) + get(bc3, c4 + c5, 0)
                + get(tc1, c1 + c2 + c3, 0) + get(tc2, c2 + c3 + c4, 0)
                + get(tc3, c3 + c4 + c5, 0) + get(tc4, c4 + c5 + c6, 0)
                + get(uq1, p1 + c1, 0) + get(uq2, p2 + c2, 0) + get(uq1, p3 + c3, 0)
                + get(bq1, p2 + c2 + c3, 0) + get(bq2, p2 + c3 + c4, 0)
                + get(bq3, p3 + c2 + c3, 0) + get(bq4, p3 + c3 + c4, 0)
                + get(tq1, p2 + c1 + c2 + c3, 0) + get(tq2, p2 + c2 + c3 + c4, 0)
                + get(tq3, p3 + c1 + c2 + c3, 0) + get(tq4, p3 + c2 + c3 + c4, 0)
            )  # fmt: skip
            p = "O"
            if score > 0:
                result.append(word.strip())
                word = ""
                p = "B"
            p1, p2, p3 = p2, p3, p
            word += seg[i]
        result.append(word.strip())
        return result
