"""A parallel build (``-j 2``) writes exactly what a serial build writes.

``tests/roots/test-parallel`` has six pages of quotes (MyST and reST, avatars, colors, aliases,
empty quotes) that refer to each other with ``{ref}`` and ``{numref}``, so the labels and
numbers collected by the parallel readers must be merged back correctly.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def uncolored(stream: StringIO) -> str:
    """A status or warning stream without the terminal colors Sphinx adds."""
    return ANSI_ESCAPE.sub("", stream.getvalue())


def html_pages(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding="utf8")
        for path in sorted(outdir.glob("*.html"))
    }


@pytest.mark.sphinx("html", testroot="parallel", freshenv=True, parallel=2)
def test_parallel_build_matches_serial(app, status, warning, make_app, tmp_path: Path) -> None:
    # The extension must not make Sphinx fall back to a serial build (Sphinx would warn).
    assert app.parallel == 2
    assert app.is_parallel_allowed("read")
    assert app.is_parallel_allowed("write")
    app.build()
    assert uncolored(warning) == ""
    # Parallel reading reports chunks of documents ("index .. thread2"), serial reading single ones.
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \w+ \.\. \w+", uncolored(status))

    # Release the global docutils state (registered nodes and directives) of the first
    # application, as the fixture does at teardown, so the second sets it up afresh.
    app.cleanup()
    serial = make_app("html", srcdir=app.srcdir, builddir=tmp_path / "serial", freshenv=True)
    serial.build()
    assert uncolored(serial.warning) == ""

    parallel_pages = html_pages(app.outdir)
    assert sorted(parallel_pages) == [
        "genindex.html",
        "index.html",
        "search.html",
        *(f"thread{number}.html" for number in range(1, 7)),
    ]
    assert parallel_pages == html_pages(serial.outdir)
    assert sorted(path.name for path in (app.outdir / "_images").iterdir()) == ["avatar.png"]
    # Cross-page references survive the merge of the parallel readers' environments.
    thread6 = parallel_pages["thread6.html"]
    assert '<a class="reference internal" href="thread1.html#thread1-first">' in thread6
    assert '<span class="std std-ref">user1</span>' in thread6
    assert '<span class="std std-numref">Quote 1</span>' in thread6
