#!/usr/bin/env bash
# One entry point for a fresh machine (Debian, as root or with sudo) and for CI:
#   bash scripts/dev.sh example   install, migrate examples/hugo-site and build it to HTML
#   bash scripts/dev.sh test      install and run the whole test suite
#   bash scripts/dev.sh docs      install and build the documentation with -W
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${MATOME_VENV:-.venv}
PY=${PYTHON:-python3}

# System packages: TeX for PDF tests, Chromium for browser tests, fonts for Japanese.
APT_PACKAGES=(
  chromium
  latexmk texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre
  texlive-lang-japanese texlive-luatex texlive-xetex texlive-lang-cjk texlive-lang-chinese
  fonts-freefont-otf fonts-ipaexfont poppler-utils
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
)

install_system() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -eq 0 ]; then return; fi
  if ! command -v apt-get >/dev/null; then
    echo "apt-get not found; install: ${missing[*]}" >&2
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # One call, so TeX's triggers run once.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Embed the Japanese fonts in uplatex/dvipdfmx output (Debian defaults to not embedding).
  $sudo kanji-config-updmap-sys haranoaji >/dev/null 2>&1 || true
}

install_python() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -e '.[test,docs,site]'
}

OLDEST=${MATOME_OLDEST_VENV:-.venv-oldest}
install_oldest() {
  if [ ! -x "$OLDEST/bin/python" ]; then
    "$PY" -m venv "$OLDEST"
  fi
  "$OLDEST/bin/python" -m pip install -q --upgrade pip
  "$OLDEST/bin/python" -m pip install -q -e '.[test]' 'sphinx==7.4.*' 'myst-parser==4.0.*' \
    'docutils==0.21.*' 'sphinx-design==0.6.*'
}

case "${1:-}" in
  example)
    install_python
    rm -rf out/example
    "$VENV/bin/sphinx-matome" migrate examples/hugo-site out/example --report out/example-report.json
    "$VENV/bin/sphinx-build" -q -W --keep-going -b dirhtml out/example out/example-html
    echo "Open out/example-html/index.html (or: $VENV/bin/python -m http.server -d out/example-html)"
    ;;
  test)
    install_system
    install_python
    shift
    "$VENV/bin/python" -X warn_default_encoding -m pytest "$@"
    if [ "${MATOME_OLDEST:-1}" != 0 ]; then
      # The oldest supported stack too (as tox's py311-sphinx74), on the Sphinx-facing tests;
      # the browser and security suites do not depend on the Sphinx version and run above,
      # and the docs are built with the newest stack (their pages need myst-parser 5).
      install_oldest
      "$OLDEST/bin/python" -X warn_default_encoding -m pytest --ignore=tests/browser \
        --ignore=tests/security --ignore=tests/test_docs.py -p no:cacheprovider "$@"
    fi
    ;;
  docs)
    install_python
    "$VENV/bin/sphinx-build" -nW --keep-going -b html docs docs/_build/html
    ;;
  *)
    echo "usage: bash scripts/dev.sh example|test|docs" >&2
    exit 2
    ;;
esac
