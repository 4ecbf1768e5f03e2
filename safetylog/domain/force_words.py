"""The use-of-force subtypes in words, with the provision beside them (domain.md § 3.2, § 11.4).

The taxonomy's labels for FRC are bare provisions ("§ 124 c"); a night worker choosing one needs
to know what it means. The taxonomy file is released and not edited in place, so the words live
here, keyed by subtype code.
"""

from __future__ import annotations

FORCE_TYPE = "FRC"

WORDS: dict[str, tuple[str, str]] = {
    "124c": ("Kortvarig fastholdelse eller føring væk for at afværge ødelæggelse af ting – § 124 c",
             "Brief hold or leading away to prevent damage to property – § 124 c"),
    "124d": ("Fastholdelse, tilbageholdelse eller føring tilbage ved fare for personen selv eller "
             "andre – § 124 d",
             "Holding, detaining or leading back when the person endangers self or others – § 124 d"),
    "self_defence": ("Nødværge eller nødret – straffeloven §§ 13–14",
                     "Self-defence or necessity – Criminal Code §§ 13–14"),
    "no_basis": ("Magt uden lovhjemmel – skal stadig registreres og indberettes",
                 "Force without legal basis – must still be registered and reported"),
    "pre_approved": ("Forhåndsgodkendt indgreb efter kommunens afgørelse – §§ 125, 128, 128 b–h, 136 a",
                     "Pre-approved measure under the municipality's decision – §§ 125, 128, 128 b–h, 136 a"),
}


def subtype_words(code: str, subtype: str, language: str) -> str | None:
    """What a subtype means, with its provision; None where the label says enough."""
    if code != FORCE_TYPE or subtype not in WORDS:
        return None
    da, en = WORDS[subtype]
    return da if language == "da" else en
