"""``{matome-del}`text```: struck-through text, as Hugo's ``~text~`` renders in quote bodies.

The migrator writes this role for goldmark's strikethrough; every builder keeps the words
(HTML as ``<del>``, the others as plain text) so the visible text is Hugo's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from docutils.parsers.rst.states import Inliner
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class matome_del(nodes.inline):
    """Deleted text; plain builders fall back to the inline visitor and show the words."""


def deleted_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Inliner,
    options: dict | None = None,
    content: list[str] | None = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    return [matome_del(rawtext, text)], []


def visit_del(self: HTML5Translator, node: matome_del) -> None:
    self.body.append(self.starttag(node, "del", ""))


def depart_del(self: HTML5Translator, node: matome_del) -> None:
    self.body.append("</del>")


def setup_deleted_text(app: Sphinx) -> None:
    app.add_node(matome_del, override=True, html=(visit_del, depart_del))
    app.add_role("matome-del", deleted_role)
