"""names_in_texts finds exactly what testing every name form against every text with a regex finds."""

import random
import re

import pytest

from quotegraph.graph.name_hits import names_in_texts


def by_regex(names, texts):
    """The definition: a name is in a text when one of its forms matches as a whole word."""
    return [[name for name, forms in names
             if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in forms)]
            for text in texts]


@pytest.mark.parametrize("names, texts, expected", [
    ([("Rat", ["Rat"])], ["Rat", "Beirat", "Der Rat.", "Rat_s", "Räte", "Rat\nRat"], [["Rat"], [], ["Rat"], [], [], ["Rat"]]),
    ([("Anna Weber", ["Anna Weber", "Weber"])], ["Webers Rat", "Webers Weber", "Anna\nWeber"], [[], ["Anna Weber"], ["Anna Weber"]]),
    # a form found across two texts is in neither
    ([("a\nb", ["a\nb"])], ["a", "b"], [[], []]),
    ([("x", ["xx"])], [], []),
])
def test_whole_words_only(names, texts, expected):
    assert names_in_texts(names, texts) == expected == by_regex(names, texts)


def test_the_same_as_the_regex_on_random_texts():
    rng = random.Random(27)
    alphabet = "ab_1é \n.-Ü"
    for _ in range(2000):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(0, 4))]
        names = [(f"n{i}", ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 2))])
                 for i in range(rng.randint(0, 4))]
        assert names_in_texts(names, texts) == by_regex(names, texts), (names, texts)
