"""Per-file work in worker processes, and a progress bar for long runs on a terminal."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TextIO, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    """What ``--jobs 0`` means: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def uses_fork() -> bool:
    """Workers are forked on Linux: they inherit the loaded rules, word lists and models.

    Elsewhere fork is unsafe (macOS frameworks) or missing (Windows), and each worker imports
    and loads what it needs itself.
    """
    return sys.platform.startswith("linux")


def run_tasks(
    func: Callable[[T], R],
    tasks: Iterable[T],
    jobs: int,
    progress: Progress | None = None,
    before_pool: Callable[[T], None] | None = None,
) -> Iterator[R]:
    """``func`` over ``tasks``, results in task order; in ``jobs`` worker processes if > 1.

    Tasks are handed out as they come (``tasks`` may be a generator that reads files), so the
    workers start on the first file while the rest are still being read.  ``before_pool`` runs
    with the first task, just before the workers are forked.
    """
    if jobs <= 1:
        for task in tasks:
            yield func(task)
            if progress:
                progress.advance()
        return
    context = multiprocessing.get_context("fork" if uses_fork() else None)
    pool: ProcessPoolExecutor | None = None
    pending: deque[Future[R]] = deque()
    try:
        for task in tasks:
            if pool is None:
                if before_pool is not None:
                    before_pool(task)
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            pending.append(pool.submit(func, task))
            while pending and pending[0].done():  # hand back what is ready, in order
                yield pending.popleft().result()
                if progress:
                    progress.advance()
        while pending:
            yield pending.popleft().result()
            if progress:
                progress.advance()
    finally:
        # Also when the caller stops early (a rule crashed): drop the work not yet started.
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class Progress:
    """``[#####.....]  412/853 files`` on stderr, drawn only on a terminal after ``delay`` s.

    Short runs never draw it, and the line is wiped at the end, so the report below is clean.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        delay: float = 0.5,
        enabled: bool | None = None,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = (
                hasattr(self.stream, "isatty")
                and self.stream.isatty()
                and not os.environ.get("NO_PROGRESS")
            )
        self.enabled = enabled and total > 1
        self.done = 0
        self._start = time.monotonic()
        self._delay = delay
        self._last_draw = 0.0
        self._drawn = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._start < self._delay or (
            now - self._last_draw < 0.1 and self.done < self.total
        ):
            return
        self._last_draw = now
        width = 30
        filled = width * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (width - filled)
        self.stream.write(f"\r[{bar}] {self.done:>{len(str(self.total))}}/{self.total} files")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
