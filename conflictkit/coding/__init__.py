"""Coding reports: casualty claims, actors, places, dates, sources, event types, events."""

from .casualties import OUTCOMES, Claim, breakdown_status, find_claims, reconcile_claims
from .coder import (
    ACLED_UNKNOWN_FATALITIES, ANNOTATION_COLUMNS, CASUALTY_COLUMNS, CODER_VERSION, EVENT_COLUMNS,
    Coder, Coding, code_report, code_reports,
)
from .dates import find_dates
from .event_types import classify_event_type
from .lexicon import build_lexicon, default_lexicon, load_actors, load_places, load_sources
from .counts import Count, parse_count

__all__ = [
    "OUTCOMES", "Claim", "breakdown_status", "find_claims", "reconcile_claims", "ACLED_UNKNOWN_FATALITIES",
    "ANNOTATION_COLUMNS", "CASUALTY_COLUMNS", "CODER_VERSION", "EVENT_COLUMNS", "Coder", "Coding", "code_report",
    "code_reports", "find_dates", "classify_event_type", "build_lexicon", "default_lexicon", "load_actors",
    "load_places", "load_sources", "Count", "parse_count",
]
