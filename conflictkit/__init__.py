"""conflictkit: code armed-conflict news reports into traceable casualty data.

>>> import conflictkit as ck
>>> report = ck.load_report(ck.sample_report_path())
>>> report.published
datetime.date(2020, 9, 22)
"""

from .errors import ConflictkitError, InputError
from .reports import LoadedReports, Report, load_report, load_reports, report_from_text, reports_frame
from .text import paragraph_spans, sentence_spans
from ._data import data_dir, example_path, sample_report_path
from .coding import (
    Coding, build_lexicon, classify_event_type, code_report, code_reports, find_claims, find_dates,
    load_actors, load_places, load_sources, parse_count,
)
from .tables import (
    casualty_table, casualty_units, export_table, match_events, reconcile, safe_for_spreadsheet,
    source_comparison, style_casualty_table, supporting_claims, validate_events,
)
from .datasets import (
    LoadedEvents, admin1_code, coded_events_to_schema, dataset_path, fetch, fetch_ucdp_ged, how_to_get, load_acled,
    load_ucdp_ged,
)
from .trends import fatalities_over_time, yearly_totals
from .plotting import (
    caption, house_style, plot_casualty_ranges, plot_comparison_bars, plot_event_map, plot_hbars, plot_fatalities_over_time, plot_small_multiples,
    plot_stacked_fatalities,
)
from .figures import figures_dir, output_dir, save_figure
from .display import highlight_report
from .corpus import code_corpus, read_coding
from .reports import iter_report_chunks
from .codebook import codebook_markdown, load_codebook, validate_coding
from .annotation_io import from_brat, from_doccano, from_label_studio, to_brat, to_doccano, to_label_studio
from .review import (
    ReviewLog, agreement, apply_review, coding_from_annotations, match_claims, read_review_log, review_widget,
)
from . import evaluation

__version__ = "0.1.0"
