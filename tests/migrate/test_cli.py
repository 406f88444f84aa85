"""The ``sphinx-matome`` command, run in-process on real Hugo sites written for the tests."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_matome.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "hugo-site"
POST = "posts/2025_02/2025_02_05_kyoto_keyboard/index.md"
#: The migrated post: a page bundle without files of its own becomes one file.
MIGRATED_POST = "posts/2025_02/2025_02_05_kyoto_keyboard.md"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def make_site(tmp_path: Path, posts: dict[str, str], config: str = "") -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\nlanguageCode = "en"\n' + config, encoding="utf-8"
    )
    for relative, text in posts.items():
        path = site / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


QUOTE = '{{<matomeQuote body="hello" userName="alice" createdAt="2025-02-05T15:50:09" color="">}}'


def post(body: str = QUOTE, front: str = "") -> str:
    return f"+++\ntitle = 'A post'\ndate = '2025-02-05T00:00:00'\n{front}+++\n\n{body}\n"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    status, _, stderr = run("migrate", EXAMPLE, out, "--report", tmp_path / "r.json")
    assert status == 0, stderr
    return out


def test_migrate_example_layout(example: Path, tmp_path: Path) -> None:
    # Every post where dirhtml serves it at Hugo's URL: a file, or a folder where the bundle
    # holds files (cup.png) that the page refers to by a relative path.
    assert (example / MIGRATED_POST).is_file()
    assert not (example / "posts/2025_02/2025_02_05_kyoto_keyboard").exists()
    assert (example / "posts/2025_03/2025_03_10_rust_coffee/index.md").is_file()
    assert (example / "posts/2025_03/2025_03_10_rust_coffee/cup.png").is_file()
    assert not (example / "posts/2025_03/2025_03_12_unfinished").exists()  # a draft
    # A term page is a file, not a folder: dirhtml serves tags/c++.md at /tags/c++/.
    assert (example / "tags/ui/ux.md").is_file()  # Hugo keeps "/" in terms
    assert (example / "tags/c++.md").is_file()
    assert (example / "tags/c-sharp.md").is_file()  # "#" cannot be in a document name
    assert (example / "tags/index/index.md").is_file()  # tags/index.md lists the terms
    assert (example / "months/2025/02.md").is_file()
    assert (example / "_static/thumbnails/blue1.png").is_file()
    assert (example / "_extra/robots.txt").is_file()
    conf = (example / "conf.py").read_text(encoding="utf-8")
    assert "smartquotes = False" in conf
    assert "'/old/rust-coffee/': '/posts/2025_03/2025_03_10_rust_coffee/'" in conf
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["counts"]["matomeQuote"] == 25
    assert report["counts"]["out:matome-quote"] == 25
    assert report["excluded"] == [
        {"path": "posts/2025_03/2025_03_12_unfinished/index.md", "reason": "draft"}
    ]
    codes = {m["code"] for m in report["messages"]}
    assert {"raw-html-escaped", "embed-as-link", "excluded"} <= codes


def test_migrated_page_text(example: Path) -> None:
    page = (example / MIGRATED_POST).read_text(encoding="utf-8")
    # The title renders literally: Markdown punctuation is escaped.
    assert r"# 京都の職人が作る\*木製\*キーボード、\[海外\]で話題に \#手作り \& \<output\>" in page
    assert '```{matome-quote}\n:user-name: "wood_fan"\n:created-at: "2025-02-05T15:50:09"\n' in page
    assert ':color: "#38d3d3"' in page  # quoted: a bare # would start a comment
    assert "````{dropdown} もっとコメントを表示（1）" in page
    assert "[記事一覧へ](/posts/index.md)" in page
    assert "<script>" not in page.replace(r"\<script>", "")


def test_rerun_is_idempotent_and_deterministic(example: Path, tmp_path: Path) -> None:
    before = tree(example)
    status, stdout, _ = run("migrate", EXAMPLE, example)
    assert status == 0
    assert "0 written" in stdout
    assert tree(example) == before
    other = tmp_path / "other"
    assert run("migrate", EXAMPLE, other, "--jobs", "2")[0] == 0
    assert tree(other) == before


def test_hand_edits_are_protected(example: Path) -> None:
    page = example / MIGRATED_POST
    page.write_text(page.read_text(encoding="utf-8") + "\nmy note\n", encoding="utf-8")
    status, _, stderr = run("migrate", EXAMPLE, example)
    assert status == 1
    assert f"{page}: error: edited since the last migration" in stderr
    assert page.read_text(encoding="utf-8").endswith("my note\n")
    # Still protected on the next run, until --force.
    assert run("migrate", EXAMPLE, example)[0] == 1
    assert run("migrate", EXAMPLE, example, "--force")[0] == 0
    assert not page.read_text(encoding="utf-8").endswith("my note\n")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    status, stdout, _ = run("migrate", EXAMPLE, out, "--dry-run")
    assert status == 0
    assert "dry run" in stdout
    assert not out.exists()


def test_lexer_error_is_located_and_blocks_writing(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "posts/good/index.md": post(),
            "posts/bad/index.md": post('line\n{{<matomeQuote body="unterminated>}}\n'),
        },
    )
    out = tmp_path / "out"
    status, stdout, stderr = run("migrate", site, out)
    assert status == 1
    bad = site / "content/posts/bad/index.md"
    assert f"{bad}:7:" in stderr  # file:line:col of the offending call
    assert "nothing written" in stdout
    assert not out.exists()
    status, _, _ = run("migrate", site, out, "--keep-going")
    assert status == 1
    assert (out / "posts/good.md").is_file()
    assert not (out / "posts/bad.md").exists()


def test_unknown_shortcode(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"posts/a/index.md": post(QUOTE + "\n\n{{< mystery x=1 >}}")})
    out = tmp_path / "out"
    status, _, stderr = run("migrate", site, out)
    assert status == 1
    assert "unknown shortcode 'mystery'" in stderr
    assert f"{site / 'content/posts/a/index.md'}:8:1: error:" in stderr
    status, _, stderr = run("migrate", site, out, "--keep-unknown")
    assert status == 0
    page = (out / "posts/a.md").read_text(encoding="utf-8")
    assert "Unconverted Hugo shortcode" in page
    assert "{{< mystery x=1 >}}" in page


@pytest.mark.parametrize(
    ("front", "what"),
    [
        ("featureimage = '../../etc/passwd'\n", "featureimage"),
        ("aliases = ['../../outside']\n", "alias"),
        ("url = '/../../x/'\n", "url"),
        ("slug = '../x'\n", "slug"),
    ],
)
def test_paths_leaving_the_site_are_refused(tmp_path: Path, front: str, what: str) -> None:
    site = make_site(tmp_path, {"posts/a/index.md": post(front=front)})
    out = tmp_path / "out"
    status, _, stderr = run("migrate", site, out)
    assert status == 1
    assert f"{what} " in stderr
    assert "leaves the site" in stderr
    assert not out.exists()


def test_out_dir_inside_content_is_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"posts/a/index.md": post()})
    status, _, stderr = run("migrate", site, site / "content" / "out")
    assert status == 1
    assert "OUT_DIR must not be the site or lie inside its content/" in stderr


def test_not_a_site(tmp_path: Path) -> None:
    status, _, stderr = run("migrate", tmp_path, tmp_path / "out")
    assert status == 1
    assert "not a Hugo site" in stderr


def test_usage_error_exit_code(tmp_path: Path) -> None:
    assert run("migrate")[0] == 2
    assert run("frobnicate")[0] == 2


def test_future_and_expired_posts_left_out(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "posts/future/index.md": post(front="publishDate = '2999-01-01'\n"),
            "posts/expired/index.md": post(front="expiryDate = '2000-01-01'\n"),
            "posts/now/index.md": post(),
        },
    )
    out = tmp_path / "out"
    report = tmp_path / "r.json"
    assert run("migrate", site, out, "--report", report)[0] == 0
    reasons = {e["reason"] for e in json.loads(report.read_text("utf-8"))["excluded"]}
    assert reasons == {"future", "expired"}
    assert run("migrate", site, tmp_path / "all", "--include-future", "--include-expired")[0] == 0
    assert (tmp_path / "all/posts/future.md").is_file()


def test_unresolved_ref_is_an_error(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"posts/a/index.md": post('[x]({{< ref "/nowhere" >}})')})
    status, _, stderr = run("migrate", site, tmp_path / "out")
    assert status == 1
    assert "ref '/nowhere' names no page" in stderr


def test_single_file_input(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("migrate", EXAMPLE / "content" / POST, out)[0] == 0
    assert (out / MIGRATED_POST).is_file()
    assert not (out / "posts/2025_04").exists()


def test_copies_do_not_follow_symlinks(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"posts/a/index.md": post()})
    secret = tmp_path / "secret.txt"
    secret.write_text("secret", encoding="utf-8")
    (site / "content/posts/a/leak.txt").symlink_to(secret)
    (site / "static").mkdir()
    (site / "static/leak.txt").symlink_to(secret)
    out = tmp_path / "out"
    assert run("migrate", site, out)[0] == 0
    assert not (out / "posts/a/leak.txt").exists()
    assert not (out / "_extra/leak.txt").exists()


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_matome", "migrate", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0
    assert "HUGO_SITE" in result.stdout


def test_a_page_is_a_file_unless_it_needs_its_folder(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        {
            "posts/plain/index.md": post(),
            "posts/leaf.md": post(),
            "posts/slugged/index.md": post(front="slug = 'renamed'\n"),
            "posts/index/index.md": post(),  # posts/index.md would be served at /posts/
            "posts/absolute/index.md": post("[a](https://example.org/x) ![b](/img.png) [c](#q)"),
            # A quote drops a relative link (it has no page to be relative to): still a file.
            "posts/quoted/index.md": post(QUOTE.replace("hello", "[see](notes.png)")),
            "posts/bundle/index.md": post(),
            "posts/bundle/notes.txt": "bundled\n",
            "posts/linked/index.md": post("[next](../plain/)"),
            "posts/defined/index.md": post("[x][d]\n\n[d]: other.html"),
            "posts/html/index.md": post('<a href="other.html">x</a>'),
            "posts/figure/index.md": post('{{< figure src="pic.png" >}}'),
            "posts/referring/index.md": post('[plain]({{< ref "/posts/plain" >}})'),
        },
    )
    out = tmp_path / "out"
    status, _, stderr = run("migrate", site, out)
    assert status == 0, stderr
    files = {"plain", "leaf", "renamed", "absolute", "quoted", "referring"}
    folders = {"index", "bundle", "linked", "defined", "html", "figure"}
    for name in files:
        assert (out / f"posts/{name}.md").is_file(), name
        assert not (out / f"posts/{name}").exists(), name
    for name in folders:
        assert (out / f"posts/{name}/index.md").is_file(), name
        assert name == "index" or not (out / f"posts/{name}.md").exists(), name
    assert (out / "posts/bundle/notes.txt").read_text(encoding="utf-8") == "bundled\n"
    # A ref names the document that serves the page, wherever it is.
    assert "[plain](/posts/plain.md)" in (out / "posts/referring.md").read_text("utf-8")
    toc = (out / "posts/_archive/2025-02.md").read_text(encoding="utf-8")
    assert "\n/posts/plain\n" in toc
    assert "\n/posts/bundle/index\n" in toc


def test_two_documents_at_one_url_are_an_error(tmp_path: Path) -> None:
    # The page claims the URL of the generated section list: posts.md and posts/index.md.
    site = make_site(tmp_path, {"posts/a/index.md": post(front="url = '/posts/'\n")})
    out = tmp_path / "out"
    status, stdout, stderr = run("migrate", site, out)
    assert status == 1
    assert "posts.md and posts/index.md would both be served at /posts/" in stderr
    assert f"{site / 'content/posts/a/index.md'}: error:" in stderr  # the page that claims it
    assert "[output-collision]" in stderr
    assert "nothing written" in stdout
    assert not out.exists()
