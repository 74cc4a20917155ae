"""A report shown with its coded spans highlighted, as HTML for JupyterLab."""

import html
from bisect import bisect_right

__all__ = ["highlight_report", "LABEL_COLORS", "HTMLText"]

#: Background colours of the labels (colour-blind safe, light).
LABEL_COLORS = {
    "casualty": "#f4a582",
    "actor": "#92c5de",
    "place": "#a6dba0",
    "date": "#fddb87",
    "source": "#d9b8e6",
}


class HTMLText(str):
    """A string of HTML that JupyterLab renders (it has ``_repr_html_``)."""

    def _repr_html_(self):
        return str(self)


def highlight_report(report, annotations, *, labels=None, show_boilerplate=True):
    """The report's text with every coded span highlighted by label.

    Overlapping spans (an actor inside a casualty claim) show the innermost
    span's colour; hovering a span shows its label and normalised value.
    Boilerplate (caption, "Read also", footer) is shown in grey.

    Parameters
    ----------
    report : Report
    annotations : DataFrame
        ``coding.annotations`` (columns ``start``, ``end``, ``label``,
        ``value``, ``detail``), for this report.
    labels : list of str, optional
        Labels to show (default: all in :data:`LABEL_COLORS`).

    Returns
    -------
    HTMLText
        Renders in JupyterLab; ``str()`` gives the HTML.

    Examples
    --------
    >>> import conflictkit as ck
    >>> r = ck.load_report("Raid\\n\\nTwo soldiers were killed in Homs.")
    >>> page = ck.highlight_report(r, ck.code_report(r).annotations)
    >>> 'title="casualty: killed 2' in page
    True
    """
    labels = list(labels or LABEL_COLORS)
    ann = annotations[(annotations["report_id"] == report.id) & annotations["label"].isin(labels)]
    spans = [(int(r.start), int(r.end), r.label, f"{r.label}: {r.value}" + (f" ({r.detail})" if r.detail else ""))
             for r in ann.itertuples()]
    text = report.text
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans}
                  | {s for s, _, _ in report.segments} | {e for _, e, _ in report.segments})
    boiler = [(s, e) for s, e, k in report.boilerplate]
    seg_starts = [s for s, _ in boiler]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b]).replace("\n", "<br>\n")
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        i = bisect_right(seg_starts, a) - 1
        in_boiler = i >= 0 and boiler[i][0] <= a < boiler[i][1]
        if covering:
            s, e, label, tip = min(covering, key=lambda sp: sp[1] - sp[0])
            outer = [c for c in covering if c[3] != tip]
            tips = "&#10;".join(html.escape(t) for *_, t in [(s, e, label, tip)] + outer)
            piece = (f'<span title="{tips}" style="background:{LABEL_COLORS.get(label, "#eee")};'
                     f'border-radius:3px;padding:0 1px">{piece}</span>')
        elif in_boiler:
            if not show_boilerplate:
                continue
            piece = f'<span style="color:#999" title="boilerplate">{piece}</span>'
        out.append(piece)
    legend = " ".join(
        f'<span style="background:{LABEL_COLORS[lab]};border-radius:3px;padding:1px 6px;margin-right:4px">{lab}</span>'
        for lab in labels if lab in LABEL_COLORS)
    return HTMLText(
        '<div style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
        f'<div style="font-family:sans-serif;font-size:90%;margin-bottom:.6em">{legend}'
        '<span style="color:#999;margin-left:8px">grey: boilerplate</span></div>'
        + "".join(out) + "</div>")
