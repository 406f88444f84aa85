"""A naive regular-expression migration: the floor B1 compares the real migrator with.

Usage: ``python benchmarks/naive_migrate.py CONTENT_DIR OUT_DIR``

It reads every Markdown file once, rewrites front matter and the archive's shortcodes with
regular expressions (``<br>`` blindly becomes a new line) and writes the result — the same
input and output volume as ``sphinx-matome migrate``, with none of its fidelity: no lexer, no
escaping, no checks, no generated pages. Its output is not meant to build.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FRONT = re.compile(r"\A\s*\+\+\+\n(.*?)\n\+\+\+\n", re.S)
TOML_LINE = re.compile(r"^(\w+)\s*=\s*(.*)$", re.M)
QUOTE = re.compile(r"\{\{<\s*matomeQuote\s+(.*?)\s*>\}\}", re.S)
PARAM = re.compile(r'(\w+)="([^"]*)"')
DETAILS = re.compile(r"\{\{<\s*details\s+(.*?)\s*>\}\}")
DETAILS_END = re.compile(r"\{\{<\s*/\s*details\s*>\}\}")
REF = re.compile(r"\{\{%\s*ref\s+\"([^\"]*)\"\s*%\}\}")
BR = re.compile(r"<br\s*/?>", re.I)


def quote(match: re.Match[str]) -> str:
    params = dict(PARAM.findall(match.group(1)))
    body = BR.sub("\n", params.get("body", ""))
    return (
        f"\n```{{matome-quote}}\n:user-name: {params.get('userName', '')}\n"
        f":created-at: {params.get('createdAt', '')}\n:color: {params.get('color', '')}\n\n"
        f"{body}\n```\n"
    )


def details(match: re.Match[str]) -> str:
    summary = dict(PARAM.findall(match.group(1))).get("summary", "")
    return f"\n````{{dropdown}} {summary}\n"


def convert(text: str) -> str:
    front = FRONT.match(text)
    header = ""
    if front:
        header = "---\n" + TOML_LINE.sub(r"\1: \2", front.group(1)) + "\n---\n"
        text = text[front.end() :]
    text = QUOTE.sub(quote, text)
    text = DETAILS.sub(details, text)
    text = DETAILS_END.sub("\n````\n", text)
    text = REF.sub(lambda m: m.group(1).rstrip("/") + "/index.md", text)
    return header + text


def main(argv: list[str]) -> int:
    content, out = Path(argv[0]), Path(argv[1])
    for path in sorted(content.rglob("*.md")):
        target = out / path.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(convert(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
