extensions = ["myst_parser", "sphinxcontrib_matome"]
myst_enable_extensions = ["colon_fence"]
project = "matome speakers"
language = "en"
show_warning_types = True
matome_speakers = {
    "alice_w": {"color": "#e91e63", "role": "OP", "avatar": "_static/alice.png"},
    "bob_k": {"display": "Bob K.", "color": "#38d3d3", "align": "right"},
}
