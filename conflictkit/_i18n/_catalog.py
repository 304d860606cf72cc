"""The catalog: every text key and its English and French versions.

An entry is ``(english, french)``; each side is a string, or a dict of CLDR
plural forms (``{"one": ..., "other": ...}``) chosen by the ``count`` given to
:func:`conflictkit._i18n.t`. Texts are grouped by family in the modules
imported below; a key is unique across them (checked at import).
"""

from __future__ import annotations

from typing import TypeAlias

Side: TypeAlias = str | dict[str, str]
Entry: TypeAlias = tuple[Side, Side]

from ._advice import ADVICE  # noqa: E402
from ._cli import CLI, CLI_ACTIONS, CLI_HEADERS, CLI_JOURNAL  # noqa: E402
from ._common import COMMON  # noqa: E402
from ._glossary import GLOSSARY  # noqa: E402
from ._plots import PLOTS  # noqa: E402
from ._problems import PROBLEMS  # noqa: E402
from ._report import REPORT  # noqa: E402
from ._summary import SUMMARY  # noqa: E402
from ._template_texts import TEMPLATE  # noqa: E402

CATALOG: dict[str, Entry] = {}
for _family in (COMMON, REPORT, SUMMARY, GLOSSARY, PLOTS, CLI, CLI_HEADERS, TEMPLATE,
                PROBLEMS, ADVICE, CLI_ACTIONS, CLI_JOURNAL):  # fmt: skip
    _twice = CATALOG.keys() & _family.keys()
    if _twice:  # pragma: no cover - caught by the test suite at import
        raise RuntimeError(f"text keys defined twice: {sorted(_twice)}")
    CATALOG.update(_family)
