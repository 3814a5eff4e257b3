"""Positions, principles and model clauses kept in English and Welsh: each reader sees their language, or the
other one with a note saying so; the forms and the API write both; search finds the Welsh word for word."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from bargaining.access import Visibility
from bargaining.models import JobGroup
from plumbing.bilingual import choice_from_text, text_in
from tests.factories import ModelClauseFactory, PositionFactory, PrincipleFactory

pytestmark = pytest.mark.django_db

WELSH = {"HTTP_ACCEPT_LANGUAGE": "cy"}


def note(message: str) -> str:
    with translation.override("cy"):
        return gettext(message)


EN_ONLY = "Shown in English: this record has no Welsh version yet."


@pytest.fixture
def bilingual_position(union, tool):
    return PositionFactory(
        union=union,
        tool=tool,
        title="We oppose GradeGenie",
        title_cy="Rydym yn gwrthwynebu GradeGenie",
        rationale="It marks without a teacher.",
        rationale_cy="Marcio heb athro. Gwyliadwriaeth ddigidol.",
        visibility=Visibility.PUBLIC,
    )


def test_a_welsh_reader_sees_the_welsh_title_and_rationale(client, bilingual_position):
    html = client.get(bilingual_position.get_absolute_url(), **WELSH).content.decode()
    assert "Rydym yn gwrthwynebu GradeGenie" in html and "Marcio heb athro." in html
    assert "It marks without a teacher." not in html
    assert note(EN_ONLY) not in html


def test_an_english_reader_sees_the_english(client, bilingual_position):
    html = client.get(bilingual_position.get_absolute_url()).content.decode()
    assert "We oppose GradeGenie" in html and "It marks without a teacher." in html
    assert "Rydym yn gwrthwynebu" not in html


def test_without_a_welsh_version_a_welsh_reader_sees_the_english_with_a_note(client, public_position):
    html = client.get(public_position.get_absolute_url(), **WELSH).content.decode()
    assert public_position.title in html
    assert note(EN_ONLY) in html
    assert 'lang="en"' in html  # the English text is marked as English for screen readers


def test_an_english_reader_of_a_welsh_only_rationale_is_told_so(client, union, tool):
    position = PositionFactory(union=union, tool=tool, rationale="", rationale_cy="Dim ond yn Gymraeg.",
                               visibility=Visibility.PUBLIC)  # fmt: skip
    html = client.get(position.get_absolute_url()).content.decode()
    assert "Dim ond yn Gymraeg." in html
    assert "Shown in Welsh: this record has no English version yet." in html


def test_a_principle_and_a_model_clause_show_their_welsh(client, union, topic):
    principle = PrincipleFactory(union=union, title_cy="Pobl sy'n penderfynu", statement_cy="Datganiad yn Gymraeg.")
    clause = ModelClauseFactory(union=union, topic=topic, visibility=Visibility.PUBLIC, title_cy="Cymal ar rybudd",
                                preferred_text_cy="Ni chyflwynir offeryn heb gytundeb.")  # fmt: skip
    principle_html = client.get(principle.get_absolute_url(), **WELSH).content.decode()
    assert "Pobl sy&#x27;n penderfynu" in principle_html and "Datganiad yn Gymraeg." in principle_html
    clause_html = client.get(clause.get_absolute_url(), **WELSH).content.decode()
    assert "Cymal ar rybudd" in clause_html and "Ni chyflwynir offeryn heb gytundeb." in clause_html


def test_the_lists_name_records_in_the_reader_language(client, bilingual_position):
    html = client.get(reverse("position_list"), **WELSH).content.decode()
    assert "Rydym yn gwrthwynebu GradeGenie" in html


def test_an_officer_writes_the_welsh_version_through_the_api(api, officer, bilingual_position):
    url = f"/api/v1/positions/{bilingual_position.pk}/"
    response = api(officer).patch(url, {"title_cy": "Teitl newydd"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["title_cy"] == "Teitl newydd"
    bilingual_position.refresh_from_db()
    assert bilingual_position.title_cy == "Teitl newydd"


def test_the_position_form_has_the_welsh_fields(client_for, officer, bilingual_position):
    html = client_for(officer).get(reverse("position_edit", args=[bilingual_position.pk])).content.decode()
    assert 'name="title_cy"' in html and 'name="rationale_cy"' in html and 'lang="cy"' in html


def test_text_in_falls_back_both_ways(bilingual_position):
    bilingual_position.rationale_cy = ""
    found = text_in(bilingual_position, "rationale", "cy")
    assert (found.text, found.language, found.fallback) == ("It marks without a teacher.", "en", True)
    assert text_in(bilingual_position, "title", "cy").fallback is False


# Search -----------------------------------------------------------------------------------------------------


def search(client, q):
    response = client.get("/api/v1/search/", {"q": q})
    assert response.status_code == 200, response.content
    return {group["kind"]: group for group in response.json()["groups"]}


def test_search_finds_a_position_by_its_welsh_words(client, bilingual_position):
    groups = search(client, "gwyliadwriaeth")
    assert groups["positions"]["count"] == 1


def test_welsh_words_are_not_cut_by_english_stemming(client, union, tool):
    # "Cymraes" stemmed the English way would be "cymra", which would find "Cymraeg".
    PositionFactory(union=union, tool=tool, rationale_cy="Polisi iaith Gymraeg.", visibility=Visibility.PUBLIC)
    assert search(client, "Gymraes")["positions"]["count"] == 0
    assert search(client, "Gymraeg")["positions"]["count"] == 1


def test_an_outsider_does_not_find_an_internal_position_by_its_welsh(client_for, other_officer, union, tool):
    PositionFactory(union=union, tool=tool, rationale_cy="Tacteg gyfrinachol.")  # a draft: internal
    html = client_for(other_officer).get(reverse("search"), {"q": "gyfrinachol"}).content.decode()
    assert "Tacteg gyfrinachol" not in html


def test_a_welsh_reader_sees_the_welsh_title_in_results(client, bilingual_position):
    with translation.override("cy"):
        response = client.get("/api/v1/search/", {"q": "GradeGenie"}, **WELSH)
    titles = [result["title"] for group in response.json()["groups"] for result in group["results"]]
    assert any("Rydym yn gwrthwynebu" in title for title in titles)


# Imports read a choice in either language ------------------------------------------------------------------


def test_an_import_reads_a_choice_by_its_english_or_welsh_label():
    with translation.override("cy"):
        welsh_label = str(dict(JobGroup.choices)[JobGroup.TEACHERS])
    assert choice_from_text(JobGroup.choices, welsh_label) == JobGroup.TEACHERS
    assert choice_from_text(JobGroup.choices, "Teachers") == JobGroup.TEACHERS
    assert choice_from_text(JobGroup.choices, "teachers") == JobGroup.TEACHERS
    assert choice_from_text(JobGroup.choices, "Plumbers") is None


def test_a_word_left_out_is_left_out_in_either_language(client, bilingual_position):
    # "marks" is in the English rationale only ("It marks ..."): leaving it out leaves the position out, though
    # the Welsh text, read word for word, has no "marks".
    assert search(client, "GradeGenie")["positions"]["count"] == 1
    assert search(client, "GradeGenie -marks")["positions"]["count"] == 0
    assert search(client, "GradeGenie -athro")["positions"]["count"] == 0
