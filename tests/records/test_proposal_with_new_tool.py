"""An officer records a proposal for a tool not yet in the registry: the tool (and its vendor, if new) is added
with it, all or nothing, on the web and through the API; what was typed is never lost."""

import pytest
from django.urls import reverse

from consultations.models import EdTechTool, ProcurementProposal, Vendor
from tests.factories import EdTechToolFactory, VendorFactory

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "title": "Pilot ClassPulse in grade 9",
    "purpose": "Early warning of disengagement.",
    "affected_job_groups": ["teachers"],
    "announced_on": "2025-04-01",
    "status": "announced",
}


def test_a_new_tool_and_a_new_vendor_are_added_with_the_proposal(client_for, officer, employer):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            **PROPOSAL,
            "employer": employer.pk,
            "new_tool_name": "ClassPulse",
            "new_tool_category": "analytics",
            "new_vendor_name": "Pulse Learning Inc.",
        },
    )

    proposal = ProcurementProposal.objects.get(title="Pilot ClassPulse in grade 9")
    assert response.url == reverse("proposal_detail", args=[proposal.pk])
    assert proposal.tool.name == "ClassPulse"
    assert proposal.tool.category == "analytics"
    assert proposal.tool.vendor.name == "Pulse Learning Inc."
    for record in (proposal, proposal.tool, proposal.tool.vendor):
        assert record.history.get().history_user == officer


def test_a_new_tool_by_a_vendor_of_the_registry(client_for, officer, employer):
    vendor = VendorFactory(name="Pulse Learning Inc.")

    client_for(officer).post(
        reverse("proposal_create"),
        {
            **PROPOSAL,
            "employer": employer.pk,
            "new_tool_name": "ClassPulse",
            "new_tool_category": "analytics",
            "new_tool_vendor": vendor.pk,
        },
    )

    assert EdTechTool.objects.get(name="ClassPulse").vendor == vendor
    assert Vendor.objects.count() == 1


def test_a_vendor_typed_by_a_name_already_in_the_registry_is_that_vendor(client_for, officer, employer):
    vendor = VendorFactory(name="Pulse Learning Inc.")

    client_for(officer).post(
        reverse("proposal_create"),
        {
            **PROPOSAL,
            "employer": employer.pk,
            "new_tool_name": "ClassPulse",
            "new_tool_category": "analytics",
            "new_vendor_name": "pulse learning inc.",
        },
    )

    assert EdTechTool.objects.get(name="ClassPulse").vendor == vendor
    assert Vendor.objects.count() == 1


def test_a_refused_proposal_leaves_no_tool_or_vendor_behind_and_keeps_what_was_typed(client_for, officer, employer):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            **PROPOSAL,
            "employer": employer.pk,
            "proposed_start": "2025-03-01",  # before the announcement
            "new_tool_name": "ClassPulse",
            "new_tool_category": "analytics",
            "new_vendor_name": "Pulse Learning Inc.",
        },
    )

    assert response.status_code == 400
    assert "proposed_start" in response.context["form"].errors
    assert 'value="ClassPulse"' in response.text
    assert 'value="Pulse Learning Inc."' in response.text
    assert 'value="Pilot ClassPulse in grade 9"' in response.text
    assert not EdTechTool.objects.filter(name="ClassPulse").exists()
    assert not Vendor.objects.exists()
    assert not ProcurementProposal.objects.exists()


def test_a_tool_already_in_the_registry_is_not_added_twice(client_for, officer, employer):
    tool = EdTechToolFactory(name="ClassPulse", vendor=VendorFactory(name="Pulse Learning Inc."))

    response = client_for(officer).post(
        reverse("proposal_create"),
        {
            **PROPOSAL,
            "employer": employer.pk,
            "new_tool_name": "classpulse",
            "new_tool_category": "analytics",
            "new_tool_vendor": tool.vendor_id,
        },
    )

    assert response.status_code == 400
    assert "already in the registry" in response.context["form"].errors["new_tool_name"][0]
    assert EdTechTool.objects.count() == 1


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({}, "tool", "Choose the tool proposed"),
        ({"new_tool_name": "ClassPulse", "new_vendor_name": "Pulse"}, "new_tool_category", "category"),
        ({"new_tool_name": "ClassPulse", "new_tool_category": "analytics"}, "new_tool_vendor", "vendor"),
    ],
)
def test_an_incomplete_new_tool_names_what_is_missing(client_for, officer, employer, typed, field, message):
    response = client_for(officer).post(reverse("proposal_create"), {**PROPOSAL, "employer": employer.pk, **typed})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not ProcurementProposal.objects.exists()


def test_choosing_a_tool_and_describing_a_new_one_is_refused(client_for, officer, employer, tool):
    response = client_for(officer).post(
        reverse("proposal_create"),
        {**PROPOSAL, "employer": employer.pk, "tool": tool.pk, "new_tool_name": "ClassPulse"},
    )

    assert response.status_code == 400
    assert "new_tool_name" in response.context["form"].errors


def test_the_tool_picker_works_without_javascript_and_offers_no_archived_tool(client_for, officer, tool):
    archived = EdTechToolFactory(name="RetiredBot", archived_on="2025-01-01")

    form = client_for(officer).get(reverse("proposal_create")).context["form"]

    offered = list(form.fields["tool"].queryset)
    assert tool in offered
    assert archived not in offered


def test_editing_a_proposal_keeps_its_archived_tool_on_offer(client_for, officer, proposal):
    proposal.tool.archived_on = "2025-01-01"
    proposal.tool.save()

    form = client_for(officer).get(reverse("proposal_edit", args=[proposal.pk])).context["form"]

    assert proposal.tool in form.fields["tool"].queryset


def test_the_api_adds_a_proposal_with_a_new_tool_and_vendor(api, officer, employer):
    response = api(officer).post(
        "/api/v1/proposals/",
        {
            "employer": employer.pk,
            "title": "Pilot ClassPulse",
            "announced_on": "2025-04-01",
            "new_tool": {"name": "ClassPulse", "category": "analytics", "vendor_name": "Pulse Learning Inc."},
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    tool = EdTechTool.objects.get(name="ClassPulse")
    assert response.json()["tool"] == tool.pk
    assert tool.vendor.name == "Pulse Learning Inc."


def test_the_api_refuses_a_new_tool_beside_a_tool(api, officer, employer, tool):
    response = api(officer).post(
        "/api/v1/proposals/",
        {
            "employer": employer.pk,
            "tool": tool.pk,
            "title": "Pilot",
            "announced_on": "2025-04-01",
            "new_tool": {"name": "ClassPulse", "category": "analytics", "vendor_name": "Pulse"},
        },
        format="json",
    )

    assert response.status_code == 400
    assert not EdTechTool.objects.filter(name="ClassPulse").exists()


def test_the_api_refuses_a_proposal_without_any_tool(api, officer, employer):
    response = api(officer).post(
        "/api/v1/proposals/", {"employer": employer.pk, "title": "Pilot", "announced_on": "2025-04-01"}, format="json"
    )

    assert response.status_code == 400
    assert "tool" in response.json()


def test_a_member_may_not_add_a_tool_through_a_proposal(api, client_for, member, employer):
    web = client_for(member).post(
        reverse("proposal_create"),
        {**PROPOSAL, "employer": employer.pk, "new_tool_name": "ClassPulse", "new_vendor_name": "Pulse"},
    )
    rest = api(member).post(
        "/api/v1/proposals/",
        {
            "employer": employer.pk,
            "title": "Pilot",
            "announced_on": "2025-04-01",
            "new_tool": {"name": "ClassPulse", "category": "analytics", "vendor_name": "Pulse"},
        },
        format="json",
    )

    assert (web.status_code, rest.status_code) == (403, 403)
    assert not EdTechTool.objects.exists()
    assert not Vendor.objects.exists()
