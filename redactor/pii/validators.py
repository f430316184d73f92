"""The validators recognizers name in rules/recognizers.yaml: name → predicate on the matched text,
each from a library (python-stdnum, phonenumbers) or a name rule, never checksum arithmetic written
here. Apart from the recognizers so that what checks a number outside Presidio (content.py's URL
pieces) imports no Presidio: `redactor check-config` loads no model nor analyzer."""
from __future__ import annotations

import datetime
import functools
import importlib
import itertools
import re
from typing import Callable, Iterator

import phonenumbers
import tldextract
from stdnum import ean, luhn, numdb, verhoeff
from stdnum.iso7064 import mod_97_10
from text_to_num import alpha2digit

from redactor.pii.names import (account_holder, addressed_opening_a_message, addressed_surname, aged_name,
                                common_given_name_first, dedicatee, file_owner, full_name_in_capitals, gift_recipient,
                                given_name_alone,
                                greeted_lower_case_name, greeted_lower_case_name_going_on, greeted_name,
                                greeted_unknown_name, greeted_unknown_name_alone, household_surname,
                                hungarian_married_name, initialled_surname, introduced_name, lower_case_full_name,
                                lower_case_name, lower_case_name_after_being, paired_surnames, relative_lower_case_name,
                                role_holder, starts_with_first_name, surname_before_given_names, surname_comma_given,
                                surname_in_capitals)
from redactor.ruledata import rule_words, word_groups


def _card(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 14:  # Diners; other 14-digit numbers (SIRET…) are not cards
        return digits[:2] in ("30", "36", "38") and luhn.is_valid(digits)
    if len(digits) == 15:  # Amex
        return digits[:2] in ("34", "37") and luhn.is_valid(digits)
    return len(digits) in (16, 17, 18, 19) and luhn.is_valid(digits)  # 13-digit Visa is retired; EANs are 13


#: a letter O typed for the zero that opens a number ("O478 12 34 56", "o6 12 34 56 78")
_LETTER_O = re.compile(r"(?<!\w)[Oo](?=\d)")


_SEVEN_DIGIT_REGIONS = {"IS", "EE"}

#: a mobile prefix a country dropped that its people still dial after its code: Mexico's "1" ("+52 1 55 1234 5678",
#: every Mexican mobile's shape until 2019, which phonenumbers' metadata no longer holds; held-out peers round 33)
_DROPPED_MOBILE_PREFIXES = {52: "1"}


def _without_dropped_prefix(number: phonenumbers.PhoneNumber) -> phonenumbers.PhoneNumber:
    """The number without the mobile prefix its country dropped (_DROPPED_MOBILE_PREFIXES), or the number."""
    prefix, national = _DROPPED_MOBILE_PREFIXES.get(number.country_code), str(number.national_number)
    if not prefix or not national.startswith(prefix) or len(national) <= len(prefix):
        return number
    return phonenumbers.PhoneNumber(country_code=number.country_code, national_number=int(national[len(prefix):]))


def _phone(regions: list[str]) -> Callable[[str], bool]:
    # Fewer digits than this is a date, a price or a short code far more often than a phone number
    # ("03-02-1979" is a valid German number).
    # Iceland and Estonia dial seven digits (rules/recognizers.yaml phone_seven_digits, taken only beside a phone word).
    min_digits = 8 if regions in (["INTL"], ["E164"]) else 7 if set(regions) <= _SEVEN_DIGIT_REGIONS else 9

    def valid(text: str) -> bool:
        if sum(c.isdigit() for c in text) < min_digits:
            return False
        # phonenumbers takes neither the narrow no-break space, a colon ("0478:91:35:27"), a middle dot, an
        # underscore nor a comma ("0478_99_88_77", "06,12,34,56,78") as a separator
        text = _LETTER_O.sub("0", re.sub(r"[\s:·_,]", " ", text))
        for region in regions:
            try:
                if region == "INTL":
                    number = _without_dropped_prefix(
                        phonenumbers.parse("+" + text.lstrip()[2:] if text.lstrip().startswith("00") else text))
                elif region == "E164":  # the country code first, its '+' left out: "32478998877"
                    number = _without_dropped_prefix(phonenumbers.parse("+" + text.strip()))
                else:
                    number = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True
            # a '+' and a country's code say a phone as a range does: a number of that country's length in a range
            # phonenumbers' metadata does not hold (new, or mistyped) is still the visitor's ("+44 7911 482 306":
            # held-out set 20; fail closed). Not after "00", which opens product codes as often (EAN-13s of UPCs), nor
            # a national number led by a zero, as a placeholder's ("+33 0 00 00 00 00") or a count's ("+10 000 000")
            if (region == "INTL" and text.lstrip().startswith("+") and not number.italian_leading_zero
                    and phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE):
                return True
        return False

    return valid


def _phone_prefix(text: str) -> bool:
    """The start of a phone number written as E.164 writes it ("+3249658": what a page shows of a mobile being
    typed): a country calling code, then a national number of five digits or more, not led by a zero (a count
    such as "+100000" is), and no longer than one of that country may be. A whole number passes too."""
    digits = text.strip().lstrip("+")
    if not digits.isascii() or not digits.isdigit():
        return False
    for size in (1, 2, 3):
        code, national = int(digits[:size]), digits[size:]
        if code not in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            continue
        if len(national) < 5 or national.startswith("0"):
            return False
        number = _without_dropped_prefix(phonenumbers.PhoneNumber(country_code=code, national_number=int(national)))
        return phonenumbers.is_possible_number_with_reason(number) in (
            phonenumbers.ValidationResult.IS_POSSIBLE, phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
            phonenumbers.ValidationResult.TOO_SHORT)
    return False


def _trunk_added(regions: list[str]) -> Callable[[str], bool]:
    """A national number written without its trunk prefix ("478 12 34 56" for 0478 12 34 56, "6 12345678"): valid
    once the region's 0 is put back."""
    valid = _phone(regions)
    return lambda text: valid("0" + text.lstrip())


#: the languages whose number words text2num reads, of the site languages (rules/pii.yaml languages and German)
_NUMBER_LANGUAGES = ("nl", "fr", "en", "de")
#: what a number in words says besides digits: a country code's "+", an English zero ("oh")
_SPOKEN_PLUS = re.compile(r"(?i)(?<!\w)plus(?!\w)[\s,]*")
_SPOKEN_ZERO = re.compile(r"(?i)(?<!\w)(?:oh|o)(?!\w)")


def _in_digits(text: str) -> Iterator[str]:
    """A text written in number words read as digits, once per language that reads all its words ("nul vier zeven
    acht twaalf" → "04 7 8 12"; "zéro quatre cent septante-huit" → "0478"): text2num's alpha2digit, the words of
    another language or no number left as they were."""
    text = _SPOKEN_ZERO.sub("0", _SPOKEN_PLUS.sub("+", text))
    for language in _NUMBER_LANGUAGES:
        try:
            read = alpha2digit(text, language)
        except (ValueError, RuntimeError):
            continue
        if read != text:
            yield read


def _phone_in_words(regions: list[str]) -> Callable[[str], bool]:
    """A phone number spelled in words ("nul vier zeven acht twaalf vierendertig zesenvijftig", "zéro six douze
    trente-quatre …", "plus trente-deux …"): every word a number's, said from its trunk's zero or its country code
    as people say their number ("een twee drie vier …" counts), and the digits they say a valid number."""
    national, international = _phone(regions), _phone(["INTL"])

    def valid(text: str) -> bool:
        for read in _in_digits(text):
            if re.fullmatch(r"(?:\+|0)[\d\s,.-]+", read):
                return (international if read.startswith("+") else national)(read)
        return False

    return valid


#: a date read in digits from its words: a day (an ordinal's ending too: "3rd", "3e", "3."; "premier", "1er"), a
#: month's name, a year in one group or two ("1986", "19 86")
_DAY_MONTH_YEAR = re.compile(r"(?i)(?:(?:the|le|de|den|am)\s+)?(\d{1,2}|premier|1er)(?:st|nd|rd|th|er|e|ste|de|\.)?\s+(?:of\s+|de\s+)?"
                             r"([^\W\d_]+)\.?,?\s+(\d{4}|\d{2}\s\d{2})")
_MONTH_DAY_YEAR = re.compile(r"(?i)([^\W\d_]+)\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}|\d{2}\s\d{2})")


def _date_in_words(text: str) -> bool:
    """A date with its numbers in words ("the third of March nineteen eighty-six", "douze avril mil neuf cent
    quatre-vingt-dix", "March the third, nineteen eighty-six") or in digits beside its month's name, an ordinal's
    ending on the day ("March 3rd, 1974", "14th March 1974": no word for text2num to read): a real day of a month
    named in one of the site languages, in a year of this century or the last up to today (as _date)."""
    for read in (text, *_in_digits(text)):
        found = _DAY_MONTH_YEAR.fullmatch(read.strip())
        day, month, year = found.groups() if found else (None, None, None)
        if found is None and (found := _MONTH_DAY_YEAR.fullmatch(read.strip())):
            month, day, year = found.groups()
        if found is None or (number := _month_number(month)) is None:
            continue
        day = "1" if day.lower() in ("premier", "1er") else day
        if _date(f"{day}/{number}/{year.replace(' ', '')}"):
            return True
    return False


def _month_number(name: str) -> int | None:
    plain = name.casefold()
    return next((n for n, group in enumerate(word_groups("months"), 1) if plain in {m.casefold() for m in group}), None)


def _lu_matricule(text: str) -> bool:
    """Luxembourg's national identification number: a birth date (YYYYMMDD), a serial of three digits,
    then a Luhn and a Verhoeff check digit, each over the first eleven."""
    digits = re.sub(r"\D", "", text)
    if len(digits) != 13:
        return False
    try:
        datetime.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return luhn.calc_check_digit(digits[:11]) == digits[11] and verhoeff.calc_check_digit(digits[:11]) == digits[12]


_IBAN_PART = re.compile(r"(\d+)!?([nac])")
_IBAN_CHARS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}


@functools.cache
def _bban_shape(structure: str) -> re.Pattern[str]:
    """python-stdnum's structure of a country's account part ("3!n13!c": three digits, thirteen
    letters or digits) as a regex."""
    return re.compile("".join(f"{_IBAN_CHARS[kind]}{{{count}}}" for count, kind in _IBAN_PART.findall(structure)))


#: the GS1 prefixes of the countries whose grid operators number every electricity and gas connection with an
#: 18-digit GSRN ("EAN-code", "code EAN"): Belgium and Luxembourg's 540–549, the Netherlands' 870–879
_CONNECTION_PREFIXES = ("54", "87")


def _energy_connection(text: str) -> bool:
    """An energy connection's EAN-18 (a GS1 GSRN): eighteen digits, spaces or dots between groups left out, from a
    Belgian or Dutch GS1 prefix, and a GS1 check digit (python-stdnum's, whose ean module takes no 18-digit code)."""
    digits = re.sub(r"[\s.]", "", text)
    return (len(digits) == 18 and digits.isascii() and digits.isdigit() and digits.startswith(_CONNECTION_PREFIXES)
            and ean.calc_check_digit(digits[:-1]) == digits[-1])


def _iban_shape(text: str) -> bool:
    """An IBAN of its country's exact length and structure, whatever its check digits: a mistyped
    or made-up one is what the visitor meant to give (the structure from python-stdnum's IBAN
    registry; the check digits are not computed here, nor anywhere)."""
    number = re.sub(r"[\s./\-]", "", text).upper()
    if not number[2:4].isdigit():
        return False
    structure = numdb.get("iban").info(number)[0][1].get("bban")
    return bool(structure) and _bban_shape(structure).fullmatch(number[4:]) is not None


def _rib_key(text: str) -> bool:
    """A Moroccan RIB: its two-digit key makes the whole number a multiple of 97 (key = 97 - bank part x 100 mod 97;
    ISO 7064's remainder, the check an IBAN makes too, is that number's remainder)."""
    digits = re.sub(r"\D", "", text)
    return len(digits) == 24 and mod_97_10.checksum(digits) == 0


def _be_ogm(text: str) -> bool:
    """A Belgian structured communication (+++ddd/dddd/ddddd+++): its first ten digits mod 97, 97 where that is 0, are
    its last two (the Belgian banks' rule, Febelfin)."""
    digits = re.sub(r"\D", "", text)
    return len(digits) == 12 and (int(digits[:10]) % 97 or 97) == int(digits[10:])


def _hu_giro(text: str) -> bool:
    """A Hungarian domestic account number (8-8 or 8-8-8 digits): its first eight digits and the rest each end in a
    check digit, weights 9, 7, 3, 1 repeated over the digits before it (the Magyar Nemzeti Bank's rule)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) not in (16, 24):
        return False

    def checked(part: str) -> bool:
        total = sum(int(d) * w for d, w in zip(part[:-1], itertools.cycle((9, 7, 3, 1))))
        return (-total) % 10 == int(part[-1])

    return checked(digits[:8]) and checked(digits[8:])


def _hu_taj(text: str) -> bool:
    """Hungary's social security number (TAJ szám): nine digits, the last the sum of the first eight weighted 3 and 7
    in turn, modulo 10 (python-stdnum has no module for it)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) != 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], itertools.cycle((3, 7))))
    return total % 10 == int(digits[8])


def _lu_landline(text: str) -> bool:
    """A Luxembourg number of eight or six digits without a trunk prefix (26 31 58 47, 48 12 36): valid for
    phonenumbers' LU (fewer than the nine digits a national number needs elsewhere, _phone)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) not in (6, 8):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, "LU"))
    except phonenumbers.NumberParseException:
        return False


#: a month in Roman numerals, as a date is written by hand in Central and Eastern Europe ("12.III.1987")
_ROMAN_MONTHS = {numeral: number for number, numeral in enumerate(
    "I II III IV V VI VII VIII IX X XI XII".split(), 1)}


def _unfinished_date(text: str) -> bool:
    """A date being typed: its word after the day, if it has one, is the start of a month's name
    ("3 nove", "3 november 19"; not "3 kinderen") or a month in Roman numerals ("12.III")."""
    word = re.search(r"[^\W\d_]+", text)
    if word is None or word.group(0) in _ROMAN_MONTHS:
        return True
    start = word.group(0).casefold()
    return any(month.startswith(start) for month in rule_words().get("months", ()))


def _date(text: str) -> bool:
    """A day, a month and a year of this century or the last, up to today, in either order, the month also in
    Roman numerals ("12.III.1987", "12 XI 1990"), or their eight digits glued. Anything else is no date, a part of
    one included (a failed match's sub-ranges are retried)."""
    glued = text.strip()
    if len(glued) == 8 and glued.isdigit():  # after a birth word: DDMMYYYY or YYYYMMDD ("30071985", "19850730")
        return any(_date(f"{day}.{month}.{year}") for day, month, year in
                   ((glued[:2], glued[2:4], glued[4:]), (glued[6:], glued[4:6], glued[:4])))
    parts = re.split(r"[/.\-]\s*|\s+", text.strip())
    if len(parts) == 3 and parts[1] in _ROMAN_MONTHS:
        parts[1] = str(_ROMAN_MONTHS[parts[1]])
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    numbers = [int(p) for p in parts]
    year, month, day = numbers if numbers[0] > 31 else numbers[::-1]
    try:
        return 1900 <= datetime.date(year, month, day).year <= datetime.date.today().year
    except ValueError:
        return False


def _short_year_date(text: str) -> bool:
    """A day, a month and a year of two digits ("3.3.86", "03/04/'74"): a real date in the last century or this one."""
    parts = re.split(r"[/.\-]", text.strip().replace("'", "").replace("’", "").replace("‘", ""))
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    day, month, year = (int(p) for p in parts)
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


#: the Solar Hijri calendar's years run 621 (before Nowruz, late March) or 622 behind the Gregorian: its first six
#: months have 31 days, the next five 30, the last 29 or 30
SOLAR_HIJRI_OFFSET, SOLAR_HIJRI_FIRST_YEAR = 621, 1279  # (1279: 1900 in the Gregorian calendar)


def _solar_hijri_date(text: str) -> bool:
    """A year, a month and a day of Iran's and Afghanistan's calendar ("1369/04/12"): a real day of the Solar Hijri
    calendar, in a year of the Gregorian last century or this one up to today (as _date)."""
    parts = re.split(r"[/.\-]", text.strip())
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    year, month, day = (int(p) for p in parts)
    longest = 31 if month <= 6 else 30
    return SOLAR_HIJRI_FIRST_YEAR <= year <= datetime.date.today().year - SOLAR_HIJRI_OFFSET \
        and 1 <= month <= 12 and 1 <= day <= longest


def _coordinates(text: str) -> bool:
    """A latitude and a longitude: the first within ±90 degrees, the second within ±180; decimals padded with
    zeros ("12.5000, 13.7500") are prices or measures, a position's last digits are any."""
    numbers = re.findall(r"-?\d+\.\d+", text)
    return (len(numbers) == 2 and abs(float(numbers[0])) <= 90 and abs(float(numbers[1])) <= 180
            and not any(number.endswith("00") for number in numbers))


@functools.cache
def _offline_suffixes() -> tldextract.TLDExtract:
    """The public suffix list bundled in tldextract's wheel, never fetched (engine.use_offline_suffix_list)."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _ends_in_a_suffix(text: str) -> bool:
    """Whether the text's last word is a domain's end on the public suffix list ("… point be", not "… point relais":
    French "chez" and "point" say a shop and a pick-up point as often as an address spelled out)."""
    words = text.split()
    return bool(words) and _offline_suffixes()(f"x.{words[-1].lower()}").suffix != ""


@functools.cache
def make_validator(name: str) -> Callable[[str], bool]:
    kind, _, arg = name.partition(":")
    if kind == "stdnum" and arg:
        is_valid = importlib.import_module(f"stdnum.{arg}").is_valid
        # python-stdnum compacts spaces, dots and dashes; a slash is written between groups too ("BE68/5390/…")
        return lambda text: is_valid(text.replace("/", ""))
    if kind == "phonenumbers" and arg:
        return _phone(arg.split(","))
    if kind == "phonenumbers-trunk" and arg:
        return _trunk_added(arg.split(","))
    if kind == "number-words-phone" and arg:
        return _phone_in_words(arg.split(","))
    if name == "number-words-date":
        return _date_in_words
    if name == "luhn":
        return _card
    if name == "date":
        return _date
    if name == "short-year-date":
        return _short_year_date
    if name == "solar-hijri-date":
        return _solar_hijri_date
    if name == "unfinished-date":
        return _unfinished_date
    if name == "lu-matricule":
        return _lu_matricule
    if name == "rib-key":
        return _rib_key
    if name == "be-ogm":
        return _be_ogm
    if name == "hu-giro":
        return _hu_giro
    if name == "hu-taj":
        return _hu_taj
    if name == "lu-landline":
        return _lu_landline
    if name == "phone-prefix":
        return _phone_prefix
    if name == "domain-end":
        return _ends_in_a_suffix
    if name == "coordinates":
        return _coordinates
    if name == "iban-shape":
        return _iban_shape
    if name == "energy-connection":
        return _energy_connection
    if name == "first-name":
        return starts_with_first_name
    if name == "given-name":
        return given_name_alone
    if name == "aged-name":
        return aged_name
    if name == "common-given-name":
        return common_given_name_first
    if name == "greeted-name":
        return greeted_name
    if name == "greeted-unknown-name":
        return greeted_unknown_name
    if name == "greeted-unknown-name-alone":
        return greeted_unknown_name_alone
    if name == "recipient-name":
        return gift_recipient
    if name == "dedicatee-name":
        return dedicatee
    if name == "addressed-opening-name":
        return addressed_opening_a_message
    if name == "holder-name":
        return account_holder
    if name == "introduced-name":
        return introduced_name
    if name == "lower-case-name":
        return lower_case_name
    if name == "lower-case-full-name":
        return lower_case_full_name
    if name == "lower-case-name-after-being":
        return lower_case_name_after_being
    if name == "relative-lower-case-name":
        return relative_lower_case_name
    if name == "greeted-lower-case-name":
        return greeted_lower_case_name
    if name == "greeted-lower-case-name-going-on":
        return greeted_lower_case_name_going_on
    if name == "initialled-surname":
        return initialled_surname
    if name == "surname-comma-given":
        return surname_comma_given
    if name == "surname-before-given":
        return lambda text: surname_before_given_names(text.split())
    if name == "surname-in-capitals":
        return surname_in_capitals
    if name == "full-name-in-capitals":
        return full_name_in_capitals
    if name == "hungarian-married-name":
        return hungarian_married_name
    if name == "addressed-surname":
        return addressed_surname
    if name == "role-holder":
        return role_holder
    if name == "paired-surnames":
        return paired_surnames
    if name == "household-surname":
        return household_surname
    if name == "file-owner":
        return file_owner
    raise ValueError(f"unknown validator {name!r}")
