"""Regenerate the example career in this folder.

Run from the repository root::

    python datasets/make_example.py

It calls ``conflictkit.make_history`` with the arguments in
``conflictkit.datasets.EXAMPLE_PARAMS`` and writes ``disputes.csv``,
``missions.csv`` and ``planted.json`` beside this script. The output is
deterministic: running it again gives the same files.
"""

from __future__ import annotations

import json
from pathlib import Path

import conflictkit as ck
from conflictkit.datasets import EXAMPLE_PARAMS

HERE = Path(__file__).resolve().parent


def main() -> None:
    history = ck.make_history(**EXAMPLE_PARAMS)
    ck.write_history(history, HERE / "disputes.csv", missions=HERE / "missions.csv")
    planted = json.dumps(history.planted, indent=2, ensure_ascii=False)
    (HERE / "planted.json").write_text(planted + "\n", encoding="utf-8")
    print(f"{history!r} written to {HERE}")


if __name__ == "__main__":
    main()
