"""A speaker owned by someone ("the state's governor", "the prime minister's spokeswoman",
"Vela's supporters") is no node of its own name and not the owner (:mod:`quotegraph.extract.coref`,
:mod:`quotegraph.extract.head_names`; invented sentences)."""


def test_someone_owned_by_a_genitive_with_no_name_is_no_node(run_en):
    # "the state's governor" names no one: a person, and no node called "state's Republican governor"
    (att,) = run_en("Senator Tom Vela spoke in Dover. The state's Republican governor said the bill was dead.").attributions
    assert (att.speaker.entity, att.speaker.type) == (None, "person")


def test_a_spokesperson_or_supporters_owned_by_someone_are_not_that_one(run_en):
    # no node "minister's spokeswoman"; the supporters are not the senator they support
    def who(result):
        return [(a.speaker.text, a.speaker.entity, a.speaker.type) for a in result.attributions]

    text = "Prime Minister Anna Berg met the unions. The prime minister's spokeswoman said the talks would resume."
    assert who(run_en(text)) == [("The prime minister's spokeswoman", None, "person")]
    text = "Senator Tom Vela spoke on Monday. Vela's supporters said the count was wrong."
    assert who(run_en(text)) == [("Vela's supporters", None, "person")]
