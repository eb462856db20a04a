"""The licensing assistant's facts in words, marked for translation.

The tool names and summaries are those of licenses.json, word for word (a test keeps them equal); the other
sentences restate compatibility.json, chooser_cases.json, attribution.md and versions.json. Translators: use
CC's official license names in your language where they exist.
"""

from __future__ import annotations

from bot.core.i18n import N_

TOOL_NAMES = {
    "CC0-1.0": N_("CC0 1.0 Universal"),
    "PDM-1.0": N_("Public Domain Mark 1.0"),
    "CC-BY-4.0": N_("Creative Commons Attribution 4.0 International"),
    "CC-BY-SA-4.0": N_("Creative Commons Attribution-ShareAlike 4.0 International"),
    "CC-BY-NC-4.0": N_("Creative Commons Attribution-NonCommercial 4.0 International"),
    "CC-BY-NC-SA-4.0": N_("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International"),
    "CC-BY-ND-4.0": N_("Creative Commons Attribution-NoDerivatives 4.0 International"),
    "CC-BY-NC-ND-4.0": N_("Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International"),
}

SUMMARIES = {
    "CC0-1.0": N_(
        "The rights holder waives all copyright and related rights worldwide as far as the law allows, so "
        "anyone may copy, adapt and use the work for any purpose, even commercially, with no conditions "
        "(credit is good practice but not required)."
    ),
    "PDM-1.0": N_(
        "A label, not a legal instrument, saying a work is already free of known copyright restrictions "
        "worldwide (typically very old works); anyone may copy, modify and use it for any purpose without "
        "asking permission."
    ),
    "CC-BY-4.0": N_(
        "Anyone may share and adapt the material in any medium or format for any purpose, including "
        "commercially, as long as they give appropriate credit, link to the license and indicate changes."
    ),
    "CC-BY-SA-4.0": N_(
        "Anyone may share and adapt the material for any purpose, including commercially, with credit; "
        "adaptations they share must be licensed under CC BY-SA 4.0 (or a later BY-SA version, or a "
        "CC-approved BY-SA Compatible License)."
    ),
    "CC-BY-NC-4.0": N_(
        "Anyone may share and adapt the material for noncommercial purposes only, with credit; adapters need "
        "not use the same license, though CC recommends keeping the NC element."
    ),
    "CC-BY-NC-SA-4.0": N_(
        "Anyone may share and adapt the material for noncommercial purposes only, with credit; adaptations "
        "they share must be licensed under CC BY-NC-SA 4.0 (or later version / BY-NC-SA Compatible License)."
    ),
    "CC-BY-ND-4.0": N_(
        "Anyone may copy and redistribute the material unchanged, for any purpose including commercially, "
        "with credit; adapted versions may be made privately but may not be shared."
    ),
    "CC-BY-NC-ND-4.0": N_(
        "Anyone may copy and redistribute the material unchanged for noncommercial purposes only, with "
        "credit; adapted versions may be made privately but may not be shared."
    ),
}

# What a tool allows and requires (licenses.json booleans), for the explainer.
ALLOWS = {
    "share": N_("copying and redistributing the material in any medium or format"),
    "adapt": N_("adapting it (remixing, transforming, building upon it) and sharing the adaptations"),
    "adapt_privately": N_("making adapted versions privately, without sharing them"),
    "commercial": N_("any purpose, even commercially"),
}
REQUIRES = {
    "attribution": N_("giving appropriate credit, linking to the license and indicating changes"),
    "noncommercial": N_("noncommercial purposes only"),
    "sharealike": N_(
        "sharing adaptations under the same license (or a later version, or a license CC has designated as "
        "compatible)"
    ),
    "unchanged": N_("sharing only unchanged copies: adapted versions may not be shared"),
    "nothing": N_("nothing: no conditions (giving credit is good practice but not required)"),
}
BYSA_COMPATIBLE = N_(
    "CC has designated two non-CC licenses as compatible: GNU GPL version 3, one way only (BY-SA 4.0 "
    "material may be adapted under GPLv3, but GPLv3 material may not be adapted under BY-SA), and the "
    "Free Art License 1.3, both ways."
)
NOTES = {
    "cc0_waiver": N_(
        "CC0 is not a license but a public domain dedication: a waiver, backed by a fallback license where "
        "the waiver is not effective. Only the rights holder can apply it."
    ),
    "pdm_label": N_(
        "The Public Domain Mark has no legal code. Do not apply it to your own in-copyright work (use CC0) "
        "or to works still in copyright in some jurisdictions."
    ),
    "bysa_compatible": BYSA_COMPATIBLE,
    "free_cultural": N_("Approved for Free Cultural Works."),
    "not_free_cultural": N_("Not approved for Free Cultural Works."),
}

# What differs in substance in versions before 4.0 (versions.json, with its sources).
DIFFERENCES = {
    "title_required": N_("Attribution must include the title of the work (4.0 only recommends it)."),
    "changes_only_for_adaptations": N_(
        "Indicating changes is required only for adaptations (4.0 requires it for any modification)."
    ),
    "no_automatic_reinstatement": N_(
        "There is no automatic reinstatement of the license after a violation is corrected."
    ),
    "nd_no_private_adaptations": N_(
        "ND: adaptations may not be made at all, not even privately (4.0 allows private adaptations)."
    ),
    "ncsa_no_compatibility": N_("BY-NC-SA had no compatibility mechanism before 4.0."),
}

DEED = N_("Deed: {url}")
LEGAL_CODE = N_("Legal code: {url}")
ALLOWS_HEADER = N_("Allows:")
REQUIRES_HEADER = N_("Requires:")
VALID_NAMES = N_(
    "I don't recognise “{name}” as one of the Creative Commons tools I know. Valid names: {names}. "
    "Any common spelling works, for example by-sa, CC BY-SA 4.0 or Attribution-ShareAlike."
)
