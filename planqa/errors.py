"""Every error a user can cause, in one tree. ``str(err)`` is a one-line Chinese message for that
user (never a traceback); ``status`` is the HTTP status the API answers with; the CLI prints the
message and exits with 2.

    PlanqaError (400)
    ├── InputError (422): a plan file that cannot be read as text
    │   ├── FileTooLarge (413)
    │   └── UnsupportedFormat (415)
    ├── PlanStructureError (422): text without a plan's structure
    ├── BadPlanId (422)
    ├── QuestionError (422): an empty or unusable question
    │   └── QuestionTooLong (413)
    ├── UnknownPlan (404), PlanNotIndexed (404)
    ├── LastPlan (409)
    └── NoPlanIndexed, IndexDamaged, IndexCorrupt, StoreUnavailable, EmbedderMismatch,
        EmbedderError (503): the service cannot answer until an administrator acts
"""


class PlanqaError(Exception):
    """Base class; ``str(err)`` is the message to show (no traceback)."""

    status = 400


class InputError(PlanqaError):
    """A plan file that cannot be read as text: missing, empty, binary, unknown encoding."""

    status = 422


class FileTooLarge(InputError):
    """A plan file over PLANQA_MAX_FILE_MB."""

    status = 413


class UnsupportedFormat(InputError):
    """A file in a format planqa does not read: an image, an archive, a legacy Office file, a
    zip that is not a Word document, binary data."""

    status = 415


class PlanStructureError(PlanqaError):
    """Text that has no recognisable plan structure (no sections, no numbered tasks)."""

    status = 422


class BadPlanId(PlanqaError):
    """A plan id a client chose that is not a safe name."""

    status = 422


class QuestionError(PlanqaError):
    """An empty or unusable question."""

    status = 422


class QuestionTooLong(QuestionError):
    """A question over the length limit."""

    status = 413


class UnknownPlan(PlanqaError):
    """A plan id asked about that is not indexed."""

    status = 404


class PlanNotIndexed(PlanqaError):
    """A plan id to remove that is not indexed."""

    status = 404


class LastPlan(PlanqaError):
    """Removing the only indexed plan would leave nothing to answer from."""

    status = 409


class Unavailable(PlanqaError):
    """The service cannot answer until an administrator acts."""

    status = 503


class NoPlanIndexed(Unavailable):
    """Nothing is indexed to answer from: every plan was removed."""


class IndexDamaged(Unavailable):
    """The registry names chunks that the vector collection does not have."""


class IndexCorrupt(Unavailable):
    """The embedded index folder cannot be opened."""


class StoreUnavailable(Unavailable):
    """The Chroma server cannot be reached."""


class EmbedderMismatch(Unavailable):
    """The index was built with another embedder than the one configured now."""


class EmbedderError(Unavailable):
    """The configured embedder cannot be used (missing extra, model not on this machine)."""
