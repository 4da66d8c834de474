"""The loop ``draftlint check`` runs over files: configs, reading, the cache, workers, fixes and
the new-only filters (baseline, changed lines).

The parent process reads every file and asks the cache first; only the misses go to the workers,
so a fully cached run never starts a pool nor runs a rule.  The misses are linted in groups
(``GROUP_FILES``), in-process or one group per worker task, so that the grammar layer parses
a group's cued sentences in one call (``lint.lint_texts``); a file's failure is kept as its
outcome and raised in its turn, as when files were linted one by one.  Workers get the text the
parent read (what was hashed is what is linted) and return results without their Document,
which is large to pickle; results linted in-process drop it too, so that a run's memory does
not grow with the number of files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import pickle
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from draftlint.config.discovery import ConfigResolver
from draftlint.config.settings import Config
from draftlint.drafts import formats
from draftlint.run.baseline import Baseline, ChangedLines, write_baseline
from draftlint.run.cache import ResultCache, cache_dir_for
from draftlint.run.fix import fix_text, is_fixable, unified_diff, write_fixed
from draftlint.run.lint import (
    STDIN,
    FileResult,
    InputError,
    RuleCrash,
    Source,
    decode,
    expand_paths,
    lint_text,
    lint_texts,
    read_source,
)
from draftlint.run.parallel import Progress, run_tasks, uses_fork
from draftlint.violation import Severity


@dataclass(frozen=True)
class RunOptions:
    jobs: int = 1
    cache: bool = True
    fix: bool = False  # apply fixes and write the files
    diff: bool = False  # compute fixes, write nothing; RunResult.diffs holds them
    unsafe_fixes: bool = False
    baseline: Baseline | None = None
    changed: ChangedLines | None = None
    write_baseline: Path | None = None
    stdin_filename: str | None = None
    progress: bool = True

    @property
    def fixing(self) -> bool:
        return self.fix or self.diff


@dataclass
class RunResult:
    results: list[FileResult]
    fail_levels: list[Severity] = field(default_factory=list)
    applied: int = 0  # fixes applied (or, with diff, that would be)
    fixed_files: int = 0
    diffs: list[str] = field(default_factory=list)
    not_converged: list[str] = field(default_factory=list)
    baseline_written: int | None = None

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    def fails(self) -> bool:
        """True when a finding is at or above the lowest fail-on of the files linted."""
        threshold = min(self.fail_levels, default=Severity.WARNING)
        return any(v.severity >= threshold for r in self.results for v in r.violations)


@dataclass
class _Task:
    """One file's work, picklable for a worker."""

    path: str  # display path (and the path read)
    fmt: str
    text: str
    config: Config
    cache_dir: str | None
    fix: bool
    unsafe: bool
    in_process: bool  # linted by the parent: exceptions need not pickle, the text stays


@dataclass
class _Outcome:
    result: FileResult
    text: str | None = None  # the fixed text, when fixing
    applied: int = 0
    converged: bool = True
    crash: tuple[str, str, str] | None = None  # (code, exception type, message) from a worker
    #: what linting the file raised, raised by the parent in the file's turn
    error: Exception | None = None


#: A group of files linted together (their cued sentences parsed in one call, see
#: ``lint.lint_texts``): up to this many files or characters (about 30,000 words). Beyond a
#: few dozen files the parser's per-call cost is already small; a larger group only holds
#: more Documents in memory and hands work to the workers in coarser pieces.
GROUP_FILES = 32
GROUP_CHARS = 180_000


def _work(group: list[_Task]) -> list[_Outcome]:
    """A group's outcomes in its order; one file's failure is that file's outcome only."""
    if any(task.fix for task in group):  # fix_text lints again and again: file by file
        return [_caught(task, _fix_task) for task in group]
    linted = lint_texts([Source(t.text, t.path, t.fmt, t.config) for t in group])
    return [_caught(task, _store, result) for task, result in zip(group, linted, strict=True)]


def _caught(task: _Task, step: Callable[..., _Outcome], *args: object) -> _Outcome:
    """``step(task, *args)``, with what it raises turned into the file's outcome."""
    try:
        return step(task, *args)
    except RuleCrash as exc:
        if task.in_process:  # keep the original exception and traceback
            return _Outcome(FileResult(path=task.path), error=exc)
        return _Outcome(
            FileResult(path=task.path), crash=(exc.code, type(exc.error).__name__, str(exc.error))
        )
    except Exception as exc:  # noqa: BLE001 - raised again by the parent, in this file's turn
        if not task.in_process:
            try:
                pickle.dumps(exc)
            except Exception:  # noqa: BLE001 - an exception that cannot go back to the parent
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return _Outcome(FileResult(path=task.path), error=exc)


def _fix_task(task: _Task) -> _Outcome:
    fixed = fix_text(task.text, task.path, task.fmt, task.config, task.unsafe)
    return _store(task, _Outcome(fixed.result, fixed.text, fixed.applied, fixed.converged))


def _store(task: _Task, got: _Outcome | FileResult | Exception) -> _Outcome:
    """Cache the outcome of a task and drop what a worker need not send back."""
    if isinstance(got, Exception):
        raise got
    outcome = got if isinstance(got, _Outcome) else _Outcome(got)
    if task.cache_dir is not None:
        text = outcome.text if outcome.text is not None else task.text
        cache = ResultCache(task.cache_dir)
        cache.put(cache.key(task.path, task.fmt, text.encode("utf-8"), task.config), outcome.result)
    # No result keeps its Document, in a worker (not worth pickling; the parent has the text
    # and puts it back, see run) nor in-process: a Document with its analysis is some 400
    # bytes a word, and a run over an archive would hold every file's. The HTML report
    # parses the text again for its page (report.html.document_for).
    text = outcome.result.text if task.in_process else None
    outcome.result = dataclasses.replace(outcome.result, document=None, text=text)
    return outcome


#: The collector's thresholds while a run lints (see ``_collector``): a young collection every
#: 20,000 allocations instead of 700, and a full one only after 50 young ones of each older
#: generation. A run builds hundreds of thousands of small objects that live as long as their
#: Document, and with the default thresholds each full collection walks all of them again
#: (about 1.1 s of 11 on the tune half's 426 articles, bench/grammar.py --speed); mypy and
#: other batch tools raise the thresholds for the same reason.
GC_THRESHOLDS = (20_000, 50, 50)


@contextlib.contextmanager
def _collector() -> Iterator[None]:
    """Raise the collector's thresholds for the run, and put the caller's back after it."""
    saved = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


def _warm_up(config: Config) -> None:
    """Load the rules' data once before forking, so workers share it instead of each loading it."""
    try:
        lint_text(
            "Warm-up text: the meeting lasted two hours, said Mr Smith.\n",
            "warm-up.txt",
            "text",
            config,
        )
    except RuleCrash:
        pass  # a rule that crashes will crash again on a real file, and be reported there


def run(
    paths: Sequence[str],
    resolver: ConfigResolver,
    options: RunOptions,
    effective: Callable[[Config], Config] = lambda c: c,
) -> RunResult:
    """Lint (and fix) ``paths``; ``effective`` applies command-line overrides to each config."""
    with _collector():  # forked workers inherit it
        return _run(paths, resolver, options, effective)


def _run(
    paths: Sequence[str],
    resolver: ConfigResolver,
    options: RunOptions,
    effective: Callable[[Config], Config],
) -> RunResult:
    targets = list(expand_paths(paths, resolver))
    results: list[FileResult | None] = [None] * len(targets)
    texts: list[str | None] = [None] * len(targets)
    pending: deque[tuple[int, _Task]] = deque()  # handed to run_tasks, oldest first
    run_result = RunResult(results=[])
    caches: dict[Path, ResultCache] = {}
    progress = Progress(len(targets), enabled=None if options.progress else False)
    # One effective Config per resolved config, so that equal configs are one object: the
    # cache fingerprints each object once instead of once per file.
    effective_configs: dict[int, tuple[Config, Config]] = {}

    def config_for(path: Path) -> Config:
        base = resolver.for_path(path)
        known = effective_configs.get(id(base))
        if known is None or known[0] is not base:
            known = effective_configs[id(base)] = (base, effective(base))
        return known[1]

    # Groups no larger than a worker's share, so that a few files still spread over the jobs;
    # fixes go file by file (fix_text is not batched).
    jobs = max(1, options.jobs)
    group_files = 1 if options.fixing else max(1, min(GROUP_FILES, -(-len(targets) // jobs)))

    def produce() -> Iterator[list[_Task]]:
        """Read each file; settle errors and cache hits here, yield the rest as groups."""
        group: list[_Task] = []
        chars = 0
        for index, (path, error) in enumerate(targets):
            task, fail_on = _prepare(
                path, error, index, config_for, caches, options, results, texts
            )
            if fail_on is not None:
                run_result.fail_levels.append(fail_on)
            if task is None:
                progress.advance()
                continue
            pending.append((index, task))
            group.append(task)
            chars += len(task.text)
            if len(group) >= group_files or chars >= GROUP_CHARS:
                yield group
                group, chars = [], 0
        if group:
            yield group

    def warm_up(group: list[_Task]) -> None:
        if uses_fork():
            _warm_up(group[0].config)

    outcomes = run_tasks(_work, produce(), options.jobs, before_pool=warm_up)
    try:
        for group_outcomes in outcomes:
            for outcome in group_outcomes:
                index, task = pending.popleft()
                if outcome.error is not None:
                    raise outcome.error
                if outcome.crash is not None:
                    code, kind, message = outcome.crash
                    # The rule's own exception may not pickle; rebuild one that prints the same.
                    raise RuleCrash(code, task.path, type(kind, (Exception,), {})(message))
                text = outcome.text if outcome.text is not None else task.text
                results[index] = dataclasses.replace(outcome.result, text=text)
                if outcome.text is not None and outcome.text != task.text:
                    _apply(task, outcome, options, run_result)
                    texts[index] = outcome.text
                if not outcome.converged:
                    run_result.not_converged.append(task.path)
                progress.advance()
    finally:
        outcomes.close()  # stops the workers now, not when the generator is collected
        progress.close()

    final = [r for r in results if r is not None]
    if options.write_baseline is not None:
        entries = [
            (r.path, t, r.violations)
            for r, t in zip(results, texts, strict=True)
            if r and t is not None
        ]
        run_result.baseline_written = write_baseline(options.write_baseline, entries)
    else:
        final = [_new_only(r, t, options) for r, t in zip(final, texts, strict=True)]
    run_result.results = final
    return run_result


def _prepare(
    path: str,
    error: str | None,
    index: int,
    config_for: Callable[[Path], Config],
    caches: dict[Path, ResultCache],
    options: RunOptions,
    results: list[FileResult | None],
    texts: list[str | None],
) -> tuple[_Task | None, Severity | None]:
    """Read one file and ask the cache: the task to run (None when the result is settled, as
    an error or a cache hit, and stored in ``results``) and the file's fail-on level."""
    if error:
        results[index] = FileResult(path=path, error=error)
        return None, None
    display = (options.stdin_filename or "<stdin>") if path == STDIN else path
    try:
        if path == STDIN:
            config = config_for(Path(options.stdin_filename or "."))
            text = decode(sys.stdin.buffer.read())
        else:
            config = config_for(Path(path))
            text = read_source(path)
    except InputError as exc:
        results[index] = FileResult(path=display, error=str(exc))
        return None, None
    texts[index] = text
    fmt = formats.format_for(display)
    cache = None
    if options.cache and path != STDIN:
        directory = cache_dir_for(config)
        cache = caches.setdefault(directory, ResultCache(directory))
        hit = cache.get(cache.key(display, fmt, text.encode("utf-8"), config))
        if hit is not None and not (
            options.fixing and any(is_fixable(v, options.unsafe_fixes) for v in hit.violations)
        ):
            results[index] = dataclasses.replace(hit, text=text)
            return None, config.fail_on
    task = _Task(
        display,
        fmt,
        text,
        config,
        str(cache.directory) if cache else None,
        options.fixing,
        options.unsafe_fixes,
        in_process=options.jobs <= 1,
    )
    return task, config.fail_on


def _apply(task: _Task, outcome: _Outcome, options: RunOptions, run_result: RunResult) -> None:
    assert outcome.text is not None
    run_result.applied += outcome.applied
    run_result.fixed_files += 1
    if options.diff:
        run_result.diffs.append(unified_diff(task.path, task.text, outcome.text))
    else:
        write_fixed(task.path, outcome.text)


def _new_only(result: FileResult, text: str | None, options: RunOptions) -> FileResult:
    if (
        text is None
        or not result.violations
        or (options.baseline is None and options.changed is None)
    ):
        return result
    violations = result.violations
    if options.baseline is not None:
        violations = options.baseline.new_only(result.path, text, violations)
    if options.changed is not None:
        violations = options.changed.new_only(result.path, violations)
    return dataclasses.replace(result, violations=violations)


def lint_paths(
    paths: Sequence[str], config: Config | None = None, *, jobs: int = 1, cache: bool = False
) -> list[FileResult]:
    """Lint files and directories (the public API): one ``config`` for all, or each file's own.

    Results carry the text linted but not its Document (``document`` is None), as in every
    run: parse the text again where a page needs it (``report.html.document_for``).
    """
    resolver = ConfigResolver()
    effective = (lambda _: config) if config is not None else (lambda c: c)
    return run(
        paths, resolver, RunOptions(jobs=jobs, cache=cache, progress=False), effective
    ).results
