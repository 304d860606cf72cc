"""French versions of the analyses' warnings, for the report's data-quality notes.

The analyses warn in English (their messages are for a developer's console
as much as for a reader); the report shows them in its language. Each known
message is a pattern with the French text to put in its place; a message
without a pattern is not shown word for word in French but replaced by a
line saying a note is only available in the English report.
"""

from __future__ import annotations

import re

_FRENCH: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?P<n>\d+) disputes were opened in periods without any mission-days"
        ),
        "{n} litiges ont été ouverts pendant des périodes sans aucun jour de"
        " mission et sont exclus de la tendance (un taux a besoin de jours"
        " travaillés).",
    ),
    (
        re.compile(
            r"(?P<n>\d+) clients \((?P<names>.*)\) have (?P<k>\d+) labelled disputes"
            r" but no mission-days"
        ),
        "{n} clients ({names}) ont {k} litiges avec une cause mais aucun jour de"
        " mission : leurs causes ne peuvent pas être testées. Ajoutez leurs"
        " missions pour les comparer aux autres.",
    ),
    (
        re.compile(
            r"(?P<n>\d+) disputes belong to (?P<k>\d+) clients without any"
            r" mission-days"
        ),
        "{n} litiges concernent {k} clients sans aucun jour de mission ; leur"
        " taux n'est pas calculable.",
    ),
    (
        re.compile(r"(?P<n>\d+) of (?P<total>\d+) disputes have no known mission_id"),
        "{n} litiges sur {total} n'ont pas de mission connue et sont exclus des"
        " taux.",
    ),
    (
        re.compile(r"(?P<n>\d+) of (?P<total>\d+) disputes left out of prevention"),
        "{n} litiges sur {total} sont exclus des effets de la prévention (sans"
        " mission connue, ou mission absente de la table des missions).",
    ),
]

_UNKNOWN = (
    "une remarque de l'analyse n'a pas de traduction ; elle figure dans la"
    " version anglaise du rapport."
)


def warning_text(message: str, lang: str) -> str:
    """A warning's message in ``lang`` (English messages pass through).

    Examples
    --------
    >>> warning_text("3 disputes were opened in periods without any "
    ...              "mission-days and are left out", "fr")[:40]
    '3 litiges ont été ouverts pendant des pé'
    """
    if lang != "fr":
        return message
    for pattern, french in _FRENCH:
        found = pattern.search(message)
        if found:
            return french.format(**found.groupdict())
    return _UNKNOWN
