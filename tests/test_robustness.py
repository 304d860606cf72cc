"""Every analysis, plot and the report survive small, odd, valid histories.

Histories of 0 to 8 disputes and 0 to 4 missions, drawn with a fixed seed:
one client or three, missions of zero days, no labelled dispute, all open,
same-day resolutions, practices always on or never known. Each analysis must
return its table (or, without missions, say that it needs them), each plot
its Axes, the report its file.
"""

from __future__ import annotations

import random
import warnings

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import conflictkit as ck

CAUSES = ["scope", "deadlines", "payment", "tone", "trust", "other",
          "payment;tone", "scope;deadlines", None]  # fmt: skip
OUTCOMES = ["amicable", "compromise", "conceded", "prevailed", "abandoned", None]
ANALYSES = [
    ("cause_counts", {}, "plot_cause_counts"),
    ("cause_counts", {"by": "client"}, None),
    ("cause_trend", {}, "plot_cause_trend"),
    ("trend_summary", {}, "plot_trend_summary"),
    ("recurring_causes", {}, "plot_recurring_causes"),
    ("dispute_rates", {}, None),
    ("time_to_resolution", {"by": "cause"}, None),
    ("survival_curves", {"by": "primary_cause"}, "plot_time_to_resolution"),
    ("outcomes_by_cause", {}, "plot_outcomes_by_cause"),
    ("cause_cooccurrence", {}, "plot_cause_cooccurrence"),
    ("prevention_effects", {}, "plot_prevention_effects"),
    ("handling_effects", {}, "plot_handling_effects"),
    ("client_profiles", {"lang": "fr"}, None),
    ("recommendations", {"lang": "fr"}, None),
]


NEED_MISSIONS = {"dispute_rates", "prevention_effects"}


def small_odd_history(seed: int) -> ck.History:
    rnd = random.Random(seed)
    clients = [f"C{i}" for i in range(rnd.randint(1, 3))]
    start = pd.Timestamp("2020-01-01")
    missions = []
    for i in range(rnd.randint(0, 4)):
        begin = start + pd.Timedelta(days=rnd.randint(0, 900))
        missions.append({
            "mission_id": f"M{i}", "client": rnd.choice(clients),
            "started_at": begin,
            "ended_at": rnd.choice(
                [None, begin + pd.Timedelta(days=rnd.randint(0, 99))]
            ),
            "days": rnd.choice([None, 0.0, float(rnd.randint(1, 50))]),
            "written_scope": rnd.choice([None, True, False]),
            "meeting_minutes": rnd.choice([None, True]),
            "checkin_every_days": rnd.choice([None, 7.0]),
            "contract": rnd.choice([None, "fixed_price", "retainer"]),
        })  # fmt: skip
    disputes = []
    for _ in range(rnd.randint(0, 8)):
        mission = rnd.choice(missions) if missions and rnd.random() < 0.8 else None
        opened = start + pd.Timedelta(days=rnd.randint(0, 1000))
        resolved = rnd.choice(
            [None, opened, opened + pd.Timedelta(days=rnd.randint(1, 60))]
        )
        disputes.append({
            "client": mission["client"] if mission else rnd.choice(clients),
            "mission_id": mission["mission_id"] if mission else None,
            "opened_at": opened, "resolved_at": resolved,
            "causes": rnd.choice(CAUSES),
            "outcome": None if resolved is None else rnd.choice(OUTCOMES),
            "options_proposed": rnd.choice([None, 0, 1, 3]),
            "followup_sent": rnd.choice([None, True, False]),
            "client_retained": rnd.choice([None, True, False]),
            "amount_at_stake": rnd.choice([None, 0.0, 1000.0]),
            "notes": rnd.choice([None, "facture impayée", "scope creep again"]),
        })  # fmt: skip
    columns = ["client", "mission_id", "opened_at", "resolved_at", "causes",
               "outcome", "options_proposed", "followup_sent", "client_retained",
               "amount_at_stake", "notes"]  # fmt: skip
    return ck.History.from_frames(
        pd.DataFrame(disputes, columns=columns),
        pd.DataFrame(missions) if missions else None,
    )


@pytest.mark.parametrize("seed", range(30))
def test_analyses_and_plots_survive_small_odd_histories(seed):
    history = small_odd_history(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        for name, kwargs, plot in ANALYSES:
            if not history.has_missions and name in NEED_MISSIONS:
                with pytest.raises(ValueError, match="missions"):
                    getattr(ck, name)(history, **kwargs)
                continue
            try:
                result = getattr(ck, name)(history, **kwargs)
            except ck.NotApplicableError:
                # only where the inputs are missing: nothing recorded to compare
                d = history.disputes
                assert name == "handling_effects"
                assert d["options_proposed"].isna().all()
                assert d["followup_sent"].isna().all()
                continue
            assert isinstance(result, pd.DataFrame)
            if plot is not None:
                _, ax = plt.subplots()
                assert getattr(ck, plot)(result, ax=ax, lang="fr") is ax
                plt.close("all")
        _, ax = plt.subplots()
        assert ck.plot_timeline(history, ax=ax) is ax


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_report_survives_small_odd_histories(seed, tmp_path):
    history = small_odd_history(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ck.ConflictkitWarning)
        path = ck.build_report(history, tmp_path / "r.html", lang="fr")
    assert "<html" in path.read_text(encoding="utf-8")
