"""Tables and trends from coded events: casualty tables that reconcile
totals with their breakdowns, comparisons across sources, series over time,
human review of the coding, and accuracy against gold data
(:mod:`conflictkit.analysis.evaluation`).
"""

from . import evaluation
from .review import (
    ReviewLog, agreement, apply_review, coding_from_annotations, match_claims, read_review_log, review_widget,
)
from .tables import (
    casualty_table, casualty_units, export_table, match_events, reconcile, safe_for_spreadsheet,
    source_comparison, style_casualty_table, supporting_claims, validate_events,
)
from .trends import events_of_their_time, fatalities_over_time, yearly_totals

__all__ = [
    "casualty_table", "casualty_units", "reconcile", "supporting_claims", "source_comparison", "match_events",
    "validate_events", "style_casualty_table", "export_table", "safe_for_spreadsheet",
    "fatalities_over_time", "yearly_totals", "events_of_their_time",
    "ReviewLog", "read_review_log", "review_widget", "apply_review", "agreement", "match_claims",
    "coding_from_annotations", "evaluation",
]
