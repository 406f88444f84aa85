"""Opt-in (``pytest -m conformance``): the real archive migrates with 0 errors and every
construct is carried over. The full per-quote comparison with Hugo is
``python scripts/conformance.py`` (it builds every month with Sphinx)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from sphinxcontrib_matome.cli import main

CORPUS = Path(
    os.environ.get("MATOME_CORPUS", Path(__file__).parents[3] / "shared/corpus/kaigai-matome")
)

pytestmark = pytest.mark.conformance


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not (CORPUS / "content").is_dir():
        pytest.skip(f"the archive is not at {CORPUS} (set MATOME_CORPUS)")
    return CORPUS


def test_archive_migrates_and_counts_match(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    stdout, stderr = io.StringIO(), io.StringIO()
    assert main(["migrate", str(corpus), str(out), "--jobs", "2"], out=stdout, err=stderr) == 0
    assert "error" not in stderr.getvalue()
    table = io.StringIO()
    assert main(["verify", str(corpus), str(out), "--no-hugo"], out=table, err=stderr) == 0
    assert "MISMATCH" not in table.getvalue()
