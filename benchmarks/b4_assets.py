"""B4: the CSS and JavaScript a page carries because of the extension.

A few real posts are built twice, as in B2: with ``matome-quote`` and as plain blockquotes
without the extension. For each post page the difference is measured:

* stylesheets linked only by the ``matome`` page (their gzip size: a browser fetches each once
  and caches it, but a first visit pays it in full);
* the inline ``style`` custom properties of colored quotes, as the growth of the gzipped page
  when they are present;
* scripts linked only by the ``matome`` page, and ``<script>`` inside quote markup.

Targets: stylesheet + inline CSS ≤ 4 KiB gzip per page; no JavaScript.
"""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
from pathlib import Path

from b2_directive import make_projects
from common import kib, measure, migrate_command, post_files, subset_site, tool

LINK = re.compile(r'<link rel="stylesheet"[^>]*href="([^"?]+)')
SCRIPT = re.compile(r'<script[^>]*?(?:src="([^"?]+))?[^>]*>')
STYLE = re.compile(r'(<figure class="matome-quote[^"]*"[^>]*?) style="[^"]*"')
FIGURE = re.compile(r'<figure class="matome-quote.*?</figure>', re.S)


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def run(args, work: Path, say) -> dict:
    from sphinxcontrib_matome.migrate.site import read_site_config

    files = post_files(args.corpus)
    chosen = [files[round(i * (len(files) - 1) / 4)] for i in range(5)]
    site = subset_site(args.corpus, work / "b4-site", sorted(set(chosen)))
    migrated = work / "b4-migrated"
    shutil.rmtree(migrated, ignore_errors=True)
    log = work / "b4.log"
    measure(migrate_command(site, migrated, 1), log=log)
    language = read_site_config(site).language.split("-")[0] or "en"
    make_projects(migrated, work / "b4", args.theme, language)
    html = {}
    for variant in ("matome", "plain"):
        source = work / "b4" / f"b2-{variant}"
        html[variant] = source / "_build" / "html"
        measure([tool("sphinx-build"), "-q", "-b", "dirhtml", str(source), str(html[variant])])

    pages = sorted(
        p.relative_to(html["matome"]) for p in html["matome"].glob("posts/*/*/index.html")
    )
    stylesheets: set[str] = set()
    scripts: set[str] = set()
    inline: list[int] = []
    inline_raw: list[int] = []
    scripts_in_quotes = 0
    for relative in pages:
        ours = (html["matome"] / relative).read_text(encoding="utf-8")
        theirs = (html["plain"] / relative).read_text(encoding="utf-8")
        stylesheets |= set(LINK.findall(ours)) - set(LINK.findall(theirs))
        scripts |= {s for s in SCRIPT.findall(ours) if s} - set(SCRIPT.findall(theirs))
        scripts |= {"inline <script>"} if ours.count("<script") > theirs.count("<script") else set()
        without = STYLE.sub(r"\1", ours)
        inline.append(_gzip(ours.encode()) - _gzip(without.encode()))
        inline_raw.append(len(ours) - len(without))
        scripts_in_quotes += sum(f.count("<script") for f in FIGURE.findall(ours))
    page_dir = html["matome"] / pages[0]
    sheet_bytes = {
        name: (page_dir.parent / name).resolve().read_bytes() for name in sorted(stylesheets)
    }
    sheet_gzip = sum(_gzip(data) for data in sheet_bytes.values())
    sheet_raw = sum(len(data) for data in sheet_bytes.values())
    inline_mean = statistics.fmean(inline)
    total = sheet_gzip + inline_mean
    say(f"B4: {len(pages)} post pages, the extension's additions per page")
    names = ", ".join(Path(name).name for name in sheet_bytes) or "none"
    say(f"stylesheets: {names}: {kib(sheet_raw)} raw, {kib(sheet_gzip)} gzip")
    say(
        f"inline quote colors: {kib(statistics.fmean(inline_raw))} raw, "
        f"{kib(inline_mean)} gzip per page on average (max {kib(max(inline))})"
    )
    say(f"total CSS: {kib(total)} gzip per page (target ≤ 4 KiB)")
    say(
        f"JavaScript added: {', '.join(sorted(scripts)) or 'none'}; "
        f"<script> inside quotes: {scripts_in_quotes} (target: none)"
    )
    return {
        "pages": len(pages),
        "stylesheets": {name: len(data) for name, data in sheet_bytes.items()},
        "stylesheet gzip": sheet_gzip,
        "inline gzip mean": inline_mean,
        "inline raw mean": statistics.fmean(inline_raw),
        "total css gzip": total,
        "scripts added": sorted(scripts),
        "scripts in quotes": scripts_in_quotes,
        "pass": total <= 4096 and not scripts and not scripts_in_quotes,
    }
