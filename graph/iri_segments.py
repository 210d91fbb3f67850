"""Text as one segment of an IRI: readable Unicode kept, whatever IRI syntax forbids percent-encoded.

RDF 1.1 IRIs (RFC 3987) may hold Unicode, so quotegraph mints ``entity:küstenpresse`` rather
than ``entity:k%C3%BCstenpresse``. A character stays as it is when it is an *iunreserved*
character of RFC 3987: an ASCII letter or digit, ``-``, ``.``, ``_``, ``~``, or a *ucschar*
(U+00A0 to U+D7FF, U+F900 to U+FDCF, U+FDF0 to U+FFEF, and the planes above except their last
two code points), **unless** it is one of :data:`ESCAPED_ANYWAY`: spaces and invisible
formatting characters (RFC 3987 section 4.1 forbids the bidirectional ones; the others would
make two IRIs look alike). Everything else (ASCII punctuation such as ``/ # ? % < > " { } | ^ `
\\``, spaces, control characters, lone surrogates, non-characters) becomes ``%XX`` of its UTF-8
bytes, so the mapping is one-to-one (``%`` itself is encoded) and can be undone with
``urllib.parse.unquote``. The rules are fixed code point ranges, not Unicode categories, so an
IRI does not change with the Unicode version of the Python that mints it.

Examples
--------
>>> iri_segment("Küstenpresse"), iri_segment("dpa 42"), iri_segment("a/b#c%")
('Küstenpresse', 'dpa%2042', 'a%2Fb%23c%25')
>>> iri_segment("北京"), iri_segment("x\\u00a0y"), iri_segment("\\u202eevil")
('北京', 'x%C2%A0y', '%E2%80%AEevil')
"""

from __future__ import annotations

import functools
import string

__all__ = ["ESCAPED_ANYWAY", "iri_segment", "is_kept"]

_ASCII_KEPT = frozenset(string.ascii_letters + string.digits + "-._~")

#: ucschar code points that are percent-encoded all the same: no-break and other spaces, line
#: and paragraph separators, soft hyphen, zero-width and joiner characters, bidirectional marks,
#: embeddings and isolates, invisible operators, the byte order mark.
ESCAPED_ANYWAY: frozenset[int] = frozenset(
    [0x00A0, 0x00AD, 0x061C, 0x1680, 0x180E, 0x3000, 0xFEFF,
     *range(0x2000, 0x2010), *range(0x2028, 0x2030), *range(0x205F, 0x2070)])


def _is_ucschar(cp: int) -> bool:
    """RFC 3987's ``ucschar`` production."""
    if cp < 0x10000:
        return 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
    plane, low = cp >> 16, cp & 0xFFFF
    if 1 <= plane <= 13:
        return low <= 0xFFFD
    return plane == 14 and 0x1000 <= low <= 0xFFFD


def is_kept(ch: str) -> bool:
    """Whether a character stays as it is in an IRI segment.

    >>> is_kept("ü"), is_kept("-"), is_kept(" "), is_kept("<"), is_kept("\\u200b")
    (True, True, False, False, False)
    """
    if ch in _ASCII_KEPT:
        return True
    cp = ord(ch)
    return _is_ucschar(cp) and cp not in ESCAPED_ANYWAY


@functools.lru_cache(maxsize=1 << 16)  # an article's id and a name are encoded for every triple naming them
def iri_segment(text: str) -> str:
    """``text`` as one IRI path segment (or fragment part): see the module docstring.

    >>> from urllib.parse import unquote
    >>> all(unquote(iri_segment(t)) == t for t in ["Über Äpfel", "%C3%BC", "ü", "\\x00\\n<>\\"{}|^`\\\\"])
    True
    >>> iri_segment("%C3%BC") != iri_segment("ü")
    True
    """
    out = []
    for ch in text:
        if is_kept(ch):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)
