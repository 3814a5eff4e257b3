"""WSGI entry point: `gunicorn config.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Loaded for good: the garbage collector need not walk the application's own objects again (plumbing.startup).
from plumbing.startup import settle_heap  # noqa: E402

settle_heap()
