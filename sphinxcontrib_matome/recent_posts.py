"""``matome-recent-posts``: the newest pages of the site, as Hugo themes' ``list`` shortcode.

Pages are dated by their front-matter ``date``; the list is filled in when the doctree is
resolved, so it sees every page of the build, and pages holding a list are rebuilt whenever
another page changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class matome_recent_posts(nodes.General, nodes.Element):
    """Placeholder replaced by a bullet list of links at doctree-resolved time."""


class RecentPosts(SphinxDirective):
    has_content = False
    option_spec: ClassVar[dict] = {"limit": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        node = matome_recent_posts(limit=self.options.get("limit", 5))
        self.set_source_info(node)
        _users(self.env).add(self.env.docname)
        return [node]


def _users(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, "matome_recent_posts"):
        env.matome_recent_posts = set()  # type: ignore[attr-defined]
    return env.matome_recent_posts  # type: ignore[attr-defined]


def _dated_pages(env: BuildEnvironment) -> list[tuple[str, str]]:
    pages = [
        (str(meta["date"]), docname)
        for docname, meta in env.metadata.items()
        if meta.get("date") and docname in env.all_docs
    ]
    pages.sort(reverse=True)
    return pages


def _resolve(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(matome_recent_posts))
    if not placeholders:
        return
    pages = _dated_pages(app.env)
    for placeholder in placeholders:
        items = nodes.bullet_list(classes=["matome-recent-posts"])
        for date, other in pages:
            if len(items) >= placeholder["limit"]:
                break
            if other == docname:
                continue  # as the theme does: the current page is not "recent" to itself
            title = app.env.titles.get(other)
            reference = nodes.reference(
                "", "", internal=True, refuri=app.builder.get_relative_uri(docname, other)
            )
            reference += nodes.Text(title.astext() if title else other)
            paragraph = nodes.paragraph("", "", reference, nodes.Text(f" ({date[:10]})"))
            items += nodes.list_item("", paragraph)
        placeholder.replace_self(items if len(items) else [])


def _outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    # Any page change can change "the newest N": rebuild the pages that show a list.
    if added or changed or removed:
        return sorted(_users(env) - set(removed))
    return []


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _users(env).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    _users(env).update(_users(other) & set(docnames))


def setup_recent_posts(app: Sphinx) -> None:
    app.add_node(matome_recent_posts)
    app.add_directive("matome-recent-posts", RecentPosts)
    app.connect("doctree-resolved", _resolve)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
