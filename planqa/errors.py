"""Errors a user can cause: each carries a one-line Chinese message meant for that user."""


class PlanqaError(Exception):
    """Base class; ``str(err)`` is the message to show (no traceback)."""


class InputError(PlanqaError):
    """A plan file that cannot be read as text: missing, empty, binary, unknown encoding."""


class FileTooLarge(InputError):
    """A plan file over PLANQA_MAX_FILE_MB (REST: 413)."""


class UnsupportedFormat(InputError):
    """A file in a format planqa does not read: an image, an archive, a legacy Office file, a
    zip that is not a Word document, binary data (REST: 415)."""


class PlanStructureError(PlanqaError):
    """Text that has no recognisable plan structure (no sections, no numbered tasks)."""
