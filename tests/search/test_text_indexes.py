"""The full-text indexes of timeline events and documents (consultations/search.py), on both databases: kept in
step with every write, stemmed, phrases and exclusions, only what the reader may see, and really used."""

import pytest
from django.db import connection
from django.urls import reverse

from bargaining.access import Visibility
from consultations.attachments import Attachment
from consultations.models import ConsultationEvent, ProcurementProposal
from consultations.search import DOCUMENTS, EVENTS, PROPOSALS
from plumbing.search import parse_query
from tests.factories import ConsultationEventFactory, ProcurementProposalFactory

pytestmark = pytest.mark.django_db


def found_events(text, queryset=None):
    return set(EVENTS.matching(queryset or ConsultationEvent.objects.all(), parse_query(text)))


def document(union, agreement, name, text, visibility=Visibility.MEMBERS):
    return Attachment.objects.create(
        union=union,
        agreement=agreement,
        name=name,
        text=text,
        visibility=visibility,
        content_type="application/pdf",
        size=1,
        stored_as=f"attachments/{name}",
    )


def test_an_event_is_found_by_other_forms_of_its_words(consultation):
    event = ConsultationEventFactory(consultation=consultation, summary="The district is monitoring class sizes")

    assert found_events("monitor") == {event}
    assert found_events("class size") == {event}
    assert found_events('"class sizes"') == {event}
    assert found_events('"sizes class"') == set()
    assert found_events("monitor -district") == set()
    assert found_events("nowhere") == set()


def test_the_event_index_keeps_in_step_with_edits_and_deletions(consultation):
    event = ConsultationEventFactory(consultation=consultation, summary="Walkout threatened")

    ConsultationEvent.objects.filter(pk=event.pk).update(summary="Agreement reached")
    assert found_events("walkout") == set()
    assert found_events("agreement") == {event}

    event.summary = "Ballot announced"
    event.save()
    assert found_events("agreement") == set()
    assert found_events("ballot") == {event}

    ConsultationEvent.objects.filter(pk=event.pk).delete()
    assert found_events("ballot") == set()


def test_only_words_to_leave_out_keep_every_event_without_them(consultation):
    kept = ConsultationEventFactory(consultation=consultation, summary="Meeting held")
    ConsultationEventFactory(consultation=consultation, summary="Meeting cancelled")

    assert found_events("-cancelled") == {kept}


def test_a_search_narrows_the_queryset_it_is_given(consultation, internal_consultation):
    shown = ConsultationEventFactory(consultation=consultation, summary="Surveillance software proposed")
    ConsultationEventFactory(consultation=internal_consultation, summary="Surveillance software proposed")

    assert found_events("surveillance", ConsultationEvent.objects.filter(consultation=consultation)) == {shown}


def test_a_document_is_found_by_its_name_or_its_text(union, agreement):
    signed = document(union, agreement, "Signed MOU 2026.pdf", "Teachers review every grade the software proposes.")
    document(union, agreement, "Budget.pdf", "Figures for the next school year.")

    assert set(DOCUMENTS.matching(Attachment.objects.all(), parse_query("mou"))) == {signed}
    assert set(DOCUMENTS.matching(Attachment.objects.all(), parse_query("reviewing grades"))) == {signed}
    assert set(DOCUMENTS.matching(Attachment.objects.all(), parse_query("-grade"))) == {
        Attachment.objects.get(name="Budget.pdf")
    }


def test_the_global_search_finds_events_and_documents_only_for_those_who_may_see_them(
    client_for, officer, member, other_officer, consultation, agreement, union
):
    ConsultationEventFactory(consultation=consultation, summary="Zeugma pilot announced", visibility="members")
    ConsultationEventFactory(consultation=consultation, summary="Zeugma fallback agreed", visibility="internal")
    document(union, agreement, "Zeugma notes.pdf", "Our zeugma tactics", visibility=Visibility.INTERNAL)

    def found(user):
        response = client_for(user).get(reverse("search"), {"q": "zeugma"})
        groups = {group.kind: group for group in response.context["groups"]}
        return groups["events"].count, groups["documents"].count, response.text

    assert found(officer)[:2] == (2, 1)
    events, documents, text = found(member)
    assert (events, documents) == (1, 0)
    assert "fallback" not in text and "tactics" not in text
    assert found(other_officer)[:2] == (0, 0)


def test_a_proposal_is_found_by_its_title_purpose_or_budget_line_and_kept_in_step():
    proposal = ProcurementProposalFactory(
        title="Attendance cameras", purpose="Monitoring corridors", budget_line="Capital reserve"
    )
    ProcurementProposalFactory(title="Reading app", purpose="Phonics practice", budget_line="Literacy grant")

    def found(text):
        return set(PROPOSALS.matching(ProcurementProposal.objects.all(), parse_query(text)))

    assert found("camera") == found("monitor") == found("reserves") == {proposal}
    ProcurementProposal.objects.filter(pk=proposal.pk).update(title="Attendance microphones")
    assert found("microphone") == {proposal}
    assert found("camera") == set()


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())


@pytest.mark.parametrize(
    ("index", "model"),
    [(EVENTS, ConsultationEvent), (DOCUMENTS, Attachment), (PROPOSALS, ProcurementProposal)],
    ids=["events", "documents", "proposals"],
)
def test_a_search_reads_the_index_rather_than_every_row(index, model):
    searched = plan(index.matching(model.objects.all(), parse_query("monitoring -camera")))

    assert (index.gin if connection.vendor == "postgresql" else index.fts) in searched
