"""The attribution builder: Title, Author, Source and License (TASL), as CC recommends (attribution.md).

"Title" by Author is licensed under CC BY 4.0 (each linked: title to the source, author to a profile, license
to its deed), a note of changes, the adaptation's own license, CC0 and PDM ("is marked with"), a missing
author or title. Older licenses (3.0 and earlier) require the title. Every template is translatable;
`gettext` turns the English template into the member's language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.core.i18n import N_
from handlers.licensing import compatibility, rich
from handlers.licensing.names import LicenseRef
from handlers.licensing.texts import TOOL_NAMES
from handlers.licensing.tools import CC0, PDM, tool_ids

Gettext = Callable[[str], str]

QUOTED = N_('"{title}"')
THIS_WORK = N_("This work")
A_WORK = N_("a work")
CREDIT_BY = N_("{work} by {author}")
CREDIT_BY_FROM = N_("{work} by {author}, from {provider},")
CREDIT_FROM = N_("{work}, from {provider},")
LICENSED = N_("{credit} is licensed under {license}")
MARKED = N_("{credit} is marked with {license}")
WITH_CHANGES = N_("{sentence}. {changes}")
AFTER_SENTENCE = N_("{sentence} {changes}")
MODIFIED = N_("Modified from the original.")
USED_UNDER = N_("used under {license}")
DEDICATED = N_("dedicated to the public domain under {license}")
MARKED_WITH = N_("marked with {license}")
ADAPTED_TITLED = N_(
    "This work, {adaptation}, is adapted from {credit}, {terms}. {title} is licensed under {license}."
)
ADAPTED_TITLED_BY = N_(
    "This work, {adaptation}, is adapted from {credit}, {terms}. "
    "{title} is licensed under {license} by {adapter}."
)
ADAPTED = N_("This work is adapted from {credit}, {terms}. It is licensed under {license}.")
ADAPTED_BY = N_("This work is adapted from {credit}, {terms}. It is licensed under {license} by {adapter}.")
REMIX_BOTH = N_("{head}. It is adapted from {adapted}, and includes {included}.")
REMIX_ADAPTED = N_("{head}. It is adapted from {adapted}.")
REMIX_INCLUDES = N_("{head}. It includes {included}.")
SOURCE_ITEM = N_("{credit}, {terms}")
LIST_ITEM = N_("{previous}; {next}")


@dataclass(frozen=True)
class Work:
    """What is credited: any part may be empty (no title, no author, no link)."""

    title: str = ""
    author: str = ""
    source: str = ""
    author_url: str = ""
    provider: str = ""


class TitleRequired(ValueError):
    """Licenses before 4.0 require the title in the credit."""

    def __init__(self, license: LicenseRef) -> None:
        super().__init__(f"{license.short_name} requires the title of the work")
        self.license = license


class AdaptationNotAllowed(ValueError):
    """Material under `source` may not be shared adapted under `target` (or, for ND, at all)."""

    def __init__(self, source: LicenseRef, target: LicenseRef | None, allowed: Sequence[str] = ()) -> None:
        target_name = target.short_name if target else "any license"
        super().__init__(f"{source.short_name} material may not be shared adapted under {target_name}")
        self.source, self.target, self.allowed = source, target, tuple(allowed)


@dataclass(frozen=True)
class Credit:
    text: rich.Rich
    credit_required: bool  # False for CC0 and PDM material: credit is recommended, not required
    warnings: tuple[str, ...] = ()  # "not_recommended", "unchecked_version"

    @property
    def plain(self) -> str:
        return rich.plain(self.text)

    @property
    def html(self) -> str:
        return rich.as_html(self.text)

    @property
    def markdown(self) -> str:
        return rich.markdown(self.text)


def attribute(work: Work, license: LicenseRef, changes: str | None = None, gettext: Gettext = str) -> Credit:
    """The credit for reusing `work`; `changes` (a note, or "" for a generic one) when it was modified."""
    _require_title(work, license)
    template = LICENSED if license.tool.is_license else MARKED
    sentence = rich.fill(
        gettext(template), credit=_credit(work, gettext), license=_license_link(license, gettext)
    )
    if changes is not None:
        sentence = rich.fill(gettext(WITH_CHANGES), sentence=sentence, changes=changes or gettext(MODIFIED))
    return Credit(sentence, license.tool.requires_attribution)


def attribute_adaptation(
    work: Work,
    license: LicenseRef,
    adaptation: Work,
    adapted_license: LicenseRef,
    changes: str | None = None,
    gettext: Gettext = str,
) -> Credit:
    """The credit of an adaptation of `work`, shared under `adapted_license` (by `adaptation.author`)."""
    _require_title(work, license)
    warnings = check_adaptation(license, adapted_license)
    if adaptation.title:
        template = ADAPTED_TITLED_BY if adaptation.author else ADAPTED_TITLED
    else:
        template = ADAPTED_BY if adaptation.author else ADAPTED
    text = rich.fill(
        gettext(template),
        adaptation=rich.quoted(gettext(QUOTED), adaptation.title, adaptation.source),
        title=rich.quoted(gettext(QUOTED), adaptation.title),
        credit=_credit(work, gettext, inside=True),
        terms=_terms(license, gettext),
        license=_license_link(adapted_license, gettext),
        adapter=adaptation.author,
    )
    if changes is not None:
        text = rich.fill(gettext(AFTER_SENTENCE), sentence=text, changes=changes or gettext(MODIFIED))
    return Credit(text, license.tool.requires_attribution, warnings)


def attribute_remix(
    adaptation: Work,
    adapted_license: LicenseRef,
    adapted_from: Sequence[tuple[Work, LicenseRef]],
    includes: Sequence[tuple[Work, LicenseRef]] = (),
    changes: str | None = None,
    gettext: Gettext = str,
) -> Credit:
    """The credit of a remix of several sources: the remix's own line, then each source with its terms."""
    warnings: list[str] = []
    for work, license in (*adapted_from, *includes):
        _require_title(work, license)
        warnings += check_adaptation(license, adapted_license)
    head = rich.fill(
        gettext(LICENSED),
        credit=_credit(adaptation, gettext),
        license=_license_link(adapted_license, gettext),
    )
    template = REMIX_BOTH if adapted_from and includes else REMIX_ADAPTED if adapted_from else REMIX_INCLUDES
    text = rich.fill(
        gettext(template),
        head=head,
        adapted=_source_list(adapted_from, gettext),
        included=_source_list(includes, gettext),
    )
    if changes is not None:
        text = rich.fill(gettext(AFTER_SENTENCE), sentence=text, changes=changes or gettext(MODIFIED))
    required = any(license.tool.requires_attribution for _, license in (*adapted_from, *includes))
    return Credit(text, required, tuple(dict.fromkeys(warnings)))


def check_adaptation(source: LicenseRef, target: LicenseRef) -> tuple[str, ...]:
    """Whether `source` material may be shared adapted under `target` (adapter's license chart).
    Raises AdaptationNotAllowed; returns warnings ("not_recommended", "unchecked_version")."""
    if source.tool.no_derivatives:
        raise AdaptationNotAllowed(source, None)
    if target.tool_id == PDM:  # a mark for works already in the public domain, never for an adaptation
        raise AdaptationNotAllowed(source, target, adaptation_targets(source))
    if not (source.is_current and target.is_current):
        return ("unchecked_version",)  # the charts cover 4.0 only
    status = compatibility.adapter_status(source.tool_id, target.tool_id)
    if status == compatibility.ALLOWED:
        return ()
    if status == compatibility.ALLOWED_NOT_RECOMMENDED:
        return ("not_recommended",)
    raise AdaptationNotAllowed(source, target, adaptation_targets(source))


def adaptation_targets(source: LicenseRef) -> tuple[str, ...]:
    """The tools an adaptation of `source` material may carry: those CC's adapter's license chart allows
    (for an older version, which the chart does not cover, any tool but the Public Domain Mark)."""
    if not source.is_current:
        return tuple(t for t in tool_ids() if t != PDM)
    recommended, permitted = compatibility.adapter_licenses(source.tool_id)
    return (*recommended, *permitted)


def license_label(license: LicenseRef, gettext: Gettext = str) -> str:
    """How a credit names the license: its short name, and "Public Domain Mark 1.0" for the PDM."""
    return gettext(TOOL_NAMES[PDM]) if license.tool_id == PDM else license.short_name


def requires_title(license: LicenseRef) -> bool:
    """Licenses before 4.0 require the work's title in the credit."""
    return not license.is_current and license.tool.is_license


def _require_title(work: Work, license: LicenseRef) -> None:
    if not work.title.strip() and requires_title(license):
        raise TitleRequired(license)


def _credit(work: Work, gettext: Gettext, inside: bool = False) -> rich.Rich:
    if work.title:
        title: rich.Segment = rich.quoted(gettext(QUOTED), work.title, work.source)
    else:
        title = rich.Link(gettext(A_WORK if inside else THIS_WORK), work.source)
    author = rich.Link(work.author, work.author_url)
    if work.author and work.provider:
        return rich.fill(gettext(CREDIT_BY_FROM), work=title, author=author, provider=work.provider)
    if work.provider:
        return rich.fill(gettext(CREDIT_FROM), work=title, provider=work.provider)
    if work.author:
        return rich.fill(gettext(CREDIT_BY), work=title, author=author)
    return (title,)


def _license_link(license: LicenseRef, gettext: Gettext) -> rich.Link:
    return rich.Link(license_label(license, gettext), license.deed_url)


def _terms(license: LicenseRef, gettext: Gettext) -> rich.Rich:
    template = {CC0: DEDICATED, PDM: MARKED_WITH}.get(license.tool_id, USED_UNDER)
    return rich.fill(gettext(template), license=_license_link(license, gettext))


def _source_list(sources: Sequence[tuple[Work, LicenseRef]], gettext: Gettext) -> rich.Rich:
    result: rich.Rich = ()
    for work, license in sources:
        credit = _credit(work, gettext, inside=True)
        item = rich.fill(gettext(SOURCE_ITEM), credit=credit, terms=_terms(license, gettext))
        result = rich.fill(gettext(LIST_ITEM), previous=result, next=item) if result else item
    return result
