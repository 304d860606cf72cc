"""Progress bars on long work (tqdm), shown only when the work is long."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm.auto import tqdm

__all__ = ["progress"]

T = TypeVar("T")

#: Below this many steps the work takes about a second: no bar.
MIN_STEPS = 2000


def progress(items: Iterable[T], *, total: int, desc: str) -> Iterator[T]:
    """Iterate over ``items``, with a progress bar when there are many.

    Examples
    --------
    >>> list(progress(range(3), total=3, desc="counting"))
    [0, 1, 2]
    """
    if total < MIN_STEPS:
        yield from items
        return
    yield from tqdm(items, total=total, desc=desc, leave=False)
