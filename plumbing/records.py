"""Operations on any record that follows Caucus's conventions: scoped querysets and the model's own rules."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext


class StaleEditError(Exception):
    """Someone saved the record after the person editing it read it: their edit must not overwrite it."""

    def __init__(self, current):
        super().__init__(f"{current} has changed since it was read.")
        self.current = current


def record_version(instance) -> str:
    """A short fingerprint of the record's stored values: an edit form carries the one it was read at."""
    values = [(field.attname, getattr(instance, field.attname)) for field in instance._meta.concrete_fields]
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


@transaction.atomic
def save_record(form, *, user, read_version: str | None = None):
    """Save a record's form (create or edit) with `user` in its history; an edit of a record that changed
    since `read_version` raises StaleEditError instead. For plain records only: writes that touch several
    rows have a service of their own."""
    instance = form.instance
    if instance.pk is not None and read_version is not None:
        current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
        if record_version(current) != read_version:
            raise StaleEditError(current)
    record = form.save(commit=False)
    if user is not None and user.is_authenticated:
        record._history_user = user
    record.save()
    form.save_m2m()
    return record


def may_edit(user, obj) -> bool:
    """Whether `user` may change `obj`: the model's own `editable_by` rule, applied to one row."""
    return type(obj)._default_manager.editable_by(user).filter(pk=obj.pk).exists()


def clean_links(instance, links: dict) -> dict[str, list[str]]:
    """Run the model's rules for many-to-many links, `clean_<field>(values)`, and collect their messages.

    `clean()` cannot see links (they are set after the row is saved), so a model states each link rule as
    `clean_<field>`; record forms, serializers and the admin all call them through this function.
    """
    errors = {}
    for name, values in links.items():
        rule = getattr(instance, f"clean_{name}", None)
        if rule is None:
            continue
        try:
            rule(list(values))
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def with_hidden_links(instance, name: str, chosen, user) -> list:
    """`chosen`, plus the records already linked that `user` may not see: those are not theirs to drop."""
    if instance.pk is None:
        return list(chosen)
    linked = getattr(instance, name)
    if not hasattr(linked, "visible_to"):
        return list(chosen)
    hidden = linked.exclude(pk__in=linked.model._default_manager.visible_to(user).values("pk"))
    return [*chosen, *hidden]


# Retiring records: archive what others still point to; delete only what was never tabled, adopted or published.


class DeletionRefused(Exception):
    """A record that must not be deleted: others depend on it, or it was tabled, adopted or published."""


def deletion_blockers(record, user) -> str | None:
    """Why `record` may not be deleted, in words for `user`, or None when it may be (nothing is deleted here).

    The model's own rule first (`deletion_refusal()`: what was ever tabled, adopted or published stays), then
    the records that depend on it through a protected link.
    """
    refusal = record.deletion_refusal() if hasattr(record, "deletion_refusal") else None
    if refusal:
        return refusal
    collector = Collector(using=router.db_for_write(type(record)), origin=record)
    try:
        collector.collect([record])
    except ProtectedError as error:
        return dependants_message(record, error.protected_objects, user)
    except RestrictedError as error:
        return dependants_message(record, error.restricted_objects, user)
    return None


@transaction.atomic
def delete_record(record, *, user) -> None:
    """Delete `record` with `user` in its history, or raise DeletionRefused saying why not.

    The one way a record is deleted, from the web, the API and the admin alike.
    """
    reason = deletion_blockers(record, user)
    if reason:
        raise DeletionRefused(reason)
    if user is not None and user.is_authenticated:
        record._history_user = user
    try:
        with transaction.atomic():
            record.delete()
    except (ProtectedError, RestrictedError) as error:  # something came to depend on it meanwhile
        objects = getattr(error, "protected_objects", None) or error.restricted_objects
        raise DeletionRefused(dependants_message(record, objects, user)) from error


def dependants_message(record, objects, user) -> str:
    """ "3 procurement proposals and 1 position depend on this EdTech tool", naming only what `user` may see.

    Records the reader may not see are counted without a name: the refusal must have a reason, but it says
    nothing of what they are.
    """
    by_model: dict = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj.pk)
    named, hidden = [], 0
    for model, ids in sorted(by_model.items(), key=lambda item: (-len(item[1]), item[0]._meta.verbose_name)):
        manager = model._default_manager
        seen = manager.visible_to(user).filter(pk__in=ids).count() if hasattr(manager, "visible_to") else 0
        hidden += len(ids) - seen
        if seen:
            noun = model._meta.verbose_name if seen == 1 else model._meta.verbose_name_plural
            # Translators: a number of records of one kind, such as "3 procurement proposals".
            named.append(pgettext("number of records", "%(count)s %(kind)s") % {"count": seen, "kind": noun})
    if hidden:
        named.append(
            ngettext("%(count)s record you may not see", "%(count)s records you may not see", hidden)
            % {"count": hidden}
        )
    # "3 procurement proposals, 1 position and 2 records you may not see"
    parts = get_text_list(named, pgettext("the last item of a list", "and"))
    # Translators: %(kind)s is a kind of record ("vendor"); %(dependants)s lists what depends on it, such as
    # "3 procurement proposals and 1 position".
    message = ngettext(
        "This %(kind)s cannot be deleted: %(dependants)s depends on it.",
        "This %(kind)s cannot be deleted: %(dependants)s depend on it.",
        len(objects),
    ) % {"kind": record._meta.verbose_name, "dependants": parts}
    if is_archivable(record):
        instead = _("Archive it instead: it leaves the pickers and lists, and stays on timelines and in history.")
        message = f"{message} {instead}"
    return message


def is_archivable(record) -> bool:
    return any(field.name == "archived_on" for field in record._meta.concrete_fields)


@transaction.atomic
def set_archived(record, *, user, archived: bool):
    """Archive a record (or bring it back): it leaves pickers and default lists, and keeps its links and history."""
    record = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if archived == (record.archived_on is not None):
        return record
    record.archived_on = timezone.localdate() if archived else None
    if user is not None and user.is_authenticated:
        record._history_user = user
    record.save(update_fields=["archived_on"])
    return record
