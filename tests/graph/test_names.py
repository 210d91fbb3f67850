"""Name forms: the spelling, inflection and transliteration rules of graph/lexicon/names.json."""

import pytest

from quotegraph.graph.names import base_forms, name_form, type_class, words


@pytest.mark.parametrize("german, english", [
    ("Alexander Lukaschenko", "Alexander Lukashenko"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelensky"),
    ("Selenskyj", "Zelenskyy"),
    ("Alexej Nawalny", "Alexei Navalny"),
    ("Dmitri Medwedew", "Dmitry Medvedev"),
    ("Sergej Lawrow", "Sergey Lavrov"),
    ("Michail Chodorkowski", "Mikhail Khodorkovsky"),
    ("Tschernomyrdin", "Chernomyrdin"),
    ("Gerhard Schröder", "Gerhard Schroeder"),
])
def test_transliterations_across_german_and_english_have_one_form(german, english):
    assert name_form(german) == name_form(english)


@pytest.mark.parametrize("one, other", [
    ("Henrik Solberg", "Erna Solberg"),
    ("Bill Clinton", "Hillary Clinton"),
    ("Lukaschenko", "Lukaschenka"),   # a different spelling that no rule makes the same
    ("Meier", "Maier"),
])
def test_different_names_keep_different_forms(one, other):
    assert name_form(one) != name_form(other)


def test_titles_determiners_and_possessives_are_not_part_of_a_name():
    assert name_form("Präsident Obama") == name_form("Mr. Obama") == name_form("Obama's") == ("obama",)
    assert name_form("Frau") == ("frau",)  # a title alone stays what it is


def test_adjective_endings_level_only_in_organisation_and_place_names():
    assert name_form("der Deutschen Bank", "organization") == name_form("Deutsche Bank", "organization")
    assert name_form("Vereinten Nationen", "organization") == name_form("die Vereinte Nationen", "organization")
    assert name_form("Hermann Deutschen") != name_form("Hermann Deutsche")


def test_genitive_base_forms():
    assert base_forms(name_form("des Lehrerverbands", "organization"), "organization") == [("lehrerverband",)]
    assert ("bundestag",) in base_forms(name_form("Bundestages", "organization"), "organization")
    assert base_forms(("merkels",), "person") == [("merkel",)]
    assert base_forms(("merkel",), "person") == []
    assert base_forms(("klaus",), "person") == []  # a short stem keeps its s


def test_words_and_classes():
    assert words("Schimmer-Göresz") == ["schimmer", "goeresz"]
    assert type_class("https://schema.org/Organization") == type_class("https://schema.org/NewsMediaOrganization")
    assert type_class("https://schema.org/Thing") == "other"
