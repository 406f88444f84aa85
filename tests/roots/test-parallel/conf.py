extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome parallel"
language = "en"
numfig = True
numfig_format = {"matome-quote": "Quote %s"}
# Sphinx 7.4 does not print "[type.subtype]" after warnings by default.
show_warning_types = True
