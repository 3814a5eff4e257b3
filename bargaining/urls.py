from django.urls import path

from bargaining import views

urlpatterns = [
    path("units/", views.unit_list, name="unit_list"),
    path("units/<id:unit_pk>/sessions/new/", views.session_create, name="session_create"),
    path("agreements/<id:pk>/", views.agreement_detail, name="agreement_detail"),
    path("sessions/<id:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<id:session_pk>/table/", views.version_create, name="version_create"),
    path("clauses/compare/", views.clause_compare, name="clause_compare"),
    # Employers and their AI training budgets; an employer's own page is policies.overview's.
    path("employers/", views.employer_list, name="employer_list"),
    path("employers/new/", views.employer_create, name="employer_create"),
    path("employers/budgets/", views.budget_comparison, name="budget_comparison"),
    path("employers/<id:pk>/edit/", views.employer_edit, name="employer_edit"),
    path("employers/<id:pk>/history/", views.employer_history, name="employer_history"),
    path("training-budgets/new/", views.trainingbudget_create, name="trainingbudget_create"),
    path("training-budgets/<id:pk>/edit/", views.trainingbudget_edit, name="trainingbudget_edit"),
    path("training-budgets/<id:pk>/history/", views.trainingbudget_history, name="trainingbudget_history"),
    path("budget-support/new/", views.budgetsupport_create, name="budgetsupport_create"),
    path("budget-support/<id:pk>/edit/", views.budgetsupport_edit, name="budgetsupport_edit"),
    path("budget-support/<id:pk>/history/", views.budgetsupport_history, name="budgetsupport_history"),
]
