"""Doctree nodes of threads and of the extra header parts of a quote.

Like :mod:`.nodes`, each subclasses the standard node it means, so builders without a visitor
of their own (man, texinfo, xml, …) still write something readable. A thread is::

    matome_thread (container)                 ids, layout
      matome_thread_list (container)          the first posts (<ol> in HTML)
        matome_thread_item (container)        number, depth (<li value=…>)
          matome_quote                        with a matome_number in its header
      container[design_component=dropdown]    "Show more comments (1)", sphinx-design's dropdown
        rubric
        matome_thread_list > matome_thread_item > matome_quote …

A quote's header may also hold (besides :mod:`.nodes`' avatar, user, punctuation and time):
``matome_number`` (first), ``matome_initials`` (a generated avatar), ``matome_role`` (after
the name) and ``matome_permalink`` (last).
"""

from __future__ import annotations

from docutils import nodes


class matome_thread(nodes.container):
    """A numbered conversation of quotes."""


class matome_thread_list(nodes.container):
    """An ordered run of posts: the visible ones, or those of one "show more" group."""


class matome_thread_item(nodes.container):
    """One post: ``number`` and ``depth`` (0 for a top-level post, capped by ``max-depth``)."""


class matome_number(nodes.inline):
    """The post number in the header; ``refid`` is the quote's anchor."""


class matome_permalink(nodes.inline):
    """An empty marker: HTML writes a "¶" link to ``refid`` like Sphinx's heading links."""


class matome_role(nodes.inline):
    """The speaker's role from the registry (``OP``, ``スレ主`` …), after the name."""


class matome_initials(nodes.inline):
    """A generated avatar: the speaker's initials in a colored circle (decorative)."""


class matome_thread_more(nodes.Element):
    """A "show more" group written as ``<details>`` when sphinx-design is not loaded."""
