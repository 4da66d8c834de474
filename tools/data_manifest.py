"""MANIFEST.json for a folder of shipped data tables: what each table's checksum is, and the
checksum of the recipe that made it (the build script, the in-repo inputs it reads, and the
runtime modules whose format it writes).

The build tools call ``write_manifest`` after writing their tables; ``tests/test_data_manifest.py``
recomputes every checksum, so CI fails when a table, or its recipe, changed without a rebuild.
Rebuild commands: each data folder's SOURCE.md, and docs/CONTRIBUTING.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = "MANIFEST.json"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def recipe_sha256(files: Iterable[str]) -> str:
    """One checksum over the recipe's files (repository-relative paths, in order, with names)."""
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode() + b"\0" + sha256(ROOT / name).encode() + b"\n")
    return digest.hexdigest()


def write_manifest(
    out: Path, recipes: Mapping[str, Mapping[str, object]], tables: Mapping[str, str]
) -> Path:
    """Record ``tables`` (file in ``out`` -> recipe name) and their ``recipes`` (name ->
    {"command", "files", "sources"}) in ``out``/MANIFEST.json, keeping the entries of other
    recipes (the n-gram folder holds tables of two: the model build and the weights fit).

    A table whose recipe has no files is a reviewed, hand-kept input: its checksum is recorded
    so that an edit to it shows as a table the build reads having changed."""
    path = out / MANIFEST
    manifest: dict[str, dict] = {"recipes": {}, "tables": {}}
    if path.is_file():
        manifest = json.loads(path.read_text(encoding="utf-8"))
    for name, recipe in recipes.items():
        files = list(recipe.get("files", []))  # type: ignore[call-overload]
        manifest["recipes"][name] = {**dict(recipe), "sha256": recipe_sha256(files)}
    for table, recipe_name in tables.items():
        manifest["tables"][table] = {"recipe": recipe_name, "sha256": sha256(out / table)}
    manifest["tables"] = dict(sorted(manifest["tables"].items()))
    body = {
        "about": "Checksums of the shipped tables and of the recipes that built them; "
        "checked by tests/test_data_manifest.py. Rebuild with the recipe's command; never edit.",
        **{k: v for k, v in manifest.items() if k != "about"},
    }
    path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return path
