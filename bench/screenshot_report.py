"""Render the seed's HTML report and screenshot it into docs/report-screenshot.png.

    python bench/screenshot_report.py [--out PNG] [--chromium /usr/bin/chromium] [--prefer GR,SP]

Needs Playwright (the ``test`` extra) and a Chromium binary (Debian: ``apt-get install chromium``);
Playwright's own browser download is never used.  The screenshot shows the page as an editor
first sees it, with one finding focused so that its tooltip is visible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from draftlint.report.html import render_html
from draftlint.run.runner import lint_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trump-putin-hamburg-commentary.txt"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "report-screenshot.png")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--prefer",
        default="GR,SP,QT,CN,WS",
        help="families whose highlight to click for the tooltip, in order of preference",
    )
    args = parser.parse_args(argv)
    if not Path(args.chromium).exists():
        print(
            f"screenshot_report: no Chromium at {args.chromium} (apt-get install chromium)",
            file=sys.stderr,
        )
        return 2
    from playwright.sync_api import sync_playwright

    results = lint_paths([str(SEED.relative_to(ROOT))] if Path.cwd() == ROOT else [str(SEED)])
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "report.html"
        page_path.write_text(render_html(results), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 1150}, device_scale_factor=1)
            page.goto(page_path.as_uri())
            page.wait_for_selector("html[data-ready=true]")
            # Click a highlight high enough for its tooltip to open below it: it is focused, its
            # tooltip shows and its list item is marked, and the page stays at its top.
            for family in [*args.prefer.split(","), ""]:
                marks = page.locator(f"mark.hl.head{'.f-' + family if family else ''}").all()
                chosen = next(
                    (m for m in marks if 380 < (m.bounding_box() or {"y": 0})["y"] < 720), None
                )
                if chosen is not None:
                    chosen.click()
                    break
            page.wait_for_timeout(1800)  # let the flash fade
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
