"""The README's examples run and say what they print."""

import re

import pandas as pd

from conftest import ROOT


def _five_lines():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Python in five lines", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1).strip().splitlines()


def test_five_line_example_comment_states_the_table(monkeypatch):
    monkeypatch.chdir(ROOT)
    *setup, last = _five_lines()
    scope = {}
    exec("\n".join(setup), scope)
    code, comment = last.split("#", 1)
    table = eval(code, scope)
    rows = table[table["admin1"] != "Total"]
    total = table.loc[table["admin1"] == "Total", "killed_best"].item()
    stated = [int(n) for n in re.findall(r"\b(\d+)\b", comment.split("total")[0])]
    assert int(re.search(r"total (\d+)", comment).group(1)) == total
    assert sum(stated) == total
    assert sorted(stated) == sorted(int(n) for n in rows["killed_best"].dropna())
    assert isinstance(table, pd.DataFrame)
