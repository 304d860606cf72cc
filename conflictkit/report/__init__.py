"""The self-contained HTML report and its "at a glance" summary.

``_build`` runs the analyses, draws their figures and assembles the page;
``_summary`` turns the analyses' results into a few plain sentences
(``summarize``); ``_select`` picks a period or some clients and the period
before it; ``_html`` writes tables and figures. Every word and number comes
from :mod:`conflictkit._i18n`. Uses every stage above it (analysis, plotting).
"""

from ._build import build_report
from ._summary import summarize

__all__ = ["build_report", "summarize"]
