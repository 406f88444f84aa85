"""Anonymity: commenters' names replaced before they reach the doctree.

Applied in the directive's run, so the real name never enters a doctree, and so never reaches
HTML, the search index, text, LaTeX, gettext catalogs or JSON-LD, all made from doctrees.

``matome_anonymize``:

* ``False`` (default): names as written;
* ``"nanashi"``: everyone is ``matome_anonymous_name`` (名無しさん);
* ``"id"``: a stable 2ch-style ``ID:xxxxxxxx`` per user, a salted :func:`hashlib.blake2b` of
  the name, so the same user has the same ID on every page and in every build, and nobody who
  lacks ``matome_anonymize_salt`` can recompute it from a guessed name.

Pure functions, no Sphinx import: the migrator may use them too.
"""

from __future__ import annotations

import base64
import hashlib

MODES = ("nanashi", "id")


def mode(value: object) -> str:
    """The normalised mode: ``""`` (off), ``"nanashi"`` or ``"id"``; ValueError otherwise."""
    if value is False or value is None or value == "":
        return ""
    if value is True:
        return "nanashi"
    text = str(value).strip().lower()
    if text in ("false", "no", "off", "0"):
        return ""
    if text in MODES:
        return text
    raise ValueError(f"matome_anonymize must be False, 'nanashi' or 'id', not {value!r}")


def _digest(name: str, salt: str, size: int) -> bytes:
    key = salt.encode("utf8")[:64]  # blake2b keys are at most 64 bytes
    return hashlib.blake2b(
        name.strip().encode("utf8"), key=key, digest_size=size, person=b"matome-anon"
    ).digest()


def user_id(name: str, salt: str) -> str:
    """The 8-character 2ch-style ID of ``name`` (letters, digits, ``+`` and ``/``)."""
    return base64.b64encode(_digest(name, salt, 6)).decode("ascii")


def speaker_key(name: str, salt: str) -> str:
    """An opaque stable key for comparing speakers without keeping their names."""
    return _digest(name, salt, 8).hex()


def display_name(name: str, anonymize: str, anonymous_name: str, salt: str) -> str:
    """What a quote shows for ``name`` under the given mode."""
    if anonymize == "id":
        return f"ID:{user_id(name, salt)}"
    if anonymize == "nanashi":
        return anonymous_name
    return name
