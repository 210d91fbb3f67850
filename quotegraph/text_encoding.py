"""Bytes to text: the encoding found (UTF-8, UTF-16/32 with a mark, else what charset-normalizer
finds), and UTF-8 that was decoded as Windows-1252 or Latin-1 repaired ("GesprÃ¤ch").

The repaired text is the article text: every offset quotegraph stores refers to it. ftfy and
charset-normalizer load only for a text that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quotegraph.errors import InputError

__all__ = ["decode", "repair_mojibake"]


# longest first: the UTF-32-LE mark begins with the UTF-16-LE one
_UTF16_32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                  (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes, source: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else the encoding
    charset-normalizer finds; then mojibake repaired (see :func:`repair_mojibake`).

    >>> decode("Das Gespräch über die Straße.".encode("cp1252"), "a.txt")
    'Das Gespräch über die Straße.'
    >>> decode("Das GesprÃ¤ch".encode("utf-8"), "a.txt")
    'Das Gespräch'

    Raises
    ------
    InputError
        For binary data or text whose encoding cannot be told.
    """
    for bom, encoding in _UTF16_32_BOMS:  # "Unicode" text from Windows: NUL bytes, but text
        if data.startswith(bom):
            try:
                return repair_mojibake(data.decode(encoding))
            except UnicodeDecodeError:
                raise InputError(f"starts like {encoding.upper()} text but is not", source) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text", source)
    try:
        return repair_mojibake(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise InputError("not valid UTF-8 and no other text encoding fits", source)
    return repair_mojibake(str(best))


# UTF-8 read as Windows-1252 or Latin-1 leaves a lead character (Ã for ä ö ü ß é …, Â for
# » « ° and no-break space, â€ for „ “ – …) followed by a character that stands for a UTF-8
# continuation byte (0x80-0xBF in Latin-1, or its Windows-1252 stand-in). Correct German or
# English text practically never has these pairs; a line without one is left alone.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" \
                "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2\u00c3][{_CONTINUATION}]|\u00e2\u20ac|\u00e2\u201a\u00ac")


# The encodings UTF-8 is mistaken for in German and English text. ftfy also tries others (Mac
# Roman, Cyrillic code pages …); on short lines of correct text such a guess can "decode"
# »Ä or €ä into an unrelated letter, so no round of its plan may use another encoding.
_MISREAD_AS = frozenset({"latin-1", "windows-1252", "sloppy-windows-1252"})


def _ftfy_config():
    import ftfy  # only for a text that shows mojibake

    # Encoding repair only. Everything else ftfy offers would change legitimate text: uncurling
    # quotes (our quotation marks are signal), NFC/NFKC, ligatures, widths, line breaks,
    # HTML entities, control characters. Lossy sequences stay as they are rather than
    # becoming U+FFFD.
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
        restore_byte_a0=True, replace_lossy_sequences=False, decode_inconsistent_utf8=True,
        fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None, explain=True,
    )


def _rounds(plan: list) -> Iterator[list]:
    """ftfy's plan cut into rounds, each ending in a ``decode`` or an ``apply`` step."""
    current: list = []
    for step in plan:
        current.append(step)
        if step[0] in ("decode", "apply"):
            yield current
            current = []


def _repair_line(line: str, config) -> str:
    import ftfy

    plan = ftfy.fix_encoding_and_explain(line, config).explanation
    bad = len(_MOJIBAKE.findall(line))
    # Round by round, and only while each round removes mojibake pairs: ftfy keeps going
    # until nothing looks odd, and on a short line of correct text one more round can turn
    # "ß€" or "»Ä" into an unrelated letter.
    for round_ in _rounds(plan):
        if any(op == "encode" and arg not in _MISREAD_AS for op, arg in round_):
            break
        fixed = ftfy.apply_plan(line, round_)
        still_bad = len(_MOJIBAKE.findall(fixed))
        if still_bad >= bad:
            break
        line, bad = fixed, still_bad
        if not bad:
            break
    return line


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252/Latin-1 ("GesprÃ¤ch"), line by line.

    Conservative: only a line holding a typical mojibake pair is handed to ftfy, for encoding
    fixes only and only between UTF-8 and Windows-1252/Latin-1; its answer is kept only if it
    has fewer such pairs than before. Correct text, its quotation marks included, comes back
    unchanged. The repaired text *is* the article text: every offset quotegraph stores refers
    to it.

    >>> repair_mojibake("Das GesprÃ¤ch war â€žschwierigâ€œ, hieÃŸ es.")
    'Das Gespräch war „schwierig“, hieß es.'
    >>> repair_mojibake("»Über die Grenze«, sagte sie. ‚Nein‘ – it’s “fine”.")
    '»Über die Grenze«, sagte sie. ‚Nein‘ – it’s “fine”.'
    """
    if not _MOJIBAKE.search(text):
        return text
    config = _ftfy_config()
    lines = text.splitlines(keepends=True)
    return "".join(_repair_line(line, config) if _MOJIBAKE.search(line) else line for line in lines)
