"""The documentation's snippets are regression tests too.

Every example in the docs is a pair, ``docs/snippets/myst/NAME.md`` and
``docs/snippets/rst/NAME.rst``. Each is built as the index of a small Sphinx project; both must
build without a warning and give the same doctree, which is stored once per name in
``tests/test_snippets/NAME.xml``, so the two syntaxes cannot drift apart.
``docs/snippets/myst-only/`` holds the few Markdown examples reST has no spelling for (raw
``<br>`` line breaks); they are built and stored the same way.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

DOCS = Path(__file__).parents[1] / "docs"
SNIPPETS = DOCS / "snippets"
MYST = {path.stem: path for path in sorted((SNIPPETS / "myst").glob("*.md"))}
RST = {path.stem: path for path in sorted((SNIPPETS / "rst").glob("*.rst"))}
MYST_ONLY = {path.stem: path for path in sorted((SNIPPETS / "myst-only").glob("*.md"))}

#: The parts of docs/conf.py that change a snippet's doctree.
CONF = """\
extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
language = "ja"
nitpicky = True
"""

#: Attributes that say where a node came from, not what it is, and two that reST's
#: ``code-block`` sets to their defaults where a MyST code fence leaves them out.
_NOISE = re.compile(r' (?:source|line)="[^"]*"| force="0"| highlight_args="\{\}"')
#: What docutils before 0.22 writes differently: booleans as "True"/"False" (later "1"/"0")
#: and "&" in attributes as "&amp;".
_OLD_SPELLINGS = {'="True"': '="1"', '="False"': '="0"', "&amp;": "&"}


def build_doctree(make_app, srcdir: Path, filename: str, snippet: Path) -> str:
    """Build ``snippet`` as the index of a fresh project; the normalised doctree of its content."""
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf8")
    shutil.copytree(DOCS / "_static" / "avatars", srcdir / "_static" / "avatars")
    title = "# Snippet\n\n" if filename.endswith(".md") else "Snippet\n=======\n\n"
    (srcdir / filename).write_text(title + snippet.read_text(encoding="utf8"), encoding="utf8")

    app = make_app("dummy", srcdir=srcdir)
    try:
        app.build()
        warnings = app.warning.getvalue()
        section = app.env.get_doctree("index")[0]
    finally:
        # Now, not at teardown: the next build of the same test registers the nodes again.
        app.cleanup()
    assert warnings == "", f"{snippet.name} builds with warnings"
    text = "".join(child.pformat() for child in section[1:])
    for old, new in _OLD_SPELLINGS.items():
        text = text.replace(old, new)
    return _NOISE.sub("", text)


def test_every_snippet_has_both_forms():
    assert sorted(MYST) == sorted(RST)
    assert not set(MYST_ONLY) & set(MYST), "a myst-only snippet shares a name with a pair"


def test_every_snippet_is_shown_in_the_docs():
    pages = "\n".join(
        page.read_text(encoding="utf8")
        for page in DOCS.glob("**/*.md")
        if SNIPPETS not in page.parents and "_build" not in page.parts
    )
    shown = set(re.findall(r"```\{matome-snippet\} (\S+)", pages))
    shown |= set(re.findall(r"/snippets/myst-only/([^/\s]+)\.md", pages))
    assert sorted({*MYST, *MYST_ONLY} - shown) == []


@pytest.mark.parametrize("name", sorted(MYST))
def test_snippet(name, make_app, tmp_path, file_regression):
    myst = build_doctree(make_app, tmp_path / "myst", "index.md", MYST[name])
    rst = build_doctree(make_app, tmp_path / "rst", "index.rst", RST[name])
    assert myst == rst
    file_regression.check(myst, basename=name, extension=".xml", encoding="utf8")


@pytest.mark.parametrize("name", sorted(MYST_ONLY))
def test_myst_only_snippet(name, make_app, tmp_path, file_regression):
    myst = build_doctree(make_app, tmp_path / "myst", "index.md", MYST_ONLY[name])
    file_regression.check(myst, basename=name, extension=".xml", encoding="utf8")
