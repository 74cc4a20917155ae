"""Event types after ACLED's taxonomy, from the verbs and instruments in a text.

The rules are data (``resources/event_rules.tsv``): for each ACLED
``sub_event_type`` (Armed clash, Air/drone strike, Shelling/artillery/missile
attack, …) regular expressions with weights.  A text's score for a sub-type
is the sum of the weights of its rules that match; the highest score wins,
ties go to the more specific sub-type (the one listed later in ACLED's
order within its event type has no priority; the first highest wins).  A few
labels outside ACLED (natural and man-made disasters, diplomacy, organised
crime, attribution) let the classifier say "not political violence".
"""

import re
from functools import lru_cache

from ._scan import literal_automaton, literal_prefixes, matches_at, word_starts
from .resources import load_resources

__all__ = ["classify_event_type", "event_type_rules", "EVENT_TYPES"]


@lru_cache(maxsize=1)
def _compiled():
    """The rules in two alternations, one named group per rule: the rules that
    ignore case (run on lower-cased text) and those flagged ``case_sensitive``
    (run on the text as written: the acronym ``IS`` is not the word "is").
    One pass of each over a text finds every rule's hits (a position counts
    for the first rule that matches there).

    Returns
    -------
    tuple of (pattern, meta, starts, lowered)
    """
    rules = event_type_rules().reset_index(drop=True)
    sensitive = rules["case_sensitive"].eq("1")
    return tuple(_alternation(rules[sensitive == flag], lowered=not flag) for flag in (False, True)
                 if (sensitive == flag).any())


def _alternation(rules, lowered):
    # Matching lower-cased patterns against lower-cased text is the same as
    # re.IGNORECASE and much faster (the patterns use no upper-case escapes
    # such as \S or \W).
    # Every rule starts at a word boundary: testing that once, before the
    # alternation, lets the engine skip mid-word positions at once (4x faster).
    # Each rule's group is an empty one at its end, not one around it: an
    # alternative that starts with the rule's own text is rejected on its
    # first character, one that starts by opening a group is not (1.5x).
    patterns = [_strip_boundary(r.pattern.lower() if lowered else r.pattern) for r in rules.itertuples()]
    parts = [f"(?:{p})(?P<r{i}>)" for i, p in zip(rules.index, patterns)]
    meta = {f"r{i}": (r.event_type, r.sub_event_type, float(r.weight)) for i, r in zip(rules.index, rules.itertuples())}
    # Where a rule can start: the first six letters of its words, when they can
    # be read from the rule; the rules are then tried at those word starts only
    # (3x faster than trying every word), and at every position otherwise.
    prefixes = [literal_prefixes(p) for p in patterns]
    starts = None if any(p is None for p in prefixes) else literal_automaton(sorted(set().union(*prefixes)))
    letter = "[a-z]" if lowered else "[A-Za-z]"
    return re.compile(rf"\b(?={letter})(?:" + "|".join(parts) + ")"), meta, starts, lowered


def _strip_boundary(pattern):
    if not pattern.startswith("\\b"):
        raise ValueError(f"event rule must start with \\b: {pattern[:30]!r}")
    return pattern[2:]


def event_type_rules():
    """The rule table: ``event_type``, ``sub_event_type``, ``weight``, ``pattern``,
    ``case_sensitive`` ("1": the pattern matches as written, not ignoring case)."""
    return load_resources().event_rules.copy()


def _event_types():
    rules = event_type_rules()
    return dict(zip(rules["sub_event_type"], rules["event_type"]))


EVENT_TYPES = _event_types()


def classify_event_type(text, default=("Battles", "Armed clash")):
    """``(event_type, sub_event_type, score)`` for a sentence or snippet.

    Examples
    --------
    >>> classify_event_type("Russian warplanes pounded the town, killing six civilians")[:2]
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> classify_event_type("NLF rebels launched mortar and rocket strikes at regime forces")[:2]
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    """
    low, hits, meta = text.lower(), {}, {}
    for rx, group_meta, starts, lowered in _compiled():
        t = low if lowered else text
        for m in rx.finditer(t) if starts is None else matches_at(rx, t, word_starts(starts, t)):
            hits[m.lastgroup] = hits.get(m.lastgroup, 0) + 1
        meta.update(group_meta)
    scores, types = {}, {}
    for rule, n in hits.items():
        event_type, sub, weight = meta[rule]
        scores[sub] = scores.get(sub, 0.0) + weight * (1 + 0.25 * (n - 1))
        types[sub] = event_type
    if not scores:
        return default[0], default[1], 0.0
    best = max(scores, key=scores.get)
    return types[best], best, scores[best]
