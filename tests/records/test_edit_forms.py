"""Every edit form, as its owner uses it: a change is saved with who made it; invalid input answers 400 naming
the field and keeps what was typed; a save over someone else's newer one answers 409, shows what changed
meanwhile and keeps what was typed."""

import pytest
from django.urls import reverse

from plumbing.pages import STALE_MESSAGE
from tests.helpers import form_data

pytestmark = pytest.mark.django_db

# URL name: (record, a change to save, input to refuse, a change someone else saves meanwhile)
EDITS = {
    "unit_edit": ("unit", {"name": "Northview classroom teachers"}, {"member_count": "-4"}, {"member_count": 999}),
    "agreement_edit": (
        "agreement",
        {"title": "Agreement 2024-28"},
        {"term_end": "2020-01-01"},
        {"status": "tentative"},
    ),
    "clause_edit": ("clause", {"title": "AI and workload"}, {"article_number": ""}, {"title": "Changed meanwhile"}),
    "clause_rate": ("clause", {"model_rating": "fallback"}, {"model_rating": "excellent"}, {"title": "Meanwhile"}),
    "session_edit": ("session", {"location": "Board room"}, {"held_on": "2025-13-45"}, {"location": "Meanwhile"}),
    "note_edit": ("note", {"body": "Corrected note."}, {"body": "  "}, {"body": "Meanwhile"}),
    "consultation_edit": (
        "consultation",
        {"outcome": "Pilot limited to one school."},
        {"response_deadline": "2024-01-01"},
        {"outcome": "Meanwhile"},
    ),
    "event_edit": ("event", {"summary": "Notice received by email."}, {"summary": ""}, {"summary": "Meanwhile"}),
    "modelclause_edit": (
        "model_clause",
        {"fallback_text": "At least fifteen days' notice."},
        {"preferred_text": ""},
        {"title": "Meanwhile"},
    ),
    "principle_edit": ("principle", {"title": "Educators decide"}, {"code": "not a slug!"}, {"statement": "Meanwhile"}),
    "vendor_edit": ("vendor", {"country": "Canada"}, {"website": "not a url"}, {"notes": "Meanwhile"}),
    "tool_edit": ("tool", {"ai_features": "Face matching."}, {"name": ""}, {"description": "Meanwhile"}),
    "proposal_edit": ("proposal", {"budget_line": "Safety fund"}, {"cost": "-1"}, {"purpose": "Meanwhile"}),
}


def shown(client, url):
    return form_data(client.get(url).context["form"])


@pytest.mark.parametrize("name", sorted(EDITS))
def test_the_owner_saves_a_change_with_their_name_in_the_history(client_for, officer, records, name):
    key, change, _bad, _meanwhile = EDITS[name]
    record = records[key]
    url = reverse(name, args=[record.pk])
    client = client_for(officer)

    response = client.post(url, {**shown(client, url), **change})

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    record.refresh_from_db()
    for field, value in change.items():
        assert str(getattr(record, field)) == value
    assert record.history.order_by("-history_id").first().history_user == officer


@pytest.mark.parametrize("name", sorted(EDITS))
def test_invalid_input_is_refused_naming_the_field_and_keeping_what_was_typed(client_for, officer, records, name):
    key, change, bad, _meanwhile = EDITS[name]
    record = records[key]
    url = reverse(name, args=[record.pk])
    client = client_for(officer)
    before = record.history.count()

    response = client.post(url, {**shown(client, url), **change, **bad})

    assert response.status_code == 400
    form = response.context["form"]
    assert set(bad) <= set(form.errors)
    for field, value in {**change, **bad}.items():
        assert str(form[field].value()) == value
    assert record.history.count() == before


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_save_over_a_newer_one_is_refused_showing_what_changed_and_keeping_what_was_typed(
    client_for, officer, organiser, records, name
):
    key, change, _bad, meanwhile = EDITS[name]
    record = records[key]
    url = reverse(name, args=[record.pk])
    client = client_for(officer)
    read = shown(client, url)
    someone_else = type(record).objects.get(pk=record.pk)
    for field, value in meanwhile.items():
        setattr(someone_else, field, value)
    someone_else._history_user = organiser
    someone_else.save()

    response = client.post(url, {**read, **change})

    assert response.status_code == 409
    assert STALE_MESSAGE in response.text
    assert "What changed meanwhile" in response.text
    form = response.context["form"]
    for field, value in change.items():
        assert str(form[field].value()) == value
    record.refresh_from_db()
    for field, value in meanwhile.items():
        assert getattr(record, field) == value
    assert all(str(getattr(record, field)) != value for field, value in change.items() if field not in meanwhile)


@pytest.mark.parametrize("name", ["clause_edit", "consultation_edit", "vendor_edit"])
def test_after_a_refused_save_saving_again_applies_the_change(client_for, officer, records, name):
    key, change, _bad, meanwhile = EDITS[name]
    record = records[key]
    url = reverse(name, args=[record.pk])
    client = client_for(officer)
    read = shown(client, url)
    type(record).objects.filter(pk=record.pk).update(**meanwhile)

    refused = client.post(url, {**read, **change})
    again = client.post(url, form_data(refused.context["form"]))

    assert again.status_code == 302
    record.refresh_from_db()
    assert all(str(getattr(record, field)) == value for field, value in change.items())
