"""Cross-article entity resolution on names alone: which as-written entities are one, and why.

The input is every entity *as written* (a :class:`Key`: the IRI its name gave it, its name,
type, aliases and the articles that name it); the output is one :class:`Resolved` entity per
group, its canonical IRI and name, and for each key the rule that joined it. Pure and
deterministic: the same keys (in any order) give the same entities.

The rules, surest first (names compared by :func:`~quotegraph.graph.names.name_form`):

``spelling``
    the same name up to case, umlauts, titles, German adjective endings and German/English
    transliteration ("Lukaschenko", "Lukashenko"); always joined.
``authority``
    a name or alias of an entry of the ``--entities`` file; always joined.
``inflection``, ``surname``, ``middle names``
    a name with a genitive ending ("des Lehrerverbands", "Merkels"), a person's surname alone
    ("Solberg"), a person's name without the middle names ("Hillary Clinton" for "Hillary
    Rodham Clinton"): joined to the one entity whose name it is a form of, only when there
    is **exactly one** such entity of the same class in the corpus, and no article names the
    two apart (the article's own coreference saw both and kept them apart). Otherwise the
    key stays its own entity, and the reason (``ambiguous``, ``apart in an article``) is kept.
    A name the tagger gave no type (``schema:Thing``) is no evidence of another class: it
    joins by these rules (and by ``spelling``, on the same condition) an entity of any class.

Examples
--------
>>> P = "https://schema.org/Person"
>>> keys = [Key("e:hs", "Henrik Solberg", P, articles=frozenset({"a1"})),
...         Key("e:s", "Solberg", P, articles=frozenset({"a2"}))]
>>> [(r.name, [m.rule for m in r.members]) for r in resolve(keys)]
[('Henrik Solberg', ['own name', 'surname'])]
>>> keys.append(Key("e:es", "Erna Solberg", P, articles=frozenset({"a3"})))
>>> sorted(r.name for r in resolve(keys))
['Erna Solberg', 'Henrik Solberg', 'Solberg']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .entity_types import best_type, is_described_entity
from .names import base_forms, name_form, type_class

__all__ = ["Key", "Entry", "Member", "Resolved", "resolve", "RULES"]

#: Every rule a member can be joined by, and what it means (``quotegraph explain`` prints these).
RULES = {
    "own name": "the canonical name itself",
    "spelling": "the same name up to case, umlauts, titles, German adjective endings and transliteration",
    "authority": "a name or alias of an entry of the entities file",
    "inflection": "a German case form (genitive -s/-es) of the one entity with that name",
    "surname": "the surname of exactly one person with a full name in the corpus",
    "middle names": "the name without middle names of exactly one person in the corpus",
}


@dataclass(frozen=True)
class Key:
    """An entity as written: the IRI its own name gives it, and what the articles say of it."""

    iri: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()  # of the articles; empty: unknown


@dataclass(frozen=True)
class Entry:
    """One entity of an authority file: canonical name, aliases, schema.org type, Wikidata IRI."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Member:
    """One key of a resolved entity: the rule that joined it, the key whose name it matched,
    and (for a key left alone) why a join was refused."""

    key: Key
    rule: str
    via: str | None = None
    refused: str | None = None


@dataclass(frozen=True)
class Resolved:
    """One entity after resolution: its IRI, name, type, other names, Wikidata link, members."""

    iri: str
    name: str
    type: str
    alternate_names: tuple[str, ...]
    same_as: str | None
    members: tuple[Member, ...]


@dataclass
class _Group:
    """Keys with one name form and class: spellings of one name, never split."""

    cls: str
    form: tuple[str, ...]
    keys: list[Key]
    entry: int | None = None
    rule: str = "own name"  # how the group joined its cluster
    via: str | None = None
    refused: str | None = None
    articles: set[str] = field(default_factory=set)
    described: bool = False  # an entity known only by a description: one key, joined by no rule


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def resolve(keys: Iterable[Key], authority: Sequence[Entry] = ()) -> list[Resolved]:
    """Group entities as written into entities, by the rules of this module.

    Parameters
    ----------
    keys : iterable of Key
        Each entity as written once (its IRI is unique).
    authority : sequence of Entry
        Entities the user named (``--entities``): their keys join them, they give the name.

    Returns
    -------
    list of Resolved
        Sorted by IRI; every key is a member of exactly one.
    """
    groups = _spelling_groups(keys)
    entry_of = {}
    for i, entry in enumerate(authority):
        cls = type_class(entry.type)
        for name in (entry.name, *entry.aliases):
            entry_of.setdefault((cls, name_form(name, cls)), i)
    for g in groups:
        g.entry = entry_of.get((g.cls, g.form))
        if g.entry is not None:
            g.rule = "authority"
    parent = list(range(len(groups)))
    by_entry: dict[int, int] = {}
    for i, g in enumerate(groups):
        if g.entry is not None:
            parent[i] = by_entry.setdefault(g.entry, i)
    _join_forms(groups, parent)
    return _entities(groups, parent, authority)


def _spelling_groups(keys: Iterable[Key]) -> list[_Group]:
    by_form: dict[tuple, _Group] = {}
    for key in sorted(keys, key=lambda k: k.iri):
        cls = type_class(key.type)
        # an entity known only by a description ("die Polizei") is one within its article: a group
        # of its own, which no rule joins with another
        described = is_described_entity(key.iri)
        form = (key.iri,) if described else name_form(key.name, cls) or (key.iri,)
        group = by_form.setdefault((cls, form), _Group(cls, form, [], described=described))
        group.keys.append(key)
        group.articles.update(key.articles)
    return sorted(by_form.values(), key=lambda g: (-len(g.form), g.form, g.cls))


def _targets(g: _Group, h: _Group, form: tuple[str, ...]) -> str | None:
    """The rule by which ``form`` (group ``g``'s name, or its base form) is a form of group
    ``h``'s name, or None."""
    if g is h or h.cls == "other" or g.cls not in (h.cls, "other"):
        return None  # an untyped name ("other": the tagger gave no type) may be of any class
    if h.form == form:
        return "spelling" if form == g.form else "inflection"
    if h.cls != "person" or len(h.form) <= len(form):
        return None
    if h.form[-len(form):] == form:
        return "surname"
    if len(form) >= 2 and form[0] == h.form[0] and form[-1] == h.form[-1] and _subsequence(form, h.form):
        return "middle names"
    return None


def _bases(g: _Group) -> list[tuple[str, ...]]:
    """Group ``g``'s name without a genitive ending; for a person only when German articles name it
    (English marks the genitive with an apostrophe, which :func:`words` drops)."""
    if g.cls in ("person", "other") and not any(k.languages & {"de"} or not k.languages for k in g.keys):
        return []
    return base_forms(g.form, "person" if g.cls == "other" else g.cls)


def _subsequence(short: tuple, long: tuple) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _join_forms(groups: list[_Group], parent: list[int]) -> None:
    """The conditional rules: each group (longest names first) joins the one cluster it is a
    form of, if there is exactly one and no article names the two apart."""
    # every rule matches a name with the same form or the same last word: index both, so a
    # group is compared with its few candidates, not with every group (linear, not quadratic)
    by_form: dict[tuple, list[int]] = defaultdict(list)
    by_last: dict[str, list[int]] = defaultdict(list)
    articles: dict[int, set[str]] = defaultdict(set)  # cluster root -> the articles of its names
    for j, h in enumerate(groups):
        if h.described:
            continue
        by_form[h.form].append(j)
        by_last[h.form[-1]].append(j)
        articles[_find(parent, j)] |= h.articles
    for i, g in enumerate(groups):
        if g.entry is not None or g.described:
            continue
        found: dict[int, tuple[str, int]] = {}
        for form in (g.form, *_bases(g)):  # the name as written first: a base only when it fits nothing
            for j in dict.fromkeys(by_form.get(form, []) + by_last.get(form[-1], [])):
                rule = _targets(g, groups[j], form)
                if rule:
                    found.setdefault(_find(parent, j), (rule, j))
            found.pop(_find(parent, i), None)
            if found:
                break
        if not found:
            continue
        if len(found) > 1:
            g.refused = "ambiguous: " + ", ".join(sorted(groups[j].keys[0].name for _, j in found.values()))
            continue
        (root, (rule, j)), = found.items()
        own = _find(parent, i)
        shared = sorted(articles[root] & articles[own])
        if shared:
            g.refused = f"apart in an article: {groups[j].keys[0].name} and {g.keys[0].name} in {shared[0]}"
            continue
        g.rule, g.via = rule, groups[j].keys[0].iri
        parent[own] = root
        articles[root] |= articles.pop(own)


def _canonical_key(keys: list[Key]) -> Key:
    """The key that names the entity, among the spellings of its longest name: the one the most
    articles use, then the longest, then by name and IRI (so ties always break the same way)."""
    return min(keys, key=lambda k: (-len(k.articles), -len(k.name), k.name, k.iri))


def _entities(groups: list[_Group], parent: list[int], authority: Sequence[Entry]) -> list[Resolved]:
    clusters: dict[int, list[_Group]] = {}
    for i, g in enumerate(groups):
        clusters.setdefault(_find(parent, i), []).append(g)
    out = []
    for root, members in clusters.items():
        keys = [k for g in members for k in g.keys]
        entry = next((authority[g.entry] for g in members if g.entry is not None), None)
        if entry is not None:
            # the IRI stays one of a name as written (the entry's own name when an article wrote
            # it), so a later resolution can always read the entity back as its keys
            named = [g for g in members if g.entry is not None]
            own = [g for g in named if g.form == name_form(entry.name, g.cls)] or named
            iri = _canonical_key([k for g in own for k in g.keys]).iri
            name, same_as, cls = entry.name, entry.wikidata, entry.type
            names = [entry.name, *entry.aliases]
        else:
            top = _canonical_key(groups[root].keys)
            iri, name, same_as, cls, names = top.iri, top.name, None, best_type(k.type for k in keys), []
        names += [n for k in keys for n in (k.name, *k.aliases)]
        alternate = tuple(sorted(set(names) - {name}))
        joined = []
        for g in members:
            for k in g.keys:
                if g.rule != "own name":
                    joined.append(Member(k, g.rule, g.via, g.refused))
                elif k.iri == iri:
                    joined.append(Member(k, "own name", None, g.refused))
                else:
                    joined.append(Member(k, "spelling", iri, g.refused))
        joined.sort(key=lambda m: (m.rule != "own name", m.key.iri))
        out.append(Resolved(iri, name, cls, alternate, same_as, tuple(joined)))
    return sorted(out, key=lambda r: r.iri)
