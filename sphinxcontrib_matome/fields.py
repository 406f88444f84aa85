"""Validation of the quote fields: colors, timestamps and their derived values.

Pure functions with no Sphinx import: the directive and the migrator share them, so a value
the migrator accepts is exactly a value the directive accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from ._named_colors import CSS_NAMED_COLORS

#: sphinx-design's semantic colors with the defaults of its stylesheet. The CSS refers to
#: ``var(--sd-color-NAME)`` so a theme that restyles sphinx-design restyles the bubble too; the
#: hex value is the fallback and the base for the tints computed here.
SEMANTIC_COLORS: dict[str, str] = {
    "primary": "#0071bc",
    "secondary": "#6c757d",
    "success": "#28a745",
    "info": "#17a2b8",
    "warning": "#f0b37e",
    "danger": "#dc3545",
    "light": "#f8f9fa",
    "muted": "#6c757d",
    "dark": "#212529",
}

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True, slots=True)
class Color:
    """A validated accent color.

    ``hex`` is always lowercase ``#rrggbb``; ``semantic`` names a sphinx-design color when the
    author used one, so the CSS can follow the theme's value for it.
    """

    hex: str
    semantic: str = ""

    @property
    def rgb(self) -> tuple[int, int, int]:
        return int(self.hex[1:3], 16), int(self.hex[3:5], 16), int(self.hex[5:7], 16)

    @property
    def css_value(self) -> str:
        """The value of ``--matome-color``: a plain hex, or the sphinx-design variable."""
        if self.semantic:
            return f"var(--sd-color-{self.semantic}, {self.hex})"
        return self.hex


@lru_cache(maxsize=1024)
def parse_color(value: str) -> Color | None:
    """Parse a ``color`` option; ``None`` for an empty value (the neutral bubble).

    Accepts ``#rgb``, ``#rrggbb``, the same without ``#`` (a ``#`` starts a comment in MyST
    options), CSS named colors and sphinx-design's semantic names, case-insensitively.
    Raises :class:`ValueError` for anything else, so nothing unvalidated reaches HTML, CSS or
    LaTeX.
    """
    text = value.strip()
    if not text:
        return None
    key = text.lower()
    if key in SEMANTIC_COLORS:
        return Color(SEMANTIC_COLORS[key], semantic=key)
    if key in CSS_NAMED_COLORS:
        return Color(CSS_NAMED_COLORS[key])
    match = _HEX.fullmatch(text)
    if match is None:
        raise ValueError(
            f"invalid color {value!r}: expected #rgb, #rrggbb, rrggbb, a CSS color name "
            f"or one of {', '.join(SEMANTIC_COLORS)}"
        )
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return Color("#" + digits)


# --- timestamps -------------------------------------------------------------------------------

#: The archive's two formats (``2025-03-08T01:52:37``, ``2025/09/27 15:01:17``), minutes-only
#: and date-only variants. A regex and ``datetime(...)`` instead of ``strptime``, which is ten
#: times slower and runs once per quote.
_SIMPLE_TIME = re.compile(
    r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


def _has_simple_shape(text: str) -> bool:
    """``YYYY-MM-DD HH:MM[:SS]``, ``-`` or ``/`` twice, ``T`` or a space between."""
    size = len(text)
    return (
        (size == 16 or (size == 19 and text[16] == ":"))
        and text[4] == text[7]
        and text[4] in "-/"
        and text[10] in "T "
        and text[13] == ":"
    )


@dataclass(frozen=True, slots=True)
class Timestamp:
    """A parsed ``created-at`` value.

    ``has_time`` is False for a date-only value, so it is shown without a fake midnight.
    """

    value: datetime
    has_time: bool = True

    @property
    def iso(self) -> str:
        """The machine-readable form for ``<time datetime>`` (offset kept when given)."""
        if not self.has_time:
            return self.value.date().isoformat()
        return self.value.isoformat()

    def display(self, time_format: str, date_format: str) -> str:
        return self.value.strftime(time_format if self.has_time else date_format)


@lru_cache(maxsize=4096)
def parse_timestamp(value: str) -> Timestamp:
    """Parse a ``created-at`` value; raises :class:`ValueError` when it is not a timestamp.

    Understands ``2025-03-08T01:52:37`` and ``2025/09/27 15:01:17`` (the two formats of the
    archive that motivated this project), date-only values and ISO 8601 with an offset or ``Z``.
    """
    text = value.strip()
    if _has_simple_shape(text):
        # The archive's forms, exactly: C's ISO parser reads them ten times faster than the
        # regex below, and what it refuses (hour 25, letters) goes on to the regex.
        try:
            return Timestamp(datetime.fromisoformat(text.replace("/", "-")))
        except ValueError:
            pass
    match = _SIMPLE_TIME.fullmatch(text)
    if match:
        year, _, month, day, hour, minute, second = match.groups()
        try:
            parsed = datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
            )
        except ValueError:
            pass  # e.g. month 13: reported below with the accepted forms
        else:
            return Timestamp(parsed, has_time=hour is not None)
    try:
        # fromisoformat accepts "Z", offsets, fractions and a space separator (Python 3.11+).
        return Timestamp(datetime.fromisoformat(text))
    except ValueError:
        raise ValueError(
            f"cannot read {value!r} as a date and time: use e.g. 2025-03-08T01:52:37, "
            "2025/09/27 15:01:17, 2025-03-08 or 2025-03-08T01:52:37+09:00"
        ) from None


# --- control characters ---------------------------------------------------------------------

#: C0 and C1 control characters and DEL, except tab, line feed and carriage return. Quote text
#: is untrusted: TeX stops at these ("Text line contains an invalid character") and HTML does
#: not allow them, so none may reach any output.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: The ones ``str.splitlines`` (and so docutils) reads as a line break: they separate words,
#: so they become a space instead of vanishing (as the migrator does in a heading).
_LINE_BREAKING = frozenset("\x0b\x0c\x1c\x1d\x1e\x85")


def drop_control_chars(text: str) -> tuple[str, tuple[str, ...]]:
    """*text* without :data:`CONTROL_CHARS`, and the distinct characters that were removed.

    A line-breaking control character (VT, FF, FS, GS, RS, NEL) becomes a space; the others
    (ESC, BEL, BS, DEL, NUL, …) are dropped. Text without any is returned as it is.
    """
    if CONTROL_CHARS.search(text) is None:
        return text, ()
    found = tuple(dict.fromkeys(CONTROL_CHARS.findall(text)))
    cleaned = CONTROL_CHARS.sub(lambda m: " " if m.group() in _LINE_BREAKING else "", text)
    return cleaned, found


def describe_control_chars(found: tuple[str, ...] | list[str]) -> str:
    """``U+001B, U+0007`` for the characters of :func:`drop_control_chars`, in order."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(found))


# --- contrast ---------------------------------------------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB color."""
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, from 1 to 21."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(color: tuple[int, int, int], base: tuple[int, int, int], amount: float) -> str:
    """``amount`` of ``color`` over ``base`` as ``#rrggbb``.

    Computed here rather than with CSS ``color-mix()``, which WeasyPrint and older browsers
    drop, leaving a transparent bubble.
    """
    channels = (round(c * amount + b * (1 - amount)) for c, b in zip(color, base, strict=True))
    return "#" + "".join(f"{c:02x}" for c in channels)


def hex_to_rgb(value: str) -> tuple[int, int, int]:
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


_WHITE = (255, 255, 255)
_BLACK = (0, 0, 0)
#: Background of dark themes the dark tint is mixed into (close to furo's and pydata's).
_DARK_BASE = (0x1A, 0x1C, 0x1E)


@dataclass(frozen=True, slots=True)
class Palette:
    """The custom properties a colored bubble sets on its root element."""

    accent: str  # --matome-color
    on_accent: str  # --matome-on-color: text drawn on the accent (the header band)
    background: str  # --matome-bg: a light tint for the bubble body
    background_dark: str  # --matome-bg-dark: the tint over a dark theme background

    def css(self, accent_value: str) -> str:
        return (
            f"--matome-color: {accent_value}; --matome-on-color: {self.on_accent}; "
            f"--matome-bg: {self.background}; --matome-bg-dark: {self.background_dark}"
        )


@lru_cache(maxsize=256)
def palette(color: Color) -> Palette:
    """Derive readable companion colors for an accent.

    Text on the accent is black or white, whichever contrasts more; bubble backgrounds are
    light (or dark) enough tints that the theme's ordinary text color stays above 4.5:1.
    """
    rgb = color.rgb
    on_accent = (
        "#ffffff" if contrast_ratio(rgb, _WHITE) >= contrast_ratio(rgb, _BLACK) else "#000000"
    )
    return Palette(
        accent=color.hex,
        on_accent=on_accent,
        background=mix(rgb, _WHITE, 0.1),
        background_dark=mix(rgb, _DARK_BASE, 0.18),
    )
