"""Write lifelines' results for the inputs of the survival tests as JSON.

lifelines is an independent Kaplan-Meier and log-rank implementation, but it
caps pandas below 3, so it cannot be installed beside the pandas that users
get. Its results are stored here instead, with the inputs they were computed
on and the versions that computed them; tests/test_survival.py and
tests/test_effects.py compare conflictkit to them (to 1e-9, or exactly).

Run it in a virtual environment of its own (it needs no conflictkit)::

    python3 -m venv /tmp/oracle-venv
    /tmp/oracle-venv/bin/pip install lifelines "pandas<3"
    /tmp/oracle-venv/bin/python tests/data/oracles/make_lifelines_oracles.py

It rewrites survival.json and effects.json beside itself. Non-finite numbers
are written as the strings "inf", "-inf" and "nan" (plain JSON has none).
"""

from __future__ import annotations

import json
import math
import platform
import sys
from pathlib import Path

import lifelines
import numpy as np
import pandas as pd
import scipy
from lifelines import KaplanMeierFitter
from lifelines.statistics import logrank_test
from lifelines.utils import median_survival_times

HERE = Path(__file__).resolve().parent

# tests/test_survival.py: TIES_DAYS, TIES_RESOLVED (ties between resolutions,
# between censorings and across the two) and the confidence levels it checks.
TIES_DAYS = [3, 3, 5, 5, 5, 8, 8, 10, 12, 12, 12, 15, 20, 20, 25, 30, 30, 41]
TIES_RESOLVED = [1, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]
CONFIDENCE_LEVELS = [0.95, 0.8, 0.99]

# tests/test_survival.py::test_random_samples_match_lifelines
RANDOM_SEED = 20261127
RANDOM_SAMPLES = 30


def number(x: float) -> float | str:
    """A float as JSON holds it: non-finite values become strings."""
    x = float(x)
    return x if math.isfinite(x) else str(x)


def numbers(values) -> list[float | str]:
    return [number(v) for v in np.asarray(values, dtype=float)]


def integers(values) -> list[int]:
    return [int(v) for v in np.asarray(values)]


def versions() -> dict[str, str]:
    return {
        "lifelines": lifelines.__version__,
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "python": platform.python_version(),
    }


def fit(days, resolved, *, alpha: float = 0.05) -> KaplanMeierFitter:
    """As the tests called lifelines: float durations, bool events."""
    return KaplanMeierFitter(alpha=alpha).fit(
        np.asarray(days, float), np.asarray(resolved, bool)
    )


def curve(km: KaplanMeierFitter) -> dict[str, list]:
    return {
        "timeline": numbers(km.timeline),
        "survival": numbers(km.survival_function_.iloc[:, 0]),
        "ci_low": numbers(km.confidence_interval_.iloc[:, 0]),
        "ci_high": numbers(km.confidence_interval_.iloc[:, 1]),
    }


def survival() -> dict:
    bands = {}
    for level in CONFIDENCE_LEVELS:
        # the tests pass alpha = 1 - confidence_level, rounding included
        km = fit(TIES_DAYS, TIES_RESOLVED, alpha=1 - level)
        bands[repr(level)] = curve(km)
    km = fit(TIES_DAYS, TIES_RESOLVED)
    table = km.event_table
    median_ci = median_survival_times(km.confidence_interval_)
    ties = {
        "days": TIES_DAYS,
        "resolved": TIES_RESOLVED,
        "bands": bands,
        "event_table": {
            "at_risk": integers(table["at_risk"]),
            "observed": integers(table["observed"]),
            "censored": integers(table["censored"]),
        },
        "median": number(km.median_survival_time_),
        "median_ci": [number(median_ci.iloc[0, 0]), number(median_ci.iloc[0, 1])],
    }
    # Random samples: small groups, many ties, some all censored or all
    # resolved, drawn once here and stored with lifelines' curves.
    rng = np.random.default_rng(RANDOM_SEED)
    samples = []
    for _ in range(RANDOM_SAMPLES):
        n = int(rng.integers(1, 60))
        days = rng.integers(0, 20, n).astype(float)
        resolved = rng.random(n) < rng.uniform(0.1, 1.0)
        samples.append(
            {
                "days": numbers(days),
                "resolved": [bool(r) for r in resolved],
                **curve(fit(days, resolved)),
            }
        )
    return {
        "versions": versions(),
        "ties": ties,
        "random_samples": {"seed": RANDOM_SEED, "samples": samples},
    }


def handled_inputs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Durations of tests/test_effects.py's ``handled`` fixture.

    Drawn as the fixture draws them; a dispute still open at ``as_of`` (30
    days after all of them opened) is censored at 30 days, a resolved one
    lasts its drawn days. The test checks these against ``h.durations()``.
    """
    rng = np.random.default_rng(7)
    n = 24
    options = np.array([3, 2] * 6 + [1, 0] * 6)
    days = np.where(options > 1, rng.integers(2, 15, n), rng.integers(10, 40, n))
    resolved = rng.random(n) < 0.8
    duration = np.where(resolved, days, 30).astype(float)
    return duration, resolved, options > 1


def effects() -> dict:
    t, e, several = handled_inputs()
    ref = logrank_test(t[several], t[~several], e[several], e[~several])
    km_with = KaplanMeierFitter().fit(t[several], e[several])
    km_without = KaplanMeierFitter().fit(t[~several], e[~several])
    return {
        "versions": versions(),
        "handled": {
            "duration_days": numbers(t),
            "resolved": [bool(x) for x in e],
            "several_options": [bool(x) for x in several],
            "logrank_p": number(ref.p_value),
            "median_days_with": number(km_with.median_survival_time_),
            "median_days_without": number(km_without.median_survival_time_),
        },
    }


def dumps(value, indent: str = "") -> str:
    """JSON with one line per key and each list of numbers on one line."""
    if isinstance(value, dict):
        inner = indent + "  "
        items = [f"{inner}{json.dumps(k)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        inner = indent + "  "
        items = [inner + dumps(v, inner) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, allow_nan=False)


def write(name: str, content: dict) -> None:
    path = HERE / name
    text = dumps(content) + "\n"
    assert json.loads(text) == content
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    write("survival.json", survival())
    write("effects.json", effects())
