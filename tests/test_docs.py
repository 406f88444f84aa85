"""The documentation builds with the extension itself, warnings as errors, and to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import require_tool
from sphinx.cmd.build import build_main

DOCS = Path(__file__).parents[1] / "docs"


@pytest.mark.parametrize("builder", ["html", "text", "man"])
def test_docs_build_without_warnings(builder: str, tmp_path: Path) -> None:
    status = build_main(["-q", "-nW", "--keep-going", "-b", builder, str(DOCS), str(tmp_path)])
    assert status == 0


def test_docs_build_to_pdf(tmp_path: Path) -> None:
    latexmk = require_tool("latexmk")
    require_tool("uplatex")
    out = tmp_path / "latex"
    assert build_main(["-q", "-nW", "--keep-going", "-b", "latex", str(DOCS), str(out)]) == 0
    tex = next(out.glob("*.tex"))
    # Sphinx writes latexmkjarc for Japanese: uplatex + dvipdfmx, as `make latexpdf` uses.
    run = subprocess.run(
        [latexmk, "-r", "latexmkjarc", "-pdfdvi", "-interaction=nonstopmode", "-halt-on-error",
         tex.name],
        cwd=out, capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:]
    pdf = tex.with_suffix(".pdf")
    assert pdf.stat().st_size > 50_000
    assert b"matome" in (out / "sphinxcontribmatome.sty").read_bytes()
