"""A consultation's timeline comes in from a spreadsheet through the same workflow as the event page."""

import pytest
from django.core.management import call_command

from consultations.imports import EVENTS
from consultations.models import ConsultationEvent
from policies.imports import KINDS
from tests.factories import ConsultationFactory
from tests.imports.test_kinds import statuses


def event_row(consultation, **changes):
    return {
        "Union": consultation.union.name,
        "Proposal": consultation.proposal.title,
        "Occurred on": "2025-01-20",
        "Kind": "Notice",
        "Summary": "The district's notice letter arrived.",
        "Visibility": "Members of the union",
        **changes,
    }


def test_events_are_a_kind_named_as_the_api_collection():
    assert KINDS["consultation-events"] is EVENTS
    assert list(KINDS).index("consultation-events") > list(KINDS).index("consultations")


def test_an_officer_imports_an_event_onto_the_timeline_and_re_importing_changes_nothing(officer, consultation):
    assert statuses(EVENTS, officer, **event_row(consultation))[0] == ["new"]

    event = ConsultationEvent.objects.get(consultation=consultation, kind="notice")
    assert (event.summary, event.visibility) == ("The district's notice letter arrived.", "members")
    assert event.author == officer
    assert event.history.latest().history_change_reason == "Imported from file.csv"
    assert statuses(EVENTS, officer, **event_row(consultation))[0] == ["unchanged"]
    assert ConsultationEvent.objects.filter(kind="notice").count() == 1


def test_a_changed_visibility_is_shown_old_to_new(officer, consultation):
    statuses(EVENTS, officer, **event_row(consultation))

    result, report = statuses(EVENTS, officer, **event_row(consultation, Visibility="Internal"))

    assert result == ["changed"]
    assert report.rows[0].changes == [("Visibility", "Members of the union", "Internal")]


def test_a_dry_run_writes_nothing(officer, consultation):
    result, report = statuses(EVENTS, officer, dry_run=True, **event_row(consultation))

    assert result == ["new"] and not report.applied
    assert not ConsultationEvent.objects.filter(kind="notice").exists()


def test_an_event_of_a_kind_caucus_writes_itself_is_refused(officer, consultation):
    result, report = statuses(EVENTS, officer, **event_row(consultation, Kind="Record updated"))

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Kind"


def test_a_bad_date_is_refused_naming_the_column(officer, consultation):
    result, report = statuses(EVENTS, officer, **event_row(consultation, **{"Occurred on": "soon"}))

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Occurred on"


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer"])
def test_only_the_unions_officers_may_import_its_events(request, consultation, persona):
    user = request.getfixturevalue(persona)

    result, _report = statuses(EVENTS, user, **event_row(consultation))

    assert result == ["refused"]
    assert not ConsultationEvent.objects.filter(kind="notice").exists()


def test_a_row_naming_another_union_is_refused_never_reassigned(officer, other_union, consultation):
    ConsultationFactory(union=other_union, proposal=consultation.proposal)

    result, report = statuses(EVENTS, officer, **event_row(consultation, Union=other_union.name))

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Proposal"
    assert not ConsultationEvent.objects.filter(kind="notice").exists()


def test_the_command_writes_the_template(capsys):
    call_command("import_records", "consultation-events", "--template")

    header, example = capsys.readouterr().out.splitlines()[:2]
    assert header == "Union,Proposal,Occurred on,Kind,Summary,Visibility"
    assert "Notice" in example
