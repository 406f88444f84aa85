"""Pieces of the page converter that MyST must read back exactly."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from sphinxcontrib_matome.migrate.convert import fence_for


@pytest.mark.parametrize(
    "content",
    [
        "plain text",
        "```\ncode\n```",
        "````{matome-quote}\n:user-name: a\n\nbody\n````",
        "text\n   `````\nstill inside",  # up to three spaces of indentation still close
        "    ``````\nindented code, not a fence",
        "```` inline ``` in a line",
    ],
)
def test_fence_for_encloses_the_content(content: str) -> None:
    fence = fence_for(content)
    tokens = MarkdownIt("commonmark").parse(f"{fence}{{dropdown}} title\n{content}\n{fence}\n")
    assert [token.type for token in tokens] == ["fence"]
    assert tokens[0].content == content + "\n"
