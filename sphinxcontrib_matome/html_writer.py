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

from . import fields
from .nodes import (
    matome_avatar,
    matome_break,
    matome_header,
    matome_quote,
    matome_separator,
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
    self.body.append(f'<time class="matome-quote__time"{attributes}>')


def depart_time(self: HTML5Translator, node: matome_time) -> None:
    self.body.append("</time>")


def visit_separator(self: HTML5Translator, node: matome_separator) -> None:
    # Layout comes from CSS; a plain space keeps name and time apart where CSS is absent
    # (feed readers, reader modes).
    self.body.append(" ")
    raise nodes.SkipNode


def visit_avatar(self: HTML5Translator, node: matome_avatar) -> None:
    self.visit_image(node)


def depart_avatar(self: HTML5Translator, node: matome_avatar) -> None:
    self.depart_image(node)


def visit_break(self: HTML5Translator, node: matome_break) -> None:
    self.body.append("<br />")
    raise nodes.SkipNode


HTML_VISITORS = {
    matome_quote: (visit_quote, depart_quote),
    matome_header: (visit_header, depart_header),
    matome_user: (visit_user, depart_user),
    matome_time: (visit_time, depart_time),
    matome_separator: (visit_separator, None),
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
