extensions = ["myst_parser", "sphinx_design", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome threads"
language = "en"
show_warning_types = True
matome_speakers = {
    "kitsune_dev": {"color": "#e91e63", "role": "OP"},
    "yama_no_ue": {"display": "山の上", "color": "#38d3d3"},
}
