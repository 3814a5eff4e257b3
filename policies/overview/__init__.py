"""Pages and endpoints that join bargaining, consultations and policies.

They live here, in the top layer, so that no lower app imports upward: the dashboard, a bargaining
unit's page and the coverage matrix (clauses against model clauses), and a tool's timeline
(proposals, consultation events, clause versions and positions). The demo data set (policies/demo/)
joins the three apps for the same reason.
"""
