"""Unit tests of the field validators and the derived palette (no Sphinx build)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_matome import fields
from sphinxcontrib_matome._named_colors import CSS_NAMED_COLORS
from sphinxcontrib_matome.fields import Color, Palette

#: The accent colors of the archive this project was made for.
ARCHIVE_PALETTE = ("#ff5c5c", "#ff33a1", "#38d3d3", "#785bff", "#45d325", "#ff5733")
#: Body text of light themes (black-ish) and of dark themes (light grey to white).
LIGHT_THEME_TEXT = ("#000000", "#333333")
DARK_THEME_TEXT = ("#e6e6e6", "#ffffff")
#: WCAG 2 AA for normal text.
AA = 4.5
BLACK, WHITE = (0, 0, 0), (255, 255, 255)


def rgb(value: str) -> tuple[int, int, int]:
    return fields.hex_to_rgb(value)


# --- parse_color ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#F0a", Color("#ff00aa")),
        ("F0a", Color("#ff00aa")),
        ("#38D3D3", Color("#38d3d3")),
        ("38d3d3", Color("#38d3d3")),
        ("  #38d3d3  ", Color("#38d3d3")),
        ("RebeccaPurple", Color("#663399")),
        ("red", Color("#ff0000")),
        ("primary", Color("#0071bc", semantic="primary")),
        ("Dark", Color("#212529", semantic="dark")),
        ("muted", Color("#6c757d", semantic="muted")),
    ],
)
def test_parse_color(value: str, expected: Color) -> None:
    assert fields.parse_color(value) == expected


@pytest.mark.parametrize("value", ["", "   "])
def test_parse_color_empty_is_neutral(value: str) -> None:
    assert fields.parse_color(value) is None


@pytest.mark.parametrize("name", sorted(fields.SEMANTIC_COLORS))
def test_semantic_colors_follow_sphinx_design(name: str) -> None:
    color = fields.parse_color(name)
    fallback = fields.SEMANTIC_COLORS[name]
    assert (color.hex, color.semantic) == (fallback, name)
    assert color.css_value == f"var(--sd-color-{name}, {fallback})"


@pytest.mark.parametrize("name", sorted(CSS_NAMED_COLORS))
def test_css_named_colors(name: str) -> None:
    color = fields.parse_color(name.upper())
    assert color == Color(CSS_NAMED_COLORS[name])
    assert color.css_value == CSS_NAMED_COLORS[name]


@pytest.mark.parametrize(
    "value",
    [
        "notacolor",
        "#ff",
        "#ffff",
        "#fffffff",
        "#ggg",
        "##fff",
        "rgb(1, 2, 3)",
        "red;background:url(x)",
        "#fff;}body{x",
        "expression(alert(1))",
        "</style>",
        "var(--x)",
        "transparent",
        "currentcolor",
    ],
)
def test_parse_color_rejects(value: str) -> None:
    with pytest.raises(ValueError, match=r"^invalid color "):
        fields.parse_color(value)


def test_parse_color_error_message() -> None:
    with pytest.raises(ValueError) as error:
        fields.parse_color("#fff;}body{x")
    assert str(error.value) == (
        "invalid color '#fff;}body{x': expected #rgb, #rrggbb, rrggbb, a CSS color name or one "
        "of primary, secondary, success, info, warning, danger, light, muted, dark"
    )


def test_color_rgb() -> None:
    assert Color("#38d3d3").rgb == (0x38, 0xD3, 0xD3)


# --- parse_timestamp --------------------------------------------------------------------------

JST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("value", "expected", "has_time", "iso"),
    [
        # The archive's two formats.
        ("2025-03-08T01:52:37", datetime(2025, 3, 8, 1, 52, 37), True, "2025-03-08T01:52:37"),
        ("2025/09/27 15:01:17", datetime(2025, 9, 27, 15, 1, 17), True, "2025-09-27T15:01:17"),
        ("2025/09/27 15:01", datetime(2025, 9, 27, 15, 1), True, "2025-09-27T15:01:00"),
        ("2025-03-08 01:52:37", datetime(2025, 3, 8, 1, 52, 37), True, "2025-03-08T01:52:37"),
        ("  2025-03-08T01:52:37 ", datetime(2025, 3, 8, 1, 52, 37), True, "2025-03-08T01:52:37"),
        # Date only: no time, so no invented midnight in the output.
        ("2025-03-08", datetime(2025, 3, 8), False, "2025-03-08"),
        ("2025/03/08", datetime(2025, 3, 8), False, "2025-03-08"),
        # ISO 8601 with an offset or Z: the offset is kept.
        (
            "2025-03-08T01:52:37+09:00",
            datetime(2025, 3, 8, 1, 52, 37, tzinfo=JST),
            True,
            "2025-03-08T01:52:37+09:00",
        ),
        (
            "2025-03-08T01:52:37Z",
            datetime(2025, 3, 8, 1, 52, 37, tzinfo=UTC),
            True,
            "2025-03-08T01:52:37+00:00",
        ),
    ],
)
def test_parse_timestamp(value: str, expected: datetime, has_time: bool, iso: str) -> None:
    stamp = fields.parse_timestamp(value)
    assert (stamp.value, stamp.has_time, stamp.iso) == (expected, has_time, iso)


@given(
    moment=st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 12, 31)),
    separator=st.sampled_from(["-", "/"]),
    between=st.sampled_from(["T", " "]),
    seconds=st.booleans(),
    short=st.booleans(),
)
def test_every_spelling_of_a_simple_timestamp_reads_the_same(
    moment: datetime, separator: str, between: str, seconds: bool, short: bool
) -> None:
    """ISO 8601 with a time takes a faster parser than the other spellings: all agree."""
    day = f"{moment.month}{separator}{moment.day}" if short else moment.strftime(f"%m{separator}%d")
    time = moment.strftime("%H:%M:%S" if seconds else "%H:%M")
    stamp = fields.parse_timestamp(f"{moment.year:04d}{separator}{day}{between}{time}")
    expected = moment.replace(microsecond=0, second=moment.second if seconds else 0)
    assert (stamp.value, stamp.has_time) == (expected, True)


def test_timestamp_display() -> None:
    with_time = fields.parse_timestamp("2025-03-08T01:52:37+09:00")
    date_only = fields.parse_timestamp("2025-03-08")
    # The time is shown as written, not converted to another zone.
    assert with_time.display("%Y-%m-%d %H:%M", "%Y-%m-%d") == "2025-03-08 01:52"
    assert date_only.display("%Y-%m-%d %H:%M", "%Y-%m-%d") == "2025-03-08"
    assert with_time.display("%d.%m.%Y %H:%M:%S", "%d.%m.%Y") == "08.03.2025 01:52:37"
    assert date_only.display("%d.%m.%Y %H:%M:%S", "%d.%m.%Y") == "08.03.2025"


@pytest.mark.parametrize(
    "value",
    [
        "yesterday",
        "2025-13-45",
        "2025/02/30",
        "2025-03-08T25:00:00",
        "2025/02/30 10:00",
        "2025/03/08T1a:00",
        "2025/03-08 10:00",  # two different separators
        "08/03/2025",
        "",
        "1741398757",
    ],
)
def test_parse_timestamp_rejects(value: str) -> None:
    with pytest.raises(ValueError, match=r"^cannot read "):
        fields.parse_timestamp(value)


def test_parse_timestamp_error_message() -> None:
    with pytest.raises(ValueError) as error:
        fields.parse_timestamp("yesterday")
    assert str(error.value) == (
        "cannot read 'yesterday' as a date and time: use e.g. 2025-03-08T01:52:37, "
        "2025/09/27 15:01:17, 2025-03-08 or 2025-03-08T01:52:37+09:00"
    )


# --- contrast ---------------------------------------------------------------------------------


def test_contrast_ratio_known_values() -> None:
    assert fields.contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert fields.contrast_ratio(WHITE, BLACK) == pytest.approx(21.0)
    assert fields.contrast_ratio(rgb("#38d3d3"), rgb("#38d3d3")) == pytest.approx(1.0)
    # #767676 is the lightest grey that passes AA on white (4.54:1), #777777 just fails.
    assert fields.contrast_ratio(rgb("#767676"), WHITE) == pytest.approx(4.54, abs=0.005)
    assert fields.contrast_ratio(rgb("#777777"), WHITE) < AA


def test_relative_luminance_bounds() -> None:
    assert fields.relative_luminance(BLACK) == 0
    assert fields.relative_luminance(WHITE) == pytest.approx(1.0)


def test_mix() -> None:
    assert fields.mix((255, 0, 0), WHITE, 0.1) == "#ffe6e6"
    assert fields.mix((255, 0, 0), WHITE, 1) == "#ff0000"
    assert fields.mix((255, 0, 0), WHITE, 0) == "#ffffff"


# --- palette ----------------------------------------------------------------------------------


def test_palette_of_an_archive_color() -> None:
    palette = fields.palette(fields.parse_color("#ff5c5c"))
    assert palette == Palette(
        accent="#ff5c5c", on_accent="#000000", background="#ffefef", background_dark="#432829"
    )
    assert palette.css("#ff5c5c") == (
        "--matome-color: #ff5c5c; --matome-on-color: #000000; "
        "--matome-bg: #ffefef; --matome-bg-dark: #432829"
    )


@pytest.mark.parametrize("accent", ARCHIVE_PALETTE)
@pytest.mark.parametrize("text", LIGHT_THEME_TEXT)
def test_light_tint_keeps_theme_text_readable(accent: str, text: str) -> None:
    background = fields.palette(fields.parse_color(accent)).background
    assert fields.contrast_ratio(rgb(background), rgb(text)) >= AA


@pytest.mark.parametrize("accent", ARCHIVE_PALETTE)
@pytest.mark.parametrize("text", DARK_THEME_TEXT)
def test_dark_tint_keeps_theme_text_readable(accent: str, text: str) -> None:
    background = fields.palette(fields.parse_color(accent)).background_dark
    assert fields.contrast_ratio(rgb(background), rgb(text)) >= AA


def every_accent() -> list[str]:
    return [*ARCHIVE_PALETTE, *CSS_NAMED_COLORS, *fields.SEMANTIC_COLORS]


def test_tints_keep_text_readable_for_every_accepted_color() -> None:
    # Not only the archive's colors: any color an author may pick must keep the body readable.
    failures = []
    for accent in every_accent():
        palette = fields.palette(fields.parse_color(accent))
        ratios = [fields.contrast_ratio(rgb(palette.background), rgb(t)) for t in LIGHT_THEME_TEXT]
        ratios += [
            fields.contrast_ratio(rgb(palette.background_dark), rgb(t)) for t in DARK_THEME_TEXT
        ]
        if min(ratios) < AA:
            failures.append((accent, round(min(ratios), 2)))
    assert failures == []


@pytest.mark.parametrize("accent", every_accent())
def test_on_accent_is_the_better_of_black_and_white(accent: str) -> None:
    color = fields.parse_color(accent)
    on_accent = fields.palette(color).on_accent
    assert on_accent in ("#000000", "#ffffff")
    best = max(fields.contrast_ratio(color.rgb, BLACK), fields.contrast_ratio(color.rgb, WHITE))
    assert fields.contrast_ratio(color.rgb, rgb(on_accent)) == best
