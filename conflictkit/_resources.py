"""Where the bundled example files live.

The CSV files are kept once, in the repository's ``datasets/`` folder, and
copied into the wheel as ``conflictkit/data/`` (see ``pyproject.toml``). An
installed package reads them from there; a source checkout (or an editable
install) from ``datasets/``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_path"]


def data_path(name: str) -> Path:
    """Return the path of a bundled data file such as ``"disputes.csv"``."""
    packaged = Path(str(resources.files("conflictkit"))) / "data" / name
    if packaged.exists():
        return packaged
    checkout = Path(__file__).resolve().parents[1] / "datasets" / name
    if checkout.exists():
        return checkout
    raise FileNotFoundError(
        f"The bundled file {name!r} is missing from this installation "
        f"(looked in {packaged.parent} and {checkout.parent}). Reinstall conflictkit."
    )
