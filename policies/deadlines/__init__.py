"""Deadlines: every dated obligation Caucus records, in one engine (engine.py), with the follow-up tasks officers
assign, each user's calendar feed and their choice of reminder digest."""
