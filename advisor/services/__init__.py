"""Use cases: what the web views and the CLI commands both call.

Each module holds the use cases of one subject. Collaborators (the store, the fitted advisor,
the clock) are passed in, never looked up, so a view, a command and a test call the same code.
"""
