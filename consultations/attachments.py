"""Documents attached to records: a notice letter on a proposal or a timeline event, a signed privacy agreement
on a tool, the signed agreement or MOU on an agreement, papers tabled in a session.

Here, in consultations, because it is the lowest layer that sees every record a document is attached to. An
attachment belongs to a union and has a visibility that never exceeds its record's, and it is visible only to
those who may see both it and its record (`visible_to`). The file is checked by its content (never its name),
kept through Django's storage API under a random name (`STORAGES["attachments"]`: a private folder, or an
S3-compatible store), and its text (PDF, DOCX) is kept for search.
"""

import io
import re
import secrets
import unicodedata
import zipfile
from xml.etree import ElementTree

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import UnionOwnedQuerySet, Visibility, is_more_visible, is_site_staff
from bargaining.models import Agreement, NegotiationSession, Union
from plumbing.history import HistoryEntry

MAX_BYTES = 20 * 1024 * 1024
MAX_TEXT = 1_000_000  # characters of extracted text kept for search
MAX_XML = 50 * 1024 * 1024  # a Word document's text, unpacked

# What a document may be, by what its bytes say it is.
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
PNG = "image/png"
JPEG = "image/jpeg"
KINDS = {PDF: "PDF", DOCX: _("Word document"), XLSX: _("Excel workbook"), ODT: _("OpenDocument text"),
         PNG: _("PNG image"), JPEG: _("JPEG image")}  # fmt: skip

# The records a document can be attached to: the field on Attachment, and the model.
# (consultations.models imports this module, so its models are named by label here, not imported.)
OWNERS = {
    "agreement": "bargaining.Agreement",
    "session": "bargaining.NegotiationSession",
    "proposal": "consultations.ProcurementProposal",
    "event": "consultations.ConsultationEvent",
    "tool": "consultations.EdTechTool",
}


def owner_model(name: str):
    return apps.get_model(OWNERS[name])


# Records that carry their own union and visibility; the others are shared reference records.
UNION_OWNED = {
    "agreement": "bargaining_unit__union",
    "session": "bargaining_unit__union",
    "event": "consultation__union",
}


def storage():
    return storages["attachments"]


class AttachmentQuerySet(UnionOwnedQuerySet):
    def visible_to(self, user):
        """Those whose own visibility lets `user` read them, on a record `user` may see."""
        if is_site_staff(user):
            return self.all()
        on_visible_record = Q()
        for name in OWNERS:
            on_visible_record |= Q(**{f"{name}__in": owner_model(name).objects.visible_to(user).values("pk")})
        return self.filter(self.visibility_rule(user)).filter(on_visible_record)


class Attachment(models.Model):
    union = models.ForeignKey(Union, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("union"))
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL, verbose_name=_("visibility")
    )
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("agreement"),
    )
    session = models.ForeignKey(
        NegotiationSession,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("session"),
    )
    proposal = models.ForeignKey(
        "consultations.ProcurementProposal",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("proposal"),
    )
    event = models.ForeignKey(
        "consultations.ConsultationEvent",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("event"),
    )
    tool = models.ForeignKey(
        "consultations.EdTechTool",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("tool"),
    )
    name = models.CharField(
        max_length=200, help_text=_("The file's name as it was sent: for display only."), verbose_name=_("name")
    )
    content_type = models.CharField(max_length=100, choices=list(KINDS.items()), verbose_name=_("content type"))
    size = models.PositiveIntegerField(verbose_name=_("size"))
    # Random, never derived from the name sent: no one chooses where a file is written.
    stored_as = models.CharField(max_length=100, unique=True, editable=False)
    text = models.TextField(
        blank=True, editable=False, help_text=_("The document's text, for search."), verbose_name=_("text")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(auto_now_add=True, verbose_name=_("uploaded at"))
    history = HistoricalRecords(excluded_fields=["text"])

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(agreement__isnull=False, session=None, proposal=None, event=None, tool=None)
                    | Q(agreement=None, session__isnull=False, proposal=None, event=None, tool=None)
                    | Q(agreement=None, session=None, proposal__isnull=False, event=None, tool=None)
                    | Q(agreement=None, session=None, proposal=None, event__isnull=False, tool=None)
                    | Q(agreement=None, session=None, proposal=None, event=None, tool__isnull=False)
                ),
                name="attachment_on_exactly_one_record",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("attachment_download", args=[self.pk])

    @property
    def record(self):
        return next(getattr(self, name) for name in OWNERS if getattr(self, f"{name}_id") is not None)

    def clean(self):
        record = self.record
        ceiling = record_visibility(record)
        if ceiling is not None and is_more_visible(self.visibility, ceiling):
            raise ValidationError(
                {
                    "visibility": (
                        # Translators: %(record)s is a record's name; %(visibility)s is "internal", "members" or
                        # "public", translated on its own.
                        gettext("A document cannot be more visible than “%(record)s”, which is %(visibility)s.")
                        % {"record": record, "visibility": CEILING_WORDS.get(ceiling, ceiling)}
                    )
                }
            )


# How a record's visibility is named in the sentence above ("..., which is internal.").
CEILING_WORDS = {
    Visibility.INTERNAL: pgettext_lazy("a record's visibility, after 'which is'", "internal"),
    Visibility.MEMBERS: pgettext_lazy("a record's visibility, after 'which is'", "members"),
    Visibility.PUBLIC: pgettext_lazy("a record's visibility, after 'which is'", "public"),
}


def record_visibility(record) -> str | None:
    """The least visible of a union-owned record and its ancestors (None for a shared reference record)."""
    if not hasattr(type(record).objects, "with_effective_visibility"):
        return None
    return (
        type(record)
        .objects.with_effective_visibility()
        .values_list("effective_visibility", flat=True)
        .get(pk=record.pk)
    )


def record_union(record):
    """The union that owns a union-owned record (None for a shared reference record)."""
    name = owner_field(record)
    if name not in UNION_OWNED:
        return None
    return type(record).objects.values_list(UNION_OWNED[name], flat=True).get(pk=record.pk)


def owner_field(record) -> str:
    for name in OWNERS:
        if isinstance(record, owner_model(name)):
            return name
    raise TypeError(f"Documents cannot be attached to {type(record).__name__}.")


# Checking what a file is


def sniff(head: bytes, file) -> str:
    """The file's type, read from its bytes (never its name); ValidationError for anything else."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        kind = _zipped_kind(file)
        if kind:
            return kind
    raise ValidationError(
        {"file": gettext("Send a PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), PNG or JPEG file.")}
    )


def _zipped_kind(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ODT
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def display_name(name: str) -> str:
    """The name sent, for display: its last path part, without control characters; never used as a path."""
    name = re.split(r"[/\\]", name or "")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    return name[:200] or "document"


def extract_text(content_type: str, file) -> str:
    """The text of a PDF or Word document, for search; nothing for the others or for a file that will not open."""
    file.seek(0)
    try:
        if content_type == PDF:
            from pypdf import PdfReader

            reader = PdfReader(file)
            text = "\n".join((page.extract_text() or "") for page in reader.pages[:500])
        elif content_type == DOCX:
            with zipfile.ZipFile(file) as archive:
                if archive.getinfo("word/document.xml").file_size > MAX_XML:
                    return ""  # a zip bomb, or a document too long to index
                xml = archive.read("word/document.xml")
            if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
                return ""  # Word never writes these; entities are how XML bombs explode
            root = ElementTree.fromstring(xml)  # noqa: S314 - no DTD, no entities, bounded size (checked above)
            namespace = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            text = "\n".join(
                "".join(node.text or "" for node in paragraph.iter(f"{namespace}t"))
                for paragraph in root.iter(f"{namespace}p")
            )
        else:
            return ""
    except Exception:  # a document whose text cannot be read is still kept, just not searchable
        return ""
    return text[:MAX_TEXT]


def listed_documents(user, **on) -> list[tuple["Attachment", bool]]:
    """The documents matching `on` (`agreement=...`, `event__consultation=...`) that `user` may see, oldest
    first, each with whether `user` may remove it: two queries; none, and nothing shown, for a signed-out reader."""
    if not user.is_authenticated:
        return []
    documents = list(
        Attachment.objects.visible_to(user)
        .filter(**on)
        .defer("text")
        .select_related("union")
        .order_by("uploaded_at", "pk")
    )
    if not documents:
        return []
    # Who may remove a document: the officers of its union.
    removable = set(
        Attachment.objects.editable_by(user).filter(pk__in=[d.pk for d in documents]).values_list("pk", flat=True)
    )
    return [(document, document.pk in removable) for document in documents]


# The one way in and out


def _too_large() -> str:
    return gettext("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // (1024 * 1024)}


@transaction.atomic
def attach_document(*, record, upload, visibility: str, user, union=None) -> Attachment:
    """Attach an uploaded file to `record` (whose editor `user` is: the caller checks). The union is the record's
    own, or for a shared record (a tool, a proposal) one `user` is an officer of. Raises ValidationError naming
    the field at fault."""
    if upload.size > MAX_BYTES:  # refused by its size, before it is read
        raise ValidationError({"file": _too_large()})
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": _too_large()})
    content_type = sniff(data[:8], io.BytesIO(data))
    owning_union = record_union(record)
    if owning_union is None:
        if union is None or not Union.objects.editable_by(user).filter(pk=getattr(union, "pk", union)).exists():
            raise ValidationError({"union": gettext("Choose a union you are an officer of.")})
        owning_union = getattr(union, "pk", union)
    attachment = Attachment(
        union_id=owning_union,
        visibility=visibility,
        name=display_name(upload.name),
        content_type=content_type,
        size=len(data),
        stored_as=f"attachments/{secrets.token_hex(20)}",
        text=extract_text(content_type, io.BytesIO(data)),
        uploaded_by=user if user is not None and user.is_authenticated else None,
        **{owner_field(record): record},
    )
    attachment.full_clean(exclude=["stored_as"])
    attachment.stored_as = storage().save(attachment.stored_as, File(io.BytesIO(data)))
    attachment._history_user = attachment.uploaded_by
    attachment.save()
    return attachment


@transaction.atomic
def remove_document(*, attachment: Attachment, user) -> None:
    """Remove a document from its record: its history row says who removed it and when. The stored file goes
    once the removal is committed."""
    attachment._history_user = user if user is not None and user.is_authenticated else None
    stored_as = attachment.stored_as
    attachment.delete()
    transaction.on_commit(lambda: storage().delete(stored_as))


def document_history(record, user, *, limit: int = 50) -> list[HistoryEntry]:
    """The documents added to and removed from `record` (whose reader `user` is: the caller checks), newest first,
    each judged by its own visibility and union, as the page of documents is; who added or removed one is named
    only to its union's leadership (signed-out readers get nothing). Two queries."""
    if not user.is_authenticated:
        return []
    rows = list(
        Attachment.history.filter(**{f"{owner_field(record)}_id": record.pk}, history_type__in=["+", "-"])
        .filter(Attachment.objects.visibility_rule(user))
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    authors_shown = set(
        Attachment.history.filter(history_id__in=[row.history_id for row in rows])
        .filter(Attachment.objects.authors_visible_to(user))
        .values_list("history_id", flat=True)
    ) if rows else set()  # fmt: skip
    return [
        HistoryEntry(
            row.history_date,
            row.history_user if row.history_id in authors_shown else None,
            "document_added" if row.history_type == "+" else "document_removed",
            subject=row.name,
        )
        for row in rows
    ]
