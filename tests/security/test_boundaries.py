"""Boundaries: path traversal is refused, symbolic links are not followed out of the site, and
huge inputs finish in time linear in their size.

Scaling is measured in CPU time (the machine is shared) between an input and one four times
as large: linear work gives a ratio near 4, quadratic work near 16. The default run uses a
tenth of the sizes named in SECURITY.md; ``MATOME_FUZZ=1`` runs the full sizes (a 10 MB body,
100,000 quotes on one page).
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from security_support import FUZZ, HUGO_CONFIG, tree, write_site

from sphinxcontrib_matome.cli import main
from sphinxcontrib_matome.migrate.body import body_to_myst
from sphinxcontrib_matome.migrate.convert import PAIRED, ConvertOptions, convert_page
from sphinxcontrib_matome.migrate.lexer import parse
from sphinxcontrib_matome.migrate.site import SiteConfig

SECRET = "OUTSIDE-THE-SITE-0b5e"


def run(*argv: str | Path) -> tuple[int, str]:
    err = io.StringIO()
    status = main([str(a) for a in argv], out=io.StringIO(), err=err)
    return status, err.getvalue()


def post(front: str = "", body: str = "Text.") -> str:
    return f"+++\ntitle = 'p'\ndate = '2025-02-05'\n{front}+++\n\n{body}\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file and a folder next to the site that nothing may read or write."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.png").write_text(SECRET, encoding="utf-8")
    (folder / "secret.md").write_text(post(body=SECRET), encoding="utf-8")
    return folder


def _written_outside(tmp_path: Path, before: dict[str, bytes]) -> list[str]:
    after = {k: v for k, v in tree(tmp_path).items() if not k.startswith(("out/", "site/"))}
    return sorted(set(after) ^ set(before))


# --- path traversal -------------------------------------------------------------------------------

TRAVERSALS = [
    ("featureimage", "featureimage = '../../../outside/secret.png'"),
    ("featureimage-backslash", "featureimage = '..\\\\..\\\\outside\\\\secret.png'"),
    ("alias", "aliases = ['../../../outside/x']"),
    ("alias-nested", "aliases = ['/old/../../../outside/']"),
    ("url", "url = '/../../outside/'"),
    ("url-dots", "url = 'a/../../../outside'"),
    ("slug", "slug = '../../outside'"),
    ("slug-nul", "slug = 'a\\u0000b'"),
    ("tag-dotdot", "tags = ['..']"),
    ("tag-traversal", "tags = ['../../../outside']"),
    ("tag-long", f"tags = ['{'x' * 300}']"),
    ("url-long", f"url = '/{'y' * 300}/'"),
]
BODY_TRAVERSALS = [
    ("figure", '{{< figure src="../../../../outside/secret.png" >}}'),
    ("figure-file-url", '{{< figure src="file:///etc/passwd" >}}'),
]


@pytest.mark.parametrize(("name", "front"), TRAVERSALS, ids=[t[0] for t in TRAVERSALS])
def test_front_matter_traversal_is_refused(
    name: str, front: str, tmp_path: Path, outside: Path
) -> None:
    site = write_site(tmp_path / "site", {"posts/a/index.md": post(front)})
    before = {k: v for k, v in tree(tmp_path).items() if not k.startswith("site/")}
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 1, err
    assert ": error: " in err and "Traceback" not in err
    assert str(site / "content" / "posts" / "a" / "index.md") in err  # located in the post
    assert not (tmp_path / "out").exists()  # nothing written
    assert _written_outside(tmp_path, before) == []


@pytest.mark.parametrize(("name", "body"), BODY_TRAVERSALS, ids=[t[0] for t in BODY_TRAVERSALS])
def test_image_path_traversal_is_refused(
    name: str, body: str, tmp_path: Path, outside: Path
) -> None:
    site = write_site(tmp_path / "site", {"posts/a/index.md": post(body=body)})
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 1
    assert f"{site / 'content/posts/a/index.md'}:6:1: error:" in err
    assert "leaves the site" in err


def test_body_images_outside_the_site_are_dropped() -> None:
    result = body_to_myst("![x](../../../../outside/secret.png) ![y](file:///etc/passwd)")
    assert "secret.png" not in result.text and "passwd" not in result.text
    assert {note.code for note in result.notes} == {"image-dropped"}


def test_directive_image_paths_stay_in_the_project(tmp_path: Path, outside: Path) -> None:
    """``avatar`` and body images that resolve outside the source directory are not copied."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib_matome']\n", encoding="utf-8"
    )
    (src / "index.md").write_text(
        "# T\n\n```{matome-quote}\n:user-name: u\n:avatar: ../outside/secret.png\n\n"
        "![x](../outside/secret.png) and ![y](/../outside/secret.png)\n```\n",
        encoding="utf-8",
    )
    from sphinx.cmd.build import build_main

    warnings = tmp_path / "warnings.txt"
    assert (
        build_main(["-q", "-b", "html", "-w", str(warnings), str(src), str(tmp_path / "html")]) == 0
    )
    copied = [
        p
        for p in (tmp_path / "html").rglob("*")
        if p.is_file() and SECRET.encode() in p.read_bytes()
    ]
    assert copied == []
    text = warnings.read_text(encoding="utf-8")
    assert "the path leaves the project" in text and "leaves the project; its alt text" in text


# --- symbolic links -------------------------------------------------------------------------------


def test_symlinks_are_not_followed_out_of_the_site(tmp_path: Path, outside: Path) -> None:
    site = write_site(tmp_path / "site", {"posts/a/index.md": post(body="Inside.")})
    bundle = site / "content" / "posts" / "a"
    (bundle / "linked.png").symlink_to(outside / "secret.png")  # a bundle resource
    (site / "content" / "posts" / "linked.md").symlink_to(outside / "secret.md")  # a page
    (site / "content" / "linked-folder").symlink_to(outside, target_is_directory=True)
    (site / "assets").mkdir()
    (site / "assets" / "linked.png").symlink_to(outside / "secret.png")
    (site / "assets" / "linked-folder").symlink_to(outside, target_is_directory=True)
    (site / "static").mkdir()
    (site / "static" / "linked.png").symlink_to(outside / "secret.png")
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 0, err
    files = tree(tmp_path / "out")
    assert [name for name, data in files.items() if SECRET.encode() in data] == []
    assert not any("linked" in name for name in files)


def test_symlinked_output_target_is_not_written_through(tmp_path: Path, outside: Path) -> None:
    """A symlink planted in OUT_DIR where a page goes does not redirect the write outside."""
    # A bundle with a file of its own: the page keeps its folder, which the symlink replaces.
    site = write_site(tmp_path / "site", {"posts/a/index.md": post(), "posts/a/note.txt": "x"})
    out = tmp_path / "out"
    assert run("migrate", site, out)[0] == 0
    page = out / "posts" / "a" / "index.md"
    page.unlink()
    (out / "posts" / "a" / "note.txt").unlink()
    page.parent.rmdir()
    page.parent.symlink_to(outside, target_is_directory=True)
    before = (outside / "secret.md").read_bytes()
    status, err = run("migrate", site, out, "--force")
    assert status == 1 and "leaves the output directory" in err
    assert (outside / "secret.md").read_bytes() == before
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md", "secret.png"]


# --- huge inputs ----------------------------------------------------------------------------------

SCALE = 1 if FUZZ else 10  # the full sizes in fuzz mode, a tenth by default


def _cpu(function, *args, rounds: int = 1) -> float:
    """CPU seconds of ``function(*args)``, the best of ``rounds`` runs."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        function(*args)
        best = min(best, time.process_time() - start)
    return best


def _convert(tmp_path: Path, text: str):
    path = tmp_path / "content" / "posts" / "big" / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    site = SiteConfig(root=tmp_path, base_url="https://e.org/", enable_emoji=True)
    return convert_page(path, site, ConvertOptions())


_BODY_UNIT = (
    "木のキーボードって打鍵感どうなんだろ？<br>*Really* nice, see https://example.com/x and "
    '[docs](https://example.org/d). It\'s "quoted" -- and ~struck~ :smile: &amp; `code` <b>x</b> '
)


def _huge_body(size: int) -> str:
    return (_BODY_UNIT * (size // len(_BODY_UNIT) + 1))[:size].replace('"', "'")


def test_huge_body_is_linear(tmp_path: Path) -> None:
    """One quote whose body is 10 MB (1 MB by default)."""
    size = 10_000_000 // SCALE
    pages = []
    for n, bytes_ in enumerate((size // 4, size)):
        text = post(body=f'{{{{<matomeQuote body="{_huge_body(bytes_)}" userName="u">}}}}')
        start = time.process_time()
        result = _convert(tmp_path / str(n), text)
        pages.append(time.process_time() - start)
        assert result.myst is not None and len(result.myst) > bytes_
    small, large = pages
    assert large < 7 * small + 0.5, (
        f"{small:.2f}s for {size // 4:,} bytes, {large:.2f}s for {size:,}"
    )


def test_many_quotes_on_one_page_are_linear(tmp_path: Path) -> None:
    """100,000 quotes on one page (10,000 by default)."""
    count = 100_000 // SCALE
    quote = (
        '{{{{<matomeQuote body="コメント {0}<br>second line with *emphasis*" '
        'userName="user{0}" createdAt="2025-02-05T15:50:09" color="#38d3d3">}}}}\n\n'
    )
    times = []
    for n, quotes in enumerate((count // 4, count)):
        text = post(body="".join(quote.format(i) for i in range(quotes)))
        start = time.process_time()
        result = _convert(tmp_path / str(n), text)
        times.append(time.process_time() - start)
        assert result.counts["out:matome-quote"] == quotes
    small, large = times
    assert large < 7 * small + 0.5, (
        f"{small:.2f}s for {count // 4:,} quotes, {large:.2f}s for {count:,}"
    )


def test_huge_front_matter_and_config_values_are_accepted(tmp_path: Path) -> None:
    big = "x" * 1_000_000
    site = write_site(
        tmp_path / "site",
        {
            "posts/a/index.md": post(
                f"summary = '{big}'\n",
                body=f'{{{{< details summary="{big}" >}}}}\nx\n{{{{< /details >}}}}',
            )
        },
        HUGO_CONFIG + f'[params]\n  big = "{big}"\n',
    )
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 0, err[-2000:]


#: Inputs that once took time quadratic in their size (each found by these tests and fixed).
PATHOLOGICAL = [
    # Runs of unclosed links and emphasis: each opener rescanned the rest of the body.
    pytest.param(lambda s: body_to_myst(s), "[a](", 1000, id="body-link-openers"),
    pytest.param(lambda s: body_to_myst(s), "*[", 1500, id="body-emphasis-brackets"),
    # Unclosed HTML comments and declarations: each looked for its end again.
    pytest.param(lambda s: body_to_myst(s), "<!--", 4000, id="body-unclosed-comments"),
    pytest.param(lambda s: body_to_myst(s), "<?", 4000, id="body-unclosed-instructions"),
    pytest.param(lambda s: body_to_myst(s), "<![CDATA[", 2000, id="body-unclosed-cdata"),
    # Thousands of tags of unknown pairing that are never closed: the tree builder used to
    # splice each level's children into its parent again on the final unwinding.
    pytest.param(
        lambda s: parse(s, path="x.md", paired=PAIRED.get),
        "{{< a >}}",
        4000,
        id="unclosed-unknown-shortcodes",
    ),
    # The same, unwound by a closing tag of the outermost level instead of the end of the page.
    pytest.param(
        lambda s: parse("{{< z >}}" + s + "{{< /z >}}", path="x.md", paired=PAIRED.get),
        "{{< a >}}",
        4000,
        id="unclosed-shortcodes-in-a-pair",
    ),
]


@pytest.mark.skipif(
    not os.environ.get("MATOME_FUZZ"),
    reason="compares CPU times, which a loaded machine distorts: runs in the opt-in fuzz mode",
)
@pytest.mark.parametrize(("function", "unit", "n"), PATHOLOGICAL)
def test_pathological_inputs_are_linear(
    function: Callable[[str], object], unit: str, n: int
) -> None:
    # The best of three: a garbage collection or a busy neighbour can double one run.
    small = _cpu(function, unit * n, rounds=3)
    large = _cpu(function, unit * 4 * n, rounds=3)
    assert large < 7 * small, f"{small:.3f}s for n={n}, {large:.3f}s for n={4 * n}"


def test_output_path_limits_are_checked_before_writing(tmp_path: Path) -> None:
    """A tag that cannot be a file name stops the run before anything is written."""
    site = write_site(
        tmp_path / "site",
        {
            "posts/a/index.md": post("tags = ['ok']\n"),
            "posts/b/index.md": post("tags = ['" + "長" * 100 + "']\n"),  # 300 bytes
        },
    )
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 1 and "longer than 255 bytes" in err and "[bad-term]" in err
    assert not (tmp_path / "out").exists()
    status, err = run("migrate", site, tmp_path / "out", "--keep-going")
    assert status == 1
    assert (tmp_path / "out" / "tags" / "ok.md").is_file()


def test_term_names_at_the_file_name_limit(tmp_path: Path) -> None:
    """A term page is ``tags/<term>.md`` unless ``.md`` would push the name past 255 bytes;
    a term that "#" → "-sharp" lengthens past the limit is refused alone."""
    longest = "長" * 85  # 255 bytes: a folder can hold it, "<term>.md" cannot
    sharps = "#" * 60  # 60 bytes in Hugo's URL, 360 as "-sharp" in a document name
    site = write_site(
        tmp_path / "site",
        {"posts/a/index.md": post(f"tags = ['{longest}', '{sharps}', 'ok']\n")},
    )
    status, err = run("migrate", site, tmp_path / "out", "--keep-going")
    assert status == 1
    assert "[bad-term]" in err and "its page has a part longer than 255 bytes" in err
    assert err.count("[bad-term]") == 1
    assert "posts/a/index.md: error: tags term" in err  # located at the post that uses it
    assert (tmp_path / "out" / "tags" / longest / "index.md").is_file()
    assert (tmp_path / "out" / "tags" / "ok.md").is_file()


def test_terms_of_slashes_and_nothing(tmp_path: Path) -> None:
    """Empty URL parts are dropped ("a//b/" is /tags/a/b/), so a term page never becomes a
    hidden ".md" file or a second tags index; a term of nothing but "/" is left out."""
    site = write_site(
        tmp_path / "site",
        {"posts/a/index.md": post("tags = ['a//b/', 'c/', 'c', '/', '・']\n")},
    )
    status, err = run("migrate", site, tmp_path / "out")
    assert status == 0, err
    assert err.count("[empty-term]") == 2
    tags = tmp_path / "out" / "tags"  # "c/" and "c" share /tags/c/, as in Hugo
    assert sorted(p.relative_to(tags).as_posix() for p in tags.rglob("*.md")) == [
        "a/b.md",
        "c.md",
        "index.md",
    ]
