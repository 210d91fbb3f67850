"""Very long texts parsed in blocks, so memory stays bounded.

spaCy's trained components hold arrays the size of the whole Doc: one English text of
2,000,000 characters (the longest quotegraph reads by default) took over 7 GB in ``tok2vec``
alone. A text longer than :data:`BLOCK_CHARS` is therefore cut into blocks at paragraph
breaks (else line breaks, else sentence ends, else spaces), the spaCy components run on each
block, the blocks' Docs are joined into one (``Doc.from_docs``: the same text, token for
token), and ``qg_attribution`` runs once on the joined Doc, so quotes, speakers and
coreference see the whole article. Texts up to :data:`BLOCK_CHARS` (every news article of
the dev splits is far below it) go through ``nlp.pipe`` as before, unchanged.

>>> text_blocks("Eins.\\n\\nZwei.\\n\\nDrei.", size=9)
[(0, 7), (7, 14), (14, 19)]
>>> text_blocks("kurz", size=9)
[(0, 4)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["BLOCK_CHARS", "text_blocks", "parse", "pipe_texts"]

#: Texts longer than this many characters are parsed in blocks of at most this size.
BLOCK_CHARS = 100_000
#: Where a block may end, best first: after a blank line, a line break, a sentence end, a space.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”“»«’]?\s+"), re.compile(r"\s+"))
#: The component that runs on the joined Doc, not on the blocks.
_WHOLE_DOC_FACTORIES = ("qg_attribution",)


def text_blocks(text: str, size: int = BLOCK_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive blocks of at most ``size`` characters covering ``text``,
    each ending after a break (with the whitespace after it) in its second half when there is one."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        cut = None
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, start + size // 2, end) if m.end() <= end]
            if ends:
                cut = ends[-1]
                break
        cut = cut or end
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _whole_doc_names(nlp: Language) -> list[str]:
    return [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in _WHOLE_DOC_FACTORIES]


def _parse_blocks(nlp: Language, text: str, batch_size: int) -> Doc:
    whole = _whole_doc_names(nlp)
    blocks = [text[a:b] for a, b in text_blocks(text)]
    doc = Doc.from_docs(list(nlp.pipe(blocks, batch_size=batch_size, disable=whole)), ensure_whitespace=False)
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc


def parse(nlp: Language, text: str) -> Doc:
    """``nlp(text)``, in blocks when the text is longer than :data:`BLOCK_CHARS`."""
    return _parse_blocks(nlp, text, 1) if len(text) > BLOCK_CHARS else nlp(text)


def pipe_texts(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe(texts, batch_size=batch_size)``, in order, with texts longer than
    :data:`BLOCK_CHARS` parsed in blocks."""
    texts = list(texts)
    short = iter(nlp.pipe((t for t in texts if len(t) <= BLOCK_CHARS), batch_size=batch_size))
    for text in texts:
        yield next(short) if len(text) <= BLOCK_CHARS else _parse_blocks(nlp, text, 1)
