"""What a serving process does once it has loaded the application: nothing of the domain here."""

import gc

from django.urls import get_resolver


def settle_heap() -> int:
    """Import every view, then leave what start-up built out of the garbage collector's rounds.

    A process serving Caucus holds the whole application (Django, DRF, WeasyPrint, the schemas) in memory for its
    life, and each full collection walked it all again: during a 100-page PDF, a large share of the render's
    time. Frozen, those objects are never examined again (Python's `gc.freeze`, meant for servers). Returns how
    many objects were frozen.
    """
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf, and with it every view and the PDF renderer
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
