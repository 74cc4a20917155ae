"""Shared fixtures: the sample report and the real datasets.

Tests find datasets where the library does (:func:`conflictkit.dataset_path`:
``$CONFLICTKIT_DATA``, then ``data/``); the Makefile and ``.ci/run`` point
``$CONFLICTKIT_DATA`` at ``../shared/data`` when it is beside the checkout.
A test that needs a dataset skips when it is absent, except in CI
(``CI=true``), where a missing dataset fails.
"""

import os
from pathlib import Path

import pytest

import conflictkit as ck

ROOT = Path(__file__).resolve().parents[1]


def in_ci():
    """Whether the suite runs in CI (``CI`` set to true, 1 or yes)."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def data_lookup():
    """The data folders searched, as a phrase for skip and failure messages."""
    env = os.environ.get("CONFLICTKIT_DATA")
    where = [f"$CONFLICTKIT_DATA ({env})" if env else "$CONFLICTKIT_DATA (unset)"]
    where += [str(d) for d in ck.io.data_dirs() if not env or str(d) != env]
    return ", then ".join(where)


def shared_file(*parts):
    """Path of a real dataset file found by :func:`conflictkit.dataset_path`;
    skip when it is absent (fail in CI)."""
    path = ck.dataset_path(*parts)
    if path is not None:
        return path
    message = f"{'/'.join(parts)} is not in {data_lookup()} (ck.io.how_to_get({parts[0]!r}) says where to get it)"
    if in_ci():
        pytest.fail(f"CI must have the real data: {message}")
    pytest.skip(message)


@pytest.fixture(scope="session")
def sample_report():
    return ck.load_report(ck.sample_report_path())


@pytest.fixture(scope="session")
def fakes_path():
    return shared_file("news", "fa-kes-syria-804.csv")
