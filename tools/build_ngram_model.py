"""Compile the CMU Sphinx US-English 3-gram ARPA model into draftlint's compact n-gram format.

Usage (from the repository root):

    python tools/build_ngram_model.py \
        --arpa ../shared/ngrams/cmusphinx-en-us-3gram/en-us-3gram.arpa.gz \
        --out src/draftlint/data/ngram

Format (read by ``draftlint.context.model``; every array is a plain ``.npy`` so it memory-maps):

- ``vocab.txt``     the words, one a line, most probable first; a word's id is its line number
                    (0-based). ``<s>`` ranks with ``</s>``.
- ``uni_logp.npy``  float32[V]  log10 P(w).
- ``uni_bow.npy``   float32[V]  log10 backoff weight of the one-word context w.
- ``bi_key.npy``    uint32[N2]  bigrams w1 w2 as the low 32 bits of ``w1 << 17 | w2``, sorted by the
                    full key; ``bi_start.npy`` (int64) says where each value of the high bits
                    (``key >> 32``) starts. A lookup is one ``np.searchsorted`` on a uint32 array
                    per high-bit bucket, and frequent words (small ids) share bucket 0.
- ``bi_logp.npy``   uint8[N2]   code of log10 P(w2 | w1), levels in ``codebook.npy`` row 0.
- ``ctx_key.npy``   uint32[NC]  the bigrams that are trigram contexts, keyed like ``bi_key``, with
                    ``ctx_start.npy``; ``ctx_bow.npy`` uint8[NC] codes their backoff weight (row 1).
                    (Only these have a non-zero backoff; keeping them apart saves a byte a bigram.)
- ``tri_key.npy``   uint32[N3]  trigrams as the low 32 bits of ``w3 << 19 | context row``, with
                    ``tri_start.npy``; the predicted word is in the high bits so that the common
                    words again fall in bucket 0.
- ``tri_logp.npy``  uint8[N3]   code of log10 P(w3 | w1 w2) (row 2).
- ``codebook.npy``  float32[3, 256] the quantisation levels (evenly spaced; 0.0 exact for
                    backoffs).
- ``pair_left.npy`` float16[P, V] log10 P(x | w) for each word x of ``meta["pair_words"]`` (the
                    function words the dropped-word check inserts) after every word w, where the
                    bigram w x is explicit, else -inf; ``pair_right.npy`` the same for P(w | x).
                    Derived from the tables above (``derive``), they turn the dropped-word
                    check's first pass (which words could fill a gap?) into array indexing.
- ``meta.json``     counts, bit widths, quantisation error, source checksum and the build command.

Why this shape: sorted integer keys searched with ``np.searchsorted`` need no hashing and load in
milliseconds (memory-mapped); splitting the 34- and 36-bit keys into 32-bit halves by bucket halves
the key arrays; log-probabilities quantised to 256 levels per table are within 0.015 (log10) of the
source, far below the margins the context rules decide on.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
from pathlib import Path

import numpy as np

FORMAT_VERSION = 1
ID_BITS = 17  # 72,547 words < 2**17
CTX_BITS = 19  # 295,703 trigram contexts < 2**19
LEVELS = 256


def parse_arpa(path: Path) -> tuple[list[str], dict[str, np.ndarray]]:
    """Read an ARPA 3-gram file: words and the raw n-gram tables (ids refer to sorted words)."""
    words: list[str] = []
    uni_p: list[float] = []
    uni_b: list[float] = []
    bi: tuple[list[str], list[str], list[float], list[float]] = ([], [], [], [])
    tri: tuple[list[str], list[str], list[str], list[float]] = ([], [], [], [])
    section = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("\\"):
                section = {"\\1-grams:": 1, "\\2-grams:": 2, "\\3-grams:": 3}.get(line.strip(), 0)
                continue
            fields = line.rstrip("\n").split("\t")
            if section == 0 or len(fields) < 2:
                continue
            backoff = float(fields[2]) if len(fields) > 2 else 0.0
            if section == 1:
                words.append(fields[1])
                uni_p.append(float(fields[0]))
                uni_b.append(backoff)
            elif section == 2:
                a, b = fields[1].split(" ")
                bi[0].append(a)
                bi[1].append(b)
                bi[2].append(float(fields[0]))
                bi[3].append(backoff)
            else:
                a, b, c = fields[1].split(" ")
                tri[0].append(a)
                tri[1].append(b)
                tri[2].append(c)
                tri[3].append(float(fields[0]))

    # most probable first (ties by spelling), <s> beside </s>: small ids share key bucket 0
    eos_p = uni_p[words.index("</s>")]
    order = sorted(
        range(len(words)), key=lambda i: (-(eos_p if words[i] == "<s>" else uni_p[i]), words[i])
    )
    sorted_words = [words[i] for i in order]
    ids = {w: i for i, w in enumerate(sorted_words)}
    tables = {
        "uni_logp": np.asarray(uni_p, np.float64)[order],
        "uni_bow": np.asarray(uni_b, np.float64)[order],
        "bi_w": np.array(
            [[ids[a], ids[b]] for a, b in zip(bi[0], bi[1], strict=True)], np.int64
        ).reshape(-1, 2),
        "bi_logp": np.asarray(bi[2], np.float64),
        "bi_bow": np.asarray(bi[3], np.float64),
        "tri_w": np.array(
            [[ids[a], ids[b], ids[c]] for a, b, c in zip(*tri[:3], strict=True)], np.int64
        ).reshape(-1, 3),
        "tri_logp": np.asarray(tri[3], np.float64),
    }
    return sorted_words, tables


def codebook(values: np.ndarray, keep_zero: bool) -> np.ndarray:
    """256 evenly spaced levels spanning ``values`` (with 0.0 exactly a level if ``keep_zero``).

    Even spacing bounds the worst error at half a step (about 0.015 in log10 for the probability
    tables); density-fitted levels (k-means) gave a lower mean but errors of 0.7 in the sparse
    tails, which are exactly the very likely and very unlikely n-grams the rules compare.
    """
    lo, hi = float(values.min()), float(values.max())
    if keep_zero and lo < 0.0 < hi:
        # choose the step so that 0.0 falls on a level: n_neg steps below 0, the rest above
        step = (hi - lo) / (LEVELS - 1)
        n_neg = int(np.ceil(-lo / step))
        step = max(-lo / n_neg, hi / (LEVELS - 1 - n_neg))
        return (np.arange(LEVELS) - n_neg) * step
    return np.linspace(lo, hi, LEVELS)


def encode(values: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Nearest level's code for each value (levels ascending)."""
    cuts = (levels[1:] + levels[:-1]) / 2
    return np.searchsorted(cuts, values).astype(np.uint8)


def split_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted uint64 keys -> (low 32 bits, start of each high-bits bucket)."""
    high = keys >> np.uint64(32)
    n_buckets = int(high.max()) + 1
    starts = np.searchsorted(high, np.arange(n_buckets + 1, dtype=np.uint64)).astype(np.int64)
    return (keys & np.uint64(0xFFFFFFFF)).astype(np.uint32), starts


def build(arpa: Path, out: Path, licence: Path | None) -> dict[str, object]:
    words, t = parse_arpa(arpa)
    if len(words) >= 1 << ID_BITS:
        raise SystemExit(f"vocabulary of {len(words)} words does not fit {ID_BITS}-bit ids")
    shift = np.uint64(ID_BITS)

    bi_keys = (t["bi_w"][:, 0].astype(np.uint64) << shift) | t["bi_w"][:, 1].astype(np.uint64)
    bi_order = np.argsort(bi_keys, kind="stable")
    bi_keys = bi_keys[bi_order]
    if np.any(bi_keys[1:] == bi_keys[:-1]):
        raise SystemExit("duplicate bigram")
    bi_logp = t["bi_logp"][bi_order]
    bi_bow = t["bi_bow"][bi_order]

    tri_ctx = (t["tri_w"][:, 0].astype(np.uint64) << shift) | t["tri_w"][:, 1].astype(np.uint64)
    ctx_keys = np.unique(tri_ctx)
    if len(ctx_keys) >= 1 << CTX_BITS:
        raise SystemExit(f"{len(ctx_keys)} trigram contexts do not fit {CTX_BITS}-bit rows")
    where = np.searchsorted(bi_keys, ctx_keys)
    if np.any(where >= len(bi_keys)) or np.any(
        bi_keys[np.minimum(where, len(bi_keys) - 1)] != ctx_keys
    ):
        raise SystemExit("a trigram's context is not a bigram")
    ctx_bow = bi_bow[where]
    others = np.ones(len(bi_keys), bool)
    others[where] = False
    if np.any(bi_bow[others] != 0.0):
        raise SystemExit("a bigram that is no trigram context has a backoff weight")
    tri_keys = (t["tri_w"][:, 2].astype(np.uint64) << np.uint64(CTX_BITS)) | np.searchsorted(
        ctx_keys, tri_ctx
    ).astype(np.uint64)
    tri_order = np.argsort(tri_keys, kind="stable")
    tri_keys = tri_keys[tri_order]
    if np.any(tri_keys[1:] == tri_keys[:-1]):
        raise SystemExit("duplicate trigram")
    tri_logp = t["tri_logp"][tri_order]

    books = np.stack(
        [codebook(bi_logp, False), codebook(ctx_bow, True), codebook(tri_logp, False)]
    ).astype(np.float32)
    codes = {
        "bi_logp": encode(bi_logp, books[0].astype(np.float64)),
        "ctx_bow": encode(ctx_bow, books[1].astype(np.float64)),
        "tri_logp": encode(tri_logp, books[2].astype(np.float64)),
    }
    errors = {
        name: float(np.abs(books[i][codes[name]] - raw).max())
        for i, (name, raw) in enumerate(
            [("bi_logp", bi_logp), ("ctx_bow", ctx_bow), ("tri_logp", tri_logp)]
        )
    }
    mean_errors = {
        name: float(np.abs(books[i][codes[name]] - raw).mean())
        for i, (name, raw) in enumerate(
            [("bi_logp", bi_logp), ("ctx_bow", ctx_bow), ("tri_logp", tri_logp)]
        )
    }

    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("*.npy"):
        stale.unlink()
    (out / "vocab.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    bi_low, bi_start = split_keys(bi_keys)
    ctx_low, ctx_start = split_keys(ctx_keys)
    tri_low, tri_start = split_keys(tri_keys)
    arrays = {
        "uni_logp": t["uni_logp"].astype(np.float32),
        "uni_bow": t["uni_bow"].astype(np.float32),
        "bi_key": bi_low,
        "bi_start": bi_start,
        "bi_logp": codes["bi_logp"],
        "ctx_key": ctx_low,
        "ctx_start": ctx_start,
        "ctx_bow": codes["ctx_bow"],
        "tri_key": tri_low,
        "tri_start": tri_start,
        "tri_logp": codes["tri_logp"],
        "codebook": books,
    }
    for name, arr in arrays.items():
        np.save(out / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)
    if licence is not None:
        shutil.copyfile(licence, out / "LICENSE-CMU.txt")

    digest = hashlib.sha256(arpa.read_bytes()).hexdigest()
    meta = {
        "format": FORMAT_VERSION,
        "vocab_order": "most probable first",
        "id_bits": ID_BITS,
        "ctx_bits": CTX_BITS,
        "order": 3,
        "counts": {
            "unigrams": len(words),
            "bigrams": len(bi_keys),
            "trigram_contexts": len(ctx_keys),
            "trigrams": len(tri_keys),
        },
        "source": arpa.name,
        "source_sha256": digest,
        "quantisation": {"levels": LEVELS, "max_abs_error": errors, "mean_abs_error": mean_errors},
        "build": "python tools/build_ngram_model.py --arpa "
        "../shared/ngrams/cmusphinx-en-us-3gram/en-us-3gram.arpa.gz --out src/draftlint/data/ngram",
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


#: Words whose bigrams with every word are tabulated (``pair_left`` / ``pair_right``): the
#: function words a writer drops (``draftlint.context.slips.DROPPABLE`` is a subset).
PAIR_WORDS = (
    "the a an to of and is was in on for that be has have he it are with will "
    "at by as his its their from this were had"
).split()


def derive(out: Path) -> None:
    """Tables computed from the compiled model itself (so they agree with it exactly)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from draftlint.context.model import NgramModel

    model = NgramModel(out)
    vocab = np.arange(len(model.words), dtype=np.int64)
    none = np.full(len(vocab), -1, np.int64)
    left = np.empty((len(PAIR_WORDS), len(vocab)), np.float16)
    right = np.empty_like(left)
    for k, word in enumerate(PAIR_WORDS):
        x = np.full(len(vocab), model.ids[word], np.int64)
        lp, order = model.logprob_ids(none, vocab, x, orders=True)  # P(x | w)
        left[k] = np.where(order >= 2, lp, -np.inf)
        lp, order = model.logprob_ids(none, x, vocab, orders=True)  # P(w | x)
        right[k] = np.where(order >= 2, lp, -np.inf)
    np.save(out / "pair_left.npy", left, allow_pickle=False)
    np.save(out / "pair_right.npy", right, allow_pickle=False)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta["pair_words"] = PAIR_WORDS
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


#: The model's tables (from the ARPA file) and those derived from them (pair tables).
MODEL = (
    *(f"{t}_{part}.npy" for t in ("bi", "tri") for part in ("key", "logp", "start")),
    *(f"ctx_{part}.npy" for part in ("key", "bow", "start")),
    "uni_logp.npy",
    "uni_bow.npy",
    "codebook.npy",
    "vocab.txt",
    "meta.json",
    "LICENSE-CMU.txt",
)
DERIVED = ("pair_left.npy", "pair_right.npy")
#: What the tables depend on: this script and the reader whose layout it writes (the pair
#: tables are computed through it). Change one: rebuild.
RECIPE = {
    "command": "python tools/build_ngram_model.py --arpa "
    "../shared/ngrams/cmusphinx-en-us-3gram/en-us-3gram.arpa.gz --out src/draftlint/data/ngram",
    "files": ["tools/build_ngram_model.py", "src/draftlint/context/model.py"],
    "sources": {
        "CMU Sphinx en-us 3-gram": "en-us-3gram.arpa.gz, sha256 "
        "ef628aea006e20f12ac16f6915106085131f93fcca7223927c10d9db6db9949d"
    },
}


def record(out: Path, tables: tuple[str, ...]) -> None:
    from data_manifest import write_manifest  # tools/, beside this script

    write_manifest(out, {"build_ngram_model": RECIPE}, dict.fromkeys(tables, "build_ngram_model"))


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parents[1]
    default_src = root.parent / "shared" / "ngrams" / "cmusphinx-en-us-3gram"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arpa", type=Path, default=default_src / "en-us-3gram.arpa.gz")
    parser.add_argument(
        "--licence",
        type=Path,
        default=None,
        help="licence file to ship beside the data (default: LICENSE-CMU.txt "
        "next to the ARPA file)",
    )
    parser.add_argument("--out", type=Path, default=root / "src" / "draftlint" / "data" / "ngram")
    parser.add_argument(
        "--derived-only",
        action="store_true",
        help="only recompute the tables derived from an already compiled model",
    )
    args = parser.parse_args(argv)
    if args.derived_only:
        derive(args.out)
        record(args.out, DERIVED)
        return 0
    licence = args.licence or args.arpa.parent / "LICENSE-CMU.txt"
    if not args.arpa.is_file():
        print(f"error: {args.arpa} not found", file=sys.stderr)
        return 2
    meta = build(args.arpa, args.out, licence if licence.is_file() else None)
    derive(args.out)
    record(args.out, MODEL + DERIVED)
    size = sum(p.stat().st_size for p in args.out.iterdir() if p.is_file())
    print(json.dumps(meta["counts"]), f"{size / 1e6:.1f} MB in {args.out}")
    print("quantisation max |error| (log10):", meta["quantisation"]["max_abs_error"])  # type: ignore[index]
    print("quantisation mean |error| (log10):", meta["quantisation"]["mean_abs_error"])  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
