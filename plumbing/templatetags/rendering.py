"""Template filters for text people typed: `{% load rendering %}`."""

from django import template

from plumbing.markdown import markdown_html

register = template.Library()


@register.filter(name="markdown")
def markdown(text):
    """Markdown typed by a user, as sanitised HTML: the very renderer the printed documents use."""
    return markdown_html(text or "")


@register.filter
def verbose_name(record) -> str:
    """The name of a record's kind, as people say it: "EdTech tool", "negotiation session"."""
    return str(record._meta.verbose_name)


@register.filter
def field(form, name: str):
    """A form's field by name, for templates that lay a form out in groups: `form|field:"title"`."""
    return form[name]


@register.filter
def split(text: str) -> list[str]:
    """Words of a string, for naming fields in a template: `"title topic"|split`."""
    return text.split()
