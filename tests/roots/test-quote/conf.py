extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome test"
language = "en"
# Sphinx 7.4 does not print "[type.subtype]" after warnings by default.
show_warning_types = True
