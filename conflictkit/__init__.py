"""conflictkit: code armed-conflict news reports into traceable casualty data.

Layered as the data flows, one subpackage per layer; a lower layer never
imports a higher one:

* :mod:`conflictkit.io` — loaders: reports, event datasets (UCDP GED,
  ACLED), annotation formats;
* :mod:`conflictkit.coding` — the coder: claims, actors, places, dates,
  sources, event types, events (:class:`Coder`);
* :mod:`conflictkit.workflow` — corpora in resumable chunks (serial or
  Dask), the command line, the notebooks;
* :mod:`conflictkit.analysis` — casualty tables, trends, review, evaluation;
* :mod:`conflictkit.viz` — plots and figure files.

The names a researcher uses every day are here at the top; everything else
is reachable from its subpackage (``ck.io.fetch``, ``ck.viz.caption``,
``ck.analysis.evaluation``).

>>> import conflictkit as ck
>>> report = ck.load_report(ck.sample_report_path())
>>> report.published
datetime.date(2020, 9, 22)
"""

from . import analysis, codebook, coding, io, viz, workflow
from ._data import sample_report_path
from .analysis import casualty_table, export_table, fatalities_over_time, reconcile, source_comparison
from .coding import Coder, code_report, code_reports
from .errors import ConflictkitError, InputError
from .io import (
    Report, dataset_path, from_brat, from_doccano, from_label_studio, load_acled, load_report, load_reports,
    load_ucdp_ged, report_from_text, to_brat, to_doccano, to_label_studio,
)
from .viz import (
    highlight_report, plot_casualty_ranges, plot_comparison_bars, plot_event_map, plot_fatalities_over_time,
    plot_small_multiples, save_figure, set_theme,
)
from .workflow import code_corpus, read_coding

__version__ = "0.1.0"

__all__ = [
    # reading
    "Report", "load_report", "load_reports", "report_from_text", "sample_report_path",
    "load_ucdp_ged", "load_acled", "dataset_path",
    # coding
    "Coder", "code_report", "code_reports", "code_corpus", "read_coding",
    # tables and trends
    "casualty_table", "reconcile", "source_comparison", "export_table", "fatalities_over_time",
    # figures
    "set_theme", "plot_fatalities_over_time", "plot_small_multiples", "plot_event_map", "plot_casualty_ranges",
    "plot_comparison_bars", "highlight_report", "save_figure",
    # hand coding round trips
    "to_brat", "from_brat", "to_doccano", "from_doccano", "to_label_studio", "from_label_studio",
    # errors
    "ConflictkitError", "InputError",
    # layers
    "io", "coding", "workflow", "analysis", "viz", "codebook",
]
