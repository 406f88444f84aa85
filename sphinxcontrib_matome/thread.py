"""``matome-thread`` (alias ``matomeThread``): quotes as a numbered conversation.

The directive reads its quotes (written inside it, or from a ``source`` data file, see
:mod:`.thread_data`) and, in its run:

1. orders them as written or by time (``order``) and numbers them from ``start``;
2. gives each a stable anchor: its ``name``, else ``<prefix>-<number>`` where the prefix is the
   thread's ``name``, or ``comment`` (``thread2-comment`` … for further unnamed threads);
3. nests ``reply-to`` replies right after the post they answer (depth capped by ``max-depth``);
4. lays the bubbles out (``layout``: ``left``, ``alternate`` or ``speaker``);
5. puts all posts after the first ``collapse-after`` into sphinx-design dropdowns of that many
   posts each, labelled "Show more comments (1)", "(2)" … in the project's language.

:class:`ReplyLinks` then turns ``>>N`` / ``＞＞N`` in the bodies into links to post N of the
same thread. It is a transform that runs after translation (so translated bodies get their
links too) and warns, with file and line, about a post number the thread does not have.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.locale import get_translation
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import anonymize, thread_data
from .directive import _LenientOptionSpec, _text, _UnknownOption, is_myst
from .nodes import header_parts, matome_quote
from .thread_nodes import (
    matome_number,
    matome_permalink,
    matome_role,
    matome_thread,
    matome_thread_item,
    matome_thread_list,
    matome_thread_more,
)
from .warnings_ import MatomeWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The extension's message catalog (``locale/<lang>/LC_MESSAGES/sphinxcontrib-matome.mo``).
CATALOG = "sphinxcontrib-matome"
LOCALE_DIR = Path(__file__).parent / "locale"
_ = get_translation(CATALOG)

LAYOUTS = ("left", "alternate", "speaker")
ORDERS = ("written", "time")
DEFAULT_MAX_DEPTH = 3
#: The class of the "show more" dropdowns a thread makes.
MORE_CLASS = "matome-thread__more"
#: Roles that mark the original poster for ``layout: speaker`` (compared case-insensitively).
OP_ROLES = ("op", "スレ主", "主", ">>1")

#: ``>>12`` or full-width ``＞＞１２``, not part of a longer run of ``>`` or digits.
REPLY = re.compile(r"(?<![>＞])[>＞]{2}([0-9０-９]+)(?![0-9０-９])")
_MYST_REPLY_LINE = re.compile(r"^(\s*)(>>[0-9０-９])")
_NUMBER = re.compile(r"[>＞]{0,2}([0-9０-９]+)")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def to_number(text: str) -> int | None:
    """``12``, ``>>12`` or ``＞＞１２`` as 12; None for anything else."""
    match = _NUMBER.fullmatch(text.strip())
    return int(match.group(1).translate(_FULLWIDTH_DIGITS)) if match else None


def escape_myst_replies(state: Any, content: StringList) -> StringList:
    """In Markdown a line starting ``>>12`` is a nested block quote: escape its first ``>``."""
    if not is_myst(state):
        return content
    if not any(_MYST_REPLY_LINE.match(line) for line in content):
        return content
    lines = [_MYST_REPLY_LINE.sub(r"\1\\\2", line) for line in content]
    return StringList(lines, items=list(content.items))


# --- the directive ----------------------------------------------------------------------------


class _Post:
    """One post while the thread is assembled: its quote and the targets written before it."""

    __slots__ = ("children", "depth", "index", "nodes", "number", "parent", "quote")

    def __init__(self, quote: matome_quote, targets: list[nodes.Node], index: int) -> None:
        self.quote = quote
        self.children: list[_Post] = []
        self.parent: _Post | None = None
        self.depth = 0
        self.index = index
        self.number = 0
        self.nodes = [*targets, quote]

    @property
    def anchor(self) -> str:
        return self.quote["ids"][0]


class MatomeThread(SphinxDirective):
    """A numbered conversation of ``matome-quote`` posts."""

    has_content = True
    option_spec: ClassVar[dict] = _LenientOptionSpec(
        {
            "name": _text,
            "class": _text,
            "layout": _text,
            "op": _text,
            "collapse-after": _text,
            "order": _text,
            "start": _text,
            "max-depth": _text,
            "source": _text,
        }
    )

    def run(self) -> list[nodes.Node]:
        options = self._checked_options()
        thread = matome_thread(classes=["matome-thread"])
        self.set_source_info(thread)
        layout = self._choice(options, "layout", LAYOUTS, self.config.matome_thread_layout)
        order = self._choice(options, "order", ORDERS, "written")
        start = self._integer(options, "start", 1, minimum=0)
        collapse = self._integer(options, "collapse-after", 0, minimum=1)
        max_depth = self._integer(options, "max-depth", DEFAULT_MAX_DEPTH, minimum=0)
        thread["layout"] = layout
        thread["classes"].append(f"matome-thread--{layout}")
        if options.get("class", "").strip():
            thread["classes"].extend(options["class"].split())
        name = options.get("name", "").strip()
        if name:
            self.options["name"] = name
            self.add_name(thread)

        before, posts, after = self._posts(options.get("source", "").strip())
        if order == "time":
            posts = self._by_time(posts)
        for offset, post in enumerate(posts):
            post.number = start + offset
            post.index = offset
        self._anchors(thread, posts)
        roots = self._nest(posts, max_depth)
        shown = list(_preorder(roots))
        self._layout(layout, options.get("op", ""), shown, posts)
        for post in shown:
            self._decorate(post)
        self._group(thread, shown, collapse)
        for quote in thread.findall(matome_quote):  # quotes nested in a post's body too
            for attribute in ("speaker", "align_given"):
                quote.attributes.pop(attribute, None)
        return [*before, thread, *after]

    # --- options ----------------------------------------------------------------------------

    def _checked_options(self) -> dict[str, str]:
        options = {}
        for name, value in self.options.items():
            if isinstance(value, _UnknownOption) or value is _UnknownOption:
                known = ", ".join(sorted(self.option_spec))
                self._warn(f"unknown option {name!r} ignored (known: {known})", None)
                continue
            options[name] = value
        return options

    def _warn(self, message: str, node: nodes.Node | None, subtype=MatomeWarning.THREAD) -> None:
        warn(logger, message, subtype, node if node is not None else self.get_location())

    def _choice(self, options: dict, name: str, choices: tuple[str, ...], default: str) -> str:
        value = options.get(name, "").strip().lower() or default
        if value in choices:
            return value
        self._warn(f"invalid {name} {value!r}: use one of {', '.join(choices)}", None)
        return default if default in choices else choices[0]

    def _integer(self, options: dict, name: str, default: int, *, minimum: int) -> int:
        raw = options.get(name, "").strip()
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            self._warn(f"invalid {name} {raw!r}: expected a whole number >= {minimum}", None)
            return default
        return value

    # --- posts ------------------------------------------------------------------------------

    def _posts(self, source: str) -> tuple[list[nodes.Node], list[_Post], list[nodes.Node]]:
        """Parse the content (and the data file): nodes to put before, posts, nodes after."""
        holder = nodes.Element()
        temp = self.env.temp_data
        outer = temp.get("matome_thread")
        temp["matome_thread"] = True
        temp["matome_thread_markup"] = True  # for ReplyLinks
        try:
            self.state.nested_parse(self.content, self.content_offset, holder)
            if source:
                holder.extend(thread_data.quotes(self, source))
        finally:
            temp["matome_thread"] = outer
        before: list[nodes.Node] = []
        after: list[nodes.Node] = []
        posts: list[_Post] = []
        targets: list[nodes.Node] = []
        for child in list(holder.children):
            child.parent = None
            if isinstance(child, matome_quote):
                posts.append(_Post(child, targets, len(posts)))
                targets = []
            elif isinstance(child, nodes.target) and not child.get("refuri"):
                targets.append(child)  # a label for the next quote: moves with it
            elif isinstance(child, (nodes.system_message, nodes.comment)):
                before.append(child)
            else:
                self._warn(
                    f"only matome-quote belongs in a matome-thread; this {child.tagname} is "
                    "shown after the thread",
                    child if child.source else None,
                )
                after.append(child)
        after.extend(targets)
        if not posts and not source:
            self._warn("matome-thread has no quotes", None)
        return before, posts, after

    def _by_time(self, posts: list[_Post]) -> list[_Post]:
        def key(post: _Post) -> tuple[int, datetime | int, int]:
            stamp = post.quote.get("datetime", "")
            try:
                moment = datetime.fromisoformat(stamp)
            except ValueError:
                self._warn(
                    f"order: time, but the quote by {post.quote['user']} has no readable "
                    "created-at; it is put last",
                    post.quote,
                )
                return (1, 0, post.index)
            if moment.tzinfo is not None:
                moment = moment.astimezone(UTC).replace(tzinfo=None)
            return (0, moment, post.index)

        return sorted(posts, key=key)

    def _anchors(self, thread: matome_thread, posts: list[_Post]) -> None:
        document = self.state.document
        if thread["ids"]:
            prefix = thread["ids"][0]
        else:
            count = self.env.temp_data.get("matome_thread_count", 0) + 1
            self.env.temp_data["matome_thread_count"] = count
            prefix = "comment" if count == 1 else f"thread{count}-comment"
        for post in posts:
            quote = post.quote
            if quote["ids"]:
                continue
            anchor, suffix = f"{prefix}-{post.number}", 1
            while anchor in document.ids:
                suffix += 1
                anchor = f"{prefix}-{post.number}-{suffix}"
            quote["ids"].append(anchor)
            document.ids[anchor] = quote

    def _nest(self, posts: list[_Post], max_depth: int) -> list[_Post]:
        """Attach replies to their parents; the top-level posts, in order."""
        by_number = {post.number: post for post in posts}
        by_name: dict[str, _Post] = {}
        for post in posts:
            for key in (*post.quote.get("names", ()), *post.quote["ids"]):
                by_name.setdefault(key, post)
            if post.quote.get("record_id"):
                by_name.setdefault(f"record:{post.quote['record_id']}", post)
        roots = []
        for post in posts:
            target = post.quote.get("reply_to", "")
            parent = None
            if target:
                number = to_number(target)
                parent = (
                    by_name.get(f"record:{target}")
                    or by_name.get(nodes.fully_normalize_name(target))
                    or by_name.get(target)
                    or (by_number.get(number) if number is not None else None)
                )
                record = post.quote.get("record")
                if parent is None and record:
                    self._warn(
                        f"{record}: parent {target!r} is not in this thread; shown as a "
                        "top-level post",
                        post.quote,
                        MatomeWarning.DATA,
                    )
                elif parent is None:
                    self._warn(
                        f"reply-to {target!r} names no quote of this thread; shown as a "
                        "top-level post",
                        post.quote,
                    )
                elif parent is post or _descends(parent, post):
                    self._warn(
                        f"reply-to {target!r} would make a cycle; shown as a top-level post",
                        post.quote,
                    )
                    parent = None
            if parent is None:
                roots.append(post)
            else:
                post.parent = parent
                parent.children.append(post)
        for post in _preorder(roots):
            post.depth = 0 if post.parent is None else min(post.parent.depth + 1, max_depth)
        return roots

    def _layout(self, layout: str, op: str, shown: list[_Post], posts: list[_Post]) -> None:
        salt = self.config.matome_anonymize_salt
        op_keys = {anonymize.speaker_key(name, salt) for name in op.split(",") if name.strip()}
        if not op_keys:
            op_keys = {
                post.quote.get("speaker")
                for post in posts
                if _role(post.quote).casefold() in OP_ROLES
            }
        if not op_keys and posts:
            op_keys = {min(posts, key=lambda post: post.number).quote.get("speaker")}
        for position, post in enumerate(shown):
            quote = post.quote
            given = quote.get("align_given", "")
            if given == "option":
                continue
            if layout == "alternate":
                quote["align"] = "right" if position % 2 else "left"
            elif layout == "speaker":
                if given != "speaker":
                    quote["align"] = "right" if quote.get("speaker") in op_keys else "left"
            else:
                quote["align"] = "left"

    def _decorate(self, post: _Post) -> None:
        """Number and permalink in the header; the thread-only attributes removed."""
        quote = post.quote
        for attribute in ("speaker", "align_given", "reply_to", "record_id", "record"):
            quote.attributes.pop(attribute, None)
        if post.depth:
            quote["classes"].append("matome-quote--reply")
        header = header_parts(quote)
        if header is None:
            return
        number = str(post.number)
        header.insert(0, nodes.Text(". "))
        header.insert(0, matome_number(number, number, refid=post.anchor))
        header += matome_permalink(refid=post.anchor)

    def _group(self, thread: matome_thread, shown: list[_Post], collapse: int) -> None:
        visible = shown if not collapse else shown[:collapse]
        thread += self._list(visible)
        rest = shown[len(visible) :]
        for group, begin in enumerate(range(0, len(rest), collapse or 1), start=1):
            label = _("Show more comments (%d)") % group
            title = nodes.rubric(label, label)
            more = nodes.container(
                "",
                title,
                self._list(rest[begin : begin + collapse]),
                is_div=True,
                design_component="dropdown",
                classes=[],
                opened=False,
                type="dropdown",
                has_title=True,
                icon=None,
                chevron=None,
                container_classes=["sd-mb-3", MORE_CLASS],
                title_classes=[],
                body_classes=[],
            )
            thread += more

    @staticmethod
    def _list(posts: list[_Post]) -> matome_thread_list:
        items = matome_thread_list(classes=["matome-thread__list"])
        for post in posts:
            item = matome_thread_item(
                "", *post.nodes, classes=["matome-thread__item"], number=post.number
            )
            if post.depth:
                item["depth"] = post.depth
            if post.parent is not None:
                item["parent"] = post.parent.number
            items += item
        return items


def _preorder(posts: list[_Post]):
    for post in posts:
        yield post
        yield from _preorder(post.children)


def _descends(node: _Post, ancestor: _Post) -> bool:
    while node.parent is not None:
        node = node.parent
        if node is ancestor:
            return True
    return False


def _role(quote: matome_quote) -> str:
    header = header_parts(quote)
    if header is None:
        return ""
    role = next(header.findall(matome_role), None)
    return role.astext() if role is not None else ""


# --- replies ----------------------------------------------------------------------------------


def _in_code(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        code = (nodes.literal, nodes.FixedTextElement, nodes.reference, nodes.raw, nodes.Invisible)
        if isinstance(parent, code):
            return True
        if isinstance(parent, matome_quote):
            return False
        parent = parent.parent
    return False


class ReplyLinks(SphinxTransform):
    """``>>N`` in a thread's bodies becomes a link to post N of that thread."""

    default_priority = 27  # after Locale (20) and TranslatedBreaks (26)

    def apply(self, **kwargs: Any) -> None:
        if not self.env.temp_data.get("matome_thread_markup"):
            return  # no thread and no reply-to in this document: skip the walks
        for thread in self.document.findall(matome_thread):
            anchors = {
                item["number"]: item.children[-1]["ids"][0]
                for item in thread.findall(matome_thread_item)
                if item.children and isinstance(item.children[-1], matome_quote)
            }
            for text in list(thread.findall(nodes.Text)):
                if REPLY.search(text) and not _in_code(text):
                    self._link(text, anchors)
        for quote in self.document.findall(matome_quote):
            if quote.get("reply_to"):
                warn(
                    logger,
                    "reply-to is only used inside a matome-thread; ignored",
                    MatomeWarning.THREAD,
                    quote,
                )
                del quote["reply_to"]

    def _link(self, text: nodes.Text, anchors: dict[int, str]) -> None:
        parts: list[nodes.Node] = []
        value = str(text)
        last = 0
        for match in REPLY.finditer(value):
            number = int(match.group(1).translate(_FULLWIDTH_DIGITS))
            anchor = anchors.get(number)
            if anchor is None:
                location = text.parent
                while location is not None and not location.source:
                    location = location.parent
                known = f" (it has {min(anchors)}–{max(anchors)})" if anchors else ""
                warn(
                    logger,
                    f"reply {match.group(0)}: no post {number} in this thread{known}",
                    MatomeWarning.REPLY,
                    location,
                )
                continue
            parts.append(nodes.Text(value[last : match.start()]))
            reference = nodes.reference(
                match.group(0),
                match.group(0),
                refid=anchor,
                internal=True,
                classes=["matome-reply"],
            )
            parts.append(reference)
            last = match.end()
        if not parts:
            return
        parts.append(nodes.Text(value[last:]))
        text.parent.replace(text, [part for part in parts if not isinstance(part, str) or part])


class NativeMoreGroups(SphinxPostTransform):
    """Without sphinx-design, "show more" groups become native ``<details>`` in HTML."""

    default_priority = 200  # after sphinx-design's own dropdown transform (199)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if "sphinx_design" in self.config.extensions:
            return  # its transform (199) has already replaced these containers
        for container in list(self.document.findall(nodes.container)):
            if MORE_CLASS not in container.get("container_classes", ()):
                continue
            title = container.children[0]
            more = matome_thread_more(
                "", *container.children[1:], classes=[MORE_CLASS], label=title.astext()
            )
            container.replace_self(more)


def setup_thread(app: Sphinx) -> None:
    from .thread_writers import setup_thread_writers

    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.add_directive("matome-thread", MatomeThread)
    app.add_directive("matomethread", MatomeThread)  # serves ``matomeThread`` too
    app.add_transform(ReplyLinks)
    app.add_post_transform(NativeMoreGroups)
    setup_thread_writers(app)
