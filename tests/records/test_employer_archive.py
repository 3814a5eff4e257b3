"""Employers are retired, not destroyed: archived out of pickers and default lists, never deleted while used."""

import datetime

import pytest
from django.urls import reverse

from bargaining.models import Employer
from tests.factories import BargainingUnitFactory, EmployerFactory

pytestmark = pytest.mark.django_db


def test_an_officer_archives_an_employer_and_it_leaves_the_default_list_and_the_pickers(client_for, officer, employer):
    client = client_for(officer)

    response = client.post(reverse("employer_archive", args=[employer.pk]), {"action": "archive"})

    employer.refresh_from_db()
    assert response.url == reverse("employer_detail", args=[employer.pk])
    assert employer.archived_on == datetime.date.today()
    assert employer not in client.get(reverse("employer_list")).context["rows"]
    assert employer in client.get(reverse("employer_list"), {"archived": "include"}).context["rows"]
    assert employer not in client.get(reverse("proposal_create")).context["form"].fields["employer"].queryset
    assert employer not in client.get(reverse("trainingbudget_create")).context["form"].fields["employer"].queryset
    assert "Archived" in client.get(reverse("employer_detail", args=[employer.pk])).text


def test_an_archived_employer_takes_no_new_unit_or_proposal_until_restored(api, officer, union, employer, tool):
    employer.archived_on = datetime.date(2025, 1, 1)
    employer.save()
    client = api(officer)
    proposal = {"employer": employer.pk, "tool": tool.pk, "title": "Pilot", "announced_on": "2025-04-01"}
    unit = {"union": union.pk, "employer": employer.pk, "job_group": "teachers", "name": "Teachers"}

    refused_proposal = client.post("/api/v1/proposals/", proposal)
    refused_unit = client.post("/api/v1/bargaining-units/", unit)
    employer.archived_on = None
    employer.save()

    assert refused_proposal.status_code == 400
    assert "archived" in refused_proposal.json()["employer"][0]
    assert refused_unit.status_code == 400
    assert "archived" in refused_unit.json()["employer"][0]
    assert client.post("/api/v1/proposals/", proposal).status_code == 201


def test_editing_a_unit_keeps_its_archived_employer_on_offer(client_for, officer, unit):
    unit.employer.archived_on = datetime.date(2025, 1, 1)
    unit.employer.save()

    form = client_for(officer).get(reverse("unit_edit", args=[unit.pk])).context["form"]

    assert unit.employer in form.fields["employer"].queryset


def test_an_employer_with_units_is_not_deleted_and_the_page_says_why(client_for, officer, union):
    employer = EmployerFactory()
    BargainingUnitFactory(union=union, employer=employer)

    response = client_for(officer).post(reverse("employer_delete", args=[employer.pk]))

    assert Employer.objects.filter(pk=employer.pk).exists()
    assert "bargaining unit" in response.text


def test_an_unused_employer_may_be_deleted_by_an_officer(client_for, officer):
    employer = EmployerFactory()

    client_for(officer).post(reverse("employer_delete", args=[employer.pk]))

    assert not Employer.objects.filter(pk=employer.pk).exists()


@pytest.mark.parametrize("persona", ["member", "organiser"])
def test_only_officers_archive_or_delete_an_employer(request, client_for, employer, persona):
    client = client_for(request.getfixturevalue(persona))

    archive = client.post(reverse("employer_archive", args=[employer.pk]), {"action": "archive"})
    delete = client.post(reverse("employer_delete", args=[employer.pk]))

    assert (archive.status_code, delete.status_code) == (403, 403)
    assert Employer.objects.get(pk=employer.pk).archived_on is None


def test_anonymous_is_sent_to_sign_in_to_archive_an_employer(client_for, anonymous, employer):
    response = client_for(anonymous).post(reverse("employer_archive", args=[employer.pk]), {"action": "archive"})

    assert response.status_code == 302
    assert Employer.objects.get(pk=employer.pk).archived_on is None
