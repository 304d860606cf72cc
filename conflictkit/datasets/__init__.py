"""Example data: the bundled career and the simulator of careers.

``load_example`` reads the example shipped with the package (kept as plain CSV
in the repository's ``datasets/`` folder); ``make_history`` simulates careers
with known planted patterns (``_simulate``, ``_example_text``), which the tests
use to check that the analyses recover them. Uses the data model and ``io``.
"""

from ._example import EXAMPLE_PARAMS, load_example, make_history

__all__ = ["EXAMPLE_PARAMS", "load_example", "make_history"]
