"""Operations on any record that follows Caucus's conventions: scoped querysets and the model's own rules."""

from django.core.exceptions import ValidationError


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
