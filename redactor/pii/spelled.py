"""A date written out in words, as a Belgian or a Luxembourg deed writes a date of birth: "geboren te Lokeren op drie
april negentienhonderd vierenzeventig", "né à Liège le trois avril mil neuf cent septante-quatre", "geboren am dritten
April neunzehnhundertvierundsiebzig", "born on the third of April nineteen seventy-four". A page that drafts a deed
from a form writes the date typed as "03/04/1974" so.

The words are rules/recognizers.yaml's (spelled_numbers, spelled_months); the grammar that joins them is here. The
forms are for the taint, which reads words case folded and without accents, and a hyphen as a space: "tweeëntwintig"
is written "tweeentwintig", "soixante-quatorze" "soixante quatorze". A few forms per date (the year joined or not,
mil or mille, Belgium's tens or France's), each a run of a handful of words: bounded.
"""

from __future__ import annotations

import functools

from redactor.ruledata import rule_words, word_groups

_DUTCH, _FRENCH, _GERMAN, _ENGLISH = range(4)


@functools.cache
def _words() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """(numbers, months) per language: numbers 0-19 then the tens 20-90; the months in order."""
    return word_groups("spelled_numbers"), word_groups("spelled_months")


#: where the tens start in a language's numbers: twenty is numbers[_TENS + 2]
_TENS = 18
#: how Dutch and German join a unit before its ten ("vier-en-zeventig", "vier-und-siebzig"), and their word for one
#: there ("een", "ein": German's "eins" stands alone only)
_UNIT_FIRST = {_DUTCH: ("en", None), _GERMAN: ("und", "ein")}


def _unit_first(n: int, language: int) -> str:
    """0-99 in Dutch or German, one word: "vierenzeventig", "tweeentwintig", "vierundsiebzig", "einundzwanzig"."""
    numbers = _words()[0][language]
    if n < 20:
        return numbers[n]
    unit, ten = n % 10, numbers[_TENS + n // 10]
    joiner, one = _UNIT_FIRST[language]
    return f"{one if unit == 1 and one else numbers[unit]}{joiner}{ten}" if unit else ten


def _french(n: int, belgian: bool = True) -> str:
    """0-99 as Belgium writes them ("septante-quatre", "nonante et un") or as France does ("soixante-quatorze",
    "quatre-vingt-onze"); a hyphen is a space to the taint."""
    numbers = _words()[0][_FRENCH]
    if n < 20:
        return numbers[n]
    tens, unit = divmod(n, 10)
    if not belgian and tens in (7, 9):  # France: the ten before, then ten to nineteen ("soixante-dix-sept")
        before = numbers[_TENS + tens - 1]
        return f"{before} et {numbers[11]}" if n == 71 else f"{before} {numbers[10 + unit]}"
    ten = numbers[_TENS + tens]
    if not unit:
        return f"{ten}s" if tens == 8 else ten  # quatre-vingts
    return f"{ten} et un" if unit == 1 and tens != 8 else f"{ten} {numbers[unit]}"


def _years(year: int) -> list[tuple[int, str]]:
    """A year of 1100-2099 in each language's words, in the ways a deed writes it: (language, words)."""
    century, rest = divmod(year, 100)
    if not 11 <= century <= 20:
        return []
    if century < 20:  # negentienhonderd vierenzeventig, neunzehnhundertvierundsiebzig, mil neuf cent …
        heads = {_DUTCH: f"{_unit_first(century, _DUTCH)}honderd", _GERMAN: f"{_unit_first(century, _GERMAN)}hundert"}
        french = [f"{thousand} {_french(century - 10)} cent" if century > 11 else f"{thousand} cent"
                  for thousand in ("mil", "mille")]
    else:  # tweeduizend vier, zweitausendvier, deux mille quatre
        heads = {_DUTCH: f"{_unit_first(2, _DUTCH)}duizend", _GERMAN: f"{_unit_first(2, _GERMAN)}tausend"}
        french = [f"{_french(2)} {thousand}" for thousand in ("mille", "mil")]
    forms = [(_FRENCH, f"{head} {_french(rest, belgian)}" if rest else head)
             for head in french for belgian in (True, False)]
    for language, head in heads.items():  # the year as one word, and with a space before its last two digits' words
        last = _unit_first(rest, language)
        forms += [(language, f"{head}{last}"), (language, f"{head} {last}")] if rest else [(language, head)]
    return list(dict.fromkeys(forms))


def _german_day(day: int) -> str:
    """The day's ordinal's stem: "erst", "dritt", "siebt", "vierundzwanzigst" (then "-e", "-en")."""
    irregular = {1: "erst", 3: "dritt", 7: "siebt", 8: "acht"}
    return irregular.get(day) or f"{_unit_first(day, _GERMAN)}{'t' if day < 20 else 'st'}"


def _english(n: int) -> str:
    """0-99 in English words, a hyphen as a space: "seventy four"."""
    numbers = _words()[0][_ENGLISH]
    tens, unit = divmod(n, 10)
    return numbers[n] if n < 20 else f"{numbers[_TENS + tens]} {numbers[unit]}" if unit else numbers[_TENS + tens]


def _english_day(day: int) -> str:
    """The day as an English ordinal: "third", "twenty first", "thirtieth"."""
    ordinals, numbers = rule_words()["spelled_ordinals"], _words()[0][_ENGLISH]
    tens, unit = divmod(day, 10)
    if day < 20:
        return ordinals[day - 1]
    return f"{numbers[_TENS + tens]} {ordinals[unit - 1]}" if unit else f"{numbers[_TENS + tens][:-1]}ieth"


def _english_years(year: int) -> list[str]:
    """A year of 1100-2099 as English says it: "nineteen seventy four", "nineteen oh five", "nineteen hundred and
    seventy four", "two thousand and four", "twenty twelve"."""
    century, rest = divmod(year, 100)
    if not 11 <= century <= 20:
        return []
    head = f"{_english(century)} hundred" if century < 20 else "two thousand"
    if not rest:
        return [head]
    said = [f"{head} and {_english(rest)}", f"{head} {_english(rest)}"]
    if century < 20 or rest >= 10:
        said.insert(0, f"{_english(century)} {'oh ' if rest < 10 else ''}{_english(rest)}")
    return said


def english_ordinal(day: int) -> str:
    """A day in digits with its English ordinal's ending: "1st", "3rd", "11th", "22nd"."""
    ending = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{ending}"


def english_month(month: int) -> str:
    return _words()[1][_ENGLISH][month - 1]


def spelled_dates(day: int, month: int, year: int) -> list[str]:
    """A date in words in Dutch, French, German and English, as deeds write it: the day (French's first is "premier",
    German's and English's an ordinal), the month's name, the year, each in the year's language; English also with
    "of" and month first ("third of April …", "April third …"). [] for a date out of range."""
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return []
    months = _words()[1]
    days = {_DUTCH: [_unit_first(day, _DUTCH)], _FRENCH: ["premier" if day == 1 else _french(day)],
            _GERMAN: [f"{_german_day(day)}{ending}" for ending in ("e", "en")]}
    dates = [f"{day_words} {months[language][month - 1]} {year_words}"
             for language, year_words in _years(year) for day_words in days[language]]
    english_day, english_month_name = _english_day(day), english_month(month)
    dates += [date for year_words in _english_years(year)
              for date in (f"{english_day} of {english_month_name} {year_words}",
                                 f"{english_month_name} {english_day} {year_words}")]
    return list(dict.fromkeys(dates))
