"""A record's documents where people look for them: its history tells documents added and removed, and a
consultation's timeline shows each event's documents, each as far as its reader may see it."""

import pytest
from django.urls import reverse

from consultations.attachments import attach_document, remove_document
from tests.attachments.conftest import upload
from tests.factories import ConsultationEventFactory


@pytest.fixture
def event(consultation):
    return ConsultationEventFactory(consultation=consultation, summary="The district's notice letter arrived.")


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_agreements_history_tells_documents_added_and_removed_and_by_whom(client_for, officer, agreement):
    kept = attach_document(record=agreement, upload=upload("Signed MOU.pdf"), visibility="members", user=officer)
    gone = attach_document(record=agreement, upload=upload("Draft MOU.pdf"), visibility="members", user=officer)
    remove_document(attachment=gone, user=officer)

    page = _page(client_for(officer), reverse("agreement_history", args=[agreement.pk]))

    assert f"Document added: {kept.name}" in page
    assert "Document added: Draft MOU.pdf" in page and "Document removed: Draft MOU.pdf" in page
    # Newest first: the removal comes before the addition it undoes.
    assert page.index("Document removed: Draft MOU.pdf") < page.index("Document added: Draft MOU.pdf")
    assert officer.username in page or officer.get_full_name() in page


def test_a_member_sees_in_the_history_only_the_documents_they_may_read_and_never_who_added_them(
    client_for, officer, member, agreement
):
    attach_document(record=agreement, upload=upload("Signed MOU.pdf"), visibility="members", user=officer)
    attach_document(record=agreement, upload=upload("Walk-away plan.pdf"), visibility="internal", user=officer)

    page = _page(client_for(member), reverse("agreement_history", args=[agreement.pk]))

    assert "Document added: Signed MOU.pdf" in page
    assert "Walk-away plan.pdf" not in page
    assert officer.username not in page


@pytest.mark.parametrize("persona", ["other_officer", "anonymous"])
def test_those_who_may_not_see_the_record_get_no_history_of_its_documents(
    request, client_for, officer, agreement, persona
):
    attach_document(record=agreement, upload=upload("Signed MOU.pdf"), visibility="members", user=officer)

    response = client_for(request.getfixturevalue(persona)).get(reverse("agreement_history", args=[agreement.pk]))

    assert response.status_code in (302, 404)
    assert b"Signed MOU.pdf" not in response.content


def test_a_shared_tools_history_shows_another_unions_document_only_when_it_is_shared(
    client_for, officer, other_officer, union, tool
):
    attach_document(
        record=tool,
        upload=upload("Our DPA.pdf"),
        visibility="internal",
        user=officer,
        union=union,
    )
    attach_document(
        record=tool,
        upload=upload("Public DPA.pdf"),
        visibility="public",
        user=officer,
        union=union,
    )

    page = _page(client_for(other_officer), reverse("tool_history", args=[tool.pk]))

    assert "Document added: Public DPA.pdf" in page
    assert "Our DPA.pdf" not in page


def test_a_history_of_a_record_that_holds_no_documents_is_unchanged(client_for, officer, unit):
    page = _page(client_for(officer), reverse("unit_history", args=[unit.pk]))

    assert "Document" not in page


def test_the_timeline_shows_each_events_documents_as_its_reader_may_see_them(client_for, officer, member, event):
    letter = attach_document(record=event, upload=upload("Notice letter.pdf"), visibility="members", user=officer)
    attach_document(record=event, upload=upload("Our reply draft.pdf"), visibility="internal", user=officer)
    url = event.consultation.get_absolute_url()

    officer_page = _page(client_for(officer), url)
    member_page = _page(client_for(member), url)

    assert "Notice letter.pdf" in officer_page and "Our reply draft.pdf" in officer_page
    assert reverse("attachment_create", args=["event", event.pk]) in officer_page
    assert reverse("attachment_remove", args=[letter.pk]) in officer_page
    assert "Notice letter.pdf" in member_page and "Our reply draft.pdf" not in member_page
    assert reverse("attachment_create", args=["event", event.pk]) not in member_page
    assert "/remove/" not in member_page


def test_an_officer_attaches_a_notice_letter_to_an_event_from_the_timeline(client_for, officer, event):
    client = client_for(officer)

    response = client.post(
        reverse("attachment_create", args=["event", event.pk]),
        {"file": upload("Notice letter.pdf"), "visibility": "members"},
    )

    assert response.status_code == 302 and response["Location"].endswith(f"#event-{event.pk}")
    assert "Notice letter.pdf" in _page(client, event.consultation.get_absolute_url())
    assert "Document added: Notice letter.pdf" in _page(client, reverse("event_history", args=[event.pk]))


def test_the_timeline_costs_the_same_queries_however_many_events_hold_documents(
    client_for, officer, consultation, count_queries
):
    client = client_for(officer)
    first = ConsultationEventFactory(consultation=consultation)
    attach_document(record=first, upload=upload(), visibility="members", user=officer)
    before = count_queries(client, consultation.get_absolute_url())

    for _ in range(4):
        more = ConsultationEventFactory(consultation=consultation)
        attach_document(record=more, upload=upload(), visibility="members", user=officer)
        attach_document(record=more, upload=upload(), visibility="members", user=officer)

    assert count_queries(client, consultation.get_absolute_url()) == before


def test_who_added_a_document_to_a_shared_tool_is_named_only_to_its_unions_leadership(
    client_for, officer, member, other_officer, union, tool
):
    attach_document(record=tool, upload=upload("Public DPA.pdf"), visibility="public", user=officer, union=union)
    url = reverse("tool_history", args=[tool.pk])
    name = officer.get_full_name() or officer.username

    named = f"<td>{name}</td>"  # the history's "By" cell

    assert named in _page(client_for(officer), url)
    for reader in (member, other_officer):
        page = _page(client_for(reader), url)
        assert "Document added: Public DPA.pdf" in page
        assert named not in page


def test_signed_out_visitors_see_no_documents_on_a_public_timeline_or_its_history(
    client_for, officer, anonymous, union
):
    event = ConsultationEventFactory(consultation__union=union, visibility="public")
    attach_document(record=event, upload=upload("Public notice.pdf"), visibility="public", user=officer)

    for url in (event.consultation.get_absolute_url(), reverse("event_history", args=[event.pk])):
        response = client_for(anonymous).get(url)
        assert response.status_code == 200
        assert b"Public notice.pdf" not in response.content
