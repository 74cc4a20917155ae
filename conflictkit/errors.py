"""Errors raised for bad user input.

Every error conflictkit raises for a user's mistake (an empty file, a table
without its text column, a negative count) is a :class:`ConflictkitError`.
Its message is one line that names the file or row and the problem, so the
command line can print it without a traceback.
"""

__all__ = ["ConflictkitError", "InputError"]


class ConflictkitError(ValueError):
    """Base class of the errors conflictkit raises for bad input."""


class InputError(ConflictkitError):
    """A file, table or row that cannot be used, with the reason."""

    def __init__(self, where, problem):
        self.where = str(where)
        self.problem = str(problem)
        super().__init__(f"{self.where}: {self.problem}")
