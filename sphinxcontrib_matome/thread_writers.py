r"""Writers of thread nodes: HTML, LaTeX and plain text.

HTML (the theming API of threads; the quote markup itself is unchanged)::

    <div class="matome-thread matome-thread--speaker" id="…">
      <ol class="matome-thread__list">
        <li class="matome-thread__item" value="1">
          <figure class="matome-quote …" id="comment-1">
            <figcaption class="matome-quote__meta">
              <a class="matome-quote__number" href="#comment-1">1</a>
              <span class="matome-quote__avatar matome-quote__avatar--initials">FE</span>
              <span class="matome-quote__user">…</span> <span class="matome-quote__role">OP</span>
              <time …>…</time>
              <a class="headerlink matome-quote__permalink" href="#comment-1" title="…">¶</a>
        <li class="matome-thread__item matome-thread__item--reply" value="2"
            style="--matome-depth: 1" data-parent="1">…
      </ol>
      <details class="sd-dropdown … matome-thread__more">…<ol class="matome-thread__list">…
    </div>

LaTeX: a reply is indented by ``\matomeReplyIndent`` per level (``\matomeDepth``); numbers,
roles and initials are written into the bubble's header band by :mod:`.latex_writer`.
Text: replies are indented three spaces per level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes

from .thread_nodes import (
    matome_initials,
    matome_number,
    matome_permalink,
    matome_role,
    matome_thread,
    matome_thread_item,
    matome_thread_list,
    matome_thread_more,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

ASSETS = Path(__file__).parent / "assets"
STYLESHEET = ASSETS / "matome-thread.css"
SCRIPT = ASSETS / "matome-thread.js"


# --- HTML -------------------------------------------------------------------------------------


def html_visit_thread(self, node: matome_thread) -> None:
    self.body.append(self.starttag(node, "div"))


def html_depart_thread(self, node: matome_thread) -> None:
    self.body.append("</div>\n")


def html_visit_list(self, node: matome_thread_list) -> None:
    self.body.append(self.starttag(node, "ol"))


def html_depart_list(self, node: matome_thread_list) -> None:
    self.body.append("</ol>\n")


def html_visit_item(self, node: matome_thread_item) -> None:
    attributes: dict[str, object] = {"value": node["number"]}
    depth = node.get("depth", 0)
    if depth:
        attributes["CLASS"] = "matome-thread__item--reply"
        attributes["style"] = f"--matome-depth: {int(depth)}"
    if "parent" in node:
        attributes["data-parent"] = node["parent"]
    self.body.append(self.starttag(node, "li", **attributes))


def html_depart_item(self, node: matome_thread_item) -> None:
    self.body.append("</li>\n")


def html_visit_number(self, node: matome_number) -> None:
    href = self.attval("#" + node["refid"])
    self.body.append(f'<a class="matome-quote__number" href="{href}">')


def html_depart_number(self, node: matome_number) -> None:
    self.body.append("</a>")


def html_visit_permalink(self, node: matome_permalink) -> None:
    from .thread import _

    if self.config.html_permalinks and getattr(self.builder, "add_permalinks", True):
        href = self.attval("#" + node["refid"])
        title = self.attval(str(_("Link to this comment")))
        self.body.append(
            f' <a class="headerlink matome-quote__permalink" href="{href}" title="{title}">'
            f"{self.config.html_permalinks_icon}</a>"
        )
    raise nodes.SkipNode


def html_visit_role(self, node: matome_role) -> None:
    self.body.append('<span class="matome-quote__role">')


def html_depart_role(self, node: matome_role) -> None:
    self.body.append("</span>")


def html_visit_initials(self, node: matome_initials) -> None:
    # Decorative like the avatar image (alt=""): the name next to it says who speaks.
    self.body.append(
        self.starttag(
            node, "span", "", CLASS="matome-quote__avatar--initials", **{"aria-hidden": "true"}
        )
    )


def html_depart_initials(self, node: matome_initials) -> None:
    self.body.append("</span>")


def html_visit_more(self, node: matome_thread_more) -> None:
    self.body.append(self.starttag(node, "details"))
    label = self.encode(node.get("label", ""))
    self.body.append(f'<summary class="matome-thread__more-label">{label}</summary>\n')


def html_depart_more(self, node: matome_thread_more) -> None:
    self.body.append("</details>\n")


# --- LaTeX ------------------------------------------------------------------------------------


def latex_visit_thread(self, node: matome_thread) -> None:
    if node["ids"]:
        self.body.append("\n" + self.hypertarget_to(node) + "%\n")


def latex_visit_item(self, node: matome_thread_item) -> None:
    depth = int(node.get("depth", 0))
    if depth:
        self.body.append(f"\n{{\\def\\matomeDepth{{{depth}}}%\n")


def latex_depart_item(self, node: matome_thread_item) -> None:
    if int(node.get("depth", 0)):
        self.body.append("\n}%\n")


def passthrough(self, node: nodes.Node) -> None:
    pass


def skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


# --- text -------------------------------------------------------------------------------------


def text_visit_item(self, node: matome_thread_item) -> None:
    self.new_state(3 * int(node.get("depth", 0)))


def text_depart_item(self, node: matome_thread_item) -> None:
    self.end_state(wrap=False)


PLAIN = {"man": (passthrough, passthrough), "texinfo": (passthrough, passthrough)}


def setup_thread_writers(app: Sphinx) -> None:
    app.add_node(
        matome_thread,
        html=(html_visit_thread, html_depart_thread),
        latex=(latex_visit_thread, passthrough),
        text=(passthrough, passthrough),
        **PLAIN,
    )
    app.add_node(
        matome_thread_list,
        html=(html_visit_list, html_depart_list),
        latex=(passthrough, passthrough),
        text=(passthrough, passthrough),
        **PLAIN,
    )
    app.add_node(
        matome_thread_item,
        html=(html_visit_item, html_depart_item),
        latex=(latex_visit_item, latex_depart_item),
        text=(text_visit_item, text_depart_item),
        **PLAIN,
    )
    app.add_node(matome_number, html=(html_visit_number, html_depart_number))
    app.add_node(matome_role, html=(html_visit_role, html_depart_role))
    app.add_node(matome_permalink, html=(html_visit_permalink, None))
    app.add_node(
        matome_initials,
        html=(html_visit_initials, html_depart_initials),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_node(matome_thread_more, html=(html_visit_more, html_depart_more))
    app.connect("config-inited", _add_static_files)
    app.connect("html-page-context", _link_assets)


def _add_static_files(app: Sphinx, config: Config) -> None:
    for path in (STYLESHEET, SCRIPT):
        if str(path) not in map(str, config.html_static_path):
            config.html_static_path.append(str(path))


#: Classes of the markup the thread stylesheet styles: threads, and the numbers, roles,
#: initials and permalinks that speakers give to quotes anywhere.
_STYLED = (
    "matome-thread",
    "matome-quote__number",
    "matome-quote__role",
    "matome-quote__avatar--initials",
    "matome-quote__permalink",
)


def _link_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: nodes.document | None
) -> None:
    """Link the thread stylesheet and script only from the pages that use them, so a page of
    plain quotes carries neither (added during this event, Sphinx links them for this page
    alone). The page's HTML is already written: a text search is cheaper than a tree walk."""
    body = context.get("body", "")
    if app.builder.format != "html" or not any(name in body for name in _STYLED):
        return
    app.add_css_file(STYLESHEET.name)
    if not app.builder.name.startswith("epub") and "matome-thread__more" in body:
        # Opens the "show more" group holding a linked post, and every group for printing.
        app.add_js_file(SCRIPT.name, defer="defer")
