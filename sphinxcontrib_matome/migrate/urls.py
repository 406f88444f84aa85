"""Hugo's URL rules: page URLs, taxonomy term URLs, and safe output paths."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from datetime import datetime
from functools import lru_cache

from .errors import MigrationError

_PERMALINK_TOKEN = re.compile(r":(\w+)")


@lru_cache(maxsize=4096)  # a term is on many posts, and each post is read once per term
def sanitize_term(term: str) -> str:
    """A taxonomy term as Hugo puts it in a URL (``paths.Sanitize``, then lowercased).

    Letters, digits, marks and ``./_#+~-@`` are kept, spaces become ``-``, anything else
    (``・``, ``!`` …) is dropped: ``UI/UX`` → ``ui/ux``, ``C#`` → ``c#``.
    """
    out: list[str] = []
    for ch in term.strip():
        if ch == " ":
            out.append("-")
        elif ch in "./\\_#+~-@" or unicodedata.category(ch)[0] in "LNM":
            out.append(ch)
    return "".join(out).lower()


#: Longest file or directory name most file systems accept, in bytes.
NAME_MAX = 255


def path_problem(path: str) -> str | None:
    """Why *path* (relative, ``/``-separated) cannot be written inside a directory, if it can't."""
    if "\x00" in path:
        return "contains a NUL character"
    for part in path.split("/"):
        if part in (".", ".."):
            return f"contains {part!r}"
        if len(part.encode("utf-8", "surrogatepass")) > NAME_MAX:
            return f"has a part longer than {NAME_MAX} bytes"
    return None


def check_relative(path: str, what: str, source: str) -> str:
    """Refuse a front-matter path that could leave the output directory."""
    normalized = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")
    parts = path.replace("\\", "/").split("/")
    if ".." in parts or "\x00" in path or normalized.startswith(".."):
        raise MigrationError(f"{what} {path!r} leaves the site (contains '..')", path=source)
    problem = path_problem(normalized)
    if problem:
        raise MigrationError(f"{what} {path[:80]!r}… {problem}", path=source)
    return normalized


def page_url(
    content_path: str,
    *,
    slug: str | None,
    url: str | None,
    permalink: str | None,
    date: datetime | None,
    title: str,
    lowercase: bool,
    source: str,
) -> str:
    """The URL path (``/posts/2025_02/x/``) Hugo publishes a content file at."""
    if url:
        value = check_relative(url, "url", source)
        result = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        return result.lower() if lowercase else result
    directory, filename = posixpath.split(content_path)
    stem = filename.rsplit(".", 1)[0]
    is_bundle = stem in ("index", "_index")
    section = content_path.split("/", 1)[0] if "/" in content_path else ""
    last = posixpath.basename(directory) if is_bundle else stem
    if slug:
        slug = check_relative(slug, "slug", source)
        if "/" in slug:
            raise MigrationError(f"slug {slug!r} must not contain '/'", path=source)
    if permalink and stem != "_index":
        values = {
            "year": f"{date.year:04d}" if date else "",
            "month": f"{date.month:02d}" if date else "",
            "day": f"{date.day:02d}" if date else "",
            "section": section,
            "sections": directory if not is_bundle else posixpath.dirname(directory),
            "slug": slug or sanitize_term(title) or last,
            "slugorfilename": slug or last,
            "slugorcontentbasename": slug or last,
            "title": sanitize_term(title),
            "filename": last,
            "contentbasename": last,
        }

        def substitute(match: re.Match[str]) -> str:
            token = match.group(1).lower()
            if token not in values:
                raise MigrationError(f"unsupported permalink token :{token}", path=source)
            return values[token]

        path = _PERMALINK_TOKEN.sub(substitute, permalink)
    else:
        parent = posixpath.dirname(directory) if is_bundle else directory
        path = directory if stem == "_index" else posixpath.join(parent, slug or last)
    path = "/" + check_relative(path, "path", source).strip("/")
    path = path.rstrip("/") + "/"
    return path.lower() if lowercase else path


def docname_for_url(url: str) -> str:
    """The Sphinx docname that the dirhtml builder serves at ``url``."""
    stripped = url.strip("/")
    return f"{stripped}/index" if stripped else "index"


def file_docname(path: str) -> str:
    """The document that dirhtml serves at URL path ``path`` (``tags/go``), as a file.

    ``tags/go.md`` is served at ``/tags/go/`` as ``tags/go/index.md`` would be, without a
    folder of its own: creating a folder per page was a third of the time writing a whole
    archive took. A last part ``index`` keeps its folder (``x/index.md`` is served at
    ``/x/``), as does a name with no room left for ``.md``.
    """
    last = path.rpartition("/")[2]
    if not path or last == "index" or len(f"{last}.md".encode("utf-8", "surrogatepass")) > NAME_MAX:
        return docname_for_url(path)
    return path


def url_for_docname(docname: str) -> str:
    """The URL at which the dirhtml builder serves ``docname`` (``a/index`` and ``a``: ``/a/``)."""
    if docname == "index":
        return "/"
    return "/" + docname.removesuffix("/index") + "/"
