"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

One browser per module; each test opens the report from disk in a fresh context whose every
request is routed, so a request for anything but the report file itself is recorded and
refused.  Without /usr/bin/chromium (or Playwright) the tests skip and say why; CI installs
both (.ci/run).  Never run ``playwright install``: it downloads a browser.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from draftlint.drafts.document import Span
from draftlint.report import ReportOptions, render
from draftlint.report.html import render_html
from draftlint.run.runner import lint_paths
from draftlint.violation import Severity, Violation

ROOT = Path(__file__).resolve().parent.parent
XSS = ROOT / "tests" / "fixtures" / "xss"
SEED = ROOT / "seeds" / "trump-putin-hamburg-commentary.txt"
#: Debian's Chromium, or the binary DRAFTLINT_CHROMIUM names (another distribution's path).
CHROMIUM = Path(os.environ.get("DRAFTLINT_CHROMIUM", "/usr/bin/chromium"))
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
OVERLAP = (
    "He said \u201cwe have the  the agenda , then he left.\n\nIt went to to  the the  meeting.\n\n"
    "This last paragraph runs on well past eighty characters so that a finding on all of it "
    "is wide, with with a slip inside.\n"
)
WIDE_CODE = "ZZ101"  # planted: a paragraph-long finding, as RD rules report them
MARKDOWN = "# A heading\n\n> He said \u201cno no comment.\n\n- first item  here\n- second item\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need Playwright: pip install -e '.[test]'"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict[str, Any]:
    """The seed plus drafts with nested findings: one run rendered as HTML and as JSON.

    One paragraph-long finding is planted in the results before both are rendered, so that the
    wide-finding behaviour is tested whatever the RD rules report.
    """
    tmp = tmp_path_factory.mktemp("report")
    (tmp / "overlap.txt").write_text(OVERLAP, encoding="utf-8")
    (tmp / "structure.md").write_text(MARKDOWN, encoding="utf-8")
    results = lint_paths([str(SEED), str(tmp / "overlap.txt"), str(tmp / "structure.md")])
    overlap = next(r for r in results if r.path.endswith("overlap.txt"))
    start = OVERLAP.index("This last")
    end = len(OVERLAP) - 1
    overlap.violations.append(
        Violation(
            overlap.path,
            5,
            1,
            5,
            end - start + 1,
            WIDE_CODE,
            "long-paragraph",
            Severity.INFO,
            Span(start, end),
            "a paragraph-long finding",
        )
    )
    overlap.violations.sort(key=lambda v: (v.span.start, v.span.end, v.code))
    for fmt in ("json", "html"):
        with open(tmp / f"report.{fmt}", "w", encoding="utf-8") as stream:
            render(fmt, results, stream, ReportOptions())
    data = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    return {"html": tmp / "report.html", "json": data}


@dataclass
class Opened:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.requests == [self.url], f"requests besides the report: {self.requests}"
        assert self.dialogs == [], self.dialogs


def open_report(browser: Any, path: Path) -> Opened:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    opened = Opened(page, path.as_uri())

    def route(r: Any) -> None:
        opened.requests.append(r.request.url)
        if r.request.url == opened.url:
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.on(
        "console",
        lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.goto(opened.url)
    page.wait_for_selector("html[data-ready=true]", timeout=10000)
    return opened


@pytest.fixture(scope="module")
def loaded(browser, report) -> Iterator[Opened]:
    """The report, loaded once: a page load costs far more than resetting the page."""
    result = open_report(browser, report["html"])
    yield result
    result.page.context.close()


RESET = """() => {
  document.querySelectorAll('#dl-filters input[type=checkbox]').forEach(b => { b.checked = true; });
  document.querySelector('#dl-filters input[type=search]').value = '';
  document.querySelector('#dl-filters select').value = '';
  document.querySelector('#dl-filters').dispatchEvent(new Event('input', {bubbles: true}));
  if (document.activeElement) document.activeElement.blur();
  document.getElementById('dl-tip').hidden = true;
  window.scrollTo(0, 0);
}"""


@pytest.fixture
def opened(loaded) -> Opened:
    """The loaded report with every filter reset and nothing focused, for one test."""
    loaded.page.emulate_media(media="screen")
    loaded.page.evaluate(RESET)
    return loaded


def shown(page: Any, selector: str) -> int:
    return page.locator(selector).evaluate_all("els => els.filter(e => e.checkVisibility()).length")


# ------------------------------------------------------------------------------ tests
def test_one_highlight_per_finding_of_the_json_run(opened, report):
    expected = sum(len(f["violations"]) for f in report["json"]["files"])
    page = opened.page
    assert expected > 20
    assert page.locator("mark.hl.head").count() == expected
    ids = page.locator("mark.hl").evaluate_all("els => new Set(els.map(e => e.dataset.f)).size")
    assert ids == expected
    assert shown(page, "li.finding") == expected
    assert (
        page.locator("mark.hl.f-GR > mark.hl.f-WS").count() >= 1
    )  # "the  the": WS201 inside GR201
    opened.assert_clean()


def test_filters_hide_and_show_findings(opened):
    page = opened.page
    total = page.locator("li.finding").count()
    ws = page.locator("li.finding:has(code:text-matches('^WS'))").count()
    assert 0 < ws < total
    page.locator("input[name=family][value=WS]").uncheck()
    assert shown(page, "li.finding") == total - ws
    assert page.locator("mark.hl.head.f-WS:not(.off)").count() == 0
    assert page.locator("mark.hl.head.off").count() == ws
    assert page.locator("#dl-count").inner_text() == f"{total - ws} of {total} findings shown"
    page.locator("input[name=family][value=WS]").check()
    assert shown(page, "li.finding") == total

    page.locator("input[name=severity][value=warning]").uncheck()
    not_warnings = page.locator("li.finding:not(:has(.sev.s-warning))").count()
    assert shown(page, "li.finding") == not_warnings < total
    page.locator("input[name=severity][value=warning]").check()

    page.locator("select[name=rule]").select_option("GR201")
    assert (
        shown(page, "li.finding")
        == page.locator("li.finding:has(code:text-is('GR201'))").count()
        >= 3
    )
    page.locator("select[name=rule]").select_option("")

    page.locator("input[type=search]").fill("repeated word 'to'")
    assert shown(page, "li.finding") == 1
    page.locator("input[type=search]").fill("no such finding anywhere")
    assert shown(page, "li.finding") == 0
    assert shown(page, ".list .empty") >= 1
    page.locator("input[type=search]").fill("")
    assert shown(page, "li.finding") == total
    opened.assert_clean()


def test_clicking_a_list_item_scrolls_to_its_highlight(opened):
    page = opened.page
    item = page.locator("li.finding .item").last
    fid = item.get_attribute("data-f")
    head = page.locator(f"#f{fid}")
    assert not in_view(page, head)
    item.click()
    assert in_view(page, head)
    assert "flash" in (head.get_attribute("class") or "")
    assert page.evaluate("document.activeElement.id") == f"f{fid}"
    page.locator("#dl-tip").wait_for(state="visible", timeout=5000)
    opened.assert_clean()


def in_view(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= size["height"]


def test_n_and_p_step_through_findings(opened):
    page = opened.page
    order = page.locator("mark.hl.head").evaluate_all("els => els.map(e => e.id)")
    page.keyboard.press("n")
    first = page.evaluate("document.activeElement.id")
    assert first in order  # the first finding, or the one after the last visited
    at = order.index(first)
    page.keyboard.press("n")
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == order[(at + 2) % len(order)]
    assert in_view(page, page.locator(f"#{order[(at + 2) % len(order)]}"))
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == order[(at + 1) % len(order)]
    page.locator("input[name=family][value=WS]").uncheck()  # filtered findings are skipped
    page.evaluate("document.activeElement.blur()")
    for _ in range(3):
        page.keyboard.press("n")
        assert page.evaluate("document.activeElement.dataset.fam") not in (None, "WS")
    opened.assert_clean()


def test_tooltip_shows_every_finding_at_the_point(opened):
    page = opened.page
    # The overlap draft's own nesting (the drafts' order follows their paths, which differ
    # from one machine to another, so look inside that draft's text).
    text = page.locator('article.text[aria-label$="overlap.txt"]')
    inner = text.locator("mark.hl.f-GR mark.hl.head").first
    inner.scroll_into_view_if_needed()
    inner.hover()
    tip = page.locator("#dl-tip")
    tip.wait_for(state="visible", timeout=5000)  # shown on the hover event; wait, do not race it
    assert tip.locator(".tip-one").count() == 2  # the inner WS201 and the GR201 around it
    text = tip.inner_text()
    assert "WS201" in text and "GR201" in text and "Why:" in text and "Suggestion:" in text
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden", timeout=5000)
    opened.assert_clean()


def test_wide_findings_light_up_only_when_chosen(opened):
    page = opened.page
    wide = page.locator("mark.hl.head.wide:is([data-fam=ZZ])")
    assert wide.count() == 1
    tip = page.locator("#dl-tip")
    wide.scroll_into_view_if_needed()
    box = wide.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 4)  # plain text in it
    assert not tip.is_visible()
    assert page.locator("mark.hl.wide:not(.hov)").count() == page.locator("mark.hl.wide").count()
    inner = wide.locator("mark.hl.f-GR")
    inner.hover()
    tip.wait_for(state="visible", timeout=5000)
    assert "GR201" in tip.locator(".tip-one").first.inner_text()
    assert f"{WIDE_CODE}" in tip.locator(".tip-brief").inner_text()  # one line: "also here"
    page.locator(f"li.finding:has(code:text-is('{WIDE_CODE}')) .item").click()
    assert page.evaluate("document.activeElement.dataset.fam") == "ZZ"
    assert tip.locator(".tip-one").first.inner_text().split()[1] == WIDE_CODE
    assert "lit" in (wide.get_attribute("class") or "")
    opened.assert_clean()


def test_index_sorts_by_column(opened):
    page = opened.page
    words = page.locator("table.index th:nth-child(2) button")
    words.click()
    values = page.locator("table.index tbody tr td:nth-child(2)").all_inner_texts()
    assert [int(v) for v in values] == sorted(int(v) for v in values)
    words.click()
    values = page.locator("table.index tbody tr td:nth-child(2)").all_inner_texts()
    assert [int(v) for v in values] == sorted((int(v) for v in values), reverse=True)
    assert page.locator("table.index th[aria-sort=descending]").count() == 1
    opened.assert_clean()


def test_keyboard_reaches_the_highlights(opened):
    page = opened.page
    reached = None
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.hl.head')"):
            reached = page.evaluate("document.activeElement.id")
            break
    assert reached, "Tab never reached a highlight"
    page.locator("#dl-tip").wait_for(state="visible", timeout=5000)  # focus shows it as hover does
    opened.assert_clean()


CONTRAST = """
() => {
  const rgb = s => {
    const m = s.match(/[\\d.]+/g).map(Number);
    return m.length > 3 ? m : [...m, 1];
  };
  const lum = ([r, g, b]) => [r, g, b]
    .map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
    .reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = (el, pseudo) => {  // the first opaque background at or above el
    let c = rgb(getComputedStyle(el, pseudo).backgroundColor);
    while (c[3] === 0 && el.parentElement) {
      el = el.parentElement;
      c = rgb(getComputedStyle(el).backgroundColor);
    }
    return c[3] === 0 ? [255, 255, 255, 1] : c;
  };
  const out = [];
  const check = (sel, pseudo) => document.querySelectorAll(sel).forEach((el, i) => {
    if (i > 40 || !el.checkVisibility()) return;
    const st = getComputedStyle(el, pseudo);
    if (pseudo && st.content === 'none') return;
    out.push([sel + (pseudo || ''), ratio(rgb(st.color), background(el, pseudo))]);
  });
  ['mark.hl', '.badge', '.sev', '.item .msg', '.item .loc', '.item .ctx', '.item .sugg', '.meta',
   '.totals', '.keys', '.text .blk', 'table.index td', '.chip', '.field', '#dl-count',
   '.readability summary', '.none'].forEach(s => check(s));
  check('mark.hl.head', '::before');
  return out;
}
"""


def test_text_passes_a_contrast_check(opened):
    ratios = opened.page.evaluate(CONTRAST)
    assert len(ratios) > 50
    low = [(sel, round(r, 2)) for sel, r in ratios if r < 4.5]
    assert low == [], f"below WCAG AA 4.5:1: {low}"
    opened.assert_clean()


def test_print_stylesheet_hides_the_controls(opened):
    page = opened.page
    assert page.locator(".filters").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".filters").is_visible()
    assert page.locator(".text").first.is_visible() and page.locator(".list").first.is_visible()
    opened.assert_clean()


# ------------------------------------------------------------------------------- XSS
def test_xss_draft_executes_nothing(browser, tmp_path):
    payload = '"><img src=x onerror=alert(1)>'
    draft = tmp_path / f"{payload}.txt"
    shutil.copy(XSS / "payloads.txt", draft)
    results = lint_paths([str(draft), str(XSS / "payloads.md"), str(XSS / "payloads.html")])
    first = next(r for r in results if r.path == str(draft))
    first.violations.append(
        Violation(
            first.path,
            1,
            1,
            1,
            9,
            "ZZ999",
            "<svg onload=alert(2)>",
            Severity.ERROR,
            Span(0, 8),
            "<script>alert(3)</script></textarea><img src=x onerror=alert(4)> {{ 7*7 }}",
            ("javascript:alert(5)", "<b onmouseover=alert(6)>x</b>"),
        )
    )
    first.readability = {"profile": "<img src=x onerror=alert(7)>", "document": {"grade": 9.5}}
    page_path = tmp_path / "xss.html"
    page_path.write_text(render_html(results), encoding="utf-8")
    opened = open_report(browser, page_path)
    page = opened.page
    page.locator("mark.hl.head").evaluate_all(
        "els => els.forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
    )
    page.locator("input[type=search]").fill("<script>")
    page.locator("input[type=search]").fill("")
    for item in page.locator("li.finding .item").all()[:12]:
        item.click()
    assert page.evaluate("window.__xss") is None
    injected = page.locator(
        "main img, main iframe, main script, main textarea, .text b, main a[href^=javascript], "
        "main svg:not(.chart), #dl-tip img, #dl-tip script, #dl-tip b, #dl-tip svg"
    )
    assert injected.count() == 0
    assert page.locator("[onerror], [onload], [onmouseover]").count() == 0
    text = page.locator("main").inner_text()
    assert '<script>window.__xss = 1; alert("script tag")</script>' in text
    assert "{{ 7*7 }}" in text and "<img src=x onerror=alert(7)>" in text and payload in text
    assert "<script>window.__xss=14</script>" in text  # the HTML draft's escaped markup, as text
    page.locator("mark.hl.head[data-fam=ZZ]").hover()
    assert "<script>alert(3)</script>" in page.locator("#dl-tip").inner_text()
    opened.assert_clean()
    page.context.close()
