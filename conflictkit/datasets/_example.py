"""The example career and a generator of realistic freelancer histories.

:func:`make_history` simulates a freelancer's missions and the disputes that
arise in them, with known patterns planted (and listed in ``history.planted``)
so that analyses can be checked against the truth. :func:`load_example` returns
the fixed example career shipped with the package.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pandas as pd

from .._resources import data_path
from ..model import History
from ._simulate import simulate

__all__ = ["load_example", "make_history"]

#: The arguments that produced the bundled example (``datasets/make_example.py``).
EXAMPLE_PARAMS: dict[str, Any] = {
    "n_clients": 40,
    "years": 12,
    "seed": 2832,
    "start": "2014-01-01",
}


def make_history(
    *,
    n_clients: int = 40,
    years: float = 12,
    seed: int | None = 0,
    start: Any = "2014-01-01",
    as_of: Any = None,
    rate_scale: float = 1.0,
    n_recurring: int | None = None,
    unlabelled_share: float = 0.03,
) -> History:
    """Generate a realistic freelancer career with known patterns planted.

    Each client gives the freelancer one or more missions (engagements), with
    its own practices: written scope or not, meeting minutes, check-ins every
    7 or 14 days or none, placement through an intermediary, the contract
    (fixed price, time and materials, retainer) and a daily rate of 400 to
    900. Every 40 clients share one freelancer's calendar: their missions
    follow one another, about 210 mission-days a year. In every mission,
    each cause of dispute occurs as a Poisson process over mission-days, at a
    baseline rate per 100 mission-days times the planted multipliers, so an
    analysis that divides by exposure recovers the planted rates. Payment
    disputes surface a few weeks after the work (the invoice is overdue). Two
    events of different causes in the same mission within 30 days often make
    one dispute citing both (``scope;deadlines``), which keeps the per-cause
    counts of ``history.causes`` on the planted rates. Each dispute then gets
    a severity, the escalation reached, the options proposed, a duration
    (log-normal by cause, long when mediation or court was needed), an
    outcome, amounts, a follow-up, retention and, for most, a short note in
    French or English. Disputes still running at ``as_of`` are open
    (right-censored).

    Calibration: about 80% of resolved disputes end in agreement (amicable or
    compromise); payment disputes are short (median about 6 days, three in
    four settled within two weeks, as for late invoices); about 29% of
    missions see a payment dispute; mediation and court are rare (about 4%
    and 1% of disputes).

    The planted patterns, in ``history.planted`` (a dict that
    ``json.dumps`` accepts):

    - ``recurring``: a list of ``{"client", "cause", "rate_ratio": 6.0}``;
      one client in ten, drawn among the clients with the most missions,
      has one cause (payment, scope, deadlines or trust) at 6 times the
      baseline rate.
    - ``protective_practice``: ``{"column": "written_scope", "cause":
      "scope", "rate_ratio": 0.5}``; missions with a written scope have half
      the scope disputes; other causes are unaffected.
    - ``fading_cause``: ``{"cause": "tone", "after": date, "rate_ratio":
      0.25}``; the tone rate drops fourfold from the month in the middle of
      the career.
    - ``faster_handling``: ``{"column": "options_proposed", "more_than": 1,
      "duration_ratio": 0.5, "agreement_with": 0.9, "agreement_without":
      0.72}``; offering more than one option halves the time to settle and
      makes agreement more likely.
    - ``followup_retention``: ``{"column": "followup_sent",
      "retention_with", "retention_without"}``: the share of clients kept
      with and without a written follow-up (12 points apart).
    - ``no_effect``: mission practices planted with no effect on any rate
      (``meeting_minutes``, ``checkin_every_days``, ``via_intermediary``,
      ``contract``).
    - ``base_rates``: the baseline rate of each cause per 100 mission-days
      (a dispute counts once per cause it cites), for a mission without
      written scope, before the fading date, with a client without a
      recurring cause. ``unlabelled_share`` of the disputes then lose their
      causes, so ``history.causes`` shows rates that much lower.
    - ``unlabelled_share`` and the arguments ``seed``, ``n_clients``,
      ``years``, ``start``, ``as_of``, ``rate_scale``.

    Parameters
    ----------
    n_clients : int, default=40
        Number of clients over the career.
    years : float, default=12
        Length of the career, from ``start``.
    seed : int or None, default=0
        Seed of ``numpy.random.default_rng``; the same seed gives the same
        history.
    start : date-like, default="2014-01-01"
        First day of the career.
    as_of : date-like, optional
        Date the history is observed at (default: the end of the career).
        Missions running then are ongoing, disputes running then are open, and
        nothing later is recorded.
    rate_scale : float, default=1.0
        Multiplies every dispute rate. At 1, a 40-client career has about 200
        disputes over some 2,500 mission-days. For benchmarks,
        ``make_history(n_clients=20_000, rate_scale=10)`` gives about a
        million disputes in a few seconds.
    n_recurring : int, optional
        Number of recurring (client, cause) pairs; by default one per ten
        clients.
    unlabelled_share : float, default=0.03
        Share of disputes left without a cause (they keep their notes).

    Returns
    -------
    History
        Validated, with ``missions`` and ``planted`` filled in.

    Examples
    --------
    >>> import conflictkit as ck
    >>> h = ck.make_history(n_clients=10, years=3, seed=1)
    >>> h.planted["protective_practice"]
    {'column': 'written_scope', 'cause': 'scope', 'rate_ratio': 0.5}
    >>> h.has_missions
    True
    """
    if int(n_clients) < 1:
        raise ValueError(
            f"The value for `n_clients` must be at least 1, but {n_clients!r} "
            "was passed."
        )
    if not years > 0 or not rate_scale > 0 or not 0 <= unlabelled_share < 1:
        raise ValueError(
            "`years` and `rate_scale` must be positive and `unlabelled_share` in "
            f"[0, 1), but {years!r}, {rate_scale!r} and {unlabelled_share!r} were "
            "passed."
        )
    n_clients = int(n_clients)
    if n_recurring is None:
        n_recurring = round(n_clients / 10)
    t0 = pd.Timestamp(start).normalize()
    if float(years).is_integer():
        end = t0 + pd.DateOffset(years=int(years))
    else:
        end = t0 + pd.Timedelta(days=round(365.25 * years))
    as_of = end if as_of is None else pd.Timestamp(as_of).normalize()
    if as_of <= t0:
        raise ValueError(
            f"`as_of` ({as_of.date()}) must be after `start` ({t0.date()})."
        )
    disputes, missions, planted = simulate(
        np.random.default_rng(seed),
        n_clients=n_clients,
        start=t0,
        end=end,
        as_of=as_of,
        rate_scale=rate_scale,
        n_recurring=n_recurring,
        unlabelled_share=unlabelled_share,
    )
    planted = {
        "seed": seed,
        "n_clients": n_clients,
        "years": years,
        "start": t0.date().isoformat(),
        "as_of": as_of.date().isoformat(),
        "rate_scale": rate_scale,
        **planted,
    }
    history = History.from_frames(disputes, missions, as_of=as_of)
    return dataclasses.replace(history, planted=planted)


def load_example() -> History:
    """Load the example career: 12 years of a freelancer's disputes with 40 clients.

    The example is generated by :func:`make_history` (with the arguments in
    ``conflictkit.datasets.EXAMPLE_PARAMS``) and shipped as two plain CSV
    files a spreadsheet opens, ``disputes.csv`` and ``missions.csv`` (UTF-8,
    comma-separated, ISO dates, causes as ``payment;tone``, booleans as
    ``true``/``false``), from 2014-01-01 to 2026-01-01.

    - 203 disputes (8 without a cause, 2 still open) with 32 of the 40
      clients, in 142 missions totalling some 2,500 mission-days.
    - A dispute is an event from ``opened_at`` to ``resolved_at``. An open
      dispute (``resolved_at`` empty, no ``outcome``, ``client_retained`` or
      ``followup_sent``) was still running on ``as_of`` (2026-01-01): its
      duration is right-censored there, it is at least that long.

    Dispute columns: ``dispute_id``, ``client``, ``mission_id``,
    ``opened_at``, ``resolved_at``, ``causes`` (primary first, in memory also
    ``primary_cause``), ``severity``, ``escalation``, ``outcome``,
    ``client_retained``, ``amount_at_stake``, ``amount_recovered`` (euros),
    ``options_proposed``, ``followup_sent`` and ``notes`` (French or
    English). Mission columns: ``mission_id``, ``client``, ``started_at``,
    ``ended_at`` (empty = ongoing), ``days`` (days worked, the exposure),
    ``daily_rate``, ``contract``, ``via_intermediary``, ``written_scope``,
    ``checkin_every_days`` (empty = no regular check-ins) and
    ``meeting_minutes``.

    The planted patterns (see :func:`make_history`) are in
    ``history.planted``, read from ``planted.json``.

    Returns
    -------
    History
        The example, with ``missions`` and ``planted``.

    Examples
    --------
    >>> import conflictkit as ck
    >>> h = ck.load_example()
    >>> len(h.disputes), len(h.missions), str(h.as_of.date())
    (203, 142, '2026-01-01')
    >>> h.planted["fading_cause"]
    {'cause': 'tone', 'after': '2020-01-01', 'rate_ratio': 0.25}
    """
    from ..io import read_history

    planted = json.loads(data_path("planted.json").read_text(encoding="utf-8"))
    history = read_history(
        data_path("disputes.csv"),
        missions=data_path("missions.csv"),
        as_of=planted["as_of"],
    )
    return dataclasses.replace(history, planted=planted)
