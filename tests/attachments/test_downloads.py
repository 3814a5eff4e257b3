"""Who may download a document: those who may see it and its record; a 404 for everyone else."""

import pytest

from consultations.attachments import attach_document
from tests.attachments.conftest import pdf_bytes, upload

# (attached to, the document's visibility, persona, may download)
MATRIX = [
    ("agreement", "internal", "officer", True),
    ("agreement", "internal", "organiser", True),
    ("agreement", "internal", "member", False),
    ("agreement", "internal", "other_officer", False),
    ("agreement", "internal", "anonymous", False),
    ("agreement", "members", "member", True),
    ("agreement", "members", "other_officer", False),
    ("agreement", "members", "anonymous", False),
    ("tool", "internal", "officer", True),
    ("tool", "internal", "organiser", True),
    ("tool", "internal", "member", False),
    ("tool", "internal", "other_officer", False),  # the tool is shared; the union's document is not
    ("tool", "internal", "anonymous", False),
    ("tool", "public", "other_officer", True),
    ("tool", "public", "anonymous", False),  # a tool is for signed-in users only, and so are its documents
]


@pytest.fixture
def records(agreement, tool):
    return {"agreement": agreement, "tool": tool}


@pytest.mark.parametrize(("owner", "visibility", "persona", "allowed"), MATRIX)
def test_who_may_download_a_document(request, client_for, officer, union, records, owner, visibility, persona, allowed):
    document = attach_document(record=records[owner], upload=upload(), visibility=visibility, user=officer, union=union)

    response = client_for(request.getfixturevalue(persona)).get(document.get_absolute_url())

    if allowed:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == pdf_bytes()
    else:
        assert response.status_code in (404, 302)  # anonymous: sent to sign in, like every page
        assert response.status_code == 404 or persona == "anonymous"


def test_a_download_is_an_attachment_never_sniffed_or_shared_by_caches(client_for, officer, agreement):
    document = attach_document(record=agreement, upload=upload("Notice letter.pdf"), visibility="members", user=officer)

    response = client_for(officer).get(document.get_absolute_url())

    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "Notice letter.pdf" in response["Content-Disposition"]
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer"])
def test_only_officers_of_the_records_union_may_attach(request, client_for, agreement, persona):
    client = client_for(request.getfixturevalue(persona))

    response = client.post(f"/attachments/new/agreement/{agreement.pk}/", {"file": upload(), "visibility": "internal"})

    assert response.status_code in (403, 404)
    assert not agreement.attachments.exists()


def test_an_officer_attaches_on_the_page_and_a_disguised_file_is_refused_with_the_form_kept(
    client_for, officer, agreement
):
    client = client_for(officer)
    url = f"/attachments/new/agreement/{agreement.pk}/"

    refused = client.post(url, {"file": upload("minutes.pdf", b"MZ\x90\x00 program"), "visibility": "internal"})
    attached = client.post(url, {"file": upload(), "visibility": "internal"})

    assert refused.status_code == 400 and b"Send a PDF" in refused.content
    assert attached.status_code == 302 and agreement.attachments.count() == 1


@pytest.mark.parametrize("persona", ["member", "organiser", "other_officer", "anonymous"])
def test_only_the_unions_officers_may_remove_a_document(request, client_for, officer, agreement, persona):
    document = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)

    response = client_for(request.getfixturevalue(persona)).post(f"/attachments/{document.pk}/remove/")

    assert response.status_code in (302, 403, 404)
    assert agreement.attachments.count() == 1


def test_an_officer_removes_a_document(client_for, officer, agreement):
    document = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)

    response = client_for(officer).post(f"/attachments/{document.pk}/remove/")

    assert response.status_code == 302 and not agreement.attachments.exists()


def test_a_records_page_lists_its_documents_as_the_reader_may_see_them(client_for, officer, member, agreement):
    attach_document(record=agreement, upload=upload("Signed MOU.pdf"), visibility="members", user=officer)
    attach_document(record=agreement, upload=upload("Bargaining notes.pdf"), visibility="internal", user=officer)

    officer_page = client_for(officer).get(agreement.get_absolute_url()).content.decode()
    member_page = client_for(member).get(agreement.get_absolute_url()).content.decode()

    assert "Signed MOU.pdf" in officer_page and "Bargaining notes.pdf" in officer_page
    assert "Attach a document" in officer_page
    assert "Signed MOU.pdf" in member_page and "Bargaining notes.pdf" not in member_page
    assert "Attach a document" not in member_page
