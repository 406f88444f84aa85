"""Security tests: the generated-input summary and the injection project shared by the HTML and
LaTeX suites.

``MATOME_FUZZ=1`` raises the example counts of the property tests (see SECURITY.md); the
number of inputs generated in this session is printed at the end of the run.
"""

from __future__ import annotations

import pytest
import security_support as support

# tests/browser/conftest.py does "from conftest import require_tool"; if this module is the
# "conftest" it finds, it must still work.
require_tool = support.require_tool
CORPUS = support.CORPUS


def pytest_terminal_summary(terminalreporter) -> None:
    counts = support.COUNTS
    if not counts:
        return
    mode = "fuzz mode (MATOME_FUZZ=1)" if support.FUZZ else "default mode"
    terminalreporter.section("matome security: generated inputs")
    for name, number in sorted(counts.items()):
        terminalreporter.write_line(f"{number:>9,}  {name}")
    terminalreporter.write_line(f"{sum(counts.values()):>9,}  in total, {mode}")


@pytest.fixture(scope="session")
def injection_project(tmp_path_factory: pytest.TempPathFactory) -> support.InjectionProject:
    """Every payload in every field of the migrator and of the directive, in one project."""
    return support.build_injection_project(tmp_path_factory.mktemp("injection"))
