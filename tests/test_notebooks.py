"""The notebooks: committed clean and thin, executed without error, and the
figures they regenerate identical to the committed ones."""

import ast
import json
import os

import pytest

from conflictkit.notebooks import execute_notebook, notebook_paths
from conftest import ROOT

NOTEBOOKS = notebook_paths(ROOT / "notebooks")
MAX_CODE_LINES = 12


def test_there_are_numbered_notebooks():
    assert NOTEBOOKS, "notebooks/ has no NN-*.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean_and_thin(path):
    nb = json.loads(path.read_text())
    md = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md and "".join(md[0]["source"]).lstrip().startswith("#"), "opens with a titled story"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        assert not cell.get("outputs") and not cell.get("execution_count"), f"cell {i} has outputs"
        assert len(src.strip().splitlines()) <= MAX_CODE_LINES, f"cell {i} is long: move it to the library"
        tree = ast.parse(src)
        defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
        assert not defs, f"cell {i} defines a function: it belongs in conflictkit"


@pytest.fixture(scope="session")
def regenerated_figures(tmp_path_factory):
    out = tmp_path_factory.mktemp("figures")
    for path in NOTEBOOKS:
        execute_notebook(path, env={"CONFLICTKIT_FIGURES": str(out), "MPLBACKEND": "Agg"})
    return out


def test_notebooks_execute_and_regenerate_committed_figures(regenerated_figures):
    committed = ROOT / "figures"
    made = sorted(p.name for p in regenerated_figures.iterdir())
    data_present = bool(os.environ.get("CONFLICTKIT_DATA"))
    for name in made:
        ours = committed / name
        assert ours.exists(), f"notebooks made {name}, which is not committed in figures/"
        assert ours.read_bytes() == (regenerated_figures / name).read_bytes(), f"figures/{name} differs"
    if data_present and committed.is_dir():
        missing = sorted({p.name for p in committed.iterdir()} - set(made))
        assert not missing, f"committed figures no notebook made: {missing}"
