"""Build rules/lists/dialect-variants.tsv: British/American spelling pairs for CN102.

Usage (build time only; nothing here runs when draftlint lints):

    apt-get install scowl            # SCOWL word lists in /usr/share/dict/scowl
    python tools/build_variant_pairs.py [--scowl DIR] [--breame] [--out PATH]

Where the pairs come from
-------------------------
SCOWL (Kevin Atkinson, permissive licence, see the header written into the output) splits its
words into lists: ``english-words.*`` are spelled the same in every dialect, ``american-words.*``
only in American spelling, ``british-words.*`` only in British (-ise) spelling.  A pair is made
from an American-only word by the regular spelling correspondences (color/colour,
center/centre, organize/organise, analyze/analyse, canceling/cancelling, fulfill/fulfil,
defense/defence, catalog/catalogue, anemia/anaemia, maneuver/manoeuvre, aging/ageing ...),
applied up to twice, and kept only when the result is on the British-only list.

Because both words of a pair must be dialect-specific in SCOWL, words that are valid in both
dialects with another meaning (program, practice, license, tire, meter, check, story, draft)
can never be the "American" side, which is what keeps CN102 from flagging them.  What slips
through is curated by hand in rules/lists/dialect-exceptions.txt (read at run time).

With ``--breame`` the pairs of the ``breame`` package (Apache-2.0, pip install breame) are
added too, under the same SCOWL test; they add irregular pairs (aeroplane/airplane).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "lists" / "dialect-variants.tsv"
#: SCOWL size levels used: up to 70 ("large"); 80 and 95 hold rare and archaic words.
LEVELS = (10, 20, 35, 40, 50, 55, 60, 70)

#: American -> British substitutions (regex on the American word, replacement).  Each rule
#: names the category that CN102 reports and that config may ignore (``ize`` for Oxford -ize).
RULES: tuple[tuple[str, str, str], ...] = (
    (
        r"(?<=[a-z]{2})or(?=$|[^aeiou]|e[dr]|ing|i[tn]|ab|ous)",
        "our",
        "our",
    ),  # color/colour, favored (not "bourg")
    # center/centre, centers/centres, centered/centred, centering/centring; fiber, meager,
    # maneuver (with oe below), saber, caliber
    (r"(?<=[bcdgtv])er$", "re", "re"),
    (r"(?<=[bcdgtv])ers$", "res", "re"),
    (r"(?<=[bcdgtv])ered$", "red", "re"),
    (r"(?<=[bcdgtv])ering$", "ring", "re"),
    (r"iz", "is", "ize"),  # organize/organise
    (r"yz", "ys", "ize"),  # analyze/analyse
    (r"(?<=[aeiou])l(?=(?:ed|ing|er|ers|ation)$)", "ll", "l"),  # canceled/cancelled
    (r"ll(?=(?:s|ment|ments|ful|fully)?$)", "l", "l"),  # fulfill/fulfil, enrollment/enrolment
    (r"ense(?=s?$)", "ence", "ce"),  # defense/defence
    (r"og(?=s?$)", "ogue", "ogue"),  # catalog/catalogue
    # anemia/anaemia, fetus/foetus, maneuver/manoeuvre: a consonant on both sides and not in
    # the last three letters, where an inflection would make nonsense pairs ("mantes")
    (r"(?<=[^aeiou])e(?=[^aeiou].{2})", "ae", "ae"),
    (r"(?<=[^aeiou])e(?=[^aeiou].{2})", "oe", "oe"),
    (r"(?<=[^aeiou])eu(?=ver)", "oeu", "oe"),
    (r"ment(?=s?$)", "ement", "e"),  # judgment/judgement
    (r"(?<=g)ing$", "eing", "e"),  # aging/ageing
    (r"(?<=m)o(?=ld|lder|lt)", "ou", "ou"),  # mold/mould, smolder/smoulder, molt/moult
    (r"ow$", "ough", "ough"),  # plow/plough
)


def read_scowl(directory: Path, prefix: str) -> set[str]:
    words: set[str] = set()
    for level in LEVELS:
        path = directory / f"{prefix}-words.{level}"
        if path.exists():
            for line in path.read_text(encoding="latin-1").splitlines():
                word = line.strip()
                if word and word.islower() and word.isalpha():
                    words.add(word)
    return words


def candidates(american: str) -> dict[str, str]:
    """British forms reachable by one or two substitutions, with the first rule's category."""
    found: dict[str, str] = {}
    queue: deque[tuple[str, str | None, int]] = deque([(american, None, 0)])
    while queue:
        word, category, depth = queue.popleft()
        if depth == 2:
            continue
        for pattern, replacement, name in RULES:
            for m in re.finditer(pattern, word):
                new = word[: m.start()] + replacement + word[m.end() :]
                if new not in found and new != american:
                    found[new] = category or name
                    queue.append((new, category or name, depth + 1))
    return found


def breame_pairs() -> list[tuple[str, str]]:
    try:
        from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("--breame needs the breame package: pip install breame (build time only)")
    return [
        (gb, us) for gb, us in BRITISH_ENGLISH_SPELLINGS.items() if gb.isalpha() and us.isalpha()
    ]


HEADER = """\
# British<TAB>American<TAB>category spelling pairs for CN102 (dialect-spelling-mixed).
# GENERATED by tools/build_variant_pairs.py; do not edit by hand (curate
# rules/lists/dialect-exceptions.txt instead).
#
# Source: SCOWL (Spell Checker Oriented Word Lists) {scowl_version}, Debian package "scowl",
#   lists american-words.* and british-words.* up to size 70. A pair is kept only when the
#   American word is on SCOWL's American-only list and the British word on its British-only list.
#   {breame_note}
# SCOWL licence: Copyright 2000-2020 by Kevin Atkinson. Permission to use, copy, modify,
#   distribute and sell these word lists, the associated scripts, the output created from the
#   scripts, and its documentation for any purpose is hereby granted without fee, provided that
#   the above copyright notice appears in all copies and that both that copyright notice and
#   this permission notice appear in supporting documentation. Kevin Atkinson makes no
#   representations about the suitability of this array for any purpose. It is provided "as
#   is" without express or implied warranty.
# Categories: our (colour), re (centre), ize (organise; Oxford British spells -ize), l
#   (cancelled, fulfil), ce (defence), ogue (catalogue), ae/oe (anaemia, manoeuvre), e
#   (judgement, ageing), ou/ough (mould, plough), other (breame's irregular pairs).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--breame", action="store_true", help="add breame's pairs (SCOWL-checked)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.scowl / "american-words.10").exists():
        print(f"{args.scowl}: SCOWL word lists not found (apt-get install scowl)", file=sys.stderr)
        return 2
    american = read_scowl(args.scowl, "american")
    british = read_scowl(args.scowl, "british")
    common = read_scowl(args.scowl, "english")
    american -= common
    british -= common
    pairs: dict[str, tuple[str, str]] = {}  # british -> (american, category)
    for us in sorted(american):
        for gb, category in sorted(candidates(us).items()):
            if gb in british and gb not in pairs:
                pairs[gb] = (us, category)
    breame_note = "breame pairs not used."
    if args.breame:
        added = 0
        for gb, us in breame_pairs():
            if gb in british and us in american and gb not in pairs:
                pairs[gb] = (us, "other")
                added += 1
        breame_note = (
            f"Plus {added} pairs from the breame package (Apache-2.0, "
            "https://github.com/cdpierse/breame) that pass the same SCOWL test."
        )
    version = _scowl_version()
    lines = [HEADER.format(scowl_version=version, breame_note=breame_note)]
    lines += [f"{gb}\t{us}\t{category}\n" for gb, (us, category) in sorted(pairs.items())]
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(pairs)} pairs to {args.out}")
    return 0


def _scowl_version() -> str:
    changelog = Path("/usr/share/doc/scowl/changelog.Debian.gz")
    if changelog.exists():
        import gzip

        first = gzip.decompress(changelog.read_bytes()).decode("utf-8", "replace").split("\n", 1)[0]
        match = re.search(r"\(([^)]+)\)", first)
        if match:
            return match.group(1)
    return "(version unknown)"


if __name__ == "__main__":
    raise SystemExit(main())
