"""What every Caucus API endpoint shares: scoping, the write rule, ETags, pagination, errors, schema.

errors.py (JSON errors, 412/428/409), schema.py (the answers each operation can give), fields.py (scoped,
bounded references), serializers.py (CaucusSerializer), viewsets.py (CaucusViewSet).
"""

from plumbing.api.errors import (
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    as_drf_error,
    exception_handler,
    service_call,
)
from plumbing.api.fields import MAX_INTEGER, MAX_LINKS, VisibleManyRelatedField, VisibleRelatedField
from plumbing.api.schema import ERROR, VALIDATION_ERROR, CaucusAutoSchema
from plumbing.api.serializers import CaucusSerializer
from plumbing.api.viewsets import CaucusPermission, CaucusViewSet, CleanJSONParser, JSONAnswers
from plumbing.pagination import CaucusPagination

__all__ = [
    "ERROR",
    "MAX_INTEGER",
    "MAX_LINKS",
    "VALIDATION_ERROR",
    "CaucusAutoSchema",
    "CaucusPagination",
    "CaucusPermission",
    "CaucusSerializer",
    "CaucusViewSet",
    "CleanJSONParser",
    "Conflict",
    "JSONAnswers",
    "PreconditionFailed",
    "PreconditionRequired",
    "VisibleManyRelatedField",
    "VisibleRelatedField",
    "as_drf_error",
    "exception_handler",
    "service_call",
]
