"""Annotations in and out of the tools human coders use.

brat standoff (``.ann`` beside ``.txt``), doccano JSONL and Label Studio
JSON.  Offsets are Python string offsets (Unicode code points), which is
what all three use, so non-ASCII text (curly quotes, non-breaking spaces,
Arabic names) keeps its offsets exactly; a round trip export → import gives
identical annotations.

Importers validate every annotation: offsets out of range, text not
matching the offsets, or a label the codebook does not know give a clear
error naming the line, and the good annotations are still loaded.  They
return ``(annotations, problems)``.
"""

import json
from pathlib import Path

import pandas as pd

from ..codebook import load_codebook
from ..errors import InputError

__all__ = ["to_brat", "from_brat", "to_doccano", "from_doccano", "to_label_studio", "from_label_studio",
           "IO_COLUMNS"]

#: Columns of an imported annotation table.
IO_COLUMNS = ["report_id", "annotation_id", "label", "start", "end", "text", "value"]


def _known_labels(codebook=None):
    return set((codebook or load_codebook())["labels"])


def _rows(annotations, report_id):
    ann = annotations[annotations["report_id"] == report_id] if "report_id" in annotations else annotations
    return ann.sort_values(["start", "end", "label"], kind="stable")


# --- brat ---------------------------------------------------------------------------


def _check_file_name(rid):
    """Refuse a report id that is not a plain file name (it would write outside the folder)."""
    rid = str(rid)
    if rid in ("", ".", "..") or any(c in rid for c in ("/", "\\", "\0")) or Path(rid).is_absolute():
        raise InputError(repr(rid), "report id is not a plain file name (a path separator, '..' or empty); "
                                    "brat files are named by id, so give the report a plain id")


def to_brat(report, annotations, folder):
    """Write ``<id>.txt`` (the report text, exactly) and ``<id>.ann``.

    Each annotation is a text-bound ``T`` line; its normalised value goes in
    an ``AnnotatorNotes`` line.  Returns the ``.ann`` path.  A report id that
    is not a plain file name (``../x``, ``/abs/x``, ``a/b``) raises
    :class:`InputError`: the files stay in ``folder``.
    """
    _check_file_name(report.id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{report.id}.txt").write_bytes(report.text.encode("utf-8"))
    lines = []
    for n, row in enumerate(_rows(annotations, report.id).itertuples(), 1):
        span = report.text[row.start:row.end]
        if "\n" in span:
            raise InputError(f"{report.id} {row.start}-{row.end}", "a brat span cannot cross a line break")
        lines.append(f"T{n}\t{row.label} {row.start} {row.end}\t{span}")
        if getattr(row, "value", ""):
            lines.append(f"#{n}\tAnnotatorNotes T{n}\t{row.value}")
    path = folder / f"{report.id}.ann"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return path


def from_brat(ann_path, txt_path=None, *, codebook=None):
    """Read a brat ``.ann`` file against its ``.txt``.

    Returns
    -------
    (DataFrame, list of str)
        The annotations (columns :data:`IO_COLUMNS`) and one problem per bad
        line ("x.ann line 3: offsets 10-500 out of range (text has 120
        characters)").
    """
    ann_path = Path(ann_path)
    txt_path = Path(txt_path) if txt_path else ann_path.with_suffix(".txt")
    for p in (ann_path, txt_path):
        if not p.exists():
            raise InputError(p, "no such file")
    text = txt_path.read_bytes().decode("utf-8")
    labels = _known_labels(codebook)
    rid = ann_path.stem
    rows, notes, problems = [], {}, []
    for n, line in enumerate(ann_path.read_bytes().decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{ann_path.name} line {n}"
        parts = line.split("\t")
        if parts[0].startswith("#") and len(parts) >= 3:
            notes[parts[1].split()[-1]] = parts[2]
            continue
        if not parts[0].startswith("T") or len(parts) < 3:
            problems.append(f"{where}: not a text-bound annotation (T…): {line[:60]!r}")
            continue
        try:
            label, start, end = parts[1].split(" ")[:3]
            start, end = int(start), int(end.split(";")[0])
        except ValueError:
            problems.append(f"{where}: malformed offsets {parts[1]!r}")
            continue
        problem = _check(text, label, start, end, parts[2], labels)
        if problem:
            problems.append(f"{where}: {problem}")
            continue
        rows.append(dict(report_id=rid, annotation_id=parts[0], label=label, start=start, end=end, text=parts[2]))
    for r in rows:
        r["value"] = notes.get(r["annotation_id"], "")
    return pd.DataFrame(rows, columns=IO_COLUMNS), problems


def _check(text, label, start, end, span_text, labels):
    if label not in labels:
        return f"unknown label {label!r} (codebook labels: {', '.join(sorted(labels))})"
    if not (0 <= start < end <= len(text)):
        return f"offsets {start}-{end} out of range (text has {len(text)} characters)"
    if text[start:end] != span_text:
        return f"text {span_text!r} does not match offsets {start}-{end} ({text[start:end]!r})"
    return None


# --- doccano -------------------------------------------------------------------------


def to_doccano(reports, annotations, path):
    """Write doccano sequence-labelling JSONL: one line per report with
    ``text``, ``label`` ([start, end, label] triples) and the values in
    ``meta``."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as f:
        for report in reports:
            rows = _rows(annotations, report.id)
            f.write(json.dumps({
                "id": report.id, "text": report.text,
                "label": [[int(r.start), int(r.end), r.label] for r in rows.itertuples()],
                "meta": {"values": [getattr(r, "value", "") for r in rows.itertuples()]},
            }, ensure_ascii=False) + "\n")
    return path


def from_doccano(path, *, codebook=None):
    """Read doccano JSONL; returns ``(annotations, problems)``."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    labels = _known_labels(codebook)
    rows, problems = [], []
    for n, line in enumerate(path.read_bytes().decode("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name} line {n}"
        try:
            obj = json.loads(line)
            text, spans = obj["text"], obj.get("label", obj.get("labels", []))
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            problems.append(f"{where}: not a doccano record ({err})")
            continue
        values = (obj.get("meta") or {}).get("values") or [""] * len(spans)
        rid = str(obj.get("id", n))
        for k, span in enumerate(spans):
            try:
                start, end, label = int(span[0]), int(span[1]), str(span[2])
            except (ValueError, IndexError, TypeError):
                problems.append(f"{where} span {k + 1}: malformed {span!r}")
                continue
            problem = _check(text, label, start, end, text[start:end] if 0 <= start < end <= len(text) else "",
                             labels)
            if problem:
                problems.append(f"{where} span {k + 1}: {problem}")
                continue
            rows.append(dict(report_id=rid, annotation_id=f"{rid}:s{k + 1}", label=label, start=start, end=end,
                             text=text[start:end], value=values[k] if k < len(values) else ""))
    return pd.DataFrame(rows, columns=IO_COLUMNS), problems


# --- Label Studio ----------------------------------------------------------------------


def to_label_studio(reports, annotations, path):
    """Write Label Studio tasks (JSON list) with the annotations as
    ``labels`` results on a ``text`` field; values in each result's ``meta``."""
    tasks = []
    for report in reports:
        result = [{
            "id": str(getattr(r, "annotation_id", k)), "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": int(r.start), "end": int(r.end), "text": report.text[r.start:r.end],
                      "labels": [r.label]},
            "meta": {"text": [getattr(r, "value", "")]},
        } for k, r in enumerate(_rows(annotations, report.id).itertuples())]
        tasks.append({"id": report.id, "data": {"text": report.text, "report_id": report.id},
                      "annotations": [{"result": result}]})
    path = Path(path)
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def from_label_studio(path, *, codebook=None):
    """Read a Label Studio JSON export; returns ``(annotations, problems)``."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    try:
        tasks = json.loads(path.read_bytes().decode("utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(path, f"not JSON ({err.msg} at line {err.lineno})") from None
    labels = _known_labels(codebook)
    rows, problems = [], []
    for t, task in enumerate(tasks if isinstance(tasks, list) else [tasks], 1):
        data = task.get("data", {})
        text = data.get("text", "")
        rid = str(data.get("report_id", task.get("id", t)))
        for a in task.get("annotations", []):
            for k, res in enumerate(a.get("result", []), 1):
                where = f"{path.name} task {t} result {k}"
                v = res.get("value", {})
                try:
                    start, end, label = int(v["start"]), int(v["end"]), v["labels"][0]
                except (KeyError, IndexError, TypeError, ValueError):
                    problems.append(f"{where}: malformed result")
                    continue
                problem = _check(text, label, start, end, v.get("text", ""), labels)
                if problem:
                    problems.append(f"{where}: {problem}")
                    continue
                value = ((res.get("meta") or {}).get("text") or [""])[0]
                rows.append(dict(report_id=rid, annotation_id=str(res.get("id", k)), label=label, start=start,
                                 end=end, text=text[start:end], value=value))
    return pd.DataFrame(rows, columns=IO_COLUMNS), problems
