"""What a credit may hold, shared by the question-by-question chat and the form: lengths, links, the
kinds of change, the licenses an adaptation may carry, and what is said when one of them is refused."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.core.context import Context
from bot.core.i18n import N_
from handlers.licensing import render
from handlers.licensing.attribution import AdaptationNotAllowed
from handlers.licensing.names import LicenseRef, parse_license

FLOW = "attribute"  # the session's flow while the credit is asked one question at a time
NOT_A_CC_LICENSE = N_("{license} is not a Creative Commons license.")
KEEP_IT_SHORT = N_("Please keep it under {limit} characters.")
NOT_ADAPTABLE = N_(
    "Material under {license} may not be shared in adapted form, so it cannot carry your own license."
)
TITLE_REQUIRED = N_(
    "{license} is an older version: versions 3.0 and earlier require the title in the credit."
)
CHANGE_CHOICES = (
    (N_("No, unchanged"), "no"),
    (N_("Yes, I modified it"), "mod"),
    (N_("Yes, an adaptation under my own license"), "adapt"),
)
LIMITS = {"title": 200, "author": 120, "changes": 300, "adaptation_title": 200, "adapter": 120, "source": 500}


def license_ref(tool_id: str) -> LicenseRef:
    """The CC license or tool stored under `tool_id` (a LicenseRef's id, kept while the credit is built)."""
    named = parse_license(tool_id)
    assert isinstance(named, LicenseRef)
    return named


def refused_adaptation(
    ctx: Context, refused: AdaptationNotAllowed, source: LicenseRef, target: LicenseRef
) -> str:
    """Why `source` material may not be shared adapted under `target`, and which licenses it may."""
    return ctx.t(
        N_("Material under {source} may not be shared adapted under {target}. Possible: {allowed}."),
        source=source.short_name,
        target=target.short_name,
        allowed=render.license_list(refused.allowed),
    )


def is_link(text: str) -> bool:
    if any(char.isspace() for char in text):
        return False
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and "." in parts.netloc and not parts.netloc.startswith(".")
