"""Documents kept in an S3-compatible object store (ATTACHMENTS_S3_BUCKET), against an S3 endpoint in memory
(moto): the settings' own configuration stores, serves and deletes them, privately."""

import functools
import json
import os
import subprocess
import sys

import boto3
import pytest
from django.conf import settings as django_settings
from moto import mock_aws

from consultations.attachments import attach_document, remove_document
from tests.attachments.conftest import pdf_bytes, upload

BUCKET = "union-documents"
S3_ENV = {"ATTACHMENTS_S3_BUCKET": BUCKET, "ATTACHMENTS_S3_REGION": "eu-west-2", "ATTACHMENTS_S3_PREFIX": "caucus"}


def configured_storage(env: dict) -> dict:
    return json.loads(_configured_storage(tuple(sorted(env.items()))))


@functools.cache
def _configured_storage(env: tuple) -> str:
    """STORAGES["attachments"] as config/settings.py makes it from `env`, read in a fresh process (once)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['attachments'], default=str))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true", **dict(env)}
    environment.pop("ATTACHMENTS_DIR", None)
    done = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True,
        cwd=django_settings.BASE_DIR,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def test_the_bucket_variables_configure_a_private_object_store():
    storage = configured_storage(S3_ENV)

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert (options["bucket_name"], options["region_name"], options["location"]) == (BUCKET, "eu-west-2", "caucus")
    # Private objects, never overwritten, reached only through signed URLs (which Caucus never hands out).
    assert (options["default_acl"], options["file_overwrite"], options["querystring_auth"]) == ("private", False, True)


def test_without_a_bucket_documents_stay_in_a_private_folder():
    assert configured_storage({"ATTACHMENTS_S3_BUCKET": ""})["BACKEND"].endswith("FileSystemStorage")


@pytest.fixture
def s3(settings, monkeypatch):
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing")):
        monkeypatch.setenv(name, value)
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-2")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        settings.STORAGES = {**settings.STORAGES, "attachments": configured_storage(S3_ENV)}
        yield client


def _keys(client) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def test_a_document_is_stored_privately_in_the_bucket_and_served_only_through_caucus(
    s3, client_for, officer, member, agreement
):
    document = attach_document(record=agreement, upload=upload("Signed MOU.pdf"), visibility="internal", user=officer)

    (key,) = _keys(s3)
    assert key == f"caucus/{document.stored_as}" and "MOU" not in key
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner's only: nothing public
    download = client_for(officer).get(document.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    assert client_for(member).get(document.get_absolute_url()).status_code == 404


def test_removing_a_document_deletes_its_object(s3, officer, agreement, django_capture_on_commit_callbacks):
    document = attach_document(record=agreement, upload=upload(), visibility="members", user=officer)

    with django_capture_on_commit_callbacks(execute=True):
        remove_document(attachment=document, user=officer)

    assert _keys(s3) == []
