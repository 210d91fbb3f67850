"""Scoring extraction against annotated data: pure functions over records, no spaCy, no RDF.

:mod:`.scoring` holds the generic pieces (tokens, one-to-one pairing, P/R/F);
:mod:`.wikinews` reads German Wikinews gold and scores like the shared task;
:mod:`.polnear` reads PolNeAR brat standoff and scores contents, sources and cues with exact
and overlap matching; :mod:`.report` prints tables and writes error files.

Examples
--------
>>> from quotegraph.extract.evaluation import PRF, best_pairs
>>> best_pairs([[0.2, 0.9], [0.8, 0.1]])
[(0, 1), (1, 0)]
"""

from quotegraph.extract.evaluation.polnear import (
    GoldRelation,
    PolnearArticle,
    parse_brat,
    read_polnear,
    score_polnear,
)
from quotegraph.extract.evaluation.report import Report, print_report, write_errors, write_json
from quotegraph.extract.evaluation.scoring import (
    PRF,
    Prediction,
    as_prediction,
    best_pairs,
    f1,
    pair_by_overlap,
    token_overlap,
    tokens_in,
    word_tokens,
)
from quotegraph.extract.evaluation.wikinews import (
    GoldArticle,
    GoldQuote,
    parse_wikinews,
    read_wikinews,
    score_wikinews,
)

__all__ = [
    "PRF",
    "Prediction",
    "Report",
    "as_prediction",
    "best_pairs",
    "f1",
    "pair_by_overlap",
    "token_overlap",
    "tokens_in",
    "word_tokens",
    "GoldArticle",
    "GoldQuote",
    "parse_wikinews",
    "read_wikinews",
    "score_wikinews",
    "GoldRelation",
    "PolnearArticle",
    "parse_brat",
    "read_polnear",
    "score_polnear",
    "print_report",
    "write_errors",
    "write_json",
]
