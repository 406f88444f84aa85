"""Carry the body of a Hugo ``matomeQuote`` into MyST with the same visible text.

Hugo renders the ``body`` parameter with ``markdownify``: goldmark with the typographer,
linkify, strikethrough (single ``~`` too), footnote, table, definition-list and task-list
extensions, emoji short codes and raw HTML allowed.  The Sphinx side parses the migrated body
with myst-parser (CommonMark through markdown-it-py, no syntax extension, ``smartquotes`` off).

Both parsers are CommonMark, so most of a body passes through untouched.  This module walks a
body once, the way goldmark's inline parser does, and rewrites only what differs:

* typography goldmark adds (’ ‘ “ ” – — … « ») is written out as Unicode characters;
* URLs goldmark links on its own become explicit links (``<https://…>``);
* ``:name:`` emoji codes goldmark knows become the emoji;
* ``~struck~`` text becomes the ``{matome-del}`` role (see :data:`DEL_ROLE`);
* raw HTML other than ``<br>`` and a plain ``<a href="http…">`` is shown as text;
* anything MyST would read differently from goldmark (roles, comments, targets, footnote
  references, non-URL link targets, line separators, …) is escaped so it stays literal.

The result stays on one line and keeps ``<br>`` as raw HTML: the Sphinx extension turns those
into line breaks.  Where the result deliberately differs from Hugo, or a construct is carried
in another form, a :class:`BodyNote` says so.  Its codes:

- ``raw-html-escaped``: an inline tag (``<script>``, ``<your>``, …) is shown as text;
  ``raw-html-block-escaped``: the body is a raw HTML block, shown as text (``<br>`` still
  breaks the line);
- ``strikethrough``: struck text carried as the ``{matome-del}`` role;
  ``strikethrough-partial``: markup inside struck text (code, links, …) is shown unstruck;
- ``unknown-emoji``: ``:name:`` looks like a short code but is none, and stays as written;
- ``link-made-absolute``: ``/path`` made absolute with *base_url*, ``//host`` made https;
  ``link-dropped``: a link to a relative path, a fragment or another scheme keeps its text
  only; ``link-empty``: the same for ``[text]()``; ``autolink-dropped``: ``<scheme:…>`` with
  a scheme MyST cannot link keeps its text only;
- ``image-dropped``: an image from a relative or unknown source shows its alt text;
  ``image-linked``: an image from the web becomes a link showing its alt text (its URL when
  it has none), so that no reader's browser fetches what a commenter put there; only a
  site-relative ``/path``, made absolute with *base_url*, stays an image;
  ``image-to-link``: an image from ftp: or mailto: becomes a link showing its alt text;
- ``heading``: the body is a heading (a rubric inside a directive);
  ``heading-attributes-dropped``: goldmark's ``{#id .class}`` after a heading is dropped;
- ``task-checkbox``: ``- [x]`` is shown as ☑ (☐ when open), as MyST has no task lists here;
- ``thematic-break-dropped``: a lone ``---``; docutils allows no transition in a quote;
- ``code-fence-info-dropped``: an (empty) fenced code block loses its info string;
- ``footnote-definition``, ``link-reference-definition``: such a body shows nothing; dropped;
- ``control-char-dropped``: U+000B, U+001C-001E or U+0085 dropped, or a line separator inside
  code made a space;
- ``myst-role-escaped``, ``myst-comment-escaped``, ``myst-target-escaped``,
  ``myst-block-break-escaped``: ``{name}`…```, or ``%``, ``(name)=``, ``+++`` at the start,
  escaped so that they stay text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DEL_ROLE", "BodyNote", "BodyResult", "body_to_myst"]

#: Name of the MyST role that carries goldmark's ``<del>`` (strikethrough) text.
#: It is written as ``{matome-del}`text``` with a backtick run longer than any in ``text``;
#: the content is the final visible text (no Markdown inside, never a backslash).
DEL_ROLE = "matome-del"


@dataclass(frozen=True, slots=True)
class BodyNote:
    """Something about a body that a migration report should list."""

    code: str
    message: str
    col: int  # 0-based offset into the body parameter


@dataclass(frozen=True, slots=True)
class BodyResult:
    """The migrated body (one line of MyST) and the notes collected on the way."""

    text: str
    notes: tuple[BodyNote, ...]


# ---------------------------------------------------------------------------------------------
# Character classes, as goldmark (Go) defines them
# ---------------------------------------------------------------------------------------------

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ASCII_SPACE = frozenset(" \t\n\x0b\x0c\r")  # goldmark util.IsSpace (bytes)
# Go's unicode.IsSpace: the Latin-1 spaces plus the White_Space property.
_GO_SPACE = frozenset(
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


@lru_cache(maxsize=8192)
def _category(ch: str) -> str:
    return unicodedata.category(ch)


def _is_punct(ch: str) -> bool:
    """goldmark ``util.IsPunctRune``: ASCII punctuation or a Unicode P* / S* character."""
    if ch < "\x80":
        return ch in _ASCII_PUNCT
    return _category(ch)[0] in "PS"


def _is_uni_punct(ch: str) -> bool:
    """Go ``unicode.IsPunct`` (P* only: ``$ + < = > ^ ` | ~`` are symbols, not punctuation)."""
    return _category(ch)[0] == "P"


def _delim_flags(ch: str, before: str, after: str) -> tuple[bool, bool]:
    """(can open, can close) of a ``*`` / ``_`` / ``~`` run between *before* and *after*."""
    left, right = _flanking(before, after)
    if ch == "_":
        return left and (not right or _is_punct(before)), right and (not left or _is_punct(after))
    return left, right


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark left/right flanking for a run between *before* and *after*."""
    a_space = after in _GO_SPACE
    b_space = before in _GO_SPACE
    a_punct = _is_punct(after)
    b_punct = _is_punct(before)
    left = not a_space and (not a_punct or b_space or b_punct)
    right = not b_space and (not b_punct or a_space or a_punct)
    return left, right


# ---------------------------------------------------------------------------------------------
# Grammar pieces (CommonMark and goldmark's extensions), written as Python regexes
# ---------------------------------------------------------------------------------------------

# Characters where the inline scan has to stop and look.  Everything else is copied as is.
# ":" "." "-" ">" "!" "(" and spaces only matter in a few contexts, so they stop the scan only
# there (a lookahead keeps the common case inside the C regex engine).
_STOP_COMMON = (
    r"[`\[\]<*_~'\"\\{\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
    r"|!\[|>>|--|\.\.\.|:[A-Za-z0-9_+\-]*:"
)
_STOP = re.compile(_STOP_COMMON + r"|[ (](?=https?:|ftp:|www\.)")
# With an "@" in the body, linkify may also find an e-mail address after a space or "(".
_STOP_AT = re.compile(_STOP_COMMON + r"|[ (](?=https?:|ftp:|www\.|[A-Za-z0-9][^ @]*@)")
# A body without any of these, and not starting like a block (below), is the same text in
# MyST (the fast path). The lookahead names every character a match can start with, so the
# regex engine skips the rest of the text (mostly Japanese) without trying each alternative.
_SPECIAL_ALTERNATIVES = (
    r"[`\[\]*_~'\"\\\x00-\x08\n-\x1f\x7f-\x9f\u2028\u2029]|<(?!br>)|>>|--|\.\.\."
    r"|:[A-Za-z0-9_+\-]*:|https?:|ftp:|www\.|@|&[#A-Za-z0-9]+;\s*$"
)
_SPECIAL = re.compile(
    r"(?=[`\[\]*_~'\"\\\x00-\x08\n-\x1f\x7f-\x9f\u2028\u2029<>\-.:hfw@&])"
    f"(?:{_SPECIAL_ALTERNATIVES})"
)
# MyST's target rule "(name)=" strips Unicode white space, hence \s rather than [ \t]; a
# leading "&" may be the character reference of a block construct.
_BLOCKISH_START = re.compile(r"\s*(?:[>#%+=|:(\-*_~`<{&]|[0-9]{1,9}[.)]|\[)")

# goldmark's linkify: scheme URL, www. URL, e-mail.  The URL body is ASCII only (a host of
# up to 256 characters, a lowercase top-level domain, an optional port and path); the match
# must start exactly where linkify was triggered.  Only the scheme form allows "$" in the path.
_URL_HOST = r"[\-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+"
_URL_PATH = r"""[/#?][\-a-zA-Z0-9@:%_+.~#!?&/=();,'">^{}\[\]`"""
_LINKIFY_URL = re.compile(
    r"(?:https?|ftp)://" + _URL_HOST + r"(?::[0-9]+)?(?:" + _URL_PATH + r"$]*)?"
)
_LINKIFY_WWW = re.compile(r"www\." + _URL_HOST + r"(?:" + _URL_PATH + r"]*)?")
_EMAIL_LOCAL = r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+"
_DNS_LABEL = r"[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?"
_EMAIL_DOMAIN = _DNS_LABEL + r"(?:\." + _DNS_LABEL + r")*"
_LINKIFY_EMAIL = re.compile("(" + _EMAIL_LOCAL + ")@" + _EMAIL_DOMAIN)
_LINKIFY_TRAIL = frozenset("?!.,:*_~")

# CommonMark autolinks ``<scheme:…>`` and ``<user@host>``.
_AUTOLINK_URL = re.compile(r"<([A-Za-z][A-Za-z0-9.+\-]{1,31}:[^<>\x00-\x20]*)>")
_AUTOLINK_EMAIL = re.compile("<(" + _EMAIL_LOCAL + "@" + _EMAIL_DOMAIN + ")>")

# CommonMark raw inline HTML.
_ATTR = (
    r"(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:\-]*"
    r"(?:[ \t]*=[ \t]*(?:[^ \t\n\r\x0b\x0c\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)"
)
_OPEN_TAG = r"<([A-Za-z][A-Za-z0-9\-]*)(" + _ATTR + r"*)[ \t]*/?>"
_CLOSE_TAG = r"</([A-Za-z][A-Za-z0-9\-]*)[ \t]*>"
# goldmark still wants an upper-case letter after "<!" in a declaration (<!DOCTYPE …>).
_RAW_HTML = re.compile(
    "(?:" + _OPEN_TAG + ")|(?:" + _CLOSE_TAG + ")"
    r"|<!-->|<!--->|<!--.*?-->|<\?.*?\?>|<![A-Z][^>]*>|<!\[CDATA\[.*?\]\]>",
    re.DOTALL,
)
_BR_TAG = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
_HREF_ATTR = re.compile(
    r"""[ \t]href[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^ \t"'=<>`]+))""", re.IGNORECASE
)

# HTML block starts (CommonMark types 1-7); such a body is raw HTML from its first character.
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_HTML_BLOCK = re.compile(
    r"<(?:script|pre|style|textarea)(?:[ \t>]|$)|<!--|<\?|(?-i:<![A-Z])|<!\[CDATA\["
    r"|</?(?:" + _BLOCK_TAGS + r")(?:[ \t>]|/>|$)"
    r"|(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + r")[ \t]*$",
    re.IGNORECASE,
)

# Lines before the first block that show nothing: goldmark skips blank lines ("\r" ends a
# line only before "\n"), and a line of form feeds is an empty-looking paragraph.
_BLANK_LINES = re.compile(r"(?:[ \t\r\x0c]*\n)*")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")
_BULLET = re.compile(r"([-+*])(?=[ \t]|$)")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])(?=[ \t]|$)")
_TASK = re.compile(r"\[([ \txX])\]")
_LINK_REF_DEF = re.compile(
    r"\[(?:[^\\\[\]]|\\.){0,999}\]:[ \t]*(?:<[^<>\n]*>|[^ \t<][^ \t]*)"
    r"(?:[ \t]+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$"
)
_FOOTNOTE_DEF = re.compile(r"\[\^[^\]\s]+\]:")
# goldmark's heading attribute block, ``# Title {#id .class key=value}``.
_HEADING_ATTR = r"(?:[#.][^\s{}]+|[A-Za-z_:][^\s{}=]*=[^\s{}]*)"
_HEADING_ATTRS = re.compile(
    r"[ \t]*\{[ \t]*(?:" + _HEADING_ATTR + r"(?:[ \t]+" + _HEADING_ATTR + r")*)?[ \t]*\}$"
)

_EMOJI_NAME = re.compile(r"[A-Za-z0-9_+\-]*:")
_EMOJI_LIKE = re.compile(r"[a-z][a-z0-9_+\-]*[a-z0-9]")
_ROLE_AHEAD = re.compile(r"\{[a-zA-Z0-9_\-+:]+\}`")  # MyST role, which goldmark does not have
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
# Block syntax MyST would find at the start of the (one-line) text.  A thematic break is the
# whole line: "***a***" at the start is emphasis and must keep its first "*".  No "```": a
# backtick run left raw opens a code span that closes on the same line, which no backtick
# fence allows (escaping its first backtick would break the span and free what is inside).
_BLOCK_MARKER = re.compile(
    r">|#{1,6}(?=[ \t]|$)|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)"
    r"|(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$|~{3}"
)
_ENTITY_AT_END = re.compile(r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)$")
_DEST_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ESCAPABLE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Link destinations and titles: a backslash escape, white space, parentheses.
_ESCAPE_PAIR = r"\\[!-/:-@\[-`{-~]"
_PARENS = re.compile(_ESCAPE_PAIR + r"|[()]")
_ASCII_SPACE_RE = re.compile(r"[ \t\n\x0b\x0c\r]")
_NOT_ASCII_SPACE = re.compile(r"[^ \t\n\x0b\x0c\r]")
_SAFE_AUTOLINK = re.compile(r"[A-Za-z0-9\-._~:/?#@!$'()*+,;=]*")
_WEB_SCHEME = re.compile(r"(?:https?|ftp|mailto):", re.IGNORECASE)
_HTTP_SCHEME = re.compile(r"https?://", re.IGNORECASE)

# Characters that str.splitlines() breaks on (besides \n and \r): they must not reach the
# directive content raw.  U+2028/2029 survive as character references; markdown-it turns
# references to control characters into U+FFFD, so those are dropped (with a note).
_LINE_SEP_REF = {"\u2028": "&#x2028;", "\u2029": "&#x2029;", "\x0c": " ", "\n": " ", "\r": " "}
_LINE_SEP_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# Markdown characters that must be escaped for a text to show literally inside a paragraph.
_MD_ESCAPE = re.compile(r"[\\`*_\[\]<&{]")
_MD_ESCAPE_NO_AMP = re.compile(r"[\\`*_\[\]<{]")

_TYPO = {
    "lsquo": "\u2018",
    "rsquo": "\u2019",
    "ldquo": "\u201c",
    "rdquo": "\u201d",
    "ndash": "\u2013",
    "mdash": "\u2014",
    "hellip": "\u2026",
    "laquo": "\u00ab",
    "raquo": "\u00bb",
}


def _escape_md(text: str, amp: bool = True) -> str:
    """Backslash-escape *text* so that MyST shows it literally in running text."""
    return (_MD_ESCAPE if amp else _MD_ESCAPE_NO_AMP).sub(r"\\\g<0>", text)


def _md_dest(url: str) -> str:
    """Write *url* as a CommonMark link destination that parses back to the same URL."""
    out = []
    for ch in url:
        if ch in "()":
            out.append("\\" + ch)
        elif ch in ' <>"\\' or ch < " " or ch == "\x7f":
            out.append(f"%{ord(ch):02X}")
        else:
            out.append(ch)
    return _DEST_ENTITY.sub(r"\\&", "".join(out))


def _md_title(title: str) -> str:
    return ' "' + _DEST_ENTITY.sub(r"\\&", title.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _unescape_url(raw: str) -> str:
    """goldmark resolves backslash escapes and character references in link destinations."""
    if "\\" in raw:
        raw = _ESCAPABLE.sub(r"\1", raw)
    if "&" in raw:
        raw = html.unescape(raw)
    return raw


def _visible_inline_text(raw: str) -> str:
    """The text a plain-text run shows (escapes and character references resolved)."""
    if "\\" in raw:
        raw = _ESCAPABLE.sub(r"\1", raw)
    if "&" in raw:
        raw = _ENTITY.sub(lambda m: html.unescape(m.group()), raw)
    return raw


def _link_md(text: str, href: str) -> str:
    """A link showing exactly *text*: an autolink when markdown-it would show it unchanged."""
    if text == href and _autolink_safe(text):
        return f"<{text}>"
    return f"[{_escape_md(text)}]({_md_dest(href)})"


def _autolink_safe(url: str) -> bool:
    """True if markdown-it shows ``<url>`` as exactly *url* (no %-decoding, no punycode)."""
    return _SAFE_AUTOLINK.fullmatch(url) is not None and "xn--" not in url.lower()


# ---------------------------------------------------------------------------------------------
# The converter
# ---------------------------------------------------------------------------------------------


class _Delim:
    """A ``*`` / ``_`` / ``~`` delimiter run, as in CommonMark's delimiter stack."""

    __slots__ = (
        "after",
        "before",
        "ch",
        "close",
        "idx",
        "left_used",
        "length",
        "olen",
        "open",
        "pos",
        "right_used",
    )

    def __init__(self, ch: str, length: int, idx: int, pos: int, before: str, after: str) -> None:
        self.ch = ch
        self.pos = pos
        self.before = before
        self.after = after
        can_open, can_close = _delim_flags(ch, before, after)
        self.olen = length
        self.length = length
        self.open = can_open
        self.close = can_close
        self.idx = idx  # index of its piece in the output list
        self.left_used = 0  # characters consumed as a closer (from the left)
        self.right_used = 0  # characters consumed as an opener (from the right)


class _Label:
    """An open ``[`` or ``![`` waiting for its ``]``."""

    __slots__ = ("bottom", "idx", "image", "links", "pos")

    def __init__(self, idx: int, pos: int, image: bool, bottom: int, links: int) -> None:
        self.idx = idx
        self.pos = pos
        self.image = image
        self.bottom = bottom  # delimiter-stack height when it opened
        # Markdown links finished when it opened: any more by its "]" are inside it.
        self.links = links


class _Anchor:
    """A raw ``<a href="http…">`` waiting for its ``</a>``, to become a Markdown link."""

    __slots__ = ("href", "idx", "labels", "links", "pos", "tag")

    def __init__(self, idx: int, pos: int, tag: str, href: str, labels: int, links: int) -> None:
        self.idx = idx
        self.pos = pos
        self.tag = tag
        self.href = href
        self.labels = labels
        self.links = links


class _Converter:
    __slots__ = (
        "all_delims",
        "anchor",
        "base_url",
        "body",
        "counter_double",
        "counter_single",
        "delims",
        "emoji",
        "end",
        "has_at",
        "keep_raw",
        "label_links",
        "labels",
        "link_spans",
        "links_made",
        "notes",
        "out",
        "paren_close",
        "parens",
        "space_cache",
        "space_runs",
        "start",
        "strikes",
        "terminators",
        "typo",
        "unescaped",
        "urls",
        "vis",
    )

    def __init__(
        self, body: str, emoji: bool, typographer: bool, base_url: str, keep_raw: bool = False
    ) -> None:
        self.body = body
        self.keep_raw = keep_raw
        self.emoji = emoji
        self.typo = typographer
        self.base_url = base_url.rstrip("/")
        self.notes: list[BodyNote] = []
        self.out: list[str] = []
        # Visible text per output piece, kept only when a strikethrough may need it.
        self.vis: list[str | None] | None = [] if "~" in body else None
        self.delims: list[_Delim] = []
        self.all_delims: list[_Delim] = []
        self.urls: dict[int, tuple[str, str]] = {}
        self.labels: list[_Label] = []
        self.strikes: list[tuple[_Delim, _Delim]] = []
        self.anchor: _Anchor | None = None
        self.links_made = 0
        self.label_links = 0  # links made from a "[…](…)" label (goldmark's "has link" rule)
        # (index of "[", index of "](…)") of each Markdown link written from a label or an <a>,
        # so that a link around them can drop their brackets (links cannot nest).
        self.link_spans: list[tuple[int, int]] = []
        # Indexes of the body for link destinations and titles, built when first needed.
        self.parens: list[int] | None = None
        self.paren_close: list[int] = []
        self.unescaped: dict[str, list[int]] = {}
        self.space_cache = (0, -1)
        self.space_runs: dict[int, int] = {}
        # Terminator of raw HTML ("-->", "?>", …) -> (from, next position at or after it or -1).
        self.terminators: dict[str, tuple[int, int]] = {}
        self.counter_single = 0
        self.counter_double = 0
        self.has_at = "@" in body
        self.start = 0
        self.end = len(body)

    # -- bookkeeping -----------------------------------------------------------------------

    def note(self, code: str, message: str, col: int) -> None:
        self.notes.append(BodyNote(code, message, col))

    def emit(self, md: str, visible: str | None = None) -> None:
        """Append Markdown *md*; *visible* is its plain text if it is plain text."""
        self.out.append(md)
        if self.vis is not None:
            if visible is not None and "&" in visible and visible == md:
                # A plain-text run: its character references show decoded.
                visible = _ENTITY.sub(lambda m: html.unescape(m.group()), visible)
            self.vis.append(visible)

    # -- block level -------------------------------------------------------------------------

    def run(self) -> str:
        s = self.body
        n = len(s)
        prefix: list[str] = []
        # goldmark starts the first block after any blank lines ("\n# h" is a heading).
        i = _BLANK_LINES.match(s).end()  # type: ignore[union-attr]
        container = False
        heading = False
        col = 0  # column of s[i], tabs expanded to multiples of 4
        carry = 0  # columns of a tab that a block marker consumed only in part
        inline_from = -1
        while True:
            j = i
            ind = carry
            cj = col
            while j < n and s[j] in " \t":
                w = 4 - cj % 4 if s[j] == "\t" else 1
                ind += w
                cj += w
                j += 1
            if ind >= 4:
                # Indented code block: literal in both parsers (written with spaces).
                return "".join(prefix) + " " * ind + self._code_line(s[j:])
            if j >= n:
                return "".join(prefix).rstrip()
            c = s[j]
            if c in "*-_" and _THEMATIC.match(s, j):
                # A thematic break shows no text, and docutils allows a transition only
                # between sections, never inside a quote.
                self.note("thematic-break-dropped", "a thematic break (<hr>) is dropped", j)
                return "".join(prefix).rstrip()
            if c == ">":
                k = j + 1
                cj += 1
                carry = 0
                if k < n and s[k] == " ":
                    k += 1
                    cj += 1
                elif k < n and s[k] == "\t":
                    w = 4 - cj % 4
                    carry = w - 1
                    k += 1
                    cj += w
                prefix.append("> ")
                i = k
                col = cj
                container = True
                continue
            m = _BULLET.match(s, j) if c in "-+*" else _ORDERED.match(s, j) if c <= "9" else None
            if m is not None:
                k = m.end()
                cj += k - j
                w = 0
                while k < n and s[k] in " \t":
                    step = 4 - cj % 4 if s[k] == "\t" else 1
                    w += step
                    cj += step
                    k += 1
                prefix.append(m.group() + " ")
                container = True
                if k >= n:
                    return "".join(prefix).rstrip()
                # 1-4 columns of white space belong to the marker; with 5 or more the
                # content is indented code, which the next round finds.
                carry = 0 if w <= 4 else w - 1
                i = k
                col = cj
                t = _TASK.match(s, i) if carry == 0 else None
                if t is not None:
                    # goldmark's task list: a disabled checkbox, which MyST (no tasklist
                    # extension) would show as "[ ]".  A ballot box keeps it visible.
                    box = "\u2611" if t.group(1) in "xX" else "\u2610"
                    prefix.append(box if t.end() < n and s[t.end()] in " \t" else box + " ")
                    self.note("task-checkbox", "task list checkbox shown as a ballot box", i)
                    inline_from = t.end()
                    break
                continue
            carry = 0
            if c == "#":
                m = _ATX.match(s, j)
                if m is not None:
                    prefix.append(m.group(1) + " ")
                    i = m.end()
                    heading = True
                    self.note("heading", "body is a heading (MyST makes a rubric of it)", j)
                    break
            if c in "`~":
                m = _FENCE.match(s, j)
                if m is not None and not (c == "`" and "`" in m.group(2)):
                    # An unclosed fenced code block: empty in both parsers.  Its info string
                    # is dropped: "{name}" would be a MyST directive, and an unknown
                    # language only earns a highlighting warning.
                    if m.group(2).strip():
                        self.note(
                            "code-fence-info-dropped",
                            f"empty code block; its info string {m.group(2).strip()!r} is dropped",
                            j,
                        )
                    return "".join(prefix) + m.group(1)
            if c == "<" and self._is_html_block(s, j):
                self.note(
                    "raw-html-block-escaped", "body is a raw HTML block; it is shown as text", j
                )
                return "".join(prefix) + self._raw_block(s[j:])
            if c == "[":
                if _FOOTNOTE_DEF.match(s, j):
                    self.note(
                        "footnote-definition", "a footnote definition shows nothing; dropped", j
                    )
                    return "".join(prefix).rstrip()
                if _LINK_REF_DEF.match(s, j):
                    self.note(
                        "link-reference-definition",
                        "a link reference definition shows nothing; dropped",
                        j,
                    )
                    return "".join(prefix).rstrip()
            i = j
            break
        # Inline content of a paragraph or heading.
        end = n
        while end > i and s[end - 1] in " \t":
            end -= 1
        if heading:
            end = self._heading_end(s, i, end)
        self.start = i
        self.end = end
        begin = inline_from if inline_from >= 0 else i
        self.inline(begin, end)
        text = self.finish()
        # Outside a container, Hugo trims Unicode white space around markdownify's output and
        # markdown-it strips it from the paragraph: drop what only one of them would keep.
        text = self._edges(text, container or heading)
        if inline_from < 0:
            # Spaces and tabs in front are indentation to markdown-it, which looks past them
            # for block syntax ("\r% c" is written " % c", a MyST comment).  The text shows
            # the same without them, so drop them before the line-start escaping.
            text = text.lstrip(" \t")
        # A text that no longer starts with the body's first character (white space trimmed,
        # a control character or a link's brackets dropped) must not start a block either.
        lost = text[:1] != s[begin : begin + 1]
        text = self._line_start(text, blocks=lost)
        if prefix:
            return "".join(prefix) + text
        return text

    @staticmethod
    def _is_html_block(s: str, j: int) -> bool:
        return _HTML_BLOCK.match(s, j) is not None

    def _raw_block(self, text: str) -> str:
        if self.keep_raw:
            return self._fix_line_chars(text, 0)
        # The HTML text shows literally; <br> still breaks the line, and character references
        # are decoded by the browser in Hugo and by markdown-it here.
        parts = []
        last = 0
        for m in _BR_TAG.finditer(text):
            parts.append(self._plain_literal(text[last : m.start()]))
            parts.append("<br>")
            last = m.end()
        parts.append(self._plain_literal(text[last:]))
        return "".join(parts)

    def _plain_literal(self, text: str) -> str:
        text = _escape_md(text, amp=False)
        return self._fix_line_chars(text, 0)

    def _code_line(self, text: str) -> str:
        return self._fix_line_chars(text.rstrip(" \t"), 0, code=True)

    def _fix_line_chars(self, text: str, col: int, code: bool = False) -> str:
        if not any(ch in text for ch in _LINE_SEP_CHARS):
            return text
        out = []
        for ch in text:
            if ch in _LINE_SEP_CHARS:
                if code or ch not in _LINE_SEP_REF:
                    self.note(
                        "control-char-dropped",
                        f"U+{ord(ch):04X} would break the line in Sphinx; replaced",
                        col,
                    )
                    out.append(" " if code else "")
                else:
                    out.append(_LINE_SEP_REF[ch])
            else:
                out.append(ch)
        return "".join(out)

    def _heading_end(self, s: str, i: int, end: int) -> int:
        # Closing sequence "  ###" and goldmark's attribute block "{#id .class}".
        m = _HEADING_ATTRS.search(s, i, end)
        if m is not None and m.end() == end:
            self.note(
                "heading-attributes-dropped",
                f"heading attributes {s[m.start() : end].strip()!r} dropped",
                m.start(),
            )
            end = m.start()
        k = end
        while k > i and s[k - 1] == "#":
            k -= 1
        if k < end and (k == i or s[k - 1] in " \t"):
            end = k
            while end > i and s[end - 1] in " \t":
                end -= 1
        return end

    def _edges(self, text: str, container: bool) -> str:
        if not text:
            return text
        if container:
            # goldmark keeps leading/trailing Unicode spaces inside a block, markdown-it strips
            # them from a paragraph or heading: write them as character references.
            if text.strip() == text.strip(" \t"):
                return text
            k = len(text) - len(text.lstrip())
            e = max(len(text.rstrip()), k)
            head = "".join(ch if ch in " \t" else f"&#x{ord(ch):X};" for ch in text[:k])
            tail = "".join(ch if ch in " \t" else f"&#x{ord(ch):X};" for ch in text[e:])
            return head + text[k:e] + tail
        # Hugo trims white space around markdownify's output, including spaces that come
        # from character references (&nbsp;): MyST would keep those.
        core = text.strip()
        changed = False
        while True:
            m = _ENTITY.match(core)
            if m is None or not html.unescape(m.group()).isspace():
                break
            core = core[m.end() :].lstrip()
            changed = True
        while True:
            m = _ENTITY_AT_END.search(core)
            if m is None or not html.unescape(m.group()).isspace():
                break
            if m.start() > 0 and core[m.start() - 1] == "\\":
                break
            core = core[: m.start()].rstrip()
            changed = True
        return core if changed else text

    # -- inline level ------------------------------------------------------------------------

    def inline(self, start: int, end: int) -> None:
        s = self.body
        emit = self.emit
        stop = (_STOP_AT if self.has_at else _STOP).search
        i = start
        head = True  # goldmark's "i == 0": start of the text or right after an inline node
        while i < end:
            if head:
                head = False
                c = s[i]
                if c not in _ASCII_PUNCT and not c.isspace() and not self.labels:
                    k = self.linkify(i, end, consumed="")
                    if k:
                        i = k
                        head = True
                        continue
            m = stop(s, i, end)
            if m is None:
                emit(s[i:end], s[i:end])
                break
            j = m.start()
            if j > i:
                emit(s[i:j], s[i:j])
            c = s[j]
            if c == "\\":
                i = self.backslash(j, end)
            elif c == "`":
                i = self.code_span(j, end)
                head = True
            elif c in "*_":
                i = self.delimiter(j, end, c)
                head = True
            elif c == "<":
                i, head = self.angle(j, end)
            elif c == "[":
                self.open_label(j, image=False)
                i = j + 1
                head = True
            elif c == "!":
                self.open_label(j, image=True)
                i = j + 2
                head = True
            elif c == "]":
                i, head = self.close_label(j, end)
            elif c == "~":
                i, head = self.tilde(j, end)
            elif c in "'\"":
                i, head = self.quote(j, end, c)
            elif c in " (":
                k = self.linkify(j + 1, end, consumed=c) if not self.labels else 0
                if k:
                    i = k
                    head = True
                else:
                    emit(c, c)
                    i = j + 1
            elif c == ".":
                i = self.typo_run(j, "...", "hellip") if self.typo else self.literal(j, 3)
                head = self.typo
            elif c == "-":
                if self.typo:
                    if s.startswith("---", j):
                        i = self.typo_run(j, "---", "mdash")
                    else:
                        i = self.typo_run(j, "--", "ndash")
                    head = True
                else:
                    i = self.literal(j, 2)
            elif c == ">":
                i = self.typo_run(j, ">>", "raquo") if self.typo else self.literal(j, 2)
                head = self.typo
            elif c == ":":
                i, head = self.colon(j, end)
            elif c == "{":
                if _ROLE_AHEAD.match(s, j):
                    self.note("myst-role-escaped", "'{name}`' would be a MyST role", j)
                    emit("\\{", "{")
                else:
                    emit("{", "{")
                i = j + 1
            else:  # a character that str.splitlines() breaks on
                emit(self._fix_line_chars(c, j), None)
                i = j + 1

    def literal(self, j: int, k: int) -> int:
        text = self.body[j : j + k]
        self.emit(text, text)
        return j + k

    def typo_run(self, j: int, token: str, name: str) -> int:
        char = _TYPO[name]
        self.emit(char, char)
        return j + len(token)

    def before(self, j: int) -> str:
        """goldmark's PrecedingCharacter: the source character before *j* ('\\n' at start)."""
        return self.body[j - 1] if j > self.start else "\n"

    def backslash(self, j: int, end: int) -> int:
        s = self.body
        if j + 1 < end and s[j + 1] in _ASCII_PUNCT:
            pair = s[j : j + 2]
            self.emit(pair, pair[1])
            return j + 2
        # A lone backslash is literal in both parsers; doubling it keeps it literal whatever
        # this module writes next (e.g. a character reference).
        self.emit("\\\\", "\\")
        return j + 1

    def code_span(self, j: int, end: int) -> int:
        s = self.body
        k = j
        while k < end and s[k] == "`":
            k += 1
        run = k - j
        p = k
        while True:
            p = s.find("`", p, end)
            if p < 0:
                # No closing run: the backticks are text (escaped so nothing can pair them).
                self.emit("\\`" * run, "`" * run)
                return k
            q = p
            while q < end and s[q] == "`":
                q += 1
            if q - p == run:
                code = s[j:q]
                if any(ch in code for ch in _LINE_SEP_CHARS):
                    code = self._fix_line_chars(code, j, code=True)
                self.emit(code, None)
                return q
            p = q

    def delimiter(self, j: int, end: int, c: str) -> int:
        s = self.body
        k = j
        while k < end and s[k] == c:
            k += 1
        d = _Delim(c, k - j, len(self.out), j, self.before(j), s[k] if k < end else " ")
        self.delims.append(d)
        self.all_delims.append(d)
        self.emit(s[j:k], None)
        return k

    def tilde(self, j: int, end: int) -> tuple[int, bool]:
        s = self.body
        k = j
        while k < end and s[k] == "~":
            k += 1
        before = self.before(j)
        if k - j <= 2 and before != "~":
            after = s[k] if k < end else " "
            self.delims.append(_Delim("~", k - j, len(self.out), j, before, after))
            self.emit(s[j:k], s[j:k])
            return k, True
        # Not a strikethrough delimiter: linkify may still start after this "~".
        n = self.linkify(j + 1, end, consumed="~") if not self.labels else 0
        if n:
            return n, True
        self.emit("~", "~")
        return j + 1, False

    def colon(self, j: int, end: int) -> tuple[int, bool]:
        s = self.body
        m = _EMOJI_NAME.match(s, j + 1, end)
        if m is not None and self.emoji:
            name = m.group()[:-1]
            char = _emoji_table().get(name)
            if char is not None:
                self.emit(char, char)
                return m.end(), True
            # Report only what looks like a short code on its own, not "urn:ietf:params:"
            # or "foo:https:".
            k = m.end()
            if (
                _EMOJI_LIKE.fullmatch(name)
                and (j == self.start or not (s[j - 1].isascii() and s[j - 1].isalnum()))
                and (k >= end or not (s[k].isascii() and s[k].isalnum()))
            ):
                self.note("unknown-emoji", f"':{name}:' is not an emoji code; kept as text", j)
        self.emit(":", ":")
        return j + 1, False

    # -- quotes (goldmark's typographer rules) ---------------------------------------------

    def quote(self, j: int, end: int, c: str) -> tuple[int, bool]:
        kind = self._quote_kind(j, end, c) if self.typo else None
        if kind is None:
            self.emit(c, c)
            return j + 1, False
        char = _TYPO[kind]
        self.emit(char, char)
        return j + 1, True

    def _quote_kind(self, j: int, end: int, c: str) -> str | None:
        """What goldmark's typographer makes of the quote *c* at *j* (a ``_TYPO`` key)."""
        s = self.body
        # goldmark looks at the rest of the line as UTF-8 bytes: "size" is its length (capped,
        # only small values matter) and b2/b3 the bytes 2 and 3 places after the quote.
        window = s[j : min(j + 6, end)].encode()
        size = len(window) if j + 6 >= end else 1 << 30
        b2 = chr(window[2]) if len(window) > 2 else ""
        b3 = chr(window[3]) if len(window) > 3 else ""
        b2_mark = b2 != "" and (b2 in _ASCII_PUNCT or b2 in _ASCII_SPACE)
        b3_mark = b3 != "" and (b3 in _ASCII_PUNCT or b3 in _ASCII_SPACE)
        before = self.before(j)
        nxt = s[j + 1] if j + 1 < end else ""
        # Flanking is judged for the whole run of this quote character, like a delimiter run
        # ("''kawaii''" opens twice).
        k = j + 1
        while k < end and s[k] == c:
            k += 1
        can_open, can_close = _flanking(before, s[k] if k < end else " ")
        # A "maybe closing" quote: both flanking, followed by punctuation and then punctuation,
        # space or the end.
        closes = (can_close and not can_open) or (
            can_close and can_open and size > 1 and _is_uni_punct(nxt) and (size == 2 or b2_mark)
        )
        if c == '"':
            if can_open and not can_close:
                self.counter_double += 1
                return "ldquo"
            if self.counter_double > 0 and closes:
                if nxt == '"' and before.isdecimal():  # "Monitor 21""
                    return None
                self.counter_double -= 1
                return "rdquo"
            return None
        # Decades: '90s
        if (
            can_open
            and not can_close
            and size > 3
            and s[j + 1 : j + 3].isascii()
            and s[j + 1 : j + 3].isdigit()
            and s[j + 3] == "s"
        ):
            after = s[j + 4] if j + 4 < end else " "
            if after in _GO_SPACE or _is_punct(after):
                return "rsquo"
        # 'twas, 'em, 'net, 'll
        if nxt and nxt in "tenl" and (_is_uni_punct(before) or before in _GO_SPACE):
            return "rsquo"
        # Between letters (or a digit and a letter): don't, l'été
        if (before.isalpha() or before.isdecimal()) and nxt.isalpha():
            return "rsquo"
        if can_open and not can_close:
            kind = "lsquo"
            # Alice's, I'm, don't, you'd; I've, I'll, you're
            if nxt and nxt in "smtd" and (size < 3 or b2_mark):
                kind = "rsquo"
            if size > 2 and s[j + 1 : j + 3] in ("ve", "ll", "re") and (size < 4 or b3_mark):
                kind = "rsquo"
            if kind == "lsquo":
                self.counter_single += 1
            return kind
        # Plural possessives and abbreviations: Smiths', doin'
        if size > 2 and not nxt.isdecimal():
            return "rsquo"
        if self.counter_single > 0 and closes:
            self.counter_single -= 1
            return "rsquo"
        return None

    # -- linkify ---------------------------------------------------------------------------

    def linkify(self, i: int, end: int, consumed: str) -> int:
        """Try goldmark's linkify at *i* (after the trigger *consumed*); return the new end."""
        s = self.body
        if i >= end:
            return 0
        c = s[i]
        m = None
        www = False
        if c == "h" or c == "f":
            m = _LINKIFY_URL.match(s, i, end)
        if m is None and c == "w":
            m = _LINKIFY_WWW.match(s, i, end)
            www = m is not None
        if m is not None:
            stop = self._url_end(i, m.end())
            url = s[i:stop]
            if consumed:
                self.emit(consumed, consumed)
            self.emit_url(url, "https://" + url if www else url, i)
            return stop
        if not self.has_at or c in _ASCII_PUNCT:
            return 0
        m = _LINKIFY_EMAIL.match(s, i, end)
        if m is None:
            return 0
        stop = m.end()
        at = m.end(1)
        if "." not in s[at : stop - 1]:
            return 0
        if stop < end and s[stop] in "-_":
            return 0
        email = s[i:stop]
        if consumed:
            self.emit(consumed, consumed)
        # goldmark links it to mailto:; the visible text is the address as written.
        self.emit_url(email, "mailto:" + email, i, autolink=False)
        return stop

    def _url_end(self, i: int, stop: int) -> int:
        s = self.body
        # goldmark 1.8.6 (Hugo 0.168): first drop trailing punctuation, then an unbalanced
        # ")" run or a trailing character reference.
        k = stop - 1
        while k > i and s[k] in _LINKIFY_TRAIL:
            k -= 1
        stop = k + 1
        last = s[stop - 1]
        if last == ")":
            closing = s.count(")", i, stop) - s.count("(", i, stop)
            if closing > 0:
                stop -= closing
        elif last == ";":
            k = stop - 2
            while k >= i and s[k].isascii() and s[k].isalnum():
                k -= 1
            if k != stop - 2 and s[k] == "&":
                stop = k
        return stop

    def emit_url(self, text: str, href: str, col: int, autolink: bool = True) -> None:
        """Emit a link that shows *text* exactly and points to *href*."""
        if self.anchor is not None:
            # Inside a raw <a> that becomes a Markdown link: links cannot nest there.
            self.emit(_escape_md(text), text)
            return
        md = _link_md(text, href) if autolink else f"[{_escape_md(text)}]({_md_dest(href)})"
        if md[0] == "[":
            self._no_image_bang(len(self.out) - 1)
        self.urls[len(self.out)] = (text, href)
        self.emit(md, None)
        self.links_made += 1

    def _no_image_bang(self, idx: int) -> None:
        """A "!" right before a "[" this module writes would make an image: escape it."""
        while idx >= 0 and not self.out[idx]:
            idx -= 1
        if idx >= 0:
            prev = self.out[idx]
            if prev.endswith("!") and not prev.endswith("\\!"):
                self.out[idx] = prev[:-1] + "\\!"

    # -- "<": autolinks, raw HTML, « ---------------------------------------------------------

    def angle(self, j: int, end: int) -> tuple[int, bool]:
        s = self.body
        m = _AUTOLINK_URL.match(s, j, end)
        if m is not None:
            self.autolink(m.group(1), j, email=False)
            return m.end(), True
        m = _AUTOLINK_EMAIL.match(s, j, end)
        if m is not None:
            self.autolink(m.group(1), j, email=True)
            return m.end(), True
        m = _RAW_HTML.match(s, j, self._raw_html_end(j, end))
        if m is not None:
            self.raw_html(m, j)
            return m.end(), True
        if self.typo and s.startswith("<<", j):
            self.emit("\u00ab", "\u00ab")
            return j + 2, True
        self.emit("\\<", "<")
        return j + 1, False

    def _raw_html_end(self, j: int, end: int) -> int:
        """How far raw HTML at *j* can reach: a comment, processing instruction, CDATA section or
        declaration ends at its terminator, which is looked up once for the whole body (an
        unclosed ``<!--`` would otherwise send the regex to the end of the body from every
        ``<``)."""
        s = self.body
        if s.startswith("<?", j):
            start, term = j + 2, "?>"
        elif not s.startswith("<!", j):
            return end  # a tag: its attributes end at the next quote or ">"
        elif s.startswith("<!--", j):
            start, term = j + 2, "-->"  # from j + 2, as "<!-->" is a comment too
        elif s.startswith("<![CDATA[", j):
            start, term = j + 9, "]]>"
        else:
            start, term = j + 2, ">"
        # Raw HTML is looked for from left to right: keep the last answer per terminator.
        lo, found = self.terminators.get(term, (0, -2))
        if not lo <= start <= found and not (found == -1 and start >= lo):
            found = s.find(term, start, end)
            self.terminators[term] = (start, found)
        # Without its terminator nothing starting "<!" or "<?" is raw HTML: match nothing.
        return j if found < 0 else found + len(term)

    def autolink(self, url: str, j: int, email: bool) -> None:
        if email:
            if self.anchor is None and _autolink_safe(url):
                self.emit(f"<{url}>", None)
                self.links_made += 1
            else:
                self.emit_url(url, "mailto:" + url, j)
            return
        if _WEB_SCHEME.match(url):
            self.emit_url(url, url, j)
            return
        # e.g. <project:…>, <javascript:…>: goldmark links them, MyST would not (or would
        # treat them as cross-references).  Keep the text, drop the link.
        self.note("autolink-dropped", f"autolink to {url[:60]!r} kept as text only", j)
        self.emit(_escape_md(url), url)

    def raw_html(self, m: re.Match[str], j: int) -> None:
        tag = m.group()
        if _BR_TAG.fullmatch(tag):
            self.emit("<br>", None)
            return
        name = (m.group(1) or m.group(3) or "").lower()
        if name == "a" and m.group(1):
            href = self._safe_href(m.group(2) or "")
            if href is not None and self.anchor is None:
                self.anchor = _Anchor(
                    len(self.out), j, tag, href, len(self.labels), self.links_made
                )
                self.emit("", None)  # becomes "[" once </a> is found
                return
        if name == "a" and m.group(3) and self.anchor is not None:
            a = self.anchor
            self.anchor = None
            if self.links_made == a.links and len(self.labels) == a.labels:
                self._no_image_bang(a.idx - 1)
                self._link(a.idx, f"]({_md_dest(a.href)})")
                self.links_made += 1
                return
            self.out[a.idx] = self._escaped_tag(a.tag, a.pos)
        self.emit(self._escaped_tag(tag, j), None)

    def _escaped_tag(self, tag: str, j: int) -> str:
        self.note("raw-html-escaped", f"raw HTML {tag[:60]!r} is shown as text", j)
        if self.keep_raw:
            return self._fix_line_chars(tag, j)
        return self._fix_line_chars(_escape_md(tag), j)

    @staticmethod
    def _safe_href(attrs: str) -> str | None:
        m = _HREF_ATTR.search(attrs)
        if m is None:
            return None
        value = m.group(1) if m.group(1) is not None else (m.group(2) or m.group(3) or "")
        # The archive's machine translation turned quotes into ” and “ (even around values).
        value = html.unescape(value).strip(" \t\u201c\u201d\u2018\u2019\"'")
        if _HTTP_SCHEME.match(value) and not any(ch.isspace() for ch in value):
            return value
        return None

    # -- links -----------------------------------------------------------------------------

    def open_label(self, j: int, image: bool) -> None:
        self.labels.append(_Label(len(self.out), j, image, len(self.delims), self.label_links))
        self.emit("", None)  # "[" / "![" once we know it is a link, escaped otherwise

    def close_label(self, j: int, end: int) -> tuple[int, bool]:
        if not self.labels:
            self.emit("\\]", "]")
            return j + 1, False
        label = self.labels.pop()
        parsed = None
        # goldmark: a link inside a label stops that label from becoming a link.
        has_link = self.label_links > label.links
        if (label.image or not has_link) and j + 1 < end and self.body[j + 1] == "(":
            parsed = self._inline_link(j + 1, end)
        if parsed is None:
            self.out[label.idx] = "!\\[" if label.image else "\\["
            if self.vis is not None:
                self.vis[label.idx] = "![" if label.image else "["
            self.emit("\\]", "]")
            return j + 1, False
        dest, title, stop = parsed
        self.process_delims(label.bottom)
        if self.anchor is not None and len(self.labels) < self.anchor.labels:
            # This link encloses the start of a pending raw <a>: keep that <a> as text.
            a = self.anchor
            self.anchor = None
            self.out[a.idx] = self._escaped_tag(a.tag, a.pos)
        self.finish_link(label, dest, title, j)
        return stop, True

    def _inline_link(self, p: int, end: int) -> tuple[str, str | None, int] | None:
        """goldmark's ``(destination "title")`` after a label; p is at "(".

        Each step asks an index of the body for the next character that ends it instead of
        walking the body, and text is only copied once the link is complete: a body of many
        ``[a](`` that never close stays linear.
        """
        s = self.body
        p = self._skip_space(p + 1, end)
        if p < end and s[p] == ")":
            return "", None, p + 1
        if p < end and s[p] == "<":
            dest_start = p + 1
            dest_end = self._next_unescaped(">", dest_start, end)
            if dest_end >= end:
                return None
            p = dest_end + 1
        else:
            # The destination ends at white space or at a ")" that closes more than it opened.
            dest_start = p
            dest_end = min(self._next_space(p, end), self._unbalanced_close(p, end))
            if dest_end == p:
                return None
            p = dest_end
        p = self._skip_space(p, end)
        if p < end and s[p] == ")":
            return s[dest_start:dest_end], None, p + 1
        if p >= end or s[p] not in "\"'(":
            return None
        if s[p] == "(":
            # A title in parentheses may not contain an unescaped "(".
            q = self._next_paren(p + 1, end)
            if q >= end or s[q] == "(":
                return None
        else:
            q = self._next_unescaped(s[p], p + 1, end)
            if q >= end:
                return None
        stop = self._skip_space(q + 1, end)
        if stop < end and s[stop] == ")":
            return s[dest_start:dest_end], s[p + 1 : q], stop + 1
        return None

    # The index behind _inline_link.  Its scans start right after "(", "<", a quote, ")" or
    # white space, never inside a backslash escape, so an escape can be told once for the
    # whole body: a character is escaped when an odd run of backslashes precedes it.

    def _skip_space(self, p: int, end: int) -> int:
        """The end of the ASCII white space at *p* (each run is scanned once)."""
        if p >= end or self.body[p] not in _ASCII_SPACE:
            return p
        q = self.space_runs.get(p)
        if q is None:
            m = _NOT_ASCII_SPACE.search(self.body, p, end)
            q = self.space_runs[p] = m.start() if m else end
        return q

    def _next_space(self, p: int, end: int) -> int:
        """The first ASCII white space at or after *p* (or *end*)."""
        # Destinations are looked up from left to right: keep the last answer.
        lo, found = self.space_cache
        if not lo <= p <= found:
            m = _ASCII_SPACE_RE.search(self.body, p, end)
            found = m.start() if m else end
            self.space_cache = (p, found)
        return found

    def _next_unescaped(self, ch: str, p: int, end: int) -> int:
        """The first unescaped *ch* at or after *p* (or *end*)."""
        found = self.unescaped.get(ch)
        if found is None:
            pattern = re.compile(_ESCAPE_PAIR + "|" + re.escape(ch))
            found = [m.start() for m in pattern.finditer(self.body) if len(m.group()) == 1]
            self.unescaped[ch] = found
        k = bisect_left(found, p)
        return found[k] if k < len(found) and found[k] < end else end

    def _paren_index(self) -> list[int]:
        """Positions of unescaped parentheses; fills :attr:`paren_close` alongside."""
        if self.parens is None:
            s = self.body
            parens = [m.start() for m in _PARENS.finditer(s) if len(m.group()) == 1]
            # paren_close[k]: the first ")" at or after parens[k] that brings the depth below
            # the depth before parens[k] (-1: none), found right to left with the nearest
            # position of each depth.
            before = []
            depth = 0
            for at in parens:
                before.append(depth)
                depth += 1 if s[at] == "(" else -1
            close = [-1] * len(parens)
            nearest: dict[int, int] = {}
            for k in range(len(parens) - 1, -1, -1):
                nearest[before[k] + (1 if s[parens[k]] == "(" else -1)] = k
                close[k] = nearest.get(before[k] - 1, -1)
            self.parens = parens
            self.paren_close = close
        return self.parens

    def _next_paren(self, p: int, end: int) -> int:
        parens = self._paren_index()
        k = bisect_left(parens, p)
        return parens[k] if k < len(parens) and parens[k] < end else end

    def _unbalanced_close(self, p: int, end: int) -> int:
        """The first ")" at or after *p* that closes more than was opened since *p*."""
        parens = self._paren_index()
        k = bisect_left(parens, p)
        c = self.paren_close[k] if k < len(parens) else -1
        return parens[c] if c >= 0 and parens[c] < end else end

    def finish_link(self, label: _Label, dest_raw: str, title_raw: str | None, j: int) -> None:
        href = _unescape_url(dest_raw)
        what = "image" if label.image else "link"
        target = self._resolve(href, label.pos, what)
        title = "" if title_raw is None else _md_title(_visible_inline_text(title_raw))
        if not label.image:
            self.label_links += 1
            self.links_made += 1
        if target is None:
            # Keep the label text only (what Hugo shows for a link; for an image, the alt text
            # a browser shows in place of a picture it cannot load), drop the brackets.
            if label.image:
                self.note(
                    "image-dropped",
                    f"image {href[:60]!r} is not a web URL; its alt text is kept",
                    label.pos,
                )
            self.out[label.idx] = ""
            return
        if label.image:
            web = _HTTP_SCHEME.match(target) is not None
            if web and href.startswith("/") and not href.startswith("//"):
                # An image of the site itself ("/images/…" made absolute with base_url).
                self.out[label.idx] = "!["
                self.emit(f"]({_md_dest(target)}{title})", None)
                return
            if web:
                # Any other host may be a commenter's tracking beacon, which every reader's
                # browser would fetch: a link fetches nothing until it is followed.
                self.note(
                    "image-linked",
                    f"web image {href[:60]!r} made a link showing its alt text",
                    label.pos,
                )
            else:
                self.note(
                    "image-to-link",
                    f"image {href[:60]!r} is not on the web; made a link showing its alt text",
                    label.pos,
                )
            if not _visible_inline_text(self.body[label.pos + 2 : j]).strip():
                # Without alt text the link would show nothing: it shows its URL.
                self.emit(_escape_md(target), target)
            self._no_image_bang(label.idx - 1)
        self._link(label.idx, f"]({_md_dest(target)}{title})")

    def _link(self, idx: int, tail: str) -> None:
        """Make piece *idx* the "[" of a Markdown link that *tail* (``](…)``) closes."""
        # Markdown links cannot nest (markdown-it would keep only the inner one): links this
        # module wrote inside, from images or <a> tags, keep only their text.
        spans = self.link_spans
        while spans and spans[-1][0] > idx:
            start, stop = spans.pop()
            self.out[start] = ""
            self.out[stop] = ""
        self.out[idx] = "["
        self.emit(tail, None)
        spans.append((idx, len(self.out) - 1))

    def _resolve(self, href: str, col: int, what: str) -> str | None:
        """The URL MyST should get for *href*, or None to keep only the text."""
        if not href.strip():
            if what == "link":
                self.note("link-empty", "link without a destination; its text is kept", col)
            return None
        if _WEB_SCHEME.match(href):
            return href
        if href.startswith("//"):
            self.note("link-made-absolute", f"{what} {href[:60]!r} made https:", col)
            return "https:" + href
        if href.startswith("/") and self.base_url:
            self.note("link-made-absolute", f"{what} {href[:60]!r} made absolute", col)
            return self.base_url + href
        if what == "link":
            self.note(
                "link-dropped", f"link to {href[:60]!r} is not a web URL; its text is kept", col
            )
        return None

    # -- emphasis and strikethrough --------------------------------------------------------

    def process_delims(self, bottom: int) -> None:
        """goldmark's ProcessDelimiters over the stack above *bottom*, then clear it.

        goldmark walks back from each closer over the delimiters still in its list.  Here
        those are a stack of the possible openers before the closer (the ones between an
        opener and its closer leave it at once), and for each kind of closer the height
        below which no opener fits is remembered, as in the CommonMark reference
        implementation: a closer of that kind later on cannot pair with them either.
        Runs of ``*[`` or unmatched delimiters thus take linear time.
        """
        stack: list[_Delim] = []
        floors: dict[tuple[str, bool, int], int] = {}
        for closer in self.delims[bottom:]:
            if closer.close:
                # Whether an opener fits depends on the closer's character, whether it can
                # open, and its length modulo 3 (the "rule of 3"), nothing else.
                kind = (closer.ch, closer.open, closer.olen % 3)
                while closer.length:
                    k = len(stack) - 1
                    floor = floors.get(kind, 0)
                    consume = 0
                    while k >= floor:
                        opener = stack[k]
                        if opener.open and opener.ch == closer.ch:
                            if (
                                (opener.close or closer.open)
                                and (opener.olen + closer.olen) % 3 == 0
                                and closer.olen % 3 != 0
                            ):
                                consume = 0
                            elif opener.length >= 2 and closer.length >= 2:
                                consume = 2
                            else:
                                consume = 1
                            if consume:
                                break
                        k -= 1
                    if not consume:
                        floors[kind] = len(stack)
                        break
                    opener = stack[k]
                    opener.length -= consume
                    opener.right_used += consume
                    closer.length -= consume
                    closer.left_used += consume
                    if closer.ch == "~":
                        self.strikes.append((opener, closer))
                    # The delimiters between the pair are text now, and a used-up opener goes.
                    del stack[k + 1 :]
                    if opener.length == 0:
                        stack.pop()
                    for key, height in floors.items():
                        if height > len(stack):
                            floors[key] = len(stack)
                if closer.length == 0:
                    continue
            if closer.open:
                stack.append(closer)
        del self.delims[bottom:]

    # -- the end ---------------------------------------------------------------------------

    def finish(self) -> str:
        for label in self.labels:
            self.out[label.idx] = "!\\[" if label.image else "\\["
            if self.vis is not None:
                self.vis[label.idx] = "![" if label.image else "["
        self.labels.clear()
        if self.anchor is not None:
            a = self.anchor
            self.anchor = None
            self.out[a.idx] = self._escaped_tag(a.tag, a.pos)
        self.process_delims(0)
        self._settle_delims()
        if self.strikes:
            self._strikes()
        return "".join(self.out)

    def _settle_delims(self) -> None:
        """Make MyST pair ``*`` and ``_`` exactly as goldmark did.

        A run goldmark left as text is escaped: next to a link written by this module the
        characters around it differ (``<`` instead of ``h``), which could let markdown-it pair
        it.  Around a run goldmark did use, a linkified URL keeps its first or last character
        outside the link so that the run sees the same neighbour as in goldmark.
        """
        out = self.out
        used: dict[int, _Delim] = {}
        for d in self.all_delims:
            if d.left_used == 0 and d.right_used == 0:
                out[d.idx] = ("\\" + d.ch) * d.olen
                if self.vis is not None:
                    self.vis[d.idx] = d.ch * d.olen
            else:
                used[d.idx] = d
        if not used or not self.urls:
            return
        for idx, (text, href) in self.urls.items():
            md = out[idx]
            d = used.get(idx - 1)
            head = (
                d is not None
                and len(text) > 1
                and _delim_flags(d.ch, d.before, md[0]) != (d.open, d.close)
            )
            d = used.get(idx + 1)
            tail = (
                d is not None
                and len(text) > 2
                and _delim_flags(d.ch, md[-1], d.after) != (d.open, d.close)
            )
            if head or tail:
                first = text[0] if head else ""
                last = text[-1] if tail else ""
                core = text[len(first) : len(text) - len(last)]
                out[idx] = (
                    _escape_md(first) + f"[{_escape_md(core)}]({_md_dest(href)})" + _escape_md(last)
                )

    def _strikes(self) -> None:
        """Turn goldmark's strikethrough spans into ``{matome-del}`` roles.

        A role holds plain text only, so each struck stretch of plain text becomes one role;
        markup inside a struck span (code, links, emphasis, ``<br>``) is kept unstruck.
        """
        out = self.out
        vis = self.vis if self.vis is not None else [None] * len(out)
        opens: dict[int, int] = {}
        closes: dict[int, int] = {}
        runs: dict[int, _Delim] = {}
        for opener, closer in self.strikes:
            opens[opener.idx] = opens.get(opener.idx, 0) + 1
            closes[closer.idx] = closes.get(closer.idx, 0) + 1
            runs[opener.idx] = opener
            runs[closer.idx] = closer
        result: list[str] = []
        buf: list[str] = []
        depth = 0
        converted = 0
        partial = False

        def flush() -> None:
            nonlocal converted
            if not buf:
                return
            content = "".join(buf)
            buf.clear()
            core = content.strip(" \t")
            lead = content[: len(content) - len(content.lstrip(" \t"))]
            trail = content[len(lead) + len(core) :]
            if core and "\\" not in core and core[0] != "`" and core[-1] != "`":
                longest = max((len(r) for r in re.findall("`+", core)), default=0)
                ticks = "`" * (longest + 1)
                result.append(f"{lead}{{{DEL_ROLE}}}{ticks}{core}{ticks}{trail}")
                converted += 1
            else:
                result.append(_escape_md(content))

        for idx, md in enumerate(out):
            run = runs.get(idx)
            if run is not None:
                # Characters consumed as a closer come first, then what is left of the run,
                # then those consumed as an opener.
                depth -= closes.get(idx, 0)
                if depth == 0:
                    flush()
                rest = "~" * (run.olen - run.left_used - run.right_used)
                if rest:
                    (buf if depth > 0 else result).append(rest)
                depth += opens.get(idx, 0)
                continue
            if depth > 0 and vis[idx] is not None:
                buf.append(vis[idx])  # type: ignore[arg-type]
                continue
            flush()
            if depth > 0 and md:
                partial = True
            result.append(md)
        flush()
        col = min(d.pos for d in runs.values())
        if converted:
            self.note("strikethrough", f"{converted} struck span(s) carried as {{{DEL_ROLE}}}", col)
        if partial:
            self.note(
                "strikethrough-partial",
                "markup inside struck text is shown without the strike",
                col,
            )
        self.out = result
        self.vis = None

    def _line_start(self, text: str, blocks: bool = False) -> str:
        """Escape what MyST would read as block syntax at the start of the line.

        With *blocks*, the text does not start where the body did (white space trimmed, a
        control character or the brackets of a link dropped), so what looks like a CommonMark
        block marker is text in goldmark and is escaped too.
        """
        if not text:
            return text
        c = text[0]
        if blocks:
            m = _BLOCK_MARKER.match(text)
            if m is not None:
                k = m.end() - 1 if c.isdigit() else 0
                return text[:k] + "\\" + text[k:]
        if c == "%":
            self.note("myst-comment-escaped", "a leading '%' would be a MyST comment", self.start)
            return "\\" + text
        # MyST's target rule reads a whole line that starts with "(" and ends with ")=" (white
        # space around it stripped, Unicode spaces too) as a target: "(a)b(c)=" vanishes.
        core = text.strip()
        if core.startswith("(") and (
            (core.endswith(")=") and len(core) > 3) or re.match(r"\([^()\n]*\)=", core)
        ):
            self.note("myst-target-escaped", "'(name)=' would be a MyST target", self.start)
            k = text.index("(")
            return text[:k] + "\\" + text[k:]
        if text.startswith("+++"):
            self.note("myst-block-break-escaped", "'+++' would be a MyST block break", self.start)
            return "\\" + text
        if c == ":":
            # ":::" closes a colon fence and ":name:" reads as a directive option.
            return "\\" + text
        if text.startswith("---"):
            # A directive's content starting with "---" is read as YAML options.
            return "\\" + text
        return text


def body_to_myst(
    body: str, *, emoji: bool = True, typographer: bool = True, base_url: str = ""
) -> BodyResult:
    """Migrate one ``matomeQuote`` body to one line of MyST with the same visible text.

    *body* is the parameter value after Hugo's shortcode lexer.  *emoji* and *typographer*
    mirror the site's goldmark settings (``enableEmoji``, the typographer extension).
    *base_url* makes site-relative link targets (``/posts/…``) absolute; without it such
    links keep only their text.
    """
    return _convert(body, emoji, typographer, base_url, keep_raw_html=False)


def _convert(
    body: str, emoji: bool, typographer: bool, base_url: str, keep_raw_html: bool
) -> BodyResult:
    """:func:`body_to_myst`; *keep_raw_html* passes raw HTML through as Hugo does.

    The passthrough exists only to prove, in the fidelity check, that escaped HTML is the
    sole difference for a body; migrated content never uses it.
    """
    if _SPECIAL.search(body) is None and _BLOCKISH_START.match(body) is None:
        # Nothing goldmark and MyST could read differently.
        return BodyResult(body, ())
    conv = _Converter(body, emoji, typographer, base_url, keep_raw_html)
    text = conv.run()
    return BodyResult(text, tuple(conv.notes))


# ---------------------------------------------------------------------------------------------
# Emoji short codes known to goldmark-emoji (GitHub's names), as Hugo renders them
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _emoji_table() -> dict[str, str]:
    table = {}
    for item in _EMOJI_DATA.split():
        name, _, codes = item.partition("=")
        table[name] = "".join(chr(int(h, 16)) for h in codes.split("-"))
    return table


_EMOJI_DATA = """
+1=1f44d -1=1f44e 100=1f4af 1234=1f522 1st_place_medal=1f947 2nd_place_medal=1f948
3rd_place_medal=1f949 8ball=1f3b1 a=1f170-fe0f ab=1f18e abacus=1f9ee abc=1f524 abcd=1f521
accept=1f251 accordion=1fa97 adhesive_bandage=1fa79 adult=1f9d1 aerial_tramway=1f6a1
afghanistan=1f1e6-1f1eb airplane=2708-fe0f aland_islands=1f1e6-1f1fd alarm_clock=23f0
albania=1f1e6-1f1f1 alembic=2697-fe0f algeria=1f1e9-1f1ff alien=1f47d ambulance=1f691
american_samoa=1f1e6-1f1f8 amphora=1f3fa anatomical_heart=1fac0 anchor=2693
andorra=1f1e6-1f1e9 angel=1f47c anger=1f4a2 angola=1f1e6-1f1f4 angry=1f620
anguilla=1f1e6-1f1ee anguished=1f627 ant=1f41c antarctica=1f1e6-1f1f6
antigua_barbuda=1f1e6-1f1ec apple=1f34e aquarius=2652 argentina=1f1e6-1f1f7 aries=2648
armenia=1f1e6-1f1f2 arrow_backward=25c0-fe0f arrow_double_down=23ec arrow_double_up=23eb
arrow_down=2b07-fe0f arrow_down_small=1f53d arrow_forward=25b6-fe0f
arrow_heading_down=2935-fe0f arrow_heading_up=2934-fe0f arrow_left=2b05-fe0f
arrow_lower_left=2199-fe0f arrow_lower_right=2198-fe0f arrow_right=27a1-fe0f
arrow_right_hook=21aa-fe0f arrow_up=2b06-fe0f arrow_up_down=2195-fe0f arrow_up_small=1f53c
arrow_upper_left=2196-fe0f arrow_upper_right=2197-fe0f arrows_clockwise=1f503
arrows_counterclockwise=1f504 art=1f3a8 articulated_lorry=1f69b
artificial_satellite=1f6f0-fe0f artist=1f9d1-200d-1f3a8 aruba=1f1e6-1f1fc
ascension_island=1f1e6-1f1e8 asterisk=2a-fe0f-20e3 astonished=1f632
astronaut=1f9d1-200d-1f680 athletic_shoe=1f45f atm=1f3e7 atom_symbol=269b-fe0f
australia=1f1e6-1f1fa austria=1f1e6-1f1f9 auto_rickshaw=1f6fa avocado=1f951 axe=1fa93
azerbaijan=1f1e6-1f1ff b=1f171-fe0f baby=1f476 baby_bottle=1f37c baby_chick=1f424
baby_symbol=1f6bc back=1f519 bacon=1f953 badger=1f9a1 badminton=1f3f8 bagel=1f96f
baggage_claim=1f6c4 baguette_bread=1f956 bahamas=1f1e7-1f1f8 bahrain=1f1e7-1f1ed
balance_scale=2696-fe0f bald_man=1f468-200d-1f9b2 bald_woman=1f469-200d-1f9b2
ballet_shoes=1fa70 balloon=1f388 ballot_box=1f5f3-fe0f ballot_box_with_check=2611-fe0f
bamboo=1f38d banana=1f34c bangbang=203c-fe0f bangladesh=1f1e7-1f1e9 banjo=1fa95 bank=1f3e6
bar_chart=1f4ca barbados=1f1e7-1f1e7 barber=1f488 baseball=26be basket=1f9fa
basketball=1f3c0 basketball_man=26f9-fe0f-200d-2642-fe0f
basketball_woman=26f9-fe0f-200d-2640-fe0f bat=1f987 bath=1f6c0 bathtub=1f6c1 battery=1f50b
beach_umbrella=1f3d6-fe0f beans=1fad8 bear=1f43b bearded_person=1f9d4 beaver=1f9ab
bed=1f6cf-fe0f bee=1f41d beer=1f37a beers=1f37b beetle=1fab2 beginner=1f530
belarus=1f1e7-1f1fe belgium=1f1e7-1f1ea belize=1f1e7-1f1ff bell=1f514 bell_pepper=1fad1
bellhop_bell=1f6ce-fe0f benin=1f1e7-1f1ef bento=1f371 bermuda=1f1e7-1f1f2 beverage_box=1f9c3
bhutan=1f1e7-1f1f9 bicyclist=1f6b4 bike=1f6b2 biking_man=1f6b4-200d-2642-fe0f
biking_woman=1f6b4-200d-2640-fe0f bikini=1f459 billed_cap=1f9e2 biohazard=2623-fe0f
bird=1f426 birthday=1f382 bison=1f9ac biting_lip=1fae6 black_bird=1f426-200d-2b1b
black_cat=1f408-200d-2b1b black_circle=26ab black_flag=1f3f4 black_heart=1f5a4
black_joker=1f0cf black_large_square=2b1b black_medium_small_square=25fe
black_medium_square=25fc-fe0f black_nib=2712-fe0f black_small_square=25aa-fe0f
black_square_button=1f532 blond_haired_man=1f471-200d-2642-fe0f blond_haired_person=1f471
blond_haired_woman=1f471-200d-2640-fe0f blonde_woman=1f471-200d-2640-fe0f blossom=1f33c
blowfish=1f421 blue_book=1f4d8 blue_car=1f699 blue_heart=1f499 blue_square=1f7e6
blueberries=1fad0 blush=1f60a boar=1f417 boat=26f5 bolivia=1f1e7-1f1f4 bomb=1f4a3 bone=1f9b4
book=1f4d6 bookmark=1f516 bookmark_tabs=1f4d1 books=1f4da boom=1f4a5 boomerang=1fa83
boot=1f462 bosnia_herzegovina=1f1e7-1f1e6 botswana=1f1e7-1f1fc
bouncing_ball_man=26f9-fe0f-200d-2642-fe0f bouncing_ball_person=26f9-fe0f
bouncing_ball_woman=26f9-fe0f-200d-2640-fe0f bouquet=1f490 bouvet_island=1f1e7-1f1fb
bow=1f647 bow_and_arrow=1f3f9 bowing_man=1f647-200d-2642-fe0f
bowing_woman=1f647-200d-2640-fe0f bowl_with_spoon=1f963 bowling=1f3b3 boxing_glove=1f94a
boy=1f466 brain=1f9e0 brazil=1f1e7-1f1f7 bread=1f35e breast_feeding=1f931 bricks=1f9f1
bride_with_veil=1f470-200d-2640-fe0f bridge_at_night=1f309 briefcase=1f4bc
british_indian_ocean_territory=1f1ee-1f1f4 british_virgin_islands=1f1fb-1f1ec broccoli=1f966
broken_heart=1f494 broom=1f9f9 brown_circle=1f7e4 brown_heart=1f90e brown_square=1f7eb
brunei=1f1e7-1f1f3 bubble_tea=1f9cb bubbles=1fae7 bucket=1faa3 bug=1f41b
building_construction=1f3d7-fe0f bulb=1f4a1 bulgaria=1f1e7-1f1ec bullettrain_front=1f685
bullettrain_side=1f684 burkina_faso=1f1e7-1f1eb burrito=1f32f burundi=1f1e7-1f1ee bus=1f68c
business_suit_levitating=1f574-fe0f busstop=1f68f bust_in_silhouette=1f464
busts_in_silhouette=1f465 butter=1f9c8 butterfly=1f98b cactus=1f335 cake=1f370
calendar=1f4c6 call_me_hand=1f919 calling=1f4f2 cambodia=1f1f0-1f1ed camel=1f42b
camera=1f4f7 camera_flash=1f4f8 cameroon=1f1e8-1f1f2 camping=1f3d5-fe0f canada=1f1e8-1f1e6
canary_islands=1f1ee-1f1e8 cancer=264b candle=1f56f-fe0f candy=1f36c canned_food=1f96b
canoe=1f6f6 cape_verde=1f1e8-1f1fb capital_abcd=1f520 capricorn=2651 car=1f697
card_file_box=1f5c3-fe0f card_index=1f4c7 card_index_dividers=1f5c2-fe0f
caribbean_netherlands=1f1e7-1f1f6 carousel_horse=1f3a0 carpentry_saw=1fa9a carrot=1f955
cartwheeling=1f938 cat=1f431 cat2=1f408 cayman_islands=1f1f0-1f1fe cd=1f4bf
central_african_republic=1f1e8-1f1eb ceuta_melilla=1f1ea-1f1e6 chad=1f1f9-1f1e9
chains=26d3-fe0f chair=1fa91 champagne=1f37e chart=1f4b9 chart_with_downwards_trend=1f4c9
chart_with_upwards_trend=1f4c8 checkered_flag=1f3c1 cheese=1f9c0 cherries=1f352
cherry_blossom=1f338 chess_pawn=265f-fe0f chestnut=1f330 chicken=1f414 child=1f9d2
children_crossing=1f6b8 chile=1f1e8-1f1f1 chipmunk=1f43f-fe0f chocolate_bar=1f36b
chopsticks=1f962 christmas_island=1f1e8-1f1fd christmas_tree=1f384 church=26ea cinema=1f3a6
circus_tent=1f3aa city_sunrise=1f307 city_sunset=1f306 cityscape=1f3d9-fe0f cl=1f191
clamp=1f5dc-fe0f clap=1f44f clapper=1f3ac classical_building=1f3db-fe0f climbing=1f9d7
climbing_man=1f9d7-200d-2642-fe0f climbing_woman=1f9d7-200d-2640-fe0f clinking_glasses=1f942
clipboard=1f4cb clipperton_island=1f1e8-1f1f5 clock1=1f550 clock10=1f559 clock1030=1f565
clock11=1f55a clock1130=1f566 clock12=1f55b clock1230=1f567 clock130=1f55c clock2=1f551
clock230=1f55d clock3=1f552 clock330=1f55e clock4=1f553 clock430=1f55f clock5=1f554
clock530=1f560 clock6=1f555 clock630=1f561 clock7=1f556 clock730=1f562 clock8=1f557
clock830=1f563 clock9=1f558 clock930=1f564 closed_book=1f4d5 closed_lock_with_key=1f510
closed_umbrella=1f302 cloud=2601-fe0f cloud_with_lightning=1f329-fe0f
cloud_with_lightning_and_rain=26c8-fe0f cloud_with_rain=1f327-fe0f
cloud_with_snow=1f328-fe0f clown_face=1f921 clubs=2663-fe0f cn=1f1e8-1f1f3 coat=1f9e5
cockroach=1fab3 cocktail=1f378 coconut=1f965 cocos_islands=1f1e8-1f1e8 coffee=2615
coffin=26b0-fe0f coin=1fa99 cold_face=1f976 cold_sweat=1f630 collision=1f4a5
colombia=1f1e8-1f1f4 comet=2604-fe0f comoros=1f1f0-1f1f2 compass=1f9ed computer=1f4bb
computer_mouse=1f5b1-fe0f confetti_ball=1f38a confounded=1f616 confused=1f615
congo_brazzaville=1f1e8-1f1ec congo_kinshasa=1f1e8-1f1e9 congratulations=3297-fe0f
construction=1f6a7 construction_worker=1f477 construction_worker_man=1f477-200d-2642-fe0f
construction_worker_woman=1f477-200d-2640-fe0f control_knobs=1f39b-fe0f
convenience_store=1f3ea cook=1f9d1-200d-1f373 cook_islands=1f1e8-1f1f0 cookie=1f36a
cool=1f192 cop=1f46e copyright=a9-fe0f coral=1fab8 corn=1f33d costa_rica=1f1e8-1f1f7
cote_divoire=1f1e8-1f1ee couch_and_lamp=1f6cb-fe0f couple=1f46b couple_with_heart=1f491
couple_with_heart_man_man=1f468-200d-2764-fe0f-200d-1f468
couple_with_heart_woman_man=1f469-200d-2764-fe0f-200d-1f468
couple_with_heart_woman_woman=1f469-200d-2764-fe0f-200d-1f469 couplekiss=1f48f
couplekiss_man_man=1f468-200d-2764-fe0f-200d-1f48b-200d-1f468
couplekiss_man_woman=1f469-200d-2764-fe0f-200d-1f48b-200d-1f468
couplekiss_woman_woman=1f469-200d-2764-fe0f-200d-1f48b-200d-1f469 cow=1f42e cow2=1f404
cowboy_hat_face=1f920 crab=1f980 crayon=1f58d-fe0f credit_card=1f4b3 crescent_moon=1f319
cricket=1f997 cricket_game=1f3cf croatia=1f1ed-1f1f7 crocodile=1f40a croissant=1f950
crossed_fingers=1f91e crossed_flags=1f38c crossed_swords=2694-fe0f crown=1f451 crutch=1fa7c
cry=1f622 crying_cat_face=1f63f crystal_ball=1f52e cuba=1f1e8-1f1fa cucumber=1f952
cup_with_straw=1f964 cupcake=1f9c1 cupid=1f498 curacao=1f1e8-1f1fc curling_stone=1f94c
curly_haired_man=1f468-200d-1f9b1 curly_haired_woman=1f469-200d-1f9b1 curly_loop=27b0
currency_exchange=1f4b1 curry=1f35b cursing_face=1f92c custard=1f36e customs=1f6c3
cut_of_meat=1f969 cyclone=1f300 cyprus=1f1e8-1f1fe czech_republic=1f1e8-1f1ff
dagger=1f5e1-fe0f dancer=1f483 dancers=1f46f dancing_men=1f46f-200d-2642-fe0f
dancing_women=1f46f-200d-2640-fe0f dango=1f361 dark_sunglasses=1f576-fe0f dart=1f3af
dash=1f4a8 date=1f4c5 de=1f1e9-1f1ea deaf_man=1f9cf-200d-2642-fe0f deaf_person=1f9cf
deaf_woman=1f9cf-200d-2640-fe0f deciduous_tree=1f333 deer=1f98c denmark=1f1e9-1f1f0
department_store=1f3ec derelict_house=1f3da-fe0f desert=1f3dc-fe0f desert_island=1f3dd-fe0f
desktop_computer=1f5a5-fe0f detective=1f575-fe0f diamond_shape_with_a_dot_inside=1f4a0
diamonds=2666-fe0f diego_garcia=1f1e9-1f1ec disappointed=1f61e disappointed_relieved=1f625
disguised_face=1f978 diving_mask=1f93f diya_lamp=1fa94 dizzy=1f4ab dizzy_face=1f635
djibouti=1f1e9-1f1ef dna=1f9ec do_not_litter=1f6af dodo=1f9a4 dog=1f436 dog2=1f415
dollar=1f4b5 dolls=1f38e dolphin=1f42c dominica=1f1e9-1f1f2 dominican_republic=1f1e9-1f1f4
donkey=1facf door=1f6aa dotted_line_face=1fae5 doughnut=1f369 dove=1f54a-fe0f dragon=1f409
dragon_face=1f432 dress=1f457 dromedary_camel=1f42a drooling_face=1f924 drop_of_blood=1fa78
droplet=1f4a7 drum=1f941 duck=1f986 dumpling=1f95f dvd=1f4c0 e-mail=1f4e7 eagle=1f985
ear=1f442 ear_of_rice=1f33e ear_with_hearing_aid=1f9bb earth_africa=1f30d
earth_americas=1f30e earth_asia=1f30f ecuador=1f1ea-1f1e8 egg=1f95a eggplant=1f346
egypt=1f1ea-1f1ec eight=38-fe0f-20e3 eight_pointed_black_star=2734-fe0f
eight_spoked_asterisk=2733-fe0f eject_button=23cf-fe0f el_salvador=1f1f8-1f1fb
electric_plug=1f50c elephant=1f418 elevator=1f6d7 elf=1f9dd elf_man=1f9dd-200d-2642-fe0f
elf_woman=1f9dd-200d-2640-fe0f email=1f4e7 empty_nest=1fab9 end=1f51a
england=1f3f4-e0067-e0062-e0065-e006e-e0067-e007f envelope=2709-fe0f
envelope_with_arrow=1f4e9 equatorial_guinea=1f1ec-1f1f6 eritrea=1f1ea-1f1f7 es=1f1ea-1f1f8
estonia=1f1ea-1f1ea ethiopia=1f1ea-1f1f9 eu=1f1ea-1f1fa euro=1f4b6 european_castle=1f3f0
european_post_office=1f3e4 european_union=1f1ea-1f1fa evergreen_tree=1f332 exclamation=2757
exploding_head=1f92f expressionless=1f611 eye=1f441-fe0f
eye_speech_bubble=1f441-fe0f-200d-1f5e8-fe0f eyeglasses=1f453 eyes=1f440
face_exhaling=1f62e-200d-1f4a8 face_holding_back_tears=1f979
face_in_clouds=1f636-200d-1f32b-fe0f face_with_diagonal_mouth=1fae4
face_with_head_bandage=1f915 face_with_open_eyes_and_hand_over_mouth=1fae2
face_with_peeking_eye=1fae3 face_with_spiral_eyes=1f635-200d-1f4ab
face_with_thermometer=1f912 facepalm=1f926 facepunch=1f44a factory=1f3ed
factory_worker=1f9d1-200d-1f3ed fairy=1f9da fairy_man=1f9da-200d-2642-fe0f
fairy_woman=1f9da-200d-2640-fe0f falafel=1f9c6 falkland_islands=1f1eb-1f1f0
fallen_leaf=1f342 family=1f46a family_man_boy=1f468-200d-1f466
family_man_boy_boy=1f468-200d-1f466-200d-1f466 family_man_girl=1f468-200d-1f467
family_man_girl_boy=1f468-200d-1f467-200d-1f466
family_man_girl_girl=1f468-200d-1f467-200d-1f467
family_man_man_boy=1f468-200d-1f468-200d-1f466
family_man_man_boy_boy=1f468-200d-1f468-200d-1f466-200d-1f466
family_man_man_girl=1f468-200d-1f468-200d-1f467
family_man_man_girl_boy=1f468-200d-1f468-200d-1f467-200d-1f466
family_man_man_girl_girl=1f468-200d-1f468-200d-1f467-200d-1f467
family_man_woman_boy=1f468-200d-1f469-200d-1f466
family_man_woman_boy_boy=1f468-200d-1f469-200d-1f466-200d-1f466
family_man_woman_girl=1f468-200d-1f469-200d-1f467
family_man_woman_girl_boy=1f468-200d-1f469-200d-1f467-200d-1f466
family_man_woman_girl_girl=1f468-200d-1f469-200d-1f467-200d-1f467
family_woman_boy=1f469-200d-1f466 family_woman_boy_boy=1f469-200d-1f466-200d-1f466
family_woman_girl=1f469-200d-1f467 family_woman_girl_boy=1f469-200d-1f467-200d-1f466
family_woman_girl_girl=1f469-200d-1f467-200d-1f467
family_woman_woman_boy=1f469-200d-1f469-200d-1f466
family_woman_woman_boy_boy=1f469-200d-1f469-200d-1f466-200d-1f466
family_woman_woman_girl=1f469-200d-1f469-200d-1f467
family_woman_woman_girl_boy=1f469-200d-1f469-200d-1f467-200d-1f466
family_woman_woman_girl_girl=1f469-200d-1f469-200d-1f467-200d-1f467 farmer=1f9d1-200d-1f33e
faroe_islands=1f1eb-1f1f4 fast_forward=23e9 fax=1f4e0 fearful=1f628 feather=1fab6 feet=1f43e
female_detective=1f575-fe0f-200d-2640-fe0f female_sign=2640-fe0f ferris_wheel=1f3a1
ferry=26f4-fe0f field_hockey=1f3d1 fiji=1f1eb-1f1ef file_cabinet=1f5c4-fe0f
file_folder=1f4c1 film_projector=1f4fd-fe0f film_strip=1f39e-fe0f finland=1f1eb-1f1ee
fire=1f525 fire_engine=1f692 fire_extinguisher=1f9ef firecracker=1f9e8
firefighter=1f9d1-200d-1f692 fireworks=1f386 first_quarter_moon=1f313
first_quarter_moon_with_face=1f31b fish=1f41f fish_cake=1f365 fishing_pole_and_fish=1f3a3
fist=270a fist_left=1f91b fist_oncoming=1f44a fist_raised=270a fist_right=1f91c
five=35-fe0f-20e3 flags=1f38f flamingo=1f9a9 flashlight=1f526 flat_shoe=1f97f
flatbread=1fad3 fleur_de_lis=269c-fe0f flight_arrival=1f6ec flight_departure=1f6eb
flipper=1f42c floppy_disk=1f4be flower_playing_cards=1f3b4 flushed=1f633 flute=1fa88
fly=1fab0 flying_disc=1f94f flying_saucer=1f6f8 fog=1f32b-fe0f foggy=1f301
folding_hand_fan=1faad fondue=1fad5 foot=1f9b6 football=1f3c8 footprints=1f463
fork_and_knife=1f374 fortune_cookie=1f960 fountain=26f2 fountain_pen=1f58b-fe0f
four=34-fe0f-20e3 four_leaf_clover=1f340 fox_face=1f98a fr=1f1eb-1f1f7
framed_picture=1f5bc-fe0f free=1f193 french_guiana=1f1ec-1f1eb french_polynesia=1f1f5-1f1eb
french_southern_territories=1f1f9-1f1eb fried_egg=1f373 fried_shrimp=1f364 fries=1f35f
frog=1f438 frowning=1f626 frowning_face=2639-fe0f frowning_man=1f64d-200d-2642-fe0f
frowning_person=1f64d frowning_woman=1f64d-200d-2640-fe0f fu=1f595 fuelpump=26fd
full_moon=1f315 full_moon_with_face=1f31d funeral_urn=26b1-fe0f gabon=1f1ec-1f1e6
gambia=1f1ec-1f1f2 game_die=1f3b2 garlic=1f9c4 gb=1f1ec-1f1e7 gear=2699-fe0f gem=1f48e
gemini=264a genie=1f9de genie_man=1f9de-200d-2642-fe0f genie_woman=1f9de-200d-2640-fe0f
georgia=1f1ec-1f1ea ghana=1f1ec-1f1ed ghost=1f47b gibraltar=1f1ec-1f1ee gift=1f381
gift_heart=1f49d ginger_root=1fada giraffe=1f992 girl=1f467 globe_with_meridians=1f310
gloves=1f9e4 goal_net=1f945 goat=1f410 goggles=1f97d golf=26f3 golfing=1f3cc-fe0f
golfing_man=1f3cc-fe0f-200d-2642-fe0f golfing_woman=1f3cc-fe0f-200d-2640-fe0f goose=1fabf
gorilla=1f98d grapes=1f347 greece=1f1ec-1f1f7 green_apple=1f34f green_book=1f4d7
green_circle=1f7e2 green_heart=1f49a green_salad=1f957 green_square=1f7e9
greenland=1f1ec-1f1f1 grenada=1f1ec-1f1e9 grey_exclamation=2755 grey_heart=1fa76
grey_question=2754 grimacing=1f62c grin=1f601 grinning=1f600 guadeloupe=1f1ec-1f1f5
guam=1f1ec-1f1fa guard=1f482 guardsman=1f482-200d-2642-fe0f guardswoman=1f482-200d-2640-fe0f
guatemala=1f1ec-1f1f9 guernsey=1f1ec-1f1ec guide_dog=1f9ae guinea=1f1ec-1f1f3
guinea_bissau=1f1ec-1f1fc guitar=1f3b8 gun=1f52b guyana=1f1ec-1f1fe hair_pick=1faae
haircut=1f487 haircut_man=1f487-200d-2642-fe0f haircut_woman=1f487-200d-2640-fe0f
haiti=1f1ed-1f1f9 hamburger=1f354 hammer=1f528 hammer_and_pick=2692-fe0f
hammer_and_wrench=1f6e0-fe0f hamsa=1faac hamster=1f439 hand=270b hand_over_mouth=1f92d
hand_with_index_finger_and_thumb_crossed=1faf0 handbag=1f45c handball_person=1f93e
handshake=1f91d hankey=1f4a9 hash=23-fe0f-20e3 hatched_chick=1f425 hatching_chick=1f423
headphones=1f3a7 headstone=1faa6 health_worker=1f9d1-200d-2695-fe0f hear_no_evil=1f649
heard_mcdonald_islands=1f1ed-1f1f2 heart=2764-fe0f heart_decoration=1f49f heart_eyes=1f60d
heart_eyes_cat=1f63b heart_hands=1faf6 heart_on_fire=2764-fe0f-200d-1f525 heartbeat=1f493
heartpulse=1f497 hearts=2665-fe0f heavy_check_mark=2714-fe0f heavy_division_sign=2797
heavy_dollar_sign=1f4b2 heavy_equals_sign=1f7f0 heavy_exclamation_mark=2757
heavy_heart_exclamation=2763-fe0f heavy_minus_sign=2796 heavy_multiplication_x=2716-fe0f
heavy_plus_sign=2795 hedgehog=1f994 helicopter=1f681 herb=1f33f hibiscus=1f33a
high_brightness=1f506 high_heel=1f460 hiking_boot=1f97e hindu_temple=1f6d5
hippopotamus=1f99b hocho=1f52a hole=1f573-fe0f honduras=1f1ed-1f1f3 honey_pot=1f36f
honeybee=1f41d hong_kong=1f1ed-1f1f0 hook=1fa9d horse=1f434 horse_racing=1f3c7
hospital=1f3e5 hot_face=1f975 hot_pepper=1f336-fe0f hotdog=1f32d hotel=1f3e8
hotsprings=2668-fe0f hourglass=231b hourglass_flowing_sand=23f3 house=1f3e0
house_with_garden=1f3e1 houses=1f3d8-fe0f hugs=1f917 hungary=1f1ed-1f1fa hushed=1f62f
hut=1f6d6 hyacinth=1fabb ice_cream=1f368 ice_cube=1f9ca ice_hockey=1f3d2 ice_skate=26f8-fe0f
icecream=1f366 iceland=1f1ee-1f1f8 id=1f194 identification_card=1faaa
ideograph_advantage=1f250 imp=1f47f inbox_tray=1f4e5 incoming_envelope=1f4e8
index_pointing_at_the_viewer=1faf5 india=1f1ee-1f1f3 indonesia=1f1ee-1f1e9
infinity=267e-fe0f information_desk_person=1f481 information_source=2139-fe0f innocent=1f607
interrobang=2049-fe0f iphone=1f4f1 iran=1f1ee-1f1f7 iraq=1f1ee-1f1f6 ireland=1f1ee-1f1ea
isle_of_man=1f1ee-1f1f2 israel=1f1ee-1f1f1 it=1f1ee-1f1f9 izakaya_lantern=1f3ee
jack_o_lantern=1f383 jamaica=1f1ef-1f1f2 japan=1f5fe japanese_castle=1f3ef
japanese_goblin=1f47a japanese_ogre=1f479 jar=1fad9 jeans=1f456 jellyfish=1fabc
jersey=1f1ef-1f1ea jigsaw=1f9e9 jordan=1f1ef-1f1f4 joy=1f602 joy_cat=1f639
joystick=1f579-fe0f jp=1f1ef-1f1f5 judge=1f9d1-200d-2696-fe0f juggling_person=1f939
kaaba=1f54b kangaroo=1f998 kazakhstan=1f1f0-1f1ff kenya=1f1f0-1f1ea key=1f511
keyboard=2328-fe0f keycap_ten=1f51f khanda=1faaf kick_scooter=1f6f4 kimono=1f458
kiribati=1f1f0-1f1ee kiss=1f48b kissing=1f617 kissing_cat=1f63d kissing_closed_eyes=1f61a
kissing_heart=1f618 kissing_smiling_eyes=1f619 kite=1fa81 kiwi_fruit=1f95d
kneeling_man=1f9ce-200d-2642-fe0f kneeling_person=1f9ce kneeling_woman=1f9ce-200d-2640-fe0f
knife=1f52a knot=1faa2 koala=1f428 koko=1f201 kosovo=1f1fd-1f1f0 kr=1f1f0-1f1f7
kuwait=1f1f0-1f1fc kyrgyzstan=1f1f0-1f1ec lab_coat=1f97c label=1f3f7-fe0f lacrosse=1f94d
ladder=1fa9c lady_beetle=1f41e lantern=1f3ee laos=1f1f1-1f1e6 large_blue_circle=1f535
large_blue_diamond=1f537 large_orange_diamond=1f536 last_quarter_moon=1f317
last_quarter_moon_with_face=1f31c latin_cross=271d-fe0f latvia=1f1f1-1f1fb laughing=1f606
leafy_green=1f96c leaves=1f343 lebanon=1f1f1-1f1e7 ledger=1f4d2 left_luggage=1f6c5
left_right_arrow=2194-fe0f left_speech_bubble=1f5e8-fe0f leftwards_arrow_with_hook=21a9-fe0f
leftwards_hand=1faf2 leftwards_pushing_hand=1faf7 leg=1f9b5 lemon=1f34b leo=264c
leopard=1f406 lesotho=1f1f1-1f1f8 level_slider=1f39a-fe0f liberia=1f1f1-1f1f7 libra=264e
libya=1f1f1-1f1fe liechtenstein=1f1f1-1f1ee light_blue_heart=1fa75 light_rail=1f688
link=1f517 lion=1f981 lips=1f444 lipstick=1f484 lithuania=1f1f1-1f1f9 lizard=1f98e
llama=1f999 lobster=1f99e lock=1f512 lock_with_ink_pen=1f50f lollipop=1f36d long_drum=1fa98
loop=27bf lotion_bottle=1f9f4 lotus=1fab7 lotus_position=1f9d8
lotus_position_man=1f9d8-200d-2642-fe0f lotus_position_woman=1f9d8-200d-2640-fe0f
loud_sound=1f50a loudspeaker=1f4e2 love_hotel=1f3e9 love_letter=1f48c love_you_gesture=1f91f
low_battery=1faab low_brightness=1f505 luggage=1f9f3 lungs=1fac1 luxembourg=1f1f1-1f1fa
lying_face=1f925 m=24c2-fe0f macau=1f1f2-1f1f4 macedonia=1f1f2-1f1f0 madagascar=1f1f2-1f1ec
mag=1f50d mag_right=1f50e mage=1f9d9 mage_man=1f9d9-200d-2642-fe0f
mage_woman=1f9d9-200d-2640-fe0f magic_wand=1fa84 magnet=1f9f2 mahjong=1f004 mailbox=1f4eb
mailbox_closed=1f4ea mailbox_with_mail=1f4ec mailbox_with_no_mail=1f4ed malawi=1f1f2-1f1fc
malaysia=1f1f2-1f1fe maldives=1f1f2-1f1fb male_detective=1f575-fe0f-200d-2642-fe0f
male_sign=2642-fe0f mali=1f1f2-1f1f1 malta=1f1f2-1f1f9 mammoth=1f9a3 man=1f468
man_artist=1f468-200d-1f3a8 man_astronaut=1f468-200d-1f680 man_beard=1f9d4-200d-2642-fe0f
man_cartwheeling=1f938-200d-2642-fe0f man_cook=1f468-200d-1f373 man_dancing=1f57a
man_facepalming=1f926-200d-2642-fe0f man_factory_worker=1f468-200d-1f3ed
man_farmer=1f468-200d-1f33e man_feeding_baby=1f468-200d-1f37c
man_firefighter=1f468-200d-1f692 man_health_worker=1f468-200d-2695-fe0f
man_in_manual_wheelchair=1f468-200d-1f9bd man_in_motorized_wheelchair=1f468-200d-1f9bc
man_in_tuxedo=1f935-200d-2642-fe0f man_judge=1f468-200d-2696-fe0f
man_juggling=1f939-200d-2642-fe0f man_mechanic=1f468-200d-1f527
man_office_worker=1f468-200d-1f4bc man_pilot=1f468-200d-2708-fe0f
man_playing_handball=1f93e-200d-2642-fe0f man_playing_water_polo=1f93d-200d-2642-fe0f
man_scientist=1f468-200d-1f52c man_shrugging=1f937-200d-2642-fe0f
man_singer=1f468-200d-1f3a4 man_student=1f468-200d-1f393 man_teacher=1f468-200d-1f3eb
man_technologist=1f468-200d-1f4bb man_with_gua_pi_mao=1f472
man_with_probing_cane=1f468-200d-1f9af man_with_turban=1f473-200d-2642-fe0f
man_with_veil=1f470-200d-2642-fe0f mandarin=1f34a mango=1f96d mans_shoe=1f45e
mantelpiece_clock=1f570-fe0f manual_wheelchair=1f9bd maple_leaf=1f341 maracas=1fa87
marshall_islands=1f1f2-1f1ed martial_arts_uniform=1f94b martinique=1f1f2-1f1f6 mask=1f637
massage=1f486 massage_man=1f486-200d-2642-fe0f massage_woman=1f486-200d-2640-fe0f mate=1f9c9
mauritania=1f1f2-1f1f7 mauritius=1f1f2-1f1fa mayotte=1f1fe-1f1f9 meat_on_bone=1f356
mechanic=1f9d1-200d-1f527 mechanical_arm=1f9be mechanical_leg=1f9bf
medal_military=1f396-fe0f medal_sports=1f3c5 medical_symbol=2695-fe0f mega=1f4e3 melon=1f348
melting_face=1fae0 memo=1f4dd men_wrestling=1f93c-200d-2642-fe0f
mending_heart=2764-fe0f-200d-1fa79 menorah=1f54e mens=1f6b9 mermaid=1f9dc-200d-2640-fe0f
merman=1f9dc-200d-2642-fe0f merperson=1f9dc metal=1f918 metro=1f687 mexico=1f1f2-1f1fd
microbe=1f9a0 micronesia=1f1eb-1f1f2 microphone=1f3a4 microscope=1f52c middle_finger=1f595
military_helmet=1fa96 milk_glass=1f95b milky_way=1f30c minibus=1f690 minidisc=1f4bd
mirror=1fa9e mirror_ball=1faa9 mobile_phone_off=1f4f4 moldova=1f1f2-1f1e9 monaco=1f1f2-1f1e8
money_mouth_face=1f911 money_with_wings=1f4b8 moneybag=1f4b0 mongolia=1f1f2-1f1f3
monkey=1f412 monkey_face=1f435 monocle_face=1f9d0 monorail=1f69d montenegro=1f1f2-1f1ea
montserrat=1f1f2-1f1f8 moon=1f314 moon_cake=1f96e moose=1face morocco=1f1f2-1f1e6
mortar_board=1f393 mosque=1f54c mosquito=1f99f motor_boat=1f6e5-fe0f motor_scooter=1f6f5
motorcycle=1f3cd-fe0f motorized_wheelchair=1f9bc motorway=1f6e3-fe0f mount_fuji=1f5fb
mountain=26f0-fe0f mountain_bicyclist=1f6b5 mountain_biking_man=1f6b5-200d-2642-fe0f
mountain_biking_woman=1f6b5-200d-2640-fe0f mountain_cableway=1f6a0 mountain_railway=1f69e
mountain_snow=1f3d4-fe0f mouse=1f42d mouse2=1f401 mouse_trap=1faa4 movie_camera=1f3a5
moyai=1f5ff mozambique=1f1f2-1f1ff mrs_claus=1f936 muscle=1f4aa mushroom=1f344
musical_keyboard=1f3b9 musical_note=1f3b5 musical_score=1f3bc mute=1f507
mx_claus=1f9d1-200d-1f384 myanmar=1f1f2-1f1f2 nail_care=1f485 name_badge=1f4db
namibia=1f1f3-1f1e6 national_park=1f3de-fe0f nauru=1f1f3-1f1f7 nauseated_face=1f922
nazar_amulet=1f9ff necktie=1f454 negative_squared_cross_mark=274e nepal=1f1f3-1f1f5
nerd_face=1f913 nest_with_eggs=1faba nesting_dolls=1fa86 netherlands=1f1f3-1f1f1
neutral_face=1f610 new=1f195 new_caledonia=1f1f3-1f1e8 new_moon=1f311
new_moon_with_face=1f31a new_zealand=1f1f3-1f1ff newspaper=1f4f0 newspaper_roll=1f5de-fe0f
next_track_button=23ed-fe0f ng=1f196 ng_man=1f645-200d-2642-fe0f
ng_woman=1f645-200d-2640-fe0f nicaragua=1f1f3-1f1ee niger=1f1f3-1f1ea nigeria=1f1f3-1f1ec
night_with_stars=1f303 nine=39-fe0f-20e3 ninja=1f977 niue=1f1f3-1f1fa no_bell=1f515
no_bicycles=1f6b3 no_entry=26d4 no_entry_sign=1f6ab no_good=1f645
no_good_man=1f645-200d-2642-fe0f no_good_woman=1f645-200d-2640-fe0f no_mobile_phones=1f4f5
no_mouth=1f636 no_pedestrians=1f6b7 no_smoking=1f6ad non-potable_water=1f6b1
norfolk_island=1f1f3-1f1eb north_korea=1f1f0-1f1f5 northern_mariana_islands=1f1f2-1f1f5
norway=1f1f3-1f1f4 nose=1f443 notebook=1f4d3 notebook_with_decorative_cover=1f4d4
notes=1f3b6 nut_and_bolt=1f529 o=2b55 o2=1f17e-fe0f ocean=1f30a octopus=1f419 oden=1f362
office=1f3e2 office_worker=1f9d1-200d-1f4bc oil_drum=1f6e2-fe0f ok=1f197 ok_hand=1f44c
ok_man=1f646-200d-2642-fe0f ok_person=1f646 ok_woman=1f646-200d-2640-fe0f old_key=1f5dd-fe0f
older_adult=1f9d3 older_man=1f474 older_woman=1f475 olive=1fad2 om=1f549-fe0f
oman=1f1f4-1f1f2 on=1f51b oncoming_automobile=1f698 oncoming_bus=1f68d
oncoming_police_car=1f694 oncoming_taxi=1f696 one=31-fe0f-20e3 one_piece_swimsuit=1fa71
onion=1f9c5 open_book=1f4d6 open_file_folder=1f4c2 open_hands=1f450 open_mouth=1f62e
open_umbrella=2602-fe0f ophiuchus=26ce orange=1f34a orange_book=1f4d9 orange_circle=1f7e0
orange_heart=1f9e1 orange_square=1f7e7 orangutan=1f9a7 orthodox_cross=2626-fe0f otter=1f9a6
outbox_tray=1f4e4 owl=1f989 ox=1f402 oyster=1f9aa package=1f4e6 page_facing_up=1f4c4
page_with_curl=1f4c3 pager=1f4df paintbrush=1f58c-fe0f pakistan=1f1f5-1f1f0
palau=1f1f5-1f1fc palestinian_territories=1f1f5-1f1f8 palm_down_hand=1faf3 palm_tree=1f334
palm_up_hand=1faf4 palms_up_together=1f932 panama=1f1f5-1f1e6 pancakes=1f95e
panda_face=1f43c paperclip=1f4ce paperclips=1f587-fe0f papua_new_guinea=1f1f5-1f1ec
parachute=1fa82 paraguay=1f1f5-1f1fe parasol_on_ground=26f1-fe0f parking=1f17f-fe0f
parrot=1f99c part_alternation_mark=303d-fe0f partly_sunny=26c5 partying_face=1f973
passenger_ship=1f6f3-fe0f passport_control=1f6c2 pause_button=23f8-fe0f paw_prints=1f43e
pea_pod=1fadb peace_symbol=262e-fe0f peach=1f351 peacock=1f99a peanuts=1f95c pear=1f350
pen=1f58a-fe0f pencil=1f4dd pencil2=270f-fe0f penguin=1f427 pensive=1f614
people_holding_hands=1f9d1-200d-1f91d-200d-1f9d1 people_hugging=1fac2 performing_arts=1f3ad
persevere=1f623 person_bald=1f9d1-200d-1f9b2 person_curly_hair=1f9d1-200d-1f9b1
person_feeding_baby=1f9d1-200d-1f37c person_fencing=1f93a
person_in_manual_wheelchair=1f9d1-200d-1f9bd person_in_motorized_wheelchair=1f9d1-200d-1f9bc
person_in_tuxedo=1f935 person_red_hair=1f9d1-200d-1f9b0 person_white_hair=1f9d1-200d-1f9b3
person_with_crown=1fac5 person_with_probing_cane=1f9d1-200d-1f9af person_with_turban=1f473
person_with_veil=1f470 peru=1f1f5-1f1ea petri_dish=1f9eb philippines=1f1f5-1f1ed
phone=260e-fe0f pick=26cf-fe0f pickup_truck=1f6fb pie=1f967 pig=1f437 pig2=1f416
pig_nose=1f43d pill=1f48a pilot=1f9d1-200d-2708-fe0f pinata=1fa85 pinched_fingers=1f90c
pinching_hand=1f90f pineapple=1f34d ping_pong=1f3d3 pink_heart=1fa77
pirate_flag=1f3f4-200d-2620-fe0f pisces=2653 pitcairn_islands=1f1f5-1f1f3 pizza=1f355
placard=1faa7 place_of_worship=1f6d0 plate_with_cutlery=1f37d-fe0f
play_or_pause_button=23ef-fe0f playground_slide=1f6dd pleading_face=1f97a plunger=1faa0
point_down=1f447 point_left=1f448 point_right=1f449 point_up=261d-fe0f point_up_2=1f446
poland=1f1f5-1f1f1 polar_bear=1f43b-200d-2744-fe0f police_car=1f693 police_officer=1f46e
policeman=1f46e-200d-2642-fe0f policewoman=1f46e-200d-2640-fe0f poodle=1f429 poop=1f4a9
popcorn=1f37f portugal=1f1f5-1f1f9 post_office=1f3e3 postal_horn=1f4ef postbox=1f4ee
potable_water=1f6b0 potato=1f954 potted_plant=1fab4 pouch=1f45d poultry_leg=1f357
pound=1f4b7 pouring_liquid=1fad7 pout=1f621 pouting_cat=1f63e pouting_face=1f64e
pouting_man=1f64e-200d-2642-fe0f pouting_woman=1f64e-200d-2640-fe0f pray=1f64f
prayer_beads=1f4ff pregnant_man=1fac3 pregnant_person=1fac4 pregnant_woman=1f930
pretzel=1f968 previous_track_button=23ee-fe0f prince=1f934 princess=1f478 printer=1f5a8-fe0f
probing_cane=1f9af puerto_rico=1f1f5-1f1f7 punch=1f44a purple_circle=1f7e3
purple_heart=1f49c purple_square=1f7ea purse=1f45b pushpin=1f4cc
put_litter_in_its_place=1f6ae qatar=1f1f6-1f1e6 question=2753 rabbit=1f430 rabbit2=1f407
raccoon=1f99d racehorse=1f40e racing_car=1f3ce-fe0f radio=1f4fb radio_button=1f518
radioactive=2622-fe0f rage=1f621 railway_car=1f683 railway_track=1f6e4-fe0f rainbow=1f308
rainbow_flag=1f3f3-fe0f-200d-1f308 raised_back_of_hand=1f91a raised_eyebrow=1f928
raised_hand=270b raised_hand_with_fingers_splayed=1f590-fe0f raised_hands=1f64c
raising_hand=1f64b raising_hand_man=1f64b-200d-2642-fe0f
raising_hand_woman=1f64b-200d-2640-fe0f ram=1f40f ramen=1f35c rat=1f400 razor=1fa92
receipt=1f9fe record_button=23fa-fe0f recycle=267b-fe0f red_car=1f697 red_circle=1f534
red_envelope=1f9e7 red_haired_man=1f468-200d-1f9b0 red_haired_woman=1f469-200d-1f9b0
red_square=1f7e5 registered=ae-fe0f relaxed=263a-fe0f relieved=1f60c
reminder_ribbon=1f397-fe0f repeat=1f501 repeat_one=1f502 rescue_worker_helmet=26d1-fe0f
restroom=1f6bb reunion=1f1f7-1f1ea revolving_hearts=1f49e rewind=23ea rhinoceros=1f98f
ribbon=1f380 rice=1f35a rice_ball=1f359 rice_cracker=1f358 rice_scene=1f391
right_anger_bubble=1f5ef-fe0f rightwards_hand=1faf1 rightwards_pushing_hand=1faf8 ring=1f48d
ring_buoy=1f6df ringed_planet=1fa90 robot=1f916 rock=1faa8 rocket=1f680 rofl=1f923
roll_eyes=1f644 roll_of_paper=1f9fb roller_coaster=1f3a2 roller_skate=1f6fc
romania=1f1f7-1f1f4 rooster=1f413 rose=1f339 rosette=1f3f5-fe0f rotating_light=1f6a8
round_pushpin=1f4cd rowboat=1f6a3 rowing_man=1f6a3-200d-2642-fe0f
rowing_woman=1f6a3-200d-2640-fe0f ru=1f1f7-1f1fa rugby_football=1f3c9 runner=1f3c3
running=1f3c3 running_man=1f3c3-200d-2642-fe0f running_shirt_with_sash=1f3bd
running_woman=1f3c3-200d-2640-fe0f rwanda=1f1f7-1f1fc sa=1f202-fe0f safety_pin=1f9f7
safety_vest=1f9ba sagittarius=2650 sailboat=26f5 sake=1f376 salt=1f9c2 saluting_face=1fae1
samoa=1f1fc-1f1f8 san_marino=1f1f8-1f1f2 sandal=1f461 sandwich=1f96a santa=1f385
sao_tome_principe=1f1f8-1f1f9 sari=1f97b sassy_man=1f481-200d-2642-fe0f
sassy_woman=1f481-200d-2640-fe0f satellite=1f4e1 satisfied=1f606 saudi_arabia=1f1f8-1f1e6
sauna_man=1f9d6-200d-2642-fe0f sauna_person=1f9d6 sauna_woman=1f9d6-200d-2640-fe0f
sauropod=1f995 saxophone=1f3b7 scarf=1f9e3 school=1f3eb school_satchel=1f392
scientist=1f9d1-200d-1f52c scissors=2702-fe0f scorpion=1f982 scorpius=264f
scotland=1f3f4-e0067-e0062-e0073-e0063-e0074-e007f scream=1f631 scream_cat=1f640
screwdriver=1fa9b scroll=1f4dc seal=1f9ad seat=1f4ba secret=3299-fe0f see_no_evil=1f648
seedling=1f331 selfie=1f933 senegal=1f1f8-1f1f3 serbia=1f1f7-1f1f8
service_dog=1f415-200d-1f9ba seven=37-fe0f-20e3 sewing_needle=1faa1 seychelles=1f1f8-1f1e8
shaking_face=1fae8 shallow_pan_of_food=1f958 shamrock=2618-fe0f shark=1f988 shaved_ice=1f367
sheep=1f411 shell=1f41a shield=1f6e1-fe0f shinto_shrine=26e9-fe0f ship=1f6a2 shirt=1f455
shit=1f4a9 shoe=1f45e shopping=1f6cd-fe0f shopping_cart=1f6d2 shorts=1fa73 shower=1f6bf
shrimp=1f990 shrug=1f937 shushing_face=1f92b sierra_leone=1f1f8-1f1f1 signal_strength=1f4f6
singapore=1f1f8-1f1ec singer=1f9d1-200d-1f3a4 sint_maarten=1f1f8-1f1fd six=36-fe0f-20e3
six_pointed_star=1f52f skateboard=1f6f9 ski=1f3bf skier=26f7-fe0f skull=1f480
skull_and_crossbones=2620-fe0f skunk=1f9a8 sled=1f6f7 sleeping=1f634 sleeping_bed=1f6cc
sleepy=1f62a slightly_frowning_face=1f641 slightly_smiling_face=1f642 slot_machine=1f3b0
sloth=1f9a5 slovakia=1f1f8-1f1f0 slovenia=1f1f8-1f1ee small_airplane=1f6e9-fe0f
small_blue_diamond=1f539 small_orange_diamond=1f538 small_red_triangle=1f53a
small_red_triangle_down=1f53b smile=1f604 smile_cat=1f638 smiley=1f603 smiley_cat=1f63a
smiling_face_with_tear=1f972 smiling_face_with_three_hearts=1f970 smiling_imp=1f608
smirk=1f60f smirk_cat=1f63c smoking=1f6ac snail=1f40c snake=1f40d sneezing_face=1f927
snowboarder=1f3c2 snowflake=2744-fe0f snowman=26c4 snowman_with_snow=2603-fe0f soap=1f9fc
sob=1f62d soccer=26bd socks=1f9e6 softball=1f94e solomon_islands=1f1f8-1f1e7
somalia=1f1f8-1f1f4 soon=1f51c sos=1f198 sound=1f509 south_africa=1f1ff-1f1e6
south_georgia_south_sandwich_islands=1f1ec-1f1f8 south_sudan=1f1f8-1f1f8 space_invader=1f47e
spades=2660-fe0f spaghetti=1f35d sparkle=2747-fe0f sparkler=1f387 sparkles=2728
sparkling_heart=1f496 speak_no_evil=1f64a speaker=1f508 speaking_head=1f5e3-fe0f
speech_balloon=1f4ac speedboat=1f6a4 spider=1f577-fe0f spider_web=1f578-fe0f
spiral_calendar=1f5d3-fe0f spiral_notepad=1f5d2-fe0f sponge=1f9fd spoon=1f944 squid=1f991
sri_lanka=1f1f1-1f1f0 st_barthelemy=1f1e7-1f1f1 st_helena=1f1f8-1f1ed
st_kitts_nevis=1f1f0-1f1f3 st_lucia=1f1f1-1f1e8 st_martin=1f1f2-1f1eb
st_pierre_miquelon=1f1f5-1f1f2 st_vincent_grenadines=1f1fb-1f1e8 stadium=1f3df-fe0f
standing_man=1f9cd-200d-2642-fe0f standing_person=1f9cd standing_woman=1f9cd-200d-2640-fe0f
star=2b50 star2=1f31f star_and_crescent=262a-fe0f star_of_david=2721-fe0f star_struck=1f929
stars=1f320 station=1f689 statue_of_liberty=1f5fd steam_locomotive=1f682 stethoscope=1fa7a
stew=1f372 stop_button=23f9-fe0f stop_sign=1f6d1 stopwatch=23f1-fe0f straight_ruler=1f4cf
strawberry=1f353 stuck_out_tongue=1f61b stuck_out_tongue_closed_eyes=1f61d
stuck_out_tongue_winking_eye=1f61c student=1f9d1-200d-1f393 studio_microphone=1f399-fe0f
stuffed_flatbread=1f959 sudan=1f1f8-1f1e9 sun_behind_large_cloud=1f325-fe0f
sun_behind_rain_cloud=1f326-fe0f sun_behind_small_cloud=1f324-fe0f sun_with_face=1f31e
sunflower=1f33b sunglasses=1f60e sunny=2600-fe0f sunrise=1f305 sunrise_over_mountains=1f304
superhero=1f9b8 superhero_man=1f9b8-200d-2642-fe0f superhero_woman=1f9b8-200d-2640-fe0f
supervillain=1f9b9 supervillain_man=1f9b9-200d-2642-fe0f
supervillain_woman=1f9b9-200d-2640-fe0f surfer=1f3c4 surfing_man=1f3c4-200d-2642-fe0f
surfing_woman=1f3c4-200d-2640-fe0f suriname=1f1f8-1f1f7 sushi=1f363 suspension_railway=1f69f
svalbard_jan_mayen=1f1f8-1f1ef swan=1f9a2 swaziland=1f1f8-1f1ff sweat=1f613
sweat_drops=1f4a6 sweat_smile=1f605 sweden=1f1f8-1f1ea sweet_potato=1f360 swim_brief=1fa72
swimmer=1f3ca swimming_man=1f3ca-200d-2642-fe0f swimming_woman=1f3ca-200d-2640-fe0f
switzerland=1f1e8-1f1ed symbols=1f523 synagogue=1f54d syria=1f1f8-1f1fe syringe=1f489
t-rex=1f996 taco=1f32e tada=1f389 taiwan=1f1f9-1f1fc tajikistan=1f1f9-1f1ef
takeout_box=1f961 tamale=1fad4 tanabata_tree=1f38b tangerine=1f34a tanzania=1f1f9-1f1ff
taurus=2649 taxi=1f695 tea=1f375 teacher=1f9d1-200d-1f3eb teapot=1fad6
technologist=1f9d1-200d-1f4bb teddy_bear=1f9f8 telephone=260e-fe0f telephone_receiver=1f4de
telescope=1f52d tennis=1f3be tent=26fa test_tube=1f9ea thailand=1f1f9-1f1ed
thermometer=1f321-fe0f thinking=1f914 thong_sandal=1fa74 thought_balloon=1f4ad thread=1f9f5
three=33-fe0f-20e3 thumbsdown=1f44e thumbsup=1f44d ticket=1f3ab tickets=1f39f-fe0f
tiger=1f42f tiger2=1f405 timer_clock=23f2-fe0f timor_leste=1f1f9-1f1f1
tipping_hand_man=1f481-200d-2642-fe0f tipping_hand_person=1f481
tipping_hand_woman=1f481-200d-2640-fe0f tired_face=1f62b tm=2122-fe0f togo=1f1f9-1f1ec
toilet=1f6bd tokelau=1f1f9-1f1f0 tokyo_tower=1f5fc tomato=1f345 tonga=1f1f9-1f1f4
tongue=1f445 toolbox=1f9f0 tooth=1f9b7 toothbrush=1faa5 top=1f51d tophat=1f3a9
tornado=1f32a-fe0f tr=1f1f9-1f1f7 trackball=1f5b2-fe0f tractor=1f69c traffic_light=1f6a5
train=1f68b train2=1f686 tram=1f68a transgender_flag=1f3f3-fe0f-200d-26a7-fe0f
transgender_symbol=26a7-fe0f triangular_flag_on_post=1f6a9 triangular_ruler=1f4d0
trident=1f531 trinidad_tobago=1f1f9-1f1f9 tristan_da_cunha=1f1f9-1f1e6 triumph=1f624
troll=1f9cc trolleybus=1f68e trophy=1f3c6 tropical_drink=1f379 tropical_fish=1f420
truck=1f69a trumpet=1f3ba tshirt=1f455 tulip=1f337 tumbler_glass=1f943 tunisia=1f1f9-1f1f3
turkey=1f983 turkmenistan=1f1f9-1f1f2 turks_caicos_islands=1f1f9-1f1e8 turtle=1f422
tuvalu=1f1f9-1f1fb tv=1f4fa twisted_rightwards_arrows=1f500 two=32-fe0f-20e3
two_hearts=1f495 two_men_holding_hands=1f46c two_women_holding_hands=1f46d u5272=1f239
u5408=1f234 u55b6=1f23a u6307=1f22f u6708=1f237-fe0f u6709=1f236 u6e80=1f235 u7121=1f21a
u7533=1f238 u7981=1f232 u7a7a=1f233 uganda=1f1fa-1f1ec uk=1f1ec-1f1e7 ukraine=1f1fa-1f1e6
umbrella=2614 unamused=1f612 underage=1f51e unicorn=1f984 united_arab_emirates=1f1e6-1f1ea
united_nations=1f1fa-1f1f3 unlock=1f513 up=1f199 upside_down_face=1f643 uruguay=1f1fa-1f1fe
us=1f1fa-1f1f8 us_outlying_islands=1f1fa-1f1f2 us_virgin_islands=1f1fb-1f1ee
uzbekistan=1f1fa-1f1ff v=270c-fe0f vampire=1f9db vampire_man=1f9db-200d-2642-fe0f
vampire_woman=1f9db-200d-2640-fe0f vanuatu=1f1fb-1f1fa vatican_city=1f1fb-1f1e6
venezuela=1f1fb-1f1ea vertical_traffic_light=1f6a6 vhs=1f4fc vibration_mode=1f4f3
video_camera=1f4f9 video_game=1f3ae vietnam=1f1fb-1f1f3 violin=1f3bb virgo=264d
volcano=1f30b volleyball=1f3d0 vomiting_face=1f92e vs=1f19a vulcan_salute=1f596 waffle=1f9c7
wales=1f3f4-e0067-e0062-e0077-e006c-e0073-e007f walking=1f6b6
walking_man=1f6b6-200d-2642-fe0f walking_woman=1f6b6-200d-2640-fe0f
wallis_futuna=1f1fc-1f1eb waning_crescent_moon=1f318 waning_gibbous_moon=1f316
warning=26a0-fe0f wastebasket=1f5d1-fe0f watch=231a water_buffalo=1f403 water_polo=1f93d
watermelon=1f349 wave=1f44b wavy_dash=3030-fe0f waxing_crescent_moon=1f312
waxing_gibbous_moon=1f314 wc=1f6be weary=1f629 wedding=1f492 weight_lifting=1f3cb-fe0f
weight_lifting_man=1f3cb-fe0f-200d-2642-fe0f weight_lifting_woman=1f3cb-fe0f-200d-2640-fe0f
western_sahara=1f1ea-1f1ed whale=1f433 whale2=1f40b wheel=1f6de wheel_of_dharma=2638-fe0f
wheelchair=267f white_check_mark=2705 white_circle=26aa white_flag=1f3f3-fe0f
white_flower=1f4ae white_haired_man=1f468-200d-1f9b3 white_haired_woman=1f469-200d-1f9b3
white_heart=1f90d white_large_square=2b1c white_medium_small_square=25fd
white_medium_square=25fb-fe0f white_small_square=25ab-fe0f white_square_button=1f533
wilted_flower=1f940 wind_chime=1f390 wind_face=1f32c-fe0f window=1fa9f wine_glass=1f377
wing=1fabd wink=1f609 wireless=1f6dc wolf=1f43a woman=1f469 woman_artist=1f469-200d-1f3a8
woman_astronaut=1f469-200d-1f680 woman_beard=1f9d4-200d-2640-fe0f
woman_cartwheeling=1f938-200d-2640-fe0f woman_cook=1f469-200d-1f373 woman_dancing=1f483
woman_facepalming=1f926-200d-2640-fe0f woman_factory_worker=1f469-200d-1f3ed
woman_farmer=1f469-200d-1f33e woman_feeding_baby=1f469-200d-1f37c
woman_firefighter=1f469-200d-1f692 woman_health_worker=1f469-200d-2695-fe0f
woman_in_manual_wheelchair=1f469-200d-1f9bd woman_in_motorized_wheelchair=1f469-200d-1f9bc
woman_in_tuxedo=1f935-200d-2640-fe0f woman_judge=1f469-200d-2696-fe0f
woman_juggling=1f939-200d-2640-fe0f woman_mechanic=1f469-200d-1f527
woman_office_worker=1f469-200d-1f4bc woman_pilot=1f469-200d-2708-fe0f
woman_playing_handball=1f93e-200d-2640-fe0f woman_playing_water_polo=1f93d-200d-2640-fe0f
woman_scientist=1f469-200d-1f52c woman_shrugging=1f937-200d-2640-fe0f
woman_singer=1f469-200d-1f3a4 woman_student=1f469-200d-1f393 woman_teacher=1f469-200d-1f3eb
woman_technologist=1f469-200d-1f4bb woman_with_headscarf=1f9d5
woman_with_probing_cane=1f469-200d-1f9af woman_with_turban=1f473-200d-2640-fe0f
woman_with_veil=1f470-200d-2640-fe0f womans_clothes=1f45a womans_hat=1f452
women_wrestling=1f93c-200d-2640-fe0f womens=1f6ba wood=1fab5 woozy_face=1f974
world_map=1f5fa-fe0f worm=1fab1 worried=1f61f wrench=1f527 wrestling=1f93c
writing_hand=270d-fe0f x=274c x_ray=1fa7b yarn=1f9f6 yawning_face=1f971 yellow_circle=1f7e1
yellow_heart=1f49b yellow_square=1f7e8 yemen=1f1fe-1f1ea yen=1f4b4 yin_yang=262f-fe0f
yo_yo=1fa80 yum=1f60b zambia=1f1ff-1f1f2 zany_face=1f92a zap=26a1 zebra=1f993
zero=30-fe0f-20e3 zimbabwe=1f1ff-1f1fc zipper_mouth_face=1f910 zombie=1f9df
zombie_man=1f9df-200d-2642-fe0f zombie_woman=1f9df-200d-2640-fe0f zzz=1f4a4
"""
