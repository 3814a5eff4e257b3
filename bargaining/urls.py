from django.urls import path

from bargaining import views

# Every record: /<collection>/new/ (or /<parent collection>/<id>/<collection>/new/ when it is made in the
# context of another), /<collection>/<id>/edit/, /<collection>/<id>/history/, /<collection>/<id>/delete/.
urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/new/", views.unit_create, name="unit_create"),
    path("units/<id:pk>/edit/", views.unit_edit, name="unit_edit"),
    path("units/<id:pk>/history/", views.unit_history, name="unit_history"),
    path("units/<id:pk>/delete/", views.unit_delete, name="unit_delete"),
    path("units/<id:unit_pk>/agreements/new/", views.agreement_create, name="agreement_create"),
    path("units/<id:unit_pk>/sessions/new/", views.session_create, name="session_create"),
    path("agreements/<id:pk>/", views.agreement_detail, name="agreement_detail"),
    path("agreements/<id:pk>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<id:pk>/history/", views.agreement_history, name="agreement_history"),
    path("agreements/<id:pk>/archive/", views.agreement_archive, name="agreement_archive"),
    path("agreements/<id:pk>/delete/", views.agreement_delete, name="agreement_delete"),
    path("agreements/<id:agreement_pk>/clauses/new/", views.clause_create, name="clause_create"),
    path("clauses/<id:pk>/edit/", views.clause_edit, name="clause_edit"),
    path("clauses/<id:pk>/history/", views.clause_history, name="clause_history"),
    path("clauses/<id:pk>/delete/", views.clause_delete, name="clause_delete"),
    path("clauses/<id:pk>/versions/new/", views.clause_table, name="clause_table"),
    path("sessions/<id:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<id:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<id:pk>/history/", views.session_history, name="session_history"),
    path("sessions/<id:pk>/delete/", views.session_delete, name="session_delete"),
    path("sessions/<id:session_pk>/table/", views.version_create, name="version_create"),
    path("sessions/<id:session_pk>/notes/new/", views.note_create, name="note_create"),
    path("notes/<id:pk>/edit/", views.note_edit, name="note_edit"),
    path("notes/<id:pk>/history/", views.note_history, name="note_history"),
    path("notes/<id:pk>/delete/", views.note_delete, name="note_delete"),
    path("clauses/compare/", views.clause_compare, name="clause_compare"),
    # Employers and their AI training budgets; an employer's own page is policies.overview's.
    path("employers/", views.employer_list, name="employer_list"),
    path("employers/new/", views.employer_create, name="employer_create"),
    path("employers/budgets/", views.budget_comparison, name="budget_comparison"),
    path("employers/<id:pk>/edit/", views.employer_edit, name="employer_edit"),
    path("employers/<id:pk>/history/", views.employer_history, name="employer_history"),
    path("employers/<id:pk>/archive/", views.employer_archive, name="employer_archive"),
    path("employers/<id:pk>/delete/", views.employer_delete, name="employer_delete"),
    path("training-budgets/new/", views.trainingbudget_create, name="trainingbudget_create"),
    path("training-budgets/<id:pk>/edit/", views.trainingbudget_edit, name="trainingbudget_edit"),
    path("training-budgets/<id:pk>/history/", views.trainingbudget_history, name="trainingbudget_history"),
    path("budget-support/new/", views.budgetsupport_create, name="budgetsupport_create"),
    path("budget-support/<id:pk>/edit/", views.budgetsupport_edit, name="budgetsupport_edit"),
    path("budget-support/<id:pk>/history/", views.budgetsupport_history, name="budgetsupport_history"),
]
