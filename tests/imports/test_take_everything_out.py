"""A union's whole record as one workbook, and the round trip of that workbook into an empty Caucus."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from bargaining.models import BargainingUnit, Clause, ClauseVersionStatus, Employer, TrainingBudget
from consultations.models import Consultation, EdTechTool, Vendor
from plumbing.imports import read_sheets
from policies.models import ModelClause, Principle
from policies.takeout import import_workbook, union_workbook
from tests.factories import (
    AgreementFactory,
    BargainingUnitFactory,
    ClauseFactory,
    ClauseVersionFactory,
    ConsultationFactory,
    EmployerFactory,
    ModelClauseFactory,
    PositionFactory,
    PrincipleFactory,
    ProcurementProposalFactory,
    TrainingBudgetFactory,
)


def _unions_record(union, topic):
    employer = EmployerFactory(name="Lakeside District", slug="lakeside", region="West")
    TrainingBudgetFactory(employer=employer, school_year="2025-26", current=5000, proposed=15000)
    unit = BargainingUnitFactory(union=union, employer=employer, name="Lakeside teachers", member_count=300)
    agreement = AgreementFactory(
        bargaining_unit=unit,
        title="Lakeside agreement",
        term_start=datetime.date(2024, 7, 1),
        term_end=datetime.date(2027, 6, 30),
    )
    clause = ClauseFactory(agreement=agreement, topic=topic, article_number="7.2", title="=Workload")
    ClauseVersionFactory(clause=clause, text="First text.", status=ClauseVersionStatus.PROPOSED)
    ClauseVersionFactory(clause=clause, text="Agreed text.", status=ClauseVersionStatus.RATIFIED)
    principle = PrincipleFactory(
        union=union, code="people-decide", adopted_on=datetime.date(2024, 1, 9), title_cy="Pobl sy'n penderfynu"
    )
    model_clause = ModelClauseFactory(
        union=union, topic=topic, walk_away_text="Thirty days' notice.", preferred_text_cy="Dim offeryn heb gytundeb."
    )
    model_clause.principles.add(principle)
    proposal = ProcurementProposalFactory(
        employer=employer, tool__name="GradeGenie", tool__vendor__name="Genie Inc.", title="Adopt GradeGenie"
    )
    ConsultationFactory(union=union, proposal=proposal, outcome="Paused for a year.")
    PositionFactory(union=union, tool=proposal.tool)


def _values(workbook) -> dict:
    return {name: [row for _number, row in table.rows] for name, table in read_sheets(workbook.read()).items()}


def test_a_unions_workbook_reimported_into_an_empty_caucus_reproduces_it(officer, union, topic):
    with transaction.atomic():
        _unions_record(union, topic)
        exported = union_workbook(union, officer).read()
        transaction.set_rollback(True)
    assert not Employer.objects.exists() and not EdTechTool.objects.exists()

    reports = import_workbook(exported, user=officer, source="everything.xlsx", dry_run=False)

    assert all(report.applied for report in reports), [r.rows for r in reports if r.refused]
    assert BargainingUnit.objects.get().member_count == 300
    assert TrainingBudget.objects.get().proposed == 15000
    clause = Clause.objects.with_current().get()
    assert (clause.title, clause.current_text, clause.current_status) == ("=Workload", "Agreed text.", "ratified")
    assert ModelClause.objects.get().walk_away_text == "Thirty days' notice."
    assert [p.code for p in ModelClause.objects.get().principles.all()] == ["people-decide"]
    assert Principle.objects.get().adopted_on == datetime.date(2024, 1, 9)
    # The Welsh versions go out and come back with the English.
    assert Principle.objects.get().title_cy == "Pobl sy'n penderfynu"
    assert ModelClause.objects.get().preferred_text_cy == "Dim offeryn heb gytundeb."
    assert EdTechTool.objects.get().vendor == Vendor.objects.get(name="Genie Inc.")
    assert Consultation.objects.get().outcome == "Paused for a year."
    # What Caucus exports again is what went out, sheet for sheet.
    assert _values(union_workbook(union, officer)) == _values(io.BytesIO(exported))


def test_the_workbook_imported_again_changes_nothing(officer, union, topic):
    _unions_record(union, topic)
    exported = union_workbook(union, officer).read()

    reports = import_workbook(exported, user=officer, source="everything.xlsx", dry_run=True)

    assert {row.status for report in reports for row in report.rows} == {"unchanged"}


def test_only_the_unions_officers_may_take_everything_out(client_for, officer, organiser, member, other_officer, union):
    url = reverse("union_export", args=[union.slug])

    response = client_for(officer).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    for outsider in (organiser, member, other_officer):
        assert client_for(outsider).get(url).status_code == 404


def test_an_officer_imports_a_whole_workbook_on_the_import_page(client_for, officer, union, topic, settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path
    with transaction.atomic():
        _unions_record(union, topic)
        exported = union_workbook(union, officer).read()
        transaction.set_rollback(True)
    client = client_for(officer)

    preview = client.post(reverse("import"), {"kind": "everything", "file": SimpleUploadedFile("nea.xlsx", exported)})

    assert preview.status_code == 200
    assert [report.kind for report in preview.context["reports"]][:2] == ["employers", "units"]
    assert not Employer.objects.exists()
    applied = client.post(reverse("import"), {"token": preview.context["token"]})
    assert applied.status_code == 200
    assert Clause.objects.get().title == "=Workload"


def test_the_command_imports_a_whole_workbook(tmp_path, officer, union, topic, capsys):
    with transaction.atomic():
        _unions_record(union, topic)
        (tmp_path / "nea.xlsx").write_bytes(union_workbook(union, officer).read())
        transaction.set_rollback(True)

    call_command("import_records", "everything", str(tmp_path / "nea.xlsx"), "--user", "officer")

    assert "Imported: " in capsys.readouterr().out
    assert Clause.objects.exists() and ModelClause.objects.exists()
