"""Where the gazetteer keeps what it builds: the user's cache directory, written atomically.

The directory is ``$GEO_CACHE_DIR`` when set, else platformdirs' user cache directory for
``frontline-tracker``. Every file is written to a temporary name in the same directory and
renamed, so a reader never sees half a file and a failed write leaves the old one intact.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

__all__ = ["CACHE_ENV", "atomic_write", "cache_dir", "read_pickle", "write_pickle"]

#: Environment variable that overrides the cache directory (tests point it at a tmp dir).
CACHE_ENV = "GEO_CACHE_DIR"
_APP = "frontline-tracker"


def cache_dir(override: Path | str | None = None) -> Path:
    """The gazetteer's cache directory, created if needed.

    Parameters
    ----------
    override
        Use this directory instead of ``$GEO_CACHE_DIR`` or the platform default.
    """
    if override is not None:
        path = Path(override)
    elif os.environ.get(CACHE_ENV):
        path = Path(os.environ[CACHE_ENV])
    else:
        path = Path(platformdirs.user_cache_dir(_APP))
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then rename it to ``path``.

    The temporary file is removed if ``write`` raises, and ``path`` is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_pickle(path: Path, obj: Any) -> None:
    """Pickle ``obj`` to ``path`` atomically."""

    def _write(tmp: Path) -> None:
        with tmp.open("wb") as handle:
            pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)

    atomic_write(path, _write)


def read_pickle(path: Path) -> Any:
    """Unpickle ``path`` (a file this package wrote in its own cache directory)."""
    with path.open("rb") as handle:
        return pickle.load(handle)
