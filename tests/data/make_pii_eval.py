"""Generates tests/data/pii_eval.jsonl (deterministic: seeded). Run: python tests/data/make_pii_eval.py [SEED OUT]

Every value is synthetic. Check digits are computed with the same libraries the detector validates
with (python-stdnum, phonenumbers), so a positive is valid by construction; hard negatives are values
that look like data but are not personal (order numbers, prices, SKUs, promo codes, dates, cities…).
Labels are spans in the value: {"start", "end", "entity"}; a negative has no spans.
"""
from __future__ import annotations

import hashlib
import json
import random
import string
import sys
import uuid
from pathlib import Path

import phonenumbers
from stdnum import iban, luhn
from stdnum.be import nn as be_nn
from stdnum.eu import vat
from stdnum.fr import nir, siren, siret
from stdnum.nl import bsn

# optional: a seed and an output path, for a held-out set drawn from the same generators
SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20241128
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("pii_eval.jsonl")
R = random.Random(SEED)

FIRST = {
    "nl": ["Sanne", "Daan", "Lotte", "Bram", "Fleur", "Joost", "Mieke", "Thijs", "Anouk", "Ruben", "Eva", "Jeroen",
           "Femke", "Wouter", "Ilse", "Koen", "Noor", "Sem", "Julia", "Pieter"],
    "fr": ["Claire", "Julien", "Camille", "Thomas", "Léa", "Nicolas", "Chloé", "Antoine", "Manon", "Hugo", "Élodie",
           "Mathieu", "Sophie", "Lucas", "Inès", "Pierre", "Amélie", "Baptiste", "Margaux", "Étienne"],
    "en": ["Emily", "James", "Olivia", "Harry", "Sophie", "Jack", "Charlotte", "George", "Amelia", "Oliver", "Grace",
           "William", "Lucy", "Thomas", "Hannah", "Daniel", "Chloe", "Samuel", "Ella", "Matthew"],
    "mix": ["Youssef", "Fatima", "Mehmet", "Aylin", "Mohamed", "Samira", "Karim", "Zeynep", "Ahmed", "Nadia"],
}
LAST = {
    "nl": ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Hofstra",
           "van Dijk", "Peeters", "Janssens", "Maes", "Willems", "Claes", "Vermeulen", "de Graaf", "Dekker", "Bos"],
    "fr": ["Dupont", "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Laurent", "Simon", "Michel", "Garcia",
           "Rousseau", "Fontaine", "Lambert", "Girard", "Bonnet", "Mercier", "Dufour", "Blanc", "Guerin", "Faure"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
           "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"],
    "mix": ["El Amrani", "Benali", "Yilmaz", "Kaya", "Bouzid", "Haddad", "Demir", "Ait Said", "Cherif", "Öztürk"],
}
DOMAINS = ["gmail.com", "hotmail.com", "outlook.fr", "orange.fr", "telenet.be", "skynet.be", "ziggo.nl", "kpnmail.nl",
           "proton.me", "yahoo.co.uk", "free.fr", "icloud.com", "web.de", "pt.lu", "voorbeeld.example"]
CITIES = ["Amsterdam", "Rotterdam", "Utrecht", "Haarlem", "Eindhoven", "Groningen", "Paris", "Lyon", "Marseille",
          "Lille", "Nantes", "Bordeaux", "Bruxelles", "Brussel", "Antwerpen", "Gent", "Liège", "Namur", "Luxembourg",
          "London", "Manchester", "Leuven", "Maastricht", "Toulouse"]

rows: list[dict] = []


def add(text: str, language: str, *parts: tuple[str, str]) -> None:
    """parts: (substring, entity); located left to right."""
    spans, pos = [], 0
    for sub, entity in parts:
        start = text.index(sub, pos)
        spans.append({"start": start, "end": start + len(sub), "entity": entity})
        pos = start + len(sub)
    rows.append({"text": text, "language": language, "spans": spans})


def lang() -> str:
    return R.choice(["en", "fr", "nl"])


def person(language: str) -> str:
    pool = language if R.random() < 0.8 else "mix"
    return f"{R.choice(FIRST[pool])} {R.choice(LAST[pool])}"


def digits(n: int) -> str:
    return "".join(R.choice(string.digits) for _ in range(n))


def group(s: str, size: int = 4, sep: str = " ") -> str:
    return sep.join(s[i:i + size] for i in range(0, len(s), size))


# ---------------------------------------------------------------------------------- generators

def email(language: str) -> str:
    first, last = person(language).lower().split(" ", 1)
    last = last.replace(" ", "")
    local = R.choice([f"{first}.{last}", f"{first[0]}.{last}", f"{first}{R.randint(1, 99)}", f"{last}.{first}"])
    tr = str.maketrans("éèëêàçöïü", "eeeeacoiu")
    return f"{local.translate(tr)}@{R.choice(DOMAINS)}"


def phone(region: str) -> str:
    kind = R.choice([phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE])
    example = phonenumbers.example_number_for_type(region, kind)
    while True:
        national = str(example.national_number)
        keep = 3 if len(national) > 7 else 2
        candidate = phonenumbers.parse(f"+{example.country_code}{national[:keep]}{digits(len(national) - keep)}")
        if phonenumbers.is_valid_number(candidate):
            break
    fmt = R.choice([phonenumbers.PhoneNumberFormat.NATIONAL, phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                    phonenumbers.PhoneNumberFormat.E164])
    if region == "LU" and fmt == phonenumbers.PhoneNumberFormat.NATIONAL and kind != phonenumbers.PhoneNumberType.MOBILE:
        fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL  # LU landlines are written with +352
    text = phonenumbers.format_number(candidate, fmt)
    if region in ("NL", "FR") and fmt == phonenumbers.PhoneNumberFormat.NATIONAL and R.random() < 0.3:
        text = text.replace(" ", R.choice(["", "-", "."])) if region == "FR" else text.replace(" ", "")
    return text


def card() -> str:
    prefix, length = R.choice([("4", 16), ("51", 16), ("55", 16), ("2221", 16), ("34", 15), ("37", 15), ("4", 19)])
    body = prefix + digits(length - len(prefix) - 1)
    number = body + luhn.calc_check_digit(body)
    style = R.choice(["space", "dash", "none"])
    if length == 15:
        parts = [number[:4], number[4:10], number[10:]]
        return {"space": " ".join(parts), "dash": "-".join(parts), "none": number}[style]
    return {"space": group(number), "dash": group(number, sep="-"), "none": number}[style]


def iban_code() -> str:
    country = R.choice(["NL", "BE", "FR", "DE", "LU", "GB"])
    while True:
        bban = {
            "NL": lambda: R.choice(["ABNA", "RABO", "INGB", "SNSB", "TRIO"]) + digits(10),
            "BE": lambda: digits(12),
            "FR": lambda: digits(10) + digits(11) + digits(2),
            "DE": lambda: digits(18),
            "LU": lambda: digits(3) + digits(13),
            "GB": lambda: R.choice(["NWBK", "BARC", "HBUK"]) + digits(14),
        }[country]()
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            break
    return group(number) if R.random() < 0.6 else number


def nir_number() -> str:
    while True:
        body = f"{R.choice('12')}{digits(2)}{R.randint(1, 12):02d}{R.randint(1, 95):02d}{digits(3)}{digits(3)}"
        number = body + nir.calc_check_digits(body)
        if nir.is_valid(number):
            return nir.format(number) if R.random() < 0.5 else number


def be_nn_number() -> str:
    while True:
        number = f"{R.randint(40, 99):02d}{R.randint(1, 12):02d}{R.randint(1, 28):02d}{digits(3)}{digits(2)}"
        if be_nn.is_valid(number):
            return be_nn.format(number) if R.random() < 0.6 else number


def bsn_number() -> str:
    while True:
        number = digits(9)
        if number[0] != "0" and bsn.is_valid(number):
            return R.choice([number, f"{number[:4]}.{number[4:6]}.{number[6:]}", f"{number[:4]} {number[4:6]} {number[6:]}"])


def vat_number() -> str:
    while True:
        number = R.choice([lambda: f"NL{digits(9)}B01", lambda: f"BE0{digits(9)}", lambda: f"FR{digits(11)}",
                           lambda: f"DE{digits(9)}", lambda: f"LU{digits(8)}"])()
        if vat.is_valid(number):
            return number


def siren_number() -> str:
    while True:
        number = digits(9)
        if number[0] != "0" and siren.is_valid(number):
            return number


def siret_number() -> str:
    while True:
        number = siren_number() + digits(5)
        if siret.is_valid(number):
            return R.choice([number, f"{number[:3]} {number[3:6]} {number[6:9]} {number[9:]}"])


_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def btc_address() -> str:
    payload = bytes([R.choice([0, 5])]) + R.randbytes(20)
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n, out = int.from_bytes(data, "big"), ""
    while n:
        n, rem = divmod(n, 58)
        out = _B58[rem] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def crypto() -> str:
    kind = R.choice(["btc", "eth", "tron"])
    if kind == "btc":
        return btc_address()
    if kind == "eth":
        return "0x" + "".join(R.choice("0123456789abcdefABCDEF") for _ in range(40))
    return "T" + "".join(R.choice(_B58) for _ in range(33))


def street(language: str) -> str:
    if language == "nl" or (language == "en" and R.random() < 0.3):
        name = R.choice(["Linden", "Kerk", "Heren", "Keizers", "Prinsen", "Molen", "School", "Stations", "Dorps", "Beuken",
                         "Eiken", "Oude", "Nieuwe", "Wilhelmina", "Juliana", "Vondel", "Rembrandt"])
        suffix = R.choice(["straat", "gracht", "laan", "weg", "plein", "kade", "singel", "dijk", "steenweg"])
        number = str(R.randint(1, 350)) + R.choice(["", "", "a", "-H", "-B", " bis", "-2"])
        return f"{name}{suffix} {number}"
    if language == "fr":
        kind = R.choice(["Rue", "Avenue", "Boulevard", "Place", "Chemin", "Chaussée", "Allée", "rue", "avenue"])
        name = R.choice(["des Tanneurs", "de la Gare", "Victor Hugo", "du Midi", "de la Loi", "Louise", "de Namur",
                         "Jean Jaurès", "de la République", "des Lilas", "Foch", "du Commerce", "de Wavre"])
        number = str(R.randint(1, 250))
        if R.random() < 0.5:
            return f"{kind} {name} {number}"
        return f"{number}{R.choice(['', ' bis'])} {kind.lower()} {name}"
    return f"{R.randint(1, 300)}{R.choice(['', 'B'])} {R.choice(['Baker', 'High', 'Church', 'Mill', 'Station', 'King'])} " \
           f"{R.choice(['Street', 'Road', 'Lane', 'Avenue', 'Close', 'Drive'])}"


def postcode(language: str) -> str:
    kind = R.choice(["nl", "fr", "lu", "nl"])
    if kind == "nl":
        return f"{R.randint(1000, 9999)} {R.choice(string.ascii_uppercase)}{R.choice('ABCEGHJKLMNPRTVWXZ')}"
    if kind == "lu":
        return f"L-{R.randint(1000, 9999)}"
    return f"{R.choice(['75', '69', '13', '59', '33', '44', '31'])}{R.randint(0, 20):03d} " \
           f"{R.choice(['Paris', 'Lyon', 'Marseille', 'Lille', 'Bordeaux', 'Nantes', 'Toulouse'])}"


def date_text() -> str:
    y, m, d = R.randint(1940, 2005), R.randint(1, 12), R.randint(1, 28)
    return R.choice([f"{d:02d}/{m:02d}/{y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}", f"{d}.{m}.{y}"])


# ---------------------------------------------------------------------------------- positives

TEMPLATES = {  # {x}: the value; sentences people type in comments, notes and chat boxes
    "en": ["{x}", "{x}", "my details: {x}", "Please contact me at {x} thanks", "{x} (work)", "It's {x}, ok?"],
    "fr": ["{x}", "{x}", "voici : {x}", "Merci de me joindre au {x} svp", "{x} (perso)", "c'est {x} merci"],
    "nl": ["{x}", "{x}", "mijn gegevens: {x}", "Graag contact via {x} aub", "{x} (privé)", "het is {x}, bedankt"],
}


def positives(entity: str, make, n: int, context: dict[str, list[str]] | None = None) -> None:
    for _ in range(n):
        language = lang()
        value = make(language)
        template = R.choice(context[language]) if context else R.choice(TEMPLATES[language])
        add(template.format(x=value), language, (value, entity))


positives("EMAIL_ADDRESS", email, 45)
positives("PHONE_NUMBER", lambda language: phone(R.choice(["FR", "BE", "NL", "LU", "DE", "GB", "US", "NL", "FR", "BE"])), 70,
          {"en": ["{x}", "{x}", "call me on {x}", "phone: {x}", "my number is {x} after 5pm"],
           "fr": ["{x}", "{x}", "appelez le {x}", "tél : {x}", "mon portable {x} merci"],
           "nl": ["{x}", "{x}", "bel me op {x}", "tel: {x}", "mijn nummer is {x} na 17u"]})
positives("CREDIT_CARD", lambda _: card(), 35)
positives("IBAN_CODE", lambda _: iban_code(), 35)
positives("IP_ADDRESS", lambda _: R.choice([f"{R.randint(1, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                                             "2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a"]), 15)
positives("FR_NIR", lambda _: nir_number(), 20, {l: ["{x}", "n° sécu {x}", "{x}"] for l in ("en", "fr", "nl")})
positives("BE_NATIONAL_NUMBER", lambda _: be_nn_number(), 20,
          {l: ["{x}", "rijksregisternummer {x}", "{x}", "NN: {x}"] for l in ("en", "fr", "nl")})
positives("NL_BSN", lambda _: bsn_number(), 20, {l: ["{x}", "BSN {x}", "{x}"] for l in ("en", "fr", "nl")})
positives("EU_VAT", lambda _: vat_number(), 20, {l: ["{x}", "BTW-nummer: {x}", "TVA {x}", "VAT {x}"] for l in ("en", "fr", "nl")})
positives("FR_SIRET", lambda _: siret_number(), 8, {l: ["SIRET {x}", "n° SIRET : {x}", "siret {x}"] for l in ("en", "fr", "nl")})
positives("FR_SIREN", lambda _: siren_number(), 8, {l: ["SIREN {x}", "RCS Paris {x}", "n° siren {x}"] for l in ("en", "fr", "nl")})
positives("CRYPTO", lambda _: crypto(), 15, {l: ["{x}", "wallet: {x}", "send to {x}"] for l in ("en", "fr", "nl")})
positives("MAID", lambda _: str(uuid.UUID(int=R.getrandbits(128), version=4)).upper(), 10,
          {l: ["IDFA {x}", "gaid={x}", "advertising id: {x}", "adid {x}"] for l in ("en", "fr", "nl")})
positives("DATE_OF_BIRTH", lambda _: date_text(), 12,
          {"en": ["born {x}", "date of birth: {x}", "DOB {x}"], "fr": ["né le {x}", "date de naissance : {x}", "née le {x}"],
           "nl": ["geboren op {x}", "geboortedatum {x}", "geboren {x}"]})
positives("POSTAL_ADDRESS", street, 40)
positives("POSTAL_ADDRESS", postcode, 20, {l: ["{x}"] for l in ("en", "fr", "nl")})

# full names alone (a name typed into a comment or an echo) and in free text
for _ in range(25):
    language = lang()
    name = person(language)
    add(name, language, (name, "PERSON"))

NAME_SENTENCES = {
    "nl": ["Graag afgeven bij {p}, de buurvrouw.", "Pakket mag bij {p} op nummer 12.", "Contactpersoon is {p}.",
           "Ik heb gebeld met {p} van de klantenservice maar geen antwoord.", "Cadeau voor {p}, graag inpakken!",
           "Bestelling is voor mijn schoonmoeder {p}.", "Groetjes, {p}", "Aflevering bij {p} als ik niet thuis ben."],
    "fr": ["Merci de laisser le colis chez {p} au 2e étage.", "Le destinataire est {p}.", "Cordialement, {p}",
           "J'ai parlé avec {p} au service client hier.", "Cadeau pour {p}, merci de ne pas mettre la facture.",
           "En cas d'absence, voir avec {p}, la gardienne.", "Commande passée pour ma mère {p}."],
    "en": ["Please leave the parcel with {p} next door.", "The gift is for {p}, please wrap it.", "Kind regards, {p}",
           "I spoke to {p} from support yesterday.", "Deliver to my colleague {p} at reception.",
           "If I'm out, {p} will sign for it.", "Ordered on behalf of {p}."],
}
for _ in range(60):
    language = lang()
    name = person(language)
    add(R.choice(NAME_SENTENCES[language]).format(p=name), language, (name, "PERSON"))

# mixed free text: two entities in one note
for _ in range(20):
    language = lang()
    name, number = person(language), phone({"nl": "NL", "fr": "FR", "en": "GB"}[language])
    text = {"nl": f"Bel aub {number} als de bel niet werkt, anders bij {name} op nr. {R.randint(1, 99)}.",
            "fr": f"Sinon appelez le {number} ou laissez le colis chez {name} (2e étage).",
            "en": f"Ring {number} on arrival or leave it with {name} at number {R.randint(1, 99)}."}[language]
    add(text, language, (number, "PHONE_NUMBER"), (name, "PERSON"))
for _ in range(10):
    language = lang()
    address = email(language)
    text = {"nl": f"Fietser en koffieliefhebber uit {R.choice(CITIES)}. Mail me gerust: {address}",
            "fr": f"Traductrice à {R.choice(CITIES)}. Écrivez-moi : {address}",
            "en": f"Runner and coffee lover from {R.choice(CITIES)}. Drop me a line: {address}"}[language]
    add(text, language, (address, "EMAIL_ADDRESS"))

# ---------------------------------------------------------------------------------- hard negatives

NEGATIVES = [
    # product names and searches
    "Samsung Galaxy S24 Ultra", "Nike Air Max 90", "Philips Hue White Ambiance", "Dyson V15 Detect", "Apple iPhone 15 Pro",
    "Le Creuset Signature 24 cm", "Ray-Ban Wayfarer", "Levi's 501 Original", "Sony WH-1000XM5", "Bosch Serie 6",
    "LEGO Technic 42115", "Nintendo Switch OLED", "Canon EOS R6 Mark II", "Gazelle Ultimate C380", "Stanley Quencher 1,2 L",
    "rode jurk maat 38", "chaussures running homme 42", "winter jacket men", "koptelefoon draadloos", "robe d'été fleurie",
    "Moulinex Companion XL", "Tefal Ingenio 3 pièces", "IKEA Billy boekenkast", "Douwe Egberts Aroma Rood 500g",
    "Côte d'Or Noir 86%", "Heineken 24 x 33 cl", "Vans Old Skool", "Adidas Stan Smith", "Garmin Forerunner 265",
    # order numbers, invoices, tracking, SKUs, EANs
    "ORD-2024-118822", "ORD-2023-004512", "INV-000123", "Commande n° 458712", "Bestelling 20241188", "#100245",
    "3SABCD123456789", "1Z999AA10123456784", "SKU-88412-BL", "AB-1234-XL", "REF 7741-22", "4006381333931",
    "8710398527080", "5410013108009", "3017620422003", "Art.-Nr. 123456", "PO-7781/2024", "TICKET-55821",
    # prices and amounts
    "€ 49,95", "49,95 €", "€ 1.234,56", "$19.99", "£ 250.00", "Totaal: € 129,00", "Prix : 1 299,00 €",
    "EUR 2.718,28", "-15%", "€ 0,99", "12,50 EUR",
    # dates and times (not of birth)
    "12/03/2024", "2024-11-05", "05-11-2024", "levering op 14-12-2024", "livraison le 03/01/2025", "14:30",
    "ordered on 2024-10-21", "do 12 dec", "Vendredi 13 décembre", "Q4 2024",
    # cities typed in a search box, countries
    *CITIES, "België", "Nederland", "France", "Deutschland",
    # promo codes and gift-card-like codes
    "WINTER25", "ZOMER15", "BLACKFRIDAY", "SOLDES30", "WELKOM10", "NOEL2024", "FREESHIP", "SUMMER-2024", "VIP20",
    # 4-digit groups, quantities, sizes, short numbers
    "4111", "3000", "1234", "2024", "0000", "9999", "2 x 500 g", "12 stuks", "3 pièces", "Qty: 4", "maat 42",
    "taille M", "42 EU", "1,5 kg", "250 ml", "100 x 200 cm", "5 jaar garantie", "10 %", "3-pack", "v2.3.1",
    # sentences without personal data
    "Can I return my order ORD-2024-118822 placed on 12/03/2024?", "Ma commande 458712 n'est pas arrivée.",
    "Bestelling 20241188 is nog niet geleverd.", "Please deliver after 6pm, the door code is 4111.",
    "Le code de la porte est 3000B.", "Graag tussen 9 en 12 uur leveren.", "Is this available in size 44?",
    "Ik wil graag ruilen voor maat 40.", "Est-ce que la livraison est gratuite à partir de 50 € ?",
    "Do you ship to Luxembourg?", "Werkt deze oplader ook met een iPhone 15?", "Colis abîmé, carton ouvert.",
    "Bel niet aan, baby slaapt.", "Ne pas sonner, chien méchant.", "Leave it behind the green bin please.",
    "Parcel was damaged, box number 7 of 12.", "Trop petit, je voudrais la taille au-dessus.",
    "Het pakket ligt bij de receptie.", "Great product, fast delivery, 5 stars!", "Produit conforme, je recommande.",
    "Snelle levering, top service!", "The app crashes on version 4.2.0", "Code promo WINTER25 ne fonctionne pas",
    "Kortingscode ZOMER15 werkt niet", "Tracking 3SABCD123456789 shows no update", "Order total € 49,95 incl. BTW",
    "2 x Nike Air Max 90 maat 43", "Ik zoek een cadeau voor Moederdag", "Fête des pères : idée cadeau",
    "Black Friday deals on Samsung TVs", "Retour via PostNL of DHL?", "Livraison Colissimo ou Mondial Relay ?",
    "Kan ik betalen met iDEAL of Bancontact?", "Paiement en 3 fois sans frais", "Apple Pay doesn't work on checkout",
    "Lot de 6 verres 25 cl", "Pack van 12 flessen Spa Blauw", "Garantie 2 ans pièces et main d'œuvre",
    "Room 204, building B", "Gate 3000 at Schiphol", "Flight KL1234 lands at 14:30", "Tafel 12, 4 personen",
    "Je voudrais réserver pour 4 personnes à 20h", "Table for two at 7:30 please",
]
for text in NEGATIVES:
    language = "nl" if any(w in text.lower() for w in (" de ", "maat", "bestelling", "graag", "het ", "stuks", "bel ", "niet", " voor ", "ik ", "kan ", "werkt", "van ")) \
        else "fr" if any(c in text for c in "éèàçêô") or " la " in text.lower() or " le " in text.lower() else "en"
    rows.append({"text": text, "language": language, "spans": []})

# generated negatives: order numbers, SKUs, prices, dates, checksum-invalid look-alikes
for _ in range(60):
    kind = R.choice(["order", "sku", "price", "date", "bad_card", "bad_iban", "qty", "promo"])
    text = {
        "order": lambda: f"ORD-{R.randint(2019, 2025)}-{digits(6)}",
        "sku": lambda: f"{''.join(R.choices(string.ascii_uppercase, k=3))}-{digits(4)}-{R.choice(['S', 'M', 'L', 'XL', 'BL', 'RD'])}",
        "price": lambda: R.choice([f"€ {R.randint(1, 999)},{digits(2)}", f"{R.randint(1, 999)},{digits(2)} €", f"${R.randint(1, 999)}.{digits(2)}"]),
        "date": lambda: R.choice([f"{R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{R.randint(2020, 2025)}", f"{R.randint(2020, 2025)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}"]),
        "bad_card": lambda: group((lambda b: b + str((int(luhn.calc_check_digit(b)) + R.randint(1, 9)) % 10))("4" + digits(14))),
        "bad_iban": lambda: (lambda b: "NL" + f"{(int(iban.calc_check_digits('NL00' + b)) + R.randint(1, 9)) % 97 + 2:02d}" + b)(R.choice(["RABO", "INGB"]) + digits(10)),
        "qty": lambda: f"{R.randint(1, 24)} x {R.choice(['500 g', '1 kg', '33 cl', '1,5 L', 'stuks'])}",
        "promo": lambda: f"{R.choice(['WINTER', 'ZOMER', 'SALE', 'SOLDES', 'WELKOM', 'PROMO'])}{R.randint(5, 50)}",
    }[kind]()
    if kind == "bad_iban" and iban.is_valid(text):
        continue
    rows.append({"text": text, "language": lang(), "spans": []})

with open(OUT, "w", encoding="utf-8") as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(f"{len(rows)} values, {sum(1 for r in rows if not r['spans'])} negatives -> {OUT}")
