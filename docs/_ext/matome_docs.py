"""Directives used only by these docs: the parts of the docs that are generated from code.

* ``matome-snippet NAME``: a snippet pair from ``snippets/{myst,rst}/`` in "MyST" / "reST" tabs,
  followed by the snippet itself, rendered (``:render: rst`` renders the reST one; ``:collapsed:``
  puts the rendered quote first and folds the tabs into a dropdown). ``tests/test_snippets.py``
  builds the same files and checks that both syntaxes give one doctree.
* ``matome-config``: the table of :data:`sphinxcontrib_matome.config.CONFIG_VALUES`.
* ``matome-warnings``: the table of :class:`sphinxcontrib_matome.warnings_.MatomeWarning`, with the
  docstring of each member.
* ``matome-dates`` / ``matome-colors``: example ``created-at`` / ``color`` values (one per content
  line), run through the same parsers as the directive.
* the ``myst`` Pygments lexer: Markdown that also knows directive fences, options and roles.

The generated markup is MyST, so these directives are for the MyST pages of these docs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from pygments.lexer import bygroups, inherit
from pygments.lexers.markup import MarkdownLexer
from pygments.token import Name, Punctuation, String, Text, Whitespace
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinxcontrib_matome import fields
from sphinxcontrib_matome.config import CONFIG_VALUES
from sphinxcontrib_matome.warnings_ import MatomeWarning

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Where the snippet pairs live, relative to the source directory.
SNIPPETS = "snippets"


class MystLexer(MarkdownLexer):
    """Markdown with MyST's directive fences, directive options and roles."""

    name = "MyST"
    aliases: ClassVar[list[str]] = ["myst"]
    tokens: ClassVar[dict] = {
        "root": [
            (
                r"^(\s*)(`{3,}|:{3,})(\{[\w:-]+\})(.*)(\n)",
                bygroups(Whitespace, Punctuation, Name.Tag, Text, Text),
            ),
            (r"^(\s*)(`{3,}|:{3,})(\n)", bygroups(Whitespace, Punctuation, Text)),
            (r"^(\s*)(:[\w-]+:)(.*)(\n)", bygroups(Whitespace, Name.Attribute, String, Text)),
            inherit,
        ],
        "inline": [
            (r"(\{[\w:-]+\})(`[^`\n]+`)", bygroups(Name.Tag, String.Backtick)),
            inherit,
        ],
    }


class _Directive(SphinxDirective):
    def cells(self, *values: str | nodes.Node | list[nodes.Node]) -> list[list[nodes.Node]]:
        """Table cells from plain text, a node or nodes."""
        cells = []
        for value in values:
            if isinstance(value, str):
                cells.append([nodes.Text(value)])
            elif isinstance(value, nodes.Node):
                cells.append([value])
            else:
                cells.append(value)
        return cells

    def inline(self, text: str) -> list[nodes.Node]:
        """Inline markup of a docstring; double-backtick literals read the same in MyST and reST."""
        parsed, messages = self.parse_inline(" ".join(text.split()), lineno=self.lineno)
        return [*parsed, *messages]

    def table(
        self, headers: tuple[str, ...], widths: tuple[int, ...], rows: list[list[list[nodes.Node]]]
    ) -> nodes.table:
        # "colwidths-given": the HTML writer then writes the widths instead of leaving them out.
        table = nodes.table(classes=["matome-docs-table", "colwidths-given"])
        group = nodes.tgroup(cols=len(headers))
        table += group
        for width in widths:
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += self._row([[nodes.Text(header)] for header in headers])
        body = nodes.tbody()
        group += body
        for row in rows:
            body += self._row(row)
        self.set_source_info(table)
        return table

    @staticmethod
    def _row(cells: list[list[nodes.Node]]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            entry = nodes.entry()
            entry += nodes.paragraph("", "", *content)
            row += entry
        return row


class SnippetDirective(_Directive):
    """Show a snippet pair in "MyST" / "reST" tabs, then render one of them."""

    required_arguments = 1
    option_spec: ClassVar[dict] = {
        "render": lambda value: directives.choice(value, ("myst", "rst")),
        "collapsed": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        myst = f"/{SNIPPETS}/myst/{name}.md"
        rst = f"/{SNIPPETS}/rst/{name}.rst"
        missing = [path for path in (myst, rst) if not (Path(self.env.srcdir) / path[1:]).is_file()]
        if missing:
            logger.warning(
                "snippet %r is missing %s", name, ", ".join(missing), location=self.get_location()
            )
            return []
        if self.options.get("render", "myst") == "rst":
            render = f"```{{eval-rst}}\n.. include:: {rst}\n```"
        else:
            render = f"```{{include}} {myst}\n```"
        result = f"``````{{container}} matome-docs-result\n{render}\n``````\n"
        source = f"""\
``````{{tab-set}}
:class: matome-docs-source
:sync-group: syntax

`````{{tab-item}} MyST
:sync: myst

````{{literalinclude}} {myst}
:language: myst
````
`````

`````{{tab-item}} reST
:sync: rst

````{{literalinclude}} {rst}
:language: rst
````
`````
``````
"""
        if "collapsed" in self.options:
            # Gallery style: the quote first, its source folded away under it.
            text = f"{result}\n```````{{dropdown}} ソース — Source\n{source}```````\n"
        else:
            text = f"{source}\n{result}"
        return self.parse_text_to_nodes(text)


class ConfigDirective(_Directive):
    """The configuration values, with ``confval`` targets for ``{confval}`` references."""

    def run(self) -> list[nodes.Node]:
        std = self.env.get_domain("std")
        rows = []
        for value in CONFIG_VALUES:
            node_id = f"confval-{value.name}"
            name = nodes.literal(value.name, value.name, ids=[node_id])
            std.note_object("confval", value.name, node_id, location=self.get_location())
            types = " | ".join(t.__name__ for t in value.types)
            rows.append(
                self.cells(
                    name,
                    nodes.literal(types, types),
                    nodes.literal(repr(value.default), repr(value.default)),
                    self.inline(value.description),
                )
            )
        return [
            self.table(
                ("名前 Name", "型 Type", "既定値 Default", "説明 Description"),
                (22, 8, 14, 56),
                rows,
            )
        ]


class WarningsDirective(_Directive):
    """Every warning subtype: its name, its ``suppress_warnings`` key and its docstring."""

    def run(self) -> list[nodes.Node]:
        analyzer = ModuleAnalyzer.for_module(MatomeWarning.__module__)
        docs = analyzer.find_attr_docs()
        rows = []
        for member in MatomeWarning:
            doc = docs.get((MatomeWarning.__qualname__, member.name))
            if not doc:
                logger.warning(
                    "MatomeWarning.%s has no docstring", member.name, location=self.get_location()
                )
            rows.append(
                self.cells(
                    nodes.literal(member.name, member.name),
                    nodes.literal(member.qualified, member.qualified),
                    self.inline(" ".join(doc or [])),
                )
            )
        return [self.table(("名前 Name", "suppress_warnings", "意味 Meaning"), (15, 25, 60), rows)]


class DatesDirective(_Directive):
    """``created-at`` examples: what a quote shows and its machine-readable ``datetime``."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        config = self.config
        rows = []
        for raw in (line.strip() for line in self.content):
            if not raw:
                continue
            try:
                stamp = fields.parse_timestamp(raw)
            except ValueError:
                shown: str | nodes.Node = nodes.literal(raw, raw)
                machine: str | nodes.Node = "— (warning matome.date)"
            else:
                text = stamp.display(config.matome_date_format, config.matome_date_only_format)
                shown = text
                machine = nodes.literal(stamp.iso, stamp.iso)
            rows.append(self.cells(nodes.literal(raw, raw), shown, machine))
        return [self.table(("created-at", "表示 Shown", "datetime"), (40, 25, 35), rows)]


class ColorsDirective(_Directive):
    """``color`` examples and the value the bubble gets; ``:semantic:`` adds sphinx-design's."""

    has_content = True
    option_spec: ClassVar[dict] = {"semantic": directives.flag}

    def run(self) -> list[nodes.Node]:
        examples = [line.strip() for line in self.content if line.strip()]
        if "semantic" in self.options:
            examples += list(fields.SEMANTIC_COLORS)
        rows = []
        for raw in examples:
            try:
                color = fields.parse_color(raw)
            except ValueError:
                result: str | nodes.Node = "— (warning matome.color, neutral bubble)"
            else:
                value = color.css_value if color else "(neutral bubble)"
                result = nodes.literal(value, value) if color else value
            rows.append(self.cells(nodes.literal(raw, raw), result))
        return [self.table(("color", "--matome-color"), (40, 60), rows)]


class CliHelpDirective(_Directive):
    """``--help`` of a ``sphinx-matome`` command, taken from the parser itself."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        import argparse

        from sphinxcontrib_matome.cli import build_parser

        parser = build_parser()
        commands = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        )
        command = commands.choices[self.arguments[0]]
        command.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=88)
        text = command.format_help()
        block = nodes.literal_block(text, text, language="text")
        self.set_source_info(block)
        return [block]


def setup(app: Sphinx) -> dict[str, object]:
    app.add_lexer("myst", MystLexer)
    app.add_directive("matome-snippet", SnippetDirective)
    app.add_directive("matome-config", ConfigDirective)
    app.add_directive("matome-warnings", WarningsDirective)
    app.add_directive("matome-dates", DatesDirective)
    app.add_directive("matome-colors", ColorsDirective)
    app.add_directive("matome-cli-help", CliHelpDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
