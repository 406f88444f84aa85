"""Bad input: each problem is one located ``matome`` warning, and the page is kept.

``tests/roots/test-warnings`` has one quote per problem, in MyST (``bad-myst.md``) and in reST
(``bad-rst.rst``). Each quote is named after its problem and followed by a paragraph
"After <name>.", so a test can check that the quote and the rest of the page survived.

MyST and ``#``: MyST reads directive options as YAML, where an unquoted ``#`` starts a comment.
``:color: #38d3d3`` therefore reaches the directive as an empty color: MyST warns
(``myst.directive_comments``, at the option's line) and the quote is a neutral bubble. Write
``:color: "#38d3d3"`` or ``:color: 38d3d3`` (both tested in ``test_build.py``); reST has no
such comments, so ``:color: #38d3d3`` works there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import myst_parser
import pytest
from bs4 import BeautifulSoup, Tag

from sphinxcontrib_matome.warnings_ import MatomeWarning

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
WARNING_LINE = re.compile(
    r"(?:(?P<path>.+?):(?P<line>\d+): )?WARNING: (?P<message>.*?)(?: \[(?P<type>[\w.]+)\])?"
)
#: What a ``:name:`` line and the first line of a quote directive look like in either syntax.
DIRECTIVE_START = re.compile(r"(```|:::)\{matome-?quote\}|\.\. matome-?quote::", re.IGNORECASE)

#: One build of the bad-input root, shared by the tests that only read it.
BAD_INPUT = (
    pytest.mark.sphinx("html", testroot="warnings", freshenv=True),
    pytest.mark.test_params(shared_result="test_warnings-bad-input"),
)

COLOR_EXPECTED = (
    "expected #rgb, #rrggbb, rrggbb, a CSS color name or one of primary, secondary, success, "
    "info, warning, danger, light, muted, dark"
)
COLOR_HELP = f"{COLOR_EXPECTED}; showing a neutral bubble"
DATE_HELP = (
    "use e.g. 2025-03-08T01:52:37, 2025/09/27 15:01:17, 2025-03-08 or 2025-03-08T01:52:37+09:00"
)
KNOWN_OPTIONS = "align, avatar, body, class, color, created-at, name, reply-to, url, user-name"


@dataclass(frozen=True)
class Case:
    """A quote of the bad-input root and the warning it must produce ("" for none)."""

    quote_id: str
    message: str
    subtype: MatomeWarning | None

    @property
    def source(self) -> str:
        return "bad-rst.rst" if self.quote_id.startswith("rst-") else "bad-myst.md"

    @property
    def docname(self) -> str:
        return self.source.rsplit(".", 1)[0]


CASES = [
    Case("invalid-color", f"invalid color 'notacolor': {COLOR_HELP}", MatomeWarning.COLOR),
    Case("inject-css", f"invalid color 'red;background:url(x)': {COLOR_HELP}", MatomeWarning.COLOR),
    Case("inject-brace", f"invalid color '#fff;}}body{{x': {COLOR_HELP}", MatomeWarning.COLOR),
    Case(
        "inject-expression",
        f"invalid color 'expression(alert(1))': {COLOR_HELP}",
        MatomeWarning.COLOR,
    ),
    Case(
        "inject-style",
        f"invalid color '</style><script>alert(1)</script>': {COLOR_HELP}",
        MatomeWarning.COLOR,
    ),
    # A name is text, whatever it contains: escaped, not an error.
    Case("script-name", "", None),
    Case(
        "bad-date",
        f"cannot read 'yesterday at noon' as a date and time: {DATE_HELP}",
        MatomeWarning.DATE,
    ),
    Case(
        "missing-name",
        "quote has no user-name; showing matome_anonymous_name",
        MatomeWarning.USER,
    ),
    Case(
        "body-and-content",
        "both a body option and content given; the content is used",
        MatomeWarning.BODY,
    ),
    Case(
        "unknown-option",
        f"unknown option 'colour' ignored (known: {KNOWN_OPTIONS})",
        MatomeWarning.OPTION,
    ),
    Case("invalid-align", "invalid align 'center': use 'left' or 'right'", MatomeWarning.OPTION),
    Case(
        "javascript-url",
        "invalid url 'javascript:alert(1)': only http:// and https:// links are kept",
        MatomeWarning.OPTION,
    ),
    Case(
        "javascript-avatar",
        "invalid avatar 'javascript:alert(1)': use an image path or an http(s) URL",
        MatomeWarning.OPTION,
    ),
    Case(
        "data-avatar",
        "invalid avatar 'data:image/png;base64,iVBORw0KGgo=': use an image path or an http(s) URL",
        MatomeWarning.OPTION,
    ),
    Case("invalid-class", "invalid class '!!' ignored", MatomeWarning.OPTION),
    Case(
        "alias-and-canonical",
        "both 'user-name' and 'userName' given; using 'user-name'",
        MatomeWarning.OPTION,
    ),
    # `:color: #38d3d3` unquoted: MyST reads "#…" as a YAML comment (its own warning, below).
    Case("hash-comment", "", None),
    Case(
        "rst-unknown-option",
        f"unknown option 'colour' ignored (known: {KNOWN_OPTIONS})",
        MatomeWarning.OPTION,
    ),
    Case("rst-inject-brace", f"invalid color '#fff;}}body{{x': {COLOR_HELP}", MatomeWarning.COLOR),
    Case("rst-script-name", "", None),
    Case(
        "rst-bad-date",
        f"cannot read '2025-13-45' as a date and time: {DATE_HELP}",
        MatomeWarning.DATE,
    ),
    Case(
        "rst-missing-name",
        "quote has no user-name; showing matome_anonymous_name",
        MatomeWarning.USER,
    ),
    Case(
        "rst-body-and-content",
        "both a body option and content given; the content is used",
        MatomeWarning.BODY,
    ),
    Case(
        "rst-javascript-url",
        "invalid url 'javascript:alert(1)': only http:// and https:// links are kept",
        MatomeWarning.OPTION,
    ),
    # reST lowercases option names, hence 'createdat'.
    Case(
        "rst-alias-and-canonical",
        "both 'created-at' and 'createdat' given; using 'created-at'",
        MatomeWarning.OPTION,
    ),
]
CASE_IDS = [case.quote_id for case in CASES]
HASH_COMMENT_WARNING = (
    "'matome-quote': Directive options has # comments, which may not be supported in future "
    "versions."
)


def bad_input(test: Callable[..., None]) -> Callable[..., None]:
    """Build the bad-input root once per module and let ``test`` read it."""
    for mark in BAD_INPUT:
        test = mark(test)
    return test


@dataclass(frozen=True, order=True)
class Reported:
    """One parsed warning; ``source`` is the file name only, so paths do not matter."""

    source: str
    line: int
    message: str
    type: str


def parse_warnings(warning: StringIO) -> list[Reported]:
    """Every warning of the stream, colors stripped; fails on a line that is not a warning."""
    parsed = []
    for text in ANSI_ESCAPE.sub("", warning.getvalue()).splitlines():
        match = WARNING_LINE.fullmatch(text)
        assert match is not None, f"not a warning line: {text!r}"
        source = Path(match["path"]).name if match["path"] else ""
        line = int(match["line"]) if match["line"] else 0
        parsed.append(Reported(source, line, match["message"], match["type"] or ""))
    return parsed


def source_lines(app, source: str) -> list[str]:
    return (app.srcdir / source).read_text(encoding="utf8").splitlines()


def directive_line(app, case: Case) -> int:
    """The 1-based line of the directive that holds ``:name: <quote_id>``."""
    lines = source_lines(app, case.source)
    index = [line.strip() for line in lines].index(f":name: {case.quote_id}")
    while not DIRECTIVE_START.match(lines[index]):
        index -= 1
    return index + 1


def option_line(app, case: Case, option: str) -> int:
    """The 1-based line of ``option`` inside the quote of ``case``."""
    lines = source_lines(app, case.source)
    start = directive_line(app, case)
    return next(
        number
        for number, line in enumerate(lines[start:], start + 1)
        if line.strip().startswith(option)
    )


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{docname}.html").read_text(encoding="utf8"), "html.parser")


def quote_of(app, case: Case) -> Tag:
    quote = page(app, case.docname).select_one(f"figure.matome-quote#{case.quote_id}")
    assert quote is not None, f"quote {case.quote_id} was dropped"
    return quote


# --- the warnings -----------------------------------------------------------------------------


@bad_input
def test_every_bad_input_is_reported_once_at_its_line(app, warning) -> None:
    app.build()
    expected = [
        Reported(case.source, directive_line(app, case), case.message, case.subtype.qualified)
        for case in CASES
        if case.subtype is not None
    ]
    hash_comment = next(case for case in CASES if case.quote_id == "hash-comment")
    if int(myst_parser.__version__.split(".")[0]) >= 5:
        where = (hash_comment.source, option_line(app, hash_comment, ":color:"))
    else:  # myst-parser 4 names the page "….md.rst" and points at the directive
        where = (hash_comment.source + ".rst", directive_line(app, hash_comment))
    expected.append(Reported(*where, HASH_COMMENT_WARNING, "myst.directive_comments"))
    assert sorted(parse_warnings(warning)) == sorted(expected)


@bad_input
def test_warnings_have_the_matome_type_and_every_subtype(app, warning) -> None:
    app.build()
    types = {parsed.type for parsed in parse_warnings(warning) if parsed.type.startswith("matome")}
    # Every subtype the directive emits (config problems are tested with their own builds).
    directive_kinds = ("OPTION", "COLOR", "DATE", "USER", "BODY")
    assert types == {MatomeWarning[kind].qualified for kind in directive_kinds}
    assert "[matome.color]" in ANSI_ESCAPE.sub("", warning.getvalue())


# --- the page survives ------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
@bad_input
def test_bad_input_keeps_the_quote_and_the_page(app, case: Case) -> None:
    app.build()
    quote = quote_of(app, case)
    user = {"missing-name": "名無しさん", "script-name": "<script>alert(1)</script>"}
    body = {"body-and-content": "The content body."}
    plain_id = case.quote_id.removeprefix("rst-")
    assert quote.select_one(".matome-quote__user").get_text() == user.get(plain_id, "u")
    assert quote.select_one("blockquote.matome-quote__body").get_text(strip=True) == body.get(
        plain_id, "Some words."
    )
    following = quote.find_next_sibling()
    assert (following.name, following.get_text()) == ("p", f"After {case.quote_id}.")


#: Pieces of the injected values; none may reach the page, in any attribute or element.
INJECTIONS = ["url(x)", "body{x", "expression(", "</style><", "<script>alert"]


@pytest.mark.parametrize(
    "quote_id",
    [
        "invalid-color",
        "inject-css",
        "inject-brace",
        "inject-expression",
        "inject-style",
        "rst-inject-brace",
        "hash-comment",
    ],
)
@bad_input
def test_invalid_colors_give_a_neutral_bubble_and_inject_nothing(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    quote = quote_of(app, case)
    assert quote.get("style") is None
    assert quote["class"] == ["matome-quote", "matome-quote--left"]
    html = (app.outdir / f"{case.docname}.html").read_text(encoding="utf8")
    assert [fragment for fragment in INJECTIONS if fragment in html] == []


@pytest.mark.parametrize("quote_id", ["script-name", "rst-script-name"])
@bad_input
def test_markup_in_a_name_is_escaped_text(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    quote = quote_of(app, case)
    assert quote.select_one(".matome-quote__user").get_text() == "<script>alert(1)</script>"
    assert quote.select("script") == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in str(quote)


@pytest.mark.parametrize(
    ("quote_id", "raw"), [("bad-date", "yesterday at noon"), ("rst-bad-date", "2025-13-45")]
)
@bad_input
def test_unreadable_date_shows_raw_text_without_datetime(app, quote_id: str, raw: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    time = quote_of(app, case).select_one("time.matome-quote__time")
    assert time.attrs == {"class": ["matome-quote__time"]}
    assert time.get_text() == raw


@pytest.mark.parametrize("quote_id", ["missing-name", "rst-missing-name"])
@bad_input
def test_missing_name_shows_the_anonymous_name(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    assert quote_of(app, case).select_one(".matome-quote__user").get_text() == "名無しさん"


@pytest.mark.parametrize("quote_id", ["body-and-content", "rst-body-and-content"])
@bad_input
def test_content_wins_over_body_option(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    body = quote_of(app, case).select_one("blockquote.matome-quote__body")
    assert body.get_text(strip=True) == "The content body."


@pytest.mark.parametrize(
    ("quote_id", "classes"),
    [
        ("invalid-align", ["matome-quote", "matome-quote--left"]),
        ("invalid-class", ["matome-quote", "matome-quote--left"]),
        ("unknown-option", ["matome-quote", "matome-quote--left"]),
        ("rst-unknown-option", ["matome-quote", "matome-quote--left"]),
    ],
)
@bad_input
def test_bad_layout_options_fall_back(app, quote_id: str, classes: list[str]) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    quote = quote_of(app, case)
    assert quote["class"] == classes
    # `:colour: red` is not `color`: no color sneaks in through the unknown option.
    assert quote.get("style") is None


@bad_input
def test_canonical_option_wins_over_its_alias(app) -> None:
    app.build()
    # The alias comes first in both sources: the canonical spelling wins regardless.
    cases = {case.quote_id: case for case in CASES}
    myst = quote_of(app, cases["alias-and-canonical"])
    assert myst.select_one(".matome-quote__user").get_text() == "u"
    rst = quote_of(app, cases["rst-alias-and-canonical"])
    assert rst.select_one("time")["datetime"] == "2025-03-08"


@pytest.mark.parametrize("quote_id", ["javascript-url", "rst-javascript-url"])
@bad_input
def test_unsafe_url_is_dropped(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    quote = quote_of(app, case)
    assert quote.select("a") == []
    assert quote.select_one("blockquote").get("cite") is None
    assert "javascript:" not in str(quote)


@bad_input
def test_unsafe_url_keeps_the_time(app) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == "javascript-url")
    time = quote_of(app, case).select_one("figcaption > time")
    assert (time["datetime"], time.get_text()) == ("2025-03-08T01:52:37", "2025-03-08 01:52")


@pytest.mark.parametrize("quote_id", ["javascript-avatar", "data-avatar"])
@bad_input
def test_unsafe_avatar_is_dropped(app, quote_id: str) -> None:
    app.build()
    case = next(case for case in CASES if case.quote_id == quote_id)
    quote = quote_of(app, case)
    assert quote.select("img") == []
    assert "javascript:" not in str(quote)
    assert "data:" not in str(quote)


# --- configuration ----------------------------------------------------------------------------


@pytest.mark.sphinx(
    "html",
    testroot="warnings",
    freshenv=True,
    confoverrides={"matome_anonymous_name": "Anonymous"},
)
def test_anonymous_name_is_configurable(app) -> None:
    app.build()
    for quote_id in ("missing-name", "rst-missing-name"):
        case = next(case for case in CASES if case.quote_id == quote_id)
        assert quote_of(app, case).select_one(".matome-quote__user").get_text() == "Anonymous"


@pytest.mark.sphinx(
    "html",
    testroot="warnings",
    freshenv=True,
    confoverrides={"suppress_warnings": ["matome.date"]},
)
def test_suppress_warnings_silences_one_subtype(app, warning) -> None:
    app.build()
    types = sorted(parsed.type for parsed in parse_warnings(warning))
    # Only the date warnings go; every other warning stays.
    kept = [
        case.subtype.qualified for case in CASES if case.subtype not in (None, MatomeWarning.DATE)
    ]
    assert types == sorted([*kept, "myst.directive_comments"])
    case = next(case for case in CASES if case.quote_id == "bad-date")
    assert quote_of(app, case).select_one("time").get_text() == "yesterday at noon"


@pytest.mark.sphinx(
    "html",
    testroot="builders",
    freshenv=True,
    confoverrides={"matome_default_color": "red;}", "matome_default_align": "center"},
)
def test_invalid_config_warns_and_uses_defaults(app, warning) -> None:
    app.build()
    assert parse_warnings(warning) == [
        Reported(
            "",
            0,
            f"matome_default_color: invalid color 'red;}}': {COLOR_EXPECTED}",
            "matome.config",
        ),
        Reported(
            "", 0, "matome_default_align must be 'left' or 'right', not 'center'", "matome.config"
        ),
    ]
    # Quotes without a color of their own stay neutral; alignment falls back to left.
    soup = page(app, "rst")
    erin = soup.select("figure.matome-quote")[1]
    assert erin["class"] == ["matome-quote", "matome-quote--left", "matome-quote--empty"]
    assert erin.get("style") is None


# --- control characters -----------------------------------------------------------------------

#: C0/C1 controls but tab and newlines: none may reach any output.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

CONTROL_MYST = """\
# Controls in MyST

```{matome-quote}
:user-name: "ctl\\u001b[31mname"
:created-at: "2025-03-08T01:52:37\\u0007"
:color: "red\\u007f"

Body \x1b[1mbold\x07 words\x7f.
```

After ctl-myst.

```{matome-quote}
:user-name: clean

Form&#12;feed.
```

After clean-myst.
"""

CONTROL_RST = """\
Controls in reST
================

.. |esc| unicode:: 0x1b

.. matome-quote::
   :user-name: r\x08st
   :body: Option\x07 body.

After ctl-rst.

.. matome-quote::
   :user-name: sub

   Substituted |esc| escape.

After sub-rst.
"""


@pytest.fixture(params=["html", "latex"])
def control_build(request, tmp_path: Path):
    """(app, warnings) of a project with control characters in quotes, by one builder."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        (Path(__file__).parent / "roots" / "test-warnings" / "conf.py").read_text(encoding="utf8")
        + "latex_documents = [('index', 'controls.tex', 'Controls', 'tests', 'howto')]\n",
        encoding="utf8",
    )
    (srcdir / "index.rst").write_text(
        "Index\n=====\n\n.. toctree::\n\n   myst\n   rst\n", encoding="utf8"
    )
    (srcdir / "myst.md").write_text(CONTROL_MYST, encoding="utf8")
    (srcdir / "rst.rst").write_text(CONTROL_RST, encoding="utf8")
    app = SphinxTestApp(request.param, srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app, app.warning


def test_control_characters_are_dropped_with_one_located_warning(control_build) -> None:
    app, warning = control_build
    myst = CONTROL_MYST.splitlines()
    rst = CONTROL_RST.splitlines()

    def line_of(lines: list[str], prefix: str, after: int = 0) -> int:
        return next(n for n, line in enumerate(lines, 1) if n > after and line.startswith(prefix))

    control = MatomeWarning.CONTROL.qualified
    # One warning per quote, at the directive: what the directive read (its options and
    # content) is named; what came later (a character reference, a substitution) is not.
    assert sorted(parse_warnings(warning)) == sorted(
        [
            Reported(
                "myst.md",
                line_of(myst, "```{matome-quote}"),
                "control characters U+001B, U+0007, U+007F dropped from user-name, created-at, "
                "color, body",
                control,
            ),
            Reported(
                "myst.md",
                line_of(myst, "```{matome-quote}", after=5),
                "control characters U+000C dropped from the quote",
                control,
            ),
            Reported(
                "rst.rst",
                line_of(rst, ".. matome-quote::"),
                "control characters U+0008, U+0007 dropped from user-name, body",
                control,
            ),
            Reported(
                "rst.rst",
                line_of(rst, ".. matome-quote::", after=8),
                "control characters U+001B dropped from the quote",
                control,
            ),
        ]
    )
    outdir = Path(app.outdir)
    written = {
        path.name: path.read_text(encoding="utf8")
        for pattern in ("*.html", "*.tex")
        for path in outdir.glob(pattern)
    }
    assert written
    assert {
        name: CONTROL.findall(text) for name, text in written.items() if CONTROL.search(text)
    } == {}
    if app.builder.name == "html":
        quotes = page(app, "myst").select("figure.matome-quote")
        assert quotes[0].select_one(".matome-quote__user").get_text() == "ctl[31mname"
        assert quotes[0]["style"].startswith("--matome-color: #ff0000")  # "red" once cleaned
        assert quotes[0].select_one("time")["datetime"] == "2025-03-08T01:52:37"
        assert quotes[0].select_one("blockquote").get_text(strip=True) == "Body [1mbold words."
        assert quotes[1].select_one("blockquote").get_text(strip=True) == "Form feed."
        quotes = page(app, "rst").select("figure.matome-quote")
        assert quotes[0].select_one(".matome-quote__user").get_text() == "rst"
        assert quotes[1].select_one("blockquote").get_text(strip=True) == "Substituted  escape."
