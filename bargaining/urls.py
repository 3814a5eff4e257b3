from django.urls import path

from bargaining.views import clauses, employers, sessions, units

# Every record: /<collection>/new/ (or /<parent collection>/<id>/<collection>/new/ when it is made in the
# context of another), /<collection>/<id>/edit/, /<collection>/<id>/history/, /<collection>/<id>/delete/.
urlpatterns = [
    path("units/", units.unit_list, name="unit_list"),
    path("units/new/", units.unit_create, name="unit_create"),
    path("units/<id:pk>/edit/", units.unit_edit, name="unit_edit"),
    path("units/<id:pk>/history/", units.unit_history, name="unit_history"),
    path("units/<id:pk>/delete/", units.unit_delete, name="unit_delete"),
    path("units/<id:unit_pk>/agreements/new/", units.agreement_create, name="agreement_create"),
    path("units/<id:unit_pk>/sessions/new/", sessions.session_create, name="session_create"),
    path("agreements/<id:pk>/", units.agreement_detail, name="agreement_detail"),
    path("agreements/<id:pk>/edit/", units.agreement_edit, name="agreement_edit"),
    path("agreements/<id:pk>/history/", units.agreement_history, name="agreement_history"),
    path("agreements/<id:pk>/archive/", units.agreement_archive, name="agreement_archive"),
    path("agreements/<id:pk>/delete/", units.agreement_delete, name="agreement_delete"),
    path("agreements/<id:agreement_pk>/clauses/new/", clauses.clause_create, name="clause_create"),
    path("clauses/<id:pk>/edit/", clauses.clause_edit, name="clause_edit"),
    path("clauses/<id:pk>/history/", clauses.clause_history, name="clause_history"),
    path("clauses/<id:pk>/delete/", clauses.clause_delete, name="clause_delete"),
    path("clauses/<id:pk>/versions/new/", clauses.clause_table, name="clause_table"),
    path("sessions/<id:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<id:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<id:pk>/history/", sessions.session_history, name="session_history"),
    path("sessions/<id:pk>/delete/", sessions.session_delete, name="session_delete"),
    path("sessions/<id:session_pk>/table/", sessions.version_create, name="version_create"),
    path("sessions/<id:session_pk>/notes/new/", sessions.note_create, name="note_create"),
    path("notes/<id:pk>/edit/", sessions.note_edit, name="note_edit"),
    path("notes/<id:pk>/history/", sessions.note_history, name="note_history"),
    path("notes/<id:pk>/delete/", sessions.note_delete, name="note_delete"),
    path("clauses/compare/", clauses.clause_compare, name="clause_compare"),
    # Employers and their AI training budgets; an employer's own page is policies.overview's.
    path("employers/", employers.employer_list, name="employer_list"),
    path("employers/new/", employers.employer_create, name="employer_create"),
    path("employers/budgets/", employers.budget_comparison, name="budget_comparison"),
    path("employers/<id:pk>/edit/", employers.employer_edit, name="employer_edit"),
    path("employers/<id:pk>/history/", employers.employer_history, name="employer_history"),
    path("employers/<id:pk>/archive/", employers.employer_archive, name="employer_archive"),
    path("employers/<id:pk>/delete/", employers.employer_delete, name="employer_delete"),
    path("training-budgets/new/", employers.trainingbudget_create, name="trainingbudget_create"),
    path("training-budgets/<id:pk>/edit/", employers.trainingbudget_edit, name="trainingbudget_edit"),
    path("training-budgets/<id:pk>/history/", employers.trainingbudget_history, name="trainingbudget_history"),
    path("budget-support/new/", employers.budgetsupport_create, name="budgetsupport_create"),
    path("budget-support/<id:pk>/edit/", employers.budgetsupport_edit, name="budgetsupport_edit"),
    path("budget-support/<id:pk>/history/", employers.budgetsupport_history, name="budgetsupport_history"),
]
