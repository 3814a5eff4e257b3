"""Information-request letters: the questions, the edits, the event on the timeline and the letter kept with it."""

import datetime

import pytest
from django.urls import reverse

from bargaining.access import Visibility
from consultations.models import ConsultationEvent, EventKind
from policies.documents.information_request import STANDARD_QUESTIONS, Letter, render_information_request
from policies.models import InformationRequest
from tests.helpers import flat, page_texts, pdf_text

pytestmark = pytest.mark.django_db

DUE = (datetime.date.today() + datetime.timedelta(days=21)).isoformat()


def page(world):
    return reverse("information_request", args=[world.consultation.pk])


def letter_form(**changes):
    data = {
        "introduction": "EDITED-INTRO about BrightPath.",
        "questions": "EDITED-QUESTION one?\n\nEDITED-QUESTION two?",
        "demand": "EDITED-DEMAND to bargain the effects.",
        "answer_due_on": DUE,
    }
    return {**data, **changes}


def test_the_letter_asks_the_standard_questions_on_the_unions_letterhead(world, officer):
    letter = Letter.for_consultation(world.consultation)
    pages = page_texts(render_information_request(consultation=world.consultation, letter=letter, printer=officer))
    text = flat("\n".join(pages))

    assert len(pages) <= 2
    assert world.union.name in flat(pages[0])
    assert "To: Northview Unified" in text
    assert "Adopt BrightPath Tutor" in text and "BrightPath Tutor" in text
    for question in STANDARD_QUESTIONS:
        assert question in text
    assert "demands to bargain the effects" in text
    assert f"Please answer by {letter.answer_due_on:%-d %B %Y}" in text
    assert "CONFIDENTIAL" not in text


def test_the_unions_own_questions_replace_the_standard_ones(world, officer):
    world.union.information_request_questions = "UNION-QUESTION about substitutes?\n\n"
    world.union.save()

    letter = Letter.for_consultation(world.consultation)

    assert letter.questions == ["UNION-QUESTION about substitutes?"]


def test_an_officer_keeps_the_unions_questions_with_its_settings(world, officer, client_for):
    url = reverse("information_request_questions", args=[world.union.pk])

    response = client_for(officer).post(url, {"questions": "SETTINGS-QUESTION one?\nSETTINGS-QUESTION two?"})

    assert response.status_code == 302
    world.union.refresh_from_db()
    assert world.union.information_request_questions.splitlines() == [
        "SETTINGS-QUESTION one?",
        "SETTINGS-QUESTION two?",
    ]
    assert "SETTINGS-QUESTION one?" in client_for(officer).get(page(world)).content.decode()


@pytest.mark.parametrize(("persona", "status"), [("member", 404), ("organiser", 404), ("other_officer", 404)])
def test_only_the_unions_officers_keep_its_questions(world, request, client_for, persona, status):
    url = reverse("information_request_questions", args=[world.union.pk])

    response = client_for(request.getfixturevalue(persona)).post(url, {"questions": "HIJACK?"})

    assert response.status_code == status
    world.union.refresh_from_db()
    assert world.union.information_request_questions == ""


def test_the_page_offers_the_template_for_editing(world, officer, client_for):
    html = client_for(officer).get(page(world)).content.decode()

    assert STANDARD_QUESTIONS[0] in html
    assert "Print as sent" in html


def test_a_preview_prints_the_edited_letter_and_records_nothing(world, officer, client_for):
    response = client_for(officer).post(page(world), {**letter_form(), "action": "preview"})

    assert response.status_code == 200
    text = flat(pdf_text(response.content))
    assert "EDITED-INTRO" in text and "EDITED-QUESTION two?" in text and "EDITED-DEMAND" in text
    assert STANDARD_QUESTIONS[0] not in text
    assert not InformationRequest.objects.exists()


def test_printing_as_sent_records_the_event_with_the_letter_and_the_answers_due_date(world, officer, client_for):
    client = client_for(officer)

    response = client.post(page(world), {**letter_form(), "action": "send"})

    sent = InformationRequest.objects.get()
    event = sent.event
    assert response.status_code == 302
    assert event.consultation == world.consultation
    assert event.kind == EventKind.INFORMATION_REQUEST
    assert event.answer_due_on == datetime.date.fromisoformat(DUE)
    assert event.author == officer
    assert "2 questions" in event.summary
    assert sent.text["questions"] == ["EDITED-QUESTION one?", "EDITED-QUESTION two?"]
    assert "EDITED-QUESTION one?" in pdf_text(bytes(sent.pdf))
    timeline = client.get(reverse("consultation_detail", args=[world.consultation.pk])).content.decode()
    assert reverse("information_request_letter", args=[event.pk]) in timeline
    letter = client.get(reverse("information_request_letter", args=[event.pk]))
    assert letter.status_code == 200 and "EDITED-INTRO" in pdf_text(letter.content)


def test_the_answer_due_date_is_a_date_field_on_the_event(world, officer, client_for):
    client_for(officer).post(page(world), {**letter_form(), "action": "send"})

    assert ConsultationEvent.objects.filter(answer_due_on__gte=datetime.date.today()).count() == 1


def test_the_sent_letter_is_never_more_visible_than_members(world, officer, client_for, anonymous):
    client_for(officer).post(page(world), {**letter_form(), "action": "send"})
    event = InformationRequest.objects.get().event

    assert world.consultation.visibility == Visibility.PUBLIC
    assert event.visibility == Visibility.MEMBERS
    assert client_for(anonymous).get(reverse("information_request_letter", args=[event.pk])).status_code == 404


def test_a_member_may_read_the_letter_as_sent(world, officer, member, client_for):
    client_for(officer).post(page(world), {**letter_form(), "action": "send"})
    event = InformationRequest.objects.get().event

    assert client_for(member).get(reverse("information_request_letter", args=[event.pk])).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"questions": "\n \n"}, "questions"), ({"answer_due_on": "2001-01-01"}, "answer_due_on"),
     ({"answer_due_on": "soon"}, "answer_due_on"), ({"introduction": ""}, "introduction")],
)  # fmt: skip
def test_a_letter_with_bad_input_is_refused_on_the_page_keeping_what_was_typed(
    world, officer, client_for, changes, field
):
    response = client_for(officer).post(page(world), {**letter_form(**changes), "action": "send"})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "EDITED-DEMAND" in response.content.decode()
    assert not ConsultationEvent.objects.filter(kind=EventKind.INFORMATION_REQUEST).exists()


@pytest.mark.parametrize(("persona", "status"), [("member", 403), ("organiser", 403), ("other_officer", 403)])
def test_only_the_unions_officers_write_its_letters(world, request, client_for, persona, status):
    client = client_for(request.getfixturevalue(persona))

    assert client.get(page(world)).status_code == status
    assert client.post(page(world), {**letter_form(), "action": "send"}).status_code == status
    assert not InformationRequest.objects.exists()


def test_an_outsider_gets_404_for_a_letter_on_a_consultation_they_may_not_see(world, other_officer, client_for, api):
    world.consultation.visibility = Visibility.MEMBERS
    world.consultation.save()

    assert client_for(other_officer).get(page(world)).status_code == 404
    assert api(other_officer).get(api_letter(world)).status_code == 404


def test_anonymous_is_sent_to_sign_in_for_a_letter(world, anonymous, client_for):
    assert client_for(anonymous).get(page(world)).status_code == 302


def test_from_a_proposal_the_officer_goes_to_their_unions_consultation(world, officer, client_for):
    response = client_for(officer).get(reverse("proposal_information_request", args=[world.proposal.pk]))

    assert response.status_code == 302
    assert response["Location"] == page(world)


def test_from_a_proposal_without_a_consultation_of_theirs_an_officer_is_told_to_open_one(
    world, other_officer, client_for
):
    response = client_for(other_officer).get(reverse("proposal_information_request", args=[world.proposal.pk]))

    assert response.status_code == 200
    assert "Open a consultation on it first" in response.content.decode()


# The API


def api_letter(world):
    return f"/api/v1/consultations/{world.consultation.pk}/information-request.pdf"


def test_an_officer_gets_the_draft_letter_through_the_api(world, officer, api):
    response = api(officer, token=True).get(api_letter(world), {"answer_due_on": DUE})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = flat(pdf_text(response.content))
    assert STANDARD_QUESTIONS[0] in text
    assert f"Please answer by {datetime.date.fromisoformat(DUE):%-d %B %Y}" in text
    assert not InformationRequest.objects.exists()


@pytest.mark.parametrize("due", ["tomorrow", "2001-01-01"])
def test_the_api_refuses_a_due_date_it_cannot_use(world, officer, api, due):
    response = api(officer).get(api_letter(world), {"answer_due_on": due})

    assert response.status_code == 400
    assert "answer_due_on" in response.json()


@pytest.mark.parametrize(
    ("persona", "status"), [("member", 403), ("organiser", 403), ("other_officer", 403), ("anonymous", 401)]
)
def test_the_api_letter_is_for_the_unions_officers_only(world, request, api, persona, status):
    assert api(request.getfixturevalue(persona)).get(api_letter(world)).status_code == status
