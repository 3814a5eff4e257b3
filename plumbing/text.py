"""Text people type: refuse what no person types on purpose (control characters, lone surrogates).

A lone surrogate cannot even be written out as UTF-8, and control characters hide text from readers.
Tab and line breaks are fine. Used by the API's parser and by every web form.
"""

import re

from django.utils.translation import gettext_lazy as _

# C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone UTF-16 surrogates.
UNCLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
MESSAGE = _("Remove the control characters or broken characters from this text.")


def is_clean(text: str) -> bool:
    return UNCLEAN.search(text) is None


def unclean_fields(data, path: str = "") -> dict[str, list[str]]:
    """The fields of parsed JSON (or of a form's data) holding unclean text, named by their path."""
    errors: dict[str, list[str]] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            name = str(key) if not path else f"{path}.{key}"
            if isinstance(key, str) and not is_clean(key):
                errors[path or "non_field_errors"] = [MESSAGE]
                continue
            errors.update(unclean_fields(value, name))
    elif isinstance(data, list):
        for item in data:
            errors.update(unclean_fields(item, path))
    elif isinstance(data, str) and not is_clean(data):
        errors[path or "non_field_errors"] = [MESSAGE]
    return errors
