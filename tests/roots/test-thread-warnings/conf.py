extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome thread warnings"
language = "en"
show_warning_types = True
