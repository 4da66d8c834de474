"""Token shapes the lexicon answers without a dictionary: numbers with units, ordinals,
initialisms, and things that are not prose at all (URLs, handles, code)."""

from __future__ import annotations

import re

#: Apostrophe-like characters writers and word processors use; all mean "'" to the lexicon.
APOSTROPHES = "\u2019\u2018\u02bc\u2032`\u00b4"
_APOS_TABLE = str.maketrans(
    {c: "'" for c in APOSTROPHES} | {"\u00ad": None, "\u200b": None, "\u2010": "-", "\u2011": "-"}
)


def normalise(token: str) -> str:
    """Curly and modifier apostrophes to ``'``, Unicode hyphens to ``-``, soft hyphens out."""
    return token.translate(_APOS_TABLE)


_URL = re.compile(r"(?i)^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_HANDLE = re.compile(r"^[@#][\w.]+$")
_DOMAIN = re.compile(
    r"(?i)^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|co|uk|us|de|fr|eu|info|"
    r"biz|tv|ly|me|ai|app|dev|int|mil)(?:/\S*)?$"
)
_FILE = re.compile(
    r"(?i)^[\w.-]+\.(?:txt|md|pdf|docx?|xlsx?|pptx?|csv|tsv|json|ya?ml|toml|html?|"
    r"xml|py|js|ts|rb|go|rs|java|c|h|cpp|sh|exe|zip|gz|png|jpe?g|gif|svg|mp[34]|"
    r"wav|mov|avi|ini|cfg|log)$"
)
_SNAKE = re.compile(r"^\w*[A-Za-z0-9]_\w+$")
_DOTTED = re.compile(r"^[a-z_][\w]*(?:\.[a-z_]\w*){1,}(?:\(\))?$")
_CALL = re.compile(r"^\w+\(\)$")
_LOWER_CAMEL = re.compile(r"^[a-z]{2,}[A-Z][A-Za-z0-9]*$")
_ALNUM_MIX = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*$")


def is_skippable(token: str) -> bool:
    """True for tokens that are not prose words: URLs, e-mail addresses, @handles,
    #hashtags, domains and file names, snake_case, dotted.identifiers, lowerCamelCase, calls().
    """
    t = normalise(token)
    if not t:
        return True
    if _URL.match(t) or _EMAIL.match(t) or _HANDLE.match(t) or _CALL.match(t):
        return True
    if "." in t and (_FILE.match(t) or _DOMAIN.match(t)):
        return True
    if "_" in t and _SNAKE.match(t):
        return True
    if "." in t and _DOTTED.match(t) and not _INITIALS.match(t):
        # "e.g." and "a.m." are initialisms; "os.path" and "config.yaml" are code
        return len(t.split(".")[0]) > 1 or len(t.split(".")[1]) > 1
    if _LOWER_CAMEL.match(t):
        return True
    return False


# --------------------------------------------------------------------------- numbers
_UNITS = frozenset(
    "k m bn tn b mn million billion trillion kg g mg lb lbs oz st t km m cm mm ft in yd mi mph "
    "kmh kph mpg hp kw mw gw kwh mwh w v a hz khz mhz ghz kb mb gb tb pb kbps mbps gbps ml l cl "
    "dl s sec secs min mins h hr hrs am pm bc ad bce ce p c f x d yr yrs ha sq nm µm mw bp pc "
    "pts pt cc th st nd rd s's".split()
)
_NUMBER = re.compile(
    r"^(?P<sign>[-+±~≈])?(?P<cur>[£$€¥₹]|US\$|A\$|C\$|HK\$)?"
    r"(?P<num>\d+(?:[,.]\d+)*|\.\d+)"
    r"(?P<unit>[a-zA-Zµ]{1,8}(?:/[a-zA-Z]{1,4})?|%|'s|s|°[CFcf]?|x)?$"
)
_RANGE = re.compile(r"^[£$€]?\d[\d,.]*[a-z%]*(?:[-–/:]\d[\d,.]*[a-z%]*)+$")
_DECADE = re.compile(r"^(?:mid-|late-|early-|pre-|post-)?'?\d{2,4}s$")


def _ordinal_ok(digits: str, suffix: str) -> bool:
    n = int(digits[-2:]) if len(digits) > 1 else int(digits)
    if 11 <= n % 100 <= 13:
        return suffix == "th"
    return suffix == {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def is_number(token: str) -> bool:
    """Numbers, money, percentages, units, ordinals (checked: "21th" is not), decades,
    ranges, times and scores: 5, 3.5bn, £600m, 10km, 5%, 21st, 1990s, '90s, 2004-05, 10:30."""
    t = normalise(token)
    if not t or not (t[0].isdigit() or t[0] in "-+±~≈£$€¥₹.'" or t[:2] in ("US", "A$", "C$", "HK")):
        return False
    if _DECADE.match(t):
        return True
    m = _NUMBER.match(t)
    if m:
        unit = m.group("unit")
        if not unit or unit in ("%", "'s", "s", "x") or unit.startswith("°"):
            return True
        low = unit.lower()
        if low in ("st", "nd", "rd", "th") and m.group("num").isdigit():
            return _ordinal_ok(m.group("num"), low)
        return low in _UNITS or low.split("/")[0] in _UNITS
    return bool(_RANGE.match(t))


# ------------------------------------------------------------------------- initialisms
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}[A-Za-z]?$|^(?:[A-Za-z]\.)+[A-Za-z]\.?$|^[A-Z]\.$")


def is_initialism(token: str) -> bool:
    """U.S., H.R., e.g., i.e., a.m., U.S.A, J."""
    return bool(_INITIALS.match(token))


def is_acronym(token: str) -> bool:
    """Short all-capitals tokens (NATO, BBC, G8, MPs, CEOs) are acronyms, not typos."""
    core = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
    letters = sum(c.isalpha() for c in core)
    return 2 <= len(core) <= 5 and letters >= 1 and core.isupper() and core.isalnum()
