"""Time the shortcode lexer over the real archive against a naive regular-expression pass.

Usage: ``python benchmarks/bench_lexer.py [CONTENT_DIR] [--repeat N]``

CONTENT_DIR defaults to ``$MATOME_CORPUS/content`` or the shared corpus beside the repository.
The bodies are read and split from their front matter first; then the lexer (with tree
building) and ``re.finditer(r"\\{\\{[<%].*?[>%]\\}\\}")`` each run over all of them, alternately,
*N* times.  The medians and their ratio are printed.  Exits 0 with a note when the corpus is
absent.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sphinxcontrib_matome.migrate.frontmatter import split_front_matter
from sphinxcontrib_matome.migrate.lexer import parse

NAIVE = re.compile(r"\{\{[<%].*?[>%]\}\}")


def default_content() -> Path:
    corpus = os.environ.get("MATOME_CORPUS")
    if corpus:
        return Path(corpus) / "content"
    return Path(__file__).resolve().parents[2] / "shared/corpus/kaigai-matome/content"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=default_content())
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.content.is_dir():
        print(f"skipped: no corpus at {args.content}")
        return 0

    bodies = []
    for path in sorted(args.content.rglob("*.md")):
        front = split_front_matter(path.read_text(encoding="utf-8"), path=str(path))
        bodies.append((str(path), front.body, front.body_line))
    size = sum(len(body) for _, body, _ in bodies)

    def run_lexer() -> int:
        return sum(len(parse(body, path=path, first_line=line)) for path, body, line in bodies)

    def run_naive() -> int:
        return sum(sum(1 for _ in NAIVE.finditer(body)) for _, body, _ in bodies)

    # CPU time is reported next to wall time: on a shared machine it is the steadier number.
    times: dict[str, list[tuple[float, float]]] = {"lexer": [], "naive": []}
    for _ in range(args.repeat):
        for name, run in (("lexer", run_lexer), ("naive", run_naive)):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            times[name].append((time.perf_counter() - wall, time.process_time() - cpu))
    wall = {name: statistics.median(t[0] for t in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(t[1] for t in runs) for name, runs in times.items()}
    print(f"{len(bodies)} files, {size / 1e6:.1f} M characters, {args.repeat} repetitions (median)")
    print(f"lexer + tree: {wall['lexer']:.3f} s wall, {cpu['lexer']:.3f} s CPU")
    print(f"naive regex:  {wall['naive']:.3f} s wall, {cpu['naive']:.3f} s CPU")
    ratio_wall = wall["lexer"] / wall["naive"]
    ratio_cpu = cpu["lexer"] / cpu["naive"]
    print(f"ratio:        {ratio_wall:.2f}x wall, {ratio_cpu:.2f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
