#!/usr/bin/env python3
"""Check that migrated quote bodies show the same visible text as Hugo did.

Developer script.  For every quote of the Hugo oracle output (``hugo_oracle.py``: one JSON
file per post with ``body_param`` and Hugo's ``body_text``) it runs
:func:`sphinxcontrib_matome.migrate.body.body_to_myst`, renders the result with myst-parser's
docutils pipeline inside a ``matome-quote`` directive (no MyST extension enabled, smart quotes
off, ``<br>`` passed through as raw HTML), normalises the HTML with the oracle's
``visible_text`` and compares.  It prints the counts, the differences grouped by cause with a
few examples, MyST warnings, and the transform speed against a naive regex pass.

Usage::

    python scripts/body_fidelity.py [--oracle DIR] [--shared DIR] [--jobs N] [--limit N]

The corpus and the oracle are read by path; without them the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import multiprocessing
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from sphinxcontrib_matome.migrate.body import (  # noqa: E402
    DEL_ROLE,
    BodyResult,
    _convert,
    _emoji_table,
    body_to_myst,
)

DEFAULT_ORACLE = "/work/oracle-out"
DEFAULT_SHARED = "/work/shared/oracle"
DEFAULT_BASE_URL = "https://www.kaigai-tech-matome.com"
BATCH = 250

Quote = tuple[str, int, str, str]  # (post path, quote index, body_param, body_text)

# Notes whose visible difference from Hugo is deliberate, with the cause printed for them.
DELIBERATE = {
    "task-checkbox": "deliberate: task checkbox shown as a ballot box",
    "image-dropped": "deliberate: image with a non-web source shown as its alt text",
    "image-to-link": "deliberate: image with an ftp/mailto source made a link",
    "strikethrough-partial": "kept: markup inside struck text is not struck",
    "control-char-dropped": "deliberate: control character dropped",
}


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


def load_quotes(oracle: str, limit: int | None) -> list[Quote]:
    quotes: list[Quote] = []
    files = sorted(glob.glob(os.path.join(oracle, "posts", "*", "*.json")))
    if limit:
        files = files[:limit]
    for name in files:
        with open(name, encoding="utf-8") as fh:
            post = json.load(fh)
        for q in post["quotes"]:
            quotes.append((post["path"], q["index"], q["body_param"], q["body_text"]))
    return quotes


# ---------------------------------------------------------------------------------------------
# Rendering with myst-parser (docutils), in worker processes
# ---------------------------------------------------------------------------------------------

_visible_text: Callable[[str], str] | None = None
_SYSMSG = re.compile(
    r'<aside class="system-message"[^>]*>.*?</aside>'
    r'|<section class="system-messages">.*?</section>',
    re.DOTALL,
)
_MARK = re.compile(r"<!--q:(\d+)-->(.*?)<!--/q:\1-->", re.DOTALL)
_WARN = re.compile(r"^<string>:(\d+): \((\w+)/\d\) (.*)$", re.MULTILINE)


def _setup(shared: str) -> None:
    """Worker initialiser: the oracle's normaliser and a stand-in for the Sphinx extension."""
    global _visible_text
    sys.path.insert(0, shared)
    from docutils import nodes
    from docutils.parsers.rst import Directive, directives, roles
    from hugo_oracle import visible_text

    _visible_text = visible_text

    class MatomeQuote(Directive):
        """Just enough of ``matome-quote`` to parse its options and body like Sphinx does."""

        has_content = True
        option_spec = {  # noqa: RUF012
            "user-name": directives.unchanged,
            "created-at": directives.unchanged,
            "color": directives.unchanged,
        }

        def run(self) -> list[nodes.Node]:
            number = self.options.get("user-name", "?")
            box = nodes.container(classes=["matome-quote"])
            self.state.nested_parse(self.content, self.content_offset, box)
            return [
                nodes.raw("", f"<!--q:{number}-->", format="html"),
                box,
                nodes.raw("", f"<!--/q:{number}-->", format="html"),
            ]

    def del_role(name, rawtext, text, lineno, inliner, options=None, content=None):  # type: ignore[no-untyped-def]
        return [nodes.inline(rawtext, text, classes=[DEL_ROLE])], []

    directives.register_directive("matome-quote", MatomeQuote)
    roles.register_local_role(DEL_ROLE, del_role)


def _fence(text: str) -> str:
    longest = max((len(r) for r in re.findall("`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_batch(items: list[tuple[int, str]]) -> dict[int, tuple[str, list[str]]]:
    """Render (number, myst body) pairs in one document; return visible text and warnings."""
    from docutils.core import publish_parts
    from myst_parser.parsers.docutils_ import Parser

    assert _visible_text is not None
    lines: list[str] = []
    spans: list[tuple[int, int, int]] = []
    for number, text in items:
        fence = _fence(text)
        first = len(lines) + 1
        lines += [f"{fence}{{matome-quote}}", f":user-name: {number}", ""]
        if text:
            lines.append(text)
        lines += [fence, ""]
        spans.append((first, len(lines), number))
    stream = io.StringIO()
    settings = {
        "myst_enable_extensions": [],
        "smart_quotes": False,
        "report_level": 2,
        "halt_level": 5,
        "warning_stream": stream,
        "doctitle_xform": False,
        "sectsubtitle_xform": False,
        "initial_header_level": 2,
        "output_encoding": "unicode",
        "embed_stylesheet": False,
    }
    parts = publish_parts(
        "\n".join(lines), parser=Parser(), writer="html5", settings_overrides=settings
    )
    warnings: dict[int, list[str]] = defaultdict(list)
    for m in _WARN.finditer(stream.getvalue()):
        line = int(m.group(1))
        for first, last, number in spans:
            if first <= line <= last:
                warnings[number].append(f"{m.group(2)}: {m.group(3)}")
                break
        else:
            warnings[-1].append(f"{m.group(2)}: {m.group(3)}")
    found: dict[int, tuple[str, list[str]]] = {}
    for m in _MARK.finditer(parts["body"]):
        number = int(m.group(1))
        fragment = _SYSMSG.sub("", m.group(2))
        found[number] = (_visible_text(fragment), warnings.get(number, []))
    for _, _, number in spans:
        found.setdefault(number, ("\x00missing", warnings.get(number, [])))
    return found


# ---------------------------------------------------------------------------------------------
# Speed: body_to_myst against a naive regex pass over the same bodies
# ---------------------------------------------------------------------------------------------

_NAIVE_URL = re.compile(r"(?<![<(\w])(?:https?|ftp)://[\x21-\x7e]+")
_NAIVE_QUOTE = re.compile(r"(?<=\w)'(?=\w)")
_NAIVE_EMOJI = re.compile(r":([a-z0-9_+\-]+):")
_NAIVE_DASH = re.compile(r"---?|\.\.\.")
_NAIVE_TYPO = {"--": "\u2013", "---": "\u2014", "...": "\u2026"}


def naive(body: str) -> str:
    """What a regex-only migration would do (and get wrong): a few substitutions."""
    body = _NAIVE_URL.sub(r"<\g<0>>", body)
    body = _NAIVE_DASH.sub(lambda m: _NAIVE_TYPO[m.group()], body)
    body = _NAIVE_QUOTE.sub("\u2019", body)
    return _NAIVE_EMOJI.sub(lambda m: _emoji_table().get(m.group(1), m.group()), body)


def timed(fn: Callable[[str], Any], bodies: Iterable[str], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for b in bodies:
            fn(b)
        best = min(best, time.perf_counter() - t0)
    return best


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def classify(result: BodyResult) -> str:
    for note in result.notes:
        if note.code in DELIBERATE:
            return DELIBERATE[note.code]
    return "unexplained"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--oracle", default=DEFAULT_ORACLE, help="hugo_oracle.py output directory")
    ap.add_argument("--shared", default=DEFAULT_SHARED, help="directory of hugo_oracle.py")
    ap.add_argument("--base-url", default=DEFAULT_BASE_URL)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--limit", type=int, default=0, help="only the first N posts")
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--dump", help="write every difference to this JSON file")
    args = ap.parse_args(argv)

    if not os.path.exists(os.path.join(args.oracle, "_summary.json")):
        print(f"no oracle output at {args.oracle} (run hugo_oracle.py first); nothing to check")
        return 0
    if not os.path.exists(os.path.join(args.shared, "hugo_oracle.py")):
        print(f"hugo_oracle.py not found in {args.shared}; nothing to check")
        return 0

    t_start = time.perf_counter()
    quotes = load_quotes(args.oracle, args.limit or None)
    bodies = [q[2] for q in quotes]
    print(
        f"{len(quotes)} quotes from {args.oracle} (loaded in {time.perf_counter() - t_start:.1f} s)"
    )

    # Transform speed (single process).
    t_naive = timed(naive, bodies)
    t_ours = timed(lambda b: body_to_myst(b, base_url=args.base_url), bodies)
    print(
        f"transform: body_to_myst {t_ours:.2f} s, naive regex pass {t_naive:.2f} s, "
        f"ratio {t_ours / t_naive:.2f}x"
    )

    results = [body_to_myst(b, base_url=args.base_url) for b in bodies]
    items = [(n, r.text) for n, r in enumerate(results)]
    batches = [items[k : k + BATCH] for k in range(0, len(items), BATCH)]
    t0 = time.perf_counter()
    rendered: dict[int, tuple[str, list[str]]] = {}
    if args.jobs > 1:
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(args.jobs, initializer=_setup, initargs=(args.shared,)) as pool:
            for part in pool.imap_unordered(render_batch, batches, chunksize=4):
                rendered.update(part)
    else:
        _setup(args.shared)
        for batch in batches:
            rendered.update(render_batch(batch))
    print(f"rendered with myst-parser in {time.perf_counter() - t0:.1f} s ({args.jobs} jobs)")

    # Bodies whose raw HTML was escaped: render them once more with the HTML passed through as
    # Hugo does.  If that version matches Hugo, escaping is the whole difference.
    raw_codes = {"raw-html-escaped", "raw-html-block-escaped"}
    recheck = [
        n
        for n, r in enumerate(results)
        if rendered[n][0] != quotes[n][3] and any(nt.code in raw_codes for nt in r.notes)
    ]
    passthrough: dict[int, tuple[str, list[str]]] = {}
    if recheck:
        if args.jobs > 1:
            _setup(args.shared)  # the workers had it; this process renders the re-check
        raw_items = [
            (n, _convert(bodies[n], True, True, args.base_url, keep_raw_html=True).text)
            for n in recheck
        ]
        for k in range(0, len(raw_items), BATCH):
            passthrough.update(render_batch(raw_items[k : k + BATCH]))

    equal = 0
    causes: dict[str, list[int]] = defaultdict(list)
    warned: Counter[str] = Counter()
    warn_examples: dict[str, int] = {}
    notes: Counter[str] = Counter()
    for n, (quote, result) in enumerate(zip(quotes, results, strict=True)):
        for note in result.notes:
            notes[note.code] += 1
        text, warnings = rendered[n]
        for w in warnings:
            key = re.sub(r"\d+", "N", w)[:90]
            warned[key] += 1
            warn_examples.setdefault(key, n)
        if text == quote[3]:
            equal += 1
        elif n in passthrough:
            same = passthrough[n][0] == quote[3]
            causes[
                "deliberate: raw HTML shown as text (equal to Hugo once passed through)"
                if same
                else "raw HTML shown as text, and another difference"
            ].append(n)
        else:
            causes[classify(result)].append(n)

    total = len(quotes)
    print(
        f"\nequal visible text: {equal}/{total} ({100 * equal / total:.3f} %), "
        f"different: {total - equal}"
    )
    for cause, ns in sorted(causes.items(), key=lambda kv: -len(kv[1])):
        print(f"\n== {cause}: {len(ns)}")
        for n in ns[: args.examples]:
            path, index, body, hugo = quotes[n]
            print(f"  {path} #{index}")
            print(f"    body : {body[:200]!r}")
            print(f"    myst : {results[n].text[:200]!r}")
            print(f"    hugo : {hugo[:200]!r}")
            print(f"    ours : {rendered[n][0][:200]!r}")
    print("\nnotes (quotes can have several):")
    for code, count in notes.most_common():
        print(f"  {code}: {count}")
    print("\nMyST/docutils messages:" if warned else "\nMyST/docutils messages: none")
    for key, count in warned.most_common():
        n = warn_examples[key]
        print(f"  {count} x {key}   e.g. {results[n].text[:80]!r}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            json.dump(
                [
                    {
                        "cause": cause,
                        "path": quotes[n][0],
                        "index": quotes[n][1],
                        "body": quotes[n][2],
                        "myst": results[n].text,
                        "hugo": quotes[n][3],
                        "ours": rendered[n][0],
                    }
                    for cause, ns in causes.items()
                    for n in ns
                ],
                fh,
                ensure_ascii=False,
                indent=1,
            )
    print(f"\nwall time {time.perf_counter() - t_start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
