"""What a credit may hold, shared by the question-by-question chat and the form: lengths, links, and the
licenses an adaptation may carry."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.core.i18n import N_
from handlers.licensing import compatibility
from handlers.licensing.names import LicenseRef
from handlers.licensing.tools import PDM, all_tools

NOT_ADAPTABLE = N_(
    "Material under {license} may not be shared in adapted form, so it cannot carry your own license."
)
LIMITS = {"title": 200, "author": 120, "changes": 300, "adaptation_title": 200, "adapter": 120, "source": 500}


def adaptation_targets(source: LicenseRef) -> tuple[str, ...]:
    """The licenses to offer for an adaptation: those the adapter's license chart allows for the source."""
    if not source.is_current:
        return tuple(t.id for t in all_tools() if t.id != PDM)
    recommended, permitted = compatibility.adapter_licenses(source.tool_id)
    return (*recommended, *permitted)


def is_link(text: str) -> bool:
    if any(char.isspace() for char in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and "." in parts.netloc and not parts.netloc.startswith(".")
