"""Compile the extension's message catalogs (``.po`` → ``.mo``) with Babel, which Sphinx needs.

    python scripts/compile_catalogs.py          # writes every .mo next to its .po
    python scripts/compile_catalogs.py --check  # exits 1 when a .mo is out of date

``tests/test_thread.py`` runs the check, so a .po edited without compiling fails the tests.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).parents[1] / "sphinxcontrib_matome" / "locale"


def compiled(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def stale() -> list[Path]:
    """The .mo files that differ from what their .po compiles to."""
    found = []
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.read_bytes() != compiled(po):
            found.append(mo)
    return found


def main(argv: list[str]) -> int:
    if "--check" in argv:
        for mo in stale():
            print(f"{mo} is out of date: run python scripts/compile_catalogs.py")
        return 1 if stale() else 0
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compiled(po))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
