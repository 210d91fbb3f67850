"""A small dated corpus for the statement mode, the timeline and the entity panel: one statement carried by four outlets.

Anton Weber's "We will not send troops" is printed by four sites between 2 and 20 May 2024, two
of them naming Reuters as the relay; "The talks are over" by two; his indirect speech and Lena
Berg's words by one each. Records are written by hand (offsets consistent with the texts), so no
language model is needed.
"""

from __future__ import annotations

from quotegraph.extract.records import Article, ArticleResult, Attribution, Cue, Entity, Mention, Quote

#: (article id, site, date, speaker as written, words, relay or None)
ARTICLES = (
    ("a1", "Hafenkurier", "2024-05-02", "President Anton Weber", "We will not send troops", "Reuters"),
    ("a2", "Abendblatt", "2024-05-03", "Weber", "We will NOT send troops!", "Reuters"),
    ("a3", "Morgenpost", "2024-05-10", "Anton Weber", "We will not send troops.", None),
    ("a4", "Nordwelle", "2024-05-20", "Weber", "we will not send troops", None),
    ("a5", "Hafenkurier", "2024-05-11", "Anton Weber", "The talks are over", None),
    ("a6", "Abendblatt", "2024-05-12", "Weber", "The talks are over.", None),
    ("a7", "Morgenpost", "2024-05-19", "Lena Berg", "Nobody asked the workers", None),
)
#: The carriers each statement must show.
CARRIERS = {"we will not send troops": 4, "the talks are over": 2, "nobody asked the workers": 1}
WEBER_ALIASES = {"President Anton Weber", "Weber"}
#: An alias that is markup: the entity panel must show it as text.
HOSTILE_ALIAS = '<img src=x onerror=alert(7)>'



def _result(aid: str, site: str, date: str, said_as: str, words: str, relay: str | None) -> ArticleResult:
    text = f'"{words}," {said_as} said' + (f", according to {relay}." if relay else ".") + " He added that it was over."
    q = Quote(words, 1, 1 + len(words), "direct")
    s0 = text.index(said_as)
    entity = "Lena Berg" if said_as == "Lena Berg" else "Anton Weber"
    cue = text.index(" said") + 1
    mediator = None
    if relay:
        r0 = text.index(relay)
        mediator = Mention(relay, r0, r0 + len(relay), relay, "media")
    ind = "it was over"
    i0 = text.index(ind)
    atts = (
        Attribution(id=f"{aid}:{q.start}-{q.end}", article=aid, quote=q,
                    speaker=Mention(said_as, s0, s0 + len(said_as), entity, "person"),
                    cue=Cue("said", cue, cue + 4, "say"), mediator=mediator),
        Attribution(id=f"{aid}:{i0}-{i0 + len(ind)}", article=aid, quote=Quote(ind, i0, i0 + len(ind), "indirect"),
                    speaker=Mention("He", text.index("He"), text.index("He") + 2, entity, "person"),
                    cue=Cue("added", text.index("added"), text.index("added") + 5, "add")),
    )
    aliases = (said_as,) if said_as != entity else (HOSTILE_ALIAS,) if entity == "Lena Berg" else ()
    entities = [Entity(entity, "person", aliases)]
    if relay:
        entities.append(Entity(relay, "media", ()))
    art = Article(id=aid, text=text, language="en", title=f"{site}: {words}", date=date, site=site,
                  url=f"https://example.org/{aid}")
    return ArticleResult(art, atts, tuple(entities))


def statement_results() -> list[ArticleResult]:
    """The corpus's extraction results (see the module)."""
    return [_result(*row) for row in ARTICLES]


def statement_graph():
    """The corpus as a graph, entities resolved and statements linked, as ``quotegraph extract`` leaves it."""
    from quotegraph import api

    graph = api.build_graph(statement_results())
    api.resolve_entities(graph)
    api.link_statements(graph)
    return graph
