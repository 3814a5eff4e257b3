"""Retire, not destroy: what was tabled, adopted or published is never erased; a record others depend on is
refused naming them; vendors, tools and agreements are archived instead, out of pickers and default lists but
still on timelines and in history. One rule (plumbing.records.delete_record) for the web, the API and the admin."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from bargaining.access import Visibility
from bargaining.models import Agreement, Clause
from consultations.models import Consultation, EdTechTool, Vendor
from policies.models import Position, Principle
from tests.factories import (
    AgreementFactory,
    ClauseFactory,
    ConsultationEventFactory,
    ConsultationFactory,
    EdTechToolFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    TopicFactory,
    VendorFactory,
)
from tests.helpers import detail_url

pytestmark = pytest.mark.django_db

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC


# Deleting what nothing depends on, and was never tabled, adopted or published


def test_an_officer_deletes_a_draft_position_never_adopted(client_for, officer, draft_position):
    url = reverse("position_delete", args=[draft_position.pk])
    client = client_for(officer)

    asked = client.get(url)
    response = client.post(url)

    assert "will be deleted" in asked.text
    assert response.url == reverse("position_list")
    assert not Position.objects.filter(pk=draft_position.pk).exists()
    assert Position.history.filter(id=draft_position.pk, history_type="-").get().history_user == officer


def test_an_adopted_position_is_never_deleted_even_once_it_is_internal_again(client_for, api, officer, union, tool):
    position = PositionFactory(union=union, tool=tool, visibility=MEMBERS)
    position.visibility = INTERNAL
    position.save()

    page = client_for(officer).post(reverse("position_delete", args=[position.pk]))
    rest = api(officer).delete(detail_url("positions", position))

    assert page.status_code == 409
    assert "an adopted position is never deleted" in page.text
    assert rest.status_code == 409
    assert "adopted" in rest.json()["detail"]
    assert Position.objects.filter(pk=position.pk).exists()


def test_a_clause_with_a_tabled_version_is_withdrawn_not_deleted(client_for, api, officer, members_clause):
    page = client_for(officer).get(reverse("clause_delete", args=[members_clause.pk]))
    rest = api(officer).delete(detail_url("clauses", members_clause))

    assert "table a version with the status “Withdrawn”" in page.text
    assert rest.status_code == 409
    assert Clause.objects.filter(pk=members_clause.pk).exists()


def test_an_article_added_by_mistake_before_any_text_is_tabled_may_be_deleted(client_for, officer, agreement, topic):
    clause = ClauseFactory(agreement=agreement, topic=topic, article_number="99.9")

    response = client_for(officer).post(reverse("clause_delete", args=[clause.pk]))

    assert response.status_code == 302
    assert not Clause.objects.filter(pk=clause.pk).exists()


def test_a_consultation_with_a_timeline_is_kept_but_one_opened_by_mistake_may_go(client_for, officer, union):
    told = ConsultationFactory(union=union)
    ConsultationEventFactory(consultation=told)
    mistaken = ConsultationFactory(union=union)
    client = client_for(officer)

    kept = client.post(reverse("consultation_delete", args=[told.pk]))
    gone = client.post(reverse("consultation_delete", args=[mistaken.pk]))

    assert kept.status_code == 409
    assert "never erased" in kept.text
    assert gone.status_code == 302
    assert list(Consultation.objects.all()) == [told]


@pytest.mark.parametrize(
    ("visibility", "adopted_on", "deletable"),
    [(INTERNAL, None, True), (INTERNAL, datetime.date(2024, 1, 1), False), (MEMBERS, None, False)],
)
def test_only_a_principle_never_adopted_nor_shared_may_be_deleted(
    api, officer, union, visibility, adopted_on, deletable
):
    principle = PrincipleFactory(union=union, visibility=visibility, adopted_on=adopted_on)

    response = api(officer).delete(detail_url("principles", principle))

    assert response.status_code == (204 if deletable else 409)
    assert Principle.objects.filter(pk=principle.pk).exists() is not deletable


def test_a_principle_cited_by_a_position_is_kept_naming_what_cites_it(client_for, officer, union, draft_position):
    principle = PrincipleFactory(union=union, visibility=INTERNAL)
    draft_position.principles.add(principle)

    response = client_for(officer).post(reverse("principle_delete", args=[principle.pk]))

    assert response.status_code == 409
    assert "1 position cite it" in response.text


# Dependants are named: by kind and count, and only those the reader may see


def test_deleting_a_tool_others_depend_on_is_refused_naming_them(client_for, officer, union, other_union):
    tool = EdTechToolFactory(name="ClassPulse")
    for _ in range(3):
        ProcurementProposalFactory(tool=tool)
    PositionFactory(union=union, tool=tool)

    response = client_for(officer).post(reverse("tool_delete", args=[tool.pk]))

    assert response.status_code == 409
    assert "3 procurement proposals and 1 position depend on it" in response.text
    assert "Archive it instead" in response.text
    assert EdTechTool.objects.filter(pk=tool.pk).exists()


def test_dependants_the_reader_may_not_see_are_counted_but_not_named(client_for, other_officer, union):
    tool = EdTechToolFactory(name="ClassPulse")
    ProcurementProposalFactory(tool=tool)
    PositionFactory(union=union, tool=tool, title="SECRET draft stance")

    response = client_for(other_officer).get(reverse("tool_delete", args=[tool.pk]))

    assert "1 procurement proposal and 1 record you may not see depend on it" in response.text
    assert "position" not in response.text.split("cannot be deleted")[1].split("</div>")[0]
    assert "SECRET" not in response.text


def test_the_api_names_the_dependants_too(api, officer):
    vendor = VendorFactory()
    EdTechToolFactory(vendor=vendor)

    response = api(officer).delete(detail_url("vendors", vendor))

    assert response.status_code == 409
    assert response.json()["detail"].startswith("This vendor cannot be deleted: 1 EdTech tool depends on it.")


def test_the_admin_offers_no_delete_for_what_must_be_kept(rf, staff, union, tool):
    position = PositionFactory(union=union, tool=tool, visibility=PUBLIC)
    request = rf.get("/")
    request.user = staff
    staff.is_superuser = True

    assert admin.site._registry[Position].has_delete_permission(request, position) is False


# Archiving


def test_an_officer_archives_a_tool_and_it_leaves_the_default_list_and_the_pickers(client_for, officer, tool):
    client = client_for(officer)

    response = client.post(reverse("tool_archive", args=[tool.pk]), {"action": "archive"})

    tool.refresh_from_db()
    assert response.url == reverse("tool_detail", args=[tool.pk])
    assert tool.archived_on == datetime.date.today()
    assert tool not in client.get(reverse("tool_list")).context["rows"]
    assert tool in client.get(reverse("tool_list"), {"archived": "include"}).context["rows"]
    assert list(client.get(reverse("tool_list"), {"archived": "only"}).context["rows"]) == [tool]
    assert tool not in client.get(reverse("proposal_create")).context["form"].fields["tool"].queryset
    assert "Archived" in client.get(reverse("tool_detail", args=[tool.pk])).text


def test_an_archived_tool_stays_on_its_timeline_and_in_its_history(client_for, officer, member, proposal):
    tool = proposal.tool
    client_for(officer).post(reverse("tool_archive", args=[tool.pk]), {"action": "archive"})

    page = client_for(member).get(reverse("tool_detail", args=[tool.pk])).text
    history = client_for(member).get(reverse("tool_history", args=[tool.pk])).text

    assert proposal.title in page
    assert "Changed archived on" in history


def test_an_archived_tool_takes_no_new_proposal_until_restored(client_for, api, officer, employer, tool):
    tool.archived_on = datetime.date(2025, 1, 1)
    tool.save()

    refused = api(officer).post(
        "/api/v1/proposals/",
        {"employer": employer.pk, "tool": tool.pk, "title": "Pilot", "announced_on": "2025-04-01"},
        format="json",
    )
    client_for(officer).post(reverse("tool_archive", args=[tool.pk]), {"action": "restore"})
    accepted = api(officer).post(
        "/api/v1/proposals/",
        {"employer": employer.pk, "tool": tool.pk, "title": "Pilot", "announced_on": "2025-04-01"},
        format="json",
    )

    assert refused.status_code == 400
    assert "archived" in refused.json()["tool"][0]
    assert accepted.status_code == 201


def test_an_archived_agreement_takes_no_new_article(client_for, officer, agreement, topic):
    agreement.archived_on = datetime.date(2025, 1, 1)
    agreement.save()

    response = client_for(officer).post(
        reverse("clause_create", args=[agreement.pk]),
        {"article_number": "1.1", "title": "New", "topic": topic.pk, "visibility": "members"},
    )

    assert response.status_code == 400
    assert "is archived" in response.text
    assert not agreement.clauses.exists()


def test_an_archived_agreement_leaves_the_unit_page_s_list_for_its_archived_section(
    client_for, member, unit, agreement
):
    old = AgreementFactory(bargaining_unit=unit, title="Agreement 2019-22", archived_on=datetime.date(2023, 1, 1))

    response = client_for(member).get(reverse("unit_detail", args=[unit.pk]))

    assert response.context["agreements"] == [agreement]
    assert response.context["archived_agreements"] == [old]
    assert "Archived agreements (1)" in response.text


def test_the_api_exposes_and_filters_archived_records(api, member):
    current, archived = VendorFactory(), VendorFactory(archived_on=datetime.date(2025, 1, 1))
    client = api(member)

    default = [row["id"] for row in client.get("/api/v1/vendors/").json()["results"]]
    only = [row["id"] for row in client.get("/api/v1/vendors/", {"archived": "only"}).json()["results"]]
    both = {row["id"] for row in client.get("/api/v1/vendors/", {"archived": "include"}).json()["results"]}

    assert default == [current.pk]
    assert only == [archived.pk]
    assert both == {current.pk, archived.pk}
    assert client.get(detail_url("vendors", archived)).json()["archived_on"] == "2025-01-01"


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer"])
def test_only_the_union_s_officers_archive_its_agreement(request, client_for, agreement, persona):
    status = {"member": 403, "organiser": 403, "other_officer": 404}[persona]

    response = client_for(request.getfixturevalue(persona)).post(
        reverse("agreement_archive", args=[agreement.pk]), {"action": "archive"}
    )

    assert response.status_code == status
    assert Agreement.objects.get(pk=agreement.pk).archived_on is None


@pytest.mark.parametrize("persona", ["member", "organiser"])
def test_only_officers_archive_a_shared_record(request, client_for, persona):
    vendor = VendorFactory()

    response = client_for(request.getfixturevalue(persona)).post(
        reverse("vendor_archive", args=[vendor.pk]), {"action": "archive"}
    )

    assert response.status_code == 403
    assert Vendor.objects.get(pk=vendor.pk).archived_on is None


def test_archive_and_delete_buttons_are_shown_only_to_those_who_may_use_them(client_for, officer, member, tool):
    officer_page = client_for(officer).get(reverse("tool_detail", args=[tool.pk])).text
    member_page = client_for(member).get(reverse("tool_detail", args=[tool.pk])).text

    for address in (reverse("tool_archive", args=[tool.pk]), reverse("tool_delete", args=[tool.pk])):
        assert address in officer_page
        assert address not in member_page
    assert reverse("tool_history", args=[tool.pk]) in member_page


def test_a_topic_clause_of_an_archived_agreement_stays_in_the_clause_library(client_for, member, agreement, topic):
    clause = ClauseFactory(agreement=agreement, topic=TopicFactory(code="training"), visibility=MEMBERS)
    agreement.archived_on = datetime.date(2025, 1, 1)
    agreement.save()

    assert clause in client_for(member).get(reverse("clause_list")).context["rows"]
