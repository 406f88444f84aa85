"""Browser tests: the bubbles in Debian's Chromium under the supported Sphinx themes."""
