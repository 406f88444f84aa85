"""The search index of migrated archives: the faster Japanese splitter gives exactly Sphinx's
words, and incremental builds prune the index to exactly a fresh build's."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sphinx.search.ja import DefaultSplitter

from sphinxcontrib_matome.html_writer import JapaneseSplitter

SENTENCES = [
    "",
    "a",
    "これはテストです。",
    "RustのコンパイラはLLVMを使っていますが、Craneliftも選べます。",
    "2025年2月5日 13:45 に投稿された　全角スペース入りのコメント",
    "ＡＢＣ１２３とabc123、ｶﾀｶﾅと漢字の混じった文章を分割する",
    "改行\nを含む\r\n文章\tとタブ",
    "👍 絵文字 and English words, mixed: it's fine!",
]

#: Japanese scripts, ASCII, full-width forms, punctuation and emoji.
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF9F),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from("、。「」　\n👍"),
    ),
    max_size=60,
)


def test_known_sentences_split_as_sphinx_splits_them() -> None:
    sphinx, ours = DefaultSplitter({}), JapaneseSplitter({})
    for sentence in SENTENCES:
        assert ours.split(sentence) == sphinx.split(sentence), sentence


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_generated_text_splits_as_sphinx_splits_it(text: str) -> None:
    assert JapaneseSplitter({}).split(text) == DefaultSplitter({}).split(text)


def test_incremental_index_equals_a_fresh_one(tmp_path: Path) -> None:
    """Pruning the search index (given a set, see search_index.py) after an edit and a removal
    leaves exactly the index of a build from scratch."""
    from sphinx.search import IndexBuilder
    from sphinx.testing.util import SphinxTestApp

    from sphinxcontrib_matome.search_index import _prune

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib_matome"]\nlanguage = "ja"\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text("# 目次\n\n```{toctree}\n:glob:\n\n*\n```\n", encoding="utf-8")
    for name, words in (("a", "木のキーボード"), ("b", "指が疲れない"), ("c", "消える文書")):
        (source / f"{name}.md").write_text(
            f"# {name}\n\n```{{matome-quote}}\n:user-name: {name}_user\n\n{words}\n```\n",
            encoding="utf-8",
        )

    def build(out: Path) -> dict:
        app = SphinxTestApp("html", srcdir=source, builddir=out, warning=StringIO())
        try:
            app.build()
        finally:
            app.cleanup()
        assert IndexBuilder.prune is _prune
        text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
        index = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
        # Sphinx keeps a pruned word with no document left ("word": []); it finds nothing.
        for key in ("terms", "titleterms"):
            index[key] = {word: docs for word, docs in index[key].items() if docs != []}
        return index

    build(tmp_path / "incremental")
    # An edit alone: the prune at the end of the build has nothing to remove.
    (source / "a.md").write_text("# a\n\nアルミの筐体\n", encoding="utf-8")
    incremental = build(tmp_path / "incremental")
    assert "アルミ" in incremental["terms"] and "キーボード" not in incremental["terms"]
    assert incremental == build(tmp_path / "fresh-edit")
    # An edit and a removal.
    (source / "b.md").write_text("# b\n\n書き換えた本文\n", encoding="utf-8")
    (source / "c.md").unlink()
    incremental = build(tmp_path / "incremental")
    assert "消える" not in incremental["terms"] and "疲れ" not in incremental["terms"]
    assert incremental == build(tmp_path / "fresh")
