"""draftlint: an editorial QA linter for commentary drafts."""

__version__ = "0.1.0"

# The public API, imported on first use so that ``import draftlint`` stays cheap (no rules, no data).
_API = {
    "lint_text": "draftlint.api",
    "lint_file": "draftlint.api",
    "lint_paths": "draftlint.api",
    "iter_files": "draftlint.api",
    "json_report": "draftlint.api",
    "Result": "draftlint.api",
    "Issue": "draftlint.api",
    "ConfigError": "draftlint.api",
    "FileResult": "draftlint.run.lint",  # the engine's own result, with its Document
    "Violation": "draftlint.violation",
    "Severity": "draftlint.violation",
    "Config": "draftlint.config.settings",
    "load_config": "draftlint.config.discovery",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> object:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'draftlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
