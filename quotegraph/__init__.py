"""quotegraph: who said what, according to whom — from news text to an RDF knowledge graph.

``quotegraph.make_nlp(lang)`` is the full spaCy pipeline (see
:func:`quotegraph.extract.pipeline.make_nlp`); :mod:`quotegraph.api` the rest of the public API.
"""

__version__ = "0.1.0"
__all__ = ["make_nlp"]


def __getattr__(name: str):
    # spaCy takes seconds to import: only who asks for the pipeline pays for it (``quotegraph
    # query --help`` must not)
    if name == "make_nlp":
        from quotegraph.extract.pipeline import make_nlp

        return make_nlp
    raise AttributeError(f"module 'quotegraph' has no attribute {name!r}")
