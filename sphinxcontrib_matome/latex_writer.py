r"""LaTeX output of quotes: a ``matomebubble`` environment from ``sphinxcontribmatome.sty``.

A quote becomes::

    \begin{matomebubble}[unbreakable,matome left]{FF5C5C}{FFEFEF}{000000}{name}{time}
    \label{…}  body…
    \end{matomebubble}

* Every piece of user text goes through the translator's own visitors or ``encode()``
  (Sphinx's engine-aware escaping); the color is re-validated with :func:`fields.parse_color`
  and written as ``RRGGBB`` only, its tint and text color from :func:`fields.palette` so HTML
  and PDF agree. An empty color leaves the three color arguments empty: the neutral bubble.
* Short bodies are ``unbreakable`` (tcolorbox would otherwise orphan a line at a page
  foot); long ones break, and each part says it continues.
* The avatar is the header's ordinary image node, copied by the builder like any image; only
  a plain copied file name is written into ``\includegraphics``.
* sphinx-design dropdowns (the migrated ``details`` groups) fall back to a rubric and their
  content in LaTeX; :class:`PrintDetailsLabels` turns the rubric of a dropdown that holds
  quotes into a small label kept with the first quote, so the open group keeps its summary.
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import fields
from .nodes import (
    header_parts,
    matome_break,
    matome_header,
    matome_quote,
    matome_time,
    matome_user,
)
from .thread_nodes import matome_initials, matome_number, matome_permalink, matome_role

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

#: The LaTeX package shipped with the extension (``assets/sphinxcontribmatome.sty``).
PACKAGE = "sphinxcontribmatome"
STY = Path(__file__).parent / "assets" / f"{PACKAGE}.sty"

#: A body estimated at no more than this many lines never splits across pages: about a
#: quarter of an A4 page, so keeping it whole costs little paper and never overflows a page.
MAX_UNBREAKABLE_LINES = 12
#: Width units (a Latin character is 1, a CJK character 2) of one line inside a bubble:
#: a bubble in Sphinx's default A4/letter text block holds about 36-38 CJK characters.
LINE_UNITS = 74
#: Lines an image or a table counts as: a bubble holding one may break (around it).
BLOCK_LINES = MAX_UNBREAKABLE_LINES + 1

#: Copied image names the avatar may use (Sphinx copies images flat into the output directory).
_SAFE_FILE = re.compile(r"[A-Za-z0-9_.+-]+")


# --- quote ------------------------------------------------------------------------------------


def _braced(tex: str) -> str:
    return "{" + tex + "}"


def _hex(token: str) -> str:
    """``RRGGBB`` of a validated color token; raises ValueError for anything else."""
    color = fields.parse_color(token)
    return "" if color is None else color.hex[1:].upper()


def color_arguments(token: str) -> str:
    """``{accent}{tint}{on accent}``, each ``RRGGBB``; three empty groups for no color."""
    try:
        color = fields.parse_color(token or "")
    except ValueError:
        color = None  # the directive warned already; never pass an unchecked value to TeX
    if color is None:
        return "{}{}{}"
    palette = fields.palette(color)
    values = (color.hex, palette.background, palette.on_accent)
    return "".join(_braced(_hex(value)) for value in values)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def estimated_lines(quote: matome_quote) -> int:
    """A rough count of the lines the body needs, to decide whether it may break."""
    lines = 0
    for child in quote.children:
        if isinstance(child, matome_header):
            continue
        lines += _block_lines(child)
        if lines > MAX_UNBREAKABLE_LINES:
            break
    return lines


def _block_lines(node: nodes.Node) -> int:
    if isinstance(node, (nodes.image, nodes.figure, nodes.table)):
        return BLOCK_LINES
    if isinstance(node, nodes.FixedTextElement):  # literal blocks keep their lines
        return node.astext().count("\n") + 2
    if isinstance(node, nodes.TextElement):
        lines = 1 + sum(1 for _ in node.findall(matome_break))
        lines = max(lines, math.ceil(_width(node.astext()) / LINE_UNITS))
        return lines + sum(BLOCK_LINES for _ in node.findall(nodes.image))
    if isinstance(node, nodes.Element):
        return sum(_block_lines(child) for child in node.children)
    return 0


def _render(self: LaTeXTranslator, children: list[nodes.Node]) -> str:
    """The LaTeX the translator writes for ``children``, captured instead of emitted."""
    saved = self.body
    self.body = []
    try:
        for child in children:
            child.walkabout(self)
        return "".join(self.body).strip()
    finally:
        self.body = saved


def _avatar_option(self: LaTeXTranslator, image: nodes.image) -> str:
    """``matome avatar={{name}.ext}`` for a copied avatar, "" when there is none to include."""
    uri = self.builder.images.get(image["uri"])
    if not uri or "://" in uri or not _SAFE_FILE.fullmatch(uri):
        return ""
    path = Path(uri)
    return "matome avatar={{" + path.stem + "}" + path.suffix + "}"


def header_arguments(self: LaTeXTranslator, quote: matome_quote) -> tuple[str, str, str]:
    """(name, time, avatar option) of a quote, each rendered by the translator."""
    header = header_parts(quote)
    name = self.encode(quote.get("user", ""))
    time, avatar = "", ""
    if header is None:
        return name, time, avatar
    number, role = "", ""
    for child in header.children:
        if isinstance(child, nodes.image):
            avatar = _avatar_option(self, child)
        elif isinstance(child, matome_user):
            name = _render(self, child.children)
        elif isinstance(child, (nodes.Text, matome_permalink)):  # punctuation for plain text
            continue
        elif isinstance(child, matome_number):  # a thread's post number, before the name
            number = r"\matomenumber{" + _render(self, child.children) + "}"
        elif isinstance(child, matome_role):  # the registry's role, after the name
            role = r"\matomerole{" + _render(self, child.children) + "}"
        elif isinstance(child, matome_initials):  # a generated avatar
            avatar = "matome initials={" + self.encode(child.astext()) + "}"
        else:  # the time, or the reference around it
            time += _render(self, [child])
    return number + name + role, time, avatar


def visit_quote(self: LaTeXTranslator, node: matome_quote) -> None:
    name, time, avatar = header_arguments(self, node)
    options = ["matome right" if node.get("align") == "right" else "matome left"]
    if avatar:
        options.append(avatar)
    if node.get("empty"):
        options.append("matome empty")
    if estimated_lines(node) <= MAX_UNBREAKABLE_LINES:
        options.append("unbreakable")
    arguments = color_arguments(node.get("color", "")) + _braced(name) + _braced(time)
    self.body.append(f"\n\\begin{{matomebubble}}[{','.join(options)}]{arguments}\n")
    if node["ids"]:
        self.body.append(self.hypertarget_to(node) + "%\n")


def depart_quote(self: LaTeXTranslator, node: matome_quote) -> None:
    self.body.append("\n\\end{matomebubble}\n")


def skip(self: LaTeXTranslator, node: nodes.Node) -> None:
    """The header is written as the environment's arguments by :func:`visit_quote`."""
    raise nodes.SkipNode


def visit_passthrough(self: LaTeXTranslator, node: nodes.Node) -> None:
    pass


def visit_time(self: LaTeXTranslator, node: matome_time) -> None:
    # The bubble sets the time apart; the text child is the plain builders' "(time):".
    self.body.append(self.encode(node.get("time_text", "")))
    raise nodes.SkipNode


def visit_break(self: LaTeXTranslator, node: matome_break) -> None:
    # \leavevmode: a body may start with <br>, where a bare \newline has "no line to end".
    self.body.append(r"\leavevmode\newline{}")
    raise nodes.SkipNode


LATEX_VISITORS: dict[type[nodes.Element], tuple[Any, Any]] = {
    matome_quote: (visit_quote, depart_quote),
    matome_header: (skip, None),
    matome_user: (visit_passthrough, visit_passthrough),
    matome_time: (visit_time, None),
    matome_break: (visit_break, None),
}


# --- details groups ---------------------------------------------------------------------------


class matome_details_label(nodes.Part, nodes.TextElement):
    """The summary of a printed dropdown; exists only in LaTeX doctrees (post-transform)."""


def visit_details_label(self: LaTeXTranslator, node: matome_details_label) -> None:
    self.body.append("\n\\matomedetailslabel{")
    if node["ids"]:
        self.body.append(self.hypertarget_to(node, anchor=True))
    self.in_title = 1  # as for a rubric: no \par, footnotes as marks


def depart_details_label(self: LaTeXTranslator, node: matome_details_label) -> None:
    self.in_title = 0
    self.body.append("}\n")


def _is_dropdown(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and node.get("design_component") == "dropdown"


class PrintDetailsLabels(SphinxPostTransform):
    """Keep the summary of dropdowns that hold quotes visible in print.

    sphinx-design writes a dropdown for non-HTML builders as a container whose first child is
    a rubric with the title; LaTeX prints the content open anyway. The rubric would become an
    unnumbered ``\\subsubsection*``, a heading out of scale with "show more comments (12)",
    so it becomes a label that stays on the page of the first quote.
    """

    default_priority = 400
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for container in list(self.document.findall(_is_dropdown)):
            if not container.get("has_title") or not container.children:
                continue
            title = container[0]
            if not isinstance(title, nodes.rubric):
                continue
            if next(container.findall(matome_quote), None) is None:
                continue
            label = matome_details_label(title.rawsource, "", *title.children)
            label["ids"] = list(title["ids"])
            label.source, label.line = title.source, title.line
            title.replace_self(label)


# --- setup ------------------------------------------------------------------------------------


def setup_latex(app: Sphinx) -> None:
    """Register the LaTeX visitors, the package and the dropdown transform."""
    for node_class, visitors in LATEX_VISITORS.items():
        app.add_node(node_class, override=True, latex=visitors)
    app.add_node(
        matome_details_label, override=True, latex=(visit_details_label, depart_details_label)
    )
    app.add_post_transform(PrintDetailsLabels)
    app.add_latex_package(PACKAGE)
    app.connect("builder-inited", _add_package_file)


def _add_package_file(app: Sphinx) -> None:
    """Have the LaTeX builder copy the ``.sty`` next to the ``.tex`` (no other builder)."""
    if app.builder.format != "latex":
        return
    files = list(app.config.latex_additional_files)
    if str(STY) not in map(str, files):
        # A new list: the default one may be shared by every Sphinx application in a process.
        app.config.latex_additional_files = [*files, str(STY)]
