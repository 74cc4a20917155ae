"""Figures: seaborn plots of casualty series, ranges, maps and comparisons,
a report with its coded spans highlighted, and reproducible figure files
(metadata stripped, each beside the CSV of the data it plots).
"""

from .display import highlight_report
from .figures import figures_dir, output_dir, save_figure
from .plotting import (
    caption, house_style, plot_casualty_ranges, plot_comparison_bars, plot_event_map, plot_fatalities_over_time,
    plot_hbars, plot_small_multiples, set_theme,
)

__all__ = [
    "set_theme", "house_style", "caption", "plot_fatalities_over_time", "plot_small_multiples", "plot_event_map",
    "plot_casualty_ranges", "plot_comparison_bars", "plot_hbars", "save_figure", "figures_dir", "output_dir",
    "highlight_report",
]
