"""Shared helpers of the benchmarks: finding the corpus, running a command under measurement,
alternating variants, and printing medians and ratios.

Every figure a benchmark reports is a ratio against a baseline measured alternately in the same
run: the machines these run on are shared and noisy, so absolute times are printed for context
only. CPU time (user + system of the process and every child it waited for) is printed next to
wall time; on a loaded machine it is the steadier of the two.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def default_corpus() -> Path:
    """``$MATOME_CORPUS``, else the shared corpus beside the repository."""
    corpus = os.environ.get("MATOME_CORPUS")
    if corpus:
        return Path(corpus)
    return REPO.parent / "shared" / "corpus" / "kaigai-matome"


def tool(name: str) -> str:
    """A console script of the running Python's environment (``sphinx-build``, …)."""
    beside = Path(PYTHON).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


# --- measuring one command --------------------------------------------------------------------


@dataclass
class Run:
    """One measured command."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process tree
    max_rss: int  # bytes, the largest single process (kernel's ru_maxrss)
    tree_rss: int  # bytes, the largest sum of RSS over the process tree (sampled)
    tree_pss: int  # bytes, the same with shared pages divided among sharers (sampled)
    returncode: int = 0


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields follow the last ")".
        parent = int(stat[stat.rindex(b")") + 2 :].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; zeros once it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss, pss


class _Sampler(threading.Thread):
    """Polls the memory of a process and its descendants until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            tree = _children()
            pending, total_rss, total_pss = [self.pid], 0, 0
            while pending:
                pid = pending.pop()
                rss, pss = _memory(pid)
                total_rss += rss
                total_pss += pss
                pending += tree.get(pid, [])
            self.peak_rss = max(self.peak_rss, total_rss)
            self.peak_pss = max(self.peak_pss, total_pss)
            self.stopped.wait(self.interval)


def measure(
    command: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    check: bool = True,
    log: Path | None = None,
) -> Run:
    """Run ``command`` to completion and measure it (output goes to ``log`` or is dropped)."""
    sink = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
        sampler = _Sampler(process.pid)
        sampler.start()
        # wait4 reports this child's own resource use, including every descendant it reaped.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        sampler.stopped.set()
        sampler.join()
    finally:
        if log:
            sink.close()  # type: ignore[union-attr]
    run = Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss=usage.ru_maxrss * 1024,
        tree_rss=max(sampler.peak_rss, usage.ru_maxrss * 1024),
        tree_pss=sampler.peak_pss,
        returncode=process.returncode,
    )
    if check and run.returncode != 0:
        where = f"; see {log}" if log else ""
        raise RuntimeError(f"exit {run.returncode}: {' '.join(map(str, command))}{where}")
    return run


# --- alternating variants ---------------------------------------------------------------------


@dataclass
class Series:
    """Repeated runs of one variant."""

    name: str
    runs: list[Run] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)

    def peak(self, attribute: str) -> int:
        return max(getattr(run, attribute) for run in self.runs)


def alternate(
    variants: dict[str, Callable[[], Run]],
    repeat: int,
    before: Callable[[str], None] | None = None,
    say: Callable[[str], None] = print,
) -> dict[str, Series]:
    """Run each variant ``repeat`` times, interleaved, rotating which one goes first.

    ``before(name)`` runs untimed ahead of each measurement (cleaning an output directory).
    """
    names = list(variants)
    series = {name: Series(name) for name in names}
    for round_ in range(repeat):
        order = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in order:
            if before:
                before(name)
            run = variants[name]()
            series[name].runs.append(run)
            say(f"  [{round_ + 1}/{repeat}] {name}: {run.wall:.1f} s wall, {run.cpu:.1f} s CPU")
    return series


# --- printing ---------------------------------------------------------------------------------


def mib(size: float) -> str:
    return f"{size / 2**20:,.0f} MiB"


def kib(size: float) -> str:
    return f"{size / 1024:,.1f} KiB"


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def series_rows(series: dict[str, Series]) -> list[tuple[str, ...]]:
    rows = [("variant", "wall (median)", "CPU (median)", "max RSS", "tree PSS", "runs")]
    for item in series.values():
        rows.append(
            (
                item.name,
                f"{item.median('wall'):.2f} s",
                f"{item.median('cpu'):.2f} s",
                mib(item.peak("max_rss")),
                mib(item.peak("tree_pss")),
                str(len(item.runs)),
            )
        )
    return rows


def ratio(series: dict[str, Series], numerator: str, denominator: str) -> dict[str, float]:
    """Wall and CPU ratios of two variants' medians."""
    return {
        attribute: series[numerator].median(attribute) / series[denominator].median(attribute)
        for attribute in ("wall", "cpu")
    }


def machine() -> str:
    """One line describing the machine the numbers come from."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = int(Path("/proc/meminfo").read_text(encoding="ascii").split()[1]) * 1024
        memory = f", {total / 2**30:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f} at start"
    return f"{os.cpu_count()} CPUs ({model}){memory}{load}, Python {sys.version.split()[0]}"


def revision() -> str:
    """The commit measured, with ``-dirty`` when the working tree differs from it."""
    try:
        run = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return run.stdout.strip()


# --- corpus subsets ---------------------------------------------------------------------------


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def subset_site(corpus: Path, target: Path, content: Sequence[Path]) -> Path:
    """A Hugo site at ``target`` with the corpus's configuration and assets and only the
    given content files or folders (hard links where possible: nothing is modified)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for folder in ("config", "assets", "static", "layouts", "archetypes"):
        if (corpus / folder).is_dir():
            shutil.copytree(corpus / folder, target / folder, copy_function=_link_or_copy)
    for name in ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml"):
        if (corpus / name).is_file():
            _link_or_copy(str(corpus / name), str(target / name))
    content_root = corpus / "content"
    for item in content:
        relative = item.relative_to(content_root)
        destination = target / "content" / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if item.is_dir():
            shutil.copytree(item, destination, copy_function=_link_or_copy)
        else:
            _link_or_copy(str(item), str(destination))
    return target


def month_folders(corpus: Path) -> list[Path]:
    """The corpus's ``content/<section>/<YYYY_MM>`` folders, oldest first."""
    folders = [
        path
        for path in (corpus / "content").glob("*/*")
        if path.is_dir() and path.name[:4].isdigit()
    ]
    return sorted(folders, key=lambda path: path.name)


def post_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "content").rglob("index.md"))


def migrated_posts(project: Path, month: str = "[0-9]*") -> list[Path]:
    """The post pages of a migrated project, of one month folder or all: ``posts/2025_02/x.md``,
    or ``posts/2025_02/x/index.md`` for a post that keeps its folder."""
    folder = f"posts/{month}"
    return sorted([*project.glob(f"{folder}/*.md"), *project.glob(f"{folder}/*/index.md")])


def migrate_command(site: Path, out: Path, jobs: int = 1) -> list[str]:
    return [tool("sphinx-matome"), "migrate", str(site), str(out), "--no-progress", f"-j{jobs}"]
