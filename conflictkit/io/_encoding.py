"""Deciding a text file's encoding, with Western European text in mind.

The UTF-8 family comes first (a BOM, UTF-16, valid UTF-8), then the code pages
that French and English spreadsheets are really saved in (Windows-1252, then
the DOS and Mac ones), and charset-normalizer's guess only where all of these
fail. Whatever the choice, the decoded text is checked for mojibake (``DÚbut``,
``DÃ©but``, ``D├®but``): a decoding that garbles the text is never accepted,
and a file that holds garbled text already is refused with an example.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DisputeDataError

__all__ = ["decode_bytes", "legacy_bytes", "mojibake"]

#: The code pages tried, in order, when the bytes are not UTF-8.
LEGACY_ENCODINGS = ("cp1252", "cp850", "mac_roman")
#: How much of the text the mojibake check reads (the start of the file).
_SAMPLE = 2 << 20

_UPPER = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
_LOWER = "a-zßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœ"
#: Text encoded twice: certain mojibake, in any file (even valid UTF-8).
_DOUBLE_ENCODED = (
    # UTF-8 read as Windows-1252 or Latin-1: "DÃ©but", "lâ€™offre", "Â°"
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]|â€|Â[\u00a0-\u00bf]"
    # UTF-8 read as a DOS code page: "D├®but"
    "|[\u251c\u252c\u253c][\u00a0-\u00ff\u0192\u2500-\u259f]"
    # C1 control characters: Windows-1252 bytes read as Latin-1
    "|[\u0080-\u009f]"
)
_STRONG = re.compile(_DOUBLE_ENCODED)
#: What a wrong code page makes of Western European text: told apart from the
#: right code page's reading, where the choice is between code pages.
_MOJIBAKE = re.compile(
    _DOUBLE_ENCODED
    # Windows-1252 read as a DOS code page: box drawing, "DÚbut", "pÞriode"
    + "|[\u2500-\u259f]"
    f"|(?<=[A-Za-z{_LOWER}])[{_UPPER}](?=[{_LOWER}])|[þð]"
    # a DOS code page read as Windows-1252: "d‚lai", "r‡glement"
    f"|(?<=[{_LOWER}A-Z])[\u201a\u0192\u201e\u2020\u2021\u02c6\u2030\u2039\u203a"
    f"\u02dc\u00a6\u00a8\u00af\u00b4\u00b8\u00a4\u00b6\u00b9](?=[{_LOWER}])"
)


def mojibake(text: str, *, certain: bool = False) -> str | None:
    """Return a garbled word of ``text`` (with its line), or None if it reads clean.

    With ``certain=True`` only text encoded twice counts (for a file whose
    encoding is certain, such as valid UTF-8, where any script may appear);
    otherwise what a wrong Western code page makes of French or English text
    counts too.

    Examples
    --------
    >>> mojibake("Début;Client") is None
    True
    >>> mojibake("DÚbut;Client")
    "'DÚbut' (line 1)"
    >>> mojibake("x\\nDÃ©but", certain=True)
    "'DÃ©but' (line 2)"
    >>> mojibake("DÚbut", certain=True) is None  # a possible name in UTF-8
    True
    """
    found = (_STRONG if certain else _MOJIBAKE).search(text, 0, _SAMPLE)
    if found is None:
        return None
    start = max(text.rfind("\n", 0, found.start()) + 1, found.start() - 20)
    words = re.findall(r"[^\s;,|\"]+", text[start : found.end() + 20])
    word = next((w for w in words if found.group() in w), found.group())
    line = text.count("\n", 0, found.start()) + 1
    return f"{word!r} (line {line})"


def _refuse(where: str, encoding: str, source: str) -> DisputeDataError:
    return DisputeDataError(
        f"the text reads garbled as {encoding}: {where}. The file was probably "
        "saved with one encoding and read or re-saved with another. Open it in "
        "its spreadsheet and save it again as 'CSV UTF-8'.",
        source,
    )


def decode_bytes(data: bytes, source: str) -> tuple[bytes, str]:
    """Return the content as UTF-8 bytes and the encoding it was decided to be in.

    Valid UTF-8 is checked on its start only (the first 64 KiB, and 2 MiB for
    mojibake); pyarrow checks the rest as it parses, and the caller comes back
    to :func:`legacy_bytes` if that fails.
    """
    if not data or data.isspace():
        raise DisputeDataError("the file is empty", source)
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        _checked(body[:_SAMPLE].decode("utf-8", errors="ignore"), "utf-8", source)
        return body, "utf-8-sig"
    for bom, enc in (
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = _checked(_strict(data[len(bom) :], enc, source), enc, source)
            return text.encode("utf-8"), "utf-16"
    enc16 = _utf16_without_bom(data)
    if enc16 is not None:
        text = _checked(_strict(data, enc16, source), enc16, source)
        return text.encode("utf-8"), enc16
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise DisputeDataError(
            f"the file contains NUL bytes (first at byte {nul}, line {line}): it "
            "is binary or damaged, not a text table. Export it again as CSV "
            "(UTF-8) or XLSX.",
            source,
        )
    if data.isascii():
        return data, "ascii"
    try:
        data[:65536].decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < 65536 - 4:  # not just a character cut at the sample's end
            return legacy_bytes(data, source)
    _checked(data[:_SAMPLE].decode("utf-8", errors="ignore"), "utf-8", source)
    return data, "utf-8"


def legacy_bytes(data: bytes, source: str) -> tuple[bytes, str]:
    """Text that is not UTF-8, as UTF-8 bytes, and the code page it was in."""
    controls = sum(data[:4096].count(bytes([b])) for b in range(1, 9))
    if controls > 0.05 * min(len(data), 4096):
        raise DisputeDataError(
            "the file looks binary (many control bytes), not a text table", source
        )
    text, encoding = _legacy(data, source)
    return text.encode("utf-8"), encoding


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DisputeDataError(
            f"the file is not valid {encoding} text (byte {err.start}): {err.reason}",
            source,
        ) from err


def _checked(text: str, encoding: str, source: str) -> str:
    if not text.isascii() and (where := mojibake(text, certain=True)) is not None:
        raise _refuse(where, encoding, source)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if b"\x00" not in head or len(head) < 2:
        return None
    # every other byte of ASCII text is NUL
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * len(head) / 2 and even == 0:
        return "utf-16-le"
    if even > 0.3 * len(head) / 2 and odd == 0:
        return "utf-16-be"
    return None


def _legacy(data: bytes, source: str) -> tuple[str, str]:
    """Text that is not UTF-8: the first code page that reads it cleanly."""
    first_bad: tuple[str, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        where = mojibake(text)
        if where is None:
            return text, enc
        first_bad = first_bad or (where, enc)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding not in LEGACY_ENCODINGS:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            where = mojibake(text)
            if where is None:
                return text, best.encoding
            first_bad = first_bad or (where, best.encoding)
    if first_bad is None:
        raise DisputeDataError(
            "the file's encoding cannot be told: it is neither UTF-8 nor a "
            "Western European code page. Save it again as 'CSV UTF-8'.",
            source,
        )
    raise _refuse(*first_bad, source)
