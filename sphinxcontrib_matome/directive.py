"""The ``matome-quote`` directive (alias ``matomeQuote``), mirroring Hugo's shortcode.

Every option is taken as a plain string and validated in :meth:`MatomeQuote.run`, so a bad value
or an unknown option becomes a located ``matome`` warning while the quote itself is kept: in
reST an option error would otherwise replace the whole quote with an error message.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import fields, speakers
from .nodes import (
    matome_avatar,
    matome_break,
    matome_header,
    matome_quote,
    matome_time,
    matome_user,
)
from .thread_nodes import matome_initials, matome_role
from .warnings_ import MatomeWarning, warn

logger = logging.getLogger(__name__)

#: Raw HTML line breaks that Markdown bodies (and migrated Hugo bodies) use.
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s\"'<>\\]+", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: An image the reader's browser would fetch from another host.
_REMOTE = re.compile(r"^\s*(?:https?:|//)", re.IGNORECASE)
#: A character or sequence that MyST could read as anything but text, with any of its
#: extensions (emphasis, links, HTML, roles, math, replacements such as ``(c)`` or ``,,``,
#: linkify's ``example.com``, a list's ``1.``, a comment's ``%`` …), or white space at an end
#: (indented code, a hard break). A one-line body without any is one paragraph of its text.
_MARKUP = re.compile(
    r"""[\x00-\x1f\x7f-\x9f"#$%&'()*+\-.:<=>@\[\\\]^_`{|}~\u2028\u2029]"""
    r"""|^\s|\s$|\?\?\?\?|!!!!|,,"""
)
#: Set False to send every body through the Markdown parser (tests compare both ways).
PLAIN_BODIES = True


class _UnknownOption(str):
    """The value of an option the directive does not define, kept to be reported."""

    __slots__ = ()


class _LenientOptionSpec(dict):
    """An option spec that accepts unknown names instead of failing the whole directive."""

    def __missing__(self, name: str):
        return _UnknownOption


def _text(value: str | None) -> str:
    return value or ""


#: The shortcode's own spellings, accepted as aliases. reST lowercases option names, hence
#: the lowercase forms.
_ALIASES = {
    "userName": "user-name",
    "username": "user-name",
    "createdAt": "created-at",
    "createdat": "created-at",
}


def is_myst(state: object) -> bool:
    """Whether a directive runs inside MyST (its mock state) rather than reStructuredText."""
    return type(state).__module__.startswith("myst_parser")


class MatomeQuote(SphinxDirective):
    """A quoted comment in a colored speech bubble."""

    has_content = True
    required_arguments = 0
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec: ClassVar[dict] = _LenientOptionSpec(
        {
            "user-name": _text,
            "userName": _text,
            "username": _text,
            "created-at": _text,
            "createdAt": _text,
            "createdat": _text,
            "color": _text,
            "body": _text,
            "avatar": _text,
            "align": _text,
            "url": _text,
            "name": _text,
            "class": _text,
            "reply-to": _text,
        }
    )

    def run(self) -> list[nodes.Node]:
        options = self._canonical_options()
        config = self.config
        node = matome_quote()
        self.set_source_info(node)
        node["classes"].append("matome-quote")
        # Before anything reads a value: names, times and URLs are compared and validated.
        self._drop_control_chars(options, node)

        # ASCII spaces only: an ideographic space (U+3000) is part of the name, as in Hugo.
        raw_user = options.get("user-name", "").strip(" \t\n\r\f\v")
        if not raw_user:
            self._warn(
                "quote has no user-name; showing matome_anonymous_name", MatomeWarning.USER, node
            )
            raw_user = config.matome_anonymous_name
        # Registry, colors by user and anonymity (the real name goes no further than here).
        speaker = speakers.resolve(self.env, raw_user)
        user = speaker.name
        node["user"] = user
        if self.env.temp_data.get("matome_thread"):
            node["speaker"] = speaker.key  # for the thread's layout; removed by the thread
            given = "option" if options.get("align", "").strip() else ""
            node["align_given"] = given or ("speaker" if speaker.align else "")
        if options.get("reply-to", "").strip():
            node["reply_to"] = options["reply-to"].strip()
            self.env.temp_data["matome_thread_markup"] = True  # for thread.ReplyLinks

        # Names and times are data, not prose: no curly quotes or dashes from smartquotes.
        header = matome_header(support_smartquotes=False)
        avatar_option = "" if speaker.anonymous else options.get("avatar", "")
        avatar = self._avatar(avatar_option or speaker.avatar, node)
        if avatar is not None:
            header += avatar
        elif speaker.initials:
            header += matome_initials(
                speaker.initials, speaker.initials, classes=["matome-quote__avatar"]
            )
        header += matome_user(user, user)
        if speaker.role:
            header += nodes.Text(" [")
            header += matome_role(speaker.role, speaker.role)
            header += nodes.Text("]")
        url_names_user = raw_user.casefold() in options.get("url", "").casefold()
        if speaker.anonymous and len(raw_user) >= 3 and url_names_user:
            message = "url names the user; left out under matome_anonymize"
            self._warn(message, MatomeWarning.USER, node)
            options["url"] = ""

        raw_time = options.get("created-at", "").strip()
        if raw_time:
            time_node = self._time(raw_time, node)
            url = self._url(options.get("url", ""), node)
            if url:
                node["url"] = url
                header += nodes.reference("", "", time_node, refuri=url, internal=False)
            else:
                header += time_node
        else:
            header += nodes.Text(":")
            url = self._url(options.get("url", ""), node)
            if url:
                node["url"] = url
        node += header

        node["color"] = self._color(options.get("color", "") or speaker.color, node)
        node["align"] = self._align(options.get("align", "") or speaker.align, node)
        self._classes(options.get("class", ""), node)

        self._body(options.get("body", ""), node)
        if "name" in options and options["name"].strip():
            self.options["name"] = options["name"].strip()
            self.add_name(node)
        return [node]

    # --- options ----------------------------------------------------------------------------

    def _canonical_options(self) -> dict[str, str]:
        """Fold aliases into the canonical names and report unknown options."""
        canonical: dict[str, str] = {}
        # Canonical names first, so an alias given as well is reported whatever the order.
        for name, value in sorted(self.options.items(), key=lambda item: item[0] in _ALIASES):
            if isinstance(value, _UnknownOption) or value is _UnknownOption:
                known = ", ".join(sorted(n for n in self.option_spec if n not in _ALIASES))
                self._warn(
                    f"unknown option {name!r} ignored (known: {known})", MatomeWarning.OPTION, None
                )
                continue
            key = _ALIASES.get(name, name)
            if key in canonical and name != key:
                self._warn(
                    f"both {key!r} and {name!r} given; using {key!r}", MatomeWarning.OPTION, None
                )
                continue
            canonical[key] = value
        return canonical

    def _drop_control_chars(self, options: dict[str, str], node: matome_quote) -> None:
        """Remove control characters from every option and the content, with one warning.

        Comments are untrusted text: TeX stops at ESC or BEL, HTML does not allow them. See
        :func:`fields.drop_control_chars`; :class:`ControlCharacters` catches what a later
        transform (translation, substitution) brings in.
        """
        found: list[str] = []
        where: list[str] = []
        for name, value in options.items():
            cleaned, chars = fields.drop_control_chars(value)
            if chars:
                options[name] = cleaned
                found += chars
                where.append(name)
        lines, changed = [], False
        for line in self.content:
            cleaned, chars = fields.drop_control_chars(line)
            lines.append(cleaned)
            if chars:
                found += chars
                changed = True
        if changed:
            self.content = StringList(lines, items=list(self.content.items))
            if "body" not in where:
                where.append("body")
        if found:
            message = _control_message(found, ", ".join(where))
            self._warn(message, MatomeWarning.CONTROL, node)

    def _warn(self, message: str, subtype: MatomeWarning, node: nodes.Node | None) -> None:
        warn(logger, message, subtype, node if node is not None else self.get_location())

    def _time(self, raw: str, node: matome_quote) -> matome_time:
        try:
            stamp = fields.parse_timestamp(raw)
        except ValueError as error:
            self._warn(str(error), MatomeWarning.DATE, node)
            text, iso = raw, ""
        else:
            config = self.config
            text = stamp.display(config.matome_date_format, config.matome_date_only_format)
            iso = stamp.iso
            node["datetime"] = iso
        node["time_text"] = text
        # The text child carries the punctuation plain builders show ("name (time):"): one
        # node instead of three, in a tree that every transform and writer walks.
        shown = f" ({text}):"
        time = matome_time(shown, shown, time_text=text)
        if iso:
            time["datetime"] = iso
        return time

    def _color(self, raw: str, node: matome_quote) -> str:
        value = raw or self.config.matome_default_color
        try:
            color = fields.parse_color(value)
        except ValueError as error:
            self._warn(f"{error}; showing a neutral bubble", MatomeWarning.COLOR, node)
            return ""
        if color is None:
            return ""
        # Store the canonical token, not the Color object: doctrees are pickled per document.
        return color.semantic or color.hex

    def _align(self, raw: str, node: matome_quote) -> str:
        value = (raw or self.config.matome_default_align).strip().lower()
        if value in ("left", "right"):
            return value
        self._warn(f"invalid align {raw!r}: use 'left' or 'right'", MatomeWarning.OPTION, node)
        return "left"

    def _url(self, raw: str, node: matome_quote) -> str:
        value = raw.strip()
        if not value:
            return ""
        if _URL.fullmatch(value):
            return value
        self._warn(
            f"invalid url {raw!r}: only http:// and https:// links are kept",
            MatomeWarning.OPTION,
            node,
        )
        return ""

    def _avatar(self, raw: str, node: matome_quote) -> matome_avatar | None:
        value = raw.strip()
        if not value:
            return None
        if _SCHEME.match(value) and not _URL.fullmatch(value):
            self._warn(
                f"invalid avatar {raw!r}: use an image path or an http(s) URL",
                MatomeWarning.OPTION,
                node,
            )
            return None
        if self._outside_project(value):
            self._warn(
                f"invalid avatar {raw!r}: the path leaves the project", MatomeWarning.OPTION, node
            )
            return None
        node["avatar"] = value
        # Decorative: the visible name next to it already says who speaks.
        return matome_avatar(value, uri=value, alt="", classes=["matome-quote__avatar"])

    def _classes(self, raw: str, node: matome_quote) -> None:
        if not raw.strip():
            return
        try:
            node["classes"].extend(directives.class_option(raw))
        except ValueError:
            self._warn(f"invalid class {raw!r} ignored", MatomeWarning.OPTION, node)

    # --- body -------------------------------------------------------------------------------

    def _is_plain_myst(self, line: str) -> bool:
        """Whether *line* is plain text to MyST (reStructuredText is always parsed)."""
        return _MARKUP.search(line) is None and is_myst(self.state)

    def _plain_paragraph(self, text: str, offset: int, node: matome_quote) -> None:
        """The paragraph MyST makes of plain text, made without a nested Markdown parse (which
        was most of the directive's cost)."""
        para = nodes.paragraph(text)
        para.line = self.lineno + offset + 1  # as MyST numbers the first line of a nested parse
        para.source = self.state.document["source"]
        node += para
        para += nodes.Text(text)

    def _body(self, body_option: str, node: matome_quote) -> None:
        content: StringList = self.content
        offset = self.content_offset
        if body_option and content:
            self._warn(
                "both a body option and content given; the content is used",
                MatomeWarning.BODY,
                node,
            )
        elif body_option:
            source, line = self.get_source_info()
            content = StringList([body_option], source=source, items=[(source, line)])
            offset = line - 1
        if not any(line.strip() for line in content):
            node["empty"] = True
            return
        if self.env.temp_data.get("matome_thread"):
            from .thread import escape_myst_replies  # a >>N line is no Markdown block quote

            content = escape_myst_replies(self.state, content)
        if PLAIN_BODIES and len(content) == 1 and self._is_plain_myst(content[0]):
            self._plain_paragraph(content[0], offset, node)
            return
        self.state.nested_parse(content, offset, node)
        if any("&#" in line or "{{" in line for line in content):
            # A character reference or a MyST substitution may have put a control character
            # into the parsed text: ControlCharacters looks at this document's quotes.
            self.env.temp_data["matome_recheck_controls"] = True
        if any(_BR.search(line) for line in content):
            _replace_html_breaks(node)
        for problem in _neutralize(node):
            self._warn(problem, MatomeWarning.BODY, node)
        for image in list(node.findall(nodes.image)):
            uri = image.get("uri", "")
            if isinstance(image, matome_avatar):
                continue
            if _REMOTE.match(uri) and not self.config.matome_remote_images:
                # No request leaves the reader's page for a commenter's image: a link instead.
                alt = image.get("alt", "") or uri
                link = nodes.reference(alt, alt, refuri=uri, classes=["matome-quote__image-link"])
                inline = isinstance(image.parent, nodes.TextElement)
                image.replace_self(link if inline else nodes.paragraph("", "", link))
            elif self._outside_project(uri):
                # Sphinx would copy the file (say ../../../etc/passwd) into the output.
                self._warn(
                    f"image {uri!r} leaves the project; its alt text is shown",
                    MatomeWarning.BODY,
                    node,
                )
                alt = image.get("alt", "")
                inline = isinstance(image.parent, nodes.TextElement)
                image.replace_self(nodes.Text(alt) if inline else nodes.paragraph(alt, alt))

    def _outside_project(self, uri: str) -> bool:
        """True for a local file path that resolves outside the source directory."""
        if not uri or _SCHEME.match(uri):
            return False  # a URL, not a file of the build machine
        try:
            _, path = self.env.relfn2path(uri, self.env.docname)
            return not Path(path).resolve().is_relative_to(Path(self.env.srcdir).resolve())
        except (OSError, ValueError):  # a NUL character, a name too long…
            return True


class TranslatedBreaks(SphinxTransform):
    """Convert ``<br>`` in bodies that translation replaced after the directive ran."""

    # After Locale (20) and the totaliser (25) that counts what it translated.
    default_priority = 26

    def apply(self, **kwargs: object) -> None:
        if not _translated(self.document):
            return  # the directive has seen the final text: skip the walk
        for quote in self.document.findall(matome_quote):
            _replace_html_breaks(quote)
            for problem in _neutralize(quote):
                warn(logger, problem, MatomeWarning.BODY, quote)


class ControlCharacters(SphinxTransform):
    """Remove control characters that reached a quote after its directive ran.

    The directive cleans its options and content; a translation (``Locale``, priority 20), a
    substitution (220) or a character reference (``&#12;`` in MyST) can still put one in a
    quote's text or attributes. A read-time transform, so every builder gets the same text.
    """

    default_priority = 230  # after docutils' Substitutions (220)

    def apply(self, **kwargs: object) -> None:
        translated = _translated(self.document)
        # MyST defines "wordcount-words" and "wordcount-minutes" in every document.
        substituted = any(
            not name.startswith("wordcount-") for name in self.document.substitution_defs
        )
        if not (translated or substituted or self.env.temp_data.get("matome_recheck_controls")):
            return  # nothing after the directives could have brought one in: skip the walk
        for quote in list(self.document.findall(matome_quote)):
            found = _drop_control_chars(quote)
            if found:
                warn(logger, _control_message(found, "the quote"), MatomeWarning.CONTROL, quote)


def _translated(document: nodes.document) -> bool:
    """Whether Locale translated any of *document* (known from priority 25 on, once Sphinx's
    TranslationProgressTotaliser has counted)."""
    return bool(document.get("translation_progress", {}).get("translated", 0))


def _control_message(found: list[str], where: str) -> str:
    return f"control characters {fields.describe_control_chars(found)} dropped from {where}"


def _drop_control_chars(tree: nodes.Element) -> list[str]:
    """Clean every text, string attribute and raw source in ``tree``; the characters found."""
    found: list[str] = []

    def clean(value: str) -> str:
        cleaned, chars = fields.drop_control_chars(value)
        found.extend(chars)
        return cleaned

    for node in list(tree.findall()):
        if isinstance(node, nodes.Text):
            cleaned = clean(str(node))
            if cleaned != node:
                node.parent.replace(node, nodes.Text(cleaned))
            continue
        for key, value in list(node.attributes.items()):
            if isinstance(value, str):
                cleaned_value: object = clean(value)
            elif isinstance(value, list):
                cleaned_value = [clean(item) if isinstance(item, str) else item for item in value]
            else:
                continue
            if cleaned_value != value:
                node.attributes[key] = cleaned_value
        if isinstance(node.rawsource, str):
            node.rawsource = clean(node.rawsource)
    return found


def _replace_html_breaks(node: matome_quote) -> None:
    """Turn raw ``<br>`` into :class:`matome_break`, which every builder writes.

    Raw HTML is dropped by the LaTeX, text and man builders, which would glue the lines.
    """
    for raw in list(node.findall(nodes.raw)):
        if raw.get("format") != "html":
            continue
        text = raw.astext()
        if not _BR.search(text) or _BR.sub("", text).strip():
            continue
        breaks = [matome_break() for _ in _BR.finditer(text)]
        if isinstance(raw.parent, nodes.TextElement):
            raw.replace_self(breaks)
        else:  # a body that is only "<br>" is a raw HTML *block*: breaks need a paragraph
            raw.replace_self(nodes.paragraph("", "", *breaks))


#: Link schemes a quote may keep; anything else (``javascript:``, ``data:`` …) becomes text.
_SAFE_SCHEME = re.compile(r"(?:https?|ftp|mailto):", re.IGNORECASE)
#: What browsers ignore in a URL before reading its scheme.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def _neutralize(node: matome_quote) -> list[str]:
    """Keep the commenter's words from becoming markup in the reader's browser or in LaTeX.

    Quote bodies are untrusted text. Raw output left after ``<br>`` handling (raw HTML in
    Markdown, a ``raw`` directive or role, for any format) is shown as text, and a link whose
    scheme could run code keeps only its text. Returns one message per change.
    """
    problems: list[str] = []
    for raw in list(node.findall(nodes.raw)):
        text = raw.astext()
        shown = text if len(text) <= 40 else text[:39] + "…"
        problems.append(f"raw {raw.get('format', '')} in a quote is shown as text: {shown!r}")
        if isinstance(raw.parent, nodes.TextElement):
            raw.replace_self(nodes.Text(text))
        else:
            raw.replace_self(nodes.paragraph(text, text))
    for reference in list(node.findall(nodes.reference)):
        uri = _URL_IGNORED.sub("", reference.get("refuri", ""))
        if _SCHEME.match(uri) and not _SAFE_SCHEME.match(uri):
            problems.append(f"link to {uri[:40]!r} in a quote is shown as text")
            reference.replace_self(reference.children or nodes.Text(reference.astext()))
    return problems
