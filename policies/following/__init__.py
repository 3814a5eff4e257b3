"""Following: a user follows a tool, consultation, agreement or position, and reads what happened on it."""
