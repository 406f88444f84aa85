"""Injection suite, LaTeX: the payloads in every field of the migrator and of the directive,
built with Sphinx's LaTeX builder and compiled with TeX (uplatex and dvipdfmx, Sphinx's
engine for a Japanese site such as the migrated one; one pass).

The document must compile, print each payload literally, never read ``secret.tex`` (placed
next to the document for ``\\input{secret}`` to find) and never run ``\\write18``.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from security_support import (
    FUZZ,
    LEAK_MARK,
    PAYLOADS,
    InjectionProject,
    build_latex_project,
    compile_latex,
    require_tool,
    run_migrate,
    sphinx_build,
    toml_string,
    write_site,
)

#: The payloads aimed at LaTeX, plus a few others; all of them in fuzz mode.
LATEX_IDS = [
    "tex-input",
    "tex-write18",
    "tex-catcode",
    "tex-braces",
    "tex-specials",
    "tex-loop",
    "tex-verb",
    "bidi",
    "zero-width",
    "line-separators",
    "script",
    "rst-raw",
    "controls",
]
SELECTED = [p.id for p in PAYLOADS] if FUZZ else LATEX_IDS
#: C0/C1 controls but tab and newlines: TeX stops at them ("Text line contains an invalid
#: character"), so the extension and the migrator drop them.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _compile(project: InjectionProject, root: Path, ids: list[str]) -> tuple[Path, str]:
    require_tool("uplatex")
    require_tool("dvipdfmx")
    pdftotext = require_tool("pdftotext")
    src = build_latex_project(root, project, ids)
    out = root / "latex"
    run = sphinx_build(src, out, "latex")
    assert run.returncode == 0, run.stderr[-3000:]
    (out / "secret.tex").write_text(LEAK_MARK + "\n", encoding="utf-8")
    tex = compile_latex(out)
    log = (out / "payloads.log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert tex.returncode == 0 and (out / "payloads.pdf").is_file(), (
        errors[:5] or tex.stdout[-2000:]
    )
    text = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(out / "payloads.pdf"), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    return out, text


@pytest.fixture(scope="module")
def compiled(injection_project: InjectionProject, tmp_path_factory) -> tuple[Path, str]:
    return _compile(injection_project, tmp_path_factory.mktemp("injection-latex"), SELECTED)


def _squeeze(text: str) -> str:
    """The text without spaces, ligatures (ﬁ) and TeX's hyphenation at line ends."""
    return re.sub(r"\s+", "", re.sub(r"-\n", "", unicodedata.normalize("NFKC", text)))


def test_compiles_without_reading_or_running_anything(compiled: tuple[Path, str]) -> None:
    out, text = compiled
    assert LEAK_MARK not in text  # \input{secret} was printed, not read
    assert not (out / "matome-pwned").exists()  # \write18 did not run
    assert "Payloads" in text


@pytest.mark.parametrize("payload_id", SELECTED)
def test_payload_is_printed_literally(payload_id: str, compiled: tuple[Path, str]) -> None:
    _, text = compiled
    payload = next(p for p in PAYLOADS if p.id == payload_id)
    # Directive pages print every payload (user name, time, body, …) in each of its quotes.
    assert _squeeze(payload.probe) in _squeeze(text)


#: What must never appear live in the .tex (Sphinx's own preamble uses none of them).
LIVE = [
    r"\input{secret}",
    r"\write18",
    r"\catcode`",
    r"\iftrue",
    r"\verb|",
    r"\x}",
    r"\end{matomebubble}\end{document}",
]


def test_tex_payloads_never_reach_tex_unescaped(compiled: tuple[Path, str]) -> None:
    out, _ = compiled
    source = (out / "payloads.tex").read_text(encoding="utf-8")
    for payload in PAYLOADS:
        if payload.id in SELECTED and payload.id.startswith("tex-"):
            assert payload.value not in source, payload.id
    assert [command for command in LIVE if command in source] == []


def test_control_characters_compile(injection_project: InjectionProject, tmp_path: Path) -> None:
    # ESC, BEL, BS, VT, FF, DEL and NEL in a migrated title, details summary and quote, and in
    # every field of directive quotes (the body as content and as option).
    out, text = _compile(injection_project, tmp_path, ["controls"])
    source = (out / "payloads.tex").read_text(encoding="utf-8")
    assert CONTROL.findall(source) == []
    # The words around the dropped characters are still printed.
    assert "ctl" in text and "end" in text
    assert "[31m" in _squeeze(text)


def test_migrated_title_drops_control_characters_with_a_note(tmp_path: Path) -> None:
    title = "A\x1b[1mtitle\x07 with\x0bcontrols\x7f"
    site = write_site(
        tmp_path / "site",
        {
            "posts/p/index.md": "+++\n"
            f"title = {toml_string(title)}\n"
            "date = '2025-02-05'\n+++\n\n"
            f'{{{{< details summary="{title}" >}}}}\n\nInside.\n\n{{{{< /details >}}}}\n'
        },
    )
    report = tmp_path / "report.json"
    run = run_migrate(site, tmp_path / "out", "--report", str(report))
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "out" / "posts" / "p.md").read_text(encoding="utf-8")
    assert CONTROL.findall(page) == []
    assert 'title: "A[1mtitle with controls"' in page
    assert "# A\\[1mtitle with controls\n" in page
    assert "{dropdown} A\\[1mtitle with controls\n" in page
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    notes = [
        (m["level"], m.get("line"), m.get("col"), m["message"])
        for m in messages
        if m["code"] == "control-char-dropped"
    ]
    dropped = "control characters U+001B, U+0007, U+000B, U+007F dropped from"
    assert notes == [
        ("info", 2, 1, f"{dropped} the title"),
        ("info", 6, 1, f"{dropped} the details summary"),
    ]
