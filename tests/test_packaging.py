"""environment.yml (conda) and pyproject.toml (pip) list the same packages."""

import re
import tomllib

import yaml

from conftest import ROOT

_CONDA_NAMES = {"dask": "dask"}  # conda's dask bundles dask[dataframe,distributed]


def _name_and_bound(spec):
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(>=\s*[\w.]+)?", spec)
    return m.group(1).lower().replace("_", "-"), (m.group(2) or "").replace(" ", "")


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    specs = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    return dict(_name_and_bound(s) for s in specs)


def _conda():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            specs += [s for s in dep["pip"] if not s.startswith("-")]
        elif not dep.startswith(("python", "pip")):
            specs.append(dep)
    return dict(_name_and_bound(s) for s in specs)


def test_same_packages_and_lower_bounds():
    assert _pyproject() == _conda()


def test_every_dependency_has_a_lower_bound():
    assert all(bound.startswith(">=") for bound in _pyproject().values())
