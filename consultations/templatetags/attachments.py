"""`{% attachments_of "agreement" agreement %}`: a record's documents as its reader may see them, with the
upload link for its editors; `{% history_with_documents history record as history %}`: a record's history with
the documents added and removed. Tags, so that lower-layer pages show them without importing this layer."""

from django import template

from consultations.attachments import OWNERS, document_history, listed_documents, owner_model
from plumbing.history import with_entries
from plumbing.records import may_edit

register = template.Library()


@register.inclusion_tag("_partials/attachments.html", takes_context=True)
def attachments_of(context, kind: str, record):
    user = context["request"].user
    if not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "kind": kind,
        "record": record,
        "documents": listed_documents(user, **{kind: record}),
        "may_attach": may_edit(user, record),
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag(takes_context=True)
def history_with_documents(context, history, record):
    """`history` (plumbing.history.visible_history) with the documents added to and removed from `record`, for
    the records that hold documents; any other record's history as it is."""
    if not any(isinstance(record, owner_model(name)) for name in OWNERS):
        return history
    return with_entries(history, document_history(record, context["request"].user))
