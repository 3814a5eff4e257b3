"""Admin plumbing: the site administrators' pages obey the same model rules as the web and the API."""

from simple_history.admin import SimpleHistoryAdmin

from plumbing.forms import RecordForm


class RecordAdmin(SimpleHistoryAdmin):
    """History on every admin page, and the model's link rules (`clean_<field>`) on every save."""

    form = RecordForm
