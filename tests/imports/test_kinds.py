"""Each kind's template imports, re-imports unchanged, shows changes, and refuses what the importer may not do."""

import pytest
from django.core.management import CommandError, call_command

from bargaining.imports import AGREEMENTS, CLAUSES, EMPLOYERS, UNITS
from bargaining.models import Agreement, BargainingUnit, Clause, Employer, TrainingBudget
from consultations.imports import CONSULTATIONS, PROPOSALS
from consultations.models import Consultation
from plumbing.imports import Table, run_import
from policies.imports import MODEL_CLAUSES, PRINCIPLES
from policies.models import ModelClause, Principle
from tests.factories import PrincipleFactory, ProcurementProposalFactory


def table(kind, **changes):
    row = {**kind.example, **changes}
    return Table(headers=kind.headers, rows=[(2, [row.get(header, "") for header in kind.headers])])


def statuses(kind, user, dry_run=False, **changes):
    report = run_import(kind, table(kind, **changes), user=user, source="file.csv", dry_run=dry_run)
    return [row.status for row in report.rows], report


def test_employers_come_with_their_budget(officer):
    assert statuses(EMPLOYERS, officer)[0] == ["new"]
    budget = TrainingBudget.objects.get()
    assert (budget.employer.slug, budget.school_year, budget.current, budget.proposed) == (
        "northview",
        "2025-26",
        10000,
        25000,
    )
    assert statuses(EMPLOYERS, officer)[0] == ["unchanged"]

    result, report = statuses(EMPLOYERS, officer, **{"Proposed AI training budget": "30000"})

    assert result == ["changed"]
    assert report.rows[0].changes == [("AI training budget 2025-26", "10000.00 → 25000.00", "10000 → 30000")]
    assert TrainingBudget.objects.get().proposed == 30000
    assert budget.history.latest().history_change_reason == "Imported from file.csv"


def test_an_employers_bad_budget_refuses_the_row_naming_the_column(officer):
    result, report = statuses(EMPLOYERS, officer, **{"Current AI training budget": "-5"})

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Current AI training budget"
    assert not Employer.objects.exists()


def test_a_unit_is_imported_for_the_officers_own_union_and_matched_on_re_import(officer, employer):
    assert statuses(UNITS, officer)[0] == ["new"]
    assert statuses(UNITS, officer)[0] == ["unchanged"]
    assert statuses(UNITS, officer, **{"Member count": "421"})[0] == ["changed"]
    assert BargainingUnit.objects.get().member_count == 421


@pytest.mark.parametrize("persona", ["other_officer", "organiser", "member"])
def test_a_row_for_a_union_the_importer_does_not_lead_is_refused_never_reassigned(request, union, employer, persona):
    user = request.getfixturevalue(persona)

    result, report = statuses(UNITS, user)

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Union"
    assert not BargainingUnit.objects.exists()


def test_another_unions_officer_cannot_change_its_records_even_by_naming_their_own_union(
    officer, other_officer, other_union, unit
):
    row = {"Union": other_union.name, "Name": "Renamed by the other union"}

    result, _report = statuses(UNITS, other_officer, **row)

    # The other union has no unit at Northview: theirs would be a new unit, never a change to ours.
    assert result == ["new"]
    unit.refresh_from_db()
    assert unit.name == "Northview teachers"


def test_agreements_and_clauses_with_their_first_version(officer, unit, topic):
    assert statuses(AGREEMENTS, officer)[0] == ["new"]
    assert statuses(AGREEMENTS, officer)[0] == ["unchanged"]
    assert Agreement.objects.get().status == "ratified"

    assert statuses(CLAUSES, officer)[0] == ["new"]
    clause = Clause.objects.with_current().get()
    assert (clause.article_number, clause.current_status, clause.topic) == ("14.3", "ratified", topic)
    assert clause.versions.get().created_by == officer
    assert statuses(CLAUSES, officer)[0] == ["unchanged"]
    assert statuses(CLAUSES, officer, Title="Use of AI")[0] == ["changed"]

    result, report = statuses(CLAUSES, officer, **{"Current text": "Something else."})
    assert result == ["refused"]
    assert "table a new version" in report.rows[0].errors[0][1]


def test_clauses_for_another_unions_agreement_are_refused(other_officer, agreement, topic):
    result, report = statuses(CLAUSES, other_officer)

    assert result == ["refused"]
    assert "of a union you lead" in report.rows[0].errors[0][1]


def test_principles_and_model_clauses(officer, union, topic):
    assert statuses(PRINCIPLES, officer)[0] == ["new"]
    assert statuses(PRINCIPLES, officer)[0] == ["unchanged"]
    assert statuses(MODEL_CLAUSES, officer)[0] == ["new"]
    assert statuses(MODEL_CLAUSES, officer)[0] == ["unchanged"]
    model_clause = ModelClause.objects.get()
    assert [p.code for p in model_clause.principles.all()] == ["people-decide"]
    assert model_clause.walk_away_text.startswith("At least thirty days")


def test_a_file_without_the_welsh_columns_keeps_the_welsh_versions(officer, union):
    principle = PrincipleFactory(union=union, code="people-decide", title_cy="Pobl sy'n penderfynu")
    headers = [header for header in PRINCIPLES.headers if "(Welsh)" not in header]
    row = {**PRINCIPLES.example, "Code": "people-decide", "Title": "People decide", "Union": union.name}
    file = Table(headers=headers, rows=[(2, [row.get(header, "") for header in headers])])

    report = run_import(PRINCIPLES, file, user=officer, source="old.csv", dry_run=False)

    assert [r.status for r in report.rows] == ["changed"]
    principle.refresh_from_db()
    assert (principle.title, principle.title_cy) == ("People decide", "Pobl sy'n penderfynu")


def test_the_welsh_columns_import_the_welsh_versions(officer, union):
    assert statuses(PRINCIPLES, officer, **{"Title (Welsh)": "Pobl sy'n penderfynu"})[0] == ["new"]
    assert Principle.objects.get().title_cy == "Pobl sy'n penderfynu"


def test_a_model_clause_cannot_cite_another_unions_principle(officer, other_union, union, topic):
    PrincipleFactory(union=other_union, code="theirs")

    result, report = statuses(MODEL_CLAUSES, officer, **{"Principles cited": "theirs"})

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Principles cited"


def test_a_member_cannot_import_policy(member, union):
    assert statuses(PRINCIPLES, member)[0] == ["refused"]
    assert not Principle.objects.exists()


# The command


def test_the_command_prints_a_template(capsys):
    call_command("import_records", "principles", "--template")

    header, example = capsys.readouterr().out.strip().splitlines()
    assert header == "Union,Code,Title,Title (Welsh),Statement,Statement (Welsh),Adopted on,Visibility"
    assert example.startswith("Northview Education Association,people-decide")


def test_the_command_dry_runs_then_applies_as_the_user(tmp_path, officer, union, capsys):
    path = tmp_path / "principles.csv"
    call_command("import_records", "principles", "--template", stdout=path.open("w"))

    call_command("import_records", "principles", str(path), "--user", "officer", "--dry-run")
    assert "row 2: new" in capsys.readouterr().out
    assert not Principle.objects.exists()

    call_command("import_records", "principles", str(path), "--user", "officer")
    assert Principle.objects.get().history.get().history_user == officer


def test_the_command_refuses_a_row_for_another_union_and_writes_nothing(tmp_path, officer, union, other_union):
    path = tmp_path / "principles.csv"
    call_command("import_records", "principles", "--template", stdout=path.open("w"))

    with pytest.raises(CommandError, match="refused"):
        call_command("import_records", "principles", str(path), "--user", "officer", "--union", other_union.slug)
    assert not Principle.objects.exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--user", "nobody"], "No active user"),
        (["--user", "officer", "--union", "nope"], "No union"),
        ([], "--user"),
    ],
)
def test_the_command_explains_what_is_wrong(tmp_path, officer, arguments, message):
    path = tmp_path / "p.csv"
    path.write_text("Colour\nblue\n")
    with pytest.raises(CommandError, match=message):
        call_command("import_records", "principles", str(path), *arguments)


def test_the_command_names_a_bad_file(tmp_path, officer):
    path = tmp_path / "p.csv"
    path.write_text("Colour\nblue\n")
    with pytest.raises(CommandError, match="Unknown column: Colour"):
        call_command("import_records", "principles", str(path), "--user", "officer")


def test_proposals_and_consultations(officer, union, employer, tool):
    proposal_row = {"Tool": tool.name}
    assert statuses(PROPOSALS, officer, **proposal_row)[0] == ["new"]
    assert statuses(PROPOSALS, officer, **proposal_row)[0] == ["unchanged"]
    assert statuses(CONSULTATIONS, officer)[0] == ["new"]
    assert statuses(CONSULTATIONS, officer)[0] == ["unchanged"]

    result, report = statuses(CONSULTATIONS, officer, Stage="Meetings")

    assert result == ["changed"]
    assert report.rows[0].changes == [("Stage", "Information requested", "Meetings")]
    consultation = Consultation.objects.get()
    # The change of stage is told on the timeline, as on the web.
    assert consultation.events.filter(kind="record_change").exists()


def test_a_proposal_that_starts_before_it_is_announced_is_refused(officer, employer, tool):
    result, report = statuses(PROPOSALS, officer, Tool=tool.name, **{"Proposed start": "2024-01-01"})

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Proposed start"


def test_a_consultation_for_another_union_is_refused(other_officer, union, employer, tool):
    ProcurementProposalFactory(employer=employer, tool=tool, title=CONSULTATIONS.example["Proposal"])

    result, report = statuses(CONSULTATIONS, other_officer)

    assert result == ["refused"]
    assert report.rows[0].errors[0][0] == "Union"
    assert not Consultation.objects.exists()


def test_a_blank_cell_gives_a_new_record_its_default(officer, unit):
    assert statuses(AGREEMENTS, officer, **{"Reopener notice (days before expiry)": ""})[0] == ["new"]

    assert Agreement.objects.get().reopener_days == 90
