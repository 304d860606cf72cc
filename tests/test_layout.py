"""The package's architecture: stages that import only the stages above them.

Data flows down the page (STYLE.md): the data model imports no stage, a stage
may use the model and the stages above it, never the other way round, and no
two modules import each other. Checked on the source with ``ast``, so a cycle
is caught even where a lazy import would hide it at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import conflictkit as ck

PACKAGE = Path(ck.__file__).parent

# Top to bottom: a module may import from its own stage and the stages above.
STAGES = [
    "model",  # model.py, _labels.py, errors.py and the small shared helpers
    "io",
    "datasets",
    "analysis",
    "plotting",
    "notes",
    "report",
    "journal",
    "_anonymize",  # anonymize(): private module, so the name stays the function
    "cli",
]
FOUNDATION = {
    "model", "_labels", "_i18n", "errors", "_resources", "_version",
}  # fmt: skip
# The imports that go up the page, lazily and on purpose: History.from_frames
# validates its input with the reader's rules, and History.combine matches
# client names with the reader's vocabulary; both live in io.
ALLOWED_UPWARD = {
    ("conflictkit.model", "conflictkit.io._validate"),
    ("conflictkit.model", "conflictkit.io._combine"),
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, at top level?) for each conflictkit import of a file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text())
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # "from .. import plotting": a name may itself be a module
            subs = [f"{target}.{a.name}" for a in node.names]
            targets = [s for s in subs if s in MODULES_AND_PACKAGES]
            if len(targets) < len(subs):  # some names are attributes of target
                targets.append(target)
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        for t in targets:
            if t.startswith("conflictkit") and t in MODULES_AND_PACKAGES:
                found.append((t, id(node) in top))
    return found


FILES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MODULES_AND_PACKAGES = {_module_name(p) for p in FILES}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) == 1:  # conflictkit itself: the public re-exports
        return None
    head = parts[1]
    return "model" if head in FOUNDATION else head


def test_every_module_belongs_to_a_stage():
    for module in MODULES_AND_PACKAGES - {"conflictkit", "conflictkit.__main__"}:
        assert _stage(module) in STAGES, f"{module} is in no stage of STAGES"


def test_each_stage_imports_only_the_stages_above_it():
    wrong = []
    for path in FILES:
        source = _module_name(path)
        s = _stage(source)
        if s is None or source == "conflictkit.__main__":
            continue
        for target, _ in _imports(path):
            t = _stage(target)
            if t is None:
                wrong.append(f"{source} imports the package root {target}")
            elif STAGES.index(t) > STAGES.index(s):
                if (source, target) not in ALLOWED_UPWARD:
                    wrong.append(f"{source} ({s}) imports {target} ({t})")
    assert not wrong, "\n".join(wrong)


def test_the_data_model_imports_no_stage_at_top_level():
    for path in FILES:
        source = _module_name(path)
        if _stage(source) != "model":
            continue
        for target, at_top in _imports(path):
            if at_top:
                assert _stage(target) == "model", f"{source} imports {target}"


def test_no_two_modules_import_each_other_at_top_level():
    graph = {
        _module_name(p): {t for t, top in _imports(p) if top}
        for p in FILES
        if p.name != "__init__.py"  # package __init__s only re-export
    }
    seen: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in graph.get(node, ()):
            if seen.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt] if nxt in path else [node, nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in seen:
                visit(nxt, [*path, nxt])
        seen[node] = 2

    for node in graph:
        if node not in seen:
            visit(node, [node])


def test_no_module_shadows_the_public_name_of_the_same_name():
    # a submodule named like a public function would replace it on the package
    # once imported (``import conflictkit.anonymize`` rebinding ck.anonymize)
    import importlib

    for name in ck.__all__:
        assert not (PACKAGE / f"{name}.py").exists(), name
        assert not (PACKAGE / name).is_dir(), name
    for module in MODULES_AND_PACKAGES:
        importlib.import_module(module)
    assert callable(ck.anonymize)
    assert ck.anonymize.__module__ == "conflictkit._anonymize"


def test_each_subpackage_says_what_it_owns():
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text()))
        assert doc, f"{init.parent.name}/__init__.py has no docstring"
        assert len(doc) > 60, f"{init.parent.name}/__init__.py: say what it owns"


def test_a_python_without_pandas_is_told_what_to_install(monkeypatch):
    # the source folder run by an interpreter without the dependencies: the
    # first use of a stage says what is missing, not a bare import error deep
    # inside a reader
    import importlib.util

    import conflictkit as ck

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name in ("pandas", "pyarrow") else real(name, *a),
    )
    with pytest.raises(
        ModuleNotFoundError, match=r"needs pandas, pyarrow.*pip install"
    ):
        ck._check_dependencies.__wrapped__()
