"""Injection suite, HTML: every payload in every field of the migrator and of the directive,
built with Sphinx and loaded in Debian's Chromium behind a guard.

The guard records any script that runs (``alert`` and friends, and the ``window.__pwned`` flag
every payload sets), any request that leaves the build directory, dialogs, pop-ups and
navigations; it then scans the page for latent handlers (``on*`` attributes, ``javascript:``
URLs, script-capable elements) and for styles escaping the bubble: inline styles, stylesheets
and the computed style of sentinel paragraphs around the quotes, compared with a baseline page
built from harmless values.
"""

from __future__ import annotations

import importlib.util
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from security_support import (
    BASELINE,
    FUZZ,
    PAYLOADS,
    SENTINEL_AFTER,
    SENTINEL_BEFORE,
    URL_PAYLOADS,
    InjectionProject,
    require,
    require_tool,
    sphinx_build,
)

from sphinxcontrib_matome.migrate.urls import url_for_docname

CHROMIUM = os.environ.get("MATOME_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Pages of ``matome_redirects`` (they navigate away by design).
REDIRECT_MARK = '<meta name="generator" content="sphinxcontrib-matome redirect">'

TRAP = """
(() => {
  const hits = [];
  const record = (what) => { try { hits.push(String(what).slice(0, 200)); } catch (e) {} };
  Object.defineProperty(window, '__matome_hits', { value: hits, configurable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    try { window[name] = function (...args) { record(name + '(' + args.join(',') + ')'); }; }
    catch (e) {}
  }
  try {
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get() { return undefined; },
      set(value) { record('__pwned=' + value); },
    });
  } catch (e) {}
  document.addEventListener('securitypolicyviolation', (e) => record('csp:' + e.violatedDirective));
})();
"""

SCAN = """
([before, after]) => {
  const problems = [];
  const inQuote = (el) => el.closest('figure.matome-quote') !== null;
  const forbidden = new Set(['SCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
    'APPLET', 'BASE', 'FORM', 'SVG', 'MATH', 'PORTAL', 'DIALOG', 'INPUT', 'BUTTON',
    'TEXTAREA', 'SELECT', 'AUDIO', 'VIDEO', 'STYLE', 'LINK', 'META', 'TEMPLATE', 'NOSCRIPT']);
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data',
    'poster', 'srcset', 'background', 'cite', 'ping']);
  const color = '(#[0-9a-f]{6}|var\\\\(--sd-color-[a-z]+, #[0-9a-f]{6}\\\\))';
  const style = new RegExp('^--matome-[a-z-]+: ' + color + '(; --matome-[a-z-]+: ' + color + ')*$');
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    const quoted = inQuote(el);
    if (quoted && forbidden.has(tag)) {
      problems.push('element <' + tag.toLowerCase() + '> in a quote');
    }
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith('on')) problems.push('handler ' + tag.toLowerCase() + '[' + name + ']');
      const bare = value.replace(/[\\x00-\\x20\\x7f]/g, '');
      if (urlAttributes.has(name) && /^(javascript|vbscript|data):/i.test(bare)) {
        problems.push('url ' + tag.toLowerCase() + '[' + name + ']=' + value.slice(0, 60));
      }
      if (name === 'style' && quoted && !(el.matches('figure.matome-quote') && style.test(value))) {
        problems.push('style in a quote: ' + tag.toLowerCase() + ' ' + value.slice(0, 80));
      }
    }
  }
  const signature = (el) => {
    if (!el) return null;
    const cs = getComputedStyle(el);
    return ['display', 'visibility', 'opacity', 'color', 'background-color', 'position',
      'font-size', 'font-family', 'transform', 'filter', 'z-index', 'content']
      .map((p) => p + '=' + cs.getPropertyValue(p)).join('; ');
  };
  const sentinels = {};
  for (const el of document.querySelectorAll('p')) {
    const text = el.textContent.trim();
    if (text !== before && text !== after) continue;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(5, r.width / 2), r.top + r.height / 2);
    sentinels[text] = {
      signature: signature(el),
      inQuote: inQuote(el),
      visible: r.width > 0 && r.height > 0 && hit !== null && (hit === el || el.contains(hit)),
    };
  }
  return {
    problems,
    sentinels,
    body: signature(document.body),
    html: signature(document.documentElement),
    h1: signature(document.querySelector('h1')),
    scripts: Array.from(document.scripts).filter((s) => !inQuote(s))
      .map((s) => (s.src ? s.src.replace(/^.*\\/_static\\//, '_static/') : 'inline')),
    sheets: Array.from(document.styleSheets)
      .map((s) => s.href ? s.href.replace(/^.*\\/_static\\//, '_static/') : 'inline'),
    outsideElements: Array.from(document.querySelectorAll(
      'iframe, frame, object, embed, applet, base, math, portal'))
      .filter((e) => !inQuote(e)).map((e) => e.tagName.toLowerCase()).sort(),
    outsideStyles: Array.from(document.querySelectorAll('[style]')).filter((e) => !inQuote(e))
      .map((e) => e.tagName + ':' + e.getAttribute('style')),
    quotes: document.querySelectorAll('figure.matome-quote').length,
    hits: window.__matome_hits ? Array.from(window.__matome_hits) : ['trap missing'],
  };
}
"""


class Guard:
    """One browser page behind a guard; every request is routed, recorded and (if it would
    leave the build directory) refused. Each ``open`` starts a fresh record."""

    def __init__(self, browser, root: Path) -> None:
        self.root = root.resolve()
        self.local = self.root.as_uri() + "/"
        self.events: dict[str, list[str]] = {}
        self.url = ""
        self.context = browser.new_context(java_script_enabled=True)
        self.context.route("**/*", self._route)
        self.context.add_init_script(TRAP)
        self.page = self.context.new_page()
        self.context.on("page", lambda p: self.events["popups"].append(p.url))
        self.page.on("dialog", self._dialog)
        self.page.on("framenavigated", self._navigated)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.local):
            route.continue_()
        else:
            self.events["requests"].append(url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.events["dialogs"].append(dialog.message)
        dialog.dismiss()

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame and frame.url not in (self.url, "about:blank"):
            self.events["navigations"].append(frame.url)

    def open(self, relative: str) -> dict:
        target = (self.root / relative / "index.html").resolve()
        assert target.is_file(), target
        self.url = target.as_uri()
        self.events = {"requests": [], "dialogs": [], "popups": [], "navigations": []}
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(30)
        report = self.page.evaluate(SCAN, [SENTINEL_BEFORE, SENTINEL_AFTER])
        report.update(self.events)
        return report

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def html_site(injection_project: InjectionProject, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("injection-html") / "html"
    # English search indexing: Sphinx's Japanese word splitter takes most of the build time on
    # the oversized payloads, and the index is no part of what is tested here.
    run = sphinx_build(injection_project.out, out, "dirhtml", "-D", "html_search_language=en")
    assert run.returncode == 0, run.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def guard(html_site: Path):
    found = require_tool("chromium")
    executable = CHROMIUM if os.path.exists(CHROMIUM) else found
    require("playwright (pip install playwright)", importlib.util.find_spec("playwright"))
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        guard = Guard(browser, html_site)
        try:
            yield guard
        finally:
            guard.close()
            browser.close()


@pytest.fixture(scope="module")
def baselines(guard: Guard, injection_project: InjectionProject) -> dict[str, dict]:
    post = url_for_docname(injection_project.posts[BASELINE.id]).lstrip("/")
    return {
        "post": guard.open(post),
        "myst": guard.open("directive/baseline-myst/"),
        "rst": guard.open("directive/baseline-rst/"),
    }


def findings(report: dict, baseline: dict, *, sentinels: bool = True) -> list[str]:
    """Everything wrong on a page, compared with its baseline."""
    found = [f"script ran: {hit}" for hit in report["hits"]]
    found += [f"request left the page: {url}" for url in report["requests"]]
    found += [f"dialog: {message}" for message in report["dialogs"]]
    found += [f"pop-up: {url}" for url in report["popups"]]
    found += [f"navigated to {url}" for url in report["navigations"]]
    found += report["problems"]
    if report["scripts"] != baseline["scripts"]:
        found.append(f"scripts differ: {report['scripts']} != {baseline['scripts']}")
    if report["sheets"] != baseline["sheets"]:
        found.append(f"stylesheets differ: {report['sheets']} != {baseline['sheets']}")
    if report["outsideElements"] != baseline["outsideElements"]:
        found.append(
            f"elements outside the quotes differ: {report['outsideElements']} != "
            f"{baseline['outsideElements']}"
        )
    extra = set(report["outsideStyles"]) - set(baseline["outsideStyles"])
    if extra:
        found.append(f"inline styles outside the quotes: {sorted(extra)}")
    for part in ("body", "html"):
        if report[part] != baseline[part]:
            found.append(f"{part} restyled: {report[part]} != {baseline[part]}")
    if sentinels:
        for name in (SENTINEL_BEFORE, SENTINEL_AFTER):
            seen, expected = report["sentinels"].get(name), baseline["sentinels"].get(name)
            if seen is None:
                found.append(f"{name} is missing (swallowed by a quote?)")
                continue
            if seen["inQuote"]:
                found.append(f"{name} ended up inside a quote")
            if not seen["visible"]:
                found.append(f"{name} is hidden or covered")
            if expected and seen["signature"] != expected["signature"]:
                found.append(f"{name} restyled: {seen['signature']} != {expected['signature']}")
    return found


MIGRATED_IDS = [p.id for p in PAYLOADS]


@pytest.mark.parametrize("payload_id", MIGRATED_IDS)
def test_migrated_payload_is_inert(
    payload_id: str, guard: Guard, baselines: dict, injection_project: InjectionProject
) -> None:
    """title, tags, summary, details summary, body, userName, createdAt, color, avatar, url."""
    docname = injection_project.posts[payload_id]
    if not docname:
        pytest.skip("the migrator refused this post (checked in test_migrator_refusals)")
    report = guard.open(url_for_docname(docname).lstrip("/"))
    assert report["quotes"] == 1
    found = findings(report, baselines["post"])
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("syntax", ["myst", "rst"])
def test_directive_payloads_are_inert(syntax: str, guard: Guard, baselines: dict) -> None:
    """Every option and the body (content and ``:body:``) of the directive, in one page."""
    report = guard.open(f"directive/{syntax}/")
    assert report["quotes"] == 2 * len(PAYLOADS)
    found = findings(report, baselines[syntax])
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("page", ["", "posts/", "tags/", "posts/_archive/2025-02/"])
def test_list_pages_are_inert(page: str, guard: Guard, baselines: dict, html_site: Path) -> None:
    """Pages that list the payload titles and tags (home, section, taxonomy, month)."""
    found = findings(guard.open(page), baselines["post"], sentinels=False)
    assert found == [], "\n".join(found)


def test_term_pages_are_inert(guard: Guard, baselines: dict, html_site: Path) -> None:
    """Term pages (each shows its term as a heading); a sample unless MATOME_FUZZ is set (the
    tags index, tested above, lists every term with the same escaping)."""
    pages = sorted(
        p.parent.relative_to(html_site).as_posix() + "/"
        for p in (html_site / "tags").glob("*/**/index.html")
        if REDIRECT_MARK not in p.read_text(encoding="utf-8")  # a redirect navigates away
    )
    assert len(pages) > 10
    if not FUZZ:
        pages = pages[:: max(1, len(pages) // 8)]
    problems = {}
    for page in pages:
        found = findings(guard.open(page), baselines["post"], sentinels=False)
        if found:
            problems[page] = found
    assert problems == {}


def test_url_and_alias_payloads_are_inert(
    guard: Guard, baselines: dict, html_site: Path, injection_project: InjectionProject
) -> None:
    """Pages published at a payload URL, and the redirect pages of payload aliases."""
    pages = sorted(
        p.parent.relative_to(html_site).as_posix() + "/"
        for p in html_site.glob("[ua]/**/index.html")
    )
    redirects = [
        p
        for p in pages
        if REDIRECT_MARK in (html_site / p / "index.html").read_text(encoding="utf-8")
    ]
    assert len(pages) - len(redirects) >= len(URL_PAYLOADS) - 1
    assert len(redirects) >= len(URL_PAYLOADS) - 1
    problems = {}
    for page in pages:
        if page in redirects:
            found = _redirect_findings(guard, html_site, page)
        else:
            found = findings(guard.open(page), baselines["post"])
        if found:
            problems[page] = found
    assert problems == {}


_SCRIPT_URL = re.compile(r"[\x00-\x20]*(?:javascript|vbscript|data):", re.IGNORECASE)


class _RedirectAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "iframe", "object", "embed", "base", "form", "svg"):
            self.found.append(f"<{tag}> in a redirect page")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}> in a redirect page")
            url = re.sub(r"^\d+;\s*url=", "", value or "") if name == "content" else value or ""
            if name in ("href", "content") and _SCRIPT_URL.match(url):
                self.found.append(f"<{tag} {name}={value!r}>")


def _redirect_findings(guard: Guard, html_site: Path, page: str) -> list[str]:
    """A redirect page leaves at once: its markup is checked as text, then the browser must
    follow it to a page of the site and nowhere else."""
    audit = _RedirectAudit()
    audit.feed((html_site / page / "index.html").read_text(encoding="utf-8"))
    found = audit.found
    guard.events = {"requests": [], "dialogs": [], "popups": [], "navigations": []}
    guard.url = (html_site / page / "index.html").resolve().as_uri()
    guard.page.goto(guard.url, wait_until="load")
    guard.page.wait_for_timeout(200)
    guard.page.wait_for_load_state("load")
    found += [f"request left the page: {url}" for url in guard.events["requests"]]
    found += [f"dialog: {message}" for message in guard.events["dialogs"]]
    found += [f"pop-up: {url}" for url in guard.events["popups"]]
    found += [
        f"left the site: {u}" for u in guard.events["navigations"] if not u.startswith(guard.local)
    ]
    found += [f"script ran: {hit}" for hit in guard.page.evaluate("window.__matome_hits || []")]
    return found


def test_migrator_refusals(injection_project: InjectionProject) -> None:
    """Only the oversized tag is refused (located, clear), and every other post is written."""
    assert injection_project.unwritable == []
    refused = sorted(p for p, docname in injection_project.posts.items() if not docname)
    assert refused == []
    errors = [line for line in injection_project.migrate.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1 and "oversized/index.md" in errors[0], errors  # the source file
    assert "cannot be a URL path" in errors[0]


def test_remote_images_in_bodies_stay_on_the_page(
    guard: Guard, injection_project: InjectionProject
) -> None:
    """A web image in a quote body would make every reader's browser fetch it (a tracking
    beacon from an untrusted commenter): the migrator makes it a link showing its alt text."""
    report = guard.open(url_for_docname(injection_project.posts["remote-image"]).lstrip("/"))
    assert report["requests"] == []
    page = injection_project.out / f"{injection_project.posts['remote-image']}.md"
    assert "[i](https://evil.invalid/beacon.png)" in page.read_text(encoding="utf-8")
