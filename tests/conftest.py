"""Shared fixtures: the sample report and the real data in ../shared/data."""

import os
from pathlib import Path

import pytest

import conflictkit as ck

ROOT = Path(__file__).resolve().parents[1]


def _shared_data():
    env = os.environ.get("CONFLICTKIT_DATA")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "data")
    for c in candidates:
        if (c / "README.md").exists() or (c / "ucdp").is_dir():
            return c
    return None


SHARED_DATA = _shared_data()


def shared_file(*parts):
    """Path of a file in ../shared/data; skip (outside CI) when it is absent."""
    if SHARED_DATA is not None and SHARED_DATA.joinpath(*parts).exists():
        return SHARED_DATA.joinpath(*parts)
    if os.environ.get("CI"):
        pytest.fail(f"CI must have ../shared/data/{'/'.join(parts)}")
    pytest.skip(f"../shared/data/{'/'.join(parts)} is not on this machine")


@pytest.fixture(scope="session")
def sample_report():
    return ck.load_report(ck.sample_report_path())


@pytest.fixture(scope="session")
def fakes_path():
    return shared_file("news", "fa-kes-syria-804.csv")
