"""The command line: click commands only; the work is done by engine, config and report."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from draftlint import __version__
from draftlint.config.discovery import ConfigResolver
from draftlint.config.settings import Config, ConfigError
from draftlint.packs.loader import PackError
from draftlint.registry import documented_rules
from draftlint.report import RENDERERS, ReportOptions, render
from draftlint.rule import Rule
from draftlint.run.baseline import Baseline, BaselineError, ChangedLines
from draftlint.run.lint import STDIN, FileResult, RuleCrash
from draftlint.run.parallel import default_jobs
from draftlint.run.runner import RunOptions
from draftlint.run.runner import run as run_files
from draftlint.violation import Severity

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__, "--version", prog_name="draftlint", message="%(prog)s %(version)s"
)
def cli() -> None:
    """draftlint: an editorial QA linter for commentary drafts (.txt, Markdown, HTML)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--select", help="Comma-separated codes or prefixes to enable (replaces config).")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable (added to config).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file instead of searching upward from each file.",
)
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard output.",
)
@click.option("-q", "--quiet", is_flag=True, help="No summary line; only violations.")
@click.option(
    "--fix", is_flag=True, help="Apply safe fixes (those that cannot change the meaning) in place."
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing."
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply each finding's first suggestion.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Report only findings not recorded in this baseline file.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record the findings in this baseline file (and report nothing).",
)
@click.option(
    "--changed-since", metavar="REF", help="Report only findings on lines changed since git REF."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Lint in N processes (0: one per CPU).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    envvar="DRAFTLINT_NO_CACHE",
    help="Neither read nor write the result cache (also: DRAFTLINT_NO_CACHE=1).",
)
@click.option(
    "--engine",
    "engines",
    multiple=True,
    type=click.Choice(["languagetool", "harper"]),
    help="Also run an outside engine (repeatable); replaces the config's 'engines'.",
)
@click.option(
    "--statistics", is_flag=True, help="Also print each file's readability scores (text format)."
)
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: str | None,
    ignore: str | None,
    fail_on: str | None,
    config_path: Path | None,
    stdin_filename: str | None,
    output: Path | None,
    quiet: bool,
    fix: bool = False,
    show_diff: bool = False,
    unsafe_fixes: bool = False,
    baseline_path: Path | None = None,
    write_baseline: Path | None = None,
    changed_since: str | None = None,
    jobs: int = 1,
    no_cache: bool = False,
    engines: tuple[str, ...] = (),
    statistics: bool = False,
) -> int:
    """Lint PATHS (files or directories; '-' reads standard input)."""
    if config_path is not None and not config_path.is_file():
        raise ConfigError(str(config_path), None, "config file not found")
    resolver = ConfigResolver(config_path)
    select_codes, ignore_codes = _codes(select), _codes(ignore)

    def effective(config: Config) -> Config:
        return config.with_overrides(
            select=select_codes,
            ignore=(config.ignore + ignore_codes) if ignore_codes else None,
            fail_on=Severity.parse(fail_on) if fail_on else None,
            engines=engines or None,
        )

    if unsafe_fixes and not (fix or show_diff):
        raise click.UsageError("--unsafe-fixes needs --fix or --diff")
    if fix and not show_diff and STDIN in paths:
        raise click.UsageError("--fix cannot write standard input back; use --diff")
    try:
        options = RunOptions(
            jobs=jobs or default_jobs(),
            cache=not no_cache,
            fix=fix and not show_diff,
            diff=show_diff,
            unsafe_fixes=unsafe_fixes,
            stdin_filename=stdin_filename,
            write_baseline=write_baseline,
            baseline=Baseline.load(baseline_path) if baseline_path else None,
            changed=ChangedLines.since(changed_since) if changed_since else None,
        )
    except BaselineError as exc:
        click.echo(f"draftlint: {exc}", err=True)
        return EXIT_USAGE
    run = run_files(paths, resolver, options, effective)
    for result in run.errors:
        click.echo(f"draftlint: {result.path}: {result.error}", err=True)
    for notice in dict.fromkeys(n for r in run.results for n in r.notices):
        click.echo(f"draftlint: {notice}", err=True)
    for path in run.not_converged:
        click.echo(
            f"draftlint: {path}: fixes still left after several rounds; run --fix again", err=True
        )
    if run.baseline_written is not None:
        click.echo(
            f"draftlint: wrote {run.baseline_written} findings to {write_baseline}", err=True
        )
        return EXIT_USAGE if run.errors else EXIT_CLEAN
    if show_diff:
        _write_text("".join(run.diffs), output)
        click.echo(f"draftlint: would fix {_fixed(run.applied, run.fixed_files)}", err=True)
        return EXIT_USAGE if run.errors else EXIT_VIOLATIONS if run.diffs else EXIT_CLEAN
    _write_report(run.results, output_format, output, quiet, statistics)
    if fix:
        click.echo(f"draftlint: fixed {_fixed(run.applied, run.fixed_files)}", err=True)
    if run.errors:
        return EXIT_USAGE
    return EXIT_VIOLATIONS if run.fails() else EXIT_CLEAN


def _fixed(problems: int, files: int) -> str:
    return f"{problems} problem{'s' if problems != 1 else ''} in {files} file{'s' if files != 1 else ''}"


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def _write_report(
    results: list[FileResult],
    output_format: str,
    output: Path | None,
    quiet: bool,
    statistics: bool = False,
) -> None:
    options = ReportOptions(quiet=quiet, colour=False if output else None, statistics=statistics)
    if output is None:
        render(output_format, results, sys.stdout, options)
        return
    with open(output, "w", encoding="utf-8") as stream:
        render(output_format, results, stream, options)


@cli.command("rules")
@click.option(
    "--markdown", is_flag=True, help="Print the full reference as Markdown (docs/RULES.md)."
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also list the rules of this config's packs (default: the config found from here).",
)
def list_rules(markdown: bool, config_path: Path | None) -> int:
    """List every rule: code, name, default severity and summary (pack rules included)."""
    registry = documented_rules() if markdown else _with_config_packs(config_path)
    if markdown:
        from draftlint.rule_docs import render_markdown

        click.echo(render_markdown(registry.values()), nl=False)
        return EXIT_CLEAN
    width = max(len(r.name) for r in registry.values())
    for code, rule in registry.items():
        click.echo(f"{code}  {rule.name:<{width}}  {rule.severity.label:<7}  {rule.summary}")
    return EXIT_CLEAN


@cli.command("rule")
@click.argument("code")
def show_rule(code: str) -> int:
    """Print the full documentation of rule CODE."""
    registry = _with_config_packs(None)
    rule = registry.get(code) or registry.get(code.upper())
    if rule is None:
        click.echo(f"draftlint: unknown rule code {code!r} (see 'draftlint rules')", err=True)
        return EXIT_USAGE
    doc = rule.doc
    click.echo(
        f"{rule.code} {rule.name}  [{rule.severity.label}{', fixable' if rule.fixable else ''}]\n"
    )
    click.echo(f"{rule.summary}\n")
    click.echo("What it flags\n" + textwrap.indent(textwrap.fill(doc.what, 76), "  ") + "\n")
    click.echo("Why\n" + textwrap.indent(textwrap.fill(doc.why, 76), "  ") + "\n")
    click.echo("Bad\n" + textwrap.indent(doc.bad, "  ") + "\n")
    click.echo("Good\n" + textwrap.indent(doc.good, "  ") + "\n")
    click.echo(f"Defined in\n  {_where(rule)}")
    return EXIT_CLEAN


def _where(rule: Rule) -> str:
    from draftlint.rule_docs import rule_location

    if rule.origin in {"languagetool", "harper"}:  # codes the engines' findings are sorted into
        return f"draftlint/engines/{rule.origin}.py (codes and docs: draftlint/engines/rules.py)"
    where = rule_location(rule)
    return where if rule.origin == "builtin" else f"{where} (pack {rule.origin})"


def _with_config_packs(config_path: Path | None) -> dict:
    """The documented rules plus those of the config's packs (a .vale.ini's styles too)."""
    from draftlint.registry import registry_for

    config = ConfigResolver(config_path).for_path(Path.cwd())
    return {**documented_rules(), **registry_for(config)}


@cli.command("stats")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table for reading, or JSON (each file's 'readability' object, as in check's JSON).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file (its readability profile) instead of searching upward.",
)
@click.option(
    "--stdin-filename", default="-", help="Name (and so format) of the text read from '-'."
)
def stats(
    paths: tuple[str, ...], output_format: str, config_path: Path | None, stdin_filename: str
) -> int:
    """Readability scores of PATHS side by side, for comparing drafts; no rules run."""
    from draftlint.report import stats as readability_stats

    if config_path is not None and not config_path.is_file():
        raise ConfigError(str(config_path), None, "config file not found")
    rows = readability_stats.collect(paths, ConfigResolver(config_path), stdin_filename)
    for row in rows:
        if row.error:
            click.echo(f"draftlint: {row.path}: {row.error}", err=True)
    render = (
        readability_stats.render_json if output_format == "json" else readability_stats.render_table
    )
    render(rows, sys.stdout)
    return EXIT_USAGE if any(row.error for row in rows) else EXIT_CLEAN


@cli.command("validate-rules")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_rules(paths: tuple[Path, ...]) -> int:
    """Check rule packs (folders of YAML rules) or rule files: exit 2 on any problem."""
    from draftlint.run.validate_rules import validate_path

    errors = 0
    for path in paths:
        count, issues = validate_path(path)
        for issue in issues:
            click.echo(str(issue), err=issue.error)
        errors += sum(1 for i in issues if i.error)
        if not any(i.error for i in issues):
            click.echo(f"{path}: {count} rule{'s' if count != 1 else ''} OK")
    return EXIT_USAGE if errors else EXIT_CLEAN


@cli.command("server")
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak LSP on standard input and output (the default; for editors that pass it).",
)
def server(stdio: bool) -> int:
    """Run the language server (LSP over stdio): diagnostics and quick fixes in an editor."""
    from draftlint.server.lsp import serve

    serve()
    return EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    try:
        result = cli.main(args=argv, prog_name="draftlint", standalone_mode=False)
    except click.exceptions.Exit as exc:  # --version, --help
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_USAGE
    except ConfigError as exc:
        click.echo(f"draftlint: {exc}", err=True)
        return EXIT_USAGE
    except PackError as exc:
        click.echo(f"draftlint: {exc}", err=True)
        return EXIT_USAGE
    except RuleCrash as exc:
        if isinstance(exc.error, PackError):  # a pack rule whose regex fails on first use
            click.echo(f"draftlint: {exc.error}", err=True)
            return EXIT_USAGE
        click.echo(
            f"draftlint: internal error: {exc}\nPlease report this with the file that caused it.",
            err=True,
        )
        return EXIT_INTERNAL
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # noqa: BLE001 - any other crash is an internal error, never a traceback-only exit 1
        click.echo(f"draftlint: internal error: {type(exc).__name__}: {exc}", err=True)
        return EXIT_INTERNAL
    return int(result or 0)


def entry_point() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry_point()
