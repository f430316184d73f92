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
