"""The faster Japanese search splitter gives exactly Sphinx's words, so search is unchanged."""

from __future__ import annotations

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
