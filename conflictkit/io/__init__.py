"""Loaders: news reports and their sentences, event datasets (UCDP GED,
ACLED), and the annotation formats of hand-coding tools.

The lowest layer: nothing here imports from :mod:`conflictkit.coding` or
above.
"""

from .._data import data_dir, data_dirs, example_path
from .annotation_io import from_brat, from_doccano, from_label_studio, to_brat, to_doccano, to_label_studio
from .datasets import (
    DATASET_SOURCES, SCHEMA_COLUMNS, LoadedEvents, admin1_code, coded_events_to_schema, dataset_path, fetch,
    fetch_ucdp_ged, how_to_get, load_acled, load_ucdp_ged,
)
from .reports import (
    REJECT_COLUMNS, LoadedReports, Report, iter_report_chunks, load_report, load_reports, report_from_text,
    reports_frame,
)
from .text import paragraph_spans, sentence_spans

__all__ = [
    "Report", "LoadedReports", "load_report", "load_reports", "report_from_text", "reports_frame",
    "iter_report_chunks", "REJECT_COLUMNS", "paragraph_spans", "sentence_spans",
    "LoadedEvents", "load_ucdp_ged", "load_acled", "coded_events_to_schema", "admin1_code", "dataset_path",
    "fetch", "fetch_ucdp_ged", "how_to_get", "DATASET_SOURCES", "SCHEMA_COLUMNS",
    "data_dir", "data_dirs", "example_path",
    "to_brat", "from_brat", "to_doccano", "from_doccano", "to_label_studio", "from_label_studio",
]
