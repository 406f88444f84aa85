"""Conformance run: migrate the real archive and verify it against the real Hugo.

    python scripts/conformance.py [CORPUS] [--out DIR] [--months 2025_02 2025_03 …] [--jobs N]

Migrates the whole site (must give 0 errors and equal construct counts), then builds and
verifies each month (``content/posts/YYYY_MM``) with ``sphinx-matome verify`` and prints the
totals per field. Reads the corpus by path (default ``../shared/corpus/kaigai-matome`` or
``$MATOME_CORPUS``) and exits 0 with a message when it is absent. Exit 1 on any error or
unexplained difference.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from sphinxcontrib_matome.cli import main as matome

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("MATOME_CORPUS", ROOT.parent / "shared/corpus/kaigai-matome"))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return matome(argv, out=out, err=err), out.getvalue(), err.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "conformance")
    parser.add_argument("--months", nargs="*", help="month directories to build and verify")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if not (args.corpus / "content").is_dir():
        print(f"corpus not found at {args.corpus}; nothing to do")
        return 0
    start = time.perf_counter()
    whole = args.out / "site"
    status, stdout, stderr = run(
        [
            "migrate",
            str(args.corpus),
            str(whole),
            "--jobs",
            str(args.jobs),
            "--report",
            str(args.out / "report.json"),
        ]
    )
    print(stdout.strip(), f"({time.perf_counter() - start:.1f} s)")
    if status:
        print(stderr)
        return 1
    status, stdout, _ = run(["verify", str(args.corpus), str(whole), "--no-hugo"])
    print(stdout)
    failed = status != 0
    months = args.months
    if months is None:
        months = sorted(p.name for p in (args.corpus / "content/posts").iterdir() if p.is_dir())
    totals: Counter[str] = Counter()
    for month in months:
        source = args.corpus / "content/posts" / month
        out = args.out / month
        html = args.out / f"{month}-html"
        begin = time.perf_counter()
        run(["migrate", str(source), str(out), "--jobs", str(args.jobs), "--force"])
        build = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-W",
                "--keep-going",
                "-j",
                str(args.jobs),
                "-b",
                "dirhtml",
                str(out),
                str(html),
            ],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if build.returncode:
            print(f"{month}: sphinx-build -W failed\n{build.stderr[-3000:]}")
            failed = True
            continue
        report = args.out / f"{month}-verify.json"
        status, stdout, _ = run(
            ["verify", str(source), str(out), "--sphinx-build", str(html), "--report", str(report)]
        )
        data = json.loads(report.read_text(encoding="utf-8"))
        totals["compared"] += data["compared"]
        for field, count in data["equal"].items():
            totals[f"equal:{field}"] += count
        for field, count in data["deliberate"].items():
            totals[f"deliberate:{field}"] += count
        for difference in data["unexplained"]:
            totals[f"unexplained:{difference['field']}"] += 1
        print(
            f"{month}: {'OK' if status == 0 else 'DIFFERENCES'} "
            f"({data['compared']} quotes, {time.perf_counter() - begin:.0f} s)"
        )
        failed |= status != 0
    if totals["compared"]:
        print(f"\n{totals['compared']} quotes compared with Hugo")
        for field in ("user", "time", "color", "group", "body"):
            equal = totals[f"equal:{field}"]
            print(
                f"{field:6} {equal:>7} equal ({100 * equal / totals['compared']:.3f} %), "
                f"{totals[f'deliberate:{field}']} deliberate, "
                f"{totals[f'unexplained:{field}']} unexplained"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
