"""HTML pieces of the report: CSS, tables with readable numbers, figures.

Private to :mod:`conflictkit.report`. Every number goes through
:mod:`conflictkit._i18n`, so the report has one way of writing them.
"""

from __future__ import annotations

import base64
import html
import io
from typing import Any

import numpy as np
import pandas as pd

from .. import _i18n as i18n

#: Rows shown before the rest of a long table folds into a <details> block.
SHOWN_ROWS = 12

#: Resolution of the embedded figures: twice the CSS pixel density.
DPI = 2 * 96

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 62rem; margin: 2rem auto; padding: 0 1rem; color: #222;
  line-height: 1.5; font-size: 16px; }
h1 { margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.4rem; }
.meta { color: #555; margin-top: 0; }
nav ol { columns: 2; }
.glance { background: #f5f8fc; border-left: 4px solid #0072B2; padding: .8rem 1.2rem;
  margin: 1rem 0; }
.glance li { margin: .35rem 0; }
.glance li.few { color: #555; }
.cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem;
  min-width: 8rem; }
.card .n { font-size: 1.5rem; font-weight: 600; display: block; white-space: nowrap; }
figure { margin: 1rem 0 .3rem 0; }
figure img { max-width: 100%; height: auto; }
.read { color: #444; font-size: .92rem; margin: .2rem 0 1.2rem 0; font-style: italic; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .88rem; margin: .6rem 0; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f4f4f4; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.text { min-width: 14rem; }
details { margin: .3rem 0 1rem 0; }
details summary { cursor: pointer; color: #0b5394; }
.note { color: #555; font-size: .92rem; }
.missing { color: #555; background: #fafafa; border: 1px dashed #ccc;
  padding: .5rem .8rem; }
dl.glossary dt { font-weight: 600; margin-top: .6rem; }
dl.glossary dd { margin-left: 1.2rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  nav { display: none; }
  details > *:not(summary) { display: block; }
  h2 { break-before: auto; break-after: avoid; }
  figure, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""

_PERCENT = {
    "share",
    "cumulative_share",
    "share_agreement",
    "share_amicable",
    "share_compromise",
    "share_conceded",
    "share_prevailed",
    "share_abandoned",
    "reached_proposal",
    "reached_mediation",
    "reached_court",
    "retention",
    "recovery_rate",
    "agreement_with",
    "agreement_without",
    "retention_with",
    "retention_without",
}
_MONEY = {"amount_at_stake", "amount_recovered"}
_LABELLED = {"cause", "primary_cause", "top_cause", "outcome", "group", "practice"}
_TEXT_COLUMNS = {"action", "evidence", "risk_reason", "problem", "problems", "value"}


#: Decimals of the columns read side by side (ratios have two, see _cell):
#: "1.03" above "0.99", not "0.993" above "1.1".
_DIGITS = {
    "rate_before": 2,
    "rate_after": 2,
    "rate_per_100_days": 2,
    "shrunk_rate_per_100_days": 2,
    "expected": 1,
}


def esc(text: Any) -> str:
    return html.escape(str(text))


def p(text: str, cls: str | None = None) -> str:
    """A paragraph of already-escaped text."""
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{text}</p>"


def _is_p(col: str) -> bool:
    return col in ("p_value", "q_value") or col.endswith(("_p", "_q"))


def _cell(col: str, value: Any, lang: str, currency: str) -> str:
    if "median" in col and _infinite(value):  # more than half still open
        return i18n.t("value.not_reached", lang)
    if col in _PERCENT:
        return i18n.percent(value, lang)
    if col in _MONEY:
        return i18n.money(value, lang, currency)
    if _is_p(col):
        text = i18n.p_value(value, lang)
        return text[4:] if text.startswith("p = ") else text[2:]  # "0.03", "< 0.001"
    digits = _DIGITS.get(col)
    if digits is None and "ratio" in col:
        digits = 2
    return i18n.number(value, lang, digits=digits)


def _infinite(x: Any) -> bool:
    """True for +inf only (NA, NaN, text: False)."""
    return isinstance(x, float | np.floating) and bool(np.isposinf(x))


def _range(low: Any, high: Any, lang: str, digits: int | None) -> str:
    """An interval; a side the data do not bound is left out (``≤ 5.21``).

    An infinite bound is a median time not reached (more than half still
    open): ``≥ 14``, or "not reached" when the lower bound is not either.
    """
    if _infinite(low):
        return i18n.t("value.not_reached", lang)
    if _infinite(high):
        high = np.nan
    if pd.isna(low) and pd.isna(high):
        return i18n.MISSING
    if pd.isna(low):
        return f"≤ {i18n.number(high, lang, digits=digits)}"
    if pd.isna(high):
        return f"≥ {i18n.number(low, lang, digits=digits)}"
    return (
        f"{i18n.number(low, lang, digits=digits)} – "
        f"{i18n.number(high, lang, digits=digits)}"
    )


def display(frame: pd.DataFrame, lang: str, currency: str = "€") -> pd.DataFrame:
    """A copy of ``frame`` as text: labels translated, numbers readable.

    Confidence bounds ``ci_low``/``ci_high`` become one "likely range"
    column; headers are translated.
    """
    out = pd.DataFrame(index=frame.index)
    for col in frame.columns:
        s = frame[col]
        if col in ("ci_low", "ci_high"):
            if col == "ci_high":
                continue
            high = frame["ci_high"] if "ci_high" in frame.columns else s
            digits = 2 if "ratio" in " ".join(frame.columns) else None
            pairs = zip(s, high, strict=True)
            out["range"] = [_range(a, b, lang, digits) for a, b in pairs]
            continue
        if col == "client":  # "all": advice for every client
            out[col] = [
                "" if pd.isna(v)
                else i18n.t("value.all", lang) if str(v) == "all"
                else str(v)
                for v in s
            ]  # fmt: skip
        elif col == "recurring_causes":
            out[col] = [
                ", ".join(i18n.label(c, lang).lower() for c in str(v).split(";") if c)
                if not pd.isna(v)
                else ""
                for v in s
            ]
        elif col == "risk":
            out[col] = [i18n.t(f"risk.{v}", lang) if not pd.isna(v) else "" for v in s]
        elif col == "basis":
            out[col] = [i18n.t(f"basis.{v}", lang) if not pd.isna(v) else "" for v in s]
        elif col in ("direction", "verdict"):
            out[col] = [i18n.label(v, lang) if not pd.isna(v) else "" for v in s]
        elif col in _LABELLED and not pd.api.types.is_numeric_dtype(s):
            # "all" in a cause column is every cause; in a client column, every client
            out[col] = [
                "" if pd.isna(v)
                else i18n.t("value.all_causes", lang) if str(v) == "all"
                else i18n.label(v, lang)
                for v in s
            ]  # fmt: skip
        elif pd.api.types.is_bool_dtype(s) or str(s.dtype) == "boolean":
            out[col] = [
                "" if pd.isna(v) else i18n.t(f"value.{bool(v)}", lang) for v in s
            ]
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[col] = [i18n.date(v, lang) for v in s]
        elif pd.api.types.is_numeric_dtype(s):
            out[col] = [_cell(col, v, lang, currency) for v in s]
        else:
            out[col] = s.astype("string").fillna("")
    names = {c: i18n.t(f"header.{c}", lang) for c in out.columns
             if i18n.has(f"header.{c}")}  # fmt: skip
    return out.rename(columns=names)


def _html_table(frame: pd.DataFrame, original: pd.DataFrame) -> str:
    """An escaped table; numeric columns aligned right."""
    numeric = [
        pd.api.types.is_numeric_dtype(original[c]) and c not in _LABELLED
        for c in original.columns
        if c != "ci_high"
    ]
    text_cols = [c in _TEXT_COLUMNS for c in original.columns if c != "ci_high"]
    head = "".join(
        f"<th{' class=num' if num else ''}>{esc(c)}</th>"
        for c, num in zip(frame.columns, numeric, strict=True)
    )
    rows = []
    classes = [
        " class=num" if num else (" class=text" if txt else "")
        for num, txt in zip(numeric, text_cols, strict=True)
    ]
    for values in frame.itertuples(index=False):
        cells = "".join(
            f"<td{cls}>{esc(v)}</td>" for v, cls in zip(values, classes, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def table(
    frame: pd.DataFrame, lang: str, *, currency: str = "€", shown: int = SHOWN_ROWS
) -> str:
    """A table; past ``shown`` rows, the rest in a collapsible block (none cut)."""
    frame = frame.reset_index(drop=True)
    text = display(frame, lang, currency)
    if len(frame) <= shown + 3:
        return _html_table(text, frame)
    top = _html_table(text.iloc[:shown], frame)
    rest = _html_table(text.iloc[shown:], frame)
    summary = esc(i18n.t("report.details", lang, count=len(frame) - shown))
    return f"{top}<details><summary>{summary}</summary>{rest}</details>"


def folded(title: str, body: str) -> str:
    """A collapsible block with an already-escaped title."""
    return f"<details><summary>{title}</summary>{body}</details>"


def figure(fig: Any, alt: str) -> str:
    """Embed a matplotlib figure as a PNG at twice the displayed resolution."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI)
    width = int(round(fig.get_figwidth() * 96))
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (
        f'<figure><img alt="{esc(alt)}" width="{width}" '
        f'src="data:image/png;base64,{data}"></figure>'
    )


#: The "with / without" pairs of handling_effects, each with its test.
_PAIRS = [
    ("n", "n_with", "n_without", None, "number"),
    ("median_days", "median_days_with", "median_days_without", "logrank_p", "number"),
    (
        "share_agreement",
        "agreement_with",
        "agreement_without",
        "agreement_p",
        "percent",
    ),
    ("retention", "retention_with", "retention_without", "retention_p", "percent"),
]


def _paired(kind: str, value: Any, lang: str) -> str:
    """One side of a "with / without" cell; a median not reached says so."""
    if kind == "number" and _infinite(value):
        return i18n.t("value.not_reached", lang)
    return i18n.number(value, lang) if kind == "number" else i18n.percent(value, lang)


def paired_table(frame: pd.DataFrame, lang: str) -> str:
    """handling_effects as "with / without" cells, each followed by its p."""
    out = pd.DataFrame({"practice": frame["practice"]})
    headers = {}
    for name, with_col, without_col, p_col, kind in _PAIRS:
        if with_col not in frame.columns:
            continue
        key = f"{name}_pair"
        headers[key] = (
            i18n.t(f"header.{name}", lang) + " " + i18n.t("header.with_without", lang)
        )
        out[key] = [
            f"{_paired(kind, a, lang)} / {_paired(kind, b, lang)}"
            for a, b in zip(frame[with_col], frame[without_col], strict=True)
        ]
        if p_col is not None:
            # q-values (the family of tests accounted for) when the table has them
            q_col = p_col[:-2] + "_q"
            shown_col = q_col if q_col in frame.columns else p_col
            if shown_col in frame.columns:
                out[shown_col] = frame[shown_col].to_numpy()
    if "detectable_ratio" in frame.columns:  # what the days test could see
        out["detectable_ratio"] = frame["detectable_ratio"].to_numpy()
    shown = display(out, lang).rename(columns=headers)
    return _html_table(shown, out)
