extensions = ["myst_parser", "sphinx_design", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome thread data"
language = "en"
show_warning_types = True
exclude_patterns = ["_build", "bad.md"]
