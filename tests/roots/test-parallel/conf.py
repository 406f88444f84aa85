extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome parallel"
language = "en"
numfig = True
numfig_format = {"matome-quote": "Quote %s"}
