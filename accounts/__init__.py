"""People's accounts: signing in and out, their API tokens, their profile page.

It sits just above plumbing and below the domain apps: it knows users, not unions.
"""
