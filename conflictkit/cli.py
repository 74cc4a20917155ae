"""The ``conflictkit`` command line.

User errors (a missing or empty file, a table without its text column)
print one line, ``conflictkit: <file>: <problem>``, and exit with status 2;
never a traceback.
"""

import argparse
import sys
import warnings

from .errors import ConflictkitError

__all__ = ["main"]


def _build_parser():
    parser = argparse.ArgumentParser(
        prog="conflictkit",
        description="Code armed-conflict news reports into traceable casualty data.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    show = sub.add_parser("show", help="load a report and print its parts")
    show.add_argument("input", help="a report file (.txt or .html)")

    rep = sub.add_parser("reproduce", help="execute the notebooks and regenerate figures")
    rep.add_argument("folder", nargs="?", default="notebooks")
    rep.add_argument("--figures", default=None, help="figure folder (default figures/)")
    rep.add_argument("--html", default=None, help="also write executed notebooks as HTML here")
    rep.add_argument("--timeout", type=int, default=600, help="seconds per cell")

    for register in _EXTRA_COMMANDS:
        register(sub)
    return parser


_EXTRA_COMMANDS = []


def _show(args):
    from .reports import load_report

    report = load_report(args.input)
    print(f"id:        {report.id}")
    print(f"title:     {report.title}")
    print(f"published: {report.published}")
    for s, e, kind in report.segments:
        line = report.text[s:e]
        print(f"{kind:>13} {s:>6}-{e:<6} {line[:70]}{'…' if len(line) > 70 else ''}")
    print(f"sentences: {len(report.sentences)}")
    return 0


def _reproduce(args):
    from .notebooks import run_notebooks

    run_notebooks(args.folder, figures=args.figures, html=args.html, timeout=args.timeout,
                  echo=lambda m: print(m, file=sys.stderr))
    return 0


_HANDLERS = {"show": _show, "reproduce": _reproduce}


def main(argv=None):
    """Entry point of the ``conflictkit`` command."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    handler = _HANDLERS[args.command]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return handler(args)
    except ConflictkitError as err:
        print(f"conflictkit: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `conflictkit code … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
