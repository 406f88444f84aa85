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
