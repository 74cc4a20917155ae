"""Actors in ACLED's naming, for any country, and who acts on whom.

ACLED names state forces by country and regime ("Military Forces of Kenya
(2013-)", "Police Forces of Afghanistan (2014-)"), unnamed groups by what
they do and where ("Protesters (Ghana)", "Rioters (Kenya)", "Unidentified
Armed Group (Nigeria)", "Civilians (Kenya)") and organisations by their
names (Al Shabaab, Taliban, Boko Haram; the bundled actor dictionary).

* :func:`find_generic_actors` finds the unnamed actors of a sentence
  ("Kenyan police", "gunmen", "villagers", "soldiers believed to be
  Russian") with their offsets, the country their words name (demonyms and
  country names from ``countryinfo``) and any hedge on the attribution.
* :func:`acled_actor_name` writes an actor ACLED's way for a country and
  date; the regime years come from ``resources/regimes.csv``.
* :func:`assign_roles` reads who acts (actor1) and who is acted on (actor2)
  from the sentence around an event cue: the agent of the cue verb, "by X"
  after a passive, "between X and Y"; civilians are never the actor1 of
  violence against them.
"""

import re
from functools import lru_cache
from typing import NamedTuple

import ahocorasick
import pandas as pd

from .._data import resource_path
from ._scan import literal_prefixes, lower_same_length, matches_at, new_tuple, spaced

__all__ = ["ActorMention", "EventActors", "acled_country_name", "country_code", "regime_years", "acled_actor_name",
           "find_generic_actors", "assign_roles", "dictionary_mention", "merge_mentions", "event_actors", "forces_of",
           "is_state_force",
           "ACTOR_KINDS"]

#: Kinds of actor mention, and the ACLED name pattern of the unnamed ones.
ACTOR_KINDS = {
    "military": "Military Forces of {country}",
    "police": "Police Forces of {country}",
    "armed_group": "Unidentified Armed Group ({country})",
    "protesters": "Protesters ({country})",
    "rioters": "Rioters ({country})",
    "civilians": "Civilians ({country})",
    "named": "{actor}",
}

# ACLED writes these countries differently from the common English name.
_ACLED_COUNTRY = {"CD": "Democratic Republic of Congo", "CG": "Republic of Congo",
                  "US": "the United States", "GB": "the United Kingdom", "SZ": "eSwatini",
                  "CI": "Ivory Coast", "PS": "Palestine", "KR": "South Korea", "KP": "North Korea"}


class ActorMention(NamedTuple):
    """An actor named in a text.

    ``kind`` is one of :data:`ACTOR_KINDS`; ``country`` the ISO 3166-1
    alpha-2 code its words name ("" when they name none); ``hedge`` the
    words that make the attribution uncertain ("believed to be"), "" if none.
    """

    start: int
    end: int
    text: str
    kind: str
    country: str = ""
    actor: str = ""
    hedge: str = ""

    @property
    def suspected(self):
        return bool(self.hedge)


@lru_cache(maxsize=1)
def _countries():
    """``(names, codes)``: ACLED country name by ISO code, and ISO codes by
    lower-cased country name or demonym ("kenyan" -> ["KE"])."""
    from countryinfo import CountryInfo

    try:
        table = CountryInfo.all()  # countryinfo >= 1.0: a class method
    except TypeError:
        table = CountryInfo().all()  # countryinfo 0.1 (Python 3.10)
    names, codes = {}, {}
    for info in table.values():
        iso = (info.get("ISO") or {}).get("alpha2")
        if not iso or not info.get("name"):
            continue
        names[iso] = _ACLED_COUNTRY.get(iso, info["name"])
        words = {info["name"], names[iso].removeprefix("the "), info.get("demonym") or ""}
        for w in words - {""}:
            codes.setdefault(w.lower(), []).append(iso)
    return names, codes


def acled_country_name(code):
    """ACLED's name of a country given its ISO 3166-1 alpha-2 code.

    Examples
    --------
    >>> acled_country_name("KE"), acled_country_name("CD")
    ('Kenya', 'Democratic Republic of Congo')
    """
    return _countries()[0].get(code, "")


def country_code(word, prefer=""):
    """The ISO code a country name or demonym names ("" if none); of two
    countries sharing a demonym ("Congolese") the ``prefer`` one.

    Examples
    --------
    >>> country_code("Nigerian"), country_code("Somali"), country_code("Congolese", prefer="CG")
    ('NG', 'SO', 'CG')
    """
    hits = _countries()[1].get(word.lower().removesuffix("'s").removesuffix("\u2019s"), [])
    return prefer if prefer in hits else (hits[0] if hits else "")


@lru_cache(maxsize=1)
def _regimes():
    with resource_path("regimes.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f, dtype=str, keep_default_na=False)
    out = {}
    for row in table.itertuples():
        out.setdefault(row.country, []).append((int(row.start), int(row.end) if row.end else None))
    return out


def regime_years(code, year=None):
    """The regime-year suffix ACLED gives a country's state forces in
    ``year`` (default: the latest regime), as ACLED wrote it while the regime
    lasted: ``"(2013-)"``; "" where the bundled table does not know.

    Examples
    --------
    >>> regime_years("KE", 2016), regime_years("KE", 2023), regime_years("SD", 2016)
    ('(2013-)', '(2022-)', '(1989-)')
    """
    periods = _regimes().get(code, [])
    if year is not None:
        periods = [p for p in periods if p[0] <= year and (p[1] is None or year <= p[1])]
        periods = periods[-1:] if periods and periods[-1][1] != year else periods[:1]
    return f"({periods[-1][0]}-)" if periods else ""


@lru_cache(maxsize=4096)  # a pure function of a few values, asked again for every event
def acled_actor_name(kind, country="", year=None, actor=""):
    """An actor's ACLED name: ``kind`` (:data:`ACTOR_KINDS`) in ``country``
    (ISO alpha-2) in ``year``.  A named actor keeps its name, except that a
    dictionary's "Military Forces of Syria" gets its regime years and
    "Civilians" its country.

    Examples
    --------
    >>> acled_actor_name("military", "KE", 2016)
    'Military Forces of Kenya (2013-)'
    >>> acled_actor_name("protesters", "GH")
    'Protesters (Ghana)'
    >>> acled_actor_name("named", "SY", 2019, actor="Military Forces of Syria")
    'Military Forces of Syria (2000-)'
    >>> acled_actor_name("civilians")
    'Civilians'
    """
    if kind == "named":
        m = re.fullmatch(r"(Military|Police) Forces of (.+)", actor)
        code = country_code(m.group(2)) if m else ""
        if code:
            return f"{actor} {regime_years(code, year)}".rstrip()
        if actor in ("Civilians", "Protesters", "Rioters") and country:
            return f"{actor} ({acled_country_name(country)})"
        return actor
    name = acled_country_name(country)
    if not name:
        return ACTOR_KINDS[kind].split(" ({")[0].replace(" of {country}", "")
    out = ACTOR_KINDS[kind].format(country=name)
    if kind in ("military", "police"):
        out = f"{out} {regime_years(country, year)}".rstrip()
    return out


# ---------------------------------------------------------------------------
# Unnamed actors in a sentence

_NOUNS = {
    "military": r"soldiers?|troops|army|military|armed forces|defen[cs]e forces|servicem[ae]n|navy|marines|"
                r"security forces|government forces|state forces|forces|warplanes?|war ?planes?|jets?|aircraft|"
                r"helicopters?|gunships?|air ?force|drones?|air ?strikes?|air ?raids?|artillery|shelling",
    "police": r"police(?:m[ae]n| officers| forces)?|riot police|anti-riot police|gendarmes?|gendarmerie|cops",
    "armed_group": r"gunmen|gunman|armed men|armed man|assailants?|attackers?|bandits|armed groups?|"
                   r"militants|militant(?=\s*(?:[,.;:)]|$)|\s+(?:was|is|who|in|on|at|near|during|after|and|from|"
                   r"had|has|with|of|by)\b)|"  # "a suspected militant", not "militant positions"
                   r"militiam[ae]n|unidentified men|unknown men|masked men|kidnappers|abductors|"
                   r"rebels|rebel (?:fighters|forces|groups?|factions)|insurgents|opposition (?:fighters|forces)",
    "protesters": r"protesters|protestors|demonstrators|marchers|strikers",
    "rioters": r"rioters|mobs?|angry youths?|irate youths?",
    "civilians": r"civilians?|villagers?|residents?|people|persons|individuals|m[ae]n|wom[ae]n|boys?|girls?|"
                 r"child(?:ren)?|farmers?|herders?|traders?|students?|teachers?|pupils?|passengers?|drivers?|"
                 r"worshippers|journalists?|famil(?:y|ies)|chiefs?|pastors?|priests?|imams?|nurses?|doctors?|"
                 r"businessm[ae]n|workers?|refugees|motorists|fishermen|miners|shopkeepers?|a local|supporters|"
                 r"activists",
}
# nouns that name state forces only with a country before them ("Kenyan forces", "Russian jets")
_NEED_COUNTRY = re.compile(r"forces|warplanes?|war ?planes?|jets?|aircraft|helicopters?|gunships?|drones?|"
                           r"air ?strikes?|air ?raids?|artillery|shelling|militants")
_STATE_BEFORE = re.compile(r"\b(?:government|state|security|army|regime)\s+$")
# lower case, matched against lower-cased text (much faster than re.IGNORECASE)
_NOUN_RX = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _NOUNS.items()) + r")\b")
_HEDGE_RX = re.compile(r"\b(believed to be|thought to be|said to be|suspected(?: of being)?|allegedly|reportedly|"
                       r"presumably|presumed|probably|possibly|likely|apparently|purportedly)"
                       r"(?:\s+(?:by|to be|the|a|an))?\s+(?:\w+\s+){0,2}$", re.I)
# Every match of _HEDGE_RX in ASCII text holds one of these, lower-cased.
_HEDGE_STEM = re.compile(r"believ|thought|said|suspect|alleged|report|presum|probabl|possibl|likely|apparent|purport")
_HEDGE_WORD_RX = re.compile(r"\b(?:believed to|thought to|said to|suspected|allegedly|reportedly|presum|probably|"
                            r"possibly|likely|apparently|purported)")
# Every match of _NOUN_RX (of _HEDGE_WORD_RX) starts a word with one of these:
# the pattern is tried there only, not at every character of the sentence.
_NOUN_WORDS = frozenset(literal_prefixes(_NOUN_RX.pattern))
_HEDGE_WORDS = frozenset(literal_prefixes(_HEDGE_WORD_RX.pattern))


def _first_words(nouns, hedges):
    """One automaton of both sets of first words (a sentence is scanned once, not twice; each
    scan has a cost of its own), to scan a sentence as ``_scan.spaced`` writes it (a word found
    where a word starts; its root one branch: a faster scan): a word's value is its length as it
    holds it and whether it starts a noun, a hedge (words written alike, "anti-r" and "anti r", both)."""
    values = {}
    for word in set(nouns) | set(hedges):
        key = spaced(word)
        _, noun, hedge = values.get(key, (0, False, False))
        values[key] = (len(key), noun or word in nouns, hedge or word in hedges)
    automaton = ahocorasick.Automaton()
    for key, value in values.items():
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


_FIRST_WORDS = _first_words(_NOUN_WORDS, _HEDGE_WORDS)
_WORD_BEFORE = re.compile(r"((?:[A-Z][\w'\u2019-]*\s+){1,3})$")
_DEMONYM_RX = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")


def _qualifier(text, start, prefer):
    """The country named by the capitalised words just before ``start``
    ("Kenyan", "South Sudanese", "Nigeria's"), and where they start."""
    # _WORD_BEFORE ends with a capital's word and a space at ``start``: without a space there, or
    # with no capital in the word before it ("the police"), no search.
    lo = max(0, start - 40)
    if start <= lo or not text[start - 1].isspace():
        return "", start
    last = text[lo:start].rsplit(None, 1)[-1:]
    if not last or last[0].lower() == last[0]:
        return "", start
    m = _WORD_BEFORE.search(text, lo, start)
    if not m:
        return "", start
    words = m.group(1).split()
    for k in range(len(words)):
        code = country_code(" ".join(words[k:]), prefer)
        if code:
            return code, start - len(" ".join(words[k:])) - 1
    return "", start


#: How far before a mention its hedge is looked for (:func:`_hedge`).
_HEDGE_REACH = 45


def _hedge(text, start):
    window = text[max(0, start - _HEDGE_REACH):start]
    if window.isascii() and not _HEDGE_STEM.search(window.lower()):
        return ""  # most windows hold no hedge: their search is cheaper
    m = _HEDGE_RX.search(text, max(0, start - _HEDGE_REACH), start)
    return m.group(1) if m else ""


def _word_starts(low):
    """The word starts in ``low`` where a word of :data:`_NOUN_WORDS` and where one of
    :data:`_HEDGE_WORDS` begins (as ``_scan.word_starts`` of each; and where a word written alike
    by ``_scan.spaced`` does, "anti riot": a pattern is tried there in vain), in one scan (_FIRST_WORDS)."""
    nouns, hedges = set(), set()
    for last, (length, noun, hedge) in _FIRST_WORDS.iter(spaced(low)):
        if noun:
            nouns.add(last + 1 - length)
        if hedge:
            hedges.add(last + 1 - length)
    if not low.isascii():  # a hit after a letter outside ASCII ("é") is inside a word
        nouns = [s for s in nouns if not (s and (low[s - 1].isalnum() or low[s - 1] == "_"))]
        hedges = [s for s in hedges if not (s and (low[s - 1].isalnum() or low[s - 1] == "_"))]
    return sorted(nouns), sorted(hedges)


def find_generic_actors(text, start=0, end=None, country=""):
    """The unnamed actors in ``text[start:end]`` (:class:`ActorMention` list).

    ``country`` (ISO alpha-2) is preferred where a demonym names two
    countries.  A bare demonym after a hedge ("warplanes believed to be
    Russian") names that country's military.

    Examples
    --------
    >>> [(m.text, m.kind, m.country) for m in find_generic_actors("Kenyan police dispersed protesters")]
    [('Kenyan police', 'police', 'KE'), ('protesters', 'protesters', '')]
    >>> [(m.text, m.kind, m.country, m.hedge) for m in find_generic_actors(
    ...     "an air strike by jets believed to be Russian")][-1]
    ('Russian', 'military', 'RU', 'believed to be')
    """
    end = len(text) if end is None else end
    return generic_actors_in(text, start, end, country, lower_same_length(text[start:end]))


def generic_actors_in(text, start, end, country, low):
    """:func:`find_generic_actors` of ``text[start:end]`` for a caller that has lower-cased it
    already (``low``: ``lower_same_length(text[start:end])``)."""
    nouns, hedges = _word_starts(low)
    hedged = bool(hedges) and any(_HEDGE_WORD_RX.match(low, p) for p in hedges)  # (most sentences: no generator)
    # Where the sentence holds no hedge word (and is ASCII: under re.IGNORECASE "ſ" matches s), a
    # window of _hedge inside it holds none either: no search.
    plain = not hedged and text[start:end].isascii()
    out = []
    for m in matches_at(_NOUN_RX, low, nouns):
        ms, me, word = start + m.start(), start + m.end(), m.group(0)
        code, s = _qualifier(text, ms, country)
        # (every noun of _NEED_COUNTRY but "militants" is a military one: the group is read first, and most
        # mentions, people, police, armed men, are no military noun: no fullmatch)
        if not code and m.lastgroup == "military" and _NEED_COUNTRY.fullmatch(word) and not _STATE_BEFORE.search(
                low, max(0, m.start() - 12), m.start()) and word not in ("security forces", "government forces"):
            continue  # "forces", "jets": whose?
        if code and word.startswith("militant"):
            continue  # "Somali militants" are not an unidentified group of Somalia
        # (new_tuple: made without the Python call of a named tuple's __new__, once per mention)
        out.append(new_tuple(ActorMention, (s, me, text[s:me], m.lastgroup, code, "",
                                            "" if plain and s - _HEDGE_REACH >= start else _hedge(text, s))))
    for m in _DEMONYM_RX.finditer(text, start, end) if hedged else ():
        hedge = _hedge(text, m.start())
        code = country_code(m.group(0), country) if hedge else ""
        if code and not any(a.start <= m.start() < a.end for a in out):
            out.append(ActorMention(m.start(), m.end(), m.group(0), "military", code, hedge=hedge))
    return sorted(out)


# ---------------------------------------------------------------------------
# Roles: who acts, who is acted on

_PASSIVE_RX = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+|\w+\s+and\s+)?$", re.I)
_BETWEEN_RX = re.compile(r"\bbetween\b", re.I)
_AGAINST_RX = re.compile(r"\bagainst\b", re.I)
_BY_RX = re.compile(r"\b(?:by|from)\s+(?:[\w-]+\s+){0,5}$", re.I)  # the agent of a passive or a noun
_BY_ONLY_RX = re.compile(r"\bby\s+(?:[\w-]+\s+){0,5}$", re.I)
# Verbs of taking ground: what follows "from" lost it ("captured the hill from IS").
_TAKE_RX = re.compile(r"\b(?:re)?(?:captur|seiz|took|tak|regain|wrest|liberat|expel|drove|driv|oust|clear)", re.I)


class _Role(NamedTuple):
    agent: object
    patient: object


def assign_roles(text, cue_start, cue_end, mentions, sentence=(0, None)):
    """``(agent, patient)`` mentions of the event cue at
    ``text[cue_start:cue_end]`` (either may be None).

    ``mentions`` are the actor mentions of the sentence (anything with
    ``start``/``end``), ``sentence`` its span.  The patient of a passive
    ("were attacked by gunmen") is before the cue and its agent after "by";
    "clashes between X and Y" make X the agent and Y the patient; in the
    active voice the agent is the nearest mention before the cue and the
    patient the first one after it.

    Examples
    --------
    >>> t = "Three farmers were killed by gunmen in Zamfara."
    >>> ms = [m for m in find_generic_actors(t)]
    >>> a, p = assign_roles(t, t.index("killed"), t.index("killed") + 6, ms)
    >>> a.text, p.text
    ('gunmen', 'farmers')
    """
    s0, s1 = sentence[0], len(text) if sentence[1] is None else sentence[1]
    mentions = sorted([m for m in mentions if s0 <= m.start and m.end <= s1])
    i = 0  # bisect_left of cue_end in the mentions' starts (a loop: a sentence names a few, no list made)
    for m in mentions:
        if m.start >= cue_end:
            break
        i += 1
    following = mentions[i:]  # those from the cue's end on
    heads = _heads(text, mentions) if len(mentions) > 1 else mentions  # (one mention heads its group)
    if len(heads) == len(mentions):  # (most sentences: every mention heads its group, no set to look in)
        before = [m for m in mentions[:i] if m.start < cue_start]  # "QSD fighters" may start the cue
        after = following
    else:
        heads = set(heads)
        before = [m for m in mentions[:i] if m.start < cue_start and m in heads]
        after = [m for m in following if m in heads]
    by = None
    for m in after:  # (a loop, not next() of a generator: most sentences have one or two mentions after the cue)
        if _by_agent(text, cue_start, cue_end, m):
            by = m
            break
    between = _between(text, cue_start, min(s1, cue_end + 40))
    if between:
        pair = [m for m in following if m.start > between.end()][:2]
        against = _AGAINST_RX.search(text, pair[1].end, min(s1, pair[1].end + 40)) if len(pair) == 2 else None
        if against:  # "between X and Y against Z": X and Y are one side
            pair = [pair[0], next((m for m in after if m.start >= against.end()), pair[1])]
        if len(pair) == 2:
            return new_tuple(_Role, (pair[0], pair[1]))
    # (new_tuple: a _Role made without the Python call of a named tuple's __new__; a loop, not next()
    # of a generator, for the patient: a mention or two after the cue)
    if _passive(text, max(s0, cue_start - 30), cue_start):
        agent = by
        if before:
            return new_tuple(_Role, (agent, before[-1]))
    else:
        agent = by or (before[-1] if before else None)
    for m in after:
        if m is not agent:
            return new_tuple(_Role, (agent, m))
    return new_tuple(_Role, (agent, None))


def _passive(text, start, end):
    """Does ``_PASSIVE_RX`` find a passive's auxiliary in ``text[start:end]``?  Every match holds
    "is", "are", "was", "were", "be", "got" or "get" (in any case): in an ASCII window without one,
    no search.  (Under re.IGNORECASE "\u017f" matches s and "\u0130", "\u0131" match i: a window
    that is not ASCII is searched.)"""
    window = text[start:end]
    if window.isascii():
        low = window.lower()
        if "is" not in low and "are" not in low and "was" not in low and "were" not in low and "be" not in low \
                and "got" not in low and "get" not in low:
            return False
    return _PASSIVE_RX.search(text, start, end) is not None


def _between(text, start, end):
    """``_BETWEEN_RX.search(text, start, end)``, searched only where "between" is: under
    re.IGNORECASE only the ASCII letters of "between" (in either case) match its letters."""
    return _BETWEEN_RX.search(text, start, end) if "between" in text[start:end].lower() else None


# What joins a mention to the one before it as its ally ("QSD supported by Coalition
# jets", "regime forces backed by Russian warplanes", "along with") or as a second
# actor of the same side ("Regime and loyalist militia forces", "HTS, AAS and …").
_SUPPORT_RX = re.compile(r"\b(?:(?:supported|backed|aided|assisted|accompanied|joined|reinforced|covered)\s+by|"
                         r"along\s*(?:side|with)|together\s+with|in\s+coordination\s+with|with\s+(?:the\s+)?"
                         r"(?:support|backing|help|cover)\s+(?:of|from))\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:[\w\-]+\s+){0,2}$", re.I)
_AND_RX = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+|its\s+|their\s+)?$", re.I)


def _heads(text, mentions):
    """The ``mentions`` (sorted, of one stretch of a sentence) that head their
    group: not an ally named after "supported by", "backed by", "along with"
    (from the mention before it), nor a second actor joined by "and" to the one
    before (ACLED's actor1 is the first named; the others are its allies).

    >>> t = "Regime and loyalist militia forces, supported by Russian jets, clashed with HTS"
    >>> ms = [ActorMention(0, 6, "Regime", "named", "SY", "A"), ActorMention(11, 27, "loyalist militia", "named", "SY", "B"),
    ...       ActorMention(49, 56, "Russian", "military", "RU")]
    >>> [m.text for m in _heads(t, ms)]
    ['Regime']
    """
    out = []
    for k, m in enumerate(mentions):
        prev = mentions[k - 1] if k else None
        if prev is not None and (_supported(text, max(prev.end, m.start - 60), m.start)
                                 or _AND_RX.fullmatch(text, prev.end, m.start)):
            continue
        out.append(m)
    return out


def _supported(text, start, end):
    """Does ``text[start:end]`` end with words that name an ally (_SUPPORT_RX)?"""
    # Every match holds "by", "along" or "with" (in any case): without one, no search.  (Under
    # re.IGNORECASE a dotless or dotted i matches i: a text that is not ASCII is searched.)
    window = text[start:end].lower()
    if window.isascii() and "by" not in window and "along" not in window and "with" not in window:
        return False
    return _SUPPORT_RX.search(text, start, end) is not None


def _by_agent(text, cue_start, cue_end, m):
    """Is mention ``m`` (after the cue) its agent, after "by" or "from"?  Not
    an ally ("supported by"), nor the loser of ground ("captured X from Y")."""
    window = text[max(cue_end, m.start - 50):m.start]
    low = window.lower()
    if "by" not in low and "from" not in low:
        return False  # what _BY_RX matches holds "by" or "from" (in any case): no search
    rx = _BY_ONLY_RX if _TAKE_RX.search(text, cue_start, m.start) else _BY_RX
    return rx.search(window) is not None and not _supported(text, max(cue_end, m.start - 50), m.start)


# ---------------------------------------------------------------------------
# An event's actor1 and actor2 in ACLED's conventions

_STATE = ("military", "police")
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")


# The head word of a cue; after an actor, words that are not its active verb (a passive's
# auxiliary, a second actor's conjunction).
_HEAD_RX = re.compile(r"\s*([\w'-]+)")
_NOT_VERB_RX = re.compile(r"(?:was|were|is|are|been|being|had|has|have|got|get|and|or|of|with)\Z", re.I)


class EventActors(NamedTuple):
    """An event's actors: ACLED names, the mentions they come from (None
    when the name follows from the event type alone, e.g. "Protesters
    (Ghana)" for a protest whose protesters are "students") and hedges.
    ``event_type`` is "" unless the actors change the event's type (armed
    men acted on: a battle, not violence against civilians)."""

    actor1: str
    actor2: str
    mention1: object
    mention2: object
    event_type: str = ""

    @property
    def notes(self):
        return [f"{role} suspected ('{m.hedge}')" for role, m in (("actor1", self.mention1), ("actor2", self.mention2))
                if m is not None and m.hedge]


def dictionary_mention(term, row):
    """An :class:`ActorMention` from a dictionary hit (a lexicon ``Term``
    and its actor row): civilians, protesters and state forces keep their
    kind, every other actor is ``named``."""
    name = row["actor"]
    if name == "Civilians":
        kind = "protesters" if "protest" in row["alias"].lower() else "civilians"
        return new_tuple(ActorMention, (term.start, term.end, term.text, kind, row["country"], "", ""))
    # (new_tuple: made without the Python call of a named tuple's __new__, once per dictionary hit)
    return new_tuple(ActorMention, (term.start, term.end, term.text, "named", row["country"], name, ""))


def _name(mention, country, year):
    if mention is None:
        return ""
    # (the actor passed by position: lru_cache makes a key of keyword arguments at a cost)
    return acled_actor_name(mention.kind, mention.country or country, year, mention.actor)


def merge_mentions(named, generic, text):
    """Dictionary mentions, and the generic ones that neither overlap them nor
    follow them as their noun ("Al Shabaab militants": one mention).

    Examples
    --------
    >>> t = "Al Shabaab militants attacked"
    >>> named = [ActorMention(0, 10, "Al Shabaab", "named", "SO", "Al Shabaab")]
    >>> [m.text for m in merge_mentions(named, find_generic_actors(t), t)]
    ['Al Shabaab']
    """
    if not named or not generic:  # (most sentences: nothing to compare)
        return sorted(list(named) + list(generic))
    keep = []
    for g in generic:  # (loops, not any() of a generator for each generic mention)
        for m in named:
            if m.start < g.end and g.start <= m.end + 1 and not text[m.end:g.start].strip():
                break  # it overlaps or follows the dictionary mention
        else:
            keep.append(g)
    return sorted(list(named) + keep)


def event_actors(text, cue, sentence, mentions, event_type, sub_event_type, country="", year=None):
    """actor1 and actor2 of an event (an :class:`EventActors`).

    ``cue`` is the event cue (``start``/``end``) in the sentence span
    ``sentence``; ``mentions`` the :class:`ActorMention` list of the
    sentence (dictionary and generic); ``country`` (ISO alpha-2) the event's
    country, used where a mention names none.  ACLED's conventions: a
    protest's actor1 is Protesters, a riot's Rioters, with the state forces
    that intervene as actor2, except that the forces that use excessive
    force against protesters are actor1 and the protesters actor2; violence
    against civilians has Civilians as actor2, never actor1, and an unnamed
    perpetrator is an Unidentified Armed Group; otherwise the agent of the cue acts on its patient.

    Examples
    --------
    >>> t = "Police fired tear gas at students protesting in Accra."
    >>> ms = find_generic_actors(t)
    >>> ea = event_actors(t, ms[1], (0, len(t)), ms, "Protests", "Protest with intervention", "GH", 2016)
    >>> ea.actor1, ea.actor2
    ('Protesters (Ghana)', 'Police Forces of Ghana (2009-)')
    """
    mentions = [m for m in mentions if sentence[0] <= m.start < sentence[1]]
    if event_type in _VIOLENT:  # a government that fights, shells or kills does so by its forces
        # (_as_forces called only on the named mentions: a call per mention costs more than the test)
        mentions = [m if m.kind != "named" else _as_forces(m) for m in mentions]
    crowd = None
    for m in mentions:  # (a loop, not next() of a generator: most events have no crowd)
        if m.kind == "protesters" or m.kind == "rioters":
            crowd = m
            break
    if event_type == "Protests" or (event_type == "Riots" and crowd is not None):
        agent = patient = None  # a crowd's event: its actors are the crowd and the state, whoever acts
    else:
        agent, patient = _roles(text, cue, mentions, sentence)
    if event_type == "Riots" and crowd is None and agent is not None and agent.kind in ("armed_group", "named"):
        # armed men and no crowd: burning and looting is an attack, not a riot (ACLED: rioters are a crowd)
        victims = patient if patient is not None and patient.kind == "civilians" else None
        return EventActors(_name(agent, country, year),
                           _name(victims, country, year) or acled_actor_name("civilians", country, year),
                           agent, victims, "Violence against civilians")
    if event_type in ("Protests", "Riots"):
        state = next((m for m in mentions if is_state_force(m)), None)  # (only a crowd's event reads the state)
        kind = "protesters" if event_type == "Protests" else "rioters"
        if event_type == "Protests" and sub_event_type == "Peaceful protest":
            other = None
        elif sub_event_type == "Mob violence":
            other = next((m for m in mentions if m.kind == "civilians"), None) or state
        else:
            other = state
        a1 = crowd._replace(kind=kind) if crowd is not None else None
        crowd_name = acled_actor_name(kind, country, year) if a1 is None else _name(a1, country, year)
        if sub_event_type == "Excessive force against protesters" and other is not None:
            return EventActors(_name(other, country, year), crowd_name, other, a1)  # ACLED: the force acts
        return new_tuple(EventActors, (crowd_name, _name(other, country, year), a1, other, ""))
    if agent is not None and agent.kind == "civilians" and event_type in _VIOLENT:
        agent, patient = (patient if patient is not None and patient.kind != "civilians" else None), agent
    if sub_event_type == "Attack" and _armed_patient(text, patient, agent, country, year):
        # ACLED: violence against civilians has unarmed victims; on soldiers, police or a group it is a battle
        a1 = _name(agent, country, year) or acled_actor_name("armed_group", country, year)
        return EventActors(a1, _name(patient, country, year), agent, patient, "Battles")
    if event_type == "Violence against civilians":
        victims = patient if patient is not None and patient.kind == "civilians" else None
        agent = agent or next((m for m in mentions if m.kind not in ("civilians", "protesters")), None)
        a1 = _name(agent, country, year) or acled_actor_name("armed_group", country, year)
        a2 = _name(victims, country, year) or acled_actor_name("civilians", country, year)
        return new_tuple(EventActors, (a1, a2, agent, victims, ""))
    if agent is None and patient is None and mentions:
        agent = mentions[0]
        patient = next((m for m in mentions[1:] if _name(m, country, year) != _name(agent, country, year)), None)
    # (new_tuple: the actors made without the Python call of a named tuple's __new__, once per event)
    return new_tuple(EventActors, (_name(agent, country, year), _name(patient, country, year), agent, patient, ""))


def _roles(text, cue, mentions, sentence):
    """:func:`assign_roles` around the cue's verb or noun (its object is a patient); an actor that
    starts the cue in the active voice ("Government forces retook") is before its verb."""
    at = cue.start
    for m in mentions:  # the furthest end of a mention that starts the cue inside it (a loop, not max() of a list)
        if m.start == cue.start and at < m.end < cue.end:
            at = m.end
    head = _HEAD_RX.match(text, at, cue.end)
    if head is None or at == cue.start or _NOT_VERB_RX.match(head.group(1)):
        head = _HEAD_RX.match(text, cue.start, cue.end)
    return assign_roles(text, head.start(1), head.end(1), mentions, sentence) if head else \
        assign_roles(text, cue.start, cue.end, mentions, sentence)


_OFF_DUTY_RX = re.compile(r"\b(?:off-duty|off duty|retired|former|ex-|unarmed|by|from)\W+(?:[\w-]+\W+){0,3}$", re.I)


def _armed_patient(text, patient, agent, country, year):
    """Is the patient of an attack armed men: state forces, an armed group, a
    named (dictionary) actor other than civilians, on duty ("an off-duty
    police officer", "a retired colonel" are civilians), not the agent?"""
    if patient is None or not (patient.kind in _STATE or patient.kind in ("armed_group", "named")):
        return False
    if agent is not None and _name(agent, country, year) == _name(patient, country, year):
        return False
    return not _OFF_DUTY_RX.search(text, max(0, patient.start - 40), patient.start)


def forces_of(actor):
    """The actor that fights for ``actor``: a government ("Government of
    Syria", "the Syrian regime") fights, shells and loses soldiers by its
    military forces, ACLED's actor in violence; any other actor is itself.

    >>> forces_of("Government of Syria"), forces_of("Taliban")
    ('Military Forces of Syria', 'Taliban')
    """
    return "Military Forces of " + actor[len("Government of "):] if actor.startswith("Government of ") else actor


def _as_forces(mention):
    """A named mention as :func:`forces_of` its actor (the mention itself where that is the same:
    most are, and a copy costs a ``_replace``)."""
    if mention.kind != "named":
        return mention
    actor = forces_of(mention.actor)
    return mention if actor == mention.actor else mention._replace(actor=actor)


def is_state_force(mention):
    """Is the mention a state's military or police (unnamed, "Kenyan police", or
    a dictionary's "Military Forces of Syria")?"""
    return mention.kind in _STATE or (mention.kind == "named"
                                      and mention.actor.startswith(("Military Forces of", "Police Forces of")))
