"""Documents attached to records on the web: upload (by those who may edit the record), download (only
through the access rule, as an attachment, never cached by a shared cache) and removal."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from bargaining.access import Visibility
from bargaining.models import Union
from consultations.attachments import (
    MAX_BYTES,
    OWNERS,
    Attachment,
    attach_document,
    owner_model,
    remove_document,
    storage,
)
from plumbing.forms import add_service_errors
from plumbing.pages import get_editable_or_403
from plumbing.records import may_edit


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=format_lazy(
            gettext_lazy("PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), PNG or JPEG; at most {size} MB."),
            size=MAX_BYTES // (1024 * 1024),
        ),
    )
    visibility = forms.ChoiceField(
        label=gettext_lazy("Visibility"), choices=Visibility.choices, initial=Visibility.INTERNAL
    )
    union = forms.ModelChoiceField(
        label=gettext_lazy("Union"),
        queryset=Union.objects.none(),
        required=False,
        help_text=gettext_lazy("The union it is for."),
    )

    def __init__(self, *args, unions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if unions is None:
            del self.fields["union"]  # the record's own union
        else:
            self.fields["union"].queryset = unions
            self.fields["union"].required = True


def _record(owner: str, pk: int, user):
    if owner not in OWNERS:
        raise Http404("No such kind of record.")
    return get_editable_or_403(owner_model(owner), user, pk=pk)


@login_required
def attachment_create(request, owner, pk):
    record = _record(owner, pk, request.user)
    shared = owner in ("proposal", "tool")
    unions = Union.objects.editable_by(request.user) if shared else None
    form = AttachmentForm(request.POST or None, request.FILES or None, unions=unions)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                attach_document(
                    record=record,
                    upload=form.cleaned_data["file"],
                    visibility=form.cleaned_data["visibility"],
                    union=form.cleaned_data.get("union"),
                    user=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Document attached."))
                return redirect(record)
    context = {"form": form, "record": record}
    return render(request, "consultations/attachment_form.html", context, status=status)


@login_required
def attachment_download(request, pk):
    """The file, for those who may see it and its record (404 otherwise), as a download the browser must not
    sniff or show inline, and that no shared cache keeps."""
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
    return download(attachment)


def download(attachment) -> FileResponse:
    response = FileResponse(
        storage().open(attachment.stored_as, "rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_remove(request, pk):
    attachment = get_object_or_404(Attachment.objects.visible_to(request.user), pk=pk)
    if not may_edit(request.user, attachment):
        raise PermissionDenied(_("Only the officers of the union the document belongs to may remove it."))
    record = attachment.record
    remove_document(attachment=attachment, user=request.user)
    messages.success(request, _("Document removed. Its history keeps who added and removed it."))
    return redirect(record)
