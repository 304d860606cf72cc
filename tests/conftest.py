"""Shared fixtures: a fixed random seed (figures are closed by ../conftest.py)."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng():
    """A random generator with a fixed seed, so failures can be reproduced."""
    return np.random.default_rng(20261127)
