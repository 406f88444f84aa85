"""Shared by the browser tests and ``scripts/theme_screenshots.py``: build the test site under
each theme, open it in Debian's Chromium through Playwright, and measure the rendered bubbles.

Nothing here asserts: the tests decide what a measurement must be, the script writes it down.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE / "roots" / "test-browser"
REPO = HERE.parents[1]

#: Debian's chromium package; never a browser downloaded by ``playwright install``.
CHROMIUM = os.environ.get("MATOME_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: The accents of the real archive, then the neutral bubble ("").
PALETTE = ("#ff5c5c", "#ff33a1", "#38d3d3", "#785bff", "#45d325", "#ff5733", "")
#: Quote ids on the test page, by accent.
QUOTE_IDS = {color: "q-" + (color[1:] if color else "none") for color in PALETTE}

WIDTHS = (1280, 375)
MIN_CONTRAST = 4.5


@dataclass(frozen=True)
class Theme:
    """A Sphinx theme and how it switches to dark mode (``None``: it has no dark mode)."""

    name: str
    label: str
    #: "body": furo's ``body[data-theme]`` from localStorage "theme";
    #: "html": pydata's ``html[data-theme]`` from localStorage "mode" and "theme".
    dark: str | None

    @property
    def modes(self) -> tuple[str, ...]:
        # A theme without dark mode is still opened with the OS in dark mode: its bubbles must
        # follow the (light) page, not the OS.
        return ("light", "dark") if self.dark else ("light", "os-dark")


THEMES = (
    Theme("alabaster", "Alabaster", None),
    Theme("furo", "Furo", "body"),
    Theme("pydata_sphinx_theme", "PyData Sphinx Theme", "html"),
    Theme("sphinx_book_theme", "Sphinx Book Theme", "html"),
    Theme("sphinx_rtd_theme", "Read the Docs", None),
)
THEME_BY_NAME = {theme.name: theme for theme in THEMES}


# --- building ---------------------------------------------------------------------------------


def build_sites(outdir: Path, themes: Iterable[Theme] = THEMES, jobs: int = 2) -> dict[str, Path]:
    """Build the test site once per theme into ``outdir/<theme>``, ``jobs`` builds at a time.

    Each build runs in its own process (themes register global state) and writes its warnings
    to ``outdir/<theme>.warnings``. Raises ``RuntimeError`` when a build fails.
    """
    pending = list(themes)
    running: list[tuple[Theme, subprocess.Popen[bytes]]] = []
    sites: dict[str, Path] = {}
    failures: list[str] = []
    while pending or running:
        while pending and len(running) < jobs:
            theme = pending.pop(0)
            target = outdir / theme.name
            command = [
                sys.executable, "-m", "sphinx", "-b", "html", "-q", "-E",
                "-D", f"html_theme={theme.name}",
                "-d", str(outdir / f"{theme.name}.doctrees"),
                "-w", str(outdir / f"{theme.name}.warnings"),
                str(ROOT), str(target),
            ]  # fmt: skip
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            running.append((theme, process))
            sites[theme.name] = target
        theme, process = running.pop(0)
        output, _ = process.communicate()
        if process.returncode:
            failures.append(f"{theme.name}: {output.decode(errors='replace')}")
    if failures:
        raise RuntimeError("sphinx-build failed:\n" + "\n".join(failures))
    return sites


def build_warnings(outdir: Path, theme: Theme) -> str:
    return (outdir / f"{theme.name}.warnings").read_text(encoding="utf8")


# --- the browser ------------------------------------------------------------------------------


def launch(playwright, executable: str = CHROMIUM):
    """Debian's Chromium, headless, with no network of its own."""
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def _storage_script(theme: Theme, mode: str) -> str:
    """Set the theme's own stored preference before its scripts read it."""
    if theme.dark == "body":  # furo: "light", "dark" or "auto"
        items = {"theme": mode}
    elif theme.dark == "html":  # pydata, book: the mode, and the theme resolved from it
        items = {"mode": mode, "theme": mode}
    else:
        return ""
    sets = "".join(f"localStorage.setItem({k!r}, {v!r});" for k, v in items.items())
    return f"try {{ {sets} }} catch (e) {{}}"


@dataclass
class Opened:
    page: object
    context: object
    theme: Theme
    mode: str
    width: int


def page_settings(theme: Theme, mode: str) -> tuple[str, str]:
    """(stored theme preference, emulated OS color scheme) for a test mode.

    "light" and "dark" set both the theme's switch and the OS; "os-dark" leaves a theme
    without dark mode as it is, with the OS dark; "auto-dark"/"auto-light" leave a theme with
    dark mode on "auto" so that only the ``prefers-color-scheme`` fallback decides.
    """
    return {
        "light": ("light", "light"),
        "dark": ("dark", "dark"),
        "os-dark": ("", "dark"),
        "auto-dark": ("auto", "dark"),
        "auto-light": ("auto", "light"),
        "light-on-dark-os": ("light", "dark"),
        "dark-on-light-os": ("dark", "light"),
    }[mode]


def _local_only(route) -> None:
    if route.request.url.startswith(("file:", "data:")):
        route.continue_()
    else:
        route.abort()


def open_page(browser, url: str, theme: Theme, mode: str, width: int, *, media: str = "screen"):
    """A new context and page at ``url`` in the given mode and viewport width."""
    stored, scheme = page_settings(theme, mode)
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        device_scale_factor=1,
        color_scheme=scheme,
        reduced_motion="reduce",
        java_script_enabled=True,
    )
    # Only the built site: nothing leaves the machine.
    context.route("**/*", _local_only)
    if stored and theme.dark:
        context.add_init_script(_storage_script(theme, stored))
    page = context.new_page()
    page.emulate_media(media=media, color_scheme=scheme)
    page.goto(url, wait_until="load")
    settle(page)
    return Opened(page, context, theme, mode, width)


SETTLE_JS = """
async () => {
  await document.fonts.ready;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  // Themes slide sidebars in with transitions of their own: wait for them (3 s at most).
  const finished = Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
  await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 3000))]);
  await frame();
  await frame();
}
"""


def settle(page) -> None:
    """Wait for fonts, running animations and two frames, so measurements match screenshots."""
    page.evaluate(SETTLE_JS)


def page_url(site: Path, name: str = "index") -> str:
    return (site / f"{name}.html").resolve().as_uri()


# --- measuring --------------------------------------------------------------------------------

MEASURE_JS = r"""
() => {
  const style = (el, pseudo) => getComputedStyle(el, pseudo || null);
  const chain = (el) => {
    const list = [];
    for (let e = el; e; e = e.parentElement) list.push(style(e).backgroundColor);
    return list;
  };
  const visible = (el) => {
    if (!el || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
            left: r.left, right: r.right};
  };
  const text = (el, role) => ({
    role, tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
    color: style(el).color, chain: chain(el), visible: visible(el),
    fontSize: parseFloat(style(el).fontSize), fontWeight: parseInt(style(el).fontWeight, 10),
  });
  const ownText = (el) => [...el.childNodes].some(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const pseudo = (el, which) => {
    const s = style(el, which);
    return {content: s.content, display: s.display, position: s.position,
            borderBottomColor: s.borderBottomColor,
            borderBottomWidth: parseFloat(s.borderBottomWidth),
            borderLeftWidth: parseFloat(s.borderLeftWidth),
            top: s.top, left: s.left, right: s.right};
  };
  const quotes = [];
  for (const fig of document.querySelectorAll("figure.matome-quote")) {
    const cs = style(fig);
    const meta = fig.querySelector(":scope > .matome-quote__meta");
    const body = fig.querySelector(":scope > .matome-quote__body");
    const user = fig.querySelector(".matome-quote__user");
    const time = fig.querySelector(".matome-quote__time");
    const q = {
      id: fig.id, classes: [...fig.classList], visible: visible(fig), box: box(fig),
      vars: {
        color: fig.style.getPropertyValue("--matome-color").trim(),
        bg: fig.style.getPropertyValue("--matome-bg").trim(),
        bgDark: fig.style.getPropertyValue("--matome-bg-dark").trim(),
        neutralBorder: cs.getPropertyValue("--matome-neutral-border").trim(),
        neutralBg: cs.getPropertyValue("--matome-neutral-bg").trim(),
        neutralBgDark: cs.getPropertyValue("--matome-neutral-bg-dark").trim(),
        tail: cs.getPropertyValue("--matome-tail").trim(),
      },
      meta: meta && {visible: visible(meta), box: box(meta),
                     scrollWidth: meta.scrollWidth, clientWidth: meta.clientWidth},
      parentRight: fig.parentElement.getBoundingClientRect().right,
      texts: [],
      animations: fig.getAnimations({subtree: true}).length,
      transitions: [fig, ...fig.querySelectorAll("*")].filter(
        (e) => parseFloat(style(e).transitionDuration) > 0).length,
      print: {breakInside: cs.breakInside, colorAdjust: cs.printColorAdjust},
    };
    if (user) q.texts.push(text(user, "user"));
    if (time) q.texts.push(text(time, "time"));
    if (body) {
      const b = style(body);
      q.body = {
        visible: visible(body), box: box(body),
        scrollWidth: body.scrollWidth, clientWidth: body.clientWidth,
        borderTopColor: b.borderTopColor, borderLeftColor: b.borderLeftColor,
        borderTopWidth: parseFloat(b.borderTopWidth),
        borderLeftWidth: parseFloat(b.borderLeftWidth),
        borderRightWidth: parseFloat(b.borderRightWidth),
        backgroundColor: b.backgroundColor, color: b.color,
        boxDecorationBreak: b.boxDecorationBreak || b.webkitBoxDecorationBreak,
        before: pseudo(body, "::before"), after: pseudo(body, "::after"),
        fontSize: parseFloat(b.fontSize),
      };
      for (const el of [body, ...body.querySelectorAll("*")]) {
        if (!ownText(el)) continue;
        const role = el.closest(".highlight") ? "body-highlight"
          : el.closest("a") ? "body-link" : el.closest("code, pre") ? "body-code" : "body";
        q.texts.push(text(el, role));
      }
    }
    quotes.push(q);
  }
  return {
    quotes,
    page: {
      scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
      rootScheme: style(document.documentElement).colorScheme,
      bodyChain: chain(document.body), bodyColor: style(document.body).color,
    },
  };
}
"""


def measure(page) -> dict:
    return page.evaluate(MEASURE_JS)


# --- colors -----------------------------------------------------------------------------------

RGB = tuple[float, float, float]
RGBA = tuple[float, float, float, float]


def parse_css_color(value: str) -> RGBA:
    """A computed color (``rgb()``, ``rgba()``, ``#hex`` or ``color(srgb …)``) as RGBA 0–255."""
    text = value.strip().lower()
    if text.startswith("#"):
        digits = text[1:]
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        alpha = channels[3] / 255 if len(channels) == 4 else 1.0
        return (channels[0], channels[1], channels[2], alpha)
    if text in ("transparent", ""):
        return (0, 0, 0, 0.0)
    if text.startswith("color(srgb"):
        parts = text[len("color(srgb") : -1].replace("/", " ").split()
        r, g, b = (float(p) * 255 for p in parts[:3])
        return (r, g, b, float(parts[3]) if len(parts) > 3 else 1.0)
    if text.startswith(("rgb(", "rgba(")):
        inner = text[text.index("(") + 1 : -1].replace("/", " ").replace(",", " ").split()
        r, g, b = (float(p) for p in inner[:3])
        alpha = 1.0
        if len(inner) > 3:
            a = inner[3]
            alpha = float(a[:-1]) / 100 if a.endswith("%") else float(a)
        return (r, g, b, alpha)
    raise ValueError(f"cannot read the computed color {value!r}")


def composite(top: RGBA, below: RGB) -> RGB:
    r, g, b, a = top
    return (r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a))


def effective_background(chain: list[str], canvas: RGB = (255, 255, 255)) -> RGB:
    """The color behind an element: its and its ancestors' backgrounds, composited upward
    until an opaque one, over the canvas."""
    layers: list[RGBA] = []
    for value in chain:
        color = parse_css_color(value)
        if color[3] > 0:
            layers.append(color)
        if color[3] >= 1:
            break
    result = canvas
    for layer in reversed(layers):
        result = composite(layer, result)
    return result


def _channel(value: float) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    r, g, b = (_channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def canvas_color(report: dict) -> RGB:
    """The canvas under a page with transparent html and body backgrounds."""
    return (18, 18, 18) if "dark" in report["page"]["rootScheme"].split() else (255, 255, 255)


def text_contrast(item: dict, canvas: RGB) -> float:
    background = effective_background(item["chain"], canvas)
    foreground = composite(parse_css_color(item["color"]), background)
    return contrast(foreground, background)


def page_background(report: dict) -> RGB:
    return effective_background(report["page"]["bodyChain"], canvas_color(report))


def is_dark(rgb: RGB) -> bool:
    # Black text passes 4.5:1 above about 0.18 luminance; below that a background is "dark".
    return luminance(rgb) < 0.18


@dataclass
class ContrastRow:
    quote: str
    role: str
    text: str
    ratio: float


def contrasts(report: dict, quote_ids: Iterable[str] | None = None) -> list[ContrastRow]:
    wanted = set(quote_ids) if quote_ids is not None else None
    canvas = canvas_color(report)
    rows = []
    for quote in report["quotes"]:
        if wanted is not None and quote["id"] not in wanted:
            continue
        for item in quote["texts"]:
            if item["visible"]:
                rows.append(
                    ContrastRow(
                        quote["id"], item["role"], item["text"], text_contrast(item, canvas)
                    )
                )
    return rows


# --- axe-core ---------------------------------------------------------------------------------


def find_axe() -> Path | None:
    """``axe.min.js`` from ``MATOME_AXE_JS``, the axe-playwright-python wheel or npm's axe-core."""
    candidates = []
    if os.environ.get("MATOME_AXE_JS"):
        candidates.append(Path(os.environ["MATOME_AXE_JS"]))
    try:
        import axe_playwright_python

        candidates.append(Path(axe_playwright_python.__file__).parent / "axe.min.js")
    except ImportError:
        pass
    for base in (REPO / "node_modules", Path(os.environ.get("NPM_PREFIX", "/nonexistent"))):
        candidates.append(base / "axe-core" / "axe.min.js")
    try:
        root = subprocess.run(
            ["npm", "root", "-g"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=20,
            check=False,
        ).stdout.strip()
        if root:
            candidates.append(Path(root) / "axe-core" / "axe.min.js")
    except (OSError, subprocess.SubprocessError):
        pass
    return next((path for path in candidates if path.is_file()), None)


AXE_RUN_JS = """
async () => {
  const result = await axe.run(
    {include: [[".matome-quote"]]}, {resultTypes: ["violations"], elementRef: true});
  return {
    version: axe.version,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "), summary: n.failureSummary,
        // Syntax highlighting: the site's Pygments style on its own code background.
        pygments: !!(n.element && n.element.closest(".highlight")),
      })),
    })),
  };
}
"""


def run_axe(page, axe_source: str) -> dict:
    page.add_script_tag(content=axe_source)
    return page.evaluate(AXE_RUN_JS)


def serious(axe: dict, *, pygments: bool = False) -> list[dict]:
    """Serious and critical violations; contrast of Pygments tokens only when asked."""
    found = []
    for violation in axe["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        nodes = [
            n for n in violation["nodes"]
            if pygments or not (violation["id"] == "color-contrast" and n["pygments"])
        ]  # fmt: skip
        if nodes:
            found.append({**violation, "nodes": nodes})
    return found


# --- screenshots ------------------------------------------------------------------------------


def load_png(data: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(data)).convert("RGB")


def _close(pixel, color: RGB, tolerance: float) -> bool:
    return sum((pixel[i] - color[i]) ** 2 for i in range(3)) ** 0.5 <= tolerance


def tail_check(image, quote: dict) -> dict:
    """What the screenshot shows of a bubble's tail.

    ``frame_pixels``: pixels of the frame's color in the tail's box above the bubble (the two
    slanted edges); ``opening``: the color where the tail meets the top border, which is the
    fill when the tail opens into the bubble.
    """
    body = quote["body"]
    tail = body["before"]["borderLeftWidth"]
    x0, y0, width = body["box"]["x"], body["box"]["y"], body["box"]["w"]
    if "matome-quote--right" in quote["classes"]:
        right = x0 + width - body["borderRightWidth"] - float(body["before"]["right"][:-2])
        left = right - 2 * tail
    else:
        left = x0 + body["borderLeftWidth"] + float(body["before"]["left"][:-2])
    frame = parse_css_color(body["before"]["borderBottomColor"])
    pixels = image.load()
    count = 0
    for y in range(max(0, round(y0 - tail - 1)), min(image.height, round(y0))):
        for x in range(max(0, round(left)), min(image.width, round(left + 2 * tail))):
            count += _close(pixels[x, y], frame, 40)
    opening = pixels[round(left + tail), round(y0 + 1)]
    return {"frame_pixels": count, "opening": opening}


def color_mask(image, color: RGB, tolerance: int):
    """An "L" image, 255 where every channel of ``image`` is within ``tolerance`` of ``color``."""
    from PIL import ImageChops

    bands = [
        band.point(lambda v, c=c: 255 if abs(v - c) <= tolerance else 0)
        for band, c in zip(image.split(), color, strict=True)
    ]
    return ImageChops.darker(ImageChops.darker(bands[0], bands[1]), bands[2])


def quantize(image, colors: int = 256):
    """A palette PNG: screenshots of flat UI compress 3–4× smaller. Octree keeps the few
    saturated colors (links, accents) that median cut merges into their neighbours."""
    from PIL import Image

    return image.quantize(colors=colors, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


@dataclass
class Matrix:
    """Every (theme, mode, width) the tests open, in a stable order."""

    entries: list[tuple[Theme, str, int]] = field(default_factory=list)

    @classmethod
    def full(cls) -> Matrix:
        return cls([(t, m, w) for t in THEMES for m in t.modes for w in WIDTHS])

    def __iter__(self) -> Iterator[tuple[Theme, str, int]]:
        return iter(self.entries)
