"""Validators for values people type, shared by every model."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext as _

# Dates Caucus accepts: nothing it records happened before 1990 or is planned more than 10 years ahead.
EARLIEST_YEAR = 1990
YEARS_AHEAD = 10


@deconstructible
class PlausibleDate:
    """A date within the documented window (1990 to 10 years from today): 9999-12-31 is a typo, not a plan."""

    def __call__(self, value):
        if value is None:
            return
        today = datetime.date.today()
        latest = today.replace(year=today.year + YEARS_AHEAD, day=min(today.day, 28))
        earliest = datetime.date(EARLIEST_YEAR, 1, 1)
        if not earliest <= value <= latest:
            raise ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s."),
                code="implausible_date",
                params={"earliest": date_format(earliest, "j M Y"), "latest": date_format(latest, "j M Y")},
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleDate)


plausible_date = PlausibleDate()
