"""Attribution records inside ``Doc.to_bytes()``: a msgpack encoder and decoder registered
with srsly, which spaCy serializes ``doc._`` with (``nlp.pipe(texts, n_process=N)`` sends
its Docs between processes that way).

>>> import srsly
>>> from quotegraph.extract.records import Attribution, Quote
>>> from quotegraph.extract.records import Mention
>>> att = Attribution("0-5", "", Quote("„Ja“", 0, 5), mentions=(Mention("Kiel", 1, 5, "Kiel", "location"),),
...                   pattern="direct", score=0.9)
>>> back = srsly.msgpack_loads(srsly.msgpack_dumps([att]))[0]
>>> back == att, back.pattern, back.score, type(back.mentions)
(True, 'direct', 0.9, <class 'tuple'>)
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from srsly import msgpack_decoders, msgpack_encoders

# by its package name: a module imported twice (as a doctest runs it) must rebuild one class
from quotegraph.extract.records import Attribution, Cue, Entity, Mention, Quote

__all__ = ["encode_record", "decode_record"]

_TAG = "__quotegraph_record__"
_RECORDS = {cls.__name__: cls for cls in (Attribution, Quote, Cue, Mention, Entity)}
_TUPLES = {("Entity", "aliases"), ("Attribution", "relays"), ("Attribution", "mentions")}  # msgpack has no tuples: fields that must come back as one


def encode_record(obj, chain=None):
    """msgpack's ``default`` hook: a record as a tagged map of its fields."""
    name = type(obj).__name__
    if name in _RECORDS and is_dataclass(obj):
        return {_TAG: name, **{f.name: getattr(obj, f.name) for f in fields(obj)}}
    return obj if chain is None else chain(obj)


def decode_record(obj, chain=None):
    """msgpack's ``object_hook``: a tagged map back to its record (inner records come first)."""
    if isinstance(obj, dict) and obj.get(_TAG) in _RECORDS:
        name = obj[_TAG]
        values = {k: tuple(v) if (name, k) in _TUPLES else v for k, v in obj.items() if k != _TAG}
        if name == "Quote":
            values["gaps"] = tuple(map(tuple, values.get("gaps") or ()))  # pairs in a tuple, as they went in
        return _RECORDS[name](**values)
    return obj if chain is None else chain(obj)


msgpack_encoders.register("quotegraph_records", func=encode_record)
msgpack_decoders.register("quotegraph_records", func=decode_record)
