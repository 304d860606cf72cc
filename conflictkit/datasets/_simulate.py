"""The simulation behind :func:`conflictkit.make_history`.

Disputes are drawn as Poisson processes over mission-days: in each mission,
each cause occurs at a rate per 100 mission-days, times the planted
multipliers. An analysis that divides dispute counts by mission-days therefore
recovers the planted rates. When two events of different causes surface in the
same mission within 30 days, they are often one dispute citing both causes
(scope and deadlines, payment and trust, tone and trust go together most), so
per-cause counts in ``history.causes`` keep the planted rates exactly.

Everything is vectorized with numpy and pyarrow: a million disputes take a few
seconds.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._labels import (
    CAUSE_DTYPE,
    CONTRACT_DTYPE,
    ESCALATION_DTYPE,
    OUTCOME_DTYPE,
    SEVERITY_DTYPE,
    Cause,
)
from ..model import STRING_DTYPE
from ._example_text import NAME_A, NAME_B, NOTES_TEXT

__all__ = ["simulate"]

_CAUSES = [Cause(c) for c in CAUSE_DTYPE.categories]
_C = {c: i for i, c in enumerate(_CAUSES)}
# Baseline rate of each cause per 100 mission-days: a mission without written
# scope, before the fading date, with a client that has no recurring cause.
_BASE_RATE = {
    Cause.SCOPE: 2.1,
    Cause.DEADLINES: 1.4,
    Cause.PAYMENT: 1.9,
    Cause.TONE: 1.7,
    Cause.TRUST: 0.8,
    Cause.OTHER: 0.6,
}
_RECURRING_CAUSES = (Cause.PAYMENT, Cause.SCOPE, Cause.DEADLINES, Cause.TRUST)
_RECURRING_RATIO = 6.0
_SCOPE_RATIO = 0.5  # written_scope missions: scope rate x 0.5
_FADING_CAUSE, _FADING_RATIO = Cause.TONE, 0.25
_FASTER_RATIO = 0.5  # durations when options_proposed > 1
_AGREE_WITH, _AGREE_WITHOUT = 0.90, 0.72  # P(agreement | options > 1 or not)
_RETAIN_BASE, _RETAIN_AGREE, _RETAIN_FOLLOWUP = 0.55, 0.25, 0.12
_MERGE_WINDOW_DAYS = 30
_CLIENTS_PER_FREELANCER = 40  # one calendar (lane) per 40 clients
_BUSY_SHARE = 0.95  # share of business days a lane spends in missions
# P(two nearby events of causes a and b form one dispute), order of _CAUSES:
# scope, deadlines, payment, tone, trust, other.
_AFFINITY = np.array(
    [
        [0.0, 0.7, 0.3, 0.2, 0.2, 0.1],
        [0.7, 0.0, 0.3, 0.2, 0.2, 0.1],
        [0.3, 0.3, 0.0, 0.1, 0.5, 0.1],
        [0.2, 0.2, 0.1, 0.0, 0.6, 0.1],
        [0.2, 0.2, 0.5, 0.6, 0.0, 0.1],
        [0.1, 0.1, 0.1, 0.1, 0.1, 0.0],
    ]
)
# Severity (low, medium, high, critical) given the primary cause.
_SEVERITY_P = np.array(
    [
        [0.35, 0.40, 0.20, 0.05],
        [0.40, 0.40, 0.17, 0.03],
        [0.30, 0.40, 0.23, 0.07],
        [0.55, 0.35, 0.09, 0.01],
        [0.30, 0.40, 0.22, 0.08],
        [0.55, 0.35, 0.09, 0.01],
    ]
)
# Escalation reached (dialogue, proposal, mediation, court) given the severity.
_ESCALATION_P = np.array(
    [
        [0.80, 0.19, 0.01, 0.00],
        [0.58, 0.39, 0.03, 0.00],
        [0.40, 0.50, 0.08, 0.02],
        [0.20, 0.50, 0.20, 0.10],
    ]
)
_OPTIONS_P = np.array([0.25, 0.35, 0.25, 0.12, 0.03])  # 0..4 options proposed
_MEDIAN_DAYS = np.array([18.0, 12.0, 6.0, 4.0, 21.0, 8.0])  # by primary cause
_ESCALATION_FACTOR = np.array([1.0, 1.8, 4.0, 10.0])
_DAYS_AT_STAKE = np.array([4.0, 3.0, 8.0, 1.0, 2.0, 1.5])  # median, x daily rate
_ZERO_AT_STAKE = np.array([0.1, 0.1, 0.0, 0.6, 0.3, 0.4])
_AMICABLE_GIVEN_AGREEMENT = np.array([0.65, 0.35, 0.1, 0.0])  # by escalation
_OUTCOME_CODES = np.array(  # generator's order -> OUTCOME_DTYPE codes
    [
        list(OUTCOME_DTYPE.categories).index(o)
        for o in ("amicable", "compromise", "conceded", "prevailed", "abandoned")
    ]
)


def _parse_notes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Arrays ``leads[cause, lang, i]`` and ``follow_ups[cause, lang, j]``."""
    blocks: dict[tuple[str, str], dict[str, list[str]]] = {}
    for line in text.strip().splitlines():
        if line.startswith("["):
            cause, lang = line.strip("[]").split()
            current = blocks.setdefault((cause, lang), {"+": [], "-": []})
        else:
            current[line[0]].append(line[2:])
    shape = (len(_CAUSES), 2)
    leads = np.array(
        [[blocks[(c.value, lang)]["+"] for lang in ("en", "fr")] for c in _CAUSES],
        dtype=object,
    ).reshape(*shape, -1)
    follow = np.array(
        [[blocks[(c.value, lang)]["-"] for lang in ("en", "fr")] for c in _CAUSES],
        dtype=object,
    ).reshape(*shape, -1)
    return leads, follow


def _draw(rng: np.random.Generator, p: np.ndarray) -> np.ndarray:
    """One categorical draw per row of the probability matrix ``p``."""
    u = rng.random(len(p))[:, None]
    return np.minimum((u > p.cumsum(axis=1)).sum(axis=1), p.shape[1] - 1)


def _text(values: pa.Array) -> pd.api.extensions.ExtensionArray:
    return pd.array(values, dtype=STRING_DTYPE)


def _ids(prefix: str, n: int) -> pa.Array:
    """``prefix`` followed by 1..n, zero-padded to at least 4 digits."""
    numbers = pc.cast(pa.array(np.arange(1, n + 1)), pa.string())
    padded = pc.utf8_lpad(numbers, max(4, len(str(n))), "0")
    return pc.binary_join_element_wise(prefix, padded, "")


def _client_names(rng: np.random.Generator, n: int) -> pa.Array:
    a, b = np.array(NAME_A, dtype=object), np.array(NAME_B, dtype=object)
    n_combos = a.size * b.size
    pick = rng.permutation(n_combos)[np.arange(n) % n_combos]
    names = a[pick // b.size] + " " + b[pick % b.size]
    repeat = np.arange(n) // n_combos
    if n > n_combos:
        suffix = " " + (repeat + 1).astype(str).astype(object)
        names = np.where(repeat > 0, names + suffix, names)
    return pa.array(names, type=pa.string())


def _missions(
    rng: np.random.Generator,
    n_clients: int,
    t0: pd.Timestamp,
    end: pd.Timestamp,
    as_of: pd.Timestamp,
    fade_at: pd.Timestamp,
) -> dict[str, np.ndarray]:
    """Missions as a dict of arrays, sorted by start, with their exposure.

    Every 40 clients share one freelancer's calendar (a lane): the lane's
    missions follow one another, in the order of the clients' relationships,
    with short idle gaps, and fill about 95% of the business days.
    """
    d0 = np.datetime64(t0.date(), "D")
    last = np.datetime64(as_of.date(), "D")
    span = int((end - t0).days)
    first = rng.integers(0, max(span - 60, 1), n_clients)
    relation = np.minimum(rng.exponential(3 * 365.25, n_clients), span - first)
    frailty = rng.gamma(1.5, 1 / 1.5, n_clients)
    client = np.repeat(
        np.arange(n_clients), 1 + rng.poisson(frailty * relation / 365.25)
    )
    n = client.size
    is_first = np.ones(n, dtype=bool)
    is_first[1:] = client[1:] != client[:-1]
    order_key = first[client] + np.where(
        is_first, 0.0, rng.random(n) * relation[client]
    )
    n_lanes = max(1, round(n_clients / _CLIENTS_PER_FREELANCER))
    lane = (rng.permutation(n_clients) % n_lanes)[client]
    # Practices: each client has habits, missions vary around them.
    preferred = rng.choice(3, n_clients, p=[0.4, 0.45, 0.15])
    contract = np.where(
        rng.random(n) < 0.7, preferred[client], rng.choice(3, n, p=[0.4, 0.45, 0.15])
    )
    written_scope = rng.random(n) < rng.beta(5, 5, n_clients)[client]
    minutes = rng.random(n) < rng.beta(4, 6, n_clients)[client]
    via = (rng.random(n_clients) < 0.3)[client] ^ (rng.random(n) < 0.1)
    checkin = rng.choice(np.array([np.nan, 7.0, 14.0]), n, p=[0.4, 0.35, 0.25])
    # Days worked, and the business days the mission spans (part time).
    retainer = contract == list(CONTRACT_DTYPE.categories).index("retainer")
    days = np.exp(rng.normal(np.log(15), 0.9, n)) * np.where(retainer, 2.5, 1.0)
    share = rng.uniform(0.7, 1.0, n)
    capacity = np.busday_count(d0, np.datetime64(end.date(), "D"))
    fill = capacity * _BUSY_SHARE / np.bincount(lane, weights=days / share)
    days = np.maximum(np.round(days * fill[lane] * 2) / 2, 1.0)
    busdays = np.ceil(days / share).astype("int64")
    # Lay each lane's missions end to end, idle gaps before each one.
    idle = np.maximum(capacity - np.bincount(lane, weights=busdays), 0)
    gap = rng.exponential(1.0, n)
    gap = gap / np.bincount(lane, weights=gap)[lane] * idle[lane]
    order = np.lexsort((order_key, lane))
    step = (gap + busdays)[order]
    done = np.cumsum(step) - step  # business days before each mission, per lane
    lane_sorted = lane[order]
    lane_first = np.ones(n, dtype=bool)
    lane_first[1:] = lane_sorted[1:] != lane_sorted[:-1]
    done = done - np.maximum.accumulate(np.where(lane_first, done, 0.0))
    shift = rng.uniform(0, 30, n_lanes)[lane_sorted]  # the last ones run on
    offset = np.empty(n)
    offset[order] = done + gap[order] + shift
    started = np.busday_offset(d0, np.round(offset).astype("int64"), "forward")
    seniority = (started - d0).astype("int64") / 365.25
    rate = 450 + 25 * seniority + rng.normal(0, 50, n_clients)[client]
    daily_rate = np.clip(np.round((rate + rng.normal(0, 40, n)) / 10) * 10, 400, 900)
    ended = np.busday_offset(started, busdays - 1)
    ongoing = ended > last
    stop = np.minimum(ended, last) + 1  # exclusive end of the observed window
    seen = np.busday_count(started, stop)
    days = np.where(
        ongoing, np.maximum(np.round(days * seen / busdays * 2) / 2, 0.5), days
    )
    # an array: the scalar is broadcast against the per-mission bounds
    cut = cast(np.ndarray, np.clip(np.datetime64(fade_at.date(), "D"), started, stop))
    before = np.busday_count(started, cut)
    arrays: dict[str, np.ndarray] = {
        "client": client,
        "started": started,
        "ended": ended,
        "ongoing": ongoing,
        "days": days,
        "seen": seen,
        "cut": cut,
        "before": before,
        "days_before": days * before / np.maximum(seen, 1),
        "daily_rate": daily_rate,
        "contract": contract,
        "via_intermediary": via,
        "written_scope": written_scope,
        "checkin_every_days": checkin,
        "meeting_minutes": minutes,
    }
    keep = np.flatnonzero(started <= last)
    keep = keep[np.argsort(started[keep], kind="stable")]
    return {k: v[keep] for k, v in arrays.items()}


def _events(
    rng: np.random.Generator,
    m: dict[str, np.ndarray],
    multiplier: np.ndarray,
    rate_scale: float,
    as_of: pd.Timestamp,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Draw cause events per mission and group them into disputes.

    Returns the mission, opening date, primary and secondary cause (-1 for
    none) of each dispute, in mission then date order.
    """
    base = np.array([_BASE_RATE[c] for c in _CAUSES]) * rate_scale / 100
    days = np.stack([m["days_before"], m["days"] - m["days_before"]], axis=1)
    lam = days[:, :, None] * base * multiplier[m["client"]][:, None, :]
    lam[:, :, _C[Cause.SCOPE]] *= np.where(m["written_scope"], _SCOPE_RATIO, 1.0)[
        :, None
    ]
    lam[:, 1, _C[_FADING_CAUSE]] *= _FADING_RATIO
    counts = rng.poisson(lam).ravel()
    flat = np.repeat(np.arange(counts.size), counts)
    mission, segment, cause = np.unravel_index(flat, lam.shape)
    first_day = np.where(segment == 0, m["started"][mission], m["cut"][mission])
    n_days = np.where(
        segment == 0,
        m["before"][mission],
        m["seen"][mission] - m["before"][mission],
    )
    day = np.busday_offset(first_day, (rng.random(flat.size) * n_days).astype("int64"))
    # Payment disputes surface once the invoice is overdue.
    lag = np.round(np.minimum(rng.gamma(2.0, 10.0, flat.size), 60)).astype("int64")
    late = np.busday_offset(day + lag, 0, "forward")
    day = np.where(cause == _C[Cause.PAYMENT], late, day)
    keep = day <= np.datetime64(as_of.date(), "D")
    mission, cause, day = mission[keep], cause[keep], day[keep]
    order = np.lexsort((cause, day, mission))
    mission, cause, day = mission[order], cause[order], day[order]
    # An event close to the previous one in the same mission often joins it.
    near = np.zeros(mission.size, dtype=bool)
    near[1:] = (
        (mission[1:] == mission[:-1])
        & ((day[1:] - day[:-1]).astype("int64") <= _MERGE_WINDOW_DAYS)
        & (cause[1:] != cause[:-1])
    )
    affinity = np.zeros(mission.size)
    affinity[1:] = _AFFINITY[cause[:-1], cause[1:]]
    joins = near & (rng.random(mission.size) < affinity)
    joins[1:] &= ~joins[:-1]  # at most two causes per dispute
    head = ~joins
    secondary = np.full(int(head.sum()), -1)
    secondary[(np.cumsum(head) - 1)[joins]] = cause[joins]
    return mission[head], day[head], cause[head], secondary


def _masked(values: np.ndarray, missing: np.ndarray) -> pd.arrays.BooleanArray:
    return pd.arrays.BooleanArray(values.astype(bool), missing.astype(bool))


def _dispute_frame(
    rng: np.random.Generator,
    m: dict[str, np.ndarray],
    events: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    names: pa.Array,
    mission_ids: pa.Array,
    as_of: pd.Timestamp,
    unlabelled_share: float,
) -> pd.DataFrame:
    mission, opened, primary, secondary = events
    order = np.lexsort((mission, opened))
    mission, opened = mission[order], opened[order]
    primary, secondary = primary[order], secondary[order]
    n = mission.size
    client = m["client"][mission]
    severity = _draw(rng, _SEVERITY_P[primary])
    escalation = _draw(rng, _ESCALATION_P[severity])
    options = rng.choice(_OPTIONS_P.size, n, p=_OPTIONS_P)
    many = options > 1
    duration = (
        _MEDIAN_DAYS[primary]
        * _ESCALATION_FACTOR[escalation]
        * np.where(many, _FASTER_RATIO, 1.0)
        * np.exp(rng.normal(0.0, 0.8, n))
    )
    resolved = opened + np.maximum(np.round(duration), 1).astype("int64")
    is_open = resolved > np.datetime64(as_of.date(), "D")
    agree = rng.random(n) < np.where(many, _AGREE_WITH, _AGREE_WITHOUT)
    amicable = rng.random(n) < _AMICABLE_GIVEN_AGREEMENT[escalation]
    payment = primary == _C[Cause.PAYMENT]
    other_end = _draw(  # conceded, prevailed, abandoned
        rng, np.where(payment[:, None], [0.2, 0.4, 0.4], [0.5, 0.35, 0.15])
    )
    end = np.where(agree, np.where(amicable, 0, 1), 2 + other_end)
    outcome = np.where(is_open, -1, _OUTCOME_CODES[end])
    followup = rng.random(n) < 0.45
    p_retained = _RETAIN_BASE + _RETAIN_AGREE * agree + _RETAIN_FOLLOWUP * followup
    retained = rng.random(n) < p_retained
    days_at_stake = np.exp(rng.normal(np.log(_DAYS_AT_STAKE[primary]), 0.7))
    stake = np.round(m["daily_rate"][mission] * days_at_stake / 10) * 10
    stake = np.where(rng.random(n) < _ZERO_AT_STAKE[primary], 0.0, stake)
    stake = np.where(rng.random(n) < 0.04, np.nan, stake)  # not recorded
    share = np.array([1.0, 0.65, 0.15, 1.0, 0.0])[end]  # of the amount at stake
    share = share + ((end == 1) | (end == 2)) * rng.uniform(-0.15, 0.15, n)
    recovered = np.where(is_open, np.nan, np.round(stake * share / 10) * 10)
    # Causes as in a file ("scope;deadlines"); a few disputes left unlabelled.
    names_c = np.array([c.value for c in _CAUSES], dtype=object)
    labels = np.concatenate([names_c, (names_c[:, None] + ";" + names_c).ravel()])
    code = np.where(secondary < 0, primary, len(_CAUSES) * (1 + primary) + secondary)
    unlabelled = rng.random(n) < unlabelled_share
    code = np.where(unlabelled, -1, code)
    used = np.unique(code[code >= 0])
    causes = pd.Categorical.from_codes(
        np.searchsorted(used, code) * (code >= 0) - (code < 0), categories=labels[used]
    )
    # Notes, in the client's language most of the time (70% of clients French).
    leads, follow = _parse_notes(NOTES_TEXT)
    texts = (leads[:, :, :, None] + " " + follow[:, :, None, :]).ravel()
    french = (rng.random(len(names)) < 0.7)[client] ^ (rng.random(n) < 0.1)
    code = (primary * 2 + french) * leads.shape[2] + rng.integers(0, leads.shape[2], n)
    code = code * follow.shape[2] + rng.integers(0, follow.shape[2], n)
    note = pa.array(texts, type=pa.string()).take(pa.array(code))
    amount = pc.cast(pa.array(np.nan_to_num(stake).astype("int64")), pa.string())
    suffix = pc.if_else(
        pa.array(french),
        pc.binary_join_element_wise(" Montant : ", amount, " €.", ""),
        pc.binary_join_element_wise(" Amount: ", amount, " EUR.", ""),
    )
    with_amount = payment & (stake > 0) & (rng.random(n) < 0.5)
    note = pc.if_else(
        pa.array(with_amount), pc.binary_join_element_wise(note, suffix, ""), note
    )
    has_note = unlabelled | (rng.random(n) < 0.85)
    note = pc.if_else(pa.array(has_note), note, pa.scalar(None, pa.string()))
    return pd.DataFrame(
        {
            "dispute_id": _text(_ids("D", n)),
            "client": _text(names.take(pa.array(client))),
            "mission_id": _text(mission_ids.take(pa.array(mission))),
            "opened_at": opened.astype("datetime64[ns]"),
            "resolved_at": np.where(is_open, np.datetime64("NaT"), resolved).astype(
                "datetime64[ns]"
            ),
            "causes": causes,
            "severity": pd.Categorical.from_codes(severity, dtype=SEVERITY_DTYPE),
            "escalation": pd.Categorical.from_codes(escalation, dtype=ESCALATION_DTYPE),
            "outcome": pd.Categorical.from_codes(outcome, dtype=OUTCOME_DTYPE),
            "client_retained": _masked(retained, is_open),
            "amount_at_stake": stake,
            "amount_recovered": recovered,
            "options_proposed": pd.array(options, dtype="Int64"),
            "followup_sent": _masked(followup, is_open),
            "notes": _text(note),
        }
    )


def _mission_frame(
    m: dict[str, np.ndarray], names: pa.Array, mission_ids: pa.Array
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mission_id": _text(mission_ids),
            "client": _text(names.take(pa.array(m["client"]))),
            "started_at": m["started"].astype("datetime64[ns]"),
            "ended_at": np.where(m["ongoing"], np.datetime64("NaT"), m["ended"]).astype(
                "datetime64[ns]"
            ),
            "days": m["days"],
            "daily_rate": m["daily_rate"],
            "contract": pd.Categorical.from_codes(m["contract"], dtype=CONTRACT_DTYPE),
            "via_intermediary": pd.array(m["via_intermediary"], dtype="boolean"),
            "written_scope": pd.array(m["written_scope"], dtype="boolean"),
            "checkin_every_days": m["checkin_every_days"],
            "meeting_minutes": pd.array(m["meeting_minutes"], dtype="boolean"),
        }
    )


def simulate(
    rng: np.random.Generator,
    *,
    n_clients: int,
    start: pd.Timestamp,
    end: pd.Timestamp,
    as_of: pd.Timestamp,
    rate_scale: float,
    n_recurring: int,
    unlabelled_share: float,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """Simulate a career: typed disputes and missions frames, and what was planted."""
    fade_at = (start + (end - start) / 2).to_period("M").to_timestamp()
    names = _client_names(rng, n_clients)
    m = _missions(rng, n_clients, start, end, as_of, fade_at)
    # Recurring pairs: among the clients with the most missions, so that the
    # pattern can show (by missions, not days: days depend on the contract).
    n_recurring = min(int(n_recurring), n_clients)
    n_missions = np.bincount(m["client"], minlength=n_clients)
    exposure = np.bincount(m["client"], weights=m["days"], minlength=n_clients)
    n_candidates = min(n_clients, -(-3 * n_recurring // 2))
    candidates = np.lexsort((-exposure, -n_missions))[:n_candidates]
    rec_clients = np.sort(rng.choice(candidates, n_recurring, replace=False))
    rec_causes = np.array([_C[c] for c in _RECURRING_CAUSES])[
        np.resize(rng.permutation(len(_RECURRING_CAUSES)), n_recurring)
    ]
    multiplier = np.ones((n_clients, len(_CAUSES)))
    multiplier[rec_clients, rec_causes] = _RECURRING_RATIO
    events = _events(rng, m, multiplier, rate_scale, as_of)
    mission_ids = _ids("M", len(m["client"]))
    disputes = _dispute_frame(
        rng, m, events, names, mission_ids, as_of, unlabelled_share
    )
    missions = _mission_frame(m, names, mission_ids)
    p_agree = _AGREE_WITHOUT + _OPTIONS_P[2:].sum() * (_AGREE_WITH - _AGREE_WITHOUT)
    retain_without = _RETAIN_BASE + _RETAIN_AGREE * p_agree
    planted = {
        "base_rates": {
            c.value: round(float(_BASE_RATE[c] * rate_scale), 6) for c in _CAUSES
        },
        "recurring": [
            {
                "client": names[int(i)].as_py(),
                "cause": _CAUSES[c].value,
                "rate_ratio": _RECURRING_RATIO,
            }
            for i, c in zip(rec_clients, rec_causes, strict=True)
        ],
        "protective_practice": {
            "column": "written_scope",
            "cause": Cause.SCOPE.value,
            "rate_ratio": _SCOPE_RATIO,
        },
        "fading_cause": {
            "cause": _FADING_CAUSE.value,
            "after": fade_at.date().isoformat(),
            "rate_ratio": _FADING_RATIO,
        },
        "faster_handling": {
            "column": "options_proposed",
            "more_than": 1,
            "duration_ratio": _FASTER_RATIO,
            "agreement_with": _AGREE_WITH,
            "agreement_without": _AGREE_WITHOUT,
        },
        "followup_retention": {
            "column": "followup_sent",
            "retention_with": round(float(retain_without + _RETAIN_FOLLOWUP), 4),
            "retention_without": round(float(retain_without), 4),
        },
        "no_effect": [
            "meeting_minutes",
            "checkin_every_days",
            "via_intermediary",
            "contract",
        ],
        "unlabelled_share": unlabelled_share,
    }
    return disputes, missions, planted
