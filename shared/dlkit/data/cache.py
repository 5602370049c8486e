"""Where generated data sets are cached.

``$DLKIT_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/dlkit``, else ``~/.cache/dlkit``.
Each registered data set has its own folder in it (``registry``), whose files
``h5files.write`` writes atomically (temporary name, then rename), so several
notebooks starting at once never read a half-written file.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder (created if missing)."""
    env = os.environ.get("DLKIT_CACHE_DIR")
    if env:
        root = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "dlkit"
    root.mkdir(parents=True, exist_ok=True)
    return root
