"""The shipped data tables are what their build recipes made (checksums in MANIFEST.json).

Fails when a table was edited by hand, or when its recipe (build script, in-repo inputs, the
runtime modules whose layout it writes) changed without a rebuild. Rebuild with the command
the manifest names for the recipe; the build rewrites the manifest.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "draftlint" / "data"
FOLDERS = sorted(p for p in DATA.iterdir() if p.is_dir() and not p.name.startswith("_"))
#: Files that are documentation, not tables.
DOCS = {"SOURCE.md", "MANIFEST.json"}

sys.path.insert(0, str(ROOT / "tools"))
from data_manifest import recipe_sha256, sha256  # noqa: E402


def manifest(folder: Path) -> dict:
    return json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))


def test_there_are_data_folders() -> None:
    assert [p.name for p in FOLDERS] == ["lexicon", "ngram"]


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_shipped_table_is_in_the_manifest_with_its_checksum(folder: Path) -> None:
    tables = manifest(folder)["tables"]
    shipped = {p.name for p in folder.iterdir() if p.is_file() and p.name not in DOCS}
    assert shipped == set(tables), "tables and manifest disagree: rebuild (see SOURCE.md)"
    for name, entry in tables.items():
        assert sha256(folder / name) == entry["sha256"], f"{folder.name}/{name} changed: rebuild"


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_every_recipe_is_unchanged_since_the_tables_were_built(folder: Path) -> None:
    recipes = manifest(folder)["recipes"]
    for table, entry in manifest(folder)["tables"].items():
        assert entry["recipe"] in recipes, f"{table}: unknown recipe {entry['recipe']}"
    for name, recipe in recipes.items():
        assert recipe["command"], f"recipe {name} says how to rebuild"
        assert recipe_sha256(recipe["files"]) == recipe["sha256"], (
            f"recipe {name} changed since its tables were built: {recipe['command']}"
        )


def test_recipe_checksum_sees_a_one_byte_change(tmp_path: Path, monkeypatch) -> None:
    """The check is not vacuous: editing any recipe file changes the recipe's checksum."""
    import data_manifest

    files = manifest(DATA / "lexicon")["recipes"]["build_lexicon"]["files"]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    monkeypatch.setattr(data_manifest, "ROOT", tmp_path)
    before = recipe_sha256(files)
    assert before == manifest(DATA / "lexicon")["recipes"]["build_lexicon"]["sha256"]
    for name in files:
        original = (tmp_path / name).read_bytes()
        (tmp_path / name).write_bytes(original + b" ")
        assert recipe_sha256(files) != before, name
        (tmp_path / name).write_bytes(original)
    assert recipe_sha256(files) == before
