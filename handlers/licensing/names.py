"""Recognising license names however they are written: "by-nc-sa", "CC BY-NC-SA 4.0",
"Attribution-NonCommercial-ShareAlike", "署名-非商业性使用-相同方式共享 4.0 国际", "CC BY-SA 3.0 IGO", "CC0".

A name without a version is the current one (4.0; 1.0 for CC0 and the Public Domain Mark). Older versions
(1.0, 2.0, 2.1, 2.5, 3.0), ported versions ("CC BY 3.0 FR") and IGO 3.0 are recognised as such. "Public
domain" alone means the Public Domain Mark. The GNU GPL and the Free Art License are recognised only so that
the bot can say what CC has determined about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from handlers.licensing import vocabulary as v
from handlers.licensing.tools import CC0, PDM, Tool, all_tools, load_json, tool, tool_with_code

GPL3 = "GPL-3.0"
FAL = "FAL-1.3"
OTHER_NAMES = {GPL3: "GNU General Public License version 3", FAL: "Free Art License 1.3"}
_ELEMENT_ORDER = ("by", "nc", "nd", "sa")


@dataclass(frozen=True)
class LicenseRef:
    """A CC license or tool as written: the licenses.json tool with the same elements, and the version."""

    tool_id: str
    version: str
    port: str | None = None  # "igo" or a jurisdiction code ("fr") for older versions

    @property
    def tool(self) -> Tool:
        return tool(self.tool_id)

    @property
    def is_current(self) -> bool:
        return self.version == self.tool.version and self.port is None

    @property
    def id(self) -> str:
        """The licenses.json id for the eight tools; the same scheme for older ones ("CC-BY-SA-3.0-IGO")."""
        if self.is_current:
            return self.tool_id
        suffix = f"-{self.port.upper()}" if self.port else ""
        return f"CC-{self.tool.code.upper()}-{self.version}{suffix}"

    @property
    def short_name(self) -> str:
        if self.is_current:
            return self.tool.short_name
        suffix = f" {self.port.upper()}" if self.port else ""
        return f"CC {self.tool.code.upper()} {self.version}{suffix}"

    @property
    def deed_url(self) -> str:
        if self.is_current:
            return self.tool.deed_url
        port = f"{self.port}/" if self.port else ""
        return f"https://creativecommons.org/licenses/{self.tool.code}/{self.version}/{port}"

    @property
    def legal_code_url(self) -> str | None:
        if self.is_current:
            return self.tool.legal_code_url
        return f"{self.deed_url}legalcode"


@dataclass(frozen=True)
class OtherLicense:
    """A non-CC license that CC has determined to be compatible with BY-SA 4.0 (GPLv3, FAL 1.3)."""

    id: str

    @property
    def name(self) -> str:
        return OTHER_NAMES[self.id]


License = LicenseRef | OtherLicense


@dataclass(frozen=True)
class Found:
    """A license name found in a text; `explicit` when it cannot be ordinary prose (free-text questions)."""

    license: License
    start: int
    end: int
    explicit: bool
    generic: bool = False  # "public domain" in general, which the Public Domain Mark only labels


class UnknownLicense(ValueError):
    """Text that is not the name of one of the tools; `text` is the part that was not understood."""

    def __init__(self, text: str) -> None:
        super().__init__(f"unknown license {text!r}")
        self.text = text


def valid_names() -> list[str]:
    """The names to suggest after an unknown one: the eight tools' short names."""
    return [t.short_name for t in all_tools()]


def parse_license(text: str) -> License:
    """Exactly one license name, however written; UnknownLicense (naming the whole text) otherwise."""
    try:
        found = parse_licenses(text)
    except UnknownLicense:
        raise UnknownLicense(text.strip()) from None
    if not found:
        raise UnknownLicense(text.strip())
    first = found[0]
    if all(_same_tool(first, other) for other in found):  # e.g. «Attribution» («Атрибуция») 4.0
        return max(found, key=lambda f: isinstance(f, LicenseRef) and f.version != f.tool.version)
    raise UnknownLicense(text.strip())


def parse_licenses(text: str) -> list[License]:
    """Every license named in `text` ("BY-SA BY-NC", "CC BY 4.0, CC0 and PDM"); UnknownLicense when some
    part of the text is not a license name (or a word joining names, such as "and")."""
    cleaned = v.clean(text)
    found = find_licenses(cleaned, strict=True)
    leftover = _leftover(cleaned, found)
    if leftover:
        raise UnknownLicense(leftover)
    return [f.license for f in found]


def find_licenses(text: str, strict: bool = False) -> list[Found]:
    """License names in running text. Without `strict`, only names that cannot be ordinary words count:
    a "CC" prefix, a version, two elements ("BY-SA"), CC0, the Public Domain Mark, the GPL or FAL."""
    cleaned = v.clean(text)
    results: list[Found] = []
    for match in _patterns()["any"].finditer(cleaned):
        results += _interpret(match, strict)
    return [f for f in results if strict or f.explicit]


def _same_tool(a: License, b: License) -> bool:
    if isinstance(a, LicenseRef) and isinstance(b, LicenseRef):
        return a.tool_id == b.tool_id
    return a == b


def _interpret(match: re.Match[str], strict: bool) -> list[Found]:
    start, end = match.span()
    if match.group("cc0"):
        return [Found(LicenseRef(CC0, "1.0"), start, end, True)]
    if match.group("pdm") or match.group("pd"):
        return [Found(LicenseRef(PDM, "1.0"), start, end, True, generic=not match.group("pdm"))]
    if match.group("gpl") is not None:
        version = match.group("gplv")
        return [Found(OtherLicense(GPL3), start, end, True)] if version in (None, "3") else []
    if match.group("fal"):
        return [Found(OtherLicense(FAL), start, end, True)]
    return _licenses_in(match, strict)


def _licenses_in(match: re.Match[str], strict: bool) -> list[Found]:
    groups = _split_groups(match.group("els"))
    version, port = match.group("ver"), match.group("port")
    if port and not strict and len(port) == 2 and not port.isupper():
        port = None  # "CC BY 3.0 in my course": "in" is a word here, not India
    port = v.PORT_NAMES.get(port.lower(), port) if port else None
    refs: list[Found] = []
    for index, elements in enumerate(groups):
        last = index == len(groups) - 1
        ref = _ref(elements, version if last else None, port if last else None)
        if ref is None:
            if strict:
                raise UnknownLicense(match.group(0).strip())
            continue
        explicit = bool(match.group("cc")) or (last and version is not None) or len(elements) >= 2
        refs.append(Found(ref, match.start(), match.end(), explicit))
    return refs


def _split_groups(text: str) -> list[list[str]]:
    """The elements of "by sa by nc" as [["by", "sa"], ["by", "nc"]]: a repeated element starts a new name."""
    groups: list[list[str]] = [[]]
    for element_match in _patterns()["element"].finditer(text):
        element = next(name for name, value in element_match.groupdict().items() if value)
        if element in groups[-1]:
            groups.append([])
        groups[-1].append(element)
    return [group for group in groups if group]


def _ref(elements: list[str], version: str | None, port: str | None) -> LicenseRef | None:
    chosen = set(elements) | {"by"}  # every 4.0 license (and every 2.0+ license) requires attribution
    if {"sa", "nd"} <= chosen:
        return None
    license_tool = tool_with_code("-".join(e for e in _ELEMENT_ORDER if e in chosen))
    if license_tool is None:
        return None
    data = _versions()
    version = version or license_tool.version
    if version != license_tool.version and version not in data["older_versions"]:
        return None
    if port is not None:
        port = port.lower()
        if version == license_tool.version:
            return None  # 4.0 has neither ports nor an IGO version
        if port == "igo" and version not in data["igo_versions"]:
            return None
        if port != "igo" and port not in data["jurisdictions"]:
            return None
    return LicenseRef(license_tool.id, version, port)


def _leftover(text: str, found: list[Found]) -> str:
    rest = text
    for f in sorted(found, key=lambda f: f.start, reverse=True):
        rest = rest[: f.start] + " " + rest[f.end :]
    rest = _patterns()["noise"].sub(" ", rest)
    return re.sub(r"[\s,;:+&/|()«»\"“”'.!?¿¡？！؟،\-·、，；和]+", " ", rest).strip()


@cache
def _versions() -> dict[str, Any]:
    data: dict[str, Any] = load_json("versions.json")
    return data


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    sep = r"[\s\-«»\"“”()،]*"
    element = "|".join(f"(?P<{name}>{v.words_pattern(words)})" for name, words in v.ELEMENT_WORDS.items())
    one = f"(?:{'|'.join(v.words_pattern(words) for words in v.ELEMENT_WORDS.values())})"
    codes = sorted([*_versions()["jurisdictions"], *v.PORT_NAMES], key=len, reverse=True)
    ports = "|".join(["igo", *(r"[\s\-]+".join(map(re.escape, code.split(" "))) for code in codes)])
    license_pattern = (
        rf"(?P<cc>{v.words_pattern(v.CC_PREFIX_WORDS)}{sep})?"
        rf"(?P<els>{one}(?:{sep}{one})*)"
        rf"(?:{sep}(?:{v.words_pattern(v.VERSION_WORDS)}\s*)?v?(?P<ver>\d\.\d)(?![\d.]\d))?"
        rf"(?:{sep}(?P<port>{ports})(?!\w))?"
        rf"(?:{sep}{v.words_pattern(v.SUFFIX_WORDS)})?"
    )
    version_1 = rf"(?:[\s\-]*v?1\.0(?!\d))?(?:{sep}{v.words_pattern(v.SUFFIX_WORDS)})?"
    cc0 = rf"(?:(?<!\w)cc[\s\-]*0(?!\w)|(?<!\w)cc0(?!\w)|{v.words_pattern(v.CC0_WORDS)}){version_1}"
    gpl = (
        r"(?<!\w)(?:gnu[\s\-]*)?(?:general[\s\-]+public[\s\-]+licen[cs]e|gpl)(?:[\s\-]*v(?:ersion)?)?"
        r"(?:[\s\-]*(?P<gplv>\d)(?:\.\d)?)?(?:\+|-or-later|-only)?(?!\w)"
    )
    fal = rf"{v.words_pattern(v.FAL_WORDS)}(?:[\s\-]*v?1\.3)?"
    combined = (
        rf"(?P<cc0>{cc0})|(?P<pdm>{v.words_pattern(v.PDM_WORDS)}{version_1})"
        rf"|(?P<pd>{v.words_pattern(v.PUBLIC_DOMAIN_WORDS)})|(?P<gpl>{gpl})|(?P<fal>{fal})|{license_pattern}"
    )
    # Every name above starts a word with one of these letters ("cc0", "gnu" and "gpl" too): checked
    # first, the alternatives are tried only there. The same matches, several times faster.
    first_words = (
        *(word for words in v.ELEMENT_WORDS.values() for word in words),
        *v.CC_PREFIX_WORDS,
        *v.CC0_WORDS,
        *v.PDM_WORDS,
        *v.PUBLIC_DOMAIN_WORDS,
        *v.FAL_WORDS,
        "cc0",
        "gnu",
        "general",
        "gpl",
    )
    combined = f"{v.starts_pattern(first_words)}(?:{combined})"
    return {
        "any": re.compile(combined, re.IGNORECASE),
        "element": re.compile(element, re.IGNORECASE),
        "noise": re.compile(
            v.words_pattern(v.NOISE_WORDS + v.JOIN_WORDS + v.SUFFIX_WORDS + v.VERSION_WORDS), re.IGNORECASE
        ),
    }
