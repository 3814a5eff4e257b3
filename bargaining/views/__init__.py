"""Web pages of bargaining: units, agreements, clauses, sessions and their notes, tabling clause versions,
comparing clauses, employers and their AI training budgets. Each record has its add, edit, history and delete
pages here.

The pages that join other apps (a unit's coverage against model clauses, the clause library with its
tools and consultations, rating a clause against the model clause, the dashboard) live in the layers above.
"""
