"""The manifest that vouches for the files a migration wrote."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_matome.migrate.output import manifest_bytes


@given(st.dictionaries(st.text(), st.text(alphabet="0123456789abcdef", max_size=64)))
def test_manifest_is_the_indented_json_it_replaces(files: dict[str, str]) -> None:
    # Written by hand for speed: it must stay byte for byte what json.dumps(indent=1) gave,
    # so manifests of earlier runs still compare equal and diffs stay one line per file.
    expected = json.dumps({"version": 1, "files": files}, indent=1, sort_keys=True) + "\n"
    assert manifest_bytes(files) == expected.encode("utf-8")
    assert json.loads(manifest_bytes(files)) == {"version": 1, "files": files}
