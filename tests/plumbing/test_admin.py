"""The Django admin: every model registered and usable by site staff, closed to everyone else."""

import pytest
from django.contrib import admin
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import ClauseVersion, ClauseVersionStatus, TabledBy
from consultations.attachments import Attachment
from policies.models import BriefingPack, InformationRequest
from tests.factories import (
    BudgetSupportFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationEventFactory,
    ModelClauseFactory,
    NegotiationSessionFactory,
    PositionFactory,
    PrincipleFactory,
    SessionNoteFactory,
)
from tests.helpers import domain_models

pytestmark = pytest.mark.django_db


def admin_url(model, view="changelist", *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def records(union, member):
    version = ClauseVersionFactory(clause=ClauseFactory(agreement__bargaining_unit__union=union))
    SessionNoteFactory(session=NegotiationSessionFactory(bargaining_unit__union=union))
    event = ConsultationEventFactory(consultation__union=union)
    InformationRequest.objects.create(event=event, text={"questions": ["When?"]}, pdf=b"%PDF-1.7", sent_by=member)
    PositionFactory(union=union, visibility=Visibility.PUBLIC)
    ModelClauseFactory(union=union)
    PrincipleFactory(union=union)
    BudgetSupportFactory(union=union)
    Attachment.objects.create(
        union=union,
        agreement=version.clause.agreement,
        name="Signed MOU.pdf",
        content_type="application/pdf",
        size=1,
        stored_as="attachments/admin-test",
    )
    BriefingPack.objects.create(
        requester=member, union=union, bargaining_unit=version.clause.agreement.bargaining_unit, sections=["summary"]
    )
    return version


def test_every_domain_model_is_registered_in_the_admin():
    unregistered = [model.__name__ for model in domain_models() if model not in admin.site._registry]
    assert unregistered == []


@pytest.mark.parametrize("model", list(domain_models()), ids=lambda model: model.__name__)
def test_staff_can_list_search_and_open_every_model(client_for, admin_user, records, model):
    client = client_for(admin_user)

    listing = client.get(admin_url(model))
    searched = client.get(admin_url(model), {"q": "a"})
    instance = model.objects.first()
    change = client.get(admin_url(model, "change", instance.pk))
    history = client.get(admin_url(model, "history", instance.pk))

    assert listing.status_code == 200
    assert searched.status_code == 200
    assert change.status_code == 200
    assert history.status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "member", "officer", "other_officer"])
def test_people_who_are_not_site_staff_cannot_use_the_admin(client_for, records, persona, request):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(admin_url(ClauseVersion))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_admin_tables_a_new_clause_version_through_the_service(client_for, admin_user, records):
    clause = records.clause
    form = {
        "agreement": clause.agreement_id,
        "article_number": clause.article_number,
        "title": clause.title,
        "topic": clause.topic_id,
        "visibility": clause.visibility,
        "model_rating": clause.model_rating,
        "versions-TOTAL_FORMS": "2",
        "versions-INITIAL_FORMS": "1",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
        "versions-0-id": records.pk,
        "versions-0-clause": clause.pk,
        "versions-1-clause": clause.pk,
        "versions-1-tabled_by": TabledBy.EMPLOYER,
        "versions-1-status": ClauseVersionStatus.COUNTERED,
        "versions-1-tabled_on": "2025-04-02",
        "versions-1-text": "The employer shall give sixty days' notice.",
    }

    response = client_for(admin_user).post(admin_url(type(clause), "change", clause.pk), form)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert list(clause.versions.values_list("number", "status")) == [(1, "proposed"), (2, "countered")]
    assert clause.versions.get(number=2).created_by == admin_user
    assert clause.versions.get(number=1).text == records.text


def test_admin_refuses_a_version_tabled_in_another_units_session(client_for, admin_user, records):
    clause = records.clause
    elsewhere = NegotiationSessionFactory()
    form = {
        "agreement": clause.agreement_id,
        "article_number": clause.article_number,
        "title": clause.title,
        "topic": clause.topic_id,
        "visibility": clause.visibility,
        "model_rating": clause.model_rating,
        "versions-TOTAL_FORMS": "1",
        "versions-INITIAL_FORMS": "0",
        "versions-MIN_NUM_FORMS": "0",
        "versions-MAX_NUM_FORMS": "1000",
        "versions-0-clause": clause.pk,
        "versions-0-tabled_by": TabledBy.EMPLOYER,
        "versions-0-status": ClauseVersionStatus.COUNTERED,
        "versions-0-tabled_on": "2025-04-02",
        "versions-0-session": elsewhere.pk,
        "versions-0-text": "Sixty days.",
    }

    response = client_for(admin_user).post(admin_url(type(clause), "change", clause.pk), form)

    assert response.status_code == 200
    assert "Pick a session of the same bargaining unit" in response.text
    assert clause.versions.count() == 1


def test_admin_refuses_an_event_more_visible_than_its_consultation(client_for, admin_user, union):
    event = ConsultationEventFactory(
        consultation__union=union, consultation__visibility=Visibility.INTERNAL, visibility=Visibility.INTERNAL
    )
    consultation = event.consultation
    form = {
        "union": union.pk,
        "proposal": consultation.proposal_id,
        "stage": consultation.stage,
        "opened_on": "2025-01-20",
        "response_deadline": "2025-02-19",
        "outcome": "",
        "visibility": Visibility.INTERNAL,
        "events-TOTAL_FORMS": "1",
        "events-INITIAL_FORMS": "1",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "1000",
        "events-0-id": event.pk,
        "events-0-consultation": consultation.pk,
        "events-0-occurred_on": "2025-01-20",
        "events-0-kind": event.kind,
        "events-0-summary": event.summary,
        "events-0-visibility": Visibility.PUBLIC,
    }

    response = client_for(admin_user).post(admin_url(type(consultation), "change", consultation.pk), form)

    assert response.status_code == 200
    assert "Cannot be more visible than its consultation" in response.text
    event.refresh_from_db()
    assert event.visibility == Visibility.INTERNAL


def test_admin_refuses_a_deadline_before_the_opening_and_names_the_field(client_for, admin_user, union):
    consultation = ConsultationEventFactory(consultation__union=union).consultation
    form = {
        "union": union.pk,
        "proposal": consultation.proposal_id,
        "stage": consultation.stage,
        "opened_on": "2025-01-20",
        "response_deadline": "2025-01-10",
        "visibility": consultation.visibility,
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "1000",
    }

    response = client_for(admin_user).post(admin_url(type(consultation), "change", consultation.pk), form)

    assert response.status_code == 200
    assert "response_deadline" in response.context["adminform"].form.errors
    consultation.refresh_from_db()
    assert str(consultation.response_deadline) == "2025-02-19"
