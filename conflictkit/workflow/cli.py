"""The ``conflictkit`` command line.

User errors (a missing or empty file, a table without its text column,
an output that is the input or in a missing folder) print one line,
``conflictkit: <file>: <problem>``, and exit with status 2; never a
traceback.  Output files are written under a temporary name in their
folder and moved into place only when the run succeeds, so a failed run
leaves an earlier output as it was.  CSV cells that a spreadsheet would run
as a formula are prefixed with ``'`` (:func:`conflictkit.safe_for_spreadsheet`).
"""

import argparse
import contextlib
import os
import sys
import uuid
import warnings
from pathlib import Path

from ..errors import ConflictkitError

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
    rep.add_argument("folder", nargs="?", default="notebooks", help="folder of notebooks (default notebooks/)")
    rep.add_argument("--figures", default=None, help="figure folder (default figures/)")
    rep.add_argument("--html", default=None, help="also write executed notebooks as HTML here")
    rep.add_argument("--timeout", type=int, default=600, help="seconds per cell")

    code = sub.add_parser("code", help="code reports into events, casualty claims or annotations")
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help="a report file, a folder, a CSV/TSV/JSONL/Parquet corpus, or - for stdin")
    code.add_argument("--table", choices=["events", "casualties", "annotations"], default="events",
                      help="which table to write: events (default), casualty claims, or annotations")
    code.add_argument("--format", choices=["csv", "jsonl"], default="csv",
                      help="csv (default; formula-like cells prefixed with ') or jsonl, one object a line")
    code.add_argument("--published", help="publication date YYYY-MM-DD (for a single report or stdin)")
    code.add_argument("--text-column", help="column of a table holding the report text "
                                            "(default: text, article_content, content, body …)")
    code.add_argument("--id-column", help="column of a table holding report ids (default: id …; else file:row)")
    code.add_argument("--date-column",
                      help="column of a table holding publication dates (default: published, date …)")
    code.add_argument("--title-column", help="column of a table holding titles (default: title …; "
                                             "else the first line of the text)")
    code.add_argument("--rejects", metavar="FILE", help="write unusable rows and reports here (CSV)")
    code.add_argument("--resources", metavar="DIR", action="append",
                      help="a folder extending the bundled grammar, dictionaries and event rules "
                           "(grammar/en.yaml, actors.csv, places.csv, sources.csv, event_rules.tsv); repeatable")
    code.add_argument("--engine", choices=["serial", "dask"], default="serial",
                      help="dask: code each chunk's reports in parallel worker processes")
    code.add_argument("-o", "--output", metavar="OUT",
                      help="output file in an existing folder, not an input (default: stdout)")
    fetch = sub.add_parser("fetch", help="download a dataset from its publisher (needs internet)")
    fetch.add_argument("dataset", choices=["ucdp-ged"], help="which dataset: ucdp-ged (UCDP GED, CSV zip)")
    fetch.add_argument("--version", default="25.1", help="UCDP GED version, e.g. 25.1")
    fetch.add_argument("--dest", help="folder (default: $CONFLICTKIT_DATA/ucdp or data/ucdp)")
    fetch.add_argument("--country", default="Syria",
                       help="write this country's 2016-01 to 2019-11 events as ged_<country>_<version>.csv, "
                            "the file the notebooks read (default Syria; 'all' keeps only the global zip)")
    fetch.add_argument("--url", help="another address of the GED zip (a mirror or a file:// copy)")
    return parser


def _show(args):
    from ..io.reports import load_report

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


def _input_chunks(args, chunk_size=1000):
    """(reports, rejects) chunks of every input, streamed."""
    from pathlib import Path

    import pandas as pd

    from ..errors import InputError
    from ..io.reports import REJECT_COLUMNS, _decode, iter_report_chunks, load_report

    none = pd.DataFrame(columns=REJECT_COLUMNS)
    for item in args.inputs:
        if item == "-":
            data = sys.stdin.buffer.read()
            if not data.strip():
                raise InputError("stdin", "no text on standard input")
            text, _, notes = _decode(data, "stdin")
            report = load_report(text if "\n" in text else text + "\n", id="stdin", published=args.published)
            yield [report], none
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir() or path.suffix.lower() in (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet", ".pq"):
            yield from iter_report_chunks(path, chunk_size=chunk_size, id_column=args.id_column,
                                          text_column=args.text_column, date_column=args.date_column,
                                          title_column=args.title_column)
        else:
            yield [load_report(path, published=args.published)], none


def _write_table(table, out, fmt, first):
    from ..analysis.tables import safe_for_spreadsheet

    if fmt == "csv":
        safe_for_spreadsheet(table).to_csv(out, index=False, header=first)
    else:
        dates = {c: table[c].map(lambda d: d.isoformat() if hasattr(d, "isoformat") else d)
                 for c in table.columns if c.startswith(("date", "event_date"))}
        if len(table):
            text = table.assign(**dates).to_json(orient="records", lines=True, force_ascii=False)
            out.write(text if text.endswith("\n") else text + "\n")


def _check_outputs(args):
    """``{"-o": path, "--rejects": path}`` of the outputs given, each checked:
    a file name in an existing folder, not an input, not the other output."""
    from ..errors import InputError

    inputs = [Path(i).resolve() for i in args.inputs if i != "-"]
    outputs = {flag: Path(p) for flag, p in (("-o", args.output), ("--rejects", args.rejects)) if p}
    for flag, path in outputs.items():
        if path.is_dir():
            raise InputError(path, f"is a folder; give {flag} a file name")
        if not path.resolve().parent.is_dir():
            raise InputError(path.parent, f"no such folder for {flag} {path.name}; create it first")
        if path.resolve() in inputs:
            raise InputError(path, f"is an input; {flag} would overwrite it, write to another file")
    if len(outputs) == 2 and outputs["-o"].resolve() == outputs["--rejects"].resolve():
        raise InputError(outputs["-o"], "given to both -o and --rejects; give them different files")
    return outputs


@contextlib.contextmanager
def _replaced_on_success(path):
    """A text file written under a temporary name in ``path``'s folder and
    moved onto ``path`` only if the block succeeds."""
    tmp = path.resolve().parent / f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.tmp"
    try:
        with open(tmp, "x", encoding="utf-8", newline="") as f:
            yield f
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _code(args):
    """Stream the inputs chunk by chunk: constant memory on a large corpus."""
    import pandas as pd

    from ..coding import Coder, code_reports
    from ..analysis.tables import safe_for_spreadsheet

    outputs = _check_outputs(args)
    coder = Coder(args.resources)  # one coder for every chunk; a bad overlay fails here, before any output
    n_reports = 0
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(_replaced_on_success(outputs["-o"])) if args.output else sys.stdout
        rej_out = stack.enter_context(_replaced_on_success(outputs["--rejects"])) if args.rejects else None
        first = True
        for reports, rejects in _input_chunks(args):
            for r in reports:
                for note in r.notes:
                    print(f"conflictkit: note: {note}", file=sys.stderr)
            coding = code_reports(reports, coder=coder, progress=False, engine=args.engine)
            all_rejects = pd.concat([r for r in (rejects, coding.rejects[rejects.columns]) if len(r)] or [rejects],
                                    ignore_index=True)
            for rec in all_rejects.itertuples():
                where = f"{rec.source}" + (f" row {rec.row}" if not pd.isna(rec.row) else "")
                print(f"conflictkit: skipped {where} (id {rec.id}): {rec.reason}", file=sys.stderr)
            if rej_out is not None:
                safe_for_spreadsheet(all_rejects).to_csv(rej_out, index=False, header=first)
            _write_table(getattr(coding, args.table), out, args.format, first)
            n_reports += len(coding.reports)
            first = False
    if not n_reports:
        print("conflictkit: no usable reports in the input", file=sys.stderr)
        return 1
    return 0


def _fetch(args):
    from ..io.datasets import fetch_ucdp_ged

    try:
        country = None if args.country.lower() == "all" else args.country
        path = fetch_ucdp_ged(args.version, args.dest, country=country, url=args.url)
    except OSError as err:
        print(f"conflictkit: could not download UCDP GED {args.version}: {err}", file=sys.stderr)
        return 1
    print(f"conflictkit: SHA-256 of the download recorded in {path.name}.sha256 (a record, not a verification: "
          "UCDP publishes no checksum)", file=sys.stderr)
    print(path)
    return 0


_HANDLERS = {"show": _show, "reproduce": _reproduce, "code": _code, "fetch": _fetch}


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
