"""docs/api.md's store lines, as written: a store folder opened through the API is closed through
it, so the same process (or another) can open it again."""

from quotegraph import api


def test_a_store_opened_through_the_api_is_closed_through_it(tmp_path, sample_results):
    store = api.open_graph(tmp_path / "news.db")
    api.build_graph(sample_results, store)
    assert api.remove_articles(store, ["en1"]) > 0
    api.close_graph(store)
    again = api.open_graph(tmp_path / "news.db")  # "store is in use" while the first was open
    assert api.article_graphs(again) == ["de1"]
    api.close_graph(again)
