"""The least a ``matome-quote`` directive can do in MyST, for B2's floor.

A block quote with the name in bold and the time, and the body parsed as nested Markdown: the
cost of writing quotes as directives at all (option parsing, a nested parse per body), with
none of the extension's work (validation, colors, time formats, speakers, safe links, breaks).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective


class MinimalQuote(SphinxDirective):
    has_content = True
    option_spec = dict.fromkeys(("user-name", "created-at", "color"), directives.unchanged)

    def run(self) -> list[nodes.Node]:
        quote = nodes.block_quote()
        header = nodes.paragraph()
        header += nodes.strong(text=self.options.get("user-name", ""))
        header += nodes.Text(f" ({self.options.get('created-at', '')}):")
        quote += header
        self.state.nested_parse(self.content, self.content_offset, quote)
        return [quote]


def setup(app):
    app.add_directive("matome-quote", MinimalQuote)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
