"""Doctree nodes of a matome quote.

Each node subclasses the standard docutils node it means, so a builder without a dedicated
visitor (text, man, texinfo, xml, …) still writes something readable: Sphinx translators fall
back to the visitor of the nearest base class.

A quote is::

    matome_quote (block_quote)            attributes: user, time_iso, time_text, color, align, …
      matome_header (paragraph)           "[avatar] name (time):" for plain builders
        matome_avatar?                    an image, so Sphinx copies the file
        matome_user (inline)
        reference? > matome_time (inline) " (time):" for plain builders; HTML and LaTeX write
                                          ``time_text`` (linked to ``url`` when given)
        Text ":"?                         without a time; punctuation for plain builders
      …body…                              paragraphs, lists, code, matome_break, …
"""

from __future__ import annotations

from docutils import nodes


class matome_quote(nodes.block_quote):
    """One quoted comment: speaker, time, optional color/avatar/url, and a body."""


class matome_header(nodes.paragraph):
    """Speaker line. Carries no ``source``, so gettext does not offer names for translation."""


class matome_user(nodes.inline):
    """The speaker's display name."""


class matome_time(nodes.inline):
    """The time: ``time_text`` as shown, ``datetime`` the machine-readable value (if any), and
    as text the punctuation around it for plain builders."""


class matome_avatar(nodes.image):
    """The speaker's picture: an image (so Sphinx copies it), left out of plain-text output
    where the name alone says who speaks."""


class matome_break(nodes.Inline, nodes.Element):
    """A line break inside a body (Hugo's ``<br>``), written natively by every builder."""


def header_parts(quote: matome_quote) -> matome_header | None:
    """The header child of a quote (always the first child when present)."""
    first = quote.children[0] if quote.children else None
    return first if isinstance(first, matome_header) else None
