"""Review 29 (F12, F13, F14): values the outside review found stored raw, in shapes of our own: a home-country bank
account that is no IBAN, a social profile's link whose path is a person's name, a parcel's tracking code. Each
through the real redaction pass (tests/in_process.py) and the real detector; the site's own words beside them stay."""
from __future__ import annotations

import orjson
import pytest

from factories import custom, element, html_page, input_event, meta, reset_ids, snapshot, text, typing
from leaks import leaks
from in_process import Session
from redactor.pii import DetectorPool


@pytest.fixture(scope="module")
def pool() -> DetectorPool:
    return DetectorPool(workers=0, ner=True)


def stored_page(pool: DetectorPool, node: dict, lang: str, url: str = "https://shop.example/") -> str:
    reset_ids()
    session = Session(pool)
    session.send(meta(url), snapshot(html_page(node, lang=lang)))
    return orjson.dumps(session.stored).decode()


def stored_typing(pool: DetectorPool, value: str, lang: str) -> str:
    reset_ids()
    session = Session(pool)
    box = element("textarea", {"name": "opmerking"})
    session.send(meta(), snapshot(html_page(box, lang=lang)))
    session.send(*typing(box["id"], value))
    return orjson.dumps(session.stored).decode()


# (page text, language, the account's digits that must not be stored, the site's words that stay)
DOMESTIC_ACCOUNTS = [
    ("Zwrot na numer konta 27 1140 2004 0000 3702 7654 3210", "nl", "3702 7654", "Zwrot"),
    ("Reembolso para o NIB 0035 0412 98765432101 23", "fr", "98765432101", "Reembolso"),
    ("Remboursement sur le compte Equity 00230-98765432101-44 demain", "fr", "98765432101", "Remboursement"),
    ("Stort het terug op rekening 7654321 bij Hakrinbank", "nl", "7654321", "Stort het terug"),
    ("Devolución a la cuenta 2100 0418 4502 0005 1332", "fr", "0005 1332", "Devolución"),
]


@pytest.mark.parametrize("shown,lang,secret,kept", DOMESTIC_ACCOUNTS)
def test_a_domestic_account_after_its_word_is_masked(pool, shown, lang, secret, kept):
    out = stored_page(pool, element("p", {}, [text(shown)]), lang)
    assert secret not in out
    assert kept in out


def test_a_seven_digit_account_typed_in_a_remark_is_masked(pool):
    out = stored_typing(pool, "graag terugstorten op rekening 7654321 bij Hakrinbank", "nl")
    assert "7654321" not in out and "terugstorten" in out


@pytest.mark.parametrize("shown", ["Bestel 3 stuks voor 1234567 punten", "Artikel 1234567 is op voorraad",
                                   "Onze rekening bij de bank is geopend sinds 1998"])
def test_a_number_without_an_account_word_stays(pool, shown):
    assert shown in stored_page(pool, element("p", {}, [text(shown)]), "nl")


# (a profile link's href, the person's name word in it that must not be stored)
PROFILE_LINKS = [
    ("https://www.facebook.com/ilse.verhaegen.12", "verhaegen"),
    ("https://nl-nl.facebook.com/kwame_owusu", "owusu"),
    ("https://www.instagram.com/noor.elamrani/?hl=nl", "elamrani"),
    ("https://be.linkedin.com/in/ilseverhaegen", "ilseverhaegen"),
    ("https://www.linkedin.com/in/kwame-owusu-8f3e21", "owusu"),
    ("https://www.tiktok.com/@noor.elamrani", "elamrani"),
]


@pytest.mark.parametrize("href,secret", PROFILE_LINKS)
def test_a_social_profile_link_whose_path_is_a_name_is_masked(pool, href, secret):
    out = stored_page(pool, element("a", {"href": href}, [text("Profiel")]), "nl")
    assert secret not in out and "Profiel" in out


@pytest.mark.parametrize("href", ["https://www.facebook.com/kapsalonsandra", "https://www.instagram.com/p/CxY12ab/",
                                  "https://www.linkedin.com/company/bakkerij-peeters/",
                                  "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2F",
                                  "https://shop.example/blog/jan.peeters.7"])
def test_a_shops_own_social_page_and_other_hosts_paths_stay(pool, href):
    assert href in stored_page(pool, element("a", {"href": href}, [text("Volg ons")]), "nl")


# (a carrier's tracking link on an order page, the code and postcode that must not be stored)
CARRIER_LINKS = [
    ("https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890&lang=nl&postcode=9000",
     ["323212345678901234567890"]),
    ("https://www.bpost.be/nl/track?itemCode=CD987654321BE&postalCode=3500", ["CD987654321BE", "3500"]),
    ("https://jouw.postnl.nl/track-and-trace/3SKLMN9876543-NL-3511LX", ["3SKLMN9876543", "3511LX"]),
    ("https://www.dhl.com/nl-nl/home/tracking.html?tracking-id=JJD000390007654321987&postcode=2611AB",
     ["JJD000390007654321987", "2611AB"]),
]


@pytest.mark.parametrize("href,secrets", CARRIER_LINKS)
def test_a_carrier_tracking_links_code_and_postcode_are_masked(pool, href, secrets):
    out = stored_page(pool, element("a", {"href": href}, [text("Volg je pakket")]), "nl")
    assert not [s for s in secrets if s in out] and "Volg je pakket" in out


@pytest.mark.parametrize("shown,secret", [
    ("Je pakket 3SKLMN9876543 wordt bezorgd op postcode 3511 LX", "3SKLMN9876543"),
    ("Suivi du colis CD987654321BE, code postal 4000", "CD987654321BE"),
    ("Zending 1Z999AA10123456784 naar 2611 AB", "1Z999AA10123456784"),
])
def test_a_parcel_code_beside_the_visitors_postcode_is_masked(pool, shown, secret):
    out = stored_page(pool, element("p", {}, [text(shown)]), "nl")
    assert secret not in out


@pytest.mark.xfail(strict=True, reason="a tracking code alone is read as the shop's number (tests/data/pii_typed.tsv "
                   "labels 'Track & Trace: 3SPOST8842175' site text); without the postcode it does not open the "
                   "delivery's details: left to the lead (review 29 F12)")
def test_a_parcel_code_alone_in_page_text_is_masked(pool):
    assert "323212345678901234" not in stored_page(pool, element("p", {}, [text("Uw zending 323212345678901234 is onderweg")]), "nl")


@pytest.mark.parametrize("href", ["https://www.postnl.nl/zakelijk/", "https://www.bpost.be/nl/track"])
def test_a_carriers_own_pages_stay(pool, href):
    assert href in stored_page(pool, element("a", {"href": href}, [text("PostNL")]), "nl")


def stored_search(pool: DetectorPool, typed: str, lang: str = "nl") -> str:
    """The visitor types an address in a search box; the results page echoes it and its address holds it in ?q=."""
    reset_ids()
    session = Session(pool)
    box = element("input", {"type": "search", "name": "q", "placeholder": "Zoek"})
    session.send(meta(), snapshot(html_page(box, lang=lang)))
    session.send(*typing(box["id"], typed))
    reset_ids()
    session.send(meta("https://shop.example/zoeken?q=" + typed.replace(" ", "+")),
                 snapshot(html_page(element("p", {}, [text("Resultaten voor " + typed)]), lang=lang)))
    return orjson.dumps(session.stored).decode()


@pytest.mark.parametrize("typed,street", [("korenlei 7 9000", "korenlei"), ("vrijdagmarkt 21b 9000", "vrijdagmarkt"),
                                          ("brink 5 7411bp", "brink"), ("nieuwland 18, 1000", "nieuwland")])
def test_a_street_number_and_postcode_typed_in_lower_case_are_masked(pool, typed, street):
    out = stored_search(pool, typed)
    assert street not in out and "Resultaten voor" in out


@pytest.mark.parametrize("shown", ["iphone 15 256", "Top 10 2024", "Gepost op March 3, 2025", "maat 42 1000 stuks op voorraad"])
def test_a_products_search_a_heading_and_a_date_stay(pool, shown):
    assert shown in stored_page(pool, element("p", {}, [text(shown)]), "nl")


# (what the visitor types, language, the place's name that must not be stored)
HAMLETS = [("livrer au lieu-dit Les Granges, 24250 Domme", "fr", "Les Granges"),
           ("livrer au lieu-dit Kerhuel, 29150 Châteaulin", "fr", "Kerhuel"),
           ("Hameau de la Bergerie, 46300 Gourdon", "fr", "Bergerie"),
           ("Lieu dit l'Étang Rouge, sonnez fort", "fr", "Étang Rouge"),
           ("Wij wonen in buurtschap Het Hulsbroek, bij de kapel", "nl", "Hulsbroek"),
           ("Ortsteil Oberrodenbach, bitte hinten klingeln", "de", "Oberrodenbach")]


@pytest.mark.parametrize("typed,lang,place", HAMLETS)
@pytest.mark.parametrize("tag", ["textarea", "input"])
def test_a_rural_address_given_as_a_hamlet_without_a_house_number_is_masked(pool, typed, lang, place, tag):
    """Review 30 F12: a French rural address is a lieu-dit's name and no house number ("livrer au lieu-dit Les Granges,
    24250 Domme"): the postcode and the town were masked, "Les Granges" and "Kerhuel" stored, as no typed street shape
    reads a name without its number. A hamlet's or a named place's word (rules/recognizers.yaml hamlet_words) opens one
    to four capitalised words that are her address, typed in a remark's box or line, whole or cut in batches."""
    for batches in (1, 4):
        reset_ids()
        session = Session(pool)
        box = element(tag, {"name": "remarque", **({"type": "text"} if tag == "input" else {})})
        session.send(meta(), snapshot(html_page(element("label", {}, [text("Remarque")]), box, lang=lang)))
        keys = typing(box["id"], typed)
        step = -(-len(keys) // batches)
        for i in range(0, len(keys), step):
            session.send(*keys[i:i + step])
        assert not leaks(session.stored, place), (typed, batches)


@pytest.mark.parametrize("shown", ["Gîte du Hameau de la Forge — 4 chambres", "Ortsteil Oberrod: Sperrmüll am Montag",
                                   "Le lieu-dit Les Granges accueille le marché"])
def test_a_hamlets_name_in_the_sites_own_text_stays(pool, shown):
    assert shown in stored_page(pool, element("p", {}, [text(shown)]), "fr")


@pytest.mark.parametrize("shown", ["Rendez-vous à l'Hôpital Erasme, route de Lennik 808",
                                   "Cours à l'Athénée Royal, rue de la Loi 12, 1000 Bruxelles",
                                   "Basisschool De Regenboog, Kerkstraat 40, Antwerpen"])
def test_an_institutions_own_address_after_its_name_stays(pool, shown):
    """Review 30 O3: a hospital's own street after its name was masked on its page ("à l'Hôpital Erasme, route de
    Lennik 808"), while a shop's after its name is kept (names.is_site_address): French's elided article hid the
    institution's word. An institution's word (rules/pii.yaml institution_endings) after "l'" opens the site's name
    as a trade's word does; a home named with another word after "l'" stays masked (below)."""
    assert shown in stored_page(pool, element("p", {}, [text(shown)]), "fr")


@pytest.mark.parametrize("shown,street", [("Livraison : l'Étang Bleu, rue des Lilas 12", "rue des Lilas 12"),
                                          ("Sanne Jansen, Kerkstraat 12", "Kerkstraat 12")])
def test_a_visitors_address_after_a_place_or_a_name_is_still_masked(pool, shown, street):
    assert street not in stored_page(pool, element("p", {}, [text(shown)]), "fr")


@pytest.mark.xfail(strict=True, reason="review 30 O3: a street named after a person with a particle ('Jan Van "
                   "Rijswijcklaan') is read from its particle on (street_nl takes one capitalised word before the name), "
                   "so its given name stands between the school's name and the address as a visitor's name before her "
                   "own address does ('Sanne, Van Rijswijcklaan 40'): is_site_address cannot tell them apart there")
def test_a_schools_own_street_named_after_a_person_stays(pool):
    shown = "Basisschool De Regenboog, Jan Van Rijswijcklaan 40, Antwerpen"
    assert "Rijswijcklaan 40" in stored_page(pool, element("p", {}, [text(shown)]), "nl")


@pytest.mark.parametrize("pasted,street,kept", [
    ("Ik woon sinds kort op de Doorniksesteenweg, nummer 118, bus 3. Groeten", "Doorniksesteenweg", "Ik woon sinds"),
    ("Mijn nieuw adres is Kerkstraat nummer 12, bus 4. Groeten", "Kerkstraat", "Mijn nieuw adres"),
    ("Stuur het naar de Leopoldlaan, nr. 7 bus 2. Groeten", "Leopoldlaan", "Stuur het naar")])
def test_a_street_with_its_number_after_a_comma_or_its_word_in_a_remark_is_masked(pool, pasted, street, kept):
    """Held-out round 42 (probed beside the page): a Flemish street written with its number after a comma and the
    word for it ("op de Doorniksesteenweg, nummer 118, bus 3") was stored: a Dutch street was read with its number
    right after it only. Its number after the word for it ("nummer", "nr."), a comma before, and its box after a
    comma are read as the street's."""
    reset_ids()
    session = Session(pool)
    box = element("textarea", {"name": "opmerking"})
    session.send(meta(), snapshot(html_page(box, lang="nl")))
    session.send(input_event(box["id"], pasted))
    out = orjson.dumps(session.stored).decode()
    assert street not in out and kept in out


# (what the visitor writes, language, the street's and the house's numbers that must not be stored)
NUMBERED_ADDRESSES = [("Adresse au Maroc : Hay Salam, Rue 7 N° 21, Agadir", "fr", "Rue 7 N° 21"),
                      ("Derb Sultan, Rue 12 N° 34, Casablanca", "fr", "Rue 12 N° 34"),
                      ("Lotissement Al Amal, Lot 245, Berkane", "fr", "Lot 245"),
                      ("Cité Keur Gorgui, Villa N° 112, Dakar", "fr", "N° 112"),
                      ("Maarif, rue 14 no. 9, Casablanca", "fr", "rue 14 no. 9"),
                      ("à livrer au Lot 17, Hay Karima, Salé", "fr", "Lot 17"),
                      ("Mijn adres in Dakar: Sicap Liberté 6, Villa 8127", "nl", "Villa 8127")]


@pytest.mark.parametrize("written,lang,house", NUMBERED_ADDRESSES)
def test_an_address_whose_street_is_a_number_a_lot_or_a_villa_is_masked(pool, written, lang, house):
    """Review 35 F13: a remark stored "Hay Salam, Rue 7 N° 21, Agadir", "Lotissement Al Amal, Lot 245, Berkane" and
    "Cité Keur Gorgui, Villa N° 112, Dakar" with the quarter's name masked and the numbers kept, typed and sent as a
    custom event's {"remark": …}: a Moroccan or a Senegalese address numbers its street, its lot or its villa, and no
    street shape read a street without a capitalised name. A numbered street and its house after "N°" are an address
    wherever they are (street_numbered); a lot or a villa's number beside an address's, a delivery's or a quarter's
    word."""
    assert not leaks(orjson.loads(stored_typing(pool, written + ", merci", lang)), house), written
    reset_ids()
    session = Session(pool)
    session.send(meta(), custom("booking", {"remark": written}))
    assert not leaks(session.stored, house), written


@pytest.mark.xfail(strict=True, reason="review 35 F13's leftover: a town's district word before an address ('Quartier "
                   "Maarif, rue 14 no. 9') is a business word of rules/pii.yaml (a parking card's 'Quartier Josaphat'), "
                   "so names.is_site_address reads the address after it as the site's premises, as it does 'Quartier "
                   "Josaphat, rue des Tanneurs 58'")
def test_an_address_after_its_quarters_word_is_masked(pool):
    assert "rue 14 no. 9" not in stored_typing(pool, "Quartier Maarif, rue 14 no. 9, Casablanca, merci", "fr")


@pytest.mark.parametrize("shown", ["Lot 245 — Estampe japonaise, mise à prix 80 €", "N° Lot 123456 – à consommer avant",
                                   "Villa N° 12 : vue sur mer, 4 chambres", "Lot de 3 paires de chaussettes",
                                   "Promo : lot 3 savons, livraison gratuite dès 30 €"])
def test_a_lot_or_a_villa_of_the_sites_own_stays(pool, shown):
    """Review 35 F13's controls: an auction's lot, a product's batch, a resort's villa and a pack in the site's text name
    no one's home: no address's word is beside them."""
    assert shown in stored_page(pool, element("p", {}, [text(shown)]), "fr")
