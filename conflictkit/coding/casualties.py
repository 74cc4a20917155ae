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
import dataclasses
import itertools
import json
import math
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import itemgetter

import ahocorasick

from ._scan import (
    first_class,
    followed_by_space,
    held_strings,
    literal_automaton,
    literal_prefixes,
    lower_same_length,
    matches_at,
    merge_windows,
    plain_ascii,
    word_first_chars,
    word_starts_in,
)
from .counts import VAGUE, Count, number_pattern, parse_count, qualifier_kinds, qualifier_pattern, vague_amounts
from .resources import load_resources

__all__ = ["Claim", "CasualtyGrammar", "compile_grammar", "find_claims", "reconcile_claims", "OUTCOMES",
           "MAX_EVENT_COUNT", "CONTEXT_ROLES"]

NAN = float("nan")

#: Outcomes a claim can have.  ``shot`` is hit by gunfire, killed or not.
OUTCOMES = ("killed", "injured", "missing", "captured", "displaced", "shot")


# A possessive quantifier ("[\w'\-]++\s+", Python 3.11+; before, a plain one), put only where
# what follows can never start with a character the repeat would give back (a word's letters,
# then a space; a clause's characters, then the comma they exclude): the matches are the same,
# found without the engine trying each shorter word when what follows fails.
_ONCE = "+" if sys.version_info >= (3, 11) else ""


def _alt(words):
    return "(?:" + words + ")"


def _words(entries):
    """A grammar list as a regular-expression alternation: a space in an entry
    is any run of whitespace.

    The entries that start with the same letter or digit share it
    ("killed|kills|dead" is "kill(?:ed|s)|dead"): the engine tries the
    alternatives of a group one by one, and where a letter rules out a
    whole group it is looked at once, not once for each of its entries.
    The same alternatives are tried in the same order where they can match
    (entries that start with other letters cannot match where these do, and
    an entry that starts otherwise is never moved past)."""
    return _factored(list(entries))


def _factored(entries):
    out, run = [], {}  # run: {first character: its entries}, in order

    def flush():
        for group in run.values():
            if len(group) == 1:
                out.append(group[0].replace(" ", r"\s+"))
                continue
            n = 1  # the characters all the group's entries start with
            while all(_plain(e, n) and e[n] == group[0][n] for e in group):
                n += 1
            out.append(group[0][:n] + "(?:" + _factored([e[n:] for e in group]) + ")")
        run.clear()

    for e in entries:
        if _plain(e, 0) and not _bar_outside_groups(e):  # "ab|cd" shares nothing: it is two entries
            run.setdefault(e[0], []).append(e)
        else:  # any other start (a group, a class, an escape, a capital) keeps its place
            flush()
            out.append(e.replace(" ", r"\s+"))
    flush()
    return "|".join(out)


def _bar_outside_groups(entry):
    """Does ``entry`` hold a ``|`` outside its groups and classes (an overlay's
    "ab|cd"), which factoring its first letter would bind to one side?"""
    depth, i = 0, 0
    while i < len(entry):
        c = entry[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: up to its closing bracket ("[]a]", "[^]a]" hold it first)
            i += 1 + (entry[i + 1:i + 2] == "^")
            i += entry[i:i + 1] == "]"
            while i < len(entry) and entry[i] != "]":
                i += 2 if entry[i] == "\\" else 1
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _plain(entry, k):
    """Is ``entry[k]`` a lower-case ASCII letter or a digit that stands alone (no repeat after it)?
    (Not a capital: re.IGNORECASE matches it in lower case too.)"""
    c = entry[k:k + 1]
    return c.isascii() and (c.islower() or c.isdigit()) and entry[k + 1:k + 2] not in ("?", "*", "+", "{")


def _by_outcome(mapping, prefix, skip=()):
    """``(?P<p_killed>…)|(?P<p_injured>…)…``: one named group per outcome."""
    return _alt("|".join(f"(?P<{prefix}_{k}>{_words(v)})" for k, v in mapping.items() if k not in skip))


def _some_outcomes(mapping, prefix, keep, drop=lambda word: False):
    """:func:`_by_outcome` of the outcomes in ``keep`` only, without the words ``drop`` rejects."""
    return _by_outcome({k: [w for w in v if not drop(w)] for k, v in mapping.items() if k in keep}, prefix)


# Parts of the count pattern (:func:`~.counts.number_pattern`) as it writes them, and faster forms that
# match what they match where it puts them: each claim pattern with a count tries it at every count
# start, and where the claim then fails, the engine tries every other way the count could match.
# A possessive repeat gives nothing back: it is put only where what it would give back, a digit or
# a space, could not be followed by what comes next.
_NOT_AGE = r"(?!\s*-?\s*(?:years?|yrs?|months?)[\s\-]+old)"


def _count_parts(once):
    """``[(part, faster form)]``, the possessive repeats made with ``once`` (:data:`_ONCE`)."""
    age = _NOT_AGE + r"(?!-year)"
    return [
        # A number in digits: one "not after a word character, a point, a comma …" for the three kinds
        # (each begins with it, and it looks only at what stands before where they start).  "1,200":
        # the first digits given back leave a digit, where ",\d{3}" must follow; a ",200" given back
        # leaves a comma, which the lookahead after rejects.  "12.5 million": a digit given back
        # leaves a digit, where ".", a space or no word character must follow.  (The round
        # thousands, "200 000", give back " 000": "200" can be the count.)
        (r"(?<![\w.,/:\-#$])\d{1,3}(?:,\d{3})+(?![\w,/:%])" + age
         + r"|(?<![\w.,/:\-#$])\d{1,3}(?:[ \u00a0\u202f\u2009]000)+(?![\w,/:%])" + age
         + r"|(?<![\w.,/:\-#$])\d+(?:\.\d+)?(?:\s+(?:million|thousand))?(?![\w/:%])" + age,
         r"(?<![\w.,/:\-#$])(?:\d{1,3}" + once + r"(?:,\d{3})+" + once + r"(?![\w,/:%])" + age
         + r"|\d{1,3}(?:[ \u00a0\u202f\u2009]000)+(?![\w,/:%])" + age
         + r"|\d+" + once + r"(?:\.\d+" + once + r")?(?:\s+(?:million|thousand))?(?![\w/:%])" + age + ")"),
        # A range's ends ("10-15", "between 10 and 15"): a digit given back leaves a digit, where
        # ",\d{3}", the range's "-", "to" or "and", or no word character must follow.
        (r"(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+|\b",
         r"(?!(?:19|20)\d\d\b)(?:\d{1,3}" + once + r"(?:,\d{3})+|\d+" + once + r"|\b"),
        # Not an age ("5 years old", "5-year-old"): "years", "yrs" and "months" start with a letter, so
        # only where the spaces (and a hyphen) after the count end, which the possessive repeats reach.
        (_NOT_AGE, r"(?!\s*" + once + r"-?\s*" + once + r"(?:years?|yrs?|months?)[\s\-]+old)"),
    ]


def _faster_count(source):
    """The source of a count pattern with the parts of :func:`_count_parts` in their faster forms
    (as it is without possessive repeats: before Python 3.11)."""
    if not _ONCE:
        return source
    for old, new in _count_parts(_ONCE):
        source = source.replace(old, new)
    return source


def _phrases(g):
    """Regular-expression sources of the parts of phrases: counts, victims, auxiliaries."""
    number = number_pattern(g)
    # (the characters a count starts with, looked at first: where none is, as after victims
    # ("fighters were"), the engine fails at once, not after trying each kind of number)
    first = first_class(number)
    number = _faster_count(number)
    number = number if first is None else f"(?={first}){number}"
    named, single = _words(g["victim_heads"]), _words(g["victim_heads_singular"])
    # any other plural noun, unless a thing, an animal or a time ("two rockets", "20 goats", "10 days")
    # "killed 20 goats": no victims; "killed three village elders": a thing's name before the victims
    things = rf"(?!\s+(?:{_words(g['non_victim_plurals'])})\b(?!\s+[a-z\-]+(?:[a-rt-z]s|men)\b))"
    head = f"{named}|(?!(?:{_words(g['non_victim_plurals'])})\\b){g['victim_heads_generic']}"
    # Words allowed between a count and its head noun: adjectives, actor names.
    # (not a number: "9 August 2016 Five children" has no count 2016 of children)
    mod = (r"(?:(?!\d+\s|(?:" + _words(g["number_words"]["units"] + g["number_words"]["tens"]) + r")\s|"
           r"(?:" + _words(g["modifier_stop_words"]) + r")\b)[\w\u2019'\-\.]+" + _ONCE + r"\s+)")
    # (an organisation's acronym in brackets may close it: "a leader of the Islamic State group (IS)")
    of_tail = (r"(?:\s+(?:of|from|with)\s+(?:(?!(?:" + _words(g["of_tail_stop_words"]) + r")\b)[\w\u2019'\-]+" + _ONCE
               + r"(?:\s+|(?=[,.;:!?\"\u201d)]|$))){1,7}(?:\([\w\-]{1,12}\)(?=[\s,.;:]|$))?)?")
    manner = _words(g["manner_adverbs"])
    # a name of one to three words, none a month ("al Shabaab", "Boko Haram", "RSF"; not "24 May")
    word = mod[:-len(r"\s+)")] + ")"
    name = rf"(?P<name>(?!{_MONTHS}){mod}{{0,2}}?{word}(?=\s))"
    # any other singular noun names one victim ("a cobbler was killed"), unless a thing, an
    # animal, a time, a group or a small word
    not_one = "|".join([_words(g["non_victim_plurals"]), _words(g["group_nouns"]), _words(g["modifier_stop_words"]),
                        _words(g["common_words"]), _words(g["negation_words"])])
    single_any = rf"(?!(?:{not_one})\b)(?:{g['victim_heads_singular_generic']})"
    # a verb before the outcome in one chain: "were abducted and killed", "was attacked and beaten to death"
    chain = r"(?:(?:" + _words(g["chained_verbs"]) + r")\s+and\s+(?:then\s+|later\s+)?)?"
    aux = r"(?:\s*,?\s*(?:" + _words(g["auxiliaries"]) + "|" + manner + r")\b)*"
    # "11 civilians including three children were killed": the victims of the count
    # 11 run on past a breakdown of them.
    # "16 fighters including their commander were killed": one of them
    including = (rf"(?:\s*,?\s+(?:(?:including|among\s+them|among\s+whom)\s+(?:{number})\s+{mod}{{0,3}}?"
                 rf"(?:{head})(?:\s*,?\s+and\s+(?:{number})\s+{mod}{{0,3}}?(?:{head}))?|(?:{number})\s+of\s+(?:them|whom)(?:\s+{mod}{{0,3}}?(?:{head}))?"
                 rf"|(?:including|among\s+them)\s+(?:an?|one|the|their|its|his|her)\s+{mod}{{0,3}}?(?:{single})\b"
                 r"(?!\s*,?\s+(?:who|that|was|is|has)\b))\b,?)?")  # "…, including the boy who was killed": his alone
    # victims told before, as what happened to them: "one of the victims", "one of the dead"
    told = r"(?:victims|" + _words(g["noun_words"]["killed"] + g["noun_words"]["injured"]) + r")\b"
    return dict(number=number, head=head, named=named, name=name, things=things, single=single, single_any=single_any,
                told=told,
                chain=chain, mod=mod, of_tail=of_tail, manner=manner, aux=aux, including=including, q=rf"(?:(?P<qual>{qualifier_pattern(g)})\s+)?", n=rf"(?P<num>{number})",
                outcome=_by_outcome(g["outcome_words"], "p"), active=_by_outcome(g["active_words"], "a"))


def _count_first(g, p):
    """Sources of the patterns that start with a count."""
    # "13 soldiers and militiamen were killed": one count of both
    # "8 regime and allied fighters were killed": modifiers joined by "and" before the head
    # "Two of them were beaten to death": a share of people told before
    # "25 al Shabaab killed", "Seventy al Shabaab are killed": a group's name alone as the victims
    passive = (rf"(?<![\w\-]){p['q']}{p['n']}(?:\s+of\s+(?:them|those|these))?"
               rf"(?P<victim>\s+(?:(?:other\s+)?(?:{p['mod']}{{1,2}}?(?:and|or|&)\s+{_NO_DET})?"
               rf"{p['mod']}{{0,4}}?(?:{p['head']})\b"
               rf"(?:\s+(?:and|or)\s+{_NO_DET}{p['mod']}{{0,2}}?(?:{p['head']})\b)?"
               rf"{p['of_tail']}{_SIDES}{p['including']}{_APPOSITION}|{p['name']}))?"
               rf"(?P<aux>{p['aux']})\s+(?P<verb>{p['chain']}" + p["outcome"] + r")\b")
    # A hospital condition is an injury: "Two men critical after shooting", "3 in serious condition"
    # Without people named, "condition" or a pause must follow ("3 dead, 1 critical in …"):
    # "three critical questions" is no injury.
    condition = (
        rf"(?<![\w\-]){p['q']}{p['n']}(?P<victim>\s+{p['mod']}{{0,2}}?(?:{p['named']})\b)?"
        r"(?P<aux>(?:\s+(?:are|were|remain|remained|listed|left|hospitalized|in))*)\s+"
        r"(?P<verb>(?P<p_injured>(?:" + _words(g["condition_words"]) + r")(?:\s+condition)?))\b"
        r"(?(victim)|(?:(?<=condition)|(?=\s*(?:[,.;:!?]|$)|\s+(?:in|after|following|at|from|with)\b)))")
    # "29 Boko Haram dead", "50 ENDF dead": a group's name between the count and the noun
    noun = (rf"(?<![\w\-]){p['q']}{p['n']}\s+(?:(?:more|other|further|reported|confirmed|civilian|military)\s+|"
            rf"{p['mod']}){{0,3}}?"
            r"(?P<verb>" + _by_outcome(g["noun_words"], "p")[3:-1] + r")\b")
    listed = (rf"(?<![\w\-]){p['q']}(?P<num>{p['number']})(?P<victim>\s+{p['mod']}{{0,2}}?(?:{p['head']})"
              rf"(?:\s*,\s*|\s+and\s+|\s+(?=\d))(?P<num2>{p['number']})(?!\s+of\s+(?:them|whom)\b)\s+"
              rf"{p['mod']}{{0,2}}?(?:{p['head']})\b)(?P<aux>{p['aux']})\s+(?P<verb>" + p["outcome"] + r")\b")
    return dict(passive=passive, condition=condition, noun=noun, list=listed)


def _verb_first(g, p):
    """Sources of the patterns that start with a verb or a toll."""
    active = (r"\b(?P<verb>" + p["active"] + r")\s+"
              rf"(?:(?:a\s+total\s+of|an?\s+estimated|the|all|another|his|her|their)\s+)?{p['q']}{p['n']}{_NO_OBJECT}{p['things']}"
              rf"(?P<victim>\s+(?:other\s+)?{p['mod']}{{0,4}}?(?:{p['named']})\b{p['of_tail']})?")
    compound = (r"\b(?P<verb>" + p["active"] + r")\s+"
                rf"(?P<victim>(?:(?:an?|one|his|her|their)\s+{p['mod']}{{0,2}}?(?:{p['single']})|(?:only\s+)?(?:himself|herself))"
                rf"\s+and\s+(?:(?:his|her|their)\s+)?(?P<num>{p['number']})\s+"
                rf"(?:other\s+)?{p['mod']}{{0,3}}?(?:{p['head']})\b{p['of_tail']})")
    left = (rf"\b(?:left|leaving|leave|leaves)\s+{p['q']}{p['n']}(?P<victim>\s+{p['mod']}{{0,3}}?(?:{p['head']}))?\s+"
            r"(?P<verb>(?P<p_killed>dead)|(?P<p_injured>injured|wounded|hurt))\b")
    toll = (r"\b(?P<verb>" + _by_outcome(g["toll_words"], "p")[3:-1] + r")"
            rf"(?:\s+\w+){{0,5}}?\s+(?:to|at|of|reached|is|was|stood\s+at|stands\s+at|hit)\s+{p['q']}{p['n']}\b")
    fatally = (rf"\b(?:shot|wounded|stabbed|struck|hit)\s*,?\s+(?:{p['q']})?(?P<num>{p['number']})\s+"
               r"(?:of\s+them\s+|of\s+whom\s+)?(?P<verb>(?P<p_killed>fatally|died|dead|killed))\b")
    one_active = (r"\b(?P<verb>" + _by_outcome(g["active_words"], "a", skip=("displaced",))
                  + rf")\s+(?P<victim>(?:(?:an?|one|another|his|her|their|its|the)\s+|(?=\d+[\s\-]+(?:year|month)))"
                  rf"{p['mod']}{{0,5}}?(?:{p['single']})\b|(?:him|her)\b(?!self))(?!\s+and\s+\w+\s+other)")
    # "kills a cobbler", "killed a suspected thief in …": any other singular noun after a verb that kills or
    # hurts, then a pause or a preposition (the noun ends the object: not "killing a further 5 people")
    # ("executing a search warrant", "shot a video": verbs with other objects are left out)
    hurts = _some_outcomes(g["active_words"], "a", ("killed", "injured"), drop=lambda w: w.startswith("execut"))
    # After a verb that kills, also a possessive ("shot and killed his colleague") and, ACLED's telegraphic
    # style, a known victim without an article ("Militiamen kill merchant in Feina", "assassinated retired
    # army colonel and wounded his son").
    one_active_any = (r"\b(?P<verb>" + hurts + rf")\s+(?P<victim>(?:an?|one|another|the)\s+"
                      rf"{p['mod']}{{0,3}}?(?:{p['single_any']})\b{p['of_tail']}|(?(a_killed)(?:(?:his|her|their)\s+|"
                      rf"(?!{_DETERMINER})){p['mod']}{{0,2}}?(?:{p['single']})\b|(?!)))" + _OBJECT_ENDS)
    # "killing 3 soldiers and 2 militants": the objects of one verb add up
    active_list = (r"\b(?P<verb>" + p["active"] + r")\s+"
                   rf"{p['q']}(?P<num>{p['number']})(?P<victim>\s+(?:other\s+)?{p['mod']}{{0,3}}?(?:{p['head']})"
                   rf"(?:\s*,\s*|\s*,?\s+and\s+)(?P<num2>{p['number']})(?!\s+of\s+(?:them|whom)\b)\s+"
                   rf"(?:other\s+)?{p['mod']}{{0,3}}?(?:{p['head']})\b)")
    # "killed his girlfriend and her daughter", "fatally shot her son and her husband": two objects of one verb
    det = r"(?:an?|his|her|their)\s+"
    pair_active = (r"\b(?P<verb>" + _by_outcome(g["active_words"], "a", skip=("displaced",)) + r")\s+"
                   rf"(?P<victim>{det}{p['mod']}{{0,3}}?(?:{p['single']}|{p['single_any']})\s+and\s+{det}"
                   rf"{p['mod']}{{0,3}}?(?:{p['single']}|{p['single_any']}))\b" + _OBJECT_ENDS)
    self_killed = _NO_ATTEMPT + r"\b(?P<verb>(?P<p_killed>" + _words(g["self_inflicted"]["killed"]) + r"))\b"
    self_shot = r"\b(?P<verb>(?P<p_shot>" + _words(g["self_inflicted"]["shot"]) + r"))\b"
    return dict(active=active, compound=compound, left=left, toll=toll, fatally=fatally, one_active=one_active,
                one_active_any=one_active_any, pair_active=pair_active,
                self=self_killed, self_shot=self_shot, active_list=active_list)


_MONTHS = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")
# Particles of Arabic names, written small before a capitalised word ("al Shabaab", "Ansar al Sharia").
_NAME_PARTICLES = frozenset(("al", "el", "ul", "ad", "ash", "bin", "ibn", "abu"))
# The sides the victims were on: "eleven combatants from both sides were killed".
_SIDES = r"(?:\s+(?:on|from|of)\s+(?:both|either|all|each)\s+sides?)?"
_DETERMINER = r"(?:an?|the|his|her|their|its|one|another|this|that|these|those|some|all|any|no|\d+)\b"
# An attempt or a threat is no death: "attempted murder-suicide", "threatening to commit suicide".
_NO_ATTEMPT = (r"(?<!attempted\s)(?<!Attempted\s)(?<!tried\sto\s)(?<!trying\sto\s)(?<!threatening\sto\s)"
               r"(?<!threatened\sto\s)(?<!threatens\sto\s)")
# After "and" in a victim phrase: a determiner starts a second phrase ("four medics and a nurse was wounded").
_NO_DET = r"(?!(?:an?|the|one|his|her|their)\s)"
# A clause set off by commas between the victims and the verb, that says more about them: "Seven
# people, including a trafficker wanted for a 2016 crime, were killed" (its words are no second group).
# Or a clause in brackets: "At least 15 people (10 civilians and five policemen) were killed", "two activists of
# the Pashtun Tahaffuz Movement (PTM) were killed".
_APPOSITION = (r"(?:\s*,\s*(?:including|among|mostly|most\s+of\s+them|many\s+of\s+them|all|aged|ages|said\s+to\s+be|"
               r"believed|identified|described|variously|who|whom|from|belonging|both)\b[^,.;:]{1,100}" + _ONCE + r",|\s*\([^()]{1,100}" + _ONCE + r"\))?")
# After an active verb, a number followed by an outcome is no object: "Killed 110 Injured".
_NO_OBJECT = r"(?!\s+(?:injured|wounded|hurt|dead|killed|died)\b)"
# A verb with an object acts, whatever stands before it: "a man shot and killed his
# daughter", "Boy accidentally shot a friend" (the man and the boy are no victims).
_ACTS_ON = (r"(?!(?:fatally\s+)?(?:shot\s+and\s+)?(?:killed|shot|wounded|injured|murdered|stabbed)\s+"
            r"(?:his|her|their|its|an?|the)\b)")
# What may follow a one-victim object: a pause or a preposition ("killed a trader in …",
# "killed a trader and injured two"), not another victim ("killed a man and a woman").
_OBJECT_ENDS = (r"(?=\s*(?:[,.;:!?)\"'\u2019\u201d]|$)|\s*(?:in|at|on|near|after|who|whom|while|during|with|from|"
                r"outside|inside|by|for|as|before|when|last|this|early|late|overnight|to|over|following|because|"
                r"and(?!\s+(?:an?|his|her|their|one|another|the|two|three|\d+)\b))\b)")
# After a bare "shot": what shows it is passive ("Woman shot in foot", "Teen shot,
# police say"), not a shooter ("Boy shot his friend", "Gunman shot two").
_NOT_ACTIVE = (r"(?=\s*(?:[,.;:!?\-\u2013\u2014]|$)|\s+(?:in|at|on|by|near|during|after|outside|inside|while|"
               r"multiple|several|twice|once|repeatedly|early|late|last|this|overnight|with|from|allegedly|"
               r"reportedly|accidentally|and(?!\s+(?:killed|wounded|injured)\b))\b)")


def _one_victim(g, p):
    """Sources of the patterns of one or two victims without a number."""
    outcome = _by_outcome(g["outcome_words"], "p", skip=("displaced",))
    pair = (rf"\b(?P<victim>(?:an?|one|his|her|their)\s+{p['mod']}{{0,3}}?(?:{p['single']}|{p['single_any']})\s+and\s+"
            rf"(?:(?:an?|one|another|his|her|their)\s+{p['mod']}{{0,3}}?(?:{p['single']}|{p['single_any']})|"
            rf"(?:{p['single']})))\b"  # "a mother and son were found fatally shot"
            rf"(?P<aux>{p['aux']})\s+"
            r"(?P<verb>(?:shot\s+and\s+)?(?:found\s+)?" + outcome + r")\b")
    # (not a predicate: "Smith was the only person injured")
    # ("three were killed and another wounded": "another" alone is one more victim)
    one_passive = (rf"(?<!\bwas\s)(?<!\bis\s)\b(?P<victim>(?:an?|one|another|the|his|her|their)\s+"
                   rf"{p['mod']}{{0,3}}?"
                   rf"(?:{p['single']})\b{p['of_tail']}"
                   # "one of the militants was killed" (not "one of the victims": counted already, where they were)
                   rf"|one\s+of\s+(?:(?:the|their|its|his|her|those|these)\s+(?!{p['told']}){p['mod']}{{0,3}}?(?:{p['head']})\b"
                   r"|them\b)"
                   rf"|(?<=and\s)another(?=\s+(?:was\s+|is\s+)?(?:{p['manner']}\s+)?"
                   r"(?:wounded|injured|hurt|hospitali[sz]ed|shot)\b))"
                   rf"(?:\s*,[^,.;]{{1,60}}{_ONCE},)?(?P<aux>{p['aux']})\s+{_ACTS_ON}(?P<verb>{p['chain']}"
                   + outcome + r")\b(?!\s+(?:himself|herself)\b)")  # "a boy accidentally shot himself" is not passive
    # "a cobbler was killed", "one police conscript was shot dead": any other singular noun, killed or hurt
    # (not a bare "shot" or "captured": "a plane was shot down", "a base was captured")
    hurt = _some_outcomes(g["outcome_words"], "p", ("killed", "injured", "shot"), drop=lambda w: w == "shot")
    # A clause may stand between: "a driver who stole fuel was killed", "a soldier in the army was killed".
    one_passive_any = (rf"\b(?P<victim>(?:an?|one|another)\s+{p['mod']}{{0,5}}?(?:{p['single_any']})\b{p['of_tail']})"
                       r"(?:\s*,[^,.;]{1,60}" + _ONCE + r",|\s+(?:who|in|on|from|with|of|described|believed|said|known)"
                       r"(?:\s+(?!(?:was|is|were|are|not|almost|nearly|never|and|but)\b)[\w'\-]+){1,10}?)?"
                       rf"(?!\s*(?:were|are|have)\b)(?P<aux>{p['aux']})\s+{_ACTS_ON}"
                       rf"(?P<verb>{p['chain']}" + hurt + r")\b(?!\s+(?:himself|herself)\b)")
    unnumbered = (
        r"\b(?P<victim>(?:(?!(?:The|A|An|These|Those|Their|His|Her|Its|Two|Three|Several|Many|Some|All|Both)\b)"
        r"[A-Z][\w\-]*" + _ONCE + r"\s+|regime\s+|government\s+|pro-regime\s+|army\s+|rebel\s+|"
        rf"opposition\s+|security\s+|Kurdish\s+)(?:{p['named']}))"
        r"(?P<aux>\s+(?:had\s+been|have\s+been|has\s+been|were|are)(?:\s+(?:reportedly|also|all|" + p["manner"]
        + r"))?)\s+(?P<verb>(?P<p_killed>killed)(?:\s+(?:and|or)\s+(?P<also_injured>injured|wounded))?|"
        r"(?P<p_injured>injured|wounded)(?:\s+(?:and|or)\s+(?P<also_killed>killed))?)\b")
    bare_one = (
        r"(?:^|(?<=[\s\-:]))(?P<victim>(?:(?!(?:killed|dead|died|injured|wounded|hurt|shot|and|or|were|was|are|is|"
        rf"after|when|while|as|in|on|at|by)\b)[A-Z][\w'\-]*{_ONCE}\s+){{0,3}}(?:{p['single']}))(?:'s)?"
        r"(?:\s*,\s*\d{1,3}\s*,)?"  # an age between: "Boy, 5, shot in ankle"
        r"\s+(?:(?:is|was)\s+)?(?:(?:" + p["manner"] + r")\s+)?" + _ACTS_ON
        + r"(?P<verb>(?P<p_killed>killed|dead|fatally\s+shot|shot\s+dead|shot\s+and\s+killed" + _NOT_ACTIVE
        + r"|shot\s+to\s+death|shot(?:\s+(?:in|on|at)\s+(?:the\s+)?\w+)?,\s+killed|slain|dies|died|gunned\s+down|"
        r"murdered|assassinated|executed)|"
        r"(?P<p_injured>injured|wounded|hurt|grazed|hospitali[sz]ed|shot\s+and\s+(?:wounded|injured)" + _NOT_ACTIVE
        + r")|(?P<p_shot>shot" + _NOT_ACTIVE + r"|(?:hit|struck|grazed)\s+(?:by|with)\s+(?:an?\s+)?(?:stray\s+)?"
        r"(?:bullets?|gunfire|gunshots?)))\b(?!\s+(?:himself|herself)\b)")
    # "he was shot in the face", "she was later executed": one victim, passive (never "he shot")
    one_pronoun = (r"\b(?P<victim>he|she)(?P<aux>\s+(?:was|is|had\s+been|has\s+been|got)\b(?:\s+(?:"
                   + p["manner"] + r"|also|later|reportedly|allegedly|subsequently|found))*)\s+"
                   rf"(?P<verb>{p['chain']}" + _some_outcomes(g["outcome_words"], "p", ("killed", "injured", "shot"))
                   + r")\b(?!\s+(?:himself|herself|down)\b)")
    # "a woman and her two daughters were killed", "a priest and four officers were killed": one and a number
    pair_n = (rf"\b(?P<victim>(?:an?|one)\s+{p['mod']}{{0,2}}?(?:{p['single']})\s+and\s+(?:(?:his|her|their)\s+)?"
              rf"(?P<num>{p['number']})\s+{p['mod']}{{0,2}}?(?:{p['head']}))\b(?P<aux>{p['aux']})\s+(?P<verb>"
              + outcome + r")\b")
    # "11 civilians and a soldier were killed", "Nine men and a woman died": a number and one
    n_and_one = (rf"(?<![\w\-]){p['q']}{p['n']}(?P<victim>\s+{p['mod']}{{0,3}}?(?:{p['head']})\s+and\s+(?:an?|one)\s+"
                 rf"{p['mod']}{{0,2}}?(?:{p['single']}))\b(?!\s*,?\s*(?:was|is|has)\b)(?P<aux>{p['aux']})\s+(?P<verb>"
                 + outcome + r")\b")  # "four medics and a nurse was wounded": the verb is the nurse's alone
    return dict(pair=pair, one_passive=one_passive, one_passive_any=one_passive_any, one_pronoun=one_pronoun,
                unnumbered=unnumbered, bare_one=bare_one, bare_title=_bare_title(g, p), pair_n=pair_n,
                n_and_one=n_and_one)


def _named(g):
    """Sources of the patterns of people named (case-sensitive, on the text as
    written): one in a hospital condition or recovering, two killed."""
    conditions = _words(g["hospital_conditions"])
    # "Watson remains in serious but stable condition", "He was listed in good condition", "Andrews is
    # recovering from a gunshot wound": injured
    # (not a place: "Children's Hospital of Arkansas is in …", "Little Rock, Arkansas is …")
    condition = (rf"(?<![\w\-])(?<!,\s)(?<!\bof\s)(?<!\bin\s)(?P<victim>{_NAME}|[Hh]e|[Ss]he)(?:,\s*\d{{1,3}},)?\s+"
                 rf"(?P<aux>(?:{_words(g['named_condition_verbs'])})(?:\s+(?:{_words(g['named_condition_fillers'])}))*)\s+"
                 rf"(?P<verb>(?P<p_injured>in\s+(?:(?:{conditions})\s+(?:but|and|yet)\s+)?(?:{conditions})\s+condition|"
                 rf"{_words(g['named_injured'])}))\b")
    # "Omani Free, 18, and Tabitha Cruz, 20, were killed", "Both Long and Ebner were shot to death": two
    age = r"(?:,\s*\d{1,3}\b,?)?"
    pair = (rf"(?<![\w\-])(?:Both\s+)?(?P<victim>{_NAME}{age}\s+and\s+{_NAME}(?:,\s*\d{{1,3}}\b)?)"
            r"(?:,?\s+both\s+\d{1,3})?,?\s+(?P<aux>(?:were|have\s+been|had\s+been)(?:\s+(?:all|both|later|also))?|"
            r"(?:both|later)?)\s*(?P<verb>(?P<p_killed>" + _words(g["named_killed"]) + r"))\b")
    return dict(named_condition=condition, named_pair=pair)


def _bare_title(g, p):
    """ACLED's telegraphic one victim at a sentence's start: a title or a trade, perhaps a name, then
    a verb that kills and a pause or a preposition ("Bar owner shot dead near …", "Ruling party
    official Adrien Mudomo shot dead."; not "Gunmen shot dead two traders")."""
    verbs = _words(g["telegraphic_deaths"])
    return (r"(?P<victim>(?:(?!(?:killed|dead|died|injured|wounded|hurt|shot|and|or|were|was|are|is|after|when|"
            rf"while|as|in|on|at|by)\b)[\w'\-]+{_ONCE}\s+){{0,4}}?(?:{p['single']}|{p['single_any']}))"
            rf"\s+(?P<verb>(?P<p_killed>{verbs}))"
            r"(?=\s*(?:[,.;:]|$)|\s+(?:in|at|on|near|inside|outside|by|during|after|when|while|as|following|"
            r"over|early|late|last)\b(?!\s+(?:least|most|\d)))")  # not "Boko Haram killed at least 60"


def _context(g, p):
    """Sources of the patterns that qualify claims: negation, war tolls, implied deaths."""
    implied = (r"(?<!non-)(?<!non\s)" + _NO_ATTEMPT + r"\b(?P<verb>(?P<p_killed>" + _words(g["implied_death"])
               + r"))\b")
    cumulative = _words(g["cumulative_cues"])
    roundup = _words(g["roundup_cues"])
    negated = r"\b(?:" + _words(g["negation_words"]) + r")\b[^.;]{0,25}$"
    number_start = rf"(?<![\w\-])(?:{qualifier_pattern(g)}\s+)?{p['number']}"
    unknown = r"\b(?P<verb>(?P<p_killed>" + _words(g["unknown_deaths"]) + r"))\b"
    return dict(implied=implied, cumulative=cumulative, roundup=roundup, negated=negated, number_start=number_start, unknown=unknown,
                head_first=rf"\s+(?:{p['head']})\b")


# A person named, then killed, hurt or shot: "Rivera was killed in the attack", "Abu Omar al-Shami has been
# killed", "Howard was shot in the face" (case-sensitive: a name is capitalised; "Assyrians had been
# killed" is not one person).
_NAME = (r"(?!(?:The|A|An|This|That|He|She|It|They|One|Police|Security|Army|Regime|Nobody|None|No|Both)\b)"
         r"[A-Z][a-z'\-]+(?:\s+(?:[A-Z][a-z'\-]+|al-[A-Z][a-z'\-]+|bin|ibn|de|van)){0,3}")
_NAMED_ONE = re.compile(
    r"(?<![\w\-])(?P<victim>" + _NAME + r")"
    r"\s+(?:was|has\s+been)\s+(?:(?:fatally\s+)?shot\s+and\s+)?"  # singular verbs: one person
    r"(?P<verb>(?P<p_killed>killed|shot\s+dead|slain|murdered|executed|beheaded|assassinated|shot\s+to\s+death)|"
    r"(?P<p_injured>wounded|injured)(?![^.;]{0,80}\b(?:succumbed|died|passed\s+away)\b)|"
    r"(?P<p_shot>shot)(?!\s+(?:and|or|dead|to|down|at)\b))\b"
    r"(?!\s+(?:himself|herself|by\s+(?:his|her)\s+own)\b)"
)
# "accidentally shot himself" is coded "shot" (by self_inflicted.shot): hit by his own gun,
# killed or not (a death is coded by self_inflicted.killed or by the words that tell it).
# What makes a number that looks like a year a year: a month or day before it,
# or a preposition of time ("in 2016 civilians were killed").
_AFTER_MONTH = re.compile(r"(?:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?:\d{1,2}(?:st|nd|rd|"
                          r"th)?,?\s*)?|\b(?:in|since|during|by|until|till|through|throughout|early|late|mid)[\s\-]+)$",
                          re.I)
_PLURAL_END = re.compile(r"(?:s|people|children|men|women|police|personnel|staff|youth)$", re.I)
_YEARLIKE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
# Every match starts with "been", "were" or "are" (the ``cue`` channel of _channel_words).
_UNNUMBERED_CUE = re.compile(r"\b(?:been|were|are)\s+(?:\w+\s+)?(?:killed|injured|wounded)\b")  # lower-cased


def _word_firsts(source):
    """A pattern of one character that matches where a match of ``source`` can start,
    when ``source`` starts with ``\\b`` (after lookbehinds) and every match with one of a
    few known word characters (:func:`~._scan.word_first_chars`): such a character after no
    word character; else None.  (The class first: the engine skips to each such letter, where
    ``\\b\\w`` is tried at every character.)"""
    firsts = word_first_chars(source)
    if not firsts or len(firsts) > 30:
        return None
    chars = "".join(sorted(firsts))
    return re.compile(f"[{chars}](?<!\\w[{chars}])")


def _lc(source):
    """A pattern source lower-cased and compiled case-sensitive, for lower-cased
    text: the same matches as ``re.IGNORECASE`` (these patterns use no
    upper-case classes or escapes), found much faster."""
    return re.compile(source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


# Lists whose words are claims' cores: a sentence without any of them holds no claim.
_CLAIM_LISTS = ("outcome_words", "active_words", "toll_words", "noun_words", "condition_words", "implied_death",
                "unknown_deaths",
                "self_inflicted")
# Patterns tried where a count starts (the others where a verb does), in the order they are tried.
_NUMBERED = ("fatally", "passive", "active", "left", "toll", "noun", "condition")
# The claim patterns also compiled with re.ASCII: where the text is ASCII, the engine tests "\w",
# "\s" and "\b" by a table, not by Unicode's character database (5-9% fewer instructions
# matching each over FA-KES).  Those that gain the most for the time they take to compile
# (over 0.3M instructions over FA-KES for each ms; 86 ms in all, once per process).
_ASCII_COPIES = ("passive", "list", "one_passive", "bare_title", "active", "noun", "one_passive_any",
                 "one_active_any", "unknown", "one_active")
# Patterns that start with a verb (or a toll).
_VERB_PATTERNS = ("compound", "fatally", "active", "left", "toll", "pair_active", "one_active", "one_active_any",
                  "one_pronoun", "self", "self_shot", "active_list", "unknown")


class CasualtyGrammar:
    """The casualty patterns and trigger automata compiled from a grammar.

    Build one with :func:`compile_grammar`; it pickles as its grammar (the
    compiled patterns are rebuilt where it is unpickled).

    Parameters
    ----------
    grammar : dict
        A grammar as in ``resources/grammar/en.yaml`` (see
        :func:`~conflictkit.coding.resources.load_resources`).
    """

    def __init__(self, grammar):
        self.grammar = grammar
        p = _phrases(grammar)
        src = {**_count_first(grammar, p), **_verb_first(grammar, p), **_one_victim(grammar, p),
               **_context(grammar, p)}
        #: Patterns run on lower-cased text, by name.
        self.lowered = {name: _lc(s) for name, s in src.items() if name not in ("implied", "unnumbered")}
        #: :attr:`lowered` with the patterns of :data:`_ASCII_COPIES` compiled with ``re.ASCII``, for the
        #: windows where they find the same matches (see :func:`_claim_patterns`).
        self.lowered_ascii = {**self.lowered, **{name: re.compile(self.lowered[name].pattern, re.ASCII)
                                                 for name in _ASCII_COPIES if name in self.lowered}}
        #: Patterns of people named, run on the text as written.
        self.named = {name: re.compile(s) for name, s in _named(grammar).items()}
        self.implied = re.compile(src["implied"])  # case-sensitive: "the death of Smith"
        #: Where a match of the implied pattern can start (see :func:`_word_firsts`), or None.
        self.implied_firsts = _word_firsts(src["implied"])
        self.unnumbered = re.compile(src["unnumbered"], re.I)  # on the text as written: "Turkish soldiers"
        #: The most words an unnumbered match holds before its cue ("Turkish staff members had
        #: been killed": a word, its victims and "had"); None: not known (see :func:`_unnumbered`).
        heads = _most_words(grammar["victim_heads"])
        # (and its cue is found: the adverbs between it and the verb are words, and no victim is
        # "were", so that no cue before it takes it as its adverb)
        plain = (all(re.fullmatch(r"[a-z]+", w) for w in grammar["manner_adverbs"])
                 and not any({"been", "were", "are"} & set(re.split(r"[^a-z]+", e.lower())) for e in grammar["victim_heads"]))
        self.unnumbered_words = 1 + heads + 1 if heads is not None and plain else None
        self.head_first = re.compile(src["head_first"], re.I)
        self.survival, self.later_death, self.death = (_lc(r"\b(?:" + _words(grammar[k]) + r")\b")
                                                       for k in ("survival_cues", "later_death_cues", "death_words"))
        self.next_death = _lc(r"\W*(?:" + _words(grammar["next_sentence_death_cues"]) + r")\b")
        self.vague, self.qualifiers = vague_amounts(grammar), qualifier_kinds(grammar)
        #: The count of deaths told without a number ("heavy casualties"): ACLED's figure for them.
        self.unknown_count = Count(NAN, NAN, NAN, "unreported", grammar["unknown_deaths_acled"])
        #: :func:`~.counts.parse_count` by this grammar, remembered (a :class:`Count` is immutable).
        self.parse_count = lru_cache(maxsize=4096)(partial(parse_count, vague=self.vague, qualifiers=self.qualifiers))
        common = _common_words(grammar)
        #: Words of which every match of the named condition pattern holds one.
        self.named_condition_words = ("condition",) + tuple(_reduced(_key_words(grammar["named_injured"], common)))
        #: Words of which every claim holds one (the least common word of each entry).
        self.trigger_words = _reduced({w for key in _CLAIM_LISTS for w in _key_words(grammar[key], common)})
        self.triggers = literal_automaton(self.trigger_words)
        #: The key words themselves (not reduced: "killed", not only the "led" in it), to tell
        #: whether a window whose trigger words are all inside words ("led" in "called") holds one
        #: where a word starts (see :func:`_holds_key_word`).
        self.key_words = literal_automaton({w for key in _CLAIM_LISTS for w in _key_words(grammar[key], common)})
        #: The cues of a war's running toll, to find fast (see :func:`_holds_cue`).
        self.cumulative = _CueFinder(grammar["cumulative_cues"], common)
        #: The cues of a day's toll over a whole country (a monitor's daily round-up).
        self.roundup = _CueFinder(grammar["roundup_cues"], common)
        #: The cues of a campaign's running toll, for the sentences with a toll claim.
        self.running = _CueFinder(grammar["running_toll_cues"], common)
        #: The words of the war's and the day's tolls' cues, found in one pass for both (see :meth:`_CueFinder.holds`).
        self.toll_cue_words = ahocorasick.Automaton()
        for w in sorted(self.cumulative.words | self.roundup.words):
            self.toll_cue_words.add_word(w, w)
        self.toll_cue_words.make_automaton()
        #: One automaton for all the words a window is scanned for (see :func:`_channel_words`).
        words = _channel_words(self, grammar, common)
        #: Each channel's stand-in: the first channel with the same words (and kind) is scanned for all.
        self.channel_of = _same_channels(words)
        self.channels, self.channel_sets = _channel_automaton({c: w for c, w in words.items()
                                                               if self.channel_of[c] == c})
        #: No bucket for each tuple of channels (see :func:`_channel_starts`).
        self.no_buckets = [None] * len(self.channel_sets)
        #: The verb patterns whose first words are known (the others are tried at every word).
        self.verb_words = {k for k in _VERB_PATTERNS if words["verb:" + k] is not None}
        #: ``(pattern, channel scanned)`` of the verb patterns, and of the lists the patterns need;
        #: the verb patterns tried at every word.
        self.verb_channels = tuple((k, self.channel_of["verb:" + k]) for k in _VERB_PATTERNS if k in self.verb_words)
        self.verb_anywhere = tuple(k for k in _VERB_PATTERNS if k not in self.verb_words)
        self.need_channels = tuple((k, self.channel_of["need:" + k]) for k in _NEEDS)
        #: The channels scanned for the counts' and the articles' first words.
        self.number_channel, self.article_channel = self.channel_of["number"], self.channel_of["article"]
        #: ``(channel of the list they need, where they start: "count", "article", "verb" or "title",
        #: the patterns, {pattern: ()})`` for :func:`_pattern_starts`: the patterns that need one list
        #: and start at the same words share their starts.
        groups = {}
        for k, c in self.need_channels:
            kind = ("count" if k in _COUNT_FIRST else "title" if k == "bare_title" else
                    "verb" if k in _VERB_PATTERNS else "article")
            groups.setdefault((c, kind), []).append(k)
        self.need_plan = tuple((c, kind, tuple(keys), dict.fromkeys(keys, ())) for (c, kind), keys in groups.items())
        #: The channels scanned for the lists the count-first patterns need.
        self.count_first_needs = tuple(dict.fromkeys(c for k, c in self.need_channels if k in _COUNT_FIRST))
        #: ``(key, channel)`` of the starts taken as scanned: the unnumbered cue, the implied cues, the words of
        #: the named condition, the verb patterns.
        self.word_channels = (("cue", self.channel_of["cue"]), ("implied", self.channel_of["implied"]),
                              ("named_condition", self.channel_of["named_condition"])) + self.verb_channels
        self.word_keys, self.word_chans = (tuple(k for k, _ in self.word_channels),
                                           tuple(c for _, c in self.word_channels))
        keys_of = {}
        for k, c in self.word_channels:
            keys_of.setdefault(c, []).append(k)
        #: ``(channel, keys)`` of :attr:`word_channels`, by channel.
        self.word_keys_of = tuple((c, tuple(keys)) for c, keys in keys_of.items())
        #: The keys of :attr:`word_channels`, by channel (for a window's channels found).
        self.word_keys_by_channel = dict(self.word_keys_of)
        #: ``((channel, its keys of word_channels), …)`` of each tuple of :attr:`channel_sets`: where
        #: :func:`_channel_starts` puts the starts of a bucket of that tuple.
        self.bucket_plan = [tuple((c, self.word_keys_by_channel.get(c, ())) for c in cs) for cs in self.channel_sets]
        #: ``match`` of the pattern of where a count starts (see :func:`_count_starts`).
        self.number_start_match = self.lowered["number_start"].match
        #: Every key of :func:`_pattern_starts`, without starts: ``()``.
        self.no_starts = dict.fromkeys(self.word_keys + self.verb_anywhere
                                       + tuple(k for _, _, keys, _ in self.need_plan for k in keys), ())

    def __reduce__(self):
        return (CasualtyGrammar, (self.grammar,))

    def find_claims(self, text, sentences, headlines=()):
        """Casualty claims in the given sentences of ``text`` (see :func:`find_claims`)."""
        return _find_claims(self, text, sentences, headlines)


_second = itemgetter(1)


class _CueFinder:
    """Does a stretch of lower-cased text hold a match of any of a grammar
    list's cues (regular expressions)?  The same answer as searching it for
    their alternation, found faster: one automaton pass finds which of the
    cues' literal words the stretch holds, and only a cue that holds a word
    of each of its literal parts (:func:`_token_words`) and, where they are
    looked for too, of its first words is looked for; one whose matches start
    with known words is tried where those words are, the others searched for.

    Examples
    --------
    >>> from conflictkit.coding.resources import load_resources
    >>> grammar = load_resources().grammar
    >>> cues = _CueFinder(grammar["cumulative_cues"], _common_words(grammar))
    >>> [cues.holds(t, 0, len(t)) for t in ("the war has killed 400,000 since 2011", "five were killed")]
    [True, False]
    """

    def __init__(self, entries, common):
        #: ``(pattern, first words or None, word start only, the word sets a match holds a word of each of,
        #: strings one of which a match holds or None)`` of each cue (the strings read only for a cue searched
        #: for); their numbers, by the words of their first part (numbers: a compiled pattern hashes its whole code)
        self._cues, self._by_word, self._always = [], {}, []
        words, read = set(), []
        for k, entry in enumerate(entries):
            parts = _token_words(entry, common)
            source = _words([entry]).lower()
            first = _cue_firsts(source)
            # where a match starting with "\b" and a word character can start
            word = bool(first) and source.startswith(r"\b") and all(w[0].isalnum() or w[0] == "_" for w in first)
            read.append((parts, source, first, word))
            if not parts:  # no rare word: always looked for
                self._always.append(k)
            for w in parts[0] if parts else ():
                self._by_word.setdefault(w, []).append(k)
            words.update(*parts)
        # The first words are looked for too (but those shorter than four letters, in most stretches): a cue
        # none of whose first words is there is passed over, and one of them not there is not searched for.
        words |= {f for _, _, first, _ in read for f in first or () if len(f) >= 4}
        for parts, source, first, word in read:
            rx = _lc(source)
            needs = tuple(map(frozenset, parts[1:]))
            if first and all(f in words for f in first):
                needs += (frozenset(first),)
            self._cues.append((rx, first, word, needs, None if first else held_strings(rx.pattern)))
        self._words = frozenset(words)
        self._first_words = frozenset(self._by_word)
        #: The words looked for (those of :attr:`key_words`).
        self.words = self._words
        self.key_words = ahocorasick.Automaton()  # each hit's value is the word found
        for w in sorted(words):
            self.key_words.add_word(w, w)
        self.key_words.make_automaton()

    def holds(self, low, start, end, found=None):
        """Is there a match of a cue in ``low[start:end]``?  ``found``: the set of the words
        of :attr:`key_words` there, when known (it may hold other words too)."""
        if found is None:
            found = set(map(_second, self.key_words.iter(low, start, end)))
        by_word, cues, words = self._by_word, self._cues, self._words
        # each cue once (in any order: the answer is the same), by its number
        for k in self._always + list({k for w in found & self._first_words for k in by_word[w]}):
            rx, first, word, needs, held = cues[k]
            if any(map(found.isdisjoint, needs)):  # a part none of whose words is there (in C)
                continue
            if first is None:
                if held is not None:  # (a search where none of them is finds nothing: a fast find first)
                    for s in held:
                        if low.find(s, start, end) >= 0:
                            break
                    else:
                        continue
                if rx.search(low, start, end):
                    return True
                continue
            for f in first:
                if f in words and f not in found:  # a key word not found is not there: no need to look
                    continue
                p = low.find(f, start, end)
                while p >= 0:
                    if (not word or p == 0 or not (low[p - 1].isalnum() or low[p - 1] == "_")) and rx.match(low, p, end):
                        return True
                    p = low.find(f, p + 1, end)
        return False


def _cue_firsts(source):
    """The strings one of which starts every match of a cue's lower-cased ``source``, none that
    starts with another ("kill", not "killed" too), or None: its whole first words where as
    many ("previous", "throughout": in a cue's word list, where "previo" is not, so a stretch
    without one is passed over), else their first six characters ("(?:19|20)\\d\\d": "19", "20")."""
    short = literal_prefixes(source)
    if not short:
        return None
    short, whole = (tuple(sorted(f for f in first if not any(f[:k] in first for k in range(1, len(f)))))
                    for first in (short, literal_prefixes(source, 12)))
    return whole if len(whole) <= 2 * len(short) else short


def _common_words(grammar):
    words = set()
    for entry in grammar["common_words"] + grammar["auxiliaries"] + grammar["negation_words"]:
        words |= {w.split(" ")[0] for w in literal_prefixes(entry.lower(), 40) or ()}
    return words


def _top_tokens(entry, groups=True):
    """The parts of a grammar entry that follow one another: its words (split
    at the spaces outside brackets) and, with ``groups``, its bracketed groups
    with their repeats ("turn(?:ed|s)? the gun": "turn", "(?:ed|s)?", "the",
    "gun"; without: "turn(?:ed|s)?", "the", "gun")."""
    tokens, cur, depth, i = [], "", 0, 0
    while i < len(entry):
        ch = entry[i]
        if ch == "\\":
            cur, i = cur + entry[i:i + 2], i + 2
            continue
        if groups and ch == "(" and depth == 0 and cur:
            tokens.append(cur)
            cur = ""
        depth += (ch == "(") - (ch == ")")
        if ch == " " and depth == 0:
            tokens.append(cur)
            cur, i = "", i + 1
            continue
        cur += ch
        i += 1
        if groups and ch == ")" and depth == 0:
            repeat = _REPEAT.match(entry, i)
            tokens.append(cur + repeat.group())
            cur, i = "", repeat.end()
    return [t for t in tokens + [cur] if t]


_REPEAT = re.compile(r"(?:[?*+]|\{\d*,?\d*\})?\??")


def _entries(value):
    return [e for v in value.values() for e in v] if isinstance(value, dict) else list(value)


def _key_words(value, common):
    """The literal words the coder looks for, one set per entry of a grammar
    list (or mapping of lists): of the entry's words that are literal and not
    common, the longest (ties: the first); for "lost their lives", "lives"."""
    out = set()
    for entry in _entries(value):
        best = None
        # a word written with a group inside ("ca(?:su|us)ali?t(?:y|ies)") is read whole too: its
        # parts alone ("ali") are in many other words, and each such hit costs a window searched
        for token in _top_tokens(entry.lower()) + _spaced_words(entry.lower()):
            starts = literal_prefixes(token, 40)
            words = {s.split(" ")[0] for s in starts or ()}
            if not words or "" in words or words & common:
                continue
            if best is None or min(map(len, words)) > min(map(len, best)):
                best = words
        if best is None:
            raise ValueError(f"grammar entry {entry!r} has no word to look for (all are common or patterns)")
        out |= best
    return out


def _spaced_words(entry):
    """The parts of a grammar entry between the spaces outside brackets
    ("ca(?:su|us)ali?t(?:y|ies) of": "ca(?:su|us)ali?t(?:y|ies)", "of")."""
    return _top_tokens(entry, groups=False)


def _token_words(entry, common, shortest=2):
    """The word sets of a grammar entry's literal parts, each a set of which
    every match of the entry holds a word: one set for each of its words
    or groups (:func:`_top_tokens`, :func:`_spaced_words`) whose literal
    starts can be read, none common nor shorter than ``shortest`` (such a
    word is in most texts); the set :func:`_key_words` would choose first.
    Empty when no part qualifies."""
    out = []
    for token in _top_tokens(entry.lower()) + _spaced_words(entry.lower()):
        words = {s.split(" ")[0] for s in literal_prefixes(token, 40) or ()}
        if words and not words & common and min(map(len, words)) >= shortest:
            out.append(words)
    # the longest words first (ties: the first), as _key_words chooses
    best = max(range(len(out)), key=lambda k: (min(map(len, out[k])), -k), default=0)
    return out[best:best + 1] + out[:best] + out[best + 1:]


def _reduced(words):
    """The words none of the others is part of, sorted: where a longer one is, a shorter one is too."""
    return sorted(w for w in words if not any(o != w and o in w for o in words))


# The grammar lists of which every match of a pattern holds a word: a window without one of
# their key words is not searched for that pattern (bare_title, tried at a sentence's start, holds
# one of its verbs: "Bar owner shot dead").
# The patterns that kill oneself hold "himself", "suicide", "life" …: a window with "killed" and
# none of those is not tried for them where "killed" starts.
_NEEDS = {"passive": "outcome_words", "list": "outcome_words", "pair": "outcome_words",
          "one_passive": "outcome_words", "one_passive_any": "outcome_words", "pair_n": "outcome_words",
          "noun": "noun_words", "condition": "condition_words", "n_and_one": "outcome_words",
          "bare_title": "telegraphic_deaths", "self": "self_inflicted", "self_shot": "self_inflicted"}
# Channels whose hits count only where a word starts (the others wherever they are).
# ("number" too: every match of number_start follows no word character)
_WORD_CHANNELS = ("number", "article", "cue") + tuple("verb:" + k for k in _VERB_PATTERNS)


def _channel_words(cg, grammar, common):
    """``{channel: words}`` of the one automaton run over each window:

    * ``number``: where a count can start (a digit, a number word, a qualifier);
    * ``article``: "a", "one", "his" … then a space (the pair and one-victim patterns);
    * ``cue``: the first words of the unnumbered cue ("were killed");
    * ``implied``: the key words of the implied deaths;
    * ``named_condition``: the words of which every match of the named condition pattern holds one,
      wherever they are (scanned with the others: one pass over the window, not two);
    * ``verb:NAME``: the words every match of the verb pattern NAME starts
      with (None: it can start at any word);
    * ``need:NAME``: the key words of the list every match of pattern NAME holds (:data:`_NEEDS`).
    """
    words = {
        "number": list(cg.qualifiers) + list(cg.vague) + followed_by_space(["a"]) + ["quarter", "half", "third"]
        + list("0123456789") + grammar["number_words"]["units"] + grammar["number_words"]["tens"],
        "article": followed_by_space(["a", "an", "one", "another", "his", "her", "their", "the"]),
        "cue": ["been", "were", "are"],
        "implied": _reduced(_key_words(grammar["implied_death"], common)),
        "named_condition": list(cg.named_condition_words),
    }
    words.update(("verb:" + k, literal_prefixes(cg.lowered[k].pattern, spaces=True)) for k in _VERB_PATTERNS)
    words.update(("need:" + k, _key_words(grammar[key], common)) for k, key in _NEEDS.items())
    return words


def _same_channels(channel_words):
    """``{channel: stand-in}``: channels of the same kind (word or not) and
    the same words are scanned once, as the first of them."""
    first, out = {}, {}
    for c, words in channel_words.items():
        key = (c in _WORD_CHANNELS, None if words is None else frozenset(words))
        out[c] = first.setdefault(key, c)
    return out


def _channel_automaton(channel_words):
    """An automaton of the words of every channel (a channel without words,
    None, is left out): a hit's value is ``(length, channels, anywhere)``,
    the numbers (in the list returned with it) of the tuples of the channels
    the word is in and of those of them that count it anywhere, not only
    where a word starts (:data:`_WORD_CHANNELS`; -1 when none does).

    Returns
    -------
    (ahocorasick.Automaton, list of tuple of str)
    """
    by_word = {}
    for channel, words in channel_words.items():
        for w in words or ():
            by_word.setdefault(w, set()).add(channel)
    sets = {}  # tuple of channels -> its number
    automaton = ahocorasick.Automaton()
    for w, channels in by_word.items():
        channels = tuple(sorted(channels))
        anywhere = tuple(c for c in channels if c not in _WORD_CHANNELS)
        automaton.add_word(w, (len(w), sets.setdefault(channels, len(sets)),
                               sets.setdefault(anywhere, len(sets)) if anywhere else -1))
    automaton.make_automaton()
    return automaton, list(sets)


def compile_grammar(grammar=None):
    """A :class:`CasualtyGrammar` from a grammar (a dict, or a
    :class:`~conflictkit.coding.resources.Resources`), compiled once per process.

    Examples
    --------
    >>> from conflictkit.coding.resources import load_resources
    >>> g = compile_grammar(load_resources().grammar)
    >>> [(c.outcome, c.count.best) for c in g.find_claims("Five fighters were killed.", [(0, 25)])]
    [('killed', 5)]
    """
    if grammar is None:
        return _bundled()
    grammar = getattr(grammar, "grammar", grammar)
    return _compiled(json.dumps(grammar, ensure_ascii=False))


@lru_cache(maxsize=4)
def _compiled(key):
    return CasualtyGrammar(json.loads(key))


@lru_cache(maxsize=1)
def _bundled():
    return compile_grammar(load_resources().grammar)


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
    m_group = m.group
    for i, k in _shape(m.re)[1]:
        if m_group(i):
            return k
    return None


_SHAPES = {}  # id(pattern) -> (pattern, its shape): hashing a pattern hashes its whole source


def _shape(rx):
    """``(rx, [(group number, outcome)], victim, num, aux, verb, name, qual)`` of a pattern: the numbers of its
    outcome groups, in the order they are tried, and of its other groups (None where it has none).
    (A match's group by its number, not its name: no look-up of the name in the pattern's
    ``groupindex``, and no ``groupindex`` proxy made to ask whether it has the group.)"""
    known = _SHAPES.get(id(rx))
    if known is None or known[0] is not rx:
        if len(_SHAPES) > 256:
            _SHAPES.clear()
        index = rx.groupindex
        known = _SHAPES[id(rx)] = (rx, [(index[prefix + k], k) for k in OUTCOMES for prefix in ("p_", "a_")
                                        if prefix + k in index]) + tuple(
            index.get(name) for name in ("victim", "num", "aux", "verb", "name", "qual"))
    return known


#: Patterns whose victims are the objects of a verb ("killed his wife and four children", "fatally shot his wife").
_OBJECT_PATTERNS = frozenset(("one-active", "pair-active", "compound"))
# A noun, not a verb, before the victims: "the deaths of a mother and her two children" may count the killer.
_NOUN_OF = re.compile(r"[\w\-]+\s+of$")


def _claim(m, outcome, count, pattern, offset, orig=None, sentence=-1):
    """A Claim from a match; ``orig`` is the original text when the pattern
    ran on its lower-cased copy (same offsets).  Its ``extra`` tells whether
    the victims are the objects of a verb (``object``: not its subject)."""
    orig = m.string if orig is None else orig
    _, _, victim_group, num_group, _, verb_group, _, _ = _shape(m.re)
    victim, vs, ve = "", -1, -1
    if victim_group is not None:
        vs, ve = m.span(victim_group)
        if vs != ve:  # (an empty or absent group: no victim, as m.group("victim") is falsy then)
            raw = orig[vs:ve]
            victim = raw.strip()
            vs = vs + len(raw) - len(raw.lstrip()) + offset
            ve = vs + len(victim)
        else:
            vs, ve = -1, -1
    cs, ce = -1, -1
    if num_group is not None:
        cs, ce = m.span(num_group)
        if cs != ce:
            cs, ce = cs + offset, ce + offset
        else:
            cs, ce = -1, -1
    start = m.start()
    end = start + len(m.group().rstrip(" \t\u00a0,"))
    c = object.__new__(Claim)  # (as _new_claim, every field given here: no check of the names per claim)
    c.__dict__.update(
        start=start + offset, end=end + offset, outcome=outcome, count=count, victim=victim,
        victim_start=vs, victim_end=ve, count_start=cs, count_end=ce,
        pattern=pattern, sentence=sentence, role="standalone", total_of=-1, repeat_of=-1, part_kind="",
        extra={"object": True} if pattern in _OBJECT_PATTERNS and not _NOUN_OF.match(m.group(verb_group)) else {},
    )
    return c


# A frozen dataclass's __init__ sets each field through object.__setattr__ (16 calls), and
# dataclasses.replace reads every field back first: ~3 and ~5 us a claim, for ~9000 claims
# made or marked over FA-KES.  These two fill the instance's __dict__ at once (~1 us); the
# claims are the same (Claim has no __post_init__, no slots, no field without __init__).
_CLAIM_FIELDS = frozenset(f.name for f in dataclasses.fields(Claim))


def _new_claim(**fields):
    """``Claim(**fields)``, given every field (in their order)."""
    assert fields.keys() == _CLAIM_FIELDS, sorted(fields.keys() ^ _CLAIM_FIELDS)
    c = object.__new__(Claim)
    c.__dict__.update(fields)
    return c


def _replace(c, **changes):
    """``dataclasses.replace(c, **changes)`` of a :class:`Claim`."""
    if type(c) is not Claim:  # (a subclass may have an __init__ of its own)
        return dataclasses.replace(c, **changes)
    assert changes.keys() <= _CLAIM_FIELDS, sorted(changes.keys() - _CLAIM_FIELDS)  # as replace() raises
    new = object.__new__(Claim)
    d = new.__dict__
    d.update(c.__dict__)
    d.update(changes)
    return new


_AGE_CUE = re.compile(r"(?:,\s*|\bage[sd]?\s+(?:\d+\s*(?:,|and|&)\s*)*)$", re.I)
# "between the ages of 21 and 58", "aged 17 to 25": a span of ages, whatever follows
_AGES_SPAN = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+)?(?:between\s+)?\d+\s*(?:,|and|&|to|-|\u2013)\s*$", re.I)


# "under the age of 15 died": an age that bounds the victims
_AGE_OF = re.compile(r"\b(?:under|over|below|above|younger\s+than|older\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?$", re.I)
# The last age of a list of names with ages ("Dennie Reeves, 66 and Ginger Reeves, 64 were found dead",
# "Powers, 30; Burnett, 21; and Coleman, 31 all died"): a name and an age before, then a name
# (case-sensitive, on the text as written).
_NAME_AGE_LIST = re.compile(r"[A-Z][\w'\u2019\-]+,\s*\d{1,3}\s*[,;]?\s*(?:and\s+)?"
                            r"(?:[A-Z][\w'\u2019.\-]*\s+){0,3}[A-Z][\w'\u2019\-]+,\s*$")


def _is_age(text, s, e, orig=None):
    """Is the number at ``text[s:e]`` an age: set off by commas after a name ("Smith, 24, was killed"),
    after "ages" ("ages 3 and 5, were killed"), ending a span of ages
    ("between the ages of 21 and 58 were shot"), after "under the age of",
    or the last age of a list of names with ages ("Reeves, 66 and Ginger
    Reeves, 64 were found dead": ``orig``, the text as written)?"""
    if not text[s:e].strip().isdigit():
        return False
    before = text[max(0, s - 40):s]
    # (each pattern only where what it must hold is there: the engine would try it at every character)
    if (not before.isascii() or "age" in before.lower()) and (_AGES_SPAN.search(before) or _AGE_OF.search(before)):
        return True
    if (orig is not None and orig[max(0, s - 90):s].rstrip().endswith(",")
            and _NAME_AGE_LIST.search(orig, max(0, s - 90), s)):
        return True
    return text[e:e + 1] == "," and bool(_AGE_CUE.search(text[max(0, s - 20):s]))


# What makes a number no count of people: a clock time after it ("about 8 p.m."), a month before a
# bare number ("Dec. 25 has died"), a parent's children ("a father of four, was killed").
_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\b|p\.?m\b|o'clock\b)", re.I)
_PARENT_OF = re.compile(r"\b(?:father|mother|dad|mom|mum|parent|grandfather|grandmother)\s+of\s+$", re.I)
_DESIGNATION_WORDS = ("battalion", "brigade", "division", "regiment", "squadron", "unit", "route", "highway", "camp",
                      "base", "no.", "block", "room", "flight", "apartment", "gate", "kilometre", "kilometer", "km",
                      "mile", "ak", "m")
_DESIGNATION = re.compile(r"\b(?:" + "|".join(map(re.escape, _DESIGNATION_WORDS)) + r")\s*-?\s*$", re.I)
# "37 soldiers killed or wounded": casualties, of which the dead are not told
_KILLED_OR_WOUNDED = re.compile(r"\s+(?:or|and/or)\s+(?:wounded|injured|hurt)\b", re.I)
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)
# A photo gallery's counter ("Image 6 of 12 A woman died"): page furniture, no count.
_GALLERY = re.compile(r"\b(?:image|photo|picture|slide|video)s?\s+\d+\s+(?:of|/)\s*$", re.I)
# "shot" a noun, not a verb: "a single shot 223", "the shot 2 hit".
_SHOT_NOUN = re.compile(r"\b(?:an?|the|one|single|warning|that|this|fatal|first|second|lone|last|final)\s+$", re.I)


def _not_a_count(m, outcome, shape):
    """Is the number of a match a clock time, a day of a month, a parent's
    children, a unit's or a weapon's name, or a count of killed *or*
    wounded rather than a count of victims?  (``outcome``: the match's
    :func:`_outcome`; ``shape``: its pattern's :func:`_shape`.)"""
    _, _, victim, num, aux, _, _, _ = shape
    s, e = m.span(num)
    text = m.string
    if _CLOCK_AFTER.match(text, e):
        return True
    # The patterns of what comes before the number end in "\s*$": each is searched for only
    # where the text before the number, without the spaces it ends with, ends as it must (the
    # engine would try it at every character).  (Only in ASCII: re.IGNORECASE matches "\u017f"
    # as "s" and "\u0130", "\u0131" as "i", and lower() does not make them those letters.)
    tail = text[max(0, s - 30):s].rstrip()
    tail = tail.lower() if tail.isascii() else None
    if (tail is None or tail.endswith("of")) and _PARENT_OF.search(text[max(0, s - 30):s]):
        return True
    if tail is not None and tail.endswith("-"):  # "AK-47", "Route - 5"
        designation = tail[:-1].rstrip().endswith(_DESIGNATION_WORDS)
    else:
        designation = tail is None or tail.endswith(_DESIGNATION_WORDS)
    if designation and _DESIGNATION.search(text[max(0, s - 12):s]):
        return True  # "Battalion 302", "AK-47": a name, not a count
    if (tail is None or tail.endswith(("of", "/"))) and _GALLERY.search(text[max(0, s - 25):s]):
        return True  # "Image 2 of 10": a gallery's counter
    if outcome == "killed" and aux is not None and _KILLED_OR_WOUNDED.match(text, m.end()):
        return True
    bare = victim is None or not m.group(victim)
    return bare and (bool(_MONTH_BEFORE.search(text[max(0, s - 12):s]))
                     or (aux is not None and (m.group(aux) or "").lstrip().startswith(",")))


def _is_name(words):
    """Are ``words`` a group's name as written ("al Shabaab", "Boko Haram", "RSF"), not common words?"""
    words = words.split()
    return all(w[0].isupper() or (w in _NAME_PARTICLES and k + 1 < len(words) and words[k + 1][0].isupper())
               for k, w in enumerate(words))


def _verb_before_count(m, orig, shape):
    """Is the verb before the count a run-in headline ("SUSPECT KILLED Hundreds
    gather …": a verb in capitals, then a count that starts a sentence) or the
    noun "shot" ("a single shot 223")?  (``shape``: the match's pattern's :func:`_shape`.)"""
    verb_group, num_group = shape[5], shape[3]
    if verb_group is None:
        return False
    vs, ve = m.span(verb_group)
    s, e = m.span(num_group)
    if vs > s:
        return False
    verb, num = orig[vs:ve], orig[s:e]
    if len(verb) > 3 and verb.isupper() and num[:1].isupper() and not num.isupper():
        return True
    return verb.lower() == "shot" and bool(_SHOT_NOUN.search(m.string, max(0, vs - 12), vs))


def _numbered(g, m, pattern, offset, add=0, orig=None, sentence=-1):
    # (the outcome first: every test below is a pure function of the match, so their order
    # changes no answer, and _not_a_count needs it too; the groups by their numbers, read
    # once from the pattern's shape)
    shape = _shape(m.re)
    _, outcomes, victim, num, _, _, name, qual = shape
    group = m.group
    for i, outcome in outcomes:
        if group(i):
            break
    else:
        return None
    text = m.string
    s, e = m.span(num)
    if (_is_age(text, s, e, orig) or _not_a_count(m, outcome, shape)
            or _verb_before_count(m, text if orig is None else orig, shape)):
        return None
    raw = text[s:e]
    if _YEARLIKE.match(raw.strip()):
        # (toll and noun have no victim group)
        head = g.head_first.match((group(victim) if victim is not None else None) or "")
        if head is None or not _PLURAL_END.search(head.group().rstrip()) or _AFTER_MONTH.search(text, 0, s):
            return None  # "9 August 2016 Five children …", "7 2016 Child Killed": a year, not a count
    if name is not None and group(name) and not _is_name((orig or text)[slice(*m.span(name))]):
        return None  # "6600 block of Barton", "911 saying he": no group's name
    count = g.parse_count(raw, (group(qual) or "") if qual is not None else "")
    if count is None:
        return None
    if add:
        count = Count(count.low + add, count.best + add, count.high + add, count.qualifier,
                      count.acled + add)
    if _acts_on_object(m, shape):
        return None
    return _claim(m, outcome, count, pattern, offset, orig, sentence)


# An object after the verb: "two rockets killed five people", "Two gunmen wounded a guard".
_OBJECT_AFTER = re.compile(
    r"\s+(?:(?:at\s+least|more\s+than|over|some|about|nearly|up\s+to)\s+)?"
    r"(?:an?|his|her|their|its|the(?!\s+(?:same|previous|next|following|day|night|morning|evening|week)\b)|"
    r"\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b"
    r"(?!\s+(?:others?\s+|more\s+)?(?:injured|wounded|hurt|dead|killed|died|were|are)\b)")


def _acts_on_object(m, shape=None):
    """Does a count-first or one-victim match end in a verb acting on an object ("Two gunmen
    killed five people": the gunmen are no victims)?  Only when no auxiliary
    stands before the verb ("were killed" is passive).  (``shape``: its pattern's :func:`_shape`, when known.)"""
    aux = (_shape(m.re) if shape is None else shape)[4]
    if aux is None or (m.group(aux) or "").strip():
        return False
    return _OBJECT_AFTER.match(m.string, m.end()) is not None


_ONE = Count(1, 1, 1, "", 1)
_TWO = Count(2, 2, 2, "", 2)
_TWO_IMPLIED = Count(2, 2, NAN, "implied", 2)
_AT_LEAST_ONE = Count(1, 1, NAN, "implied", 1)
_UNKNOWN = Count(NAN, NAN, NAN, "unreported", NAN)

# Every match of the implied pattern holds a cue at most 40 characters after its
# start ("were found shot dead"); every match of the unnumbered one a cue ("were
# killed") at most 100 characters after it ("Turkish-backed fighters had been killed").
_IMPLIED_BEFORE = 40
_UNNUMBERED_BEFORE = 100


def _unnumbered(g, text, low, at=None):
    """The matches of the unnumbered pattern in ``text`` (``low`` lower-cased;
    ``at``: its :func:`_pattern_starts`).

    Each is tried at the word starts of the last :attr:`CasualtyGrammar.unnumbered_words`
    words before a cue, within :data:`_UNNUMBERED_BEFORE` characters: a match is one word,
    its victims ("staff members"), perhaps "had" ("had been"), then its cue.  A match
    that starts before the first cue after it holds those words and no more, since
    each cue is a word of its own; so the matches found are those that trying every
    word start within the characters before the cues finds."""
    at = _pattern_starts(g, low) if at is None else at
    cues = [m.start() for m in matches_at(_UNNUMBERED_CUE, low, at["cue"])]
    if not cues:  # (most windows: no windows to merge, no word starts to find)
        return []
    k = g.unnumbered_words
    if k is None:
        windows = merge_windows((max(0, c - _UNNUMBERED_BEFORE), c) for c in cues)
    else:
        windows = merge_windows((_last_words(low, c, k, _UNNUMBERED_BEFORE), c) for c in cues)
    return matches_at(g.unnumbered, text, word_starts_in(text, windows))


def _last_words(text, end, k, most):
    """Where the last ``k`` words (runs of non-space) before ``end`` begin, at most
    ``most`` characters before it (or that far back, when there are fewer)."""
    a = max(0, end - most)
    parts = text[a:end].rsplit(None, k)
    # (with k splits made, the first part is the text before the space that precedes those words)
    return a + len(parts[0]) if len(parts) > k else a


def _most_words(entries):
    """The most words (runs of non-space) a match of a grammar list entry can hold, or None
    when an entry may match a space elsewhere than at its spaces, or more than once at one
    (an escape, a dot, a repeat, a class of other than ASCII letters and digits)."""
    entries = [_LETTER_CLASS.sub("x", e) for e in entries]  # "gunm[ae]n": one letter
    if any(c in e for e in entries for c in "\\[.*+{"):
        return None
    return max((e.count(" ") + 1 for e in entries), default=0)


_LETTER_CLASS = re.compile(r"\[[0-9A-Za-z]+\]")


# Every match of the named condition pattern holds one of its words ("condition", "recovering" …) at most 150
# characters after its start ("Gonzalez remains in the hospital in serious but stable condition"), every
# match of the named pair an "and" and a capital at most 90 ("Genesis General Tyler, 30, and Rita …").
_NAMED_CONDITION_BEFORE = 150
_NAMED_PAIR_BEFORE = 90
_AND_NAME = re.compile(r"and\s+[A-Z]")  # the literal first: the engine skips to each "and"
# And every match of the named pair starts in the last six words (runs of non-space) before its "and"
# ("Both", a name of one to four words, an age: "Both Omani Free, 18, and …"); every match of _NAMED_ONE
# in the last four before its "was" or "has" (a name of one to four words, then "was" or "has been").
_NAMED_PAIR_WORDS = 6
_NAMED_ONE_WORDS = 4
_WAS_OR_HAS = re.compile(r"[wh]as\s(?<=\s[wh]as\s)")  # (the letters first: the engine skips to them)


def _two_people(m):
    """Is a match of the named pair two people?  With "were" (or "have been")
    it is; a bare "X and Y killed" only with "Both" or an age ("Omani Free,
    18, and Tabitha Cruz, 20, killed"), not an organisation's name ("a guard
    from the Water and Forests Agency killed")."""
    return bool(m.group("aux").strip()) or m.group().startswith("Both") or any(c.isdigit() for c in m.group("victim"))


# Where a match of the named patterns can start: a capital ("Both", a name) or "he", "she", after no word
# character or hyphen.  (The class first: the engine skips to each such letter, where a pattern that
# starts with a lookbehind is tried at every character; the lookbehind then looks at the letter before.)
_NAME_START = re.compile(r"[A-Z](?<![\w\-][A-Z])")
_NAME_OR_PRONOUN_START = re.compile(r"[A-Zhs](?<![\w\-][A-Zhs])")


def _matches_before(rx, text, cues, before, firsts, words=None):
    """The matches of ``rx`` in ``text`` that start at most ``before`` characters
    before one of the offsets ``cues`` (every match holds a cue that far from its start)
    and, with ``words``, in the last ``words`` words before it (every match holds a cue after
    at most that many words: a cue before its own only has fewer), where ``firsts`` (a pattern
    of one character) matches (every match starts there)."""
    if not cues:
        return []
    if words is None:
        windows = merge_windows((max(0, c - before), c + 1) for c in cues)
    else:
        windows = merge_windows((_last_words(text, c, words, before), c + 1) for c in cues)
    return matches_at(rx, text, [m.start() for a, b in windows for m in firsts.finditer(text, a, b)])


def _named_ones(text):
    """The matches of :data:`_NAMED_ONE` in ``text``, those of ``finditer``: tried where a name's
    capital starts in the four words before a "was" or "has" (where a pattern that starts with a
    lookbehind is not tried at every character)."""
    was = [m.start() for m in _WAS_OR_HAS.finditer(text)]
    return _matches_before(_NAMED_ONE, text, was, len(text), _NAME_START, _NAMED_ONE_WORDS)


def _named_pairs(g, text):
    """The matches of the named pair in ``text``: tried where a capital starts at most
    :data:`_NAMED_PAIR_BEFORE` characters and :data:`_NAMED_PAIR_WORDS` words before an "and"
    and a capital."""
    ands = [m.start() for m in _AND_NAME.finditer(text)]
    return _matches_before(g.named["named_pair"], text, ands, _NAMED_PAIR_BEFORE, _NAME_START, _NAMED_PAIR_WORDS)


def _implied(g, text, low, at=None):
    """The matches of the implied pattern in ``text`` (``low`` lower-cased;
    ``at``: its :func:`_pattern_starts`)."""
    at = _pattern_starts(g, low) if at is None else at
    windows = merge_windows((max(0, c - _IMPLIED_BEFORE), c + 1) for c in at["implied"])
    if g.implied_firsts is None:
        return matches_at(g.implied, text, word_starts_in(text, windows))
    return matches_at(g.implied, text, [m.start() for a, b in windows for m in g.implied_firsts.finditer(text, a, b)])


def _channel_starts(g, low, at=None):
    """``{channel: sorted starts}`` of the words of each channel in ``low``
    (one pass of :attr:`CasualtyGrammar.channels`; a channel scanned as
    another, :attr:`CasualtyGrammar.channel_of`, is under that one's name);
    a word channel keeps the starts where a word starts.  A start is there
    twice where two words of a channel start ("seven", "seventeen"): a
    pattern tried there twice finds what it finds once.  With ``at`` (a dict),
    each key of :attr:`~CasualtyGrammar.word_channels` of a channel found is set
    there to its channel's starts (the same list)."""
    # Each hit goes to the bucket of its tuple of channels (one append per hit, the least work
    # in this loop that runs for every hit); the buckets are spread over their channels after.
    # (The buckets in a list by the tuples' numbers, and the numbers used in order: an index, not
    # a call of dict.get, for each hit.)
    buckets, used = g.no_buckets.copy(), []
    for last, (n, channels, anywhere) in g.channels.iter(low):
        p = last + 1 - n
        if p:  # a word starts at p (inline: once per hit; most words follow a space)
            c = low[p - 1]
            if c != " " and (c.isalnum() or c == "_"):
                if anywhere < 0:
                    continue
                channels = anywhere
        bucket = buckets[channels]
        if bucket is None:
            buckets[channels] = [p]
            used.append(channels)
        else:
            bucket.append(p)
    out = {}
    if at is None:
        at = {}
    plan = g.bucket_plan
    for k in used:
        starts = buckets[k]
        for c, keys in plan[k]:
            # a bucket's list is shared by its channels (no copy): it is never changed, only sorted,
            # and sorted it is each channel's that has it alone; two buckets make a new list
            # (the channel's keys set here, as its list is made: no second loop over the channels)
            mine = out[c] = out[c] + starts if c in out else starts
            for key in keys:
                at[key] = mine
    for starts in out.values():
        # hits come by their ends: a start may come after a larger one when a word holds another
        starts.sort()
    return out


#: Patterns tried where a count starts, and where "a", "one", "his" … start.
_COUNT_FIRST = ("list", "passive", "noun", "condition", "n_and_one")
_ARTICLE_PATTERNS = ("pair", "one_passive", "one_passive_any", "pair_n")


# What every match of a pattern holds after its start (in lower-cased text), besides a word
# of its _NEEDS list: the pattern is tried only at starts up to the last of these cues.  (Each
# cue starts with a letter, a comma or a digit, which the engine skips to: "\sand" is found as
# "and", one character later, and "\s\d" as the digit after a space.)
_CUES = {name: re.compile(cue) for name, cue in {
    "list": r",|and\s|\d(?<=\s\d)", "active_list": r",|and\s", "n_and_one": r"and\s+(?:an?|one)\s",
    "pair": r"and\s", "pair_n": r"and\s", "compound": r"and\s", "pair_active": r"and\s",
}.items()}
# The patterns whose cue is "and\s" or ",|and\s": where the last one is, str.rfind finds
# (:func:`_last_and`), once for all of them in a window, where a search for each was made;
# the others' cues are searched for (:func:`_followed_by`).
_AND_CUED = tuple(k for k, rx in _CUES.items() if rx.pattern == r"and\s")
_COMMA_OR_AND_CUED = tuple(k for k, rx in _CUES.items() if rx.pattern == r",|and\s")
_SEARCHED_CUES = tuple((k, rx) for k, rx in _CUES.items() if k not in _AND_CUED + _COMMA_OR_AND_CUED)


def _last_and(low):
    """Where the last match of ``and\\s`` in ``low`` starts, or -1 (``\\s``: a character
    for which ``str.isspace`` holds)."""
    q = low.rfind("and")
    while q >= 0 and not low[q + 3:q + 4].isspace():
        q = low.rfind("and", 0, q + 2)  # (the one before: it starts before q)
    return q


def _up_to(starts, end):
    """The sorted ``starts`` (not empty) at or before ``end``: ``starts`` itself when all are."""
    return starts if starts[-1] <= end else starts[:bisect.bisect_right(starts, end)]


def _followed_by(rx, text, starts):
    """The sorted ``starts`` (not empty) at or after which a match of ``rx`` starts in ``text``
    (those from which ``rx.search`` finds one: a lookbehind or ``\\b`` sees the text before
    where a search starts, so a match found from one start is found from any before it)."""
    if rx.search(text, starts[-1]):  # (one search, mostly: a match after the last start, so after every one)
        return starts
    out, m = [], None
    for p in starts:
        if m is None or m.start() < p:
            m = rx.search(text, p)
            if m is None:
                break
        out.append(p)
    return out


def _count_starts(g, low, found):
    """Where a count starts in ``low`` (a match of the ``number_start`` pattern, none inside
    another), up to the last word the count-first patterns need; ``found``: its
    :func:`_channel_starts`."""
    numbers = found.get(g.number_channel)
    if not numbers:
        return []
    upto = -1
    for c in g.count_first_needs:  # (a loop, not max() of a list: two or three channels, once per window)
        listed = found.get(c)
        if listed is not None and listed[-1] > upto:
            upto = listed[-1]
    if upto < 0:
        return []
    # matches_at(number_start, low, numbers up to upto) inline, with the starts of the matches
    match, out, end = g.number_start_match, [], -1
    for p in numbers:
        if p > upto:
            break
        if p >= end:
            m = match(low, p)
            if m:
                out.append(p)
                end = m.end()
    return out


def _pattern_starts(g, low):
    """Where each pattern is tried in ``low`` (lower-cased window text):
    ``{name: sorted starts}``, by pattern name and for the ``cue`` of the
    unnumbered pattern, the ``implied`` cues and the words of the named condition
    (``named_condition``).  Each pattern is tried only
    where one of its first words starts, and only up to the last word of the
    list its matches need (:data:`_NEEDS`) and the last of its cues (:data:`_CUES`).
    (A pattern without starts has ``()``, one whose starts were all cut off ``[]``.)"""
    # every pattern without starts (a copy, in C), then those of the channels found (a window
    # finds a few): the cue, the implied cues …
    at = g.no_starts.copy()
    found = _channel_starts(g, low, at)
    get = found.get
    none = ()  # (one empty sequence for every pattern without starts, none made for each)
    for k in g.verb_anywhere:
        at[k] = word_starts_in(low, [(0, len(low))])
    # (below, "starts if starts[-1] <= end else starts[:bisect_right(starts, end)]": the starts up to
    # end, the same list when all are, written out: a call for each pattern of each window costs more)
    numbers = None  # the count starts, found when a count-first pattern needs them
    for c, kind, keys, nothing in g.need_plan:
        listed = get(c)
        if listed is None:  # no word of the list: none of its patterns is tried
            if kind == "verb":
                at.update(nothing)
            continue
        end = listed[-1]  # the list's last word: its patterns are tried up to there
        if kind == "verb":  # each at its own first words
            for k in keys:
                starts = at[k]
                at[k] = (starts if starts[-1] <= end else starts[:_bisect_right(starts, end)]) if starts else none
            continue
        if kind == "title":  # tried at the window's start only
            starts = [0]
        else:  # (one list for all the patterns of a group: no pattern changes its starts)
            if kind == "count":
                if numbers is None:
                    numbers = _count_starts(g, low, found)
                starts = numbers
            else:
                starts = get(g.article_channel, none)
            if starts:
                starts = starts if starts[-1] <= end else starts[:_bisect_right(starts, end)]
            else:
                starts = none
        for k in keys:
            at[k] = starts
    # Up to the last cue: the patterns cued by "and\s" (and a comma), each cut where the last is.
    # Patterns given the same list (those of one group, of one channel) share its cut.
    last_and = None
    was = cut = None
    for k in _AND_CUED:
        starts = at[k]
        if starts:
            if starts is not was:
                if last_and is None:
                    last_and = _last_and(low)
                was, cut = starts, starts if starts[-1] <= last_and else starts[:_bisect_right(starts, last_and)]
            at[k] = cut
    for k in _COMMA_OR_AND_CUED:
        starts = at[k]
        if starts:
            if last_and is None:
                last_and = _last_and(low)
            end = max(last_and, low.rfind(","))
            at[k] = starts if starts[-1] <= end else starts[:_bisect_right(starts, end)]
    for k, cue in _SEARCHED_CUES:
        if at[k]:
            at[k] = _followed_by(cue, low, at[k])
    return at


_bisect_right = bisect.bisect_right


# The patterns with a number, in the order they are tried (the first pattern's claim for a number
# wins), with the name of their claims and what adds to the figure: one ("a woman and her two
# daughters"), or the second figure of a list (None).
_NUMBERED_ORDER = (("list", "list", None), ("active_list", "list", None), ("pair_n", "pair", 1),
                   ("n_and_one", "pair", 1), ("compound", "compound", 1)) + tuple((k, k, 0) for k in _NUMBERED)


def _claim_patterns(g, low):
    """The claim patterns to run on ``low`` (a lower-cased window): :attr:`CasualtyGrammar.lowered_ascii`
    where they find what :attr:`~CasualtyGrammar.lowered` finds, else those.

    On ASCII text a pattern compiled with ``re.ASCII`` matches as the Unicode one: "\\w",
    "\\d" and "\\b" hold for the same ASCII characters either way, and "\\s" too but for
    "\\x1c"-"\\x1f" (separators to Unicode, not to ASCII), which the window must not hold.
    (No flag differs otherwise: the patterns are case-sensitive, on lower-cased text, and their
    non-ASCII characters, as "\\u2019", match nothing in ASCII text either way.)"""
    if plain_ascii(low):
        return g.lowered_ascii
    return g.lowered


def _numbered_claims(g, text, low, offset, sentence, at):
    """Claims of the patterns with a number, tried where a count or a verb starts."""
    found, lowered, endpos = [], _claim_patterns(g, low), len(low)
    for key, name, add in _NUMBERED_ORDER:
        starts = at[key]
        if not starts:
            continue
        # matches_at(..., keep=_numbered_match) inline (no partial made, no call through it, for
        # each pattern of each window): a match that makes no claim (a year, an age) does not hide
        # the counts inside it
        match, last = lowered[key].match, -1
        for p in starts:
            if p >= last:
                m = match(low, p, endpos)
                if m:
                    claim = _numbered_match(g, name, add, offset, text, sentence, m)
                    if claim:
                        found.append(claim)
                        last = m.end()
    return found


def _numbered_match(g, name, add, offset, text, sentence, m):
    """The claim of match ``m`` of a pattern with a number (see :data:`_NUMBERED_ORDER`), or None."""
    if add is None:
        second = g.parse_count(m.group("num2"))
        if second is None or math.isnan(second.best):
            return None
        add = second.best
    return _numbered(g, m, name, offset, add=add, orig=text, sentence=sentence)


def _one_claims(g, text, low, offset, at, headline, sentence, sentence_start):
    """Claims of one or two victims, implied deaths and victims without a number."""
    rx, found = _claim_patterns(g, low), []
    for key in ("pair", "pair_active"):
        for m in matches_at(rx[key], low, at[key]) if at[key] else ():
            outcome = _outcome(m)
            if outcome:
                found.append(_claim(m, outcome, _TWO, "pair" if key == "pair" else "pair-active", offset, text,
                                    sentence))
    for name, key in (("one-passive", "one_passive"), ("one-active", "one_active"), ("one-passive", "one_passive_any"),
                      ("one-active", "one_active_any"), ("one-pronoun", "one_pronoun")):
        if at[key]:
            for m in matches_at(rx[key], low, at[key]):
                outcome = None if _acts_on_object(m) else _outcome(m)  # "a bomber killed five"
                if outcome:
                    found.append(_claim(m, outcome, _ONE, name, offset, text, sentence))
    # "Man killed in …": anywhere in a headline, at the start of other sentences
    if headline:
        bare = list(rx["bare_one"].finditer(low))
    else:
        bare = [m for m in [rx["bare_one"].match(low)] if m] if sentence_start else []
    if sentence_start:  # "Bar owner shot dead near …": a note's telegraphic victim
        bare += [m for m in [rx["bare_title"].match(low)] if m] if at["bare_title"] else []
    found += [_claim(m, _outcome(m), _ONE, "one-bare", offset, text, sentence) for m in bare]
    for m in matches_at(rx["self"], low, at["self"]) if at["self"] else ():  # "murder": murder-suicide too
        found.append(_claim(m, "killed", _TWO_IMPLIED if "murder" in m.group() else _ONE, "self", offset,
                            text, sentence))
    if "was" in low or "been" in low:
        found += [_claim(m, _outcome(m), _ONE, "one-named", offset, None, sentence) for m in _named_ones(text)]
    if at["named_condition"]:
        found += [_claim(m, "injured", _ONE, "one-named", offset, None, sentence)
                  for m in _matches_before(g.named["named_condition"], text, at["named_condition"],
                                           _NAMED_CONDITION_BEFORE, _NAME_OR_PRONOUN_START)]
    if "and" in text:  # (every named pair holds one: half the windows hold none)
        found += [_claim(m, "killed", _TWO, "pair-named", offset, None, sentence) for m in _named_pairs(g, text)
                  if _two_people(m)]
    if at["self_shot"]:
        found += [_claim(m, "shot", _ONE, "self", offset, text, sentence)
                  for m in matches_at(rx["self_shot"], low, at["self_shot"])]
    if at["unknown"]:  # (before "died" inside it)
        found += [_claim(m, "killed", g.unknown_count, "unknown", offset, text, sentence)
                  for m in matches_at(rx["unknown"], low, at["unknown"])]
    if at["implied"]:
        found += [_claim(m, "killed", _AT_LEAST_ONE, "implied", offset, None, sentence)
                  for m in _implied(g, text, low, at)]
    for m in _unnumbered(g, text, low, at) if at["cue"] else ():
        first = "killed" if m.group("p_killed") else "injured"
        found.append(_claim(m, first, _UNKNOWN, "unnumbered", offset, None, sentence))
        if m.group("also_injured") or m.group("also_killed"):
            second = "injured" if first == "killed" else "killed"
            found.append(_claim(m, second, _UNKNOWN, "unnumbered", offset, None, sentence))
    return found


# "IS" in capitals is the Islamic State, never the verb: lower-cased it would end a victim
# phrase ("17 IS members were killed", "a member of IS was killed"), so it becomes a name.
_IS_NAME = re.compile(r"IS(?<![\w\-]IS)(?![\w\-])")  # the literal first: the engine skips to each "IS"


def _lower_names(text, lowered=None):
    """``text`` lower-cased (same offsets), "IS" as a name ("i_"); ``lowered``:
    its :func:`~._scan.lower_same_length`, when known."""
    low = lower_same_length(text) if lowered is None else lowered
    names = [m.start() for m in _IS_NAME.finditer(text)]
    if not names:
        return low
    parts, last = [], 0
    for p in names:
        parts += [low[last:p], "i_"]
        last = p + 2
    return "".join(parts) + low[last:]


def _window_lowered(text, named, a, b):
    """``_lower_names(text[a:b])`` from ``named``, the whole text's: its slice,
    unless the window's edges make a difference (an "IS" at an edge, a Greek
    capital sigma, whose lower case depends on the letters beside it)."""
    if "IS" in text[max(0, a - 1):a + 2] or "IS" in text[max(0, b - 2):b + 1] or "\u03a3" in text[a:b]:
        return _lower_names(text[a:b])
    return named[a:b]


def _find_in(g, text, offset, headline=False, sentence=-1, sentence_start=True, low=None):
    """Claims in ``text`` (a stretch of one sentence that starts at ``offset``
    in the report; ``sentence_start`` when it starts where the sentence does;
    ``low``: its :func:`_lower_names`, when known)."""
    low = _lower_names(text) if low is None else low
    at = _pattern_starts(g, low)
    found = _numbered_claims(g, text, low, offset, sentence, at)
    found += _one_claims(g, text, low, offset, at, headline, sentence, sentence_start)
    # Negated figures ("no one was killed") and overlapping matches: keep
    # the first pattern's claim for each number (or phrase) and outcome.
    kept, seen, negated = [], set(), g.lowered["negated"].search
    for c in found:
        local = c.start - offset
        if negated(low[max(0, local - 30):local]):
            continue
        key = (c.count_start if c.count_start >= 0 else c.start, c.outcome)
        if key in seen or kept and any(
            k.start <= c.start and c.end <= k.end and k.outcome == c.outcome for k in kept
        ):
            continue
        seen.add(key)
        kept.append(c)
    return kept


def _word_start_triggers(lowered, triggers):
    """The starts of the ``triggers`` (sorted spans) that start a word."""
    return [ts for ts, _ in triggers if ts == 0 or not (lowered[ts - 1].isalnum() or lowered[ts - 1] == "_")]


def _holds_key_word(g, lowered, a, b, word_triggers):
    """Does ``lowered[a:b]`` hold a key word of the claim lists where a word starts?

    Every claim of the claim lists holds one (a list's entry starts after a space, ``\\b`` or
    no word character in every pattern, and its key word is one of its words): a
    window without one is not searched.  A named victim's condition ("Smith is
    recovering") holds none of them: it is read only in a window an outcome word
    opens, never in one a word inside another word opened ("led" in "called"),
    so that the same sentence gives the same claims whatever words stand near it.  It holds one where a trigger word starts
    a word (``word_triggers``, sorted starts); else its key words are looked for
    ("led" in "killed" is one, in "called" none; "dies" in "bodies" is one)."""
    k = bisect.bisect_left(word_triggers, a)
    if k < len(word_triggers) and word_triggers[k] < b:
        return True
    for last, length in g.key_words.iter(lowered, a, b):
        p = last + 1 - length
        if p == 0 or not (lowered[p - 1].isalnum() or lowered[p - 1] == "_"):
            return True
    return False


def _trigger_spans(g, lowered):
    """(start, end) of the trigger words in lower-cased text, found in one
    Aho-Corasick pass, leftmost first, without overlaps (no trigger word
    holds another, so at most one starts at a position)."""
    spans, last_end = [], -1
    # The automaton reports hits by their ends, and so by their starts too: a hit that ends
    # later but starts earlier would hold the other's word.
    for last, length in g.triggers.iter(lowered):
        if last + 1 - length >= last_end:
            last_end = last + 1
            spans.append((last_end - length, last_end))
    return spans


#: Above these figures no single event has ever been recorded (the deadliest
#: days of war and disaster killed and injured fewer than 300,000 people; the
#: largest displacements counted a few million): a larger figure is kept as an
#: ``implausible`` claim, shown but never counted ("killing 99999999999999999999
#: people" is a typo or a garbled number, not an event).
MAX_EVENT_COUNT = {"killed": 300_000, "injured": 300_000, "missing": 300_000, "captured": 300_000,
                   "shot": 300_000, "displaced": 20_000_000}

#: A figure this large ("more than 300,000 people have been killed", "despite
#: the killing of 100,000 people") is a war's running toll, not one event's
#: (``running_toll_min`` in the grammar); displacements excepted.
RUNNING_TOLL_MIN = load_resources().grammar["running_toll_min"]


_BEFORE, _AFTER = 140, 180


def _windows(lowered, start, end, triggers, first=None):
    """Stretches of a sentence around its outcome words, merged: the claim
    patterns run there only (a long sentence is mostly other words).
    ``triggers`` are the (start, end) of the trigger words of the whole text;
    ``first``: the number of the first that starts at or after ``start``, when known."""
    out = []
    for k in range(bisect.bisect_left(triggers, (start, -1)) if first is None else first, len(triggers)):
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
    """Casualty claims in the given sentences of ``text``, by the bundled grammar.

    A sentence that states a war's running toll ("the conflict has killed
    more than 400,000 people since 2011") describes no event: its claims are
    marked ``cumulative`` and never counted in events or tables.  Nor does a
    day's toll over a whole country ("67 people were killed yesterday,
    including 3 members of the regime forces and 64 other people"): its
    claims are a ``roundup``.

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
    return compile_grammar().find_claims(text, sentences, headlines)


def _find_claims(g, text, sentences, headlines):
    claims = []
    lowered = lower_same_length(text)
    named = _lower_names(text, lowered)
    heads = set(headlines)
    triggers = _trigger_spans(g, lowered)  # one pass over the whole text
    word_triggers = _word_start_triggers(lowered, triggers)
    starts = [ts for ts, _ in triggers]
    # (no "IS" and no capital sigma in the text: each window's lower case is its slice of the text's)
    sliced = "IS" not in text and "\u03a3" not in text
    for i, (s, e) in enumerate(sentences):
        k = bisect.bisect_left(starts, s)  # the first trigger word in the sentence
        if k == len(starts) or starts[k] >= e:
            continue  # (most sentences hold none: no call to find that they have no windows)
        windows = _windows(lowered, s, e, triggers, k)
        if not windows:
            continue
        headline = (s, e) in heads
        # (windows are made of all the trigger words, so that those searched stay as they were)
        found = [c for a, b in windows if _holds_key_word(g, lowered, a, b, word_triggers)
                 for c in _find_in(g, text[a:b], a, headline=headline, sentence=i, sentence_start=a == s,
                                   low=named[a:b] if sliced else _window_lowered(text, named, a, b))]
        if not found:
            continue
        cues = set(map(_second, g.toll_cue_words.iter(lowered, s, e)))  # (one pass for both)
        cumulative = g.cumulative.holds(lowered, s, e, cues)
        roundup = not cumulative and g.roundup.holds(lowered, s, e, cues)
        least = g.grammar["running_toll_min"]
        following = sentences[i + 1][0] if i + 1 < len(sentences) else None
        found = [c for c in (_lived_or_died(g, c, lowered, e, following) for c in found) if c is not None]
        running_toll = not cumulative and any(c.pattern == "toll" for c in found) and g.running.holds(lowered, s, e)
        for c in found:
            running = (cumulative or (c.outcome != "displaced" and c.count.best >= least and not _implausible(c))
                       or (running_toll and c.pattern == "toll"))
            claims.append(_replace(c, role="cumulative") if running else _replace(c, role="roundup") if roundup else
                          _replace(c, role="implausible") if _implausible(c) else c)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _lived_or_died(g, c, lowered, end, following=None):
    """One victim shot or hurt, as the rest of the sentence (to ``end``) tells
    it: shot and lived is injured ("was shot in the leg and is expected to
    recover"); hurt, then dead ("was wounded, but later died", or a next
    sentence, starting at ``following``, that opens "He died …") is no injury
    (the death is a claim of its own).  Other claims as they are."""
    if c.outcome not in ("shot", "injured") or c.count.best != 1 or not c.count.exact or c.pattern == "self":
        return c  # "shot herself" is the shooter's own wound, told apart from her victims
    if g.later_death.search(lowered, c.end, min(end, c.end + 100)):
        return None
    if following is not None and following - end < 5 and g.next_death.match(lowered, following):
        return None
    if c.outcome == "shot" and g.survival.search(lowered, c.end, end) and not g.death.search(lowered, c.end, end):
        return _replace(c, outcome="injured")
    return c


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
    q = count.qualifier
    if q == "implied" or q in VAGUE or q + " of" in VAGUE:
        return 2
    return 0 if count.exact else 1


def _distinct_single_victims(a, b):
    """Two single deaths in one sentence by different patterns ("killed his
    wife and then himself") are two people."""
    return (a.count.best == 1 == b.count.best and a.sentence == b.sentence
            and (a.pattern == "self") != (b.pattern == "self"))


def _killer_and_victims(a, b):
    """Is one claim a killer's own death ("then killed himself") and the other
    the people a verb killed ("killed his wife and two sons")?  Never the same
    people, in any sentence: the objects of a verb are not its subject."""
    own = a if a.pattern == "self" else b if b.pattern == "self" else None
    other = b if own is a else a
    return own is not None and own.outcome == "killed" and own.count.best == 1 and other.extra.get("object", False)


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
    any; a state's forces and the armed groups they fight, named by the
    grammar's ``opposed_forces``, always conflict) and they may belong to
    the same event: ``event_keys`` gives each claim a tuple such as
    (governorate, month); two keys conflict when a component is known in
    both and differs (None matches anything).  Then:

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
       than 400,000 people since 2011") stay ``cumulative``, those of a
       country's day (``roundup``) stay so, and figures larger
       than any single event has seen (:data:`MAX_EVENT_COUNT`) stay
       ``implausible``: neither is counted nor linked.
    5. Deaths told without a number that still carry ACLED's figure ("heavy
       casualties") are a ``part`` of a stated figure of the same event.
    6. Everything else is ``standalone``.  Counting ``total`` and
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
    claims = [_unmarked(c) for c in claims]
    sides = list(sides) if sides is not None else [None] * len(claims)
    events = list(event_keys) if event_keys is not None else [()] * len(claims)
    kinds = list(victim_kinds) if victim_kinds is not None else [None] * len(claims)
    linkable = _linker(claims, sides, events, kinds)
    _mark_repeats(claims, sides, linkable)
    order = sorted(range(len(claims)), key=lambda k: -(claims[k].count.best if _counted(claims[k]) else -1))
    _mark_breakdowns(claims, sides, order, linkable, window)
    _mark_included(claims, order, linkable)
    _mark_unnumbered_parts(claims, order, linkable)
    return claims


def _unmarked(c):
    """A claim as found: no total, repeat or part; its role ``standalone`` unless it is context."""
    if c.role in _STANDALONE_OR_CONTEXT and c.total_of == -1 and c.repeat_of == -1 and not c.part_kind:
        return c
    return _replace(c, role=c.role if c.role in CONTEXT_ROLES else "standalone", total_of=-1, repeat_of=-1,
                   part_kind="")


def _linker(claims, sides, events, kinds):
    """``linkable(i, j)``: may claims ``i`` and ``j`` (of the list ``claims``,
    as it is when asked) count the same casualties?  Same outcome, event keys
    that match, sides that do not conflict, never civilians with combatants,
    never a state's forces with the armed groups they fight (:func:`_force`)."""
    # A victim's force is read when a pair is first asked about it (two searches of its
    # victim phrase): most pairs differ before (their outcome, their keys), and most claims
    # are never asked about.  A claim's victim stays as found (reconciling changes its role
    # and links only), so reading it later reads the same phrase.
    forces = {}

    def force(k):
        f = forces.get(k, "")
        if f == "":
            f = forces[k] = _force(claims[k].victim)
        return f

    def linkable(i, j):
        a, b = claims[i], claims[j]
        if a.outcome != b.outcome or not _keys_match(events[i], events[j]):
            return False
        si, sj = sides[i], sides[j]
        if si and sj and si != sj:
            return False
        ki, kj = kinds[i], kinds[j]
        # ({ki, kj} != {"civilian", "combatant"}, with no set made for each pair)
        if ki != kj and (ki, kj) in _CIVILIAN_AND_COMBATANT:
            return False
        if _killer_and_victims(a, b):
            return False
        fi = force(i)
        return fi is None or fi == force(j) or (fi, force(j)) not in _STATE_AND_ARMED

    return linkable


_CIVILIAN_AND_COMBATANT = (("civilian", "combatant"), ("combatant", "civilian"))
_STATE_AND_ARMED = (("state", "armed"), ("armed", "state"))


def _counted(c):
    return c.role == "standalone" and not math.isnan(c.count.best)


@lru_cache(maxsize=1)
def _opposed_forces():
    """``{side: compiled pattern}`` of the bundled grammar's ``opposed_forces``."""
    forces = load_resources().grammar["opposed_forces"]
    return {side: re.compile(r"\b(?:" + _words(words) + r")\b", re.I) for side, words in forces.items()}


def _force(victim):
    """``state`` when a victim phrase names a state's forces only, ``armed``
    when it names armed groups only, else None (both, or neither).

    >>> _force("30 soldiers"), _force("4 rebels"), _force("soldiers and militants"), _force("5 people")
    ('state', 'armed', None, None)
    """
    found = [side for side, rx in _opposed_forces().items() if rx.search(victim)] if victim else []
    return found[0] if len(found) == 1 else None


def _mark_repeats(claims, sides, linkable):
    """1. A claim with the same figure as an earlier linkable one is a repeat
    of it; of the two, the more precise is the one kept (in place)."""
    for j, b in enumerate(claims):
        if math.isnan(b.count.best) or b.role in CONTEXT_ROLES:
            continue
        for i in range(j):
            a = claims[i]
            if a.role in _REPEAT_OR_CONTEXT or math.isnan(a.count.best) or not linkable(i, j):
                continue
            if _same_figure(a, b):
                if _vagueness(a.count) > _vagueness(b.count):
                    claims[i] = _replace(a, role="repeat", repeat_of=j)
                    for k, c in enumerate(claims):
                        if c.repeat_of == i:
                            claims[k] = _replace(c, repeat_of=j)
                    sides[j] = sides[j] or sides[i]
                else:
                    claims[j] = _replace(b, role="repeat", repeat_of=i)
                    sides[i] = sides[i] or sides[j]
                break


def _mark_breakdowns(claims, sides, order, linkable, window):
    """2. Totals (largest first, ``order``) of smaller claims within
    ``window`` sentences that add up to them, or, for a total whose victims
    have no side, of smaller claims of two or more sides (in place)."""
    for i in order:
        t = claims[i]
        if not _counted(t):
            continue
        # (linkable last: the tests before it are cheaper, and every test is pure, so their order
        # changes no answer)
        best, sentence = t.count.best, t.sentence
        cands = [j for j, c in enumerate(claims) if j != i and c.role == "standalone" and c.count.best < best
                 and abs(c.sentence - sentence) <= window and linkable(i, j)]
        chosen = _subset_summing(cands, claims, t.count.best)
        if chosen is None and not sides[i]:
            by_side = [j for j in cands if sides[j]]
            if len({sides[j] for j in by_side}) >= 2:
                chosen = by_side
        if not chosen:
            continue
        claims[i] = _replace(t, role="total")
        for j in chosen:
            claims[j] = _replace(claims[j], role="part", total_of=i, part_kind="breakdown")


def _mark_included(claims, order, linkable):
    """3. A smaller figure inside the largest linkable one (first in
    ``order``) is a part of it, which becomes a total (in place)."""
    for j in range(len(claims)):
        if not _counted(claims[j]):
            continue
        # the first such claim in order (its figure larger than j's is not nan: that test holds the
        # isnan one; linkable after the cheaper tests, all pure)
        best = claims[j].count.best
        i = next((i for i in order if i != j and claims[i].role in ("standalone", "total")
                  and claims[i].count.best > best and linkable(i, j) and not _listed_apart(claims[i], claims[j])),
                 None)
        if i is not None:
            claims[i] = _replace(claims[i], role="total")
            claims[j] = _replace(claims[j], role="part", total_of=i, part_kind="included")


def _listed_apart(a, b):
    """Are ``a`` and ``b`` two groups listed side by side, each with its own
    outcome word ("12 Dahalo killed, 1 civilian killed", "3 soldiers died and
    2 rebels died"): neither holds the other.

    >>> from conflictkit.coding.casualties import find_claims
    >>> t = "12 Dahalo killed, 1 civilian killed in clashes."
    >>> _listed_apart(*find_claims(t, [(0, len(t))]))
    True
    """
    first, second = (a, b) if a.start < b.start else (b, a)
    return (a.sentence == b.sentence and a.pattern == b.pattern == "passive" and 0 <= second.start - first.end <= 5
            and a.victim.lower() != b.victim.lower() and not _GENERIC_VICTIMS.search(a.victim + " " + b.victim))


# Victims named so generally that a figure of them may hold any other ("30 people were killed, 12 children …").
_GENERIC_VICTIMS = re.compile(r"\b(?:people|persons?|individuals|victims|others|dead|casualties)\b", re.I)


def _mark_unnumbered_parts(claims, order, linkable):
    """Deaths told without a number that still carry ACLED's figure ("heavy
    casualties": nan best, acled 10) are a part of a stated figure of the same
    event, the largest (``order``: claims by figure, largest first)."""
    for j, c in enumerate(claims):
        if c.role != "standalone" or not math.isnan(c.count.best) or math.isnan(c.count.acled):
            continue
        stated = next((i for i in order if claims[i].role in ("standalone", "total")
                       and not math.isnan(claims[i].count.best) and claims[i].count.qualifier != "implied"
                       and linkable(i, j)), None)
        if stated is not None:
            claims[stated] = _replace(claims[stated], role="total")
            claims[j] = _replace(c, role="part", total_of=stated, part_kind="included")


#: Roles set when a claim is found, kept by reconciliation: claims that are
#: context (a war's running toll) or impossible as one event's figure.
CONTEXT_ROLES = ("cumulative", "roundup", "implausible", "convention")
_STANDALONE_OR_CONTEXT = ("standalone",) + CONTEXT_ROLES
_REPEAT_OR_CONTEXT = ("repeat",) + CONTEXT_ROLES


def _keys_match(a, b):
    """Do event keys ``a`` and ``b`` agree: no component known in both that differs?"""
    for x, y in zip(a, b):  # (a loop, not all() of a generator: 2.6x quicker; asked ~14 times a report)
        if x != y and x is not None and y is not None:
            return False
    return True


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
