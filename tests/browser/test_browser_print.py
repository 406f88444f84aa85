"""Printing from Chromium: colors kept without "background graphics", short bubbles whole,
a long bubble split with its frame on every fragment, collapsed groups expanded.

The print page (``roots/test-browser/print.md``) is emulated with ``media=print`` for the
computed styles, then printed to a real PDF (A4, backgrounds *off* as in the print dialog's
default) that poppler's ``pdftotext`` and ``pdftoppm`` read back. PDFs go to
``artifacts/browser/``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import matome_browser as mb

SHORT = {"p-short-1": "A short bubble.", "p-short-2": "Another short bubble, neutral."}
LONG = "p-long"
COLLAPSED = {
    "p-in-dropdown": "Inside a closed dropdown",
    "p-in-details": "Inside a closed details element",
}
#: (theme, mode, whether the theme prints dark): furo prints light whatever the screen mode,
#: pydata keeps dark mode on paper, so the bubble must too.
CASES = [
    ("alabaster", "light", False),
    ("furo", "light", False),
    ("furo", "dark", False),
    ("pydata_sphinx_theme", "dark", True),
    ("sphinx_rtd_theme", "light", False),
]

PRINT_JS = """
() => [...document.querySelectorAll("figure.matome-quote")].map((fig) => {
  const body = fig.querySelector(":scope > .matome-quote__body");
  const b = getComputedStyle(body);
  const chain = []; for (let e = body; e; e = e.parentElement)
    chain.push(getComputedStyle(e).backgroundColor);
  return {
    id: fig.id, visible: fig.checkVisibility() && fig.getBoundingClientRect().height > 0,
    figureBreak: getComputedStyle(fig).breakInside, bodyBreak: b.breakInside,
    figureAdjust: getComputedStyle(fig).printColorAdjust, bodyAdjust: b.printColorAdjust,
    decorationBreak: b.boxDecorationBreak || b.webkitBoxDecorationBreak,
    fill: b.backgroundColor, border: b.borderTopColor,
    bg: fig.style.getPropertyValue("--matome-bg").trim(),
    bgDark: fig.style.getPropertyValue("--matome-bg-dark").trim(),
    text: getComputedStyle(body.querySelector("p")).color, chain,
  };
})
"""


@dataclass
class Printed:
    screen: dict[str, dict]
    print: dict[str, dict]
    pdf: Path
    pages: list[str]


@pytest.fixture(scope="module")
def printed(browser, sites, artifacts, poppler):
    cache: dict[tuple[str, str], Printed] = {}

    def get(theme_name: str, mode: str) -> Printed:
        if (theme_name, mode) in cache:
            return cache[theme_name, mode]
        theme = mb.THEME_BY_NAME[theme_name]
        opened = mb.open_page(browser, mb.page_url(sites[theme_name], "print"), theme, mode, 1280)
        try:
            page = opened.page
            screen = {q["id"]: q for q in page.evaluate(PRINT_JS)}
            page.emulate_media(media="print")
            mb.settle(page)
            on_paper = {q["id"]: q for q in page.evaluate(PRINT_JS)}
            pdf = artifacts / f"print-{theme_name}-{mode}.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=False)
        finally:
            opened.context.close()
        text = subprocess.run(
            [poppler["pdftotext"], "-layout", str(pdf), "-"],
            capture_output=True, text=True, encoding="utf-8", check=True,
        ).stdout  # fmt: skip
        cache[theme_name, mode] = Printed(screen, on_paper, pdf, text.split("\f")[:-1])
        return cache[theme_name, mode]

    return get


def rgb(value: str) -> mb.RGB:
    return mb.parse_css_color(value)[:3]


@pytest.mark.parametrize(("theme", "mode", "dark"), CASES)
def test_print_keeps_colors_and_contrast(printed, theme, mode, dark):
    result = printed(theme, mode)
    for quote_id, quote in result.print.items():
        assert quote["figureAdjust"] == quote["bodyAdjust"] == "exact", quote_id
        if quote["bg"]:
            assert rgb(quote["fill"]) == rgb(quote["bgDark"] if dark else quote["bg"]), quote_id
        fill = rgb(quote["fill"])
        assert mb.is_dark(fill) == dark, quote_id
        text = mb.composite(mb.parse_css_color(quote["text"]), fill)
        assert mb.contrast(text, fill) >= mb.MIN_CONTRAST, (quote_id, quote["text"], quote["fill"])


@pytest.mark.parametrize(("theme", "mode", "dark"), CASES)
def test_print_breaks(printed, theme, mode, dark):
    quotes = printed(theme, mode).print
    for quote_id in [*SHORT, *COLLAPSED]:
        assert quotes[quote_id]["figureBreak"] == quotes[quote_id]["bodyBreak"] == "avoid"
    assert quotes[LONG]["figureBreak"] == quotes[LONG]["bodyBreak"] == "auto"
    assert quotes[LONG]["decorationBreak"] == "clone"


@pytest.mark.parametrize(("theme", "mode", "dark"), CASES)
def test_collapsed_groups_print_expanded(printed, theme, mode, dark):
    result = printed(theme, mode)
    for quote_id, words in COLLAPSED.items():
        assert not result.screen[quote_id]["visible"], f"{quote_id} should start collapsed"
        assert result.print[quote_id]["visible"], quote_id
        assert any(words in page for page in result.pages), quote_id


@pytest.mark.parametrize(("theme", "mode", "dark"), CASES)
def test_pdf_short_bubbles_whole_long_bubble_framed(printed, poppler, theme, mode, dark):
    result = printed(theme, mode)
    pages = result.pages
    for name, words in (("short_one", SHORT["p-short-1"]), ("short_two", SHORT["p-short-2"])):
        holding = [i for i, page in enumerate(pages) if name in page]
        assert len(holding) == 1 and words in pages[holding[0]], (name, holding)
    long_pages = [i for i, page in enumerate(pages) if "long comment" in page]
    assert len(long_pages) >= 2, "the long bubble should split"
    # Every fragment has its own top and bottom frame (box-decoration-break: clone), and the
    # tint is on paper although the PDF was printed without background graphics.
    images = _rasterize(result.pdf, poppler["pdftoppm"])
    accent = rgb("#785bff")
    fill = rgb(result.print[LONG]["fill"])
    for index in long_pages:
        lines = _accent_rows(images[index], accent)
        assert lines >= 2, (theme, mode, index, lines)
        assert mb.color_mask(images[index], fill, 6).histogram()[255] > 5_000, (theme, mode, index)


def _rasterize(pdf: Path, pdftoppm: str) -> list:
    from PIL import Image

    prefix = pdf.with_suffix("")
    for old in prefix.parent.glob(prefix.name + "-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-r", "96", "-png", str(pdf), str(prefix)], check=True)
    files = sorted(
        prefix.parent.glob(prefix.name + "-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])
    )
    return [Image.open(path).convert("RGB") for path in files]


def _accent_rows(image, accent: mb.RGB) -> int:
    """Horizontal runs of the accent across at least a third of the page: frame edges."""
    from PIL import Image

    mask = mb.color_mask(image, accent, 60)
    column = mask.resize((1, image.height), Image.Resampling.BOX)
    rows = [column.getpixel((0, y)) for y in range(image.height)]
    lines, previous = 0, False
    for mean in rows:
        line = mean >= 255 / 3
        lines += line and not previous  # a 2 px edge counts once
        previous = line
    return lines
