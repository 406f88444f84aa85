"""Real PDF builds: LaTeX with uplatex, lualatex and xelatex, and WeasyPrint on singlehtml.

Each PDF is built once per module and checked by several small tests. The LaTeX recipes are
read from ``docs/pdf.md``, so the documented configuration is the tested one.

Locally the tests skip when a program or WeasyPrint is missing; CI sets MATOME_REQUIRE_TOOLS,
which turns those skips into failures (see ``require_tool``).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import time
import unicodedata
import warnings
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

# sphinx-design (the test root's dropdowns) reads its icon data without an encoding when it is
# imported; under ``-X warn_default_encoding`` that warning would fail the first build here.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401


def _tests_conftest():
    # tests/conftest.py and tests/browser/conftest.py are both top-level modules named
    # "conftest", so "from conftest import" may find the other one: load ours by path.
    spec = importlib.util.spec_from_file_location(
        "_matome_tests_conftest", Path(__file__).parent / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


require_tool = _tests_conftest().require_tool

DOCS_PDF = Path(__file__).parents[1] / "docs" / "pdf.md"
ROOT = Path(__file__).parent / "roots" / "test-quote-latex"

#: Fonts that carry Japanese glyphs. A PDF without one shows tofu, which text extraction can
#: still report as the right characters, so the font is checked separately.
CJK_FONT = re.compile(
    r"HaranoAji|IPAex|IPA(Mincho|Gothic)|Noto\w*CJK|SourceHan|Takao|VL-?Gothic|AR-?PL"
)

#: Accent colors of the test document: the frame, header band and tail are filled with them.
ACCENTS = {
    "#e91e63": "山田さん",
    "#38d3d3": "Alice Walker",
    "#1565c0": "injection",
    "#43a047": "long bubble",
    "#9aa0a6": "neutral",
}
#: Tints of the bubble bodies, the same values the HTML uses (fields.palette).
TINTS = {"#fde8ef": "山田さん", "#ecf6ed": "long bubble", "#f3f4f6": "neutral"}

SHORT = ["みかん", "りんご", "ぶどう", "もも", "なし", "かき", "いちご", "すもも", "びわ", "うめ"]

ENGINES = {
    # engine: programs it needs, latexmk arguments (as Sphinx's generated Makefile runs them)
    "uplatex": (("latexmk", "uplatex", "dvipdfmx"), ["-r", "latexmkjarc", "-pdfdvi"]),
    "lualatex": (("latexmk", "lualatex"), ["-pdflua"]),
    "xelatex": (("latexmk", "xelatex", "xdvipdfmx"), ["-pdfxe"]),
}


def recipes() -> dict[str, dict]:
    """The ``conf.py`` settings per engine, executed from the fenced blocks of docs/pdf.md."""
    text = DOCS_PDF.read_text(encoding="utf8")
    found = {}
    for engine, code in re.findall(r"```python\n# conf\.py for (\w+)\n(.*?)```", text, re.S):
        namespace: dict = {}
        exec(code, namespace)
        found[engine] = {k: v for k, v in namespace.items() if not k.startswith("__")}
    return found


def normalize(text: str) -> str:
    """NFKC without any whitespace: pdfplumber drops or adds spaces between Latin words."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def require_weasyprint():
    try:
        with warnings.catch_warnings():
            # Its import asks locale.getpreferredencoding(), an EncodingWarning under -X.
            warnings.simplefilter("ignore", EncodingWarning)
            import weasyprint
    except (ImportError, OSError) as error:  # OSError: pango is missing
        if os.environ.get("MATOME_REQUIRE_TOOLS"):
            pytest.fail(f"WeasyPrint is required (MATOME_REQUIRE_TOOLS is set): {error}")
        pytest.skip(f"WeasyPrint is not usable: {error}")
    return weasyprint


@dataclass
class Pdf:
    path: Path
    pages: list[str]  # normalized text per page
    fonts: set[str]
    fills: set[tuple[float, float, float]]
    uris: set[str]
    internal_links: int
    cjk_fonts: set[str] = field(default_factory=set)  # fonts of the CJK characters
    log: str = ""
    seconds: float = 0.0

    def page_of(self, text: str) -> list[int]:
        needle = normalize(text)
        return [i for i, page in enumerate(self.pages, 1) if needle in page]


def _rgb(color) -> tuple[float, float, float] | None:
    if isinstance(color, (tuple, list)) and len(color) == 3:
        return tuple(float(c) for c in color)
    if isinstance(color, (tuple, list)) and len(color) == 1:  # gray
        return (float(color[0]),) * 3
    return None


def read_pdf(path: Path) -> Pdf:
    import pdfplumber
    from pypdf import PdfReader

    pages, fills, cjk_fonts = [], set(), set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages.append(normalize(page.extract_text() or ""))
            for shape in (*page.rects, *page.curves):
                if shape.get("fill"):
                    rgb = _rgb(shape.get("non_stroking_color"))
                    if rgb:
                        fills.add(rgb)
            for char in page.chars:
                if any(unicodedata.east_asian_width(ch) == "W" for ch in char["text"]):
                    cjk_fonts.add(char["fontname"])
    reader = PdfReader(path)
    fonts, uris, internal = set(), set(), 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            fonts.add(str(font.get("/BaseFont", "")))
            for descendant in font.get("/DescendantFonts", []) or []:
                fonts.add(str(descendant.get_object().get("/BaseFont", "")))
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            action = action.get_object() if action is not None else {}
            if action.get("/S") == "/URI":
                uris.add(str(action["/URI"]))
            elif action.get("/S") == "/GoTo" or "/Dest" in annot:
                internal += 1
    return Pdf(path, pages, fonts, fills, uris, internal, cjk_fonts)


def _copy_root(tmp: Path) -> Path:
    src = tmp / "src"
    shutil.copytree(ROOT, src)
    return src


def build_latex_pdf(engine: str, tmp: Path) -> Pdf:
    programs, latexmk_args = ENGINES[engine]
    for program in programs:
        require_tool(program)
    recipe = recipes()[engine]
    src = _copy_root(tmp)
    start = time.perf_counter()
    app = SphinxTestApp(
        "latex", srcdir=src, confoverrides=recipe, status=StringIO(), warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    outdir = Path(app.outdir)
    tex = next(outdir.glob("*.tex"))
    env = {**os.environ, "LATEXOPTS": "-interaction=nonstopmode -halt-on-error"}
    result = subprocess.run(
        ["latexmk", *latexmk_args, "-dvi-", "-ps-", tex.name],
        cwd=outdir,
        env=env,
        capture_output=True,
        encoding="utf8",
        errors="replace",
        timeout=600,
    )
    seconds = time.perf_counter() - start
    log = tex.with_suffix(".log").read_text(encoding="utf8", errors="replace")
    assert result.returncode == 0, log[-3000:]
    pdf = read_pdf(tex.with_suffix(".pdf"))
    pdf.log, pdf.seconds = log, seconds
    return pdf


def build_weasyprint_pdf(tmp: Path) -> Pdf:
    weasyprint = require_weasyprint()
    src = _copy_root(tmp)
    start = time.perf_counter()
    app = SphinxTestApp("singlehtml", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    target = tmp / "matome-weasyprint.pdf"
    weasyprint.HTML(filename=str(Path(app.outdir) / "index.html")).write_pdf(target)
    pdf = read_pdf(target)
    pdf.seconds = time.perf_counter() - start
    return pdf


@pytest.fixture(scope="module", params=list(ENGINES))
def latex_pdf(request, tmp_path_factory) -> Pdf:
    pdf = build_latex_pdf(request.param, tmp_path_factory.mktemp(request.param))
    print(f"\n{request.param}: {pdf.seconds:.1f} s, {len(pdf.pages)} pages")
    return pdf


@pytest.fixture(scope="module")
def weasyprint_pdf(tmp_path_factory) -> Pdf:
    pdf = build_weasyprint_pdf(tmp_path_factory.mktemp("weasyprint"))
    print(f"\nweasyprint: {pdf.seconds:.1f} s, {len(pdf.pages)} pages")
    return pdf


def _close(a: tuple[float, float, float], hex_color: str, tolerance: float = 0.02) -> bool:
    b = tuple(int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def missing_fills(pdf: Pdf, colors: dict[str, str]) -> list[str]:
    return [
        f"{hex_color} ({what})"
        for hex_color, what in colors.items()
        if not any(_close(fill, hex_color) for fill in pdf.fills)
    ]


# --- the recipes ------------------------------------------------------------------------------


def test_docs_give_a_recipe_per_engine():
    found = recipes()
    assert set(found) == set(ENGINES)
    for engine, recipe in found.items():
        assert recipe["language"] == "ja"
        assert recipe.get("latex_engine", "uplatex") == engine


# --- LaTeX PDFs -------------------------------------------------------------------------------


def test_latex_japanese_text(latex_pdf):
    text = "".join(latex_pdf.pages)
    for expected in (
        "山田さん",
        "こんにちは、太字と斜体とcodeとリンクがあります。",
        "改行のあとの二行目。",
        "色のない(neutralな)吹き出しです。",
        "脚注つきのコメントです",
        "これは脚注の本文です。",
    ):
        assert normalize(expected) in text, expected
    assert "Missing character" not in latex_pdf.log


def test_latex_cjk_font_embedded(latex_pdf):
    assert any(CJK_FONT.search(font) for font in latex_pdf.fonts), latex_pdf.fonts
    assert latex_pdf.cjk_fonts, "no CJK character found"
    assert all(CJK_FONT.search(font) for font in latex_pdf.cjk_fonts), latex_pdf.cjk_fonts


def test_latex_accent_colors_filled(latex_pdf):
    assert missing_fills(latex_pdf, {**ACCENTS, **TINTS}) == []


def test_latex_injection_printed_literally(latex_pdf):
    page = latex_pdf.page_of("注入のテスト")
    assert page
    text = latex_pdf.pages[page[-1] - 1]
    for literal in (
        r"\input{/etc/passwd}}{50%#1^x~y",  # the name
        r"\input{/etc/passwd}と\write18{touch/tmp/pwned}と}{と100%と#1とa^bと~tildeと\catcode",
    ):
        assert normalize(literal) in text, literal


def test_latex_long_bubble_breaks_short_ones_do_not(latex_pdf):
    first = latex_pdf.page_of("長文の最初の段落です。")
    last = latex_pdf.page_of("長文の最後の段落です。")
    assert len(first) == 1 and len(last) == 1
    assert last[0] > first[0], "the long bubble should span pages"
    # Each part but the last says it continues; the next part names the speaker again.
    assert latex_pdf.page_of("次のページに続く") == list(range(first[0], last[0]))
    assert latex_pdf.page_of("長文ニキ(前のページからの続き)")[0] == first[0] + 1
    for number, name in enumerate(SHORT, 1):
        header = latex_pdf.page_of(f"{name}{number}号")
        end = latex_pdf.page_of(f"短文{number}おわり。")
        assert header == end, f"short bubble {number} split: {header} vs {end}"


def test_latex_links(latex_pdf):
    assert {"https://example.com/comments/1001", "https://example.org/page"} <= latex_pdf.uris
    assert latex_pdf.internal_links >= 2  # {ref} and {numref} to the named quote


def test_latex_details_label(latex_pdf):
    label = latex_pdf.page_of("もっとコメントを表示(10)")
    assert label and label == latex_pdf.page_of("みかん1号")


# --- WeasyPrint (print CSS) -------------------------------------------------------------------


def test_weasyprint_japanese_text_and_font(weasyprint_pdf):
    text = "".join(weasyprint_pdf.pages)
    for expected in ("山田さん", "こんにちは、太字と斜体とcodeとリンクがあります。", "長文ニキ"):
        assert normalize(expected) in text, expected
    assert weasyprint_pdf.cjk_fonts, "no CJK character found"
    assert all(CJK_FONT.search(font) for font in weasyprint_pdf.cjk_fonts), weasyprint_pdf.cjk_fonts


def test_weasyprint_bubble_colors(weasyprint_pdf):
    assert missing_fills(weasyprint_pdf, {"#e91e63": "山田さん", "#fde8ef": "tint"}) == []
