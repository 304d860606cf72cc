"""Every public name has a numpydoc docstring a user can rely on.

``numpydoc.validate`` is run on each name of ``conflictkit.__all__`` (the
functions, the classes and the public methods and properties the classes
define themselves), keeping only the checks that matter to a reader:

- GL08: there is a docstring at all;
- PR01 / PR02: every parameter is documented, and nothing else is;
- RT01: a function that returns something has a Returns section;
- SS01, SS02, SS03, SS05: a one-line summary, capitalised, ending with a
  period, starting with a verb in the infinitive rather than "Returns";
- EX01: there is an Examples section.

A new public name lands in ``__all__`` and is checked here automatically.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

import pytest
from numpydoc.validate import validate

import conflictkit as ck

CHECKS = frozenset(
    {"GL08", "PR01", "PR02", "RT01", "SS01", "SS02", "SS03", "SS05", "EX01"}
)

# (object, check) pairs where the check is wrong for that object. Keep it short
# and say why.
IGNORE = frozenset(
    # The enums' "parameters" are those of Enum's functional API (value, names,
    # module, qualname, type, start, boundary), not something users pass;
    # ``Cause("payment")`` is shown in each Examples section instead.
    {
        (f"conflictkit.{name}", "PR01")
        for name in (
            "Cause",
            "Contract",
            "Escalation",
            "Outcome",
            "Severity",
            "Verdict",
        )
    }
    # A frozen dataclass: its fields are documented once, under Attributes,
    # which is how users meet them; the constructor is not the way to build
    # one (it does not validate; the docstring points to the builders).
    | {("conflictkit.History", "PR01")}
)


def public_names(module: ModuleType = ck) -> Iterator[str]:
    """Yield the import path of each object whose docstring users read."""
    for name in module.__all__:
        obj = getattr(module, name)
        if inspect.isfunction(obj):
            yield f"conflictkit.{name}"
        elif inspect.isclass(obj):
            yield f"conflictkit.{name}"
            # only what the class defines: inherited methods (str, Enum,
            # scikit-learn's BaseEstimator...) are documented upstream
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(value, staticmethod | classmethod):
                    value = value.__func__
                if inspect.isfunction(value) or isinstance(value, property):
                    yield f"conflictkit.{name}.{attr}"


def problems(path: str) -> list[str]:
    """The failed checks of one object, as ``"CODE: message"`` lines."""
    return [
        f"{code}: {message}"
        for code, message in validate(path)["errors"]
        if code in CHECKS and (path, code) not in IGNORE
    ]


NAMES = sorted(public_names())


@pytest.mark.parametrize("path", NAMES)
def test_public_docstring_passes_numpydoc_checks(path):
    assert problems(path) == []


def test_every_public_function_and_class_is_checked():
    # a name of __all__ that is neither a function nor a class must be data
    # (such as CAUSE_COLORS), never a callable that would escape the checks
    for name in ck.__all__:
        obj = getattr(ck, name)
        if f"conflictkit.{name}" not in NAMES:
            assert not callable(obj), name
    assert "conflictkit.read_history" in NAMES
    assert "conflictkit.Journal.add" in NAMES
    assert "conflictkit.History.durations" in NAMES


def test_every_ignore_is_still_needed():
    # an ignore whose check now passes is stale: drop it
    for path, code in sorted(IGNORE):
        codes = {c for c, _ in validate(path)["errors"]}
        assert code in codes, (path, code)


def test_a_new_public_function_without_docstring_fails(monkeypatch):
    def undocumented(history, *, k=1):
        return history

    monkeypatch.setattr(ck, "undocumented", undocumented, raising=False)
    monkeypatch.setattr(ck, "__all__", [*ck.__all__, "undocumented"])
    assert "conflictkit.undocumented" in list(public_names())
    assert any(p.startswith("GL08") for p in problems("conflictkit.undocumented"))


def test_a_public_function_missing_parameters_and_examples_fails(monkeypatch):
    def half_documented(history, *, k=1):
        """Return the history.

        Parameters
        ----------
        history : History
            The disputes.
        """
        return history

    monkeypatch.setattr(ck, "half_documented", half_documented, raising=False)
    codes = {p[:4] for p in problems("conflictkit.half_documented")}
    assert codes == {"PR01", "RT01", "EX01"}
