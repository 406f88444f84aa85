"""Matome quotes for Sphinx: commenters' words in colored speech bubbles, and a Hugo migrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, object]:
    # Imported here so that the migrator (which never needs Sphinx) can import the package.
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
