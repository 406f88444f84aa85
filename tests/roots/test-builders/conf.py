extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome builders"
# epub warns about an empty version or copyright; every builder here must build cleanly.
version = "1.0"
copyright = "2025, matome"
language = "en"
# Sphinx 7.4 does not print "[type.subtype]" after warnings by default.
show_warning_types = True
