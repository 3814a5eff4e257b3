"""The language a document is printed in: English, Welsh, or both (Welsh first, as is the convention in Wales).

The union's `document_language` is the default; the download form and the API's `?lang=` choose another. A
bilingual document is the whole document in Welsh followed by the whole document in English, each with its own
headings and page numbers, in one PDF.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from bargaining.models import DocumentLanguage


def document_language(requested: str | None, union, *, field: str = "lang") -> DocumentLanguage:
    """The language asked for (blank: the union's usual one); ValidationError on `field` for anything else."""
    if not requested:
        return DocumentLanguage(union.document_language)
    if requested not in DocumentLanguage.values:
        raise ValidationError(
            {field: _("Choose en (English), cy (Welsh) or cy+en (bilingual, Welsh first).")}, code="invalid"
        )
    return DocumentLanguage(requested)


def language_choices():
    """The download forms' choices: the union's usual language first (blank), then each language."""
    return [("", _("The union's usual language")), *DocumentLanguage.choices]


def in_each_language(language: DocumentLanguage, build: Callable[[], str]) -> list[str]:
    """`build()` (a document's HTML) once per language of `language`, each with that language active.

    A refusal raised while building (an audience, a period, a record the reader may not see) is for the reader:
    it is raised again in the reader's language, not the document's.
    """
    parts = []
    for code in DocumentLanguage(language).languages:
        try:
            with translation.override(code):
                parts.append(build())
        except Exception:
            parts.append(build())  # raises the same refusal, in the reader's language
            raise
    return parts
