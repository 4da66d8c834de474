"""The command line: click commands only; the work is done by engine, config and report."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from draftlint import __version__
from draftlint.config import Config, ConfigError, ConfigResolver
from draftlint.engine import STDIN, FileResult, RuleCrash, expand_paths, lint_file
from draftlint.registry import builtin_rules
from draftlint.report import RENDERERS, ReportOptions, render
from draftlint.violation import Severity

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(c.strip() for c in value.split(",") if c.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="draftlint", message="%(prog)s %(version)s")
def cli() -> None:
    """draftlint: an editorial QA linter for commentary drafts (.txt, Markdown, HTML)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True,
              help="Output format.")
@click.option("--select", help="Comma-separated codes or prefixes to enable (replaces config).")
@click.option("--ignore", help="Comma-separated codes or prefixes to disable (added to config).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file instead of searching upward from each file.")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line; only violations.")
def check(paths: tuple[str, ...], output_format: str, select: str | None, ignore: str | None,
          fail_on: str | None, config_path: Path | None, stdin_filename: str | None,
          output: Path | None, quiet: bool) -> int:
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
        )

    results: list[FileResult] = []
    fail_levels: list[Severity] = []
    for path, error in expand_paths(paths, resolver):
        if error:
            results.append(FileResult(path=path, error=error))
            continue
        if path == STDIN:
            display = stdin_filename or "<stdin>"
            config = effective(resolver.for_path(Path(stdin_filename or ".")))
            text = sys.stdin.buffer.read()
            from draftlint.engine import InputError, decode

            try:
                decoded = decode(text)
            except InputError as exc:
                results.append(FileResult(path=display, error=str(exc)))
                continue
            result = lint_file(display, config, stdin_text=decoded)
        else:
            config = effective(resolver.for_path(Path(path)))
            result = lint_file(path, config)
        fail_levels.append(config.fail_on)
        results.append(result)

    for result in results:
        if result.error:
            click.echo(f"draftlint: {result.path}: {result.error}", err=True)
    _write_report(results, output_format, output, quiet)

    if any(r.error for r in results):
        return EXIT_USAGE
    fail_threshold = min(fail_levels, default=Severity.WARNING)
    if any(v.severity >= fail_threshold for r in results for v in r.violations):
        return EXIT_VIOLATIONS
    return EXIT_CLEAN


def _write_report(results: list[FileResult], output_format: str, output: Path | None, quiet: bool) -> None:
    options = ReportOptions(quiet=quiet, colour=False if output else None)
    if output is None:
        render(output_format, results, sys.stdout, options)
        return
    with open(output, "w", encoding="utf-8") as stream:
        render(output_format, results, stream, options)


@cli.command("rules")
@click.option("--markdown", is_flag=True, help="Print the full reference as Markdown (docs/RULES.md).")
def list_rules(markdown: bool) -> int:
    """List every rule: code, name, default severity and summary."""
    registry = builtin_rules()
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
    registry = builtin_rules()
    rule = registry.get(code.upper())
    if rule is None:
        click.echo(f"draftlint: unknown rule code {code!r} (see 'draftlint rules')", err=True)
        return EXIT_USAGE
    doc = rule.doc
    click.echo(f"{rule.code} {rule.name}  [{rule.severity.label}{', fixable' if rule.fixable else ''}]\n")
    click.echo(f"{rule.summary}\n")
    click.echo("What it flags\n" + textwrap.indent(textwrap.fill(doc.what, 76), "  ") + "\n")
    click.echo("Why\n" + textwrap.indent(textwrap.fill(doc.why, 76), "  ") + "\n")
    click.echo("Bad\n" + textwrap.indent(doc.bad, "  ") + "\n")
    click.echo("Good\n" + textwrap.indent(doc.good, "  "))
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
    except RuleCrash as exc:
        click.echo(f"draftlint: internal error: {exc}\nPlease report this with the file that caused it.", err=True)
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
