"""The add-on's models, split by concept; import them from here."""

from .budget import BudgetDocument, BudgetItem, SymposiumBudget  # noqa: F401
from .coverage import CoveragePage  # noqa: F401
from .desk import DeskLink, DeskThrottle  # noqa: F401
from .desk_followup import DeskQuestion, DeskReminder  # noqa: F401
from .invited_units import InvitedUnitsPage  # noqa: F401
from .news import NewsPageMixin, news_page_models, news_pages  # noqa: F401
from .page_counts import ExactPageCount  # noqa: F401
from .papers import PaperPage, PaperSubmission  # noqa: F401
from .printing import BookletExport  # noqa: F401
from .public_version import PublicVersion  # noqa: F401
from .roles import EditorialRole  # noqa: F401
from .symposium import (  # noqa: F401
    LegalBasis,
    ProgrammeItem,
    SymposiumAssignment,
    SymposiumPage,
)
from .units import Invitation, Unit  # noqa: F401
from .vetting import PaperVetting, VettingCriterion, VettingTask  # noqa: F401
