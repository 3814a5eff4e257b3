"""The words of the access matrices: the two actions, yes and no, the rule's queryset, readable case ids."""

from bargaining.access import Visibility

INTERNAL, MEMBERS, PUBLIC = Visibility.INTERNAL, Visibility.MEMBERS, Visibility.PUBLIC
SEE, EDIT = "see", "edit"
YES, NO = True, False


def allowed(model, user, action):
    """The queryset the rule gives `user` for `action`."""
    if action == SEE:
        return model.objects.visible_to(user)
    return model.objects.editable_by(user)


def case_id(persona, target, action, expected):
    return f"{persona} {'can' if expected else 'cannot'} {action} {target}".replace(" ", "_")
