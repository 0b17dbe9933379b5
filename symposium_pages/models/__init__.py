"""The add-on's models, split by concept; import them from here."""

from .symposium import (  # noqa: F401
    LegalBasis,
    ProgrammeItem,
    SymposiumAssignment,
    SymposiumPage,
)
