"""The browser test site: built once per theme (``-D html_theme=…``) by tests/browser."""

extensions = ["myst_parser", "sphinx_design", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome browser test"
language = "ja"
exclude_patterns = ["_build"]
