"""redactor.pii with the real Presidio and the real spaCy pipeline: one detector per module.

Tables are (text, language, expected spans as (substring, entity)); a hard negative expects nothing.
Values from the recorded sessions are loaded from the samples' manifest, not retyped.
"""
from __future__ import annotations

import asyncio
import pickle
import re
import socket
from pathlib import Path

import orjson

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaks import BUNDLED, batches, recordings, strings
from redactor.pii import DetectorPool, PiiDetector, PiiSettings, RecognizerDef, Span, SpanCache, load_recognizer_defs
from redactor.pii.validators import make_validator
from redactor.pii.spans import drop_contained
from redactor.pii.names import is_a_person



@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(ner=True)


@pytest.fixture(scope="module")
def patterns_only() -> PiiDetector:
    return PiiDetector(ner=False)


SETTINGS = PiiSettings.defaults()
DATA = Path(__file__).resolve().parent / "data"


def found(detector: PiiDetector, text: str, language: str, settings: PiiSettings = SETTINGS) -> set[tuple[str, str]]:
    [spans] = detector.analyze([text], language, settings)
    return {(text[s.start:s.end], s.entity) for s in spans}


def check(detector: PiiDetector, text: str, language: str, expected: list[tuple[str, str]]) -> None:
    got = found(detector, text, language)
    if not expected:
        assert got == set(), f"false hit in a {language} value: {sorted(e for _, e in got)}"
    for sub, entity in expected:
        assert (sub, entity) in got, f"{entity} not found as expected ({language}); got {sorted(e for _, e in got)}"


# --------------------------------------------------------------------------------------------------
# Per recognizer: positives and hard negatives

EMAIL = [
    ("jan.devries@ziggo.nl", "nl", [("jan.devries@ziggo.nl", "EMAIL_ADDRESS")]),
    ("écrivez à c.dupont@orange.fr merci", "fr", [("c.dupont@orange.fr", "EMAIL_ADDRESS")]),
    ("test user: someone@voorbeeld.example", "en", [("someone@voorbeeld.example", "EMAIL_ADDRESS")]),
    ("ref=marc.lambert%40kantoor.example", "fr", [("marc.lambert%40kantoor.example", "EMAIL_ADDRESS")]),
    # in a URL nobody made absolute: Presidio's own pattern swallows the path into the local part
    ("avatar.png?owner=ruurd.hoekstra@duinhuis.example", "en", [("ruurd.hoekstra@duinhuis.example", "EMAIL_ADDRESS")]),
    # the local part hidden by the page, the domain shown
    ("Lien envoyé à l••••••••@arvor-post.example — vérifiez", "fr", [("l••••••••@arvor-post.example", "EMAIL_ADDRESS")]),
    ("We sent a code to j***@mail.example", "en", [("j***@mail.example", "EMAIL_ADDRESS")]),
    ("avatars/ruurd.hoekstra@duinhuis.example.png", "en", [("ruurd.hoekstra@duinhuis.example.png", "EMAIL_ADDRESS")]),
    # a file named after an address: its extension is no suffix Presidio's check knows
    ("bijlage jan.peeters@gmail.com.txt", "nl", [("jan.peeters@gmail.com.txt", "EMAIL_ADDRESS")]),
    ("icon@2x.png", "en", []),
    ("img/icon@2x.png 2x, img/icon@1.5x.png 1.5x", "en", []),
    ("@home", "en", []),
]
PHONE = [
    ("+31 6 4127 8853", "nl", [("+31 6 4127 8853", "PHONE_NUMBER")]),
    ("06 12 34 56 78", "fr", [("06 12 34 56 78", "PHONE_NUMBER")]),
    ("0612345678", "nl", [("0612345678", "PHONE_NUMBER")]),
    ("bel me op 06-12345678 na 5", "nl", [("06-12345678", "PHONE_NUMBER")]),
    ("0475 12 34 56", "nl", [("0475 12 34 56", "PHONE_NUMBER")]),
    ("+32 2 512 45 67", "fr", [("+32 2 512 45 67", "PHONE_NUMBER")]),
    ("+352 621 123 456", "fr", [("+352 621 123 456", "PHONE_NUMBER")]),
    ("628 403 327", "fr", [("628 403 327", "PHONE_NUMBER")]),
    ("030 12345678", "en", [("030 12345678", "PHONE_NUMBER")]),
    ("+49 30 1234567", "en", [("+49 30 1234567", "PHONE_NUMBER")]),
    ("020 7946 0958", "en", [("020 7946 0958", "PHONE_NUMBER")]),
    ("(201) 555-0123", "en", [("(201) 555-0123", "PHONE_NUMBER")]),
    ("0033 6 12 34 56 78", "fr", [("0033 6 12 34 56 78", "PHONE_NUMBER")]),
    ("4111", "en", []),
    ("3000", "fr", []),
    ("03-02-1979", "nl", []),  # a valid German number by phonenumbers' rules, but a date
    ("12/03/2024", "fr", []),
    ("ORD-2024-118822", "en", []),
    ("Bestelling 20241188 is nog niet geleverd.", "nl", []),
    ("4006381333931", "en", []),  # EAN-13
]
CARD = [
    ("4539 0583 4912 5401", "en", [("4539 0583 4912 5401", "CREDIT_CARD")]),
    ("5168-8308-2708-1032", "fr", [("5168-8308-2708-1032", "CREDIT_CARD")]),
    ("kaart 5168830827081032 graag", "nl", [("5168830827081032", "CREDIT_CARD")]),
    ("3714 496353 98431", "en", [("3714 496353 98431", "CREDIT_CARD")]),
    ("4539 0583 4912 5402", "en", []),  # Luhn fails
    ("2604 7719 3385", "en", []),  # 12 digits: a loyalty card number is not a payment card
    # groups as people type them: dots, slashes, mixed separators (Luhn still decides)
    ("mijn kaartnummer is 4111.1111.1111.1111", "nl", [("4111.1111.1111.1111", "CREDIT_CARD")]),
    ("4111/1111/1111/1111", "en", [("4111/1111/1111/1111", "CREDIT_CARD")]),
    ("4111 1111.1111 1111", "en", [("4111 1111.1111 1111", "CREDIT_CARD")]),
    ("4111.1111.1111.1112", "en", []),  # Luhn fails
    # the security code after its word; three digits alone are anything
    ("card number 5555.5555.5555.4444 exp 12/28 cvc 123", "en",
     [("5555.5555.5555.4444", "CREDIT_CARD"), ("123", "CREDIT_CARD")]),
    ("CVV: 4321", "en", [("4321", "CREDIT_CARD")]),
    ("cryptogramme 987 merci", "fr", [("987", "CREDIT_CARD")]),
    ("mijn kaartcode is 456", "nl", [("456", "CREDIT_CARD")]),
    ("cvc123", "en", [("123", "CREDIT_CARD")]),
    ("Nog 123 stuks op voorraad", "nl", []),
    ("code 123", "en", []),
]
IBAN = [
    ("NL46 RABO 2329 5197 02", "nl", [("NL46 RABO 2329 5197 02", "IBAN_CODE")]),
    ("NL22INGB1921546441", "nl", [("NL22INGB1921546441", "IBAN_CODE")]),
    ("IBAN: BE10 5079 6903 7804 merci", "fr", [("BE10 5079 6903 7804", "IBAN_CODE")]),
    ("FR76 3000 6000 0112 3456 7890 189", "fr", [("FR76 3000 6000 0112 3456 7890 189", "IBAN_CODE")]),
    ("NL46 RABO 2329 5197 02 12", "nl", [("NL46 RABO 2329 5197 02", "IBAN_CODE")]),  # trailing group trimmed
    # check digits that fail in what has its country's exact length and structure: mistyped or made up,
    # still the visitor's account, with no word beside it too
    ("NL47 RABO 2329 5197 02", "nl", [("NL47 RABO 2329 5197 02", "IBAN_CODE")]),
    ("Kann die Erstattung an LU12 0030 7841 5590 2000 gehen?", "de", [("LU12 0030 7841 5590 2000", "IBAN_CODE")]),
    ("Die Erstattung geht an LU12 0030 7841 5590 2000.", "de", [("LU12 0030 7841 5590 2000", "IBAN_CODE")]),
    ("Den Rest bitte auf lu45 0141 8826 3310 7000 überweisen", "de", [("lu45 0141 8826 3310 7000", "IBAN_CODE")]),
    ("stort het op nl47rabo2329519702 aub", "nl", [("nl47rabo2329519702", "IBAN_CODE")]),
    # ... but not what lacks it: digits where the Dutch bank's letters go, a country with no IBAN, a group short
    ("NL47 1234 2329 5197 02", "nl", []),
    ("XX12 3456 7890 1234 5678", "en", []),
    ("Artikel LU12 0030 7841 5590 200", "de", []),
    ("artikel lu12 0030 7841 5590 200", "de", []),
    # as people type them: dashes or dots between the groups, the bank code in lower case
    ("rekening BE71-0961-2345-6769 graag", "nl", [("BE71-0961-2345-6769", "IBAN_CODE")]),
    ("BE71.0961.2345.6769", "nl", [("BE71.0961.2345.6769", "IBAN_CODE")]),
    ("NL55rabo0347219586", "nl", [("NL55rabo0347219586", "IBAN_CODE")]),
    # or slashes, valid or of the country's exact shape ("BE68/…" fails its check digits)
    ("stort op BE71/0961/2345/6769 aub", "nl", [("BE71/0961/2345/6769", "IBAN_CODE")]),
    ("BE68/5390/0754/7034", "nl", [("BE68/5390/0754/7034", "IBAN_CODE")]),
    # a mistyped check digit beside a word that says "account" is still the visitor's account
    ("IBAN BE68 5390 0754 7034", "fr", [("BE68 5390 0754 7034", "IBAN_CODE")]),
    ("mijn rekening NL47 RABO 2329 5197 02", "nl", [("NL47 RABO 2329 5197 02", "IBAN_CODE")]),
    # the country code apart from its check digits, as a statement prints it (peers round 11: a domiciliation's
    # "BE 85 3631 0958 7206" was found by its field alone), not the word after it; in lower case it is no code
    ("versez sur le compte BE 85 3631 0958 7206 svp", "fr", [("BE 85 3631 0958 7206", "IBAN_CODE")]),
    ("Mijn rekening: NL 91 ABNA 0417 1643 00 graag", "nl", [("NL 91 ABNA 0417 1643 00", "IBAN_CODE")]),
    ("Art. NR 12 3456 7890 1234", "en", []),
    ("de 12 3456 7890 1234 5678 90", "nl", []),
]
NATIONAL_IDS = [
    ("795160173", "nl", [("795160173", "NL_BSN")]),
    ("BSN 6867.10.988", "nl", [("6867.10.988", "NL_BSN")]),
    ("6867 10 988", "nl", [("6867 10 988", "NL_BSN")]),
    ("795160174", "nl", []),  # 11-proef fails
    ("85.07.30-033.28", "nl", [("85.07.30-033.28", "BE_NATIONAL_NUMBER")]),
    ("85073003328", "fr", [("85073003328", "BE_NATIONAL_NUMBER")]),
    ("85.07.30-033.29", "fr", []),
    # its groups split by dashes, spaces or slashes in any gap, as people write it (review 17 F3: only a dot or a
    # space was read there, and "920214-117-51" was stored raw, beside "rijksregisternummer" too)
    ("rijksregisternummer 920214-117-51, bedankt", "nl", [("920214-117-51", "BE_NATIONAL_NUMBER")]),
    ("92-02-14-117-51", "nl", [("92-02-14-117-51", "BE_NATIONAL_NUMBER")]),
    ("mon numéro 770923 406-02 merci", "fr", [("770923 406-02", "BE_NATIONAL_NUMBER")]),
    ("77/09/23/406/02", "fr", [("77/09/23/406/02", "BE_NATIONAL_NUMBER")]),
    ("Zending 92-02-14-117-52 vertrokken", "nl", []),  # check digits fail, and the word says another number
    # a BIS number: the national register's number of someone not in it, its month plus 20 or 40 (peers round 11:
    # a foreign parent's "88.45.12-385.60" was found by its field alone)
    ("numéro BIS 88.45.12-385.60", "fr", [("88.45.12-385.60", "BE_NATIONAL_NUMBER")]),
    ("88451238560", "nl", [("88451238560", "BE_NATIONAL_NUMBER")]),
    ("88.45.12-385.61", "fr", []),
    ("2 95 10 99 126 111 93", "fr", [("2 95 10 99 126 111 93", "FR_NIR")]),
    ("285057800608467", "fr", []),  # key fails, and no word says what it is
]
VAT_COMPANY = [
    ("BE0403170701", "fr", [("BE0403170701", "EU_VAT")]),
    ("TVA FR40303265045", "fr", [("FR40303265045", "EU_VAT")]),
    ("DE136695976", "en", [("DE136695976", "EU_VAT")]),
    ("NL004495445B01", "nl", [("NL004495445B01", "EU_VAT")]),
    ("SIRET 732 829 320 00074", "fr", [("732 829 320 00074", "FR_SIRET")]),
    ("n° SIREN 732829320", "fr", [("732829320", "FR_SIREN")]),
    ("732829320", "fr", []),  # a valid SIREN without a company word is just a number
    ("FR2024SALE", "fr", []),
]
DEVICES_WALLETS = [
    ("IDFA 6D92078A-8246-4BA4-AE5B-76104861E7DC", "en", [("6D92078A-8246-4BA4-AE5B-76104861E7DC", "MAID")]),
    ("gaid=38400000-8cf0-11bd-b23e-10b96e40000d", "nl", [("38400000-8cf0-11bd-b23e-10b96e40000d", "MAID")]),
    # a phone's IMEI under its word, as a repair shop's or an insurer's claim asks it; fifteen digits alone stay
    ("IMEI 356938035643809 voor de blokkering", "nl", [("356938035643809", "MAID")]),
    ("Numéro IMEI : 35-693803-564380-9", "fr", [("35-693803-564380-9", "MAID")]),
    ("Commande 356938035643809 expédiée", "fr", []),
    ("session 38400000-8cf0-11bd-b23e-10b96e40000d", "en", []),  # a bare UUID is an id, not a MAID
    ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "en", [("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "CRYPTO")]),
    ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "fr", [("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "CRYPTO")]),
    ("0x52908400098527886E0F7030069857D2E4169EE7", "nl", [("0x52908400098527886E0F7030069857D2E4169EE7", "CRYPTO")]),
    ("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", "en", [("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", "CRYPTO")]),
    ("192.168.10.24", "en", [("192.168.10.24", "IP_ADDRESS")]),
    ("2001:db8:85a3::8a2e:370:7334", "fr", [("2001:db8:85a3::8a2e:370:7334", "IP_ADDRESS")]),
    # where the visitor is, as a phone's GPS or a map writes it: in typed text, a map's path or fragment, in degrees
    ("ik sta op 50.63261, 5.57974 bij de bakker", "nl", [("50.63261, 5.57974", "GEOLOCATION")]),
    ("https://www.openstreetmap.org/#map=17/50.63261/5.57974", "en", [("50.63261/5.57974", "GEOLOCATION")]),
    ("nous sommes au 50°37'57.4\"N 5°34'47.0\"E", "fr",
     [("50°37'57.4\"N", "GEOLOCATION"), ("5°34'47.0\"E", "GEOLOCATION")]),
    ("Sydney -33.8688 151.2093", "en", [("-33.8688 151.2093", "GEOLOCATION")]),
    # a Plus Code as Google Maps shares a place, full or short of its area (round 35); a sum, a language pair: none
    ("Plus code de la maison : 9F26FVJJ+8C Jambes.", "fr", [("9F26FVJJ+8C", "GEOLOCATION")]),
    ("ons huis: FVJJ+8CX Jambes", "nl", [("FVJJ+8CX", "GEOLOCATION")]),
    ("som 2345+678 en C++", "nl", []),
    # a what3words address by its three slashes, its name or its link; a file's or a site's dotted name: none
    ("Mijn locatie: ///tafel.lamp.boek, achter de schuur", "nl", [("///tafel.lamp.boek", "GEOLOCATION")]),
    ("w3w: filled.count.soap", "en", [("filled.count.soap", "GEOLOCATION")]),
    ("https://w3w.co/tafel.lamp.boek", "nl", [("tafel.lamp.boek", "GEOLOCATION")]),
    ("Bestand foto.jpg.zip op www.example.com", "nl", []),
    # prices padded with zeros, versions, a pair out of range, two decimals: no position
    ("Prijs 12.5000, 13.7500 EUR", "nl", []), ("versie 1.2.3, 4.5.6", "nl", []),
    ("waarden 95.12345, 5.1234", "nl", []), ("tussen 50.63 en 5.57", "nl", []),
]
ADDRESSES = [
    ("Lindengracht 77-H", "nl", [("Lindengracht 77-H", "POSTAL_ADDRESS")]),
    ("Oudegracht 142-B", "nl", [("Oudegracht 142-B", "POSTAL_ADDRESS")]),
    # a hyphenated street's name whole: from "Pieters" on, "Sint" was read as a shop's name before the address
    ("Sint-Pietersnieuwstraat 23", "nl", [("Sint-Pietersnieuwstraat 23", "POSTAL_ADDRESS")]),
    ("Rue des Tanneurs 58, 1000 Bruxelles", "fr",
     [("Rue des Tanneurs 58", "POSTAL_ADDRESS"), ("1000 Bruxelles", "POSTAL_ADDRESS")]),
    ("Avenue de la Gare 12, L-1611 Luxembourg", "fr",
     [("Avenue de la Gare 12", "POSTAL_ADDRESS"), ("L-1611 Luxembourg", "POSTAL_ADDRESS")]),
    ("12 rue de la Paix", "fr", [("12 rue de la Paix", "POSTAL_ADDRESS")]),
    ("1015 KG", "nl", [("1015 KG", "POSTAL_ADDRESS")]),
    ("75011 Paris", "fr", [("75011 Paris", "POSTAL_ADDRESS")]),
    ("221B Baker Street", "en", [("221B Baker Street", "POSTAL_ADDRESS")]),
    # the flat before the house number is the address's too (round 5: "Flat 3," was left before the masked street)
    ("Flat 7, 41 Wellsway Gardens, Bath BA2 4RS", "en", [("Flat 7, 41 Wellsway Gardens", "POSTAL_ADDRESS")]),
    ("Appt 4, 12 rue de la Paix", "fr", [("Appt 4, 12 rue de la Paix", "POSTAL_ADDRESS")]),
    ("Amsterdam", "nl", []),  # a city typed in a search box
    ("2024 Collection", "en", []),
    ("Prix : 1 299,00 €", "fr", []),
]
DATES = [
    ("né le 12/09/1986", "fr", [("12/09/1986", "DATE_OF_BIRTH")]),
    ("geboren op 03-02-1979", "nl", [("03-02-1979", "DATE_OF_BIRTH")]),
    ("date of birth: 1991-11-23", "en", [("1991-11-23", "DATE_OF_BIRTH")]),
    ("livraison le 03/01/2025", "fr", []),
    ("ordered on 2024-10-21", "en", []),
    # the month written out
    ("Née le 3 février 1979 à Namur", "fr", [("3 février 1979", "DATE_OF_BIRTH")]),
    ("geboren am 11. September 1971", "de", [("11. September 1971", "DATE_OF_BIRTH")]),
    ("Geboortedatum: 17 mrt. 1984", "nl", [("17 mrt. 1984", "DATE_OF_BIRTH")]),
    ("née le 14 janv. 1987", "fr", [("14 janv. 1987", "DATE_OF_BIRTH")]),  # rules/recognizers.yaml words: months
    ("livraison le 3 février 2025", "fr", []),
    # the year in two digits, as people write their own; German birth words
    ("Ich bin am 3.3.86 geboren.", "de", [("3.3.86", "DATE_OF_BIRTH")]),
    ("Kerem, geb. 14/07/09", "de", [("14/07/09", "DATE_OF_BIRTH")]),
    ("Geburtsdatum: 03.03.1986", "de", [("03.03.1986", "DATE_OF_BIRTH")]),
    ("Lieferung am 3.3.26", "de", []),
    # Luxembourgish birth words: "gebuer" (born), "Gebuertsdatum"
    ("eis Duechter, gebuer den 19.02.2007, fiert", "de", [("19.02.2007", "DATE_OF_BIRTH")]),
    ("Gebuertsdatum: 04.12.1968", "de", [("04.12.1968", "DATE_OF_BIRTH")]),
    # a full stop after the date ends the sentence
    ("Ma fille est née le 21/06/2009. Elle conduit.", "fr", [("21/06/2009", "DATE_OF_BIRTH")]),
    ("Ich bin am 3.3.86. geboren", "de", [("3.3.86", "DATE_OF_BIRTH")]),
    ("born 1990-04-17.", "en", [("1990-04-17", "DATE_OF_BIRTH")]),
    ("Rendez-vous den 14.03.2026 um 8 Auer", "de", []),
    # "°" before a date says born, as Belgians and the French write it; "n°" is a number's
    ("Ouders van Lowie Ghijsels (°23/11/1984)", "nl", [("23/11/1984", "DATE_OF_BIRTH")]),
    ("Ninon, ° 4-9-91, mange sans gluten", "fr", [("4-9-91", "DATE_OF_BIRTH")]),
    ("tweeling °17.02.16 en °17.02.16", "nl", [("17.02.16", "DATE_OF_BIRTH")]),
    ("Facture n° 12/03/87, commande n°4-9-91", "fr", []),
    # and "*", as Germans and Dutch genealogies and club lists write it (review 34 F9); a footnote's star before words,
    # a bold text's "**" are neither
    ("Teilnehmerin: Mia Schulz, * 12.03.2017", "de", [("12.03.2017", "DATE_OF_BIRTH")]),
    ("Kursliste: Lotta (*12.03.2017)", "de", [("12.03.2017", "DATE_OF_BIRTH")]),
    ("Leon, * 3. März 2016, Allergie gegen Nüsse", "de", [("3. März 2016", "DATE_OF_BIRTH")]),
    ("kleinzoon Daan (* 04-05-2016)", "nl", [("04-05-2016", "DATE_OF_BIRTH")]),
    ("Stamboom: Jacoba, *3-7-91, dochter van", "nl", [("3-7-91", "DATE_OF_BIRTH")]),
    ("* Prijzen incl. btw, geldig t/m 12-03-2025", "nl", []),
    ("Aktion gültig bis **12.03.2025**", "de", []),
]
PERSONS = [
    ("Please leave the parcel with Harry Wright next door.", "en", [("Harry Wright", "PERSON")]),
    ("Merci de laisser le colis chez Camille Dupont au 2e étage.", "fr", [("Camille Dupont", "PERSON")]),
    ("Ik heb gebeld met Eva Claes van de klantenservice.", "nl", [("Eva Claes", "PERSON")]),
    ("Cadeau voor Sanne van der Linden, graag inpakken!", "nl", [("Sanne van der Linden", "PERSON")]),
    # the model's span stops before the surname: the name goes on with the words after it
    ("Photo de Thibault d'Oultremont", "fr", [("Thibault d'Oultremont", "PERSON")]),
    # (a caption's word opens a name, no part of it: review 22 F1)
    ("Foto van Bartholomeus Ten Cate", "nl", [("van Bartholomeus Ten Cate", "PERSON")]),
    # whom a picture shows, names the model does not know included
    ("Photo de Gwenaëlle Le Bihan", "fr", [("Gwenaëlle Le Bihan", "PERSON")]),
    ("Profielfoto van Nguyễn Thị Lan", "nl", [("Nguyễn Thị Lan", "PERSON")]),
    ("Photo de Fatima Zahra El Amrani", "fr", [("Fatima Zahra El Amrani", "PERSON")]),
    ("Avatar of Noor", "en", [("Noor", "PERSON")]),  # a given name alone, where a portrait is named
    ("Photo d'Émilie", "fr", [("Émilie", "PERSON")]),
    ("Photo of Siobhán O'Rourke", "en", [("Siobhán O'Rourke", "PERSON")]),
    # a name the visitor gives for themself, names nobody knows included
    ("Bonjour, je m'appelle Xandrine Pauwaert, ma commande", "fr", [("Xandrine Pauwaert", "PERSON")]),
    ("Goedemiddag, mijn naam is Seppe Wuyts.", "nl", [("Seppe Wuyts", "PERSON")]),
    ("hallo ik heet jozefien haesaerts en ik", "nl", [("jozefien haesaerts", "PERSON")]),
    ("Hi, my name is Tamsin Ogunleye-Roe", "en", [("Tamsin Ogunleye-Roe", "PERSON")]),
    ("Guten Tag, ich heiße Wiebke von Oertzen", "de", [("Wiebke von Oertzen", "PERSON")]),
    # a name the visitor gives for someone else, after the words that say a name follows (round 24); its capitalised
    # words only: a word after "heet" (hot) is a word's
    ("Ze is geboren op 17 maart 2001 en heet Soukaina.", "nl", [("17 maart 2001", "DATE_OF_BIRTH"), ("Soukaina", "PERSON")]),
    ("Ma sœur s'appelle Soukaina ; elle vient aussi", "fr", [("Soukaina", "PERSON")]),
    ("Mijn zus heet Soukaina Aït Lahcen en komt mee", "nl", [("Soukaina Aït Lahcen", "PERSON")]),
    ("Haar naam is Soukaina.", "nl", [("Soukaina", "PERSON")]),
    ("De soep is warm en heet, lekker", "nl", []), ("Het kind en het Huis", "nl", []),
    # in English too, and a name in brackets after the relative or partner (review 19 F11: kept, typed and in a payload);
    # a site's partner company and a product's name are no one's
    ("my nephew's name is Taavi, he is 9", "en", [("Taavi", "PERSON")]),
    ("our daughter is called Isaura and she is 6", "en", [("Isaura", "PERSON")]),
    ("my boyfriend (Ruairi) will collect it", "en", [("Ruairi", "PERSON")]),
    ("mijn partner heet Jelmer", "nl", [("Jelmer", "PERSON")]),
    ("meine Frau heißt Wiebke", "de", [("Wiebke", "PERSON")]),
    ("Our partner Bpost delivers on Saturdays", "en", []), ("This sofa is called Emma", "en", []),
    # typed without capitals where a name is introduced (review 5): a known given name, and its surname unless
    # that is a function word; the given name alone only after saying who one is or whom to ask for
    ("ik ben griet verhaeghe uit gent", "nl", [("griet verhaeghe", "PERSON")]),
    ("ik ben griet uit gent", "nl", [("griet", "PERSON")]),
    ("je suis griet verhaeghe", "fr", [("griet verhaeghe", "PERSON")]),
    ("met griet verhaeghe, goedemiddag", "nl", [("griet verhaeghe", "PERSON")]),
    ("vraag naar griet", "nl", [("griet", "PERSON")]),
    ("bel griet verhaeghe even terug", "nl", [("griet verhaeghe", "PERSON")]),
    ("ik ben de moeder van quirijn pauwelyn", "nl", [("quirijn pauwelyn", "PERSON")]),
    # review 16 F5: after the same words, a known given name as people write it, capitalised, and the words opening
    # a sentence with their capital; "met … hier" says who is speaking. A word, a nationality or a place is no name
    ("Goedemiddag, ik ben Wannes en ik bel over de offerte", "nl", [("Wannes", "PERSON")]),
    ("Bonsoir, je suis Apolline, la voisine", "fr", [("Apolline", "PERSON")]),
    ("Guten Tag, ich bin Hiltrud Oberhäuser", "de", [("Hiltrud Oberhäuser", "PERSON")]),
    ("Hello, I am Imogen and I ordered twice", "en", [("Imogen", "PERSON")]), ("Hi, I'm Imogen", "en", [("Imogen", "PERSON")]),
    ("I am imogen, the buyer", "en", [("imogen", "PERSON")]), ("Ik ben wannes uit Lier", "nl", [("wannes", "PERSON")]),
    ("Vraag naar Wannes aan de kassa", "nl", [("Wannes", "PERSON")]),
    ("Goeiemiddag, met Wannes hier", "nl", [("Wannes", "PERSON")]), ("hallo met wannes hier", "nl", [("wannes", "PERSON")]),
    ("Ik ben Belg en woon in Lier", "nl", []), ("Je suis Français", "fr", []), ("I am Happy with it", "en", []),
    ("Vraag naar Paris aan de balie", "nl", []), ("Betaal met Visa of Bancontact", "nl", []), ("I am Fine", "en", []),
    ("Kan ik met Visa hier betalen?", "nl", []), ("Graag voor jan op maandag", "nl", [("jan", "PERSON")]),
    # at whose place: "bij", "chez", "bei" stand before a person as "met" does (held-out round 13)
    ("de sleutel ligt bij lowie verstraeten", "nl", [("lowie verstraeten", "PERSON")]),
    ("laissez le colis chez gaston lefèvre", "fr", [("gaston lefèvre", "PERSON")]),
    ("bitte bei wiebke oertzen abgeben", "de", [("wiebke oertzen", "PERSON")]),
    ("bij mooi weer", "nl", []), ("chez nous demain", "fr", []), ("bei uns abgeben", "de", []),
    ("bij levering thuis", "nl", []),
    # after a possessive and a word for a relative or a neighbour: a listed given name that is a function word
    # of another language ("elke": Dutch "each") is one here when a surname follows
    ("bitte bei meiner nachbarin elke brandstätter abgeben", "de", [("elke brandstätter", "PERSON")]),
    ("mon voisin gaston lefèvre passera", "fr", [("gaston lefèvre", "PERSON")]),
    ("mijn zoon is ziek", "nl", []), ("meine tochter hat es", "de", []),
    # the given name alone when the sentence goes on after it (review 22 F14: the two words failed as a full name and
    # the name was kept): a verb after it is no surname
    ("onze dochter fleur heeft maat 134 nodig", "nl", [("fleur", "PERSON")]),
    ("mijn zoon jasper wil de blauwe", "nl", [("jasper", "PERSON")]),
    ("mijn zus anouk kan het ophalen", "nl", [("anouk", "PERSON")]),
    ("mijn zoon heeft maat 134 nodig", "nl", []), ("mijn dochter wil de blauwe", "nl", []),
    # whose relative the writer is, by the relative's word and "van", "de", "of": the named one's given name alone
    ("ik ben de mama van lina uit 2b", "nl", [("lina", "PERSON")]),
    ("je suis le papa de noah en CP", "fr", [("noah", "PERSON")]),
    ("de mama van de klas", "nl", []), ("le père de la mariée", "fr", []),
    # in Portuguese, Spanish and Italian, and after the words that say who one is there (review 20 F5: kept whole); a
    # catalogue's "woman", a bride's dress and "I am" before an adjective that is a given name too are no one's
    ("quem recebe é o meu sogro duarte magalhães", "en", [("duarte magalhães", "PERSON")]),
    ("entregar à minha irmã leonor", "en", [("leonor", "PERSON")]),
    ("lo firma mi cuñada nerea goikoetxea", "en", [("nerea goikoetxea", "PERSON")]),
    ("passa a prenderlo mia cugina ludovica brambilla", "en", [("ludovica brambilla", "PERSON")]),
    ("chamo-me afonso teixeira e moro em braga", "en", [("afonso teixeira", "PERSON")]),
    ("hola, me llamo itziar", "en", [("itziar", "PERSON")]), ("mi chiamo ottavio", "en", [("ottavio", "PERSON")]),
    ("soy nerea goikoetxea", "en", [("nerea goikoetxea", "PERSON")]), ("sou leonor magalhães", "en", [("leonor magalhães", "PERSON")]),
    ("vestido mujer lola", "en", []), ("vestido de novia rosa palo", "en", []), ("soy feliz con el pedido", "en", []),
    ("sono stanca oggi", "en", []), ("sono felice di averlo ricevuto", "en", []), ("sou feliz com a compra", "en", []),
    # the holder named right before an account or an id number (review 6): the model reads the name there as
    # the number's label; the site's label before its own account is no name
    ("Amélie Vermeulen BE71 0961 2345 6769", "nl", [("Amélie Vermeulen", "PERSON"), ("BE71 0961 2345 6769", "IBAN_CODE")]),
    ("Jan Peeters BE71096123456769", "nl", [("Jan Peeters", "PERSON")]),
    ("Begunstigde: Sophie Peeters NL91 ABNA 0417 1643 00", "nl", [("Sophie Peeters", "PERSON")]),
    ("Amélie Vermeulen 85.07.30-033.28", "nl", [("Amélie Vermeulen", "PERSON")]),
    # on whose behalf one writes, or who is speaking (review 6): the given name as well as the surname
    ("namens jan peeters", "nl", [("jan peeters", "PERSON")]),
    ("de la part de amélie vermeulen", "fr", [("amélie vermeulen", "PERSON")]),
    ("this is sophie peeters", "en", [("sophie peeters", "PERSON")]),
    ("on behalf of sophie peeters", "en", [("sophie peeters", "PERSON")]),
    ("this is fine", "en", []), ("namens het team", "nl", []),
    ("ik ben moe", "nl", []), ("je suis ravi", "fr", []), ("i am fine", "en", []), ("bel gratis", "nl", []),
    ("Nieuwsbrief: de lekkerste recepten van oma", "nl", []), ("Eggs Benedict with smoked salmon", "en", []),
    ("Lamp Olivia met linnen kap, E27", "nl", []), ("met rose bloemen", "nl", []),
    ("griet verhaeghe", "nl", [("griet verhaeghe", "PERSON")]),  # a one-line field's whole value
    # review 18 F10: a flower's or a chocolatier's name that is a given name too, and what is sold, searched
    ("margriet zaden ", "nl", []), ("iris bloembollen", "nl", []), ("leonidas pralines", "nl", []),
    ("roos struiken", "nl", []), ("margriet peeters", "nl", [("margriet peeters", "PERSON")]),
    # held-out peers round 17: a pet lodge's search "nail clipping" was masked as a name ("Nail" is one too): as the
    # whole value nothing says a person follows, so a given name far more often a word is that word
    ("nail clipping", "en", []), ("grant application", "en", []), ("bill payment", "en", []),
    ("sofie janssens", "nl", [("sofie janssens", "PERSON")]),
    # review 16 F6: particles between the given name and the surname, introduced or as the whole value
    ("namens wannes van den bossche, de levering", "nl", [("wannes van den bossche", "PERSON")]),
    ("een afspraak voor fien van hecke en haar zus", "nl", [("fien van hecke", "PERSON")]),
    ("de la part de maëlle le goff", "fr", [("maëlle le goff", "PERSON")]),
    ("wannes de wulf", "nl", [("wannes de wulf", "PERSON")]), ("fien van der elst ", "nl", [("fien van der elst", "PERSON")]),
    ("namens het team van de winkel", "nl", []), ("voor meer van de zomer", "nl", []), ("fiets van de maand", "nl", []),
    ("rode fiets", "nl", []), ("rose gold", "en", []),
    # whoever signs a letter, on the line after the closing formula, names nobody knows included
    ("Tot dan.\n\nMet vriendelijke groet,\nWobbe Sijtsma", "nl", [("Wobbe Sijtsma", "PERSON")]),
    ("Merci d'avance.\nBien cordialement,\n  Azilis Le Kerneau\n", "fr", [("Azilis Le Kerneau", "PERSON")]),
    ("Mit freundlichen Grüßen\nOebele", "de", [("Oebele", "PERSON")]),
    ("Groetjes,\nWobbe S", "nl", [("Wobbe S", "PERSON")]),  # the surname being typed (a batch may end there)
    ("Kind regards,\nThe Zuiderzon team", "en", []),
    ("Met vriendelijke groet,\nHet team van Zuiderzon", "nl", []),
    ("Photo de Paris", "fr", []),
    ("Avatar of Admin", "en", []),
    ("Photo de la boutique", "fr", []),
    ("Please ring twice.", "en", []),
    ("Garmin Forerunner 265", "en", []),
    ("Moulinex Companion XL", "fr", []),
    ("Black Friday deals on Samsung TVs", "en", []),
    ("Traductrice FR/NL/EN à Namur.", "fr", []),
    ("België", "nl", []),
    # whose doorbell it is, in directions to a door: a family name alone, in no list
    ("Ophalen in de Brugsepoort (bel aan bij Claeys).", "nl", [("Claeys", "PERSON")]),
    ("Je woon op de tweede, aanbellen bij De Wulf-Hoste aub", "nl", [("De Wulf-Hoste", "PERSON")]),
    ("Code 4512, puis sonnez chez Lambotte au 2e.", "fr", [("Lambotte", "PERSON")]),
    ("Bitte klingeln bei Schwartzkopf, 3. Stock", "de", [("Schwartzkopf", "PERSON")]),
    ("Bel aan bij de receptie.", "nl", []),
    # whose phone number it is: a known given name right before the number's introducer or its bracket
    ("Annonce aussi en français : appelez Jorik au 09 225 71 84.", "fr", [("Jorik", "PERSON")]),
    ("Vragen? Bel gerust Liesbeth op 0472 61 09 38.", "nl", [("Liesbeth", "PERSON")]),
    ("For viewings call Jorik Vanhaecke on 0497 23 81 56", "en", [("Jorik Vanhaecke", "PERSON")]),
    ("Abholung durch Malte (0151 28 49 73 60)", "de", [("Malte", "PERSON")]),
    # the number's first digit ends the value (a batch cut it there): the name is masked before the rest comes
    ("Annonce aussi en français : appelez Jorik au 0", "fr", [("Jorik", "PERSON")]),
    ("Bel gerust Liesbeth op +", "nl", [("Liesbeth", "PERSON")]),
    # or the value ends with the introducer, or with its start (round 12 on main: a batch cut at "au\xa0")
    ("Annonce aussi en français : appelez Jorik a", "fr", [("Jorik", "PERSON")]),
    ("Annonce aussi en français : appelez Jorik au\xa0", "fr", [("Jorik", "PERSON")]),
    ("Vragen? Bel gerust Liesbeth op", "nl", [("Liesbeth", "PERSON")]),
]
NEGATIVES = [(v, lang, []) for v, lang in [
    ("WINTER25", "en"), ("ZOMER15", "nl"), ("SKU-88412-BL", "en"), ("€ 49,95", "nl"), ("49,95 €", "fr"),
    ("2 x 500 g", "fr"), ("Qty: 4", "en"), ("maat 42", "nl"), ("v2.3.1", "en"), ("14:30", "fr"),
]]


# Issue 9, item 6: shapes that leaked. Values made up by hand, typed as people type them.
PHONE_AS_TYPED = [
    ("Bel me op +31 (0)20 624 1187 na vijf uur", "nl", [("+31 (0)20 624 1187", "PHONE_NUMBER")]),
    ("+32(0)4 223 18 90", "fr", [("+32(0)4 223 18 90", "PHONE_NUMBER")]),
    ("+44 (0)20 7183 4426", "en", [("+44 (0)20 7183 4426", "PHONE_NUMBER")]),
    ("+3120 6241187", "nl", [("+3120 6241187", "PHONE_NUMBER")]),
    ("+ 31 6 28714409", "nl", [("+ 31 6 28714409", "PHONE_NUMBER")]),  # a space after the plus
    ("kamer 12 +31 6 28714409", "nl", [("+31 6 28714409", "PHONE_NUMBER")]),  # a number before it
    ("+31 (0)20 – 624 11 87", "nl", [("+31 (0)20 – 624 11 87", "PHONE_NUMBER")]),  # en dash
    ("06\u201128714409", "nl", [("06\u201128714409", "PHONE_NUMBER")]),  # non-breaking hyphen
    ("+31\u00a020\u00a0624\u00a01187", "nl", [("+31\u00a020\u00a0624\u00a01187", "PHONE_NUMBER")]),  # copied from a page
    ("06\u202f81\u202f24\u202f57\u202f39", "fr", [("06\u202f81\u202f24\u202f57\u202f39", "PHONE_NUMBER")]),  # French typing
    ("tel 06·12·34·56·78 merci", "fr", [("06·12·34·56·78", "PHONE_NUMBER")]),  # a middle dot (review 10)
    ("Bel +32·470·12·34·56", "nl", [("+32·470·12·34·56", "PHONE_NUMBER")]),
    ("bel me op 0478_99_88_77 aub", "nl", [("0478_99_88_77", "PHONE_NUMBER")]),  # underscores
    ("reach me at +32_478_99_88_77", "en", [("+32_478_99_88_77", "PHONE_NUMBER")]),
    ("mon portable: 06,12,34,56,78", "fr", [("06,12,34,56,78", "PHONE_NUMBER")]),  # commas, beside a phone word
    ("Maten 36,38,40,42,44 en 46 op voorraad", "nl", []),  # commas alone list sizes
    ("Sizes 06,08,10,12,14 in stock", "en", []),
    ("file_2026_04_12_0930.pdf", "en", []),
    ("Zaterdag 14 maart · 20.15 uur · Grote Zaal 0 · 2 plaatsen", "nl", []),
    ("00 32 478 26 91 04", "fr", [("00 32 478 26 91 04", "PHONE_NUMBER")]),
    ("+32(0)4 123 45 67", "fr", [("+32(0)4 123 45 67", "PHONE_NUMBER")]),  # a number phonenumbers thinks unassigned
    ("Commande n° 458712 – 2 articles", "fr", []),
    ("12–03–2024", "fr", []),
    ("Prix : 1\u00a0299,00\u00a0€", "fr", []),
    ("levering 10–12 werkdagen", "nl", []),
    ("Openingstijden 08:30 – 17:30", "nl", []),
    # a page writing a mobile being typed in its E.164 form (microdata, a tel: link): not whole yet
    ("+3249658", "nl", [("+3249658", "PHONE_NUMBER")]),
    ("tel:+3361245", "fr", [("+3361245", "PHONE_NUMBER")]),
    ("Al +100000 tevreden klanten", "nl", []),  # a count: no number is led by a zero
    ("+250000 downloads", "en", []),
    ("Temperatuur +21 tot +25", "nl", []),
]
ADDRESS_AS_TYPED = [
    ("Hauptstraße 12, 10115 Berlin", "en", [("Hauptstraße 12", "POSTAL_ADDRESS"), ("10115 Berlin", "POSTAL_ADDRESS")]),
    ("Ich wohne in der Goethestraße 8, bitte klingeln", "en", [("Goethestraße 8", "POSTAL_ADDRESS")]),
    ("Kölner Straße 221", "en", [("Kölner Straße 221", "POSTAL_ADDRESS")]),
    ("Am Ring 15", "en", [("Am Ring 15", "POSTAL_ADDRESS")]),
    ("Please send it to 14 Queen's Road", "en", [("14 Queen's Road", "POSTAL_ADDRESS")]),
    ("Rue de la Loi 16, 1000 Bruxelles", "fr", [("Rue de la Loi 16", "POSTAL_ADDRESS"), ("1000 Bruxelles", "POSTAL_ADDRESS")]),
    ("Korenlei 2, 9000 Gent", "nl", [("Korenlei 2", "POSTAL_ADDRESS"), ("9000 Gent", "POSTAL_ADDRESS")]),
    # a street written with an abbreviation ("Str.", "Av."): its postcode and city still follow it
    ("Gospertstr. 118, 4700 Eupen", "de", [("Gospertstr. 118", "POSTAL_ADDRESS"), ("4700 Eupen", "POSTAL_ADDRESS")]),
    ("Lieferung Nr. 12, 4700 Stück", "de", []),
    # a Belgian box number after the house number, whatever the street's pattern ("bus", "bte", "boîte"):
    # "Phoenixstr. 41" was masked and " bus 2" kept beside it
    ("Ophalen in de Brugsepoort, Phoenixstr. 41 bus 2 (bel aan)", "nl", [("Phoenixstr. 41 bus 2", "POSTAL_ADDRESS")]),
    ("Zustellung: Aachener Straße 7 Bus 12", "de", [("Aachener Straße 7 Bus 12", "POSTAL_ADDRESS")]),
    ("Livraison Rue des Tanneurs 58 bte 3, merci", "fr", [("Rue des Tanneurs 58 bte 3", "POSTAL_ADDRESS")]),
    ("Avenue Louise 231 boîte 14", "fr", [("Avenue Louise 231 boîte 14", "POSTAL_ADDRESS")]),
    ("Kerkstraat 12 bus 3", "nl", [("Kerkstraat 12 bus 3", "POSTAL_ADDRESS")]),
    # its box word closing a text: the box number is still being typed (a keystroke series cut at a batch's end)
    ("chez ma voisine, Rue du Moulin 8 boîte ", "fr", [("Rue du Moulin 8 boîte", "POSTAL_ADDRESS")]),
    ("Kerkstraat 12 bus naar Gent", "nl", [("Kerkstraat 12", "POSTAL_ADDRESS")]),
    # a street without a street word, known by the postcode and city after it
    ("Brugse Poort 14, 9000 Gent", "nl", [("Brugse Poort 14", "POSTAL_ADDRESS"), ("9000 Gent", "POSTAL_ADDRESS")]),
    ("Rue Haute 3b, L-4011 Esch-sur-Alzette", "fr", [("Rue Haute 3b", "POSTAL_ADDRESS")]),
    # the number first, as French and Luxembourg addresses are written, a street with no street word
    ("Rechnung an meine Firma: 29, Um Bierg, L-8399 Koerich", "de", [("29, Um Bierg", "POSTAL_ADDRESS"),
                                                                     ("L-8399 Koerich", "POSTAL_ADDRESS")]),
    ("Bestellung 1.234, 1000 Gent", "nl", []),
    ("Wij wonen op Brugse Poort 14, 9000 Gent", "nl", [("Brugse Poort 14, 9000 Gent", "POSTAL_ADDRESS")]),
    # particles inside its name, after a capitalised word (review 6): "Hof ter" was kept before "Zorbal 3"
    ("Leveradres: Hof ter Zorbal 3, 9000 Gent", "nl", [("Hof ter Zorbal 3", "POSTAL_ADDRESS"), ("9000 Gent", "POSTAL_ADDRESS")]),
    ("Levering op Onder de Linden 12, 9000 Gent", "nl",
     [("Onder de Linden 12", "POSTAL_ADDRESS"), ("9000 Gent", "POSTAL_ADDRESS")]),
    # after where the writer says they live: words then a number, no street word, no capital, and the town
    ("ik woon in de molenhoek 12 te lovendegem, de modem staat op zolder", "nl",
     [("molenhoek 12 te lovendegem", "POSTAL_ADDRESS")]),
    ("mijn adres is kouter 7b, 9000 gent", "nl", [("kouter 7b, 9000 gent", "POSTAL_ADDRESS")]),
    ("I live at 12 mill lane, york", "en", [("12 mill lane", "POSTAL_ADDRESS")]),
    ("wir wohnen am mühlbach 3 in ettelbruck", "en", [("mühlbach 3 in ettelbruck", "POSTAL_ADDRESS")]),
    ("j'habite au 4 impasse des lilas", "fr", [("4 impasse des lilas", "POSTAL_ADDRESS")]),
    # a Belgian 'drève' (a lane lined with trees) with no postcode after it (round 23)
    ("Le colis peut être déposé Drève des Chasseurs 41 à Waterloo", "fr", [("Drève des Chasseurs 41", "POSTAL_ADDRESS")]),
    ("au 41 drève des Chasseurs à Waterloo", "fr", [("41 drève des Chasseurs", "POSTAL_ADDRESS")]),
    ("ik woon in gent", "nl", []),  # a town alone is no address
    # an English street's closer and a UK postcode; not a memory size
    ("Deliver to 27 Elm Grove, BS7 8JT", "en", [("27 Elm Grove", "POSTAL_ADDRESS"), ("BS7 8JT", "POSTAL_ADDRESS")]),
    ("Kingston SSD M2 4GB", "en", []),
    # the city typed after a postcode is part of the address
    ("1016 DV Amsterdam", "nl", [("1016 DV Amsterdam", "POSTAL_ADDRESS")]),
    ("1016 DV Am", "nl", [("1016 DV Am", "POSTAL_ADDRESS")]),  # a value cut while the city is typed
    ("Bloemgracht 14-2, 1016 KL Amsterdam", "nl", [("Bloemgracht 14-2", "POSTAL_ADDRESS"), ("1016 KL Amsterdam", "POSTAL_ADDRESS")]),
    ("2401 KB Alphen aan den Rijn", "nl", [("2401 KB Alphen aan den Rijn", "POSTAL_ADDRESS")]),
    ("5211 HX 's-Hertogenbosch", "nl", [("5211 HX 's-Hertogenbosch", "POSTAL_ADDRESS")]),
    ("L-4011 Esch-sur-Alzette", "fr", [("L-4011 Esch-sur-Alzette", "POSTAL_ADDRESS")]),
    ("3511 LX Utrecht op dinsdag", "nl", [("3511 LX Utrecht", "POSTAL_ADDRESS")]),  # the sentence goes on unmasked
    # typed without capitals
    ("graag bezorgen op bloemgracht 14-2, 1016 kl amsterdam", "nl",
     [("bloemgracht 14-2", "POSTAL_ADDRESS"), ("1016 kl amsterdam", "POSTAL_ADDRESS")]),
    ("ik woon op de kerkstraat 12", "nl", [("kerkstraat 12", "POSTAL_ADDRESS")]),
    ("rue de la loi 16, 1000 bruxelles", "fr", [("rue de la loi 16", "POSTAL_ADDRESS"), ("1000 bruxelles", "POSTAL_ADDRESS")]),
    ("de snelweg 12 km verder", "nl", []),
    ("maat 42, 1000 stuks", "nl", []),
    ("supermarkt 24 uur open", "nl", []),
    ("Gouden ring 18 karaat", "nl", []),
    ("Spring 2024", "en", []),
    ("Collection 2024 Automne", "fr", []),
]
NATIONAL_ID_BY_CONTEXT = [  # shaped like a national number, beside a word saying so; no check digit proves them
    ("mijn BSN is 284716093", "nl", [("284716093", "NL_BSN")]),
    ("burgerservicenummer 403 817 269", "nl", [("403 817 269", "NL_BSN")]),
    ("rijksregisternummer 79.04.12-285.43", "nl", [("79.04.12-285.43", "BE_NATIONAL_NUMBER")]),
    ("numéro national 68.12.03-447.81", "fr", [("68.12.03-447.81", "BE_NATIONAL_NUMBER")]),
    # the word shortened as forms and people write it (held-out set 15)
    ("rijksregisternr. 79.04.12-285.43", "nl", [("79.04.12-285.43", "BE_NATIONAL_NUMBER")]),
    ("RR-nr 79041228543", "nl", [("79041228543", "BE_NATIONAL_NUMBER")]),
    ("numéro de sécurité sociale : 1 84 07 75 114 382 27", "fr", [("1 84 07 75 114 382 27", "FR_NIR")]),
    ("n° sécu 285057800608467", "fr", [("285057800608467", "FR_NIR")]),
    ("my national insurance number is QR 48 27 16 B", "en", [("QR 48 27 16 B", "NATIONAL_ID")]),
    # a foreigner's BIS number (a national number's shape, its month plus 20 or 40) alone, as the national number is
    ("85.45.12-100.88", "fr", [("85.45.12-100.88", "BE_NATIONAL_NUMBER")]),
    ("mijn bisnummer 85451210088", "nl", [("85451210088", "BE_NATIONAL_NUMBER")]),
    # a Belgian identity card's own number, 3-7-2 with its check: alone too; glued, beside the card's word
    ("mijn identiteitskaart 591-2834716-90 is vervallen", "nl", [("591-2834716-90", "NATIONAL_ID")]),
    ("591 2834716 90", "fr", [("591 2834716 90", "NATIONAL_ID")]),
    ("carte d'identité 591283471690", "fr", [("591283471690", "NATIONAL_ID")]),
    ("bestelling 591-2834716-90 verzonden", "nl", []), ("code 591-2834716-91", "nl", []),
    ("insurance number 502 118 734", "en", [("502 118 734", "NL_BSN")]),
    ("SSN 518-42-7730", "en", [("518-42-7730", "NATIONAL_ID")]),
    ("Sozialversicherungsnummer 65 170882 K 217", "en", [("65 170882 K 217", "NATIONAL_ID")]),
    # an id of no shape stdnum knows, beside the word: what a visitor gives is masked even so
    ("My insurance number is 7304918265 in case of damage.", "en", [("7304918265", "NATIONAL_ID")]),
    ("Versicherungsnummer 5820 917 364", "de", [("5820 917 364", "NATIONAL_ID")]),
    ("numéro de sécurité sociale 2980575056123", "fr", [("2980575056123", "NATIONAL_ID")]),  # a NIR without its key
    ("Versicherungsnummer A123456780", "de", [("A123456780", "NATIONAL_ID")]),
    # the insured person's number by the insurer's word for it (round 17: 'Versichertennummer T472615839' stayed)
    ("Mein Schwager, Versichertennummer T472615839, holt sie ab", "de", [("T472615839", "NATIONAL_ID")]),
    ("Krankenversichertennummer: K820461937", "de", [("K820461937", "NATIONAL_ID")]),
    ("mijn verzekerdennummer is 7304 918 265", "nl", [("7304 918 265", "NATIONAL_ID")]),
    ("numéro d'assuré 7304918265", "fr", [("7304918265", "NATIONAL_ID")]),
    ("Steuer-ID 57 392 814 605", "de", [("57 392 814 605", "NATIONAL_ID")]),  # a person's tax number
    ("Numéro fiscal : 1234567890123", "fr", [("1234567890123", "NATIONAL_ID")]),
    ("Bestellnummer 57392814605", "de", []),
    # a document's number typed in lower case after its word and a verb, as in capitals (review 34 F10); the same shapes
    # without a document's word are a voucher's, a product's or a parcel's
    ("mijn paspoortnummer is nw5k8l1p3", "nl", [("nw5k8l1p3", "NATIONAL_ID")]),
    ("meine passnummer ist c01x00t47", "de", [("c01x00t47", "NATIONAL_ID")]),
    ("meine versichertennummer ist a123456780, danke", "de", [("a123456780", "NATIONAL_ID")]),
    ("mon passeport est le ej123456", "fr", [("ej123456", "NATIONAL_ID")]),
    ("ma carte d'identité : bk123456", "fr", [("bk123456", "NATIONAL_ID")]),
    ("mein personalausweis hat die nummer t22000129", "de", [("t22000129", "NATIONAL_ID")]),
    ("kortingscode ab123456 geldig tot zondag", "nl", []), ("Artikelnummer sku1234567", "de", []),
    ("suivi colis lp123456789", "fr", []),
    # a registration plate beside its word; the same shape alone is a product code
    ("Mijn kenteken is AB-123-C", "nl", [("AB-123-C", "VEHICLE_ID")]),
    ("plaque 1-ABC-234, merci", "fr", [("1-ABC-234", "VEHICLE_ID")]),
    ("Artikel AB-123-C op voorraad", "nl", []),
    # Belgium's 1-ABC-234 and France's SIV AB-123-CD alone, a sidecode beside a garage's or a car's word (review 24 F10)
    ("Bevestiging: 7-KPR-519 staat klaar om 14u", "nl", [("7-KPR-519", "VEHICLE_ID")]),
    ("Renault Clio · 3-HTD-402", "nl", [("3-HTD-402", "VEHICLE_ID")]),
    ("Rendez-vous confirmé pour FZ-482-KM demain", "fr", [("FZ-482-KM", "VEHICLE_ID")]),
    ("Onderhoudsbeurt bij de garage voor KL-937-R", "nl", [("KL-937-R", "VEHICLE_ID")]),
    ("Réf. UA-123-XY en stock", "fr", []), ("Artikel KL-937-R op voorraad", "nl", []),
    # a German plate (district, letters, number) beside a word for the car; the shape alone is a code
    ("Der zweite Wagen (HS-KR 482) fährt ab Raeren.", "de", [("HS-KR 482", "VEHICLE_ID")]),
    ("wir kommen mit dem Auto, Kennzeichen AC KM 2207E", "de", [("AC KM 2207E", "VEHICLE_ID")]),
    ("ma voiture GX-204-B est garée devant", "fr", [("GX-204-B", "VEHICLE_ID")]),
    ("Norm DIN-EN 1090 erfüllt", "de", []),
    # a Luxembourg plate (two letters, four digits) beside its word; a VIN (ISO 3779: 17 characters without
    # I, O, Q, the last four digits) even without one; the same shapes otherwise are codes
    ("säin Auto, Nummerschëld KT 5821, steet do", "de", [("KT 5821", "VEHICLE_ID")]),
    ("Fahrgestell WF0AXXGCDA9R21734, bitte prüfen", "de", [("WF0AXXGCDA9R21734", "VEHICLE_ID")]),
    ("châssis n° VF1RFB00X61758290", "fr", [("VF1RFB00X61758290", "VEHICLE_ID")]),
    ("my car is a SB1K93BE10E285416", "en", [("SB1K93BE10E285416", "VEHICLE_ID")]),
    ("Modell RT 2019 ab Lager", "de", []),
    # plates as visitors type them: in lower case, with spaces, without dashes, the LU one with a dash; a VIN in
    # lower case beside its word (review 11 F6)
    ("mijn kenteken is 1-abc-234, dank", "nl", [("1-abc-234", "VEHICLE_ID")]),
    ("immatriculation ab-123-cd, merci", "fr", [("ab-123-cd", "VEHICLE_ID")]),
    ("kenteken 1 ABC 234 graag", "nl", [("1 ABC 234", "VEHICLE_ID")]),
    ("plaque AB 123 CD, merci", "fr", [("AB 123 CD", "VEHICLE_ID")]),
    ("kenteken 1ABC234 graag", "nl", [("1ABC234", "VEHICLE_ID")]),
    ("Nummerschëld xr 3097, merci", "fr", [("xr 3097", "VEHICLE_ID")]),
    ("Nummerschëld XR-3097, merci", "fr", [("XR-3097", "VEHICLE_ID")]),
    ("vin wvwzzzauzmp052917, dank", "nl", [("wvwzzzauzmp052917", "VEHICLE_ID")]),
    # a German plate in lower case, its dash or not, and a plate after Luxembourgish "ass" (review 34 F14); a
    # preposition's words after the plate's word are none
    ("kennzeichen ist k ab 123", "de", [("k ab 123", "VEHICLE_ID")]),
    ("mein kennzeichen ist b-mw 1234", "de", [("b-mw 1234", "VEHICLE_ID")]),
    ("unser kennzeichen: ac-lh 719e, danke", "de", [("ac-lh 719e", "VEHICLE_ID")]),
    ("Nummerschëld ass xr 3097", "fr", [("xr 3097", "VEHICLE_ID")]),
    ("Kennzeichen bis zu 3 Wochen vorab reservieren", "de", []),
    ("Kennzeichen für 2 Fahrzeuge mit 1 Antrag", "de", []),
    # a number that is a year, right after the word for the plate, is the plate's
    ("Nummerschëld XR 2019, merci", "fr", [("XR 2019", "VEHICLE_ID")]),
    # Italian, Spanish and Turkish plates after their own words, and German's "Nummernschild" (review 27 F3); the
    # words alone before a year or a date are an enrolment's or a plaque's
    ("Targa: FG 482 KM", "it", [("FG 482 KM", "VEHICLE_ID")]),
    ("Matrícula: 7391 KLM", "es", [("7391 KLM", "VEHICLE_ID")]),
    ("Plaka: 06 KR 4821", "tr", [("06 KR 4821", "VEHICLE_ID")]), ("Plaka: 35 B 73915", "tr", [("35 B 73915", "VEHICLE_ID")]),
    ("Nummernschild: HS-KR 482", "de", [("HS-KR 482", "VEHICLE_ID")]),
    ("Matrícula abierta hasta el 30 de junio de 2026", "es", []), ("Targa commemorativa del 2024", "it", []),
    # Luxembourgish "Nummerplack"; Poland's and Lithuania's plates right after a word for the car, or the plate's word;
    # a make's model, a Mercedes model and a norm beside a car word are none (review 28 F11)
    ("Nummerplack: TK 6093", "de", [("TK 6093", "VEHICLE_ID")]),
    ("d'Nummerplack ass DL 2718, merci", "fr", [("DL 2718", "VEHICLE_ID")]),
    ("ma voiture KR 7A491 sera devant", "fr", [("KR 7A491", "VEHICLE_ID")]),
    ("mijn auto PO 5820K staat op de parking", "nl", [("PO 5820K", "VEHICLE_ID")]),
    ("mój samochód GDA 48E2 stoi przed domem", "nl", [("GDA 48E2", "VEHICLE_ID")]),
    ("our car JHN 604 is blue", "en", [("JHN 604", "VEHICLE_ID")]),
    ("tablica rejestracyjna: LU 39027", "nl", [("LU 39027", "VEHICLE_ID")]),
    # Polish's short forms for the plate's number (held-out round 45)
    ("Kierowca: Krzysztof Zieliński, nr rej. PO 8K427, PESEL", "pl", [("PO 8K427", "VEHICLE_ID")]),
    ("nr rejestracyjny WGM 4F52", "de", [("WGM 4F52", "VEHICLE_ID")]), ("Nr. rej.: KR 7G214", "fr", [("KR 7G214", "VEHICLE_ID")]),
    ("ma voiture BMW 320 est garée devant", "fr", []), ("Louez la Mercedes GLA 200 ce week-end", "fr", []),
    ("each car meets ISO 26262", "en", []),
    # a model's name and year beside a car word is a heading, not a plate (review 11 F10)
    ("Auto GT 2024 — nieuw model", "nl", []), ("Fahrzeug: VW ID 2025", "de", []),
    ("Voiture électrique ZE 2024", "fr", []), ("Auto van het jaar: EV 2025", "nl", []),
    ("kenteken aanvragen in 2024", "nl", []), ("hash 3fa85f64c1b2e4567 ok", "en", []),
    ("Artikel AB 1234 op voorraad", "nl", []),
    ("Bestelnummer 20260314008412579 verzonden", "nl", []),
    ("release 2f9a1c7e03b84d2a6 is out", "en", []),
    ("Modell XT-R 500 ab Lager", "de", []),
    ("Bestelling 284716093 is verzonden", "nl", []),  # the same shapes without the word
    ("Facture 79041228543", "fr", []),
    ("Commande 403 817 269 bien reçue", "fr", []),
    ("Ref 65 170882 K 217", "en", []),
    ("Bestelling 7304918265 is verzonden", "nl", []),
    ("Artikel A123456780 op voorraad", "nl", []),
    # a passport's machine-readable zone shown back by a check-in page: both lines, whole (heldout round 20)
    ("P<IRLMAC<GIOLLA<PHADRAIG<<SAOIRSE<<<<<<<<<<<\nPX50273184IRL7805318F<<<<<<<<<<<<<<<<<<<<<<<", "en",
     [("P<IRLMAC<GIOLLA<PHADRAIG<<SAOIRSE<<<<<<<<<<<", "NATIONAL_ID"),
      ("PX50273184IRL7805318F<<<<<<<<<<<<<<<<<<<<<<<", "NATIONAL_ID")]),
    ("Scan: PX50273184IRL7805318F", "en", [("PX50273184IRL7805318F", "NATIONAL_ID")]),
    ("SKU PX-502-7318 · EAN 5027318404210 · Ref AB<<CD", "en", []),  # no line of the zone's shapes
    # a number that passes the 11-proef is a BSN alone, but not under a label naming an order or a parcel,
    # unless a national id's own word is near it too
    ("518427730", "nl", [("518427730", "NL_BSN")]),
    ("Tracking 518427730 shows no update", "en", []),
    ("Bestelnummer: 518427730", "nl", []),
    ("Commande n° 518427730 confirmée", "fr", []),
    ("order 12, mijn BSN 518427730", "nl", [("518427730", "NL_BSN")]),
]
# Luxembourg: a matricule (a birth date, a serial, Luhn and Verhoeff check digits) grouped as pages write it,
# a landline of eight digits in pairs; numbers of the same shape that fail the checks, or a date and a time
LUXEMBOURG = [
    ("Parent : Claudine T. (1986 0521 123 65)", "fr", [("1986 0521 123 65", "NATIONAL_ID")]),
    ("2021050904786", "fr", [("2021050904786", "NATIONAL_ID")]),
    ("Matricule 1985 0714 283 69", "de", [("1985 0714 283 69", "NATIONAL_ID")]),
    ("Commande 1986 0521 123 64", "fr", []),
    # its check digits failing (mistyped, made up) beside its word, in French or German, it is still the visitor's
    ("Matrikel 1986 0303 123 45 unbekannt", "de", [("1986 0303 123 45", "NATIONAL_ID")]),
    ("Meine Matrikelnummer ist 1986 0303 123 45.", "de", [("1986 0303 123 45", "NATIONAL_ID")]),
    ("mon matricule 1986 0303 123 45", "fr", [("1986 0303 123 45", "NATIONAL_ID")]),
    ("Lieferung 1986 0303 123 45", "de", []),
    ("EAN 2021050904787", "fr", []),
    ("(grand-mère), 26 31 58 47", "fr", [("26 31 58 47", "PHONE_NUMBER")]),
    ("Rufen Sie 2631 5847 an", "de", [("2631 5847", "PHONE_NUMBER")]),
    ("Ouvert de 6h30 à 19h00, le 24 12 2025", "fr", []),
    ("Prix 26,31 € — 58 47 pièces", "fr", []),
]

# Switzerland: the AHV/AVS social security number (756, nine digits, an EAN-13 check digit) in its groups, alone or
# beside its word, and glued beside its word only; a barcode's thirteen digits alone, a number of that shape whose
# check fails, and one that does not start with 756, stay
SWISS = [
    ("Licence refusée pour le partenaire (AVS 756.9217.0769.85) : numéro non belge", "fr",
     [("756.9217.0769.85", "NATIONAL_ID")]),
    ("756.9217.0769.85", "de", [("756.9217.0769.85", "NATIONAL_ID")]),
    ("Meine AHV-Nr. ist 756 9217 0769 85, bitte eintragen", "de", [("756 9217 0769 85", "NATIONAL_ID")]),
    ("son n° AVS 7569217076985", "fr", [("7569217076985", "NATIONAL_ID")]),
    ("N° AVS 756.9217.0769.86 (à vérifier)", "fr", [("756.9217.0769.86", "NATIONAL_ID")]),
    ("EAN 7569217076985", "fr", []),
    ("Artikel 756.9217.0769.86 ist ausverkauft", "de", []),
    ("Réf. 757.9217.0769.85", "fr", []),
]
# Italy's tax code and Spain's DNI and NIE (peers round 14: masked only where typed before): the code upper or lower
# case, as Italy's digital identity writes it ("TINIT-…"), the DNI's and the NIE's check letter; one whose check
# fails alone, and a DNI's shape beside an order's word, stay
SOUTHERN_IDS = [
    ("codice fiscale DLLGLI88M52F205O", "en", [("DLLGLI88M52F205O", "NATIONAL_ID")]),
    ("spid TINIT-DLLGLI88M52F205O", "en", [("DLLGLI88M52F205O", "NATIONAL_ID")]),
    ("cf: dllgli88m52f205o", "en", [("dllgli88m52f205o", "NATIONAL_ID")]),
    ("BLLMRC79C04A944H", "en", [("BLLMRC79C04A944H", "NATIONAL_ID")]),
    ("Ref. BLLMRC79C04A944X", "en", []),
    ("cannot seat her (DNI 48213657E)", "en", [("48213657E", "NATIONAL_ID")]),
    ("48213657E", "fr", [("48213657E", "NATIONAL_ID")]),
    ("host NIE Y2817463T", "en", [("Y2817463T", "NATIONAL_ID")]),
    ("order 48213657E shipped", "en", []),
    ("48213657A", "en", []),
]
# an Italian, Spanish or Portuguese address as their visitors write it (peers round 14): the opener, the name, the
# house number, where in the building (staircase, flat, floor and door as ordinals) and the postcode and town; a
# travel word and a number of times after "Via" stay
SOUTHERN_ADDRESSES = [
    ("Invoices to: Via Tortona 31, scala B, int. 4, 20144 Milano. Thanks", "en",
     [("Via Tortona 31, scala B, int. 4, 20144 Milano", "POSTAL_ADDRESS")]),
    ("Pilar trabaja desde C/ Ponzano 47, 3º 2ª, 28003 Madrid y viene los martes.", "fr",
     [("C/ Ponzano 47, 3º 2ª, 28003 Madrid", "POSTAL_ADDRESS")]),
    ("Calle de la Princesa 25, piso 3, puerta 2", "en", [("Calle de la Princesa 25, piso 3, puerta 2", "POSTAL_ADDRESS")]),
    ("Rua do Ouro 112, 2.º Esq.", "fr", [("Rua do Ouro 112, 2.º Esq.", "POSTAL_ADDRESS")]),
    # (peers round 15: Portugal's postcode after the floor and side was left with its town)
    ("Invoice to Rua do Almada 214, 3º Esq., 4050-032 Porto. Thanks", "en",
     [("Rua do Almada 214, 3º Esq., 4050-032 Porto", "POSTAL_ADDRESS")]),
    # a unit word closing the text, its value still being typed, as a box number's (bench/batch_ends.py: a batch cut at
    # "Via Tortona 31, scala " stored "scala" beside the masked street)
    ("Invoices to my home please: Via Tortona 31, scala ", "en", [("Via Tortona 31, scala", "POSTAL_ADDRESS")]),
    ("Pilar vive en Calle de la Princesa 25, piso", "fr", [("Calle de la Princesa 25, piso", "POSTAL_ADDRESS")]),
    ("Go Via Eurostar 2 times a week", "en", []),
    ("Piazza Navona is lovely at night", "en", []),
    ("Via Tortona 31, scala B is the one on the left", "en", [("Via Tortona 31, scala B", "POSTAL_ADDRESS")]),
    # typed with the opener in lower case, as people write it (review 20 F2: the street's name was stored); "via" and
    # "corso", words of the site languages too, only after Italian's "in", and nothing without a house number
    ("sto in via Ruggero Settimo 47 fino a sabato", "en", [("via Ruggero Settimo 47", "POSTAL_ADDRESS")]),
    ("abitiamo in corso Vinzaglio 9, citofono 3", "en", [("corso Vinzaglio 9", "POSTAL_ADDRESS")]),
    ("mi trovi in viale Abruzzi 88", "en", [("viale Abruzzi 88", "POSTAL_ADDRESS")]),
    ("entregar en calle Fuencarral 104, 2º izq.", "en", [("calle Fuencarral 104, 2º izq.", "POSTAL_ADDRESS")]),
    ("moramos na rua dos Fanqueiros 71, Lisboa", "en", [("rua dos Fanqueiros 71, Lisboa", "POSTAL_ADDRESS")]),
    ("fico na travessa do Carmo 3", "en", [("travessa do Carmo 3", "POSTAL_ADDRESS")]),
    ("Bestel via WhatsApp 24/7", "nl", []),
    ("Iscriviti al corso Excel 2 livello", "en", []),
    ("prendi la vía rápida 3 veces", "en", []),
    ("la calle Mayor es preciosa", "en", []),
]
# a Spanish name's two surnames joined by "y" (peers round 14: "y Beitia" was left in an error's message), the whole
# name; a dish's two words joined by it are no name
SPANISH_SURNAMES = [
    ("Desk quota exceeded: cannot seat Pilar Ochoa de Zárate y Beitia (DNI 48213657E)", "en",
     [("Pilar Ochoa de Zárate y Beitia", "PERSON")]),
    ("Trabaja con Pilar Ochoa y Beitia.", "fr", [("Pilar Ochoa y Beitia", "PERSON")]),
    # and Portuguese "e" (peers round 15: "e Meneses" was left after the masked name in an exception's cause when the
    # event came before the recording that taught the typed name)
    ("IBAN PT50 0033 0000 4531 8276 9012 6 rejected for Tomás Vasconcelos da Cunha e Meneses", "en",
     [("Tomás Vasconcelos da Cunha e Meneses", "PERSON")]),
    ("Pão e Manteiga", "en", []),
    ("Tortilla y Chorizo", "en", []),
]
# a date of birth in a visitor's own language (Italian, Spanish, Portuguese), after its word (peers round 14)
SOUTHERN_BIRTH_DATES = [
    ("For the insurance: nata il 12 agosto 1988.", "en", [("12 agosto 1988", "DATE_OF_BIRTH")]),
    ("nacida el 3 de mayo de 1990", "fr", [("3 de mayo de 1990", "DATE_OF_BIRTH")]),
    # the verb said of oneself (peers round 15: "nasci a" was no birth word)
    ("For the insurance: nasci a 14/02/1981. We arrive on the evening tide.", "en",
     [("14/02/1981", "DATE_OF_BIRTH")]),
    ("mi madre nació el 3 de mayo de 1960", "fr", [("3 de mayo de 1960", "DATE_OF_BIRTH")]),
    ("Open 12 agosto 2026.", "en", []),
]
# the nine digits of a country with no trunk prefix (Poland, Spain, Portugal), in threes, as their visitors
# write their own number: a phone when a word near it says so ("bereikbaar op", "gsm", "móvil"), a number
# of that shape alone, an order's or a parcel's, stays
NO_TRUNK_PREFIX = [
    ("zij is bereikbaar op 512-448-907. Ophalen mag ook", "nl", [("512-448-907", "PHONE_NUMBER")]),
    ("zijn gsm is 912 604 385, bel gerust", "nl", [("912 604 385", "PHONE_NUMBER")]),
    ("mi móvil: 612.345.678", "es", [("612.345.678", "PHONE_NUMBER")]),
    ("Track & trace 512 448 907 is onderweg", "nl", []),
]
# postcodes with a dash (Poland's 80-827, Portugal's 1200-195) and the town after them, the street before
# them; a range of numbers before a word ("groepen van 10-120 Personen") is none
DASHED_POSTCODES = [
    ("ul. Długa 14/3, 80-827 Gdańsk", "nl", [("ul. Długa 14/3", "POSTAL_ADDRESS"), ("80-827 Gdańsk", "POSTAL_ADDRESS")]),
    # (a southern street's opener takes Portugal's postcode and town with it: one address)
    ("Rua Augusta 112, 1100-053 Lisboa", "fr", [("Rua Augusta 112, 1100-053 Lisboa", "POSTAL_ADDRESS")]),
    # three digits, a space and two (Greece, Sweden, Czechia), the street before in any script (peers round 15: the
    # house number and postcode were left between a masked street and town)
    ("Stavros comes from Ερμού 25, 105 63 Αθήνα and joins on Friday.", "en",
     [("Ερμού 25", "POSTAL_ADDRESS"), ("105 63 Αθήνα", "POSTAL_ADDRESS")]),
    ("Drottninggatan 53, 111 21 Stockholm", "en", [("Drottninggatan 53", "POSTAL_ADDRESS"),
                                                   ("111 21 Stockholm", "POSTAL_ADDRESS")]),
    ("Tafel 3, 120 45 stoelen", "nl", []),
    ("Wysyłka: 31-042 Kraków", "en", []),
    ("Zalen voor groepen van 10-120 Personen", "nl", []),
    ("Kamers 12-140 Noord", "nl", []),
]
# a foreign postcode as a letter's label writes it, its country's letters first (peers round 13d): after a street's
# number, on a vCard label's next line, or beside a word for an address; a product's or a plane's code of that shape
# alone stays
COUNTRY_POSTCODES = [
    ("Kramgasse 49, CH-3011 Bern", "de", [("Kramgasse 49", "POSTAL_ADDRESS"), ("CH-3011 Bern", "POSTAL_ADDRESS")]),
    ("Rue de la Loi 16, B-1000 Bruxelles", "fr", [("B-1000 Bruxelles", "POSTAL_ADDRESS")]),
    ("Hauptstraße 5, D-52062 Aachen", "de", [("D-52062 Aachen", "POSTAL_ADDRESS")]),
    ("LABEL;TYPE=HOME:Kramgasse 49\\nCH-3011 Bern\\nSuisse", "fr", [("CH-3011 Bern", "POSTAL_ADDRESS")]),
    ("j'habite à CH-1204 Genève", "fr", [("CH-1204 Genève", "POSTAL_ADDRESS")]),
    ("Modèle B-1000 Pro", "fr", []),
    ("Le Dassault F-16 Falcon", "fr", []),
    ("Code D-12345 Schwarz", "de", []),
    # and after the words a visitor writes where she lives, said without the person, in German, Spanish, Portuguese,
    # Italian (review 19 F10); Spain's "E-", Italy's "I-", and Portugal's NNNN-NNN beside such a word
    ("wohne in D-04109 Leipzig seit März", "de", [("D-04109 Leipzig", "POSTAL_ADDRESS")]),
    ("wohne seit Mai in A-8010 Graz", "de", [("A-8010 Graz", "POSTAL_ADDRESS")]),
    ("wohne in 3012 Bern seit Mai", "de", [("3012 Bern", "POSTAL_ADDRESS")]),
    ("vivo en E-41001 Sevilla desde junio", "es", [("E-41001 Sevilla", "POSTAL_ADDRESS")]),
    ("moro em 4050-262 Porto desde junho", "pt", [("4050-262 Porto", "POSTAL_ADDRESS")]),
    ("abito a I-20121 Milano da giugno", "it", [("I-20121 Milano", "POSTAL_ADDRESS")]),
    ("Modell E-41001 Sevilla Edition", "de", []),
    ("Wohnen & Garten 2025 Kollektion", "de", []),
    ("Gruppen von 1000-200 Personen", "de", []),
]
# Portugal's tax number (with its word) and citizen card, Greece's AMKA (with its word), names in Greek or Cyrillic
# letters the given-name list knows in Latin ones, and a door's or a gate's code after its word (held-out peers round
# 15b: an insurer's lines and a chat link's text, never typed, were stored); a number of those shapes beside an
# order's word, a gate's own number and a year after "Porte" stay
INSURERS_LINES = [
    ("Cover active for the co-owner (NIF 245718397, CC 15028443 0 ZY5).", "en",
     [("245718397", "NATIONAL_ID"), ("15028443 0 ZY5", "NATIONAL_ID")]),
    ("número de contribuinte 245 718 397", "fr", [("245 718 397", "NATIONAL_ID")]),
    ("AMKA 19048573109 verified for Ελένη Κώτσου.", "en",
     [("19048573109", "NATIONAL_ID"), ("Ελένη Κώτσου", "PERSON")]),
    ("Ваша сусідка Олена Коваленко", "en", [("Олена Коваленко", "PERSON")]),
    ("Berth C-14, gate 739154", "en", [("739154", "SECRET")]),
    ("le digicode est 4821B", "fr", [("4821B", "SECRET")]),
    ("Order 245718397 shipped; tracking 19048573109", "en", []),
    ("Gate 12 boards at 10:40", "en", []),
    ("Porte 2024 collection", "fr", []),
    ("the gate code is broken", "en", []),
]
# the code of a key box, a door, a garage or a letterbox in a delivery note or a rental's arrival instructions, the
# noun before "code" or, in French word order, after it, or a key box's word alone (review 29 F6); a promotion's code
# and a door's, a garage's or a building regulation's own number stay
ACCESS_BOX_CODES = [
    ("Sleutelkluisje code 2741 links van de voordeur", "nl", [("2741", "SECRET")]),
    ("Notitie: sleutelkast: 5538", "nl", [("5538", "SECRET")]),
    ("Schlüsseltresor 9163 neben der Garage", "de", [("9163", "SECRET")]),
    ("Coffre à clés code 3307 sous la fenêtre", "fr", [("3307", "SECRET")]),
    ("Arrivée : code du portail : 6620", "fr", [("6620", "SECRET")]),
    ("code de la boîte aux lettres 1189", "fr", [("1189", "SECRET")]),
    ("brievenbuscode 4402 en dan rechts", "nl", [("4402", "SECRET")]),
    ("the garage door code 8834, thanks", "en", [("8834", "SECRET")]),
    ("code promo 4402 valable", "fr", []),
    ("Garage 3 is vrij", "nl", []),
    ("International Building Code 2021", "en", []),
]


@pytest.mark.parametrize("text,language,expected", ACCESS_BOX_CODES)
def test_access_box_codes(patterns_only, text, language, expected):
    check(patterns_only, text, language, expected)


# a role one person holds, its label and colon, then a surname alone or written first, as a practitioner's agenda, a
# course list, a ticket or a confirmation page show it (review 29 F7, F8); one word that is the role's kind, a fare or
# a form's answer stays
ROLE_HOLDERS = [
    ("Patiënte: Vandersteen", "nl", [("Vandersteen", "PERSON")]),
    ("Deelnemer: Goossens Lien", "nl", [("Goossens Lien", "PERSON")]),
    ("Élève : Mbayo", "fr", [("Mbayo", "PERSON")]),
    ("Teilnehmerin: Brandauer", "de", [("Brandauer", "PERSON")]),
    ("Eigenaar: Debruyne", "nl", [("Debruyne", "PERSON")]),
    ("Ouder/voogd: Lemmens", "nl", [("Lemmens", "PERSON")]),
    ("Responsable légal : Kabeya", "fr", [("Kabeya", "PERSON")]),
    ("Cliënt: Okonkwo, pedicure 30 min", "nl", [("Okonkwo", "PERSON")]),
    ("Passenger: Adult", "en", []),
    ("Invité : Oui", "fr", []),
    ("Guest: Checkout", "en", []),
    ("Leerling: Basis", "nl", []),
    ("Client : Particulier", "fr", []),
    # the one who claims an allowance, applies or signs, whose given name no list knows (held-out round 41)
    ("Allocataire : Tharshan Sivakumar", "fr", [("Tharshan Sivakumar", "PERSON")]),
    ("Demandeuse : Niroshini Kanagaratnam", "fr", [("Niroshini Kanagaratnam", "PERSON")]),
    ("Aanvrager: Tharshan Sivakumar", "nl", [("Tharshan Sivakumar", "PERSON")]),
    ("Antragstellerin: Niroshini Kanagaratnam", "de", [("Niroshini Kanagaratnam", "PERSON")]),
    ("Signed by: Tharshan Sivakumar", "en", [("Tharshan Sivakumar", "PERSON")]),
    ("Demandeur : Particulier", "fr", []),
    ("Allocataire : Oui", "fr", []),
]


@pytest.mark.parametrize("text,language,expected", ROLE_HOLDERS)
def test_role_holders(detector, patterns_only, text, language, expected):
    check(detector, text, language, expected)
    check(patterns_only, text, language, expected)


# a Hungarian married name, surname first (held-out peers round 15: a neighbouring skipper in a marina's answer and
# page was stored): "-né" after her husband's surname, her own name after it, or after his given name; a capitalised
# word ending in "né" before words that are no given name is none
HUNGARIAN_NAMES = [
    ("Your neighbour at C-14: Kovácsné Szabó Etelka (+36 30 418 2297)", "en",
     [("Kovácsné Szabó Etelka", "PERSON")]),
    ("Kovácsné Szabó Etelka", "en", [("Kovácsné Szabó Etelka", "PERSON")]),
    ("Beszéltem Nagyné Erzsébettel, és Kovács Jánosné is jön.", "en", [("Kovács Jánosné", "PERSON")]),
    ("Le Cinéné Club Paris", "fr", []),
    # Hungarian writes every name surname first, its surnames without an ending to tell them: the commonest are listed
    ("Szabó Péter vagyok, a rendelésemről írok", "en", [("Szabó Péter", "PERSON")]),
    ("Üdvözlettel: Farkas Ildikó", "en", [("Farkas Ildikó", "PERSON")]),
    ("Kiss the bride", "en", []),
]
# initials and a surname, no given name: a delivery's recipient in an order history, an addressee; a sentence
# ending in a letter, a form's lettered section, a street after a letter are none
INITIALLED_SURNAMES = [
    ("Ł. Wiśniewski", "nl", [("Ł. Wiśniewski", "PERSON")]),
    # the call name in brackets between the initials and the surname, as a Dutch formal list writes it
    ("Getekend: J.P.M. (Jan) de Groot", "nl", [("J.P.M. (Jan) de Groot", "PERSON")]),
    ("Bezorgd aan J. P. van Dijk, Rotterdam", "nl", [("J. P. van Dijk", "PERSON")]),
    ("Destinataire : M. Lefebvre-Dumont", "fr", [("M. Lefebvre-Dumont", "PERSON")]),
    ("Neem dagelijks vitamine C. Daarna voelt u zich beter", "nl", []),
    ("Stap 2\nB. Betaalgegevens\nVul uw rekening in", "nl", []),
]
# a surname written first, a comma, then the given name, as registers and lists write a name (held-out peers round 12:
# a guarantor named so in a remark, and as an array's entry in a log's attribute, was stored raw); Dutch elides "het"
# among a name's particles ("van 't"). Not a word said to the one named at a sentence's start, nor a place before the
# comma
SURNAMES_FIRST = [
    ("Mijn borgsteller is Van 't Hooft, Sjoerd-Jan (geb. 2 nov. 1961)", "nl", [("Van 't Hooft, Sjoerd-Jan", "PERSON")]),
    ("Van 't Hooft, Sjoerd-Jan", "nl", [("Van 't Hooft, Sjoerd-Jan", "PERSON")]),
    ("Peeters, Jan", "nl", [("Peeters, Jan", "PERSON")]),
    ("Naam: De Smet, Annelies", "nl", [("De Smet, Annelies", "PERSON")]),
    ("la locataire est Dubois, Amélie", "fr", [("Dubois, Amélie", "PERSON")]),
    ("Mijn borgsteller is Sjoerd van 't Hooft.", "nl", [("Sjoerd van 't Hooft", "PERSON")]),
    ("Stuur het naar Kees in 't Veld.", "nl", [("Kees in 't Veld", "PERSON")]),
    ("Super, Jan, dank je wel!", "nl", []),
    ("Sorry, Emma, ik kom later", "nl", []),
    ("Bedankt, Jan!", "nl", [("Jan", "PERSON")]),
    ("Gent, Pieter en ik komen samen", "nl", []),
    ("Ophalen in de Brugsepoort, Phoenix…", "nl", []),
    # opening a line with a sentence after it, or a semicolon typed for the comma (review 19 F3: the surname was kept);
    # a word said to the one named is closed by its own mark, a title's "of" follows no name
    ("Claeys, Annelies belt vanavond terug", "nl", [("Claeys, Annelies", "PERSON")]),
    ("Brenninkmeyer, Dieter kommt am Montag", "de", [("Brenninkmeyer, Dieter", "PERSON")]),
    ("Afspraak gemaakt.\nWuyts, Hanne komt om 10u", "nl", [("Wuyts, Hanne", "PERSON")]),
    ("Wuyts; Hanne", "nl", [("Wuyts; Hanne", "PERSON")]),
    ("Perfect, Annelies, tot dan", "nl", []),
    ("Macbeth, Prince of Scotland", "en", []),
]
# whose a file is, a document's kind before the name and its extension after (held-out peers round 12b: a co-tenant's
# payslip in a link's download attribute, a capture and the API's answer, never typed on the page): the kind is no
# part of the name; a product named after a person is no one's file
FILE_OWNERS = [
    ("Loonstrook Sytske Wierenga.pdf", "nl", [("Sytske Wierenga", "PERSON")]),
    ("Factuur Jan van 't Hek.PDF", "nl", [("Jan van 't Hek", "PERSON")]),
    ("bijlage: Huurovereenkomst Jadwiga Kołtuniak-Pręgowska.docx", "nl", [("Jadwiga Kołtuniak-Pręgowska", "PERSON")]),
    ("Knuffel Johanna.pdf", "nl", []),
    ("Handleiding Philips Hue White.pdf", "nl", []),
    # its words joined by "_" or "-" (issue 9's leftover of round 12b: "Loonstrook_Sytske_Wierenga.pdf" was stored)
    ("Download scan_jan_peeters.pdf", "nl", [("jan_peeters", "PERSON")]),
    ("Loonstrook_Sytske_Wierenga.pdf", "nl", [("Sytske_Wierenga", "PERSON")]),
    ("contract-lotte-de-graaf-2026.pdf", "nl", [("lotte-de-graaf", "PERSON")]),
    ("factuur_2024_03.pdf", "nl", []), ("foto_emma_tafel.jpg", "nl", []), ("max_snelheid.pdf", "nl", []),
    ("product_sheet_bakfiets.pdf", "nl", []),
]
# a surname alone after the words that address a letter or a parcel (review 17 F4); a company's department there is no
# one (the words of a delivery note, "familie", "chez", "bij … afgeven", are read in a visitor's text only:
# test_allowlists)
ADDRESSED_SURNAMES = [
    ("T.a.v. Wuytack graag, bedankt", "nl", [("Wuytack", "PERSON")]),
    ("p/a Verbruggen-Claus, 3de verdieping", "nl", [("Verbruggen-Claus", "PERSON")]),
    ("c/o Okonjo, side entrance", "en", [("Okonjo", "PERSON")]),
    ("Attn: Okonjo", "en", [("Okonjo", "PERSON")]),
    ("z.H. Pfefferkorn, danke", "de", [("Pfefferkorn", "PERSON")]),
    ("Zu Händen von Pfefferkorn", "de", [("Pfefferkorn", "PERSON")]),
    ("À l'attention de Delvaux, merci", "fr", [("Delvaux", "PERSON")]),
    ("T.a.v. dhr. Wuytack graag", "nl", [("Wuytack", "PERSON")]),  # a title between them, in lower case (review 18)
    ("z.H. Hr. Pfefferkorn", "de", [("Pfefferkorn", "PERSON")]),
    ("T.a.v. dhr. Administratie", "nl", []),
    ("T.a.v. Administratie", "nl", []),
    ("Attn: Customer Service", "en", []),
    ("z.H. Buchhaltung", "de", []),
    ("c/o Regus Business Centre", "en", []),
    ("À l'attention du service client", "fr", []),
    # a title between (review 18 F11): read in the site's text as well, where the word alone may be a department
    ("T.a.v. dhr. Wuytack, 2de verdieping", "nl", [("Wuytack", "PERSON")]),
    ("T.a.v. de heer Van Rompaey", "nl", [("Van Rompaey", "PERSON")]),
    ("t.a.v. mevr. Sleeckx", "nl", [("Sleeckx", "PERSON")]),
    ("T.a.v. dhr. Administratie", "nl", []),
]
# phones and birth dates in the shapes people type them in (review 17 F9): without the trunk's 0 (beside a phone word:
# alone it is any number), a letter O for it, each digit apart, and the numbers in words (text2num reads them); a
# count in words, an order's number and a year in words alone are none
NUMBERS_AS_TYPED = [
    ("bereikbaar op 472 65 18 09 na zes uur", "nl", [("472 65 18 09", "PHONE_NUMBER")]),
    ("mijn gsm: O486 27 51 93", "nl", [("O486 27 51 93", "PHONE_NUMBER")]),
    ("tel 0 4 9 1 7 3 8 2 6 4 graag", "nl", [("0 4 9 1 7 3 8 2 6 4", "PHONE_NUMBER")]),
    ("bel me op nul vier negen zeven zestien drieënvijftig tweeëntachtig", "nl",
     [("nul vier negen zeven zestien drieënvijftig tweeëntachtig", "PHONE_NUMBER")]),
    ("appelez-moi au zéro sept quarante et un vingt-neuf soixante-trois quatorze", "fr",
     [("zéro sept quarante et un vingt-neuf soixante-trois quatorze", "PHONE_NUMBER")]),
    # after a word that names a phone's field (rules/fields.yaml), one list with the phone's words (review 18 F7)
    ("meine Mobilnummer lautet null eins sieben sechs drei zwei acht neun null vier", "de",
     [("null eins sieben sechs drei zwei acht neun null vier", "PHONE_NUMBER")]),
    ("Rufnummer null vier neun eins sieben drei acht zwei sechs vier", "de",
     [("null vier neun eins sieben drei acht zwei sechs vier", "PHONE_NUMBER")]),
    ("mijn telefoonnr is nul vier negen één zeven drie acht twee zes vier", "nl",
     [("nul vier negen één zeven drie acht twee zes vier", "PHONE_NUMBER")]),
    ("geboren op veertien oktober negentienhonderd eenentachtig", "nl",
     [("veertien oktober negentienhonderd eenentachtig", "DATE_OF_BIRTH")]),
    ("née le vingt-huit février deux mille trois à Namur", "fr", [("vingt-huit février deux mille trois", "DATE_OF_BIRTH")]),
    ("I was born on the twenty-first of June nineteen seventy-nine", "en",
     [("twenty-first of June nineteen seventy-nine", "DATE_OF_BIRTH")]),
    ("born on June the fifth, two thousand and one", "en", [("June the fifth, two thousand and one", "DATE_OF_BIRTH")]),
    # its day in digits, an ordinal's ending on it, beside the month's name (review 19 F7: no word for text2num to read,
    # the date was kept whole in a payload's string)
    ("born September 22nd, 1981", "en", [("September 22nd, 1981", "DATE_OF_BIRTH")]),
    ("I was born on Sept 22, 1981 in Leeds", "en", [("Sept 22, 1981", "DATE_OF_BIRTH")]),
    ("born 22nd September 1981", "en", [("22nd September 1981", "DATE_OF_BIRTH")]),
    ("Order shipped September 22nd, 2025", "en", []),  # a date, no birth word
    ("born September 32nd, 1981", "en", []),  # no day of a month
    ("472 65 18 09", "nl", []),
    ("Bestelling 472651809 is verzonden", "nl", []),
    ("ik heb twee katten en één hond, drie vissen en vier konijnen", "nl", []),
    ("one two three four five six seven eight nine ten", "en", []),
    ("Collection printemps deux mille vingt-quatre", "fr", []),
    ("Livraison le vingt-huit février deux mille vingt-quatre", "fr", []),  # a date, no birth word
]
# what a name's owner sends or wrote, before "van" and the name, is no part of it (a card's title); a
# name with its particle after the given name keeps it
SENT_BY_NAME = [
    ("Retour van Łukasz Wiśniewski", "nl", [("Łukasz Wiśniewski", "PERSON")]),
    ("Brief van Jan Peeters", "nl", [("Jan Peeters", "PERSON")]),
    ("Contact: Jan van Dijk", "nl", [("Jan van Dijk", "PERSON")]),
]
# a date of birth whose year is still being typed where the text ends (an editor no field's series reads)
UNFINISHED_BIRTH_DATES = [
    ("Mijn vriend reist mee, geboren op 3 november 1", "nl", [("3 november 1", "DATE_OF_BIRTH")]),
    ("Mijn vriend reist mee, geboren op 3 november 19", "nl", [("3 november 19", "DATE_OF_BIRTH")]),
    ("mon fils, né le 12/03/1", "fr", [("12/03/1", "DATE_OF_BIRTH")]),
    ("Levering op 3 november 1", "nl", []),
    # the year's two digits after an apostrophe (review 18 F8), whole and being typed; not without a birth word
    ("ik ben geboren op 12 mei '81, bedankt", "nl", [("12 mei '81", "DATE_OF_BIRTH")]),
    ("geboren op 12/05/'81 bedankt", "nl", [("12/05/'81", "DATE_OF_BIRTH")]),
    ("geboren am 12. Mai '81, danke", "de", [("12. Mai '81", "DATE_OF_BIRTH")]),
    ("née le 12 mai ’81 merci", "fr", [("12 mai ’81", "DATE_OF_BIRTH")]),
    ("geboren op 12 mei '8", "nl", [("12 mei '8", "DATE_OF_BIRTH")]),
    ("geboren op 12/05/'", "nl", [("12/05/'", "DATE_OF_BIRTH")]),
    ("Levering op 12 mei '25", "nl", []), ("Concert op 12/05/'25", "nl", []),
    ("Mijn vriend reist mee, geboren op 3 nove", "nl", [("3 nove", "DATE_OF_BIRTH")]),
    ("geboren op 3 kinderen", "nl", []),
    ("geboren op 3 november 1990 in Porto, hij komt op 4 november 1", "nl", [("3 november 1990", "DATE_OF_BIRTH")]),
    ("Artikel 612 345 678 — tapijt, 160 x 230 cm", "nl", []),
]

# a label or a name run into the number (typed, in page text, in a payload's key or value): only a valid
# one is read there, so product codes and references of other digits stay readable
GLUED = [
    ("tel0475123456", "nl", [("0475123456", "PHONE_NUMBER")]),
    ("nr0475123456", "nl", [("0475123456", "PHONE_NUMBER")]),
    ("bel me: gsm0475-12-34-56", "nl", [("0475-12-34-56", "PHONE_NUMBER")]),
    ("tel0475:12:34:56", "nl", [("0475:12:34:56", "PHONE_NUMBER")]),
    ("user_0475123456", "en", [("0475123456", "PHONE_NUMBER")]),
    ("tel+32475123456", "fr", [("+32475123456", "PHONE_NUMBER")]),
    ("ref_BE57096321876535", "nl", [("BE57096321876535", "IBAN_CODE")]),
    ("iban_nl91abna0417164300", "nl", [("nl91abna0417164300", "IBAN_CODE")]),
    ("klantBE57-0963-2187-6535 betaald", "nl", [("BE57-0963-2187-6535", "IBAN_CODE")]),
    ("ref_BE57 0963 2187 6535 betaald", "nl", [("BE57 0963 2187 6535", "IBAN_CODE")]),  # grouped by spaces
    ("iban_NL91 ABNA 0417 1643 00 ok", "nl", [("NL91 ABNA 0417 1643 00", "IBAN_CODE")]),
    ("SKU_AB12 3456 7890 1234", "en", []),
    ("SKU4006381333931", "en", []),
    ("art0612345678x", "nl", []),
    ("order_2024061234", "en", []),
    ("ref_BE57096321876536", "nl", []),  # check digits wrong: a reference
    ("build 7f3a0c9e1b2d4f60", "en", []),
]

# a value whose start a greedy match that fails its check took with it: the search goes on inside that match, not
# after it (review 10 F1: thirty groups end inside the second IBAN, whose parts are never tried whole)
SWALLOWED_START = [
    ("graag terug van NL91ABNA0417164300 of BE68\u00a05390\u00a00754\u00a07034 dank u", "nl",
     [("NL91ABNA0417164300", "IBAN_CODE"), ("BE68\u00a05390\u00a00754\u00a07034", "IBAN_CODE")]),
    ("ref XX12 ABCD EFGH IJKL MNOP of BE68 5390 0754 7034 dank u", "nl", [("BE68 5390 0754 7034", "IBAN_CODE")]),
]

# held-out set 14's classes (values made up apart from the set's): a label that names another number right before a
# phone-shaped one (an article's, a Belgian enterprise number written 4.3.3 as mobiles are)
#: a number that names the visitor's file right after its word (a customer's, a member's, a case's, a contract's, a
#: policy's): no check digit proves it, the word says whose it is (issue 9 point 6); an order's stays the site's
CUSTOMER_NUMBERS = [
    # a number a label names by its shape: a compound ending in a number's word, "n° de <noun>", "<noun> n°"; the
    # site's own numbers (an order's, an invoice's, a model's) and short ones stay (review 24 F9)
    ("Bibliotheekpasnr. 7730219", "nl", [("7730219", "CUSTOMER_ID")]),
    ("Uw leerlingnummer 55218 staat op de brief", "nl", [("55218", "CUSTOMER_ID")]),
    ("Ihre Mitgliedsnr.: 093315", "de", [("093315", "CUSTOMER_ID")]),
    ("N° d'adhérent : 228107", "fr", [("228107", "CUSTOMER_ID")]),
    ("Licence fédérale n° 8830142", "fr", [("8830142", "CUSTOMER_ID")]),
    ("Uw fitnesskaart 6620417 is actief", "nl", [("6620417", "CUSTOMER_ID")]),
    ("Bestelnr. 4417820 is verzonden", "nl", []), ("N° de commande : 7719302", "fr", []),
    ("Rechnungsnr. 5530912 vom Mai", "de", []), ("Modelnummer 44120 op voorraad", "nl", []),
    ("n° 1 en Belgique depuis 1998", "fr", []), ("Kamer nr. 12, tweede verdieping", "nl", []),
    ("mijn klantnummer is 403817261", "nl", [("403817261", "CUSTOMER_ID")]),
    ("Dossiernummer: 2024 0071 3358", "nl", [("2024 0071 3358", "CUSTOMER_ID")]),
    ("numéro de client 7719302846", "fr", [("7719302846", "CUSTOMER_ID")]),
    ("Ihre Kundennummer lautet 55120938471", "de", [("55120938471", "CUSTOMER_ID")]),
    ("policy number 90-2231-7745", "en", [("90-2231-7745", "CUSTOMER_ID")]),
    ("Polisnummer 3318.2207.41", "nl", [("3318.2207.41", "CUSTOMER_ID")]),
    ("contract 66013927451 opzeggen", "nl", [("66013927451", "CUSTOMER_ID")]),
    ("Lidnummer 8812345", "nl", [("8812345", "CUSTOMER_ID")]),
    ("Bestelling 403817261 is verzonden", "nl", []),
    ("Commande n° 7719302846 — contrat de livraison", "fr", []),
    ("Privacy policy · KBO 0456.789.123", "en", []),
    ("contract van 12 maanden, 24,95 per maand", "nl", []),
    # a document's, a patient's, a benefit's, a pupil's, a chip's or a card's number after its label (review 31 F6)
    ("Führerschein-Nr. B072RRE2I55", "de", [("B072RRE2I55", "CUSTOMER_ID")]),
    ("N° CNI : 123456789012", "fr", [("123456789012", "CUSTOMER_ID")]),
    ("Patiëntnummer UZ Gent: 1234567", "nl", [("1234567", "CUSTOMER_ID")]),
    ("Payback-Kundennummer 3083 1234 5678 9012", "de", [("3083 1234 5678 9012", "CUSTOMER_ID")]),
    ("OV-chipkaart 3528 0123 4567 8901", "nl", [("3528 0123 4567 8901", "CUSTOMER_ID")]),
    ("N° de dossier patient : 00123456", "fr", [("00123456", "CUSTOMER_ID")]),
    ("Numéro de permis de conduire : 12AB34567890", "fr", [("12AB34567890", "CUSTOMER_ID")]),
    ("Chipnummer hond: 981098104123456", "nl", [("981098104123456", "CUSTOMER_ID")]),
    ("Bestellnummer 3083 1234 5678 9012", "de", []), ("Art.-Nr. 12AB34567890", "de", []),
    ("Réf. produit : 12AB34567890", "fr", []), ("Bestelnummer: 1234567890A", "nl", []),
]
NUMBER_LABELLED = [
    ("Artikel 0471.223.18 — op voorraad", "nl", []),
    ("Ondernemingsnummer 0456.789.123 · RPR Gent", "nl", []),
    ("Numéro d'entreprise : 0456.789.123", "fr", []),
    ("Item 0471.223.18 is sold out", "en", []),
    ("mijn gsm 0471.223.189", "nl", [("0471.223.189", "PHONE_NUMBER")]),
    # a booking's number shaped like a Nordic personal number (held-out set 15)
    ("Reservatienummer 240117-0382 — baan 4 en 5", "nl", []), ("Booking number 240117-0382", "en", []),
]
# Luxembourg's six-digit lines, beside a word that says it is a phone; six digits in pairs alone are anything
LU_SIX_DIGITS = [
    ("Vous pouvez me joindre au 43 21 87 le matin", "fr", [("43 21 87", "PHONE_NUMBER")]),
    ("Tel. 45.67.89 (Luxembourg)", "fr", [("45.67.89", "PHONE_NUMBER")]),
    ("Lot 43 21 87 — 3 pièces", "fr", []),
]
# two postcodes joined into a list or a range: a delivery area the site names, not an address
POSTCODE_LISTS = [
    ("Gratis bezorging in 9000 Gent en 8000 Brugge", "nl", []),
    ("Livraison offerte de L-1110 à L-1899", "fr", []),
    ("Lieferung in L-4001–L-4999", "de", []),
    # the end of a range of five-digit postcodes, its town after it (held-out set 15)
    ("Zone 1: 54290–54296 Trier, Anfahrt kostenlos", "de", []), ("Zone 2: 54290 bis 54296 Trier", "de", []),
    ("Livrer au 12 à 75002 Paris", "fr", [("75002 Paris", "POSTAL_ADDRESS")]),
    ("3, Um Bongert, L-7420 Cruchten", "fr", [("3, Um Bongert", "POSTAL_ADDRESS"), ("L-7420 Cruchten", "POSTAL_ADDRESS")]),
]
# the site's own address in its footer or on its contact page: after the shop's name, its trade word or company
# form, or the site speaking of its premises; a visitor's after their name or their label is theirs
SITE_ADDRESSES = [
    ("Slagerij Verhoeven, Dorpsstraat 41, 3920 Lommel", "nl", []),
    ("Fromagerie Lambotte · Rue du Pont 7 · 5000 Namur", "fr", []),
    ("Impressum: Krüger & Söhne GmbH, Lindenstraße 9, 50674 Köln", "de", []),
    ("Find us at 22 Station Road, Kendal LA9 6BT", "en", []),
    ("Showroom: Prinsengracht 400, Amsterdam", "nl", []),
    # a firm's form in lower case or of several words, a leisure venue's word before its made-up name (held-out set 15)
    ("Tegelhandel Claes bv — Steenweg op Gent 88, 9300 Aalst", "nl", []),
    ("Thermae Mosella S.à r.l., 5, route du Vin, L-5445 Schengen", "fr", []),
    ("Speelparadijs De Ballonnenboot, Industrieweg 14, 9032 Wondelgem", "nl", []),
    ("Sanne Jansen, Dorpsstraat 41, 3920 Lommel", "nl", [("Dorpsstraat 41", "POSTAL_ADDRESS"),
                                                         ("3920 Lommel", "POSTAL_ADDRESS")]),
    ("Nieuw adres: Dorpsstraat 41, 3920 Lommel", "nl", [("Dorpsstraat 41", "POSTAL_ADDRESS"),
                                                        ("3920 Lommel", "POSTAL_ADDRESS")]),
]

# names that no rule read where set 14 put them: whose relative the writer is ("maman de Inès"), a title and a surname
# inside a German or Dutch sentence (a surname that is a word too), Flemish capitalised particles after initials, the
# first of two people before a name found, a card's "Name on card:"; a title's article after "Herr" is no one
NAMES_IN_PLACE = [
    ("Contact : Nadia Haddad (maman de Inès)", "fr", [("Inès", "PERSON")]),
    ("Het is voor de zus van Marieke", "nl", [("Marieke", "PERSON")]),
    ("Bitte bei Frau Sommer im dritten Stock abgeben", "de", [("Sommer", "PERSON")]),
    ("Pakket afgeven bij mevrouw De Bock, tweede verdieping", "nl", [("De Bock", "PERSON")]),
    ("Der Herr der Ringe – Die Gefährten", "de", []),
    ("Betaald door F. Van Damme", "nl", [("F. Van Damme", "PERSON")]),
    ("Tafel voor twee: Summer en Daan Peeters", "nl", [("Summer", "PERSON")]),
    ("Name on card: Kwabena Owusu-Ansah", "en", [("Kwabena Owusu-Ansah", "PERSON")]),
    # a greeting opens the line, a measure later in it: a letter's, not a product's title (held-out set 15)
    ("Beste Wim Dewaele, uw offerte voor 42 m² vloertegels staat klaar.", "nl", [("Wim Dewaele", "PERSON")]),
    ("Bonjour Gommaar Wuyts, votre carrelage 60 x 60 cm est arrivé", "fr", [("Gommaar Wuyts", "PERSON")]),
    # a surname opening with an elided particle or Mc/Mac before its capital (round 5: "O'Callaghan-Reid" was
    # left after the given name in a URL's fragment)
    ("Lead passenger: Niamh O'Donovan-Clarke", "en", [("Niamh O'Donovan-Clarke", "PERSON")]),
    ("Livré chez Sarah McAllister", "fr", [("Sarah McAllister", "PERSON")]),
    ("Bestellt von Luca D'Ambrosio", "de", [("Luca D'Ambrosio", "PERSON")]),
    # and a lower-case elided particle, French and Flemish (peers round 11: "Éloïse d'Hondt-Vermeiren" was no name
    # typed alone, and after a greeting the given name was, the surname left); "Val", opening places, opens none
    ("Éloïse d'Hondt-Vermeiren", "fr", [("Éloïse d'Hondt-Vermeiren", "PERSON")]),
    ("Bonjour Pieter d’Hooghe, merci", "fr", [("Pieter d’Hooghe", "PERSON")]),
    ("Séjour à Val d'Isère en février", "fr", []),
]

# an e-mail address as people mistype it (review 8 F3): its local part, most often their name, is masked
# with the rest; an '@' before a handle, a time or a price, and a shop's own "… @ bol.com", are none
MISTYPED_EMAILS = [
    ("Stuur het naar wannes.dhondt @ skynet.be aub", "nl", [("wannes.dhondt @ skynet.be", "EMAIL_ADDRESS")]),
    ("mail: wannes.dhondt @skynet.be", "nl", [("wannes.dhondt @skynet.be", "EMAIL_ADDRESS")]),
    ("mail: wannes.dhondt@ skynet.be", "nl", [("wannes.dhondt@ skynet.be", "EMAIL_ADDRESS")]),
    ("écrivez à lea @ free.fr merci", "fr", [("lea @ free.fr", "EMAIL_ADDRESS")]),
    ("mijn adres is wannes.dhondt @ skyn", "nl", [("wannes.dhondt @ skyn", "EMAIL_ADDRESS")]),  # still typed
    ("reply to margot.lenaerts@hotmail,com please", "en", [("margot.lenaerts@hotmail,com", "EMAIL_ADDRESS")]),
    ("margot.lenaerts@hotmailcom", "en", [("margot.lenaerts@hotmailcom", "EMAIL_ADDRESS")]),
    ("margot.lenaerts@hotmail.c0m", "en", [("margot.lenaerts@hotmail.c0m", "EMAIL_ADDRESS")]),
    ("margot.lenaerts@hotmail graag", "nl", [("margot.lenaerts@hotmail", "EMAIL_ADDRESS")]),
    ("mail margot.lenaerts@@hotmail.com", "nl", [("margot.lenaerts@@hotmail.com", "EMAIL_ADDRESS")]),
    ('to "margot lenaerts"@hotmail.com', "en", [('"margot lenaerts"@hotmail.com', "EMAIL_ADDRESS")]),
    ("margot.lenaerts@[203.0.113.7]", "en", [("margot.lenaerts@[203.0.113.7]", "EMAIL_ADDRESS")]),
    ("margot@hotmail.сom", "en", [("margot@hotmail.сom", "EMAIL_ADDRESS")]),  # a Cyrillic "с"
    ("bedankt @jan!", "nl", []),
    ("Hi @jan and @piet", "en", []),
    ("meet @ 5pm", "en", []),
    ("prices @ 3,99", "en", []),
    ("5 stuks @ 2,50 EUR", "nl", []),
    ("Nu ook verkrijgbaar: Sale @ bol.com", "nl", []),
    ("Bakkerij De Molen @ Gent", "nl", []),
    ("e.g. @home", "en", []),
    ("npm i @scope/pkg react@18.2.0", "en", []),
    ("@media print", "en", []),
    # its "@" written encoded in a payload's string (review 10, low): percent-encoded twice, an HTML character
    # reference, a JavaScript escape left in the string (its dots too)
    ("next=%2Fp%3Femail%3Djan.peeters%2540telenet.be", "en", [("jan.peeters%2540telenet.be", "EMAIL_ADDRESS")]),
    ("écrivez à jan.peeters&#64;telenet.be", "fr", [("jan.peeters&#64;telenet.be", "EMAIL_ADDRESS")]),
    ("jan.peeters&commat;telenet.be", "nl", [("jan.peeters&commat;telenet.be", "EMAIL_ADDRESS")]),
    ('{"to":"jan\\u002epeeters\\u0040telenet.be"}', "en", [("jan\\u002epeeters\\u0040telenet.be", "EMAIL_ADDRESS")]),
    ("AT&amp;T &#64; home, Tom &amp; Jerry", "en", []),
    # its "@" written as a word, unbracketed, the dots left as they are (review 17 F1: the commonest way people hide an
    # address was stored raw): a local part holding a mailbox's character, or a word said of e-mail only; a plain word
    # and "at" beside a word saying an address is given. A shop's "at amazon.com" and a dash's word are no address
    ("Stuur het naar joke.verbist at skynet.be aub", "nl", [("joke.verbist at skynet.be", "EMAIL_ADDRESS")]),
    ("JOKE.VERBIST AT SKYNET.BE", "en", [("JOKE.VERBIST AT SKYNET.BE", "EMAIL_ADDRESS")]),
    ("mon adresse: margaux_leroy2 at free.fr", "fr", [("margaux_leroy2 at free.fr", "EMAIL_ADDRESS")]),
    ("écrivez à margaux arobase free.fr merci", "fr", [("margaux arobase free.fr", "EMAIL_ADDRESS")]),
    ("mail naar jorik apenstaartje telenet.be", "nl", [("jorik apenstaartje telenet.be", "EMAIL_ADDRESS")]),
    ("schreib mir: bram at posteo.de", "de", [("bram at posteo.de", "EMAIL_ADDRESS")]),
    ("Now available at amazon.com and bol.com", "en", []),
    ("T-shirts at zalando.be vanaf 9,99", "nl", []),
    ("meet me at noon at the station", "en", []),
    ("jan at 10.30 thuis", "nl", []),
    # a dot or an "_" of the local part written as a word too (review 19 F9): the words before it are the address's
    ("mail: dewaele punt vanransbeeck at skynet punt be", "nl", [("dewaele punt vanransbeeck at skynet punt be", "EMAIL_ADDRESS")]),
    ("dewaele underscore vanransbeeck at gmail.com", "en", [("dewaele underscore vanransbeeck at gmail.com", "EMAIL_ADDRESS")]),
    ("dewaele punt vanransbeeck [at] skynet [punt] be", "nl", [("dewaele punt vanransbeeck [at] skynet [punt] be", "EMAIL_ADDRESS")]),
    ("Kom naar het punt at the end", "en", []),
    # its "@" as German, Dutch and French write it ("(a)", "[ät]", "ät", "(aapje)", "(et)"), and a dot written as a
    # word, bare or in brackets, after either form of the "@" (review 18 F2); "a" and "et" only in brackets
    ("schreib an hanne.wuyts(a)posteo.de", "de", [("hanne.wuyts(a)posteo.de", "EMAIL_ADDRESS")]),
    ("schreib an hanne.wuyts [ät] posteo [punkt] de", "de", [("hanne.wuyts [ät] posteo [punkt] de", "EMAIL_ADDRESS")]),
    ("schreib an hanne.wuyts ät posteo punkt de", "de", [("hanne.wuyts ät posteo punkt de", "EMAIL_ADDRESS")]),
    ("mail naar hanne.wuyts(aapje)proximus.be", "nl", [("hanne.wuyts(aapje)proximus.be", "EMAIL_ADDRESS")]),
    ("écris à hanne.wuyts(et)laposte.net", "fr", [("hanne.wuyts(et)laposte.net", "EMAIL_ADDRESS")]),
    ("schreib an hanne.wuyts(at)posteo punkt de", "de", [("hanne.wuyts(at)posteo punkt de", "EMAIL_ADDRESS")]),
    ("schreib an hanne.wuyts at posteo(punkt)de", "de", [("hanne.wuyts at posteo(punkt)de", "EMAIL_ADDRESS")]),
    ("du pain et du vin.", "fr", []),
    ("optie a of b.", "nl", []),
    # and as Italian, Spanish and Portuguese write them ("chiocciola", "arroba"; "punto", "ponto"), bare or in
    # brackets (review 19 F5); "punto" alone is a word of their sentences
    ("scrivimi a tiziana.lombardo chiocciola libero punto it", "it",
     [("tiziana.lombardo chiocciola libero punto it", "EMAIL_ADDRESS")]),
    ("scrivimi: tiziana.lombardo (chiocciola) libero (punto) it", "it",
     [("tiziana.lombardo (chiocciola) libero (punto) it", "EMAIL_ADDRESS")]),
    ("escríbeme a ainhoa.urrutia arroba telefonica punto net", "es",
     [("ainhoa.urrutia arroba telefonica punto net", "EMAIL_ADDRESS")]),
    ("o meu email é rui.sarmento arroba clix ponto pt", "pt",
     [("rui.sarmento arroba clix ponto pt", "EMAIL_ADDRESS")]),
    ("ci vediamo al punto di ritrovo alle otto", "it", []),
]
# an international phone number in digits alone, its '+' left out (review 8 F4): beside a word that says it
# is a phone; alone one in five numbers of eleven digits is one, an order's or an article's too
PHONE_WITHOUT_PLUS = [
    ("bel me op 32471226688", "nl", [("32471226688", "PHONE_NUMBER")]),
    ("gsm: 31651234567, bedankt", "nl", [("31651234567", "PHONE_NUMBER")]),
    ("call me 12125550147", "en", [("12125550147", "PHONE_NUMBER")]),
    ("Bestelling 32471226688 is verzonden", "nl", []),
    ("Artikel 31651234567", "nl", []),
    ("tel 1733234567890", "en", []),  # a timestamp in milliseconds: no valid number
]
# a chat link's number in a sentence (review 19 F1): its host says the digits are a number, whatever they are; another
# host's path keeps its digits
CHAT_LINKS = [
    ("wa.me/32468123907 stuur maar", "nl", [("32468123907", "PHONE_NUMBER")]),
    ("WhatsApp: https://wa.me/31612398745, groetjes", "nl", [("31612398745", "PHONE_NUMBER")]),
    ("écris-moi t.me/+33712340987 merci", "fr", [("+33712340987", "PHONE_NUMBER")]),
    ("schreib mir telegram.me/4915112349876 bitte", "de", [("4915112349876", "PHONE_NUMBER")]),
    ("zie shop.me/32468123907 voor details", "nl", []),
]

# the Nordic countries' personal numbers and addresses (held-out peers round 16: an Icelandic seller's kennitala, a
# Danish buyer's CPR and address with its floor and side, a Finnish first buyer's HETU, an Icelandic address with no
# street word apart from its ending were stored); a date-shaped order number and a street's name before a count stay
NORDIC = [
    ("120389-2039", "en", [("120389-2039", "NATIONAL_ID")]),
    ("kennitala 1203892039", "en", [("1203892039", "NATIONAL_ID")]),
    ("already holds a ticket (CPR 030791-2758 checked).", "en", [("030791-2758", "NATIONAL_ID")]),
    ("First sold to Aino (HETU 010594Y700H, resold once).", "en", [("010594Y700H", "NATIONAL_ID")]),
    ("personnummer 880320-0016", "en", [("880320-0016", "NATIONAL_ID")]),
    ("Post the wristband to Nørrebrogade 34, 2. th., 2200 København N please.", "en",
     [("Nørrebrogade 34, 2. th., 2200 København N", "POSTAL_ADDRESS")]),
    ("I live at Laugavegur 28b, 101 Reykjavík. Happy to meet.", "en",
     [("Laugavegur 28b, 101 Reykjavík", "POSTAL_ADDRESS")]),
    ("Storgata 12, 0155 Oslo", "en", [("Storgata 12, 0155 Oslo", "POSTAL_ADDRESS")]),
    ("Order 240315-0001 shipped", "en", []),
    ("We ship from Vesterbrogade 3 times a week", "en", []),
    # review 21 F4: Sweden's personnummer with its year in four digits (the form Swedish sites show), dashed or glued
    # beside its word, Norway's fødselsnummer split as its ID card prints it, a Finnish road ("-tie") with its
    # staircase, flat and postcode; a Dutch "Collectie 2025" and "Actie 3" (words ending in -tie) stay
    ("Personnummer 19750417-2532", "en", [("19750417-2532", "NATIONAL_ID")]),
    ("Customer: Lovisa Ekdahl, 19920214-1181", "en", [("19920214-1181", "NATIONAL_ID")]),
    ("personnummer 199202141181", "en", [("199202141181", "NATIONAL_ID")]),
    ("fødselsnummer 230791 41232", "en", [("230791 41232", "NATIONAL_ID")]),
    ("Deliver to Hämeentie 48 A 12, 00500 Helsinki", "en", [("Hämeentie 48 A 12, 00500 Helsinki", "POSTAL_ADDRESS")]),
    ("Send it to Kuusikonpolku 4, 33100 Tampere", "en", [("Kuusikonpolku 4, 33100 Tampere", "POSTAL_ADDRESS")]),
    ("Tracking 230791 41232 shipped", "en", []),
    ("Collectie 2025 nu in de winkel, Actie 3 voor 2", "nl", []),
    # held-out round 37: Icelandic streets named with "-stræti", "-hlíð", "-gerði", no postcode after them
    ("Woonplaats: Reykjavík, Hafnarstræti 88", "nl", [("Hafnarstræti 88", "POSTAL_ADDRESS")]),
    ("My flat is at Eskihlíð 12 until June", "en", [("Eskihlíð 12", "POSTAL_ADDRESS")]),
    ("Adres: Stóragerði 7", "nl", [("Stóragerði 7", "POSTAL_ADDRESS")]),
]

# the national numbers of the nationalities the rounds plant, beside their word in the visitor's language (review 21
# F7: a Greek tax number, Hungarian social security and tax numbers, Russian insurance and tax numbers, a German ID
# card's and a passport's numbers, a kennitala after "Kt:"); "Taj" of a monument and "inn" of a hotel say nothing
NATIONALITIES_IDS = [
    ("Customer ΑΦΜ: 094014201 verified", "en", [("094014201", "NATIONAL_ID")]),
    ("TAJ szám: 037 687 210", "en", [("037 687 210", "NATIONAL_ID")]),
    ("Adóazonosító jel: 8395120472", "en", [("8395120472", "NATIONAL_ID")]),
    ("СНИЛС: 157-482-903 11", "en", [("157-482-903 11", "NATIONAL_ID")]),
    ("ИНН 500100732259", "en", [("500100732259", "NATIONAL_ID")]),
    ("Personalausweisnummer L01X00T47", "de", [("L01X00T47", "NATIONAL_ID")]),
    ("Número de pasaporte: XDB482913", "es", [("XDB482913", "NATIONAL_ID")]),
    ("Kt: 2504782089", "en", [("2504782089", "NATIONAL_ID")]),
    ("Taj Mahal tour 12345678, inn 40221187", "en", []),
]

# Central and Eastern Europe's personal numbers, dates and addresses (held-out peers round 17: a Romanian owner's date
# of birth with its month in Roman numerals and her Bucharest address after its street, a Czech sitter's birth number, a
# Lithuanian breeder's personal code were stored); a date-shaped order number, a chapter's number, a date with no birth
# word stay
CENTRAL_EASTERN = [
    ("Insurance is in my name, born 12.III.1987. Post the invoice to Str. Popa Nan nr. 38, bl. 4, sc. B, ap. 21, "
     "sector 2, 021563 București please.", "en",
     [("12.III.1987", "DATE_OF_BIRTH"),
      ("Str. Popa Nan nr. 38, bl. 4, sc. B, ap. 21, sector 2, 021563 București", "POSTAL_ADDRESS")]),
    ("Insurance is in my name, born 12.III", "en", [("12.III", "DATE_OF_BIRTH")]),
    ("Born 12 XI 1990 in Brno", "en", [("12 XI 1990", "DATE_OF_BIRTH")]),
    ("born 12. III. 1987, so 38", "en", [("12. III. 1987", "DATE_OF_BIRTH")]),
    ("Locuiesc pe Bulevardul Unirii 57, bl. E4, et. 3, ap. 12, 030119 București.", "en",
     [("Bulevardul Unirii 57, bl. E4, et. 3, ap. 12, 030119 București", "POSTAL_ADDRESS")]),
    ("registered by the breeder (asmens kodas 48807151273, resold once).", "en", [("48807151273", "NATIONAL_ID")]),
    ("905725/3007", "en", [("905725/3007", "NATIONAL_ID")]),
    ("rodné číslo 9057253007", "en", [("9057253007", "NATIONAL_ID")]),
    ("2870312403181", "en", [("2870312403181", "NATIONAL_ID")]),
    ("Order 240315/0001 shipped", "en", []),
    ("see chapter 12.III of the guide", "en", []),
    ("Opened 12.III.1987 by the mayor", "en", []),
]

# held-out round 36: a date of birth written year first as Hungarians write it, in digits with a dot after each part or
# with the month's name, after a Hungarian birth word; a concert's date with no birth word stays
HUNGARIAN_BIRTH_DATES = [
    ("Születési dátum: 2016. március 14.", "en", [("2016. március 14", "DATE_OF_BIRTH")]),
    ("Születési dátum: 2016. március 1.", "en", [("2016. március 1", "DATE_OF_BIRTH")]),
    ("A lányom született 2016. 03. 14. Budapesten", "en", [("2016. 03. 14", "DATE_OF_BIRTH")]),
    ("szül. 2016.03.14.", "en", [("2016.03.14", "DATE_OF_BIRTH")]),
    ("Koncert: 2024. március 14., Bartók-zaal", "en", []),
    ("Les op 2024. 03. 14. om 14:30", "nl", []),
]

# held-out round 44 (probed beside the page): a date of birth written year first with slashes, as Japanese, Chinese and
# Iranians write it, the year also of Iran's Solar Hijri calendar, in Persian digits too, after a birth word; a
# delivery's date, an order's number and a Solar Hijri day that no month has stay
YEAR_FIRST_BIRTH_DATES = [
    ("Je suis née le 1368/07/21 à Téhéran.", "fr", [("1368/07/21", "DATE_OF_BIRTH")]),
    ("Je suis née le ۱۳۶۸/۰۷/۲۱ à Téhéran.", "fr", [("۱۳۶۸/۰۷/۲۱", "DATE_OF_BIRTH")]),
    ("Je suis née le 1989/10/13 à Liège.", "fr", [("1989/10/13", "DATE_OF_BIRTH")]),
    ("Mijn zoon is geboren op 2019/5/30 in Teheran.", "nl", [("2019/5/30", "DATE_OF_BIRTH")]),
    ("Livraison prévue le 2026/12/14 à Liège.", "fr", []),
    ("Commande 1368/07/21 du 12 mars", "fr", []),
    ("Je suis née le 1368/07/31 à Téhéran.", "fr", []),
]

# held-out round 44 (probed beside the page): a date of birth with a month of Iran's Solar Hijri calendar and a year of
# it, in Latin letters after a French birth word or in Persian after Persian's
SOLAR_HIJRI_BIRTH_DATES = [
    ("Je suis née le 13 Mehr 1368.", "fr", [("13 Mehr 1368", "DATE_OF_BIRTH")]),
    ("Née à Ispahan le 2 Farvardin 1370.", "fr", [("2 Farvardin 1370", "DATE_OF_BIRTH")]),
    ("متولد ۲۱ مهر ۱۳۶۸ در شیراز", "fr", [("۲۱ مهر ۱۳۶۸", "DATE_OF_BIRTH")]),
]

# held-out round 38: a date of birth told in Croatian words, the month's name in the genitive a date puts it in, with
# its letters or without them, after a Croatian birth word or not; a Croatian date with no birth word and no year stays
CROATIAN_BIRTH_DATES = [
    ("Rođena: 7. ožujka 1986.", "en", [("7. ožujka 1986", "DATE_OF_BIRTH")]),
    ("rodjen 14. studenoga 1979. u Splitu", "en", [("14. studenoga 1979", "DATE_OF_BIRTH")]),
    ("datum rođenja: 07.03.1986.", "en", [("07.03.1986", "DATE_OF_BIRTH")]),
    ("Rođena 7. ozujka", "en", [("7. ozujka", "DATE_OF_BIRTH")]),
    ("Otvoreno od 7. ožujka", "en", []),
]

# held-out round 38 (probed beside the page): a Croatian OIB after its word; a street as Croatia writes it, its word
# first with lower-case words in its name, or an adjective's name before its word, after a label that is no verb; eleven
# digits with no word, an OIB whose check fails, a street's name with no house number stay
CROATIAN = [
    ("Mon OIB est 48162073957, merci.", "fr", [("48162073957", "NATIONAL_ID")]),
    ("OIB: 48162073957", "en", [("48162073957", "NATIONAL_ID")]),
    ("Commande 48162073957 expédiée", "fr", []),
    ("OIB: 48162073958", "en", []),
    ("Adresse: Trg bana Josipa Jelačića 3, Zagreb", "fr", [("Trg bana Josipa Jelačića 3, Zagreb", "POSTAL_ADDRESS")]),
    ("Ulica Hrvatske bratske zajednice 4, 21000 Split", "en",
     [("Ulica Hrvatske bratske zajednice 4, 21000 Split", "POSTAL_ADDRESS")]),
    ("Adresse: Savska cesta 32", "fr", [("Savska cesta 32", "POSTAL_ADDRESS")]),
    ("Pošaljite na Zagrebačka cesta 145a, Zagreb", "en", [("Zagrebačka cesta 145a", "POSTAL_ADDRESS")]),
    ("Rendez-vous na Trgu bana Jelačića", "fr", []),
    ("La cesta 3 euros", "en", []),
]

# held-out round 36 (probed beside the page): a Hungarian address, the street's word after its name, the house's number
# with a letter after a slash, the floor and the door, the postcode and the town before it; a street's name alone and a
# hall named after a composer stay
HUNGARIAN_ADDRESSES = [
    ("Budapest, Bogdánfy utca 7/B. II. em. 4.", "en", [("Bogdánfy utca 7/B. II. em. 4", "POSTAL_ADDRESS")]),
    ("1117 Budapest, Bogdánfy u. 7/B", "en", [("1117 Budapest, Bogdánfy u. 7/B", "POSTAL_ADDRESS")]),
    ("Oma woont op Andrássy út 12. III. emelet 5 in Boedapest", "nl", [("Andrássy út 12. III. emelet 5", "POSTAL_ADDRESS")]),
    ("Szent István krt. 14, fszt. 2.", "en", [("Szent István krt. 14, fszt. 2", "POSTAL_ADDRESS")]),
    ("a Kossuth tér felé", "en", []),
    ("Kom naar de Bartók-zaal 2 om 14:30", "nl", []),
]

# held-out round 36 (probed beside the page): a Hungarian domestic account number in a note, each part ending in its
# check digit, and one after its Hungarian word; groups of eight digits whose checks fail (an order's) stay
HUNGARIAN_ACCOUNTS = [
    ("Het lesgeld mag van 10918001-00000068-74250002 komen.", "nl", [("10918001-00000068-74250002", "IBAN_CODE")]),
    ("Számlaszám: 11773016-11111018", "en", [("11773016-11111018", "IBAN_CODE")]),
    ("Order 12345678-12345678 shipped", "en", []),
    ("Rendelés 10918001-00000068-74250009 kész", "en", []),
]

# held-out round 48: a Belgian structured communication, typed in its field and echoed by the bank's summary, between
# its marks or after its words (its check: the ten digits mod 97); the all-zero model a help text shows and a mistyped
# one stay
BE_STRUCTURED_COMMUNICATIONS = [
    ("Communication: +++062/6194/83886+++.", "fr", [("+++062/6194/83886+++", "CUSTOMER_ID")]),
    ("Mededeling ***390/2175/04670*** bij uw betaling", "nl", [("***390/2175/04670***", "CUSTOMER_ID")]),
    ("+++ 062 / 6194 / 83886 +++", "fr", [("+++ 062 / 6194 / 83886 +++", "CUSTOMER_ID")]),
    ("Gestructureerde mededeling: 390/2175/04670", "nl", [("390/2175/04670", "CUSTOMER_ID")]),
    ("OGM 062/6194/83886", "fr", [("062/6194/83886", "CUSTOMER_ID")]),
    ("Elle figure sur votre facture, sous la forme +++000/0000/00000+++.", "fr", []),
    ("Communication: +++062/6194/83887+++", "fr", []),
]

# review 22 F5: Poland's PESEL and Turkey's T.C. Kimlik No beside their word, in a page's text or a message; eleven
# digits without the word (a tracking number) stay
PESEL_KIMLIK = [
    ("Twój PESEL: 92031710009", "en", [("92031710009", "NATIONAL_ID")]),
    ("numer PESEL 92031710009, dziękujemy", "en", [("92031710009", "NATIONAL_ID")]),
    ("T.C. Kimlik No: 38527164950", "en", [("38527164950", "NATIONAL_ID")]),
    ("kimlik 38527164950 doğrulanamadı", "en", [("38527164950", "NATIONAL_ID")]),
    ("Przesyłka 92031710009 w drodze", "en", []),
    ("Sipariş 38527164950 kargoda", "en", []),
]

# the personal numbers of the other EU countries and their neighbours under their own word, mistyped ones too (a check
# digit that fails proves nothing the word does not say): a PESEL and a CNP whose last digit is wrong, a Bulgarian
# ЕГН, an Estonian isikukood, a Lithuanian asmens kodas, a Czech rodné číslo with its slash, the UK's
# NI number under its short name, Ireland's PPS number; the same numbers after an order's word stay
EU_PERSONAL_NUMBERS = [
    ("Mój PESEL 85031212345 do faktury", "en", [("85031212345", "NATIONAL_ID")]),
    ("CNP 1850312123451 pentru factură", "en", [("1850312123451", "NATIONAL_ID")]),
    ("ЕГН 8503121230 за фактурата", "en", [("8503121230", "NATIONAL_ID")]),
    ("Minu isikukood on 38503120123", "en", [("38503120123", "NATIONAL_ID")]),
    ("Mano asmens kodas 38503120123", "en", [("38503120123", "NATIONAL_ID")]),
    ("Rodné číslo 850312/1234 na fakturu", "en", [("850312/1234", "NATIONAL_ID")]),
    ("My NI number is AB 12 34 56 C", "en", [("AB 12 34 56 C", "NATIONAL_ID")]),
    ("My PPS number is 1234567FA", "en", [("1234567FA", "NATIONAL_ID")]),
    ("PPSN: 1234567TA", "en", [("1234567TA", "NATIONAL_ID")]),
    ("Objednávka 850312/1234 odeslána", "en", []),
    ("Order 1234567T shipped", "en", []),
    ("Zamówienie 85031212345 wysłane", "en", []),
]

# review 36 F1, F2, F5: an identity card's number under its word in Polish, Romanian, Czech, Slovak, Hungarian, Greek
# (series and number apart, six digits and two letters), Poland's tax and register numbers (NIP, REGON) and Hungary's
# social security number (TAJ) beside their short words when their check digits hold, mistyped ones beside their long
# names, Malta's identity card, Romanian and Polish plates after their words; the same shapes beside a receipt's word,
# a hotel's name, a dish's plate or no word stay
REVIEW_36_IDS = [
    ("Proszę o numer dowodu: CDE481205", "en", [("CDE481205", "NATIONAL_ID")]),
    ("mój dowód osobisty ma numer XYZ902114", "en", [("XYZ902114", "NATIONAL_ID")]),
    ("Seria și numărul: KX 604213, eliberat de SPCLEP", "en", [("KX 604213", "NATIONAL_ID")]),
    ("buletinul meu: CJ 771024", "en", [("CJ 771024", "NATIONAL_ID")]),
    ("CI seria TZ nr. 558201", "en", [("TZ nr. 558201", "NATIONAL_ID")]),
    ("Číslo OP 204817395, platnost do 2031", "en", [("204817395", "NATIONAL_ID")]),
    ("číslo občianskeho preukazu EB402719", "en", [("EB402719", "NATIONAL_ID")]),
    ("Személyi igazolvány száma: 704182KE", "en", [("704182KE", "NATIONAL_ID")]),
    ("Αριθμός ταυτότητας ΑΚ 204518", "en", [("ΑΚ 204518", "NATIONAL_ID")]),
    ("NIP 778-143-52-96 (JDG)", "en", [("778-143-52-96", "NATIONAL_ID")]),
    ("faktura na NIP: 9520718062", "en", [("9520718062", "NATIONAL_ID")]),
    ("NIP 778-14-35-296", "en", [("778-14-35-296", "NATIONAL_ID")]),
    ("Numer NIP 7781435290", "en", [("7781435290", "NATIONAL_ID")]),
    ("REGON 415226036", "en", [("415226036", "NATIONAL_ID")]),
    ("a TAJ-om: 047 193 523", "en", [("047 193 523", "NATIONAL_ID")]),
    ("TAJ 874123566", "en", [("874123566", "NATIONAL_ID")]),
    ("Maltese ID: 482716M", "en", [("482716M", "NATIONAL_ID")]),
    ("plate CJ-07-RTA, thanks", "en", [("CJ-07-RTA", "VEHICLE_ID")]),
    ("numărul de înmatriculare: B 402 KXT", "en", [("B 402 KXT", "VEHICLE_ID")]),
    ("nr. înmatriculare IS-22-PLM", "en", [("IS-22-PLM", "VEHICLE_ID")]),
    ("nr rej. KR 4T218", "en", [("KR 4T218", "VEHICLE_ID")]),
    ("samochód o numerze rejestracyjnym PO 58213", "en", [("PO 58213", "VEHICLE_ID")]),
    ("dowód zakupu ABC123456 w załączniku", "en", []),
    ("Taj Mahal tickets: 874123567 visitors a year", "en", []),
    ("a nip of sloe gin, batch 7781435290", "en", []),
    ("Dinner plate, 27 cm, set of 6", "en", []),
    ("Zamówienie 9520718062 wysłane", "en", []),
]

# review 22 F7: an e-mail address with its "@" and its dots spaced (mobile autocorrect, or against harvesters), and
# French "chez … point"; a shop named after "chez", a pick-up point, a sentence's end after a spaced "@" stay
SPACED_EMAILS = [
    ("wout.dc @ skynet . be", "nl", [("wout.dc @ skynet . be", "EMAIL_ADDRESS")]),
    ("mail naar marieke @ proximus . be graag", "nl", [("marieke @ proximus . be", "EMAIL_ADDRESS")]),
    ("contactez amelie chez orange point fr svp", "fr", [("amelie chez orange point fr", "EMAIL_ADDRESS")]),
    ("J'ai commandé chez zalando.fr hier", "fr", []),
    ("Retrait chez un point relais sous 48h", "fr", []),
    ("ask anna @ reception. We open at nine", "en", []),
]

# review 22 F8 and F12: a Turkish address (the street's word after its name, "No:", the flat, "İlçe/İl") and a Polish
# one with its flat ("m. 7") before the postcode; an order's "No:" and a room's size stay
ADDRESSES_WITH_FLATS = [
    ("Teslimat: Bağdat Cad. No:214 Daire 8 Maltepe/İstanbul", "en",
     [("Bağdat Cad. No:214 Daire 8 Maltepe/İstanbul", "POSTAL_ADDRESS")]),
    ("Moda Mah. Ferit Tek Sok. No:9/2, 34710 Kadıköy", "en", [("Moda Mah. Ferit Tek Sok. No:9/2, 34710 Kadıköy", "POSTAL_ADDRESS")]),
    ("Cumhuriyet Blv. No:77 D.4 Konak/İzmir", "en", [("Cumhuriyet Blv. No:77 D.4 Konak/İzmir", "POSTAL_ADDRESS")]),
    ("Adres: ul. Piotrkowska 118 m. 7, 90-006 Łódź", "en", [("Piotrkowska 118 m. 7", "POSTAL_ADDRESS")]),
    ("ul. Szeroka 3 lok. 15, 31-053 Kraków", "en", [("Szeroka 3 lok. 15", "POSTAL_ADDRESS")]),
    # an Antwerp street named after two people joined by "en" (held-out round 34: "Plantin en" stayed readable before
    # "Moretuslei"), typed alone as the first line of an address box
    ("Plantin en Moretuslei 112 bus 3", "nl", [("Plantin en Moretuslei 112 bus 3", "POSTAL_ADDRESS")]),
    ("Sipariş No: 4512, kargo 2 gün içinde", "en", []),
    ("Pokój 12 m. 2, idealny dla dwojga", "en", []),
    # the same typed in lower case (no capital opens the street's name: one or two words before its word); a street
    # named in a sentence without its house number, and an order's "no", stay
    ("teslimat: bağdat cad. no:214 daire 8 maltepe/istanbul", "en",
     [("bağdat cad. no:214 daire 8 maltepe/istanbul", "POSTAL_ADDRESS")]),
    ("kapıda: cumhuriyet mah. 23. sok. no 5", "en", [("cumhuriyet mah. 23. sok. no 5", "POSTAL_ADDRESS")]),
    ("moda mah. ferit tek sok. no:9/2", "en", [("moda mah. ferit tek sok. no:9/2", "POSTAL_ADDRESS")]),
    ("bağdat caddesi bugün çok kalabalık", "en", []),
    ("sipariş no: 4512, kargo 2 gün içinde", "en", []),
]

# review 22 F10 and F11: a birth date after a Polish, Turkish or Romanian birth word or French "ddn", and a driving
# licence's number after its word; a delivery date and a building permit's number stay
BIRTH_AND_LICENCE = [
    ("urodzona 04.11.1979 w Poznaniu", "en", [("04.11.1979", "DATE_OF_BIRTH")]),
    ("doğum tarihim 23.06.1991", "en", [("23.06.1991", "DATE_OF_BIRTH")]),
    ("Data nașterii: 17.02.1984", "en", [("17.02.1984", "DATE_OF_BIRTH")]),
    ("ddn 09/10/82, allergique", "fr", [("09/10/82", "DATE_OF_BIRTH")]),
    ("mijn rijbewijs 5382917460 is verlopen", "nl", [("5382917460", "NATIONAL_ID")]),
    ("N° de permis 840315201174", "fr", [("840315201174", "NATIONAL_ID")]),
    ("Numer prawa jazdy 7301928465", "en", [("7301928465", "NATIONAL_ID")]),
    ("Livraison prévue le 09/10/2025", "fr", []),
    ("permis de construire 2024 0153 88 délivré", "fr", []),
    # and after a Nordic one (held-out peers round 19: a Swedish register's "födelsedatum")
    ("Födelsedatum: 1958-11-04", "en", [("1958-11-04", "DATE_OF_BIRTH")]),
    ("min mor är född 04.11.1958 i Östersund", "en", [("04.11.1958", "DATE_OF_BIRTH")]),
    ("fødselsdato 15.04.1987", "en", [("15.04.1987", "DATE_OF_BIRTH")]),
    ("syntymäaika 01.05.1994", "en", [("01.05.1994", "DATE_OF_BIRTH")]),
    ("Leverans 2025-11-04", "en", []),
]

# a Vietnamese name, surname first (held-out peers round 16: a festival assistant asked about a friend, the model read
# "Nguyễn" alone); "Le" without its accent is a French article
VIETNAMESE_NAMES = [
    ("My friend Nguyễn Thị Thu Hằng collects the wristband at the gate.", "en", [("Nguyễn Thị Thu Hằng", "PERSON")]),
    ("Bonjour, je suis Trần Văn Nam.", "fr", [("Trần Văn Nam", "PERSON")]),
    ("Le Creuset Signature 24 cm", "fr", []),
]

# a Georgian name in Georgian script, which writes no capitals (held-out round 39: a pickup person's name pasted, the
# mother's typed, shown back in a list and an aria-live line): its surname's ending, -შვილი or -ძე, says it; the
# site's Georgian lines stay
GEORGIAN_NAMES = [
    ("Abholberechtigt: გიორგი ბერიძე", "de", [("გიორგი ბერიძე", "PERSON")]),
    ("Entwurf gespeichert: თამარ ხარაიშვილი", "de", [("თამარ ხარაიშვილი", "PERSON")]),
    ("ბერიძე გიორგი, +995 577 48 21 09", "en", [("ბერიძე გიორგი", "PERSON")]),
    ("მოგესალმებით! ჩვენთან ქართულადაც ისაუბრებთ.", "de", []),
    ("დიდი მადლობა! Wir melden uns innerhalb von zwei Wochen.", "de", []),
]

# a street in Tbilisi, its word after its name in Georgian script or Latin letters, or an English street's word in the
# continental order (held-out round 39); a street's name alone stays
GEORGIAN_ADDRESSES = [
    ("Adresse: ჭავჭავაძის გამზირი 37", "de", [("ჭავჭავაძის გამზირი 37", "POSTAL_ADDRESS")]),
    ("Adresse: რუსთაველის ქუჩა № 12, 0108 თბილისი", "de", [("რუსთაველის ქუჩა № 12, 0108 თბილისი", "POSTAL_ADDRESS")]),
    ("Oma wohnt in der Kazbegi kucha 14, 0160 Tbilisi", "de", [("Kazbegi kucha 14, 0160 Tbilisi", "POSTAL_ADDRESS")]),
    ("Adresse: Chavchavadze Avenue 37, 0179 Tbilisi", "de",
     [("Chavchavadze Avenue 37, 0179 Tbilisi", "POSTAL_ADDRESS")]),
    ("Address: 37 Chavchavadze Ave, Tbilisi 0179", "en", [("37 Chavchavadze Ave", "POSTAL_ADDRESS")]),
    ("Spaziergang über den Rustaveli gamziri", "de", []),
    ("Shops on Pekini Street", "en", []),
]


# held-out round 40 (probed beside the page): a street in Kosovo or Albania, its word first in its definite form or
# abbreviated, the genitive's article in its name; Kosovo's personal number (ten digits) and Albania's (a letter, eight
# digits, a letter) after their word, and a Georgian personal number after its word (left open by round 39); a date
# after an Albanian birth word; the words without a house number, the numbers without their word, a date after
# another word stay
ALBANIAN = [
    ("Adresa: Rruga Agim Ramadani nr. 45, 10000 Prishtinë", "fr",
     [("Rruga Agim Ramadani nr. 45, 10000 Prishtinë", "POSTAL_ADDRESS")]),
    ("chez mes parents, Rr. Dardania 14, Prishtinë", "fr", [("Rr. Dardania 14, Prishtinë", "POSTAL_ADDRESS")]),
    ("Rruga e Durrësit 102, Tiranë", "en", [("Rruga e Durrësit 102, Tiranë", "POSTAL_ADDRESS")]),
    ("Bulevardi Dëshmorët e Kombit 5", "en", [("Bulevardi Dëshmorët e Kombit 5", "POSTAL_ADDRESS")]),
    ("Numri personal: 1179285432", "fr", [("1179285432", "NATIONAL_ID")]),
    ("Personal number 1179285432", "en", [("1179285432", "NATIONAL_ID")]),
    ("Numri personal: J85312045K", "en", [("J85312045K", "NATIONAL_ID")]),
    ("პირადი ნომერი: 01024085083", "de", [("01024085083", "NATIONAL_ID")]),
    ("Commande 1179285432 expédiée", "fr", []),
    ("Référence J85312045K", "fr", []),
    ("Rruga e Kombit", "en", []),
    # its birth words: the label, and the verb
    ("Datëlindja: 12.03.1986", "fr", [("12.03.1986", "DATE_OF_BIRTH")]),
    ("Data e lindjes: 12/03/1986", "en", [("12/03/1986", "DATE_OF_BIRTH")]),
    ("lindur më 12 mars 1986 në Prizren", "fr", [("12 mars 1986", "DATE_OF_BIRTH")]),
    ("Afati: 12.03.2026", "en", []),
]

# India's numbers, a bank account in a format no IBAN check knows, an Indian address (held-out peers round 18: a Mumbai
# buyer's Aadhaar, PAN and his firm's GST number, "From my HDFC account 50100234817765; statements go to Flat 1204,
# Panchratna Tower, Opera House, Mumbai 400004." were stored); a card's number in fours, an order's twelve digits, a
# year after "account", a page's number after a capitalised word stay
SOUTH_ASIAN = [
    ("Aadhaar 4829 1573 6205, PAN AFZPJ4127K", "en", [("4829 1573 6205", "NATIONAL_ID"), ("AFZPJ4127K", "NATIONAL_ID")]),
    ("4829 1573 6205", "en", [("4829 1573 6205", "NATIONAL_ID")]),
    ("aadhaar: 482915736205", "en", [("482915736205", "NATIONAL_ID")]),
    ("27AFZPJ4127K1ZU", "en", [("27AFZPJ4127K1ZU", "NATIONAL_ID")]),
    ("From my HDFC account 50100234817765; statements go to Flat 1204, Panchratna Tower, Opera House, Mumbai 400004.",
     "en", [("50100234817765", "IBAN_CODE"),
            ("Flat 1204, Panchratna Tower, Opera House, Mumbai 400004", "POSTAL_ADDRESS")]),
    ("a/c no. 00123456789 at the Fort branch", "en", [("00123456789", "IBAN_CODE")]),
    ("Opera House, Mumbai 400 004", "en", [("Opera House, Mumbai 400 004", "POSTAL_ADDRESS")]),
    # being typed, cut where a batch ended (round 18's second run stored "Flat 1204," beside the masked names)
    ("statements go to Flat 1204, Panchratna Tower, Opera House, Mumbai 40", "en",
     [("Flat 1204, Panchratna Tower, Opera House, Mumbai 40", "POSTAL_ADDRESS")]),
    ("statements go to Flat 12", "en", [("Flat 12", "POSTAL_ADDRESS")]),
    ("card 4829 1573 6205 1234", "en", []),
    ("Order 482915736205 shipped", "en", []),
    ("Your account 2024 statement", "en", []),
    ("See Page 123456 of the catalogue", "en", []),
]

# A surname in capitals beside the given name, before it as French and Belgian papers write a name ("NOM Prénom") or
# after it, its particles in capitals too, with no title before it (review 23 F7); a heading's trade word or a word
# no given name follows stays
SURNAMES_IN_CAPITALS = [
    ("MERTENS Sofie", "fr", [("MERTENS Sofie", "PERSON")]),
    ("Élève : BOUZIANE Yasmina", "fr", [("BOUZIANE Yasmina", "PERSON")]),
    ("Passager : VAN DAMME Pieter", "nl", [("VAN DAMME Pieter", "PERSON")]),
    ("Titulaire : M. JACQUEMIN Thierry", "fr", [("JACQUEMIN Thierry", "PERSON")]),
    ("Siège 14C — N'DIAYE Aminata", "fr", [("N'DIAYE Aminata", "PERSON")]),
    ("Lukas HOFSTEDE", "nl", [("Lukas HOFSTEDE", "PERSON")]),
    ("Ilse DE GROOTE-VERMEULEN", "nl", [("Ilse DE GROOTE-VERMEULEN", "PERSON")]),
    ("BOUTIQUE Julie", "fr", []),
    ("NOUVEAUTÉS Automne", "fr", []),
    ("LIVRAISON Gratuite", "fr", []),
    ("Installé sur Mac OS X", "fr", []),  # two capitals are an acronym ("Mac" is a given name too)
]

# Moroccan identifiers (review 23 F10): a CIN (one or two letters, five or six digits) after its word, a RIB in full
# after its word whatever its key, and a RIB of twenty-four digits whose key checks without one
MOROCCAN = [
    ("CIN : KA48213", "fr", [("KA48213", "NATIONAL_ID")]),
    ("Numéro CNIE: J51207", "fr", [("J51207", "NATIONAL_ID")]),
    ("carte nationale d'identité n° BJ402817", "fr", [("BJ402817", "NATIONAL_ID")]),
    ("RIB 181 127 0211118765432109 12", "fr", [("181 127 0211118765432109 12", "IBAN_CODE")]),
    ("Virement sur le 225 710 0004719382615003 30", "fr", [("225 710 0004719382615003 30", "IBAN_CODE")]),
    ("011780000012345678901296", "fr", [("011780000012345678901296", "IBAN_CODE")]),
    ("Réf. KA48213 en stock", "fr", []),
    ("Colis 225 710 0004719382615003 31", "fr", []),
]

# Ukrainian, Russian and Bulgarian in Cyrillic (review 23 F9): a date after a birth word, a street after its word with
# the house's number and the flat
CYRILLIC = [
    ("Дата народження: 04.09.1991", "en", [("04.09.1991", "DATE_OF_BIRTH")]),
    ("родилась 17.06.1979 в Харькове", "fr", [("17.06.1979", "DATE_OF_BIRTH")]),
    ("роден 23.11.1984", "nl", [("23.11.1984", "DATE_OF_BIRTH")]),
    ("Доставка: просп. Перемоги 41, кв. 118", "en", [("просп. Перемоги 41, кв. 118", "POSTAL_ADDRESS")]),
    ("ул. Тверская, д. 7, кв. 3, Москва", "nl", [("ул. Тверская, д. 7, кв. 3", "POSTAL_ADDRESS")]),
    ("вул. Лесі Українки 9/2", "fr", [("вул. Лесі Українки 9/2", "POSTAL_ADDRESS")]),
    ("Знижки до 15.03.2024", "en", []),
    ("Наш магазин на вул. Сагайдачного", "en", []),
    ("Розмір 42, колір чорний", "en", []),
]

# held-out peers round 31 (probed beside the page): a Bulgarian EGN after its word, in Cyrillic or Latin letters; a date
# of birth with its month named in Cyrillic (Bulgarian, or Russian and Ukrainian in the genitive) or with the year's
# word glued ("1987г."); a street in the quotes Bulgarian writes its name in, with the postcode and town after. An EGN
# whose check fails is masked under its word too (national_id_words: a mistyped number is still the visitor's); ten
# digits with no word (an order's), a date with no birth word, a street with no number stay
BULGARIAN = [
    ("Моето ЕГН е 8707154327.", "fr", [("8707154327", "NATIONAL_ID")]),
    ("EGN: 8707154327", "en", [("8707154327", "NATIONAL_ID")]),
    ("Commande 8707154327 expédiée", "fr", []),
    ("ЕГН 8707154320", "en", [("8707154320", "NATIONAL_ID")]),
    ("Съпругата ми е родена на 15 юли 1987 г., моля", "fr", [("15 юли 1987", "DATE_OF_BIRTH")]),
    ("родилась 5 мая 1987", "en", [("5 мая 1987", "DATE_OF_BIRTH")]),
    ("народилася 3 березня 1990 року", "nl", [("3 березня 1990", "DATE_OF_BIRTH")]),
    ("родена на 15.07.1987г.", "fr", [("15.07.1987", "DATE_OF_BIRTH")]),
    ("Отворено от 15 юли 2026 г.", "en", []),
    ("Адрес: ул. „Витоша“ 15, 1000 София", "fr", [("ул. „Витоша“ 15, 1000 София", "POSTAL_ADDRESS")]),
    ("бул. „Цар Освободител“ 4, ет. 3", "en", [("бул. „Цар Освободител“ 4, ет. 3", "POSTAL_ADDRESS")]),
    ("Магазин на ул. „Витоша“", "en", []),
]

# held-out peers round 32: Armenia's public services number after its letters (ՀԾՀ; a housing register's file sent before
# any recording kept its ten digits); a date of birth with its month in the Armenian genitive after an Armenian or a
# Dutch birth word; a street romanised the way the former Soviet countries write theirs, its word in lower case after
# the name, a flat after the house, then the postcode and town (quoted by createElement's DOMException, it kept all but
# the street's name). Ten digits with no word, an Armenian date with no birth word, a tennis court stay
ARMENIAN = [
    ("ՀԾՀ 2718450391", "nl", [("2718450391", "NATIONAL_ID")]),
    ("Հանրային ծառայությունների համարանիշ: 2718450391", "en", [("2718450391", "NATIONAL_ID")]),
    ("Bestelling 2718450391 verzonden", "nl", []),
    ("ծնվել եմ 12 ապրիլի 1991 թ.", "nl", [("12 ապրիլի 1991", "DATE_OF_BIRTH")]),
    ("Geboren op 12 ապրիլի 1991 թ.", "nl", [("12 ապրիլի 1991", "DATE_OF_BIRTH")]),
    ("ծնվ. 12.04.1991", "en", [("12.04.1991", "DATE_OF_BIRTH")]),
    ("Բաց է 12 ապրիլի 2026 թ.", "en", []),
    ("The tag name provided ('Tumanyan st. 12, apt. 5, 0001 Yerevan') is not a valid name.", "en",
     [("Tumanyan st. 12, apt. 5, 0001 Yerevan", "POSTAL_ADDRESS")]),
    ("Mijn vorig adres: Abovyan str. 8, 0009 Yerevan", "nl", [("Abovyan str. 8, 0009 Yerevan", "POSTAL_ADDRESS")]),
    ("Padel court 3 is vrij", "nl", []),
]

# held-out peers round 33: Colombia's identity card after its initials or its word ("C.C. 1.020.456.789", dotted as
# Colombia writes it); Mexico's CURP alone (its shape and check digit) or with its word; a Mexican mobile with the '1'
# Mexico dropped in 2019 after its code, spaced or as a tel: link writes it; the Netherlands' foreigner's number
# (V-nummer); a Colombian address named by the grid ("Calle 45 # 23-18", typed, was masked by the taint only). A CURP's
# shape with a wrong check digit, a product's code, an order number, a race's time and an item's number stay
LATIN_AMERICAN = [
    ("C.C. 1.020.456.789 – Strijp-S desk", "en", [("1.020.456.789", "NATIONAL_ID")]),
    ("Cédula de ciudadanía: 79.845.123", "en", [("79.845.123", "NATIONAL_ID")]),
    ("HEZJ850312HDFRXS07", "en", [("HEZJ850312HDFRXS07", "NATIONAL_ID")]),
    ("CURP does not match the date of birth: HEZJ850312HDFRXS07", "en", [("HEZJ850312HDFRXS07", "NATIONAL_ID")]),
    ("HEZJ850312HDFRXS08", "en", []),
    ("Call +52 1 55 1234 5678", "en", [("+52 1 55 1234 5678", "PHONE_NUMBER")]),
    ("tel:+5215512345678", "en", [("+5215512345678", "PHONE_NUMBER")]),
    ("V-nummer 3019284756", "nl", [("3019284756", "NATIONAL_ID")]),
    ("Bestelling 3019284756 verzonden", "nl", []),
    ("Artikel SKU-2045-HDF", "en", []),
    ("Previous address: Calle 45 # 23-18, Apto 502, Medellín", "en",
     [("Calle 45 # 23-18, Apto 502, Medellín", "POSTAL_ADDRESS")]),
    ("Vivo en la Cra. 15 No. 93-47, Bogotá", "en", [("Cra. 15 No. 93-47, Bogotá", "POSTAL_ADDRESS")]),
    ("calle 26 #68-35 sur", "en", [("calle 26 #68-35 sur", "POSTAL_ADDRESS")]),
    ("Carrera 5 ganada en 23-18 minutos", "en", []),
    ("Item # 23-18", "en", []),
]

# A German Steuernummer (the tax office's number of a person) in its regional groups with their slashes, which no
# other number is written in: alone (round 20: the console's argument, the hash route "#/dossier/201/5012/3457"),
# with its word; python-stdnum's de.stnr holds each Land's groups
DE_TAX_NUMBER = [
    ("201/5012/3457", "de", [("201/5012/3457", "NATIONAL_ID")]),
    ("#/dossier/201/5012/3457", "nl", [("201/5012/3457", "NATIONAL_ID")]),
    ("Steuernummer 21/815/08150 beim Finanzamt", "de", [("21/815/08150", "NATIONAL_ID")]),
    ("93815/08152", "de", []),
    ("12/05/2026", "de", []),
    ("/api/v2/201/5012/3457/9", "en", []),
]

@pytest.mark.parametrize("text,language,expected", MISTYPED_EMAILS)
def test_mistyped_e_mails(detector, patterns_only, text, language, expected):
    check(detector, text, language, expected)
    check(patterns_only, text, language, expected)


@pytest.mark.parametrize("text,language,expected", EMAIL + PHONE + CARD + IBAN + NATIONAL_IDS + VAT_COMPANY
                         + DEVICES_WALLETS + ADDRESSES + DATES + NEGATIVES
                         + PHONE_AS_TYPED + ADDRESS_AS_TYPED + NATIONAL_ID_BY_CONTEXT + LUXEMBOURG + SWISS
                         + NO_TRUNK_PREFIX + DASHED_POSTCODES + COUNTRY_POSTCODES + INITIALLED_SURNAMES + SURNAMES_FIRST
                         + FILE_OWNERS + ADDRESSED_SURNAMES + NUMBERS_AS_TYPED
                         + UNFINISHED_BIRTH_DATES + SENT_BY_NAME + GLUED + SWALLOWED_START + NUMBER_LABELLED + LU_SIX_DIGITS
                         + POSTCODE_LISTS + SITE_ADDRESSES + NAMES_IN_PLACE + PHONE_WITHOUT_PLUS + CHAT_LINKS
                         + CUSTOMER_NUMBERS + SOUTHERN_IDS + SOUTHERN_ADDRESSES + SOUTHERN_BIRTH_DATES + SPANISH_SURNAMES
                         + HUNGARIAN_NAMES + INSURERS_LINES + NORDIC + VIETNAMESE_NAMES + GEORGIAN_NAMES + GEORGIAN_ADDRESSES + ALBANIAN + CENTRAL_EASTERN
                         + NATIONALITIES_IDS + SOUTH_ASIAN + PESEL_KIMLIK + EU_PERSONAL_NUMBERS + HUNGARIAN_BIRTH_DATES + HUNGARIAN_ADDRESSES
                         + HUNGARIAN_ACCOUNTS + BE_STRUCTURED_COMMUNICATIONS + SPACED_EMAILS + YEAR_FIRST_BIRTH_DATES + SOLAR_HIJRI_BIRTH_DATES
                         + CROATIAN_BIRTH_DATES + CROATIAN
                         + ADDRESSES_WITH_FLATS + BIRTH_AND_LICENCE + DE_TAX_NUMBER + MOROCCAN + CYRILLIC + BULGARIAN
                         + ARMENIAN + LATIN_AMERICAN + SURNAMES_IN_CAPITALS + REVIEW_36_IDS)
def test_pattern_recognizers(detector, patterns_only, text, language, expected):
    check(detector, text, language, expected)
    check(patterns_only, text, language, expected)  # patterns do not depend on the NLP engine


# review 36 F3: a mobile without its country's code after a call verb, a mobile's abbreviation or "contact me" in
# Polish, Latvian, Lithuanian, Estonian, the Nordic languages, Czech, Hungarian and Finnish; a number of that shape
# beside no such word (a ring's size, a parcel's) stays
LOCAL_CALL_WORDS = [
    ("Zadzwoń do mnie: 601 234 567", "en", [("601 234 567", "PHONE_NUMBER")]),
    ("kom. 601-234-567", "en", [("601-234-567", "PHONE_NUMBER")]),
    ("proszę o kontakt 790 123 456", "en", [("790 123 456", "PHONE_NUMBER")]),
    ("mob. 9123 4567", "en", [("9123 4567", "PHONE_NUMBER")]),
    ("tālr. 26123456", "en", [("26123456", "PHONE_NUMBER")]),
    ("Zvaniet 26 123 456", "en", [("26 123 456", "PHONE_NUMBER")]),
    ("skambinkite 612 34567", "en", [("612 34567", "PHONE_NUMBER")]),
    ("Ring til mig på 41 23 45 67", "en", [("41 23 45 67", "PHONE_NUMBER")]),
    ("zavolejte 603 123 456", "en", [("603 123 456", "PHONE_NUMBER")]),
    ("hívjon 20 123 4567", "en", [("20 123 4567", "PHONE_NUMBER")]),
    ("Ring size 52, order 601 234 567", "en", []),
    ("Kontakt 24/7, 120 stores", "en", []),
    ("Gdańsk: 601 234 567 people", "en", []),
]
# review 36 F4: a street whose word is Latvian, Lithuanian, Estonian, Polish, Czech, Slovak or Greek, after its name or
# before it, a Danish one without a street word before its floor and postcode, one after the words for where to send a
# thing; a street's word with no house number, a count after a name, Latin's "et al." and a T-shirt's "tee" stay
CENTRAL_BALTIC_STREETS = [
    ("dzīvoju Tērbatas iela 14, LV-1011 Rīga", "en", [("Tērbatas iela 14, LV-1011 Rīga", "POSTAL_ADDRESS")]),
    ("Maironio g. 7-3, Vilnius", "en", [("Maironio g. 7-3, Vilnius", "POSTAL_ADDRESS")]),
    ("Konstitucijos pr. 21", "en", [("Konstitucijos pr. 21", "POSTAL_ADDRESS")]),
    ("Narva mnt. 27", "en", [("Narva mnt. 27", "POSTAL_ADDRESS")]),
    ("Adres: os. Bohaterów 14/6", "en", [("os. Bohaterów 14/6", "POSTAL_ADDRESS")]),
    ("al. Niepodległości 121, 02-588 Warszawa", "en", [("al. Niepodległości 121, 02-588 Warszawa", "POSTAL_ADDRESS")]),
    ("Bydlím na nám. Republiky 8", "en", [("nám. Republiky 8", "POSTAL_ADDRESS")]),
    ("Náměstí Přemyslovců 3", "en", [("Náměstí Přemyslovců 3", "POSTAL_ADDRESS")]),
    ("Λεωφόρος Συγγρού 140", "en", [("Λεωφόρος Συγγρού 140", "POSTAL_ADDRESS")]),
    ("Vimmelskaftet 41, 3. th, 1161 København K", "en", [("Vimmelskaftet 41, 3. th", "POSTAL_ADDRESS")]),
    ("Please ship it to Fiolstræde 9, Aarhus C", "en", [("Fiolstræde 9, Aarhus C", "POSTAL_ADDRESS")]),
    ("Send it to Nyhavn 17, København", "en", [("Nyhavn 17, København", "POSTAL_ADDRESS")]),
    ("na placu Zbawiciela 2 razy", "en", []),
    ("Smith et al. Nature 12", "en", []),
    ("Logo tee 2 for 30", "en", []),
    ("We ship to Belgium 2-3 days", "en", []),
    ("Tartu mnt. 5 km", "en", []),
]


@pytest.mark.parametrize("text,language,expected", LOCAL_CALL_WORDS + CENTRAL_BALTIC_STREETS)
def test_local_call_words_and_central_baltic_streets(detector, patterns_only, text, language, expected):
    check(detector, text, language, expected)
    check(patterns_only, text, language, expected)


# A given name beside the shop's own words: the verb before it that asks to reach them, the product after a hero's or a
# player's name (review 23 O1). The name may be masked (fail closed); those words stay, or the page shows them masked
# wherever it repeats them.
WORDS_BESIDE_A_NAME = [
    ("Contactez Amandine, votre conseillère", "fr", "Contactez"),
    ("Contacteer Lotte, onze stylist", "nl", "Contacteer"),
    ("Vraag Lotte aan de kassa", "nl", "Vraag"),
    ("Boule et Bill T-shirt", "fr", "T-shirt"),
    ("Suske en Wiske T-shirt", "nl", "T-shirt"),
    ("Kim Clijsters Collection", "en", "Collection"),
]


@pytest.mark.parametrize("text,language,kept", WORDS_BESIDE_A_NAME)
def test_shop_words_beside_a_name_stay(detector, patterns_only, text, language, kept):
    start = text.index(kept)
    for d in (detector, patterns_only):
        [spans] = d.analyze([text], language, SETTINGS)
        assert not [s for s in spans if s.start < start + len(kept) and start < s.end], (text, kept)


# The same values in characters that look alike: read folded (redactor/pii/fold.py), masked where
# they stand in the original text
FOLDED = [
    ("email jan.peeters\uff20gmail.com", "nl", [("jan.peeters\uff20gmail.com", "EMAIL_ADDRESS")]),
    ("jan.peeters\ufe6bgmail.com", "nl", [("jan.peeters\ufe6bgmail.com", "EMAIL_ADDRESS")]),
    ("mail jan.peeters@gmail\uff0ecom graag", "nl", [("jan.peeters@gmail\uff0ecom", "EMAIL_ADDRESS")]),
    ("\uff4a\uff41\uff4e\uff0e\uff50\uff45\uff45\uff54\uff45\uff52\uff53\uff20\uff47\uff4d\uff41\uff49\uff4c"
     "\uff0e\uff43\uff4f\uff4d", "en",
     [("\uff4a\uff41\uff4e\uff0e\uff50\uff45\uff45\uff54\uff45\uff52\uff53\uff20\uff47\uff4d\uff41\uff49"
       "\uff4c\uff0e\uff43\uff4f\uff4d", "EMAIL_ADDRESS")]),
    ("\U0001d423\U0001d41a\U0001d427@\U0001d420\U0001d426\U0001d41a\U0001d422\U0001d425.\U0001d41c\U0001d428"
     "\U0001d426", "en",
     [("\U0001d423\U0001d41a\U0001d427@\U0001d420\U0001d426\U0001d41a\U0001d422\U0001d425.\U0001d41c\U0001d428"
       "\U0001d426", "EMAIL_ADDRESS")]),
    ("schrijf naar jan.pe\u200beters@gmail.com", "nl", [("jan.pe\u200beters@gmail.com", "EMAIL_ADDRESS")]),
    ("jan.pe\u00adeters@gmail.com", "nl", [("jan.pe\u00adeters@gmail.com", "EMAIL_ADDRESS")]),
    ("telefoon \uff10\uff14\uff17\uff10 \uff11\uff12 \uff13\uff14 \uff15\uff16", "nl",
     [("\uff10\uff14\uff17\uff10 \uff11\uff12 \uff13\uff14 \uff15\uff16", "PHONE_NUMBER")]),
    ("bel me op \u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668 graag", "nl",
     [("\u0660\u0666\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "PHONE_NUMBER")]),
    ("IBAN \uff2e\uff2c\uff19\uff11\uff21\uff22\uff2e\uff21\uff10\uff14\uff11\uff17\uff11\uff16\uff14\uff13"
     "\uff10\uff10", "nl",
     [("\uff2e\uff2c\uff19\uff11\uff21\uff22\uff2e\uff21\uff10\uff14\uff11\uff17\uff11\uff16\uff14\uff13"
       "\uff10\uff10", "IBAN_CODE")]),
    # an iCalendar's or a vCard's line folded at 75 octets (a CRLF and a space), inside a value (peers round 13b)
    ("ATTENDEE;CN=Partenaire:mailto:lukas.vongunten@alpen\r\n post-bern.ch", "fr",
     [("lukas.vongunten@alpen\r\n post-bern.ch", "EMAIL_ADDRESS")]),
    ("NOTE:Domiciliation sur CH24 0839 0041 52\r\n 83 0701 9", "fr", [("CH24 0839 0041 52\r\n 83 0701 9", "IBAN_CODE")]),
    ("DESCRIPTION:Partenaire AVS 756.9217.07\r\n\t69.85", "fr", [("756.9217.07\r\n\t69.85", "NATIONAL_ID")]),
    ("SUMMARY:Formule Duo Soirée - terrain 3 (réservé le 10/12/2026 à 19 h, couv\r\n ert)", "fr", []),
    # a double family name joined by a no-break hyphen (U+2011) or Unicode's hyphen (U+2010), as a typesetting page
    # keeps it on one line: the name is the whole of it, not its head (held-out round 32)
    ("Mevrouw Sharmila Ramdin\u2011Jagessar belt u terug.", "nl", [("Sharmila Ramdin\u2011Jagessar", "PERSON")]),
    ("Contact: Amélie Vermeulen\u2010Lambert", "fr", [("Amélie Vermeulen\u2010Lambert", "PERSON")]),
    # a JSON draft kept in ASCII: its escapes are the characters they write (held-out round 33)
    ('"omschrijving": "Mijn buurvrouw Zo\\u00eb Verbe\\u00ebk zag het"', "nl",
     [("Zo\\u00eb Verbe\\u00ebk", "PERSON")]),
    ('{"mail": "zo\\u00eb.verbe\\u00ebk\\u0040ziggo.nl"}', "nl",
     [("zo\\u00eb.verbe\\u00ebk\\u0040ziggo.nl", "EMAIL_ADDRESS")]),
    # an emoji or a zero-width joiner between a given name and a surname: a chat's or a member card's display name,
    # read as the space it stands for (review 28 F13)
    ("Proficiat Sofie 🎈 Verhulst!", "nl", [("Sofie 🎈 Verhulst", "PERSON")]),
    ("Bisous de Margaux ❤️ Lefèvre", "fr", [("Margaux ❤️ Lefèvre", "PERSON")]),
    ("Gepost door Noor👍🏽Janssens", "nl", [("Noor👍🏽Janssens", "PERSON")]),
    ("Margaux\u200dLefèvre", "fr", [("Margaux\u200dLefèvre", "PERSON")]),
    ("Soldes 🔥 -30% sur les vestes ☀️ Nouveautés", "fr", []),
    # what folds to nothing that is a value stays as it was
    ("Ｗｉｎｔｅｒ ｓａｌｅ：－３０％", "en", []),
    ("Prix\u00a0: 12,50\u00a0€ — livraison à domicile", "fr", []),
]


@pytest.mark.parametrize("text,language,expected", FOLDED)
def test_values_in_look_alike_characters_are_found_where_they_stand(detector, patterns_only, text, language, expected):
    check(detector, text, language, expected)
    check(patterns_only, text, language, expected)


def test_folding_keeps_ascii_as_it_is_and_maps_each_character_back():
    from redactor.pii.fold import fold

    ascii_text = "bel 0612345678"
    assert fold(ascii_text).text is ascii_text and fold(ascii_text).origin is None
    assert fold("déjà vu").origin is None  # accented letters are what they are: nothing to map
    folded = fold("a\u200bb\uff20\u2474x")  # removed, widened, grown: "ab@(1)x"
    assert folded.text == "ab@(1)x"
    assert folded.back(0, 2) == (0, 3)  # the zero-width space inside the range is part of it
    assert folded.back(3, 6) == (4, 5)  # "(1)" comes from one character
    assert fold("\ufdfa \u2013").text == "\ufdfa \u2013"  # folded to ASCII only: a ligature, a dash stay
    assert fold("06\u201128714409 Ramdin\u2010Jagessar").text == "06-28714409 Ramdin-Jagessar"  # hyphens are hyphens
    # an emoji between words is a space, beside a space nothing; "©" and "™" are no emoji (review 28 F13)
    assert fold("Tom 🎈 Bos").text == "Tom Bos" and fold("Tom🎈Bos").text == "Tom Bos" and fold("© 2026™").text == "© 2026TM"
    assert fold("Tom 🎈 Bos").back(0, 7) == (0, 9)
    escaped = fold("Zo\\u00eb!")  # an escape is one character, from its backslash to its fourth digit
    assert escaped.text == "Zoë!" and escaped.back(0, 3) == (0, 8) and escaped.back(3, 4) == (8, 9)


@pytest.mark.parametrize("text,language,expected", PERSONS)
def test_person_names(detector, text, language, expected):
    check(detector, text, language, expected)


def test_patterns_only_finds_names_that_start_with_a_given_name(patterns_only):
    """Without NER, a person is a run of capitalised words starting with a known given name."""
    assert found(patterns_only, "Please leave the parcel with Harry Wright next door.", "en") == {
        ("Harry Wright", "PERSON")}
    assert found(patterns_only, "Mieke Hofstra", "nl") == {("Mieke Hofstra", "PERSON")}
    # a greeting before the name is part of the capitalised run, but not of the name: it stays readable (masked
    # with the name it would be masked wherever the session shows it again, "Bedankt, we bellen u terug")
    assert found(patterns_only, "Bonjour Amélie Vermeulen-Lambert", "fr") == {("Amélie Vermeulen-Lambert", "PERSON")}
    assert found(patterns_only, "Bedankt Jorinde Vlaminckx", "nl") == {("Jorinde Vlaminckx", "PERSON")}
    assert found(patterns_only, "Bedankt voor je bestelling, De Vries Sanne", "nl") == {("De Vries Sanne", "PERSON")}
    # nor is a button's verb that reaches the person (peers round 11: "Appeler" was masked with the name, then the
    # link's id "appeler" in every click the session sent)
    assert found(patterns_only, "Appeler Éloïse d'Hondt-Vermeiren", "fr") == {("Éloïse d'Hondt-Vermeiren", "PERSON")}
    assert found(patterns_only, "Bel Sanne Jansen", "nl") == {("Sanne Jansen", "PERSON")}
    # nor is the label of the number after it ("Tel" masked with the name was masked in every "Tel." after)
    assert found(patterns_only, "Übergabe an Marit Oosterhuis-Dubreucq Tel. +49 (0) 241 9183 4470", "de") == {
        ("Marit Oosterhuis-Dubreucq", "PERSON"), ("+49 (0) 241 9183 4470", "PHONE_NUMBER")}
    assert ("Mieke Hofstra", "PERSON") in found(patterns_only, "Contact: Mieke Hofstra GSM: 0471 23 45 67", "nl")


# Issue 9, item 13: the site's own text is not visitor data, but the visitor's name it shows back is.
SITE_TEXT = [
    ("Omas Küche: Tante Rosa", "de"), ("Love from Paris", "en"), ("Love Island", "en"),
    ("Fietsenwinkel De Spaak", "nl"), ("Welkom bij Fietsenwinkel De Spaak", "nl"), ("Bakkerij De Molen", "nl"),
    ("Boekhandel Van Rossum", "nl"), ("Slagerij Jan Hendriks", "nl"), ("Apotheek Het Anker", "nl"),
    ("Speelgoedwinkel Lotte Bakker", "nl"), ("Openingstijden Banketbakkerij Van der Linde", "nl"),
    ("Café Marie", "fr"), ("Restaurant Chez Camille", "fr"), ("Librairie Sophie Dumont", "fr"),
    ("Boulangerie Jean-Luc Martin", "fr"), ("Opticien Van den Berg BV", "nl"), ("Charcuterie Dupont & Fils", "fr"),
    ("Hotel Charlotte Amsterdam", "en"), ("Bakery by Emma Wilson", "en"), ("Queen Elizabeth Olympic Park", "en"),
    ("Mount Victoria Lookout", "en"), ("Victoria Station", "en"), ("Brompton C Line Explore", "en"),
    # a beer shop's beers named after people before their style (review 17 F10: "Julius Blond", "Orval Trappist")
    ("Hubertus Blond", "nl"), ("Mathilde Trappist", "nl"), ("Florentin Aged Pale", "en"), ("Corneel Dubbel", "nl"),
    ("Ernestine Oude Kriek", "nl"), ("Josephine Saison", "fr"), ("Leopold Quadrupel", "nl"),
    ("Margriet Finest Scotch", "en"),
    ("Stadsfietsen | Gazelle Chamonix C7 – € 899,00", "nl"), ("Place Sainte-Catherine", "fr"),
    # German and Dutch trade compounds, and a title between the trade and the owner's name
    ("Glaserei Uwe Schmitt", "de"), ("Reitschule Sabine Krause", "de"), ("Tierarztpraxis Dr. Martin Vogel", "de"),
    ("Hoveniersbedrijf Ruud Kramer", "nl"), ("Uitvaartbureau Henk Mol", "nl"),
    # the formal "Sie" is a pronoun, not a given name
    ("Besuchen Sie unseren Showroom", "de"), ("Bestellen Sie jetzt online", "de"),
    # products named after people
    ("Fauteuil Sofia velours groen", "nl"), ("Sessel Marie Cord beige", "de"), ("Tom Collins cocktail", "en"),
    ("Oude Brugge Reserve", "nl"), ("Passendale Classic", "nl"),  # cheeses: a grade's word
    # a service or a shop reached at a number, a bell at a place
    ("Bel de Klantendienst op 078 15 15 15", "nl"), ("Bel Telenet op 0800 66 000", "nl"), ("Contactez le Service Client au 0800 12 345", "fr"),
    ("Call Customer Care on 0800 123 4567", "en"), ("Bitte bei Anmeldung klingeln", "de"),
    ("Sonnez chez le gardien", "fr"),
    # a given name after a capitalised word that opens no name, whether or not the span holds that word
    ("Heimatmuseum Karl Valentin", "de"), ("Schloss Hugo von Hohenlohe", "de"),
    # a day-care centre named after a flower, its word a given name too (held-out round 39)
    ("Kita Sonnenblume", "de"), ("Kita Regenbogen · Anmeldung", "de"), ("Kinderkrippe Pusteblume", "de"),
    # a work and its author: a title opening with an article, a dash, the name, the work's format
    ("De Aanslag – Harry Mulisch (paperback)", "nl"), ("La Peste – Albert Camus, poche", "fr"),
    ("Der Steppenwolf – Hermann Hesse (Taschenbuch)", "de"),
    # a product phrase in lower case after the name, up to a function word or a punctuation mark
    ("Tommy Hilfiger leather wallet", "en"), ("Gordon Ramsay cookbook", "en"), ("Earl Grey tea, 100 bags", "en"),
    ("Charlie Bigham's fish pie", "en"),
    # venues named after people: in lower case right before the name, or two words after the venue
    ("Inscriptions au lycée Jean Moulin", "fr"), ("Piscine olympique Pierre de Coubertin", "fr"),
    ("Club de hockey Louis Dupont", "fr"),
    # a youth movement's group, named after its parish and town (heldout round 25)
    ("Scouts en Gidsen Sint-Baafs Gent", "nl"), ("Chiro Sint-Pieter Leuven", "nl"), ("Patro Saint-Joseph Namur", "fr"),
    # lodging, towns, events and titles that name places and products; a chair's compound
    ("Kamer Deluxe met balkon", "nl"), ("Appartement Marina met zeezicht", "nl"), ("Ferienwohnung Lisa am See", "de"),
    ("Cottage Daisy, sleeps 4", "en"), ("Royal Albert Hall", "en"), ("Bureaustoel Sophie grijs", "nl"),
    # a greeting before title-case words that are not a name
    ("Thanks For Shopping", "en"), ("Welcome To Our Store", "en"), ("Hello Summer Sale", "en"),
    # a lamp's compound, a wine estate, a family firm and its trade, a grade, a tour
    ("Tafellamp Noor, messing, 35 cm", "nl"), ("Rosé Domaine Clément, 75 cl", "fr"),
    ("Harvey Brothers – Est. 1952", "en"), ("Ellis Hardware, Leeds", "en"), ("Emma Grand Tour", "en"),
    ("Stella Bianca Superior", "nl"),
    # how a product named after a person is sold, right after its name
    ("Roos Lisa in sierpot", "nl"), ("Tomaat Lisa per kilo", "nl"), ("Rosier Pierre de Ronsard en pot", "fr"),
    ("Rose Gloria Dei im Topf", "de"),
    # Dutch adjectives and nouns the name list holds ("Lage", "Oude", "Landen"): places, not a person's name
    ("Atlas van de Lage Landen", "nl"), ("Een reis door de Lage Landen", "nl"), ("Wandelen in de Oude Stad", "nl"),
    # "by" after an order that is a deadline or a sort order, or that names a shop, and a copyright line
    ("Order by Friday for Christmas delivery", "en"), ("Ordered by Date", "en"), ("Besteld door Bakkerij De Molen", "nl"),
    ("All rights reserved by Acme Corp", "en"),
    ("Tous droits réservés par Acme SA", "fr"), ("Café Marie", "fr"), ("Grande Réserve Marie", "fr"),
    ("Feest voor Sinterklaas", "nl"), ("Party for Two", "en"), ("Fête pour Noël", "fr"),
    # words near the relatives' that are not: "only", a partner firm
    ("Levering enkel Gent en omstreken", "nl"), ("Onze partner Sendcloud verzorgt de levering", "nl"),
    # a farewell before a shop, a place, a song
    ("À bientôt Chez Paul", "fr"), ("Tot ziens in Brugge", "nl"), ("Goodbye Yellow Brick Road", "en"),
    # a salutation without a person's name
    ("Sehr geehrte Damen und Herren,", "de"), ("Geachte Klant,", "nl"), ("Geachte Klanten en Partners,", "nl"),
    ("Moien a wëllkomm!", "de"), ("Bonjour Madame, bonjour Monsieur", "fr"), ("Dear Sir or Madam", "en"),
    ("Madame, Monsieur,", "fr"), ("Welcome to the Pixel family", "en"), ("Découvrez la famille Galaxy", "fr"),
    ("Hello family!", "en"),
    # a saint's word and the saint's name: a town's, an island's, a church's, no person's (review 19 O1)
    ("Wijnreis naar San Gimignano", "nl"), ("Flüge nach San Francisco ab 299 Euro", "de"),
    ("Hotels in Santa Cruz de la Palma", "en"), ("Vols pour San Sebastián dès 89 €", "fr"),
    ("Basilica di San Lorenzo", "en"),
    # a Luxembourgish shop's menu: "my account", "my basket", "your orders" (the possessive is a given name in the list)
    ("Mäi Konto", "lb"), ("Mäi Wuerekuerf", "lb"), ("Meng Bestellungen", "lb"), ("Däi Profil", "lb"),
    # a square's or a street's first word and the name after it, and a chapel, a church, a museum named after someone
    ("Tramonto dal Piazzale Galileo", "it"), ("Aperitivo in Piazza Santo Spirito", "it"),
    ("Visita guidata alla Cappella Paolina", "it"), ("Mostra al Museo Marino Marini", "it"),
    # an anniversary or a date after "happy" and an ordinal
    ("Happy 10th Anniversary Sale", "en"), ("Happy 4th July sale", "en"),
    # gifts for an occasion that is also a given name, for a relative, for a season
    ("Carte cadeau pour Noël", "fr"), ("Cadeaus voor Valentijn", "nl"), ("Geschenke für Nikolaus", "de"),
    ("Gift ideas for Mum", "en"), ("Gift Sets for Summer", "en"), ("Cadeaubon voor Moederdag", "nl"),
    # a street's name and its town (a town that is also a given name: Gent)
    ("Onze winkel vind je aan de Brusselsesteenweg in Gent", "nl"), ("Unser Laden liegt an der Ludwigstraße in Gent", "de"),
    # rugs, throws and curtains named after people
    ("Tapis Joséphine, laine, 160 x 230 cm", "fr"), ("Home › Living › Throws › Plaid Harriet, wool", "en"),
    ("Vloerkleed Fenna, 200 x 290 cm", "nl"),
    # a breadcrumb's last step: a product word no list has, then the product's given name
    ("Home › Speelgoed › Knuffels › Knuffel Johanna", "nl"), ("Shop » Stationery » Notebook Harriet", "en"),
    # a weekday's abbreviation that is a given name, on a line of opening hours
    # a sign-off's "from" before a place, or a word, is no one
    ("Groeten van Texel", "nl"), ("Bisous de Paris", "fr"), ("Liefs van de bakker", "nl"), ("Viele Grüße vom Bodensee", "de"),
    # a possessive opening a page's line, before no name or before a word that does not end the sentence
    ("Dein Warenkorb ist leer", "de"), ("Deine Bestellung, deine Wahl.", "de"), ("Ihr Konto. Dein Zuhause!", "de"),
    ("Ta Rose", "fr"),
    # an account page's title before no one
    ("Compte de Résultat", "fr"), ("Compte de Noël", "fr"), ("Espace client de Bruxelles", "fr"), ("Espace client de la Mutualité", "fr"),
    ("Account of Paris", "en"),
    # a form's label before no one's name
    ("Your name: Enter your name", "en"), ("Product name: Brompton C Line", "en"), ("Full name: Mandatory", "en"),
    ("Öffnungszeiten: Di–Sa 10–19 Uhr, So 11–17 Uhr, Mo Ruhetag", "de"), ("Mo Ruhetag, Di–So 11–22 Uhr", "de"),
    ("Openingsuren: di–za 9–18u, Mo Gesloten", "nl"),
    # a product's title line that gives its measures, whatever its product word and the words between
    ("Lampe Clara mit Stoffschirm, Ø 35 cm", "de"), ("Applique Louise en laiton, 40 W", "fr"),
    ("Home › Tiles › Stone Effect Tile \"Aria\", 60 x 60 cm", "en"),
    # a street named after a person, without a house number: its French first word, its closer after the name
    ("Notre boutique avenue Victor Hugo", "fr"), ("Filiale an der Konrad Adenauer Allee", "de"),
    ("Our showroom has moved to Florence Nightingale Way, opposite the park", "en"),
    # thanks and congratulations before no one
    ("Congratulations Graduates!", "en"), ("Vielen Dank für Ihren Einkauf", "de"), ("Félicitations Aux Gagnants", "fr"),
    ("Proficiat Kampioenen!", "nl"),
    # "for" opening a heading, before no given name or before an occasion
    ("Für Kinder ab 3 Jahren", "de"), ("For Her, For Him", "en"), ("Pour Noël, offrez un bon cadeau", "fr"),
    ("Voor Thuis, Op Kantoor", "nl"), ("— Nieuw, Sale", "nl"), ("- Paris, London, Berlin", "en"), ("Réponse à tous", "fr"),
    ("Bal de la Saint-Valentin", "fr"),  # a ball, which the name list knows as a given name (review 19)
    ("Reply to All", "en"), ("Engraving: Free", "en"), ("Gravure : Oui", "fr"), ("Nos villes préférées, Paris et Lyon", "fr"),
    ("Onze winkels in het noorden, Emmen en Assen", "nl"), ("Message de Noël du maire", "fr"), ("Card from Paris", "en"), ("Parfums pour Madame", "fr"), ("Cadeaus voor Mevrouw en Meneer", "nl"),
    # a label that names a role before no one, or before an offer
    ("Passenger: Adult", "en"), ("Student: Welcome Pack", "en"), ("Reiziger: 2 volwassenen", "nl"),
    ("Verkoper: Bol", "nl"), ("Seller: Top Rated", "en"), ("Enrolled: 24 Pupils", "en"), ("Inscrit : Oui", "fr"),
    ("Schoudertas Ayla, cognac leer", "nl"),
    # a booking for no one, or for an occasion that is a given name
    ("Reserved for Members", "en"), ("Table for Two", "en"), ("Tisch reserviert für Silvester", "de"),
    ("Réservation pour Noël", "fr"), ("Ordered for Christmas", "en"), ("Bought for Mum", "en"),
    ("Welcome, Guest!", "en"), ("Bonjour, Paris !", "fr"), ("Welkom, Bezoeker", "nl"),
    ("Thanks, Everyone!", "en"), ("Hi, VIP!", "en"), ("Hallo, Wochenende!", "de"), ("Welcome, Bakery Lovers!", "en"),
    # a catalogue's line that ends with the work's format or shelf mark, whatever its title; a library's record
    ("Eline Vere – Louis Couperus (paperback)", "nl"), ("Oliver Twist – Charles Dickens · Signatur EN DIC", "de"),
    ("Emma – Jane Austen, paperback", "en"), ("Le Petit Prince / Antoine de Saint-Exupéry. – Paris : Gallimard, 1999", "fr"),
    # who a performance, an exhibition or a book credits, after the credit's label
    ("Solist: Johanna Brouwer, cello", "nl"), ("Direction musicale : Mathieu Lambert", "fr"),
    ("Tentoonstelling: Marlene Dumas – schilderijen", "nl"), ("Illustrations : Claire Dubois", "fr"),
    ("Übersetzung: Annette Vogel", "de"), ("Piano: Emily Carter", "en"),
    # a credit's list of names, stage and cast labels, a German compound label, a cast list's dot leaders
    ("Mit: Anna Becker, Jonas Weber und Lea Hoffmann", "de"), ("Bezetting: Sanne Jansen, Emma de Vries", "nl"),
    ("Decor: Jan Vermeulen · Kostuums: Sanne de Wit", "nl"), ("Sonderausstellung: Käthe Kollwitz", "de"),
    ("Lesung: Anna Becker liest aus ihrem Roman", "de"), ("Domaine : Julien Moreau, Beaujolais", "fr"),
    ("Ophelia ........ Emma Carter", "en"),
    # bouquets, beers, scents and ceramics named after people or their makers; signings; a rose's variety
    ("Boeket Lotte met pioenrozen, € 39", "nl"), ("Rouwboeket Anna, wit", "nl"), ("Bière brune Louise Lambert, 75 cl", "fr"),
    ("Eau de parfum Carolina Herrera, 80 ml", "fr"), ("Keramiek van Sanne de Wit, handgemaakt", "nl"),
    ("Signeersessie met Emma Verhoeven", "nl"), ("Rencontre-dédicace avec Julien Moreau", "fr"),
    ("Hybrid tea Elizabeth Taylor rose, bare root", "en"),
    # a work's maker credited by what they did or after the work's label and title
    ("Pluk van de Petteflet, geïllustreerd door Fiep Westendorp", "nl"), ("Les Parapluies de Cherbourg, réal. Jacques Demy", "fr"),
    ("Amélie, dir. Jean-Pierre Jeunet, 2001", "en"), ("Film: Soof van Lies Visschedijk", "nl"),
    ("Book: Small Things Like These by Claire Keegan", "en"),
    ("Our pick | The Secret History by Donna Tartt", "en"), ("Now in paperback: A Little Life by Hanya Yanagihara", "en"),
    # a work's author before its illustrator's or its translator's credit
    ("Room on the Broom, Julia Donaldson, illustrated by Axel Scheffler", "en"),
    ("Jip en Janneke, Annie M.G. Schmidt, geïllustreerd door Fiep Westendorp", "nl"),
    # a news site's byline or photo credit beside its news agency
    ("Foto: ANP / Remko de Waal", "nl"), ("Par Claire Dubois, avec AFP", "fr"), ("Photo: AFP / Emmanuel Dunand", "en"),
    ("Von Anna Becker, mit dpa", "de"),
    # a variety's or a beer's name in single quotes after its kind
    ("Clematis 'Hagley Hybrid' en 'Nelly Moser'", "nl"), ("Rose 'Graham Thomas', climber", "en"),
    ("Seed potatoes 'Charlotte' and 'King Edward', 2 kg", "en"), ("Stout ‘Tante Mien’, 33 cl", "nl"),
    ("Voorlezen: Nijntje, Meneer Konijn, Rupsje Nooitgenoeg", "nl"), ("Klassiker: Frau Holle, Rotkäppchen", "de"),
    ("Voor je lieve Mama", "nl"), ("De la part de toute l'équipe", "fr"), ("Namens het Team", "nl"), ("On behalf of Amsterdam Museum", "en"),
    ("Collected by Courier", "en"), ("Received by Post", "en"), ("Retiré par le client", "fr"),
    # "in the name of" before no one
    ("Au nom de Dieu", "fr"), ("In the name of Love", "en"), ("Au nom de la Rose", "fr"), ("In the Name of the Father", "en"),
    # toys and lights named after people, a description after them
    ("Knuffel Johanna met muziekdoosje", "nl"), ("Poupée Louise et son landau", "fr"),
    # brands shaped like a name (rules/pii.yaml brands), alone on a product card or beside its line's words
    ("Calvin Klein", "nl"), ("Kate Spade", "en"), ("Tommy Hilfiger", "fr"), ("Ted Baker", "en"), ("Hugo Boss", "de"),
    ("Marc O'Polo", "nl"), ("Meer van Marc O’Polo", "nl"), ("Jean-Paul Gaultier Le Male", "fr"),
    ("Calvin Klein jeans terugsturen", "nl"), ("Albert Heijn Excellent", "nl"),
    # the greetings and thanks of the visitors' other languages before a place, a group, a lower-case word or a title
    # that is no one (review 20 F9)
    ("Ciao Italia, ecco le novità", "en"), ("Gracias por su compra", "en"), ("Obrigado pela visita", "en"),
    ("Hola, Mundo!", "en"), ("Benvenuto, Ospite!", "en"), ("Caro Diario", "en"), ("Olá, Cliente!", "en"),
    ("Bienvenidos a Madrid", "en"), ("Hair Care Olivia shampoo 250 ml", "en"), ("Lip Salve Rosa", "en"),
    ("Feather Boa Rosa", "en"), ("Pet Care Max brush", "en"),
    # Portuguese saints and the places named after them, and a season a heading greets (review 21 O1: read as people)
    ("Capela de Santo Amaro", "pt"), ("Hello Summer, hello savings", "en"),
    ("Olá Primavera: novidades", "pt"),
    # a Vietnamese restaurant's dishes on its menu (review 21 O2: "Bò", "Mì" folded are the given names "Bo", "Mi")
    ("Mì Xào Giòn – 14,00 €", "nl"), ("Lẩu Mắm", "nl"), ("Chè Bưởi", "nl"), ("Gà Nướng Sả", "nl"), ("Bò Bía Chay", "nl"),
]
NAME_SHOWN_BACK = [
    # a name beside a brand (rules/pii.yaml brands)
    ("Hugo Boss jas voor Noor Visser", "nl", "Noor Visser"), ("Welkom terug, Sanne Jansen! Nieuw van Ted Baker", "nl", "Sanne Jansen"),
    # an age or a count after a name is no product's measure
    ("Inschrijving: Wannes Peeters, 7 jaar", "nl", "Wannes Peeters"), ("Sanne Jansen, 2 stuks", "nl", "Sanne Jansen"),
    # a person's surname that closes streets' names too, and a street after the person
    ("Bedankt voor je bestelling, De Vries Sanne", "nl", "De Vries Sanne"),
    ("Compte de Noé", "fr", "Noé"), ("Espace client de Noël Lambert", "fr", "Noël Lambert"),
    # thanks and congratulations before a given name
    ("Vielen Dank, Jonas! Bis bald", "de", "Jonas"), ("Merci beaucoup Léa pour ta commande", "fr", "Léa"),
    ("Congratulations Poppy on your graduation", "en", "Poppy"), ("Dankjewel Fenna, tot snel", "nl", "Fenna"),
    # who a dedication or a card is for, opening the text, a label's text or a quote
    ("Opdracht: Voor Lotte, van papa", "nl", "Lotte"), ("« Pour Bérénice, en souvenir de Rome »", "fr", "Bérénice"),
    ("To Imogen Price, with love", "en", "Imogen Price"),
    # a ticket's or a booking's label for who it is for, names no list knows included
    ("Passenger: Chukwuemeka Obi", "en", "Chukwuemeka Obi"), ("Voyageuse : Maïwenn Le Gall", "fr", "Maïwenn Le Gall"),
    # letters beyond Latin-1 in a name
    ("Liebe Ayşe, alles Gute!", "de", "Ayşe"), ("Groetjes, Małgorzata", "nl", "Małgorzata"),
    ("Hi Łucja, welcome back", "en", "Łucja"),
    # a surname that folds to a compound's ending ("-tas", a bag) but has a letter no such compound has
    ("Passenger: Ayşe Kartaş", "en", "Ayşe Kartaş"), ("Reiziger: Mehmet Yurtdaş", "nl", "Mehmet Yurtdaş"),
    # the parties of a marketplace's ad or a tenancy, the child an enrolment names, one given name or names no list knows
    ("Verkoper: Ilias · lid sinds 2019", "nl", "Ilias"), ("Verkäuferin: Magdalena (antwortet meist schnell)", "de", "Magdalena"),
    ("Locataire : Soufiane", "fr", "Soufiane"), ("Ingeschreven kind: Lotte (5 jaar)", "nl", "Lotte"),
    ("Enrolled: Chidi Okafor, Reception", "en", "Chidi Okafor"), ("Inscrite : Maëlys", "fr", "Maëlys"),
    # who a booking or an appointment is for
    ("Tafel gereserveerd voor Jorrit, 4 personen", "nl", "Jorrit"), ("Rendez-vous confirmé pour Inès mardi", "fr", "Inès"),
    ("Your appointment is booked for Amara at 9:15", "en", "Amara"), ("Ordered for Amara, gift wrapped", "en", "Amara"),
    ("Besteld voor Fenna", "nl", "Fenna"),
    # whose name a booking is in, after a title or not
    ("Reserviert auf den Namen Frau Kowalczyk", "de", "Kowalczyk"), ("Op naam van mevrouw Claes", "nl", "Claes"),
    ("Booked under the name of Oluwaseun Adebayo", "en", "Oluwaseun Adebayo"),
    # the second of two people named together, known to no list or not
    ("Liefs, Sanne en Bram de Vries", "nl", "Bram de Vries"), ("Merci Julie et Marc pour votre commande", "fr", "Marc"),
    ("Congratulations Tamsin and Kwabena on your new home!", "en", "Kwabena"),
    ("Deliver to: Nathan Lane", "en", "Nathan Lane"), ("Ma fille Lotta a adoré la poupée", "fr", "Lotta"), ("Livraison chez Claire Lambert, rue des Lilas", "fr", "Claire Lambert"),
    ("Bonjour Camille", "fr", "Camille"), ("Welkom terug, Sanne de Vries", "nl", "Sanne de Vries"),
    ("Hello Pieter", "en", "Pieter"), ("Welkom, Fleur", "nl", "Fleur"), ("Hi Emma, your order is on its way", "en", "Emma"),
    ("Merci Chloé, votre commande est confirmée", "fr", "Chloé"), ("Photo de Camille Martin", "fr", "Camille Martin"),
    ("Profielfoto van Daan Visser", "nl", "Daan Visser"), ("Demandez Margaux Fontaine à l'accueil", "fr", "Margaux Fontaine"),
    ("Ingelogd als Lotte Janssens", "nl", "Lotte Janssens"), ("Graag afgeven bij Mieke Hofstra", "nl", "Mieke Hofstra"),
    ("Merci de laisser le colis chez Claire Lambert", "fr", "Claire Lambert"),
    # a note's first word is capitalised too: the name after it is still a person (fail closed)
    ("Voor Sanne Jansen", "nl", "Sanne Jansen"), ("Groeten Mieke de Vries", "nl", "Mieke de Vries"),
    ("Groetjes Mieke", "nl", "Mieke"), ("Namens Bram Verhoeven", "nl", "Bram Verhoeven"),
    ("Cordialement Camille Martin", "fr", "Camille Martin"), ("Für Lena Schmidt", "en", "Lena Schmidt"),
    ("Colis pour Dupont Camille, merci", "fr", "Dupont Camille"), ("Emily King", "en", "Emily King"),
    # surnames that are also trade or place words, and words after a name that only look like company forms
    ("Thomas Winkel", "nl", "Thomas Winkel"), ("Kees van der Haven", "nl", "Kees van der Haven"),
    ("Marie Dupont, sa fille a commandé", "fr", "Marie Dupont"), ("Noor Bakker", "nl", "Noor Bakker"),
    ("Groeten,\nSanne Jansen\nBakkerij De Molen", "nl", "Sanne Jansen"),  # a signature: her name, then her shop
    ("Bakkerij De Molen\nSanne Jansen", "nl", "Sanne Jansen"),
    ("Restaurant reservation: Sanne Jansen", "en", "Sanne Jansen"), ("Sanne Jansen (Hotel Okura)", "en", "Sanne Jansen"),
    # a sentence after a capitalised word and the name; labels before a name; greetings of two words
    ("Vraag Sanne Jansen om de sleutel", "nl", "Sanne Jansen"), ("Frag Anna Schmidt nach dem Schlüssel", "de", "Anna Schmidt"),
    ("Contact Sanne Jansen", "nl", "Sanne Jansen"), ("Klant Noor Visser", "nl", "Noor Visser"),
    ("Guten Tag Jonas Weber", "de", "Jonas Weber"), ("Good afternoon Ella", "en", "Ella"), ("Willkommen zurück, Lea", "de", "Lea"),
    # stop words that are common names stay names; product words that are surnames are not product words
    ("Hi Dan, your parcel is here", "en", "Dan"), ("Kees van der Bank", "nl", "Kees van der Bank"),
    ("Herman Brood", "nl", "Herman Brood"),
    ("Welkom terug, Ruben Stout", "nl", "Ruben Stout"), ("Thank you, Grace Porter", "en", "Grace Porter"),
    # "Title – Name" without a work's format may be a visitor's page, article or not; a label keeps the name
    ("Bestellingen – Sanne de Vries", "nl", "Sanne de Vries"), ("De klant – Sanne Jansen (paperback)", "nl", "Sanne Jansen"),
    ("Les commandes – Julien Moreau", "fr", "Julien Moreau"), ("Die Bestellung – Tobias Krüger", "de", "Tobias Krüger"),
    ("The order – Jack Smith", "en", "Jack Smith"),
    ("Leerling: Sanne Jansen, viool", "nl", "Sanne Jansen"), ("Deelnemers: Sanne Jansen, Emma de Vries", "nl", "Emma de Vries"),
    ("Tot morgen... Emma Carter", "en", "Emma Carter"),
    ("Bestelling: cadeau van Sanne Jansen", "nl", "Sanne Jansen"), ("Sanne Jansen, vertaald door haar zus", "nl", "Sanne Jansen"), ("Sanne Jansen, Reuters-lezer", "nl", "Sanne Jansen"), ("The order by Jack Smith", "en", "Jack Smith"), ("Gesprek: vanavond met Sanne Jansen", "nl", "Sanne Jansen"),
    ("Gravure: 'Emma Visser'", "nl", "Emma Visser"), ("Voor 'Sanne Jansen'", "nl", "Sanne Jansen"), ("Pianoles met Sanne Jansen: dinsdag", "nl", "Sanne Jansen"),
    ("Sanne Jansen – Amsterdam", "nl", "Sanne Jansen"), ("Bestelling / Sanne Jansen", "nl", "Sanne Jansen"),
    ("Sanne Jansen – bestelling 12 (paperback), betaald", "nl", "Sanne Jansen"),
    ("A bientôt – Julien Moreau", "fr", "Julien Moreau"),  # a sign-off, "à" without its accent: not an article
    ("La bise – Julien Moreau", "fr", "Julien Moreau"), ("The best – Jack Smith", "en", "Jack Smith"),
    # a sentence about a person, a product word in it; a venue a person comes from
    ("Sanne Jansen heeft de tafel besteld", "nl", "Sanne Jansen"), ("Na school Sanne Jansen ophalen", "nl", "Sanne Jansen"),
    ("Hotel geboekt door Sanne Jansen", "nl", "Sanne Jansen"), ("Emma Visser's order", "en", "Emma Visser"),
    ("Graag bezorgen bij Sanne Jansen kamer 204", "nl", "Sanne Jansen"), ("Please ask for Emma Visser room 12", "en", "Emma Visser"),
    ("Emma Visser plant een boom", "nl", "Emma Visser"), ("Emma Visser watches the shop", "en", "Emma Visser"),
    ("Emma Visser per mail bereikbaar", "nl", "Emma Visser"), ("Sanne Jansen in de tuin", "nl", "Sanne Jansen"),
    # a visitor's note goes on past the product it names, or holds a number: not a product's title line
    ("Sanne Jansen tickets ophalen", "nl", "Sanne Jansen"), ("Emma Visser bank rekening", "nl", "Emma Visser"),
    ("Inès Benali collier argent commande 12", "fr", "Inès Benali"), ("Kees Jansen fish and chips bestelling", "nl", "Kees Jansen"),
    # a word that says a person follows, between a trade or room word and the name
    ("Zimmer für Lena Schmidt", "de", "Lena Schmidt"), ("Hotel voor Sanne Jansen geboekt", "nl", "Sanne Jansen"),
    # the visitor addressed at the end of a sentence, a relative or a neighbour, a review's author, a wish
    ("Fijn dat je er weer bent, Daan!", "nl", "Daan"), ("Ravis de vous revoir, Léa", "fr", "Léa"),
    # two people who close a card's sentence, its quote closed after them
    ("« Avec toutes nos amitiés, Chloé et Bastien »", "fr", "Chloé"), ("« Avec toutes nos amitiés, Chloé et Bastien »", "fr", "Bastien"),
    ("Met heel veel liefde, Mieke en Joost", "nl", "Mieke"), ("Met heel veel liefde, Mieke en Joost", "nl", "Joost"),
    ("Meine Kollegin Julia Hoffmann holt es ab", "de", "Julia Hoffmann"), ("Geef het aan mijn zus Lotte", "nl", "Lotte"),
    ("Reviewed by Megan, verified buyer", "en", "Megan"), ("Gefeliciteerd Noor!", "nl", "Noor"),
    ("Joyeux anniversaire Lucas", "fr", "Lucas"), ("Happy Birthday Ella, love Sam", "en", "Ella"),
    ("Happy Birthday Ella, love Sam", "en", "Sam"),
    # given names common in Flanders and Brittany that gender-guesser's list lacks (rules/pii.yaml)
    ("Klantenkaart van Jozefien Haesaerts", "nl", "Jozefien Haesaerts"), ("Welkom terug, Warre", "nl", "Warre"),
    ("Bestelling voor Seppe Vandamme", "nl", "Seppe Vandamme"), ("Bonjour Youenn Le Goff", "fr", "Youenn Le Goff"),
    # a full name after a greeting, or after "logged in as", known to no list
    ("Bonjour Hadewych Stroobants", "fr", "Hadewych Stroobants"), ("Dear Gommaar Wuyts, thank you", "en", "Gommaar Wuyts"),
    ("Ingelogd als Hadewych Stroobants", "nl", "Hadewych Stroobants"), ("Logged in as gwuyts84", "en", "gwuyts84"),
    ("Connecté en tant que Gommaar Wuyts", "fr", "Gommaar Wuyts"),
    # who placed the order, known to no list ("Besteld door …", "Order placed by …"), or one given name
    ("Besteld door Hadewych Stroobants op 3 maart", "nl", "Hadewych Stroobants"),
    ("Order placed by Gommaar Wuyts", "en", "Gommaar Wuyts"), ("Commande passée par Gommaar Wuyts", "fr", "Gommaar Wuyts"),
    ("Bestellt von Hadewych Stroobants", "de", "Hadewych Stroobants"), ("Besteld door Lotte", "nl", "Lotte"),
    # who collected or received it
    ("Opgehaald door Youssef op 12 mei", "nl", "Youssef"), ("Collected by Ahmed at 14:02", "en", "Ahmed"),
    ("Retiré par Mathis le 3 mars", "fr", "Mathis"), ("Parcel received by Grzegorz", "en", "Grzegorz"),
    ("Signed for by Aoife", "en", "Aoife"),
    # who a booking is by, its French participle no wine's "Réserve" (held-out set 15)
    ("Réservé par Maria da Conceição Gomes", "fr", "Maria da Conceição Gomes"),
    ("Réservée par Gommaar Wuyts", "fr", "Gommaar Wuyts"), ("Gereserveerd door Hadewych Stroobants", "nl", "Hadewych Stroobants"),
    # who a party is for, as a kids' party venue confirms it (held-out set 15)
    ("Kinderfeestje voor Elif (7 jaar) — 12 kinderen", "nl", "Elif"), ("Birthday party for Noah, 12 kids", "en", "Noah"),
    ("Fête pour Inès samedi", "fr", "Inès"), ("Kindergeburtstag für Lena", "de", "Lena"),
    # a service's word before "chez" and a title: the customer, not a firm's name ("ramonage" is no business word)
    ("Ramonage chez M. Collignon, mardi matin", "fr", "Collignon"),
    # the account's word between its holder and its number
    ("Kontoinhaber Tomasz Wiśniewski, IBAN DE21 5005 0201 0871 4423 65", "de", "Tomasz Wiśniewski"),
    ("Lotte Wuyts, rekening: BE71 0961 2345 6769", "nl", "Lotte Wuyts"),
    # relatives by marriage, step-family, grandchildren, godparents (rules/recognizers.yaml, relatives)
    ("Mijn schoonvader Jorrick komt het ophalen", "nl", "Jorrick"), ("Pour mon beau-frère Ysaël, avec nos amitiés", "fr", "Ysaël"),
    ("My mother-in-law Ysolde will collect it", "en", "Ysolde"),
    ("Meine Schwiegermutter Hiltrud Wendeborn holt es ab", "de", "Hiltrud Wendeborn"),
    ("Le cadeau est pour ma petite-fille Lowiese", "fr", "Lowiese"), ("Please hand it to my granddaughter Evie", "en", "Evie"),
    # a relative's word as the label of a line or an item, a colon after it (round 25's camp note)
    ("Papa: Dmytro, +380 67 482 19 36", "nl", "Dmytro"), ("Broer: Taras (12 jaar) gaat ook mee", "nl", "Taras"),
    ("Allergieën: geen, mama: Thu Hà, bereikbaar overdag", "nl", "Thu Hà"),
    # Flemish and Belgian French words for an uncle and grandparents, and Staf, a Flemish given name the list lacks (a
    # wedding list's guest book signed "— Tante Mieke en nonkel Staf Lievrouw": round 23)
    ("— Tante Mieke en nonkel Staf Lievrouw", "nl", "Staf Lievrouw"), ("Groetjes van bomma Jeanne", "nl", "Jeanne"),
    ("Pour bonne-maman Ghislaine, avec tendresse", "fr", "Ghislaine"),
    # farewells and Flemish greetings before a given name
    ("Au revoir Capucine, à bientôt !", "fr", "Capucine"), ("Tot ziens, Wietske", "nl", "Wietske"),
    ("Tschüss Ilka, bis bald", "de", "Ilka"), ("Goeiemorgen Wiebren, fijn dat je er bent", "nl", "Wiebren"),
    ("Bonne soirée Gaëlle", "fr", "Gaëlle"), ("Auf Wiedersehen Hiltrud", "de", "Hiltrud"), ("Doei Femke!", "nl", "Femke"),
    # a surname after a letter's salutation and a title, known to no list
    ("Sehr geehrte Frau Wojciechowska,", "de", "Wojciechowska"), ("Geachte heer Vandenbussche,", "nl", "Vandenbussche"),
    ("Geachte mevrouw van der Heijden-Smits", "nl", "van der Heijden-Smits"),
    ("Sehr geehrter Herr Dr. Oberhäuser, vielen Dank", "de", "Oberhäuser"),
    # and without a title (review 18 F6): Dutch's formal "Geachte", Flemish "Goeiedag", Luxembourgish "Moien"
    ("Geachte Wietske Vandenbussche,", "nl", "Wietske Vandenbussche"), ("Geachte Wiebren,", "nl", "Wiebren"),
    ("Goeiedag Hiltrud Wendeborn", "nl", "Hiltrud Wendeborn"), ("Moien Wietske Kromodikoro,", "de", "Wietske Kromodikoro"),
    ("Sehr geehrte Hiltrud Wendeborn,", "de", "Hiltrud Wendeborn"),
    # a title and a surname the page's sentence addresses
    ("Ihr Termin, Herr Wojciechowski, ist bestätigt", "de", "Wojciechowski"),
    ("Uw pakket, mevrouw Claes, is onderweg", "nl", "Claes"), ("Thank you for your order, Mrs Okonkwo!", "en", "Okonkwo"),
    # a title and a surname whom a parcel or a message is for
    ("Livraison pour Mme Vandenbroucke-Dubois", "fr", "Vandenbroucke-Dubois"),
    ("Pakket voor mevrouw Kromodikoro", "nl", "Kromodikoro"), ("Parcel for Mrs Okafor-Mensah", "en", "Okafor-Mensah"),
    ("Paket für Frau Wiśniewska", "de", "Wiśniewska"), ("Une réponse à Mme Lefèvre", "fr", "Lefèvre"),
    # a wish with the age in it
    ("Card text: Happy 30th Rhiannon", "en", "Rhiannon"), ("Happy 18th birthday Callum!", "en", "Callum"),
    ("Fijne 50ste verjaardag Gerolf", "nl", "Gerolf"), ("Joyeux 60e anniversaire Ghislaine", "fr", "Ghislaine"),
    ("Alles Gute zum 70. Geburtstag Waltraud", "de", "Waltraud"),
    # who a gift or a card is for
    ("Verjaardagskaart voor Lotte – 7 jaar", "nl", "Lotte"), ("Cadeau van Femke Huysmans voor Thijs", "nl", "Thijs"),
    ("Carte cadeau pour Anaëlle, de la part de son parrain", "fr", "Anaëlle"),
    ("Gift card for Oscar, from Grandma", "en", "Oscar"), ("Geschenkgutschein für Jonas", "de", "Jonas"),
    # surnames that end like a street's name, too short to be one
    ("Bezorgen bij Sanne Verweg", "nl", "Sanne Verweg"), ("Afhalen bij Kees Terlaan", "nl", "Kees Terlaan"),
    # a visitor's name as a breadcrumb's last step
    ("Home › Mijn account › Sanne Jansen", "nl", "Sanne Jansen"), ("Klant › Sanne Jansen", "nl", "Sanne Jansen"),
    # a name that is a weekday's abbreviation, on a line with a date but no opening hours
    ("Hi Mo, ma 12 mei kom ik langs", "nl", "Mo"), ("Hallo Mo Schneider, Mo–Fr erreichbar", "de", "Mo Schneider"),
    # sign-offs and wishes of a card ("Best wishes", "love from", "Happy Birthday"); a relative after a possessive
    ("Best wishes, Hamish", "en", "Hamish"), ("All the best, Jack", "en", "Jack"), ("Happy Birthday Poppy", "en", "Poppy"),
    ("Mein Opa Eberhard freut sich sicher darüber", "de", "Eberhard"),
    # a sign-off with who it is from
    ("Cadeaubericht: Gefeliciteerd Sven, liefs van Ilse", "nl", "Ilse"), ("Bisous de Hugo", "fr", "Hugo"),
    ("Viele Grüße von Malte", "de", "Malte"),
    # a review's or a testimonial's signature after a dash, and whom the shop's reply is to
    ("— Wietske, Drachten", "nl", "Wietske"), ("— Femke", "nl", "Femke"),
    ("Réponse du magasin à Ludivine : merci !", "fr", "Ludivine"), ("Reply from the shop to Priya", "en", "Priya"),
    ("Antwoord van de winkel aan Femke", "nl", "Femke"),
    # who a message, a card or condolences are from
    ("In memoriam — a message from Aoife and the family", "en", "Aoife"), ("Un petit mot d'Inès pour toi", "fr", "Inès"),
    ("Condoleance van Mieke en Joost Verbeek", "nl", "Mieke"), ("Nachricht von Jonas: bin gleich da", "de", "Jonas"),
    # one word no list knows that a greeting and its comma address, closed by a mark or a bracket
    ("Welcome, Kwabena (not you? Sign out)", "en", "Kwabena"), ("Thanks, Chidinma! We have your application.", "en", "Chidinma"),
    ("Hallo, Oluwadamilare.", "de", "Oluwadamilare"), ("Bedankt, Zhaksylyk, we bellen je terug", "nl", "Zhaksylyk"),
    # a title after that comma: the surname after it is the greeted person, the title closed by its '.' is not
    ("Welkom terug, Dhr. Quendt", "nl", "Quendt"), ("Welkom terug, Mevr. Peeters", "nl", "Peeters"),
    ("Welcome back, Dr. Quendt", "en", "Quendt"), ("Welkom terug, Dhr. Zorbalie Quendt", "nl", "Zorbalie Quendt"),
    # an endearment before a given name, after a wish too
    ("Fijne verjaardag lieve Sem!", "nl", "Sem"), ("Gefeliciteerd liefste Fenna", "nl", "Fenna"),
    ("Dearest Imogen, happy holidays", "en", "Imogen"),
    ("Review door Lieve Peeters", "nl", "Lieve Peeters"),  # a Flemish given name, not the endearment
    # who a gift or a card is from, sent in their name, and the second of two
    ("Pour papi Marcel, de la part de Inès et Adam", "fr", "Inès"), ("Pour papi Marcel, de la part de Inès et Adam", "fr", "Adam"),
    ("Fleurs de la part d'Éloïse", "fr", "Éloïse"), ("Bloemen voor oma, namens Daan", "nl", "Daan"),
    ("Sent on behalf of Priya", "en", "Priya"),
    # a card's sign-off with a possessive, ending the card
    ("Grußkarte: Alles Gute zum Geburtstag, Leni! Dein Malte", "de", "Malte"), ("Frohe Weihnachten! Eure Anna", "de", "Anna"),
    ("Gros câlins, ton Hugo.", "fr", "Hugo"),
    # whose account the page shows, names the model and the list do not know included
    ("Espace client de Fatou Diallo", "fr", "Fatou Diallo"), ("Account van Noor El Amrani", "nl", "Noor El Amrani"),
    ("Kundenkonto von Emine Kaya", "de", "Emine Kaya"),
    # a form's label for the whole name, on the summary a page shows back
    ("Full name: Adaeze Nwosu", "en", "Adaeze Nwosu"), ("Nom complet : Fatou Diallo", "fr", "Fatou Diallo"),
    ("Vor- und Nachname: Dariusz Lewandowski", "de", "Dariusz Lewandowski"),
    # the names a visitor has engraved, and the second of them
    ("Engraving: Daniel & Ngozi 01.05.2027", "en", "Daniel"), ("Engraving: Daniel & Ngozi 01.05.2027", "en", "Ngozi"),
    ("Gravure : Léa & Tom", "fr", "Léa"), ("Gravur: Lena und Paul", "de", "Lena"), ("Gravering: Sanne", "nl", "Sanne"),
    # French's "welcome back", before a name no list knows (round 21)
    ("Bon retour, Kwadwo ! Vos réponses ont été conservées.", "fr", "Kwadwo"),
    # a couple's surname after a greeting and two titles, joined by a word, a '&' or a comma (review 19 F4), and a
    # household's after a greeting and the household's word, before or after it
    ("Dear Mr and Mrs Wijnandts,", "en", "Wijnandts"), ("Hello Dr. & Mrs. Achterberg", "en", "Achterberg"),
    ("Bonjour M. et Mme Lecomte-Wauters", "fr", "Lecomte-Wauters"), ("Madame, Monsieur Delvigne,", "fr", "Delvigne"),
    ("Sehr geehrter Herr und Frau Oberhäuser", "de", "Oberhäuser"), ("Dear Okonkwo family,", "en", "Okonkwo"),
    ("Chère famille Vandevelde, merci", "fr", "Vandevelde"), ("Welkom familie Achterberg", "nl", "Achterberg"),
    ("Hallo fam. Wijnandts", "nl", "Wijnandts"), ("Bonjour famille Van den Broucke", "fr", "Van den Broucke"),
    # a given name that, accents folded, is a Luxembourgish possessive's ("Mäi Konto" is a menu)
    ("Bestellung für Mai Nguyen", "de", "Mai Nguyen"), ("Mai Nguyen", "en", "Mai Nguyen"),
    # a street's first word in some languages, a given name in others
    ("Calle Andersson", "en", "Calle Andersson"), ("Reply from Ronda Whitfield", "en", "Ronda Whitfield"),
    # after the greetings, thanks, salutations and titles of the visitors' other languages (review 20 F9: Italian,
    # Spanish, Portuguese, Hungarian, Greek and Russian ones left the name in the page's text), and a household after
    # an article ("Bonjour la famille …")
    ("Ciao Ludovica, bentornata!", "en", "Ludovica"), ("Grazie Ottavio! Ordine confermato.", "en", "Ottavio"),
    ("¡Gracias, Itziar! Pedido confirmado.", "en", "Itziar"), ("Obrigada, Leonor! Encomenda confirmada.", "en", "Leonor"),
    ("Estimado Sr. Goikoetxea:", "en", "Goikoetxea"), ("Prezada Sra. Magalhães, obrigado", "en", "Magalhães"),
    ("Kedves Nagyné Tóth Eszter!", "en", "Nagyné Tóth Eszter"), ("Γεια σου Κώστα!", "en", "Κώστα"),
    ("Здравствуйте, Тарас!", "en", "Тарас"), ("Ciao famiglia Brambilla!", "en", "Brambilla"),
    ("Bonjour la famille Wauthier !", "fr", "Wauthier"),
    # an Italian's given name that is a saint's word too, before no saint's sound; a season's word that is a surname
    # after a title (review 21 O1)
    ("Bom dia Santo Rossi", "it", "Santo Rossi"), ("Hallo Frau Sommer", "de", "Sommer"),
    # the given names a Vietnamese dish's first word is, its marks folded (review 21 O2)
    ("Bestelling voor Bo Lindgren", "nl", "Bo Lindgren"), ("Mi Nguyen", "en", "Mi Nguyen"),
    # German's capitalised noun for a trade or a place after its article, then a verb: no shop's name opens there
    # (held-out round 39)
    ("Nach der Kita holt Nana Japaridze sie ab.", "de", "Nana Japaridze"),
    ("Nach der Apotheke holt Nana Japaridze sie ab.", "de", "Nana Japaridze"),
    ("Vom Bahnhof holt Nana Japaridze uns ab.", "de", "Nana Japaridze"),
]


@pytest.mark.parametrize("text,language", SITE_TEXT)
def test_the_sites_own_shop_product_and_place_names_are_not_persons(detector, patterns_only, text, language):
    for engine in (detector, patterns_only):
        assert not {e for _, e in found(engine, text, language) if e == "PERSON"}


@pytest.mark.parametrize("text,language,name", NAME_SHOWN_BACK)
def test_a_visitors_name_shown_back_is_still_a_person(detector, text, language, name):
    [spans] = detector.analyze([text], language, SETTINGS)
    start = text.index(name)
    assert any(s.entity == "PERSON" and s.start <= start and start + len(name) <= s.end for s in spans), \
        f"the name in a {language} text is not masked whole"


#: a name written surname first, as an admin's list or a class register of the languages whose habit it is writes it
#: (review 22 F3)
SURNAME_WRITTEN_FIRST = [("Wiśniewski Tomasz", "nl"), ("Dumitrescu Elena", "nl"), ("Nowakowska Julia", "fr"),
                         ("Jovanović Ana", "en")]


@pytest.mark.parametrize("text,language", SURNAME_WRITTEN_FIRST)
def test_a_surname_written_first_is_part_of_the_name(detector, patterns_only, text, language):
    """Review 22 F3: "Kowalski Jan" was a heading's word before a given name, the surname stored. A capitalised word
    with the ending of a surname of those languages (rules/pii.yaml surname_first_endings) before a given name that
    ends the run is its surname; a heading's word of the site languages before a given name stays a heading's."""
    for engine in (detector, patterns_only):
        assert (text, "PERSON") in found(engine, text, language)
    assert not is_a_person("Bakker Bart", 0, len("Bakker Bart"))


#: a full name all in capitals, as a card, a ticket or an engraving preview prints it (review 27 F12), and headings in
#: capitals that hold a given name or a surname's shape and name no one
NAMES_IN_CAPITALS = [("ÉLODIE MARCHAND", "fr", "ÉLODIE MARCHAND"), ("Passagier: SANNE WOUTERS", "nl", "SANNE WOUTERS"),
                     ("PIET DE GRAAF", "nl", "PIET DE GRAAF"), ("MARCHAND ÉLODIE", "fr", "MARCHAND ÉLODIE"),
                     ("Titulaire de la carte : KERIM ÖZTÜRK", "fr", "KERIM ÖZTÜRK"),
                     ("2   NOOR VISSER   NLD", "nl", "NOOR VISSER")]
HEADINGS_IN_CAPITALS = [("NOS HORAIRES", "fr"), ("ROSE GOLD", "en"), ("MARIE CURIE SCHOOL", "en"), ("SUMMER SALE", "en"),
                        ("JOYEUX NOËL", "fr"), ("MAX POWER", "en"), ("NIEUWE COLLECTIE", "nl"), ("RUE VICTOR HUGO", "fr"),
                        ("LIVRAISON GRATUITE", "fr"), ("BLACK FRIDAY", "en"), ("LINDHOLM, MAJA   SWE", "en")]


def test_a_full_name_in_capitals_is_a_person(detector, patterns_only):
    """Review 27 F12: "LÉA DUBOIS" was stored where "Léa Dubois" was masked: the model reads no name in capitals and
    no shape rule read a given name in a run of capitals. A common given name and surname words in capitals are a
    person (names.full_name_in_capitals); a heading in capitals stays readable."""
    _persons_found_whole(detector, patterns_only, NAMES_IN_CAPITALS)
    _no_person_found(detector, patterns_only, HEADINGS_IN_CAPITALS)


#: a name of four words, a double given name and two surnames, and one with Portuguese "do" (review 27 F1); the words
#: before "van"/"de" and the given name are what its owner sends, not part of the name
FOUR_WORD_NAMES = [("Cliente: Rosa Isabel Navarro Fuentes", "fr", "Rosa Isabel Navarro Fuentes"),
                   ("Juan Carlos Ortega Ruiz", "en", "Juan Carlos Ortega Ruiz"),
                   ("Bestelling van Anne Sophie Lambert Petit", "nl", "Anne Sophie Lambert Petit"),
                   ("Pedido de Maria do Rosário Almeida Costa", "fr", "Maria do Rosário Almeida Costa")]
FOUR_WORD_TITLES = [("Emma Louise Summer Dress", "en"), ("Peter Paul Rubens Museum", "nl"),
                    ("Harry Potter et la Chambre des secrets", "fr"), ("Jean Paul Gaultier Parfum", "fr")]


def test_a_double_given_name_and_two_surnames_is_a_person(detector, patterns_only):
    """Review 27 F1: "Ana María López Pérez" was stored: a run of more than three capitalised words was a title or a
    product line. Two given names opening four words say a person (names._two_given_names_two_surnames); a title or a
    product line with one given name, or a trade or product word, stays readable."""
    _persons_found_whole(detector, patterns_only, FOUR_WORD_NAMES)
    _no_person_found(detector, patterns_only, FOUR_WORD_TITLES[:2] + FOUR_WORD_TITLES[3:])
    assert "Chambre des secrets" not in {text for text, _ in found(patterns_only, *FOUR_WORD_TITLES[2])}


#: a product's title: its kind, the given name a shop calls the model, and its colour, material or finish (review 22 O1)
PRODUCT_FINISHES = [("Kapstok Oscar antraciet", "Kapstok Oscar"), ("Kruk Felix zwart", "Kruk Felix"),
                    ("Applique Jules laiton", "Applique Jules"), ("Stool Oscar black.", "Stool Oscar"),
                    ("Rok Lotte zwart", "Rok Lotte"), ("Vase Margot bleue, 30 cm", "Vase Margot")]


@pytest.mark.parametrize("title,run", PRODUCT_FINISHES)
def test_a_products_title_with_a_given_name_and_its_colour_is_no_person(detector, patterns_only, title, run):
    """Review 22 O1: "Lamp Victor zwart" was masked: a heading's capitalised word before a given name says a title,
    but a lower-case word after the run said a sentence going on. A colour, a material or a finish that ends the line
    is a product's title still. Its run, whichever recognizer reads it, is no person (a sentence going on past the
    colour still is: below)."""
    assert not is_a_person(title, 0, len(run))
    for engine in (detector, patterns_only):
        assert not {e for _, e in found(engine, title, "nl") if e == "PERSON"}


def test_a_run_before_a_colour_and_a_sentence_going_on_is_still_a_person():
    assert is_a_person("Kruk Felix zwart geverfd door mijn buurman", 0, len("Kruk Felix"))
    assert is_a_person("Kapstok Oscar grijs en blauw", 0, len("Kapstok Oscar"))


#: an apron's or a scarf's title, its cloth after a comma, and a lake's or a pond's name: read as a surname then a given
#: name, or as a given name and a surname (review 28 O2)
PRODUCTS_AND_LAKES = [("Schort Liesbeth, gewassen linnen", "nl"), ("Écharpe Louise, laine mérinos", "fr"),
                      ("Scarf Evelyn, merino wool", "en"), ("Pique-nique au Lac de Robertville", "fr")]


@pytest.mark.parametrize("text,language", PRODUCTS_AND_LAKES)
def test_an_apron_or_a_scarf_named_like_a_person_and_a_lake_are_no_person(detector, patterns_only, text, language):
    for engine in (detector, patterns_only):
        assert not {e for _, e in found(engine, text, language) if e == "PERSON"}, text


def test_a_person_listed_surname_first_before_a_cloth_is_still_a_person(detector):
    assert ("Verhaegen Liesbeth", "PERSON") in found(detector, "Verhaegen Liesbeth, gewassen linnen", "nl")


#: a school or an institution named after a person with hyphens, as German writes it, and its town (review 30 O1)
INSTITUTIONS_NAMED_AFTER_PEOPLE = [("Marie-Curie-Gymnasium Düsseldorf, Klasse 7b", "de"),
                                   ("Albert-Schweitzer-Kolleg Köln", "de"), ("Geschwister-Scholl-Realschule Bonn", "de"),
                                   ("Sint-Jozef-Atheneum Brugge", "nl"), ("Anne-Frank-Schule Aachen, Elternabend", "de")]


@pytest.mark.parametrize("text,language", INSTITUTIONS_NAMED_AFTER_PEOPLE)
def test_a_school_named_after_a_person_with_hyphens_and_its_town_is_no_person(detector, text, language):
    """Review 30 O1: "Marie-Curie-Gymnasium Düsseldorf" was masked on a school's own page: the model read the
    compound and the town as a person, and no trade or venue word was in the run (only "Gymnasium" alone was). A
    hyphenated compound whose last part names an institution (rules/pii.yaml institution_endings) is the
    institution's name."""
    assert not {e for _, e in found(detector, text, language) if e == "PERSON"}, text


def test_a_person_with_a_hyphenated_given_name_beside_a_town_is_still_a_person(detector):
    assert ("Anne-Marie Peeters", "PERSON") in found(detector, "Anne-Marie Peeters, Brugge", "nl")


#: a practitioner's name and, after a comma, her specialty, on her practice's page (review 30 O2)
PRACTITIONERS_AND_SPECIALTIES = [
    ("Praxis Dr. med. Anna Schmitz, Fachärztin für Allgemeinmedizin", "de", "Anna Schmitz", "Fachärztin"),
    ("Dr. Jan Müller, Facharzt für Innere Medizin", "de", "Jan Müller", "Facharzt"),
    ("Dr. Lena Weber, Zahnärztin", "de", "Lena Weber", "Zahnärztin"),
    ("Dr Claire Dubois, Kinésithérapeute", "fr", "Claire Dubois", "Kinésithérapeute")]


@pytest.mark.parametrize("text,language,name,specialty", PRACTITIONERS_AND_SPECIALTIES)
def test_a_practitioners_specialty_after_her_name_is_no_second_person(detector, text, language, name, specialty):
    """Review 30 O2: "Fachärztin" after "Dr. med. Anna Schmitz," was masked: partner_after read a capitalised word
    after a name's comma as the next person of a list. A run of specialty words (rules/pii.yaml practitioner_words,
    practitioner_endings) names what she is; the name itself stays masked (fail closed), and a person listed after a
    role's word is still read ("…, Nurse Ratched")."""
    got = found(detector, text, language)
    assert (name, "PERSON") in got
    assert not any(specialty in value for value, entity in got if entity == "PERSON"), got


def test_a_person_after_a_name_and_a_comma_is_still_read_as_the_next_of_a_list(detector):
    got = found(detector, "Anna Schmitz, Nurse Ratched", "en")
    assert ("Nurse Ratched", "PERSON") in got or ("Ratched", "PERSON") in got


@pytest.mark.xfail(strict=True, reason="review 28 O1/O2: a dish 'of grandmother Maria' and a club 'of the friends of "
                   "Mariette' have the shape of a visitor naming a person ('het recept van oma Maria', 'les amis de "
                   "Mariette'): no word tells them apart, and fail closed comes first")
@pytest.mark.parametrize("text,language", [("Tiramisù della Nonna Lucia", "fr"), ("ASBL Les Amis de Josiane", "fr")])
def test_a_dish_of_a_grandmother_or_a_club_of_friends_of_someone_is_no_person(detector, text, language):
    assert not {e for _, e in found(detector, text, language) if e == "PERSON"}


#: a brand or a dish named after a person (review 22 O2): masked, left so
NAMED_AFTER_A_PERSON = [("Victor Lenaerts Speculoos", "nl"), ("Konijn met pruimen van Oma Maria", "nl")]


@pytest.mark.xfail(strict=True, reason="review 22 O2: a brand named after its founder before a product word (\"Jules "
                   "Destrooper Amandelbrood\") has the shape of a visitor's order note (\"Sanne Jansen Amandelbrood\"), "
                   "and a dish \"van Oma Jeanne\" the shape of a visitor's grandmother named: no word tells them apart, "
                   "and fail closed comes first (a brand the site sells can go into rules/pii.yaml brands)")
@pytest.mark.parametrize("text,language", NAMED_AFTER_A_PERSON)
def test_a_brand_or_a_dish_named_after_a_person_is_no_person(detector, text, language):
    assert not {e for _, e in found(detector, text, language) if e == "PERSON"}


#: a role a service's page gives a person, or a picture's caption, before the person's full name (review 22 F1)
ROLE_BEFORE_A_NAME = [
    ("Bezorger Jonas Wuyts", "nl", "Jonas Wuyts"), ("Vendeuse Margaux Lefèvre", "fr", "Margaux Lefèvre"),
    ("Gastvrouw Ilse Van Damme", "nl", "Ilse Van Damme"), ("Avatar Ruth Van Acker", "en", "Ruth Van Acker"),
    ("Contact Wout Van Hove", "nl", "Wout Van Hove"), ("Profielfoto Fien De Clercq", "nl", "Fien De Clercq"),
]


@pytest.mark.parametrize("text,language,name", ROLE_BEFORE_A_NAME)
def test_a_role_or_a_caption_before_a_full_name_opens_it(detector, patterns_only, text, language, name):
    """Review 22 F1: a capitalised word before the given name that opened no name ("Chauffeur", "Verkoper",
    "Profielfoto") made the line a heading, its name kept; and a Flemish capitalised particle made "Contact" and
    the name four capitalised words, too many for a name. The role is no part of the name: it stays readable."""
    for engine in (detector, patterns_only):
        got = found(engine, text, language)
        assert (name, "PERSON") in got, f"{engine.ner=}: {sorted(got)}"


def _persons_found_whole(detector, patterns_only, cases) -> None:
    """Each (text, language, name): the name is inside a PERSON span, with the model and with the patterns alone."""
    for text, language, name in cases:
        for engine in (detector, patterns_only):
            [spans] = engine.analyze([text], language, SETTINGS)
            start = text.index(name)
            assert any(s.entity == "PERSON" and s.start <= start and start + len(name) <= s.end for s in spans), text


def _no_person_found(detector, patterns_only, cases) -> None:
    """Each (text, language): no PERSON span, with the model or with the patterns alone."""
    for text, language in cases:
        for engine in (detector, patterns_only):
            assert not {e for _, e in found(engine, text, language) if e == "PERSON"}, text


def test_a_name_greeted_with_an_elided_particle_or_in_a_nordic_language_is_a_person(detector, patterns_only):
    """Review 21 F9: a greeted surname with a capital after its elided particle ("N'Diaye", "D'Haese", "O'Brien") failed
    the greeting rules' name word (a capital, then small letters or apostrophes only), and the Nordic greetings and
    thanks were in no list: the name stayed in the page's text. The patterns find it, whatever the model reads;
    French's article ("L'Atelier") and English's "tack" before no comma greet no one."""
    _persons_found_whole(detector, patterns_only, [
        ("Merci Mariama N'Dour !", "fr", "Mariama N'Dour"), ("Welkom D'Hondt", "nl", "D'Hondt"),
        ("Ciao D'Alessio, bentornato!", "en", "D'Alessio"),
        ("Dear O'Sullivan, welcome back", "en", "O'Sullivan"),
        ("Hej Karin Lindqvist!", "en", "Karin Lindqvist"), ("Kære Søren Mikkelsen", "en", "Søren Mikkelsen"),
        ("Takk, Ingrid!", "en", "Ingrid"), ("Kiitos, Pirkko-Liisa!", "en", "Pirkko-Liisa"),
        ("Tervetuloa Eeva Korhonen", "en", "Eeva Korhonen"), ("Hæ Guðrún Einarsdóttir!", "en", "Guðrún Einarsdóttir")
    ])
    _no_person_found(detector, patterns_only, [
        ("Bienvenue L'Atelier", "fr"), ("Tack Room Essentials", "en"), ("Merci D'avance", "fr")
    ])


def test_a_name_given_by_which_of_ones_names_it_is_is_a_person(detector, patterns_only):
    """A visitor giving one of her names by its word ("Mijn roepnaam is Sjefke", "mon prénom est Maëlys", "my last name
    is Okonkwo", "Mein Spitzname ist Sjefke") had it stored: only "my name is" and its kin were read (a call name no
    list knows, a surname). The words say a name follows, known or not (name_part_introductions)."""
    _persons_found_whole(detector, patterns_only, [
        ("Mijn roepnaam is Sjefke, graag zo aanspreken", "nl", "Sjefke"), ("Mon prénom est Maëlys", "fr", "Maëlys"),
        ("my last name is Okonkwo, not Okonkow", "en", "Okonkwo"), ("Mein Spitzname ist Sjefke", "de", "Sjefke"),
        ("Mon surnom c'est Titi", "fr", "Titi"), ("mijn achternaam is Vercruysse", "nl", "Vercruysse"),
    ])


def test_a_name_after_a_calls_greeting_and_the_words_saying_who_speaks_is_a_person(detector, patterns_only):
    """Round 44's probe: a message opened as a call is ("Salut, c'est Julie, ma fille arrive aussi", "Bonjour, ici
    Niloufar, j'arrive en mars", "Hi, it's Niloufar, my daughter…", "Hallo, met Sanne, ik kom in maart") had the name
    stored: only "je suis", "ik ben", "I am" and their kin were read. Right after a greeting those words say who speaks
    (call_greetings); "c'est" with no greeting before it, and "met" before a card, stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Salut, c'est Julie, ma fille arrive aussi.", "fr", "Julie"),
        ("Bonjour, ici Niloufar, j'arrive en mars.", "fr", "Niloufar"),
        ("Hi, it's Niloufar, my daughter arrives too.", "en", "Niloufar"),
        ("Hello, this is Charlotte, about the booking.", "en", "Charlotte"),
        ("Hallo, met Sanne, ik kom in maart.", "nl", "Sanne"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Bientôt c'est Noël, et les cadeaux arrivent.", "fr"), ("Hallo, met Visa betalen kan ook.", "nl"),
    ])


def test_a_maiden_birth_or_former_name_given_in_free_text_is_a_person(detector, patterns_only):
    """Review 35 F7: a visitor giving the name she was born with or went by before ("Mijn meisjesnaam is Claeys", "Mon
    nom de jeune fille est Lefebvre", "Mein Geburtsname ist Hoffmann", "Mijn vroegere naam was Sarah", "…, meisjesnaam
    Vercauteren") had it stored, typed in a remark and posted in a custom event: name_part_introductions held no word
    for it. A form's label before its words in lower case, and the word said of no one, stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Mijn meisjesnaam is Claeys", "nl", "Claeys"), ("Ik ben gehuwd, meisjesnaam Vercauteren", "nl", "Vercauteren"),
        ("Mon nom de jeune fille est Lefebvre", "fr", "Lefebvre"), ("Mein Geburtsname ist Hoffmann", "de", "Hoffmann"),
        ("Mijn vroegere naam was Sarah, nu heet ik Sam", "nl", "Sarah"), ("my maiden name was Okonkwo", "en", "Okonkwo"),
        ("Mme Dubois, nom de jeune fille Lefebvre", "fr", "Lefebvre"), ("Mon ancien nom était Vandamme", "fr", "Vandamme"),
        ("mijn meisjesnaam is claeys", "nl", "claeys"), ("Mein Mädchenname war Krüger", "de", "Krüger"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Meisjesnaam van de moeder (optioneel)", "nl"), ("Nom de jeune fille : facultatif", "fr"),
        ("Geburtsname (falls abweichend)", "de"), ("Uw meisjesnaam wordt niet gedeeld.", "nl"),
    ])


def test_a_name_greeted_or_introduced_in_turkish_polish_romanian_or_darija_is_a_person(detector, patterns_only):
    """Review 22 F6: the greetings and the words saying who one is of Turkish, Polish, Romanian and Darija written in
    Latin letters were in no list, and Portuguese's "Chamo-me", capitalised, was read as a heading's word before the
    name: the name stayed in the page's text. Dutch's "ben" before a word that is no name, and a Polish road, stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Selam, ben Elif", "nl", "Elif"), ("Merhaba Mustafa, hoş geldiniz", "en", "Mustafa"),
        ("Benim adım Zeynep", "nl", "Zeynep"), ("Dzień dobry, jestem Wiktoria", "nl", "Wiktoria"),
        ("Nazywam się Bartosz", "nl", "Bartosz"), ("Cześć Magdalena!", "en", "Magdalena"),
        ("Mă numesc Bogdan", "nl", "Bogdan"), ("Bună ziua Andreea", "fr", "Andreea"),
        ("Chamo-me Afonso", "nl", "Afonso"), ("Smiti Karim", "fr", "Karim"),
        ("Ahlan Karim, choukran", "fr", "Karim")
    ])
    _no_person_found(detector, patterns_only, [
        ("Waar ben je? Ik ben Belg", "nl"), ("Droga Ekspresowa S8", "en"), ("ben benieuwd", "nl")
    ])


def test_a_name_greeted_in_a_baltic_or_slavic_language_is_a_person(detector, patterns_only):
    """The greetings and titles of Latvian, Lithuanian, Estonian, Czech, Slovak, the South Slavic languages and
    Bulgarian were in no list: "Sveiki, Marta!" kept the name (though Latvian's March, "marta" is a given name), and
    "Dobrý den, paní Nováková" took the title for the name and kept the surname. The greeting alone greets no one."""
    _persons_found_whole(detector, patterns_only, [
        ("Sveiki, Marta!", "en", "Marta"), ("Laba diena, Rūta", "nl", "Rūta"), ("Ahoj Tereza", "fr", "Tereza"),
        ("Dobrý den, paní Nováková", "en", "Nováková"), ("Poštovani gospodine Horvat", "nl", "Horvat"),
        ("Hvala, Ivana!", "en", "Ivana"), ("Paldies, Jānis Bērziņš", "fr", "Jānis Bērziņš"),
        ("Здравейте, Мария", "en", "Мария")
    ])
    _no_person_found(detector, patterns_only, [
        ("Tere tulemast", "en"), ("Dobar dan", "nl"), ("Ahoj!", "fr"), ("Laipni lūdzam", "en")
    ])


def test_a_given_name_a_greeting_addresses_in_lower_case_is_a_person_in_any_text(detector, patterns_only):
    """Review 22 F2: a chat's transcript on the page greets in lower case ("hoi noor", "merci beaucoup, anouk !"), and
    the greeting rules read a capitalised name only: the name stayed in the page's text (typed, it was masked). Words a
    greeting greets that are no one, and a greeting's word in the middle of a sentence, stay."""
    _persons_found_whole(detector, patterns_only, [
        ("hoi noor", "nl", "noor"), ("goedemorgen jasper, alles goed?", "nl", "jasper"),
        ("Top, bedankt wout!", "nl", "wout"), ("salut margaux\nça va ?", "fr", "margaux"),
        ("merci beaucoup, anouk !", "fr", "anouk"), ("hey oliver how are you", "en", "oliver"),
        ("bonsoir claire,", "fr", "claire")
    ])
    _no_person_found(detector, patterns_only, [
        ("hoi allemaal", "nl"), ("hello world", "en"), ("hello kitty backpack", "en"),
        ("Pull pas cher marine", "fr"), ("Twee keer per dag max 2 tabletten", "nl"),
        ("bonjour à tous", "fr"), ("thanks for your order", "en"), ("de beste roos voor uw tuin", "nl"),
        ("Hola, mi pedido no llegó", "en"), ("Ciao, mia sorella arriva domani", "en")
    ])


def test_a_social_handle_beside_its_networks_word_is_a_persons_id(detector, patterns_only):
    """Review 22 F9: a handle after a network's name or a verb asking to follow ("volg me op @…", "insta: @…") was read
    in a URL's path only, and a profile's or a review's signature kept it in the page's text. A handle the words say is
    the shop's own ("volg ons op", "suivez-nous"), an e-mail address and an "@" with no network's word stay as they are.
    Right after a network's name a handle goes without its "@" as often ("insta lotte.vb_87", "skype : julien.moreau"):
    a dot, an underscore or a digit in it says a handle, not a word."""
    for text, language, handle in [("volg me op @wout_dc93", "nl", "@wout_dc93"), ("IG: @fien.verstraete", "nl", "@fien.verstraete"),
                                   ("mijn tiktok → @noor_bakes", "nl", "@noor_bakes"),
                                   ("Suis-moi sur insta : @maelle_lgf !", "fr", "@maelle_lgf"),
                                   ("follow me on twitch @kwabena_plays", "en", "@kwabena_plays"),
                                   # without its "@", right after the network's name
                                   ("suivez-moi sur insta lotte.vb_87", "fr", "lotte.vb_87"),
                                   ("mon skype : julien.moreau.1987", "fr", "julien.moreau.1987"),
                                   ("mijn snap is noor_bakes", "nl", "noor_bakes")]:
        for engine in (detector, patterns_only):
            assert (handle, "PERSON_ID") in found(engine, text, language), text
    for text, language in [("Volg ons op Instagram @zuiderzon_shop", "nl"), ("Suivez-nous sur Instagram @maison_lu", "fr"),
                           ("Follow us on TikTok: @zuiderzon", "en"), ("Vragen? Mail @ support", "nl"),
                           ("Prijs @ 4 stuks", "nl"), ("Suivez-nous sur insta maison_lu", "fr"),
                           ("Instagram stories en reels", "nl"), ("Facebook 2024: onze campagne", "nl")]:
        for engine in (detector, patterns_only):
            assert not {e for _, e in found(engine, text, language) if e == "PERSON_ID"}, text


def test_a_portuguese_saint_and_the_place_named_after_one_are_no_person_at_any_score(detector):
    """Review 21 O1: "São" was no saint's word (rules/pii.yaml saints), and the model's "São Paulo" (0.6) a person in the
    site's headings ("Voos para São Paulo" → "Voos para *** *****"); Catalan's "Sant" likewise."""
    for text in ["Voos para São Luís", "Procissão de São Bento", "Ruta per Sant Martí"]:
        [spans] = detector.spans_of([text], "en")
        assert not [text[s.start:s.end] for s in spans if s.entity == "PERSON"], text


def test_a_title_after_a_greeting_is_not_the_greeted_name(detector):
    """'Welkom terug, Dhr. Quendt': the title, closed by its '.', was taken for the one word a greeting and its comma
    address, masked, and the surname after it stored; the surname is the name, the title stays readable."""
    for text in ["Welkom terug, Dhr. Quendt", "Welcome back, Mr. Quendt!", "Goedemiddag, Mevr. Quendt"]:
        [spans] = detector.analyze([text], "nl", SETTINGS)
        assert [text[s.start:s.end] for s in spans if s.entity == "PERSON"] == ["Quendt"], text


def test_a_greeting_written_with_its_marks_is_no_part_of_the_name_the_model_reads(detector):
    """"Dragă Bogdan": the model read the greeting and the name as one person, and the greeting was not cut off as
    "Dear" is, since "Draga" without its breve is a given name too: masked with the name, it was masked wherever the
    session wrote it again ("Dragă client"). Written with its marks it is Romanian's greeting; "Draga" with a surname
    after it stays a name as the model reads it."""
    for text, names in [("Dragă Bogdan, mulțumim pentru comandă.", ["Bogdan"]),
                        ("Bună Ioana, comanda ta a fost expediată", ["Ioana"]),
                        ("Draga Petrović je stigla.", ["Draga Petrović"])]:
        [spans] = detector.analyze([text], "en", SETTINGS)
        assert [text[s.start:s.end] for s in spans if s.entity == "PERSON"] == names, text


def test_a_name_the_model_reads_past_a_sentence_s_mark_ends_at_it(detector):
    """Round 21: "Colis pour Perrine ! Vos réponses ont été conservées." (French writes a space before its '!'): the
    model read "Perrine ! Vos" as one person, and the session's taint then masked the page's every "Vos". A name goes
    on past no mark that ends a sentence; a given name no list knows before it stays a person on the model's word
    ("Happy 7th birthday Alfie! Love from Grandma Ruth": not "Love")."""
    for text, language, names in [("Colis pour Perrine ! Vos réponses ont été conservées.", "fr", ["Perrine"]),
                                  ("Gift message: Happy 7th birthday Alfie! Love from Grandma Ruth", "en",
                                   ["Alfie", "Grandma Ruth"])]:
        [spans] = detector.analyze([text], language, SETTINGS)
        assert [text[s.start:s.end] for s in spans if s.entity == "PERSON"] == names, text


def test_a_works_author_is_read_on_a_line_whose_start_is_in_view():
    """"Title – Author (format)" is judged on the whole line: a line whose start lies further back than a title
    (a long text, whatever it holds) keeps the name (fail closed), and costs no more than a short one."""
    from redactor.pii.names import is_a_works_author

    def judge(text: str, name: str) -> bool:
        start = text.rindex(name)
        return is_a_works_author(text, start, start + len(name))

    assert judge("Les Misérables – Victor Hugo (poche)", "Victor Hugo")
    assert judge("Nos classiques\nL'Étranger – Albert Camus (Folio)", "Albert Camus")
    assert not judge("Les Misérables " + "et puis encore " * 10 + "– Victor Hugo (poche)", "Victor Hugo")
    assert not judge("Les Misérables – Victor Hugo", "Victor Hugo")  # no format: "Les commandes – Julien Moreau"
    assert not judge("Les Misérables – Victor Hugo vous remercie", "Victor Hugo")  # a sentence goes on
    assert not judge("Bestellingen – Sanne de Vries (paperback)", "Sanne de Vries")  # no article
    assert judge("Eline Vere – Louis Couperus (paperback)", "Eline Vere")  # a title named after a person, and
    assert judge("Eline Vere – Louis Couperus (paperback)", "Louis Couperus")  # its author
    assert judge("Oliver Twist – Charles Dickens · Signatur EN DIC", "Charles Dickens")  # a library's shelf mark
    assert judge("Le Petit Prince / Antoine de Saint-Exupéry. – Paris : Gallimard", "Antoine de Saint-Exupéry")
    assert not judge("Sanne Jansen – Amsterdam", "Sanne Jansen")  # no format
    assert not judge("Bestelling / Sanne Jansen", "Sanne Jansen")  # no record's publication area
    assert not judge("Nos classiques et nos nouveautés " * 3 + "Eline Vere – Louis Couperus (paperback)",
                     "Eline Vere")  # the line's start out of view: fail closed


def test_a_name_on_a_long_line_costs_what_it_does_on_a_short_one():
    """is_a_person reads the end of the line before a name (its last word, its last character), not
    the whole text before it: a page text of 4 MB with a name at its end is judged as fast as a
    short one (it copied the 4 MB before every name it judged; thousands of names made it quadratic)."""
    from redactor.pii.names import is_a_person

    copied: list[int] = []

    class Watched(str):  # what is_a_person copies of the text (it copied the 4 MB before the name)
        def __getitem__(self, key):
            piece = super().__getitem__(key)
            copied.append(len(piece))
            return piece

    text = Watched("een lange regel tekst " * 200_000 + "Sanne Jansen")
    start = len(text) - len("Sanne Jansen")
    assert is_a_person(text, start, len(text))
    assert copied and max(copied) <= 200, max(copied)
    # the window keeps the rules: a heading's capitalised word before the name, a blank stretch that
    # does not reach the line's start (fail closed: read as a sentence)
    def judge(text: str, name: str) -> bool:
        return is_a_person(text, text.index(name), text.index(name) + len(name))

    assert not judge("x " * 100 + "\nStadtbibliothek Theodor Fontane", "Theodor Fontane")
    assert not judge("x " * 100 + "\nMühle Hermann Lüttjohann", "Hermann Lüttjohann")
    assert judge("Mühle" + " " * 100 + "Hermann Lüttjohann", "Hermann Lüttjohann")


def test_a_title_opening_with_an_article_is_no_person():
    """A run the model reads as a name (a given name inside: "Rail" is one) that opens with an article no surname
    opens is a work's or a game's title; "De", "La", "Le" open surnames, and a family signs "Les Martin"."""
    from redactor.pii.names import is_a_person

    def judge(text: str, name: str) -> bool:
        return is_a_person(text, text.index(name), text.index(name) + len(name))

    assert not judge("Nouveau jeu de société Les Chevaliers du Rail, édition famille", "Les Chevaliers du Rail")
    assert not judge("Wir empfehlen Das Geheimnis von Lotta Lindgren", "Das Geheimnis von Lotta Lindgren")
    assert judge("Bisous, Les Martin", "Les Martin")
    assert judge("Bedankt voor je bestelling, De Vries Sanne", "De Vries Sanne")
    assert judge("Merci, La Fontaine Camille", "La Fontaine Camille")


def test_the_second_of_two_people_named_together():
    """After a person's name, "and" and capitalised words are the second person, a name no list knows included; not a
    group, a greeting's word, a trade's or a product's word, a function word."""
    from redactor.pii.names import partner_after

    def partner(text: str, first: str) -> str | None:
        found = partner_after(text, text.index(first) + len(first))
        return text[found[0]:found[1]] if found else None

    assert partner("Congratulations Tamsin and Kwame on your new home!", "Tamsin") == "Kwame"
    assert partner("Liebe Grüße, Anna und Jonas Brückner", "Anna") == "Jonas Brückner"
    assert partner("Hi Sanne and Team", "Sanne") is None
    assert partner("Dear Emma and Welcome", "Emma") is None
    assert partner("Hi Emma and Ivy Florist", "Emma") is None
    assert partner("Hi Emma and the team", "Emma") is None
    assert partner("Hi Emma and " + "A" * 20_000, "Emma") is None  # a word longer than a name's is none


def _quality_bench():
    """bench/quality.py, whose loader and scoring the hand-written set's figures come from."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "quality.py"
    spec = importlib.util.spec_from_file_location("quality_bench", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, path.parent.parent / "tests" / "data" / "pii_typed.tsv"


def test_quality_figures_on_the_hand_written_set():
    """The README's figures hold (the detector is deterministic, so a bound just above each figure fails
    on any regression): site text read as personal data, on the rows the word lists were tuned on (< 1%,
    the target) and on the held-out rows (written after the tuning; their rate is higher, see the README);
    recall on everything labelled, a visitor's names and structured values apart."""
    quality, data = _quality_bench()
    rows = quality.load(data)
    detections, _ = quality.presidio_detections(rows, ner=True)
    # the eighth and ninth held-out sets stay out of the bounds of the sets tuned on before them; the ninth is
    # never tuned on: its first run's figures bound it (a guard against regressions, not a target). The eighth
    # was tuned on after its single run (branch recall9: 3 false hits -> 0, 32 names -> 40): its figures since
    # bound it
    # The eleventh was tuned on after its single run (branch set11: 7 false hits -> 1, 41 names -> 49): its figures
    # since bound it
    # The twelfth likewise (branch set12: 6 false hits -> 1, 42 names -> 53), and the thirteenth (branch set13: 31
    # false hits -> 8, 47 names -> 55), and the fourteenth's classes (branch set14: 6 + 5 false hits -> 0 + 1, 20 names
    # -> 23, 26 contacts -> 27, 20 accounts and ids -> 21), and the fifteenth's (branch set15: 6 + 3 false hits -> 3 + 1,
    # 29 names -> 32, 16 accounts and ids -> 18), and the sixteenth's (branch set16: 4 + 4 false hits -> 0 + 2, 43 names
    # -> 50), and the seventeenth's (branch set17: 3 + 3 false hits -> 2 + 3, 49 names -> 53), and the eighteenth's
    # (branch set18: 3 + 2 false hits -> 1 + 2, 55 names -> 58, 26 addresses -> 27), and the nineteenth's (branch set19:
    # 5 + 2 false hits -> 2 + 2, 58 names -> 66), and the twentieth's (branch set20: 6 + 4 false hits -> 2 + 4, 62 names
    # -> 68, 35 contacts -> 36), and the twenty-first's (branch set21: 9 + 3 false hits -> 3 + 3, 63 names -> 68), and
    # the twenty-second's (branch set22: 6 + 3 false hits -> 1 + 2, 68 names -> 72), and the twenty-third's (branch
    # set23: 4 + 3 false hits -> 3 + 2, 73 names -> 75, 32 addresses -> 33), and the twenty-fourth's (branch set24: 1 +
    # 0 false hits -> 0 + 0, 79 names -> 81), and the twenty-fifth's (branch set25: 5 + 0 false hits -> 1 + 0, 86 names
    # -> 87), and the twenty-sixth's (branch set26: 6 + 2 false hits -> 2 + 0, 90 names -> 95), and the twenty-seventh's
    # (branch set27: 4 + 1 false hits -> 0 + 0, 96 names of 96 found before and after)
    set14 = {"name-heldout14", "contact-heldout14", "bank-id-heldout14", "address-heldout14", "site-text-heldout14",
             "site-numbers-heldout14"}
    set15 = {"name-heldout15", "contact-heldout15", "bank-id-heldout15", "address-heldout15", "site-text-heldout15",
             "site-numbers-heldout15"}
    set16 = {"name-heldout16", "contact-heldout16", "bank-id-heldout16", "address-heldout16", "site-text-heldout16",
             "site-numbers-heldout16"}
    set17 = {"name-heldout17", "contact-heldout17", "bank-id-heldout17", "address-heldout17", "site-text-heldout17",
             "site-numbers-heldout17"}
    set18 = {"name-heldout18", "contact-heldout18", "bank-id-heldout18", "address-heldout18", "site-text-heldout18",
             "site-numbers-heldout18"}
    set19 = {"name-heldout19", "contact-heldout19", "bank-id-heldout19", "address-heldout19", "site-text-heldout19",
             "site-numbers-heldout19"}
    set20 = {"name-heldout20", "contact-heldout20", "bank-id-heldout20", "address-heldout20", "site-text-heldout20",
             "site-numbers-heldout20"}
    set21 = {"name-heldout21", "contact-heldout21", "bank-id-heldout21", "address-heldout21", "site-text-heldout21",
             "site-numbers-heldout21"}
    set22 = {"name-heldout22", "contact-heldout22", "bank-id-heldout22", "address-heldout22", "site-text-heldout22",
             "site-numbers-heldout22"}
    set23 = {"name-heldout23", "contact-heldout23", "bank-id-heldout23", "address-heldout23", "site-text-heldout23",
             "site-numbers-heldout23"}
    set24 = {"name-heldout24", "contact-heldout24", "bank-id-heldout24", "address-heldout24", "site-text-heldout24",
             "site-numbers-heldout24"}
    set25 = {"name-heldout25", "contact-heldout25", "bank-id-heldout25", "address-heldout25", "site-text-heldout25",
             "site-numbers-heldout25"}
    set26 = {"name-heldout26", "contact-heldout26", "bank-id-heldout26", "address-heldout26", "site-text-heldout26",
             "site-numbers-heldout26"}
    set27 = {"name-heldout27", "contact-heldout27", "bank-id-heldout27", "address-heldout27", "site-text-heldout27",
             "site-numbers-heldout27"}
    untuned = {"site-text-heldout8", "name-heldout8", "site-text-heldout9", "name-heldout9",
               "site-text-heldout11", "name-heldout11", "site-text-heldout12", "name-heldout12",
               "site-text-heldout13", "name-heldout13", *set14, *set15, *set16, *set17, *set18, *set19, *set20,
               *set21, *set22, *set23, *set24, *set25, *set26, *set27}
    everything = quality.score(rows, detections)["by_class"]
    # the fourteenth's to twenty-seventh's classes: at most so many false hits on the site's rows, at least so many
    # values found (of: 51, 98, 93, 107, 106, 97, 118, 120, 107, 111, 107, 119, 119 and 99 rows of site text, 32, 34, 37,
    # 43, 42, 45, 50, 53, 53, 61, 56, 55, 68 and 48 of numbers; 24, 38, 50, 56, 59, 67, 70, 70, 74, 76, 81, 88, 100 and 96
    # names, 27, 28, 27, 29, 31, 32, 36, 37, 39, 39, 39, 42, 43 and 38 contacts, 21, 18, 15, 15, 16, 17, 18, 19, 20, 20, 20,
    # 22, 23 and 22 accounts and ids (with an account holder's name), 24, 24, 25, 25, 27, 31, 32, 33, 33, 33, 33, 35, 35
    # and 38 addresses and dates of birth)
    most_false_hits = {"site-text-heldout14": 0, "site-numbers-heldout14": 1,
                       "site-text-heldout15": 3, "site-numbers-heldout15": 0,
                       "site-text-heldout16": 0, "site-numbers-heldout16": 1,
                       "site-text-heldout17": 2, "site-numbers-heldout17": 1,
                       "site-text-heldout18": 1, "site-numbers-heldout18": 0,
                       "site-text-heldout19": 2, "site-numbers-heldout19": 0,
                       "site-text-heldout20": 2, "site-numbers-heldout20": 2,
                       "site-text-heldout21": 3, "site-numbers-heldout21": 0,
                       "site-text-heldout22": 1, "site-numbers-heldout22": 0,
                       "site-text-heldout23": 3, "site-numbers-heldout23": 2,
                       "site-text-heldout24": 0, "site-numbers-heldout24": 0,
                       "site-text-heldout25": 1, "site-numbers-heldout25": 0,
                       "site-text-heldout26": 2, "site-numbers-heldout26": 0,
                       "site-text-heldout27": 0, "site-numbers-heldout27": 0}
    least_found = {"name-heldout14": 23, "contact-heldout14": 27, "bank-id-heldout14": 21, "address-heldout14": 24,
                   "name-heldout15": 32, "contact-heldout15": 28, "bank-id-heldout15": 18, "address-heldout15": 24,
                   "name-heldout16": 50, "contact-heldout16": 27, "bank-id-heldout16": 15, "address-heldout16": 25,
                   "name-heldout17": 53, "contact-heldout17": 29, "bank-id-heldout17": 15, "address-heldout17": 25,
                   "name-heldout18": 58, "contact-heldout18": 31, "bank-id-heldout18": 16, "address-heldout18": 27,
                   "name-heldout19": 66, "contact-heldout19": 32, "bank-id-heldout19": 17, "address-heldout19": 31,
                   "name-heldout20": 70, "contact-heldout20": 36, "bank-id-heldout20": 18, "address-heldout20": 31,
                   "name-heldout21": 70, "contact-heldout21": 37, "bank-id-heldout21": 19, "address-heldout21": 32,
                   "name-heldout22": 74, "contact-heldout22": 39, "bank-id-heldout22": 20, "address-heldout22": 33,
                   "name-heldout23": 75, "contact-heldout23": 39, "bank-id-heldout23": 20, "address-heldout23": 33,
                   "name-heldout24": 81, "contact-heldout24": 39, "bank-id-heldout24": 20, "address-heldout24": 32,
                   "name-heldout25": 87, "contact-heldout25": 42, "bank-id-heldout25": 22, "address-heldout25": 35,
                   "name-heldout26": 95, "contact-heldout26": 43, "bank-id-heldout26": 22, "address-heldout26": 35,
                   "name-heldout27": 96, "contact-heldout27": 38, "bank-id-heldout27": 22, "address-heldout27": 38}
    for kind, most in most_false_hits.items():
        assert everything[kind]["fp_values"] <= most, kind
    for kind, least in least_found.items():
        assert everything[kind]["found"] >= least, kind
    assert everything["site-text-heldout13"]["fp_values"] <= 8  # of 105 rows
    assert everything["name-heldout13"]["found"] >= 55  # of 55 names
    assert everything["site-text-heldout12"]["fp_values"] <= 1  # of 102 rows
    assert everything["name-heldout12"]["found"] >= 53  # of 53 names
    assert everything["site-text-heldout11"]["fp_values"] <= 1  # of 64 rows
    assert everything["name-heldout11"]["found"] >= 49  # of 49 names
    assert everything["site-text-heldout8"]["fp_values"] <= 0  # of 100 rows
    assert everything["name-heldout8"]["found"] >= 40  # of 41 names
    assert everything["site-text-heldout9"]["fp_values"] <= 3  # of 60 rows
    assert everything["name-heldout9"]["found"] >= 33  # of 44 names
    tuned = [i for i, row in enumerate(rows) if row["class"] not in untuned]
    result = quality.score([rows[i] for i in tuned], [detections[i] for i in tuned])
    classes = result["by_class"]

    def false_hits(names):
        negatives = sum(classes[n]["negatives"] for n in names)
        assert negatives >= 60, "the site-text classes of pii_typed.tsv are missing"
        return sum(classes[n]["fp_values"] for n in names) / negatives

    assert false_hits(["site-text"]) < 0.01
    assert everything["site-text-brands"]["fp_values"] <= 0  # of 20 rows: brands shaped like names (rules/pii.yaml)
    held_out = [n for n in classes if n.startswith("site-text-heldout")]
    assert len(held_out) >= 5 and false_hits(held_out) <= 0.05

    def recall(entities):
        return sum(result["found"][e] for e in entities) / sum(result["labelled"][e] for e in entities)

    assert recall(["PERSON", "PERSON (alone)"]) >= 0.97
    assert recall([e for e in result["labelled"] if e in quality.STRUCTURED or e == "POSTAL_ADDRESS"]) >= 0.96
    for name, c in classes.items():
        if c["labelled"]:
            assert c["found"] / c["labelled"] >= 0.85, f"recall of class {name} fell"


def test_through_the_redaction_pass_headings_stay_and_typed_addresses_go():
    """Issue 9, items 6 and 13 end to end: a shop's heading and title stay readable in the stored
    snapshot, the visitor's name the page shows back does not, and a street with its postcode and city
    typed key by key into a comment leaves no part of the city, wherever a batch ends."""
    import copy

    from factories import element, html_page, snapshot, text, typing
    from leaks import leaks, strings
    from redactor.dom import DomMirror
    from redactor.masking import Masker
    from redactor.policy import Policy, validate_site_config
    from redactor.redact import redact_batch_sync

    pool = DetectorPool(workers=0, ner=True)
    policy = Policy.compile("test", validate_site_config({}))
    mirror, masker, stored = DomMirror(), Masker(policy.config.pii.mask, b"site-secret"), []

    def send(*events):
        result = redact_batch_sync(copy.deepcopy(list(events)), policy, mirror, masker,
                                   lambda texts, language: pool.analyze_sync(texts, language, policy.config.pii))
        stored.extend(result.events)

    notes = element("textarea", {"name": "opmerking"})
    page = html_page(element("h1", {}, [text("Fietsenwinkel De Spaak")]),
                     element("p", {"class": "welcome"}, [text("Welkom terug, Sanne de Vries")]),
                     element("ul", {}, [element("li", {}, [text("Bakkerij De Molen levert ons brood")])]),
                     notes, lang="nl")
    try:
        send(snapshot(page))
        series = typing(notes["id"], "Graag naar Bloemgracht 14-2, 1016 KL Amsterdam brengen")
        for start, end in zip([0, 30, 41, 44], [30, 41, 44, len(series)]):  # cut inside the postcode and the city
            send(*series[start:end])
    finally:
        pool.close()
    kept = list(strings(stored))
    assert "Fietsenwinkel De Spaak" in kept and "Bakkerij De Molen levert ons brood" in kept
    assert not leaks(stored, "Sanne de Vries")
    assert not any("Amsterdam" in t or "Bloemgracht" in t or "1016 KL" in t for t in kept)


@pytest.mark.parametrize("text", ["Mon Compte", "Nike Air Max 90", "Philips Hue White Ambiance",
                                  "Le Creuset Signature 24 cm", "Winkel Benelux", "Hallo daar",
                                  # a list of places, not a sentence addressing someone
                                  "Leeds, York, Bath, Chester", "Wij leveren in Gent, Brugge, Lier",
                                  "Kleur: zwart, Rosa",
                                  # "love" signs off before a given name only, not before two unknown words
                                  "We love Amsterdam Noord"])
def test_products_and_phrases_are_not_given_names(patterns_only, text):
    assert not {span for span, entity in found(patterns_only, text, "nl") if entity == "PERSON"}


# --------------------------------------------------------------------------------------------------
# The recorded sessions' values (loaded, not retyped)

def planted() -> list[dict]:
    return [p for r in recordings() for p in r["planted_pii"]]


STRUCTURED = {"email": {"EMAIL_ADDRESS"}, "phone": {"PHONE_NUMBER"}, "credit_card": {"CREDIT_CARD"},
              "iban": {"IBAN_CODE"}, "national_id": {"NL_BSN", "FR_NIR", "BE_NATIONAL_NUMBER", "NATIONAL_ID"},
              "tax_id": {"EU_VAT", "FR_SIREN", "FR_SIRET"}}
LANGUAGES = ("nl", "fr", "en")  # recordings of other pages may be in any of them


def found_in_any_language(detector: PiiDetector, text: str) -> set[tuple[str, str]]:
    return set().union(*(found(detector, text, language) for language in LANGUAGES))


def test_manifest_structured_values(detector):
    items = [p for p in planted() if p["category"] in STRUCTURED and p["how"] != "embedded-in-typed"]
    assert items if BUNDLED else True, "the bundled recordings plant structured values"
    for p in items:
        entities = {e for sub, e in found_in_any_language(detector, p["value"]) if sub == p["value"]}
        assert STRUCTURED[p["category"]] & entities, f"{p['field']} ({p['category']}) not detected whole"


def test_manifest_free_text(detector):
    """Each free-text note gives the phone / person / e-mail that the manifest lists as embedded in it."""
    items = planted()
    expected_entity = {"phone": "PHONE_NUMBER", "person_name": "PERSON", "email": "EMAIL_ADDRESS"}
    checked = 0
    for i, p in enumerate(items):
        if p["category"] != "free_text":
            continue
        got = found_in_any_language(detector, p["value"])
        for embedded in items[i + 1:]:
            if embedded["how"] != "embedded-in-typed":
                break
            if embedded["category"] in expected_entity:
                assert (embedded["value"], expected_entity[embedded["category"]]) in got, embedded["category"]
                checked += 1
    assert checked >= 5 or not BUNDLED


def test_manifest_non_pii_values_give_nothing(detector):
    promos = [p["value"] for p in planted() if p["category"] == "non_pii"]
    assert promos or not BUNDLED
    for language in ("en", "fr", "nl"):
        assert detector.analyze(promos, language, SETTINGS) == [[] for _ in promos]


def test_manifest_postal_addresses(detector):
    streets = [p["value"] for p in planted() if p["category"] == "postal_address" and any(c.isdigit() for c in p["value"])]
    assert streets or not BUNDLED
    for street in streets:
        assert any(entity == "POSTAL_ADDRESS" for _, entity in found_in_any_language(detector, street)), street


# --------------------------------------------------------------------------------------------------
# Settings, cache, batching, languages

def test_settings_defaults_and_validation():
    defaults = PiiSettings.defaults()
    assert defaults.languages == ["en", "fr", "nl"]
    assert defaults.threshold == 0.5 and defaults.mask == "*"
    assert "EMAIL_ADDRESS" in defaults.entities and "PERSON" in defaults.entities
    with pytest.raises(pydantic.ValidationError):
        PiiSettings(unknown=1)
    with pytest.raises(pydantic.ValidationError):
        PiiSettings(languages=["de"])
    assert PiiSettings().entities is None


def test_language_resolution():
    settings = PiiSettings(languages=["fr", "nl"])
    assert settings.resolve_language("fr-BE") == "fr"
    assert settings.resolve_language("NL") == "nl"
    assert settings.resolve_language("de") == "fr"  # no "en" configured: the site's first language
    assert PiiSettings().resolve_language(None) == "en"
    assert PiiSettings().resolve_language("pt-BR") == "en"


def test_unknown_language_maps_to_english(detector):
    assert detector.analyze(["jan@ziggo.nl"], "de", SETTINGS)[0][0].entity == "EMAIL_ADDRESS"


def test_entities_and_threshold_filter(detector):
    text = "mail jan@ziggo.nl of bel 0612345678"
    only_email = PiiSettings(entities=["EMAIL_ADDRESS"])
    assert {s.entity for s in detector.analyze([text], "nl", only_email)[0]} == {"EMAIL_ADDRESS"}
    assert detector.analyze([text], "nl", PiiSettings(threshold=1.0))[0] == [
        s for s in detector.analyze([text], "nl", SETTINGS)[0] if s.score >= 1.0]
    # a low threshold reveals the context-only candidates (a bare valid SIREN scores below 0.5)
    low = detector.analyze(["732829320"], "fr", PiiSettings(threshold=0.1))[0]
    assert any(s.entity == "FR_SIREN" for s in low)


def test_batch_matches_single_calls(detector):
    texts = ["jan@ziggo.nl", "", "WINTER25", "NL46 RABO 2329 5197 02", "   "]
    batch = detector.analyze(texts, "nl", SETTINGS)
    assert batch == [detector.analyze([t], "nl", SETTINGS)[0] for t in texts]
    assert batch[1] == [] and batch[4] == []


def test_cache_hits_and_bound(patterns_only):
    patterns_only.analyze(["cache probe 0612345678"], "nl", SETTINGS)
    hits = patterns_only.stats["cache_hits"]
    patterns_only.analyze(["cache probe 0612345678"], "nl", PiiSettings(threshold=0.9))
    assert patterns_only.stats["cache_hits"] == hits + 1  # entities/threshold filter the cached spans
    cache = SpanCache(3)
    for i in range(10):
        cache.put(("en", f"value {i}"), ())
    assert cache.get(("en", "value 0")) is None and cache.get(("en", "value 9")) == ()


async def test_the_pool_answers_seen_texts_without_a_trip_to_the_worker():
    pool = DetectorPool(workers=1, ner=False)
    try:
        first = await pool.analyze(["bel 0612345678"], "nl", SETTINGS)
        pool._executor.shutdown()  # the worker is gone: only the pool's own cache can answer now
        assert await pool.analyze(["bel 0612345678"], "nl", SETTINGS) == first
        assert first[0] and first[0][0].entity == "PHONE_NUMBER"
    finally:
        pool.close()


def corpus() -> list[tuple[str, str]]:
    """Every value of the eval sets and every string of the recordings (page text, typed values key by
    key, attributes, URLs), with its language: the texts the shortcuts must answer like the engine."""
    rows = [orjson.loads(line) for line in (DATA / "pii_eval.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {(row["text"], row["language"]) for row in rows}
    for line in (DATA / "pii_typed.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#"):
            texts.add((re.sub(r"⟦\w+\|(.*?)⟧", r"\1", parts[2]), parts[1]))
    for recording in recordings():
        for body in batches(recording):
            texts.update((value, "nl") for value in strings(orjson.loads(body)) if 0 < len(value) <= 2_000)
    # where a model's span ends inside a word ("Lane⟧"), and names glued to punctuation
    texts.update((edge, "en") for edge in ("42 Mill Lane⟧", "(Sanne)Jansen", "Jean-Pierre/Dupont", "«Emma» Visser"))
    return sorted(texts)


def test_shortcuts_answer_like_the_whole_engine(detector):
    """The model runs only where ner_names can keep a name, Presidio only where a pattern matches:
    on ~2,000 real texts (lower-case typed names, keystroke prefixes, page copy, URLs), every span is
    the one the whole engine finds on every text; and the shortcuts do skip most texts."""
    texts = corpus()
    reference = PiiDetector(ner=True, shortcuts=False)
    for language in ("en", "fr", "nl"):
        batch = [text for text, lang in texts if lang == language]
        assert detector._detect(batch, language) == reference._detect(batch, language), language
    routes = [detector._route(text, lang)[0] for text, lang in texts]
    assert len(texts) > 1_500 and routes.count(None) > len(texts) / 4
    assert any(route is not None for route in routes)


def test_patterns_only_answer_like_the_whole_engine_too(patterns_only):
    """Without the model (scrub --no-ner, ner: false) each text is analyzed by the recognizers it
    wakes as well: the same spans as every recognizer on every text."""
    texts = corpus()
    reference = PiiDetector(ner=False, shortcuts=False)
    for language in ("en", "fr", "nl"):
        batch = [text for text, lang in texts if lang == language]
        assert patterns_only._detect(batch, language) == reference._detect(batch, language), language


def test_the_model_multiplies_on_one_blas_thread_and_finds_what_blis_finds(detector):
    """The model's layers multiply through numpy's BLAS limited to one thread (engine.one_thread_blas), not
    thinc's default (blis): the same entities, to the character, on every text of the corpus the model
    reads (may_hold_a_name), as a pipeline on blis."""
    import spacy
    from threadpoolctl import threadpool_info
    from thinc.api import use_ops

    from redactor.pii.names import may_hold_a_name

    nlp = detector._with_ner.analyzer_engine.nlp_engine.nlp["nl"]
    model = nlp.get_pipe("ner").model
    assert not model.get_ref("tok2vec").ops.use_blis and not model.get_ref("lower").ops.use_blis
    assert [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"] == [1]
    config = detector.engine_config
    with use_ops("numpy", use_blis=True):
        on_blis = spacy.load(config.spacy_model, exclude=config.spacy_disable)
    texts = [text for text, _ in corpus() if may_hold_a_name(text)]
    assert len(texts) > 300

    def entities(pipeline):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in pipeline.pipe(texts, batch_size=64)]

    assert entities(nlp) == entities(on_blis)


def test_a_lower_case_name_typed_in_a_sentence_is_read_by_the_patterns_still(detector):
    """No model for a text without a capitalised name (the model finds none there), but the
    patterns read it whole: the phone beside a lower-case name is found."""
    text = "bel mieke hofstra op 06 3190 2274"
    assert detector._route(text, "nl")[0] is detector._patterns
    assert ("06 3190 2274", "PHONE_NUMBER") in found(detector, text, "nl")


def test_spans_are_values():
    span = Span(1, 5, "EMAIL_ADDRESS", 1.0, "EmailRecognizer")
    assert pickle.loads(pickle.dumps(span)) == span
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


# --------------------------------------------------------------------------------------------------
# Recognizer data

def test_recognizer_yaml_loads():
    defs = load_recognizer_defs()
    assert {d.entity for d in defs} >= {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "NL_BSN",
                                        "BE_NATIONAL_NUMBER", "FR_NIR", "EU_VAT", "MAID", "POSTAL_ADDRESS"}


@pytest.mark.parametrize("bad", [
    {"name": "x", "entity": "X", "patterns": [{"name": "p", "regex": "("}]},
    {"name": "x", "entity": "X", "patterns": [{"name": "p", "regex": "a"}], "validator": "stdnum:nope.nope"},
    {"name": "x", "entity": "X", "patterns": [{"name": "p", "regex": "a"}], "validator": "crc32"},
    {"name": "x", "entity": "X", "presidio": "NoSuchRecognizer"},
    {"name": "x", "entity": "X"},
    {"name": "x", "entity": "X", "patterns": [{"name": "p", "regex": "a"}], "colour": "red"},
    {"name": "x", "entity": "X", "patterns": [{"name": "p", "regex": "a"}], "other_number_words": ["order"]},
])
def test_recognizer_yaml_is_validated(bad):
    with pytest.raises((pydantic.ValidationError, ModuleNotFoundError)):
        RecognizerDef.model_validate(bad)


# --------------------------------------------------------------------------------------------------
# Offline, and off the event loop

def test_builds_and_detects_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    fresh = PiiDetector(ner=False)
    assert fresh.analyze(["someone@new-domain.example"], "fr", SETTINGS)[0][0].entity == "EMAIL_ADDRESS"


def test_pool_in_process():
    pool = DetectorPool(workers=0, ner=False)
    try:
        assert not pool.ready
        asyncio.run(pool.start())
        assert pool.ready
        result = asyncio.run(pool.analyze(["bel 0612345678"], "nl", SETTINGS))
        assert [s.entity for s in result[0]] == ["PHONE_NUMBER"]
        assert pool.analyze_sync(["bel 0612345678"], "nl", SETTINGS) == result
    finally:
        pool.close()
    assert not pool.ready


def test_pool_with_worker_process():
    pool = DetectorPool(workers=1, ner=False)

    async def run():
        await pool.start()
        return await pool.analyze(["NL46 RABO 2329 5197 02", "WINTER25"], "nl", SETTINGS)

    try:
        result = asyncio.run(run())
        assert [[s.entity for s in spans] for spans in result] == [["IBAN_CODE"], []]
        assert pool.ready
    finally:
        pool.close()


VALIDATORS = sorted({v for d in load_recognizer_defs() for v in [d.validator, *(p.validator for p in d.patterns)] if v})


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=30), st.from_regex(r"[0-9 ./\-+()]{0,20}", fullmatch=True)))
def test_every_validator_answers_any_text(text):
    """A failed match's sub-ranges are validated too (a date's "14-03", a name's ""): a validator
    answers yes or no to anything, it never raises (a raise failed the whole batch's detection)."""
    for name in VALIDATORS:
        assert make_validator(name)(text) in (True, False), name


def test_a_date_after_today_in_a_text_is_no_date_of_birth_and_no_failure(patterns_only):
    check(patterns_only, "Levering op 14-03-2027, geboren 14-03-1987", "nl", [("14-03-1987", "DATE_OF_BIRTH")])
    check(patterns_only, "Levering op 14-03-2027", "nl", [])


spans_strategy = st.lists(st.builds(lambda a, n, e, p: Span(a, a + n, e, p, "r"), st.integers(0, 12), st.integers(1, 6),
                                    st.sampled_from(["PERSON", "NL_BSN", "PHONE_NUMBER"]), st.sampled_from([0.3, 0.5, 0.85, 1.0])),
                          max_size=14)


@settings(max_examples=300, deadline=None)
@given(spans=spans_strategy)
def test_drop_contained_keeps_what_no_longer_span_of_a_score_as_high_holds(spans):
    """The sweep (n log n: a hostile text holds thousands of spans) keeps what the definition keeps."""
    kept = [s for s in spans if not any(o.start <= s.start and s.end <= o.end and (o.start, o.end) != (s.start, s.end)
                                        and o.score >= s.score for o in spans)]
    unique = {(s.start, s.end, s.entity): s for s in sorted(kept, key=lambda s: s.score)}
    assert drop_contained(spans) == sorted(unique.values(), key=lambda s: (s.start, -s.end))


def test_a_word_list_the_rules_do_not_have_is_refused():
    from redactor.ruledata import with_words
    assert "|janvier|" in with_words("(?:{{months}})")
    with pytest.raises(ValueError, match="no word list 'moons'"):
        with_words("(?:{{moons}})")


def test_the_e_mail_recognizer_reads_a_local_part_of_64_characters_at_most(patterns_only):
    """rules/recognizers.yaml replaces Presidio's e-mail regex by one whose local part is bounded as
    RFC 5321 bounds it: unbounded, a long dotted run before an "@" cost a search from each of its
    starts (bench/hostile.py: 12 s for 16,000 characters, now flat per character)."""
    local = "l" + "o.t" * 20 + "te"  # 63 characters
    check(patterns_only, f"mail {local}@kantoor.example", "en", [(f"{local}@kantoor.example", "EMAIL_ADDRESS")])
    registry = patterns_only._patterns.analyzer_engine.registry
    [email] = [r for r in registry.recognizers if r.name == "EmailRecognizer" and r.supported_language == "en"]
    assert [p.name for p in email.patterns] == ["email_local_part_bounded"]


def test_the_languages_function_words_are_read_without_importing_spacy():
    """A server's main process runs no model: the stop words that keep "Sie", "Les", "Het" from
    being given names come from spaCy's files, without importing spaCy (seconds of every start)."""
    import subprocess
    import sys

    script = ("import sys; from redactor.pii.names import _stop_words, is_given_name; words = _stop_words(); "
              "print(sorted({'sie', 'les', 'het', 'the', 'nous', 'jullie'} - words), 'spacy' in sys.modules, "
              "is_given_name('Sie'), is_given_name('Sanne'))")
    answer = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert answer.stdout.split() == ["[]", "False", "False", "True"], answer.stdout + answer.stderr


def test_an_ibans_parts_are_validated_only_when_they_are_shaped_as_one():
    """A match that fails its check digits is retried on its parts between separators, and " AB12 3 4
    5 …" has thirty one-character groups: ~500 parts a match, each an stdnum validation (7 s for a
    20,000-character text). Only the parts shaped like an IBAN are validated now; a valid IBAN
    after a stray code in the same run is still found."""
    from redactor.pii.recognizers import RuleRecognizer, load_recognizer_defs

    iban = RuleRecognizer(next(spec for spec in load_recognizer_defs() if spec.name == "iban"), "nl")
    calls = []
    pattern, score, validate, *rest = iban._patterns[0]
    iban._patterns[0] = (pattern, score, lambda value: calls.append(value) or validate(value), *rest)
    iban.analyze(" AB12 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 ", ["IBAN_CODE"])
    assert 0 < len(calls) <= 30
    found = iban.analyze("ref XX12 BE71 0961 2345 6769 ok", ["IBAN_CODE"])
    assert [("ref XX12 BE71 0961 2345 6769 ok"[r.start:r.end], r.score) for r in found if r.score > 0.5] == [
        ("BE71 0961 2345 6769", 0.95)]


def _counting(recognizer) -> list[str]:
    """The values a RuleRecognizer's validators are asked about, recorded as they are asked."""
    calls: list[str] = []
    recognizer._patterns = [(pattern, score, validate and (lambda value, v=validate: calls.append(value) or v(value)),
                             *rest)
                            for pattern, score, validate, *rest in recognizer._patterns]
    return calls


def test_a_filler_failing_at_every_start_is_validated_once_per_candidate():
    """"BE68 " x 4,000 (2 KB gzipped) is an IBAN match at every start, each failing with thirty-odd parts:
    the library was asked ~40,000 times for one text (~2 s of detector time; a batch of 50 such texts
    held the site's other visitors for minutes). A candidate's answer is kept for the text, a match's
    parts are read once per match text, and overlapping results at one score are one."""
    from redactor.pii.recognizers import RuleRecognizer, load_recognizer_defs

    iban = RuleRecognizer(next(spec for spec in load_recognizer_defs() if spec.name == "iban"), "nl")
    calls = _counting(iban)
    found = iban.analyze("BE68 " * 4000, ["IBAN_CODE"])
    assert len(calls) < 50 and len(found) < 5


def test_a_text_of_distinct_failing_candidates_is_masked_past_the_validation_budget():
    """Distinct candidates defeat the answers kept: the library is asked a bounded number of times per
    text (linear in its length), and every match beyond that is taken as valid, masked, never passed."""
    from redactor.pii.recognizers import VALIDATIONS_BASE, CHARS_PER_VALIDATION, RuleRecognizer, load_recognizer_defs

    iban = RuleRecognizer(next(spec for spec in load_recognizer_defs() if spec.name == "iban"), "nl")
    calls = _counting(iban)
    text = " ".join(f"QZ{i % 90 + 10} {i:04d}" for i in range(2000)) + " BE71 0961 2345 6769"
    found = iban.analyze(text, ["IBAN_CODE"])
    assert len(calls) == VALIDATIONS_BASE + len(text) // CHARS_PER_VALIDATION
    masked = {i for r in found if r.score >= 0.5 for i in range(r.start, r.end)}
    assert set(range(text.index("BE71"), len(text))) <= masked
    assert set(range(len(text) - 2000, len(text))) - {i for i in range(len(text) - 2000, len(text)) if text[i] == " "} <= masked


@settings(max_examples=300, deadline=None)
@given(word=st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12) | st.sampled_from(
    ["Ÿ", "Straße", "Émile", "ǅ", "ﬁ", "K", "İ", "Ωmega"]))
def test_a_names_plain_form_is_its_folded_one(word):
    """The plain form names are compared in: an ASCII word is lower-cased without NFKD (no mark to take off, and
    casefold is lower there), the same as folding it whole; the others are folded whole."""
    import unicodedata

    from redactor.pii.names import _plain_name

    folded = "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))
    assert _plain_name(word) == folded


@pytest.mark.parametrize("text, entity", [
    ("joris.peeters@mail.example", "EMAIL_ADDRESS"), ("+32 478 91 35 27", "PHONE_NUMBER"),
    ("0478 91 35 27", "PHONE_NUMBER"), ("NL20 INGB 0001 2345 67", "IBAN_CODE"), ("4539 5787 6362 1486", "CREDIT_CARD"),
    ("88.04.12-101.57", "BE_NATIONAL_NUMBER"), ("123456782", "NL_BSN")])
def test_the_highest_site_threshold_keeps_every_validated_identifier(patterns_only, text, entity):
    """A site may not set `pii.threshold` above ruledata.highest_site_threshold(): read from the rules, the
    lowest score of a validated match the default keeps. Typed alone, each of these scores at it or above."""
    from redactor.ruledata import highest_site_threshold

    [spans] = patterns_only.analyze([text], "nl", PiiSettings(threshold=highest_site_threshold()))
    assert any(s.entity == entity and (s.start, s.end) == (0, len(text)) for s in spans), spans


def test_a_central_or_west_african_name_or_one_before_a_deed_is_a_person(detector, patterns_only):
    """Review 24 F5: Congolese and West-African given names ("Fatou", "Mbuyi", "Dieumerci") were in no list, and the
    model misses them: the name stayed in a booking's or an order's line. The shipped list holds them now (rules/
    pii.yaml extra_given_names), and two capitalised words before a verb saying a person booked, ordered or paid are a
    name whatever list knows them. An article before the verb's subject is a club or a team, not a person."""
    _persons_found_whole(detector, patterns_only, [
        ("Ndeye Sarr, 3 billets", "fr", "Ndeye Sarr"), ("Ledenlijst: Nzuzi Makanzu", "nl", "Nzuzi Makanzu"),
        ("Kwabena Owusu-Ansah", "en", "Kwabena Owusu-Ansah"), ("Bonjour Ousmane", "fr", "Ousmane"),
        ("Kasongo Mwepu a réservé une table", "fr", "Kasongo Mwepu"),
        ("Tshilombo Banza heeft betaald", "nl", "Tshilombo Banza"),
        ("Mpia Lutete hat gebucht", "de", "Mpia Lutete"), ("Kanku Mbala has paid", "en", "Kanku Mbala"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Le Club a réservé la salle", "fr"), ("Onze Winkel heeft betaald", "nl"), ("Samba brésilienne", "fr")
    ])


def test_a_greeting_and_one_unknown_word_that_are_the_whole_line_greet_a_person(detector, patterns_only):
    """Review 24 F1: a header's, a toast's or an e-mail's first line greets by one given name no list knows without a
    comma ("Hallo Mbuyi", "Welkom terug Nsimba"), and only "Hallo, Mbuyi" was read: the name stayed. The greeting and
    the word that are the whole line are a person now; a place, a title, a relative or a group greeted so stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Hallo Kasongo", "nl", "Kasongo"), ("Bonjour Makaya !", "fr", "Makaya"),
        ("Welcome back Tshibola.", "en", "Tshibola"), ("Mijn account\nWelkom terug Lumbala\nUitloggen", "nl", "Lumbala"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Hallo Amsterdam", "nl"), ("Bonjour Bruxelles", "fr"), ("Merci Maman", "fr"), ("Bonjour Madame", "fr"),
        ("Hello World", "en"), ("Welcome Guest", "en"), ("Hallo Allemaal", "nl"), ("Hallo Kasongo Tours en Reizen", "nl"),
        # where a banner greets the visitor to, or back
        ("Welcome Home", "en"), ("Welkom Terug", "nl"), ("Willkommen Zuhause", "de"), ("Welcome Aboard", "en"),
        ("Welkom Thuis", "nl"),
    ])


def test_a_ukrainian_given_name_as_its_passport_spells_it_is_a_given_name(detector, patterns_only):
    """Held-out set 17: Ukraine's passports write "-ія" as "-iia" ("Viktoriia", "Mariia", "Liliia"), the name list the
    older "-iya" and "-ia": "Pakket voor Viktoriia Shevchenko" was read as no one's."""
    from redactor.pii.names import is_given_name

    assert all(map(is_given_name, ["Viktoriia", "Mariia", "Liliia"]))
    assert not any(map(is_given_name, ["Soiia", "Ameublementiia"]))
    _persons_found_whole(detector, patterns_only, [
        ("Pakket voor Viktoriia Shevchenko ligt klaar in de winkel", "nl", "Viktoriia Shevchenko"),
        ("Thanks Mariia Bondarenko, your kite is on its way", "en", "Mariia Bondarenko"),
    ])


def test_a_nordic_given_name_typed_without_its_nordic_letters_is_a_given_name(detector, patterns_only):
    """Held-out round 37: a keyboard without "ð", "þ", "æ" or "ø" writes "Sigurður" as "Sigurdur", "Þóra" as "Thora",
    "Bjørn" as "Bjorn"; the name list knows only the first spelling (NFKD takes no mark off those letters), so
    "Emergency contact: Sigurdur Olafsson (father)" was read as no one's."""
    from redactor.pii.names import is_given_name

    assert all(map(is_given_name, ["Sigurdur", "Sigurður", "Aevar", "Eidur"]))
    _persons_found_whole(detector, patterns_only, [
        ("Emergency contact: Sigurdur Olafsson (father)", "en", "Sigurdur Olafsson"),
        ("Bel bij een ongeval Sigurdur Olafsson, mijn vader.", "nl", "Sigurdur Olafsson"),
    ])


def test_a_surinamese_chinese_surname_joined_by_a_is_one_surname(detector, patterns_only):
    """Held-out set 17: "Geleverd aan Rachelle Tjin-A-Djie" kept the name with the patterns alone: a surname's halves
    joined by "A" ("Tjin-A-Djie", "Tjon-A-Fong") fitted no name word. They are one surname now, after a given name or a
    greeting."""
    _persons_found_whole(detector, patterns_only, [
        ("Geleverd aan Rachelle Tjin-A-Djie — handtekening ontvangen", "nl", "Rachelle Tjin-A-Djie"),
        ("Hallo Tjon-A-Fong", "nl", "Tjon-A-Fong"), ("Klant: Marlon Lie-A-Ling", "nl", "Marlon Lie-A-Ling"),
    ])


def test_a_given_name_after_a_party_and_of_is_whose_party_it_is(detector, patterns_only):
    """Held-out sets 16 and 17: "Trampolinefeestje van Rajesh" and "Verjaardagsfeestje van Nouri" kept the child's name
    with the patterns alone (a party "for" someone was read, not a party "of" them). A party's word, alone or ending a
    compound, "of" and a known given name are whose party it is; a feast's or an occasion's name stays."""
    _persons_found_whole(detector, patterns_only, [
        ("Verjaardagsfeestje van Nouri — paintball junior, 8 kinderen", "nl", "Nouri"),
        ("Trampolinefeestje van Rajesh — 10 kinderen, zaal 2", "nl", "Rajesh"),
        ("Geburtstagsfeier von Mia, 12 Kinder", "de", "Mia"), ("Anniversaire de Lina, samedi 14h", "fr", "Lina"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Feest van Sinterklaas in de zaal", "nl"), ("Fête de Noël au village", "fr"), ("Fête de la Musique", "fr"),
        ("Anniversaire de Mariage", "fr"), ("Fête de Wallonie à Namur", "fr"),
    ])


def test_a_name_before_a_possessive_and_a_premises_word_in_lower_case_is_its_owner(detector, patterns_only):
    """Held-out set 17: "Pick-up at Tom Dewulf's garage" kept the name, "garage" read as a shop named after him. A trade's
    or a place's word in lower case after a possessive is whose place it is; a maker's product after one ("Charlie
    Bigham's fish pie") and a shop's name written with capitals ("Tom Dewulf's Garage") stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Pick-up at Tom Dewulf's garage: 2 carpets, 1 runner", "en", "Tom Dewulf"),
        ("Pick-up at Sanne Jansen's shop before noon", "en", "Sanne Jansen"),
    ])
    _no_person_found(detector, patterns_only, [("Charlie Bigham's fish pie, 400 g", "en"), ("Tom Dewulf's Garage", "en")])


def test_who_a_dedication_is_from_after_whom_it_is_for_is_a_person(detector, patterns_only):
    """Held-out set 17: an engraving's "For Duarte, from Inês" kept "Inês" (the name after "for" was read). A known given
    name after "for" a name, a comma and "from" is who gives it; a place there is none."""
    _persons_found_whole(detector, patterns_only, [
        ('Engraving on the knife: "For Duarte, from Inês"', "en", "Inês"), ("Voor Lotte, van Wout", "nl", "Wout"),
        ("Pour Léa, de Hugo", "fr", "Hugo"), ("Gravur: Für Lena, von Paul", "de", "Paul"),
    ])
    _no_person_found(detector, patterns_only, [("Perfect for Summer, from Paris with love", "en")])


def test_a_cloth_named_after_a_place_or_a_maker_is_no_person(detector, patterns_only):
    """Held-out set 17: a milliner's "petten in Harris Tweed" was read as a person ("Harris" is a given name). A cloth's
    word in the run is a product's (rules/pii.yaml product_words); a person with a given name like it stays one."""
    _no_person_found(detector, patterns_only, [
        ("Hoedenwinkel: panama's, fedora's en petten in Harris Tweed", "nl"), ("Veste Harris Tweed, taille 50", "fr"),
        ("Sakko aus Harris Tweed", "de"),
    ])
    _persons_found_whole(detector, patterns_only, [("Thanks Harris Wood, your hat is ready", "en", "Harris Wood")])


def test_one_unknown_word_after_a_sign_off_and_its_comma_ending_the_line_is_who_signs(detector, patterns_only):
    """Held-out set 17: "Groetjes, Soukaina" closing a message kept the name, which no list knows ("Groetjes, Naïma" was
    read by its given name). A sign-off opening a line or following a sentence, its comma and one word ending the line
    are a person; a relative, a group, a place or a title signing so stay, and so does a sentence going on."""
    _persons_found_whole(detector, patterns_only, [
        ("Groetjes, Soukaina", "nl", "Soukaina"), ("Bedankt voor alles! Liefs, Nsimba", "nl", "Nsimba"),
        ("Bisous, Makaya", "fr", "Makaya"), ("Love, Kwabena", "en", "Kwabena"),
        ("Super service.\nLiebe Grüße, Tshibola", "de", "Tshibola"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Liefs, Mama", "nl"), ("Groetjes, Team", "nl"), ("Bisous, Paris", "fr"), ("Groetjes, Allemaal", "nl"),
        ("Love, Life and Laughter", "en"),
    ])


def test_a_club_age_group_in_brackets_after_a_name_says_a_child(detector, patterns_only):
    """Held-out set 18: "Fencer: Grâce Mbuyi (U14), sabre" kept the name: an age group ("U14", "U-12", "O35") was no
    age's shape in brackets, and a given name that is a word too ("Grâce") was read only with a surname through the
    name run's rule, which a number after the name stops. A known given name, or one with a surname, before an age
    group in brackets is a person; a product before one is none."""
    _persons_found_whole(detector, patterns_only, [
        ("Fencer: Grâce Mbuyi (U14), sabre, Saturday 9:00", "en", "Grâce Mbuyi"),
        ("Ploeg: Lars Peeters (U-12), Emma Jacobs (O35)", "nl", "Emma Jacobs"),
    ])
    _no_person_found(detector, patterns_only, [("Lego Friends (U14)", "en"), ("Collectie: Olivia (3), Emma (2)", "nl")])


def test_a_surname_with_an_elided_n_or_m_after_a_given_name_is_a_person(detector, patterns_only):
    """Held-out set 18: "Signé : Aminata N'Diaye" kept the name: a name run's surname could open with an elided "O'",
    "D'" or "d'" only, not West Africa's "N'" and "M'" ("N'Diaye", "M'Bala", "N'Goma")."""
    _persons_found_whole(detector, patterns_only, [
        ("Signé : Aminata N'Diaye", "fr", "Aminata N'Diaye"), ("Merci à Marie M'Bala pour son avis", "fr", "Marie M'Bala"),
    ])


def test_a_name_typed_in_lower_case_after_by_is_a_person(patterns_only):
    """Held-out set 18: a form's "Ingevuld door: kevin de smet" shown back kept the name: "door", "par", "by" (who filled
    in or signed) were no words that introduce a name typed in lower case. A known given name and a surname after them
    are one; a function word or an everyday word after them is none."""
    for text, language, name in [("Ingevuld door: kevin de smet", "nl", "kevin de smet"),
                                 ("signé par jean dupont", "fr", "jean dupont"), ("signed by emma smith", "en", "emma smith")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("door de regen", "nl"), ("made by hand and shipped by mail order", "en"),
                           ("par contre elle est belle", "fr")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text


def test_a_roman_ordinal_after_a_given_name_is_a_king_or_a_style(detector, patterns_only):
    """Held-out set 18: an antiques dealer's "meubles Louis XVI" was read as a person, "XVI" as a surname in capitals
    (and by the model). A Roman ordinal after a given name is a king's, a pope's or the style named after him; a surname
    in capitals after a given name stays one."""
    _no_person_found(detector, patterns_only, [
        ("Antiquités Saint-Jacques — meubles Louis XVI, horloges et argenterie", "fr"),
        ("Commode Louis XV, bergère Napoléon III", "fr"), ("LOUIS XVI", "fr"),
    ])
    _persons_found_whole(detector, patterns_only, [("Zofia WOJCIK", "pl", "Zofia WOJCIK")])


@pytest.mark.parametrize("text, address", [
    ("Clos des Vignes 4 (sonnez deux fois)", "Clos des Vignes 4"), ("Cité des Cheminots 12", "Cité des Cheminots 12"),
    ("Livrer au Hameau du Moulin 7", "Hameau du Moulin 7"), ("Montée Saint-Jean 3", "Montée Saint-Jean 3"),
    ("Esplanade de l'Europe 2", "Esplanade de l'Europe 2"),
])
def test_a_french_close_estate_hamlet_or_rise_before_its_number_is_a_street(patterns_only, text, address):
    """Held-out set 18: "Clos des Vignes 4" was stored: "clos", "cité", "hameau", "parvis", "montée", "sente" and
    "esplanade" opened no street. With a capitalised name and a house number after them they do."""
    assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, "fr")


def test_a_footer_naming_a_trade_by_its_craft_before_its_address_is_the_sites(patterns_only):
    """Held-out set 18: a puppet theatre's footer "Théâtre de marionnettes — Rue Surlet 56, 4020 Liège" was read as a
    visitor's address: the capitalised run before an address that says it is the site's stopped at the craft in lower
    case. A line that is a trade's word and its craft, nothing else, names the site; other words before an address
    stay a visitor's."""
    for text in ["Théâtre de marionnettes — Rue Surlet 56, 4020 Liège", "Atelier de reliure, Rue Haute 12, 1000 Bruxelles"]:
        assert not {e for _, e in found(patterns_only, text, "fr") if e == "POSTAL_ADDRESS"}, text
    for text in ["Livraison de fleurs — Rue Surlet 56, 4020 Liège",
                 "Levering bij het Théâtre de marionnettes, Rue Surlet 56, 4020 Liège"]:
        assert ("Rue Surlet 56", "POSTAL_ADDRESS") in found(patterns_only, text, "fr"), text


@pytest.mark.parametrize("text, language, value", [
    ("Lid sinds 2015, geboren in 1984", "nl", "1984"), ("Née en 1979 à Dinant", "fr", "1979"),
    ("Tutor born in 1993, Leuven", "en", "1993"), ("Leeftijd: 52", "nl", "52"), ("Âge : 44 ans", "fr", "44 ans"),
    ("Alter: 61 Jahre", "de", "61 Jahre"), ("Age: 29", "en", "29")])
def test_a_birth_year_or_an_age_shown_is_a_date_of_birth(patterns_only, text, language, value):
    """Review 24 F14: a profile's or a member card's birth year ("né en 1987") and age ("Leeftijd: 37") were kept; with a
    postcode and an initial they narrow a visitor to a few people."""
    assert (value, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text, language", [
    ("Opgericht in 1984", "nl"), ("Maison fondée en 1979", "fr"), ("Since 1993", "en"), ("Leeftijd: 3+", "nl"),
    ("Age: 8-12", "en"), ("Âge : 3 ans et plus", "fr"), ("Âge : 18 mois", "fr"), ("Leeftijd: 6 tot 10 jaar", "nl"),
    ("Page: 12", "en")])
def test_a_founding_year_or_a_products_age_range_is_no_date_of_birth(patterns_only, text, language):
    assert not {v for v, e in found(patterns_only, text, language) if e == "DATE_OF_BIRTH"}


@pytest.mark.parametrize("text, language, value", [
    ("geboren in juli 1985 in Genk", "nl", "juli 1985"), ("Ik ben van '85", "nl", "'85"),
    ("Née en juillet 1985 à Namur", "fr", "juillet 1985"), ("geboren im Juli 1985", "de", "Juli 1985"),
    ("born in '85, so not that old", "en", "'85"), ("Ik ben van 1985 en woon in Lier", "nl", "1985"),
    ("je suis de 85, merci", "fr", "85"), ("Ich bin Jahrgang 1985", "de", "1985")])
def test_a_partial_birth_date_said_as_ones_birth_is_a_date_of_birth(patterns_only, text, language, value):
    """Review 35 F14: a month and a year said as one's birth ("geboren in juli 1985 in Genk") and the year one says one is
    from ("Ik ben van '85"), typed in a remark and posted in a custom event, were stored: only a year right after "born
    in" was read. With a postcode and an initial, a birth month or year narrows a visitor to a few people."""
    assert (value, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text, language", [
    ("Ik ben van 2015 tot 2019 lid geweest", "nl"), ("Het huis is van 1930", "nl"), ("Jahrgang 2019, trocken", "de"),
    ("ik ben van 85 naar 70 kilo gegaan", "nl"), ("Opgericht in juli 1985", "nl"), ("je suis de 14h à 18h", "fr")])
def test_a_year_not_said_as_ones_birth_stays(patterns_only, text, language):
    """Review 35 F14's controls: a span of years one was a member, a house's or a wine's year, a weight, a founding month
    are no birth date."""
    assert not {v for v, e in found(patterns_only, text, language) if e == "DATE_OF_BIRTH"}


@pytest.mark.parametrize("text, language, value", [
    ("geboortedatum 30071985", "nl", "30071985"), ("Geb.-Datum: 30071985", "de", "30071985"),
    ("Mijn geboortedatum is 19850730", "nl", "19850730"), ("Geburtsdatum 19850730", "de", "19850730"),
    ("né le 19850730", "fr", "19850730"), ("DOB 19850312", "en", "19850312"),
    ("date de naissance: 01021990, merci", "fr", "01021990"), ("born on 20011985 in Genk", "en", "20011985"),
    # its first digits while it is typed at the text's end
    ("Mijn geboortedatum is 300719", "nl", "300719")])
def test_a_birth_date_written_without_separators_after_its_word_is_a_date_of_birth(patterns_only, text, language,
                                                                                    value):
    """Review 35 F11: a date of birth written as eight digits after its word ("geboortedatum 30071985", "Geb.-Datum:
    30071985", "DOB 19850312"), typed in a remark and posted in a custom event, was stored: every date pattern wanted a
    separator. Eight digits that are a day, a month and a year, either way round, right after a birth word are one."""
    assert (value, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text, language", [
    ("Bestelnummer 19850730", "nl"), ("EAN 5412345678901", "nl"), ("Commande n° 20240512 expédiée", "fr"),
    ("Order 30071985 born from our love of coffee", "en"), ("Geburtsdatum 99999999", "de"),
    ("geboortedatum 20301231", "nl"), ("Birthday bundle 12345678", "en")])
def test_eight_digits_that_are_no_date_after_a_birth_word_or_no_birth_word_stay(patterns_only, text, language):
    """Review 35 F11's controls: eight digits with no birth word right before them (an order's number, an EAN) or that
    are no lived date (a day after today, no month 99) are no date of birth."""
    assert not {v for v, e in found(patterns_only, text, language) if e == "DATE_OF_BIRTH"}


def test_a_title_before_a_surname_in_the_pages_text_says_a_person(detector, patterns_only):
    """Review 24 F2: a title before a surname ("Réservation de Mme Dupont", "Dhr. Kabongo — lid sinds 2019") was read
    only after a letter's salutation or an addressee's line, and the surname stayed. An abbreviated title says a person
    anywhere; a title written whole does where a person does something or a booking list's entry goes on after a comma.
    Works, characters and brands a title opens stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Rendez-vous de Mlle Lukusa confirmé", "fr", "Lukusa"), ("Behandeling: Mw. Verstraeten, 9u15", "nl", "Verstraeten"),
        ("Dhr. Mbemba — betaald", "nl", "Mbemba"), ("Termin: Hr. Oberwalder, 16 Uhr", "de", "Oberwalder"),
        ("Meneer Lokonga heeft gereserveerd", "nl", "Lokonga"), ("Madame Tshisekedi, 2 couverts", "fr", "Tshisekedi"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Croque Monsieur maison", "fr"), ("Madame Bovary est un roman", "fr"), ("Mr. Bricolage, ouvert le dimanche", "fr"),
        ("Voorlezen: Nijntje, Meneer Konijn, Rupsje Nooitgenoeg", "nl"), ("Monsieur Cuisine Connect", "fr"),
    ])


def test_a_household_named_in_the_pages_text_says_a_person(detector, patterns_only):
    """Review 25 F6: a household named by its surname in the site's text (a holiday rental's bookings, a restaurant's
    reservations, a doorbell's label) was read only where a visitor writes. "Fam." says a household anywhere; the word
    written whole does opening its line, maybe after a booking's word, alone or before the booking's details. A
    product's range after an article, a brand or a place the lists know, and the word inside a sentence stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Boeking fam. Mukendi – 2 nachten", "nl", "Mukendi"), ("Fam. Vandermeulen", "nl", "Vandermeulen"),
        ("Gezin Opdebeeck, 4 personen", "nl", "Opdebeeck"), ("Familie Wuyts", "nl", "Wuyts"),
        ("Famille Ilunga", "fr", "Ilunga"), ("Réservation famille Nzuzi, 20h", "fr", "Nzuzi"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Découvrez la famille Galaxy", "fr"), ("Famille Zalando", "fr"), ("Familie Gent", "nl"),
        ("Onze familie Peeters kookt al jaren", "nl"),
    ])


def test_a_birth_name_after_nee_or_geb_says_a_person(detector, patterns_only):
    """A married woman's birth name after the word that says it ("Marie Dupont, née Vandenberghe", "Frau Müller, geb.
    Schröder") was stored in a payload's remark: a surname alone, no given name nor title before it. Capitalised after
    "née", "geb.", "geborene", it is one; a date or a place after the word stays what it is."""
    _persons_found_whole(detector, patterns_only, [
        ("Marie Dupont, née Vandenberghe", "fr", "Vandenberghe"), ("Frau Müller, geb. Schröder", "de", "Schröder"),
        ("Maria Jansen geb. de Vries, weduwe", "nl", "de Vries"), ("Anne Smith née Okonkwo", "en", "Okonkwo"),
        ("Hildegard Braun geborene Kowalczyk", "de", "Kowalczyk"),
    ])
    _no_person_found(detector, patterns_only, [("Née à Liège, elle y a grandi", "fr"), ("geb. am 12.03.1987", "de")])


def test_players_surnames_a_pairing_lists_say_people(detector, patterns_only):
    """Held-out sets 20, 21 and 22 each left a club's pairing's surnames alone readable ("Équipe n° 4 : Dumont /
    Lejeune", "Ronde 2 : Delcourt – Verhaegen 1-0", "Paar 4: Van Acker – Dierickx, 62,4 %"): no given name, no title,
    no label of one person. A numbered pair's, team's, round's or board's label says the surnames joined after it are
    players; a league's fixtures (places, brands), days and kinds of player there stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Paar 4: Van Acker – Dierickx, 62,4 %", "nl", "Van Acker"), ("Paar 4: Van Acker – Dierickx, 62,4 %", "nl", "Dierickx"),
        ("Ronde 2 : Delcourt – Verhaegen 1-0", "fr", "Verhaegen"), ("Équipe n° 4 : Dumont / Lejeune", "fr", "Lejeune"),
        ("Doppel 1: Kowalczyk / Oberhuber", "de", "Kowalczyk"), ("Bord 3: Mbemba - Vanderlinden ½-½", "nl", "Mbemba"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Match 3 : Charleroi – Anderlecht", "fr"), ("Ronde 1: Maandag – Dinsdag", "nl"), ("Ploeg 1: Jongens – Meisjes", "nl"),
        ("Table 4: Fish & Chips", "en"), ("Team 1: Gent – Brugge", "nl"),
    ])


@pytest.mark.parametrize("text, language, number, after", [
    ("Rekening BE12 3456 7890 1234 op naam van de vzw", "nl", "BE12 3456 7890 1234", "op naam van de vzw"),
    ("Virement sur le compte FR76 3000 6000 0112 3456 7890 188 de la Fédération", "fr",
     "FR76 3000 6000 0112 3456 7890 188", "de la Fédération"),
    ("IBAN NL02 ABNA 0123 4567 88 t.b.v. het clubhuis", "nl", "NL02 ABNA 0123 4567 88", "het clubhuis")])
def test_an_account_number_failing_its_check_ends_where_its_digits_do(patterns_only, text, language, number, after):
    """Review 24 O1: a mistyped or made-up IBAN beside its word is reported whole, and its greedy regex had swallowed the
    words after it ("… op naam van de vzw", "… de la Ligue"): an association's payment instructions were masked to the
    line's end. The span ends at the number's last group; a name's shape after it stays in it (fail closed)."""
    got = found(patterns_only, text, language)
    assert (number, "IBAN_CODE") in got
    masked = [value for value, _ in got]
    assert not any(after.split()[-1] in value for value in masked), masked


@pytest.mark.parametrize("text, language", [
    ("IBAN BE12 3456 7890 1234 Fatou Diallo", "fr"),
    # a surname no list knows, after the words naming its holder: no article before it, no acronym
    ("Rekening BE12 3456 7890 1234 op naam van Ouedraogo", "nl"), ("Compte BE12 3456 7890 1234 au nom de Ouedraogo", "fr")])
def test_a_name_after_an_account_number_failing_its_check_is_still_masked(patterns_only, text, language):
    [spans] = patterns_only.analyze([text], language, SETTINGS)
    start = text.index(text.split()[-1])
    assert any(s.start <= start and s.end >= len(text) for s in spans), spans


def test_a_feast_its_figure_or_a_season_in_the_sites_text_is_no_one(detector, patterns_only):
    """Held-out set 16: a Christmas tree farm's "Sapins de Noël Nordmann" and a market's "arrivée du Père Noël", a
    stable's "Spring Open Day" were read as people (a given name "Noël", Catalan "Pere", "Spring"). A feast after a thing
    of it and "de", a feast's figure whole and a season opening a run are no one; a Noël greeted or thanked, a Valentin a gift is from,
    still are, and so is the holder of an account ("Espace client de Noël Lambert", kept by an earlier test)."""
    _no_person_found(detector, patterns_only, [
        ("Sapins de Noël Nordmann et Épicéa, en pot ou coupés", "fr"), ("Marché de Noël Gourmand à Liège", "fr"),
        ("Programme : chorale et arrivée du Père Noël à 16h", "fr"), ("Photo avec le Père Fouettard", "fr"),
        ("Spring Open Day: foals, pony rides and a farriery demonstration", "en"),
    ])
    _persons_found_whole(detector, patterns_only, [
        ("Bonjour Noël Dupont", "fr", "Noël Dupont"), ("Cadeau de Valentin Dupont", "fr", "Dupont"),
    ])


@pytest.mark.parametrize("text, language", [
    ("Horlogerie Reuter SARL · 14, Grand-Rue · L-1660 Luxembourg", "fr"),
    ("HRB 41128 · USt-IdNr. DE 318 442 917", "en"), ("Auftrag Nr. 2026-3318-07 · Lieferung KW 51", "en")])
def test_a_firms_own_address_vat_and_order_numbers_stay(patterns_only, text, language):
    """Held-out set 16: a watchmaker's footer ("SARL · 14, Grand-Rue · L-1660 Luxembourg": its street known by no word,
    joined to its postcode by a "·"), a German VAT number ("USt-IdNr.", whose "IdNr" is a person's tax id's word) and an
    order's number after "Auftrag Nr." were masked as a visitor's address, national number and file number."""
    assert found(patterns_only, text, language) == set()


@pytest.mark.parametrize("text, language, value, entity", [
    ("Livrer au 14, Grand-Rue · L-1660 Luxembourg", "fr", "14, Grand-Rue", "POSTAL_ADDRESS"),
    ("Meine Steuer-IdNr. 31 844 291 755", "en", "31 844 291 755", "NATIONAL_ID"),
    ("Bestellung von Bienvenu Tshimanga: 2 kg Rinderrouladen", "en", "Bienvenu Tshimanga", "PERSON"),
    ("Ophalen kerstboom: fam. Peeters-Wouters, Nordmann 2,25 m", "nl", "Peeters-Wouters", "PERSON"),
    ("Ophalen kerstboom: Mevr. Peeters, Nordmann 2,25 m", "nl", "Peeters", "PERSON")])
def test_a_visitors_street_order_and_household_are_found(patterns_only, text, language, value, entity):
    """Held-out set 16: a street known by no word before a "·" and its postcode, an order named by its noun ("Bestellung
    von …"), a household's surname after "fam." and a title's surname before a product's measure (the title's dot read as
    a sentence's end, the line as a product's title) stayed; a person's "Steuer-IdNr." still says a national number."""
    assert (value, entity) in found(patterns_only, text, language)


def test_each_name_of_a_list_after_a_name_found_is_a_person(detector, patterns_only):
    """Held-out set 16: in a workshop's or a riding school's list, the names after the first ones found stayed ("Mehdi,
    Laura, Kacper et Oumaïma", "Mila Schroeder, Ben Weis, Lara Thill": "Ben" is Dutch "am" too). A name found says the
    list names people: each next entry after a comma or an "and" is one, names no list knows included; a greeting, a
    sentence going on, a street, a town, a label or a number after the comma are not."""
    _persons_found_whole(detector, patterns_only, [
        ("Atelier « Boule de Noël » : Mehdi, Laura, Kacper et Oumaïma", "fr", "Kacper"),
        ("Atelier « Boule de Noël » : Mehdi, Laura, Kacper et Oumaïma", "fr", "Oumaïma"),
        ("Reitschüler: Mila Schroeder, Ben Weis, Lara Thill", "de", "Ben Weis"),
    ])
    for text, language, kept in [("Bedankt Sanne, Welkom terug", "nl", "Welkom"),
                                 ("Merci Julie, Nous vous attendons", "fr", "Nous"),
                                 ("Sanne Jansen, Kerkstraat 12, Gent", "nl", "Gent"),
                                 ("— Hanneke, Leeuwarden", "nl", "Leeuwarden"),
                                 ("Enrolled: Ayaan Mohamud, Year 2", "en", "Year"),
                                 ("Child: Zofia Kamińska, Parent: Piotr Kamiński", "en", "Parent"),
                                 ("Ophalen kerstboom: fam. Peeters-Wouters, Nordmann 2,25 m", "nl", "Nordmann")]:
        for engine in (detector, patterns_only):
            assert not any(kept in value for value, entity in found(engine, text, language) if entity == "PERSON"), text


def test_a_child_named_with_an_age_in_brackets_is_a_person(detector, patterns_only):
    """Held-out set 16: "Booked by Wouter De Smedt for Jasper (12) and Ella (10)" kept both children: the age in
    brackets closed neither name for the booking's "for" nor for "and". A known given name before an age in brackets is
    a person after "for" or "and", or anywhere with an age's word; a filter's counts and a year in brackets are not."""
    _persons_found_whole(detector, patterns_only, [
        ("Booked by Wouter De Smedt for Jasper (12) and Ella (10)", "en", "Jasper"),
        ("Booked by Wouter De Smedt for Jasper (12) and Ella (10)", "en", "Ella"),
        ("Ponykamp: Noah (6 jaar), Mila (8 jaar)", "nl", "Noah"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Collectie: Olivia (3), Emma (2)", "nl"), ("Koning Boudewijn (1951)", "nl"),
    ])


@pytest.mark.parametrize("text,language,number", [
    ("Documentnummer: SPKF14L83", "nl", "SPKF14L83"),
    ("N° de document : BH8271VT5", "fr", "BH8271VT5"),
    ("Ausweis Dokumentnummer LZ6R8P4T1 gültig", "de", "LZ6R8P4T1"),
    ("Paspoort BT72KM1H9 geldig tot 04-11-2032", "nl", "BT72KM1H9"),
    ("Gast 2 — ID: TR4419027", "nl", "TR4419027"),
])
def test_an_identity_documents_number_after_its_generic_word_is_a_national_id(patterns_only, text, language, number):
    """Review 25 F7: the word a Dutch passport or ID card prints beside its number ("Documentnummer"), its French and
    German names, the document's own word without a colon, and a bare "ID:" before a document's shape: a booking's or a
    check-in's summary shows the guest's document number there, which no other word lifted."""
    assert (number, "NATIONAL_ID") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Product ID: AB1234567 — in stock", "en"),
    ("Session ID: KF20241107 expired", "en"),
    ("Bestel vóór 22 uur, ID-check bij levering: 18+", "nl"),
    ("Referentie: LXKT4H2P1 — bedankt voor uw bestelling", "nl"),
])
def test_another_things_id_or_a_document_shape_without_its_word_stays(patterns_only, text, language):
    """Review 25 F7's guard: "ID" alone names a product's or a session's id as often, and the Dutch document's shape
    alone is any code: no document word, no national id."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"NATIONAL_ID"}


@pytest.mark.parametrize("text,language,number", [
    ("zadzwoń, mój numer to 601 234 567", "nl", "601 234 567"),
    ("o meu número é 936 123 456, liga depois das seis", "fr", "936 123 456"),
    ("numărul meu de telefon: 0745 987 654", "nl", "0745 987 654"),
    ("numaram 0541 765 43 21, aksam ara", "fr", "0541 765 43 21"),
    ("telefone 962 345 678", "en", "962 345 678"),
])
def test_a_mobile_without_its_country_code_after_a_visitors_own_phone_word_is_a_phone(patterns_only, text, language,
                                                                                      number):
    """Review 25 F10: a Polish, Portuguese, Romanian or Turkish visitor writes her mobile as her country does, without
    its country code, after her own language's word for a number or a phone (a chat's transcript, a message shown back):
    the word was not a phone word, and a Romanian or Turkish national number was validated for no region."""
    assert (number, "PHONE_NUMBER") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Zamówienie 601 234 567 wysłane, dziękujemy", "nl"),
    ("Bestelnummer 0541 765 43 21 verzonden", "nl"),
])
def test_an_orders_number_shaped_as_a_foreign_mobile_stays(patterns_only, text, language):
    """Review 25 F10's guard: without a phone word, or after an order's word, nine to eleven digits are no phone."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"PHONE_NUMBER"}


@pytest.mark.parametrize("text, language, value", [
    ("Zuzia ✶ 07.03.2021", "nl", "Zuzia ✶ 07.03.2021"), ("Zuzia ✶ 07.0", "nl", "Zuzia ✶ 07.0"),
    ('#voorbeeld::after { content: "Zuzia ✶ 07.03.2021"; }', "nl", "Zuzia ✶ 07.03.2021"),
    ("Noor – 12-05-2019", "nl", "Noor – 12-05-2019"), ("In memoriam Sophie 14/08/2023", "fr", "Sophie 14/08/2023"),
    # a batch cut before the date's first dot, or right after the symbol (round 34 under load stored "Zuzia ✶ ")
    ("Zuzia ✶ 07", "nl", "Zuzia ✶ 07"), ("Zuzia ✶ 0", "nl", "Zuzia ✶ 0"), ("Zuzia ✶ ", "nl", "Zuzia ✶"),
    ("Noor – 1", "nl", "Noor – 1")])
def test_a_given_name_alone_before_a_date_is_a_person(detector, patterns_only, text, language, value):
    """Held-out round 34: a tattoo's lettering, a child's Polish pet name and her birth date ("Zuzia ✶ 07.03.2021"), was
    stored in the field, in a <style>'s CSS and in an SVG data URL: nothing says a person follows a given name alone.
    A common given name right before a date (whole, or being typed at the text's end) is a person, and the date theirs."""
    assert (value, "PERSON") in found(patterns_only, text, language)
    assert (value, "PERSON") in found(detector, text, language)


@pytest.mark.parametrize("text, language", [("Versie 07.03.2021", "nl"), ("Geldig vanaf 07.03.2021", "nl"),
                                            ("Maart 07.03.2021: nieuwe prijzen", "nl"), ("Versie ✶ ", "nl"),
                                            ("Geldig vanaf 07", "nl"), ("Piętro 2", "pl"), ("Suite Emma 2", "en")])
def test_a_word_before_a_date_that_is_a_rare_given_name_stays(patterns_only, text, language):
    """The list's rare given names are everyday words before a date too ("Versie", "Maart"): they stay; and a given name
    and digits alone at a text's end, no lettering's symbol between, are a floor's or a room's ("Piętro 2")."""
    assert found(patterns_only, text, language) == set()


# Review 27 F8: a booking names whose name it is in by the surname alone, in every language's phrase (the name rules
# read two words there, and "Namen" before it read as a heading's word)
BOOKED_SURNAMES = [
    ("Table pour 2 au nom de Mbemba", "fr", "Mbemba"),
    ("Réservation au nom d'Ilunga", "fr", "Ilunga"),
    ("Kamer 12 op naam van Wuyts", "nl", "Wuyts"),
    ("Reservering t.n.v. Hendrickx, 19u", "nl", "Hendrickx"),
    ("Tisch auf den Namen Brandauer", "de", "Brandauer"),
    ("Tavolo a nome Esposito", "it", "Esposito"),
    ("Mesa a nombre de Ibarra", "es", "Ibarra"),
    ("Rezervasyon sahibi: Aydın", "tr", "Aydın"),
]
# Review 27 F9: a parcel's recipient, a camp's child, a gift's household, in the languages the label lists lacked
RECIPIENTS_CHILDREN_HOUSEHOLDS = [
    ("Livré à : Ngoyi", "fr", "Ngoyi"),
    ("Geleverd aan: Verstraeten", "nl", "Verstraeten"),
    ("Destinataria: Bianchi", "it", "Bianchi"),
    ("Alıcı: Kaya", "tr", "Kaya"),
    ("Bambina: Giulia (5 anni)", "it", "Giulia"),
    ("Niña: Lucía, 7 años", "es", "Lucía"),
    ("Çocuk: Deniz (8 yaş)", "tr", "Deniz"),
    ("Geschenk für Familie Brandauer", "de", "Brandauer"),
    ("Regalo per la famiglia Esposito", "it", "Esposito"),
    ("Cesta para la familia Ibarra", "es", "Ibarra"),
]
# Review 27 F7: after a customer's label or an order line's number and dash, a name whose given name no list knows
CUSTOMERS = [
    ("Klant: Shaniel Jadnanansing", "nl", "Shaniel Jadnanansing"),
    ("Kunde: Tunn Kieffer", "de", "Tunn Kieffer"),
    ("Client : Merveille Lukusa", "fr", "Merveille Lukusa"),
    ("Client : Tshala Thomas", "fr", "Tshala Thomas"),  # the second word a given name: no heading's "Bakker Bart"
    ("Bestellung #2087 – Tunn Kieffer", "de", "Tunn Kieffer"),
    ("Bestelling #5531 — Guyden Adam", "nl", "Guyden Adam"),
]


@pytest.mark.parametrize("text,language,name", BOOKED_SURNAMES + RECIPIENTS_CHILDREN_HOUSEHOLDS + CUSTOMERS)
def test_a_name_after_words_that_say_a_person_follows_is_a_person(patterns_only, text, language, name):
    """Review 27 F7-F9: a booking's phrase, a recipient's, a child's, a household's or a customer's word says whose
    name follows, one word or two, known to the lists or not."""
    assert (name, "PERSON") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Client : Particulier", "fr"), ("Livré à : Point Relais", "fr"), ("Zugestellt an: Packstation", "de"),
    ("Geleverd aan: Afhaalpunt", "nl"), ("Bestelling #1042 — Verzonden", "nl"), ("Au nom de la loi", "fr"),
])
def test_a_customers_kind_or_a_parcels_place_after_its_label_stays(patterns_only, text, language):
    """Review 27 F7-F9's guard: one word after a customer's label is its kind, a pick-up place after a recipient's
    label is no one."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}


@pytest.mark.parametrize("text, language, code", [
    ("Votre point de fourniture : 541448800031592703", "fr", "541448800031592703"),
    ("Aansluiting gas 871685390007426103 (Stedin)", "nl", "871685390007426103"),
    ("5414 4880 0031 5927 03", "fr", "5414 4880 0031 5927 03"),
    ("871685390007426103", "nl", "871685390007426103")])
def test_an_energy_connections_ean_18_is_masked(patterns_only, text, language, code):
    """Review 27 F2: a household's electricity or gas connection code (a GS1 GSRN of eighteen digits from a Belgian or
    Dutch GS1 prefix, its GS1 check digit valid) was stored from a supplier's account page or a <dd> under "EAN gas":
    "ean" is a product number's word, which lowered its score, and no recognizer read the eighteen digits."""
    assert (code, "CUSTOMER_ID") in found(patterns_only, text, language)


@pytest.mark.parametrize("text, language", [
    ("EAN 5410013100011 · Chocolade 200 g", "nl"),        # a product's EAN-13
    ("Code EAN : 871685390007426104", "fr"),               # its check digit wrong: no GSRN
    ("Tracking SSCC 540003000012345678", "en")])           # a parcel's SSCC under its label
def test_a_products_ean_13_or_a_parcels_sscc_stays(patterns_only, text, language):
    assert not {entity for _, entity in found(patterns_only, text, language) if entity == "CUSTOMER_ID"}


@pytest.mark.parametrize("text,language,number", [
    ("bereikbaar op 0 (312) 466 21 08", "nl", "0 (312) 466 21 08"),
    ("0 (532) 418 27 93", "nl", "0 (532) 418 27 93"),
    ("Mehmet: 0 532 418 27 93", "en", "0 532 418 27 93"),
    ("0 532 4182793, akşam", "fr", "0 532 4182793"),
    ("звоните 8 (916) 123-45-67 вечером", "en", "8 (916) 123-45-67"),
])
def test_a_phone_with_its_trunk_digit_apart_before_the_area_code_is_a_phone(patterns_only, text, language, number):
    """Held-out peers round 27: a Turkish landline as Turkey writes it, its trunk's "0" apart before the bracketed area
    code ("0 (312) 466 21 08", a remark the city's register answered), was shown and stored whole: the national pattern
    wants the zero against the code. Russia's "8" before a bracketed code is the same shape."""
    assert (number, "PHONE_NUMBER") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Maat 8 (128) 164 cm, 2 stuks", "nl"),
    ("Score 0 (0) 12 - 3", "en"),
    ("Artikel 0 (312) 4662", "nl"),
])
def test_a_count_before_a_bracketed_number_stays(patterns_only, text, language):
    """The guard: a size, a score or a short code with a lone digit before a bracket is no phone."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"PHONE_NUMBER"}


@pytest.mark.parametrize("text,language,date", [
    ("tweede bestuurder, doğum 7 Ekim 1985; bereikbaar", "nl", "7 Ekim 1985"),
    ("doğum: 14 Şubat 1983, İstanbul", "en", "14 Şubat 1983"),
    ("eşim 3 Ağustos 1979 doğumlu", "en", "3 Ağustos 1979"),
    ("dogum 21 Subat 1990", "en", "21 Subat 1990"),
])
def test_a_birth_date_with_its_month_in_turkish_is_a_date_of_birth(patterns_only, text, language, date):
    """Held-out peers round 27: a date of birth after the Turkish birth word with its month in Turkish ("doğum 7 Ekim
    1985") was stored: the birth word was known, the month was not."""
    assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("Teslimat 7 Ekim 2025", "en"), ("Kasım Yılmaz", "en")])
def test_a_delivery_date_in_turkish_stays_a_date(patterns_only, text, language):
    """The guard: a Turkish date with no birth word is no date of birth; a given name that is a month too stays a
    name's business (no date)."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"DATE_OF_BIRTH"}


@pytest.mark.parametrize("text,language,date", [
    ("Moj otac je rođen 3. studenoga 1947. Molim vas", "fr", "3. studenoga 1947"),
    ("rođena 14. veljače 1983.", "en", "14. veljače 1983"),
    ("datum rođenja: 21. srpnja 1990", "nl", "21. srpnja 1990"),
    ("rodjen 5. ozujka 1962", "en", "5. ozujka 1962"),
])
def test_a_birth_date_with_its_month_in_croatian_is_a_date_of_birth(patterns_only, text, language, date):
    """Held-out peers round 28: a note in Croatian with a date of birth whose month is a genitive word ("rođen 3.
    studenoga 1947.", a survey answer and a textarea) was stored whole: neither the month nor the birth word was known."""
    assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language,date", [
    ("Esmu dzimusi 1989. gada 12. martā. Lūdzu, piezvaniet man.", "nl", "1989. gada 12. martā"),
    ("dzimis 1975. g. 3. novembrī Rīgā", "en", "1975. g. 3. novembrī"),
    ("Dzimšanas datums: 1992. gada 30. septembrī", "fr", "1992. gada 30. septembrī"),
    ("dzimusi 2001. gada 7. janvari", "en", "2001. gada 7. janvari"),
    ("Dzimšanas datums: 12.03.1989.", "en", "12.03.1989"),
    ("Esmu dzimusi 12. martā 1989, Rīgā", "nl", "12. martā 1989"),
    ("Dzimšanas datums: 7. janvārī 2001", "en", "7. janvārī 2001"),
    ("mana dzimšanas diena ir 12. martā", "fr", "12. martā"),
])
def test_a_birth_date_written_as_latvian_writes_it_is_a_date_of_birth(patterns_only, text, language, date):
    """Held-out peers round 29: a note in Latvian with a date of birth written year first, "gada" (the year's word)
    after it, then the day and the month's name in the locative ("dzimusi 1989. gada 12. martā", the console and the
    typing) was stored whole: no pattern had the year's word, nor a list the Latvian months and birth words. Day first
    ("dzimusi 12. martā 1989") was left then: only the year-first pattern read the Latvian months."""
    assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language,date", [
    ("urodzona 12 marca 1987", "nl", "12 marca 1987"), ("data urodzenia: 3 września 1990", "fr", "3 września 1990"),
    ("Urodziłam się 5 maja 1992 w Krakowie", "en", "5 maja 1992"), ("narozena 12. března 1989", "en", "12. března 1989"),
    ("narodená 4. júla 1979", "nl", "4. júla 1979"), ("gimusi 1989 m. kovo 12 d.", "fr", "1989 m. kovo 12 d."),
    ("sündinud 12. märtsil 1989", "en", "12. märtsil 1989"), ("rojena 12. marca 1989", "nl", "12. marca 1989"),
    ("lindur më 12 qershor 1986", "fr", "12 qershor 1986"), ("Datëlindja: 3 nëntor 1990", "en", "3 nëntor 1990"),
])
def test_a_birth_date_with_its_month_in_a_baltic_slavic_or_albanian_language_is_a_date_of_birth(patterns_only, text,
                                                                                               language, date):
    """A Polish, Czech, Slovak, Lithuanian, Estonian, Slovenian or Albanian date of birth, its month named in the case a
    date puts it in ("urodzona 12 marca 1987", "lindur më 12 qershor 1986": held-out round 40), was stored whole: no list
    had those months, nor the birth words of the Czech, Slovak, Estonian and Slovenian. They are in the shared months'
    list now, which the taint's spellings of a date read too."""
    assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("Piegāde 2025. gada 14. martā", "en"), ("Hallo Marta, tot morgen", "nl"),
                                           ("Dostawa 12 maja 2025", "en"), ("Hello, Maja! Dodanie 3 lutego", "en"),
                                           ("Tikšanās 12. martā 2025 plkst. 10:00", "en"), ("Piegāde 12. martā", "nl")])
def test_a_delivery_date_in_latvian_stays_a_date(patterns_only, text, language):
    """The guard: a Latvian date with no birth word is no date of birth."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"DATE_OF_BIRTH"}


@pytest.mark.parametrize("text,language,date", [
    ("Gimimo data 1992 m. kovo 12 d., prašau skambinti po 17 val.", "fr", "1992 m. kovo 12 d."),
    ("Gimiau 1987 m. rugsėjo 3 d. Vilniuje", "en", "1987 m. rugsėjo 3 d."),
    ("gimusi 2001 m. gruodzio 24 d.", "nl", "2001 m. gruodzio 24 d."),
    ("Gimimo data: 1979 metų gegužės 8 dieną", "en", "1979 metų gegužės 8 dieną"),
    ("gimęs 1990 m. liepos 7", "fr", "1990 m. liepos 7"),
])
def test_a_birth_date_written_as_lithuanian_writes_it_is_a_date_of_birth(patterns_only, text, language, date):
    """Held-out peers round 30: a note in Lithuanian with a date of birth written year first, "m." (the year's word)
    after it, then the month's name in the genitive and the day with its "d." ("Gimimo data 1992 m. kovo 12 d.",
    an extra property of PostHog's captureException) was stored whole when it came before the typing that tainted
    it: no pattern had that order, nor a list the Lithuanian months and birth words (round 29 left it)."""
    assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("Pristatymas 2025 m. kovo 14 d.", "en"), ("Aukštis 1992 m. virš jūros", "fr")])
def test_a_delivery_date_in_lithuanian_stays_a_date(patterns_only, text, language):
    """The guard: a Lithuanian date with no birth word is no date of birth, nor is a height in metres."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"DATE_OF_BIRTH"}


@pytest.mark.parametrize("text,language,expected", [
    ("OIB 73409182562", "fr", [("73409182562", "NATIONAL_ID")]),
    ("moj OIB je 58120473697, hvala", "nl", [("58120473697", "NATIONAL_ID")]),
    ("OIB 73409182563", "fr", []),  # its check digit fails
    ("Commande 73409182562 bien reçue", "fr", []),  # the same digits after an order's word
])
def test_a_croatian_oib_beside_its_word_is_a_national_id(patterns_only, text, language, expected):
    """Held-out peers round 28, probed without the page: a Croatian identity number after its word ("OIB
    73409182562") was kept: no recognizer knew its check digit (python-stdnum's hr.oib)."""
    check(patterns_only, text, language, expected)


@pytest.mark.parametrize("text,language,plate", [
    ("ZG 1234-AB", "fr", "ZG 1234-AB"),
    ("/visites/inscription.html#parking/ZG 1234-AB", "fr", "ZG 1234-AB"),
    ("auto ST-123-A je ispred", "en", "ST-123-A"),
    ("Vozilo: ČK 456-BC", "nl", "ČK 456-BC"),
])
def test_a_croatian_plate_is_a_vehicle_id_by_its_shape(patterns_only, text, language, plate):
    """Held-out peers round 28: a Croatian plate (a town's two letters, three or four digits, one or two letters:
    "ZG 1234-AB") the page wrote into its address's fragment reached PostHog's $current_url before the recording that
    taught the typed value had arrived: no pattern had its shape. The town's codes are a short list, so the shape is
    masked alone, as Belgium's and France's are."""
    assert (plate, "VEHICLE_ID") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("RTX 4090-TI en stock", "fr"), ("Modell AB 1234-CD", "de"),
                                           ("Norm EN 1090-2 erfüllt", "de")])
def test_a_code_shaped_like_a_croatian_plate_without_its_town_stays(patterns_only, text, language):
    """The guard: the same shape with letters that are no Croatian town's is a model's or a norm's."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"VEHICLE_ID"}


@pytest.mark.parametrize("text,language", [("Isporuka 3. studenoga 2025", "en"), ("Ulica Listopad 12", "en")])
def test_a_delivery_date_in_croatian_stays_a_date(patterns_only, text, language):
    """The guard: a Croatian date with no birth word is no date of birth."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"DATE_OF_BIRTH"}


@pytest.mark.parametrize("text,language,name", [
    ("Vergunninghouder Çağlar Öztürkoğlu", "nl", "Çağlar Öztürkoğlu"),
    ("Vergunninghouder ÇAĞLAR ÖZTÜRKOĞLU", "nl", "ÇAĞLAR ÖZTÜRKOĞLU"),
    ("Aanvrager Jan Peeters", "nl", "Jan Peeters"),
    ("Titulaire Camille Dufrasne", "fr", "Camille Dufrasne"),
    ("Antragsteller Jonas Weber", "de", "Jonas Weber"),
    ("Applicant Jan Peeters", "en", "Jan Peeters"),
])
def test_a_name_after_the_role_a_public_service_gives_its_person_is_a_person(detector, text, language, name):
    """Held-out peers round 27: a permit's card shows its holder after the role, no colon between ("Vergunninghouder
    Çağlar Öztürkoğlu", a link's text PostHog autocaptures whole): a capitalised word before a given name read as a
    heading's ("Bakker Bart"), so the name stayed; the role an administration gives its person opens a name as a
    delivery's "Chauffeur" does."""
    assert (name, "PERSON") in found(detector, text, language)


@pytest.mark.parametrize("text,language,name", [
    ("Visiteuse Snježana Vuković-Đurić", "fr", "Snježana Vuković-Đurić"),
    ("Visiteur Marc Dubois", "fr", "Marc Dubois"),
    ("Bezoeker Jan Peeters", "nl", "Jan Peeters"),
    ("Besucherin Anna Schmidt", "de", "Anna Schmidt"),
    ("Visitor Jan Peeters", "en", "Jan Peeters"),
])
def test_a_name_after_the_visitor_a_hospital_registers_is_a_person(detector, text, language, name):
    """Held-out peers round 28, probed without the page: a hospital's badge shows its visitor after the role, no colon
    between ("Visiteuse Snježana Vuković-Đurić"), as round 27's permit showed its holder; the visitor's word opens a
    name as the applicant's does."""
    assert (name, "PERSON") in found(detector, text, language)


@pytest.mark.parametrize("text,language", [("Visitor Centre Opening Hours", "en"), ("Bezoekers Parking Noord", "nl"),
                                           ("Visiteurs bienvenus", "fr")])
def test_a_visitors_heading_stays(detector, text, language):
    """The guard: the visitor's word before a place's or a page's words is a heading, no person."""
    assert ("PERSON" not in {e for _, e in found(detector, text, language)})


@pytest.mark.parametrize("text,language", [("Resident Evil Village", "en"), ("Bakker Bart", "nl")])
def test_a_heading_without_a_role_before_its_name_stays(detector, text, language):
    """The guard: a title with no given name, and a trade's word before a given name, are no person."""
    assert ("PERSON" not in {e for _, e in found(detector, text, language)})


@pytest.mark.parametrize("text,language,number", [
    ("T.C. 37418295650", "nl", "37418295650"),
    ("TC: 37418295650, Çankaya", "en", "37418295650"),
    ("pasaport U12345678", "en", "U12345678"),
])
def test_a_turkish_identity_or_passport_number_after_its_short_word_is_a_national_id(patterns_only, text, language,
                                                                                     number):
    """Held-out peers round 27 (probing what the register could answer): a Turkish identity number after "T.C.", the
    Republic's initials a form writes before it, and a passport's number after the Turkish word for it stayed."""
    assert (number, "NATIONAL_ID") in found(patterns_only, text, language)


def test_eleven_digits_after_tc_that_fail_the_check_stay(patterns_only):
    """The guard: "TC" before eleven digits whose check digits do not add up is no identity number."""
    assert found(patterns_only, "TC 37418295651", "en") == set()


def test_a_footer_with_a_company_form_in_lower_case_before_its_address_is_the_sites(patterns_only):
    """Held-out set 19: a canoe hire's footer "Kanuverleih Sauer sàrl · 22, route de Diekirch · L-9361 Brandenbourg" was
    read as a visitor's address: its company form, written in lower case, was none the footer rule knew (it knew
    "Sàrl", "S.à r.l."). A visitor's address after their name stays theirs."""
    for text in ["Kanuverleih Sauer sàrl · 22, route de Diekirch · L-9361 Brandenbourg",
                 "Boulangerie Dufour sprl, Rue Haute 12, 1000 Bruxelles"]:
        assert not {e for _, e in found(patterns_only, text, "fr") if e == "POSTAL_ADDRESS"}, text
    assert ("22, route de Diekirch", "POSTAL_ADDRESS") in found(
        patterns_only, "Livrer à Jang Weber · 22, route de Diekirch · L-9361 Brandenbourg", "fr")


def test_a_title_in_lower_case_after_a_labels_colon_opens_a_surname(patterns_only):
    """Held-out set 19: a cobbler's ticket "Klant: meneer Demuynck — nieuwe hakken en zolen" kept the surname: a Dutch or
    French title in lower case opened a surname only after a lower-case word. After a label's colon it does too; a
    heading's capitalised title ("Boeken: Meneer Konijn") stays a work's."""
    for text, language, name in [("Klant: meneer Demuynck — nieuwe hakken en zolen", "nl", "Demuynck"),
                                 ("Contact : madame Lambotte, 2e étage", "fr", "Lambotte")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("Boeken: Meneer Konijn", "nl"), ("Märchen: Frau Holle und der Brunnen", "de")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text


def test_a_given_name_after_an_enrolments_noun_is_a_person(patterns_only):
    """Held-out set 19: "Inscription de Nathan, Inès et Ayoub au stage de poterie" kept all three children: an
    enrolment's noun and "of" or "for" said no person follows, as a party's or a booking's do. A known given name after
    them is one (and the list after it); a course or an occasion is none."""
    assert {("Nathan", "PERSON"), ("Inès", "PERSON"), ("Ayoub", "PERSON")} <= found(
        patterns_only, "Inscription de Nathan, Inès et Ayoub au stage de poterie", "fr")
    assert ("Mia", "PERSON") in found(patterns_only, "Anmeldung für Mia", "de")
    for text, language in [("Registration for Beginners", "en"), ("Inscription de Noël", "fr"),
                           ("Registration for Summer Camp opens on 1 May", "en"), ("Inschrijving voor Sinterklaas", "nl")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text


def test_a_given_name_after_a_pick_ups_noun_and_by_is_a_person(patterns_only):
    """Held-out set 19: "Pick-up by Ebru on Thursday after 4 pm" kept the name: "picked up by" said a person follows,
    the noun "pick-up" did not. It does now; a day or an appointment after it is none, nor a brand's collection."""
    for text, language, name in [("Pick-up by Ebru on Thursday after 4 pm", "en", "Ebru"),
                                 ("Afhaling door Jens, vrijdag", "nl", "Jens"), ("Retrait par Mathis samedi", "fr", "Mathis")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text in ["Pick-up by Friday at the latest", "Pickup by appointment only", "Collection by Stella McCartney"]:
        assert not {e for _, e in found(patterns_only, text, "en") if e == "PERSON"}, text


def test_a_full_name_in_capitals_whose_surname_after_its_article_is_a_word_is_a_person(patterns_only):
    """Held-out set 19: a form's summary "Naam: ELS DE WINTER" kept the name: "WINTER" is a time and a given name far
    more often a word, so it was no surname in capitals. After a surname's article it is one; a heading's time after a
    preposition ("MAX IN DE ZOMER") or without an article ("SUMMER SALE") stays."""
    for text in ["Naam: ELS DE WINTER", "JAN DE WINTER"]:
        assert (text.removeprefix("Naam: "), "PERSON") in found(patterns_only, text, "nl"), text
    for text in ["MAX IN DE ZOMER", "SUMMER SALE", "WINTER SALE DE LUXE"]:
        assert not {e for _, e in found(patterns_only, text, "nl") if e == "PERSON"}, text


def test_luxembourgs_short_given_names_are_names_and_no_pronoun_is_a_surname(patterns_only):
    """Held-out set 19: "Teilnehmer: Jang Weber, Sophie Reuter, Tun Bausch" kept the third: "Tun", a Luxembourg short
    form of Antoine, was in no name list and is a German verb. It is a given name now; a sentence's pronoun after it
    ("Tun Sie das bitte nicht", as "Dan Sie") is no surname, a surname's particle is ("Sanne De Vries")."""
    assert ("Tun Bausch", "PERSON") in found(patterns_only, "Teilnehmer: Jang Weber, Sophie Reuter, Tun Bausch", "de")
    assert ("Sanne De Vries", "PERSON") in found(patterns_only, "Sanne De Vries", "nl")
    for text in ["Tun Sie das bitte nicht", "Dan Sie", "Gutes Tun macht Freude"]:
        assert not {e for _, e in found(patterns_only, text, "de") if e == "PERSON"}, text


def test_a_costume_shops_list_of_story_and_history_figures_names_no_one(detector, patterns_only):
    """Held-out set 19: a costume-hire shop's "Napoléon, Marie-Antoinette, Charlie Chaplin" and "Sherlock Holmes,
    Cleopatra and Robin Hood" were read as people (a surname and its given name across the list's comma, a given name
    and a surname). The figures, whole, are no one, as "Père Noël" is; a figure's given name alone is still a visitor's
    ("Bonjour Marie-Antoinette")."""
    _no_person_found(detector, patterns_only, [
        ("Location de déguisements : Napoléon, Marie-Antoinette, Charlie Chaplin", "fr"),
        ("Costume hire: Sherlock Holmes, Cleopatra and Robin Hood, sizes S to XXL", "en"),
    ])
    assert ("Marie-Antoinette", "PERSON") in found(patterns_only, "Bonjour Marie-Antoinette, votre commande est prête",
                                                   "fr")


def test_a_given_name_opening_a_note_about_its_person_is_a_person(patterns_only):
    """Held-out sets 18 and 19: "Coach's note: Kacper kept his balance…" and "Instructor's note: Yusuf landed
    perfectly…" kept the child's name: a given name alone after a label's colon is a heading's word as often, and no
    word said a person follows. A note's label does, with the note going on in lower case; a shop's own note opening
    with a function word or an everyday word ("Note: May contain nuts", "Anmerkung: Bitte klingeln") names no one."""
    for text, language, name in [("Instructor's note: Yusuf landed perfectly on his third jump.", "en", "Yusuf"),
                                 ("Coach's note: Kacper kept his balance on the slackline all session.", "en", "Kacper"),
                                 ("Opmerking: Lotte is allergisch voor noten", "nl", "Lotte")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("Note: May contain traces of nuts", "en"), ("Anmerkung: Bitte klingeln", "de"),
                           ("Opmerking: Elke deelnemer krijgt een drankje", "nl"), ("Note: Rose gold plating may fade", "en"),
                           ("Note: Max weight 20 kg", "en")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text


def test_the_horn_of_africas_given_names_and_a_flemish_name_that_is_a_french_word_are_names(patterns_only):
    """Held-out set 20: "Bedankt Dawit", "Signé : Kiros Tesfaye" (Ethiopia's and Eritrea's given names, which the name
    list lacks as it lacked Central and West Africa's) and "Dag Sien Verbeke" ("Sien" was listed, but dropped as French's
    function word "sien") kept the names. A French sentence's "le sien" stays a word."""
    for text, language, name in [("Bedankt Dawit, je puppy is ingeschreven voor de cursus.", "nl", "Dawit"),
                                 ("Signé : Kiros Tesfaye", "fr", "Kiros Tesfaye"),
                                 ("Hallo Hodan, deine Bestellung ist unterwegs.", "de", "Hodan"),
                                 ("Dag Sien Verbeke, je potten staan klaar in de winkel.", "nl", "Sien Verbeke")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text in ["C'est le sien, pas le mien.", "Le sien est plus grand que le vôtre."]:
        assert not {e for _, e in found(patterns_only, text, "fr") if e == "PERSON"}, text


def test_a_title_in_lower_case_after_a_trade_and_its_preposition_opens_a_surname(patterns_only):
    """Held-out set 20: "Pendeldienst voor meneer Goossens om 9u" kept the surname: a trade word and two lower-case words
    before a run read as a venue named after someone ("Club de tennis Lucien Laurent"), the title among them. A
    person's title in lower case says a person follows; the venue's shape stays the site's."""
    for text, language, name in [("Pendeldienst voor meneer Goossens om 9u, station → beachclub", "nl", "Goossens"),
                                 ("Ophaaldienst voor mevrouw Peeters om 9u", "nl", "Peeters")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    assert not {e for _, e in found(patterns_only, "Club de tennis Lucien Laurent", "fr") if e == "PERSON"}


def test_a_gifts_giver_after_offered_by_is_a_person(patterns_only):
    """Held-out set 20: a bell's engraving "« Offerte par Augustin et Béatrice, 2026 »" kept both names: "ordered by",
    "reserved by" said a person follows, a gift's "offered by" did not. It does now, and the partner after it; a
    sponsor's brand or a town after it is none."""
    assert {("Augustin", "PERSON"), ("Béatrice", "PERSON")} <= found(
        patterns_only, "Gravure sur la cloche : « Offerte par Augustin et Béatrice, 2026 »", "fr")
    assert ("Wim", "PERSON") in found(patterns_only, "Geschonken door Wim, 1998", "nl")
    for text, language in [("Prizes offered by Belfius and Proximus", "en"), ("Prix offerts par la Ville de Namur", "fr"),
                           ("Donated by the Rotary Club of Leuven", "en")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text


def test_composers_credited_after_the_music_of_are_no_visitors(patterns_only):
    """Held-out set 20: a tango school's "Tango classes to the music of Carlos Gardel, Astor Piazzolla and Osvaldo
    Pugliese" read the three as people: a credit's verb ("illustrated by") credited the one name right after it, and no
    word said whose music. "the music of" credits too, and so does a credit's verb its whole list of names."""
    for text, language in [("Tango classes to the music of Carlos Gardel, Astor Piazzolla and Osvaldo Pugliese", "en"),
                           ("Dansles op muziek van Jacques Brel en Toots Thielemans", "nl"),
                           ("Illustrated by Axel Scheffler and Lydia Monks", "en")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text
    assert ("Lotte Peeters", "PERSON") in found(patterns_only, "Muziek van de dj, bedankt Lotte Peeters", "nl")


def test_a_makers_models_listed_after_their_word_name_no_one(patterns_only):
    """Held-out set 20: a harp maker's "onze modellen Brigid, Morgana en Aisling" and a perfumer's "Nos créations : Rose
    de Grasse, Bois d'Ambre et Jasmin Sambac" read as people: a maker names its models like people. After the word for
    its models or creations (rules/pii.yaml model_labels), the list names no one; a visitor named later on the line
    ("besteld door Sanne Jansen") still is."""
    for text, language in [("Harpenbouwer: onze modellen Brigid, Morgana en Aisling", "nl"),
                           ("Nos créations : Rose de Grasse, Bois d'Ambre et Jasmin Sambac", "fr"),
                           ("Unsere Modelle: Clara, Emma und Greta", "de")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PERSON"}, text
    assert ("Sanne Jansen", "PERSON") in found(patterns_only, "Onze modellen Brigid en Morgana, besteld door Sanne Jansen",
                                               "nl")


def test_typewriters_named_like_people_are_brands(patterns_only):
    """Held-out set 20: "Olivetti Lettera, Olympia SM3 and Hermes Baby" on a typewriter repairer's page, and a visitor's
    "Hermes Baby à réviser", read the model as a person. Typewriters join the brands as car makes did; a make that is a
    given name or a surname here only with its model ("Frau Adler" stays a person)."""
    assert not {e for _, e in found(
        patterns_only, "Typewriter repair — Olivetti Lettera, Olympia SM3 and Hermes Baby serviced", "en") if e == "PERSON"}
    assert found(patterns_only, "Client : Hugo Nunes Carvalho — Hermes Baby à réviser", "fr") == {
        ("Hugo Nunes Carvalho", "PERSON")}
    assert ("Adler", "PERSON") in found(patterns_only, "Bitte bei Frau Adler abgeben", "de")


def test_a_phone_after_a_plus_and_its_country_code_in_a_range_the_metadata_lacks_is_a_phone(patterns_only):
    """Held-out set 20: "+44 7911 482 306" was kept: phonenumbers' metadata holds no such British mobile range, and only a
    valid number was reported. A '+', a country's code and a number of that country's length say a phone whatever the
    range (fail closed); a count or a placeholder whose national number is zeros, or one after "00", is none."""
    assert ("+44 7911 482 306", "PHONE_NUMBER") in found(patterns_only, "+44 7911 482 306", "en")
    for text, language in [("Over +10 000 000 verkochte exemplaren", "nl"), ("+33 0 00 00 00 00", "fr"),
                           ("Sold +250 000 000 copies", "en")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "PHONE_NUMBER"}, text


def test_a_vat_number_beside_a_register_only_companies_are_in_is_a_companys_and_stays(patterns_only):
    """Held-out sets 15 to 22 each left a shop's legal footer masked ("BTW BE 0687.432.519 · RPR Gent", "TVA BE
    0563.782.119 · RPM Liège", "USt-IdNr. DE 294 771 058 · HRB 7712 Amtsgericht Freiburg"). A VAT number is a sole
    trader's as often, which is personal; beside Belgium's register of legal persons, Germany's of limited companies or
    Luxembourg's section B it is a company's. A VAT number alone, or beside a register sole traders are in too, stays
    masked."""
    for text, language in [("BTW BE 0687.432.519 · RPR Gent", "nl"), ("TVA BE 0563.782.119 · RPM Liège, division Namur", "fr"),
                           ("USt-IdNr. DE 294 771 058 · HRB 7712 Amtsgericht Freiburg", "de"),
                           ("HRB 41128 · USt-IdNr. DE 294 771 058", "de"),
                           ("TVA LU 28841536 · RCS Luxembourg B 221 904", "fr")]:
        assert not {e for _, e in found(patterns_only, text, language) if e == "EU_VAT"}, text
    for text, language in [("Mijn btw-nummer: BE 0687.432.519", "nl"), ("USt-IdNr. DE 294 771 058 · HRA 4418", "de"),
                           ("TVA BE 0563.782.119 · RCS Namur", "fr")]:
        assert {e for _, e in found(patterns_only, text, language) if e == "EU_VAT"}, text


def test_a_german_registers_number_before_its_court_is_no_postcode(patterns_only):
    """Held-out set 20: an Impressum's "HRB 44871 Amtsgericht Wittlich" read as a postcode and its town (a French
    postcode's shape, then capitalised words). A German register's letters before the number say it is none; a
    postcode after a street stays an address."""
    for text in ["USt-IdNr. DE 318 447 592 · HRB 44871 Amtsgericht Wittlich", "HRB 12345 Amtsgericht München",
                 "Eingetragen im Vereinsregister VR 20154 Amtsgericht Bonn"]:
        assert not {e for _, e in found(patterns_only, text, "de") if e == "POSTAL_ADDRESS"}, text
    assert ("54290 Trier", "POSTAL_ADDRESS") in found(patterns_only, "Hauptstraße 4, 54290 Trier", "de")


def test_a_dutch_name_opening_with_the_capital_digraph_ij_is_a_name(detector, patterns_only):
    """Review 30 F6: Dutch capitalises the digraph IJ whole ("IJsbrand", "IJzerman", "IJpelaar"), two capitals before
    the small letters, and the name patterns wanted one: "Deelnemer: IJsbrand IJzerman", "Hallo IJsbrand" and
    "Leerling: Sanne IJpelaar" (given name masked) were stored. The site's places and shops spelled so stay."""
    for text, name in [("Deelnemer: IJsbrand IJzerman", "IJsbrand IJzerman"), ("Leerling: Sanne IJpelaar (3B)", "Sanne IJpelaar"),
                       ("Klant: Femke IJzerman", "Femke IJzerman"), ("Hallo IJsbrand, je bestelling is onderweg", "IJsbrand"),
                       ("Patiënt: Femke de Vries-IJzerman", "Femke de Vries-IJzerman"),
                       ("IJsbrand IJzerman heeft betaald", "IJsbrand IJzerman")]:
        assert (name, "PERSON") in found(patterns_only, text, "nl"), text
        assert (name, "PERSON") in found(detector, text, "nl"), text
    for text in ["Fietsen rond het IJsselmeer", "Wandelen langs de IJzer in Diksmuide", "IJssalon De Hoorn: elke dag open",
                 "Welkom bij IJssalon Venezia", "Bestemming: IJmuiden", "De IJzertoren en het IJzermonument"]:
        assert not {e for _, e in found(detector, text, "nl") if e == "PERSON"}, text


def test_a_surname_after_a_patronymic_or_another_particle_is_part_of_the_name(detector, patterns_only):
    """Review 30 F7: the particles of Hassaniya ("ould", "mint": son and daughter of), Congolese and Swahili ("wa"),
    Arabic ("ibn", "bint", "abu") and others were in no list, so after a role label the surname after them was stored
    ("Élève : ******* ould Abdallahi", "Patiente : ****** mint Cheikh", "Parent : Mbuyi wa Tshimanga" kept whole).
    "mint", "wa", "mac" are words too: between two words of a site's product line they name no one."""
    for text, language, name in [("Élève : Mohamed ould Abdallahi", "fr", "Mohamed ould Abdallahi"),
                                 ("Patiente : Mariem mint Cheikh", "fr", "Mariem mint Cheikh"),
                                 ("Élève : Kabasele wa Tshimanga", "fr", "Kabasele wa Tshimanga"),
                                 ("Parent : Mbuyi wa Tshimanga", "fr", "Mbuyi wa Tshimanga"),
                                 ("Passenger: Khalid ibn Rashid", "en", "Khalid ibn Rashid"),
                                 ("Guest: Fatima bint Salem", "en", "Fatima bint Salem"),
                                 ("Bonjour Aminetou mint Ahmed", "fr", "Aminetou mint Ahmed")]:
        assert (name, "PERSON") in found(detector, text, language), text
    for text, language in [("Élève : Mohamed ould Abdallahi", "fr"), ("Passenger: Khalid ibn Rashid", "en")]:
        assert any(e == "PERSON" and ("Abdallahi" in s or "Rashid" in s) for s, e in found(patterns_only, text, language))
    for text, language in [("Rooibos mint Tea, 20 bags", "en"), ("Lamb Chops with mint Sauce", "en"),
                           ("Smaak: Citroen mint Gember", "nl"), ("Big Mac Menu", "en"), ("Flights to Abu Dhabi", "en")]:
        assert not {e for _, e in found(detector, text, language) if e == "PERSON"}, text


def test_a_lower_case_name_after_a_one_person_roles_label_is_a_person(detector, patterns_only):
    """Review 30 F8: a name the visitor typed in lower case, shown back after a one-person role's label, was stored
    ("Élève : yanis benali", "Deelnemer: wannes peeters", "Patient: lotte de smet"): the role labels read capitalised
    words only. Its given name a common one, as for a name typed alone; the site's own line after such a label, in
    lower case too, stays."""
    for text, language, name in [("Élève : yanis benali, classe 5A", "fr", "yanis benali"),
                                 ("Deelnemer: wannes peeters", "nl", "wannes peeters"),
                                 ("Patient: lotte de smet", "nl", "lotte de smet"),
                                 ("Teilnehmerin: lena schmidt", "de", "lena schmidt"),
                                 ("Leerling: mila jansen (3B)", "nl", "mila jansen"),
                                 ("Titulaire : marie dubois", "fr", "marie dubois")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
        assert (name, "PERSON") in found(detector, text, language), text
    for text, language in [("Deelnemer: max. 12 personen", "nl"), ("Deelnemer: max twee personen", "nl"),
                           ("Leerling: vanaf 6 jaar", "nl"), ("Participant : non requis", "fr"),
                           ("Passenger: adult fare", "en"), ("Élève : tarif réduit", "fr"), ("Élève : rose bonbon", "fr"),
                           ("Titulaire : carte bancaire", "fr"), ("Guest: will arrive late", "en")]:
        assert not {e for _, e in found(detector, text, language) if e == "PERSON"}, text


@pytest.mark.xfail(strict=True, reason="review 30 F8, left: a lower-case given name far more often an everyday word "
                   "('roos', 'rose', 'max') after a role's label is read as the site's word ('Élève : rose bonbon')")
def test_a_lower_case_name_whose_given_name_is_a_word_after_a_roles_label_is_a_person(patterns_only):
    assert ("roos van dijk", "PERSON") in found(patterns_only, "Patiënt: roos van dijk", "nl")


# Review 30 F1: a name in a script without capitals after the words that say a person follows
CASELESS_SCRIPT_NAMES = [
    ("Élève : محمد العلوي, classe 5A", "fr", "محمد العلوي"),
    ("Leerling: محمد العلوي (3B)", "nl", "محمد العلوي"),
    ("Ouder: فاطمة بنعلي", "nl", "فاطمة بنعلي"),
    ("Patient : ተስፋይ ገብረመድህን", "fr", "ተስፋይ ገብረመድህን"),
    ("Contact : 王小明", "fr", "王小明"),
    ("Élève : דוד כהן", "fr", "דוד כהן"),
    ("Bonjour محمد العلوي, votre commande est prête", "fr", "محمد العلوي"),
    ("Bestelling #1042 — 王小明 heeft betaald", "nl", "王小明"),
    ("Réservation pour ተስፋይ ገብረመድህን, 2 personnes", "fr", "ተስፋይ ገብረመድህን"),
    ("Klant: محمد العلوي", "nl", "محمد العلوي"),
    ("Contact d'urgence : sa mère فاطمة بنعلي", "fr", "فاطمة بنعلي"),
    # of the same class: a recipient's label, a booking's name, a welcome back, a Korean and a Thai name, a deed
    ("Geleverd aan: 김민준", "nl", "김민준"),
    ("Table pour 4 au nom de سليمة بنعلي", "fr", "سليمة بنعلي"),
    ("Welcome back, נחמה גולדפרב!", "en", "נחמה גולדפרב"),
    ("Passenger: สมชาย ใจดี", "en", "สมชาย ใจดี"),
    ("欧阳娜娜 a réservé 2 places", "fr", "欧阳娜娜"),
    # a Tamil name after the word of who signs (held-out round 41)
    ("Signé : தர்ஷன் சிவகுமார்", "fr", "தர்ஷன் சிவகுமார்"),
]


@pytest.mark.parametrize("text,language,name", CASELESS_SCRIPT_NAMES)
def test_a_name_in_a_script_without_capitals_after_words_that_say_a_person_is_a_person(patterns_only, text, language,
                                                                                       name):
    """Review 30 F1: a school's, a clinic's or a shop's page showing its visitor's name in Arabic, Hebrew, Ge'ez,
    Chinese letters after a role's label, a greeting, a booking's or a relative's word stored it readable: every name
    pattern wanted a capital, which no letter of those scripts has (caseless_script_name)."""
    assert (name, "PERSON") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Bienvenue مرحبا بكم", "fr"), ("Welcome 欢迎光临", "en"), ("Merci شكرا", "fr"), ("Bienvenue — ברוכים הבאים", "fr"),
    ("Langue : العربية", "fr"), ("Produit : زيت الزيتون", "fr"), ("Notre restaurant 北京饭店 vous accueille", "fr"),
    ("Menu : Accueil · الرئيسية · Contact", "fr"), ("Nos spécialités : 北京烤鸭, 宫保鸡丁", "fr"),
])
def test_a_sites_own_words_in_a_script_without_capitals_stay(patterns_only, text, language):
    """Review 30 F1's guard: a site's heading, product, menu or bilingual welcome in such a script names no one."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}


@pytest.mark.parametrize("text,language,name", [
    ("merci de remettre le colis à nguyễn thị lan au 2e étage", "fr", "nguyễn thị lan"),
    ("remettre à trần văn nam demain", "fr", "trần văn nam"),
    ("graag afgeven bij phạm minh chính op maandag", "nl", "phạm minh chính"),
    ("envoyez à lê văn tám svp", "fr", "lê văn tám"),
    ("à Nguyễn thị hằng", "fr", "Nguyễn thị hằng"),
])
def test_a_vietnamese_name_in_lower_case_is_a_person(patterns_only, text, language, name):
    """Review 30 F11: a Vietnamese name typed in lower case ("à nguyễn thị lan") was stored but for its last word:
    vietnamese_name wanted capitals, and the lower-case readings a known given name first. Its surname from the list
    and Vietnamese syllables after it are a person's, up to a small word of the site languages ("au", "op")."""
    assert (name, "PERSON") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("livraison à lyon demain", "fr"), ("livraison à domicile gratuite", "fr"), ("Nguyen et Fils, traiteur", "fr"),
    ("à la maison de mon ami", "fr"), ("bezorgen aan de deur", "nl"),
])
def test_a_place_or_a_product_after_a_in_lower_case_stays(patterns_only, text, language):
    """Review 30 F11's guard: "à" before a place or a thing in lower case, and a Vietnamese surname with a Latin
    word after it, name no one so read."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}


@pytest.mark.parametrize("text,language,name", [
    ("Client : Nguyen Van Anh", "fr", "Nguyen Van Anh"),
    ("Bonjour Nguyen Van Anh, votre commande est prête.", "fr", "Nguyen Van Anh"),
    ("Bestelling van Pham Van Duc is verzonden.", "nl", "Pham Van Duc"),
    ("Livraison pour Nguyen Van Hung, 2e étage.", "fr", "Nguyen Van Hung"),
    ("Klant: Le Van Thanh", "nl", "Le Van Thanh"), ("Abholung: Vo Van Kiet", "de", "Vo Van Kiet"),
    ("Élève : Ngo Van Binh", "fr", "Ngo Van Binh"), ("Contact: Do Van Hai", "en", "Do Van Hai"),
    ("Inscrite : Tran Thi Mai", "fr", "Tran Thi Mai"), ("à livrer chez nguyen van anh au 3e", "fr", "nguyen van anh"),
])
def test_a_vietnamese_name_with_its_middle_name_van_is_a_person_whole(detector, text, language, name):
    """Review 32 F2: "Client : Nguyen Van Anh" was stored "Nguyen Van ***": "Van" was read as a Dutch particle a
    name starts after ("Brief van Jan"), so only "Anh" was masked. After a Vietnamese surname "Van" and "Thi" are the
    middle name, and the name starts at the surname; a surname without its marks ("Le", "Vo", "Do": words of other
    languages too) says a name before that middle name and a Vietnamese syllable."""
    assert (name, "PERSON") in found(detector, text, language)


@pytest.mark.parametrize("text,language,kept", [
    ("Brief van Jan Peeters", "nl", "Jan Peeters"),
    ("Retour van Łukasz Wiś", "nl", "Łukasz Wiś"),
])
def test_the_words_before_a_particle_and_a_given_name_stay_beside_a_vietnamese_middle_name(detector, text, language,
                                                                                           kept):
    """Review 32 F2's guard: the words a Dutch "van" closes before a given name are still no part of the name."""
    assert {(t, e) for t, e in found(detector, text, language) if e == "PERSON"} == {(kept, "PERSON")}


@pytest.mark.parametrize("text,language", [
    ("Van Gogh Museum", "nl"), ("Le Van Gogh Museum d'Amsterdam est ouvert.", "fr"),
    ("Le Van Damme de notre enfance", "fr"), ("Do Van Dijk Installaties 9-17 Uhr", "de"),
])
def test_a_dutch_name_after_van_is_no_vietnamese_name(detector, text, language):
    """Review 32 F2's guard: "Le" or "Do" then "Van" and a Dutch name ("Gogh", "Damme"), which Vietnamese does not
    spell, is the site's museum or film star, read as the model reads it."""
    assert not [t for t, e in found(detector, text, language) if e == "PERSON" and t.startswith(("Le ", "Do "))]


@pytest.mark.parametrize("text,language,address", [
    ("mail mij op lotte punt devos apestaartje gmail punt com", "nl", "lotte punt devos apestaartje gmail punt com"),
    ("mijn mail: wout.peeters apestaart telenet.be", "nl", "wout.peeters apestaart telenet.be"),
    ("mijn mail: wout.peeters apenstaart telenet.be", "nl", "wout.peeters apenstaart telenet.be"),
    ("écrivez à margaux arrobase free.fr merci", "fr", "margaux arrobase free.fr"),
    ("écrivez à margaux.leroy arobas orange point fr", "fr", "margaux.leroy arobas orange point fr"),
    ("écrivez à margaux arrobe free point fr", "fr", "margaux arrobe free point fr"),
    ("schreib an hanne.wuyts Klammeraffe gmx punkt de", "de", "hanne.wuyts Klammeraffe gmx punkt de"),
])
def test_an_e_mail_address_spelled_with_another_word_for_its_at_is_found(patterns_only, text, language, address):
    """Review 32 F12: "lotte punt devos apestaartje gmail punt com" was stored but for its first words: at_words held
    "apenstaartje" and not "apestaartje", as often typed. The spellings people type for the "@" in the site
    languages are listed (Dutch "apestaart", French "arrobase", "arobas", "arrobe")."""
    assert (address, "EMAIL_ADDRESS") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [
    ("Onze mascotte is een aapje met een apestaart.", "nl"), ("De apestaart van het aapje.", "nl"),
    ("Le caroubier, ou arrobe, pousse au soleil.", "fr"),
])
def test_a_word_for_the_at_in_a_sentence_is_no_e_mail_address(patterns_only, text, language):
    """Review 32 F12's guard: the words for the "@" said of a monkey's tail or a carob, with no domain after, stay."""
    assert not {e for _, e in found(patterns_only, text, language)} & {"EMAIL_ADDRESS"}


def test_ghanas_southern_africas_indias_and_japans_given_names_are_known(patterns_only):
    """Held-out set 21 kept "Bedankt Serwaa", "Collected by Tendai", "Member since 2018: Arnav Kapoor", "Siddharth Rao"
    alone and (patterns only) "Haruto Sato": Ghana's Akan and Ewe names, Zimbabwe's and South Africa's, and India's and
    Japan's names of today's children join the extra given names as the Horn of Africa's did; a word among them ("Ama",
    "Diya", a lamp) is left out."""
    for text, language, name in [("Bedankt Serwaa, je accordeon is hersteld.", "nl", "Serwaa"),
                                 ("Collected by Tendai on Saturday morning", "en", "Tendai"),
                                 ("Merci Adwoa, à samedi !", "fr", "Adwoa"),
                                 ("Member since 2018: Arnav Kapoor", "en", "Arnav Kapoor"),
                                 ("Siddharth Rao", "en", "Siddharth Rao"),
                                 ("Room booked by Haruto Sato for two nights", "en", "Haruto Sato"),
                                 ("Hallo Thabo, dein Kurs beginnt am Montag.", "de", "Thabo")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    assert not {e for _, e in found(patterns_only, "Diya en laiton, bougies et encens", "fr")} & {"PERSON"}


def test_a_dutch_partnerships_form_in_lower_case_closes_the_business_name_before_its_address(patterns_only):
    """Held-out set 21: a clog maker's footer "Klompenmakerij Van Dam vof, Dorpsstraat 21, 1456 AB Wijdewormer" had its
    own street and postcode masked: "VOF" closed a business's name only in capitals, as "sàrl" did only in capitals
    before set 19. A visitor's address after a person's name stays masked."""
    for text in ["Klompenmakerij Van Dam vof, Dorpsstraat 21, 1456 AB Wijdewormer",
                 "Bakkerij Smits v.o.f. · Kerkstraat 4 · 5211 AB 's-Hertogenbosch"]:
        assert not found(patterns_only, text, "nl"), text
    assert ("Dorpsstraat 21", "POSTAL_ADDRESS") in found(
        patterns_only, "Stuur het naar Jan Smits, Dorpsstraat 21, 1456 AB Wijdewormer", "nl")


def test_a_hostels_dormitories_named_after_people_are_rooms(detector):
    """Held-out set 21: a youth hostel's "Rooms: Dorm Anne Frank, Dorm Jacques Brel and Dorm Hergé" read two dorms as
    people: a dormitory is a room, whose name after its word is no person's ("Kamer Magritte"). A guest in a dorm is."""
    for text, language in [("Rooms: Dorm Anne Frank, Dorm Jacques Brel and Dorm Hergé", "en"),
                           ("Dortoir Jacques Brel : 8 lits, salle de bain partagée", "fr"),
                           ("Slaapzaal Anne Frank — 6 bedden", "nl")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Sofia Rossi", "PERSON") in found(detector, "Guest in dorm 3: Sofia Rossi", "en")


def test_whose_order_it_is_before_a_products_measure_is_a_person(patterns_only):
    """Held-out set 21: "Bestellung von Björn Lindqvist: 2 kg Dinkelmehl" kept the name: the run read from "Bestellung"
    through "von" to the surname, and a measure after it made the line a product's title ("Lamp Olivia met linnen kap,
    E27"). The words a particle closes before the given name say whose it is, not a product's name; a product named
    after a given name with its measures stays."""
    for text, language, name in [("Bestellung von Björn Lindqvist: 2 kg Dinkelmehl, 1 kg Roggenmehl", "de",
                                  "Björn Lindqvist"),
                                 ("Bestelling van Jonas Becker: 2 kg bloem", "nl", "Jonas Becker")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text in ["Lamp Olivia met linnen kap, E27", "Koekjes van Juffrouw Janssens, doos van 500 g"]:
        assert not {e for _, e in found(patterns_only, text, "nl")} & {"PERSON"}, text


def test_a_farms_animals_listed_after_their_kind_name_no_one(detector):
    """Held-out set 21: a carriage ride's "meet our horses Duke, Bella and Old Tom" read its horses as people. The animals
    a farm, a stable or a musher lists after their kind's plural are read as a maker's models are (model_labels); a
    person after the word and a verb is none of the list."""
    for text, language in [("Carriage rides: meet our horses Duke, Bella and Old Tom", "en"),
                           ("Maak kennis met onze paarden Bella, Max en Sultan", "nl"),
                           ("Unsere Ponys Lotte, Fritz und Pauline freuen sich auf euch", "de")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert {("Lisa Jansen", "PERSON"), ("Tom Peters", "PERSON")} <= found(
        detector, "Our horses were groomed by Lisa Jansen and Tom Peters", "en")


def test_story_figures_in_the_site_languages_own_names_are_no_one(detector):
    """Held-out set 21: a treetop park's "Le parcours Robin des Bois, le parcours Tarzan" read the outlaw as a person:
    the figures set 19 listed were known by their English names only. Their French, Dutch and German names join them; a
    visitor whose name starts alike stays a person."""
    for text, language in [("Le parcours Robin des Bois, le parcours Tarzan et la Grande Tyrolienne", "fr"),
                           ("Speeltuin met het schip van Kapitein Haak en het huis van Tijl Uilenspiegel", "nl")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Robin Desbois", "PERSON") in found(detector, "Bonjour Robin Desbois, votre réservation est confirmée", "fr")


def test_a_services_packages_and_oysters_listed_after_their_word_name_no_one(detector):
    """Held-out set 21: a car wash's "programmes: Basic, Shine and Diamond Wax" and an oyster farm's "Nos huîtres : Fine
    de Claire, Spéciale Gillardeau et Belon" read a package and three oysters as people: they are listed after their
    word as a maker's models are (model_labels). A person the packages are for stays."""
    for text, language in [("Car wash programmes: Basic, Shine and Diamond Wax", "en"),
                           ("Nos huîtres : Fine de Claire, Spéciale Gillardeau et Belon", "fr")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Sarah Collins", "PERSON") in found(detector, "Packages booked by Sarah Collins for Saturday", "en")


#: the site's own text shaped like a person's name: a chain named after its founder, a hospital under its acronym, a
#: shoe's model after its word (review 31 O1)
NAMED_LIKE_PEOPLE = [("Ook verkrijgbaar bij Albert Heijn, Jumbo en Dirk van den Broek.", "nl"),
                     ("Boodschappen bestellen bij Jan Linders of Dekamarkt", "nl"),
                     ("Gutschein einlösbar bei Hans im Glück und Peter Pane", "de"),
                     ("Pain de chez Marie Blachère ou Paul", "fr"), ("Livraison gratuite au Louis Delhaize de Mons", "fr"),
                     ("Clinique Saint-Jean, Hôpital Ambroise-Paré, CHU Brugmann", "fr"),
                     ("Opname in UZ Gent, AZ Groeninge of AZ Sint-Jan", "nl"),
                     ("Modell Paula Sneaker in Weiß, Modell Anton Boots in Braun", "de"),
                     ("Modèle Louise, escarpin en cuir verni", "fr")]


@pytest.mark.parametrize("text,language", NAMED_LIKE_PEOPLE)
def test_chains_hospitals_and_models_named_like_people_are_no_one(detector, text, language):
    """Review 31 O1: a shop's list of where to buy it masked "Dirk van den Broek", "Jan Linders", "Peter Pane", "Marie
    Blachère", "Louis Delhaize" (rules/pii.yaml brands: chains known whole, as "Albert Heijn"), a hospitals' list
    "CHU Brugmann" (institution_acronyms, in capitals) and a shoe shop "Modell Paula Sneaker" (German's and French's
    singular model_labels, no one who poses)."""
    assert not {e for _, e in found(detector, text, language) if e == "PERSON"}, text


def test_a_person_beside_a_chain_a_hospital_or_a_model_is_still_one(detector):
    """Review 31 O1's controls: a visitor's name that is no chain's, a patient after the hospital's name and its comma,
    a fashion model credited under Dutch's "Model:", and a name in lower-case "az" (Hungarian's article) are people."""
    for text, language, name in [("Boodschappen bestellen voor Jan Lindemans", "nl", "Jan Lindemans"),
                                 ("Opname in AZ Groeninge, patiënt: Sanne Jansen", "nl", "Sanne Jansen"),
                                 ("Model: Lotte Peeters draagt maat 36", "nl", "Lotte Peeters"),
                                 ("Pain de chez Marie Dupont ou Paul", "fr", "Marie Dupont")]:
        assert (name, "PERSON") in found(detector, text, language), text


def test_a_shops_address_after_a_brand_no_one_is_called_is_the_shops(detector):
    """Review 31 O1: "Le Pain Quotidien, rue Antoine Dansaert 16, 1000 Bruxelles" masked the chain's own address: a
    listed brand whose first word is no given name before the address says the shop's (names.is_site_address). A chain
    named like a person before an address may be a visitor called so: that address stays masked."""
    assert not found(detector, "Le Pain Quotidien, rue Antoine Dansaert 16, 1000 Bruxelles", "fr")
    assert ("Kerkstraat 12", "POSTAL_ADDRESS") in found(detector, "Jan Linders, Kerkstraat 12, 5911 Venlo", "nl")
    assert ("Kerkstraat 12", "POSTAL_ADDRESS") in found(detector, "Sanne Jansen, Kerkstraat 12, 9000 Gent", "nl")


def test_an_hour_on_a_french_programme_is_no_house_number(patterns_only):
    """Held-out set 22: a lighthouse night's "Programme : 20 h conférence, 22 h montée au sommet" read "22 h montée au
    sommet" as a street ("h" a house number's letter, "montée" a street's word). French writes an hour so: a house
    number's letter is no "h"; a visitor's street after its number stays an address."""
    for text in ["Programme de la nuit du phare : 20 h conférence, 22 h montée au sommet",
                 "Programme : 10 h visite, 14 h cours de cuisine, 16 h place du marché", "Départ 9h route des crêtes"]:
        assert not found(patterns_only, text, "fr"), text
    for text, address in [("J'habite au 12 b rue de la Paix", "12 b rue de la Paix"),
                          ("Livrez au 3 bis avenue Foch, merci", "3 bis avenue Foch")]:
        assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, "fr"), text


def test_a_german_traders_and_partnerships_form_closes_the_business_name_before_its_address(patterns_only):
    """Held-out set 22: a wig maker's footer "Perücken Schneider e.K. · Bahnhofstraße 14 · 66111 Saarbrücken" had its
    own street and postcode masked: a registered trader's "e.K." and the partnerships' "OHG", "GbR" closed no business's
    name, as "vof" did not before set 21. A visitor's address after a person's name stays masked."""
    for text in ["Perücken Schneider e.K. · Bahnhofstraße 14 · 66111 Saarbrücken",
                 "Metzgerei Bauer OHG, Hauptstraße 3, 54290 Trier", "Schreinerei Weber GbR · Lindenweg 7 · 79098 Freiburg"]:
        assert not found(patterns_only, text, "de"), text
    assert ("Lindenweg 7", "POSTAL_ADDRESS") in found(
        patterns_only, "Bitte an Jan Weber, Lindenweg 7, 79098 Freiburg schicken", "de")


def test_a_delivery_areas_range_of_postcodes_is_no_street(patterns_only):
    """Held-out set 22: "Wij werken in 7700 tot 7799, 8000, 8300 en 8400" read "tot 7799, 8000" as a street typed in
    lower case, its number and a postcode (street_number_postcode). The words that join a range or a list of postcodes
    are no street's; a street typed so stays an address."""
    for text, language in [("Wij werken in 7700 tot 7799, 8000, 8300 en 8400", "nl"),
                           ("We deliver to 2000 and 2018, 2020", "en")]:
        assert not found(patterns_only, text, language), text
    for text in ["meir 12 2000", "dorpsstraat 5 1234ab"]:
        assert (text, "POSTAL_ADDRESS") in found(patterns_only, text, "nl"), text


def test_a_cat_cafes_cats_a_farms_dogs_and_a_growers_tulips_listed_after_their_word_name_no_one(detector):
    """Held-out set 22: "Meet our cats: Pumpkin, Biscuit, Mrs Whiskers and Captain Fluff", "Nos chiens truffiers : Pepito,
    Lola et Tchoupi" and (with NER) "Our tulips: Queen of Night, Prinses Irene, Abu Hassan and Apricot Beauty" read the
    animals and the varieties as people. They join model_labels as set 21's horses did; the kind may have a word or two
    after it before the colon ("chiens truffiers :"), and a title before a name in the list is the name's. A person after
    the word and a verb, or after a role's label in the list, stays."""
    for text, language in [("Meet our cats: Pumpkin, Biscuit, Mrs Whiskers and Captain Fluff", "en"),
                           ("Nos chiens truffiers : Pepito, Lola et Tchoupi", "fr"),
                           ("Our tulips: Queen of Night, Prinses Irene, Abu Hassan and Apricot Beauty", "en"),
                           ("Onze katten Minou, Felix en Tijger wachten op een baasje", "nl")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    for text, language, name in [("Our cats were fed by Lisa Jansen and Tom Peters", "en", "Lisa Jansen"),
                                 ("Chiens : Max (propriétaire : Julie Martin)", "fr", "Julie Martin"),
                                 ("Horses: Duke and Bella, rider: Mrs Peeters", "en", "Peeters")]:
        assert (name, "PERSON") in found(detector, text, language), text


def test_a_title_and_surname_the_page_addresses_before_a_colon_or_a_full_stop(patterns_only):
    """Held-out set 22: "Ihr Termin, Frau Schäfer: Perückenanpassung am 12.01." kept the surname: a title and a surname
    the page's sentence addresses were read before a comma, "!" or "?" only. A colon, a full stop and the text's end
    close it too; a work a title opens stays ("Grimms Märchen, Frau Holle")."""
    for text, language, name in [("Ihr Termin, Frau Schäfer: Perückenanpassung am 12.01. um 10 Uhr", "de", "Schäfer"),
                                 ("Vielen Dank für Ihre Bestellung, Frau Schäfer.", "de", "Schäfer"),
                                 ("Bedankt voor uw bestelling, mevrouw Claes.", "nl", "Claes"),
                                 ("Uw afspraak, meneer Goossens", "nl", "Goossens")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    assert not found(patterns_only, "Grimms Märchen, Frau Holle", "de")


def test_nigerias_kenyas_and_koreas_given_names_are_known(patterns_only):
    """Held-out set 22 kept "Order for Chinonso Eze", "Collected by Wanjiru" and "Skates booked by Min-jun Park": the name
    list lacks Nigeria's Igbo and Yoruba names and Kenya's, as it lacked Ghana's, and Korea's names of today, whose
    second syllable Korea writes after a hyphen in lower case (read whole as a given name, and so is "Jean-luc" typed
    so)."""
    for text, language, name in [("Order for Chinonso Eze: 2 bottles of mead, gift box", "en", "Chinonso Eze"),
                                 ("Collected by Wanjiru on Friday afternoon", "en", "Wanjiru"),
                                 ("Bedankt Otieno, je manden zijn verzonden.", "nl", "Otieno"),
                                 ("Hallo Temitope, dein Kurs beginnt am Montag.", "de", "Temitope"),
                                 ("Skates booked by Min-jun Park", "en", "Min-jun Park"),
                                 ("Réservé par Seo-yeon Kim", "fr", "Seo-yeon Kim")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    # a capitalised given name and a lower-case word after its hyphen is a word's compound, unless known whole
    assert not found(patterns_only, "Rosé-wijn Bakker uit de Provence", "nl")


def test_a_sheep_farms_rams_and_a_sanctuarys_seals_listed_after_their_word_name_no_one(detector):
    """Held-out set 23: "Onze rammen: Bertus, Karel en Dikke Willem" read the rams as people ("Bertus, Karel" a surname
    and a given name, "Dikke Willem" with NER). Sheep, rams, ewes, lambs and seals join model_labels as the cats, dogs
    and horses did; a person after the word and a verb stays."""
    for text, language in [("Onze rammen: Bertus, Karel en Dikke Willem", "nl"),
                           ("Meet our seals: Pebbles, Mr Darcy, Luna and Sir Galahad", "en"),
                           ("Nos brebis : Marguerite, Capucine et Noisette", "fr")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Jan Peeters", "PERSON") in found(detector, "Onze rammen werden geschoren door Jan Peeters", "nl")


def test_brazils_given_names_are_known(patterns_only):
    """Held-out set 23 kept "Reservatie: Thiago Oliveira, 2 personen": the name list, made from European registers, lacks
    Brazil's given names of today and the spellings Brazil registers them in ("Thiago", "Matheus", "Kauã", "Isadora")."""
    for text, language, name in [("Reservatie: Thiago Oliveira, 2 personen, woonboot, 3 nachten", "nl", "Thiago Oliveira"),
                                 ("Obrigado Matheus, your order has shipped.", "en", "Matheus"),
                                 ("Bonjour Isadora Ribeiro, votre cours commence lundi.", "fr", "Isadora Ribeiro"),
                                 ("Booked by Kauã Ferreira", "en", "Kauã Ferreira")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text


def test_a_residence_opens_a_french_street(patterns_only):
    """Held-out set 23 kept "Résidence les Glycines 4 (2e étage)": French and Belgian addresses name a block of flats
    where a street's name stands, before its number, as a close or a hamlet does ("Clos des Vignes 4"). A residence's
    word without a capitalised name and a number after it stays text."""
    for text, address in [("Résidence les Glycines 4 (2e étage)", "Résidence les Glycines 4"),
                          ("Livraison : Résidence Les Pins 12, 1050 Ixelles", "Résidence Les Pins 12")]:
        assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, "fr"), text
    for text in ["La résidence 3 étoiles au bord du lac", "Résidence d'artistes 2026"]:
        assert not found(patterns_only, text, "fr"), text


@pytest.mark.parametrize("text, language, number", [
    ("Huisarts: dr. Koenraad Verschaeve — RIZIV 1-48215-37-004", "nl", "1-48215-37-004"),
    ("Mijn huisarts (1-48215-37-004) stuurt de verwijsbrief.", "nl", "1-48215-37-004"),
    ("Médecin traitant : Dr Martin, INAMI 1/48215/37/004", "fr", "1/48215/37/004"),
    ("Uw huisarts: 1.48215.37.004", "nl", "1.48215.37.004"),
    ("RIZIV-nummer van de huisarts: 14821537004", "nl", "14821537004"),
    ("Numéro INAMI du médecin : 14821537004", "fr", "14821537004"),
])
def test_a_belgian_doctors_riziv_number_is_found(patterns_only, text, language, number):
    """Held-out round 46's probe: a GP's RIZIV (INAMI) number, which names him and so the visitor's doctor, was
    stored in a summary ('Huisarts: dr. ******** ********** — RIZIV 1-48215-37-004') and in a remark. Its grouped
    shape (one digit, five, two, three) is its own; eleven bare digits are any number's, read beside its word."""
    assert number in {sub for sub, _ in found(patterns_only, text, language)}


def test_a_charitys_registered_number_is_the_sites_own(patterns_only):
    """Held-out set 23: a seal sanctuary's footer "Registered charity no. 1084412" read the charity's number in its
    register as a member's (numbered_identifier: a noun, "no." and five digits or more). A charity's word names the site's
    own number, as a company's does; a member's number stays masked."""
    for text in ["Registered charity no. 1084412", "© 2026 Seal Rescue Trust · Charity No. 1084412"]:
        assert not found(patterns_only, text, "en"), text
    assert ("1084412", "CUSTOMER_ID") in found(patterns_only, "Membership no. 1084412", "en")


def test_a_dedication_opened_by_french_a_dutch_aan_or_german_an(patterns_only):
    """Held-out set 23 kept a memorial plaque's "Gravure sur la plaque : « À Marcel, notre papi — 1941-2026 »": a
    dedication was read after "pour", "voor", "für", "to", "for" only. French's "À", Dutch's "Aan" and German's "An" open
    one as well; they open a line about a place as often, so a given name that is a place's too ("Nancy", "Florence"),
    an occasion or a word after them stays text."""
    for text, language, name in [("Gravure sur la plaque : « À Marcel, notre papi — 1941-2026 »", "fr", "Marcel"),
                                 ("Aan Anna, onze oma", "nl", "Anna"), ("An Lukas, zur Taufe", "de", "Lukas")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("À Nancy, le musée est ouvert le dimanche", "fr"), ("À Florence, visitez les Offices", "fr"),
                           ("À Noël, offrez un bon cadeau", "fr"), ("An Silvester, ab 20 Uhr", "de"),
                           ("Aan Zee, het hotel aan het strand", "nl")]:
        assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}, text


def test_a_growers_orchids_hybrids_and_varieties_listed_after_their_word_name_no_one(detector):
    """Held-out set 24: an orchid nursery's "Our hybrids: Lady Jane, Princess Mikasa and Miss Joaquim" read the hybrids
    as people ("Princess Mikasa"; with NER "Joaquim" too). Orchids, hybrids and varieties join model_labels as the
    tulips did; a person after the word and a verb stays."""
    for text, language in [("Our hybrids: Lady Jane, Princess Mikasa and Miss Joaquim", "en"),
                           ("Nos orchidées : Lady Jane, Princess Mikasa et Miss Joaquim", "fr"),
                           ("Onze variëteiten: Prinses Irene, Koningin Fabiola en Meneer Jansen", "nl")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Jan Peeters", "PERSON") in found(detector, "Onze orchideeën werden verpot door Jan Peeters", "nl")


def test_a_farewell_till_the_next_day_addresses_a_name(patterns_only):
    """Held-out set 24 kept "Tot morgen, Dries!": the farewells read before a name were "tot ziens", "tot straks", "bis
    bald"…, not those till the next day. "Tot morgen", "À demain", "Bis morgen" and "See you tomorrow" join them; a
    sale's or an offer's end ("Korting tot morgen Middernacht", "See you Saturday!") stays text."""
    for text, language, name in [("Tot morgen, Dries!", "nl", "Dries"), ("À demain, Anaïs !", "fr", "Anaïs"),
                                 ("Bis morgen, Jonas!", "de", "Jonas"), ("See you tomorrow, Callum!", "en", "Callum"),
                                 ("See you soon Callum", "en", "Callum"), ("tot morgen lotte!", "nl", "lotte")]:
        assert found(patterns_only, text, language) == {(name, "PERSON")}, text
    for text, language in [("Korting tot morgen Middernacht", "nl"), ("Angebot gilt bis morgen Mittag", "de"),
                           ("See you Saturday!", "en"), ("See you in Paris!", "en")]:
        assert not found(patterns_only, text, language), text


def test_a_fetes_or_a_name_days_wish_addresses_a_name(patterns_only):
    """Held-out set 24 kept "Bonne fête Anaïs, ton feu d'artifice est prêt !": the wishes read before a known given name
    were a birthday's. A fête's or a name day's join them; a feast's own name stays text."""
    for text, language, name in [("Bonne fête Anaïs, ton feu d'artifice est prêt !", "fr", "Anaïs"),
                                 ("Happy name day Zofia!", "en", "Zofia"),
                                 ("Alles Gute zum Namenstag Waltraud", "de", "Waltraud"),
                                 ("Alles Gute zum Namenstag, Florian!", "de", "Florian")]:
        assert found(patterns_only, text, language) == {(name, "PERSON")}, text
    for text in ["Bonne fête des mères !", "Bonne fête Maman", "bonne fête de la musique"]:
        assert not found(patterns_only, text, "fr"), text


def test_a_german_noun_opening_the_next_clause_after_an_addressed_name_is_no_one(patterns_only):
    """Held-out set 24: "Ihr Termin, Herr Wohlgemuth, Dachinspektion am 14.03." read the noun after the surname's comma as
    the next person of a list (engine's pair_partner). One word no list knows, with the sentence going on after it in
    lower case, is no list's next entry; the next name of a list, known or not, before a comma, a conjunction or a
    bracket, stays masked."""
    for text, surname in [("Ihr Termin, Herr Wohlgemuth, Dachinspektion am 14.03. um 8 Uhr", "Wohlgemuth"),
                          ("Ihr Termin, Frau Schäfer, Anlieferung ab 7 Uhr", "Schäfer")]:
        assert found(patterns_only, text, "de") == {(surname, "PERSON")}, text
    for text, language, name in [("Teilnehmer: Jonas Meier, Selin Aydın, Milica Jovanović", "de", "Milica Jovanović"),
                                 ("Kinderen: Noor, Xandro (8) en Lise", "nl", "Xandro"),
                                 ("Thanks Tamsin, Kwabena will call you", "en", "Kwabena")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text


@pytest.mark.parametrize("text,language,expected", [
    ("My resident registration number is 910423-2847514, thanks", "en", [("910423-2847514", "NATIONAL_ID")]),
    ("Voor het dossier: 주민등록번호 910423-2847514. Dank u wel", "nl", [("910423-2847514", "NATIONAL_ID")]),
    ("910423-2847514", "nl", [("910423-2847514", "NATIONAL_ID")]),  # its date and check digit alone
    ("RRN 201105-4123456 (mijn dochter)", "nl", [("201105-4123456", "NATIONAL_ID")]),  # since 2020: no check digit
    ("주민등록번호: 9104232847514", "nl", [("9104232847514", "NATIONAL_ID")]),
    ("Factuur 240315-1000012 van 15 maart", "nl", []),  # an invoice's number of its shape, failing the check
    ("Ref. 910423-2847515", "fr", []),
])
def test_a_korean_resident_registration_number_is_a_national_id(patterns_only, text, language, expected):
    """Held-out round 43, probed beside the page: a Korean resident registration number in a remark ("My resident
    registration number is 910423-2847514", "주민등록번호 910423-2847514") was stored: no recognizer had its shape (a
    birth date, a digit for the century and sex, six more, the last a check digit until 2020: python-stdnum's
    kr.rrn)."""
    check(patterns_only, text, language, expected)


@pytest.mark.parametrize("text,language,address", [
    ("We woonden in Seoul, Mapo-gu, World Cup buk-ro 396, tot vorige maand.", "nl", "Mapo-gu, World Cup buk-ro 396"),
    ("Office: Teheran-ro 152, Gangnam-gu, Seoul", "en", "Teheran-ro 152"),
    ("Gangnam-daero 94-gil 15", "en", "Gangnam-daero 94-gil 15"),
    ("Ons vorige adres was 서울특별시 마포구 월드컵북로 396.", "nl", "서울특별시 마포구 월드컵북로 396"),
    ("테헤란로 152", "nl", "테헤란로 152"),
])
def test_a_korean_road_name_address_is_an_address(patterns_only, text, language, address):
    """Held-out round 43, probed beside the page: a Korean road-name address typed in a remark, romanised ("Mapo-gu,
    World Cup buk-ro 396") or in Hangul after a word no label is ("월드컵북로 396"), kept its road and number: no street
    rule knew the road's "-ro", "-daero", "-gil" (로, 길). The guard: a particle's word before a number with its unit
    ("출구로 10분"), and an everyday word of two parts before a number, are no address."""
    assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("3번 출구로 10분 걸어오세요", "nl"), ("Check-in 14 uur, check-out 11 uur", "nl"),
                                           ("Rock-and-roll 1950", "en")])
def test_a_korean_particle_or_a_compound_before_a_number_is_no_address(patterns_only, text, language):
    assert not {e for _, e in found(patterns_only, text, language)} & {"POSTAL_ADDRESS"}, text


@pytest.mark.parametrize("text,language,name", [
    ("황서연 (Hwang Seo-yeon), 010-4827-3916", "nl", "Hwang Seo-yeon"),
    ("Onze vorige huisarts was dr. Lee Ji-hoon in Seoul.", "nl", "Lee Ji-hoon"),
    ("Choi Young-ja komt soms mee als tolk", "nl", "Choi Young-ja"),
    ("Kim Min-soo, Yonsei Family Clinic", "en", "Kim Min-soo"),
])
def test_a_korean_name_surname_first_with_its_hyphened_given_name_is_a_person(patterns_only, text, language, name):
    """Held-out round 43, probed beside the page: a Korean name written surname first, its given name's two syllables
    joined by a hyphen, the second in small letters ("Hwang Seo-yeon" after the same name in Hangul, "dr. Lee
    Ji-hoon"), was kept whole or in part ("Lee Ji" masked, "-hoon" kept): no given name opens it, and the name rules
    read a second part with a capital only (recognizers.yaml korean_name)."""
    assert (name, "PERSON") in found(patterns_only, text, language)


@pytest.mark.parametrize("text,language", [("Ma Belle-mère est là", "fr"), ("Park Check-in 14 uur", "nl"),
                                           ("Moon Peut-être", "fr")])
def test_a_word_of_two_parts_after_a_korean_surname_or_a_short_word_is_no_korean_name(patterns_only, text, language):
    assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}, text


@pytest.mark.parametrize("text,language,phone", [
    ("Seo-yeon, 010-4827-3916", "nl", "010-4827-3916"),
    ("mijn Koreaanse nummer 010 4827 3916 blijft", "nl", "010 4827 3916"),
    ("01048273916", "fr", "01048273916"),
])
def test_a_korean_mobile_in_its_domestic_form_is_a_phone(patterns_only, text, language, phone):
    """Held-out round 43, probed beside the page: a Korean mobile written as Korea writes it at home ("010-4827-3916")
    with no phone word before it was kept: the trunk-0 pattern validates for the European regions only, where "010" is
    Rotterdam's code and eleven digits too many (recognizers.yaml phone_kr_mobile)."""
    assert (phone, "PHONE_NUMBER") in found(patterns_only, text, language)


def test_a_benefits_number_after_its_bodys_name_and_a_verb_and_a_matricule_after_cns_are_found(patterns_only):
    """Review 34 F11: a remark stored "mon numéro CAF est le 2345678", "Mon numéro allocataire CAF est 1234567", "Mon
    identifiant France Travail est 7654321B" and "numéro CNS 1985 0730 123 45" whole: numbered_identifier read a
    body's name after "n°" only for listed bodies and without a verb, not "est le" nor a letter closing the number,
    and Luxembourg's matricule (its check digits failing, as a made-up or mistyped one's do) was read beside "carte
    CNS" only, not the fund's name alone. The site's own "N° Siret", "N° Lot", a rank and the fund's name in a
    sentence stay."""
    for text, number, entity in [("mon numéro CAF est le 2345678", "2345678", "CUSTOMER_ID"),
                                 ("Mon numéro allocataire CAF est 1234567", "1234567", "CUSTOMER_ID"),
                                 ("Mon identifiant France Travail est 7654321B", "7654321B", "CUSTOMER_ID"),
                                 ("Mon numéro de membre est le 45127890", "45127890", "CUSTOMER_ID"),
                                 ("Mon n° MSA est 12345678", "12345678", "CUSTOMER_ID"),
                                 ("numéro CNS 1985073012345", "1985073012345", "NATIONAL_ID"),
                                 ("numéro CNS 1985 0730 123 45", "1985 0730 123 45", "NATIONAL_ID"),
                                 ("Ma CNS : 1985 0730 123 45", "1985 0730 123 45", "NATIONAL_ID")]:
        assert (number, entity) in found(patterns_only, text, "fr"), text
    for text in ["N° Siret 12345678901234", "N° Lot 123456 – à consommer avant", "Le numéro 1 en Belgique est 123456",
                 "La CNS rembourse 80 % de la consultation", "Numéro Siret : 12345678901234"]:
        assert not found(patterns_only, text, "fr"), text


def test_a_home_alarms_code_and_a_key_boxs_code_later_in_its_sentence_are_found(patterns_only):
    """Review 34 F12: a remark stored "Le code de l'alarme est 4711", "Der Code der Alarmanlage lautet 4711" and
    "Schlüsselbox an der Tür, Code 1357": an alarm was no access noun (only "alarm code" was read), and a key box's
    word was read right before its code only, not with "Code" a few words after it in the same sentence. A year
    after an alarm's word, a code for a discount in the sentence after a key box's and a lock's model stay."""
    for text, language, code in [("Le code de l'alarme est 4711", "fr", "4711"),
                                 ("Der Code der Alarmanlage lautet 4711", "de", "4711"),
                                 ("Code van het alarm: 8350", "nl", "8350"),
                                 ("code du système d'alarme : 2604", "fr", "2604"),
                                 ("Schlüsselbox an der Tür, Code 1357", "de", "1357"),
                                 ("Die Schlüsselbox hängt links neben dem Eingang, der Code ist 2468", "de", "2468"),
                                 ("Sleutelkluisje naast de garage, code 9051", "nl", "9051")]:
        assert (code, "SECRET") in found(patterns_only, text, language), text
    for text, language in [("Alarme 2024 : nouveautés", "fr"), ("Alarmanlage mit Code-Schloss 2024", "de"),
                           ("Schlüsselbox kaufen. Code 1357 gilt für den Rabatt", "de")]:
        assert not found(patterns_only, text, language), text


def test_a_particle_name_or_a_name_before_a_date_or_a_phone_is_read_by_its_shape(patterns_only):
    """Review 34 F8: given_name_surname left a run followed by a number to the products ("Nike Air Max 90"), so "Pieter
    van Dijk 12-03-2017" and "Anke de Vries 06-12345678" were no one; and a surname that is a word too ("Meer", Dutch's
    "more") after a particle was read as a sentence's word. A run with a lower-case particle is a name whatever number
    follows, but a street named after someone ("Jan van Goyenkade 5"); a run before a date or a phone too; the date
    right after the name is its bearer's birth date."""
    for text, name, date in [("Pieter van Dijk 12-03-2017", "Pieter van Dijk", "12-03-2017"),
                             ("Lotte van der Meer 3 mei 2016", "Lotte van der Meer", "3 mei 2016"),
                             ("Noor Ouali 12-03-2017", "Noor Ouali", "12-03-2017"),
                             ("Sanne Jansen 2016-05-04", "Sanne Jansen", "2016-05-04")]:
        got = found(patterns_only, text, "nl")
        assert {(name, "PERSON"), (date, "DATE_OF_BIRTH")} <= got, (text, got)
    assert ("Anke de Vries", "PERSON") in found(patterns_only, "Anke de Vries 06-12345678", "nl")
    assert ("Pieter van Dijk", "PERSON") in found(patterns_only, "Pieter van Dijk 7", "nl")
    for text in ["Jan van Goyenkade 5", "Nike Air Max 90", "Samsung Galaxy S24", "Marie Claire 2 stuks",
                 "Openingsuren 12-03-2025"]:
        got = found(patterns_only, text, "nl")
        assert not {e for _, e in got} & {"PERSON", "DATE_OF_BIRTH"}, (text, got)


def test_a_surname_that_is_a_function_word_abroad_is_read_after_a_given_name_that_is_no_word(patterns_only):
    """Review 34's leftover: "Anna Vos 3 mei 2016", a child and her birth date as a class list writes them, was stored
    whole: "Vos" is French "vos", and a function word right after a given name ended the reading (meant for "Tun Sie
    das"). Common surnames that are function words are listed (rules/pii.yaml stop_words_that_are_surnames): after a
    given name they are the surname, and the date after it is the birth date. A pronoun after a given name, and a
    typeface's class after its name ("Gill Sans"), still end the reading."""
    for text, name in [("Anna Vos 3 mei 2016", "Anna Vos"), ("Lisa Vos 12-03-2016", "Lisa Vos"),
                       ("Inschrijving: Noor Vos 06-12345678", "Noor Vos"), ("Ayşe Kan 06-12345678", "Ayşe Kan")]:
        assert (name, "PERSON") in found(patterns_only, text, "nl"), text
    assert ("3 mei 2016", "DATE_OF_BIRTH") in found(patterns_only, "Anna Vos 3 mei 2016", "nl")
    for text in ["Tun Sie das bitte nicht", "Dan Sie", "Will You Be There",
                 "Lettering styles: Roman, Gill Sans, Trajan and Copperplate"]:
        assert not {e for _, e in found(patterns_only, text, "de") if e == "PERSON"}, text


def test_kurdish_given_names_are_names(detector):
    """Held-out peers round 34: a Kurdish father's name in French prose ("Le père, Rêbwar Berzincî, habite à
    Strasbourg.", "Contact : Karwan Barzani") was read as no one: the name list lacks Kurmanji's and Sorani's given names
    as it lacked the Horn of Africa's (rules/pii.yaml extra_given_names). Their words that are everyday words ("heval",
    a friend; "hawar", a cry) are left out; the site's own sentence with neither stays clean."""
    for text, language, name in [("Le père, Rêbwar Berzincî, habite à Strasbourg.", "fr", "Rêbwar Berzincî"),
                                 ("Le père, Rebwar Berzinci, habite à Strasbourg.", "fr", "Rebwar Berzinci"),
                                 ("Contact : Karwan Barzani", "fr", "Karwan Barzani"),
                                 ("Bonjour, je suis Rêbwar Berzincî, le père d'Aram.", "fr", "Rêbwar Berzincî"),
                                 ("Collected by Hêvî Zêbarî", "en", "Hêvî Zêbarî")]:
        assert (name, "PERSON") in found(detector, text, language), text
    assert not {e for _, e in found(detector, "Les places sont attribuées en commission d'attribution.", "fr")
                if e == "PERSON"}


def test_a_solar_hijri_date_of_birth_is_one_in_persian_digits_or_ours(patterns_only):
    """Held-out peers round 34: an Iranian mother's date of birth as Iranians write it, year first in the Solar Hijri
    calendar ("۱۳۶۹/۰۴/۱۲", 3 July 1990), after a birth word was no date: its year is no Gregorian one. A real day of
    that calendar in a year of the last century or this one is (validators solar-hijri-date); the birth word is still
    needed, and a day the calendar has not ("1369/07/31": its seventh month has 30) or a year before 1279 is none."""
    for text, language, date in [("Sa date de naissance : ۱۳۶۹/۰۴/۱۲", "fr", "۱۳۶۹/۰۴/۱۲"),
                                 ("date de naissance : 1369/04/12", "fr", "1369/04/12"),
                                 ("Date of birth (Persian calendar): 1369/4/12", "en", "1369/4/12"),
                                 ("geboren op 1402-11-03", "nl", "1402-11-03")]:
        assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language), text
    for text in ["Commande 1369/04/12 du magasin", "date de naissance : 1369/07/31", "né le 1250/04/12"]:
        assert not {e for _, e in found(patterns_only, text, "fr") if e == "DATE_OF_BIRTH"}, text


def test_a_french_funds_number_after_n_and_its_name_is_masked(patterns_only):
    """Held-out peers round 34's probe: "N° CAF 2384917", a family's allowance number as a crèche's form or a summary
    writes it, was no identifier: "N°" and the name of a body that numbers its members said one for the Belgian funds
    only (recognizers.yaml member_bodies). The site's own numbers after "N°" stay."""
    for text, number in [("N° CAF 2384917", "2384917"), ("N° MSA : 12345678", "12345678"),
                         ("N° CPAM 1234567", "1234567"), ("n° caf 2384917", "2384917")]:
        assert (number, "CUSTOMER_ID") in found(patterns_only, text, "fr"), text
    for text in ["N° Siret 123 456 789 00012", "N° Lot 870921", "N° Commande 7719302846"]:
        assert not {e for _, e in found(patterns_only, text, "fr") if e == "CUSTOMER_ID"}, text


def test_a_diamond_cutters_cuts_an_arcades_games_and_a_fabric_shops_prints_listed_after_their_word_name_no_one(detector):
    """Held-out set 25: "Cuts we polish: Asscher, Marquise, Princess and Old Mine", "Games: Beat Saber, Half-Life Alyx
    and Arizona Sunshine" and "New prints: Liberty Tana Lawn, Prince of Wales check and Paisley" were read as people:
    cuts, games, prints and patterns are named after people and titles as the orchids are. Their words join
    model_labels; a person after the word and a verb stays."""
    for text, language in [("Cuts we polish: Asscher, Marquise, Princess and Old Mine", "en"),
                           ("Games: Beat Saber, Half-Life Alyx and Arizona Sunshine", "en"),
                           ("New prints: Liberty Tana Lawn, Prince of Wales check and Paisley", "en"),
                           ("Nos tailles : Asscher, Marquise et Princesse", "fr"),
                           ("Onze stoffen: Liberty Betsy, Prins de Galles en Paisley", "nl"),
                           ("Spiele: Beat Saber, Half-Life Alyx und Arizona Sunshine", "de")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Jan Peeters", "PERSON") in found(detector, "De spellen werden geleid door Jan Peeters", "nl")
    assert ("Lisa Peeters", "PERSON") in found(detector, "Our games were hosted by Lisa Peeters", "en")


def test_a_german_adjective_the_name_list_holds_before_its_noun_names_no_one(detector):
    """Held-out set 25: a physiotherapy practice's "Krankengymnastik, Lymphdrainage und Manuelle Therapie" read
    "Manuelle Therapie" as a given name and a surname (the list holds "Manuelle"; German capitalises the adjective
    of a treatment's or a dish's name in a heading or a list). Such adjectives join words_that_are_not_names as the
    Dutch ones ("de Lage Landen"); "Manuel" and a person at the practice stay."""
    for text, language in [("Physiotherapie — Krankengymnastik, Lymphdrainage und Manuelle Therapie", "de"),
                           ("Manuelle Lymphdrainage nach Dr. Vodder", "de"), ("Klare Brühe mit Einlage", "de")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Manuel Dupont", "PERSON") in found(detector, "Bonjour Manuel Dupont", "fr")
    assert ("Anna Schmidt", "PERSON") in found(detector, "Ihre Therapie bei Anna Schmidt beginnt am Montag", "de")


def test_an_irish_surname_after_its_particle_o_is_read_whole(patterns_only):
    """Held-out set 25: "Booked by Tomás Ó Briain and Aoife Ní Bhriain" kept "Tomás Ó Briain": Irish writes "Ó"
    (grandson of) alone before the surname, a capital no name word's shape reads, so the run ended at it. "Ó" joins
    the particles between a name's words (given_name_surname's and particle_between_names); it opens no run."""
    for text, name in [("Booked by Tomás Ó Briain", "Tomás Ó Briain"), ("Full name: Cathal Ó Ceallaigh",
                                                                         "Cathal Ó Ceallaigh"),
                       ("Klant: Niamh Ó Dónaill", "Niamh Ó Dónaill")]:
        assert (name, "PERSON") in found(patterns_only, text, "en"), text
    for text in ["Ó Neill Pub — live music", "Visit Ó Briain Arts Centre"]:
        assert not found(patterns_only, text, "en"), text


def test_ivorian_day_names_and_yoruba_short_forms_are_given_names(patterns_only):
    """Held-out set 25: "Le trophée du plus beau parquet revient à Kouassi Yao" and "Your booking, Kemi Adebayo: deep
    clean of the pool" were found by NER only: the name list lacks Côte d'Ivoire's Baoulé and Agni day names as it
    lacked Ghana's Akan ones, and the short forms Yoruba families call their own by. They join extra_given_names."""
    for text, language, name in [("Le trophée du plus beau parquet revient à Kouassi Yao.", "fr", "Kouassi Yao"),
                                 ("Your booking, Kemi Adebayo: deep clean of the pool, Thursday 9:00", "en",
                                  "Kemi Adebayo"),
                                 ("Merci Akissi !", "fr", "Akissi"), ("Thanks Tolu, see you Friday", "en", "Tolu")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text


def test_whose_wedding_it_is_is_read_as_whose_party_it_is(patterns_only):
    """Held-out set 25: a wedding planner's "Bruiloft van Lotte & Youssef — draaiboek versie 3" kept the couple (NER
    alone found them): party_of_name read a party's "of" ("Verjaardagsfeestje van Lowie") and not a wedding's. A
    wedding's words join it; an opera, an occasion and a wedding's kind stay."""
    for text, language, names in [("Bruiloft van Lotte & Youssef — draaiboek versie 3", "nl", {"Lotte", "Youssef"}),
                                  ("Mariage de Léa et Tom, samedi 14 juin", "fr", {"Léa", "Tom"}),
                                  ("Hochzeit von Lena und Paul", "de", {"Lena", "Paul"}),
                                  ("Bruiloft van Lotte", "nl", {"Lotte"})]:
        assert {(name, "PERSON") for name in names} <= found(patterns_only, text, language), text
    for text, language in [("Le Mariage de Figaro, opéra", "fr"), ("Wedding of the Year awards", "en"),
                           ("Mariage de rêve au château", "fr"), ("Huwelijk van het jaar", "nl")]:
        assert not found(patterns_only, text, language), text


def test_a_tyres_size_is_no_turkish_plate(patterns_only):
    """Held-out set 25: "Client : Joana Ferreira Costa — pneus 205/55 R16, équilibrage" masked "55 R16" as a plate:
    a tyre's ratio and its rim ("55 R16") have Turkey's shape (a province's two digits, a letter, two digits), and
    "pneus" is a word for the car beside it, so a tyre centre's own "Pneus 205/55 R16 dès 69 €" was masked too. The
    ratio after its slash is no plate; a Turkish plate after a car word stays."""
    for text in ["Pneus 205/55 R16 dès 69 €", "pneus 205/55 R16, équilibrage", "pneus 205/55R16 91H"]:
        assert not found(patterns_only, text, "fr"), text
    for text, plate in [("Ma voiture 34 ABC 123, pneus à changer", "34 ABC 123"), ("plaque 06 A 12345", "06 A 12345")]:
        assert (plate, "VEHICLE_ID") in found(patterns_only, text, "fr"), text


def test_a_european_health_insurance_cards_number_beside_its_word_is_found(patterns_only):
    """Review 35 F12: a remark stored "Mijn EZVK-kaartnummer is 80560000001234567890" and "N° de carte européenne
    d'assurance maladie : 80250001234567890123" whole: the card's own number (field 8: twenty digits, "80", the
    issuing country's ISO 3166 numeric code, the issuer's and the card's) had no shape, and no card's word was a
    national identifier's (its field 6, the holder's personal number, was not read beside it either). Beside its word
    in any of the site's languages, abbreviated or not, grouped or glued; the same twenty digits without it (a parcel's
    or a payment's reference) and the card's word in the site's own sentences stay."""
    for text, language, number in [
            ("Mijn EZVK-kaartnummer is 80560000001234567890", "nl", "80560000001234567890"),
            ("N° de carte européenne d'assurance maladie : 80250001234567890123", "fr", "80250001234567890123"),
            ("Numéro de la carte européenne 80560000000123456789", "fr", "80560000000123456789"),
            ("EHIC card number 80276001234567890123", "en", "80276001234567890123"),
            ("Europäische Krankenversicherungskarte: 8027 6001 2345 6789 0123", "de", "8027 6001 2345 6789 0123"),
            ("Nummer van mijn Europese ziekteverzekeringskaart: 80528 00000 12345 67890", "nl",
             "80528 00000 12345 67890"),
            ("CEAM n° 80250001234567890123", "fr", "80250001234567890123"),
            # the holder's personal number, field 6, beside the card's word: a Dutch BSN, a Belgian national number
            ("Op mijn EHIC staat persoonsnummer 123456782", "nl", "123456782")]:
        assert (number, "NATIONAL_ID") in found(patterns_only, text, language), text
    for text, language in [("Zending 80560000001234567890 is onderweg", "nl"),
                           ("Référence de paiement 80250001234567890123", "fr"),
                           ("Vraag uw EZVK aan vóór uw vertrek: de kaart is 5 jaar geldig", "nl"),
                           ("La carte européenne d'assurance maladie est gratuite", "fr")]:
        assert not found(patterns_only, text, language), text


@pytest.mark.parametrize("text,language,run", [("NIEUW: ZOMERCOLLECTIE VAN JAN VAN EYCK", "nl", "JAN VAN EYCK"),
                                               ("EXPO: DE WERELD VAN PIETER BRUEGEL", "nl", "PIETER BRUEGEL"),
                                               ("TENTOONSTELLING: HET LEVEN VAN PIETER BRUEGEL", "nl", "PIETER BRUEGEL"),
                                               ("RETROSPECTIEF: HET UNIVERSUM VAN JAN FABRE", "nl", "JAN FABRE")])
def test_a_painters_name_in_a_heading_in_capitals_after_a_word_no_surname_is_no_one(detector, text, language, run):
    """Review 35 O1: a museum's heading in capitals "EXPO: DE WERELD VAN PIETER BRUEGEL" was stored "… VAN ****** *******"
    (the model read the painter, is_a_person kept him): any word in capitals before a given name opened a name, as an
    upper-case surname before a given name in small letters does ("DUPONT Camille"). Before a name in capitals, a word
    that could be no surname (a function word, a particle that follows no given name, a trade's word) makes the line a
    heading, as "Collectie Van Jan van Eyck" is in capitalised words; full_name_in_capitals reads no run after another
    word in capitals either."""
    start = text.index(run)
    assert not is_a_person(text, start, start + len(run))
    assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text


@pytest.mark.parametrize("text,run", [("DUPONT CAMILLE", "CAMILLE"), ("PIETER VAN EYCK", "EYCK"),
                                      ("MEVROUW ANNA PEETERS", "ANNA PEETERS"), ("BESTE PIETER BRUEGEL,", "PIETER BRUEGEL"),
                                      ("NAAM: PIETER BRUEGEL", "PIETER BRUEGEL"), ("JAN VAN EYCK", "JAN VAN EYCK")])
def test_a_name_in_capitals_after_its_surname_a_title_or_a_label_is_still_a_person(text, run):
    """Review 35 O1's controls: a surname in capitals written first, a surname after its given name and particle, a
    title, a greeting and a label before a name in capitals keep it a person's."""
    start = text.index(run)
    assert is_a_person(text, start, start + len(run))


def test_a_date_of_birth_with_its_month_in_romanian_is_one(patterns_only):
    """Held-out peers round 35's probe: a Romanian worker's date of birth written out in Romanian after her birth word
    ("născută pe 27 septembrie 1996") was no date: the months' list knew Romanian's "mai" and "august" (the same in
    other languages) but none of its other months (rules/recognizers.yaml months). A date with no birth word near it
    stays, as in every language."""
    for text, language, date in [("născută pe 27 septembrie 1996", "en", "27 septembrie 1996"),
                                 ("Ea s-a născut la 3 ianuarie 1994 în Suceava.", "nl", "3 ianuarie 1994"),
                                 ("Geboren (Roemeens): 14 iunie 1990", "nl", "14 iunie 1990"),
                                 ("data nașterii: 1 decembrie 2001", "en", "1 decembrie 2001"),
                                 ("nascuta pe 12 octombrie 1988", "en", "12 octombrie 1988")]:
        assert (date, "DATE_OF_BIRTH") in found(patterns_only, text, language), text
    for text in ["Recoltarea începe pe 27 septembrie 2026.", "Start seizoen: 3 martie 2027"]:
        assert not {e for _, e in found(patterns_only, text, "nl") if e == "DATE_OF_BIRTH"}, text


def test_a_romanian_or_bulgarian_identity_documents_number_after_its_word_is_masked(patterns_only):
    """Held-out peers round 35's probe: a Romanian identity card's series and number as the card and every Romanian
    form write them ("Seria SV nr. 482913", "Buletin: SV 482913", "Carte de identitate SV482913"), a Bulgarian identity
    card's number ("лична карта № 645123987") and a foreigner's personal number in Bulgaria ("ЛНЧ 1001234565") were
    kept: no word of theirs was an identity document's (recognizers.yaml national_id_words) and no shape read two
    letters and six digits apart. With their word they are masked; a product's series and the site's numbers stay."""
    for text, number in [("Seria SV nr. 482913", "SV nr. 482913"), ("CI seria SV nr. 482913", "SV nr. 482913"),
                         ("Buletin: SV 482913", "SV 482913"), ("Carte de identitate SV482913", "SV482913"),
                         ("cartea de identitate seria XT, nr. 106725", "XT, nr. 106725"),
                         ("лична карта № 645123987", "645123987"), ("ЛНЧ 1001234565", "1001234565"),
                         ("LNCh: 1001234565", "1001234565")]:
        assert (number, "NATIONAL_ID") in found(patterns_only, text, "nl"), text
    for text in ["Kas 14, rij 12, Orderpicker glastuinbouw Naaldwijk", "Seria 5 Touring, bouwjaar 2021",
                 "Bestelling 48291375 verzonden"]:
        assert not {e for _, e in found(patterns_only, text, "nl") if e == "NATIONAL_ID"}, text


def test_a_romanian_street_named_with_cel_lui_or_si_inside_is_an_address(patterns_only):
    """Held-out peers round 35's probe: a Romanian street named after a prince with "cel" (the) or "lui" (of) inside
    its name ("Str. Ștefan cel Mare 22, 720043 Suceava", "Calea lui Traian 45") was kept whole: the small words a
    southern street's name may hold were Italian, Spanish, Portuguese and Albanian ones only
    (rules/recognizers.yaml southern_street_particles)."""
    for text, address in [("Str. Ștefan cel Mare 22, 720043 Suceava", "Str. Ștefan cel Mare 22, 720043 Suceava"),
                          ("Locuiesc pe Bd. Ștefan cel Mare și Sfânt 7, bl. 3, ap. 12, Iași",
                           "Bd. Ștefan cel Mare și Sfânt 7, bl. 3, ap. 12, Iași"),
                          ("Adresa mea: Calea lui Traian 45, Râmnicu Vâlcea", "Calea lui Traian 45, Râmnicu Vâlcea")]:
        assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, "en"), (text, found(patterns_only, text, "en"))


def test_a_residence_documents_number_after_its_word_is_masked(patterns_only):
    """Held-out peers round 35's probe: the number of the residence document the IND gives a foreign worker, after its
    word ("verblijfsdocument nr. NX8K4R2T1", "Verblijfsvergunning: NX8K4R2T1"), was kept: a Dutch document's shape
    (nl_document) is read beside an identity document's word only, and the residence permit's were none
    (rules/recognizers.yaml national_id_words)."""
    for text, language in [("verblijfsdocument nr. NX8K4R2T1", "nl"), ("Verblijfsvergunning: NX8K4R2T1", "nl"),
                           ("titre de séjour NX8K4R2T1", "fr"), ("residence permit number NX8K4R2T1", "en"),
                           ("Aufenthaltstitel Nr. NX8K4R2T1", "de")]:
        assert ("NX8K4R2T1", "NATIONAL_ID") in found(patterns_only, text, language), text


def test_a_work_permits_number_after_its_word_is_masked(patterns_only):
    """Held-out peers round 35's leftover: a work permit's number as its office writes it, the year it was issued and a
    serial ("werkvergunning TWV 2026/118734", "Arbeitserlaubnis Nr. 2026/118734"), was kept: no word of a work permit
    was an identity document's, and no shape read a year, a slash and a serial (rules/recognizers.yaml
    national_id_words, national_id_shapes permit_number). An invoice's or a directive's number of that shape stays."""
    for text, language in [("werkvergunning TWV 2026/118734", "nl"), ("Arbeitserlaubnis Nr. 2026/118734", "en"),
                           ("Mijn tewerkstellingsvergunning: 2025/00412", "nl"), ("work permit 2025/004412", "en"),
                           ("permis de travail n° 2026/118734", "fr")]:
        number = text.rsplit(" ", 1)[1]
        assert (number, "NATIONAL_ID") in found(patterns_only, text, language), text
    for text in ["Factuur 2026/118734 betaald", "Richtlijn (EU) 2024/1233 over arbeidsmigratie"]:
        assert not {e for _, e in found(patterns_only, text, "nl") if e == "NATIONAL_ID"}, text


def test_a_bulgarian_addresss_entrance_floor_and_flat_are_part_of_it(patterns_only):
    """Held-out peers round 35's probe: a Bulgarian address with its block, entrance, floor and flat, in Cyrillic or in
    Latin letters ("ул. Шипка 12, вх. Б, ет. 3, ап. 9, Пловдив", "ul. Shipka 12, vh. B, et. 3, ap. 9, Plovdiv") kept
    the floor's and the flat's numbers: Bulgarian's unit words (вх., ап., бл.) were no Cyrillic unit words, and the
    South Slavic street read no unit after its number (rules/recognizers.yaml cyrillic_unit_words,
    south_slavic_unit_words)."""
    for text, address in [("ул. Шипка 12, вх. Б, ет. 3, ап. 9, Пловдив", "ул. Шипка 12, вх. Б, ет. 3, ап. 9"),
                          ("ul. Shipka 12, vh. B, et. 3, ap. 9, Plovdiv", "ul. Shipka 12, vh. B, et. 3, ap. 9, Plovdiv"),
                          ("Живея на бул. Витоша 45, бл. 2, ап. 14", "бул. Витоша 45, бл. 2, ап. 14")]:
        assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, "en"), (text, found(patterns_only, text, "en"))


def test_colours_pizzas_cheeses_and_frames_listed_after_their_word_and_car_makes_name_no_one(detector):
    """Held-out set 26: "Colours of the month: Cherry Bomb, Ballet Slipper and Midnight Velvet", "Nos pizzas :
    Margherita, Regina, Quattro Stagioni et Calzone" and "Monturen van Ray-Ban, Lindberg, Oakley en Theo" were read as
    people, as a used-car dealer's "Kia Ceed" was: colours, pizzas, cheeses and frames join model_labels (whose label
    may now have three lower-case words before its colon: "of the month"), Kia and other makes the car brands. A person
    after the word and a verb, and a person after a make's name, stay."""
    for text, language in [("Colours of the month: Cherry Bomb, Ballet Slipper and Midnight Velvet", "en"),
                           ("Nos pizzas : Margherita, Regina, Quattro Stagioni et Calzone", "fr"),
                           ("Monturen van Ray-Ban, Lindberg, Oakley en Theo", "nl"),
                           ("Onze kleuren van deze maand: Cherry Bomb en Ballet Slipper", "nl"),
                           ("Nos fromages : Père Joseph, Herve et Maredsous", "fr"),
                           ("In de kijker: Renault Clio, Peugeot 208 en Kia Ceed", "nl"),
                           ("Occasion : Kia Picanto 2019, Subaru Forester 2020", "fr")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Lisa Peeters", "PERSON") in found(detector, "Our colours were chosen by Lisa Peeters", "en")
    assert ("Anna Peeters", "PERSON") in found(detector, "Kia Picanto verkocht aan Anna Peeters", "nl")


def test_a_street_before_a_price_and_a_registration_no_are_the_sites_own(patterns_only):
    """Held-out set 26: "Tageskarte Freizeitpark 42 €" was read as a street and its number (a "park" ending), and a
    nursery's "Ofsted registration no. 2718446" as a customer's number: a price after the number says it is none, and
    "registration no." and "company no." join the labels of another number, as "registration number" is. An address
    with its number stays, and a visitor's customer number too."""
    for text, language in [("Tageskarte Freizeitpark 42 €, Kinder unter 1 m frei", "de"),
                           ("Dagticket Speelpark 38 € per persoon", "nl"),
                           ("Ofsted registration no. 2718446", "en"),
                           ("Registered in England & Wales, company no. 08412276", "en")]:
        assert not found(patterns_only, text, language), text
    assert ("Kerkstraat 42", "POSTAL_ADDRESS") in found(patterns_only, "Mijn adres: Kerkstraat 42, 9000 Gent", "nl")
    assert {e for _, e in found(patterns_only, "Mijn klantnummer is 2718446", "nl")} & {"CUSTOMER_ID"}


def test_bestsellers_menus_katas_and_cows_listed_after_their_word_name_no_one(detector):
    """Held-out set 27: a bubble-tea shop's "Bestsellers: Taro Dream, Brown Sugar Tiger and Mango Tango", a caterer's
    "Menus : Menu Victoria, Menu Alexandre et Menu Joséphine", a dojo's "Kata of the month: Heian Shodan, Bassai Dai and
    Kanku Dai" and a dairy farm's "Onze koeien: Bella, Rosa, Klaartje en Mientje" were read as people: bestsellers,
    menus, katas and cows join model_labels. A person after the word and a verb, and a visitor's name after a menu's
    order, stay."""
    for text, language in [("Bestsellers: Taro Dream, Brown Sugar Tiger and Mango Tango", "en"),
                           ("Menus : Menu Victoria, Menu Alexandre et Menu Joséphine", "fr"),
                           ("Kata of the month: Heian Shodan, Bassai Dai and Kanku Dai", "en"),
                           ("Onze koeien: Bella, Rosa, Klaartje en Mientje", "nl"),
                           ("Nos vaches : Marguerite, Noisette et Belle", "fr")]:
        assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text
    assert ("Lisa Peeters", "PERSON") in found(detector, "Our cows were milked by Lisa Peeters", "en")
    assert ("Anna Peeters", "PERSON") in found(detector, "Menu Victoria besteld door Anna Peeters", "nl")


def test_a_vat_number_after_a_register_and_its_court_is_a_companys(patterns_only):
    """Held-out set 27: "HRB 41822 · Amtsgericht Trier · USt-IdNr. DE 227418390", a German footer whose VAT number
    happens to be valid, was masked: the register stood 39 characters before it, the court's name between, and only
    30 were read. Sixty are now; a VAT number alone, or after a register sole traders are in too, stays masked."""
    for text in ["HRB 41822 · Amtsgericht Trier · USt-IdNr. DE 227418390",
                 "HRB 41822 · Amtsgericht Recklinghausen · USt-IdNr. DE 227418390"]:
        assert not {e for _, e in found(patterns_only, text, "de") if e == "EU_VAT"}, text
    for text in ["USt-IdNr. DE 227418390", "HRA 41822 · Amtsgericht Trier · USt-IdNr. DE 227418390"]:
        assert {e for _, e in found(patterns_only, text, "de") if e == "EU_VAT"}, text


def test_somali_igbo_flemish_and_korean_given_names_and_whose_birth_it_is(patterns_only):
    """Held-out set 26: "Collected by Abdirahman", "Thanks Chidinma!", "Ophalen door: Tinne Verbruggen, …" were read as
    no one: the name list lacks Somalia's "Abdi-" names, Igbo's "Chi-" names and Flemish short forms (extra_given_names);
    and a baby after "naissance de" (party_of_name reads whose birth it is as whose party it is)."""
    for text, language, name in [("Collected by Abdirahman on Tuesday afternoon", "en", "Abdirahman"),
                                 ("Thanks Chidinma! Your photo booth is booked for the 14th.", "en", "Chidinma"),
                                 ("Ophalen door: Tinne Verbruggen, Arne Peeters of Lies Aerts", "nl",
                                  "Tinne Verbruggen"),
                                 ("Skates booked by Sung-min Park and Seo-yeon Park", "en", "Sung-min Park"),
                                 ("Félicitations pour la naissance de Louise !", "fr", "Louise"),
                                 ("Proficiat met de geboorte van Mila", "nl", "Mila")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("Naissance de Vénus, Botticelli", "fr"), ("Birth of a Nation", "en")]:
        assert not {e for _, e in found(patterns_only, text, language)} & {"PERSON"}, text


def test_a_given_name_after_a_capitalised_sentences_comma_is_addressed(patterns_only):
    """Held-out set 26: "Tot zaterdag, Jules!" was read as no one: addressed_given_name read a name after a comma that
    ends two lower-case words ("Tot volgende week, Wannes!"), and a sentence of two words opens capitalised. A list of
    places and a colour after its label stay."""
    for text, language, name in [("Tot zaterdag, Jules!", "nl", "Jules"), ("Bis morgen, Emma!", "de", "Emma")]:
        assert (name, "PERSON") in found(patterns_only, text, language), text
    for text, language in [("Kleur: zwart, Rosa", "nl"), ("Leeds, York, Chester.", "en")]:
        assert not found(patterns_only, text, language), text


def test_a_name_after_an_english_sign_off_a_dash_or_a_kiss_is_who_signs(detector, patterns_only):
    """Review 36 F6: a given name after English's everyday sign-offs ("Best,", "Speak soon,"), after a dash rather than a
    comma ("Cheers — …", "Thanks! — … K."), after the kisses that sign off with no mark ("xoxo …") and after "Sent by"
    was stored. Who signs is a person; a heading's "Best Sellers", a group, a place and a testimonial's dash stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Cheers — Wiktoria", "en", "Wiktoria"), ("Best, Halina", "en", "Halina"), ("xoxo Bronisława", "en", "Bronisława"),
        ("Talk soon, Ruxandra", "en", "Ruxandra"), ("Thanks! — Jarosław P.", "en", "Jarosław"),
        ("Loved the cake.\nAll the best – Dorota", "en", "Dorota"), ("Sent by Przemysław", "en", "Przemysław"),
        ("Take care, Anastazja", "en", "Anastazja"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Best Sellers", "en"), ("Best, Team", "en"), ("Thanks — Paris", "en"), ("Great service — Anna", "en"),
        ("Sent by Royal Mail", "en"), ("Best — New Arrivals", "en"), ("Thanks, we will be back", "en"),
    ])


def test_a_given_name_and_a_surnames_initial_is_a_person(detector, patterns_only):
    """Peers round 35: "Contact: Ștefania B. for the keys" was stored; a common given name and an initial (its dot, or a
    comma or the text's end after it) names a person half, as testimonials and team pages do; a room's, a plan's, a
    type's or a vitamin's letter stays."""
    _persons_found_whole(detector, patterns_only, [
        ("Contact: Ștefania B. for the keys", "en", "Ștefania B."), ("Keys with Maria K.", "en", "Maria K."),
        ("Great service! Tomasz K., Ghent", "en", "Tomasz K."), ("Contact : Ștefania B. pour les clés", "fr", "Ștefania B."),
        ("Vraag naar Anneke V. aan de balie", "nl", "Anneke V."), ("Maria B. Jansen belde", "nl", "Maria B. Jansen"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Salle B. is upstairs", "en"), ("Plan B. for rainy days", "en"), ("Type A. or Type B.", "en"),
        ("Vitamine C. en Energieklasse A.", "nl"), ("Bus A., Zone B.", "fr"),
    ])


def test_a_name_one_goes_by_writes_under_or_gives_a_partner_is_a_person(detector, patterns_only):
    """Review 36 F7: "This is … writing", "… here, from flat 3", "I go by …", "friends call me …" and "my partner … will"
    kept the name: no words said a name followed. A known given name there is a person ("our partner" is a shop's);
    "Go by Train", "Click here", "Call me Maybe", "Start here:" stay."""
    _persons_found_whole(detector, patterns_only, [
        ("This is Bogumiła writing from the finance team", "en", "Bogumiła"),
        ("It's Mirosława here, about my order", "en", "Mirosława"),
        ("Wojciech here, from number 12", "en", "Wojciech"), ("Please, I go by Gosia", "en", "Gosia"),
        ("everyone calls me Krzysztof", "en", "Krzysztof"), ("zeg maar Anneke", "nl", "Anneke"),
        ("my partner Zbigniew will collect it", "en", "Zbigniew"), ("mijn partner Hendrikus haalt het op", "nl", "Hendrikus"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Go by Train", "en"), ("Click here.", "en"), ("Call me Maybe", "en"), ("Start here: choose a plan", "en"),
        ("our partner Sendcloud ships it", "en"), ("This is Paris from above", "en"),
    ])


def test_a_handle_before_its_network_a_discord_tag_and_a_profile_link_in_text_are_a_persons_id(detector, patterns_only):
    """Review 36 F8: an "@handle" with the network's name after it, a Discord tag after the network's word and a
    network's profile link written in the text without its scheme were stored. The shop's own handle ("Follow us
    @… on instagram"), a page's one word after a network's host and an order's "#" stay."""
    for text, handle in [("@kasia.zielinska91 on instagram", "@kasia.zielinska91"), ("@bartek_w (tiktok)", "@bartek_w"),
                         ("add me on discord: bartek#0917", "bartek#0917"),
                         ("my page is fb.com/jolanta.kaczmarek.5", "jolanta.kaczmarek.5"),
                         ("https://pl.linkedin.com/in/jolantakaczmarek", "jolantakaczmarek"),
                         ("see instagram.com/maciej_nowicki_art", "maciej_nowicki_art")]:
        for engine in (detector, patterns_only):
            assert (handle, "PERSON_ID") in found(engine, text, "en"), text
    for text in ["Follow us @zielony_sklep on instagram", "see www.facebook.com/kwiaciarniaroza", "Order#1234 shipped",
                 "Discord server rules: be kind"]:
        for engine in (detector, patterns_only):
            assert not {e for _, e in found(engine, text, "en") if e == "PERSON_ID"}, text


@pytest.mark.parametrize("text,language", [("Ramadan Mubarak from all of us", "en"), ("Eid Mubarak aan al onze klanten", "nl"),
                                           ("Ramadan Kareem to our community", "en"),
                                           ("IKEA BILLY bookcase, white", "en"), ("Assembly guide: IKEA EMMA mirror", "en"),
                                           ("IKEA JONAS shelf, oak", "en"),
                                           ("Shuttle to Marie Curie Hospice", "en"), ("Lech Wałęsa Airport transfers", "en"),
                                           ("Taxi naar Luchthaven Willy Brandt", "nl")])
def test_a_feasts_greeting_a_model_in_capitals_and_a_place_named_after_someone_are_no_one(detector, text, language):
    """Review 36 O1-O3: "Ramadan Mubarak", a product's model in capitals after its brand ("IKEA BILLY bookcase") and an
    airport or a hospice named after a person were masked as people in the site's own text."""
    assert not {e for _, e in found(detector, text, language)} & {"PERSON"}, text


def test_whom_a_feasts_greeting_wishes_is_still_a_person(detector, patterns_only):
    """Review 36 O1's control: the greeting alone is no one, the name it addresses after its comma is a visitor's (it was
    masked on main only as the partner of the greeting read as a person)."""
    _persons_found_whole(detector, patterns_only, [("Ramadan Mubarak, Rashida", "en", "Rashida"),
                                                   ("Eid Mubarak, Yusuf!", "en", "Yusuf")])


def test_a_name_written_surname_first_with_a_patronymic_or_a_greek_or_bulgarian_surname_is_a_person(detector,
                                                                                                    patterns_only):
    """Probe 80: a Bulgarian name as forms write it, surname first and the father's name after the given name
    ("Hadzhiev Radoslav Todorov"), was stored alone, after "Ik ben", a label ("Naam:") or German's "Bitte": Bulgarian's,
    Greek's and Ukrainian's surname endings were in no list (rules/pii.yaml surname_first_endings), and a third word
    after the given name made the run a heading's. Headings of the same shape, a place and a product line, stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Hadzhiev Radoslav Todorov", "en", "Hadzhiev Radoslav Todorov"),
        ("Ik ben Hadzhiev Radoslav Todorov en woon hier.", "nl", "Hadzhiev Radoslav Todorov"),
        ("Naam: Hadzhiev Radoslav Todorov", "nl", "Hadzhiev Radoslav Todorov"),
        ("Nom : Petrova Desislava Ivanova", "fr", "Petrova Desislava Ivanova"),
        ("Bitte Georgiev Stoyan Petrov anrufen.", "de", "Georgiev Stoyan Petrov"),
        ("Ich bin Papadopoulos Dimitrios und wohne hier.", "de", "Papadopoulos Dimitrios"),
        ("Contactpersoon: Nikolaidis Georgios", "nl", "Nikolaidis Georgios"),
        ("Georgiou Eleni Maria", "en", "Georgiou Eleni Maria"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Casanova Collection", "en"), ("Prague Improv Festival", "en"), ("Bakker Bart", "nl"),
        ("Kiev Chicken Kit", "en"),
    ])


def test_a_given_name_opening_a_message_before_its_comma_and_a_request_is_a_person(detector, patterns_only):
    """Probe 80: a given name said to the reader, opening a message or a line before its comma, then the request or an
    identifier ("Mihaela, please call me", "Radoslav, ЕГН 8503124567 …") was stored: addressed_given_name read a name
    after a sentence's comma only. A place that is a given name too, a place before its country or region, a list's
    first word and a word of assent the name list holds ("Prima, groeten van …": the full suite's survey answer) stay."""
    _persons_found_whole(detector, patterns_only, [
        ("Mihaela, please call me", "en", "Mihaela"), ("Radoslav, ЕГН 8503124567 моля", "en", "Radoslav"),
        ("Mihaela, bel me even terug", "nl", "Mihaela"), ("Mihaela, merci de me rappeler", "fr", "Mihaela"),
        ("Agnieszka, bitte ruf mich an", "de", "Agnieszka"), ("Dimitrios, I need the invoice", "en", "Dimitrios"),
        ("Thanks!\nZsófia, can you check my booking?", "en", "Zsófia"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Florence, Italy", "en"), ("Victoria, BC", "en"), ("Paris, France", "en"),
        ("Sofia, the capital of Bulgaria", "en"), ("Florence, the cradle of the Renaissance", "en"),
        ("Jordan, a country of deserts", "en"), ("Rosa, zwart, wit", "nl"), ("Hello, please call me", "en"),
        ("Prima, groeten van de bakker", "nl"), ("Bon, je passe demain", "fr"), ("Parfait, merci", "fr"),
    ])


def test_the_town_after_a_central_or_eastern_european_street_and_its_comma_is_the_addresss(patterns_only):
    """Probe 80: the town a visitor types after a street abroad with no postcode between ("ul. Shipka 12, Plovdiv",
    "str. Mihai Eminescu 5, Cluj-Napoca", "ul. Długa 5, Gdańsk") was stored beside the masked street: the streets'
    patterns read a town after a postcode only (rules/recognizers.yaml town_after_a_house); and Bulgaria's boulevard,
    Czech's street and Greek's in Latin letters were no street's word. A unit's abbreviation or its number after the
    comma is no town, and a number of times after a street-like word stays no address."""
    for text, language, address in [
            ("ul. Shipka 12, Plovdiv", "en", "ul. Shipka 12, Plovdiv"),
            ("Deliver to ul. Shipka 12, Plovdiv please", "en", "ul. Shipka 12, Plovdiv"),
            ("J'habite str. Mihai Eminescu 5, Cluj-Napoca.", "fr", "str. Mihai Eminescu 5, Cluj-Napoca"),
            ("Adres: ul. Długa 5, Gdańsk", "nl", "ul. Długa 5, Gdańsk"),
            ("ul. Marszałkowska 10/4, Warszawa", "de", "ul. Marszałkowska 10/4, Warszawa"),
            ("bul. Vitosha 45, Sofia", "en", "bul. Vitosha 45, Sofia"),
            ("ulice Vinohradská 12, Praha", "en", "ulice Vinohradská 12, Praha"),
            ("odos Ermou 15, Athina", "en", "odos Ermou 15, Athina"),
            ("pl. Grunwaldzki 5, Wrocław", "en", "pl. Grunwaldzki 5, Wrocław"),
            ("ul. Shipka 12, Stara Zagora, Bulgaria", "en", "ul. Shipka 12, Stara Zagora")]:
        assert (address, "POSTAL_ADDRESS") in found(patterns_only, text, language), (text, found(patterns_only, text,
                                                                                                  language))
    assert ("ul. Shipka 12, vh. B", "POSTAL_ADDRESS") in found(patterns_only, "ul. Shipka 12, vh. B", "en")
    for text in ["Via Eurostar 2 times a week, Monday", "Bulgaria, Plovdiv", "Sofia, Plovdiv en Varna"]:
        assert not {e for _, e in found(patterns_only, text, "en") if e == "POSTAL_ADDRESS"}, text


def test_the_town_after_a_western_street_and_its_comma_is_the_addresss(detector, patterns_only):
    """Probe 81: the town a visitor types after a Belgian, French, German or British street with no postcode between
    ("Kerkstraat 12, Zottegem", "Rue de la Gare 5, Ciney", "Hauptstraße 3, Wiltz") was stored beside the masked
    street: only the Central and Eastern European streets read rules/recognizers.yaml town_after_a_house. The words
    in small letters after a street and its comma, a form's next label, are no town."""
    for text, language, address in [
            ("Kerkstraat 12, Zottegem", "nl", "Kerkstraat 12, Zottegem"),
            ("Mijn adres is Kerkstraat 12, Zottegem en ik ben thuis na vijf", "nl", "Kerkstraat 12, Zottegem"),
            ("Rue de la Gare 5, Ciney", "fr", "Rue de la Gare 5, Ciney"),
            ("J'habite Rue de la Gare 5, Ciney depuis deux ans", "fr", "Rue de la Gare 5, Ciney"),
            ("Livrez au 14 rue des Lilas, Namur.", "fr", "14 rue des Lilas, Namur"),
            ("Hauptstraße 3, Wiltz", "de", "Hauptstraße 3, Wiltz"),
            ("Bitte an Kölner Straße 221, Eupen liefern", "de", "Kölner Straße 221, Eupen"),
            ("Send it to 5 High Street, Oxford", "en", "5 High Street, Oxford"),
            ("Chaussée de Louvain 120, Sint-Joost", "fr", "Chaussée de Louvain 120, Sint-Joost")]:
        for engine in (detector, patterns_only):
            got = found(engine, text, language)
            assert any(entity == "POSTAL_ADDRESS" and address in value for value, entity in got), (text, got)
    for engine in (detector, patterns_only):
        got = {v for v, e in found(engine, "Ophalen: Dorpsplein 3, afleveren: Veldstraat 61, Lier", "nl")
               if e == "POSTAL_ADDRESS"}
        assert "Dorpsplein 3" in got and not any("afleveren" in v for v in got), got


def test_a_place_or_a_things_name_with_a_russian_ending_before_a_given_name_is_no_surname(detector, patterns_only):
    """Probe 81: a boat's or a product's name ending as Bulgarian and Russian surnames do (-ov, -ev, -ova, -eva) before
    a given name ("Supernova Maria", "Casanova Sofia") was read as a surname written first, and a heading's place that
    is a given name too before another ("Geneva Anna") as a person. Those endings need a stronger cue (rules/pii.yaml
    surname_first_endings_shared_with_words): a third word, a form's label for a name, a sentence or an introduction;
    the other endings ("Kowalski Jan") need none."""
    _no_person_found(detector, patterns_only, [
        ("Supernova Maria", "en"), ("Boat: Supernova Maria", "en"), ("Geneva Anna", "en"), ("Casanova Sofia", "en"),
        ("Villanova Lucia", "en"), ("Bossanova Julia", "en"),
    ])
    _persons_found_whole(detector, patterns_only, [
        ("Naam: Petrova Anna", "nl", "Petrova Anna"), ("Ik ben Petrova Anna", "nl", "Petrova Anna"),
        ("Full name: Ivanov Pavel", "en", "Ivanov Pavel"), ("Petrova Desislava Ivanova", "en", "Petrova Desislava Ivanova"),
        ("Inscription pour Ivanova Maria, merci", "fr", "Ivanova Maria"), ("Kowalski Jan", "en", "Kowalski Jan"),
    ])


def test_a_given_name_opening_a_list_of_things_is_the_lists_first_thing(detector, patterns_only):
    """Probe 81: a given name that is a word too opening a line before its comma and a list of things in small letters
    ("Amber, honey and oak notes": a whisky's; "Ambre, miel et chêne") was read as said to the reader
    (name_opening_a_message). A list's joiner after the word that follows the comma says a list; a pronoun there is
    one of two people ("Anna, you and I should talk"), and a request, a thanks, a question or an article is said to
    the one named ("Sanne, bedankt en tot snel", "Mila, pizza and a movie tonight")."""
    _no_person_found(detector, patterns_only, [
        ("Amber, honey and oak notes", "en"), ("Ruby, cherry and plum notes", "en"), ("Hazel, walnut and cocoa", "en"),
        ("Amber, honing en eik", "nl"), ("Ambre, miel et chêne", "fr"), ("Amber, honey & oak", "en"),
    ])
    _persons_found_whole(detector, patterns_only, [
        ("Amber, please call me", "en", "Amber"), ("Anna, you and I should talk", "en", "Anna"),
        ("Mihaela, jij en ik gaan morgen", "nl", "Mihaela"), ("Amber, call me and tell me", "en", "Amber"),
        ("Sanne, bedankt en tot snel", "nl", "Sanne"), ("Ruby, dinner and drinks tonight?", "en", "Ruby"),
        ("Mila, pizza and a movie tonight", "en", "Mila"),
    ])


def test_a_given_name_opening_a_list_that_says_when_is_said_to_the_one_named(detector, patterns_only):
    """Probe 82: "Mila, pizza and drinks tonight" was read as a list of things opening with "Mila" (a whisky's
    "Amber, honey and oak notes"), and the name was stored. A word saying when (tonight, vanavond, ce soir, heute
    abend) is a sentence's, never a list of things': the name before it is said to the one named. A list of things
    with no such word stays a list."""
    _persons_found_whole(detector, patterns_only, [
        ("Mila, pizza and drinks tonight", "en", "Mila"), ("Mila, beer and snacks later", "en", "Mila"),
        ("Mila, pizza en drankjes vanavond", "nl", "Mila"), ("Mila, pizza et boissons ce soir", "fr", "Mila"),
        ("Mila, essen und trinken heute abend", "de", "Mila"), ("Ruby, dinner and drinks tomorrow", "en", "Ruby"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Amber, honey and oak notes", "en"), ("Hazel, walnut and cocoa", "en"), ("Amber, honing en eik", "nl"),
    ])


def test_a_surname_with_a_mens_russian_ending_before_a_given_name_alone_is_a_person(detector, patterns_only):
    """Probe 82: "Ivanov Pavel" alone in a note (no label, no sentence) was stored: -ov and -ev were read as endings
    places and things share (Supernova, Geneva), but none of the site languages' words end so; the women's -ova, -eva
    still need a stronger cue."""
    _persons_found_whole(detector, patterns_only, [
        ("Ivanov Pavel", "en", "Ivanov Pavel"), ("Petrov Ivan", "en", "Petrov Ivan"),
        ("Georgiev Stoyan", "nl", "Georgiev Stoyan"), ("Smirnov Dmitri", "de", "Smirnov Dmitri"),
    ])
    _no_person_found(detector, patterns_only,
                     [("Supernova Maria", "en"), ("Geneva Anna", "en"), ("Casanova Sofia", "en")])


def test_a_surname_with_no_ending_then_a_given_name_after_a_name_label_is_a_person(detector, patterns_only):
    """Probe 82: "Nom : Nowak Agnieszka" (a surname no ending tells, then one given name) was found by the model only;
    without it the name was stored. After a form's label for a name (rules/pii.yaml name_labels) the run is a person
    (labelled_surname_then_given); after a thing's label, or alone as a heading, it is not."""
    _persons_found_whole(detector, patterns_only, [
        ("Nom : Nowak Agnieszka", "fr", "Nowak Agnieszka"), ("Naam: Janssens Pieter", "nl", "Janssens Pieter"),
        ("Name: Mueller Hans", "de", "Mueller Hans"), ("Nom : Dupont Marie", "fr", "Dupont Marie"),
        ("Bestelling 12 · Naam: Peeters Jan", "nl", "Peeters Jan"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Product name: Lamp Olivia", "en"), ("Collectie: Bakker Bart", "nl"), ("Bakker Bart", "nl"),
        ("Yacht: Villa Maria", "en"), ("Klassiker: Frau Holle", "de"),
    ])


def test_a_boat_named_like_a_person_before_its_kind_is_no_person(detector, patterns_only):
    """Probe 82: a charter site's boats are named after people ("Marina Anna yacht charter", "Terra Nova Anna yacht")
    and were masked as persons. A vessel's kind right after the run names a product (rules/pii.yaml product_words);
    a person named in a sentence about a yacht, or alone, still is one."""
    _no_person_found(detector, patterns_only, [
        ("Marina Anna yacht charter", "en"), ("Terra Nova Anna yacht", "en"), ("Marina Anna zeiljacht te huur", "nl"),
        ("Marina Anna voilier à louer", "fr"), ("Marina Anna Segelyacht mieten", "de"),
    ])
    _persons_found_whole(detector, patterns_only, [
        ("Marina Anna will skipper the yacht", "en", "Marina Anna"), ("skipper: Marina Anna, yacht Bavaria", "en",
                                                                       "Marina Anna"),
        ("Call Marina Anna about the yacht", "en", "Marina Anna"), ("Marina Anna", "en", "Marina Anna"),
    ])


def test_a_group_after_a_leaders_name_and_its_comma_is_no_second_person(detector, patterns_only):
    """Held-out set 27, probe 81: the group a trainer leads after her name and its comma ("Trainerin: Despina Alexiou,
    Gruppe Anfänger") was masked as the next person of a list (partner_after); a group's, a class's or a course's word
    opening it says no person (rules/pii.yaml group_words). The leader's name goes; the next person of a list too."""
    for text, language, name, group in [
            ("Trainerin: Despina Alexiou, Gruppe Anfänger", "de", "Despina Alexiou", "Anfänger"),
            ("Moniteur : Luc Dubois, Groupe Débutants", "fr", "Luc Dubois", "Débutants"),
            ("Coach: Tom Baker, Group Beginners", "en", "Tom Baker", "Beginners"),
            ("Trainer: Jan Peeters, Groep Beginners", "nl", "Jan Peeters", "Beginners"),
            ("Kursleitung: Anna Schmidt, Kurs Anfänger", "de", "Anna Schmidt", "Anfänger")]:
        for engine in (detector, patterns_only):
            persons = {v for v, e in found(engine, text, language) if e == "PERSON"}
            assert any(name in v for v in persons) and not any(group in v for v in persons), (text, persons)
    _persons_found_whole(detector, patterns_only, [
        ("Reitschüler: Mila Schroeder, Ben Weis, Lara Thill", "de", "Lara Thill")])


def test_a_surname_without_an_ending_written_first_before_its_given_names_is_a_persons(detector, patterns_only):
    """Probe 81: a Polish name written surname first, the surname no ending tells ("Nowak Agnieszka Maria"), was stored
    after "Ik ben", "Ich bin", a sign-off ("Mit freundlichen Grüßen", "Mvg") or a form's label ("Naam:"): after words
    that say a person is named, a capitalised word before one or two known given names is their surname
    (names.surname_before_given_names, rules/pii.yaml name_labels). A venue's or a product's name of the same shape,
    a heading's, stays."""
    _persons_found_whole(detector, patterns_only, [
        ("Ik ben Nowak Agnieszka Maria", "nl", "Nowak Agnieszka Maria"),
        ("Ik ben Nowak Agnieszka", "nl", "Nowak Agnieszka"),
        ("Ich bin Nowak Agnieszka Maria", "de", "Nowak Agnieszka Maria"),
        ("Mit freundlichen Grüßen Nowak Agnieszka Maria", "de", "Nowak Agnieszka Maria"),
        ("Mvg Nowak Agnieszka Maria", "nl", "Nowak Agnieszka Maria"),
        ("Naam: Nowak Agnieszka Maria", "nl", "Nowak Agnieszka Maria"),
        ("Nom : Nowak Agnieszka Maria", "fr", "Nowak Agnieszka Maria"),
    ])
    _no_person_found(detector, patterns_only, [
        ("Villa Anna Maria", "en"), ("Hotel Anna Maria", "nl"), ("Pizzeria Anna Maria", "en"),
        ("Product name: Lamp Olivia", "en"),
    ])
