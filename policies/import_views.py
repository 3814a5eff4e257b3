"""The import page: an officer uploads a spreadsheet, reads the dry run row by row, then confirms it.

The file is kept server-side between the two steps (plumbing.imports.keep_upload), so the confirmation applies
exactly the file that was previewed, and only for the officer who uploaded it.
"""

import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bargaining.models import Union
from plumbing.export import XLSX_TYPE
from plumbing.imports import (
    MAX_BYTES,
    BadFile,
    check_size,
    drop_upload,
    keep_upload,
    kept_upload,
    read_table,
    run_import,
)
from policies.imports import KINDS
from policies.takeout import import_workbook, union_workbook

ONLY_OFFICERS = gettext_lazy("Only union officers may import records.")


# A workbook from "Take everything out": a sheet per kind, imported in the kinds' order, all or nothing.
EVERYTHING = "everything"


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What the file holds"),
        choices=[
            # The kinds are named as the sheets and the template files are: not translated.
            *((name, name) for name in KINDS),
            (EVERYTHING, gettext_lazy("everything: a workbook with a sheet per kind (from “Take everything out”)")),
        ],
    )
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel file"),
        help_text=format_lazy(
            gettext_lazy("A .csv (UTF-8 or Windows-1252) or .xlsx file of at most {size} MB."),
            size=MAX_BYTES // (1024 * 1024),
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


def _refuse_unless_officer(user) -> None:
    if not Union.objects.editable_by(user).exists():
        raise PermissionDenied(ONLY_OFFICERS)


@login_required
def import_page(request):
    _refuse_unless_officer(request.user)
    if request.method == "POST" and request.POST.get("token"):
        return _apply(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = _context(request, form)
    if request.method != "POST":
        return render(request, "policies/import.html", context)
    if not form.is_valid():
        return render(request, "policies/import.html", context, status=400)
    upload, kind = form.cleaned_data["file"], form.cleaned_data["kind"]
    try:
        check_size(upload.size)  # before a byte of it is read
        data = upload.read()
        reports = import_file(kind, upload.name, data, user=request.user, dry_run=True)
    except BadFile as error:
        form.add_error("file", str(error))
        return render(request, "policies/import.html", context, status=400)
    refused = any(report.refused for report in reports)
    if not refused and any(report.new_count + report.changed_count for report in reports):
        context["token"] = keep_upload(user=request.user, kind=kind, name=upload.name, data=data)
    context.update(reports=reports, file_name=upload.name, refused=refused)
    return render(request, "policies/import.html", context, status=400 if refused else 200)


def _apply(request):
    """Apply the previewed file: all its rows in one transaction, or none (a row may fail now that did not then)."""
    token = request.POST["token"]
    kept = kept_upload(user=request.user, token=token)
    context = _context(request, UploadForm())
    if kept is None:
        context["gone"] = True
        return render(request, "policies/import.html", context, status=410)
    try:
        reports = import_file(kept["kind"], kept["name"], kept["data"], user=request.user, dry_run=False)
    except BadFile as error:  # the same file read the same way: only if the kinds' columns changed meanwhile
        context["form"].add_error(None, str(error))
        return render(request, "policies/import.html", context, status=400)
    applied = all(report.applied for report in reports)
    if applied:
        drop_upload(token)
    else:
        context["token"] = token
    context.update(reports=reports, file_name=kept["name"], applied=applied)
    return render(request, "policies/import.html", context, status=200 if applied else 409)


def import_file(kind: str, name: str, data: bytes, *, user, dry_run: bool):
    """The reports of one kind's file, or of every sheet of a union's workbook (EVERYTHING)."""
    if kind == EVERYTHING:
        if not name.lower().endswith(".xlsx"):
            raise BadFile(_("A whole union's record is an Excel workbook (.xlsx), as “Take everything out” gives it."))
        return import_workbook(data, user=user, source=name, dry_run=dry_run)
    table = read_table(name, data)
    return [run_import(KINDS[kind], table, user=user, source=name, dry_run=dry_run)]


def _context(request, form) -> dict:
    return {"form": form, "kinds": KINDS, "unions": Union.objects.editable_by(request.user)}


@login_required
def import_template(request, kind):
    """A kind's template: its header row and one example row, as CSV for any spreadsheet."""
    if kind not in KINDS:
        raise Http404(_("No such kind of record."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="caucus-{kind}-template.csv"'
    response.write("\ufeff")
    csv.writer(response).writerows(KINDS[kind].template())
    return response


@login_required
def union_export(request, slug):
    """Everything a union owns, as one workbook in the import's columns: for its officers only (404 otherwise)."""
    union = get_object_or_404(Union.objects.editable_by(request.user), slug=slug)
    response = FileResponse(
        union_workbook(union, request.user),
        as_attachment=True,
        filename=f"caucus-{union.slug}-everything.xlsx",
        content_type=XLSX_TYPE,
    )
    response["Cache-Control"] = "private, no-store"
    return response
