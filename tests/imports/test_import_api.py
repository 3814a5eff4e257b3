"""The import endpoints: the page's dry run and apply for scripts, with the report as JSON."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.imports import VENDORS
from consultations.models import Vendor
from plumbing import imports

URL = "/api/v1/imports/vendors/"


def vendors_csv(*names, extra=None) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(VENDORS.headers + ([extra] if extra else []))
    for name in names:
        writer.writerow([{**VENDORS.example, "Name": name}.get(h, "") for h in VENDORS.headers])
    return SimpleUploadedFile("registry.csv", out.getvalue().encode(), content_type="text/csv")


def post(client, upload, dry_run=True, url=URL):
    return client.post(url, {"file": upload, "dry_run": "true" if dry_run else "false"}, format="multipart")


def test_a_dry_run_answers_the_report_row_by_row_and_writes_nothing(api, officer):
    response = post(api(officer, read_first=False), vendors_csv("Brightpath", "Quillsoft"))

    assert response.status_code == 200
    assert response.json()["dry_run"] is True and response.json()["applied"] is False
    (report,) = response.json()["reports"]
    assert report["counts"] == {"new": 2, "changed": 0, "unchanged": 0, "refused": 0}
    assert [row["number"] for row in report["rows"]] == [2, 3]
    assert not Vendor.objects.exists()


def test_applying_writes_the_file_and_re_applying_changes_nothing(api, officer):
    client = api(officer, read_first=False)

    assert post(client, vendors_csv("Brightpath"), dry_run=False).json()["applied"] is True
    again = post(client, vendors_csv("Brightpath"), dry_run=False).json()

    assert again["reports"][0]["counts"]["unchanged"] == 1
    assert Vendor.objects.get().history.latest().history_change_reason == "Imported from registry.csv"


def test_a_refused_row_answers_400_with_the_reason_and_nothing_is_written(api, officer):
    response = post(api(officer, read_first=False), vendors_csv("Brightpath", ""), dry_run=False)

    assert response.status_code == 400
    rows = response.json()["reports"][0]["rows"]
    assert rows[1]["status"] == "refused" and rows[1]["errors"][0]["column"] == "Name"
    assert response.json()["applied"] is False
    assert not Vendor.objects.exists()


def test_a_bad_file_answers_400_naming_the_file(api, officer):
    response = post(api(officer, read_first=False), vendors_csv("Brightpath", extra="Colour"))

    assert response.status_code == 400
    assert "Unknown column" in response.json()["file"][0]


def test_a_file_that_is_not_a_spreadsheet_answers_400(api, officer):
    upload = SimpleUploadedFile("registry.xlsx", b"MZ\x90\x00 not a workbook")

    response = post(api(officer, read_first=False), upload)

    assert response.status_code == 400 and "not an Excel workbook" in response.json()["file"][0]


def test_a_file_over_the_limit_is_refused_by_its_size(api, officer, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 10)

    response = post(api(officer, read_first=False), vendors_csv("Brightpath"))

    assert response.status_code == 400 and "larger than" in response.json()["file"][0]


def test_no_file_answers_400_naming_the_field(api, officer):
    response = api(officer, read_first=False).post(URL, {"dry_run": "true"}, format="multipart")

    assert response.status_code == 400 and "file" in response.json()


def test_an_unknown_kind_is_404(api, officer):
    assert post(api(officer, read_first=False), vendors_csv("B"), url="/api/v1/imports/nothing/").status_code == 404


@pytest.mark.parametrize("persona", ["member", "organiser"])
def test_only_officers_may_import(request, api, persona):
    user = request.getfixturevalue(persona)

    assert post(api(user, read_first=False), vendors_csv("Brightpath"), dry_run=False).status_code == 403
    assert api(user).get("/api/v1/imports/").status_code == 403
    assert not Vendor.objects.exists()


def test_anonymous_may_not_import(api, anonymous):
    assert post(api(anonymous, read_first=False), vendors_csv("Brightpath"), dry_run=False).status_code == 401
    assert api(anonymous).get("/api/v1/imports/").status_code == 401


def test_another_unions_officer_cannot_import_rows_for_this_union(api, officer, other_officer, consultation):
    from consultations.imports import EVENTS

    row = {**EVENTS.example, "Union": consultation.union.name, "Proposal": consultation.proposal.title}
    out = io.StringIO()
    csv.writer(out).writerows([EVENTS.headers, [row[h] for h in EVENTS.headers]])
    upload = SimpleUploadedFile("events.csv", out.getvalue().encode())

    response = post(
        api(other_officer, read_first=False), upload, dry_run=False, url="/api/v1/imports/consultation-events/"
    )

    assert response.status_code == 400
    assert response.json()["reports"][0]["rows"][0]["status"] == "refused"


def test_the_kinds_are_listed_with_their_columns(api, officer):
    kinds = {kind["name"]: kind for kind in api(officer).get("/api/v1/imports/").json()}

    assert kinds["vendors"]["columns"] == VENDORS.headers
    assert "consultation-events" in kinds
