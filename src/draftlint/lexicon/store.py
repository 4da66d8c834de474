"""The compiled lexicon tables: a hash-sorted string table readable without parsing.

A Python ``dict`` of 300k words costs ~130 ms to build on a small machine, which alone would
break the lexicon's 150 ms cold-start budget.  So the build script (``tools/build_lexicon.py``)
writes tables that load by a plain ``read()``:

``words.bin``    every entry: key bytes, NUL, zipf x 10 (one byte), flags (one byte); plus a
                 sorted array of CRC-32s of the keys and, parallel to it, each key's offset.
``deletes.bin``  the suggestion index: for every suggestable word ``w``, ``w`` itself and every
                 string made by deleting one letter of ``w``, and for common words their sound
                 keys (``lexicon_edits.sound_keys``), as (CRC-32, offset of ``w``) pairs
                 sorted by CRC.  Looked up only when a suggestion is asked for.

A lookup hashes the key, bisects the CRC array (in C) and compares the stored bytes, so hash
collisions cost a comparison, never a wrong answer.
"""

from __future__ import annotations

import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path
from zlib import crc32

MAGIC = b"DLLX"
VERSION = 1
_HEADER = struct.Struct("<4sIII")  # magic, version, entry count, blob length

# Entry flags (one byte).
LOWER = 1  # known written in lowercase ("colour")
CAP = 2  # known Capitalised: a name or a word that is only capitalised ("Putin")
UPPER = 4  # known in capitals as an acronym ("NATO")
EXACT = 8  # the key is an exact mixed-case form ("McMaster", "PhD")
SUGGEST = 16  # may be offered as a suggestion
RARE = 32  # dictionary word that is rare (SCOWL size >= 70 or web-only): weaker evidence
WEB = 64  # known only from web frequency (wordfreq), not from a dictionary
HEAD = 128  # starts several closed compounds ("car": carmaker, carpark, carport)


def _array(raw: bytes) -> array:
    values = array("I")
    values.frombytes(raw)
    if sys.byteorder != "little":
        values.byteswap()
    return values


class Table:
    """Key -> (zipf x 10, flags), plus the reverse: offset -> key."""

    __slots__ = ("blob", "hashes", "offsets")

    def __init__(self, blob: bytes, hashes: array, offsets: array) -> None:
        self.blob = blob
        self.hashes = hashes
        self.offsets = offsets

    @classmethod
    def load(cls, path: Path) -> Table:
        data = path.read_bytes()
        magic, version, count, blob_len = _HEADER.unpack_from(data)
        if magic != MAGIC or version != VERSION:
            raise ValueError(f"{path}: not a draftlint lexicon table (version {VERSION})")
        start = _HEADER.size
        blob = data[start : start + blob_len]
        start += blob_len
        hashes = _array(data[start : start + 4 * count])
        offsets = _array(data[start + 4 * count : start + 8 * count])
        return cls(blob, hashes, offsets)

    def find(self, key: str) -> int:
        """Offset of ``key``'s entry, or -1."""
        raw = key.encode("utf-8")
        h = crc32(raw)
        hashes = self.hashes
        i = bisect_left(hashes, h)
        n = len(hashes)
        blob = self.blob
        size = len(raw)
        while i < n and hashes[i] == h:
            off = self.offsets[i]
            if blob[off + size] == 0 and blob[off : off + size] == raw:
                return off
            i += 1
        return -1

    def get(self, key: str) -> tuple[int, int] | None:
        """(zipf x 10, flags) of ``key``, or None."""
        off = self.find(key)
        if off < 0:
            return None
        end = self.blob.index(0, off)
        return self.blob[end + 1], self.blob[end + 2]

    def key_at(self, off: int) -> tuple[str, int, int]:
        """The entry stored at ``off``: (key, zipf x 10, flags)."""
        end = self.blob.index(0, off)
        return self.blob[off:end].decode("utf-8"), self.blob[end + 1], self.blob[end + 2]

    def __len__(self) -> int:
        return len(self.hashes)

    def entries(self) -> Iterator[tuple[str, int, int]]:
        blob = self.blob
        off = 0
        while off < len(blob):
            end = blob.index(0, off)
            yield blob[off:end].decode("utf-8"), blob[end + 1], blob[end + 2]
            off = end + 3


class MultiIndex:
    """CRC of a key -> several offsets (the suggestion index)."""

    __slots__ = ("hashes", "offsets")

    def __init__(self, hashes: array, offsets: array) -> None:
        self.hashes = hashes
        self.offsets = offsets

    @classmethod
    def load(cls, path: Path) -> MultiIndex:
        data = path.read_bytes()
        magic, version, count, _ = _HEADER.unpack_from(data)
        if magic != MAGIC or version != VERSION:
            raise ValueError(f"{path}: not a draftlint lexicon index (version {VERSION})")
        start = _HEADER.size
        return cls(
            _array(data[start : start + 4 * count]),
            _array(data[start + 4 * count : start + 8 * count]),
        )

    def lookup(self, keys: Iterable[str], into: set[int]) -> None:
        """Add to ``into`` the offsets filed under any of ``keys``."""
        hashes = self.hashes
        offsets = self.offsets
        n = len(hashes)
        for key in keys:
            h = crc32(key.encode("utf-8"))
            i = bisect_left(hashes, h)
            while i < n and hashes[i] == h:
                into.add(offsets[i])
                i += 1


# ----------------------------------------------------------------------------- writing
def _pack(values: list[int]) -> bytes:
    out = array("I", values)
    if sys.byteorder != "little":
        out.byteswap()
    return out.tobytes()


def write_table(path: Path, entries: dict[str, tuple[int, int]]) -> dict[str, int]:
    """Write ``key -> (zipf10, flags)``; return each key's offset (for the index)."""
    blob = bytearray()
    where: dict[str, int] = {}
    pairs = []
    for key in sorted(entries):
        zipf10, flags = entries[key]
        raw = key.encode("utf-8")
        if b"\0" in raw:
            raise ValueError(f"NUL in key {key!r}")
        where[key] = len(blob)
        pairs.append((crc32(raw), len(blob)))
        blob += raw + bytes((0, min(zipf10, 255), flags))
    pairs.sort()
    body = _HEADER.pack(MAGIC, VERSION, len(pairs), len(blob)) + bytes(blob)
    path.write_bytes(body + _pack([h for h, _ in pairs]) + _pack([o for _, o in pairs]))
    return where


def write_index(path: Path, pairs: list[tuple[int, int]]) -> None:
    """Write (CRC, offset) pairs; duplicates are dropped."""
    pairs = sorted(set(pairs))
    header = _HEADER.pack(MAGIC, VERSION, len(pairs), 0)
    path.write_bytes(header + _pack([h for h, _ in pairs]) + _pack([o for _, o in pairs]))
