"""Records kept in English and Welsh: a field `title` may have a Welsh version `title_cy` beside it.

A page or a document shows the reader's language, and falls back to the other one (saying so) when the record has
no text in theirs. English is the field without a suffix, so that records kept only in English need nothing.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language

WELSH = "cy"
ENGLISH = "en"


def welsh_field(field: str) -> str:
    return f"{field}_{WELSH}"


@dataclass(frozen=True)
class LocalText:
    text: str
    # The language the text is in, and whether that is not the reader's (no version in theirs).
    language: str
    fallback: bool

    def __str__(self):
        return self.text


def text_in(record, field: str, language: str | None = None) -> LocalText:
    """`record.field` in `language` (the active one by default), else in the other language."""
    language = (language or get_language() or ENGLISH).split("-")[0]
    english = getattr(record, field) or ""
    welsh = getattr(record, welsh_field(field), "") or ""
    if language == WELSH:
        return LocalText(welsh, WELSH, False) if welsh else LocalText(english, ENGLISH, bool(english))
    return LocalText(english, ENGLISH, False) if english else LocalText(welsh, WELSH, bool(welsh))


def choice_from_text(choices, text: str) -> str | None:
    """The value of the choice that `text` names: its value, or its label in any language Caucus speaks (a file
    exported by someone reading in Welsh is imported by someone reading in English, and the other way round)."""
    wanted = text.strip().lower()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices:
                if not isinstance(label, list | tuple) and wanted in (str(value).lower(), str(label).lower()):
                    return value
    return None
