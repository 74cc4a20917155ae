"""Where data lives: bundled resources, the sample report, and the data folder."""

import os
from importlib import resources
from pathlib import Path

__all__ = ["data_dir", "data_dirs", "sample_report_path", "resource_path", "example_path", "DEFAULT_BUNDLES"]

SAMPLE_REPORT = "2020-09-22-raqqa-clashes.txt"

#: The conflict bundles (folders under ``resources/bundles``) the coder loads by default.
DEFAULT_BUNDLES = ("syria",)


def resource_path(name):
    """Path of a file bundled in ``conflictkit/resources``."""
    return resources.files("conflictkit").joinpath("resources", name)


def _checkout_data():
    here = Path(__file__).resolve().parent.parent / "data"
    return here if here.is_dir() else Path.cwd() / "data"


def data_dirs():
    """The folders searched for datasets, in order: ``$CONFLICTKIT_DATA``
    when it is set, then ``data/`` of the project checkout (or of the
    working directory).

    Examples
    --------
    >>> import os
    >>> data_dirs()[-1].name
    'data'
    >>> len(data_dirs()) == (2 if os.environ.get("CONFLICTKIT_DATA") else 1)
    True
    """
    env = os.environ.get("CONFLICTKIT_DATA")
    here = _checkout_data()
    if env and Path(env).resolve() != here.resolve():
        return [Path(env), here]
    return [here]


def data_dir():
    """The first data folder: ``$CONFLICTKIT_DATA`` if set, else ``data/`` of
    the project checkout (or of the working directory); see :func:`data_dirs`."""
    return data_dirs()[0]


def sample_report_path():
    """Path of the sample report shipped with conflictkit (a New Arab report
    of 22 September 2020 on IS-regime clashes in Raqqa)."""
    return resource_path(SAMPLE_REPORT)


def example_path(*parts):
    """Path of an example file shipped with conflictkit (``resources/examples``):
    a second coder's brat coding of the sample report, a reviewer's log."""
    return resources.files("conflictkit").joinpath("resources", "examples", *parts)
