"""Saving figures reproducibly: PNG and SVG with metadata stripped, plus the
CSV of the data each figure plots, under names that say what they show."""

import os
import re
from pathlib import Path

import matplotlib

__all__ = ["save_figure", "figures_dir", "output_dir"]


def figures_dir():
    """Where figures go: ``$CONFLICTKIT_FIGURES``, else ``figures/`` of the
    checkout (or of the working directory)."""
    env = os.environ.get("CONFLICTKIT_FIGURES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parents[2] / "figures"
    return here if here.parent.joinpath("pyproject.toml").exists() else Path.cwd() / "figures"


def save_figure(fig, name, data=None, *, folder=None, formats=("png", "svg")):
    """Write ``<name>.png``, ``<name>.svg`` and ``<name>.csv`` (the data).

    Byte-identical on every run: no creation date or software version in
    the files, a fixed SVG hash salt, and the CSV written with fixed float
    formatting.

    Parameters
    ----------
    fig : matplotlib.figure.Figure (or an Axes, whose figure is saved)
    name : str
        Lower-case words joined by hyphens, saying what the figure shows:
        ``monthly-fatalities-by-governorate``.
    data : DataFrame, optional
        The data the figure plots.

    Returns
    -------
    list of Path
    """
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", name):
        raise ValueError(f"figure name {name!r}: use lower-case words joined by hyphens")
    fig = getattr(fig, "figure", fig)
    folder = Path(folder) if folder is not None else figures_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with matplotlib.rc_context({"svg.hashsalt": "conflictkit", "svg.fonttype": "none"}):
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
            fig.savefig(path, format=fmt, metadata=metadata, dpi=150, bbox_inches="tight")
            written.append(path)
    if data is not None:
        path = folder / f"{name}.csv"
        data.to_csv(path, index=False, float_format="%.6g", lineterminator="\n", date_format="%Y-%m-%d")
        written.append(path)
    return written


def output_dir(kind="tables"):
    """A folder for generated outputs that are not committed (``build/<kind>``
    beside ``figures/``), created if missing."""
    path = figures_dir().parent / "build" / kind
    path.mkdir(parents=True, exist_ok=True)
    return path
