"""Operations on any record that follows Caucus's conventions: scoped querysets and the model's own rules."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction


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
