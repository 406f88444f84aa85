"""``python -m sphinxcontrib_matome``: the ``sphinx-matome`` command."""

from .cli import main

raise SystemExit(main())
