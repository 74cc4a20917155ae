"""conflictkit: code armed-conflict news reports into traceable casualty data.

Layered as the data flows: loaders (``reports``, ``datasets``) → coding
(``coding``, ``corpus``) → tables (``tables``, ``review``) → trends and
figures (``trends``, ``plotting``, ``figures``).

>>> import conflictkit as ck
>>> report = ck.load_report(ck.sample_report_path())
>>> report.published
datetime.date(2020, 9, 22)
"""

from . import evaluation
from ._data import data_dir, data_dirs, example_path, sample_report_path
from .annotation_io import from_brat, from_doccano, from_label_studio, to_brat, to_doccano, to_label_studio
from .codebook import codebook_markdown, load_codebook, validate_coding
from .coding import (
    Coder, Coding, build_lexicon, classify_event_type, code_report, code_reports, find_claims, find_dates,
    load_actors, load_places, load_sources, parse_count,
)
from .corpus import DASK_CODING_CONFIG, code_corpus, read_coding
from .datasets import (
    LoadedEvents, admin1_code, coded_events_to_schema, dataset_path, fetch, fetch_ucdp_ged, how_to_get,
    load_acled, load_ucdp_ged,
)
from .display import highlight_report
from .errors import ConflictkitError, InputError
from .figures import figures_dir, output_dir, save_figure
from .plotting import (
    caption, house_style, plot_casualty_ranges, plot_comparison_bars, plot_event_map,
    plot_fatalities_over_time, plot_hbars, plot_small_multiples, set_theme,
)
from .reports import (
    LoadedReports, Report, iter_report_chunks, load_report, load_reports, report_from_text, reports_frame,
)
from .review import (
    ReviewLog, agreement, apply_review, coding_from_annotations, match_claims, read_review_log, review_widget,
)
from .tables import (
    casualty_table, casualty_units, export_table, match_events, reconcile, safe_for_spreadsheet,
    source_comparison, style_casualty_table, supporting_claims, validate_events,
)
from .text import paragraph_spans, sentence_spans
from .trends import events_of_their_time, fatalities_over_time, yearly_totals

__version__ = "0.1.0"

__all__ = [
    # loaders
    "Report", "LoadedReports", "load_report", "load_reports", "iter_report_chunks", "report_from_text",
    "reports_frame", "paragraph_spans", "sentence_spans", "sample_report_path", "example_path", "data_dir", "data_dirs",
    "LoadedEvents", "load_ucdp_ged", "load_acled", "coded_events_to_schema", "admin1_code", "dataset_path",
    "fetch", "fetch_ucdp_ged", "how_to_get",
    # coding
    "Coder", "Coding", "code_report", "code_reports", "code_corpus", "read_coding", "DASK_CODING_CONFIG",
    "find_claims", "find_dates",
    "classify_event_type", "parse_count", "build_lexicon", "load_actors", "load_places", "load_sources",
    "load_codebook", "codebook_markdown", "validate_coding",
    # human coding
    "to_brat", "from_brat", "to_doccano", "from_doccano", "to_label_studio", "from_label_studio", "ReviewLog",
    "read_review_log", "review_widget", "apply_review", "agreement", "match_claims", "coding_from_annotations",
    # tables
    "casualty_table", "casualty_units", "reconcile", "supporting_claims", "source_comparison", "match_events",
    "validate_events", "style_casualty_table", "export_table", "safe_for_spreadsheet",
    # trends and figures
    "fatalities_over_time", "yearly_totals", "events_of_their_time", "plot_fatalities_over_time",
    "plot_small_multiples", "plot_event_map", "plot_casualty_ranges", "plot_comparison_bars", "plot_hbars",
    "set_theme",
    "house_style", "caption", "save_figure", "figures_dir", "output_dir", "highlight_report",
    # errors and evaluation
    "ConflictkitError", "InputError", "evaluation",
]
