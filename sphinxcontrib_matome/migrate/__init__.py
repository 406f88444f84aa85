"""Hugo → Sphinx/MyST migration library (no Sphinx imports)."""
