"""`{% attachments_of "agreement" agreement %}`: a record's documents as its reader may see them, with the
upload link for its editors; `{% history_with_documents history record as history %}`: a record's history with
the documents added and removed. Tags, so that lower-layer pages show them without importing this layer."""

from django import template

from consultations.attachments import OWNERS, Attachment, document_history, owner_model
from plumbing.history import with_entries
from plumbing.records import may_edit

register = template.Library()


@register.inclusion_tag("_partials/attachments.html", takes_context=True)
def attachments_of(context, kind: str, record):
    user = context["request"].user
    if not user.is_authenticated:
        return {"show": False}
    documents = list(Attachment.objects.visible_to(user).filter(**{kind: record}).defer("text").select_related("union"))
    # Who may remove a document: the officers of its union (one query for all of them).
    mine = Attachment.objects.editable_by(user).filter(pk__in=[document.pk for document in documents])
    editable = set(mine.values_list("pk", flat=True)) if documents else set()
    return {
        "show": True,
        "kind": kind,
        "record": record,
        "documents": [(document, document.pk in editable) for document in documents],
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
