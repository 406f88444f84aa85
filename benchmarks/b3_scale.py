"""B3: the migrated archive builds on a small machine, and pages do not grow with it.

The newest ``--months N`` of the corpus (every month with ``--full``) are migrated and built
from scratch with ``sphinx-build -b dirhtml -j auto`` — the generated ``conf.py`` as users get
it. Reported:

* wall and CPU time, the largest process's RSS and the peak sum over all build processes
  (target: peak RSS ≤ 4 GiB);
* HTML page sizes by kind, and the mean size of the newest month's post pages in this build
  against a build of that month alone (target: no growth, ratio ≈ 1.00);
* doctree and environment pickle sizes;
* an incremental rebuild after appending a sentence to one post, repeated ``--repeat`` times
  with a different sentence (median), as a share of the full build (target ≤ 3 %).
"""

from __future__ import annotations

import shutil
import statistics
from collections import defaultdict
from pathlib import Path

from common import (
    Run,
    kib,
    measure,
    mib,
    migrate_command,
    migrated_posts,
    month_folders,
    subset_site,
    table,
    tool,
)

LIMIT_RSS = 4 * 2**30


def _build_command(source: Path, out: Path) -> list[str]:
    return [tool("sphinx-build"), "-q", "-b", "dirhtml", "-j", "auto", str(source), str(out)]


def _kind(relative: Path) -> str:
    parts = relative.parts
    if len(parts) >= 3 and parts[0] == "posts" and parts[1][:4].isdigit():
        return "post"
    if len(parts) >= 2 and parts[0] in ("tags", "months", "categories", "series", "authors"):
        return "term" if len(parts) > 2 else "other"
    if len(parts) >= 2 and parts[0] == "posts" and parts[1] == "_archive":
        return "month toctree"
    return "other"


def page_sizes(html: Path) -> dict[str, dict[str, float]]:
    sizes: dict[str, list[int]] = defaultdict(list)
    for page in html.rglob("*.html"):
        relative = page.relative_to(html)
        if relative.parts[0] in ("_static", "_sources", "_images"):
            continue
        sizes[_kind(relative)].append(page.stat().st_size)
    every = [size for values in sizes.values() for size in values]
    sizes["all pages"] = every
    return {
        kind: {"pages": len(values), "mean": statistics.fmean(values), "max": max(values)}
        for kind, values in sizes.items()
        if values
    }


def _tree_size(folder: Path, pattern: str) -> int:
    return sum(path.stat().st_size for path in folder.rglob(pattern))


def check_splitter(source: Path, say) -> bool | None:
    """Whether the generated conf.py's search splitter splits like Sphinx's own (on the text
    of up to 20 migrated posts); None when it names none."""
    conf = (source / "conf.py").read_text(encoding="utf-8")
    if "html_search_options" not in conf:
        return None
    from sphinx.search.ja import DefaultSplitter

    from sphinxcontrib_matome.html_writer import JapaneseSplitter

    lines = [
        line
        for post in migrated_posts(source)[:20]
        for line in post.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    same = [DefaultSplitter({}).split(line) for line in lines] == [
        JapaneseSplitter({}).split(line) for line in lines
    ]
    say(f"search words: JapaneseSplitter {'==' if same else '!='} Sphinx's on {len(lines)} lines")
    return same


class Project:
    """One migrated selection of months and its build."""

    def __init__(self, corpus: Path, folders: list[Path], work: Path, log: Path) -> None:
        self.name = f"{len(folders)} month{'s' if len(folders) > 1 else ''}"
        self.folders = folders
        self.root = work / f"b3-{len(folders)}"
        self.log = log
        shutil.rmtree(self.root, ignore_errors=True)
        if folders == month_folders(corpus):
            self.site = corpus
        else:
            self.site = subset_site(corpus, self.root / "site", folders)
        self.source = self.root / "src"
        self.html = self.root / "src" / "_build" / "html"

    def migrate(self) -> Run:
        return measure(migrate_command(self.site, self.source, 2), log=self.log)

    def build(self) -> Run:
        return measure(_build_command(self.source, self.html), log=self.log)

    def newest_posts(self, month: str) -> dict[str, int]:
        """Sizes of the post pages of one month (``YYYY_MM``), by path."""
        return {
            str(page.relative_to(self.html)): page.stat().st_size
            for page in (self.html / "posts" / month).rglob("index.html")
        }


def run(args, work: Path, say) -> dict:
    corpus: Path = args.corpus
    folders = month_folders(corpus)
    if not folders:
        say("B3 skipped: no content/<section>/<YYYY_MM> folders in the corpus")
        return {"skipped": "no month folders"}
    months = (
        len(folders) if args.full else min(args.months or (1 if args.quick else 2), len(folders))
    )
    log = work / "b3.log"
    newest = folders[-1].name
    result: dict = {"months": months, "of": len(folders)}
    say(f"B3: the newest {months} of {len(folders)} months, dirhtml -j auto")

    baseline_sizes: dict[str, int] = {}
    if months > 1:
        one = Project(corpus, folders[-1:], work, log)
        one.migrate()
        run_one = one.build()
        baseline_sizes = one.newest_posts(newest)
        result["one month build"] = run_one.__dict__
        say(f"1 month: {run_one.wall:.0f} s wall, {run_one.cpu:.0f} s CPU (for page sizes)")
        shutil.rmtree(one.root, ignore_errors=True)

    project = Project(corpus, folders[-months:], work, log)
    migrated = project.migrate()
    posts = len(migrated_posts(project.source))
    quotes = sum(
        text.count("{matome-quote}")
        for text in (p.read_text(encoding="utf-8") for p in project.source.rglob("*.md"))
    )
    documents = sum(1 for _ in project.source.rglob("*.md"))
    say(
        f"migrated {posts} posts, {quotes} quotes, {documents} documents in "
        f"{migrated.wall:.0f} s wall, {migrated.cpu:.0f} s CPU"
    )
    full = project.build()
    say(
        f"full build: {full.wall:.0f} s wall, {full.cpu:.0f} s CPU; largest process "
        f"{mib(full.max_rss)}, all processes {mib(full.tree_rss)} RSS / "
        f"{mib(full.tree_pss)} PSS (target ≤ 4 GiB)"
    )
    result.update(posts=posts, quotes=quotes, documents=documents, full=full.__dict__)

    sizes = page_sizes(project.html)
    rows = [("pages", "count", "mean", "max")]
    rows += [(kind, str(v["pages"]), kib(v["mean"]), kib(v["max"])) for kind, v in sizes.items()]
    say(table(rows))
    result["page sizes"] = sizes
    if baseline_sizes:
        now = project.newest_posts(newest)
        shared = sorted(set(now) & set(baseline_sizes))
        growth = statistics.fmean(now[p] for p in shared) / statistics.fmean(
            baseline_sizes[p] for p in shared
        )
        result["page growth"] = growth
        here = statistics.fmean(now[p] for p in shared)
        alone = statistics.fmean(baseline_sizes[p] for p in shared)
        say(
            f"the {len(shared)} posts of {newest}: mean page {kib(here)} here vs {kib(alone)} "
            f"in a 1-month build: ratio {growth:.3f} (target ≈ 1.00)"
        )
    result["splitter identical"] = check_splitter(project.source, say)
    doctrees = project.html / ".doctrees"
    result["doctrees"] = _tree_size(doctrees, "*.doctree")
    result["environment.pickle"] = (doctrees / "environment.pickle").stat().st_size
    result["searchindex.js"] = (project.html / "searchindex.js").stat().st_size
    say(
        f"doctrees {mib(result['doctrees'])}, environment.pickle "
        f"{mib(result['environment.pickle'])}, searchindex.js {mib(result['searchindex.js'])}"
    )

    # Incremental: edit one post in the oldest month built, rebuild, repeat with new words.
    candidates = migrated_posts(project.source, folders[-months].name)
    edited = candidates[len(candidates) // 2]
    original = edited.read_bytes()
    runs = []
    try:
        for round_ in range(args.repeat):
            edited.write_bytes(original + f"\nベンチマークの編集 {round_ + 1}。\n".encode())
            runs.append(project.build())
            say(
                f"  [{round_ + 1}/{args.repeat}] incremental: {runs[-1].wall:.1f} s wall, "
                f"{runs[-1].cpu:.1f} s CPU"
            )
    finally:
        edited.write_bytes(original)
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    share = {"wall": wall / full.wall, "cpu": cpu / full.cpu}
    say(
        f"incremental rebuild after editing {edited.relative_to(project.source)}: "
        f"{100 * share['wall']:.1f} % of the full build's wall time, "
        f"{100 * share['cpu']:.1f} % of its CPU (target ≤ 3 %)"
    )
    result["incremental"] = {"runs": [r.__dict__ for r in runs], "share": share}
    result["pass"] = (
        full.tree_rss <= LIMIT_RSS
        and share["wall"] <= 0.03
        and result.get("page growth", 1.0) <= 1.02
        and result["splitter identical"] is not False
    )
    if not args.work:
        shutil.rmtree(project.root, ignore_errors=True)
    return result
