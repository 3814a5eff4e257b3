"""Records in English and Welsh on pages and in documents: `{% load bilingual %}`.

`{{ position|local:"title" }}` is the title in the reader's language (else the other one);
`{% local_text position "rationale" as rationale %}` gives the text, its language and whether it fell back, for the
note that says so (`_partials/fallback_note.html`).
"""

from django import template

from plumbing.bilingual import LocalText, text_in

register = template.Library()


@register.filter
def local(record, field: str) -> str:
    return text_in(record, field).text


@register.simple_tag
def local_text(record, field: str) -> LocalText:
    return text_in(record, field)
