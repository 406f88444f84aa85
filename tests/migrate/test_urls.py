"""Document names and the URLs dirhtml serves them at."""

from __future__ import annotations

import pytest

from sphinxcontrib_matome.migrate.urls import docname_for_url, file_docname, url_for_docname


@pytest.mark.parametrize(
    ("path", "docname"),
    [
        ("tags/go", "tags/go"),
        ("posts/2025_02/x", "posts/2025_02/x"),
        ("tags/myindex", "tags/myindex"),
        ("tags/index", "tags/index/index"),  # tags/index.md would be served at /tags/
        ("", "index"),
        ("tags/" + "a" * 252, "tags/" + "a" * 252),
        ("tags/" + "a" * 253, "tags/" + "a" * 253 + "/index"),  # no room for ".md"
        ("tags/" + "あ" * 84, "tags/" + "あ" * 84),  # 252 bytes and ".md": 255
        ("tags/" + "あ" * 85, "tags/" + "あ" * 85 + "/index"),
    ],
)
def test_file_docname(path: str, docname: str) -> None:
    assert file_docname(path) == docname


@pytest.mark.parametrize(
    ("docname", "url"),
    [
        ("index", "/"),
        ("tags/index", "/tags/"),
        ("tags/go", "/tags/go/"),
        ("tags/myindex", "/tags/myindex/"),  # only a whole last part "index" is the folder's
        ("tags/index/index", "/tags/index/"),
    ],
)
def test_url_for_docname(docname: str, url: str) -> None:
    assert url_for_docname(docname) == url


@pytest.mark.parametrize("url", ["/", "/posts/", "/posts/2025_02/x/", "/tags/index/"])
def test_a_page_and_its_file_are_served_at_the_same_url(url: str) -> None:
    assert url_for_docname(docname_for_url(url)) == url
    assert url_for_docname(file_docname(url.strip("/"))) == url
