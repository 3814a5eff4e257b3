"""Documents through the API: the same checks and access rule as the pages."""

import pytest

from consultations.attachments import attach_document
from tests.attachments.conftest import pdf_bytes, upload

URL = "/api/v1/attachments/"


def post(client, record_kind, record, file, **fields):
    data = {"record_kind": record_kind, "record": record.pk, "file": file, "visibility": "internal", **fields}
    return client.post(URL, data, format="multipart")


def test_an_officer_uploads_lists_downloads_and_removes_a_document(api, officer, agreement):
    client = api(officer, read_first=False)

    created = post(client, "agreement", agreement, upload("MOU.pdf"))
    listed = client.get(URL, {"agreement": agreement.pk})
    downloaded = client.get(f"{URL}{created.json()['id']}/download/")
    removed = client.delete(f"{URL}{created.json()['id']}/")

    assert created.status_code == 201 and created.json()["record_kind"] == "agreement"
    assert [a["name"] for a in listed.json()] == ["MOU.pdf"]
    assert downloaded.status_code == 200 and b"".join(downloaded.streaming_content) == pdf_bytes()
    assert downloaded["X-Content-Type-Options"] == "nosniff" and "attachment" in downloaded["Content-Disposition"]
    assert removed.status_code == 204 and not agreement.attachments.exists()


def test_a_disguised_file_is_400_naming_the_file(api, officer, agreement):
    response = post(api(officer, read_first=False), "agreement", agreement, upload("x.pdf", b"MZ\x90\x00"))

    assert response.status_code == 400 and "file" in response.json()


@pytest.mark.parametrize(("persona", "expected"), [("member", 403), ("organiser", 403), ("other_officer", 404)])
def test_only_those_who_may_edit_the_record_may_upload(request, api, agreement, persona, expected):
    response = post(api(request.getfixturevalue(persona), read_first=False), "agreement", agreement, upload())

    assert response.status_code == expected
    assert not agreement.attachments.exists()


def test_anonymous_may_not_upload_or_list(api, anonymous, agreement):
    assert post(api(anonymous, read_first=False), "agreement", agreement, upload()).status_code == 401
    assert api(anonymous).get(URL).status_code == 401


@pytest.mark.parametrize(
    ("persona", "sees"), [("officer", True), ("organiser", True), ("member", False), ("other_officer", False)]
)
def test_an_internal_document_is_listed_and_downloaded_by_the_leadership_only(
    request, api, officer, agreement, persona, sees
):
    document = attach_document(record=agreement, upload=upload(), visibility="internal", user=officer)
    client = api(request.getfixturevalue(persona))

    assert (len(client.get(URL).json()) == 1) is sees
    assert client.get(f"{URL}{document.pk}/download/").status_code == (200 if sees else 404)


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer"])
def test_only_the_unions_officers_may_remove_a_document(request, api, officer, agreement, persona):
    document = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)

    response = api(request.getfixturevalue(persona), read_first=False).delete(f"{URL}{document.pk}/")

    assert response.status_code in (403, 404)
    assert agreement.attachments.exists()
