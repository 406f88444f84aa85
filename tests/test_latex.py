r"""The LaTeX builder without TeX: the ``.tex`` Sphinx writes and the package it ships.

The PDF itself is checked in ``test_pdf.py``; here every run checks what reaches TeX:
``\begin{matomebubble}`` with escaped fields, validated colors, the copied ``.sty``.
"""

from __future__ import annotations

import re
import shutil
import warnings
from io import StringIO
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_matome import __version__, latex_writer
from sphinxcontrib_matome.nodes import matome_quote

# sphinx-design (the test root's dropdowns) reads its icon data without an encoding when it is
# imported; under ``-X warn_default_encoding`` that warning would fail the first build here.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401

STY = Path(latex_writer.__file__).parent / "assets" / "sphinxcontribmatome.sty"
BEGIN = re.compile(r"\\begin\{matomebubble\}\[([^\]]*)\]\{(\w*)\}\{(\w*)\}\{(\w*)\}")


@pytest.fixture(scope="module")
def tex(rootdir, tmp_path_factory) -> tuple[str, str, Path]:
    """(tex source, warnings, outdir) of the test root, built once for the module."""
    srcdir = tmp_path_factory.mktemp("quote-latex") / "src"
    shutil.copytree(rootdir / "test-quote-latex", srcdir)
    app = SphinxTestApp("latex", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    outdir = Path(app.outdir)
    return (
        (outdir / "matome-test.tex").read_text(encoding="utf8"),
        app.warning.getvalue(),
        outdir,
    )


def bubbles(source: str) -> list[tuple[str, ...]]:
    """(options, accent, tint, on-accent, name, time) of every bubble, in order."""
    found = []
    for match in BEGIN.finditer(source):
        rest = source[match.end() :]
        name, rest = _group(rest)
        time, _ = _group(rest)
        found.append((*match.groups(), name, time))
    return found


def _group(text: str) -> tuple[str, str]:
    """The balanced ``{...}`` group at the start of ``text`` and what follows it."""
    assert text[0] == "{", text[:40]
    depth = 0
    for i, ch in enumerate(text):
        if ch == "\\":
            continue
        if ch == "{" and (i == 0 or text[i - 1] != "\\"):
            depth += 1
        elif ch == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[1:i], text[i + 1 :]
    raise AssertionError("unbalanced group")


def by_name(source: str) -> dict[str, tuple[str, ...]]:
    return {bubble[4]: bubble for bubble in bubbles(source)}


# --- package ----------------------------------------------------------------------------------


def test_package_is_loaded_and_copied(tex):
    source, _, outdir = tex
    assert r"\usepackage{sphinxcontribmatome}" in source
    assert (outdir / "sphinxcontribmatome.sty").read_bytes() == STY.read_bytes()


def test_package_is_dated():
    text = STY.read_text(encoding="utf8")
    provides = re.search(
        r"\\ProvidesPackage\{sphinxcontribmatome\}\[\d{4}/\d{2}/\d{2} v([\d.]+) ", text
    )
    assert provides, "\\ProvidesPackage needs a date and a version"
    assert provides.group(1) == __version__  # bump the package date and version on release
    # Only what Sphinx's own TeX requirements already install.
    assert set(re.findall(r"\\RequirePackage\{(\w+)\}", text)) <= {"xcolor", "tcolorbox"}


@pytest.mark.sphinx("text", testroot="quote")
def test_package_not_copied_for_other_builders(app):
    app.build()
    assert not list(Path(app.outdir).rglob("*.sty"))
    assert str(latex_writer.STY) not in map(str, app.config.latex_additional_files)


@pytest.mark.sphinx("html", testroot="quote")
def test_package_not_in_html_static(app):
    app.build()
    assert not list(Path(app.outdir).rglob("*.sty"))


# --- bubbles ----------------------------------------------------------------------------------


def test_every_quote_is_a_bubble(tex):
    source, _, _ = tex
    assert source.count(r"\begin{matomebubble}") == source.count(r"\end{matomebubble}") == 18
    assert r"\begin{quote}" not in source  # the block-quote fallback is gone


def test_fields_and_colors(tex):
    found = by_name(tex[0])
    yamada = found["山田さん"]
    assert yamada[1:4] == ("E91E63", "FDE8EF", "000000")  # accent, tint, text on the band
    assert yamada[5] == (
        r"\sphinxhref{https://example.com/comments/1001}"
        r"{2025\sphinxhyphen{}03\sphinxhyphen{}08 01:52}"
    )
    assert "matome avatar={{avatar}.png}" in yamada[0].split(",")
    assert found["佐藤"][1:4] == ("0071BC", "E6F1F8", "FFFFFF")  # semantic "primary"
    assert found["名無しさん"][1:4] == ("", "", "")  # neutral
    assert "matome right" in found["Alice Walker"][0].split(",")
    assert "matome empty" in found["carol"][0].split(",")


def test_labels_for_references(tex):
    source, _, _ = tex
    assert r"\label{\detokenize{index:yamada-quote}}" in source
    assert r"\hyperref[\detokenize{index:yamada-quote}]" in source


def test_short_bodies_unbreakable_long_ones_not(tex):
    found = by_name(tex[0])
    assert "unbreakable" not in found["長文ニキ"][0].split(",")
    for name in ("山田さん", "Alice Walker", "みかん1号", "うめ10号", "佐藤"):
        assert "unbreakable" in found[name][0].split(","), name


def test_line_breaks(tex):
    assert "があります。\\leavevmode\\newline{}改行のあとの二行目。" in tex[0]


def test_dropdown_label_printed(tex):
    source, _, _ = tex
    assert r"\matomedetailslabel{もっとコメントを表示（10）}" in source
    assert r"\subsubsection*{もっと" not in source
    label = source.index(r"\matomedetailslabel")
    assert source.index(r"{みかん1号}") > label


# --- injections -------------------------------------------------------------------------------

INJECTION_NAME = (
    r"\textbackslash{}input\{/etc/passwd\} \}\{ 50\% \#1 "
    r"\textasciicircum{}x \textasciitilde{}y"
)
INJECTION_BODY = (
    r"\textbackslash{}input\{/etc/passwd\} と \textbackslash{}write18\{touch /tmp/pwned\} "
    r"と \}\{ と 100\% と \#1 と a\textasciicircum{}b と \textasciitilde{}tilde "
    r"と \textbackslash{}catcode"
)


def test_injection_escaped(tex):
    source, _, _ = tex
    assert "{" + INJECTION_NAME + "}" in source
    assert INJECTION_BODY in source
    # Nothing of it survives as a command, an unescaped brace, comment or parameter.
    for raw in (r"\input{", r"\write18", r"\catcode", "50%", "#1", "^x", "~y"):
        assert raw not in source.replace(r"\#1", "").replace(r"\%", ""), raw


def test_invalid_color_never_reaches_tex(tex):
    source, warnings, _ = tex
    assert "matome.color" in warnings
    assert "red}" not in source
    assert by_name(source)[r"color\sphinxhyphen{}injector"][1:4] == ("", "", "")


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("", "{}{}{}"),
        ("#FF5C5C", "{FF5C5C}{FFEFEF}{000000}"),
        ("primary", "{0071BC}{E6F1F8}{FFFFFF}"),
        ("red}\\input{x}", "{}{}{}"),
        ("ff5c5c%", "{}{}{}"),
    ],
)
def test_color_arguments(token, expected):
    assert latex_writer.color_arguments(token) == expected


def test_estimated_lines():
    def quote(*children):
        node = matome_quote()
        node.extend(children)
        return node

    assert latex_writer.estimated_lines(quote(nodes.paragraph("", "短い。"))) == 1
    assert latex_writer.estimated_lines(quote(nodes.paragraph("", "あ" * 370))) == 10
    code = nodes.literal_block("", "\n".join(["x"] * 20))
    assert latex_writer.estimated_lines(quote(code)) > latex_writer.MAX_UNBREAKABLE_LINES
