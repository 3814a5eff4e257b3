"""Importing tools (with their vendors): dry run, apply, re-import, and the refusals."""

import pytest

from consultations.imports import TOOLS
from consultations.models import EdTechTool, Vendor
from plumbing.imports import Table, run_import

HEADERS = TOOLS.headers


def table(*rows):
    return Table(
        headers=HEADERS, rows=[(number, [row.get(h, "") for h in HEADERS]) for number, row in enumerate(rows, 2)]
    )


def tool_row(**changes):
    return {**TOOLS.example, **changes}


def test_a_dry_run_says_what_would_happen_and_changes_nothing(officer):
    report = run_import(TOOLS, table(tool_row()), user=officer, source="registry.csv", dry_run=True)

    assert [row.status for row in report.rows] == ["new"]
    assert ("Vendor", "", "Brightpath Learning Inc. (new vendor)") in report.rows[0].changes
    assert not report.applied
    assert not EdTechTool.objects.exists() and not Vendor.objects.exists()


def test_applying_writes_the_tool_and_its_vendor_naming_the_importer_and_the_file(officer):
    report = run_import(TOOLS, table(tool_row()), user=officer, source="registry.csv", dry_run=False)

    assert report.applied
    tool = EdTechTool.objects.get()
    assert tool.vendor.name == "Brightpath Learning Inc."
    assert tool.personal_data == ["assessment_results", "usage_statistics"]
    assert tool.risk_rating == "medium"
    history = tool.history.get()
    assert history.history_user == officer
    assert history.history_change_reason == "Imported from registry.csv"


def test_re_importing_the_same_file_changes_nothing(officer):
    run_import(TOOLS, table(tool_row()), user=officer, source="registry.csv", dry_run=False)

    report = run_import(TOOLS, table(tool_row()), user=officer, source="registry.csv", dry_run=False)

    assert [row.status for row in report.rows] == ["unchanged"]
    assert EdTechTool.objects.get().history.count() == 1


def test_a_changed_row_shows_old_and_new_per_field(officer):
    run_import(TOOLS, table(tool_row()), user=officer, source="a.csv", dry_run=False)

    report = run_import(TOOLS, table(tool_row(**{"Risk rating": "High"})), user=officer, source="b.csv", dry_run=True)

    assert report.rows[0].status == "changed"
    assert report.rows[0].changes == [("Risk rating", "Medium", "High")]


def test_one_bad_row_refuses_the_whole_file(officer):
    rows = table(tool_row(Name="Good tool"), tool_row(Name="Bad tool", Category="Astrology"))

    report = run_import(TOOLS, rows, user=officer, source="a.csv", dry_run=False)

    assert [row.status for row in report.rows] == ["new", "refused"]
    assert report.rows[1].number == 3
    assert report.rows[1].errors[0][0] == "Category"
    assert "Astrology" in report.rows[1].errors[0][1]
    assert not report.applied
    assert not EdTechTool.objects.exists()


def test_the_forms_rules_apply(officer):
    row = tool_row(**{"Privacy agreement": "None", "Privacy agreement expires on": "2027-01-01"})

    report = run_import(TOOLS, table(row), user=officer, source="a.csv", dry_run=True)

    assert report.rows[0].status == "refused"
    assert report.rows[0].errors[0][0] == "Privacy agreement expires on"


@pytest.mark.parametrize("persona", ["member", "organiser"])
def test_only_officers_may_import_shared_records(request, persona):
    user = request.getfixturevalue(persona)

    report = run_import(TOOLS, table(tool_row()), user=user, source="a.csv", dry_run=False)

    assert report.rows[0].status == "refused"
    assert not EdTechTool.objects.exists()


def test_a_tool_named_twice_in_one_file_is_added_once_however_its_name_is_written(officer):
    report = run_import(
        TOOLS,
        table(tool_row(Name="BrightPath Tutor"), tool_row(Name="BRIGHTPATH TUTOR")),
        user=officer,
        source="registry.csv",
        dry_run=False,
    )

    # The second row is the same tool, its name now written in capitals.
    assert [row.status for row in report.rows] == ["new", "changed"]
    assert list(EdTechTool.objects.values_list("name", flat=True)) == ["BRIGHTPATH TUTOR"]


def test_a_row_matching_two_records_is_refused(officer, employer, tool):
    from consultations.imports import PROPOSALS
    from tests.factories import ProcurementProposalFactory

    for title in ("Adopt GradeGenie", "ADOPT GRADEGENIE"):
        ProcurementProposalFactory(employer=employer, tool=tool, title=title)
    row = {**PROPOSALS.example, "Employer": employer.name, "Tool": tool.name, "Title": "adopt gradegenie"}
    headers = PROPOSALS.headers
    report = run_import(
        PROPOSALS,
        Table(headers=headers, rows=[(2, [row.get(h, "") for h in headers])]),
        user=officer,
        source="proposals.csv",
        dry_run=True,
    )

    assert report.rows[0].status == "refused"
    assert "More than one proposal matches this row" in report.rows[0].errors[0][1]


def test_a_refused_row_leaves_the_record_as_saved_for_the_rows_after_it(officer):
    from consultations.imports import VENDORS

    Vendor.objects.create(name="Brightpath Learning Inc.", notes="old")
    headers = VENDORS.headers
    rows = [
        {"Name": "Brightpath Learning Inc.", "Website": "not a web address", "Notes": "new"},
        {"Name": "Brightpath Learning Inc.", "Website": "https://brightpath.example", "Notes": "new"},
    ]
    report = run_import(
        VENDORS,
        Table(headers=headers, rows=[(n, [row.get(h, "") for h in headers]) for n, row in enumerate(rows, 2)]),
        user=officer,
        source="vendors.csv",
        dry_run=True,
    )

    assert [row.status for row in report.rows] == ["refused", "changed"]
    assert ("Notes", "old", "new") in report.rows[1].changes
