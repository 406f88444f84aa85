"""``matome-recent-posts``: the newest pages of the site, as Hugo themes' ``list`` shortcode.

Pages are dated by their front-matter ``date``; the list is filled in when the doctree is
resolved, so it sees every page of the build. Pages holding a list are written again (not
re-read) when the newest pages, their dates or their titles changed — not on every edit, so
editing one post of an archive rebuilds that post only.
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
        limit = self.options.get("limit", 5)
        node = matome_recent_posts(limit=limit)
        self.set_source_info(node)
        users = _users(self.env)
        users[self.env.docname] = max(limit, users.get(self.env.docname, 0))
        return [node]


def _users(env: BuildEnvironment) -> dict[str, int]:
    """The pages holding a list, with the longest list each shows."""
    if not hasattr(env, "matome_recent_limits"):
        env.matome_recent_limits = {}  # type: ignore[attr-defined]
    return env.matome_recent_limits  # type: ignore[attr-defined]


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


def _updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After reading: the list pages to write again, if what they show has changed."""
    users = _users(env)
    count = max(users.values(), default=0) + 1  # a page leaves itself out of its list
    shown = [
        (date, docname, env.titles[docname].astext() if docname in env.titles else "")
        for date, docname in _dated_pages(env)[:count]
    ]
    if shown == getattr(env, "matome_recent_shown", None):
        return []
    env.matome_recent_shown = shown  # type: ignore[attr-defined]
    return sorted(users)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _users(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    theirs = _users(other)
    _users(env).update((docname, theirs[docname]) for docname in docnames if docname in theirs)


def setup_recent_posts(app: Sphinx) -> None:
    app.add_node(matome_recent_posts)
    app.add_directive("matome-recent-posts", RecentPosts)
    app.connect("doctree-resolved", _resolve)
    app.connect("env-updated", _updated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
