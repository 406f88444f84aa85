"""Speakers: the ``matome_speakers`` registry, initials avatars and colors by user.

The first half is pure (no Sphinx import), shared by the directive and usable by the
migrator: :func:`initials`, :func:`color_for_user`, :func:`entry_problems`,
:func:`entry_digest`. The second half connects the registry to Sphinx: each quote records
which registry entry it read (see :func:`resolve`), and ``env-get-outdated`` compares a digest
of each entry with the current configuration, so editing one speaker rebuilds exactly the
pages that quote that speaker (``matome_speakers`` is declared with ``rebuild=""``).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import anonymize, fields

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The keys a registry entry may have.
ENTRY_KEYS = ("color", "avatar", "role", "display", "align")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_WORDS = re.compile(r"[\s_\-.@/]+|(?<=[a-z])(?=[A-Z])")


# --- pure functions ---------------------------------------------------------------------------


def initials(name: str) -> str:
    """One or two letters standing for ``name`` in a generated avatar.

    Two words give their first letters (``Alice Walker`` → ``AW``, ``sakura_ink`` → ``SI``,
    ``camelCase`` → ``CC``); one word its first two letters (``fenomas`` → ``FE``), or its
    first character when that is wide (``山田さん`` → ``山``). ASCII letters are upper-cased.
    """
    words = [word for word in _WORDS.split(name.strip()) if word]
    if not words:
        return "?"
    if len(words) >= 2:
        letters = words[0][0] + words[1][0]
    else:
        word = words[0]
        wide = unicodedata.east_asian_width(word[0]) in "WF"
        letters = word[0] if wide or len(word) == 1 else word[:2]
    return "".join(ch.upper() if ch.isascii() else ch for ch in letters)


def color_for_user(name: str, palette: Sequence[str]) -> str:
    """The palette color of ``name``: stable across pages, builds and Python processes."""
    if not palette:
        return ""
    digest = hashlib.blake2b(name.strip().encode("utf8"), digest_size=8).digest()
    return palette[int.from_bytes(digest, "big") % len(palette)]


def entry_problems(name: str, entry: object) -> list[str]:
    """What is wrong with one registry entry (an empty list when nothing is)."""
    if not isinstance(entry, Mapping):
        return [f"matome_speakers[{name!r}] must be a dict, not {type(entry).__name__}"]
    problems = []
    for key, value in entry.items():
        if key not in ENTRY_KEYS:
            problems.append(
                f"matome_speakers[{name!r}]: unknown key {key!r} ignored "
                f"(known: {', '.join(ENTRY_KEYS)})"
            )
        elif not isinstance(value, str):
            problems.append(f"matome_speakers[{name!r}][{key!r}] must be a string")
    color = entry.get("color")
    if isinstance(color, str):
        try:
            fields.parse_color(color)
        except ValueError as error:
            problems.append(f"matome_speakers[{name!r}]: {error}")
    align = entry.get("align")
    if isinstance(align, str) and align.strip().lower() not in ("", "left", "right"):
        problems.append(f"matome_speakers[{name!r}]: align must be 'left' or 'right'")
    return problems


def entry_digest(entry: object) -> str:
    """A digest of one registry entry (``"-"`` for a user not in the registry)."""
    if entry is None:
        return "-"
    text = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=repr)
    return hashlib.blake2b(text.encode("utf8"), digest_size=8).hexdigest()


def _string(entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key, "")
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class Speaker:
    """What a quote shows for its user once registry, palette and anonymity are applied."""

    name: str  # the name shown
    key: str  # an opaque stable key of the real name
    color: str = ""  # a color token from the registry or the palette, "" for none
    avatar: str = ""  # an image path (from the source directory, "/…") or URL
    initials: str = ""  # letters of a generated avatar, "" for none
    role: str = ""
    align: str = ""
    anonymous: bool = False


def speaker_for(
    user: str,
    registry: Mapping[str, object],
    *,
    anonymize_mode: str = "",
    anonymous_name: str = "名無しさん",
    salt: str = "",
    color_by_user: bool = False,
    palette: Sequence[str] = (),
    avatar_exists=None,
) -> Speaker:
    """Resolve ``user`` against the registry and the configuration (pure).

    ``avatar_exists(path)`` tells whether a registry avatar path is present; a missing one
    falls back to initials.
    """
    entry = registry.get(user)
    entry = entry if isinstance(entry, Mapping) else None
    key = anonymize.speaker_key(user, salt)
    color, avatar, letters, role, align = "", "", "", "", ""
    if entry is not None:
        color = _string(entry, "color")
        if color:
            try:
                fields.parse_color(color)
            except ValueError:
                color = ""  # reported once by the configuration check
        role = _string(entry, "role")
        align = _string(entry, "align").lower()
        align = align if align in ("left", "right") else ""
        avatar = _string(entry, "avatar")
        if avatar and not _URL.fullmatch(avatar):
            avatar = "/" + avatar.lstrip("/")
            if avatar_exists is not None and not avatar_exists(avatar):
                avatar = ""
    if anonymize_mode:
        name = anonymize.display_name(user, anonymize_mode, anonymous_name, salt)
        # A picture or initials would say who speaks: none under anonymity.
        avatar, letters = "", ""
        color_key = key
    else:
        display = _string(entry, "display") if entry is not None else ""
        name = display or user
        if entry is not None and not avatar:
            letters = initials(name)
        color_key = user
    if not color and color_by_user:
        color = color_for_user(color_key, palette)
    return Speaker(
        name=name,
        key=key,
        color=color,
        avatar=avatar,
        initials=letters,
        role=role,
        align=align,
        anonymous=bool(anonymize_mode),
    )


# --- Sphinx -----------------------------------------------------------------------------------


def _uses(env: BuildEnvironment) -> dict[str, dict[str, str]]:
    """docname → {user name looked up → digest of its registry entry when the page was read}."""
    if not hasattr(env, "matome_speaker_uses"):
        env.matome_speaker_uses = {}  # type: ignore[attr-defined]
    return env.matome_speaker_uses  # type: ignore[attr-defined]


def resolve(env: BuildEnvironment, user: str) -> Speaker:
    """The :class:`Speaker` of ``user`` for the page being read; records the dependency."""
    config = env.config
    registry = config.matome_speakers if isinstance(config.matome_speakers, Mapping) else {}
    srcdir = Path(env.srcdir)
    _uses(env).setdefault(env.docname, {})[user] = entry_digest(registry.get(user))
    return speaker_for(
        user,
        registry,
        anonymize_mode=anonymize.mode(config.matome_anonymize),
        anonymous_name=config.matome_anonymous_name,
        salt=config.matome_anonymize_salt,
        color_by_user=bool(config.matome_color_by_user),
        palette=tuple(config.matome_user_palette or ()),
        avatar_exists=lambda path: (srcdir / path.lstrip("/")).is_file(),
    )


def _outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    registry = app.config.matome_speakers
    registry = registry if isinstance(registry, Mapping) else {}
    digests: dict[str, str] = {}
    outdated = []
    for docname, used in _uses(env).items():
        if docname in removed or docname in changed:
            continue
        for user, digest in used.items():
            if user not in digests:
                digests[user] = entry_digest(registry.get(user))
            if digests[user] != digest:
                outdated.append(docname)
                break
    return sorted(outdated)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _uses(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames, other: BuildEnvironment) -> None:
    mine, theirs = _uses(env), _uses(other)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


def check_config(app: Sphinx, config: Config) -> None:
    """Report invalid registry entries and anonymity settings once per build."""
    from sphinx.util import logging

    from .warnings_ import MatomeWarning, warn

    logger = logging.getLogger(__name__)
    registry = config.matome_speakers
    if not isinstance(registry, Mapping):
        warn(logger, "matome_speakers must be a dict; ignored", MatomeWarning.CONFIG, None)
        config.matome_speakers = {}
        registry = {}
    for name, entry in registry.items():
        for problem in entry_problems(str(name), entry):
            warn(logger, problem, MatomeWarning.SPEAKER, None)
        avatar = _string(entry, "avatar") if isinstance(entry, Mapping) else ""
        local = bool(avatar) and not _URL.fullmatch(avatar)
        if local and not (Path(app.srcdir) / avatar.lstrip("/")).is_file():
            warn(
                logger,
                f"matome_speakers[{name!r}]: avatar {avatar!r} not found in the source "
                "directory; showing initials",
                MatomeWarning.SPEAKER,
                None,
            )
    palette = []
    for color in config.matome_user_palette or ():
        try:
            if fields.parse_color(str(color)) is not None:
                palette.append(str(color))
        except ValueError as error:
            warn(logger, f"matome_user_palette: {error}; left out", MatomeWarning.CONFIG, None)
    if len(palette) != len(config.matome_user_palette or ()):
        config.matome_user_palette = tuple(palette)
    try:
        mode = anonymize.mode(config.matome_anonymize)
    except ValueError as error:
        warn(logger, f"{error}; using 'nanashi'", MatomeWarning.CONFIG, None)
        config.matome_anonymize = mode = "nanashi"  # fail closed: never show real names
    if mode == "id" and not config.matome_anonymize_salt:
        warn(
            logger,
            "matome_anonymize = 'id' without matome_anonymize_salt: anyone can recompute an ID "
            "from a guessed name; set a private salt",
            MatomeWarning.CONFIG,
            None,
        )
    if mode and getattr(config, "html_copy_source", False):
        # The copied sources under _sources/ would hold the real names.
        config.html_copy_source = False


def setup_speakers(app: Sphinx) -> None:
    # After the extension's own check (priority 500): the palette may be repaired there.
    app.connect("config-inited", check_config, priority=600)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
