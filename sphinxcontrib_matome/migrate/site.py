"""Reading a Hugo site: its configuration and the content files to migrate."""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import MigrationError

#: Config file stems Hugo reads at the site root, in its order of preference.
_ROOT_CONFIG_STEMS = ("hugo", "config")
_CONFIG_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


@dataclass
class SiteConfig:
    """The parts of a Hugo configuration that change what the migrated site must show."""

    root: Path
    base_url: str = ""
    title: str = ""
    language: str = "en"
    time_zone: str = "Etc/UTC"
    enable_emoji: bool = False
    typographer: bool = True
    linkify: bool = True
    taxonomies: dict[str, str] = field(
        default_factory=lambda: {"tag": "tags", "category": "categories"}
    )
    params: dict[str, Any] = field(default_factory=dict)
    pager_size: int = 10
    lowercase_paths: bool = True
    build_drafts: bool = False
    build_future: bool = False
    build_expired: bool = False
    files: tuple[Path, ...] = ()

    @property
    def content_dir(self) -> Path:
        return self.root / "content"


def _load(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        if path.suffix == ".toml":
            data = tomllib.loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text) or {}
    except tomllib.TOMLDecodeError as error:
        raise MigrationError(f"invalid TOML: {error}", path=str(path)) from None
    except json.JSONDecodeError as error:
        raise MigrationError(
            error.msg, path=str(path), line=error.lineno, col=error.colno
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        col = mark.column + 1 if mark else None
        raise MigrationError(f"invalid YAML: {error}", path=str(path), line=line, col=col) from None
    if not isinstance(data, dict):
        raise MigrationError("the configuration is not a table/mapping", path=str(path))
    return data


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into.setdefault(key, value)


def _config_files(root: Path) -> list[Path]:
    """Root config first (it wins), then ``config/_default/*`` as Hugo merges them."""
    files: list[Path] = []
    for stem in _ROOT_CONFIG_STEMS:
        for suffix in _CONFIG_SUFFIXES:
            candidate = root / f"{stem}{suffix}"
            if candidate.is_file():
                files.append(candidate)
                break
        if files:
            break
    default_dir = root / "config" / "_default"
    if default_dir.is_dir():
        for path in sorted(default_dir.iterdir()):
            if path.suffix in _CONFIG_SUFFIXES and path.is_file():
                files.append(path)
    return files


def _case_insensitive(data: dict[str, Any]) -> dict[str, Any]:
    # Hugo's configuration keys are case-insensitive.
    return {str(key).lower(): value for key, value in data.items()}


def read_site_config(root: Path) -> SiteConfig:
    """Read a Hugo site's configuration (``hugo.*``, ``config.*`` and ``config/_default/*``)."""
    merged: dict[str, Any] = {}
    files = _config_files(root)
    for path in files:
        data = _load(path)
        name = path.stem.split(".")[0]
        if path.parent.name == "_default" and name not in _ROOT_CONFIG_STEMS:
            # config/_default/params.toml holds the [params] table, menus.ja.toml the menus …
            if name.startswith("languages"):
                data = {
                    "languages": {path.stem.split(".", 1)[1]: data} if "." in path.stem else data
                }
            else:
                data = {name: data}
        _merge(merged, data)
    config = _case_insensitive(merged)
    site = SiteConfig(root=root, files=tuple(files))
    site.base_url = str(config.get("baseurl", "") or "")
    site.title = str(config.get("title", "") or "")
    site.language = str(config.get("defaultcontentlanguage", config.get("languagecode", "en")))
    site.time_zone = str(config.get("timezone", "Etc/UTC") or "Etc/UTC")
    site.enable_emoji = bool(config.get("enableemoji", False))
    site.build_drafts = bool(config.get("builddrafts", False))
    site.build_future = bool(config.get("buildfuture", False))
    site.build_expired = bool(config.get("buildexpired", False))
    site.lowercase_paths = not bool(config.get("disablepathtolower", False))
    taxonomies = config.get("taxonomies")
    if isinstance(taxonomies, dict):
        site.taxonomies = {str(k): str(v) for k, v in taxonomies.items()}
    params = config.get("params")
    if isinstance(params, dict):
        site.params = params
    pagination = config.get("pagination")
    if isinstance(pagination, dict) and isinstance(pagination.get("pagerSize"), int):
        site.pager_size = pagination["pagerSize"]
    elif isinstance(config.get("paginate"), int):
        site.pager_size = config["paginate"]
    languages = config.get("languages")
    if not site.title and isinstance(languages, dict):
        lang = languages.get(site.language)
        if isinstance(lang, dict):
            site.title = str(lang.get("title", "") or "")
    markup = config.get("markup")
    goldmark = markup.get("goldmark", {}) if isinstance(markup, dict) else {}
    extensions = goldmark.get("extensions", {}) if isinstance(goldmark, dict) else {}
    if isinstance(extensions, dict):
        typographer = extensions.get("typographer", True)
        site.typographer = not (
            typographer is False
            or (isinstance(typographer, dict) and typographer.get("disable") is True)
        )
        linkify = extensions.get("linkify", True)
        site.linkify = linkify is not False
    return site


def site_files(base: Path) -> list[Path]:
    """Every regular file under *base*, sorted.

    Symbolic links (to files or folders) are not followed, so nothing outside the site is
    read; an unreadable folder is an error rather than a silent gap in the migration.
    """
    if not base.is_dir():
        return []

    def fail(error: OSError) -> None:
        raise MigrationError(
            f"cannot read this folder: {error.strerror or error}",
            path=str(error.filename or base),
            code="unreadable",
        )

    files = []
    for folder, _folders, names in os.walk(base, onerror=fail):
        for name in names:
            path = Path(folder, name)
            if not path.is_symlink() and path.is_file():
                files.append(path)
    return sorted(files)


def find_site_root(path: Path) -> tuple[Path, list[Path] | None]:
    """Accept a site root, a content directory or single files.

    Returns the site root and, for single files, the files to migrate (else None).
    """
    if path.is_file():
        for parent in path.parents:
            if parent.name == "content":
                return parent.parent, [path]
        return path.parent, [path]
    if (path / "content").is_dir():
        return path, None
    if path.name == "content":
        return path.parent, None
    for parent in path.parents:
        if parent.name == "content" and path.is_dir():
            # A part of the content tree (e.g. one month): migrate just its files.
            files = [p for p in site_files(path) if p.suffix == ".md"]
            return parent.parent, files
    raise MigrationError(
        "not a Hugo site: expected a directory with content/ (or a content directory)",
        path=str(path),
    )
