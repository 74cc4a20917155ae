"""Casualty claims: who was killed, injured, captured or displaced, and how many.

Claims are found by a handful of compiled patterns over the report's
content (title, stand-first, body), one sentence at a time:

* count before the victims: "At least 28 fighters were killed",
  "two people dead", "13 soldiers and 2 civilians were wounded";
* count after the verb: "killing 13 members of regime forces",
  "killed a general and two other soldiers" (= 3), "left five dead";
* tolls: "the death toll rose to 40", "40 deaths";
* one victim without a number: "a man was shot dead" (= 1);
* victims without a number: "regime troops had been killed and injured …
  without giving numbers" (count unknown, not 0).

Numbers that count other things never match: a claim needs an outcome word
(killed, dead, injured, wounded, abducted, displaced …) bound to the count
by the grammar above, so "over 60 observation posts", "two hotspots",
"M4 highway", "3 min read" and years are not casualties.

:func:`reconcile_claims` then marks each claim ``total``, ``part``,
``standalone`` or ``repeat`` so that each casualty is counted once: a
total is never added to its parts, and a figure repeated in the headline,
lead and body counts once.
"""

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field, replace

from ._scan import (
    followed_by_space,
    literal_automaton,
    literal_starts,
    lower_same_length,
    matches_at,
    merge_windows,
    not_word_char,
    word_starts,
    word_starts_in,
)
from .counts import NUMBER_PATTERN, NUMBER_WORDS, QUALIFIER_PATTERN, QUALIFIERS, VAGUE, Count, parse_count

__all__ = ["Claim", "find_claims", "reconcile_claims", "OUTCOMES", "MAX_EVENT_COUNT", "CONTEXT_ROLES"]

NAN = float("nan")

#: Outcomes a claim can have.  ``shot`` is hit by gunfire, killed or not.
OUTCOMES = ("killed", "injured", "missing", "captured", "displaced", "shot")

_OUTCOME_WORDS = {
    "killed": r"killed|dead|died|slain|executed|massacred|murdered|shot\s+dead|gunned\s+down|beheaded|"
              r"lost\s+their\s+lives|lost\s+(?:his|her)\s+life|perished|fatally\s+(?:shot|wounded|injured)|"
              r"shot\s+and\s+killed|shot\s+to\s+death|stabbed\s+to\s+death|burned\s+to\s+death|"
              r"crushed\s+to\s+death|confirmed\s+dead|pronounced\s+dead|found\s+dead|"
              r"(?:was|were)\s+killed",
    "injured": r"injured|wounded|hurt|grazed|hospitali[sz]ed|(?:in|listed\s+in)\s+(?:critical|serious|stable|fair|"
               r"good)\s+condition|treated\s+for\s+(?:\w+\s+)?(?:injuries|wounds|gunshot\s+wounds)",
    "missing": r"missing|unaccounted\s+for",
    "captured": r"captured|abducted|kidnapped|taken\s+(?:prisoner|hostage|captive)|held\s+hostage",
    "displaced": r"displaced|uprooted|forced\s+to\s+flee|forced\s+from\s+their\s+homes|fled\s+their\s+homes",
    "shot": r"shot",
}
_ACTIVE_WORDS = {
    "killed": r"killing|killed|kills|kill|slaughtered|slaughtering|executed|executing|massacred|massacring|"
              r"claimed\s+the\s+lives?\s+of|claiming\s+the\s+lives?\s+of|took\s+the\s+lives?\s+of|"
              r"left\s+dead|shot\s+dead|"
              r"shot\s+and\s+killed|fatally\s+shot|fatally\s+shooting|murdered|murdering",
    "injured": r"injuring|injured|injures|wounding|wounded|wounds|hurting",
    "captured": r"capturing|captured|abducting|abducted|kidnapping|kidnapped|taking\s+hostage",
    "displaced": r"displacing|displaced|uprooting|uprooted",
    "shot": r"shooting|shot",
}
_HEAD = (
    r"people|persons?|civilians?|fighters?|soldiers?|troops|servicem[ae]n|members|militants?|jihadists?|"
    r"rebels?|insurgents?|combatants?|militiam[ae]n|gunm[ae]n|guards?|officers?|policem[ae]n|"
    r"police(?:\s+officers?)?|personnel|generals?|commanders?|pilots?|recruits|conscripts|"
    r"children|child|kids?|babies|baby|infants?|toddlers?|teens?|teenagers?|youths?|boys?|girls?|"
    r"women|woman|men|man|adults?|residents?|villagers?|students?|pupils|schoolchildren|workers?|"
    r"employees|staff(?:\s+members)?|volunteers?|journalists?|reporters?|doctors?|medics?|paramedics?|"
    r"nurses?|rescuers?|worshippers|passengers|drivers?|protesters?|demonstrators?|refugees?|migrants?|"
    r"victims?|relatives|family\s+members|bystanders|individuals|suspects?|shooters?|others|"
    r"juveniles?|minors?|males?|females?|occupants|patrons|customers|neighbou?rs|"
    r"deaths|fatalities|casualties|bodies|corpses|Syrians|Iraqis|Kurds|Russians|Turks|Americans|"
    r"Iranians|Afghans|Palestinians|jihadis|Islamists|extremists|terrorists|loyalists|opponents"
)
_SINGULAR_HEAD = (
    r"(?:\d+|\w+)[\s\-]+(?:year|month|week)[\s\-]+old(?:\s+(?:man|woman|boy|girl|son|daughter|child))?|person|civilian|fighter|soldier|serviceman|member|militant|jihadist|rebel|insurgent|militiaman|"
    r"gunman|guard|officer|policeman|police\s+officer|general|commander|pilot|child|kid|baby|infant|"
    r"toddler|teen|teenager|youth|boy|girl|woman|man|adult|resident|villager|student|worker|employee|"
    r"volunteer|journalist|reporter|doctor|medic|paramedic|nurse|rescuer|passenger|driver|protester|"
    r"demonstrator|refugee|migrant|victim|relative|bystander|individual|suspect|shooter|mother|father|"
    r"son|daughter|brother|sister|husband|wife|girlfriend|boyfriend|friend|neighbo(?:u)?r|clerk|"
    r"customer|security\s+guard|deputy|trooper|sergeant|corporal|private|lieutenant|captain|colonel|"
    r"major|imam|priest|teacher|nurse|juvenile|minor|male|female|occupant|patron|deceased\s+male|"
    r"deceased\s+female"
)
# Words allowed between a count and its head noun: adjectives, actor names.
# (not a number: "9 August 2016 Five children" has no count 2016 of children)
_MOD = (r"(?:(?!\d+\s|(?:" + "|".join(NUMBER_WORDS) + r")\s|"
        r"(?:were|was|are|is|have|had|has|and|or|in|on|at|by|who|that|when|after|during|killed|dead|"
        r"injured|wounded|hurt|to|where|which|what|from|with|for|as|than|times|over|into|before|because|if|"
        r"then|but|so|per|each|every|years?|months?|days?|hours?|minutes?|weeks?|rounds?|shots?|bullets?|"
        r"miles?|feet|percent|the|calls?)\b)[\w\u2019'\-\.]+\s+)")  # "a 911 call reporting a child …"
_OF_TAIL = (
    r"(?:\s+(?:of|from)\s+(?:(?!(?:were|was|are|is|have|had|has|in|on|at|by|who|that|during|after|when|"
    r"and|killed|dead|injured|wounded|died|since|with|for|as|allied|backed|loyal|to|near|which|while|"
    r"either|both|including|among)\b)[\w\u2019'\-]+(?:\s+|(?=[,.;:!?\"\u201d)]|$))){1,7})?"
)
# How badly, or how: "were seriously wounded", "was accidentally shot" ("fatally" is
# not here: "fatally wounded" is a death).
_MANNER = r"seriously|critically|severely|badly|gravely|slightly|lightly|moderately|accidentally|apparently"
_AUX = (r"(?:\s*,?\s*(?:were|was|are|is|have\s+been|has\s+been|had\s+been|been|being|have|has|had|got|reportedly|"
        r"also|all|later|were\s+all|who\s+were|who\s+was|allegedly|confirmed|now|believed\s+to\s+have|"
        r"thought\s+to\s+have|said\s+to\s+have|were\s+reported|are\s+reported|reported|" + _MANNER + r")\b)*")

_Q = rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
_N = rf"(?P<num>{NUMBER_PATTERN})"


def _alt(words):
    return "(?:" + words + ")"


# "11 civilians including three children were killed": the victims of the count
# 11 run on past a breakdown of them.
_INCLUDING = (rf"(?:\s*,?\s+(?:(?:including|among\s+them|among\s+whom)\s+(?:{NUMBER_PATTERN})\s+{_MOD}{{0,3}}?"
              rf"(?:{_HEAD})|(?:{NUMBER_PATTERN})\s+of\s+(?:them|whom)(?:\s+{_MOD}{{0,3}}?(?:{_HEAD}))?)\b,?)?")
_PASSIVE = re.compile(
    rf"(?<![\w\-]){_Q}{_N}(?P<victim>\s+(?:other\s+)?{_MOD}{{0,4}}?(?:{_HEAD})\b{_OF_TAIL}{_INCLUDING})?"
    rf"(?P<aux>{_AUX})\s+(?P<verb>(?:shot\s+and\s+)?"
    + _alt("|".join(f"(?P<p_{k}>{v})" for k, v in _OUTCOME_WORDS.items())) + r")\b",
    re.I,
)
# A hospital condition is an injury: "Two men critical after shooting", "3 in serious condition"
# Without people named, "condition" or a pause must follow ("3 dead, 1 critical in …"):
# "three critical questions" is no injury.
_CONDITION = re.compile(
    rf"(?<![\w\-]){_Q}{_N}(?P<victim>\s+{_MOD}{{0,2}}?(?:{_HEAD})\b)?"
    r"(?P<aux>(?:\s+(?:are|were|remain|remained|listed|left|hospitalized|in))*)\s+"
    r"(?P<verb>(?P<p_injured>(?:critical|serious|grave|life-threatening)(?:\s+condition)?))\b"
    r"(?(victim)|(?:(?<=condition)|(?=\s*(?:[,.;:!?]|$)|\s+(?:in|after|following|at|from|with)\b)))",
    re.I,
)
_ACTIVE = re.compile(
    r"\b(?P<verb>" + _alt("|".join(f"(?P<a_{k}>{v})" for k, v in _ACTIVE_WORDS.items())) + r")\s+"
    rf"(?:(?:a\s+total\s+of|an?\s+estimated|the)\s+)?{_Q}{_N}"
    rf"(?P<victim>\s+(?:other\s+)?{_MOD}{{0,4}}?(?:{_HEAD})\b{_OF_TAIL})?",
    re.I,
)
_COMPOUND = re.compile(
    r"\b(?P<verb>" + _alt("|".join(f"(?P<a_{k}>{v})" for k, v in _ACTIVE_WORDS.items())) + r")\s+"
    rf"(?P<victim>(?:an?|one)\s+{_MOD}{{0,2}}?(?:{_SINGULAR_HEAD})\s+and\s+(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?:other\s+)?{_MOD}{{0,3}}?(?:{_HEAD})\b{_OF_TAIL})",
    re.I,
)
_LEFT = re.compile(
    rf"\b(?:left|leaving|leave|leaves)\s+{_Q}{_N}(?P<victim>\s+{_MOD}{{0,3}}?(?:{_HEAD}))?\s+"
    r"(?P<verb>(?P<p_killed>dead)|(?P<p_injured>injured|wounded|hurt))\b",
    re.I,
)
_TOLL = re.compile(
    r"\b(?P<verb>(?P<p_killed>death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|fatalities))"
    r"|(?P<p_injured>number\s+of\s+(?:injured|wounded)))"
    rf"(?:\s+\w+){{0,5}}?\s+(?:to|at|of|reached|is|was|stood\s+at|stands\s+at|hit)\s+{_Q}{_N}\b",
    re.I,
)
_NOUN = re.compile(
    rf"(?<![\w\-]){_Q}{_N}\s+(?:(?:more|other|further|reported|confirmed|civilian|military)\s+)?"
    r"(?P<verb>(?P<p_killed>deaths|fatalities|dead)|(?P<p_injured>injuries|injured|wounded))\b",
    re.I,
)
# A verb with an object acts, whatever stands before it: "a man shot and killed his
# daughter", "Boy accidentally shot a friend" (the man and the boy are no victims).
_ACTS_ON = r"(?!(?:shot\s+and\s+)?(?:killed|shot|wounded|injured|murdered)\s+(?:his|her|their|its|an?|the)\b)"
_PAIR = re.compile(
    rf"\b(?P<victim>(?:an?|one|his|her|their)\s+{_MOD}{{0,3}}?(?:{_SINGULAR_HEAD})\s+and\s+(?:an?|one|another|his|her|their)\s+"
    rf"{_MOD}{{0,3}}?(?:{_SINGULAR_HEAD}))\b(?P<aux>{_AUX})\s+(?P<verb>(?:shot\s+and\s+)?(?:found\s+)?"
    + _alt("|".join(f"(?P<p_{k}>{v})" for k, v in _OUTCOME_WORDS.items() if k != "displaced")) + r")\b",
    re.I,
)
_ONE_PASSIVE = re.compile(
    rf"\b(?P<victim>(?:an?|one|another)\s+{_MOD}{{0,3}}?(?:{_SINGULAR_HEAD})\b{_OF_TAIL})"
    rf"(?:\s*,[^,.;]{{1,60}},)?(?P<aux>{_AUX})\s+{_ACTS_ON}(?P<verb>(?:shot\s+and\s+)?"
    + _alt("|".join(f"(?P<p_{k}>{v})" for k, v in _OUTCOME_WORDS.items() if k != "displaced"))
    + r")\b(?!\s+(?:himself|herself)\b)",  # "a boy accidentally shot himself" is not passive
    re.I,
)
_ONE_ACTIVE = re.compile(
    r"\b(?P<verb>" + _alt("|".join(f"(?P<a_{k}>{v})" for k, v in _ACTIVE_WORDS.items() if k != "displaced"))
    + rf")\s+(?P<victim>(?:(?:an?|one|another|his|her|their|its)\s+|(?=\d+[\s\-]+(?:year|month))){_MOD}{{0,3}}?"
    rf"(?:{_SINGULAR_HEAD})\b)(?!\s+and\s+\w+\s+other)",
    re.I,
)
_UNNUMBERED = re.compile(
    rf"\b(?P<victim>(?:(?!(?:The|A|An|These|Those|Their|His|Her|Its|Two|Three|Several|Many|Some|All|Both)\b)[A-Z][\w\-]*\s+|regime\s+|government\s+|pro-regime\s+|army\s+|rebel\s+|"
    rf"opposition\s+|security\s+|Kurdish\s+)(?:{_HEAD}))"
    r"(?P<aux>\s+(?:had\s+been|have\s+been|has\s+been|were|are)(?:\s+(?:reportedly|also|all|" + _MANNER + r"))?)\s+"
    r"(?P<verb>(?P<p_killed>killed)(?:\s+(?:and|or)\s+(?P<also_injured>injured|wounded))?|"
    r"(?P<p_injured>injured|wounded)(?:\s+(?:and|or)\s+(?P<also_killed>killed))?)\b",
    re.I,
)
_LIST = re.compile(
    rf"(?<![\w\-]){_Q}(?P<num>{NUMBER_PATTERN})(?P<victim>\s+{_MOD}{{0,2}}?(?:{_HEAD})(?:\s*,\s*|\s+and\s+)"
    rf"(?P<num2>{NUMBER_PATTERN})\s+{_MOD}{{0,2}}?(?:{_HEAD})\b)"
    rf"(?P<aux>{_AUX})\s+(?P<verb>" + _alt("|".join(f"(?P<p_{k}>{v})" for k, v in _OUTCOME_WORDS.items())) + r")\b",
    re.I,
)
_IMPLIED = re.compile(
    r"(?<!non-)(?<!non\s)\b(?P<verb>(?P<p_killed>(?:fatal|deadly|lethal)\s+(?:shooting|shootings|attack|attacks|stabbing|"
    r"ambush|bombing|blast|explosion|strike|strikes|raid|clashes|violence|gunfire|incident)"
    r"|(?:death|murder|killing|slaying|homicide)\s+of\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:\d+-year-old\b|"
    r"(?:\d+-year-old\s+)?(?:[A-Z][\w'\-]+|man|woman|boy|girl|teen|teenager|child|baby|toddler|infant|student|"
    r"officer|soldier|civilian|wife|husband|son|daughter|mother|father|brother|sister))"
    r"|(?:fatal|deadly)(?:\s+[\w.'\-]+){1,3}\s+(?:shooting|stabbing|attack|ambush|bombing|blast|strike)"
    r"|(?:proves?|proved|was|were)\s+fatal"
    r"|shooting\s+death|was\s+slain|(?:later\s+|has\s+|had\s+|eventually\s+|subsequently\s+)?(?:died|dies)"
    r"|(?:was|is)\s+(?:pronounced|declared|confirmed)\s+dead|succumbed\s+to\s+(?:his|her|their)\s+"
    r"(?:injuries|wounds)|lost\s+(?:his|her)\s+life|(?:was|were)\s+found\s+(?:shot\s+)?dead"
    r"|found\s+(?:shot\s+to\s+death|fatally\s+shot)))\b",
)
_FATALLY = re.compile(
    rf"\b(?:shot|wounded|stabbed|struck|hit)\s*,?\s+(?:{_Q})?(?P<num>{NUMBER_PATTERN})\s+(?:of\s+them\s+|of\s+whom\s+)?"
    r"(?P<verb>(?P<p_killed>fatally|died|dead|killed))\b",
    re.I,
)
_SELF = re.compile(
    r"\b(?P<verb>(?P<p_killed>(?:killed|kills|kill|killing)\s+(?:himself|herself)|took\s+(?:his|her)\s+own\s+life|"
    r"(?:committed|commits|commit|committing)\s+suicide|fatally\s+sho(?:t|ots|oting)\s+(?:himself|herself)|"
    r"turn(?:ed|ing|s)?\s+the\s+gun\s+on\s+(?:himself|herself)|murder-suicide))\b",
    re.I,
)
# After a bare "shot": what shows it is passive ("Woman shot in foot", "Teen shot,
# police say"), not a shooter ("Boy shot his friend", "Gunman shot two").
_NOT_ACTIVE = (r"(?=\s*(?:[,.;:!?\-\u2013\u2014]|$)|\s+(?:in|at|on|by|near|during|after|outside|inside|while|"
               r"multiple|several|twice|once|repeatedly|early|late|last|this|overnight|with|from|allegedly|"
               r"reportedly|accidentally|and(?!\s+(?:killed|wounded|injured)\b))\b)")
_BARE_ONE = re.compile(
    rf"(?:^|(?<=[\s\-:]))(?P<victim>(?:(?!(?:killed|dead|died|injured|wounded|hurt|shot|and|or|were|was|are|is|"
    rf"after|when|while|as|in|on|at|by)\b)[A-Z][\w'\-]*\s+){{0,3}}(?:{_SINGULAR_HEAD}))(?:'s)?"
    r"(?:\s*,\s*\d{1,3}\s*,)?"  # an age between: "Boy, 5, shot in ankle"
    r"\s+(?:(?:is|was)\s+)?(?:(?:" + _MANNER + r")\s+)?"
    + _ACTS_ON +
    r"(?P<verb>(?P<p_killed>killed|dead|fatally\s+shot|shot\s+dead|shot\s+and\s+killed" + _NOT_ACTIVE
    + r"|shot\s+to\s+death|shot(?:\s+(?:in|on|at)\s+(?:the\s+)?\w+)?,\s+killed|slain|dies|died|gunned\s+down|"
    r"murdered)|(?P<p_injured>injured|wounded|hurt|grazed|shot\s+and\s+(?:wounded|injured)" + _NOT_ACTIVE
    + r")|(?P<p_shot>shot" + _NOT_ACTIVE + r"))\b(?!\s+(?:himself|herself)\b)",
    re.I,
)
# A person named, then killed: "Rivera was killed in the attack", "Abu Omar al-Shami has been
# killed" (case-sensitive: a name is capitalised; "Assyrians had been killed" is not one person).
_NAMED_ONE = re.compile(
    r"(?<![\w\-])(?P<victim>(?!(?:The|A|An|This|That|He|She|It|They|One|Police|Security|Army|Regime)\b)"
    r"[A-Z][a-z'\-]+(?:\s+(?:[A-Z][a-z'\-]+|al-[A-Z][a-z'\-]+|bin|ibn|de|van)){0,3})"
    r"\s+(?:was|has\s+been)\s+(?:(?:fatally\s+)?shot\s+and\s+)?"  # singular verbs: one person
    r"(?P<verb>(?P<p_killed>killed|shot\s+dead|slain|murdered|executed|beheaded|shot\s+to\s+death))\b"
)
# "accidentally shot himself": hit by his own gun, killed or not (a death is
# coded by _SELF or by the words that tell it).
_SELF_SHOT = re.compile(r"\b(?P<verb>(?P<p_shot>sho(?:t|ots|oting)\s+(?:himself|herself)))\b")  # lower-cased
_NEGATED = re.compile(r"\b(?:no|not|nobody|none|no\s+one|without)\b[^.;]{0,25}$", re.I)
# What makes a number that looks like a year a year: a month or day before it,
# or a preposition of time ("in 2016 civilians were killed").
_AFTER_MONTH = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2}(?:st|nd|rd|"
                          r"th)?,?\s*)?|\b(?:in|since|during|by|until|till|through|throughout|early|late|mid)[\s\-]+)$",
                          re.I)
_PLURAL_END = re.compile(r"(?:s|people|children|men|women|police|personnel|staff|youth)$", re.I)
_YEARLIKE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_HEAD_FIRST = re.compile(rf"\s+(?:{_HEAD})\b", re.I)


@dataclass(frozen=True)
class Claim:
    """One casualty figure as the report states it.

    Offsets ``start``/``end`` cover the whole phrase ("killing 13 members of
    regime forces"); ``count_start``/``count_end`` the number ("13").
    """

    start: int
    end: int
    outcome: str
    count: Count
    victim: str = ""
    victim_start: int = -1
    victim_end: int = -1
    count_start: int = -1
    count_end: int = -1
    pattern: str = ""
    sentence: int = -1
    role: str = "standalone"
    total_of: int = -1  # index of the claim this is a part of
    repeat_of: int = -1  # index of the claim this repeats
    part_kind: str = ""  # "breakdown" (parts add up a total) or "included" (a detail of a larger figure)
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def _outcome(m):
    for k in OUTCOMES:
        for prefix in ("p_", "a_"):
            name = prefix + k
            if name in m.re.groupindex and m.group(name):
                return k
    return None


def _claim(m, outcome, count, pattern, offset, orig=None, sentence=-1):
    """A Claim from a match; ``orig`` is the original text when the pattern
    ran on its lower-cased copy (same offsets)."""
    orig = m.string if orig is None else orig
    vs, ve = m.span("victim") if "victim" in m.re.groupindex and m.group("victim") else (-1, -1)
    victim = orig[vs:ve].strip() if vs >= 0 else ""
    if vs >= 0:
        raw = orig[vs:ve]
        vs = vs + len(raw) - len(raw.lstrip())
        ve = vs + len(victim)
    cs, ce = m.span("num") if "num" in m.re.groupindex and m.group("num") else (-1, -1)
    shift = lambda x: x + offset if x >= 0 else -1  # noqa: E731
    end = m.start() + len(m.group().rstrip(" \t\u00a0,"))
    return Claim(
        start=m.start() + offset, end=end + offset, outcome=outcome, count=count, victim=victim,
        victim_start=shift(vs), victim_end=shift(ve), count_start=shift(cs), count_end=shift(ce),
        pattern=pattern, sentence=sentence,
    )


_AGE_CUE = re.compile(r"(?:,\s*|\bage[sd]?\s+(?:\d+\s*(?:,|and|&)\s*)*)$", re.I)


def _is_age(text, m):
    """A number set off by commas after a name ("Smith, 24, was killed"),
    or after "ages" ("ages 3 and 5, were killed")."""
    s, e = m.span("num")
    if text[e:e + 1] != "," or not m.group("num").strip().isdigit():
        return False
    return bool(_AGE_CUE.search(text[max(0, s - 20):s]))


def _numbered(m, pattern, offset, add=0, orig=None, sentence=-1):
    if _is_age(m.string, m):
        return None
    raw = m.group("num")
    if _YEARLIKE.match(raw.strip()):
        victim = m.group("victim") if "victim" in m.re.groupindex else None  # _TOLL and _NOUN have none
        head = _HEAD_FIRST.match(victim or "")
        if (head is None or not _PLURAL_END.search(head.group().rstrip())
                or _AFTER_MONTH.search(m.string, 0, m.start("num"))):
            return None  # "9 August 2016 Five children …", "7 2016 Child Killed": a year, not a count
    qual = m.group("qual") or "" if "qual" in m.re.groupindex else ""
    count = parse_count(raw, qual)
    if count is None:
        return None
    if add:
        count = Count(count.low + add, count.best + add, count.high + add, count.qualifier,
                      count.acled + add)
    outcome = _outcome(m)
    if outcome is None:
        return None
    return _claim(m, outcome, count, pattern, offset, orig, sentence)


_NUMBER_START = re.compile(rf"(?<![\w\-])(?:{QUALIFIER_PATTERN}\s+)?{NUMBER_PATTERN}", re.I)
# Every match of _NUMBER_START starts with one of these (lower-cased).
_NUMBER_FIRST = literal_automaton(
    list(QUALIFIERS) + list(VAGUE) + followed_by_space(["a"]) + ["quarter", "half", "third"]
    + list("0123456789") + NUMBER_WORDS)
_UNNUMBERED_CUE = re.compile(r"\b(?:been|were|are)\s+(?:\w+\s+)?(?:killed|injured|wounded)\b", re.I)

# Where a verb-first pattern can start: its first word is one of these.
_VERB_STEMS = ("kill", "slaughter", "execut", "massacr", "claim", "took", "left", "leav", "shot", "shoot",
               "fatal", "murder", "injur", "wound", "hurt", "captur", "abduct", "kidnap", "taking", "displac",
               "uproot", "stabbed", "struck", "hit", "death", "toll", "number", "commit", "turn")
_VERB_FIRST = literal_automaton(_VERB_STEMS)
# Where _PAIR and _ONE_PASSIVE can start: "a", "one", "his" … then a space.
_ARTICLE_FIRST = literal_automaton(followed_by_space(["a", "an", "one", "another", "his", "her", "their"]))


def _lc(rx):
    """The same pattern, lower-cased and case-sensitive, for lower-cased text:
    the same matches as ``re.IGNORECASE`` (these patterns use no upper-case
    classes or escapes), found much faster."""
    pattern = rx.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(pattern)


# The patterns as run: lower-cased, on lower-cased text, compiled once.
_NUMBER_START_L, _LIST_L, _COMPOUND_L, _PAIR_L, _ONE_PASSIVE_L, _ONE_ACTIVE_L, _SELF_L, _UNNUMBERED_CUE_L, \
    _NEGATED_L = map(_lc, (_NUMBER_START, _LIST, _COMPOUND, _PAIR, _ONE_PASSIVE, _ONE_ACTIVE, _SELF,
                           _UNNUMBERED_CUE, _NEGATED))
_BARE_ONE_L = _lc(_BARE_ONE)
# Count-first patterns are tried where a count starts, the others where a verb does.
_NUMBERED_PATTERNS = tuple(
    (name, _lc(rx), rx is _PASSIVE or rx is _NOUN or rx is _CONDITION)
    for name, rx in (("fatally", _FATALLY), ("passive", _PASSIVE), ("active", _ACTIVE), ("left", _LEFT),
                     ("toll", _TOLL), ("noun", _NOUN), ("condition", _CONDITION))
)
# Every match of _IMPLIED holds one of these (lower-cased), at most 40
# characters after its start ("were found shot dead"): it is tried at the
# word starts there only.
_IMPLIED_CUES = literal_automaton(("fatal", "dead", "lethal", "death", "murder", "killing", "slaying",
                                   "homicide", "slain", "died", "dies", "succumbed", "life"))
_IMPLIED_BEFORE = 40
# Every match of _UNNUMBERED holds a match of _UNNUMBERED_CUE ("were killed"),
# which starts with one of _CUE_FIRST and at most 100 characters after the
# match ("Turkish-backed fighters had been killed"): it is tried at the word
# starts there only.
_CUE_FIRST = literal_automaton(("been", "were", "are"))
_UNNUMBERED_BEFORE = 100

_ONE = Count(1, 1, 1, "", 1)
_TWO = Count(2, 2, 2, "", 2)
_TWO_IMPLIED = Count(2, 2, NAN, "implied", 2)
_AT_LEAST_ONE = Count(1, 1, NAN, "implied", 1)
_UNKNOWN = Count(NAN, NAN, NAN, "unreported", NAN)


def _unnumbered(text, low):
    """The matches of _UNNUMBERED in ``text`` (``low`` lower-cased)."""
    cues = [m.start() for m in matches_at(_UNNUMBERED_CUE_L, low, word_starts(_CUE_FIRST, low))]
    windows = merge_windows((max(0, c - _UNNUMBERED_BEFORE), c) for c in cues)
    return matches_at(_UNNUMBERED, text, word_starts_in(text, windows))


def _implied(text, low):
    """The matches of _IMPLIED in ``text`` (``low`` lower-cased)."""
    windows = merge_windows((max(0, c - _IMPLIED_BEFORE), c + 1) for c in literal_starts(_IMPLIED_CUES, low))
    return matches_at(_IMPLIED, text, word_starts_in(text, windows))


def _find_in(text, offset, headline=False, sentence=-1, sentence_start=True):
    """Claims in ``text`` (a stretch of one sentence that starts at ``offset``
    in the report; ``sentence_start`` when it starts where the sentence does)."""
    found = []
    low = lower_same_length(text)
    starts = [m.start() for m in matches_at(_NUMBER_START_L, low, literal_starts(_NUMBER_FIRST, low))]
    verbs = word_starts(_VERB_FIRST, low)
    articles = word_starts(_ARTICLE_FIRST, low)
    def listed(m):
        second = parse_count(m.group("num2"))
        if second is None or math.isnan(second.best):
            return None
        return _numbered(m, "list", offset, add=second.best, orig=text, sentence=sentence)

    found += matches_at(_LIST_L, low, starts, keep=listed)
    found += matches_at(_COMPOUND_L, low, verbs,
                        keep=lambda m: _numbered(m, "compound", offset, add=1, orig=text, sentence=sentence))
    for name, rx, count_first in _NUMBERED_PATTERNS:
        # a match that makes no claim (a year, an age) does not hide the counts inside it
        found += matches_at(rx, low, starts if count_first else verbs,
                            keep=lambda m, name=name: _numbered(m, name, offset, orig=text, sentence=sentence))
    for m in matches_at(_PAIR_L, low, articles):
        outcome = _outcome(m)
        if outcome:
            found.append(_claim(m, outcome, _TWO, "pair", offset, text, sentence))
    for name, matches in (("one-passive", matches_at(_ONE_PASSIVE_L, low, articles)),
                          ("one-active", matches_at(_ONE_ACTIVE_L, low, verbs))):
        for m in matches:
            outcome = _outcome(m)
            if outcome:
                found.append(_claim(m, outcome, _ONE, name, offset, text, sentence))
    # "Man killed in …": anywhere in a headline, at the start of other sentences
    if headline:
        bare = list(_BARE_ONE_L.finditer(low))
    else:
        bare = [m for m in [_BARE_ONE_L.match(low)] if m] if sentence_start else []
    for m in bare:
        found.append(_claim(m, _outcome(m), _ONE, "one-bare", offset, text, sentence))
    for m in matches_at(_SELF_L, low, verbs):  # "murder" is a verb start: murder-suicide too
        found.append(_claim(m, "killed", _TWO_IMPLIED if "murder" in m.group() else _ONE, "self", offset,
                            text, sentence))
    if "was" in low or "been" in low:
        for m in _NAMED_ONE.finditer(text):
            found.append(_claim(m, "killed", _ONE, "one-named", offset, None, sentence))
    for m in matches_at(_SELF_SHOT, low, verbs):
        found.append(_claim(m, "shot", _ONE, "self", offset, text, sentence))
    for m in _implied(text, low):
        found.append(_claim(m, "killed", _AT_LEAST_ONE, "implied", offset, None, sentence))
    for m in _unnumbered(text, low):
        first = "killed" if m.group("p_killed") else "injured"
        found.append(_claim(m, first, _UNKNOWN, "unnumbered", offset, None, sentence))
        if m.group("also_injured") or m.group("also_killed"):
            second = "injured" if first == "killed" else "killed"
            found.append(_claim(m, second, _UNKNOWN, "unnumbered", offset, None, sentence))
    # Negated figures ("no one was killed") and overlapping matches: keep
    # the first pattern's claim for each number (or phrase) and outcome.
    kept, seen = [], set()
    for c in found:
        local = c.start - offset
        if _NEGATED_L.search(low[max(0, local - 30):local]):
            continue
        key = (c.count_start if c.count_start >= 0 else c.start, c.outcome)
        if key in seen or any(
            k.start <= c.start and c.end <= k.end and k.outcome == c.outcome for k in kept
        ):
            continue
        seen.add(key)
        kept.append(c)
    return kept


# Sentences without any of these stems cannot hold a claim: the patterns
# above only run around them (most sentences have none).
_TRIGGER_STEMS = (
    "kill", "dead", "death", "die", "dying", "slain", "slaughter", "execut", "massacr", "murder", "gunned",
    "behead", "lives", "life", "perish", "fatal", "deadly", "lethal", "toll", "injur", "wound", "hurt",
    "hospitali", "condition", "treated", "missing", "unaccounted", "captur", "abduct", "kidnap", "hostage",
    "prisoner", "captive", "displac", "uproot", "flee", "fled", "shot", "shoot", "suicide", "casualt",
    "bodies", "corpses", "grazed",
)  # "die" only as died, dies or die, a whole word


_TRIGGER_FIRST = literal_automaton(_TRIGGER_STEMS)
_TRIGGER_RANK = {stem: rank for rank, stem in enumerate(_TRIGGER_STEMS)}


def _trigger_spans(lowered):
    """(start, end) of the trigger stems in lower-cased text, found in one
    Aho-Corasick pass (4x faster than the equivalent regular expression
    ``kill|dead|…``), with its semantics: leftmost first, the earliest listed
    stem at a position, no overlaps."""
    at = {}
    for last, length in _TRIGGER_FIRST.iter(lowered):
        s = last + 1 - length
        if length == 3:  # "die": died, dies or die, ending a word
            e = s + 4 if lowered[s + 3:s + 4] in ("d", "s") and not_word_char(lowered, s + 4) else s + 3
            if not not_word_char(lowered, e):
                continue  # "diesel", "soldier": no form of die
        else:
            e = s + length
        rank = _TRIGGER_RANK[lowered[s:s + length]]
        if s not in at or rank < at[s][0]:
            at[s] = (rank, e)
    spans, last_end = [], -1
    for s in sorted(at):
        if s >= last_end:
            e = at[s][1]
            spans.append((s, e))
            last_end = e
    return spans


# A sentence that states a war's running toll ("the conflict has killed more
# than 400,000 people since 2011") describes no event: its claims are marked
# ``cumulative`` and never counted in events or tables.
_CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\s+of\b|\bsince\s+(?:March\s+)?2011\b|"
    r"\bsince\s+then\b|\b(?:war|conflict|crisis|uprising|revolt|fighting)\b[^.;]{0,60}\b(?:erupted|began|started|"
    r"flared|broke\s+out)\b|\b\w+-year(?:-long)?\s+(?:civil\s+)?(?:war|conflict|crisis)\b|"
    r"\b(?:war|conflict|crisis)\s+(?:[\w\-]+\s+){0,6}?(?:has|have)\s+(?:\w+\s+){0,2}?(?:killed|left|claimed|caused|"
    r"cost)\b|"
    r"\b(?:war|conflict|crisis|uprising|revolution|fighting)\s+(?:that\s+)?(?:has|have|had)\s+"
    r"(?:\w+\s+){0,2}(?:killed|left|claimed|cost|displaced)\b|"
    r"\b(?:in|during|throughout)\s+the\s+(?:\w+\s+)?(?:war|conflict)\b|\bso\s+far\b|\bto\s+date\b|"
    r"\bsince\s+(?:(?:early|late|mid)[\s\-])?(?:(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+)?(?:19|20)\d\d\b|"
    r"\bfrom\s+(?:\w+\s+)?(?:19|20)\d\d\s+(?:to|until|till)\b|"
    r"\b(?:overall|total|cumulative)\s+(?:death\s+)?toll\b|\bin\s+(?:the\s+)?(?:\w+\s+)?years?\s+of\s+"
    r"(?:war|conflict|fighting)\b|\bsince\s+(?:the\s+)?(?:war|conflict|uprising|revolt)\s+(?:began|started|erupted)|"
    r"\bsince\s+(?:it|they)\s+(?:began|started|was\s+launched|were\s+launched)\b",  # an offensive's running toll
    re.I,
)


#: Above these figures no single event has ever been recorded (the deadliest
#: days of war and disaster killed and injured fewer than 300,000 people; the
#: largest displacements counted a few million): a larger figure is kept as an
#: ``implausible`` claim, shown but never counted ("killing 99999999999999999999
#: people" is a typo or a garbled number, not an event).
MAX_EVENT_COUNT = {"killed": 300_000, "injured": 300_000, "missing": 300_000, "captured": 300_000,
                   "shot": 300_000, "displaced": 20_000_000}

#: A toll this large stated in the present perfect ("more than 300,000 people
#: have been killed") is a war's running toll, not one event's.
RUNNING_TOLL_MIN = 10_000
_PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:killed|died|claimed|left|cost)\b",
                              re.I)


_CUMULATIVE_L, _PRESENT_PERFECT_L = _lc(_CUMULATIVE), _lc(_PRESENT_PERFECT)


_BEFORE, _AFTER = 140, 180


def _windows(lowered, start, end, triggers):
    """Stretches of a sentence around its outcome words, merged: the claim
    patterns run there only (a long sentence is mostly other words).
    ``triggers`` are the (start, end) of the trigger words of the whole text."""
    out = []
    for k in range(bisect.bisect_left(triggers, (start, -1)), len(triggers)):
        ts, te = triggers[k]
        if ts >= end:
            break
        if te > end:
            continue
        a, b = max(start, ts - _BEFORE), min(end, te + _AFTER)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    for w in out:  # widen to word boundaries
        while w[0] > start and not lowered[w[0] - 1].isspace():
            w[0] -= 1
        while w[1] < end and not lowered[w[1]].isspace():
            w[1] += 1
    return out


def find_claims(text, sentences, headlines=()):
    """Casualty claims in the given sentences of ``text``.

    Parameters
    ----------
    text : str
    sentences : sequence of (start, end)
    headlines : sequence of (start, end), optional
        Sentences that are headlines, where "Man killed in …" needs no article.

    Returns
    -------
    list of Claim
        In text order, each with the index of its sentence.

    Examples
    --------
    >>> t = "Air strikes killed at least 28 fighters. Over 60 observation posts remain."
    >>> [(c.outcome, c.count.best, c.count.qualifier, c.victim) for c in find_claims(t, [(0, 40), (41, len(t))])]
    [('killed', 28, 'at least', 'fighters')]
    """
    claims = []
    lowered = lower_same_length(text)
    heads = set(headlines)
    triggers = _trigger_spans(lowered)  # one pass over the whole text
    for i, (s, e) in enumerate(sentences):
        windows = _windows(lowered, s, e, triggers)
        if not windows:
            continue
        headline = (s, e) in heads
        found = [c for a, b in windows
                 for c in _find_in(text[a:b], a, headline=headline, sentence=i, sentence_start=a == s)]
        if not found:
            continue
        cumulative = bool(_CUMULATIVE_L.search(lowered, s, e))
        perfect = bool(_PRESENT_PERFECT_L.search(lowered, s, e))
        for c in found:
            running = cumulative or (perfect and c.count.best >= RUNNING_TOLL_MIN)
            claims.append(replace(c, role="cumulative") if running else
                          replace(c, role="implausible") if _implausible(c) else c)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _implausible(claim):
    """Is the claim's figure larger than any single event has seen?"""
    return claim.count.low > MAX_EVENT_COUNT.get(claim.outcome, math.inf)


# ---------------------------------------------------------------------------
# totals, parts and repeats


def _contains(c, value):
    lo = c.count.low
    hi = c.count.high if not math.isnan(c.count.high) else math.inf
    return lo <= value <= hi


def _vagueness(count):
    """0 for a stated figure, 1 for a bounded one ("at least 28"), 2 for a
    vague word ("dozens") or an implied death ("a deadly attack")."""
    from .counts import VAGUE

    q = count.qualifier
    if q == "implied" or q in VAGUE or q + " of" in VAGUE:
        return 2
    return 0 if count.exact else 1


def _distinct_single_victims(a, b):
    """Two single deaths in one sentence by different patterns ("killed his
    wife and then himself") are two people."""
    return (a.count.best == 1 == b.count.best and a.sentence == b.sentence
            and (a.pattern == "self") != (b.pattern == "self"))


def _same_figure(a, b):
    """Is claim ``b`` the same figure as claim ``a``?"""
    if _distinct_single_victims(a, b):
        return False
    if a.count.best == b.count.best:
        return True
    if not a.count.exact and _contains(a, b.count.best):
        return True  # "dozens dead" then "28 killed"
    if not b.count.exact and _contains(b, a.count.best):
        return True
    return False


def reconcile_claims(claims, sides=None, event_keys=None, window=6, victim_kinds=None):
    """Mark each claim as ``total``, ``part``, ``standalone`` or ``repeat``.

    Two claims can only be linked when they have the same outcome, their
    victims' sides do not conflict (a claim with no side is compatible with
    any) and they may belong to the same event: ``event_keys`` gives each
    claim a tuple such as (governorate, month); two keys conflict when a
    component is known in both and differs (None matches anything).  Then:

    1. A claim with the same figure as an earlier one (or a vague figure
       whose range holds it: "dozens" and 28) is a ``repeat``; the more
       precise mention is the one counted.
    2. A claim is a ``total`` when two or more smaller claims within
       ``window`` sentences add up to it exactly (13 + 15 = 28); those are its
       ``part`` claims.  A claim whose victims have no side with smaller
       claims of two or more sides is also a total, and the mismatch shows
       in :func:`breakdown_status`.
    3. A smaller claim in the same event as a larger one ("5 dead … an
       officer was shot and killed") is a ``part`` of it: the larger figure
       already counts it.
    4. Claims in a sentence giving a war's running toll ("has killed more
       than 400,000 people since 2011") stay ``cumulative``, and figures larger
       than any single event has seen (:data:`MAX_EVENT_COUNT`) stay
       ``implausible``: neither is counted nor linked.
    5. Everything else is ``standalone``.  Counting ``total`` and
       ``standalone`` claims counts every casualty once.

    Parameters
    ----------
    claims : list of Claim
    sides : list of str or None, optional
        The victims' side of each claim.
    event_keys : list of tuple, optional
    victim_kinds : list of str, optional
        ``civilian``, ``combatant`` or anything else (unknown) for each claim:
        a figure of civilians never includes soldiers, nor the reverse.

    Returns
    -------
    list of Claim
        The same claims with ``role``, ``total_of`` and ``repeat_of`` set.
    """
    claims = [c if (c.role in ("standalone",) + CONTEXT_ROLES and c.total_of == -1 and c.repeat_of == -1
                    and not c.part_kind)
              else replace(c, role=c.role if c.role in CONTEXT_ROLES else "standalone", total_of=-1,
                           repeat_of=-1, part_kind="") for c in claims]
    sides = list(sides) if sides is not None else [None] * len(claims)
    events = list(event_keys) if event_keys is not None else [()] * len(claims)

    kinds = list(victim_kinds) if victim_kinds is not None else [None] * len(claims)

    def linkable(i, j):
        a, b = claims[i], claims[j]
        return (a.outcome == b.outcome and _keys_match(events[i], events[j])
                and (not sides[i] or not sides[j] or sides[i] == sides[j])
                and {kinds[i], kinds[j]} != {"civilian", "combatant"})

    # 1. repeats
    for j, b in enumerate(claims):
        if math.isnan(b.count.best) or b.role in CONTEXT_ROLES:
            continue
        for i in range(j):
            a = claims[i]
            if a.role in ("repeat",) + CONTEXT_ROLES or math.isnan(a.count.best) or not linkable(i, j):
                continue
            if _same_figure(a, b):
                if _vagueness(a.count) > _vagueness(b.count):
                    claims[i] = replace(a, role="repeat", repeat_of=j)
                    for k, c in enumerate(claims):
                        if c.repeat_of == i:
                            claims[k] = replace(c, repeat_of=j)
                    sides[j] = sides[j] or sides[i]
                else:
                    claims[j] = replace(b, role="repeat", repeat_of=i)
                    sides[i] = sides[i] or sides[j]
                break
    counted = lambda k: claims[k].role == "standalone" and not math.isnan(claims[k].count.best)  # noqa: E731
    order = sorted(range(len(claims)), key=lambda k: -(claims[k].count.best if counted(k) else -1))
    # 2. exact breakdowns, and breakdowns by side that do not add up
    for i in order:
        t = claims[i]
        if not counted(i):
            continue
        cands = [j for j in range(len(claims)) if j != i and counted(j) and linkable(i, j)
                 and claims[j].count.best < t.count.best and abs(claims[j].sentence - t.sentence) <= window]
        chosen = _subset_summing(cands, claims, t.count.best)
        if chosen is None and not sides[i]:
            by_side = [j for j in cands if sides[j]]
            if len({sides[j] for j in by_side}) >= 2:
                chosen = by_side
        if not chosen:
            continue
        claims[i] = replace(t, role="total")
        for j in chosen:
            claims[j] = replace(claims[j], role="part", total_of=i, part_kind="breakdown")
    # 3. smaller figures inside a larger one of the same event
    for j in range(len(claims)):
        if not counted(j):
            continue
        larger = [i for i in order if i != j and claims[i].role in ("standalone", "total")
                  and not math.isnan(claims[i].count.best) and linkable(i, j)
                  and claims[i].count.best > claims[j].count.best]
        if larger:
            i = larger[0]
            claims[i] = replace(claims[i], role="total")
            claims[j] = replace(claims[j], role="part", total_of=i, part_kind="included")
    return claims


#: Roles set when a claim is found, kept by reconciliation: claims that are
#: context (a war's running toll) or impossible as one event's figure.
CONTEXT_ROLES = ("cumulative", "implausible")


def _keys_match(a, b):
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def _subset_summing(cands, claims, target, max_size=6):
    """The first subset (by size) of ``cands`` whose best figures sum to ``target``."""
    for size in range(2, min(len(cands), max_size) + 1):
        for combo in itertools.combinations(cands, size):
            if sum(claims[j].count.best for j in combo) == target:
                return list(combo)
    return None


def breakdown_status(total, parts):
    """``consistent``, ``parts exceed total``, ``parts short of total`` or
    ``no breakdown`` for a total figure and its parts' figures.

    >>> breakdown_status(28, [13, 15])
    'consistent'
    """
    if not len(parts):
        return "no breakdown"
    s = sum(parts)
    if s == total:
        return "consistent"
    return "parts exceed total" if s > total else "parts short of total"
