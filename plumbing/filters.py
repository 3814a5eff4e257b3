"""Filter plumbing shared by every app's FilterSets (and so by the web lists and the API)."""


def visible(model):
    """A queryset callable for ModelChoiceFilter: the rows the request's user may see.

    An id of a record the requester may not see is then "not a valid choice", exactly like an id
    that does not exist.
    """

    def queryset(request):
        user = getattr(request, "user", None)
        if user is None:
            return model.objects.none()
        return model.objects.visible_to(user)

    return queryset
