"""Plumbing shared by every app's web pages, API and documents.

Nothing here knows a domain model: it works on any queryset that follows Caucus's conventions
(`visible_to(user)`, `editable_by(user)`, `may_add(user)`) and on any model's own `clean()`. The domain
apps (bargaining, consultations, policies) import it; it imports none of them.
"""
