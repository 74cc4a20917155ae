"""Execute the narrative notebooks headless and write them out as HTML.

This is what ``make reproduce`` runs: every ``NN-*.ipynb`` in a folder, in
order, with nbclient, in a kernel whose working directory is the notebook's
folder; figures go where :func:`conflictkit.save_figure` puts them
(``$CONFLICTKIT_FIGURES``, else ``figures/`` of the checkout).
"""

import os
import time
from pathlib import Path

__all__ = ["notebook_paths", "execute_notebook", "run_notebooks"]


def notebook_paths(folder):
    """The numbered notebooks (``01-…ipynb``) of ``folder``, in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def execute_notebook(path, *, timeout=600, env=None):
    """Execute one notebook and return the executed ``nbformat`` node.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first failing
    cell.  ``env`` entries are set in the kernel's environment.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        client = NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(Path(path).parent)}},
        )
        client.execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return nb


def _write_html(nb, out):
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")


def run_notebooks(folder="notebooks", *, figures=None, html=None, timeout=600, echo=print):
    """Execute every numbered notebook in ``folder``.

    Parameters
    ----------
    folder : path
    figures : path, optional
        Where the notebooks write figures (sets ``CONFLICTKIT_FIGURES``).
    html : path, optional
        Also write each executed notebook as ``<html>/<name>.html``.

    Returns
    -------
    list of (path, seconds)
    """
    env = {"MPLBACKEND": "Agg"}
    if figures is not None:
        env["CONFLICTKIT_FIGURES"] = str(Path(figures).resolve())
    done = []
    for path in notebook_paths(folder):
        t0 = time.perf_counter()
        nb = execute_notebook(path, timeout=timeout, env=env)
        if html is not None:
            _write_html(nb, Path(html) / (path.stem + ".html"))
        took = time.perf_counter() - t0
        done.append((path, took))
        echo(f"executed {path} in {took:.1f} s")
    return done
