"""Character spans of paragraphs and sentences, with nltk's Punkt.

Every span is a ``(start, end)`` pair of offsets into the original text, so
``text[start:end]`` gives back exactly what was written, non-breaking spaces
and curly quotes included.  Punkt runs with its built-in, untrained
parameters plus a list of abbreviations common in news copy: no nltk data
download is ever needed.
"""

import re
from functools import lru_cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

__all__ = ["paragraph_spans", "sentence_spans", "line_spans"]

# Abbreviations that end with a full stop but do not end a sentence in news
# reports (titles, ranks, months, places).  Punkt stores them lower-cased and
# without their final period.
_ABBREVIATIONS = (
    "mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm brig cmdr gov sen rep "
    "st mt ft jr sr no nos vol approx est dept govt int'l "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u u.s.a a.m p.m i.e e.g etc vs al"
).split()

_LINE = re.compile(r"[^\r\n]+")
_BLOCK = re.compile(r"\S(?:.*?\S)?(?=\s*(?:\r?\n\s*\r?\n|\Z))", re.S)


class _CachedPunkt(PunktSentenceTokenizer):
    """Punkt that remembers its decisions.

    Punkt decides each candidate break ("said. The") from a few words of
    context alone, and news copy repeats the same contexts again and again (a
    third of FA-KES's 9,325 candidates are repeats): the decision is the same
    pure function of the context, so it is computed once per process.
    """

    @lru_cache(maxsize=200_000)  # noqa: B019 (one instance per process, kept for its life)
    def text_contains_sentbreak(self, text):
        return super().text_contains_sentbreak(text)


@lru_cache(maxsize=1)
def _punkt():
    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    return _CachedPunkt(params)


def line_spans(text, start=0, end=None):
    """Spans of the non-blank lines of ``text[start:end]``, stripped.

    Parameters
    ----------
    text : str
        The original text.
    start, end : int, optional
        Limit the search to this part of ``text``.

    Returns
    -------
    list of tuple of int

    Examples
    --------
    >>> line_spans("Title\\n\\n  Body line.\\n")
    [(0, 5), (9, 19)]
    """
    end = len(text) if end is None else end
    spans = []
    for m in _LINE.finditer(text, start, end):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def paragraph_spans(text):
    """Spans of the paragraphs of ``text``.

    News copy puts one paragraph on a line; such text gets one paragraph per
    non-blank line.  Hard-wrapped text (most lines of similar width, broken
    mid-sentence) gets blocks separated by blank lines instead.

    Examples
    --------
    >>> paragraph_spans("Title\\nOne. Two.\\n\\nThree.")
    [(0, 5), (6, 15), (17, 23)]
    """
    lines = line_spans(text)
    if _looks_hard_wrapped(text, lines):
        return [m.span() for m in _BLOCK.finditer(text)]
    return lines


def _looks_hard_wrapped(text, lines):
    if len(lines) < 6:
        return False
    widths = sorted(e - s for s, e in lines)
    median = widths[len(widths) // 2]
    open_ended = sum(text[e - 1] not in ".!?\"'”:" for s, e in lines)
    return 50 <= median <= 100 and widths[-1] <= 120 and open_ended > len(lines) / 2


def sentence_spans(text, start=0, end=None):
    """Sentence spans of ``text[start:end]``, as offsets into ``text``.

    Punkt splits within each line, so a heading or a caption on a line of
    its own never runs into the next sentence.

    Examples
    --------
    >>> t = "Gen. Ali said 3 died. U.S. forces left."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Gen. Ali said 3 died.', 'U.S. forces left.']
    """
    tokenizer = _punkt()
    spans = []
    for ls, le in line_spans(text, start, end):
        for s, e in tokenizer.span_tokenize(text[ls:le]):
            spans.append((ls + s, ls + e))
    return spans
