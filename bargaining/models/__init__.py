"""Who bargains with whom, and what was won: unions, employers, units, agreements, clauses, sessions."""

from bargaining.models.agreements import Agreement, AgreementKind, AgreementQuerySet, AgreementStatus, Topic
from bargaining.models.budgets import (
    BudgetSupport,
    SupportLevel,
    TrainingBudget,
    current_school_year,
    school_year_of,
    shift_school_year,
    validate_school_year,
)
from bargaining.models.clauses import (
    Clause,
    ClauseQuerySet,
    ClauseSearchEntry,
    ClauseVersion,
    ClauseVersionQuerySet,
    ClauseVersionStatus,
    ModelRating,
    TabledBy,
)
from bargaining.models.employers import BargainingUnit, Employer, EmployerKind, JobGroup
from bargaining.models.rules import (
    ImmutableRecordError,
    StaleEditError,
    ever_shown_beyond_leadership,
    natural_key,
    parent_of,
    refuse_archived_parent,
    refuse_wider_visibility,
)
from bargaining.models.sessions import NegotiationSession, SessionNote
from bargaining.models.unions import DocumentLanguage, Membership, PaperSize, Union

__all__ = [
    "Agreement",
    "AgreementKind",
    "AgreementQuerySet",
    "AgreementStatus",
    "BargainingUnit",
    "BudgetSupport",
    "Clause",
    "ClauseQuerySet",
    "ClauseSearchEntry",
    "ClauseVersion",
    "ClauseVersionQuerySet",
    "ClauseVersionStatus",
    "DocumentLanguage",
    "Employer",
    "EmployerKind",
    "ImmutableRecordError",
    "JobGroup",
    "Membership",
    "ModelRating",
    "NegotiationSession",
    "PaperSize",
    "SessionNote",
    "StaleEditError",
    "SupportLevel",
    "TabledBy",
    "Topic",
    "TrainingBudget",
    "Union",
    "current_school_year",
    "ever_shown_beyond_leadership",
    "natural_key",
    "parent_of",
    "refuse_archived_parent",
    "refuse_wider_visibility",
    "school_year_of",
    "shift_school_year",
    "validate_school_year",
]
