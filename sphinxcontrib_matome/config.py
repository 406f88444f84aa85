"""Configuration values, declared once: registered with Sphinx and rendered in the docs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


@dataclass(frozen=True, slots=True)
class ConfigValue:
    name: str
    default: object
    types: tuple[type, ...]
    description: str
    rebuild: str = "env"


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "matome_date_format",
        "%Y-%m-%d %H:%M",
        (str,),
        "strftime format of the time shown in a quote's header (date and time to the minute).",
    ),
    ConfigValue(
        "matome_date_only_format",
        "%Y-%m-%d",
        (str,),
        "strftime format for a ``created-at`` that has a date but no time.",
    ),
    ConfigValue(
        "matome_anonymous_name",
        "名無しさん",
        (str,),
        "Name shown when a quote has no ``user-name`` (the matome convention).",
    ),
    ConfigValue(
        "matome_default_color",
        "",
        (str,),
        "Accent used when a quote sets no ``color``; empty gives the theme's neutral bubble.",
    ),
    ConfigValue(
        "matome_default_align",
        "left",
        (str,),
        "Side of the speaker when a quote sets no ``align``: ``left`` or ``right``.",
    ),
    ConfigValue(
        "matome_speakers",
        {},
        (dict,),
        "Speaker registry: user name → ``{color, avatar, role, display, align}``, each key "
        "optional. A quote by that user takes these unless it sets the option itself; "
        "``avatar`` is a path from the source directory or a URL (a registered speaker without "
        "one shows their initials); ``role`` (e.g. ``OP``) is shown next to the name and puts "
        "the speaker on the right in ``layout: speaker`` threads. Editing it rebuilds only the "
        "pages that quote the changed speakers.",
        rebuild="",
    ),
    ConfigValue(
        "matome_color_by_user",
        False,
        (bool,),
        "Give a quote without a ``color`` (and without a registry color) a color derived from "
        "its user name over ``matome_user_palette``: the same user has the same color on every "
        "page and in every build.",
    ),
    ConfigValue(
        "matome_user_palette",
        (
            "#e91e63",
            "#38d3d3",
            "#45d325",
            "#ff9800",
            "#3f51b5",
            "#9c27b0",
            "#ff5c5c",
            "#1e88e5",
            "#8d6e63",
            "#00897b",
        ),
        (list, tuple),
        "The colors ``matome_color_by_user`` picks from (any ``color`` value).",
    ),
    ConfigValue(
        "matome_remote_images",
        False,
        (bool,),
        "Show web images (``https://…``) of quote bodies. Off by default: every reader's "
        "browser would fetch them, a tracking beacon when the quote is a third-party comment; "
        "each becomes a link showing its alt text instead.",
    ),
    ConfigValue(
        "matome_anonymize",
        False,
        (bool, str),
        "Hide commenters' names in every output: ``nanashi`` shows "
        "``matome_anonymous_name`` for everyone, ``id`` a stable 2ch-style "
        "``ID:xxxxxxxx`` per user (salted with ``matome_anonymize_salt``). Avatars are left "
        "out and ``html_copy_source`` is turned off.",
    ),
    ConfigValue(
        "matome_anonymize_salt",
        "",
        (str,),
        "Secret mixed into the ``ID:`` hashes, so nobody can recompute a user's ID from a "
        "guessed name. Keep it private and unchanged: changing it changes every ID.",
    ),
    ConfigValue(
        "matome_thread_layout",
        "left",
        (str,),
        "Default ``layout`` of ``matome-thread``: ``left``, ``alternate`` or ``speaker``.",
    ),
    ConfigValue(
        "matome_thread_jsonld",
        False,
        (bool,),
        "Add schema.org ``DiscussionForumPosting`` JSON-LD for each thread to HTML pages.",
        rebuild="html",
    ),
    ConfigValue(
        "matome_redirects",
        {},
        (dict,),
        "Old URL path → new URL path; HTML builders write a redirect page at each old path "
        "(``sphinx-matome migrate`` fills it from Hugo ``aliases``).",
        rebuild="html",
    ),
)


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, value.types)
