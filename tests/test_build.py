"""Real Sphinx builds of the quote directive on every builder."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


@pytest.mark.sphinx("html", testroot="quote")
def test_html_markup(app, warning):
    app.build()
    assert warning.getvalue() == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf8"), "html.parser")
    quotes = soup.select("figure.matome-quote")
    assert len(quotes) == 3
    first = quotes[0]
    assert first["id"] == "alice-quote"
    assert "--matome-color: #ff5c5c" in first["style"]
    assert first.select_one(".matome-quote__user").get_text() == "alice_b"
    time = first.select_one("time.matome-quote__time")
    assert time["datetime"] == "2025-03-08T01:52:37"
    assert time.get_text() == "2025-03-08 01:52"
    body = first.select_one("blockquote.matome-quote__body")
    assert body["cite"] == "https://news.ycombinator.com/item?id=1"
    assert len(body.find_all("br")) == 2
    assert "matome-quote--right" in quotes[1]["class"]
    assert "matome-quote--empty" in quotes[2]["class"]
    assert quotes[2].select_one("blockquote") is None
