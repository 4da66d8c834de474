"""A Vale config (``.vale.ini``, ``_vale``, ``.vale``) read as a draftlint Config.

So that ``draftlint check --config .vale.ini docs/`` runs a Vale project's styles as Vale would:

* ``StylesPath`` (relative to the ini) holds the styles; each style named in ``BasedOnStyles``
  or in a ``Style.Rule = ...`` line becomes a pack;
* ``[glob]`` sections choose, per file, the base styles (the last matching section that sets
  them wins) and switch rules (``Style.Rule = YES | NO | suggestion | warning | error``, also
  ``Style = NO``); a global part before the first section applies everywhere;
* ``MinAlertLevel`` drops rules below it; a level given in the ini overrides the rule's;
* ``Vocab = A, B`` reads ``<StylesPath>/config/vocabularies/A/accept.txt`` and
  ``reject.txt`` (or Vale 2's ``Vocab/A/``): accepted terms excuse every rule that takes the
  vocabulary and make ``Vale.Terms``; rejected ones make ``Vale.Avoid``;
* ``BasedOnStyles = Vale`` brings Vale's built-in ``Vale.Repetition`` (and ``Vale.Terms`` /
  ``Vale.Avoid`` from the vocabulary); ``Vale.Spelling`` is not run by draftlint;
* ``TokenIgnores`` / ``BlockIgnores``: pack findings inside a match are dropped.

draftlint's own rules still run beside the Vale rules (that is the point of switching).  Keys
draftlint has no use for (``Packages``, ``Transform``, ``IgnoredScopes`` ...) are accepted and
ignored, as the file is also read by Vale itself.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from draftlint.config.settings import Config, ConfigError
from draftlint.config.vale_settings import LEVELS, Section, ValeSettings, glob_to_regex

#: File names Vale looks for, in its order.
VALE_CONFIG_NAMES = (".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini")
_SWITCH = {"YES": True, "NO": False, "ON": True, "OFF": False, "TRUE": True, "FALSE": False}
_GLOBAL_KEYS = frozenset(
    {
        "stylespath",
        "minalertlevel",
        "vocab",
        "packages",
        "ignoredscopes",
        "skippedscopes",
        "ignoredclasses",
        "wordtemplate",
        "nlpendpoint",
        "basedonstyles",
        "blockignores",
        "tokenignores",
        "transform",
        "lang",
        "view",
        "commentdelimiters",
        "ignorepatterns",
    }
)


def is_vale_config(path: Path) -> bool:
    return path.name in VALE_CONFIG_NAMES or path.suffix == ".ini"


def parse_ini(text: str, display: str) -> list[tuple[str | None, str, str, int]]:
    """(section, key, value, line) for every setting; a line that is neither is an error."""
    entries = []
    section: str | None = None
    pending: tuple[str, list[str], int] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if pending is not None:  # a value in triple quotes spans lines
            pending[1].append(line)
            if stripped.endswith('"""'):
                key, parts, first = pending
                entries.append((section, key, "\n".join(parts).strip().strip('"').strip(), first))
                pending = None
            continue
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            continue
        if "=" not in stripped:
            raise ConfigError(
                display, number, f"expected 'key = value' or '[section]', got {stripped!r}"
            )
        key, value = (part.strip() for part in stripped.split("=", 1))
        if value.startswith('"""') and not (value.endswith('"""') and len(value) > 5):
            pending = (key, [value[3:]], number)
            continue
        value = re.split(r"\s+[;#]", value, maxsplit=1)[0].strip()
        entries.append((section, key, value, number))
    return entries


def load_vale_config(path: Path) -> Config:
    """Read a Vale ini; raises ConfigError (``path:line: message``) on what Vale would reject."""
    display = str(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise ConfigError(display, None, f"cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(display, None, "config is not valid UTF-8") from None
    root = path.parent.resolve()
    settings = ValeSettings(path=display, root=str(Path.cwd()), styles_path=str(root))
    vocab_names: list[str] = []
    styles_line = 1
    for section, key, value, line in parse_ini(text, display):
        lowered = key.lower()
        if (
            section is None
            or section == "*"
            and lowered in ("stylespath", "minalertlevel", "vocab")
        ):
            if lowered == "stylespath":
                settings.styles_path = str((root / value).resolve())
                styles_line = line
                continue
            if lowered == "minalertlevel":
                if value.lower() not in LEVELS:
                    raise ConfigError(
                        display,
                        line,
                        f"MinAlertLevel must be suggestion, warning or error, not {value!r}",
                    )
                settings.min_level = LEVELS[value.lower()]
                continue
            if lowered == "vocab":
                vocab_names.extend(v.strip() for v in value.split(",") if v.strip())
                continue
            if lowered == "wordtemplate":
                settings.word_template = value
                continue
            if lowered in ("skippedscopes", "ignoredclasses", "ignoredscopes"):
                values = tuple(v.strip() for v in value.split(",") if v.strip())
                name = {"skippedscopes": "skipped_scopes", "ignoredclasses": "ignored_classes"}.get(
                    lowered, "ignored_scopes"
                )
                setattr(settings, name, values)
                continue
        if section is not None and section.lower() in (
            "formats",
            "asciidoctor",
            "format.properties",
        ):
            continue
        target = _target(settings, section)
        if lowered == "basedonstyles":
            styles = tuple(s.strip() for s in value.split(",") if s.strip())
            if isinstance(target, Section):
                target.styles = styles
            else:
                settings.global_styles = styles
        elif lowered in ("tokenignores", "blockignores", "ignorepatterns"):
            ignores = target.ignores if isinstance(target, Section) else settings.global_ignores
            ignores.extend(v.strip() for v in value.split(",") if v.strip())
        elif lowered in _GLOBAL_KEYS:
            continue
        elif re.fullmatch(r"[\w-]+(?:\.[\w.-]+)?", key):
            checks = target.checks if isinstance(target, Section) else settings.global_checks
            upper = value.upper()
            if upper in _SWITCH:
                checks[key] = _SWITCH[upper]
            elif value.lower() in LEVELS:
                checks[key] = True
                settings.levels[key] = LEVELS[value.lower()]
            elif "." in key:
                raise ConfigError(
                    display,
                    line,
                    f"{key} must be YES, NO or a level (suggestion, warning, error), not {value!r}",
                )
            # else: a setting of a newer Vale (IgnorePatterns ...): Vale reads the file too.
        else:
            raise ConfigError(display, line, f"unknown setting {key!r}")
    _read_vocabularies(settings, vocab_names, display)
    packs = settings.packs = _packs(settings, display, styles_line)
    severity = tuple(
        (code if "." in code else f"{code}.", level) for code, level in settings.levels.items()
    )
    return replace(
        Config(),
        path=display,
        root=str(root),
        packs=packs,
        severity=severity,
        vale=settings,
    )


def _target(settings: ValeSettings, section: str | None) -> Section | None:
    if section is None:
        return None
    for existing in settings.sections:
        if existing.glob == section:
            return existing
    made = Section(section, glob_to_regex(section))
    settings.sections.append(made)
    return made


def _styles_named(settings: ValeSettings) -> list[str]:
    names: list[str] = list(settings.global_styles)
    names += [k.split(".", 1)[0] for k in settings.global_checks]
    for section in settings.sections:
        names += list(section.styles or ())
        names += [k.split(".", 1)[0] for k in section.checks]
    return list(dict.fromkeys(n for n in names if n and n != "Vale"))


def _packs(settings: ValeSettings, display: str, line: int) -> tuple[str, ...]:
    base = Path(settings.styles_path)
    based_on = set(settings.global_styles) | {
        s for sec in settings.sections for s in (sec.styles or ())
    }
    packs = []
    for style in _styles_named(settings):
        folder = base / style
        if folder.is_dir():
            packs.append(str(folder))
        elif style in based_on:
            raise ConfigError(
                display, line, f"style {style!r} does not exist on StylesPath ({base})"
            )
    return tuple(packs)


def _read_vocabularies(settings: ValeSettings, names: list[str], display: str) -> None:
    base = Path(settings.styles_path)
    accepted: list[str] = []
    rejected: list[str] = []
    for name in names:
        folders = [base / "config" / "vocabularies" / name, base / "Vocab" / name]
        folder = next((f for f in folders if f.is_dir()), None)
        if folder is None:
            raise ConfigError(
                display, None, f"vocabulary {name!r} not found under {base}/config/vocabularies"
            )
        for target, file_name in ((accepted, "accept.txt"), (rejected, "reject.txt")):
            file = folder / file_name
            if file.is_file():
                for entry in file.read_text("utf-8").splitlines():
                    entry = entry.strip()
                    if entry and not entry.startswith("#"):
                        target.append(entry)
    settings.accepted = tuple(dict.fromkeys(accepted))
    settings.rejected = tuple(dict.fromkeys(rejected))
