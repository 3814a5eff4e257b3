"""Validators for values people type, shared by every model."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

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
        if not datetime.date(EARLIEST_YEAR, 1, 1) <= value <= latest:
            raise ValidationError(
                f"Enter a date between 1 Jan {EARLIEST_YEAR} and {latest:%-d %b %Y}.", code="implausible_date"
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleDate)


plausible_date = PlausibleDate()
