"""Test clients: an API client that reads a record before it changes it, as real clients must.

The API answers 428 to PUT, PATCH, DELETE and workflow steps that carry no If-Match. `ReadFirstAPIClient`
sends the ETag it reads from the record's address first, unless the test gives its own `HTTP_IF_MATCH`
or asks for a bare client (`read_first=False`) to test the 428 itself.
"""

import re

from rest_framework.test import APIClient

# /api/v1/<collection>/<id>/ and the workflow steps under it (adopt/, publish/, stage/).
_DETAIL = re.compile(r"^(?P<detail>/api/v1/[a-z-]+/\d+/)(?P<step>adopt/|publish/|stage/)?(\?.*)?$")


class ReadFirstAPIClient(APIClient):
    read_first = True

    def _with_etag(self, path, extra):
        match = _DETAIL.match(path)
        if not self.read_first or "HTTP_IF_MATCH" in extra or match is None:
            return extra
        response = self.get(match["detail"])
        if response.status_code == 200 and response.has_header("ETag"):
            extra = {**extra, "HTTP_IF_MATCH": response["ETag"]}
        return extra

    def put(self, path, *args, **extra):
        return super().put(path, *args, **self._with_etag(path, extra))

    def patch(self, path, *args, **extra):
        return super().patch(path, *args, **self._with_etag(path, extra))

    def delete(self, path, *args, **extra):
        return super().delete(path, *args, **self._with_etag(path, extra))

    def post(self, path, *args, **extra):
        match = _DETAIL.match(path)
        if match is not None and match["step"]:
            extra = self._with_etag(path, extra)
        return super().post(path, *args, **extra)
