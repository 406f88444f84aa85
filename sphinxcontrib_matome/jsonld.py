"""Structured data: schema.org JSON-LD for each thread, in HTML pages only.

With ``matome_thread_jsonld = True`` every thread gets a
``<script type="application/ld+json">``: a ``DiscussionForumPosting`` made of the thread's
first post (headline: the page title) whose ``comment`` list holds the other posts as
``Comment`` objects, replies nested under the posts they answer. Names are the names shown,
so anonymity applies here too; ``url`` is the post's anchor on the page (absolute when
``html_baseurl`` is set) and ``sameAs`` the original comment's URL when the quote has one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes

from .nodes import matome_header, matome_quote
from .thread_nodes import matome_thread, matome_thread_item

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _body_text(quote: matome_quote) -> str:
    return "\n".join(
        child.astext() for child in quote.children if not isinstance(child, matome_header)
    ).strip()


def _comment(quote: matome_quote, page: str, kind: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": kind,
        "author": {"@type": "Person", "name": quote.get("user", "")},
        "text": _body_text(quote),
    }
    if quote["ids"]:
        data["url"] = f"{page}#{quote['ids'][0]}"
    if quote.get("datetime"):
        data["datePublished"] = quote["datetime"]
    if quote.get("url"):
        data["sameAs"] = quote["url"]
    return data


def thread_data(thread: matome_thread, page: str, headline: str) -> dict[str, Any] | None:
    """The JSON-LD object of one thread; None for a thread without posts."""
    items = [
        item
        for item in thread.findall(matome_thread_item)
        if item.children and isinstance(item.children[-1], matome_quote)
    ]
    if not items:
        return None
    objects = {}
    for position, item in enumerate(items):
        kind = "DiscussionForumPosting" if position == 0 else "Comment"
        objects[item["number"]] = _comment(item.children[-1], page, kind)
    first = items[0]["number"]
    posting = objects[first]
    posting = {"@context": "https://schema.org", **posting, "headline": headline}
    objects[first] = posting
    for item in items[1:]:
        parent = item.get("parent")
        holder = objects.get(parent, posting) if parent is not None else posting
        holder.setdefault("comment", []).append(objects[item["number"]])
    posting["commentCount"] = len(items) - 1
    return posting


def script(data: dict[str, Any]) -> str:
    """A ``<script>`` element; ``<``, ``>`` and ``&`` escaped so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>\n'


def _add(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    builder = app.builder
    if not app.config.matome_thread_jsonld or builder.format != "html":
        return
    if builder.name.startswith("epub"):
        return
    uri = builder.get_target_uri(docname)
    page = urljoin(app.config.html_baseurl, uri) if app.config.html_baseurl else uri
    title = app.env.titles.get(docname)
    headline = title.astext() if title is not None else docname
    for thread in list(doctree.findall(matome_thread)):
        data = thread_data(thread, page, headline)
        if data is not None:
            thread += nodes.raw("", script(data), format="html")


def setup_jsonld(app: Sphinx) -> None:
    app.connect("doctree-resolved", _add)
