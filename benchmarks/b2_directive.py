"""B2: what the ``matome-quote`` directive costs a build.

N real posts (spread evenly over the archive) are migrated once, then written as two Sphinx
projects that differ only in the quotes:

* ``matome``: the migrated pages as they are, with ``sphinxcontrib_matome`` loaded;
* ``plain``: every quote rewritten as a Markdown blockquote whose first line is the speaker's
  name in bold and the time — the cheapest faithful rendering — without the extension.

Both are built from scratch (``-E``, fresh output) with the ``dirhtml`` builder in one process
and with ``-j 2``, alternately. The theme is the lean default (alabaster, with the search box
and relations as sidebars) so the theme's cost does not dilute the quotes' cost; the language
and search splitter are the migrated ``conf.py``'s, so the search index is built as the real
site builds it.

A third project, ``minimal``, holds the same pages as ``matome`` with a directive that only
nests the body in a block quote under the name (:mod:`minimal_quote`): minimal/plain is what
any directive costs in MyST, matome/minimal what the extension adds to that.

Target: matome/plain ≤ 1.05 in both modes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from common import (
    alternate,
    measure,
    migrate_command,
    migrated_posts,
    post_files,
    ratio,
    series_rows,
    subset_site,
    table,
    tool,
)

OPEN = re.compile(r"^(`{3,}|:{3,})\{matome-quote\}\s*$")
RECENT = re.compile(r"^(`{3,})\{matome-recent-posts\}\n(?::[^\n]*\n)*\1\n", re.M)
OPTION = re.compile(r"^:([\w-]+):\s*(.*)$")


def _value(raw: str) -> str:
    raw = raw.strip()
    return json.loads(raw) if raw.startswith('"') else raw


def plain_quotes(text: str) -> tuple[str, int]:
    """Rewrite every ``matome-quote`` block as a Markdown blockquote; (text, quotes)."""
    from sphinxcontrib_matome.migrate.convert import escape_markdown

    lines = text.split("\n")
    out: list[str] = []
    count = 0
    index = 0
    while index < len(lines):
        match = OPEN.match(lines[index])
        if not match:
            out.append(lines[index])
            index += 1
            continue
        fence = match.group(1)
        index += 1
        options: dict[str, str] = {}
        while index < len(lines) and (option := OPTION.match(lines[index])):
            options[option.group(1)] = _value(option.group(2))
            index += 1
        body: list[str] = []
        while lines[index].rstrip() != fence:
            body.append(lines[index])
            index += 1
        index += 1  # the closing fence
        while body and not body[0].strip():
            body.pop(0)
        user = escape_markdown(options.get("user-name", ""))
        when = options.get("created-at", "")
        header = f"> **{user}**" + (f" ({escape_markdown(when)}):" if when else ":")
        out.append(header)
        if body:
            out.append(">")
            out += [f"> {line}" if line.strip() else ">" for line in body]
        out.append("")  # a blank line: the next line is never a lazy continuation
        count += 1
    return "\n".join(out), count


VARIANTS = ("matome", "minimal", "plain")

CONF = """\
import sys
sys.path.insert(0, {benchmarks!r})
project = "B2"
language = {language!r}
extensions = {extensions!r}
html_theme = {theme!r}
{sidebars}smartquotes = False
myst_enable_extensions = []
exclude_patterns = ["_build"]
{search}"""


def make_projects(migrated: Path, work: Path, theme: str, language: str) -> dict[str, int]:
    posts = migrated_posts(migrated)
    counts = {"posts": len(posts), **dict.fromkeys(VARIANTS, 0)}
    # The search splitter migrated projects use, on both sides.
    search = "".join(
        line + "\n"
        for line in (migrated / "conf.py").read_text(encoding="utf-8").splitlines()
        if line.startswith("html_search_options")
    )
    sidebars = (
        'html_sidebars = {"**": ["searchfield.html", "relations.html"]}\n'
        if theme == "alabaster"
        else ""
    )
    for variant in VARIANTS:
        project = work / f"b2-{variant}"
        shutil.rmtree(project, ignore_errors=True)
        if (migrated / "_static").is_dir():
            shutil.copytree(migrated / "_static", project / "_static")
        docnames = []
        for path in posts:
            relative = path.relative_to(migrated)
            text = path.read_text(encoding="utf-8")
            text = RECENT.sub("", text).replace("](/posts/index.md)", "](/index.md)")
            if variant == "plain":
                text, quotes = plain_quotes(text)
            else:
                quotes = len(re.findall(r"^(`{3,}|:{3,})\{matome-quote\}", text, re.M))
            counts[variant] += quotes
            target = project / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            docnames.append(relative.with_suffix("").as_posix())
        toctree = "\n".join(docnames)
        (project / "index.md").write_text(
            f"# B2\n\n```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n", encoding="utf-8"
        )
        extensions = ["myst_parser", "sphinx_design"]
        if variant == "matome":
            extensions.append("sphinxcontrib_matome")
        elif variant == "minimal":
            extensions.append("minimal_quote")  # found through sys.path, set below
        conf = CONF.format(
            language=language,
            extensions=extensions,
            theme=theme,
            sidebars=sidebars,
            search=search,
            benchmarks=str(Path(__file__).resolve().parent),
        )
        (project / "conf.py").write_text(conf, encoding="utf-8")
    return counts


def _builder(source: Path, out: Path, jobs: int, log: Path):
    command = [tool("sphinx-build"), "-E", "-q", "-b", "dirhtml", f"-j{jobs}"]
    return lambda: measure([*command, str(source), str(out / "html")], log=log)


def _cleaner(outputs: dict[str, Path]):
    return lambda name: shutil.rmtree(outputs[name], ignore_errors=True)


def run(args, work: Path, say) -> dict:
    from sphinxcontrib_matome.migrate.site import read_site_config

    corpus: Path = args.corpus
    files = post_files(corpus)
    count = min(args.posts or (20 if args.quick else 60), len(files))
    chosen = [files[round(i * (len(files) - 1) / max(count - 1, 1))] for i in range(count)]
    site = subset_site(corpus, work / "b2-site", sorted(set(chosen)))
    migrated = work / "b2-migrated"
    shutil.rmtree(migrated, ignore_errors=True)
    log = work / "b2.log"
    measure(migrate_command(site, migrated, 2), log=log)
    language = read_site_config(site).language.split("-")[0] or "en"
    counts = make_projects(migrated, work, args.theme, language)
    if len({counts[variant] for variant in VARIANTS}) != 1:
        raise RuntimeError(f"quote counts differ: {counts}")
    say(
        f"B2: {counts['posts']} posts, {counts['matome']} quotes; theme {args.theme}, "
        f"language {language}; matome-quote vs a minimal directive vs plain blockquotes, "
        f"{args.repeat} rounds"
    )
    results: dict = {"posts": counts["posts"], "quotes": counts["matome"], "modes": {}}
    for jobs in (1, 2):
        outputs = {name: work / f"b2-{name}" / "_build" for name in VARIANTS}
        builds = {name: _builder(work / f"b2-{name}", outputs[name], jobs, log) for name in outputs}
        say(f"-j {jobs}:")
        series = alternate(builds, args.repeat, _cleaner(outputs), say)
        say(table(series_rows(series)))
        mode: dict = {
            "series": {name: [r.__dict__ for r in item.runs] for name, item in series.items()}
        }
        for numerator, denominator, note in (
            ("matome", "plain", " (target ≤ 1.05)"),
            ("minimal", "plain", ": the cost of any MyST directive"),
            ("matome", "minimal", ": the extension's own work"),
        ):
            ratios = ratio(series, numerator, denominator)
            mode[f"{numerator}/{denominator}"] = ratios
            say(
                f"{numerator}/{denominator} (-j {jobs}) = {ratios['wall']:.3f} wall, "
                f"{ratios['cpu']:.3f} CPU{note}"
            )
        results["modes"][f"j{jobs}"] = mode
    results["pass"] = all(mode["matome/plain"]["cpu"] <= 1.05 for mode in results["modes"].values())
    return results
