"""Records a held-out round as a fixture: the page under tests/data/heldout/<round>/pages, recorded by the
unmodified rrweb recorder (default options) in headless Chromium, its batches POSTed every 1 s by the page's
collector.js to /collect here and written byte for byte, one file per batch, with a manifest.json of the planted
values — the shape of tests/data/recordings (its README.md). tests/test_recorded_rounds.py posts them to the server.

    PYTHONPATH=$PWD python3 tests/e2e/make_recording.py round46

Not a test (no test_ prefix): run it again only to make a new recording; the journeys are in JOURNEYS.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

from aiohttp import web

REPO = Path(__file__).resolve().parents[2]
HELDOUT = REPO / "tests" / "data" / "heldout"
RRWEB_UMD = REPO / "node_modules" / "rrweb" / "dist" / "rrweb.umd.min.cjs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KEY_MS = 15  # each key its own Input event; the batch cuts a value stands on are explicit (cut())


class Collector:
    """Serves the round's pages and rrweb, and keeps every POST body to /collect as it came."""

    def __init__(self, pages: Path) -> None:
        self.pages, self.bodies = pages, []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _start(self) -> None:
        async def collect(request: web.Request) -> web.Response:
            self.bodies.append(await request.read())
            return web.json_response({"ok": True})

        async def rrweb(request: web.Request) -> web.FileResponse:
            return web.FileResponse(RRWEB_UMD, headers={"Content-Type": "text/javascript; charset=utf-8"})

        app = web.Application()
        app.router.add_post("/collect", collect)
        app.router.add_get("/vendor/rrweb.min.js", rrweb)
        app.router.add_static("/pages", self.pages)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    def __enter__(self) -> Collector:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)
        return self

    def __exit__(self, *exc: Any) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def cut(page: Any) -> None:
    """Ends the batch now, as the 1 s timer would (twice: a flush already in flight sends nothing new)."""
    page.evaluate("rrFlush().then(rrFlush)")


def typed(page: Any, selector: str, *pieces: str) -> None:
    """Types the pieces key by key into the field, a batch cut between each two."""
    page.click(selector)
    for index, piece in enumerate(pieces):
        if index:
            cut(page)
        page.keyboard.type(piece, delay=KEY_MS)


def attached(page: Any, selector: str, filename: str) -> None:
    """Picks a file of that name in a file input, as the visitor's file dialog would (the browser then says
    'C:\\fakepath\\<filename>' as the input's value): the name is what a round plants, the bytes are a stub."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / filename
        path.write_bytes(b"%PDF-1.4\n%stub\n")
        page.set_input_files(selector, str(path))


def pressed(page: Any, *keys: str) -> None:
    """Presses keys or chords (a rich-text editor's 'Control+B', 'Shift+Enter') where the caret is."""
    for key in keys:
        page.keyboard.press(key)


# -- round 46: a Flemish hospital's pre-admission ---------------------------------------------------------------
R46_ALLERGY = ("Allergisch aan penicilline: in 2019 een anafylactische shock na een injectie. Mijn zus Griet "
               "Demeulenaere (0496 21 48 73) kent mijn medicatie.")
R46_REMARK = ("Mon compagnon Grégoire ne parle pas néerlandais. Sa fille Amandine Lemaître viendra me chercher, "
              "tél. 0489 73 15 62.")


R46_TOWN = ("the visitor's town typed ('8800 Roeselare') is tainted word by word and masked in the site's own name in "
            "the last snapshot")


def r46_journey(page: Any) -> None:
    page.select_option("#afdeling", "Orthopedie en traumatologie — campus Sint-Jozef")
    typed(page, "#kamer", "eenpersoons", "kamer")
    typed(page, "#voornaam", "Liese", "lot")
    typed(page, "#familienaam", "Vanhout", "teghem")
    page.fill("#geboortedatum", "1979-08-14")
    typed(page, "#rrn", "79.08.1", "4-236.89")
    typed(page, "#straat", "Meensesteenweg 21", "7 bus 3")
    typed(page, "#postcode", "8800 Roeselare")
    typed(page, "#gsm", "+324783", "26915")
    typed(page, "#email", "lieselot.vanhou", "tteghem@telenet.be")
    typed(page, "#iban", "BE26 0634 82", "15 7329")
    page.select_option("#ziekenfonds", "Helan")
    typed(page, "#lidnummer", "138-0472", "195-64")
    typed(page, "#huisarts", "dr. Koenraad Versch", "aeve")
    typed(page, "#riziv", "1-48215", "-37-004")
    typed(page, "#allergie", "Allergisch aan penicilline: in 2019 een anafylac",
          "tische shock na een injectie. Mijn zus Griet Demeul",
          "enaere (0496 21 48 73) kent mijn medicatie.")
    page.click("#contact-plus")
    typed(page, "#contacten input.c-naam", "Grégoire Lema", "ître")
    typed(page, "#contacten input.c-relatie", "partner")
    typed(page, "#contacten input.c-tel", "0475/61.", "28.04")
    typed(page, "#opmerking", "Mon compagnon Grégoire ne parle pas néerlandais. Sa fille Amandine Lem",
          "aître viendra me chercher, tél. 0489 73", " 15 62.")
    cut(page)
    page.evaluate("rrweb.record.takeFullSnapshot(true)")
    cut(page)
    page.click("#verstuur")
    page.wait_for_selector("#bedankt[data-done]")
    page.evaluate("rrweb.record.takeFullSnapshot(true)")


def pii(field: str, selector: str | None, value: str, how: str, category: str, note: str = "") -> dict[str, Any]:
    entry = {"field": field, "selector": selector, "value": value, "how": how, "category": category}
    return {**entry, "note": note} if note else entry


R46_PLANTED = [
    pii("voornaam", "#voornaam", "Lieselot", "typed", "person_name", "echoed by the page into #samenvatting"),
    pii("familienaam", "#familienaam", "Vanhoutteghem", "typed", "person_name", "cut 'Vanhout|teghem'; echoed"),
    pii("geboortedatum", "#geboortedatum", "1979-08-14", "typed", "date_of_birth", "type=date, filled whole"),
    pii("geboortedatum", "#samenvatting", "14/08/1979", "echoed", "date_of_birth", "the summary's form of it"),
    pii("rrn", "#rrn", "79.08.14-236.89", "typed", "national_id", "rijksregisternummer with dots and dash"),
    pii("straat", "#straat", "Meensesteenweg 217 bus 3", "typed", "address", "a street with 'bus 3'"),
    pii("gsm", "#gsm", "+32478326915", "typed", "phone", "a +32 4xx mobile typed bare"),
    pii("email", "#email", "lieselot.vanhoutteghem@telenet.be", "typed", "email"),
    pii("iban", "#iban", "BE26 0634 8215 7329", "typed", "iban", "a Belgian IBAN, mod-97 right"),
    pii("lidnummer", "#lidnummer", "138-0472195-64", "typed", "health_insurance_id", "mutualiteit member number"),
    pii("huisarts", "#huisarts", "Koenraad Verschaeve", "typed", "person_name", "the GP, typed after 'dr. '"),
    pii("riziv", "#riziv", "1-48215-37-004", "typed", "professional_id", "the GP's RIZIV number"),
    pii("allergie", "#allergie", "penicilline", "embedded-in-typed", "health", "a drug allergy"),
    pii("allergie", "#allergie", "anafylactische shock", "embedded-in-typed", "health", "cut inside 'anafylac|tische'"),
    pii("allergie", "#allergie", "Griet Demeulenaere", "embedded-in-typed", "person_name", "the sister, cut inside"),
    pii("allergie", "#allergie", "0496 21 48 73", "embedded-in-typed", "phone", "the sister's mobile"),
    pii("allergie", "#allergie", R46_ALLERGY, "typed", "free_text"),
    pii("c-naam", "#contacten input.c-naam", "Grégoire Lemaître", "typed", "person_name",
        "a row a button adds; echoed into the summary"),
    pii("c-tel", "#contacten input.c-tel", "0475/61.28.04", "typed", "phone", "written with a slash and dots"),
    pii("opmerking", "#opmerking", "Amandine Lemaître", "embedded-in-typed", "person_name",
        "French, in a contenteditable (Mutation texts)"),
    pii("opmerking", "#opmerking", "0489 73 15 62", "embedded-in-typed", "phone", "cut inside '0489 73| 15 62'"),
    pii("opmerking", "#opmerking", R46_REMARK, "typed", "free_text"),
    pii("kamer", "#kamer", "eenpersoonskamer", "typed", "non_pii", "a room preference, cut 'eenpersoons|kamer'"),
    pii("c-relatie", "#contacten input.c-relatie", "partner", "typed", "non_pii", "the contact's relation"),
    pii("afdeling", "#afdeling", "Orthopedie en traumatologie — campus Sint-Jozef", "selected", "non_pii"),
    pii("ziekenfonds", "#ziekenfonds", "Helan", "selected", "health_insurer",
        "which fund says a belief (rules/fields.yaml HEALTH_INSURER, SPECIAL_CATEGORY): the select is masked whole, its "
        "options with it"),
    # left open: the visitor's town typed is tainted word by word, and masked in the site's own name (README.md)
    *[{**pii("site", None, text, "site-text", "non_pii"), "open": R46_TOWN} for text in [
        "AZ Vlasland Roeselare", "AZ Vlasland Roeselare · campus Wilgenhof · Dienst Opname"]],
    *[pii("site", None, text, "site-text", "non_pii") for text in [
        "Cardiologie — campus Wilgenhof", "Materniteit De Kleine Vlasbloem", "Dagziekenhuis Mandelhof",
        "Rijksregisternummer", "RIZIV-nummer van uw huisarts",
        "Lidnummer bij uw ziekenfonds", "Naam van uw huisarts", "Straat, huisnummer en bus", "+ Contactpersoon toevoegen",
        "Staat op de achterkant van uw identiteitskaart (11 cijfers).",
        "Het RIZIV-nummer staat op elk voorschrift van uw huisarts.",
        "Vous préférez le français? Notre service d'admission vous aide volontiers.",
        "Bedankt! Wij verwachten u op de dag van uw opname om 7.30 uur aan de onthaalbalie."]],
]

# -- round 47: a Dutch installer's job application, a three-step wizard ------------------------------------------
def r47_journey(page: Any) -> None:
    typed(page, "#voornaam", "Ayşe", "nur")
    typed(page, "#achternaam", "Kahraman", "oğlu")
    typed(page, "#email", "aysenur.kah", "ramanoglu", "@ziggo.nl")
    typed(page, "#telefoon", "+31 (0)6 48", "27 1935")  # leaving the e-mail fills the hidden input
    typed(page, "#bsn", "273 84", "6 516")
    typed(page, "#linkedin", "https://www.linkedin.com/in/aysenur-kahra", "manoglu-4b21a7/")
    attached(page, "#cv", "CV_Aysenur_Kahramanoglu.pdf")
    cut(page)
    page.click("#volgende")  # step 2 replaces step 1's DOM; the header and title say her name
    page.click("#motivatie")
    page.keyboard.type("Vier jaar plande ik als werkvoorbereider bij ", delay=KEY_MS)
    pressed(page, "Control+B")
    page.keyboard.type("Hegeman Elektro", delay=KEY_MS)
    pressed(page, "Control+B")
    page.keyboard.type(" in Zwolle de installaties van utiliteitsgebouwen. Mijn teamleider Mehmet Ali", delay=KEY_MS)
    pressed(page, "Shift+Enter")
    page.keyboard.type("Boz", delay=KEY_MS)
    cut(page)
    page.keyboard.type("tepe ", delay=KEY_MS)
    pressed(page, "Control+I")
    page.keyboard.type("(06 2947 58", delay=KEY_MS)
    cut(page)
    page.keyboard.type("13)", delay=KEY_MS)
    pressed(page, "Control+I")
    page.keyboard.type(" vertelt u er graag meer over. Ik woon aan de Brinkgreverweg 88 in Deventer.", delay=KEY_MS)
    pressed(page, "Enter")
    page.keyboard.type("Met vriendelijke groet, ", delay=KEY_MS)
    pressed(page, "Control+I")
    page.keyboard.type("Ayşenur Kahramanoğlu", delay=KEY_MS)
    pressed(page, "Control+I")
    typed(page, "#salaris", "€ 3.850 bruto")
    page.fill("#beschikbaar", "2027-03-01")
    typed(page, "#rijbewijs", "B, BE en C1")
    cut(page)
    page.click("#volgende")  # step 3
    page.click("#referent-plus")
    typed(page, "#referenties input.r-naam", "Hendrik-Jan Teks", "tra")
    typed(page, "#referenties input.r-functie", "teamleider werkvoorbereiding")
    typed(page, "#referenties input.r-tel", "+31 (0)38 4", "21 7390")
    cut(page)
    page.evaluate("rrweb.record.takeFullSnapshot(true)")
    cut(page)
    page.click("#volgende")  # sent: the page writes her name and e-mail into an overview line
    page.wait_for_selector("#bedankt[data-done]")
    page.evaluate("rrweb.record.takeFullSnapshot(true)")


R47_LETTER = "in Zwolle de installaties van utiliteitsgebouwen. Mijn teamleider Mehmet Ali"  # one text node

R47_EMPLOYER = ("a capitalised run in what the visitor writes is a person, a firm's name too, fail closed "
                "(content.name_runs): 'Hegeman Elektro' in her letter is masked; a firm is not told from a surname there")

R47_LAST_WORD = ("the last word typed in a field stays masked in its keystroke events ('B, BE en **': a batch may end "
                 "inside a value, content.trailing_fragment), and the wizard replaces the step's DOM before any "
                 "snapshot holds the settled value")

R47_PLANTED = [
    pii("voornaam", "#voornaam", "Ayşenur", "typed", "person_name", "cut 'Ayşe|nur'; echoed in the step header, title"),
    pii("achternaam", "#achternaam", "Kahramanoğlu", "typed", "person_name", "cut 'Kahraman|oğlu'; echoed"),
    pii("achternaam", None, "Kahramanoglu", "echoed", "person_name", "her name without diacritics, in e-mail, URL, file"),
    pii("email", "#email", "aysenur.kahramanoglu@ziggo.nl", "typed", "email",
        "cut twice; page JS copies it into input[type=hidden] and the overview line"),
    pii("telefoon", "#telefoon", "+31 (0)6 4827 1935", "typed", "phone", "cut '+31 (0)6 48|27 1935'"),
    pii("bsn", "#bsn", "273 846 516", "typed", "national_id", "a BSN with spaces, 11-proof right, cut '273 84|6 516'"),
    pii("linkedin", "#linkedin", "aysenur-kahramanoglu-4b21a7", "embedded-in-typed", "url",
        "her name in the profile's path: 'https://www.linkedin.com/in/aysenur-kahra|manoglu-4b21a7/' typed"),
    pii("cv", "#cv", "CV_Aysenur_Kahramanoglu.pdf", "selected", "person_name",
        "the file input's value 'C:\\fakepath\\CV_Aysenur_Kahramanoglu.pdf'"),
    pii("motivatie", "#motivatie", "Mehmet Ali", "embedded-in-typed", "person_name",
        "her team leader's given names, a <br> (Shift+Enter) before his family name"),
    pii("motivatie", "#motivatie", "Boztepe", "embedded-in-typed", "person_name",
        "his family name after the <br>, cut 'Boz|tepe'"),
    pii("motivatie", "#motivatie", "06 2947 5813", "embedded-in-typed", "phone", "in italics, cut '06 2947 58|13'"),
    pii("motivatie", "#motivatie", "Brinkgreverweg 88", "embedded-in-typed", "address", "her street in the letter"),
    pii("motivatie", "#motivatie", R47_LETTER, "typed", "free_text"),
    pii("r-naam", "#referenties input.r-naam", "Hendrik-Jan Tekstra", "typed", "person_name",
        "a row a button adds, cut 'Hendrik-Jan Teks|tra'"),
    pii("r-tel", "#referenties input.r-tel", "+31 (0)38 421 7390", "typed", "phone", "a landline, cut"),
    pii("salaris", "#salaris", "€ 3.850", "embedded-in-typed", "financial",
        "a salary expectation '€ 3.850 bruto' in a field labelled 'Salarisindicatie': masked whole by design "
        "(rules/fields.yaml FINANCIAL: salaris, salary, income)"),
    pii("beschikbaar", "#beschikbaar", "2027-03-01", "typed", "non_pii", "the date she can start, type=date"),
    {**pii("rijbewijs", "#rijbewijs", "B, BE en C1", "typed", "non_pii", "driving-licence categories"),
     "open": R47_LAST_WORD},
    pii("r-functie", "#referenties input.r-functie", "teamleider werkvoorbereiding", "typed", "non_pii",
        "the referee's role"),
    {**pii("motivatie", "#motivatie", "Hegeman Elektro", "embedded-in-typed", "non_pii", "her former employer, in bold"),
     "open": R47_EMPLOYER},
    *[pii("site", None, text, "site-text", "non_pii") for text in [
        "Veldhorst Installatietechniek", "Vacature: Werkvoorbereider Elektrotechniek (32–40 uur) · Apeldoorn",
        "Persoonlijke gegevens", "Motivatie en beschikbaarheid", "Referenties", "Naam referent", "+ Referent toevoegen",
        "Een leidinggevende of docent die ons iets over je werk kan vertellen.",
        "Dank voor je sollicitatie! Je hoort binnen tien werkdagen van ons team Werving & Selectie.",
        "Veldhorst Installatietechniek B.V. · Ecofactorij 14, Apeldoorn · Werken bij Veldhorst"]],
]

# -- round 48: a Belgian online bank's new transfer, a beneficiary added -----------------------------------------
R48_FREE = "Huur december voor Надія Кравець, factuur F26-1187. Saldo naar NL49INGB0006831527 aub"


def r48_journey(page: Any) -> None:
    page.select_option("#donneur", "c1")
    typed(page, "#recherche", "Bo", "n")  # the listbox: 'Bohdana <mark>Bon</mark>darenko', 'Lucas <mark>Bon</mark>net'
    page.keyboard.type("d", delay=KEY_MS)
    cut(page)
    pressed(page, "Escape")
    typed(page, "#benef-nom", "Maksym Tkach", "enko")
    typed(page, "#benef-iban", "LU8500194064", "47513820")
    typed(page, "#benef-bic", "BCEELULL")  # leaving it: the IBAN field was left, the page groups it by four
    page.check("#enregistrer")
    typed(page, "#montant", "1.250,00")
    page.fill("#execution", "2026-12-10")
    typed(page, "#comm-struct", "+++062/6194/", "83886+++")
    typed(page, "#comm-libre", "Huur december voor Надія Кра", "вець, factuur F26-1187. Saldo naar NL49INGB00",
          "06831527 aub")
    cut(page)
    page.click("#verifier")  # the dialog's summary echoes the name, the grouped IBAN and the communication
    page.wait_for_selector("#confirmation[open]")
    page.click("#otp1")  # '481927', one digit a box: never sent whole, so not in the manifest (README.md)
    page.keyboard.type("481", delay=KEY_MS)  # the page moves the caret box to box
    cut(page)
    page.keyboard.type("927", delay=KEY_MS)
    cut(page)
    page.evaluate("rrweb.record.takeFullSnapshot(true)")
    cut(page)
    page.click("#confirmer")  # the toast echoes the name twice
    page.wait_for_selector("#toast[data-done]")
    page.evaluate("rrweb.record.takeFullSnapshot(true)")


R48_SITE_PHONE = ("a phone number is masked wherever it stands, the site's own in its footer too: what a detector finds "
                  "by its shape cannot tell a business's line from a person's (fail closed)")

R48_PLANTED = [
    pii("titulaire", "#titulaire", "Iryna Kovalchuk", "site-rendered", "person_name",
        "the account holder's name the bank writes in its header, in the first snapshot"),
    pii("donneur", "#donneur", "BE37 0634 7195 2828", "site-rendered", "iban", "her current account, an option's text"),
    pii("donneur", "#donneur", "BE87 7320 4811 6394", "site-rendered", "iban", "her savings account, an option's text"),
    pii("suggestions", "#suggestions", "Bohdana", "echoed", "person_name",
        "a saved beneficiary the listbox shows as 'Bohdana <mark>Bond</mark>arenko': three text nodes"),
    pii("suggestions", "#suggestions", "arenko", "echoed", "person_name", "her family name's tail after the <mark>"),
    pii("suggestions", "#suggestions", "FR76 3000 4008 1700 0193 4782 197", "echoed", "iban", "hers, a French IBAN"),
    pii("suggestions", "#suggestions", "Lucas", "echoed", "person_name",
        "'Lucas <mark>Bon</mark>net' matched 'Bon' only, then removed"),
    pii("benef-nom", "#benef-nom", "Maksym Tkachenko", "typed", "person_name",
        "cut 'Maksym Tkach|enko'; echoed in the dialog and the toast"),
    pii("benef-iban", "#benef-iban", "LU850019406447513820", "typed", "iban", "typed without spaces, cut"),
    pii("benef-iban", "#benef-iban", "LU85 0019 4064 4751 3820", "echoed", "iban",
        "the page groups it by four on blur (a programmatic value), echoed in the dialog"),
    pii("comm-struct", "#comm-struct", "+++062/6194/83886+++", "typed", "payment_reference",
        "a Belgian structured communication (mod 97 right): it ties the payment to her customer file; echoed"),
    pii("comm-libre", "#comm-libre", "Надія Кравець", "embedded-in-typed", "person_name",
        "a Ukrainian name in Cyrillic, cut 'Кра|вець'"),
    pii("comm-libre", "#comm-libre", "NL49INGB0006831527", "embedded-in-typed", "iban", "cut 'NL49INGB00|06831527'"),
    pii("comm-libre", "#comm-libre", R48_FREE, "typed", "free_text"),
    pii("montant", "#montant", "1.250,00", "typed", "non_pii", "the amount; echoed in the dialog"),
    pii("execution", "#execution", "2026-12-10", "typed", "non_pii", "the execution date, type=date"),
    pii("benef-bic", "#benef-bic", "BCEELULL", "typed", "non_pii", "a bank's code, no one's; echoed"),
    *[pii("site", None, text, "site-text", "non_pii") for text in [
        "Banque Sambrelle", "Nouveau virement", "Nieuwe overschrijving — u kunt dit formulier ook in het Nederlands "
        "invullen.", "Compte donneur d'ordre / Rekening opdrachtgever",
        "Rechercher un bénéficiaire / Begunstigde zoeken", "Nouveau bénéficiaire / Nieuwe begunstigde",
        "Nom du bénéficiaire / Naam begunstigde", "IBAN du bénéficiaire", "BIC (facultatif pour la zone SEPA)",
        " Enregistrer ce bénéficiaire / Begunstigde bewaren", "Montant (EUR) / Bedrag",
        "Date d'exécution / Uitvoeringsdatum", "Communication structurée / Gestructureerde mededeling",
        "Elle figure sur votre facture, sous la forme +++000/0000/00000+++.",
        "Un IBAN belge compte 16 caractères (BE + 14 chiffres). Les espaces sont ajoutés automatiquement.",
        "Maximaal 140 tekens. Vermeld nooit uw pincode of een code van uw kaartlezer.",
        "Confirmer le virement / Overschrijving bevestigen",
        "Saisissez le code à 6 chiffres de votre application Sambrelle Sign.", "Confirmer et envoyer",
        "Banque Sambrelle SA · Rue de Fer 12, 5000 Namur · FSMA · Service clientèle / Klantendienst"]],
    {**pii("site", None, "081 00 00 00", "site-text", "non_pii", "the bank's service number in its footer"),
     "open": R48_SITE_PHONE},
]

JOURNEYS: dict[str, list[tuple[str, str, Callable[[Any], None], list[dict[str, Any]], str]]] = {
    "round46": [("opname-a", "opname.html", r46_journey, R46_PLANTED,
                 "Lieselot Vanhoutteghem (Roeselare, Dutch) and her French-speaking partner Grégoire Lemaître: "
                 "a hospital pre-admission typed key by key, batches cut inside values")],
    "round47": [("sollicitatie-a", "sollicitatie.html", r47_journey, R47_PLANTED,
                 "Ayşenur Kahramanoğlu (Deventer, Turkish-Dutch) applies for a job in a three-step wizard whose DOM "
                 "the page replaces between steps: typed key by key, batches cut inside values, a rich-text letter")],
    "round48": [("virement-a", "virement.html", r48_journey, R48_PLANTED,
                 "Iryna Kovalchuk (Ukrainian-Belgian) adds a beneficiary and sends a transfer at a Belgian online bank, "
                 "in French with Dutch lines: a combobox's listbox with <mark>, IBANs typed bare and grouped by the "
                 "page, a Cyrillic name, a 2FA code over six inputs in a <dialog>, a toast")],
}


def main(round_name: str) -> None:
    from playwright.sync_api import sync_playwright

    folder = HELDOUT / round_name
    for old in folder.glob("*.json"):  # a new recording replaces the old one whole
        old.unlink()
    entries = []
    with Collector(folder / "pages") as collector, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for name, page_file, journey, planted, note in JOURNEYS[round_name]:
            collector.bodies.clear()
            context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="nl-BE")
            page = context.new_page()
            url = f"/pages/{page_file}?rec={name}"
            started = time.monotonic()
            page.goto(f"http://127.0.0.1:{collector.port}{url}")
            page.wait_for_function("window.rrBuffer && window.rrBuffer.length > 0")
            journey(page)
            page.wait_for_timeout(300)
            cut(page)
            page.wait_for_function("window.rrBuffer.length === 0")
            cut(page)
            context.close()
            files = []
            for body in collector.bodies:
                batch = json.loads(body)
                files.append(f"{name}-{batch['seq']}.json")
                (folder / files[-1]).write_bytes(body)
            first = json.loads(collector.bodies[0])
            sent = b"".join(collector.bodies).decode()
            for entry in planted:  # a planted value the browser never sent would make the round prove nothing
                if entry["how"] != "site-text" and json.dumps(entry["value"], ensure_ascii=False)[1:-1] not in sent:
                    raise SystemExit(f"{name}: {entry['value']!r} was never sent")
            entries.append({"recording": name, "url": url, "page": page_file,
                            "recorder_options": "record({emit}) -- rrweb default options", "files": files,
                            "events": sum(len(json.loads(b)["events"]) for b in collector.bodies),
                            "capture_seconds": round(time.monotonic() - started, 3),
                            "sessionId": first["sessionId"], "note": note, "planted_pii": planted})
        browser.close()
    (folder / "manifest.json").write_text(json.dumps({"recordings": entries}, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
