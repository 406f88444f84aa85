"""``matome-thread``: numbering, anchors, permalinks, layouts, collapsing, ordering, replies.

The clean root (``tests/roots/test-thread``) has a MyST page with a named ``layout: speaker``
thread (replies by ``reply-to`` and ``>>N``) and an unnamed ``collapse-after: 2`` thread, and a
reST page with a ``order: time`` / ``layout: alternate`` / ``start: 10`` thread. Each builder
builds it once per module (``built``); ``tests/roots/test-thread-warnings`` holds every
mistake, each reported once with its file and line.
"""

from __future__ import annotations

import re
import shutil
import warnings
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401

ROOTS = Path(__file__).parent / "roots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SCRIPTS = Path(__file__).parents[1] / "scripts"


def build(tmp_path_factory, root: str, builder: str, **confoverrides) -> tuple[Path, str]:
    """Build a copy of ``tests/roots/test-<root>``; (outdir, warnings)."""
    srcdir = tmp_path_factory.mktemp(f"{root}-{builder}") / "src"
    shutil.copytree(ROOTS / f"test-{root}", srcdir)
    app = SphinxTestApp(
        builder, srcdir=srcdir, status=StringIO(), warning=StringIO(), confoverrides=confoverrides
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), ANSI.sub("", app.warning.getvalue())


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> tuple[Path, str]:
    return build(tmp_path_factory, "thread", "html")


def soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf8"), "html.parser")


def posts(thread) -> list[tuple[str, str, str]]:
    """(number, anchor, user) of each post of a thread, in the order shown."""
    return [
        (
            figure.select_one(".matome-quote__number").get_text(),
            figure["id"],
            figure.select_one(".matome-quote__user").get_text(),
        )
        for figure in thread.select("figure.matome-quote")
    ]


# --- HTML -------------------------------------------------------------------------------------


def test_clean_build(html) -> None:
    _, warned = html
    assert warned == ""


def test_numbers_anchors_and_nesting(html) -> None:
    outdir, _ = html
    thread = soup(outdir, "index.html").select_one("div.matome-thread#keyboards")
    assert "matome-thread--speaker" in thread["class"]
    # Replies come right after the post they answer; numbers stay the posting order.
    assert posts(thread) == [
        ("1", "keyboards-1", "kitsune_dev"),
        ("3", "keyboards-3", "bit_shifter"),
        ("2", "keyboards-2", "山の上"),
        ("4", "keyboards-4", "kitsune_dev"),
    ]
    items = thread.select("ol.matome-thread__list > li.matome-thread__item")
    assert [item["value"] for item in items] == ["1", "3", "2", "4"]
    assert [item.get("data-parent") for item in items] == [None, "1", None, "2"]
    assert [item.get("style") for item in items] == [
        None,
        "--matome-depth: 1",
        None,
        "--matome-depth: 1",
    ]
    assert "matome-thread__item--reply" in items[1]["class"]


def test_number_badge_and_permalink(html) -> None:
    outdir, _ = html
    figure = soup(outdir, "index.html").select_one("figure#keyboards-3")
    meta = figure.select_one("figcaption.matome-quote__meta")
    number = meta.find("a")
    assert number["class"] == ["matome-quote__number"]
    assert number["href"] == "#keyboards-3"
    permalink = meta.select("a")[-1]
    assert permalink["class"] == ["headerlink", "matome-quote__permalink"]
    assert permalink["href"] == "#keyboards-3"
    assert permalink["title"] == "Link to this comment"
    assert permalink.get_text() == "¶"


def test_quote_markup_contract_unchanged(html) -> None:
    """Threads add around and inside the header; the quote's own classes stay as they were."""
    outdir, _ = html
    figure = soup(outdir, "index.html").select_one("figure#keyboards-2")
    assert figure["class"] == ["matome-quote", "matome-quote--left", "matome-quote--colored"]
    assert figure["style"].startswith("--matome-color: #38d3d3;")
    assert figure.select_one(".matome-quote__user").get_text() == "山の上"
    assert figure.select_one("time.matome-quote__time")["datetime"] == "2025-05-01T09:05:00"
    assert figure.select_one("blockquote.matome-quote__body") is not None


def test_reply_links(html) -> None:
    outdir, _ = html
    page = soup(outdir, "index.html")
    links = {a.get_text(): a["href"] for a in page.select("#keyboards a.matome-reply")}
    assert links == {">>1": "#keyboards-1", "＞＞2": "#keyboards-2"}
    # In code, >>1 is text: no link inside a literal.
    assert page.select_one("#keyboards-4 code").find("a") is None
    # The second, unnamed thread links within itself, to posts in a collapsed group too.
    links = [(a.get_text(), a["href"]) for a in page.select("figure[id^=comment-] a.matome-reply")]
    assert links == [(">>1", "#comment-1"), (">>5", "#comment-5")]


def test_layout_speaker(html) -> None:
    outdir, _ = html
    thread = soup(outdir, "index.html").select_one("#keyboards")
    sides = {
        figure["id"]: "right" if "matome-quote--right" in figure["class"] else "left"
        for figure in thread.select("figure.matome-quote")
    }
    # kitsune_dev has role OP in matome_speakers: on the right; everyone else on the left.
    assert sides == {
        "keyboards-1": "right",
        "keyboards-2": "left",
        "keyboards-3": "left",
        "keyboards-4": "right",
    }


def test_collapse_after(html) -> None:
    outdir, _ = html
    thread = soup(outdir, "index.html").select("div.matome-thread")[1]
    assert thread.get("id") is None
    visible = thread.find("ol", recursive=False)
    assert [f["id"] for f in visible.select("figure")] == ["comment-1", "comment-2"]
    groups = thread.select("details.sd-dropdown.matome-thread__more")
    assert [group.select_one(".sd-summary-text").get_text(strip=True) for group in groups] == [
        "Show more comments (1)",
        "Show more comments (2)",
    ]
    assert [[f["id"] for f in group.select("figure")] for group in groups] == [
        ["comment-3", "comment-4"],
        ["comment-5"],
    ]
    # An explicit align wins over the layout (the default, left).
    assert "matome-quote--right" in thread.select_one("#comment-1")["class"]


def test_order_time_start_and_alternate(html) -> None:
    outdir, _ = html
    thread = soup(outdir, "rst.html").select_one("div.matome-thread#owls")
    assert posts(thread) == [
        ("10", "early", "early_bird"),
        ("11", "owls-11", "noon_cat"),
        ("12", "owls-12", "deep_reply"),
        ("13", "owls-13", "late_owl"),
    ]
    sides = ["right" if "matome-quote--right" in f["class"] else "left" for f in thread("figure")]
    assert sides == ["left", "right", "left", "right"]
    depths = [item.get("style") for item in thread.select("li")]
    assert depths == [None, "--matome-depth: 1", "--matome-depth: 2", None]
    links = [(a.get_text(), a["href"]) for a in thread.select("a.matome-reply")]
    assert links == [(">>11", "#owls-11"), (">>10", "#early")]


def test_labels_move_with_their_quote(html) -> None:
    outdir, _ = html
    page = soup(outdir, "rst.html")
    refs = {a.get_text(): a["href"] for a in page.select("p a.reference.internal")}
    assert refs["late_owl"] == "#late-owl"
    assert refs["early_bird"] == "#early"
    late = page.select_one("figure.matome-quote#owls-13")
    # reST's label moved with its quote (ordered by time): the quote carries it.
    assert late.select_one("span#late-owl") is not None


def test_assets_linked(html) -> None:
    outdir, _ = html
    page = soup(outdir, "index.html")
    hrefs = [link["href"].split("?")[0] for link in page.select("link[rel=stylesheet]")]
    scripts = [script.get("src", "").split("?")[0] for script in page.select("script")]
    assert "_static/matome-thread.css" in hrefs
    assert "_static/matome-thread.js" in scripts
    assert (outdir / "_static" / "matome-thread.css").is_file()
    assert (outdir / "_static" / "matome-thread.js").is_file()
    # Only the pages that use them link them.
    plain = soup(outdir, "plain.html")
    linked = [link["href"] for link in plain.select("link[rel=stylesheet]")]
    linked += [script.get("src", "") for script in plain.select("script")]
    assert any("matome.css" in href for href in linked)
    assert not any("matome-thread" in href for href in linked), linked


def test_html_snapshot(html, file_regression) -> None:
    outdir, _ = html
    threads = []
    for page in ("index.html", "rst.html"):
        for thread in soup(outdir, page).select("div.matome-thread"):
            for svg in thread.select("svg"):
                svg.decompose()  # sphinx-design's icon markup is not ours to pin
            for paragraph in thread.select("p.sd-card-text"):
                del paragraph["class"]  # …nor the class sphinx-design 0.6 gives its paragraphs
            threads.append(thread.prettify())
    file_regression.check("\n".join(threads), extension=".html")


def test_japanese_labels(tmp_path_factory) -> None:
    outdir, warned = build(tmp_path_factory, "thread", "html", language="ja")
    assert warned == ""
    page = soup(outdir, "index.html")
    labels = [span.get_text(strip=True) for span in page.select(".matome-thread__more summary")]
    assert labels == ["もっとコメントを表示（1）", "もっとコメントを表示（2）"]
    assert page.select_one(".matome-quote__permalink")["title"] == "このコメントへのリンク"


def test_without_sphinx_design(tmp_path_factory) -> None:
    """The groups are native ``<details>`` when the project does not load sphinx-design."""
    outdir, warned = build(
        tmp_path_factory, "thread", "html", extensions=["myst_parser", "sphinxcontrib_matome"]
    )
    assert warned == ""
    groups = soup(outdir, "index.html").select("details.matome-thread__more")
    assert [group.summary.get_text() for group in groups] == [
        "Show more comments (1)",
        "Show more comments (2)",
    ]
    assert [len(group.select("figure")) for group in groups] == [2, 1]


def test_catalogs_compiled() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "compile_catalogs.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf8",
        check=False,
    )
    assert result.returncode == 0, result.stdout


# --- other builders ---------------------------------------------------------------------------


def test_text(tmp_path_factory) -> None:
    outdir, warned = build(tmp_path_factory, "thread", "text")
    assert warned == ""
    text = (outdir / "index.txt").read_text(encoding="utf8")
    assert "   1. kitsune_dev [OP] (2025-05-01 09:00):" in text
    # A reply is indented one level (three spaces) more than the post it answers.
    assert "\n      3. bit_shifter (2025-05-01 09:07):\n" in text
    assert "      >>1 Only if you type slowly." in text
    assert "-[ Show more comments (1) ]-" in text


@pytest.fixture(scope="module")
def tex(tmp_path_factory) -> tuple[str, Path]:
    outdir, warned = build(
        tmp_path_factory,
        "thread",
        "latex",
        latex_documents=[("index", "thread.tex", "Threads", "matome", "howto")],
    )
    assert warned == ""
    return (outdir / "thread.tex").read_text(encoding="utf8"), outdir


def test_latex_numbers_roles_initials(tex) -> None:
    source, _ = tex
    assert (
        r"\begin{matomebubble}[matome right,matome initials={KD},unbreakable]"
        r"{E91E63}{FDE8EF}{000000}{\matomenumber{1}kitsune\_dev\matomerole{OP}}"
    ) in source
    assert r"{\matomenumber{3}bit\_shifter}" in source


def test_latex_reply_links_and_labels(tex) -> None:
    source, _ = tex
    assert r"\label{\detokenize{index:keyboards-1}}" in source
    assert r"\hyperref[\detokenize{index:keyboards-1}]{\sphinxcrossref{\textgreater{}" in source
    assert r"\hyperref[\detokenize{index:keyboards-2}]{\sphinxcrossref{＞＞2}}" in source
    # Replies are indented: the depth is set around their bubble (2 + 1 on the reST page).
    assert source.count(r"{\def\matomeDepth{1}%") == 3
    assert source.count(r"{\def\matomeDepth{2}%") == 1


def test_latex_groups_keep_their_label(tex) -> None:
    source, _ = tex
    assert r"\matomedetailslabel{Show more comments (1)}" in source
    assert r"\matomedetailslabel{Show more comments (2)}" in source


def test_pdf_reply_link(tmp_path_factory) -> None:
    """A real PDF (lualatex): the reply is a link annotation to the replied-to bubble."""
    import importlib.util
    import subprocess

    spec = importlib.util.spec_from_file_location("_c", Path(__file__).parent / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    conftest.require_tool("latexmk")
    conftest.require_tool("lualatex")
    pypdf = pytest.importorskip("pypdf")
    outdir, warned = build(
        tmp_path_factory,
        "thread",
        "latex",
        language="ja",
        latex_engine="lualatex",
        latex_docclass={"howto": "ltjsarticle"},
        latex_elements={
            "papersize": "a4paper",
            "polyglossia": "",
            "babel": "",
            "fontenc": "\\usepackage{fontspec}\n\\usepackage[haranoaji]{luatexja-preset}",
        },
        latex_documents=[("index", "thread.tex", "Threads", "matome", "howto")],
    )
    assert warned == ""
    subprocess.run(
        ["latexmk", "-pdflua", "-interaction=nonstopmode", "-halt-on-error", "thread.tex"],
        cwd=outdir,
        capture_output=True,
        check=True,
        timeout=600,
    )
    reader = pypdf.PdfReader(outdir / "thread.pdf")
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/S") == "/GoTo" and str(action["/D"]).startswith("matomequote."):
                targets.append(str(action["/D"]))
    # Bubble n is hyperref's anchor "matomequote.n", in the order printed: the toctree puts the
    # reST page first (bubbles 1-4: posts 10, 11, 12, 13), then the MyST page (5-8: posts 1, 3,
    # 2, 4 of "keyboards"; 9-13: the second thread). So >>11 → 2, >>10 → 1, the two {ref}s →
    # 4 and 1, >>1 → 5, ＞＞2 → 7 (post 2 is printed third), >>1 → 9, >>5 (collapsed) → 13.
    assert targets == [f"matomequote.{n}" for n in (2, 1, 4, 1, 5, 7, 9, 13)]
    assert set(targets) <= set(reader.named_destinations)


# --- warnings ---------------------------------------------------------------------------------


def test_every_mistake_is_reported_once_at_its_line(tmp_path_factory) -> None:
    outdir, warned = build(tmp_path_factory, "thread-warnings", "html")
    found = sorted(
        (Path(source).name, int(line), message.split(":")[0], kind)
        for source, line, message, kind in re.findall(
            r"^(\S+?):(\d+): WARNING: (.*) \[(matome\.\w+)\]$", warned, re.M
        )
    )
    assert found == [
        ("index.md", 9, "invalid collapse-after 'zero'", "matome.thread"),
        ("index.md", 9, "invalid layout 'diagonal'", "matome.thread"),
        ("index.md", 9, "unknown option 'colour' ignored (known", "matome.thread"),
        ("index.md", 17, "reply >>3", "matome.reply"),
        (
            "index.md",
            20,
            "reply-to 'nobody' names no quote of this thread; shown as a top-level post",
            "matome.thread",
        ),
        (
            "index.md",
            27,
            "only matome-quote belongs in a matome-thread; this paragraph is "
            "shown after the thread",
            "matome.thread",
        ),
        ("index.md", 30, "reply-to is only used inside a matome-thread; ignored", "matome.thread"),
        ("rst.rst", 7, "order", "matome.thread"),
        (
            "rst.rst",
            19,
            "reply-to '1' would make a cycle; shown as a top-level post",
            "matome.thread",
        ),
        ("rst.rst", 24, "reply ＞＞７", "matome.reply"),
    ]
    assert len(warned.strip().splitlines()) == len(found)
    page = soup(outdir, "index.html")
    # Nothing is lost: the stray paragraph follows the thread, the bad reply stays text.
    assert page.select_one("div.matome-thread").find_next_sibling("p").get_text() == (
        "A stray paragraph."
    )
    assert ">>3 is not here." in page.select_one("#comment-1").get_text()
    # The quote without a time is put last under order: time.
    assert [
        f.select_one(".matome-quote__user").get_text()
        for f in soup(outdir, "rst.html").select("figure")
    ] == ["loop_b", "loop_a", "timeless"]


# --- JSON-LD ----------------------------------------------------------------------------------


def test_jsonld(tmp_path_factory) -> None:
    import json

    outdir, warned = build(
        tmp_path_factory,
        "thread",
        "html",
        matome_thread_jsonld=True,
        html_baseurl="https://example.org/docs/",
    )
    assert warned == ""
    page = soup(outdir, "index.html")
    scripts = page.select("div.matome-thread > script[type='application/ld+json']")
    assert len(scripts) == 2
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DiscussionForumPosting"
    assert data["headline"] == "Threads"
    assert data["url"] == "https://example.org/docs/index.html#keyboards-1"
    assert data["author"] == {"@type": "Person", "name": "kitsune_dev"}
    assert data["datePublished"] == "2025-05-01T09:00:00"
    assert data["text"] == "Wooden keycaps: worth it or not?"
    assert data["commentCount"] == 3
    # Replies nest under the post they answer: 3 under 1; 2 top-level, with 4 under it.
    reply, second = data["comment"]
    assert (reply["@type"], reply["author"]["name"], reply["text"]) == (
        "Comment",
        "bit_shifter",
        ">>1 Only if you type slowly.",
    )
    assert second["url"].endswith("#keyboards-2")
    assert [c["url"].rsplit("#", 1)[1] for c in second["comment"]] == ["keyboards-4"]
    # Without the option (the default) there is none.
    assert not soup(build(tmp_path_factory, "thread", "html")[0], "index.html").select(
        "script[type='application/ld+json']"
    )


def test_jsonld_cannot_close_its_script() -> None:
    from sphinxcontrib_matome.jsonld import script

    text = script({"text": "</script><script>alert(1)</script> & <!--"})
    assert text.count("</script>") == 1
    assert "\\u003c/script\\u003e" in text
