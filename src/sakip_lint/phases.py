"""How long each phase of a check takes, and the garbage collector kept out of the way.

A report of 10 000 indicators is millions of small objects (values, positions, rows) that all
live until the report is checked. CPython's cyclic garbage collector walks every live object on
each full collection; while a report is being loaded and checked nothing it allocates is cyclic
garbage, so those walks find nothing and cost nearly half the run. The collector is paused for
the length of one file (and the objects that live for the whole process — modules, grammar,
rules — are moved out of its sight with ``gc.freeze``); the file's objects are freed by their
reference counts when its result is dropped, and the collector runs again between files.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

PHASES = ("load", "validate", "compute", "rules", "output")


class Stopwatch:
    """Adds the time since the last lap to ``timings[name]``; does nothing without timings.
    ``clock`` is wall time; the benchmark may set it to the process's CPU time."""

    clock = staticmethod(time.perf_counter)

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = self.clock() if timings is not None else 0.0

    def lap(self, name: str) -> None:
        if self.timings is None:
            return
        now = self.clock()
        self.timings[name] = self.timings.get(name, 0.0) + now - self.last
        self.last = now


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one file is loaded and checked (see above)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze_long_lived() -> None:
    """Move everything alive now (imports, the grammar, the compiled rules) to the permanent
    generation: it lives as long as the process, so no collection needs to walk it."""
    gc.collect()
    gc.freeze()
