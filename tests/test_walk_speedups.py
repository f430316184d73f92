"""The walk's shortcuts answer as the work they spare would (bench/throughput.py measures what they spare)."""

from redactor.content import CODES_INTRO, listed_codes


def test_listed_codes_without_a_digit_finds_none_and_with_one_as_before():
    """listed_codes is asked of every short text of a page: a text without a digit (most) is answered without the
    opener's search, since every code holds one; a digit of another script is a digit there too."""
    assert listed_codes(CODES_INTRO + "Onze boormachines") == []
    assert listed_codes("backup codes: Download your backup codes") == []
    assert listed_codes(CODES_INTRO + "7302 4619") == [(14, 18, "SECRET"), (19, 23, "SECRET")]
    arabic = CODES_INTRO + "٧٣٠٢-٤٦١٩"  # Arabic-Indic digits: str.isdigit and the entries' check agree
    assert listed_codes(arabic) == [(14, 23, "SECRET")]
    assert listed_codes("herstelcodes 73024619 en 11223344") == [(13, 21, "SECRET"), (25, 33, "SECRET")]


def test_an_attributes_traits_are_the_structures_answers_kept_per_name():
    """Structure.name_traits answers once per name what is_structural, page_name_kept and is_css answer: the mirror
    and the walk read each attribute by it. A name longer than a cache keeps is answered each time, not kept."""
    from redactor.policy import CSS_NAME, KEPT_NAME, STRUCTURAL_NAME, page_name_kept, shipped_structure

    structure = shipped_structure()
    names = ["class", "CLASS", "id", "style", "_cssText", "href", "value", "srcdoc", "data-testid", "aria-label",
             "data-griet-verhaeghe", "jan@mail.example", "0478913527", "x" * 300, "data-" + "a" * 400]
    for name in names * 2:  # the second time from what was kept
        traits, lower = structure.name_traits(name)
        assert lower == name.lower()
        assert bool(traits & STRUCTURAL_NAME) == structure.is_structural(name)
        assert bool(traits & KEPT_NAME) == (structure.is_structural(name) or page_name_kept(name))
        assert bool(traits & CSS_NAME) == structure.is_css(name)
    assert "x" * 300 not in structure.traits and "class" in structure.traits
