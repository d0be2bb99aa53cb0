"""The one error type a user can cause and fix: its message is shown as a single line."""


class GlossError(Exception):
    """A problem with the user's input or environment; ``str(error)`` is the whole message."""
