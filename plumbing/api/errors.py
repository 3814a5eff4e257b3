"""The API's errors: every one answers in JSON, with the field at fault where there is one."""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from plumbing.http import too_large


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record has changed since you read it. Fetch it again, then repeat your change.")
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _(
        "Send the record's ETag as If-Match (read the record first), so that a change made by someone else "
        "since you read it is not overwritten."
    )
    default_code = "precondition_required"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("Other records depend on this one, so it cannot be deleted.")
    default_code = "conflict"


def as_drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A model or service ValidationError as a DRF 400 with field errors."""
    if hasattr(error, "error_dict"):
        detail = {
            (api_settings.NON_FIELD_ERRORS_KEY if field == "__all__" else field): messages
            for field, messages in error.message_dict.items()
        }
        return serializers.ValidationError(detail)
    return serializers.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages})


def exception_handler(exc, context):
    """DRF's handler, plus a body too large to read (413). Anything else unhandled is a JSON 500 (plumbing.http)."""
    if isinstance(exc, RequestDataTooBig):
        return too_large()
    return drf_exception_handler(exc, context)


def service_call(function, **kwargs):
    """Call a workflow service, turning its ValidationError into a DRF 400 naming the fields."""
    try:
        return function(**kwargs)
    except DjangoValidationError as error:
        raise as_drf_error(error) from error
