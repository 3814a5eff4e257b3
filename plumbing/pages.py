"""Helpers shared by the web pages of every app: filtered lists, guarded fetches, record forms and histories,
highlights."""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from plumbing.forms import add_service_errors, refuse_stale_save
from plumbing.history import visible_history
from plumbing.keyset import CURSOR_PARAM, InvalidCursor, KeysetPage, keyset_page
from plumbing.lookups import label_lookups
from plumbing.records import (
    DeletionRefused,
    StaleEditError,
    delete_record,
    deletion_blockers,
    is_archivable,
    may_edit,
    record_version,
    save_record,
    set_archived,
)

PER_PAGE = 25
# django-filter's label for "no choice", which the lists show as "Any".
DEFAULT_EMPTY_LABEL = "---------"


def filtered_page(
    request, filterset_class, queryset, *, per_page=PER_PAGE, choice_related=None, labels=None, primary=None
):
    """Filter `queryset` by the request's query string and cut out the requested page.

    Invalid filters never fall back to the whole list: the page shows the errors and no rows.
    `choice_related` ({"proposal": ["employer"]}) joins what a filter's choice labels print, so that
    rendering the filter form costs one query per select, not one per choice. `labels` renames filters
    for people; `primary` names the filters shown first, the others folding under "More filters".
    """
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    for name, related in (choice_related or {}).items():
        field = filterset.form.fields[name]
        field.queryset = field.queryset.select_related(*related)
    tune_filter_form(filterset.form, labels=labels, primary=primary)
    rows = filterset.qs if filterset.is_valid() else queryset.none()
    page = list_page(request, rows, per_page=per_page)
    query = request.GET.copy()
    query.pop(CURSOR_PARAM, None)
    return {
        "filter": filterset,
        "page_obj": page,
        "rows": page.rows,
        "query": query.urlencode(),
        "active_filters": active_filters(request, filterset.form),
    }


# A list says how many rows it holds up to this many, then "more than": counting further costs a scan.
COUNT_LIMIT = 1000


def list_page(request, rows, *, per_page=PER_PAGE) -> KeysetPage:
    """The page of `rows` named by the request's cursor (plumbing.keyset: a deep page costs what the first costs),
    with `count` (at most COUNT_LIMIT + 1, one bounded query) and `count_text` ("1,000+") for the heading."""
    try:
        page = keyset_page(rows, request.GET.get(CURSOR_PARAM), per_page=per_page)
    except InvalidCursor as refused:
        # Translators: %(reason)s is a sentence saying why the page asked for cannot be shown.
        messages.warning(request, _("%(reason)s Showing the first page.") % {"reason": refused})
        page = keyset_page(rows, None, per_page=per_page)
    page.count = rows.order_by()[: COUNT_LIMIT + 1].count()
    page.count_text = f"{COUNT_LIMIT:,}+" if page.count > COUNT_LIMIT else str(page.count)
    return page


def active_filters(request, form) -> list[dict]:
    """The filters in use, each with the address of the same list without it: what to change when nothing matches."""
    used = []
    for name, field in form.fields.items():
        if name == "ordering" or not any(request.GET.getlist(name)):
            continue
        query = request.GET.copy()
        query.pop(name, None)
        query.pop(CURSOR_PARAM, None)
        used.append({"label": str(field.label or name).lower(), "without": f"{request.path}?{query.urlencode()}"})
    return used


def tune_filter_form(form, *, labels=None, primary=None):
    """Readable labels, "Any" for an empty choice, and the primary filters first."""
    for name, label in (labels or {}).items():
        form.fields[name].label = label
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.widget.input_type = "date"
        if isinstance(field, forms.ModelChoiceField):
            # (Not `hasattr(field, "queryset")`: asking builds the choices of a VisibleRowsField.)
            if field.empty_label is not None:
                field.empty_label = pgettext("filter choice matching every value", "Any")
        elif getattr(field, "choices", None):
            # Only the rendering changes: validation still checks against the field's own choices. A filter
            # that names its own empty choice ("Hide archived") keeps it.
            empty = next((label for value, label in field.choices if value == ""), None)
            if empty in (None, DEFAULT_EMPTY_LABEL):
                empty = pgettext("filter choice matching every value", "Any")
            field.widget.choices = [("", empty), *((value, label) for value, label in field.choices if value != "")]
    label_lookups(form)
    if primary:
        form.order_fields(primary)
    form.primary_filters = list(primary or form.fields)
    form.more_filters = [name for name in form.fields if name not in form.primary_filters and name != "ordering"]
    form.more_active = any(form.data.get(name) for name in form.more_filters)


def get_visible_or_404(model_or_queryset, user, **lookup):
    queryset = getattr(model_or_queryset, "objects", model_or_queryset)
    return get_object_or_404(queryset.visible_to(user), **lookup)


def require_may_add(model, user, message: str) -> None:
    """403 with `message` unless the model's own rule (`may_add`) lets `user` add records of it."""
    if not model._default_manager.may_add(user):
        raise PermissionDenied(message)


def get_editable_or_403(model, user, **lookup):
    """The object to change: 404 when `user` may not even see it, 403 when they may see but not change it."""
    obj = get_visible_or_404(model, user, **lookup)
    if not may_edit(user, obj):
        raise PermissionDenied(
            _(
                "You may read this record, but only officers may change it: the officers of the union that owns it, "
                "or of any union for shared records such as tools and proposals."
            )
        )
    return obj


def highlight(text: str, words: list[str], *, word_starts: bool = False):
    """`text` escaped, with each occurrence of `words` wrapped in <mark> (with `word_starts`, each whole word
    that starts with one of them: a stem marks "monitoring" whole).

    The raw text is split at the matches and every piece is escaped on its own, so neither the text nor
    the search words can inject markup, and a match never lands inside an escaped entity.
    """
    text = text or ""
    if not words:
        return escape(text)
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\w*" if word_starts else alternatives, re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(str(escape(text[last : match.start()])))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(str(escape(text[last:])))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def excerpt(text: str, words: list[str], *, width: int = 240) -> str:
    """A window of `text` around the first match (or its start), for result lists."""
    text = " ".join((text or "").split())
    start = 0
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words if word.lower() in lowered]
    if positions:
        start = max(0, min(positions) - width // 3)
        if start:
            # Begin at a word, not inside one.
            start = text.find(" ", start) + 1 or start
    piece = text[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


# Translated where it is shown (record_form_page), so that the constant stays plain English text.
STALE_MESSAGE = gettext_noop(
    "Someone else saved this record after you opened it. Your changes are below and have NOT been saved: "
    "compare them with the record as it is now (its history shows what changed), then save again to replace it."
)


def record_form_page(
    request, form, *, template: str, context: dict | None = None, saved: str, save=None, hidden_fields=()
):
    """The page of a record's add or edit form: GET shows it; a valid POST saves and goes to the record.

    Invalid input answers 400 with the errors by their fields; an edit over someone else's newer save answers
    409 with STALE_MESSAGE and the record's latest changes (`meanwhile`, without `hidden_fields`). Either way
    the form keeps everything that was typed. `save(form)` writes the record (a service, for writes that touch
    several rows); by default plumbing.records.save_record.
    """
    status = 200
    context = dict(context or {})
    if request.method == "POST":
        if form.is_valid():
            try:
                if save is not None:
                    record = save(form)
                else:
                    record = save_record(form, user=request.user, read_version=form.cleaned_data.get("read_version"))
            except StaleEditError as stale:
                refuse_stale_save(
                    form, _(STALE_MESSAGE), version_field="read_version", current=record_version(stale.current)
                )
                context["meanwhile"] = visible_history(
                    stale.current, request.user, hidden_fields=hidden_fields, limit=MEANWHILE
                )
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                messages.success(request, saved)
                return redirect(record)
        else:
            status = 400
    return render(request, template, {"form": form, **context}, status=status)


# How many of a record's latest changes a refused save shows: the one the user missed is among them.
MEANWHILE = 3


def delete_page(request, record, *, gone_to: str, template: str = "confirm_delete.html", context: dict | None = None):
    """Ask before deleting `record`, saying why it cannot be when it cannot; a POST deletes it (or answers 409).

    The caller has checked that the user may change the record (get_editable_or_403).
    """
    status = 200
    if request.method == "POST":
        try:
            delete_record(record, user=request.user)
        except DeletionRefused as refused:
            reason, status = str(refused), 409
        else:
            # Translators: %(kind)s is a kind of record ("vendor"), %(record)s its name.
            deleted = _("Deleted %(kind)s “%(record)s”.") % {"kind": record._meta.verbose_name, "record": record}
            messages.success(request, deleted)
            return redirect(gone_to)
    else:
        reason = deletion_blockers(record, request.user)
    return render(
        request,
        template,
        {"record": record, "reason": reason, "archivable": is_archivable(record), **(context or {})},
        status=status,
    )


def archive_action(request, record):
    """POST `archive` or `restore` for a record that can be archived; back to the record with a message."""
    if request.method != "POST":
        return redirect(record)
    archived = request.POST.get("action") != "restore"
    record = set_archived(record, user=request.user, archived=archived)
    noun = record._meta.verbose_name
    if archived:
        message = _(
            "Archived this %(kind)s: it is no longer offered in forms or default lists. Restore it any time."
        ) % {"kind": noun}
    else:
        message = _("Restored this %(kind)s: it is offered in forms and lists again.") % {"kind": noun}
    messages.success(request, message)
    return redirect(record)


def history_page(request, record, *, hidden_fields=(), template: str = "history.html", context: dict | None = None):
    """A record's history page: who changed which fields, when, old → new, as this reader may see it."""
    return render(
        request,
        template,
        {
            "record": record,
            "history": visible_history(record, request.user, hidden_fields=hidden_fields),
            **(context or {}),
        },
    )
