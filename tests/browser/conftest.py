"""Browser fixtures: the test site built once per theme, Debian's Chromium driven by Playwright,
axe-core, and a cache so that each (theme, mode, width) page is opened once per session.

Screenshots and PDFs go to ``artifacts/browser/`` at the repository root (gitignored).
"""

from __future__ import annotations

import importlib.util
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import require_tool  # tests/conftest.py: this directory is a package

from . import matome_browser as mb

ARTIFACTS = Path(os.environ.get("MATOME_ARTIFACTS", mb.REPO / "artifacts")) / "browser"


def require(what: str, found: object) -> None:
    """Like ``require_tool`` for things that are not programs on PATH."""
    if found:
        return
    if os.environ.get("MATOME_REQUIRE_TOOLS"):
        pytest.fail(f"{what} is required (MATOME_REQUIRE_TOOLS is set) but not installed")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The test site, built once per theme (two builds at a time on the two cores)."""
    missing = [t.name for t in mb.THEMES if importlib.util.find_spec(t.name) is None]
    require(f"the Sphinx themes {', '.join(missing)}", not missing)
    out = tmp_path_factory.mktemp("browser-sites")
    start = time.monotonic()
    built = mb.build_sites(out)
    print(f"\nbuilt {len(built)} theme sites in {time.monotonic() - start:.1f}s")
    built["_out"] = out
    return built


@pytest.fixture(scope="package")
def browser():
    """Debian's /usr/bin/chromium (never a downloaded browser), headless.

    Package-scoped: closed before other suites (security) start a Playwright of their own,
    which the sync API allows only one at a time."""
    found = require_tool("chromium")
    executable = mb.CHROMIUM if os.path.exists(mb.CHROMIUM) else found
    require("playwright (pip install playwright)", importlib.util.find_spec("playwright"))
    require("Pillow (pip install pillow)", importlib.util.find_spec("PIL"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = mb.launch(playwright, executable)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    path = mb.find_axe()
    require("axe-core (axe-playwright-python from PyPI, or npm's axe-core)", path)
    return path.read_text(encoding="utf8")


@pytest.fixture(scope="session")
def poppler() -> dict[str, str]:
    """poppler-utils, to read back the PDFs that Chromium prints."""
    return {name: require_tool(name) for name in ("pdftotext", "pdftoppm")}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@dataclass
class Rendered:
    theme: mb.Theme
    mode: str
    width: int
    report: dict
    axe: dict
    screenshot: Path
    #: quote id -> what the screenshot shows of its tail (see ``tail_check``)
    tails: dict[str, dict]


class RenderCache:
    """Opens each (theme, mode, width) once: measures, screenshots, runs axe, closes."""

    def __init__(self, browser, sites, axe_source, artifacts):
        self.browser, self.sites, self.axe, self.artifacts = browser, sites, axe_source, artifacts
        self.done: dict[tuple[str, str, int], Rendered] = {}

    def get(self, theme: mb.Theme, mode: str, width: int) -> Rendered:
        key = (theme.name, mode, width)
        if key not in self.done:
            self.done[key] = self._render(theme, mode, width)
        return self.done[key]

    def _render(self, theme: mb.Theme, mode: str, width: int) -> Rendered:
        opened = mb.open_page(self.browser, mb.page_url(self.sites[theme.name]), theme, mode, width)
        try:
            page = opened.page
            report = mb.measure(page)
            png = page.screenshot(full_page=True)
            shot = self.artifacts / f"{theme.name}-{mode}-{width}.png"
            shot.write_bytes(png)
            image = mb.load_png(png)
            tails = {q["id"]: mb.tail_check(image, q) for q in report["quotes"] if q.get("body")}
            axe = mb.run_axe(page, self.axe)
        finally:
            opened.context.close()
        return Rendered(theme, mode, width, report, axe, shot, tails)


@pytest.fixture(scope="package")
def rendered(browser, sites, axe_source, artifacts) -> RenderCache:
    return RenderCache(browser, sites, axe_source, artifacts)
