"""Writing the output tree safely: atomic files, a manifest, and hand-edit protection.

Every file is written to a temporary sibling and renamed into place, and the manifest is
written last, so a run killed at any moment leaves each file either old or new, never partial,
and the next run finishes the job. Files are made durable together with one ``sync`` before the
manifest is written, not one ``fsync`` each: thousands of journal commits were a fifth of a
whole-archive run, and a rename already keeps a killed run's files whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import MigrationError
from .urls import path_problem

MANIFEST = ".matome-manifest.json"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomic(
    path: Path, data: bytes, *, durable: bool = True, make_parent: bool = True
) -> None:
    """Write through a temporary sibling and a rename; ``durable`` also fsyncs the data first
    (callers writing many files pass False and call :func:`sync_all` once, and create each
    folder once rather than per file)."""
    if make_parent:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = _create_temporary(path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


#: What ``tempfile.mkstemp`` opens a new file with.
_CREATE = (
    os.O_RDWR
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def _create_temporary(folder: Path) -> tuple[int, str]:
    """A new file ``.matome-<random>.tmp`` in *folder*, created exclusively: what
    ``tempfile.mkstemp`` does, without its overhead per call (an eighth of the time writing
    an archive's files took)."""
    base = os.fspath(folder)
    while True:
        temporary = os.path.join(base, f".matome-{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temporary, _CREATE, 0o600), temporary
        except FileExistsError:  # a chance in 2**48
            continue


def sync_all() -> None:
    """Flush every written file to disk at once (where the platform offers it)."""
    if hasattr(os, "sync"):
        os.sync()


def remove_stale_temporaries(out: Path) -> None:
    """Delete the temporary files of a run that was killed before it could rename them."""
    for stale in out.rglob(".matome-*.tmp"):
        if stale.is_file() and not stale.is_symlink():
            stale.unlink(missing_ok=True)


@dataclass
class Plan:
    """The files a run means to produce, as bytes or as a source file to copy."""

    files: dict[str, bytes | Path] = field(default_factory=dict)

    def add(self, relative: str, data: bytes | str | Path) -> None:
        problem = path_problem(relative) or ("is absolute" if relative.startswith("/") else None)
        if problem:
            raise MigrationError(f"output path {relative[:80]!r} {problem}", code="bad-output-path")
        if relative in self.files:
            raise MigrationError(f"two outputs claim {relative!r}", code="output-collision")
        self.files[relative] = data.encode("utf-8") if isinstance(data, str) else data

    def data(self, relative: str) -> bytes:
        value = self.files[relative]
        return value.read_bytes() if isinstance(value, Path) else value


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    hand_edited: list[str] = field(default_factory=list)


class _Confinement:
    """Maps planned relative paths to real paths, refusing any that a symlink inside OUT_DIR
    would lead out of it. Plan.add already refused '..' and absolute paths, so only the
    directories can redirect: each is resolved and checked once, not once per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.directories: dict[str, Path] = {}

    def __call__(self, relative: str) -> tuple[Path, bool]:
        """The real path of *relative*, and whether a file is there now."""
        folder, _, name = relative.rpartition("/")
        real = self.directories.get(folder)
        if real is None:
            real = (self.root / folder).resolve()
            self._check(real, relative)
            self.directories[folder] = real
        target = real / name
        try:
            mode = os.lstat(target).st_mode
        except (FileNotFoundError, NotADirectoryError):
            return target, False
        if stat.S_ISLNK(mode):
            # Writing replaces a link, but reading the old bytes or deleting would follow
            # it, so the file it names must be inside too (rare: one lstat tells).
            target = target.resolve()
            self._check(target, relative)
            return target, target.is_file()
        return target, stat.S_ISREG(mode)

    def _check(self, real: Path, relative: str) -> None:
        if not real.is_relative_to(self.real_root):
            raise MigrationError(
                f"output path {relative!r} leaves the output directory", code="path-traversal"
            )


def manifest_bytes(files: dict[str, str]) -> bytes:
    """The manifest as JSON, one file per line so that a diff shows which files changed.

    Written by hand because ``json.dumps(indent=…)`` falls back to the pure-Python encoder,
    which took a tenth of the time of writing a whole archive.
    """
    lines = ",\n".join(f"  {json.dumps(path)}: {json.dumps(files[path])}" for path in sorted(files))
    body = f"{{\n{lines}\n }}" if lines else "{}"
    return f'{{\n "files": {body},\n "version": 1\n}}\n'.encode()


def read_manifest(out: Path) -> dict[str, str]:
    path = out / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return dict(data.get("files", {}))
    except (ValueError, AttributeError):
        raise MigrationError(
            "the manifest is damaged; delete it and re-run with --force",
            path=str(path),
            code="manifest",
        ) from None


def apply(plan: Plan, out: Path, *, force: bool, dry_run: bool) -> WriteResult:
    """Bring ``out`` to the planned state, refusing to overwrite files edited by hand."""
    result = WriteResult()
    previous = read_manifest(out)
    manifest: dict[str, str] = {}
    # Every path is checked before the first write: a refused one leaves OUT_DIR untouched.
    inside = _Confinement(out)
    targets = {relative: inside(relative) for relative in sorted(plan.files)}
    for source in plan.files.values():
        if isinstance(source, Path):
            with source.open("rb"):
                pass  # an unreadable source file fails here, before anything is written
    if not dry_run:
        remove_stale_temporaries(out)
    folders: set[Path] = set()
    for relative, (target, exists) in targets.items():
        data = plan.data(relative)
        wanted = digest(data)
        manifest[relative] = wanted
        if exists:
            current = digest(target.read_bytes())
            if current == wanted:
                result.unchanged.append(relative)
                continue
            if previous.get(relative) != current and not force:
                # Not what we wrote last time: someone edited it (or it predates us).
                # Keep the old record so the file stays protected on the next run too.
                result.hand_edited.append(relative)
                if relative in previous:
                    manifest[relative] = previous[relative]
                else:
                    del manifest[relative]
                continue
        if not dry_run:
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            write_atomic(target, data, durable=False, make_parent=False)
        result.written.append(relative)
    for relative in sorted(set(previous) - set(plan.files)):
        target, exists = inside(relative)
        if exists and digest(target.read_bytes()) == previous[relative]:
            if not dry_run:
                target.unlink()
            result.removed.append(relative)
    if not dry_run:
        if result.written:
            sync_all()  # the files are on disk before the manifest that vouches for them
        write_atomic(out / MANIFEST, manifest_bytes(manifest))
    return result
