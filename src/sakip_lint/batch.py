"""Many files in one call: each checked and written out on its own, in worker processes when
asked (``--jobs``), and handed back in the order the files were given.

Only the written text of a file and its counts leave the worker, never the loaded report, and
no more than two files per worker are in flight: memory stays that of the largest file,
however many files a run checks (a province's or the nation's reports of a year).
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sakip_lint import limits
from sakip_lint.engine import FileResult, check_file
from sakip_lint.phases import Stopwatch, collector_paused, freeze_long_lived
from sakip_lint.ruleset import Ruleset

T = TypeVar("T")
Render = Callable[[FileResult], T]


def check_and_render(path: str | Path, ruleset: Ruleset, render: Render,
                     timings: dict[str, float] | None = None) -> T:
    """One file checked and written; its report is dropped before the garbage collector runs
    again, so the collector never walks it (``phases``)."""
    with collector_paused():
        result = check_file(path, ruleset, timings=timings)
        watch = Stopwatch(timings)
        written = render(result)
        watch.lap("output")
        del result
    return written


def checked(paths: Iterable[str | Path], ruleset: Ruleset, render: Render, jobs: int = 1,
            reload: Callable[[], Ruleset] | None = None) -> Iterator[T]:
    """``render`` of every file's result, in the order of ``paths``; with ``jobs`` > 1 the
    files are checked by that many worker processes (``reload`` makes the rules again in a
    worker that does not share this process's memory: a picklable function, such as a
    ``functools.partial`` of ``api.load_rules``)."""
    paths = list(paths)
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield check_and_render(path, ruleset, render)
        return
    import multiprocessing  # only a run with --jobs starts processes
    from concurrent.futures import ProcessPoolExecutor

    for stream in (sys.stdout, sys.stderr):  # a forked worker would write what is buffered again
        stream.flush()
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if not forking and reload is None:
        raise ValueError("workers that do not fork need a way to load the rules again")
    rules = ruleset if forking else reload
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(rules, limits.current(), render)) as pool:
        remaining = iter(paths)
        in_flight = deque(pool.submit(_check_in_worker, path)
                          for path in islice(remaining, 2 * jobs))
        while in_flight:
            written = in_flight.popleft().result()
            for path in islice(remaining, 1):
                in_flight.append(pool.submit(_check_in_worker, path))
            yield written


_worker: tuple[Ruleset, Render] | None = None  # in a worker process: its rules and writer


def _start_worker(rules: Ruleset | Callable[[], Ruleset], in_force: limits.Limits,
                  render: Render) -> None:
    global _worker
    limits.configure(in_force)
    with limits.arithmetic():
        ruleset = rules if isinstance(rules, Ruleset) else rules()
    freeze_long_lived()
    _worker = (ruleset, render)


def _check_in_worker(path: str | Path):
    assert _worker is not None, "the worker was not started"
    with limits.arithmetic():
        return check_and_render(path, *_worker)
