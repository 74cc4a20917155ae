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

import bisect
import collections
import functools
import itertools
import operator
import re
import sys
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import pandas as pd

from ._scan import literal_automaton, literal_prefixes, lower_same_length, new_tuple, plain_ascii, spaced, word_starts
from .resources import load_resources

try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

__all__ = ["classify_event_type", "score_cues", "best_score", "event_type_rules", "EVENT_TYPES", "EventCue", "find_event_cues",
           "event_sentences", "reported_triggers", "tells_fighting", "TRIGGER_WEIGHT", "WEAPON_TYPES", "EventRules", "compile_event_rules"]

#: A cue of at least this weight, of one of ACLED's six event types, says on
#: its own that a sentence reports an event (weaker cues only help to type one).
TRIGGER_WEIGHT = 1.5

_RULE_COLUMNS = ("event_type", "sub_event_type", "weight", "pattern", "case_sensitive", "outcome")

#: Event types typed by their weapon, whoever it hits: where a text's own cues
#: name one ("a car bomb exploded", "hit a mine") and no other way of
#: fighting ("clashed", "ambushed", "shot dead"), the cues of an outcome rule
#: ("5 people were killed", "soldiers were wounded") do not type it.
WEAPON_TYPES = ("Explosions/Remote violence",)

_ACLED_TYPES = ("Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
                "Strategic developments")
_FIGHTING_TYPES = ("Battles", "Protests", "Riots", "Violence against civilians")  # other ways of fighting than weapons


def _compiled(rules=None):
    """The compiled alternations of ``rules`` (see :func:`compile_event_rules`)."""
    return compile_event_rules(rules).alternations


class EventRules(NamedTuple):
    """Event rules compiled for matching: ``alternations`` holds, for the
    rules that ignore case (run on lower-cased text) and those flagged
    ``case_sensitive`` (run on the text as written: the acronym ``IS`` is not
    the word "is"), an :class:`_Alternation` (a position counts for the
    first rule, the heaviest, that matches there)."""

    alternations: tuple


class _Alternation(NamedTuple):
    """The rules of one case.

    ``source``: the pattern of one alternation with one named group per rule, heaviest
    first, and :attr:`pattern` it compiled; ``meta``: ``{group: (event_type, sub_event_type, weight, outcome)}``;
    ``starts``: an automaton of the first letters of the rules' words (see
    :func:`_rule_starts`; a word's value ``(1 - its length, rules, the rules
    for ASCII text)``, :func:`_ascii_twin`), None when some rule's start cannot be read (then
    ``pattern`` scans the whole text); ``lowered``: run on lower-cased text;
    ``needs``: a few words one of which every match holds (a text without
    them has none), or None; ``cues``: ``{group: (event_type,
    sub_event_type, weight, group, outcome)}``, the end of its cues;
    ``words``: where ``starts`` holds a few words only, ``(word, rules, rules
    for ASCII text)`` from the shortest word to the longest, each word as ``starts``
    holds it (a space before it: see :func:`_matches`), else None; ``word_needs``: with ``words`` and
    ``needs``, for each word the words of ``needs`` one of which each match of its rules holds, else None
    (a text that holds "shell" and not "IS" is searched for "shell" only, not for the six words of the rules
    that need "IS").
    """

    source: str
    meta: dict
    starts: object
    lowered: bool
    needs: tuple = None
    cues: dict = None
    words: tuple = None
    word_needs: tuple = None

    @property
    def pattern(self):
        """The alternation, compiled when first asked for: where ``starts`` finds the rules' starts
        (the bundled rules) no text is scanned with it, and it takes ~25 ms to compile, once per process."""
        return _compiled_source(self.source)


@lru_cache(maxsize=8)
def _compiled_source(source):
    return re.compile(source)


def compile_event_rules(rules=None):
    """:class:`EventRules` from a rule table (columns as
    :func:`event_type_rules`), a :class:`~conflictkit.coding.resources.Resources`
    (its ``event_rules``: bundled rules and overlays) or an
    :class:`EventRules` (returned as is); None: the bundled rules.  Compiled
    once per process and table.

    Examples
    --------
    >>> from conflictkit.coding.resources import load_resources
    >>> compile_event_rules(load_resources()) is compile_event_rules()
    True
    """
    if isinstance(rules, EventRules):
        return rules
    if rules is None or rules is load_resources():
        return _bundled_rules()
    return _compile_table(_table_key(getattr(rules, "event_rules", rules)))


def _table_key(table):
    return tuple(tuple(str(v) for v in row) for row in table[list(_RULE_COLUMNS)].itertuples(index=False))


@lru_cache(maxsize=1)
def _bundled_rules():
    return _compile_table(_table_key(load_resources().event_rules))


@lru_cache(maxsize=4)
def _compile_table(key):
    rules = pd.DataFrame(list(key), columns=list(_RULE_COLUMNS))
    # Where rules can match at one position the first tried wins: the
    # heaviest (the most specific: "clashed with police", a riot) before
    # the lighter ("clashed", a battle); in file order among equals.
    rules = rules.iloc[rules["weight"].astype(float).rank(method="first", ascending=False).argsort()]
    sensitive = rules["case_sensitive"].eq("1")
    return EventRules(tuple(_alternation(rules[sensitive == flag], lowered=not flag) for flag in (False, True)
                            if (sensitive == flag).any()))


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
    tokens = [_read_tokens(p) for p in patterns]  # (read once: for the factored patterns and the guards)
    parts = [f"(?:{p if t is None else _join(t)})(?P<r{i}>)" for i, p, t in zip(rules.index, patterns, tokens)]
    meta = {f"r{i}": (r.event_type, r.sub_event_type, float(r.weight), r.outcome == "1")
            for i, r in zip(rules.index, rules.itertuples())}
    letter = "[a-z0-9]" if lowered else "[A-Za-z0-9]"  # a rule may start with a figure ("5 civilians were killed")
    # the guards two rules have (only those can let rules be tried as one: see _tried_rules); the first
    # words of the alternatives of the rules that have them only are read (~20 ms a process for all)
    guards = collections.Counter(g for t in tokens for g in set(_guards(t)) if g is not None)
    shared = {g for g, n in guards.items() if n > 1}
    tried = {}  # {word: the rules tried there (their indices)}
    starts = _rule_starts(patterns, [re.compile(p) for p in parts], letter,
                          [_alternative_guards(t, shared) for t in tokens], tried)
    words = sorted(starts.items(), key=lambda item: len(item[0])) if starts is not None else ()
    few = 0 < len(words) <= _FEW_WORDS
    needs, needed = _needs_of(patterns)
    return _Alternation(rf"\b(?={letter})(?:" + "|".join(parts) + ")", meta, starts, lowered,
                        needs, {g: (t, sub, w, g, o) for g, (t, sub, w, o) in meta.items()},
                        tuple((w, rules, plain) for w, (_, rules, plain) in words) if few else None,
                        tuple(frozenset().union(*(needed[k] for k in tried[w])) for w, _ in words)
                        if few and needs is not None else None)


#: At most this many first words (:attr:`_Alternation.words`): ``str.find`` finds each in a text
#: faster than the automaton scans it (the case-sensitive rules start with seven).
_FEW_WORDS = 12


#: At most this many words in :attr:`_Alternation.needs`: testing more for each text costs more than it saves.
_MOST_NEEDS = 6


def _alternation_needs(patterns):
    """Words one of which every match of one of the ``patterns`` holds (at most
    :data:`_MOST_NEEDS`), else None.  Every match of the case-sensitive rules
    holds "IS" or "shell": half the FA-KES reports hold neither, and looking
    for two words is faster than scanning the text for the rules' starts.
    Of the sets of words each pattern needs (:func:`_needed_words`), one for
    each: the fewest words in all, then the rarest ("IS" for two rules, not
    "IS" for one and "from " for the other)."""
    return _needs_of(patterns)[0]


def _needs_of(patterns):
    """``(needs, needed)``: the words of :func:`_alternation_needs` and, for each pattern, the set of
    them one of which each of its matches holds (:attr:`_Alternation.word_needs`); ``(None, None)``
    where there are none.  (The first set of sets whose union is the fewest, rarest words.)"""
    choices = [[w for w in _needed_words(p) or () if len(w) <= _MOST_NEEDS] for p in patterns]
    if not all(choices) or functools.reduce(operator.mul, map(len, choices)) > 4096:
        return None, None
    needed = min(itertools.product(*choices), key=lambda sets: _fewest_rarest(set().union(*sets)))
    needs = set().union(*needed)
    return (tuple(sorted(needs)), tuple(map(frozenset, needed))) if len(needs) <= _MOST_NEEDS else (None, None)


def _fewest_rarest(words):
    """Sort key of sets of words: the fewest, then the rarest (guessed: each letter makes a word 4x rarer)."""
    return len(words), sum(4.0 ** -len(w.replace(" ", "")) for w in words)


def _needed_words(pattern):
    """Sets of strings one of which every match of ``pattern`` holds, read from
    the parsed expression: one for each part of its sequence that can tell
    (of those a group can tell, :func:`_fewest_rarest`), or None."""
    try:
        parsed = _sre_parse.parse(pattern)
        return None if parsed.state.flags & re.IGNORECASE else _needed(list(parsed), every=True)
    except RecursionError:
        return None


def _needed(items, every=False):
    candidates, run = [], ""  # run: the literal characters matched one after another
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: the characters around are adjacent
            continue
        if run:
            candidates.append({run})
            run = ""
        words = None
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            words = _needed(list(av[-1]))
        elif op is _sre.BRANCH:  # one of each alternative's
            alternatives = [_needed(list(a)) for a in av[1]]
            words = None if None in alternatives else set().union(*alternatives)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            words = _needed(list(av[2]))
        if words:
            candidates.append(words)
    if run:
        candidates.append({run})
    return candidates if every else min(candidates, key=_fewest_rarest, default=None)


#: How many first characters of the rules' words the automaton of :func:`_rule_starts` holds:
#: ten tell more rules apart than six ("militants" from "militia", "killed by" from "killed in"),
#: and the rules are tried ~20% less often (the automaton takes ~50 ms more to build, once per process).
_START_LENGTH = 10


def _rule_starts(patterns, rules, letter, alternatives=None, tried=None):
    """Where the rules can start: an automaton of the first ten characters
    (:data:`_START_LENGTH`) of the words of the rules' ``patterns``, when they
    can be read from every rule (else None).  The value of a word is its
    length (with the space before it, see below) and the compiled ``rules``
    (in their order) that may start with it or with the shorter words it
    begins with: where several words start, the longest tells which rules to
    try.  The rules are then tried at those word starts only (3x faster than
    trying every word), and only those that may start there (2x again, as
    against the whole alternation).  A match starts with a ``letter`` (or a
    digit): other first characters are left out.  The words are read past
    optional parts ("(?:re)?captur": "recapt" and "captur", not "re", which
    would start in "were" and "there").

    The words are held as :func:`~conflictkit.coding._scan.spaced` writes
    them, for a scan of the text so written (it finds them where a word
    starts, and is faster: FA-KES, 24 -> 14 us a report, a third fewer hits).
    Words written alike ("al-shabaab" and "al shabaab", a space and a
    non-breaking one) are one word, with the rules of both: a rule is tried
    wherever it may start, and maybe where it cannot, as before.

    ``alternatives``: each rule's :func:`_alternative_guards` (None: none).  Where two or more rules
    in a row of a word's have one guard there, they are one regex (:func:`_tried_rules`).  ``tried``:
    a dict to which each word's rules are written, ``{word: (k, …)}`` (their indices in ``rules``).

    A word's value is ``(1 - its length, rules, the rules for ASCII text)`` (:func:`_ascii_twin`:
    one addition a hit finds the start at, :func:`_matches`).  The words are added most frequent
    letters first (:func:`_scan_order`): pyahocorasick looks for a character among a node's branches
    one by one, in the order they were made (FA-KES: ~7% fewer instructions a scan)."""
    prefixes = [literal_prefixes(p, _START_LENGTH, spaces=True) for p in patterns]
    if any(p is None for p in prefixes):
        return None
    first = re.compile(letter)
    masks = {}  # word: bit k set when rules[k] may start with it
    for k, words in enumerate(prefixes):
        for w in words:
            if first.match(w):
                w = spaced(w)
                masks[w] = masks.get(w, 0) | 1 << k
    alternatives = alternatives or [None] * len(rules)
    automaton, compiled = ahocorasick.Automaton(), {}
    for w in sorted(masks, key=_scan_order):
        shorter = [masks.get(w[:n], 0) for n in range(2, len(w))]
        if any(m | masks[w] == m for m in shorter):
            continue  # a shorter word says the same ("two", "two men")
        mask = masks[w] | functools.reduce(operator.or_, shorter, 0)
        ks = tuple(k for k in range(len(rules)) if mask >> k & 1)
        key = (ks, tuple(_guard_at(w, alternatives[k]) for k in ks))
        if key not in compiled:  # (one compiled regex for the words that try the same rules the same way)
            rxs = _tried_rules([rules[k] for k in ks], key[1])
            compiled[key] = (rxs, tuple(map(_ascii_twin, rxs)))
        automaton.add_word(w, (1 - len(w), *compiled[key]))
        if tried is not None:
            tried[w] = ks
    automaton.make_automaton()
    return automaton


#: Letters by how often a word starts with them, and by how often they are in a word (English news; a space
#: first), as characters that sort so (before figures and the rest: :func:`_scan_order`).
_FIRST_ORDER = str.maketrans({c: chr(k + 1) for k, c in enumerate("tasoicwbpfhmrdelngukvyjqzx")})
_ORDER = str.maketrans({c: chr(k + 1) for k, c in enumerate(" etaoinsrhldcumfpgwybvkxjqz")})


def _scan_order(word):
    """Sort key of a word of :func:`_rule_starts` (written by :func:`~conflictkit.coding._scan.spaced`: a
    space, then its letters): its letters, each by how often it starts a word (the first) or is in one (the
    others), the most frequent first; then figures and the rest as written.  (A translation: the automaton
    reads ~20,000 words; a key made in Python for each took ~60 ms.)"""
    return word[:1] + word[1:2].translate(_FIRST_ORDER) + word[2:].translate(_ORDER)


def _ascii_twin(rx):
    """``rx`` compiled with ``re.ASCII``, to match text that is ASCII and holds none of the four
    separators ``\\x1c``-``\\x1f`` (:func:`~conflictkit.coding._scan.plain_ascii`): there it matches as ``rx``
    does.  ``\\w``, ``\\b`` and ``\\d`` mean the same for ASCII characters in both modes, and
    ``\\s`` too but for those separators (spaces to ``str.isspace``, not to ``re.ASCII``); under
    re.UNICODE the engine asks Python's character database about each character it tests (FA-KES:
    ~9% of the rules' instructions).  ``rx`` itself where its flags or characters could make a
    difference: where it ignores case anywhere ("(?i:\\u017f)" matches "s" under re.UNICODE only) or
    is not written in ASCII (and where re.ASCII cannot compile it)."""
    if rx.flags & re.IGNORECASE or _CASE_FLAG.search(rx.pattern) or not rx.pattern.isascii():
        return rx
    try:
        return re.compile(rx.pattern, rx.flags & ~re.UNICODE | re.ASCII)
    except (re.error, ValueError):  # (a global "(?u)": ASCII and UNICODE flags are incompatible)
        return rx


_CASE_FLAG = re.compile(r"\(\?[a-zA-Z-]*i")  # an inline flag that ignores case, "(?i:", "(?si)" (or "(?-i:")


def _guards(tokens):
    """The guards (:func:`_guard`) of the top-level alternatives of a rule's pattern (its ``tokens``,
    :func:`_read_tokens`), in their order; () where the tokens are not read."""
    split = _split_alternatives(tokens)
    return () if split is None else [_guard(alt) for alt in split[0]]


def _split_alternatives(tokens):
    """``(alternatives, tail)`` of a rule's pattern read as ``tokens`` (:func:`_read_tokens`): the
    alternatives of ``(?:A|B|…)`` and the pattern after it, or the pattern as one alternative and "";
    None where the tokens are not read."""
    if tokens is None or len(tokens) != 1:
        return None
    seq = tokens[0]
    if seq and not isinstance(seq[0], str) and seq[0][0] == "(?:" and seq[0][2] == ")":
        return seq[0][1], _join([seq[1:]], factor=False)
    return [seq], ""


def _alternative_guards(tokens, keep=None):
    """The top-level alternatives of a rule's pattern (its ``tokens``, :func:`_read_tokens`: ``(?:A|B|…)``
    and what follows it, or the pattern as one alternative) that have a guard (:func:`_guard`), and those that have none
    as one: for each, its first words as the automaton of :func:`_rule_starts` holds them, their
    starts (each word cut at each length) and its guard (None for those without).  ``keep``: the
    guards to keep (others are none), default all.  None where no alternative has a guard (most rules: their
    alternatives' first words are not read, ~0.1 s a process) or some first words cannot be read."""
    split = _split_alternatives(tokens)
    if split is None:
        return None
    alts, tail = split
    guards = [g if keep is None or g in keep else None for g in map(_guard, alts)]
    if all(g is None for g in guards):
        return None
    parts = [([alt], g) for alt, g in zip(alts, guards) if g is not None]
    rest = [alt for alt, g in zip(alts, guards) if g is None]
    out = []
    for part, guard in parts + ([(rest, None)] if rest else []):
        # (four first characters, not ten: fewer words to read and compare, and a word of the automaton
        # is as much the start of a match or its start is one of them)
        prefixes = literal_prefixes(f"(?:{_join(part, factor=False)}){tail}", 4, spaces=True)
        if prefixes is None:
            return None
        words = {spaced(p) for p in prefixes}
        out.append((words, {w[:n] for w in words for n in range(2, len(w) + 1)}, guard))
    return out


def _guard(seq):
    """A pattern that every match of the alternative ``seq`` (tokens of :func:`_tokens`) matches at its
    start: its tokens up to the word after the first words it skips (a repeated group: "(?:a|an|one|
    [0-9]+) (?:\\w+ ){0,2}(?:civilians?|m[ae]n|…)", "kill\\w* (?:\\w+ ){0,3}soldiers"; a part of a
    sequence matches where the whole does); None where it has no such word, or nothing after it (a
    guard as long as the alternative fails no sooner)."""
    for j, t in enumerate(seq):
        if not isinstance(t, str) and t[2] != ")":  # a repeated group: the words skipped
            end = j + 2 if j + 1 < len(seq) and not isinstance(seq[j + 1], str) else j + 1
            while _plain(seq, end):  # the next word: a group, or its letters
                end += 1
            return _join([seq[:end]]) if j + 1 < end < len(seq) else None  # (factored: see _factored_pattern)
    return None


def _guard_at(word, alternatives):
    """The guard of a rule (its :func:`_alternative_guards`) at a start where ``word`` is the longest
    word of the automaton: the guards of the alternatives that may match there (one of their first words
    starts with ``word`` or is the start of it), as one pattern; None where one of them has none."""
    if alternatives is None:
        return None
    guards = []
    for words, starts, guard in alternatives:  # (starts: the words' starts, each a set: ~1,000 words a rule)
        if word in starts or any(word[:n] in words for n in range(2, len(word))):
            if guard is None:
                return None
            if guard not in guards:
                guards.append(guard)
    return "|".join(guards) if len(guards) == 1 else "(?:" + "|".join(guards) + ")"


def _tried_rules(rules, guards):
    """The compiled ``rules`` to try (in order) at a word start, with their guards there
    (:func:`_guard_at`).  Where two or more rules in a row have the same guard ("a", "an", "2",
    "five": the two rules of a number of civilians hurt, "a … man was shot", "2 … people were
    killed"), they are tried as one regex, the rules an alternation behind a lookahead of the guard:
    most such words are followed by no such noun ("a statement", "2016"), and the guard fails once
    for all of them (their own alternatives fail at the same noun, each after its own call; FA-KES:
    ~18 such words a report, ~1 a hit).  An alternation at one position matches as the first of its
    rules that matches there, and the last group it closes is that rule's: as the loop over the rules
    does (:func:`_matches`)."""
    runs = [[guards[0], [rules[0]]]]
    for rx, guard in zip(rules[1:], guards[1:]):
        if guard is not None and guard == runs[-1][0]:
            runs[-1][1].append(rx)
        else:
            runs.append([guard, [rx]])
    if all(len(run) == 1 for _, run in runs):
        return tuple(rules)
    parts = [rxs[0].pattern if len(rxs) == 1 else f"(?={guard})(?:" + "|".join(rx.pattern for rx in rxs) + ")"
             for guard, rxs in runs]
    return (re.compile("|".join(parts)),)


_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")
_POSSESSIVE = sys.version_info >= (3, 11)  # "\w++": Python 3.11


def _factored_pattern(pattern):
    """``pattern`` rewritten to match the same text in the same way, faster.

    The alternatives of each group that start with the same letter share it
    ("(?:killed|kills|dead)" is "(?:kill(?:ed|s)|dead)"), as
    :func:`~conflictkit.coding.casualties._words` does for grammar lists: the
    engine looks at one letter for the whole group, not once per alternative
    (in order where they can match; an alternative that starts otherwise is
    never moved past).  And a repeated class right before a character it
    cannot match repeats possessively ("\\w+ " is "\\w++ "): giving back a
    letter cannot let the space match, but the engine would try it at each
    letter when what follows fails.  Tried on FA-KES, the rules' tries take
    ~10% less time.  A pattern with other groups than ``(?:``, ``(?P<``
    and the lookarounds is returned as it is."""
    tokens = _read_tokens(pattern)
    return pattern if tokens is None else _join(tokens)


def _read_tokens(pattern):
    """The alternatives of ``pattern`` as :func:`_tokens` reads them, or None where they are not read
    (other groups than ``(?:``, ``(?P<`` and the lookarounds, long escapes, or what it cannot write back)."""
    if re.search(r"\(\?(?![:=!]|<[=!]|P<)", pattern) or re.search(r"\\(?:[xuUNg0-9]|[pP]\{)", pattern):
        return None  # other groups; escapes longer than two characters ("\x41", "\1") are not read
    tokens, k = _tokens(pattern, 0)
    if k != len(pattern) or _join(tokens, factor=False) != pattern:
        return None
    return tokens


def _tokens(pattern, k):
    """The alternatives (lists of tokens) of ``pattern`` from ``k`` up to the
    ``)`` that closes the group (or the end), and the offset after them.  A
    token is one character, escape or class with its quantifier, or a group
    ``(opener, alternatives, closer-and-quantifier)``."""
    alts, seq = [], []
    while k < len(pattern) and pattern[k] != ")":
        c = pattern[k]
        if c == "|":
            alts.append(seq)
            seq, k = [], k + 1
            continue
        if c == "(":
            opener = re.match(r"\((?:\?(?:[:=!]|<[=!]|P<\w+>))?", pattern[k:]).group()
            inner, k = _tokens(pattern, k + len(opener))
            assert pattern[k] == ")"
            q = _QUANTIFIER.match(pattern, k + 1)
            end = q.end() if q else k + 1
            seq.append((opener, inner, pattern[k:end]))
            k = end
            continue
        if c == "\\":
            end = k + 2
        elif c == "[":
            end = k + 1 + (pattern[k + 1] == "^")
            end += pattern[end] == "]"
            while pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            end += 1
        else:
            end = k + 1
        q = _QUANTIFIER.match(pattern, end)
        if q:
            end = q.end()
        seq.append(pattern[k:end])
        k = end
    alts.append(seq)
    return alts, k


def _join(alts, factor=True):
    """The pattern of the alternatives ``alts`` (see :func:`_tokens`): factored and with possessive repeats, or as read."""
    if not factor:
        return "|".join("".join(t if isinstance(t, str) else t[0] + _join(t[1], False) + t[2] for t in seq)
                        for seq in alts)
    return "|".join("".join(t + "+" if _possessive(t, seq[i + 1:i + 2]) else t if isinstance(t, str)
                            else t[0] + _join(t[1]) + t[2] for i, t in enumerate(seq))
                    for seq in _factor(alts))


def _possessive(token, following):
    """Can ``token`` (a class, escape or character repeated greedily with ``+`` or ``*``)
    repeat possessively, as the ``following`` token is one character it cannot match?"""
    if not (_POSSESSIVE and isinstance(token, str) and token[-1:] in ("+", "*")
            and following and isinstance(following[0], str)):
        return False
    atom, c = token[:-1], following[0]
    one_character = (len(atom) == 2 and atom[0] == "\\" or len(atom) > 2 and atom[0] == "[" and atom[-1] == "]"
                     or len(atom) == 1 and atom not in "\\[(|)?*+{")
    return one_character and len(c) == 1 and c not in ".^$" and not re.fullmatch(atom, c)


def _plain(seq, n):
    """Is token ``n`` of ``seq`` one letter or digit that stands alone (no quantifier)?"""
    return n < len(seq) and isinstance(seq[n], str) and len(seq[n]) == 1 and seq[n].isalnum()


def _factor(alts):
    out, run = [], {}

    def flush():
        for group in run.values():
            if len(group) == 1:
                out.append(group[0])
                continue
            n = 1
            while all(_plain(s, n) and s[n] == group[0][n] for s in group):
                n += 1
            out.append(group[0][:n] + [("(?:", [s[n:] for s in group], ")")])
        run.clear()

    for seq in alts:
        if _plain(seq, 0):
            run.setdefault(seq[0], []).append(seq)
        else:
            flush()
            out.append(seq)
    flush()
    return out


def _strip_boundary(pattern):
    if not pattern.startswith("\\b"):
        raise ValueError(f"event rule must start with \\b: {pattern[:30]!r}")
    return pattern[2:]


def event_type_rules():
    """The rule table: ``event_type``, ``sub_event_type``, ``weight``, ``pattern``,
    ``case_sensitive`` ("1": the pattern matches as written, not ignoring case),
    ``outcome`` ("1": the rule tells who was hurt, not how, and gives way to a
    weapon: see :data:`WEAPON_TYPES`)."""
    return load_resources().event_rules.copy()


def _event_types():
    rules = event_type_rules()
    return dict(zip(rules["sub_event_type"], rules["event_type"]))


EVENT_TYPES = _event_types()


def classify_event_type(text, default=("Battles", "Armed clash"), types=None, rules=None):
    """``(event_type, sub_event_type, score)`` for a sentence or snippet.

    ``types`` (optional) limits the answer to these event types (ACLED's
    six, say); ``default`` is the answer when no rule of them matches;
    ``rules`` the rules to use (as :func:`compile_event_rules` takes them:
    a Resources with overlays, say; default the bundled rules).

    Examples
    --------
    >>> classify_event_type("Russian warplanes pounded the town, killing six civilians")[:2]
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> classify_event_type("NLF rebels launched mortar and rocket strikes at regime forces")[:2]
    ('Explosions/Remote violence', 'Shelling/artillery/missile attack')
    """
    return score_cues(find_event_cues(text, rules=rules), default, types)


def score_cues(cues, default=("Battles", "Armed clash"), types=None, context=()):
    """``(event_type, sub_event_type, score)`` from the :class:`EventCue`
    list of a text: each sub-type scores the weights of its rules that hit
    (a rule hit n times counts 1 + 0.25 (n - 1) times); the highest wins.
    Cues of the ``context`` (the sentences around) count half.  Where the
    text's own ``cues`` name a weapon (:data:`WEAPON_TYPES`) and neither
    they nor the ``context`` another way of fighting (a cue of another
    type above :data:`TRIGGER_WEIGHT`),
    its outcome cues (:attr:`EventCue.outcome`: "5 people were killed") do
    not count: "5 people were killed when a car bomb exploded" is an explosion.
    ``types`` and ``default`` as in :func:`classify_event_type`.

    >>> score_cues(find_event_cues("5 people were killed and 12 wounded when a car bomb exploded"))[:2]
    ('Explosions/Remote violence', 'Remote explosive/landmine/IED')
    """
    if _weapon_only(cues) and not tells_fighting(context):
        cues = [c for c in cues if not c.outcome]
    return best_score(cues, default, types, context)


def best_score(cues, default=("Battles", "Armed clash"), types=None, context=()):
    """:func:`score_cues` once the outcome cues that a weapon makes count for nothing are left
    out of ``cues`` (for a caller that knows already whether the cues tell of fighting)."""
    scores, type_of = _sub_scores(cues, types, 1.0)
    if context:
        context_scores, context_type_of = _sub_scores(context, types, 0.5)
        # the context's scores added to the cues' (its sub-types after theirs), the type of a
        # sub-type the cues' where they have it (as {**context_type_of, **type_of}, no dicts copied)
        for sub, score in context_scores.items():
            if sub in scores:
                scores[sub] += score
            else:
                scores[sub] = 0.0 + score
                type_of[sub] = context_type_of[sub]
    if not scores:
        return default[0], default[1], 0.0
    best = max(scores, key=scores.get)
    return type_of[best], best, scores[best]


def _weapon_only(cues):
    """Do ``cues`` name a weapon (:data:`WEAPON_TYPES`) and no other way of fighting?"""
    for c in cues:  # (a loop, not any() of a generator: most cues name no weapon)
        if c.event_type in WEAPON_TYPES:
            return not tells_fighting(cues)
    return False


def tells_fighting(cues):
    """Do ``cues`` tell of fighting other than with a weapon: a cue of a battle, a protest, a riot or
    violence against civilians above :data:`TRIGGER_WEIGHT` that is no outcome ("clashed", "ambushed",
    "protested", "shot dead"; not "5 people were killed")?

    >>> tells_fighting(find_event_cues("Rebels ambushed a convoy.")), tells_fighting(find_event_cues("Five died."))
    (True, False)
    """
    for c in cues:  # (inline: a function call per cue costs more than its test)
        if not c.outcome and c.weight > TRIGGER_WEIGHT and c.event_type in _FIGHTING_TYPES:
            return True  # a way of fighting other than a weapon ("clashed", "ambushed", "rioters")
    return False


def _sub_scores(cues, types, factor):
    """``({sub_event_type: score}, {sub_event_type: event_type})`` of cues (each
    carries its rule's type, sub-type and weight)."""
    hits, first = {}, {}  # {rule: times it hit}, {rule: its first cue}, in the order the rules first hit
    for c in cues:
        rule = c.rule
        if rule in hits:
            hits[rule] += 1
        else:
            hits[rule] = 1
            first[rule] = c
    scores, type_of = {}, {}
    for rule, n in hits.items():
        c = first[rule]
        if types is None or c.event_type in types:
            # (most rules hit once, and x * 1.0 is x; an `in` test and += cost less than get() and a
            # store; 0.0 + score is what scores.get(sub, 0.0) + score gave: -0.0 becomes 0.0)
            sub = c.sub_event_type
            score = factor * c.weight if n == 1 else factor * c.weight * (1 + 0.25 * (n - 1))
            if sub in scores:
                scores[sub] += score
            else:
                scores[sub] = 0.0 + score
            type_of[sub] = c.event_type
    return scores, type_of


class EventCue(NamedTuple):
    """A rule hit: the words that suggest an event, with offsets into the text."""

    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    weight: float
    rule: str = ""  # the rule that hit (its group in the compiled rules)
    outcome: bool = False  # the rule tells who was hurt, not how (see :data:`WEAPON_TYPES`)

    @property
    def trigger(self):
        """Does this cue on its own say an ACLED event happened?"""
        return self.weight >= TRIGGER_WEIGHT and self.event_type in _ACLED_TYPES


def find_event_cues(text, start=0, end=None, rules=None):
    """Every event-type rule hit in ``text[start:end]``, as :class:`EventCue`
    in text order (a position counts for the first rule that matches there).
    ``rules``: as :func:`compile_event_rules` takes them (default: the bundled rules).

    Examples
    --------
    >>> [(c.text, c.sub_event_type, c.trigger) for c in find_event_cues("Hundreds of students protested in Accra.")]
    [('protested', 'Peaceful protest', True)]
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    low = chunk.lower()
    out, parts = [], 0  # parts: how many alternations found cues
    for alt in compile_event_rules(rules).alternations:
        t = low if alt.lowered else chunk
        present = None  # the words of alt.needs in t
        if alt.needs is not None:
            present = [w for w in alt.needs if w in t]
            if not present:
                continue
        cues, found = alt.cues, len(out)
        for m in alt.pattern.finditer(t) if alt.starts is None else _matches(alt, t, present):
            s, e = m.span()
            # tuple.__new__: an EventCue without the Python call of its __new__ (its fields in order;
            # the rule's joined to the span's as tuples: faster than unpacked into a display)
            out.append(new_tuple(EventCue, (start + s, start + e, chunk[s:e]) + cues[m.lastgroup]))
        parts += len(out) > found
    # one alternation's cues are in text order (each starts after the one before): sorted only
    # where two found some (the case-sensitive rules find none in most texts)
    return sorted(out) if parts > 1 else out




def _matches(alt, text, present=None):
    """``alt.pattern.finditer(text)``'s matches, found by trying at each word
    start where a rule's first letters are only the rules that may start there
    (in plain ASCII text, :func:`~conflictkit.coding._scan.plain_ascii`, their twins compiled for it: :func:`_ascii_twin`).
    ``present``: the words of ``alt.needs`` that ``text`` holds, if known (then a word of ``alt.words``
    whose rules need others is not looked for: none of them can match, nor those of the shorter words it
    starts with, which it tries too)."""
    scanned = spaced(text)  # a word of the automaton found at k in it starts at k in text
    plain = plain_ascii(text)
    if alt.words is not None:  # a few words: each found by str.find, the longest at a start last
        at = {}
        needs = alt.word_needs if present is not None else None
        for n, (word, rules, ascii_rules) in enumerate(alt.words):
            if needs is not None and needs[n].isdisjoint(present):
                continue
            k = scanned.find(word)
            while k >= 0:
                at[k] = ascii_rules if plain else rules
                k = scanned.find(word, k + 1)
    elif plain:  # for one start, the longest word comes last (d: 1 - its length)
        at = {last + d: rules for last, (d, _, rules) in alt.starts.iter(scanned)}
    else:
        at = {last + d: rules for last, (d, rules, _) in alt.starts.iter(scanned)}
    starts = sorted(at)
    if not text.isascii():  # a hit after a letter outside ASCII ("é") is inside a word
        starts = [s for s in starts if not (s and (text[s - 1].isalnum() or text[s - 1] == "_"))]
    out, end = [], -1
    for s in starts:
        if s < end:  # inside a match
            continue
        for rx in at[s]:  # the first rule that matches here, as in the alternation
            m = rx.match(text, s)
            if m:
                out.append(m)
                end = m.end()
                break
    return out


# Words before, in or just after a cue that make it no report of an event: a modal, a plan, a threat, a call.
# ("may" the modal, not the month: "3 May", "May 3", "in May 2021")
_MAY = r"(?<!\d )(?<!\bin )(?<!\bof )(?<!\bon )(?<!\bmid-)may(?! \d)"
_UNREAL_RX = re.compile(r"\b(?:would|could|should|might|must|will|shall|" + _MAY + r"|can|cannot|won't|wouldn't|"
                        r"(?:plan|threaten|vow|intend|promise|pledge|call|urge|want|hope|seek|refuse)(?:s|ed)?"
                        r"(?: not)? to|calls? for|called for|if|unless|whether|never)\b")
_UNREAL_WORDS = literal_automaton(literal_prefixes(_UNREAL_RX.pattern))  # where _UNREAL_RX can start
_UNREAL_AFTER_RX = re.compile(r"\W*(?:\w+\W+){0,2}?(?:would|could|should|might|must|will|shall|" + _MAY + r"|can)\b")
# A past tense or a day: the sentence tells of something that happened.
_HAPPENED_RX = re.compile(
    r"\b(?:(?!(?:arm|unit|alleg|bas|relat|call|suppos|need|concern|interest|involv|organi[sz])ed\b)\w{3,}ed\b|"
    r"took|fought|shot|threw|burnt|held|struck|hit|broke|began|went|came|fled|stole|led|blew|met|ran|made|"
    r"caught|brought|sent|overran|overrun|set (?:up|fire|ablaze)|yesterday|last (?:night|week|month)|"
    r"(?:on|since|late|early) (?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}/\d{1,2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)? "
    r"(?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
# People who act: "Doctors protest over salaries" tells of an event, "Protest is a right" does not.
_PEOPLE_RX = re.compile(r"\b(?:[a-z]+ers|[a-z]+ists|[a-z]+ants|students|doctors|nurses|residents|villagers|youths|"
                        r"employees|staff|unions?|workers|civil servants|police|soldiers|troops|forces|militants|"
                        r"gunmen|"
                        r"rebels|supporters|members|people|crowds?|mobs?|protesters|demonstrators)\b")
# A name or a number past the sentence's first word: the sentence is about someone, somewhere, some people.
_PARTICULAR_RX = re.compile(r"(?<=\s)(?:(?!(?:I|The|A|An|It|This|That|These|Those|We|They|He|She)\b)[A-Z][\w'-]+|\d+)")


def event_sentences(text, sentences, cues=None):
    """``{sentence index: [trigger cues]}`` for the sentences that report an
    event: a trigger cue (:attr:`EventCue.trigger`) not under a modal, plan,
    threat or condition ("protesters threatened to march"), in a sentence
    with a past tense, a day, a name, a number or people who act (not a
    general statement: "protest is the lifeblood of democracy").

    Examples
    --------
    >>> t = "Protests are a right. Police dispersed a rally in Lagos. Unions will strike if pay is cut."
    >>> spans = [(0, 21), (22, 56), (57, 88)]
    >>> {i: [c.text for c in cs] for i, cs in event_sentences(t, spans).items()}
    {1: ['Police dispersed', 'rally']}
    """
    cues = find_event_cues(text, sentences[0][0], sentences[-1][1]) if cues is None and sentences else cues or []
    starts = [s for s, _ in sentences]
    by_sentence = {}
    for c in cues:
        if not (c.weight >= TRIGGER_WEIGHT and c.event_type in _ACLED_TYPES):  # c.trigger, without a property call
            continue
        i = bisect.bisect_right(starts, c.start) - 1
        if i < 0 or c.start >= sentences[i][1]:
            continue
        by_sentence.setdefault(i, []).append(c)
    out = {}
    for i, triggers in by_sentence.items():
        reported = reported_triggers(text, sentences[i], triggers)
        if reported:
            out[i] = reported
    return out


def reported_triggers(text, sentence, cues):
    """The trigger cues of ``cues`` (those of the sentence span ``sentence``, in text order) that
    report an event, as :func:`event_sentences` reads them: not under a modal, plan, threat or
    condition, in a sentence that tells of something particular (a past tense, a day, a name, a
    number or people who act).  One sentence's part of :func:`event_sentences`: a caller that
    needs only some sentences reads only those.

    >>> t = "Police dispersed a rally in Lagos."
    >>> [c.text for c in reported_triggers(t, (0, len(t)), find_event_cues(t))]
    ['Police dispersed', 'rally']
    """
    out, read = [], None
    s, e = sentence
    for c in cues:
        if not (c.weight >= TRIGGER_WEIGHT and c.event_type in _ACLED_TYPES):  # c.trigger, without a property call
            continue
        if read is None:
            low = lower_same_length(text[s:e])  # the patterns are lower case: faster than re.IGNORECASE
            # the cheapest test first: a sentence that tells nothing particular needs no look at its modals
            told = bool(_PARTICULAR_RX.search(text, s, e) or _HAPPENED_RX.search(low) or _PEOPLE_RX.search(low))
            if not told:
                return []
            read = word_starts(_UNREAL_WORDS, low)
        end = c.end - s
        if not (_unreal_before(low, read, end) or _unreal_after(low, read, end)):
            out.append(c)
    return out


def _unreal_before(low, starts, end):
    """``_UNREAL_RX.search(low, 0, end)``, tried only at the ``starts`` of its words in ``low``."""
    if not starts or starts[0] >= end:  # most sentences: no generator made
        return False
    return any(_UNREAL_RX.match(low, k, end) for k in starts if k < end)


def _unreal_after(low, starts, end):
    """``_UNREAL_AFTER_RX.match(low, end)``, tried only where its modal can start: at a word start
    at or after ``end`` (one of the ``starts`` of the words of ``_UNREAL_RX``), or at ``end`` inside a word."""
    if starts and starts[-1] >= end:
        return _UNREAL_AFTER_RX.match(low, end)
    # inside a word: word characters at end - 1 and at end, inline (once per cue)
    if end < len(low) and (low[end].isalnum() or low[end] == "_") and (low[end - 1].isalnum() or low[end - 1] == "_"):
        return _UNREAL_AFTER_RX.match(low, end)
    return None
