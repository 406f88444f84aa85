"""LaTeX output of quotes.

For now quotes reach LaTeX through the block-quote fallback (a ``quote`` environment with a
"name (time):" line); line breaks are written by :mod:`.plain_writers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_latex(app: Sphinx) -> None:
    """Register LaTeX-specific behaviour (nothing beyond the fallback yet)."""
