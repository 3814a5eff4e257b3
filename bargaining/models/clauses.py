"""Clauses of agreements and the append-only lineage of versions tabled for each."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, When
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bargaining.access import UnionOwnedQuerySet, Visibility, chain_visibility_q, is_site_staff
from bargaining.models.agreements import Agreement, Topic
from bargaining.models.rules import (
    ImmutableRecordError,
    natural_key,
    parent_of,
    refuse_archived_parent,
    refuse_wider_visibility,
)
from bargaining.models.sessions import NegotiationSession
from plumbing.validators import plausible_date


class ClauseVersionStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("clause status", "Proposed")
    COUNTERED = "countered", pgettext_lazy("clause status", "Countered")
    TENTATIVELY_AGREED = "tentatively_agreed", pgettext_lazy("clause status", "Tentatively agreed")
    RATIFIED = "ratified", pgettext_lazy("clause status", "Ratified")
    DEFERRED = "deferred", pgettext_lazy("clause status", "Deferred")
    WITHDRAWN = "withdrawn", pgettext_lazy("clause status", "Withdrawn")


class ModelRating(models.TextChoices):
    UNRATED = "unrated", _("Not rated")
    PREFERRED = "preferred", _("Meets the preferred wording")
    FALLBACK = "fallback", _("Meets the fallback wording")
    WALK_AWAY = "walk_away", _("Meets the walk-away wording only")
    BELOW = "below", _("Below the walk-away wording")


class ClauseQuerySet(UnionOwnedQuerySet):
    union_path = "agreement__bargaining_unit__union"
    visibility_prefixes = ("", "agreement__", "agreement__bargaining_unit__")

    def for_library(self):
        """Clauses as the library lists them: current version annotated, with the agreement, unit and union."""
        return self.with_current().select_related(
            "topic",
            "agreement__bargaining_unit__union",
            "agreement__bargaining_unit__employer",
        )

    def tableable_in(self, session):
        """The clauses a new version may be tabled for in `session`: its unit's, none with a later version already
        (a lineage reads in tabling order)."""
        return self.filter(agreement__bargaining_unit=session.bargaining_unit_id).filter(
            Q(current_version__isnull=True) | Q(current_version__tabled_on__lte=session.held_on)
        )

    def by_article(self):
        """In the agreement's own order: article 21.2 before 21.10."""
        return self.order_by("article_key", "pk")

    def with_current(self):
        """Join each clause's current version (kept on the clause: see ClauseVersion.save), so that its number,
        status and text cost no query of their own."""
        return self.select_related("current_version")


class Clause(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="clauses", verbose_name=_("agreement")
    )
    article_number = models.CharField(
        max_length=20, help_text=_("As printed in the agreement, for example 14.3."), verbose_name=_("article number")
    )
    # The article number as it sorts (bargaining.models.rules.natural_key), kept in step by save().
    article_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    title = models.CharField(max_length=200, verbose_name=_("title"))
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="clauses", verbose_name=_("topic"))
    visibility = models.CharField(
        max_length=10, choices=Visibility, default=Visibility.MEMBERS, verbose_name=_("visibility")
    )
    model_rating = models.CharField(
        max_length=20,
        choices=ModelRating,
        default=ModelRating.UNRATED,
        help_text=_("An officer's rating of the negotiated text against the union's model clause for the topic."),
        verbose_name=_("model rating"),
    )
    # PostgreSQL's full-text index of the clause (bargaining/search.py), kept in step by database triggers;
    # empty on SQLite, where an FTS5 table holds the index.
    search_vector = SearchVectorField(null=True, editable=False)
    # The latest version and its status, kept on the clause when a version is tabled (ClauseVersion.save):
    # versions are append-only, so the latest never changes otherwise. Lists filter and show them per row.
    # Without a constraint or index of its own, so that SQLite adds and drops the column in place: a rebuilt
    # clause table would break the full-text index's view over it (migration 0010). Versions are never deleted.
    current_version = models.ForeignKey(
        "ClauseVersion",
        on_delete=models.DO_NOTHING,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        db_constraint=False,
        db_index=False,
        verbose_name=_("current version"),
    )
    current_status = models.CharField(  # noqa: DJ001 - null before any version is tabled, as the API says
        max_length=20,
        choices=ClauseVersionStatus,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("current status"),
    )

    objects = ClauseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_vector", "current_version", "current_status"])

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        ordering = ["agreement", "article_key"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "article_number"], name="clause_one_per_agreement_article"),
        ]
        indexes = [models.Index(fields=["current_status"], name="clause_current_status")]

    def __str__(self):
        # Translators: a clause as lists name it, "Art. 14.3 Use of AI tools" ("Art." for "Article").
        return gettext("Art. %(number)s %(title)s") % {"number": self.article_number, "title": self.title}

    def save(self, *args, **kwargs):
        self.article_key = natural_key(self.article_number)
        if kwargs.get("update_fields") is not None and "article_number" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "article_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("clause_detail", args=[self.pk])

    def clean(self):
        refuse_wider_visibility(self, "agreement", _("agreement"))
        refuse_archived_parent(self, "agreement", _("agreement"))

    def deletion_refusal(self) -> str | None:
        """A clause with a tabled version is part of the bargaining record: it is withdrawn, never erased."""
        if self.pk is not None and self.versions.exists():
            return gettext(
                "Text has been tabled for this clause, and what was tabled is never erased. "
                "To take it off the table, table a version with the status “Withdrawn”."
            )
        return None

    @property
    def latest_version(self):
        """The version that gives the clause its current text and status (None before any is tabled)."""
        return self.current_version

    @property
    def current_number(self) -> int | None:
        return self.current_version.number if self.current_version_id else None

    @property
    def current_text(self) -> str | None:
        return self.current_version.text if self.current_version_id else None

    @property
    def current_status_label(self) -> str:
        """The clause's current status in words."""
        status = self.current_status
        return str(ClauseVersionStatus(status).label) if status else gettext("No text yet")

    @property
    def status(self) -> str | None:
        return self.current_status


class ClauseVersionQuerySet(UnionOwnedQuerySet):
    union_path = "clause__agreement__bargaining_unit__union"
    visibility_prefixes = ("clause__", "clause__agreement__", "clause__agreement__bargaining_unit__")

    def with_visible_session(self, user):
        """Annotate `visible_session_id` and `visible_tabled_on`: the version's session and date, or None when
        `user` may not see that session (a version's date is its session's, and would reveal the meeting).

        The one rule for naming a version's session and date, for pages, the API and documents alike.
        """
        # The session's own rule, read through the join to it: no subquery per version (a list of clauses
        # prefetches every version of the page).
        if is_site_staff(user):
            visible_session = F("session_id")
        else:
            rule = _session_rule(user)
            visible_session = Case(When(rule, then=F("session_id")), default=None, output_field=models.IntegerField())
        return self.annotate(visible_session_id=visible_session).annotate(
            visible_tabled_on=Case(
                When(Q(session__isnull=True) | Q(visible_session_id__isnull=False), then=F("tabled_on")),
                default=None,
                output_field=models.DateField(),
            )
        )

    def dated_for(self, user):
        """The versions whose date `user` may know: not those tabled in a session hidden from them."""
        return self.with_visible_session(user).filter(visible_tabled_on__isnull=False)

    def update(self, **kwargs):
        raise ImmutableRecordError("Clause versions are append-only: table a new version instead.")

    def delete(self):
        raise ImmutableRecordError("Clause versions are append-only: withdraw the clause with a new version.")


def _session_rule(user) -> Q:
    """NegotiationSession's visibility rule, written from a version through its `session` relation."""
    sessions = NegotiationSession.objects.all()
    visibilities = [f"session__{prefix}visibility" for prefix in sessions.visibility_prefixes]
    return chain_visibility_q(user, union=f"session__{sessions.union_path}", visibilities=visibilities)


class TabledBy(models.TextChoices):
    UNION = "union", pgettext_lazy("tabled by", "Union")
    EMPLOYER = "employer", pgettext_lazy("tabled by", "Employer")
    JOINT = "joint", pgettext_lazy("tabled by", "Joint")


class ClauseVersion(models.Model):
    """One text tabled for a clause. Append-only: a change is a new version, never an edit."""

    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="versions", verbose_name=_("clause"))
    number = models.PositiveIntegerField(editable=False, verbose_name=_("number"))
    text = models.TextField(verbose_name=_("text"))
    tabled_by = models.CharField(max_length=10, choices=TabledBy, verbose_name=_("tabled by"))
    tabled_on = models.DateField(validators=[plausible_date], verbose_name=_("tabled on"))
    session = models.ForeignKey(
        NegotiationSession,
        on_delete=models.PROTECT,
        related_name="clause_versions",
        null=True,
        blank=True,
        help_text=_("The negotiation session it was tabled in, if any."),
        verbose_name=_("session"),
    )
    status = models.CharField(max_length=20, choices=ClauseVersionStatus, verbose_name=_("status"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    objects = ClauseVersionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clause version")
        verbose_name_plural = _("clause versions")
        ordering = ["clause", "number"]
        constraints = [
            models.UniqueConstraint(fields=["clause", "number"], name="clause_version_number_unique_per_clause"),
            models.CheckConstraint(condition=Q(number__gte=1), name="clause_version_number_positive"),
        ]
        # The newest tabled first (the dashboard's recent activity), read in order rather than sorted.
        indexes = [models.Index(fields=["tabled_on", "number"], name="version_tabled_order")]

    def __str__(self):
        # Translators: a clause version, "Art. 14.3 Use of AI tools v2 (Proposed)" ("v" for "version").
        return gettext("%(clause)s v%(number)s (%(status)s)") % {
            "clause": self.clause,
            "number": self.number,
            "status": self.get_status_display(),
        }

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError("Clause versions are append-only: table a new version instead.")
        super().save(*args, **kwargs)
        self._become_current()

    def get_absolute_url(self):
        return reverse("clause_detail", args=[self.clause_id])

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("Clause versions are append-only: withdraw the clause with a new version.")

    def _become_current(self):
        """Keep the clause's current version and status in step: every version is stored through here (the
        service table_clause_version, imports, fixtures), and a later number always wins."""
        earlier = Q(current_version__isnull=True) | Q(current_version__number__lt=self.number)
        updated = (
            Clause.objects.filter(pk=self.clause_id)
            .filter(earlier)
            .update(current_version=self.pk, current_status=self.status)
        )
        cached = self._state.fields_cache.get("clause")
        if updated and cached is not None:
            cached.current_version, cached.current_status = self, self.status

    def clean(self):
        clause, session = parent_of(self, "clause"), parent_of(self, "session")
        agreement = parent_of(clause, "agreement") if clause is not None else None
        if session is None or agreement is None:
            return
        if session.bargaining_unit_id != agreement.bargaining_unit_id:
            raise ValidationError(
                {
                    "session": gettext(
                        "That session was held by %(session_unit)s, but this clause belongs to %(clause_unit)s. "
                        "Pick a session of the same bargaining unit."
                    )
                    % {"session_unit": session.bargaining_unit, "clause_unit": agreement.bargaining_unit}
                }
            )

    @property
    def visibility(self):
        """A version is exactly as visible as its clause."""
        return self.clause.visibility


class FullTextField(models.TextField):
    """An FTS5 table's hidden column named after the table: `match` runs a full-text query against it."""


@FullTextField.register_lookup
class FullTextMatch(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ClauseSearchEntry(models.Model):
    """A clause's entry in the SQLite FTS5 index (migration 0010, bargaining/search.py); read-only, SQLite only.
    Joined to the clause, so that the index's `rank` (bm25, weighted) is computed once per match."""

    clause = models.OneToOneField(
        Clause,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="search_entry",
    )
    entry = FullTextField(db_column="bargaining_clause_fts")
    rank = models.FloatField()

    class Meta:
        managed = False
        db_table = "bargaining_clause_fts"

    def __str__(self):
        return f"Index entry of clause {self.clause_id}"
