"""The one exception type that reaches the user as a single line.

Every layer raises `UserError` for problems the user can fix (bad input, broken config,
locked index); the CLI prints its message and exits with its code, never a traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on: `message` says what is wrong and what to do."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class IndexNeedsRebuild(UserError):
    """The index cannot be read as it is (damaged, or built by another version); building it
    anew fixes it. The reader rebuilds on its own; commands say `index --rebuild`."""
