# Quotes for the LaTeX builder and the PDF tests. The engine recipes (latex_engine,
# latex_docclass, latex_elements) come from docs/pdf.md through the tests' confoverrides.
extensions = ["myst_parser", "sphinx_design", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome PDF test"
author = "sphinxcontrib-matome"
language = "ja"
numfig = True
# One short "howto" document: no title page, sections only, so the page count stays small.
latex_documents = [("index", "matome-test.tex", "吹き出しの PDF テスト", author, "howto")]
numfig_format = {"matome-quote": "コメント %s"}
# Sphinx 7.4 does not print "[type.subtype]" after warnings by default.
show_warning_types = True
