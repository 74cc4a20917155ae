"""Execute the narrative notebooks headless and write them out as HTML.

This is what ``make reproduce`` runs: every ``NN-*.ipynb`` in a folder, in
order, with nbclient, in a kernel whose working directory is the notebook's
folder; figures go where :func:`conflictkit.save_figure` puts them
(``$CONFLICTKIT_FIGURES``, else ``figures/`` of the checkout).

The kernel draws with matplotlib's inline backend, so every figure a
notebook makes is also shown on its executed page.  The inline backend
renders with Agg, like a script, and :func:`conflictkit.save_figure` strips
metadata, so the saved files stay byte-identical run to run.
"""

import os
import tempfile
import time
from pathlib import Path

__all__ = ["notebook_paths", "kernel_env", "execute_notebook", "write_html", "run_notebooks"]

INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def notebook_paths(folder):
    """The numbered notebooks (``01-…ipynb``) of ``folder``, in reading order."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]-*.ipynb"))


def kernel_env(figures=None):
    """Environment for a notebook kernel: the inline backend (figures appear on
    the page) and, when given, the folder figures are saved in.

    Examples
    --------
    >>> kernel_env()["MPLBACKEND"]
    'module://matplotlib_inline.backend_inline'
    """
    env = {"MPLBACKEND": INLINE_BACKEND}
    if figures is not None:
        env["CONFLICTKIT_FIGURES"] = str(Path(figures).resolve())
    return env


def _ipc_config(socket_path):
    """Kernel settings: talk over local IPC sockets at an absolute path, not
    TCP (ipykernel 7 warns that unencrypted TCP can be read by others on the
    machine; a relative path would differ for the kernel, which runs in the
    notebook's folder)."""
    from traitlets.config import Config

    config = Config()
    config.KernelManager.transport = "ipc"
    config.KernelManager.ip = str(socket_path)
    return config


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
        with tempfile.TemporaryDirectory(prefix="conflictkit-kernel-") as sockets:
            client = NotebookClient(
                nb,
                timeout=timeout,
                startup_timeout=timeout,  # a loaded machine can take over a minute to start a kernel
                kernel_name="python3",
                config=_ipc_config(Path(sockets) / "kernel"),
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


def write_html(nb, out):
    """Write an executed notebook node as an HTML page (figures embedded)."""
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
    env = kernel_env(figures)
    done = []
    for path in notebook_paths(folder):
        t0 = time.perf_counter()
        nb = execute_notebook(path, timeout=timeout, env=env)
        if html is not None:
            write_html(nb, Path(html) / (path.stem + ".html"))
        took = time.perf_counter() - t0
        done.append((path, took))
        echo(f"executed {path} in {took:.1f} s")
    return done
