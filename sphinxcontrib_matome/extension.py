"""Registration with Sphinx; each concern lives in its own module."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from . import fields
from .config import setup_config
from .deleted_text import setup_deleted_text
from .directive import ControlCharacters, MatomeQuote, TranslatedBreaks
from .html_writer import HTML_VISITORS, setup_html
from .jsonld import setup_jsonld
from .latex_writer import setup_latex
from .nodes import matome_avatar, matome_break, matome_quote
from .plain_writers import AVATAR_VISITORS, BREAK_VISITORS
from .recent_posts import setup_recent_posts
from .redirects import setup_redirects
from .search_index import setup_search_index
from .speakers import setup_speakers
from .thread import setup_thread
from .warnings_ import MatomeWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)
ASSETS = Path(__file__).parent / "assets"


def setup_extension(app: Sphinx) -> None:
    setup_config(app)
    app.connect("config-inited", _check_config)

    for node_class, visitors in HTML_VISITORS.items():
        app.add_node(node_class, override=True, html=visitors)
    app.add_node(matome_break, override=True, **BREAK_VISITORS)
    app.add_node(matome_avatar, override=True, **AVATAR_VISITORS)
    # Translation re-parses a body after the directive ran: convert its <br> again.
    app.add_transform(TranslatedBreaks)
    # Control characters a translation or substitution brought into a quote: dropped too.
    app.add_transform(ControlCharacters)
    # `{ref}` to a named quote gets the speaker's name as its default title; `{numref}` works.
    app.add_enumerable_node(
        matome_quote, "matome-quote", title_getter=lambda node: node.get("user", ""), override=True
    )

    app.add_directive("matome-quote", MatomeQuote)
    # docutils looks directive names up in lowercase, so this serves ``matomeQuote`` too.
    app.add_directive("matomequote", MatomeQuote)
    setup_html(app)
    setup_latex(app)
    setup_recent_posts(app)
    setup_deleted_text(app)
    setup_redirects(app)
    setup_speakers(app)
    setup_thread(app)
    setup_jsonld(app)
    setup_search_index()


def _check_config(app: Sphinx, config: Config) -> None:
    # `{numref}` to a quote works as soon as the user turns numfig on.
    config.numfig_format.setdefault("matome-quote", "Quote %s")
    try:
        fields.parse_color(config.matome_default_color)
    except ValueError as error:
        warn(logger, f"matome_default_color: {error}", MatomeWarning.CONFIG, None)
        config.matome_default_color = ""
    if config.matome_default_align not in ("left", "right"):
        warn(
            logger,
            f"matome_default_align must be 'left' or 'right', not {config.matome_default_align!r}",
            MatomeWarning.CONFIG,
            None,
        )
        config.matome_default_align = "left"
