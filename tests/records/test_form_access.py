"""Who may open and post every add, edit and delete page, and read every history page: the matrix, "no" rows
written out. Union-owned records are their union's officers' to change; shared records (vendors, tools,
proposals) any union's officers'; site staff change everything. A record the visitor may not see is a 404."""

import pytest
from django.urls import reverse

from tests.helpers import form_data

pytestmark = pytest.mark.django_db

OK, LOGIN, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404

# Pages that change a union-owned record (or add one to it): (URL name, the record in its address).
UNION_OWNED_PAGES = [
    ("unit_edit", "unit"),
    ("unit_delete", "unit"),
    ("agreement_create", "unit"),
    ("session_create", "unit"),
    ("agreement_edit", "agreement"),
    ("agreement_delete", "agreement"),
    ("clause_create", "agreement"),
    ("clause_edit", "clause"),
    ("clause_delete", "clause"),
    ("clause_table", "clause"),
    ("clause_rate", "clause"),
    ("session_edit", "session"),
    ("session_delete", "session"),
    ("note_create", "session"),
    ("version_create", "session"),
    ("note_edit", "note"),
    ("note_delete", "note"),
    ("consultation_edit", "consultation"),
    ("consultation_delete", "consultation"),
    ("stage_move", "consultation"),
    ("event_create", "consultation"),
    ("event_edit", "event"),
    ("event_delete", "event"),
    ("modelclause_edit", "model_clause"),
    ("modelclause_delete", "model_clause"),
    ("principle_edit", "principle"),
    ("principle_delete", "principle"),
    ("position_edit", "position"),
    ("position_delete", "position"),
]
UNION_OWNED_ANSWERS = {
    "officer": OK,
    "staff": OK,
    "organiser": FORBIDDEN,
    "member": FORBIDDEN,
    "other_officer": NOT_FOUND,
    "anonymous": LOGIN,
}

# Pages that change a shared reference record: any union's officer may.
SHARED_PAGES = [
    ("vendor_edit", "vendor"),
    ("vendor_delete", "vendor"),
    ("tool_edit", "tool"),
    ("tool_delete", "tool"),
    ("proposal_edit", "proposal"),
    ("proposal_delete", "proposal"),
]
# Pages that add a record of one's own union, or a shared one.
ADD_PAGES = [
    "unit_create",
    "consultation_create",
    "vendor_create",
    "tool_create",
    "proposal_create",
    "modelclause_create",
    "principle_create",
    "position_create",
]
SHARED_ANSWERS = {
    "officer": OK,
    "staff": OK,
    "other_officer": OK,
    "organiser": FORBIDDEN,
    "member": FORBIDDEN,
    "anonymous": LOGIN,
}

HISTORY_PAGES = [
    ("unit_history", "unit"),
    ("agreement_history", "agreement"),
    ("clause_history", "clause"),
    ("session_history", "session"),
    ("note_history", "note"),
    ("consultation_history", "consultation"),
    ("event_history", "event"),
    ("modelclause_history", "model_clause"),
    ("principle_history", "principle"),
    ("position_history", "position"),
]
HISTORY_ANSWERS = {
    "officer": OK,
    "organiser": OK,
    "member": OK,
    "staff": OK,
    "other_officer": NOT_FOUND,
    "anonymous": NOT_FOUND,
}
SHARED_HISTORY_PAGES = [("vendor_history", "vendor"), ("tool_history", "tool"), ("proposal_history", "proposal")]
SHARED_HISTORY_ANSWERS = {
    "officer": OK,
    "organiser": OK,
    "member": OK,
    "staff": OK,
    "other_officer": OK,
    "anonymous": LOGIN,
}


def answers_for(request, client_for, url, answers) -> dict:
    """{persona: status} for a GET of `url` by each persona of `answers`."""
    return {persona: client_for(request.getfixturevalue(persona)).get(url).status_code for persona in answers}


@pytest.mark.parametrize(("name", "key"), UNION_OWNED_PAGES)
def test_pages_that_change_a_union_s_record_open_only_to_its_officers(request, client_for, records, name, key):
    url = reverse(name, args=[records[key].pk])

    assert answers_for(request, client_for, url, UNION_OWNED_ANSWERS) == UNION_OWNED_ANSWERS


@pytest.mark.parametrize(("name", "key"), SHARED_PAGES)
def test_pages_that_change_a_shared_record_open_to_every_union_s_officers(request, client_for, records, name, key):
    url = reverse(name, args=[records[key].pk])

    assert answers_for(request, client_for, url, SHARED_ANSWERS) == SHARED_ANSWERS


@pytest.mark.parametrize("name", ADD_PAGES)
def test_add_pages_open_to_officers_only(request, client_for, other_union, name):
    assert answers_for(request, client_for, reverse(name), SHARED_ANSWERS) == SHARED_ANSWERS


@pytest.mark.parametrize(("name", "key"), HISTORY_PAGES)
def test_a_union_s_record_history_is_for_whoever_may_read_the_record(request, client_for, records, name, key):
    url = reverse(name, args=[records[key].pk])

    assert answers_for(request, client_for, url, HISTORY_ANSWERS) == HISTORY_ANSWERS


@pytest.mark.parametrize(("name", "key"), SHARED_HISTORY_PAGES)
def test_a_shared_record_history_is_for_every_signed_in_reader(request, client_for, records, name, key):
    url = reverse(name, args=[records[key].pk])

    assert answers_for(request, client_for, url, SHARED_HISTORY_ANSWERS) == SHARED_HISTORY_ANSWERS


# Posting: the refused change nothing. (The owner's successful saves: test_forms.py.)

POSTED_CHANGES = {
    "unit_edit": ("unit", "name", "Renamed by an outsider"),
    "agreement_edit": ("agreement", "title", "Renamed by an outsider"),
    "clause_edit": ("clause", "title", "Renamed by an outsider"),
    "session_edit": ("session", "location", "Renamed by an outsider"),
    "note_edit": ("note", "body", "Rewritten by an outsider"),
    "consultation_edit": ("consultation", "outcome", "Rewritten by an outsider"),
    "event_edit": ("event", "summary", "Rewritten by an outsider"),
    "modelclause_edit": ("model_clause", "title", "Renamed by an outsider"),
    "principle_edit": ("principle", "title", "Renamed by an outsider"),
    "clause_rate": ("clause", "model_rating", "below"),
}


REFUSED = ["organiser", "member", "other_officer", "anonymous"]


@pytest.mark.parametrize("name", sorted(POSTED_CHANGES))
def test_a_refused_post_changes_nothing(request, client_for, officer, records, name):
    key, field, value = POSTED_CHANGES[name]
    record = records[key]
    url = reverse(name, args=[record.pk])
    data = {**form_data(client_for(officer).get(url).context["form"]), field: value}

    answers = {persona: client_for(request.getfixturevalue(persona)).post(url, data).status_code for persona in REFUSED}

    assert answers == {persona: UNION_OWNED_ANSWERS[persona] for persona in REFUSED}
    record.refresh_from_db()
    assert getattr(record, field) != value


@pytest.mark.parametrize("persona", ["organiser", "member", "anonymous"])
@pytest.mark.parametrize(
    ("name", "key", "field"),
    [("vendor_edit", "vendor", "name"), ("tool_edit", "tool", "name"), ("proposal_edit", "proposal", "title")],
)
def test_a_refused_post_changes_no_shared_record(request, client_for, officer, records, name, key, field, persona):
    record = records[key]
    url = reverse(name, args=[record.pk])
    data = {**form_data(client_for(officer).get(url).context["form"]), field: "Renamed by a non-officer"}

    response = client_for(request.getfixturevalue(persona)).post(url, data)

    assert response.status_code == SHARED_ANSWERS[persona]
    record.refresh_from_db()
    assert getattr(record, field) != "Renamed by a non-officer"


@pytest.mark.parametrize(("name", "key"), [(n, k) for n, k in UNION_OWNED_PAGES if n.endswith("_delete")])
def test_a_refused_delete_deletes_nothing(request, client_for, records, name, key):
    record = records[key]
    url = reverse(name, args=[record.pk])

    answers = {persona: client_for(request.getfixturevalue(persona)).post(url).status_code for persona in REFUSED}

    assert answers == {persona: UNION_OWNED_ANSWERS[persona] for persona in REFUSED}
    assert type(record).objects.filter(pk=record.pk).exists()
