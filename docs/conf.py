"""Sphinx configuration of the sphinxcontrib-matome documentation."""

import sys
from pathlib import Path

from sphinxcontrib_matome import __version__

# The docs' own directives (tables generated from the code, snippet tabs).
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinxcontrib-matome"
author = "sphinxcontrib-matome contributors"
copyright = "sphinxcontrib-matome contributors"
version = release = __version__
language = "ja"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib_matome",
    "matome_docs",
]

# colon_fence only. Never substitution, dollarmath or linkify: they change the meaning of
# migrated quote bodies ({{ }}, $…$ and bare URLs); see configuration.md.
myst_enable_extensions = ["colon_fence"]

# The snippets are included into pages, never built on their own.
exclude_patterns = ["_build", "snippets"]

html_theme = "furo"
html_title = f"sphinxcontrib-matome {release}"
html_static_path = ["_static"]
html_css_files = ["matome-docs.css"]
# The project speaks of itself only: no "Made with …" credits naming people in the footer.
html_show_sphinx = False

man_pages = [
    ("index", "sphinxcontrib-matome", "speech-bubble quotes for Sphinx", [author], 7),
]
