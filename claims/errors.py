"""One exception type for everything a user can get wrong, so the CLI can
print one line and exit non-zero instead of a traceback."""


class ClaimsError(Exception):
    """A problem with the user's input, files or database, told in one line."""
