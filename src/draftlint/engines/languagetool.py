"""LanguageTool through language-tool-python: a remote server or a local install.

Never downloads anything: a local server is used only when Java and a LanguageTool install
(``LTP_JAR_DIR_PATH``, or one language-tool-python downloaded earlier) are already there.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from draftlint.drafts.document import Document, Span
from draftlint.engines.base import EngineFinding, EngineUnavailable, batches

DEFAULT_TIMEOUT = 20.0
BATCH_CHARACTERS = 20_000

#: LanguageTool category id -> our code.  Unknown categories fall to LT199.
CATEGORY_CODES: dict[str, str] = {
    "TYPOS": "LT101",
    "GRAMMAR": "LT102",
    "CONFUSED_WORDS": "LT103",
    "PUNCTUATION": "LT104",
    "TYPOGRAPHY": "LT105",
    "CASING": "LT106",
    "STYLE": "LT107",
    "REDUNDANCY": "LT107",
    "PLAIN_ENGLISH": "LT107",
    "COLLOCATIONS": "LT108",
    "SEMANTICS": "LT108",
    "MISC": "LT199",
}
#: Rules that judge sentence length or readability: the RD rules do that job.
READABILITY_RULES = frozenset(
    {
        "TOO_LONG_SENTENCE",
        "TOO_LONG_PARAGRAPH",
        "READABILITY_RULE_SIMPLE",
        "READABILITY_RULE_DIFFICULT",
    }
)


def language_for(dialect: str, configured: str | None) -> str:
    if configured:
        return configured
    return {"en-US": "en-US", "en-GB": "en-GB"}.get(dialect, "en-US")


def utf16_end(text: str, start: int, utf16_length: int) -> int:
    """The str index reached by walking ``utf16_length`` UTF-16 code units from ``start``."""
    units = 0
    i = start
    while i < len(text) and units < utf16_length:
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return i


class LanguageToolEngine:
    name = "languagetool"

    def __init__(self, settings: Mapping[str, Any], dialect: str) -> None:
        self.url: str | None = settings.get("url") or os.environ.get("DRAFTLINT_LANGUAGETOOL_URL")
        self.timeout = float(settings.get("timeout", DEFAULT_TIMEOUT))
        self.language = language_for(dialect, settings.get("language"))
        self.disabled_rules = list(settings.get("disabled_rules", []))
        self.enabled_rules = list(settings.get("enabled_rules", []))
        self.picky = bool(settings.get("picky", False))
        self._tool: Any = None

    # ------------------------------------------------------------------ setup
    def _client(self) -> Any:
        if self._tool is not None:
            return self._tool
        try:
            import language_tool_python
            from language_tool_python.exceptions import LanguageToolError
        except ImportError:
            raise EngineUnavailable(
                "language-tool-python is not installed (pip install language-tool-python)"
            ) from None
        if self.url is None:
            self._check_local_install()
        # The client's request timeout is a class attribute (300 s); a subclass sets ours,
        # which also covers the /languages request made inside the constructor.
        client_class = type(
            "DraftlintLanguageTool",
            (language_tool_python.LanguageTool,),
            {"_TIMEOUT": self.timeout},
        )
        where = self.url or "a local LanguageTool server"
        try:
            if self.url is not None:
                tool = client_class(self.language, remote_server=self.url)
            else:
                tool = client_class(self.language)
        except LanguageToolError as exc:
            raise EngineUnavailable(f"cannot reach {where}: {_short(exc)}") from None
        except ValueError as exc:
            raise EngineUnavailable(f"{where}: {_short(exc)}") from None
        except Exception as exc:  # noqa: BLE001 - any failure of the client means: skip the engine
            raise EngineUnavailable(f"{where}: {type(exc).__name__}: {_short(exc)}") from None
        tool.disabled_rules = set(self.disabled_rules)
        tool.enabled_rules = set(self.enabled_rules)
        tool.picky = self.picky
        self._tool = tool
        return tool

    def _check_local_install(self) -> None:
        if shutil.which("java") is None:
            raise EngineUnavailable(
                "no languagetool.url configured and no Java on PATH for a local LanguageTool"
            )
        jar_dir = os.environ.get("LTP_JAR_DIR_PATH")
        if jar_dir and Path(jar_dir).is_dir():
            return
        # Where language-tool-python keeps its downloads (read, never created or filled here).
        download_dir = Path(
            os.environ.get("LTP_PATH", Path.home() / ".cache" / "language_tool_python")
        )
        if not download_dir.is_dir() or not any(download_dir.glob("LanguageTool*")):
            raise EngineUnavailable(
                "no languagetool.url configured and no local LanguageTool install "
                "(set LTP_JAR_DIR_PATH; draftlint never downloads LanguageTool)"
            )

    def close(self) -> None:
        if self._tool is not None:
            try:
                self._tool.close()
            except Exception:  # noqa: BLE001 - closing must never fail the run
                pass
            self._tool = None

    # ------------------------------------------------------------------ check
    def check(self, document: Document) -> list[EngineFinding]:
        from language_tool_python.exceptions import LanguageToolError

        tool = self._client()
        prose = document.prose
        findings: list[EngineFinding] = []
        paragraphs = [(b.start, b.end) for b in document.blocks]
        for start, end in batches(paragraphs, BATCH_CHARACTERS):
            chunk = prose[start:end]
            try:
                matches = tool.check(chunk)
            except LanguageToolError as exc:
                reason = _short(exc)
                if reason == "no answer within the timeout":
                    reason = f"no answer within {self.timeout:g} s"
                raise EngineUnavailable(f"{self.url or 'local server'}: {reason}") from None
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                raise EngineUnavailable(
                    f"{self.url or 'local server'} sent a malformed answer ({type(exc).__name__}: {_short(exc)})"
                ) from None
            for match in matches:
                findings.append(self._finding(match, chunk, start))
        return findings

    def _finding(self, match: Any, chunk: str, base: int) -> EngineFinding:
        offset = int(match.offset)  # the client already turned UTF-16 units into a str index
        end = utf16_end(chunk, offset, int(match.error_length))
        category = str(match.category or "")
        rule_id = str(match.rule_id)
        return EngineFinding(
            span=Span(base + offset, base + end),
            code=CATEGORY_CODES.get(category, "LT199"),
            rule_id=rule_id,
            message=str(match.message),
            suggestions=tuple(str(r) for r in (match.replacements or [])[:5]),
            is_spelling=category == "TYPOS"
            or str(getattr(match, "rule_issue_type", "")) == "misspelling",
            is_readability=rule_id in READABILITY_RULES,
        )


def _short(exc: BaseException) -> str:
    """One readable line for a client error (requests' messages run to several hundred chars)."""
    text = str(exc).strip()
    if "Connection refused" in text or "NewConnectionError" in text or "Errno 111" in text:
        return "connection refused"
    if "timed out" in text.lower() or "ReadTimeout" in text:
        return "no answer within the timeout"
    if "Name or service not known" in text or "NameResolutionError" in text:
        return "unknown host"
    first = text.splitlines()[0] if text else type(exc).__name__
    return first[:160]
