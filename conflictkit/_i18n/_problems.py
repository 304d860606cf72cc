"""The reader's problems (``read_history``, ``validate``) in English and French.

The reader writes its problems in English (the ``problem`` column of
``DisputeDataError.failures``, the ``problems`` column of
``history.rejected``): developers and English users keep those texts and
columns. Each text has a catalog entry here whose English side is its
template; :func:`problem_text` recognises a text by that template (its
fields matched, anchored) and writes the French side with the same fields,
themselves translated: dates as dates, causes and labels by their French
names, quotes as « ». A text without an entry is returned unchanged, and
``tests/test_report.py`` runs the reader on bad input to make sure that
every text it produces has one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from typing import Any

#: Templates of the reader's problems: key -> (english, french).
PROBLEMS: dict = {
    # a problem of one column of a row, as joined in history.rejected
    "problem.in_column": ("column {column}: {problem}", "colonne {column} : {problem}"),
    # ids, clients and dates a row must have
    # the journal logs what has happened
    "problem.after_today": (
        "{date} is after today ({today}): the journal only logs what has happened",
        "le {date} est après aujourd'hui ({today}) : le journal ne consigne que"
        " ce qui s'est passé",
    ),
    # the journal's refusals (DisputeDataError, KeyError, JournalError)
    "problem.already_resolved": (
        "dispute {id} is already resolved (on {resolved_on}, outcome {outcome});"
        " use force=True (--force) to overwrite its resolution",
        "le litige {id} est déjà clos (le {resolved_on}, issue : {outcome}) ;"
        " --force remplace sa résolution",
    ),
    "problem.id_taken": (
        "{id_col} {id} is already in the journal",
        "{id_col} {id} figure déjà dans le journal",
    ),
    "problem.no_such_mission": (
        "mission_id {id}: no mission with this id in the journal",
        "mission_id {id} : aucune mission de cet identifiant dans le journal",
    ),
    "problem.no_dispute": (
        "no dispute {id} in the journal",
        "aucun litige {id} dans le journal",
    ),
    "problem.no_mission": (
        "no mission {id} in the journal",
        "aucune mission {id} dans le journal",
    ),
    "problem.undo_mission_used": (
        "cannot undo {action}: dispute {id} refers to mission {key} now",
        "impossible d'annuler « {action} » : le litige {id} renvoie maintenant"
        " à la mission {key}",
    ),
    "problem.undo_taken": (
        "cannot undo {action}: {id} is taken now",
        "impossible d'annuler « {action} » : l'identifiant {id} est maintenant pris",
    ),
    "problem.dispute_ids_taken": (
        "{n} dispute ids are already in the journal: {ids} (for other disputes)",
        {
            "one": "{n} identifiant de litige figure déjà dans le journal, pour un"
            " autre litige : {ids}",
            "other": "{n} identifiants de litige figurent déjà dans le journal, pour"
            " d'autres litiges : {ids}",
        },
    ),
    "problem.dispute_id_taken": (
        "1 dispute id is already in the journal: {ids} (for another dispute)",
        "1 identifiant de litige figure déjà dans le journal, pour un autre"
        " litige : {ids}",
    ),
    "problem.mission_id_taken": (
        "1 mission id is already in the journal for another mission: {ids}",
        "1 identifiant de mission figure déjà dans le journal, pour une autre"
        " mission : {ids}",
    ),
    "problem.mission_ids_taken": (
        "{n} mission ids are already in the journal for other missions: {ids}",
        {
            "one": "{n} identifiant de mission figure déjà dans le journal, pour une"
            " autre mission : {ids}",
            "other": "{n} identifiants de mission figurent déjà dans le journal,"
            " pour d'autres missions : {ids}",
        },
    ),
    # a date typed on the command line (--opened-at, --resolved-at...)
    "problem.cli_not_date": (
        "{value} is not a date: write 2024-02-25, 25/02/2024, 7 avril 2024, April 7"
        " 2024, today or yesterday (aujourd'hui, hier)",
        "{value} n'est pas une date : écrivez 25/02/2024, 7 avril 2024,"
        " 2024-02-25, aujourd'hui ou hier",
    ),
    "problem.cli_impossible_date": (
        "{value} is not a date ({why})",
        "{value} n'est pas une date (ce jour n'existe pas{why})",
    ),
    # the journal file (JournalError)
    "problem.journal_busy": (
        "The journal {path} is busy: another program is writing to it. Try again"
        " in a moment. (SQLite: {sqlite})",
        "le journal {path} est occupé : un autre programme y écrit. Réessayez dans"
        " un instant. (SQLite : {sqlite})",
    ),
    "problem.journal_read_only": (
        "The journal {path} is read-only (the file or its folder cannot be"
        " written): reading works, changes need write access. (SQLite: {sqlite})",
        "le journal {path} est en lecture seule (le fichier ou son dossier ne peut"
        " pas être modifié) : la lecture fonctionne, les modifications demandent"
        " le droit d'écrire. (SQLite : {sqlite})",
    ),
    "problem.journal_full": (
        "The disk holding the journal {path} is full: nothing was changed; free"
        " some space and try again. (SQLite: {sqlite})",
        "le disque du journal {path} est plein : rien n'a été modifié ; libérez de"
        " la place et réessayez. (SQLite : {sqlite})",
    ),
    "problem.journal_damaged": (
        "The journal {path} is damaged or is not a database: nothing was changed;"
        " restore it from a backup or choose another --journal. (SQLite: {sqlite})",
        "le journal {path} est endommagé ou n'est pas une base de données : rien"
        " n'a été modifié ; restaurez-le depuis une sauvegarde ou choisissez un"
        " autre --journal. (SQLite : {sqlite})",
    ),
    "problem.journal_cannot_open": (
        "The journal {path} cannot be opened (does its folder exist, and can it be"
        " written?). (SQLite: {sqlite})",
        "le journal {path} ne peut pas être ouvert (son dossier existe-t-il, et"
        " peut-on y écrire ?). (SQLite : {sqlite})",
    ),
    "problem.journal_io": (
        "The journal {path} could not be read or written (I/O error). (SQLite:"
        " {sqlite})",
        "le journal {path} n'a pas pu être lu ou écrit (erreur d'entrée-sortie)."
        " (SQLite : {sqlite})",
    ),
    "problem.journal_unusable": (
        "The journal {path} could not be used. (SQLite: {sqlite})",
        "le journal {path} n'a pas pu être utilisé. (SQLite : {sqlite})",
    ),
    "problem.journal_unreadable": (
        "The journal {path} cannot be read: {os_error}",
        "le journal {path} ne peut pas être lu (système : {os_error})",
    ),
    "problem.journal_cannot_create": (
        "The journal {path} cannot be created: {os_error}",
        "le journal {path} ne peut pas être créé (système : {os_error})",
    ),
    "problem.not_a_journal": (
        "{path} is not a conflictkit journal (not an SQLite database): it was left"
        " untouched; choose another --journal",
        "{path} n'est pas un journal conflictkit (ce n'est pas une base SQLite) :"
        " il n'a pas été modifié ; choisissez un autre --journal",
    ),
    "problem.other_application": (
        "{path} is an SQLite database of another application (application_id"
        " {app}, user_version {version}, tables: {tables}): conflictkit left it"
        " untouched; choose another --journal",
        "{path} est une base SQLite d'une autre application (application_id {app},"
        " user_version {version}, tables : {tables}) : conflictkit ne l'a pas"
        " modifiée ; choisissez un autre --journal",
    ),
    "problem.newer_schema": (
        "The journal {path} has schema version {version}, newer than this"
        " conflictkit understands ({schema}); upgrade conflictkit.",
        "le journal {path} a un schéma de version {version}, plus récent que ce"
        " que cette version de conflictkit comprend ({schema}) ; mettez"
        " conflictkit à jour.",
    ),
    "problem.empty_dispute_id": (
        "is empty: every dispute needs an id",
        "vide : chaque litige doit avoir un identifiant",
    ),
    "problem.empty_mission_id": (
        "is empty: every mission needs an id",
        "vide : chaque mission doit avoir un identifiant",
    ),
    "problem.duplicated_id": (
        "duplicated: the same id is in row {row}",
        "en double : le même identifiant figure à la ligne {row}",
    ),
    "problem.duplicated_mission_id": (
        "duplicated mission id",
        "identifiant de mission en double",
    ),
    "problem.empty_client": (
        "is empty: every dispute needs a client",
        "vide : chaque litige doit avoir un client",
    ),
    "problem.empty_mission_client": (
        "is empty: every mission needs a client",
        "vide : chaque mission doit avoir un client",
    ),
    "problem.empty_opened": (
        "is empty: when did the dispute surface?",
        "vide : quand le litige est-il apparu ?",
    ),
    "problem.empty_started": (
        "is empty: when did the mission start?",
        "vide : quand la mission a-t-elle commencé ?",
    ),
    "problem.resolved_before_opened": (
        "{date} is before opened_at {start}",
        "le {date} précède l'ouverture du litige (le {start})",
    ),
    "problem.ended_before_started": (
        "{date} is before started_at {start}",
        "le {date} précède le début de la mission (le {start})",
    ),
    "problem.before_1970": (
        "is before 1970: is it a date? (a number or an amount read as a date, a"
        " mistyped year?)",
        "est antérieure à 1970 : est-ce bien une date ? (un nombre ou un montant"
        " lu comme une date, une année mal tapée ?)",
    ),
    "problem.after_as_of": (
        "is after as_of ({date}): a mistyped year, or pass a later as_of",
        "est postérieure à la date d'arrêt as_of ({date}) : une année mal tapée,"
        " ou passez un as_of plus tardif",
    ),
    # links between disputes and missions
    "problem.unknown_mission": (
        "no mission with this id in the missions table",
        "aucune mission de cet identifiant dans la table des missions",
    ),
    "problem.other_client": (
        "belongs to client {mission_client}, not to this dispute's client {client}",
        "appartient au client {mission_client}, pas au client de ce litige ({client})",
    ),
    "problem.rejected_mission": (
        "refers to a mission rejected in missions row {row}",
        "renvoie à une mission rejetée (ligne {row} de la table des missions)",
    ),
    # values that cannot be read
    "problem.not_yes_no": (
        "{value} is not a yes/no value; expected oui/non, yes/no, x, 1/0",
        "{value} n'est pas une valeur oui/non ; valeurs attendues : oui/non, x, 1/0",
    ),
    "problem.not_number": ("'{text}' is not {what}", "« {text} » n'est pas {what}"),
    "problem.not_finite": ("is not a finite number", "n'est pas un nombre fini"),
    "problem.below_minimum": ("must be ≥ {minimum}", "doit être ≥ {minimum}"),
    "problem.not_whole": ("must be a whole number", "doit être un nombre entier"),
    "problem.too_large": ("is too large", "est trop grand"),
    "problem.not_date": (
        "'{text}' is not a date (expected e.g. 2021-04-07, 07/04/2021 or 7 avril 2021)",
        "« {text} » n'est pas une date (attendu par exemple 07/04/2021,"
        " 7 avril 2021 ou 2021-04-07)",
    ),
    "problem.no_such_day": (
        "'{text}' is not a date (there is no day {day} in month {month} of {year},"
        " which has {days} days)",
        "« {text} » n'est pas une date (pas de jour {day} dans le mois {month} de"
        " {year}, qui en compte {days})",
    ),
    # a date impossible one way (04/30/2024 day-first) is one the other way
    "problem.date_month_first": (
        "'{text}' is not a date read day-first, but reads as {date} month-first:"
        " if the column is month-first, pass --monthfirst (dayfirst=False in"
        " Python)",
        "« {text} » n'est pas une date lue jour/mois, mais se lit {date} en"
        " mois/jour : si la colonne est en mois/jour, passez --monthfirst"
        " (dayfirst=False en Python)",
    ),
    "problem.date_day_first": (
        "'{text}' is not a date read month-first, but reads as {date} day-first:"
        " if the column is day-first, pass --dayfirst (dayfirst=True in Python)",
        "« {text} » n'est pas une date lue mois/jour, mais se lit {date} en"
        " jour/mois : si la colonne est en jour/mois, passez --dayfirst"
        " (dayfirst=True en Python)",
    ),
    "problem.number_not_date": (
        "'{text}' is not a date (a number; expected e.g. 2021-04-07, 07/04/2021"
        " or 7 avril 2021)",
        "« {text} » n'est pas une date (c'est un nombre ; attendu par exemple"
        " 07/04/2021, 7 avril 2021 ou 2021-04-07)",
    ),
    "problem.not_label": (
        "{value} is not {what}; expected one of {expected}{hint}",
        "{value} n'est pas {what} ; valeurs attendues : {expected}{hint}",
    ),
    "problem.label_reads_as_both": (
        "{value} reads as both {names}: which one?",
        "{value} peut se lire {names} : lequel des deux ?",
    ),
    "problem.not_cause": (
        "{value} is not a cause; expected one of {expected}{hint}",
        "{value} n'est pas une cause ; causes attendues : {expected}{hint}",
    ),
    # a second part of the same cell: "expected one of" is said once
    "problem.not_cause_part": (
        "{value} is not a cause{hint}",
        "{value} n'est pas une cause{hint}",
    ),
    "problem.cause_reads_as_both": (
        "{value} reads as both {names}: separate several causes with ';'",
        "{value} peut se lire {names} : séparez plusieurs causes par « ; »",
    ),
    "problem.did_you_mean": (
        " (did you mean {name}?)",
        " (vouliez-vous dire {name} ?)",
    ),
    "problem.did_you_mean_as_in": (
        " (did you mean {name}, as in {near}?)",
        " (vouliez-vous dire {name}, comme dans {near} ?)",
    ),
    # what a value should have been (after "is not")
    "problem.what.an amount": ("an amount", "un montant"),
    "problem.what.a number of days": ("a number of days", "un nombre de jours"),
    "problem.what.a whole number": ("a whole number", "un nombre entier"),
    "problem.what.a severity": ("a severity", "une gravité"),
    "problem.what.an escalation step": (
        "an escalation step",
        "une étape d'escalade",
    ),
    "problem.what.an outcome": ("an outcome", "une issue"),
    "problem.what.a contract type": ("a contract type", "un type de contrat"),
    # the structure of the file and its rows
    "problem.missing_column": (
        "the required column {required} is missing (columns found: {found}); name it"
        " {required} or pass columns={{'your header': {required}}}",
        "la colonne obligatoire {required} manque (colonnes trouvées : {found}) ;"
        " nommez-la {required} ou passez columns={{'votre en-tête': {required}}}",
    ),
    "problem.title_first": (
        "the first line {header} looks like a title, not a header, and the header"
        " is read from the first line here: remove the title line(s) above the"
        " header (read_history looks for the header below a title)",
        "la première ligne {header} ressemble à un titre, pas à un en-tête, et"
        " l'en-tête est lu ici sur la première ligne : supprimez la ou les lignes"
        " de titre au-dessus de l'en-tête (read_history cherche l'en-tête sous un"
        " titre)",
    ),
    "problem.ambiguous_dates": (
        "column {header}: dates such as {value} read both as day/month and"
        " month/day, and no value settles it; pass dayfirst=True (07/04/2021 = 7"
        " April) or dayfirst=False (= July 4)",
        "colonne {header} : des dates comme {value} se lisent jour/mois comme"
        " mois/jour, et aucune valeur ne tranche ; passez dayfirst=True"
        " (07/04/2021 = 7 avril) ou dayfirst=False (= 4 juillet)",
    ),
    "problem.two_columns": (
        "the columns {first} and {second} both mean {target}: rename one, or pass"
        " columns={{...}} to choose",
        "les colonnes {first} et {second} désignent toutes deux {target} :"
        " renommez-en une, ou choisissez avec columns={{...}}",
    ),
    "problem.fields": (
        "{n} fields where the header has {width}",
        "{n} champs alors que l'en-tête en a {width}",
    ),
    "problem.field_one": (
        "1 field where the header has {width}",
        "1 champ alors que l'en-tête en a {width}",
    ),
    "problem.fields_stray": (
        "{n} fields where the header has {expected}: a stray {delimiter} in a"
        " cell? Quote the cell",
        "{n} champs alors que l'en-tête en a {expected} : un {delimiter} égaré"
        " dans une cellule ? Mettez la cellule entre guillemets",
    ),
    "problem.unclosed_quote": (
        "unclosed quote: this row runs into the next {n} lines of the file, which"
        " could not be read as rows. Close the quote (or double a quote inside a"
        ' cell: "")',
        "guillemet non fermé : cette ligne déborde sur les {n} lignes suivantes du"
        " fichier, qui n'ont pas pu être lues comme des lignes. Fermez le"
        ' guillemet (ou doublez un guillemet dans une cellule : "")',
    ),
    "problem.unclosed_quote_end": (
        "unclosed quote: this row runs to the end of the file ({n} more lines),"
        " which could not be read as rows. Close the quote (or double a quote"
        ' inside a cell: "")',
        "guillemet non fermé : cette ligne court jusqu'à la fin du fichier ({n}"
        " lignes de plus), qui n'ont pas pu être lues comme des lignes. Fermez le"
        ' guillemet (ou doublez un guillemet dans une cellule : "")',
    ),
    "problem.beyond_header": (
        "a value in column {letter}, beyond the header (which ends at column"
        " {last}): give the column a header, or clear the cell",
        "une valeur en colonne {letter}, au-delà de l'en-tête (qui s'arrête à la"
        " colonne {last}) : donnez un en-tête à la colonne, ou videz la cellule",
    ),
}

#: The templates that are parts of others, never a problem on their own.
_PARTS = ("problem.did_you_mean", "problem.did_you_mean_as_in", "problem.what.")


def _quoted(text: str, lang: str) -> str:
    """A value the reader quoted (``'x'``, ``"x"``) between « » in French."""
    if lang == "fr" and len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return f"« {text[1:-1]} »"
    return text


def _label(name: str, lang: str) -> str:
    """A canonical value (``payment``, ``high``, ``payment;scope``) in ``lang``."""
    from . import label

    return ";".join(label(part, lang).lower() for part in name.split(";"))


def _labels_of(text: str, lang: str, sep: str) -> str:
    """A list of canonical values, each in ``lang``, joined as the reader did."""
    return sep.join(_quoted_label(v, lang) for v in text.split(sep))


def _quoted_label(text: str, lang: str) -> str:
    quote = text[:1] if text[:1] in "'\"" and text[-1:] == text[:1] else ""
    inner = text[1:-1] if quote else text
    shown = _label(inner, lang)
    return _quoted(quote + shown + quote, lang) if quote else shown


def _date(text: str, lang: str) -> str:
    from . import date

    return date(text, lang) if re.fullmatch(r"\d{4}-\d\d-\d\d", text) else text


def _number(text: str, lang: str) -> str:
    from . import number

    try:
        return number(float(text.replace(",", "")), lang)
    except ValueError:
        return text


def _names(text: str, lang: str) -> str:
    from . import t

    names = [_quoted_label(n, lang) for n in text.split(" and ")]
    if len(names) == 2:
        return t("list_and", lang, a=names[0], b=names[1])
    return ", ".join(names)


class _Unknown(ValueError):
    """A part of a problem (a hint, a problem after its column) has no template."""


def _hint(text: str, lang: str) -> str:
    if not text:
        return ""
    done = _one(text, lang, _part_patterns())
    if done is None:
        raise _Unknown(text)
    return done


def _what(text: str, lang: str) -> str:
    from . import t

    return t(f"problem.what.{text}", lang)


def _problem(text: str, lang: str) -> str:
    done = _one(text, lang, _patterns())
    if done is None:
        raise _Unknown(text)
    return done


#: How each field is written in the target language (absent: as matched).
_FIELDS: dict[str, Callable[[str, str], str]] = {
    "value": _quoted,
    "client": _quoted,
    "mission_client": _quoted,
    "header": _quoted,
    "required": _quoted,
    "target": _quoted,
    "first": _quoted,
    "second": _quoted,
    "near": _quoted,
    "delimiter": _quoted,
    # a header cell left empty is named by its position: "(colonne 2)"
    "found": lambda text, lang: (
        re.sub(r"'\(column (\d+)\)'", "'(colonne \\1)'", text) if lang == "fr" else text
    ),
    "name": _quoted_label,
    "names": _names,
    "expected": lambda text, lang: _labels_of(text, lang, ", "),
    "date": _date,
    "start": _date,
    "today": _date,
    "row": _number,
    "minimum": _number,
    "what": _what,
    "hint": _hint,
    "problem": _problem,
    "id": _quoted,
    "key": _quoted,
    "path": _quoted,
    "ids": lambda text, lang: (
        re.sub(r"'([^']*)'", "« \\1 »", text) if lang == "fr" else text
    ),
    "outcome": _label,
    # Python's reason (day is out of range for month): the French says it
    "why": lambda text, lang: "" if lang == "fr" else text,
    "id_col": lambda text, lang: (
        {
            "dispute_id": "l'identifiant de litige",
            "mission_id": "l'identifiant de mission",
        }.get(text, text)
        if lang == "fr"
        else text
    ),
    "action": lambda text, lang: _action(text, lang),
    "resolved_on": lambda text, lang: _date(text, lang) if text != "None" else "?",
    "tables": lambda text, lang: "aucune" if lang == "fr" and text == "none" else text,
}


def _action(name: str, lang: str) -> str:
    """An action of the journal's audit table (``add``, ``resolve``) in ``lang``."""
    from . import has, t

    return t(f"cli.action.{name}", lang) if has(f"cli.action.{name}") else name


_REPR = r"""(?:'.*?'|".*?")"""
_WHATS = "|".join(
    re.escape(k.removeprefix("problem.what.")) for k in PROBLEMS if k.startswith(
        "problem.what.")
)  # fmt: skip

#: What each field may match (absent: any text). Fields the reader writes
#: with repr() are quoted; dates are ISO; counts are digits.
_BODIES: dict[str, str] = {
    "column": r"[A-Za-z_][\w ]*?",
    "value": _REPR,
    "client": _REPR,
    "mission_client": _REPR,
    "header": _REPR,
    "required": _REPR,
    "target": _REPR,
    "first": _REPR,
    "second": _REPR,
    "near": _REPR,
    "name": _REPR,
    "delimiter": _REPR,
    "date": r"\d{4}-\d\d-\d\d",
    "start": r"\d{4}-\d\d-\d\d",
    "today": r"\d{4}-\d\d-\d\d",
    "row": r"[\d,]+",
    "n": r"\d+",
    "width": r"\d+",
    "expected": r"[\w, ]+?",
    "minimum": r"-?[\d.e+-]+",
    "what": f"(?:{_WHATS})",
    "hint": r"(?: \(did you mean .*\?\))?",
    "names": r".+?",
    "id": _REPR,
    "key": _REPR,
    "path": _REPR,
    "id_col": r"dispute_id|mission_id",
    "resolved_on": r"\d{4}-\d\d-\d\d|None",
    "action": r"\w+",
    "ids": r"'.*'(?: \.\.\.)?",
    "app": r"0x[0-9a-f]+",
    "why": r"(?:day|month|year) [^()]*",
    "version": r"\d+",
    "schema": r"\d+",
}


def _pattern(template: str) -> re.Pattern[str]:
    """The regular expression of an English template: fields match any text."""
    out = []
    seen: set[str] = set()
    for literal, field, _, _ in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is None:
            continue
        if field in seen:
            out.append(f"(?P={field})")
        else:
            seen.add(field)
            out.append(f"(?P<{field}>{_BODIES.get(field, '.+?')})")
    return re.compile("".join(out), re.S)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    # longest templates first: "is not a date (a number; ...)" before a
    # shorter one that would match it with a longer field
    keys = sorted(PROBLEMS, key=lambda k: -len(PROBLEMS[k][0]))
    return [(k, _pattern(PROBLEMS[k][0])) for k in keys if not k.startswith(_PARTS)]


@lru_cache(maxsize=1)
def _part_patterns() -> list[tuple[str, re.Pattern[str]]]:
    keys = ("problem.did_you_mean_as_in", "problem.did_you_mean")
    return [(k, _pattern(PROBLEMS[k][0])) for k in keys]


def _render(
    key: str, found: re.Match[str], lang: str, headers: Mapping[str, str]
) -> str:
    from . import t

    fields = {
        name: _FIELDS.get(name, lambda text, lang: text)(value, lang)
        for name, value in found.groupdict().items()
    }
    if key == "problem.in_column" and found["column"] in headers:
        fields["column"] = _quoted(repr(headers[found["column"]]), lang)
    if key == "problem.did_you_mean_as_in" and fields["name"] == fields["near"]:
        # French 'paiement' is the near spelling itself: say it once
        key = "problem.did_you_mean"
    # a count in the template: the French side agrees with it
    count = int(found["n"]) if "n" in fields and found["n"].isdigit() else None
    return t(key, lang, count=count, **fields)


def _one(
    text: str,
    lang: str,
    patterns: list[tuple[str, re.Pattern[str]]],
    headers: Mapping[str, str] | None = None,
) -> str | None:
    for key, pattern in patterns:
        found = pattern.fullmatch(text)
        if found is not None:
            try:
                return _render(key, found, lang, headers or {})
            except _Unknown:
                continue
    return None


def problem_text(
    text: Any, lang: str, *, headers: Mapping[str, str] | None = None
) -> Any:
    """A problem of the reader in ``lang``; unchanged in English or when unknown.

    Several problems joined with ``"; "`` (as in ``history.rejected``) are
    each translated. ``headers`` maps the canonical column names the reader
    writes (``opened_at``) to the user's headers (``Début``), which then
    name the columns.

    Examples
    --------
    >>> problem_text("'31/02/2022' is not a date (expected e.g. 2021-04-07,"
    ...              " 07/04/2021 or 7 avril 2021)", "fr")[:40]
    "« 31/02/2022 » n'est pas une date (atten"
    >>> problem_text("column resolved_at: 2021-03-01 is before opened_at"
    ...              " 2021-03-05", "fr")
    "colonne resolved_at : le 01/03/2021 précède l'ouverture du litige (le 05/03/2021)"
    """
    if lang != "fr" or not isinstance(text, str) or not text:
        return text
    joined = _joined(text, lang, _patterns(), headers or {})
    return text if joined is None else joined


def _joined(
    text: str,
    lang: str,
    patterns: list[tuple[str, re.Pattern[str]]],
    headers: Mapping[str, str],
) -> str | None:
    """Problems joined with ``"; "``: the split whose every part is known.

    A template may hold ``"; "`` itself, so the parts are found by trying
    the ways of grouping the pieces, shortest parts first: a field that
    matches any text must not swallow the next problem (a row has a handful
    of problems, so the groupings are few).
    """
    pieces = text.split("; ")

    @cache
    def from_(i: int) -> tuple[str, ...] | None:
        if i == len(pieces):
            return ()
        for j in range(i + 1, len(pieces) + 1):
            done = _one("; ".join(pieces[i:j]), lang, patterns, headers)
            if done is not None:
                rest = from_(j)
                if rest is not None:
                    return (done, *rest)
        return None

    found = from_(0)
    return None if found is None else " ; ".join(found)


def is_known(text: str) -> bool:
    """Whether ``text`` (one problem, or several joined) has a French version."""
    return problem_text(text, "fr") != text or not text


#: Where a :class:`~conflictkit.DisputeDataError` found its problems, when
#: it is not a file: the journal's names for what it checks.
_SOURCES = {
    "new dispute": "nouveau litige",
    "new mission": "nouvelle mission",
    "journal": "journal",
}


def error_text(failures: Any, source: str | None, lang: str) -> str | None:
    """A ``DisputeDataError``'s message in ``lang``; None in English.

    The same lines as the error's own message (its count, then a line per
    problem naming the row and the column), in French.

    Examples
    --------
    >>> import pandas as pd
    >>> failures = pd.DataFrame([{"table": "disputes", "row": None,
    ...     "dispute_id": None, "column": "opened_at", "value": "",
    ...     "problem": "is empty: when did the dispute surface?"}])
    >>> print(error_text(failures, "new dispute", "fr"))
    1 problème dans « nouveau litige »
      colonne « opened_at » : vide : quand le litige est-il apparu ?
    """

    from ..errors import format_failure
    from . import number, t

    if lang != "fr":
        return None
    n = len(failures)
    where = f" dans « {_SOURCES.get(source, source)} »" if source else ""
    lines = [t("n_problems", lang, count=n) + where]
    for rec in failures.head(20).to_dict("records"):
        rec["problem"] = problem_text(str(rec["problem"]), lang)
        line = format_failure(
            rec, row="ligne", column="colonne", quote=lambda v: f"« {v} »",
            id_sep=" ", colon=" : ", number=lambda n: number(n, lang),
        )  # fmt: skip
        lines.append("  " + line)
    if n > 20:
        lines.append(
            f"  … et {n - 20} de plus : voir le tableau `.failures` de l'erreur."
        )
    return "\n".join(lines)
