"""``matome_redirects``: keep old URLs (Hugo ``aliases``) answering after a migration.

Each entry maps an old URL path to a new one; HTML builders get a small page at the old path
that redirects (meta refresh, canonical link and a visible link for readers without either).
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from .warnings_ import MatomeWarning, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{target}</title>
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
<meta name="robots" content="noindex">
<meta name="generator" content="sphinxcontrib-matome redirect">
</head>
<body><p><a href="{target}">{target}</a></p></body>
</html>
"""


_MARK = '<meta name="generator" content="sphinxcontrib-matome redirect">'


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name not in ("html", "dirhtml"):
        return
    outdir = Path(app.outdir).resolve()
    for old, new in sorted(app.config.matome_redirects.items()):
        relative = posixpath.normpath("/" + str(old)).strip("/")
        target_dir = (outdir / relative).resolve()
        if not relative or not target_dir.is_relative_to(outdir) or ".." in str(old).split("/"):
            warn(
                logger,
                f"matome_redirects: {old!r} is not a path inside the site",
                MatomeWarning.CONFIG,
                None,
            )
            continue
        page = target_dir / "index.html" if not relative.endswith(".html") else target_dir
        if page.exists() and _MARK not in page.read_text(encoding="utf-8", errors="replace"):
            warn(
                logger,
                f"matome_redirects: {old!r} would overwrite a page; skipped",
                MatomeWarning.CONFIG,
                None,
            )
            continue
        # Relative, so the redirect works wherever the site is served (and locally).
        new = str(new)
        target = new
        if new.startswith("/"):
            here = "/" + posixpath.dirname(relative + "/index.html")
            target = posixpath.relpath(new, here) + ("/" if new.endswith("/") else "")
        base = app.config.html_baseurl
        canonical = base.rstrip("/") + new if base and new.startswith("/") else target
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            _PAGE.format(
                target=html.escape(target, quote=True),
                canonical=html.escape(canonical, quote=True),
                lang=html.escape(app.config.language or "en"),
            ),
            encoding="utf-8",
        )


def setup_redirects(app: Sphinx) -> None:
    app.connect("build-finished", _write)
