"""Converting one Hugo content file into one MyST page.

A pure function of the file and the site configuration, so pages convert in parallel worker
processes. References between pages (``ref``/``relref``) are left as placeholders and
resolved by :mod:`.project` once every page's URL is known.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import fields
from .body import body_to_myst
from .errors import MigrationError, position
from .frontmatter import split_front_matter
from .lexer import Literal, Shortcode, Text, parse
from .messages import Message
from .site import SiteConfig, site_files
from .urls import check_relative, docname_for_url, file_docname, page_url

#: Shortcodes whose template uses ``.Inner``: an unclosed call is an error.
PAIRED = {"details": True, "highlight": True, "comment": True, "matomeQuote": False}
#: The parameters of ``matomeQuote``.
_QUOTE_PARAMS = frozenset({"body", "userName", "createdAt", "color"})
#: Placeholder for a ``ref``/``relref`` target, resolved when all pages are known.
REF_MARK = "\x00ref:{}\x00"
REF_PATTERN = re.compile(b"\x00ref:(\\d+)\x00")  # found in the page's UTF-8

#: Characters a title must have escaped to render literally as a Markdown heading.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&$%:])")
#: A backtick run that could close a fence: at a line start, indented up to three spaces.
#: Matched after a newline rather than with ``^`` and MULTILINE, which the regex engine tries
#: at every position of a long ``details`` body.
_FENCE_RUN = re.compile(r"\n {0,3}(`{3,})")
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")
#: A Markdown link or image, a reference definition or an HTML attribute whose target is
#: relative to the page (no scheme, no leading ``/`` or ``#``): a page holding one keeps its
#: own folder, where the target still resolves. Generous on purpose: a false alarm costs a
#: folder, a miss a broken link.
_RELATIVE_TARGET = re.compile(
    r"""(?:\]\(\s*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href|srcset|poster)\s*=\s*["']?)"""
    r"""(?![a-z][a-z0-9+.-]*:|[/#)"'<>\s]|$)""",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class RefRequest:
    target: str
    bare: bool  # outside a link destination: Hugo prints the URL as text
    relative: bool  # relref
    line: int
    col: int


@dataclass
class PageResult:
    """What converting one content file produced (picklable, for worker processes)."""

    source: str  # path relative to content/
    url: str = ""
    docname: str = ""
    title: str = ""
    date: str = ""  # ISO 8601 with offset, "" when absent
    taxonomies: dict[str, list[str]] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    feature_image: str = ""
    #: The MyST page in UTF-8 (bytes cross from a worker process without being decoded and
    #: encoded again); None when the page could not be converted.
    myst: bytes | None = None
    excluded: str = ""  # "draft", "future", "expired" when left out
    section_index: bool = False  # an _index.md
    counts: Counter[str] = field(default_factory=Counter)
    messages: list[Message] = field(default_factory=list)
    refs: list[RefRequest] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)  # bundle files, relative to content/


@dataclass(frozen=True)
class ConvertOptions:
    include_drafts: bool = False
    include_future: bool = False
    include_expired: bool = False
    keep_unknown: bool = False
    now: datetime | None = None


#: Characters JSON leaves raw that YAML or MyST would not read back: line breaks for Python's
#: ``splitlines`` (NEL, LS, PS) and characters outside YAML's printable set.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


#: What ``json.dumps`` escapes in a string, or :data:`_YAML_UNSAFE` would.
_NEEDS_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')


def json_yaml(value: object) -> str:
    """``value`` as JSON that YAML (front matter) and MyST's option parser read back verbatim."""
    if isinstance(value, str) and not _NEEDS_ESCAPE.search(value):
        return f'"{value}"'  # the common case (three per quote), without json.dumps
    encoded = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def _quoted(value: str) -> str:
    """*value* in double quotes, for text known to need no escape."""
    return f'"{value}"'


def yaml_string(value: str) -> str:
    """A double-quoted scalar that MyST's option parser and YAML both read back verbatim."""
    return json_yaml(value)


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown punctuation so the text renders literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def fence_info_text(text: str) -> str:
    """*text* as the Markdown title of a fenced directive (``{dropdown} title``).

    A backtick fence's info string can hold no backtick (the line would not open a fence, and
    the rest of the page would end up in a code block) and no line break.
    """
    one_line = _LINE_BREAKS.sub(" ", text)
    return "&#96;".join(escape_markdown(part) for part in one_line.split("`"))


def fence_for(content: str) -> str:
    """A backtick fence longer than any fence inside ``content``."""
    if "```" not in content:
        return "```"  # most quote bodies: no regular-expression scan
    longest = max(map(len, _FENCE_RUN.findall("\n" + content)), default=2)
    return "`" * max(3, longest + 1)


def _as_datetime(value: object, zone: ZoneInfo) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), zone)
    if isinstance(value, str) and value.strip():
        try:
            parsed = fields.parse_timestamp(value).value
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)
    return None


def _string_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


class _Converter:
    """Walks a parsed content file and writes MyST, collecting counts and messages."""

    def __init__(
        self, text: str, path: str, site: SiteConfig, result: PageResult, keep_unknown: bool
    ) -> None:
        self.text = text
        self.path = path
        self.site = site
        self.result = result
        self.keep_unknown = keep_unknown
        #: Whether the page refers to something by a path relative to its folder.
        self.uses_relative_paths = False

    # -- messages --

    def error(self, node: Shortcode, code: str, message: str) -> MigrationError:
        """An error at *node*, to raise."""
        return MigrationError(message, path=self.path, line=node.line, col=node.col, code=code)

    def message(self, level: str, code: str, message: str, node: Shortcode | None) -> None:
        line = node.line if node else None
        col = node.col if node else None
        self.result.messages.append(Message(level, code, message, self.path, line, col))  # type: ignore[arg-type]

    # -- walking --

    def convert(self, items: list[Text | Shortcode | Literal]) -> str:
        out: list[str] = []
        for item in items:
            if isinstance(item, Text):
                chunk = item.text
                # Most text runs are the line breaks between two quotes: no "]" or "=".
                if ("]" in chunk or "=" in chunk) and _RELATIVE_TARGET.search(chunk):
                    self.uses_relative_paths = True
                out.append(chunk)
            elif isinstance(item, Literal):
                out.append(item.text)
            else:
                out.append(self.shortcode(item, out))
        return "".join(out)

    def shortcode(self, node: Shortcode, out: list[str]) -> str:
        self.result.counts[node.name] += 1
        handler = _handler(node.name)
        if handler is None:
            return self.unknown(node)
        return handler(self, node, "".join(out[-2:]))

    def block(self, content: str, preceding: str) -> str:
        """Place a block construct on lines of its own, as Markdown needs."""
        before = (
            ""
            if not preceding or preceding.endswith("\n\n")
            else ("\n" if preceding.endswith("\n") else "\n\n")
        )
        return f"{before}{content}\n"

    def named(self, node: Shortcode) -> dict[str, Any]:
        if node.positional:
            return {}
        return dict(node.params)  # type: ignore[arg-type]

    def param(self, node: Shortcode, name: str, position: int | None = None) -> Any:
        if node.positional:
            params = node.params
            if position is not None and position < len(params):  # type: ignore[arg-type]
                return params[position]  # type: ignore[index]
            return None
        return node.params.get(name)  # type: ignore[union-attr]

    def inner(self, node: Shortcode) -> str:
        return self.convert(node.inner or [])

    def raw_inner(self, node: Shortcode) -> str:
        if node.inner_start is None or node.inner_end is None:
            return ""
        return self.text[node.inner_start : node.inner_end]

    # -- the archive's own shortcodes --

    def sc_matomeQuote(self, node: Shortcode, preceding: str) -> str:
        if node.positional:
            raise self.error(
                node,
                "positional-params",
                "matomeQuote takes named parameters (body=, userName=, createdAt=, color=)",
            )
        params: dict[str, object] = node.params  # type: ignore[assignment]
        body = str(params.get("body", ""))
        user = str(params.get("userName", ""))
        created = str(params.get("createdAt", ""))
        color = str(params.get("color", ""))
        # A header without a character to escape (nearly every one) is quoted as it is, and
        # holds no control character either.
        plain = _NEEDS_ESCAPE.search(f"{user}{created}{color}") is None
        if fields.CONTROL_CHARS.search(body) or not plain:
            # Control characters would stop TeX, and the directive would drop them with a
            # warning that fails a -W build: they are dropped here, with a note.
            dropped: list[str] = []
            values = [self._without_controls(v, dropped) for v in (body, user, created, color)]
            body, user, created, color = values
            if dropped:
                described = fields.describe_control_chars(dropped)
                message = f"control characters {described} dropped"
                self.message("info", "control-char-dropped", message, node)
        if not params.keys() <= _QUOTE_PARAMS:
            for extra in params:
                if extra not in _QUOTE_PARAMS:
                    self.message(
                        "warning",
                        "unknown-param",
                        f"matomeQuote parameter {extra!r} has no equivalent and is not carried "
                        "over",
                        node,
                    )
        option = _quoted if plain else yaml_string
        lines = []
        if not user.strip():
            self.message(
                "warning",
                "missing-user",
                "matomeQuote without userName: the directive shows matome_anonymous_name",
                node,
            )
        else:
            lines.append(f":user-name: {option(user)}")
        if created.strip():
            try:
                fields.parse_timestamp(created)
            except ValueError as error:
                self.message("warning", "bad-date", str(error), node)
            lines.append(f":created-at: {option(created)}")
        try:
            parsed = fields.parse_color(color)
        except ValueError as error:
            self.message("warning", "bad-color", f"{error}; migrated as a neutral bubble", node)
            parsed = None
        if parsed is not None:
            lines.append(f":color: {_quoted(parsed.semantic or parsed.hex)}")  # validated
        converted = body_to_myst(
            body,
            emoji=self.site.enable_emoji,
            typographer=self.site.typographer,
            base_url=self.site.base_url,
        )
        for note in converted.notes:
            self.result.messages.append(
                Message("info", note.code, note.message, self.path, node.line, node.col)
            )
        content = converted.text
        fence = fence_for(content)
        parts = [f"{fence}{{matome-quote}}", *lines]
        if content:
            # The blank line ends the options block, so a body starting ":word:" stays body.
            parts += ["", content]
        parts.append(fence)
        self.result.counts["out:matome-quote"] += 1
        return self.block("\n".join(parts), preceding)

    @staticmethod
    def _without_controls(value: str, dropped: list[str]) -> str:
        cleaned, found = fields.drop_control_chars(value)
        dropped.extend(found)
        return cleaned

    def sc_details(self, node: Shortcode, preceding: str) -> str:
        params = self.named(node)
        summary, dropped = fields.drop_control_chars(str(params.pop("summary", "") or ""))
        if dropped:
            described = fields.describe_control_chars(dropped)
            message = f"control characters {described} dropped from the details summary"
            self.message("info", "control-char-dropped", message, node)
        summary = summary or "Details"
        options = []
        is_open = params.pop("open", False)
        if is_open is True or str(is_open).lower() == "true":
            options.append(":open:")
        css_class = str(params.pop("class", "") or "")
        if css_class and re.fullmatch(r"[A-Za-z0-9_ -]+", css_class):
            options.append(f":class-container: {css_class}")
        elif css_class:
            self.message("warning", "bad-param", f"details class {css_class!r} dropped", node)
        for extra in params:
            self.message(
                "warning",
                "unknown-param",
                f"details parameter {extra!r} has no "
                "equivalent in a dropdown and is not carried over",
                node,
            )
        inner = self.inner(node).strip("\n")
        fence = fence_for(inner)
        parts = [f"{fence}{{dropdown}} {fence_info_text(summary)}", *options, "", inner, fence]
        self.result.counts["out:dropdown"] += 1
        return self.block("\n".join(parts), preceding)

    def sc_list(self, node: Shortcode, preceding: str) -> str:
        limit = self.param(node, "limit", 0)
        lines = ["```{matome-recent-posts}"]
        if limit is not None:
            try:
                lines.append(f":limit: {int(limit)}")
            except (TypeError, ValueError):
                self.message("warning", "bad-param", f"list limit {limit!r} is not a number", node)
        lines.append("```")
        self.result.counts["out:matome-recent-posts"] += 1
        return self.block("\n".join(lines), preceding)

    def _ref(self, node: Shortcode, preceding: str, relative: bool) -> str:
        target = self.param(node, "path", 0)
        if target is None or not str(target).strip():
            raise self.error(node, "bad-ref", f"{node.name} without a target")
        # Inside "[text](" the output is a link destination; elsewhere Hugo prints a URL.
        bare = not preceding.rstrip().endswith("](")
        self.result.refs.append(RefRequest(str(target), bare, relative, node.line, node.col))
        return REF_MARK.format(len(self.result.refs) - 1)

    def sc_ref(self, node: Shortcode, preceding: str) -> str:
        return self._ref(node, preceding, relative=False)

    def sc_relref(self, node: Shortcode, preceding: str) -> str:
        return self._ref(node, preceding, relative=True)

    # -- Hugo's built-in shortcodes --

    def sc_figure(self, node: Shortcode, preceding: str) -> str:
        params = self.named(node)
        src = str(params.pop("src", "") or "")
        if not src:
            self.message("warning", "bad-param", "figure without src", node)
            return ""
        # A backtick would end the fence's info string (the rest of the page would become
        # code); percent-encoding keeps the same URL.
        self._check_image_path(src, node)
        lines = [f"```{{figure}} {src.replace('`', '%60')}"]
        for key, option in (
            ("alt", "alt"),
            ("width", "width"),
            ("height", "height"),
            ("class", "class"),
            ("link", "target"),
        ):
            value = params.pop(key, None)
            if value not in (None, ""):
                lines.append(f":{option}: {value}")
                if option == "target":
                    self._note_target(str(value))
        caption = " ".join(str(params.pop(k)) for k in ("title", "caption") if params.get(k))
        attr = params.pop("attr", None)
        attrlink = params.pop("attrlink", None)
        if attrlink:
            self._note_target(str(attrlink))
        if attr:
            caption += f" [{escape_markdown(str(attr))}]({attrlink})" if attrlink else f" {attr}"
        for extra in params:
            self.message(
                "warning",
                "unknown-param",
                f"figure parameter {extra!r} has no equivalent and is not carried over",
                node,
            )
        lines += ["", caption.strip()] if caption.strip() else []
        lines.append("```")
        return self.block("\n".join(lines), preceding)

    def _note_target(self, url: str) -> None:
        if not (_SCHEME.match(url) or url.startswith(("/", "#"))):
            self.uses_relative_paths = True

    def _check_image_path(self, src: str, node: Shortcode) -> None:
        """Refuse an image that is no web URL and no file of the site: Sphinx would copy it
        (``../../../etc/passwd``, ``file:///…``) from the build machine into the output."""
        if re.match(r"https?://", src, re.IGNORECASE):
            return
        scheme = _SCHEME.match(src)
        self._note_target(src)
        here = posixpath.dirname(self.result.docname)
        inside = posixpath.normpath(posixpath.join(here, src.split("?")[0].split("#")[0]))
        if scheme or inside == ".." or inside.startswith("../") or "\x00" in src:
            raise self.error(
                node, "path-traversal", f"{node.name} src {src[:80]!r} leaves the site"
            )

    def _link_card(self, node: Shortcode, preceding: str, title: str, url: str, why: str) -> str:
        self.message(
            "warning", "embed-as-link", f"{node.name}: {why}; migrated as a link card", node
        )
        self.result.counts["out:link-card"] += 1
        card = f"````{{card}} {escape_markdown(title)}\n:link: {url}\n\n<{url}>\n````"
        return self.block(card, preceding)

    def _id(self, node: Shortcode, name: str = "id") -> str:
        value = self.param(node, name, 0)
        text = "" if value is None else str(value)
        if not re.fullmatch(r"[\w.-]+", text):
            raise self.error(node, "bad-param", f"{node.name}: invalid or missing {name} {text!r}")
        return text

    def sc_youtube(self, node: Shortcode, preceding: str) -> str:
        video = self._id(node)
        return self._link_card(
            node,
            preceding,
            "YouTube",
            f"https://www.youtube.com/watch?v={video}",
            "the embedded player needs the network at read time",
        )

    def sc_vimeo(self, node: Shortcode, preceding: str) -> str:
        video = self._id(node)
        return self._link_card(
            node,
            preceding,
            "Vimeo",
            f"https://vimeo.com/{video}",
            "the embedded player needs the network at read time",
        )

    def sc_x(self, node: Shortcode, preceding: str) -> str:
        user = self.param(node, "user", 0)
        status = self.param(node, "id", 1)
        if (
            not user
            or not status
            or not re.fullmatch(r"\w+", str(user))
            or not re.fullmatch(r"\d+", str(status))
        ):
            raise self.error(node, "bad-param", f"{node.name}: needs user= and a numeric id=")
        return self._link_card(
            node,
            preceding,
            f"@{user}",
            f"https://x.com/{user}/status/{status}",
            "Hugo fetches the post over the network",
        )

    sc_tweet = sc_x
    sc_twitter = sc_x

    def sc_instagram(self, node: Shortcode, preceding: str) -> str:
        post = self._id(node)
        return self._link_card(
            node,
            preceding,
            "Instagram",
            f"https://www.instagram.com/p/{post}/",
            "Hugo fetches the post over the network",
        )

    def sc_gist(self, node: Shortcode, preceding: str) -> str:
        user = self._id(node, "user") if not node.positional else str(node.params[0])
        gist = str(self.param(node, "id", 1) or "")
        if not re.fullmatch(r"[\w-]+", user) or not re.fullmatch(r"[0-9a-f]+", gist):
            raise self.error(node, "bad-param", "gist: needs a user and a hexadecimal gist id")
        return self._link_card(
            node,
            preceding,
            f"Gist {user}/{gist}",
            f"https://gist.github.com/{user}/{gist}",
            "Hugo fetches the gist over the network",
        )

    def sc_highlight(self, node: Shortcode, preceding: str) -> str:
        language = str(self.param(node, "lang", 0) or "text")
        options = str(self.param(node, "options", 1) or "")
        code = self.raw_inner(node).strip("\n")
        lines = [f"{{code-block}} {language}"]
        for option in filter(None, (o.strip() for o in options.split(","))):
            key, _, value = option.partition("=")
            key = key.strip().lower()
            if key == "linenos" and value.strip().lower() not in ("false", ""):
                lines.append(":linenos:")
            elif key == "hl_lines":
                emphasized = value.strip().strip('"').replace(" ", ",")
                lines.append(f":emphasize-lines: {emphasized}")
            elif key == "linenostart":
                lines.append(f":lineno-start: {value.strip()}")
            else:
                self.message(
                    "warning", "unknown-param", f"highlight option {key!r} has no equivalent", node
                )
        fence = fence_for(code)
        return self.block(fence + "\n".join(lines) + "\n\n" + code + "\n" + fence, preceding)

    def sc_param(self, node: Shortcode, preceding: str) -> str:
        key = str(self.param(node, "key", 0) or "")
        value: Any = self.site.params
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or isinstance(value, dict | list):
            raise self.error(node, "bad-param", f"param {key!r} is not set in the site's params")
        return escape_markdown(str(value))

    def sc_comment(self, node: Shortcode, preceding: str) -> str:
        # Hugo drops it from the page; a MyST comment keeps the words in the source.
        self.message("info", "comment-kept", "comment kept as a MyST comment", node)
        lines = self.raw_inner(node).strip("\n").splitlines() or [""]
        return self.block("\n".join(f"% {line}" for line in lines), preceding)

    def sc_qr(self, node: Shortcode, preceding: str) -> str:
        text = str(self.param(node, "text", None) or self.raw_inner(node).strip())
        if not text:
            raise self.error(node, "bad-param", "qr without text")
        self.message(
            "warning",
            "qr-as-text",
            "qr: no image is generated; the encoded text is shown instead",
            node,
        )
        if re.fullmatch(r"https?://\S+", text):
            return self.block(f"<{text}>", preceding)
        return self.block(escape_markdown(text), preceding)

    def unknown(self, node: Shortcode) -> str:
        if not self.keep_unknown:
            raise self.error(
                node,
                "unknown-shortcode",
                f"unknown shortcode {node.name!r} (no conversion; --keep-unknown keeps it as a "
                "visible placeholder)",
            )
        self.message(
            "warning",
            "unknown-shortcode",
            f"unknown shortcode {node.name!r} kept as a visible placeholder",
            node,
        )
        whole = self.text[node.start : node.close_end or node.end]
        inner_fence = fence_for(whole)
        outer_fence = inner_fence + "`"
        return self.block(
            f"{outer_fence}{{admonition}} Unconverted Hugo shortcode\n"
            f":class: matome-unconverted\n\n{inner_fence}text\n{whole}\n{inner_fence}\n"
            f"{outer_fence}",
            "",
        )


@lru_cache(maxsize=256)
def _handler(name: str) -> Callable[[_Converter, Shortcode, str], str] | None:
    """The ``sc_`` method converting shortcode *name*, looked up once per name."""
    found = getattr(_Converter, "sc_" + name.replace("-", "_").replace("/", "__"), None)
    return found if found is not None else getattr(_Converter, "sc_" + name.lower(), None)


def convert_page(path: Path, site: SiteConfig, options: ConvertOptions) -> PageResult:
    """Convert one content file; never raises for problems in the input."""
    relative = path.relative_to(site.content_dir).as_posix()
    shown = str(path)
    result = PageResult(source=relative)
    try:
        _convert(path, relative, shown, site, options, result)
    except MigrationError as error:
        result.myst = None
        result.messages.append(Message.from_error(error, shown))
    except (OSError, UnicodeDecodeError) as error:
        result.myst = None
        result.messages.append(Message("error", "unreadable", f"cannot read: {error}", shown))
    except RecursionError:
        result.myst = None
        result.messages.append(Message("error", "too-deep", "nested too deeply to convert", shown))
    except Exception as error:  # one bad file must not stop the whole run
        result.myst = None
        result.messages.append(
            Message(
                "error",
                "internal-error",
                f"could not convert ({type(error).__name__}: {str(error)[:200]}); "
                "please report this as a bug",
                shown,
            )
        )
    return result


def _convert(
    path: Path,
    relative: str,
    shown: str,
    site: SiteConfig,
    options: ConvertOptions,
    result: PageResult,
) -> None:
    raw = path.read_bytes().decode("utf-8")
    front = split_front_matter(raw, path=shown)
    data = dict(front.data)
    try:
        zone = ZoneInfo(site.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Etc/UTC")
    title, dropped = fields.drop_control_chars(str(data.pop("title", "") or ""))
    if dropped:
        # As in quote bodies: a note for the report. TeX stops at ESC or BEL in a heading.
        result.messages.append(
            Message(
                "info",
                "control-char-dropped",
                f"control characters {fields.describe_control_chars(dropped)} dropped from "
                "the title",
                shown,
                *_key_position(raw, "title", front.body_line),
            )
        )
    when = _as_datetime(data.pop("date", None), zone)
    publish = _as_datetime(data.pop("publishDate", None) or data.pop("publishdate", None), zone)
    expiry = _as_datetime(data.pop("expiryDate", None) or data.pop("expirydate", None), zone)
    draft = data.pop("draft", False) is True
    now = options.now or datetime.now(zone)
    if draft and not (options.include_drafts or site.build_drafts):
        result.excluded = "draft"
    elif (
        (publish or when)
        and (publish or when) > now
        and not (options.include_future or site.build_future)
    ):
        result.excluded = "future"
    elif expiry and expiry <= now and not (options.include_expired or site.build_expired):
        result.excluded = "expired"
    result.section_index = path.name == "_index.md"
    result.title = title
    result.date = when.isoformat() if when else ""
    for taxonomy in site.taxonomies.values():
        if taxonomy in data:
            result.taxonomies[taxonomy] = _string_list(data.pop(taxonomy))
    # Site-relative ("/old/") or page-relative ("old"), as Hugo reads them; never "..".
    aliases = _string_list(data.pop("aliases", None))
    result.aliases = [
        ("/" if alias.startswith("/") else "") + check_relative(alias, "alias", shown)
        for alias in aliases
    ]
    feature = str(data.pop("featureimage", "") or data.pop("featureImage", "") or "")
    if feature:
        result.feature_image = check_relative(feature, "featureimage", shown)
    result.url = page_url(
        relative,
        slug=str(data.pop("slug")) if data.get("slug") else None,
        url=str(data.pop("url")) if data.get("url") else None,
        permalink=None,
        date=when,
        title=title,
        lowercase=site.lowercase_paths,
        source=shown,
    )
    result.docname = docname_for_url(result.url)
    if path.name in ("index.md", "_index.md"):
        bundle = path.parent
        for item in site_files(bundle):
            if item != path and item.suffix != ".md":
                result.resources.append(item.relative_to(site.content_dir).as_posix())
    # Shortcodes are never expanded in front matter: lex the body alone.
    converter = _Converter(front.body, shown, site, result, options.keep_unknown)
    tree = parse(
        front.body,
        path=shown,
        first_line=front.body_line,
        first_col=front.body_col,
        paired=PAIRED.get,
    )
    text = _page_text(result, data, converter.convert(tree), site)
    if not (result.section_index or result.resources or converter.uses_relative_paths):
        # Nothing needs the page's own folder (a bundle's files, a relative link): a file.
        result.docname = file_docname(result.url.strip("/"))
    try:
        result.myst = text.encode("utf-8")
    except UnicodeEncodeError:
        # Only a front-matter escape (JSON/YAML "\ud800") can make a lone surrogate.
        escape = _SURROGATE_ESCAPE.search(raw)
        line, col = position(raw, escape.start()) if escape else (None, None)
        raise MigrationError(
            "the front matter holds a lone surrogate escape (invalid Unicode)",
            path=shown,
            line=line,
            col=col,
            code="bad-unicode",
        ) from None


def _key_position(raw: str, key: str, body_line: int) -> tuple[int | None, int | None]:
    """(line, col) of the front matter where *key* is set (best effort, for a message)."""
    pattern = rf"^[ \t]*((?:{key}|\"{key}\"|'{key}')[ \t]*[=:])"
    match = re.search(pattern, raw, re.MULTILINE)
    if match is None:
        return None, None
    line, col = position(raw, match.start(1))
    return (line, col) if line < body_line else (None, None)


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _page_text(result: PageResult, unknown: dict[str, Any], body: str, site: SiteConfig) -> str:
    front: dict[str, Any] = {"title": result.title}
    if result.date:
        front["date"] = result.date
    for taxonomy, terms in result.taxonomies.items():
        front[taxonomy] = terms
    matome: dict[str, Any] = {"url": result.url, "source": result.source}
    if result.aliases:
        matome["aliases"] = result.aliases
    if result.feature_image:
        matome["feature_image"] = result.feature_image
    if unknown:
        matome["hugo"] = _jsonable(unknown)
    front["matome"] = matome
    if result.feature_image and site.base_url:
        front["myst"] = {
            "html_meta": {
                "property=og:image": site.base_url.rstrip("/") + "/_static/" + result.feature_image
            }
        }
    # JSON is YAML: one key per line, values as JSON — fast, exact and deterministic.
    header = "".join(f"{key}: {json_yaml(value)}\n" for key, value in front.items())
    heading = _LINE_BREAKS.sub(" ", result.title)  # a heading is one line
    title = f"# {escape_markdown(heading)}\n\n" if result.title else ""
    return f"---\n{header}---\n\n{title}{body.strip(chr(10))}\n"
