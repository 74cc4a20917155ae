"""The package is layered as the data flows and its top level is curated."""

import ast

import conflictkit as ck
from conftest import ROOT

PACKAGE = ROOT / "conflictkit"
#: Each layer may import only the layers before it (and itself).
LAYERS = ["_data", "errors", "codebook", "io", "coding", "analysis", "viz", "workflow"]
BASE = {"_data": 0, "errors": 0, "codebook": 1}


def _layer(parts):
    name = parts[0]
    return BASE.get(name, LAYERS.index(name) if name in LAYERS else None)


def _imported(path, package=PACKAGE):
    """The conflictkit modules a file imports (as lists of parts under
    ``conflictkit``), function-level imports included."""
    module = list(path.relative_to(package).with_suffix("").parts)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = module[: len(module) - node.level]
                target = base + (node.module.split(".") if node.module else [])
                if not node.module:  # from . import x
                    for alias in node.names:
                        yield target + [alias.name]
                    continue
                yield target
            elif node.module and node.module.split(".")[0] == "conflictkit":
                yield node.module.split(".")[1:]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "conflictkit":
                    yield alias.name.split(".")[1:]


def test_lower_layers_never_import_higher_ones():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).parts
        if len(rel) == 1 and rel[0] in ("__init__.py", "__main__.py"):
            continue
        own = _layer([rel[0].removesuffix(".py")])
        assert own is not None, f"{path} belongs to no layer; add its folder to LAYERS"
        for target in _imported(path):
            layer = _layer(target) if target else None
            if layer is not None and layer > own:
                upward.append(f"{path.relative_to(ROOT)} imports conflictkit.{'.'.join(target)}")
    assert upward == []


def test_layering_test_sees_an_upward_import(tmp_path):
    # the check above must be able to fail: io importing the coder, at any depth, is caught
    module = tmp_path / "io" / "reports.py"
    module.parent.mkdir()
    module.write_text("import os\n\ndef f():\n    from ..coding import Coder\n    import conflictkit.viz.plotting\n")
    targets = list(_imported(module, tmp_path))
    assert targets == [["coding"], ["viz", "plotting"]]
    assert all(_layer(t) > _layer(["io"]) for t in targets)


def test_top_level_is_the_curated_few():
    names = [n for n in ck.__all__ if not isinstance(getattr(ck, n), type(ck))]
    assert 25 <= len(names) <= 36, names
    for n in ["load_report", "load_reports", "code_report", "code_reports", "Coder", "code_corpus", "read_coding",
              "casualty_table", "reconcile", "export_table", "load_ucdp_ged", "load_acled", "fatalities_over_time",
              "plot_fatalities_over_time", "to_brat", "from_brat"]:
        assert n in names
    public = {n for n in dir(ck) if not n.startswith("_")}
    assert public - set(ck.__all__) <= {"errors", "annotations"}, sorted(public - set(ck.__all__))


def test_every_subpackage_name_is_reachable():
    for sub in ("io", "coding", "analysis", "viz", "workflow"):
        module = getattr(ck, sub)
        for name in module.__all__:
            assert hasattr(module, name), f"conflictkit.{sub}.{name}"
