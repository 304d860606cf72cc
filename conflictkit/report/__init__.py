"""The self-contained HTML report: ``build_report`` and its texts.

``_build`` runs the analyses, draws their figures and assembles the page;
``_text`` holds the section titles, captions, headers, CSS and the number and
date formatting. Uses every stage above it (analysis, plotting, notes).
"""

from ._build import build_report
from ._text import SECTIONS

__all__ = ["SECTIONS", "build_report"]
