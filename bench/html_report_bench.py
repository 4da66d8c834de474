"""Size and time-to-interactive of one HTML report over many drafts.

    python bench/html_report_bench.py [--corpus DIR] [--drafts 200] [--runs 3] [--keep report.html]

Lints the first N drafts of the dev corpus (sorted by name), renders one report, and loads it
from disk in headless Chromium (Debian's, through Playwright; nothing is downloaded).  Prints:

* the file size (budget: under 8 MiB);
* per load: the browser's domInteractive and the moment the page's script has indexed every
  finding and wired the filters (the ``draftlint-ready`` performance mark, set last), both from
  navigation start; the budget for "interactive" is 3 s;
* the cost of two interactions on the loaded page: toggling a family filter and jumping to the
  last finding from the list.

The corpus is read in place (it may not be copied into the repository).  Exit code 1 when a
budget is missed, 2 when the corpus or Chromium is missing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from draftlint.report.html import render_html
from draftlint.run.lint import FileResult
from draftlint.run.runner import lint_paths
from draftlint.violation import Severity, Violation

CORPUS = Path("/work/shared/corpus/bbc_news/dev")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAX_BYTES = 8 * 1024 * 1024
MAX_INTERACTIVE_MS = 3000.0

TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const ready = performance.getEntriesByName('draftlint-ready')[0];
  const script = performance.getEntriesByName('draftlint-script')[0];
  return {dom_interactive: nav.domInteractive, dom_content_loaded: nav.domContentLoadedEventEnd,
          ready: ready.startTime, script_ms: ready.startTime - script.startTime,
          load: nav.loadEventEnd};
}"""
INTERACT = """() => {
  const t0 = performance.now();
  const box = document.querySelector('#dl-filters input[name=family]');
  box.click();
  const filter = performance.now() - t0;
  box.click();
  const items = document.querySelectorAll('li.finding .item');
  const t1 = performance.now();
  items[items.length - 1].click();
  const target = document.getElementById('f' + items[items.length - 1].dataset.f);
  const rect = target.getBoundingClientRect();
  return {filter_ms: filter, jump_ms: performance.now() - t1,
          in_view: rect.top >= 0 && rect.bottom <= window.innerHeight};
}"""


def plant(result: FileResult, count: int) -> None:
    """Add ``count`` spelling-style findings spread over the draft's words (a stress test)."""
    document = result.document
    if document is None:
        return
    words = [t for t in document.analysis.tokens if t.kind == "word"]
    step = max(len(words) // max(count, 1), 1)
    for token in words[::step][:count]:
        span = document.to_source((token.start, token.end))
        line, column = document.line_col(span.start)
        end_line, end_column = document.line_col(span.end)
        result.violations.append(
            Violation(
                result.path,
                line,
                column,
                end_line,
                end_column,
                "SP101",
                "unknown-word",
                Severity.WARNING,
                span,
                f"unknown word '{token.text}'",
                (token.text.lower(),),
            )
        )
    result.violations.sort(key=lambda v: (v.span.start, v.span.end, v.code))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--drafts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="page loads to time (median reported)")
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--keep", type=Path, help="also write the report here")
    parser.add_argument(
        "--extra-per-draft",
        type=int,
        default=0,
        metavar="N",
        help="plant N more findings per draft (on every k-th word) to see how a noisier "
        "rule set scales",
    )
    args = parser.parse_args(argv)
    drafts = sorted(p for p in args.corpus.glob("*.txt"))[: args.drafts]
    if len(drafts) < args.drafts:
        print(f"html_report_bench: only {len(drafts)} drafts in {args.corpus}", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists():
        print(
            f"html_report_bench: no Chromium at {args.chromium} (apt-get install chromium)",
            file=sys.stderr,
        )
        return 2

    start = time.perf_counter()
    results = lint_paths([str(p) for p in drafts])
    lint_s = time.perf_counter() - start
    if args.extra_per_draft:
        for result in results:
            plant(result, args.extra_per_draft)
    start = time.perf_counter()
    page_text = render_html(results)
    render_s = time.perf_counter() - start
    findings = sum(len(r.violations) for r in results)
    size = len(page_text.encode("utf-8"))
    print(f"drafts: {len(results)}  findings: {findings}  words: {sum(r.words for r in results)}")
    print(f"lint: {lint_s:.2f} s  render: {render_s:.2f} s")
    print(f"report size: {size / 2**20:.2f} MiB ({size} bytes; budget {MAX_BYTES / 2**20:.0f} MiB)")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.html"
        path.write_text(page_text, encoding="utf-8")
        if args.keep:
            args.keep.write_text(page_text, encoding="utf-8")
        loads = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                context.route(
                    "**/*", lambda r: r.continue_() if r.request.url == path.as_uri() else r.abort()
                )
                page = context.new_page()
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                wall = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_selector("html[data-ready=true]", timeout=30000)
                wall_ms = (time.perf_counter() - wall) * 1000
                timing = page.evaluate(TIMINGS)
                interact = page.evaluate(INTERACT)
                loads.append({**timing, "wall": wall_ms, **interact, "errors": errors})
                context.close()
            browser.close()
    for n, t in enumerate(loads, 1):
        print(
            f"load {n}: domInteractive {t['dom_interactive']:.0f} ms, ready {t['ready']:.0f} ms, "
            f"script {t['script_ms']:.0f} ms, load event {t['load']:.0f} ms, "
            f"wall (goto to ready) {t['wall']:.0f} ms; "
            f"filter toggle {t['filter_ms']:.0f} ms, jump to last finding {t['jump_ms']:.0f} ms"
            f"{'' if t['in_view'] else ' (NOT in view)'}"
            f"{'; errors: ' + str(t['errors']) if t['errors'] else ''}"
        )
    # Interactive: the script has run (ready) and the DOM is complete (domContentLoaded).
    ready = statistics.median(max(t["ready"], t["dom_content_loaded"]) for t in loads)
    print(
        f"time to interactive (median of max(ready, DOMContentLoaded)): {ready:.0f} ms "
        f"(budget {MAX_INTERACTIVE_MS:.0f} ms)"
    )
    ok = (
        size < MAX_BYTES
        and ready < MAX_INTERACTIVE_MS
        and all(t["in_view"] and not t["errors"] for t in loads)
    )
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
