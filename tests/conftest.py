"""Shared fixtures: Sphinx's own testing fixtures over the test roots in ``tests/roots``."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

# sphinx-design reads its icon data without an encoding when first imported; under
# `-X warn_default_encoding` that is an EncodingWarning (an error here) in a third-party
# module. Import it once, quietly, so that our own code stays held to the rule.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", EncodingWarning)
    import sphinx_design.extension  # noqa: F401

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
#: The real archive the conformance runs and benchmarks read; absent on most machines.
CORPUS = Path(
    os.environ.get("MATOME_CORPUS", Path(__file__).parents[2] / "shared/corpus/kaigai-matome")
)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def require_tool(name: str) -> str:
    """Path of an external program; a skip locally, a failure where CI requires every tool."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("MATOME_REQUIRE_TOOLS"):
            pytest.fail(f"{name} is required (MATOME_REQUIRE_TOOLS is set) but not installed")
        pytest.skip(f"{name} is not installed")
    return path
