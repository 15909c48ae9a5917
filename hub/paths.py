"""Where the embedded defaults live: the data folder, the SQLite file, the secret key file.

``HRISHUB_HOME`` names the data folder (default: the user's data directory, e.g.
``~/.local/share/hrishub``); ``HRISHUB_DATABASE_URL`` replaces the SQLite file with any SQLAlchemy URL
(``postgresql+psycopg://...``).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

__all__ = ["DATABASE_ENV", "HOME_ENV", "data_home", "database_url", "exposure_warning"]

HOME_ENV = "HRISHUB_HOME"
DATABASE_ENV = "HRISHUB_DATABASE_URL"


def data_home() -> Path:
    """The hub's data folder (created on first use, readable by its owner only)."""
    folder = Path(os.environ.get(HOME_ENV) or user_data_dir("hrishub", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def database_url() -> str:
    """``HRISHUB_DATABASE_URL``, or the SQLite file ``hub.db`` in :func:`data_home`."""
    return os.environ.get(DATABASE_ENV) or f"sqlite:///{data_home() / 'hub.db'}"


def exposure_warning(folder: Path) -> str | None:
    """A warning when ``folder`` (holding the store or the key) is open to its group or to everyone."""
    try:
        mode = folder.stat().st_mode & 0o777
    except OSError:
        return None
    if not mode & 0o077:
        return None
    return (
        f"The data folder {folder} can be read by other users (mode {mode:o}): it holds the store and "
        f"the key that encrypts credentials. Restrict it with `chmod 700 {folder}`."
    )
