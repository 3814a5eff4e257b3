"""The /import/ page: upload, dry run row by row, confirm all or nothing; templates; who may use it."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from consultations.imports import TOOLS
from consultations.models import EdTechTool
from plumbing import imports
from policies import import_views
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _upload_dir(settings, tmp_path):
    settings.IMPORT_UPLOAD_DIR = tmp_path


def csv_file(rows, name="registry.csv", encoding="utf-8-sig"):
    lines = [",".join(f'"{cell}"' for cell in row) for row in rows]
    return SimpleUploadedFile(name, "\r\n".join(lines).encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="registry.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def template_rows(**changes):
    headers, example = TOOLS.template()
    return [headers, [changes.get(header, value) for header, value in zip(headers, example, strict=True)]]


def upload(client, file, kind="tools"):
    return client.post(reverse("import"), {"kind": kind, "file": file})


def test_an_officer_sees_the_dry_run_then_confirms_it(client_for, officer):
    client = client_for(officer)

    preview = upload(client, csv_file(template_rows()))

    assert preview.status_code == 200
    assert "Dry run" in preview.text and "new" in preview.text
    assert not EdTechTool.objects.exists()
    token = preview.context["token"]

    applied = client.post(reverse("import"), {"token": token})

    assert applied.status_code == 200
    assert "Every row was saved" in applied.text
    assert EdTechTool.objects.get().history.get().history_change_reason == "Imported from registry.csv"
    # The same confirmation cannot be applied twice.
    assert client.post(reverse("import"), {"token": token}).status_code == 410


def test_an_xlsx_file_is_read_with_real_dates(client_for, officer):
    rows = template_rows()
    rows[1][rows[0].index("Privacy agreement expires on")] = datetime.date(2027, 6, 30)

    preview = upload(client_for(officer), xlsx_file(rows))

    assert preview.status_code == 200
    assert preview.context["reports"][0].rows[0].status == "new"


def test_a_refused_row_is_shown_with_its_row_column_and_reason_and_no_confirm(client_for, officer):
    response = upload(client_for(officer), csv_file(template_rows(Category="Astrology")))

    assert response.status_code == 400
    assert "Category" in response.text and "Astrology" in response.text
    assert "token" not in response.context


def test_another_officers_token_is_not_theirs_to_apply(client_for, officer, other_officer):
    token = upload(client_for(officer), csv_file(template_rows())).context["token"]

    assert client_for(other_officer).post(reverse("import"), {"token": token}).status_code == 410
    assert client_for(officer).post(reverse("import"), {"token": "../../etc/passwd"}).status_code == 410
    assert not EdTechTool.objects.exists()


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer_without_union"])
def test_only_officers_reach_the_page(request, client_for, persona, union):
    if persona == "other_officer_without_union":
        user = UserFactory(username="nobody")
    else:
        user = request.getfixturevalue(persona)

    assert client_for(user).get(reverse("import")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client_for, anonymous):
    assert client_for(anonymous).get(reverse("import")).status_code == 302
    assert client_for(anonymous).post(reverse("import"), {"token": "x" * 32}).status_code == 302


def test_each_kind_has_a_template_with_a_header_and_an_example(client_for, officer):
    response = client_for(officer).get(reverse("import_template", args=["tools"]))

    text = response.content.decode("utf-8-sig")
    header, example = text.strip().splitlines()
    assert header.startswith("Name,Vendor,Category")
    assert "BrightPath Tutor" in example
    assert client_for(officer).get(reverse("import_template", args=["nothing"])).status_code == 404


# Bad files: a clear message, never a 500


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("x.xlsx", b"PK\x03\x04 not really a zip"), "not an Excel workbook"),
        (SimpleUploadedFile("x.xlsx", b"just text"), "not an Excel workbook"),
        (SimpleUploadedFile("x.pdf", b"%PDF-1.7"), "Send a CSV"),
        (SimpleUploadedFile("x.csv", b""), "empty"),
        (SimpleUploadedFile("x.csv", b"Name,Colour\r\nA,blue\r\n"), "Unknown column: Colour"),
        (SimpleUploadedFile("x.csv", b"Name\r\nA\r\n"), "Missing columns: Vendor"),
        (SimpleUploadedFile("x.csv", b"\x00\x01\x02\xff\xfe"), "not a CSV text file"),
    ],
)
def test_bad_files_get_a_clear_message(client_for, officer, file, message):
    response = upload(client_for(officer), file)

    assert response.status_code == 400
    assert message in response.text


def test_formulas_are_refused_naming_row_and_column(client_for, officer):
    rows = template_rows(Description='=HYPERLINK("http://evil")')

    for file in (csv_file(rows), xlsx_file(rows)):
        response = upload(client_for(officer), file)
        assert response.status_code == 400
        assert "Row 2, column “Description”: formulas are not imported" in response.text


def test_an_empty_row_between_rows_is_refused(client_for, officer):
    headers, example = template_rows()
    response = upload(client_for(officer), csv_file([headers, example, [""] * len(headers), example]))

    assert response.status_code == 400
    assert "Row 3 is empty" in response.text


def test_windows_1252_and_utf8_without_bom_are_read(client_for, officer):
    rows = template_rows(Description="Café naïve \u2013 résumé")
    for encoding in ("cp1252", "utf-8"):
        response = upload(client_for(officer), csv_file(rows, encoding=encoding))
        assert response.status_code == 200, response.context["form"].errors
        assert response.context["reports"][0].rows[0].status == "new"


def test_a_file_over_the_limit_is_refused_by_its_size_before_it_is_read(client_for, officer, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 10)
    read = []
    monkeypatch.setattr(import_views, "read_table", lambda *args: read.append(args))

    response = upload(client_for(officer), csv_file(template_rows()))

    assert response.status_code == 400
    assert "larger than" in response.text
    assert read == []
