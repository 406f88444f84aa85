"""Migrating a whole Hugo site into a Sphinx project.

The run has three steps: convert every content file (in worker processes with ``jobs > 1``),
then build what needs all pages at once (references, section/term/month pages, redirects,
``conf.py``), then apply the planned files to OUT_DIR through :mod:`.output`.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from .convert import (
    REF_PATTERN,
    ConvertOptions,
    PageResult,
    RefRequest,
    convert_page,
    escape_markdown,
)
from .errors import MigrationError
from .messages import Message
from .output import MANIFEST, Plan, WriteResult, apply
from .site import SiteConfig, find_site_root, read_site_config, site_files
from .urls import docname_for_url, file_docname, path_problem, sanitize_term, url_for_docname

REPORT_VERSION = 1
#: Pages Sphinx must not read as documents.
EXCLUDE = ["_build", "_static", "_extra", "Thumbs.db", ".DS_Store", "**/.matome-*"]


@dataclass
class MigrateOptions:
    include_drafts: bool = False
    include_future: bool = False
    include_expired: bool = False
    keep_unknown: bool = False
    keep_going: bool = False
    force: bool = False
    dry_run: bool = False
    jobs: int = 1
    now: datetime | None = None
    theme: str = "pydata_sphinx_theme"
    progress: Callable[[int, int], None] | None = None


@dataclass
class MigrationReport:
    site: str
    out: str
    pages: list[PageResult] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    write: WriteResult = field(default_factory=WriteResult)

    @property
    def errors(self) -> list[Message]:
        return [m for m in self.all_messages if m.level == "error"]

    @property
    def all_messages(self) -> list[Message]:
        return [*self.messages, *(m for page in self.pages for m in page.messages)]

    @property
    def excluded(self) -> list[PageResult]:
        return [page for page in self.pages if page.excluded]

    def as_dict(self) -> dict[str, object]:
        return {
            "version": REPORT_VERSION,
            "site": self.site,
            "out": self.out,
            "pages": sum(1 for p in self.pages if not p.excluded and p.myst is not None),
            "excluded": [{"path": p.source, "reason": p.excluded} for p in self.excluded],
            "counts": dict(sorted(self.counts.items())),
            "written": len(self.write.written),
            "unchanged": len(self.write.unchanged),
            "removed": self.write.removed,
            "hand_edited": self.write.hand_edited,
            "messages": [m.as_dict() for m in self.all_messages],
        }


def content_files(site: SiteConfig, only: list[Path] | None) -> list[Path]:
    if only is not None:
        return sorted(only)
    # Links are never followed out of the site; an unreadable folder is an error.
    return [path for path in site_files(site.content_dir) if path.suffix in (".md", ".markdown")]


def _check_out_dir(site: SiteConfig, out: Path) -> None:
    out_resolved = out.resolve()
    content = site.content_dir.resolve()
    if out_resolved == site.root.resolve() or out_resolved.is_relative_to(content):
        raise MigrationError(
            "OUT_DIR must not be the site or lie inside its content/",
            path=str(out),
            code="bad-out-dir",
        )
    if site.root.resolve().is_relative_to(out_resolved):
        raise MigrationError(
            "OUT_DIR must not contain the Hugo site", path=str(out), code="bad-out-dir"
        )


_worker_setup: tuple[SiteConfig, ConvertOptions] | None = None


def _start_worker(site: SiteConfig, options: ConvertOptions) -> None:
    global _worker_setup
    _worker_setup = (site, options)


def _convert_in_worker(path: Path) -> PageResult:
    assert _worker_setup is not None, "_start_worker runs first in every worker"
    return convert_page(path, *_worker_setup)


def _convert_all(files: list[Path], site: SiteConfig, options: MigrateOptions) -> list[PageResult]:
    convert_options = ConvertOptions(
        include_drafts=options.include_drafts,
        include_future=options.include_future,
        include_expired=options.include_expired,
        keep_unknown=options.keep_unknown,
        now=options.now,
    )
    results: list[PageResult] = []
    total = len(files)
    if options.jobs > 1 and total > 1:
        # The site and options go to each worker once, not with every file.
        with ProcessPoolExecutor(
            max_workers=options.jobs,
            initializer=_start_worker,
            initargs=(site, convert_options),
        ) as pool:
            # Small chunks: the last one decides when the pool is done, and a page takes a
            # few milliseconds, so sixteen keep both the tail and the messaging short.
            chunk = max(1, min(16, total // (options.jobs * 8) or 1))
            iterator: Iterable[PageResult] = pool.map(_convert_in_worker, files, chunksize=chunk)
            for done, result in enumerate(iterator, 1):
                results.append(result)
                if options.progress:
                    options.progress(done, total)
    else:
        for done, path in enumerate(files, 1):
            results.append(convert_page(path, site, convert_options))
            if options.progress:
                options.progress(done, total)
    return results


def migrate(source: Path, out: Path, options: MigrateOptions) -> MigrationReport:
    """Migrate a Hugo site (or content directory, or single files) into ``out``."""
    root, only = find_site_root(source)
    site = read_site_config(root)
    report = MigrationReport(site=str(root), out=str(out))
    _check_out_dir(site, out)
    files = content_files(site, only)
    report.pages = _convert_all(files, site, options)
    for page in report.pages:
        if not page.excluded:  # a draft's quotes are not "in" the migrated site
            report.counts.update(page.counts)
    plan = Plan()
    try:
        _SiteBuilder(site, report, plan, options).build()
    except MigrationError as error:
        report.messages.append(Message.from_error(error, str(out)))
    if report.errors and not options.keep_going:
        return report  # nothing is written: fix the errors, or --keep-going
    report.write = apply(plan, out, force=options.force, dry_run=options.dry_run)
    for relative in report.write.hand_edited:
        report.messages.append(
            Message(
                "error",
                "hand-edited",
                "edited since the last migration; not overwritten (use --force to overwrite)",
                str(out / relative),
            )
        )
    return report


def _destination(docname: str) -> str:
    """A Markdown link destination for a document: ``<…>`` keeps spaces, and backslashes and
    ``&`` (which a term, a URL or a file name may hold) are escaped so they reach MyST
    unchanged."""
    escaped = re.sub(r"([\\<>&])", r"\\\1", f"/{docname}.md")
    return f"<{escaped}>"


def _docname_safe(term: str) -> str:
    """A term URL usable as a Sphinx document name (``c#`` → ``c-sharp``)."""
    return term.replace("#", "-sharp").replace("?", "").replace("%", "-percent")


def _term_docname(taxonomy: str, key: str) -> str:
    """A term page's document: ``tags/go.md``, served at ``/tags/go/``."""
    return file_docname(f"{taxonomy}/{_docname_safe(key)}")


class _SiteBuilder:
    """Everything that needs all pages: links, lists, assets, configuration."""

    def __init__(
        self, site: SiteConfig, report: MigrationReport, plan: Plan, options: MigrateOptions
    ) -> None:
        self.site = site
        self.report = report
        self.plan = plan
        self.options = options
        self.pages = [p for p in report.pages if p.myst is not None and not p.excluded]
        self.by_url: dict[str, PageResult] = {}
        self.redirects: dict[str, str] = {}
        # URL → the document dirhtml serves there, and the content file it comes from
        self.served: dict[str, tuple[str, str]] = {}
        self.links: dict[str, str] = {}  # docname → its line in a list of pages

    def add_document(self, docname: str, text: str | bytes, source: str = "") -> None:
        """Plan ``docname.md``, refusing a second document at the same URL (``a.md`` and
        ``a/index.md`` are both served at ``/a/``); the error names the content file."""
        url = url_for_docname(docname)
        other, other_source = self.served.setdefault(url, (docname, source))
        if other != docname:
            raise MigrationError(
                f"{other}.md and {docname}.md would both be served at {url}",
                path=source or other_source or None,
                code="output-collision",
            )
        self.plan.add(docname + ".md", text)

    def error(
        self,
        code: str,
        message: str,
        path: str = "",
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        self.report.messages.append(Message("error", code, message, path, line, col))

    def build(self) -> None:
        for page in self.report.excluded:
            self.report.messages.append(
                Message(
                    "info",
                    "excluded",
                    f"left out: {page.excluded} (--include-{page.excluded}s keeps it)",
                    str(self.site.content_dir / page.source),
                )
            )
        self.index_urls()
        sections = [p for p in self.pages if p.section_index]
        posts = sorted(
            (p for p in self.pages if not p.section_index),
            key=lambda p: (p.date, p.url),
            reverse=True,
        )
        self.section_pages = {posixpath.dirname(p.source): p for p in sections}
        for page in self.pages:
            if not page.section_index:
                self.plan_page(page)
        self.plan_home(sections)
        self.plan_sections(posts, sections)
        self.plan_taxonomies(posts)
        self.plan_assets()
        self.plan_conf()

    # -- URLs --

    def index_urls(self) -> None:
        for page in self.pages:
            other = self.by_url.get(page.url)
            if other is not None:
                self.error(
                    "url-collision",
                    f"{page.source} and {other.source} both publish {page.url}",
                    str(self.site.content_dir / page.source),
                )
                page.myst = None
                continue
            self.by_url[page.url] = page
        for page in self.pages:
            for alias in page.aliases:
                target = alias if alias.startswith("/") else posixpath.join(page.url, alias)
                target = "/" + posixpath.normpath(target).strip("/") + "/"
                target = target.lower() if self.site.lowercase_paths else target
                if target in self.by_url or target in self.redirects:
                    self.error(
                        "alias-collision",
                        f"alias {alias!r} collides with another page or alias",
                        str(self.site.content_dir / page.source),
                    )
                    continue
                self.redirects[target] = page.url
        self.pages = [p for p in self.pages if p.myst is not None]

    def resolve_ref(self, page: PageResult, target: str) -> str | None:
        """The URL a ``ref``/``relref`` target names, by Hugo's lookup rules (simplified)."""
        path, _, fragment = target.partition("#")
        suffix = f"#{fragment}" if fragment else ""
        if not path:
            return page.url + suffix
        candidate = (
            path if path.startswith("/") else posixpath.join(posixpath.dirname(page.source), path)
        )
        candidate = re.sub(r"(/?(_?index))?\.(md|markdown)$", "", candidate.strip("/"))
        candidate = "/" + candidate.strip("/") + "/" if candidate.strip("/") else "/"
        lowered = candidate.lower() if self.site.lowercase_paths else candidate
        for key in (candidate, lowered):
            if key in self.by_url or key in self.section_urls:
                return key + suffix
        by_source = {re.sub(r"(/?(_?index))?\.(md|markdown)$", "", p.source): p for p in self.pages}
        found = by_source.get(path.strip("/")) or by_source.get(candidate.strip("/"))
        if found:
            return found.url + suffix
        matches = [
            p
            for p in self.pages
            if posixpath.basename(re.sub(r"(/?(_?index))?\.(md|markdown)$", "", p.source))
            == path.strip("/")
        ]
        if len(matches) == 1:
            return matches[0].url + suffix
        return None

    def docname_at(self, url: str) -> str:
        """The document served at ``url``: a page's own, or a section's."""
        page = self.by_url.get(url)
        return page.docname if page is not None else docname_for_url(url)

    @cached_property  # read per ref (1,900 on the archive): once, after index_urls()
    def section_urls(self) -> set[str]:
        sections = {"/" + p.source.split("/", 1)[0] + "/" for p in self.pages if "/" in p.source}
        return sections | {"/"}

    def plan_page(self, page: PageResult) -> None:
        data = page.myst or b""
        source = str(self.site.content_dir / page.source)

        def link(request: RefRequest) -> str:
            url = self.resolve_ref(page, request.target)
            if url is None:
                self.error(
                    "unresolved-ref",
                    f"ref {request.target!r} names no page",
                    source,
                    request.line,
                    request.col,
                )
                return escape_markdown(request.target)
            path, _, fragment = url.partition("#")
            if request.bare:
                return f"<{self.site.base_url.rstrip('/')}{url}>" if self.site.base_url else path
            doc = "/" + self.docname_at(path) + ".md"
            return doc + (f"#{fragment}" if fragment else "")

        def substitute(match: re.Match[bytes]) -> bytes:
            return link(page.refs[int(match.group(1))]).encode("utf-8")

        # No match starts before the first NUL: skip the text before it (usually all but the
        # page's last lines) without the regex engine.
        first = data.find(b"\x00") if page.refs else -1
        if first >= 0:
            data = b"".join((memoryview(data)[:first], REF_PATTERN.sub(substitute, data[first:])))
        self.add_document(page.docname, data, source)
        base = posixpath.dirname(page.source)
        for resource in page.resources:
            relative = posixpath.relpath(resource, base)
            self.plan.add(
                posixpath.join(posixpath.dirname(page.docname), relative),
                self.site.content_dir / resource,
            )

    # -- generated pages --

    def link(self, page: PageResult) -> str:
        """A list item linking *page* (made once: a post is listed on every page of its terms)."""
        line = self.links.get(page.docname)
        if line is None:
            day = page.date[:10]
            title = escape_markdown(page.title or page.source)
            line = f"- [{title}]({_destination(page.docname)}){f' ({day})' if day else ''}"
            self.links[page.docname] = line
        return line

    def intro(self, section: str, default_title: str) -> tuple[str, str]:
        """Title and body of a section's ``_index.md``, if the site has one."""
        page = self.section_pages.get(section)
        if page is None or page.myst is None:
            return escape_markdown(default_title), ""
        body = page.myst.decode("utf-8").split("\n---\n", 1)[-1].strip("\n")
        body = re.sub(r"^# .*\n+", "", body)  # its H1 is replaced by ours
        return escape_markdown(page.title or default_title), body + "\n\n" if body else ""

    def plan_home(self, sections: list[PageResult]) -> None:
        title, intro = self.intro("", self.site.title or "Home")
        sections_present = sorted(
            {
                p.source.split("/", 1)[0]
                for p in self.pages
                if "/" in p.source and not p.section_index
            }
            | {"posts"}
        )
        entries = [f"{s}/index" for s in sections_present]
        entries += [f"{t}/index" for t in sorted(set(self.site.taxonomies.values()))]
        text = (
            f"# {title}\n\n{intro}```{{matome-recent-posts}}\n:limit: 10\n```\n\n"
            "```{toctree}\n:maxdepth: 1\n\n" + "\n".join(entries) + "\n```\n"
        )
        self.add_document("index", text)

    def plan_sections(self, posts: list[PageResult], sections: list[PageResult]) -> None:
        by_section: dict[str, list[PageResult]] = defaultdict(list)
        for post in posts:
            section = post.source.split("/", 1)[0] if "/" in post.source else ""
            by_section[section].append(post)
        if "posts" not in by_section:
            by_section["posts"] = []
        for section, members in sorted(by_section.items()):
            if not section:
                continue
            self.plan_section(section, members)

    def plan_section(self, section: str, members: list[PageResult]) -> None:
        """The section list (``/posts/``, paginated like Hugo) and a toctree by month."""
        months: dict[str, list[PageResult]] = defaultdict(list)
        for post in members:
            months[post.date[:7] or "undated"].append(post)
        month_docs = []
        for month, month_posts in sorted(months.items(), reverse=True):
            docname = f"{section}/_archive/{month}"
            month_docs.append(docname)
            title = month.replace("-", "/")
            toc = "\n".join(f"/{p.docname}" for p in month_posts)
            self.add_document(
                docname,
                (f"# {escape_markdown(title)}\n\n```{{toctree}}\n:maxdepth: 1\n\n{toc}\n```\n"),
            )
        size = max(1, self.site.pager_size)
        chunks = [members[i : i + size] for i in range(0, len(members), size)] or [[]]
        title, intro = self.intro(section, section.capitalize())
        for number, chunk in enumerate(chunks, 1):
            links = "\n".join(self.link(p) for p in chunk)
            nav = self.pager(section, number, len(chunks))
            if number == 1:
                toc = "\n".join(f"/{d}" for d in month_docs)
                text = (
                    f"# {title}\n\n{intro}{links}\n\n{nav}```{{toctree}}\n:maxdepth: 1\n"
                    f":caption: {title}\n:hidden:\n\n{toc}\n```\n"
                )
                self.add_document(f"{section}/index", text)
            else:
                text = f"---\norphan: true\n---\n\n# {title} ({number})\n\n{links}\n\n{nav}"
                self.add_document(f"{section}/page/{number}/index", text)

    def pager(self, section: str, number: int, count: int) -> str:
        if count <= 1:
            return ""

        def doc(n: int) -> str:
            return f"/{section}/index.md" if n == 1 else f"/{section}/page/{n}/index.md"

        parts = []
        if number > 1:
            parts.append(f"[←]({doc(number - 1)})")
        parts.append(f"{number} / {count}")
        if number < count:
            parts.append(f"[→]({doc(number + 1)})")
        return " ".join(parts) + "\n\n"

    def plan_taxonomies(self, posts: list[PageResult]) -> None:
        for taxonomy in sorted(set(self.site.taxonomies.values())):
            terms: dict[str, list[PageResult]] = defaultdict(list)
            spelling: dict[str, str] = {}
            for post in posts:
                for term in post.taxonomies.get(taxonomy, []):
                    # Empty parts dropped, as in the cleaned URL: "a//b/" is /tags/a/b/.
                    key = "/".join(part for part in sanitize_term(term).split("/") if part)
                    if not key:
                        self.report.messages.append(
                            Message(
                                "warning",
                                "empty-term",
                                f"{taxonomy} term {term!r} has no URL characters; left out",
                                str(self.site.content_dir / post.source),
                            )
                        )
                        continue
                    problem = path_problem(key)
                    if problem:
                        self.error(
                            "bad-term",
                            f"{taxonomy} term {term[:80]!r} cannot be a URL path: its URL part "
                            f"{problem}",
                            str(self.site.content_dir / post.source),
                        )
                        continue
                    if key in spelling and spelling[key] != term:
                        self.report.messages.append(
                            Message(
                                "info",
                                "terms-merged",
                                f"{taxonomy} {term!r} and "
                                f"{spelling[key]!r} share /{taxonomy}/{key}/ (as in Hugo)",
                                str(self.site.content_dir / post.source),
                            )
                        )
                    spelling.setdefault(key, term)
                    members = terms[key]
                    if not members or members[-1] is not post:  # a term twice on one post
                        members.append(post)
            lines = []
            for key in sorted(terms):
                docname = _term_docname(taxonomy, key)
                problem = path_problem(docname)
                if problem:  # "#" → "-sharp" made a part too long
                    self.error(
                        "bad-term",
                        f"{taxonomy} term {key[:80]!r}: its page {problem}",
                        str(self.site.content_dir / terms[key][0].source),
                    )
                    continue
                if _docname_safe(key) != key:
                    # Sphinx cannot link a document whose name holds "#" or "?"; Hugo's URL
                    # keeps answering through a redirect.
                    self.redirects[f"/{taxonomy}/{key}/"] = url_for_docname(docname)
                if f"/{taxonomy}/{key}/" in self.by_url:
                    self.error(
                        "url-collision",
                        f"term page /{taxonomy}/{key}/ collides with a content page",
                    )
                    continue
                links = "\n".join(self.link(p) for p in terms[key])
                self.add_document(
                    docname,
                    (f"---\norphan: true\n---\n\n# {escape_markdown(spelling[key])}\n\n{links}\n"),
                )
                lines.append(
                    f"- [{escape_markdown(spelling[key])}]({_destination(docname)}) "
                    f"({len(terms[key])})"
                )
            title = escape_markdown(taxonomy.capitalize())
            self.add_document(f"{taxonomy}/index", f"# {title}\n\n" + "\n".join(lines) + "\n")
            self.report.counts[f"out:{taxonomy}-pages"] += len(lines)

    # -- files and configuration --

    def plan_assets(self) -> None:
        for folder, target in (("assets", "_static"), ("static", "_extra")):
            base = self.site.root / folder
            if not base.is_dir():
                continue
            for path in site_files(base):
                self.plan.add(f"{target}/{path.relative_to(base).as_posix()}", path)

    def plan_conf(self) -> None:
        language = self.site.language.split("-")[0] or "en"
        values: dict[str, object] = {
            "project": self.site.title or "Migrated site",
            "html_title": self.site.title or "Migrated site",
            "language": language,
            "extensions": ["myst_parser", "sphinx_design", "sphinxcontrib_matome"],
            "html_theme": self.options.theme,
            "html_baseurl": self.site.base_url,
            "html_static_path": ["_static"] if (self.site.root / "assets").is_dir() else [],
            "html_extra_path": ["_extra"] if (self.site.root / "static").is_dir() else [],
            "exclude_patterns": EXCLUDE,
            # Typography was applied by the migrator exactly as Hugo's goldmark did; Sphinx's
            # own smartquotes would change quotes again (and differently for Japanese).
            "smartquotes": False,
            # No MyST extension that changes the meaning of migrated text (substitution eats
            # "{{ … }}", dollarmath reads "$3 … $4" as math, linkify links differently).
            "myst_enable_extensions": [],
            "matome_redirects": dict(sorted(self.redirects.items())),
        }
        if language == "ja":
            # Sphinx's splitter, faster, same index (a third of the build time otherwise).
            values["html_search_options"] = {
                "type": "sphinxcontrib_matome.html_writer.JapaneseSplitter"
            }
        if self.options.theme == "pydata_sphinx_theme":
            # The sidebar lists the months, not a month's ~200 posts: a quarter of each page's
            # size and a tenth of the build (see docs/performance.md). Collapsed navigation
            # expands only the current branch.
            values["html_theme_options"] = {
                "collapse_navigation": True,
                "navigation_depth": 1,
                "show_nav_level": 1,
                # Quotes must read as written: no "owner/repo" for GitHub links.
                "shorten_urls": False,
            }
        lines = [
            '"""Sphinx configuration written by `sphinx-matome migrate`; edit freely."""',
            "",
        ]
        lines += [f"{name} = {value!r}" for name, value in values.items()]
        self.plan.add("conf.py", "\n".join(lines) + "\n")


__all__ = ["MANIFEST", "MigrateOptions", "MigrationReport", "migrate"]
