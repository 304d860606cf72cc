"""Merging two histories: a dispute log and the disputes read from invoices.

:func:`combine` (``History.combine``) matches client spellings (case,
accents, punctuation, legal forms such as SAS, SARL, Inc, Ltd), keeps a
payment dispute once when both sources hold it (same client, overlapping
dates), counts exposure once where both have missions for the same client and
time, and reports each of these decisions in ``history.merged``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from ..model import STRING_DTYPE, History
from .invoice_vocabulary import LEGAL_FORMS
from .vocabulary import normalize

__all__ = ["client_key", "combine"]

#: Columns of ``history.merged``.
MERGED_COLUMNS = ["kind", "kept", "dropped", "client", "detail"]


def client_key(names: pd.Series) -> pd.Series:
    """The matching key of client names: normalised, legal forms removed.

    Examples
    --------
    >>> names = pd.Series(["ACME Corp.", "Acmé SAS", "acme", "Orbis S.A.R.L."])
    >>> client_key(names).tolist()
    ['acme', 'acme', 'acme', 'orbis']
    """
    codes, uniques = pd.factorize(names.astype(object), use_na_sentinel=True)
    keys = np.asarray([_key(u) for u in uniques], dtype=object)
    out = (
        np.take(keys, np.where(codes < 0, 0, codes))
        if len(keys)
        else np.array([], dtype=object)
    )
    series = pd.Series(out, index=names.index, dtype=object)
    return series.where(codes >= 0, None)


def _key(name: Any) -> str:
    words = normalize(str(name)).split()
    # "S.A.R.L." normalises to "s a r l": glue runs of single letters first
    glued: list[str] = []
    run = ""
    for w in words:
        if len(w) == 1 and w.isalpha():
            run += w
            continue
        if run:
            glued.append(run)
            run = ""
        glued.append(w)
    if run:
        glued.append(run)
    while len(glued) > 1 and glued[-1] in LEGAL_FORMS:
        glued.pop()
    while len(glued) > 1 and glued[0] in LEGAL_FORMS:
        glued.pop(0)
    return " ".join(glued)


def _overlap(
    q_key: np.ndarray,
    q_start: np.ndarray,
    q_end: np.ndarray,
    r_key: np.ndarray,
    r_start: np.ndarray,
    r_end: np.ndarray,
) -> np.ndarray:
    """For each query interval, the position in ``r`` of an overlapping interval
    with the same key (the one reaching furthest), or -1. Vectorised: sort
    ``r`` by (key, start), keep the running maximum of ends within each key;
    the last ``r`` starting before the query ends overlaps it iff that
    running maximum reaches the query's start."""
    n_q = len(q_key)
    if n_q == 0 or len(r_key) == 0:
        return np.full(n_q, -1, dtype=np.int64)
    order = np.lexsort((r_start, r_key))
    rk, rs, re_ = r_key[order], r_start[order], r_end[order]
    run_max = pd.Series(re_).groupby(rk).cummax().to_numpy()
    idx = np.arange(len(rk), dtype=float)
    at_max = np.where(re_ >= run_max, idx, np.nan)
    arg = pd.Series(at_max).groupby(rk).ffill().to_numpy()
    # composite sort key: key code first, then start day
    span = int(max(rs.max(), q_end.max()) - min(rs.min(), q_start.min())) + 2
    base = int(min(rs.min(), q_start.min()))
    comp_r = rk.astype(np.int64) * span + (rs - base)
    comp_q = q_key.astype(np.int64) * span + (q_end - base)
    pos = np.searchsorted(comp_r, comp_q, side="right") - 1
    ok = pos >= 0
    pos_c = np.where(ok, pos, 0)
    ok &= rk[pos_c] == q_key
    ok &= run_max[pos_c] >= q_start
    hit = np.where(ok, order[arg[pos_c].astype(np.int64)], -1)
    return hit


def _days(s: pd.Series, fill: pd.Timestamp) -> np.ndarray:
    return s.fillna(fill).to_numpy(dtype="datetime64[D]").astype(np.int64)


def combine(left: History, right: History) -> History:
    """Merge two histories (see :meth:`conflictkit.History.combine`)."""
    if not isinstance(right, History):
        raise TypeError(f"can only combine with a History, not {type(right).__name__}")
    as_of = (
        max(t for t in (left.as_of, right.as_of) if not pd.isna(t))
        if not (pd.isna(left.as_of) and pd.isna(right.as_of))
        else pd.Timestamp("NaT")
    )
    report: list[dict[str, Any]] = []
    # the log wins over invoices; otherwise the history combined into wins
    if left.invoices is not None and right.invoices is None:
        keep_h, other_h, flipped = right, left, True
    else:
        keep_h, other_h, flipped = left, right, False

    # 1. client spellings
    names = [
        keep_h.disputes["client"],
        keep_h.missions["client"] if keep_h.missions is not None else None,
        other_h.disputes["client"],
        other_h.missions["client"] if other_h.missions is not None else None,
    ]
    all_names = pd.concat(
        [n for n in names if n is not None], ignore_index=True
    ).astype(object)
    all_names = all_names[all_names.notna()]
    keys = client_key(all_names)
    first = pd.DataFrame({"name": all_names.to_numpy(), "key": keys.to_numpy()})
    display = first.drop_duplicates("key").set_index("key")["name"]
    spellings = first.drop_duplicates("name")
    for key, group in spellings.groupby("key", sort=False):
        if len(group) > 1:
            report.append(
                {
                    "kind": "client spelling",
                    "kept": display[key],
                    "dropped": "; ".join(n for n in group["name"] if n != display[key]),
                    "client": display[key],
                    "detail": "read as one client (case, accents, punctuation and "
                    "legal "
                    "forms such as SAS, SARL, Inc, Ltd ignored)",
                }
            )
    rename = dict(zip(first["name"], first["key"].map(display), strict=True))

    def _renamed(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        if frame is None:
            return None
        return frame.assign(
            client=frame["client"].astype(object).map(rename).astype(STRING_DTYPE)
        )

    kd, od = _renamed(keep_h.disputes), _renamed(other_h.disputes)
    km, om = _renamed(keep_h.missions), _renamed(other_h.missions)
    assert kd is not None
    assert od is not None
    kinv, oinv = _renamed(keep_h.invoices), _renamed(other_h.invoices)
    codes, _ = pd.factorize(
        pd.concat(
            [client_key(kd["client"]), client_key(od["client"])], ignore_index=True
        )
    )
    k_code, o_code = codes[: len(kd)], codes[len(kd) :]

    # 2. payment disputes held by both
    k_pay = _cites_payment(keep_h, kd)
    o_pay = _cites_payment(other_h, od)
    qi = np.flatnonzero(o_pay)
    ri = np.flatnonzero(k_pay)
    hit = _overlap(
        o_code[qi],
        _days(od["opened_at"].iloc[qi], as_of),
        _days(od["resolved_at"].iloc[qi], as_of),
        k_code[ri],
        _days(kd["opened_at"].iloc[ri], as_of),
        _days(kd["resolved_at"].iloc[ri], as_of),
    )
    dup = qi[hit >= 0]
    twin = ri[hit[hit >= 0]]
    for o, k in zip(dup, twin, strict=True):
        report.append(
            {
                "kind": "same payment dispute",
                "kept": kd["dispute_id"].iloc[k],
                "dropped": od["dispute_id"].iloc[o],
                "client": kd["client"].iloc[k],
                "detail": f"both cite payment for this client over overlapping dates "
                f"({od['opened_at'].iloc[o].date()} in {od['dispute_id'].iloc[o]}); "
                "counted once",
            }
        )
    if len(dup):
        # the kept dispute takes what only the other one knew (amounts)
        for col in ("amount_at_stake", "amount_recovered"):
            missing = kd[col].iloc[twin].isna().to_numpy()
            if missing.any():
                kd.loc[kd.index[twin[missing]], col] = (
                    od[col].iloc[dup[missing]].to_numpy()
                )
    drop_o = np.zeros(len(od), dtype=bool)
    drop_o[dup] = True

    # 3. exposure counted once
    mission_map: dict[str, str | None] = {}
    missions = km
    if om is not None and len(om):
        k_unit = _unit(km)
        o_unit = _unit(om)
        if km is None or not len(km):
            missions = om
        elif k_unit != o_unit:
            days_side, inv_side = (km, om) if k_unit == "days" else (om, km)
            missions = days_side
            report.append(
                {
                    "kind": "exposure",
                    "kept": f"{len(days_side)} missions in days",
                    "dropped": f"{len(inv_side)} missions counted in invoices",
                    "client": pd.NA,
                    "detail": "exposure counted in invoices cannot be added to "
                    "mission-days; "
                    "rates use the mission-days",
                }
            )
            if days_side is om:
                mission_map = dict.fromkeys(km["mission_id"].astype(str), None)
            else:
                mission_map = dict.fromkeys(om["mission_id"].astype(str), None)
        else:
            mcodes, _ = pd.factorize(
                pd.concat(
                    [client_key(km["client"]), client_key(om["client"])],
                    ignore_index=True,
                )
            )
            mk, mo = mcodes[: len(km)], mcodes[len(km) :]
            mhit = _overlap(
                mo,
                _days(om["started_at"], as_of),
                _days(om["ended_at"], as_of),
                mk,
                _days(km["started_at"], as_of),
                _days(km["ended_at"], as_of),
            )
            over = mhit >= 0
            for o in np.flatnonzero(over):
                report.append(
                    {
                        "kind": "same exposure",
                        "kept": km["mission_id"].iloc[mhit[o]],
                        "dropped": om["mission_id"].iloc[o],
                        "client": om["client"].iloc[o],
                        "detail": "missions of the same client over overlapping dates: "
                        "the days are counted once",
                    }
                )
                mission_map[om["mission_id"].iloc[o]] = km["mission_id"].iloc[mhit[o]]
            rest = om[~over]
            clash = rest["mission_id"].isin(set(km["mission_id"]))
            if clash.any():
                new = (
                    rest["mission_id"]
                    .astype(object)
                    .where(~clash, rest["mission_id"].astype(object) + " (2)")
                )
                for a, b in zip(rest["mission_id"][clash], new[clash], strict=True):
                    mission_map[a] = b
                    report.append(
                        {
                            "kind": "renamed id",
                            "kept": a,
                            "dropped": b,
                            "client": pd.NA,
                            "detail": "a mission id used by both histories",
                        }
                    )
                rest = rest.assign(mission_id=new.astype(STRING_DTYPE))
            missions = _concat(km, rest)
    if mission_map:
        od = od.assign(
            mission_id=od["mission_id"]
            .astype(object)
            .map(lambda m: mission_map.get(m, m) if isinstance(m, str) else m)
            .astype(STRING_DTYPE)
        )
        kd = kd.assign(
            mission_id=kd["mission_id"]
            .astype(object)
            .map(lambda m: mission_map.get(m, m) if isinstance(m, str) else m)
            .astype(STRING_DTYPE)
        )

    # 4. disputes and their causes
    od_kept = od[~drop_o]
    o_ids = od_kept["dispute_id"].astype(object)
    clash = o_ids.isin(set(kd["dispute_id"].astype(object)))
    id_map = {}
    if clash.any():
        for old in o_ids[clash]:
            id_map[old] = f"{old}-2"
            report.append(
                {
                    "kind": "renamed id",
                    "kept": old,
                    "dropped": f"{old}-2",
                    "client": pd.NA,
                    "detail": "a dispute id used by both histories",
                }
            )
        od_kept = od_kept.assign(
            dispute_id=o_ids.map(lambda i: id_map.get(i, i)).astype(STRING_DTYPE)
        )
    disputes = _concat(kd, od_kept)
    kept_ids = set(od["dispute_id"][~drop_o].astype(object))
    o_causes = other_h.causes[
        other_h.causes["dispute_id"].astype(object).isin(kept_ids)
    ]
    o_causes = o_causes.assign(
        dispute_id=o_causes["dispute_id"]
        .astype(object)
        .map(lambda i: id_map.get(i, i))
        .astype(STRING_DTYPE)
    )
    causes = pd.concat([keep_h.causes, o_causes], ignore_index=True)
    causes["cause"] = causes["cause"].astype(keep_h.causes["cause"].dtype)

    rejected = _stack(keep_h.rejected, other_h.rejected, keep_h.source, other_h.source)
    rejected_m = _stack(
        keep_h.rejected_missions,
        other_h.rejected_missions,
        keep_h.source,
        other_h.source,
    )
    invoices = (
        pd.concat([t for t in (kinv, oinv) if t is not None], ignore_index=True)
        if (kinv is not None or oinv is not None)
        else None
    )
    merged = pd.DataFrame(report, columns=MERGED_COLUMNS)
    sources = [s for s in (left.source, right.source) if s]
    del flipped
    return dataclasses.replace(
        keep_h,
        disputes=disputes,
        causes=causes,
        missions=missions,
        as_of=pd.Timestamp(as_of),
        rejected=rejected,
        rejected_missions=rejected_m,
        planted=None,
        source=" + ".join(sources) if sources else None,
        invoices=invoices,
        merged=merged,
    )


def _concat(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """Stack two tables column by column, keeping each column's dtype."""
    out: dict[str, pd.Series] = {}
    for col in dict.fromkeys([*a.columns, *b.columns]):
        dtype = a[col].dtype if col in a else b[col].dtype
        parts = [
            t[col] if col in t else pd.Series(index=t.index, dtype=dtype)
            for t in (a, b)
        ]
        if all(isinstance(p.dtype, pd.CategoricalDtype) for p in parts):
            cats = list(
                dict.fromkeys([*parts[0].cat.categories, *parts[1].cat.categories])
            )
            ordered = bool(parts[0].cat.ordered)
            if parts[0].dtype == parts[1].dtype:
                both = pd.CategoricalDtype(parts[0].cat.categories, ordered)
            else:
                both = pd.CategoricalDtype(cats, ordered)
            parts = [p.astype(both) for p in parts]
        elif parts[0].dtype != parts[1].dtype:
            if pd.api.types.is_string_dtype(
                parts[0].dtype
            ) or pd.api.types.is_string_dtype(parts[1].dtype):
                parts = [p.astype(STRING_DTYPE) for p in parts]
        out[col] = pd.concat(
            [p.reset_index(drop=True) for p in parts], ignore_index=True
        )
    return pd.DataFrame(out)


def _cites_payment(history: History, disputes: pd.DataFrame) -> np.ndarray:
    pay = set(
        history.causes.loc[history.causes["cause"] == "payment", "dispute_id"].astype(
            object
        )
    )
    return disputes["dispute_id"].astype(object).isin(pay).to_numpy()


def _unit(missions: pd.DataFrame | None) -> str:
    if missions is None or "exposure_unit" not in missions or not len(missions):
        return "days"
    return str(missions["exposure_unit"].iloc[0])


def _stack(
    a: pd.DataFrame | None, b: pd.DataFrame | None, sa: str | None, sb: str | None
) -> pd.DataFrame | None:
    parts = [
        t.assign(source=s) for t, s in ((a, sa), (b, sb)) if t is not None and len(t)
    ]
    if not parts:
        return a if a is not None else b
    return pd.concat(parts)
