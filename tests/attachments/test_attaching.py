"""Attaching a document: by its content only, 20 MB at most, under a random name, with its text for search."""

import pytest
from django.core.exceptions import ValidationError

from consultations import attachments
from consultations.attachments import DOCX, PDF, Attachment, attach_document, remove_document, storage
from tests.attachments.conftest import docx_bytes, upload


def test_an_officer_attaches_the_signed_agreement_and_its_text_is_kept_for_search(officer, agreement):
    attachment = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)

    assert (attachment.content_type, attachment.union, attachment.name) == (
        PDF,
        agreement.bargaining_unit.union,
        "notice.pdf",
    )
    assert "GradeGenie" in attachment.text
    assert attachment.history.get().history_user == officer


def test_a_word_documents_text_is_kept_too(officer, agreement):
    attachment = attach_document(
        record=agreement, upload=upload("mou.docx", docx_bytes()), visibility="members", user=officer
    )

    assert attachment.content_type == DOCX and "Signed privacy agreement" in attachment.text


def test_a_program_renamed_pdf_is_refused(officer, agreement):
    with pytest.raises(ValidationError) as refused:
        attach_document(
            record=agreement,
            upload=upload("letter.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),
            visibility="members",
            user=officer,
        )

    assert "file" in refused.value.message_dict
    assert not Attachment.objects.exists()


def test_a_zip_that_is_no_office_document_is_refused(officer, agreement, tmp_path):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    with pytest.raises(ValidationError):
        attach_document(record=agreement, upload=upload("mou.docx", out.getvalue()), visibility="members", user=officer)


def test_a_file_over_20_mb_is_refused_by_its_size_before_it_is_read(officer, agreement):
    big = upload()
    big.size = attachments.MAX_BYTES + 1

    with pytest.raises(ValidationError) as refused:
        attach_document(record=agreement, upload=big, visibility="members", user=officer)

    assert "20 MB" in refused.value.message_dict["file"][0]
    assert big.file.tell() == 0  # not a byte read


def test_a_path_in_the_file_name_is_kept_for_display_only(officer, agreement, attachments_folder):
    attachment = attach_document(
        record=agreement, upload=upload("../../etc/passwd.pdf"), visibility="members", user=officer
    )

    assert attachment.name == "passwd.pdf"
    assert attachment.stored_as.startswith("attachments/") and "passwd" not in attachment.stored_as
    assert [path.parent for path in attachments_folder.rglob("*") if path.is_file()] == [
        attachments_folder / "attachments"
    ]


def test_a_document_cannot_be_more_visible_than_its_record(officer, agreement):
    with pytest.raises(ValidationError) as refused:
        attach_document(record=agreement, upload=upload(), visibility="public", user=officer)

    assert "visibility" in refused.value.message_dict


def test_a_document_on_a_shared_record_belongs_to_a_union_the_uploader_leads(officer, other_union, tool):
    with pytest.raises(ValidationError) as refused:
        attach_document(record=tool, upload=upload(), visibility="internal", user=officer, union=other_union)

    assert "union" in refused.value.message_dict


def test_removing_a_document_keeps_its_history_and_drops_the_file(
    officer, agreement, django_capture_on_commit_callbacks
):
    attachment = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)
    stored_as = attachment.stored_as

    with django_capture_on_commit_callbacks(execute=True):
        remove_document(attachment=attachment, user=officer)

    assert not Attachment.objects.exists()
    assert [row.history_type for row in Attachment.history.order_by("history_date")] == ["+", "-"]
    assert Attachment.history.filter(history_type="-").get().history_user == officer
    assert not storage().exists(stored_as)


def test_a_documents_text_is_found_by_the_search_for_those_who_may_see_it(client_for, officer, member, agreement):
    attach_document(record=agreement, upload=upload("Notice.pdf"), visibility="internal", user=officer)

    found = client_for(officer).get("/search/", {"q": "GradeGenie"}).content.decode()
    hidden = client_for(member).get("/search/", {"q": "GradeGenie"}).content.decode()

    assert "Notice.pdf" in found
    assert "Notice.pdf" not in hidden
