"""Crash safety of ``sphinx-matome migrate``: killed at random points, out of disk, facing a
read-only OUT_DIR or unreadable inputs, it never leaves a partial or corrupt file, and the next
run gives the same bytes as a run that was never interrupted.

The archive is synthetic (made-up text shaped like the real one): 30 posts × 80 quotes by
default (the run stays short), 300 × 80 and 30 kills with ``MATOME_FUZZ=1``, and the real
archive by path when it is present (``-m conformance``). Temporary files of a killed run
(``.matome-*.tmp``, never read by Sphinx) may remain until the next run removes them.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from security_support import (
    CORPUS,
    FUZZ,
    migrate_command,
    run_migrate,
    synthetic_archive,
    tree,
    without_root_powers,
    write_site,
)

from sphinxcontrib_matome.cli import main
from sphinxcontrib_matome.migrate import output

POSTS, QUOTES, KILLS = (300, 80, 30) if FUZZ else (30, 80, 20)


def _is_temporary(name: str) -> bool:
    """A temporary file of output.write_atomic (``.matome-XXXX.tmp``)."""
    base = name.rsplit("/", 1)[-1]
    return base.startswith(".matome-") and base.endswith(".tmp")


MANIFEST = output.MANIFEST


def _small_post(n: int) -> str:
    return f"+++\ntitle = 'p{n}'\ndate = '2025-02-0{n + 1}'\n+++\n\nText {n}.\n"


def _outputs(root: Path) -> dict[str, bytes]:
    """The files of OUT_DIR, without the temporary files of a killed run."""
    return {k: v for k, v in tree(root).items() if not _is_temporary(k)}


def _temporaries(root: Path) -> list[str]:
    return [k for k in tree(root) if _is_temporary(k)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_archive(tmp_path_factory.mktemp("archive") / "site", POSTS, QUOTES)


def _timed_run(site: Path, out: Path) -> tuple[float, float]:
    """An uninterrupted run: (seconds in all, seconds until its first file appeared)."""
    with tempfile.TemporaryFile() as errors:
        start = time.monotonic()
        process = subprocess.Popen(
            migrate_command(site, out), stdout=subprocess.DEVNULL, stderr=errors
        )
        first_write = None
        while process.poll() is None:
            if first_write is None and out.exists():
                first_write = time.monotonic() - start
            time.sleep(0.005)
        elapsed = time.monotonic() - start
        errors.seek(0)
        assert process.returncode == 0, errors.read()[-2000:]
    return elapsed, first_write if first_write is not None else 0.8 * elapsed


@pytest.fixture(scope="module")
def reference(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, tuple]:
    out = tmp_path_factory.mktemp("reference") / "out"
    timing = _timed_run(archive, out)
    files = tree(out)
    assert len(files) > POSTS and not _temporaries(out)
    return files, timing


def test_sigkill_at_random_points(
    archive: Path, reference: tuple[dict, float], tmp_path: Path
) -> None:
    expected, timing = reference
    killed, while_writing, finished = _kill_repeatedly(
        archive, tmp_path / "out", expected, timing, KILLS
    )
    print(
        f"\n{killed} kills survived ({while_writing} while writing; {finished} runs finished "
        f"first), archive {POSTS}×{QUOTES}"
    )


@pytest.mark.conformance
def test_sigkill_on_the_real_archive(tmp_path: Path) -> None:
    """Opt-in (``-m conformance``): the same on the real archive, read by path."""
    if not CORPUS.is_dir():
        pytest.skip(f"the real archive is not at {CORPUS} (set MATOME_CORPUS)")
    timing = _timed_run(CORPUS, tmp_path / "reference")
    expected = tree(tmp_path / "reference")
    killed, while_writing, _ = _kill_repeatedly(CORPUS, tmp_path / "out", expected, timing, 20)
    print(f"\nreal archive: {killed} kills survived ({while_writing} while writing)")


def _kill_repeatedly(
    site: Path, out: Path, expected: dict[str, bytes], timing: tuple[float, float], kills: int
) -> tuple[int, int, int]:
    """Kill ``migrate`` *kills* times at random moments, checking OUT_DIR after each kill;
    then re-run it and compare with an uninterrupted run. Returns (kills, kills while files
    were being written, runs that finished before their kill).

    Half of the kills land anywhere in a run; the other half start from scratch, wait for
    the first file to appear and land within the write phase measured by the reference run.
    The moments follow the machine: a run that finishes before its kill shortens the window
    aimed at, so a machine less loaded than during the reference run still gets its kills.
    """
    rng = random.Random(20250205)
    elapsed, first_write = timing
    writing = max(elapsed - first_write, 0.01)
    killed = finished = while_writing = 0
    while killed < kills:
        assert finished < 10 * kills, f"{finished} runs finished before their kill"
        anywhere = bool((killed + finished) % 2)
        if anywhere:
            # Anywhere in a run that finishes what the killed ones left (or starts afresh).
            if rng.random() < 0.3:
                shutil.rmtree(out, ignore_errors=True)
            delay = rng.uniform(0.05, 0.95) * elapsed
        else:
            shutil.rmtree(out, ignore_errors=True)
            delay = rng.uniform(0.0, 0.9) * writing
        before = _outputs(out) if out.exists() else {}
        process = subprocess.Popen(
            migrate_command(site, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if not anywhere:
            while process.poll() is None and not out.exists():
                time.sleep(0.001)  # the write phase begins with the output directory
        start = time.monotonic()
        while process.poll() is None and time.monotonic() - start < delay:
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        status = process.wait()
        present = _outputs(out) if out.exists() else {}
        if status == -signal.SIGKILL:
            killed += 1
            if present != before or (out.exists() and _temporaries(out)):
                while_writing += 1
        else:
            assert status == 0
            finished += 1
            if anywhere:
                elapsed *= 0.8
            else:
                writing *= 0.7
        # Whatever the moment: each file present is complete and is what the run would write.
        wrong = [name for name, data in present.items() if expected.get(name) != data]
        assert wrong == [], f"after a kill at {delay:.2f}s: partial files {wrong[:5]}"
        if MANIFEST in present:
            json.loads(present[MANIFEST])
    run = run_migrate(site, out)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not _temporaries(out), "the re-run left temporary files"
    assert tree(out) == expected
    # Half of the kills aim at the writes; on a loaded machine some land before them, which
    # tests nothing new but is no failure: at least one must have hit the writes.
    assert while_writing >= 1, "no kill landed while files were being written"
    return killed, while_writing, finished


# --- running out of space -------------------------------------------------------------------------


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_file_size_limit_stops_cleanly(
    archive: Path, reference: tuple[dict, float], tmp_path: Path
) -> None:
    """A real OS write error (EFBIG under RLIMIT_FSIZE): clear message, exit 1, no partial file."""
    expected, _ = reference
    out = tmp_path / "out"
    largest = max(len(data) for data in expected.values())
    run = subprocess.run(
        migrate_command(archive, out),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        preexec_fn=_limit_file_size(largest // 2),
    )
    assert run.returncode == 1, run.stderr[-2000:]
    assert "error: File too large" in run.stderr
    assert "Traceback" not in run.stderr
    assert not _temporaries(out)
    present = _outputs(out)
    assert all(expected[name] == data for name, data in present.items())
    assert MANIFEST not in present  # the manifest is written last, only after every file
    # … and the next run finishes the job.
    assert run_migrate(archive, out).returncode == 0
    assert tree(out) == expected


def test_disk_full_stops_cleanly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """ENOSPC in the middle of the writes (in-process: the disk is not really filled)."""
    site = write_site(
        tmp_path / "site",
        {f"posts/p{n}/index.md": _small_post(n) for n in range(6)},
    )
    out = tmp_path / "out"
    assert main(["migrate", str(site), str(out)], out=io.StringIO(), err=io.StringIO()) == 0
    before = tree(out)
    (site / "content" / "posts" / "p0" / "index.md").write_text(
        "+++\ntitle = 'changed'\n+++\n\nNew text.\n", encoding="utf-8"
    )
    (site / "hugo.toml").write_text('title = "Renamed"\n', encoding="utf-8")
    calls = {"n": 0}
    real_fdopen = os.fdopen

    class FullDisk:
        """A file whose writes fail with ENOSPC, as on a full disk."""

        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str):
            return getattr(self.handle, name)

    def fdopen(fd: int, *args, **kwargs):
        calls["n"] += 1
        handle = real_fdopen(fd, *args, **kwargs)
        return FullDisk(handle) if calls["n"] == 2 else handle

    monkeypatch.setattr(output.os, "fdopen", fdopen)
    err = io.StringIO()
    status = main(["migrate", str(site), str(out)], out=io.StringIO(), err=err)
    assert status == 1
    assert "No space left on device" in err.getvalue()
    assert not _temporaries(out)
    after = tree(out)
    assert after[MANIFEST] == before[MANIFEST]  # the old manifest, intact
    monkeypatch.undo()
    assert main(["migrate", str(site), str(out)], out=io.StringIO(), err=io.StringIO()) == 0
    fresh = tmp_path / "fresh"
    assert main(["migrate", str(site), str(fresh)], out=io.StringIO(), err=io.StringIO()) == 0
    assert tree(out) == tree(fresh)


# --- permissions ----------------------------------------------------------------------------------


def _small_site(root: Path) -> Path:
    site = write_site(
        root,
        {f"posts/p{n}/index.md": _small_post(n) for n in range(3)},
    )
    (site / "static").mkdir()
    (site / "static" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    return site


def _unprivileged(site: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_migrate(site, out, *extra, preexec_fn=without_root_powers())


def test_read_only_out_dir(tmp_path: Path) -> None:
    site = _small_site(tmp_path / "site")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine\n", encoding="utf-8")
    out.chmod(0o555)
    try:
        run = _unprivileged(site, out)
    finally:
        out.chmod(0o755)
    assert run.returncode == 1
    assert "Permission denied" in run.stderr and "Traceback" not in run.stderr
    assert tree(out) == {"keep.txt": b"mine\n"}


def test_unwritable_report(tmp_path: Path) -> None:
    site = _small_site(tmp_path / "site")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        run = _unprivileged(site, tmp_path / "out", "--report", str(locked / "r.json"))
    finally:
        locked.chmod(0o755)
    assert run.returncode == 1
    assert "cannot write the report" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(
    "what", ["content-file", "content-dir", "static-file", "config", "invalid-utf8"]
)
def test_unreadable_input(what: str, tmp_path: Path) -> None:
    site = _small_site(tmp_path / "site")
    target = {
        "content-file": site / "content" / "posts" / "p1" / "index.md",
        "content-dir": site / "content" / "posts" / "p1",
        "static-file": site / "static" / "robots.txt",
        "config": site / "hugo.toml",
        "invalid-utf8": site / "content" / "posts" / "p1" / "index.md",
    }[what]
    if what == "invalid-utf8":
        target.write_bytes(b"+++\ntitle = 'x'\n+++\n\n\xff\xfe broken\n")
    else:
        target.chmod(0)
    out = tmp_path / "out"
    try:
        run = _unprivileged(site, out)
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert ": error: " in run.stderr
    assert str(target) in run.stderr or "Permission denied" in run.stderr, run.stderr
    assert not out.exists() or tree(out) == {}, "something was written despite the error"
