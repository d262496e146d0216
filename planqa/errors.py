"""Errors a user can cause: each carries a one-line Chinese message meant for that user."""


class PlanqaError(Exception):
    """Base class; ``str(err)`` is the message to show (no traceback)."""


class InputError(PlanqaError):
    """A plan file that cannot be read as text: missing, empty, binary, unknown encoding."""


class PlanStructureError(PlanqaError):
    """Text that has no recognisable plan structure (no sections, no numbered tasks)."""
