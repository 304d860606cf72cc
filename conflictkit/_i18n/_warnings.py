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
        "{n_disputes} ouverts pendant des périodes sans aucun jour de"
        " mission et sont exclus de la tendance (un taux a besoin de jours"
        " travaillés).",
    ),
    (
        re.compile(
            r"(?P<n>\d+) clients \((?P<names>.*)\) have (?P<k>\d+) labelled disputes"
            r" but no mission-days"
        ),
        "{n_clients} ({names}) ont {k_disputes} avec une cause mais aucun jour de"
        " mission : leurs causes ne peuvent pas être testées. Ajoutez leurs"
        " missions pour les comparer aux autres.",
    ),
    (
        re.compile(
            r"(?P<n>\d+) disputes? belongs? to (?P<k>\d+) clients? without any"
            r" mission-days"
        ),
        "{k_clients} sans aucun jour de mission ({n_disputes}) : taux non calculable.",
    ),
    # issue 11: disputes without exposure are left out of rates and trends
    (
        re.compile(
            r"(?P<n>\d+) of (?P<total>\d+) disputes are left out of the rates:"
            r" their client had no mission-days in the period they were opened"
            r" in \((?P<k>\d+) clients?: (?P<names>.*)\)\."
        ),
        "{n_disputes} sur {total} exclus des taux : leur client n'avait aucun"
        " jour de mission dans la période de leur ouverture ({k_clients} :"
        " {names}). Un taux a besoin de ses jours travaillés ; ajoutez ces"
        " missions pour les compter.",
    ),
    (
        re.compile(
            r"(?P<n>\d+) of (?P<total>\d+) disputes are left out of the overall"
            r" rate: their (?P<k>\d+) clients? \((?P<names>.*)\) have no"
            r" mission-days"
        ),
        "{n_disputes} sur {total} exclus du taux global : leurs {k_clients}"
        " ({names}) n'ont aucun jour de mission. Ajoutez leurs missions pour"
        " les compter.",
    ),
    (
        re.compile(r"(?P<n>\d+) of (?P<total>\d+) disputes have no known mission_id"),
        "{n_disputes} sur {total} sans mission connue, exclus des taux.",
    ),
    (
        re.compile(r"(?P<n>\d+) of (?P<total>\d+) disputes left out of prevention"),
        "{n_disputes} sur {total} exclus des effets de la prévention (sans"
        " mission connue, ou mission absente de la table des missions).",
    ),
]

_FRENCH.append(
    (
        re.compile(
            r"(?P<n>\d+) rows? rejected \((?P<d>\d+) of (?P<dt>\d+) dispute rows?"
            r"(?:, (?P<m>\d+) of (?P<mt>\d+) mission rows?)?\)"
        ),
        "{n_rejected} ({d_disputes} sur {dt}{of_missions}) ;"
        " conflictkit validate les liste avec leurs problèmes.",
    )
)

_FRENCH.append(
    (
        re.compile(
            r"^skipped (?:(?P<b>[\d,]+) blank rows? \(rows? (?P<brows>[^)]*)\))?"
            r"(?: and )?(?:(?P<t>\d+) total rows? \(rows? (?P<trows>[^)]*)\))?"
            r"(?P<missions> of the missions table)?: (?:they hold|it holds) no record"
        ),
        "{skipped}",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^the header is on row (?P<header_row>\d+): the title above it was"
            r" skipped \((?P<title_lines>.*)\)$"
        ),
        "l'en-tête est à la ligne {header_row} : le titre au-dessus a été ignoré"
        " ({title_lines})",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^(?P<n>\d+) columns? (?:is|are) not used(?P<missions> of the missions"
            r" table)?: (?P<names>.*)\. (?:It is|They are) kept as read"
        ),
        "{n_columns} non utilisée{s}{where} : {names}. Conservée{s} telle{s} que"
        " lue{s} ; pour en utiliser une, associez-la à un nom connu (columns= ou"
        " --columns).",
    )
)

_FRENCH.append(
    (
        re.compile(
            r"^(?P<n>\d+) columns? belongs? to the missions table, not to the"
            r" disputes: (?P<names>.*); a practice is recorded once per mission"
        ),
        "{n_columns} relève{nt} de la table des missions, pas des litiges :"
        " {names} ; une pratique s'enregistre une fois par mission : mettez-{la}"
        " dans le fichier des missions (missions= ou --missions).",
    )
)

_FRENCH.append(
    (
        re.compile(
            r"^(?P<n>\d+) clients? (?:is|are) written in more than one way and"
            r" counted apart: (?P<names>.*)\. If two spellings are one client"
        ),
        "{n_clients} écrit{s} de plusieurs façons et compté{s} à part :"
        " {names}. Si deux orthographes désignent le même client, écrivez-le"
        " partout de la même façon.",
    )
)

# the causes column holds the source's own labels (CFPB issues): cause_map
_FRENCH.append(
    (
        re.compile(
            r"^(?P<n>\d+) rows hold (?P<nl>\d+) labels? that (?:are|is) not"
            r" (?:causes|a cause), such as (?P<shown>.*): if they are the"
            r" categories of your source, map each onto a cause \(or None for no"
            r" cause\) with cause_map=(?P<map>\{.*\}); a cause map file holds one"
            r" label,cause per line, e\.g\. (?P<line>.*)$"
        ),
        "{n_rows} portent {labels} : si ce sont les catégories de votre source,"
        " associez chacun à une cause (ou à None pour aucune cause) avec"
        " cause_map={map} ; un fichier de correspondance des causes contient un"
        " libellé,cause par ligne, par exemple {line}",
    )
)

# the journal's import
_FRENCH.append(
    (
        re.compile(
            r"^(?:(?P<dup_d>\d+) disputes)?(?: and )?(?:(?P<dup_m>\d+) missions)?"
            r" of (?P<file>.+) were already in the journal and were not imported"
            r" again \(allow_duplicates=True adds them\)$"
        ),
        "{already}",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^(?P<n_extra>\d+) disputes imported without their columns"
            r" (?P<extra>.*): the journal keeps only the canonical columns$"
        ),
        "{without}",
    )
)

# the cause suggestions (suggest_causes, `conflictkit suggest`)
_FRENCH.append(
    (
        re.compile(
            r"^None of your disputes is labelled and has notes: too few"
            r" \(fewer than (?P<minimum>\d+)\)"
        ),
        "Aucun litige n'a à la fois une cause et des notes : trop peu (moins de"
        " {minimum}) pour apprendre de votre journal ou mesurer la justesse des"
        " suggestions. Elles reposent sur le seul modèle fourni.",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^Only (?P<n>\d+) of your disputes (?:are|is) labelled and (?:have|has)"
            r" notes: too few \(fewer than (?P<minimum>\d+)\)"
        ),
        "Litiges avec une cause et des notes : {n} seulement, trop peu (moins de"
        " {minimum}) pour apprendre de votre journal ou mesurer la justesse des"
        " suggestions. Elles reposent sur le seul modèle fourni.",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^On your (?P<n>\d+) labelled disputes the suggestions reach a micro-F1"
            r" of (?P<f1>\d+\.\d+)"
        ),
        "Sur vos {n_disputes} avec une cause, les suggestions atteignent un"
        " micro-F1 de {f1} (en validation croisée là où elles en ont appris) :"
        " prenez-les comme des pistes, pas comme des réponses.",
    )
)
_FRENCH.append(
    (
        re.compile(
            r"^(?P<n>\d+) (?P<unlabelled>unlabelled )?disputes? without notes"
            r" could not be scored"
        ),
        "Aucune suggestion possible sans notes : {n_disputes}{without_cause} hors"
        " du résultat.",
    )
)

_UNKNOWN = (
    "une remarque de l'analyse n'a pas de traduction ; elle figure dans la"
    " version anglaise du rapport."
)


def _with_words(groups: dict[str, str], lang: str) -> dict[str, str]:
    """Each count also as words that agree with it: ``n_disputes`` = "1 litige"."""
    from . import t

    out = dict(groups)
    for name, value in groups.items():
        if value is not None and value.isdigit():
            count = int(value)
            for noun in ("disputes", "clients", "missions", "rows"):
                out[f"{name}_{noun}"] = t(f"n_{noun}", lang, count=count)
            out[f"{name}_rejected"] = t("n_rejected_rows", lang, count=count)
    return out


def _read_words(groups: dict[str, str | None], lang: str) -> dict[str, str]:
    """The words of the reader's notes: rows skipped, columns not used."""
    from . import plural, t

    out: dict[str, str] = {}
    where = " de la table des missions" if groups.get("missions") else ""
    out["where"] = where
    if groups.get("m") is not None:
        m = t("n_missions", lang, count=int(groups["m"] or 0))
        out["of_missions"] = f", {m} sur {groups['mt']}"
    else:
        out["of_missions"] = ""
    if "names" in groups and groups.get("n"):
        n = int(groups["n"] or 0)
        out["n_columns"] = t("n_columns", lang, count=n)
        out["s"] = "" if plural(n, lang) == "one" else "s"
        out["nt"] = "" if plural(n, lang) == "one" else "nt"
        out["la"] = "la" if plural(n, lang) == "one" else "les"
        out["names"] = re.sub(r"'([^']*)'", "« \\1 »", groups["names"] or "")
        out["names"] = (
            out["names"]
            .replace(" or ", " ou ")
            .replace("?)", " ?)")
            .replace("» and «", "» et «")
            .replace("»; «", "» ; «")
        )
        out["n_clients"] = t("n_clients", lang, count=n)
    if "brows" in groups:
        parts, total = [], 0
        for count, rows, key in (("b", "brows", "n_blank_rows"),
                                 ("t", "trows", "n_total_rows")):  # fmt: skip
            if groups.get(count):
                n = int(str(groups[count]).replace(",", ""))
                total += n
                where_rows = t("rows_at", lang, count=n, rows=groups[rows])
                parts.append(f"{t(key, lang, count=n)} ({where_rows})")
        out["skipped"] = t("skipped_rows", lang, count=total,
                           what=" et ".join(parts), where=where)  # fmt: skip
    if groups.get("shown") is not None:
        n = int(groups.get("nl") or 0)
        one = plural(n, lang) == "one"
        shown = [
            f"« {label} » ({t('n_rows', lang, count=int(k))})"
            for _, label, k in re.findall(
                r"(['\"])(.*?)\1 \((\d+) rows?\)", groups["shown"] or ""
            )
        ]
        out["labels"] = (
            "1 libellé qui n'est pas une cause"
            if one
            else f"{n} libellés qui ne sont pas des causes"
        ) + f", par exemple {' et '.join(shown)}"
    if groups.get("title_lines"):
        out["title_lines"] = re.sub(
            r"(?:^|(?<=; ))row (\d+): (['\"])(.*?)\2(?=; row \d+: |$)",
            "ligne \\1 : « \\3 »",
            groups["title_lines"] or "",
        ).replace("»; ligne", "» ; ligne")
    out.update(_journal_words(groups, lang))
    return out


def _journal_words(groups: dict[str, str | None], lang: str) -> dict[str, str]:
    """The journal's import notes: rows already there, columns not kept."""
    from . import plural, t

    out: dict[str, str] = {}
    if groups.get("file"):
        d, m = int(groups.get("dup_d") or 0), int(groups.get("dup_m") or 0)
        what = [t("n_disputes", lang, count=d)] if d else []
        what += [t("n_missions", lang, count=m)] if m else []
        one = plural(d + m, lang) == "one" and len(what) == 1
        # past participles agree: feminine only when all are missions
        e = "e" if not d else ""
        s = "" if one else "s"
        out["already"] = (
            f"{' et '.join(what)} de {groups['file']} "
            + ("était" if one else "étaient")
            + " déjà dans le journal et "
            + (f"n'a pas été importé{e}" if one else f"n'ont pas été importé{e}{s}")
            + " à nouveau (--allow-duplicates "
            + ("l'ajoute)" if one else "les ajoute)")
        )
    if groups.get("n_extra"):
        n = int(groups["n_extra"] or 0)
        one = plural(n, lang) == "one"
        names = re.sub(r"'([^']*)'", "« \\1 »", groups.get("extra") or "")
        out["without"] = (
            t("n_disputes", lang, count=n)
            + (" importé sans ses" if one else " importés sans leurs")
            + f" colonnes {names} : le journal ne garde que les colonnes canoniques"
        )
    return out


def warning_text(message: str, lang: str, *, keep_unknown: bool = False) -> str:
    """A warning's message in ``lang`` (English messages pass through).

    A French message without a translation is replaced by a line saying so,
    or kept in English with ``keep_unknown=True`` (the command line, where
    the English text is better than nothing).

    Examples
    --------
    >>> warning_text("3 disputes were opened in periods without any "
    ...              "mission-days and are left out", "fr")[:40]
    '3 litiges ouverts pendant des périodes s'
    """
    if lang != "fr":
        return message
    for pattern, french in _FRENCH:
        found = pattern.search(message)
        if found:
            groups = _with_words(found.groupdict(), lang)
            groups.update(_read_words(found.groupdict(), lang))
            if groups.get("f1"):  # a decimal comma
                groups["f1"] = str(groups["f1"]).replace(".", ",")
            groups["without_cause"] = " sans cause" if groups.get("unlabelled") else ""
            return french.format(**groups)
    return message if keep_unknown else _UNKNOWN
