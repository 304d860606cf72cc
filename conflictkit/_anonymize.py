"""Pseudonymise a history before sharing it with a mediator or an agency.

Client names become ``Client 3F9A2C`` (an HMAC-SHA256 of the name keyed by
a secret salt), mission and dispute ids become keyed hashes, and the free
text loses e-mail addresses, phone numbers, web addresses and the clients'
names. The analyses give the same numbers on the result, because every
mapping is one-to-one and nothing else changes.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from .model import STRING_DTYPE, History

__all__ = ["anonymize"]

#: Words too common to stand for a client on their own (French and English,
#: accents removed): a client's other words of four letters or more are
#: scrubbed wherever they appear, so "Saphir" goes with "Saphir Conseil".
COMMON_WORDS = frozenset(
    """
    about after agence agency alliance also associates association atelier
    avec avenue bank banque bien best beta blue board boutique bureau business
    cabinet capital care centre center chez cloud club code collectif company
    compagnie conseil conseils consulting consultants contact corp corporation
    cours creative data dans design developpement development digital direct
    direction domaine dont ecole energie energy entreprise entreprises espace
    etablissement etudes europe european expert experts expertise express
    familiale family fast finance finances first fondation formation forum
    france francaise french fund general global gmbh good green groupe group
    holding holdings home immobilier industrie industries industry info
    informatique ingenierie innovation institut institute international invest
    investissement jour juste labs legal leur limited logiciel logistique
    maison management marketing media medical mobile mobility mode monde
    national nature network nord north nouvelle nouveau office online open
    organisation ouest pacific paris partenaires partners pharma plus point
    pour prestige pro production productions projet project projects promotion
    public rapide recherche region research reseau retail sante sarl sasu
    science sciences securite security service services shop smart social
    societe software solution solutions sport sports square store strategie
    strategy studio studios sud suisse sur systemes systems team tech
    technologie technologies technology telecom the tous transport travaux
    trust union unit universite university ventures vert ville vision web
    west with works world client clients
""".split()
)

#: Placeholders written in the notes.
EMAIL, PHONE, URL = "[email]", "[phone]", "[url]"
IBAN, BIC, COMPANY_ID, VAT, NIR = "[iban]", "[bic]", "[company-id]", "[vat]", "[nir]"
ADDRESS, HANDLE = "[address]", "[handle]"

_EMAIL_RE = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
_URL_RE = (
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
    # bare domains with a common top-level domain: acme-conseil.fr/contact
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|fr|net|org|io|eu|dev|app|co|be|ch|de|uk"
    r"|ca|info|biz)\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
)
# IBAN: two letters, two check digits, 11 to 30 letters or digits, often in
# groups of four (FR76 3000 6000 0112 3456 7890 189)
_IBAN_RE = r"(?i)\b[a-z]{2}\d{2}(?:[ \-]?[a-z0-9]){11,30}\b"
_BIC_COUNTRIES = "FR|BE|CH|DE|GB|LU|ES|IT|NL|US|CA|IE|PT|MC|AT|DK|SE|PL|MA|TN|SN"
# BIC / SWIFT: after the word, or 8/11 capitals with a country code inside
_BIC_RE = (
    r"(?i:\b(?:bic|swift)(?:\s*code)?\s*[:=]?\s*)[A-Za-z]{6}[A-Za-z0-9]{2}"
    r"(?:[A-Za-z0-9]{3})?\b"
    rf"|\b[A-Z]{{4}}(?:{_BIC_COUNTRIES})[A-Z0-9]{{2}}(?:[A-Z0-9]{{3}})?\b"
)
# VAT numbers: FR + 2 + SIREN, or after "TVA"/"VAT" any EU form
_VAT_RE = (
    r"\bFR\s?[0-9A-Z]{2}\s?\d{3}\s?\d{3}\s?\d{3}\b"
    r"|(?i:\b(?:tva|vat)(?:\s*(?:intra(?:communautaire)?|number|no|n°))?\s*[:=]?\s*)"
    r"[A-Z]{2}\s?[0-9A-Z]{2,3}(?:[\s.]?[0-9A-Z]{2,4}){2,4}\b"
)
# NIR (French social security number): sex, year, month, department, town,
# order, optional key -- 1 84 12 75 123 456 78
_NIR_RE = (
    r"\b[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[ABab])"
    r"[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?\b"
)
# SIRET (14 digits) and SIREN (9 digits), grouped 3-3-3(-5) or not; after
# the word any grouping
_COMPANY_RE = (
    r"(?i:\b(?:siret|siren|rcs)\s*(?:n°|no|:)?\s*)[\w\s.]{0,12}?\d(?:[\s.]?\d){8,13}\b"
    r"|\b\d{3}[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{5})?\b"
)
_STREET_FR = (
    r"rue|avenue|av|bd|boulevard|place|pl|chemin|ch|impasse|imp|all[ée]e|quai"
    r"|route|rte|cours|square|passage|voie|faubourg|fbg|r[ée]sidence|lieu[\s-]dit"
)
_STREET_EN = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct"
    r"|way|place|pl|terrace|crescent|close|square|sq|parkway|pkwy|highway|hwy"
)
_ADDRESS_RE = (
    # FR: 12 bis, rue de la Paix[, 75002 Paris]
    rf"(?i:\b\d{{1,4}}(?:\s?(?:bis|ter|quater|[abt]))?,?\s+(?:{_STREET_FR})\b\.?)"
    r"[^\n,;()]{1,60}(?:,?\s*\d{5}\s+[^\W\d][\w'\- ]{1,40})?"
    # EN: 221B Baker Street[, London NW1 6XE] / 1600 Pennsylvania Ave NW,
    # Washington, DC 20500
    r"|\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w'\-]*\.?\s+){1,4}"
    rf"(?i:(?:{_STREET_EN})\b\.?)(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?"
    r"(?:,?\s*[A-Z][a-z][\w'\-]*(?:\s[A-Z][a-z][\w'\-]*)*)?"
    r"(?:,?\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
    r"(?:,?\s*[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})?"
    # a French postcode and town alone after a comma: , 69003 Lyon
    r"|(?<=,\s)\d{5}\s+[A-ZÉÈ][\w'\-]+(?:[\s-][A-ZÉÈ][\w'\-]+)*"
    # UK postcodes: SW1A 1AA, EC1V 9HX
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
)
_PHONE_RE = (
    r"(?<![\w+])(?:"
    # French: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78,
    # +33 (0)6 12 34 56 78, 0033 6 12 34 56 78
    r"(?:\+33\s?(?:\(0\)\s?)?|0033\s?|0)[1-9](?:[\s.-]?\d{2}){4}"
    # international: +1 415 555 0100, +44 20 7946 0958, +49 (0)30 1234567,
    # 0044 20 7946 0958 (8 to 15 digits after the +, so "+15 000 €" is not one)
    r"|(?:\+|00)\d{1,3}(?:[\s.-]?(?:\(\d{1,4}\)|\d)){7,14}"
    # North American: (415) 555-0100, 415-555-0100, 415.555.0100, 1-800-555-0100
    r"|(?:1[\s.-])?\(\d{3}\)\s?\d{3}[\s.-]\d{4}"
    r"|(?:1[\s.-])?\d{3}[.-]\d{3}[.-]\d{4}"
    r"|\d{3}\s\d{3}\s\d{4}"
    r")(?!\d)"
)
# Skype ids (live:..., after the word), and @handles (Telegram, X, Slack)
_HANDLE_RE = (
    r"(?i:(?:\b(?:skype|teams|telegram|whatsapp|signal|discord|slack)(?:\s*id)?"
    r"\s*[:=]\s*)+)@?(?:live:)?[\w.\-]{2,64}"
    r"|(?i:\bskype\s+)(?:live:)?[\w.\-]*[\d._][\w.\-]*"
    r"|\blive:[\w.\-]{2,64}"
    r"|(?<![\w@/.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]"
)

#: Letters and the accented forms they stand for in a client's name.
_ACCENTS = {
    "a": "aàâäáãå",
    "c": "cç",
    "e": "eéèêë",
    "i": "iîïíì",
    "n": "nñ",
    "o": "oôöóòõø",
    "u": "uùûüú",
    "y": "yÿý",
}
_COMBINING = "[\u0300-\u036f]*"
_PY_STRING = pd.StringDtype("python")


def anonymize(history: History, *, salt: str | bytes) -> History:
    """Replace names, ids and contact details by stable pseudonyms.

    Parameters
    ----------
    history : History
        The history to share. It is not modified.
    salt : str or bytes
        A secret of your choosing, required. The same salt always gives the
        same pseudonyms (so two exports can be compared); a different salt
        gives unrelated ones. Keep it to yourself: with it, anyone can check
        whether a given name is behind a pseudonym.

    Returns
    -------
    History
        A new history in which:

        - ``client`` (disputes and missions) is ``"Client XXXXXX"``, six
          upper-case hex digits of HMAC-SHA256(salt, name) (longer if two
          clients would otherwise share a pseudonym);
        - ``mission_id`` is ``"M-"`` and ``dispute_id`` ``"D-"`` followed by
          16 hex digits of a hash keyed by the salt, the same in
          ``disputes``, ``causes`` and ``missions``;
        - in ``notes`` and any other text column: e-mail addresses become
          ``[email]``, phone numbers (French and international formats)
          ``[phone]``, web addresses ``[url]``, and each client's full name
          (any case, with or without accents) that client's pseudonym;
        - ``rejected`` rows get the same treatment; ``source`` and
          ``planted`` are dropped.

        Dates, causes, amounts and outcomes are unchanged, so every analysis
        gives the same numbers, under the pseudonyms.

    Raises
    ------
    ValueError
        If ``salt`` is empty.

    Notes
    -----
    A client mentioned in the notes by part of their name only (``Saphir``
    for ``Saphir Assurances``), or a person's name, is not detected: read
    the notes before sharing them.

    Cost: contact details are found with quick pyarrow filters first, so only
    the notes that may hold one go through the exact (Python) patterns; each
    client's name is looked for in every note (one vectorised pass per
    client). About 6 s for 400,000 disputes of 33 clients on a laptop core;
    the name search grows with clients × disputes.

    Examples
    --------
    >>> import pandas as pd
    >>> import conflictkit as ck
    >>> h = ck.History.from_frames(pd.DataFrame({
    ...     "client": ["Acme"], "opened_at": ["2024-01-10"], "causes": ["payment"],
    ...     "notes": ["Relancé ACME au 06 12 34 56 78 (compta@acme.fr)"]}))
    >>> a = anonymize(h, salt="my secret")
    >>> a.disputes["client"][0] == anonymize(h, salt="my secret").disputes[
    ...     "client"][0]
    True
    >>> a.disputes["notes"][0].replace(a.disputes["client"][0], "<client>")
    'Relancé <client> au [phone] ([email])'
    """
    key = _key(salt)
    d = history.disputes
    m = history.missions
    names = d["client"].dropna().unique()
    if m is not None:
        more = m["client"].dropna().to_numpy(object)
        names = pd.unique(np.concatenate([np.asarray(names, dtype=object), more]))
    pseudonyms = _client_pseudonyms(names, key)
    in_text = _with_name_words(pseudonyms)

    disputes = d.copy()
    disputes["client"] = _map(d["client"], pseudonyms)
    disputes["dispute_id"] = _hash_ids(d["dispute_id"], key, "D-")
    disputes["mission_id"] = _hash_ids(d["mission_id"], key, "M-")
    for col in _text_columns(disputes, exclude=("dispute_id", "client", "mission_id")):
        disputes[col] = scrub_text(disputes[col], in_text)

    causes = history.causes.copy()
    causes["dispute_id"] = _hash_ids(causes["dispute_id"], key, "D-")

    missions = None
    if m is not None:
        missions = m.copy()
        missions["client"] = _map(m["client"], pseudonyms)
        missions["mission_id"] = _hash_ids(m["mission_id"], key, "M-")
        for col in _text_columns(missions, exclude=("client", "mission_id")):
            missions[col] = scrub_text(missions[col], in_text)

    ids = {
        "D-": set(d["dispute_id"].dropna().astype(str)),
        "M-": set(d["mission_id"].dropna().astype(str))
        | (set(m["mission_id"].dropna().astype(str)) if m is not None else set()),
    }
    return dataclasses.replace(
        history,
        disputes=disputes,
        causes=causes,
        missions=missions,
        rejected=_scrub_rejected(history.rejected, pseudonyms, key, ids),
        rejected_missions=_scrub_rejected(
            history.rejected_missions, pseudonyms, key, ids
        ),
        planted=None,
        source=None,
        # the per-invoice table and the merge report name clients and invoices:
        # not carried over (re-read or re-combine, then anonymize, to share them)
        invoices=None,
        merged=None,
    )


# ------------------------------------------------------------------ keys
def _key(salt: Any) -> bytes:
    if isinstance(salt, str):
        salt = salt.encode("utf-8")
    if not isinstance(salt, bytes):
        raise TypeError(f"`salt` must be a str or bytes, not {type(salt).__name__}")
    if not salt:
        raise ValueError(
            "`salt` must not be empty: choose a secret (a passphrase) and keep it; "
            "the same salt gives the same pseudonyms."
        )
    return salt


def _hmac_hex(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest().upper()


def _client_pseudonyms(names: Any, key: bytes) -> dict[str, str]:
    """``name -> "Client XXXXXX"``, lengthened until no two names collide."""
    digests = {str(n): _hmac_hex(key, str(n)) for n in names}  # loop over clients
    width = 6
    while True:
        out = {n: f"Client {h[:width]}" for n, h in digests.items()}
        if len(set(out.values())) == len(out) or width >= 64:
            return out
        width += 2


def _id_key(key: bytes, prefix: str) -> str:
    """A 16-character key for pandas' keyed SipHash, derived from the salt.

    Each kind of id (``D-``, ``M-``) has its own key: a value used both as a
    dispute id and as a mission id gets unrelated pseudonyms.
    """
    digest = hmac.new(key, f"conflictkit:ids:{prefix}".encode(), hashlib.sha256)
    return base64.b64encode(digest.digest()).decode("ascii")[:16]


_HEX = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)


def _hash_ids(ids: pd.Series, key: bytes, prefix: str) -> pd.Series:
    """Keyed 64-bit hashes of the ids, as ``prefix`` + 16 hex digits (vectorised).

    The key depends on the prefix: dispute and mission ids are hashed apart.
    """
    id_key = _id_key(key, prefix)
    present = ids.notna().to_numpy()
    out = pd.Series(pd.NA, index=ids.index, dtype=STRING_DTYPE)
    if not present.any():
        return out
    values = ids[present].astype(str).to_numpy(dtype=object)
    h = pd.util.hash_array(values, hash_key=id_key, categorize=True)
    shifts = np.arange(60, -4, -4, dtype=np.uint64)
    nibbles = ((h[:, None] >> shifts) & np.uint64(0xF)).astype(np.intp)
    text = np.ascontiguousarray(_HEX[nibbles]).view("S16").ravel().astype("U16")
    hashed = pd.Series(text, index=ids.index[present], dtype=STRING_DTYPE)
    if hashed.nunique() != pd.unique(values).size:  # pragma: no cover - 2**-64 odds
        raise RuntimeError("Two ids share a hash; try another salt.")
    out[present] = prefix + hashed
    return out


def _map(values: pd.Series, mapping: dict[str, str]) -> pd.Series:
    return values.map(mapping).astype(STRING_DTYPE)


# ------------------------------------------------------------------ text
def _text_columns(frame: pd.DataFrame, *, exclude: tuple[str, ...] = ()) -> list[str]:
    return [
        c
        for c in frame.columns
        if c not in exclude
        and (isinstance(frame[c].dtype, pd.StringDtype) or frame[c].dtype == object)
    ]


def _name_pattern(name: str) -> str:
    """A regex matching ``name`` in any case, with or without accents."""
    base = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.casefold())
        if not unicodedata.combining(ch)
    )  # fmt: skip
    parts = []
    for ch in base:
        if ch in _ACCENTS:
            variants = _ACCENTS[ch] + _ACCENTS[ch].upper()
            parts.append(f"[{variants}]{_COMBINING}")
        elif ch.isspace() or ch in "-_":
            parts.append(r"[\s\-_]+")
        else:
            parts.append(re.escape(ch))
    # collapse runs of separators produced by "A - B"
    pattern = re.sub(r"(?:\[\\s\\-_\]\+)+", r"[\\s\\-_]+", "".join(parts))
    return rf"(?<!\w){pattern}(?!\w)"


def scrub_text(text: pd.Series, pseudonyms: dict[str, str] | None = None) -> pd.Series:
    """Remove contact details and client names from free text (vectorised).

    Parameters
    ----------
    text : pandas.Series
        Free text, such as ``history.disputes["notes"]``.
    pseudonyms : dict, optional
        ``{client name: replacement}``; each name is replaced in any case,
        with or without accents, as a whole word.

    Returns
    -------
    pandas.Series
        A new string Series (NFKC-normalised) with ``[email]``, ``[url]``,
        ``[iban]``, ``[bic]``, ``[vat]``, ``[nir]``, ``[company-id]``,
        ``[handle]``, ``[address]``, ``[phone]`` and the replacements in
        place.

    Examples
    --------
    >>> import pandas as pd
    >>> scrub_text(pd.Series(["Call +1 415 555 0100 or see https://x.io/a."]))[0]
    'Call [phone] or see [url].'
    """
    # NFKC first: fullwidth digits and letters (０６ １２...) match as ASCII
    s = text.astype(STRING_DTYPE).str.normalize("NFKC")
    s = _sub(s, _EMAIL_RE, EMAIL, "@", literal=True)
    s = _sub(s, _URL_RE, URL, _URL_HINT, flags=re.IGNORECASE)
    for pattern, placeholder, hint in _PATTERNS:
        s = _sub(s, pattern, placeholder, hint)
    if not pseudonyms:
        return s
    folded = _fold(s)
    # longest names first, so "Pixel Finance Group" goes before "Pixel Finance"
    for name in sorted(pseudonyms, key=len, reverse=True):  # loop over clients
        needle = _fold(pd.Series([name], dtype=STRING_DTYPE)).iloc[0]
        if not needle:
            continue
        hit = folded.str.contains(needle, regex=False, na=False)
        if hit.any():
            s = _replace_where(
                s, hit, _name_pattern(name), pseudonyms[name].replace("\\", r"\\"),
                flags=re.IGNORECASE,
            )  # fmt: skip
    return s


# Quick filters in pyarrow's RE2 (no look-around, but fast): only the rows
# they select go through Python's re with the exact patterns above.
_URL_HINT = (
    r"(?i)://|www\.|\.(?:com|fr|net|org|io|eu|dev|app|co|be|ch|de|uk|ca|info|biz)"
)
_PHONE_HINT = r"\d(?:[\s.\-()]{0,3}\d){6}"
#: (pattern, placeholder, quick RE2 filter), in the order they are applied:
#: bank and company numbers before phones, which would take their digits.
_PATTERNS = [
    (_IBAN_RE, IBAN, r"(?i)[a-z]{2}\d{2}[ \-]?[a-z0-9]{4}"),
    (_BIC_RE, BIC, r"(?i)bic|swift|[A-Z]{6}"),
    (_VAT_RE, VAT, r"(?i)tva|vat|fr\s?[0-9a-z]{2}\s?\d{3}"),
    (_NIR_RE, NIR, r"[12][\s.]?\d{2}[\s.]?\d{2}[\s.]?\d"),
    (_COMPANY_RE, COMPANY_ID, r"(?i)siret|siren|rcs|\d{3}[\s.]?\d{3}[\s.]?\d{3}"),
    (
        _HANDLE_RE,
        HANDLE,
        r"(?i)@|skype|live:|teams|telegram|whatsapp|signal|discord|slack",
    ),
    (_ADDRESS_RE, ADDRESS, r"\d"),
    (_PHONE_RE, PHONE, _PHONE_HINT),
]


def _sub(
    s: pd.Series,
    pattern: str,
    repl: str,
    hint: str,
    *,
    literal: bool = False,
    flags: int = 0,
) -> pd.Series:
    hit = s.str.contains(hint, regex=not literal, na=False)
    return _replace_where(s, hit, pattern, repl, flags=flags) if hit.any() else s


def _replace_where(
    s: pd.Series, hit: pd.Series, pattern: str, repl: str, *, flags: int = 0
) -> pd.Series:
    """``s`` with ``pattern`` replaced in the rows ``hit``, with Python's re."""
    out = s.copy()
    # Python's re: look-behind and Unicode \w, which RE2 lacks
    done = s[hit].astype(_PY_STRING).str.replace(pattern, repl, regex=True, flags=flags)
    out[hit] = done.astype(STRING_DTYPE)
    return out


def _fold(s: pd.Series) -> pd.Series:
    """Lower case, no accents, separators as single spaces (for a quick filter)."""
    out = s.str.normalize("NFKD").str.replace("[\u0300-\u036f]", "", regex=True)
    return out.str.lower().str.replace(r"[\s\-_]+", " ", regex=True)


def _scrub_rejected(
    rejected: pd.DataFrame | None,
    pseudonyms: dict[str, str],
    key: bytes,
    ids: dict[str, set[str]],
) -> pd.DataFrame | None:
    """Rejected rows keep the user's headers: scrub them column by column.

    Each header is mapped as the reader maps it (``Société`` is the client):
    clients get their pseudonyms, ids their hashes, anything else -- the
    ``problems`` that quote values too -- is scrubbed as free text, with
    every id the history knows replaced by its hash first.
    """
    if rejected is None:
        return None
    from .io.vocabulary import COLUMN_ALIASES, normalize

    mapped = rejected.attrs.get("canonical", {})

    def canonical(col: object) -> str:
        if col in mapped:  # as the reader mapped it (columns= included)
            return str(mapped[col])
        norm = normalize(str(col))
        snake = norm.replace(" ", "_")
        return snake if snake in _ID_OR_CLIENT else COLUMN_ALIASES.get(norm, snake)

    out = rejected.copy()
    extra = {}
    for col in _text_columns(out):
        canon = canonical(col)
        if canon == "client":
            names = out[col].astype(STRING_DTYPE).str.strip()
            extra.update({
                n: f"Client {_hmac_hex(key, n)[:6]}"
                for n in names.dropna().unique()
                if n not in pseudonyms
            })  # fmt: skip
    everyone = {**pseudonyms, **extra}
    in_text = _with_name_words(everyone)
    ids = {k: set(v) for k, v in ids.items()}
    for col in _text_columns(out):  # the rejected rows' own ids, quoted in problems
        canon = canonical(col)
        if canon in ("dispute_id", "mission_id"):
            prefix = "D-" if canon == "dispute_id" else "M-"
            ids[prefix] |= set(out[col].dropna().astype(str).str.strip())
    known = {
        i: str(_hash_ids(pd.Series([i], dtype=object), key, prefix).iloc[0])
        for prefix, values in ids.items()
        for i in values
        if i
    }
    for col in _text_columns(out):
        canon = canonical(col)
        text = out[col].astype(STRING_DTYPE)
        if canon in ("dispute_id", "mission_id"):
            prefix = "D-" if canon == "dispute_id" else "M-"
            out[col] = _hash_ids(text.str.strip(), key, prefix)
        elif canon == "client":
            out[col] = _map(text.str.strip(), everyone)
        else:
            out[col] = scrub_text(_replace_ids(text, known), in_text)
    return out


_ID_OR_CLIENT = ("dispute_id", "mission_id", "client")


def _replace_ids(text: pd.Series, known: dict[str, str]) -> pd.Series:
    """Every known id quoted or standing alone in ``text``, as its hash."""
    if not known or not text.notna().any():
        return text
    ordered = sorted(known, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])"
    )
    python = text.astype(_PY_STRING)
    hit = python.str.contains(pattern, na=False)
    if not hit.any():
        return text
    done = python[hit].str.replace(pattern, lambda m: known[m.group()], regex=True)
    return text.mask(hit, done.astype(STRING_DTYPE))


def _with_name_words(pseudonyms: dict[str, str]) -> dict[str, str]:
    """Full names, plus each distinctive word of a name on its own.

    A word of four letters or more that is not in :data:`COMMON_WORDS` and
    belongs to one client only stands for that client (``Saphir`` for
    ``Saphir Conseil``); a word shared by several clients becomes
    ``[client]``.
    """
    owners: dict[str, set[str]] = {}
    folded_names = {_fold_word(n) for n in pseudonyms}
    for name in pseudonyms:
        for word in re.findall(r"[^\W\d_]{4,}", unicodedata.normalize("NFKC", name)):
            folded = _fold_word(word)
            if folded in COMMON_WORDS or folded in folded_names:
                continue
            owners.setdefault(word, set()).add(pseudonyms[name])
    words = {
        w: next(iter(who)) if len(who) == 1 else "[client]" for w, who in owners.items()
    }
    # full names win over their words (longest first in scrub_text)
    return {**words, **pseudonyms}


def _fold_word(word: str) -> str:
    base = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in base if not unicodedata.combining(ch))
