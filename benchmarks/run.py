"""Run the performance benchmarks B1-B4 (all, or the ones named).

Usage::

    python benchmarks/run.py [b1] [b2] [b3] [b4] [--quick] [--months N | --full] [--repeat R]
                             [--corpus HUGO_SITE] [--work DIR] [--json FILE]

* B1 migrate vs Hugo — ``sphinx-matome migrate`` against Hugo with minimal templates and a
  naive regex pass, over the whole corpus (one month with ``--quick``).
* B2 directive overhead — N posts built with ``matome-quote`` vs plain blockquotes, in one
  process and with ``-j 2`` (``--posts N``; 60 posts, 20 with ``--quick``).
* B3 archive scale — the newest ``--months N`` of the corpus migrated and built with
  ``dirhtml -j auto``: peak memory, page sizes against a one-month build, an incremental
  rebuild after editing one post (``--full`` builds every month).
* B4 assets — the CSS a page links and carries because of the extension, and its JavaScript.

Each benchmark prints the ratios it measured against a baseline run alternately in the same
invocation (``--repeat`` rounds, medians) and CPU time next to wall time. The corpus is
``--corpus``, ``$MATOME_CORPUS``, or ``../shared/corpus/kaigai-matome`` beside the repository;
without it the benchmarks that need it are skipped and the exit status is 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

import b1_migrate
import b2_directive
import b3_scale
import b4_assets
from common import default_corpus, machine, revision

BENCHMARKS = {"b1": b1_migrate, "b2": b2_directive, "b3": b3_scale, "b4": b4_assets}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", nargs="*", metavar="b1|b2|b3|b4")
    parser.add_argument("--quick", action="store_true", help="small inputs, fewer rounds")
    parser.add_argument("--corpus", type=Path, default=default_corpus(), help="a Hugo site")
    parser.add_argument("--repeat", type=int, help="rounds per comparison (default 3, quick 2)")
    parser.add_argument("--jobs", type=int, help="B1: migrate processes (default: CPUs)")
    parser.add_argument("--posts", type=int, help="B2: posts to build (default 60)")
    parser.add_argument(
        "--theme", default="alabaster", help="B2: html_theme of both projects (default alabaster)"
    )
    months = parser.add_mutually_exclusive_group()
    months.add_argument("--months", type=int, help="B3: newest months to build (default 2)")
    months.add_argument("--full", action="store_true", help="B3: build every month")
    parser.add_argument("--work", type=Path, help="keep inputs and outputs in DIR")
    parser.add_argument("--json", type=Path, help="write every measurement to FILE")
    args = parser.parse_args(argv)
    unknown = [name for name in args.which if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r} (choose from b1, b2, b3, b4)")
    args.which = args.which or list(BENCHMARKS)
    args.repeat = args.repeat or (2 if args.quick else 3)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not (args.corpus / "content").is_dir():
        print(f"skipped: no corpus at {args.corpus} (set MATOME_CORPUS or --corpus)")
        return 0
    args.corpus = args.corpus.resolve()
    work = args.work or Path(tempfile.mkdtemp(prefix="matome-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    import sphinx

    header = f"machine: {machine()}\ncode: {revision()}, Sphinx {sphinx.__version__}"
    print(header, flush=True)
    results: dict = {"machine": header, "args": {k: str(v) for k, v in vars(args).items()}}
    failed = []
    try:
        for name in args.which:
            start = time.perf_counter()
            print(f"\n=== {name.upper()} ===", flush=True)
            result = BENCHMARKS[name].run(args, work, lambda line: print(line, flush=True))
            result["seconds"] = round(time.perf_counter() - start, 1)
            results[name] = result
            if result.get("pass") is False:
                failed.append(name.upper())
            print(f"({name.upper()} took {result['seconds']:.0f} s)", flush=True)
    finally:
        if args.json:
            args.json.write_text(
                json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8"
            )
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    verdict = f"missed target: {', '.join(failed)}" if failed else "all targets met"
    print(f"\n{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
