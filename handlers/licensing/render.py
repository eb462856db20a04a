"""The engine's answers in words, in one language: explanations, combinations and the chooser's result.

Used by the conversations (in the member's language) and by the command line (in English), so both say
exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list

from bot.core.i18n import N_, Translator
from handlers.licensing import chooser, compatibility, texts
from handlers.licensing.compatibility import Combination, Reason
from handlers.licensing.explainer import Explanation
from handlers.licensing.names import OtherLicense, valid_names
from handlers.licensing.tools import BY_SA, Tool, tool

BULLET = "• "
PDM_HINT = N_(
    "If your work is already in the public domain (for example, a very old work), don't license it: "
    "mark it with the Public Domain Mark instead: {url}"
)
REASONS = {
    Reason.PUBLIC_DOMAIN_ONLY: N_(
        "Only public-domain inputs: you may apply any tool to your own contributions."
    ),
    Reason.BY_AND_PUBLIC_DOMAIN: N_(
        "Only BY and public-domain inputs: any CC license may be used for your contributions. CC0 is "
        "permitted but not recommended, because the BY material still requires attribution."
    ),
    Reason.SHARE_ALIKE: N_(
        "The ShareAlike input {license} fixes the license of the adaptation: it must be {license} "
        "(or a later version, or a license CC has designated as compatible)."
    ),
    Reason.NONCOMMERCIAL: N_(
        "With NonCommercial material, CC recommends that the adaptation keep NC. Other licenses are "
        "technically permitted for your own contributions, but the NC terms still govern the NC material, "
        "so the whole cannot be used commercially."
    ),
    Reason.NO_DERIVATIVES: N_(
        "Material under {licenses} may be adapted privately, but adaptations may not be shared, so no "
        "license for a shared adaptation is possible."
    ),
}
PAIR_REASON = N_("CC's remix chart marks {first} with {second} as incompatible.")
SA_WITH_NC = N_(
    "An adaptation of BY-SA material must stay under BY-SA, which allows commercial use, so it cannot "
    "include NonCommercial material."
)
SA_WITH_SA = N_(
    "Each ShareAlike input requires the adaptation to use its own license, and one adaptation cannot "
    "have both."
)
IGO = N_(
    "IGO licenses are the 3.0 versions for intergovernmental organisations; UNESCO, for example, publishes "
    "under {example}."
)
NOT_COVERED = N_(
    "Older, ported and IGO versions also differ in wording and details that my data does not cover: read the "
    "legal code. My compatibility checks (/combine) cover 4.0 only."
)
SOURCE = N_("Source: {url}")
CREDIT_EVERY_SOURCE = N_(
    "Credit every source (title, author, source, license) and say which parts are under which license; "
    "/attribute writes the credit."
)
COLLECTION = N_(
    "Alternative: keep the works separate and unchanged, side by side, in a collection. Every CC license, "
    "including ND, allows this, and each work keeps its own license."
)
NONCOMMERCIAL_COLLECTION = N_(
    "Because NonCommercial material is included, the collection itself must be under a NonCommercial "
    "license (BY-NC, BY-NC-SA or BY-NC-ND)."
)
CONTESTED = N_(
    "Note: CC's two charts disagree on this pair. Read row by row, the adapter's license chart would permit "
    "BY-SA (not recommended) for the BY-NC input, but CC's remix chart and FAQ say the two cannot be "
    "combined; I follow the remix chart."
)


def tool_heading(translator: Translator, chosen: Tool) -> str:
    return f"{chosen.short_name} — {translator.gettext(texts.TOOL_NAMES[chosen.id])}"


def license_list(tool_ids: Sequence[str]) -> str:
    return ", ".join(tool(tool_id).short_name for tool_id in tool_ids)


def unknown_license(translator: Translator, name: str) -> str:
    return translator.t(texts.VALID_NAMES, name=name[:60], names=", ".join(valid_names()))


def links(translator: Translator, deed: str, legal_code: str | None) -> list[str]:
    lines = [translator.t(texts.DEED, url=deed)]
    if legal_code:
        lines.append(translator.t(texts.LEGAL_CODE, url=legal_code))
    return lines


def explanation(translator: Translator, about: Explanation) -> str:
    ref = about.license
    if not ref.is_current:
        return older_version(translator, about)
    lines = [tool_heading(translator, ref.tool), translator.gettext(texts.SUMMARIES[ref.tool_id])]
    lines.append(translator.gettext(texts.ALLOWS_HEADER))
    lines += [BULLET + translator.gettext(texts.ALLOWS[code]) for code in about.allows]
    lines.append(translator.gettext(texts.REQUIRES_HEADER))
    lines += [BULLET + translator.gettext(texts.REQUIRES[code]) for code in about.requires]
    lines += [translator.gettext(texts.NOTES[code]) for code in about.notes]
    lines += links(translator, ref.deed_url, ref.legal_code_url)
    return "\n".join(lines)


def older_version(translator: Translator, about: Explanation) -> str:
    ref = about.license
    current = ref.tool
    lines = [
        translator.t(
            N_("{license} is an older version. The current version is {current}: {name}."),
            license=ref.short_name,
            current=current.short_name,
            name=translator.gettext(texts.TOOL_NAMES[current.id]),
        )
    ]
    if ref.port == "igo":
        lines.append(translator.t(IGO, example="CC BY-SA 3.0 IGO"))
    lines.append(translator.gettext(N_("What differs in substance from 4.0:")))
    lines += [BULLET + translator.gettext(texts.DIFFERENCES[code]) for code in about.differences]
    lines.append(translator.gettext(NOT_COVERED))
    lines += links(translator, ref.deed_url, ref.legal_code_url)
    lines.append(translator.t(N_("The current version: {command}"), command=f"/explain {current.short_name}"))
    return "\n".join(lines)


def other_license(translator: Translator, other: OtherLicense) -> str:
    """What CC has determined about GPLv3 or FAL 1.3 (their compatibility with BY-SA 4.0)."""
    lines = [
        translator.t(
            N_("{license} is not a Creative Commons license, so I can't explain or combine it."),
            license=other.name,
        ),
        translator.gettext(texts.BYSA_COMPATIBLE),
    ]
    lines += [
        translator.t(SOURCE, url=option.sources[0])
        for option in compatibility.compatible_licenses(BY_SA)
        if option.id == other.id
    ]
    return "\n".join(lines)


def combination(translator: Translator, result: Combination) -> str:
    names = format_list([tool(tool_id).short_name for tool_id in result.inputs], locale=translator.language)
    lines = [_verdict(translator, result, names)]
    if result.can_combine:
        lines.append(
            translator.t(
                N_("Recommended for the adaptation: {licenses}"), licenses=license_list(result.recommended)
            )
        )
        if result.permitted_not_recommended:
            lines.append(
                translator.t(
                    N_("Permitted but not recommended by CC: {licenses}"),
                    licenses=license_list(result.permitted_not_recommended),
                )
            )
    lines.append(translator.t(N_("Why: {reason}"), reason=reason(translator, result)))
    if result.non_cc_options:
        lines.append(translator.gettext(texts.BYSA_COMPATIBLE))
    if result.contested:
        lines.append(translator.gettext(CONTESTED))
    lines += _afterword(translator, result)
    return "\n".join(lines)


def reason(translator: Translator, result: Combination) -> str:
    if result.reason is Reason.INCOMPATIBLE_PAIR:
        assert result.incompatible_pair is not None
        first, second = result.incompatible_pair
        sentence = translator.t(PAIR_REASON, first=tool(first).short_name, second=tool(second).short_name)
        both_sa = tool(first).share_alike and tool(second).share_alike
        return f"{sentence} {translator.gettext(SA_WITH_SA if both_sa else SA_WITH_NC)}"
    if result.reason is Reason.SHARE_ALIKE:
        assert result.share_alike_input is not None
        return translator.t(REASONS[result.reason], license=tool(result.share_alike_input).short_name)
    if result.reason is Reason.NO_DERIVATIVES:
        return translator.t(REASONS[result.reason], licenses=license_list(result.nd_inputs))
    return translator.gettext(REASONS[result.reason])


def _verdict(translator: Translator, result: Combination, names: str) -> str:
    single = len(result.inputs) == 1
    if result.can_combine:
        message = (
            N_("Yes: material under {licenses} may be adapted and the adaptation shared.")
            if single
            else N_("Yes: {licenses} can be combined into one adaptation that you share.")
        )
    else:
        message = (
            N_("No: material under {licenses} may not be shared in adapted form.")
            if single
            else N_("No: {licenses} cannot be combined into one adaptation that you share.")
        )
    return translator.t(message, licenses=names)


def _afterword(translator: Translator, result: Combination) -> list[str]:
    urls = compatibility.faq_urls()
    if result.can_combine:
        return [translator.gettext(CREDIT_EVERY_SOURCE), translator.t(SOURCE, url=urls["adapter"])]
    lines = [translator.gettext(COLLECTION)]
    if not result.commercial_collection_possible:
        lines.append(translator.gettext(NONCOMMERCIAL_COLLECTION))
    lines += [
        translator.t(SOURCE, url=urls["remix"]),
        translator.t(SOURCE, url=urls["collections"]),
    ]
    return lines


def chooser_result(translator: Translator, chosen: Tool) -> str:
    """The recommendation: the tool, its meaning, its deed and legal code, and the PDM pointer."""
    lines = [
        translator.t(N_("Recommended for your work: {tool}"), tool=tool_heading(translator, chosen)),
        translator.gettext(texts.SUMMARIES[chosen.id]),
        *links(translator, chosen.deed_url, chosen.legal_code_url),
    ]
    if chosen.is_license:
        lines.append(
            translator.gettext(N_("CC licenses are irrevocable: once applied, you cannot withdraw them."))
        )
    lines.append(translator.t(PDM_HINT, url=chooser.public_domain_mark_url()))
    return "\n".join(lines)
