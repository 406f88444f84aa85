extensions = ["myst_parser", "sphinx_design", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome anonymity"
author = "matome"
language = "ja"
show_warning_types = True
html_baseurl = "https://example.org/site/"
matome_thread_jsonld = True
matome_anonymize_salt = "test-salt-do-not-reuse"
matome_speakers = {
    "suzuki_real": {
        "display": "Suzuki Real Name",
        "color": "#38d3d3",
        "role": "OP",
        "avatar": "_static/takahashi_real.png",
    },
}
latex_documents = [("index", "anon.tex", "Anonymity", "matome", "howto")]
