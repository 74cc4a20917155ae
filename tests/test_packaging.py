"""environment.yml (conda) and pyproject.toml (pip) list the same packages,
with lower bounds; requirements-lock.txt and environment-lock.yml pin them all."""

import importlib.metadata
import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


# --- the lock: exact versions for make reproduce / make test ------------------

def _lock():
    pins = {}
    for line in (ROOT / "requirements-lock.txt").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep and version and "[" not in name, f"requirements-lock.txt: {line!r} is not one exact pin"
            pins[canonicalize_name(name)] = version
    return pins


def _declared():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return [Requirement(s) for s in data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]]


def test_lock_pins_every_declared_dependency_within_its_bounds():
    pins = _lock()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not in requirements-lock.txt (make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), f"lock's {name}=={pins[name]} breaks {req}"
    assert "conflictkit" not in pins


def test_lock_holds_what_the_locked_packages_need():
    """Every requirement of a locked package (read from its installed metadata
    where the installed version is the locked one: under make test, all) is
    locked too, at a version that satisfies it."""
    pins = _lock()
    extras = {canonicalize_name(r.name): set(r.extras) for r in _declared()}
    checked = 0
    for name, version in pins.items():
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if dist.version != version:
            continue
        checked += 1
        for req in map(Requirement, dist.requires or []):
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in extras.get(name, set()) | {""}):
                continue
            dep = canonicalize_name(req.name)
            assert dep in pins, f"{name} {version} needs {req}, which requirements-lock.txt lacks"
            assert req.specifier.contains(pins[dep], prereleases=True), f"{name} needs {req}; lock has {pins[dep]}"
    assert checked, "no locked package is installed at its locked version"


def test_conda_lock_pins_python_and_installs_the_pip_lock():
    env = yaml.safe_load((ROOT / "environment-lock.yml").read_text())
    header = (ROOT / "requirements-lock.txt").read_text()
    python = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python")]
    locked_on = re.search(r"CPython (\S+)", header).group(1)
    assert python == [f"python={locked_on}"]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert pip == ["-r requirements-lock.txt", "-e ."]


def test_make_installs_from_the_lock():
    make = (ROOT / "Makefile").read_text()
    assert "LOCK    = requirements-lock.txt" in make and "pip install -r $(LOCK)" in make
    assert "--quiet" not in make
