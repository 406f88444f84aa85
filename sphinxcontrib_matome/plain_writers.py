"""Line breaks for the builders that otherwise need no visitor of their own.

Everything else of a quote reaches text, man and texinfo through the visitors of the standard
nodes it subclasses (block quote, paragraph, inline), giving "name (time):" and the body.
"""

from __future__ import annotations

from docutils import nodes

from .nodes import matome_break


def text_break(self, node: matome_break) -> None:
    # Close the wrapped run so far without a blank line, then continue on a new line.
    self.end_state(end=None)
    self.new_state(0)
    raise nodes.SkipNode


def man_break(self, node: matome_break) -> None:
    self.body.append("\n.br\n")
    raise nodes.SkipNode


def texinfo_break(self, node: matome_break) -> None:
    self.body.append("@*\n")
    raise nodes.SkipNode


BREAK_VISITORS = {
    "text": (text_break, None),
    "man": (man_break, None),
    "texinfo": (texinfo_break, None),
}


def skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


#: The avatar says nothing the name does not; plain output would print "[image: ]".
AVATAR_VISITORS = {"text": (skip, None), "man": (skip, None), "texinfo": (skip, None)}
