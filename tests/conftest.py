"""Shared fixtures: a fixed random seed (figures are closed by ../conftest.py)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import settings

# data/ holds fixtures and the scripts that wrote them (in venvs of their own,
# e.g. data/oracles/make_lifelines_oracles.py needs lifelines): not tests.
collect_ignore = ["data"]


@pytest.fixture
def rng():
    """A random generator with a fixed seed, so failures can be reproduced."""
    return np.random.default_rng(20261127)


# Property tests draw the same examples on every run, so CI cannot turn red on
# a new random draw; `pytest --hypothesis-profile=explore` searches further.
settings.register_profile("default", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=400, deadline=None)
settings.load_profile("default")


@pytest.fixture
def jpath(tmp_path, monkeypatch):
    """A journal path of its own, with no CONFLICTKIT_JOURNAL from outside."""
    monkeypatch.delenv("CONFLICTKIT_JOURNAL", raising=False)
    return str(tmp_path / "journal.sqlite")
