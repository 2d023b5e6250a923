"""Every error message a communicator reads, in one place; the interface labels are next door.

Error messages are a catalogue: a code, what went wrong, how to fix it, and an example used to generate
the "Vanliga felmeddelanden" page (bidra/felmeddelanden.md, written by `make guides`). They are Swedish only.
Interface labels are in one YAML file per language (macros/text/sv.yml, en.yml, …, read by languages.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Message:
    code: str
    text: str
    fix: str
    example: dict = field(default_factory=dict)

    def format(self, **values: object) -> str:
        values = {k: _show(v) if k == "value" else v for k, v in values.items()}
        return f"{self.text.format(**values)} {self.fix.format(**values)}".strip()


def _show(value: object) -> str:
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


_CATALOGUE = [
    # --- Files -------------------------------------------------------------------------------------------
    Message("file_missing", "Filen saknas.",
            "Skapa den (kopiera gärna motsvarande fil från data/ och ändra uppgifterna).",
            {}),
    Message("file_unknown", "Filen används inte av webbplatsen.",
            "Datafilerna heter {known}. Byt namn på filen eller ta bort den.",
            {"known": "municipality.yml, plan.yml, contacts.yml med flera"}),
    Message("file_empty", "Filen är tom.",
            "Skriv in uppgifterna igen eller hämta den senaste versionen av filen från GitHub.",
            {}),
    Message("invalid_utf8", "Filen innehåller tecken som inte är UTF-8 (byte {byte}).",
            "Spara filen som UTF-8 och skriv om tecknen på raden för hand, ofta å, ä eller ö som klistrats in "
            "från ett annat program. Med andra ord: filen är sparad med fel teckenkodning. I VS Code: klicka på "
            "kodningen längst ner till höger, välj \"Spara med kodning\" och sedan UTF-8. I GitHubs "
            "redigerare: radera tecknen på raden och skriv eller klistra in texten igen.",
            {"byte": "0xE5"}),
    Message("yaml_syntax", "Filen går inte att läsa: {problem}.",
            "Titta på raden och raden ovanför. Vanliga orsaker: indrag med tabb i stället för mellanslag, "
            "kolon utan mellanslag efter, eller text med kolon eller # som saknar citattecken runt sig.",
            {"problem": "ett kolon står där det inte får stå"}),
    Message("yaml_multiple_documents", "Filen innehåller flera dokument (en rad med bara ---).",
            "Ta bort raden med --- så att filen blir ett enda dokument.",
            {}),
    Message("yaml_tag", "Filen använder YAML-taggen {tag}, som inte är tillåten här.",
            "Ta bort taggen och skriv värdet som vanlig text.",
            {"tag": "!!python/object"}),
    Message("yaml_top_level", "Filen ska börja med fältet {key}:.",
            "Skriv {key}: på första raden (efter kommentarerna) och lägg uppgifterna under den, indragna "
            "med två mellanslag.",
            {"key": "support_lines"}),
    Message("duplicate_key", "Fältet {key} står två gånger i samma post (också på rad {other_line}).",
            "Ta bort det ena, så att fältet bara finns en gång.",
            {"key": "phone", "other_line": 12}),
    # --- Values ------------------------------------------------------------------------------------------
    Message("empty_value", "Fältet {field} har inget värde.",
            "Skriv värdet efter kolonet, eller ta bort raden om uppgiften inte finns.",
            {"field": "phone"}),
    Message("empty_item", "En punkt i listan har inget värde.",
            "Skriv värdet efter bindestrecket, eller ta bort raden.",
            {}),
    Message("missing", "Fältet {field} saknas.",
            "Lägg till {field}: med ett värde. data/README.md beskriver vad fältet ska innehålla.",
            {"field": "source"}),
    Message("unknown_field", "Fältet {field} finns inte här.",
            "Kontrollera stavningen{suggestion}. Fält som går att använda här: {allowed}.",
            {"field": "telefon", "suggestion": " (menade du phone?)", "allowed": "id, name, phone …"}),
    Message("not_text", "Värdet {value} ska vara text.",
            "Skriv text efter kolonet, gärna inom citattecken.",
            {"value": "[…]"}),
    Message("empty_text", "Texten är tom.",
            "Skriv en text eller ta bort fältet om det inte behövs.",
            {}),
    Message("not_list", "Värdet ska vara en lista.",
            "Skriv varje punkt på en egen rad som börjar med bindestreck och mellanslag, t.ex. \"- mon\".",
            {}),
    Message("empty_list", "Listan är tom.",
            "Lägg till minst en punkt eller ta bort fältet.",
            {}),
    Message("not_mapping", "Värdet ska vara en grupp av fält, inte {value}.",
            "Skriv fälten på egna rader under, indragna med två mellanslag.",
            {"value": "\"text\""}),
    Message("not_bool", "Värdet {value} ska vara true eller false.",
            "Skriv true eller false (ja och nej går också bra). Vet du inte, till exempel om anonymous när "
            "källan inte säger något: ta bort raden.",
            {"value": "yes"}),
    Message("not_int", "Värdet {value} ska vara ett heltal.",
            "Skriv bara siffror, t.ex. 12.",
            {"value": "tolv"}),
    Message("number_range", "Talet {value} går inte att använda här.",
            "Skriv ett heltal från {low} till {high}.",
            {"value": "0", "low": 1, "high": 120}),
    Message("value_is_list", "Här ska det stå ett enda värde, men det står en lista med flera värden.",
            "Skriv ett värde direkt efter kolonet, utan [ ] och utan rader som börjar med bindestreck.",
            {}),
    Message("value_is_mapping", "Här ska det stå ett enda värde, men det står en grupp av fält.",
            "Skriv värdet direkt efter kolonet, utan {{ }} och utan indragna rader under.",
            {}),
    Message("invalid_choice", "\"{value}\" är inte ett tillåtet värde.",
            "Välj ett av: {choices}.",
            {"value": "monday", "choices": "mon, tue, wed, thu, fri, sat, sun"}),
    Message("invalid_date", "\"{value}\" är inget giltigt datum.",
            "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2024-03-18.",
            {"value": "18 mars 2024"}),
    Message("date_in_future", "Datumet {value} ligger i framtiden.",
            "Skriv det datum som källan eller beslutet visar, inte ett kommande datum.",
            {"value": "2031-01-01"}),
    Message("date_not_in_calendar", "Datumet {value} finns inte i kalendern.",
            "Kontrollera månaden och dagen: ÅÅÅÅ-MM-DD, med månad 01–12 och en dag som finns i månaden "
            "(februari har 28 dagar, 29 vid skottår).",
            {"value": "2023-02-30"}),
    Message("invalid_verified", "\"{value}\" är inget verifieringsdatum.",
            "Skriv det datum som källan visade (ÅÅÅÅ-MM-DD), eller odaterad om källan inte visar något datum.",
            {"value": "igår"}),
    Message("invalid_time", "\"{value}\" är ingen giltig tid.",
            "Skriv tiden som TT:MM inom citattecken, med två siffror för timmen, t.ex. \"09:00\" eller \"17:30\".",
            {"value": "9"}),
    Message("duplicate_day", "Dagen {value} står två gånger i samma period.",
            "Skriv varje dag en gång. Har dagen två öppettider: skriv en period till för dem.",
            {"value": "mon"}),
    Message("closes_before_opens", "Stänger ({closes}) före öppnar ({opens}).",
            "Har tiderna bytt plats? Över natten går bara när det öppnar {night_from} eller senare och stänger "
            "senast {night_by}, t.ex. opens: \"21:00\", closes: \"06:00\". Öppet till midnatt: skriv "
            "closes: \"00:00\".",
            {"closes": "09:00", "opens": "12:00", "night_from": "15:00", "night_by": "12:00"}),
    Message("invalid_phone", "\"{value}\" är inget giltigt telefonnummer.",
            "Skriv numret som det står hos källan, med riktnummer, t.ex. 020-100 200 eller 114 14.",
            {"value": "020-100"}),
    Message("phone_letter", "\"{value}\" innehåller bokstaven {letter}.",
            "Ett telefonnummer har bara siffror, mellanslag, bindestreck och + först. Kontrollera särskilt att "
            "det står siffran 0 (noll) och inte bokstaven O.",
            {"value": "020-1OO 200", "letter": "O"}),
    Message("phone_tel_prefix", "\"{value}\" börjar med tel:.",
            "Skriv bara numret, t.ex. {number}. Länken som ringer upp skapas automatiskt.",
            {"value": "tel:020100200", "number": "020100200"}),
    Message("phone_not_swedish", "\"{value}\" är inget svenskt telefonnummer.",
            "Skriv ett svenskt nummer med riktnummer, t.ex. 08-527 44 290.",
            {"value": "+45 20 10 02 00"}),
    Message("invalid_email", "\"{value}\" är ingen giltig e-postadress.",
            "Skriv hela adressen, t.ex. kontaktcenter@kommun.se. Använd en funktionsadress, aldrig en "
            "privatpersons.",
            {"value": "kontaktcenter(at)kommun.se"}),
    Message("invalid_url", "\"{value}\" är ingen fullständig webbadress.",
            "Skriv hela adressen som den står i webbläsaren, t.ex. https://www.1177.se/.",
            {"value": "www.1177.se"}),
    Message("url_scheme", "\"{value}\" är ingen webbadress för besökare (den börjar med {scheme}:).",
            "Använd en adress som börjar med https://. Telefonnummer skrivs i phone och e-post i email.",
            {"value": "javascript:alert(1)", "scheme": "javascript"}),
    Message("site_url_loopback", "\"{value}\" är en adress på den här datorn, inte där webbplatsen publiceras.",
            "Skriv webbplatsens riktiga adress, t.ex. https://www.kommun.se/motverka/, eller ta bort site_url.",
            {"value": "http://127.0.0.1:8000/"}),
    Message("site_address_missing", "Webbplatsen har ingen adress: sitemap och kanoniska länkar utelämnades.",
            "Ska webbplatsen publiceras, skriv dess adress i site_url i municipality.yml, t.ex. "
            "https://www.kommun.se/motverka/, eller sätt miljövariabeln SITE_URL när du bygger.", {}),
    Message("site_address_local", "SITE_URL är {value}, en adress på den här datorn.",
            "Bygget duger för att förhandsgranska, inte för att publicera. Sätt SITE_URL till webbplatsens "
            "riktiga adress innan du laddar upp site/.", {"value": "http://127.0.0.1:8000/"}),
    Message("invalid_id", "\"{value}\" går inte att använda som id.",
            "Använd små bokstäver a–z, siffror och bindestreck, t.ex. orostelefonen eller kommunens-vaxel.",
            {"value": "Orostelefonen 2"}),
    Message("duplicate_id", "id \"{value}\" används redan ({other}).",
            "Ge posten ett eget id. Ändra inte id på en befintlig post: sidor och andra filer hänvisar till det.",
            {"value": "bris", "other": "data/support_lines.yml rad 40"}),
    Message("unknown_reference", "\"{value}\" pekar inte på någon {kind}.",
            "Kontrollera stavningen. Befintliga id: {known}.",
            {"value": "orostelefon", "kind": "stödlinje", "known": "orostelefonen, bris …"}),
    Message("registry_missing", "Registret över de nationella stödlinjerna saknas.",
            "Filen hör till verktyget, inte till kommunens data. Hämta verktygets senaste version (git pull, "
            "eller Sync fork på GitHub), eller återställ filen med git checkout -- national/support_lines.yml.",
            {}),
    Message("national_override", "\"{value}\" är en nationell linje. Den finns redan i {registry} och "
            "får inte skrivas om här.",
            "Ta bort posten ur den här filen. Är numret, tiderna eller något annat fel: rätta det i {registry}, "
            "så blir det rätt för alla kommuner. Vill ni inte visa linjen: lägg dess id under hidden med ett "
            "skäl.",
            {"value": "orostelefonen", "registry": "national/support_lines.yml"}),
    Message("national_copy", "\"{value}\" finns redan på den nationella linjen \"{other}\" i {registry}.",
            "Ta bort posten ur den här filen: de nationella linjerna visas ändå. Är något fel i dem: rätta det "
            "i {registry}.",
            {"value": "020-100 200", "other": "orostelefonen", "registry": "national/support_lines.yml"}),
    Message("hidden_unknown", "\"{value}\" är ingen nationell linje, så den kan inte döljas.",
            "Under hidden står bara id för linjer i {registry}: {known}. En lokal linje tar ni bort ur "
            "support_lines i stället.",
            {"value": "orostelefon", "registry": "national/support_lines.yml", "known": "bris, orostelefonen …"}),
    Message("hidden_emergency", "\"{value}\" är numret för nödsituationer och kan inte döljas.",
            "Ta bort posten under hidden: 112 visas alltid överst på varje sida.",
            {"value": "nodnummer-112"}),
    Message("hidden_reference", "\"{value}\" är dold (hidden i {file}) men används här.",
            "Ta bort hänvisningen, eller ta bort linjen från hidden.",
            {"value": "orostelefonen", "file": "data/support_lines.yml"}),
    Message("featured_twice", "\"{value}\" står redan tidigare i listan featured.",
            "Skriv varje linje en gång, i den ordning ni vill visa dem.",
            {"value": "bris"}),
    Message("staff_reference_in_public", "\"{value}\" är intern (audience: staff) men används i publik text.",
            "Hänvisa till en publik post här, eller markera också den här posten med audience: staff.",
            {"value": "sakerhetschef-konsultation"}),
    Message("staff_reference_always_public", "\"{value}\" är intern (audience: staff), men {field} visas "
            "alltid för alla.",
            "Välj en kontakt i contacts.yml som inte har audience: staff, för {place}.",
            {"value": "sakerhetschef-konsultation", "field": "switchboard", "place": "kommunens växel"}),
    Message("text_missing_sv", "Texten saknar svensk version.",
            "Skriv texten som vanlig text, eller som sv: och en: på varsin rad.",
            {}),
    Message("text_bad_language", "\"{value}\" är ingen språkkod.",
            "Använd språkkoder med två små bokstäver, t.ex. sv och en.",
            {"value": "svenska"}),
    Message("text_cut_by_comment", "Texten slutar vid #: bara \"{value}\" kommer med.",
            "Det som står efter mellanslag och # räknas som en kommentar och visas inte. Sätt citattecken runt "
            "hela texten, t.ex. \"{written}\", eller flytta kommentaren till en egen rad.",
            {"value": "Socialtjänsten", "written": "Socialtjänsten #1"}),
    Message("text_link_scheme", "Länken \"{value}\" i texten går inte att använda (den börjar med {scheme}:).",
            "Länka bara till adresser som börjar med https://, mailto: eller tel:.",
            {"value": "javascript:alert(1)", "scheme": "javascript"}),
    Message("text_image", "Texten innehåller en bild: \"{value}\".",
            "Ta bort bilden. Bilder går inte att visa från datafilerna (PDF:en skulle behöva hämta dem från "
            "nätet). Lägg bilden på en sida under docs/ i stället.",
            {"value": "![Logotyp](https://exempel.se/logo.png)"}),
    Message("text_comma_in_braces", "Texten \"{value}\" bröts av vid ett kommatecken.",
            "Inom {{ }} avslutar ett kommatecken texten. Sätt citattecken runt texten, t.ex. "
            "{{sv: \"En gång per år, oftare vid behov.\", en: \"…\"}}, eller skriv sv: och en: på egna rader.",
            {"value": "oftare vid behov."}),
    Message("needs_channel", "Posten saknar sätt att nå den.",
            "Ange minst ett av phone, email eller url.",
            {}),
    Message("hours_conflict", "Öppettiderna säger både dygnet runt och vissa tider.",
            "Skriv antingen always: true eller en lista under periods, inte båda.",
            {}),
    Message("hours_empty", "Öppettiderna är tomma.",
            "Skriv always: true, en lista under periods, eller en note om tiderna inte är kända.",
            {}),
    Message("same_open_close", "Öppnar och stänger samma tid ({value}).",
            "Kontrollera tiderna. För dygnet runt: skriv always: true.",
            {"value": "09:00"}),
    Message("validity_order", "Giltighetstiden slutar ({until}) innan den börjar ({start}).",
            "Byt plats på datumen eller rätta det som är fel.",
            {"until": "2019-06-30", "start": "2020-01-01"}),
    Message("invalid_value", "Värdet \"{value}\" passar inte här.",
            "Jämför med exemplen i data/README.md.",
            {"value": "…"}),
    # --- Pages --------------------------------------------------------------------------------------------
    Message("page_meta_missing", "Sidan saknar {field} i sidhuvudet.",
            "Lägg till {field}: i sidhuvudet (mellan raderna med --- överst), t.ex. {example}.",
            {"field": "last_reviewed_on", "example": "last_reviewed_on: 2026-11-22"}),
    Message("page_meta_invalid", "{field} i sidhuvudet har värdet \"{value}\", som inte går att använda.",
            "Skriv t.ex. {example}.",
            {"field": "review_in", "value": "snart", "example": "review_in: 12 months"}),
    Message("macro_unknown_id", "{macro}(\"{value}\"): det finns ingen {kind} med det id:t.",
            "Kontrollera stavningen. Befintliga id: {known}.",
            {"macro": "support_line", "value": "orostelefon", "kind": "stödlinje", "known": "orostelefonen …"}),
    Message("macro_staff_in_public", "{macro}(\"{value}\") visar en intern post på en publik sida.",
            "Flytta anropet till en sida under personal/, eller använd en publik post.",
            {"macro": "contact", "value": "sakerhetschef-konsultation"}),
    Message("macro_invalid_category", "support_lines(\"{category}\"): \"{value}\" är inte ett tillåtet värde.",
            "Välj ett av: {choices}.",
            {"category": "polis", "value": "polis", "choices": "emergency, extremism, police, wellbeing"}),
    Message("macro_undefined", "Namnet {name} finns inte.",
            "Kontrollera stavningen inom {{{{ }}}}{suggestion}. Makron som går att använda står i "
            "bidra/makron.md.",
            {"name": "suport_lines", "suggestion": " (menade du support_lines?)"}),
    Message("macro_syntax", "Mallfel: {problem}.",
            "Kontrollera att varje {{{{ har ett }}}} och att texten mellan dem är ett makro från "
            "bidra/makron.md.",
            {"problem": "en } saknas eller står för mycket (skriv }} med två klamrar)"}),
    Message("macro_failed", "Ett makro gick inte att köra: {problem}.",
            "Kontrollera anropet mot bidra/makron.md. Hjälper inte det: be en utvecklare om hjälp.",
            {"problem": "…"}),
    Message("macro_no_attribute", "{owner}.{name}: {owner} har inget fält som heter {name}.",
            "Kontrollera stavningen efter punkten. Fälten och vad de heter står i data/README.md.",
            {"owner": "municipality", "name": "nmae"}),
    Message("macro_none_attribute", "{owner}.{name}: {owner} är tomt på den här webbplatsen.",
            "Uppgiften saknas i datafilen, eller finns bara på personalens webbplats (som staff_guidance). "
            "Fyll i uppgiften, eller flytta texten till en sida under personal/.",
            {"owner": "staff_guidance", "name": "partners"}),
    Message("macro_too_many_values", "{macro}: för många värden inom parentesen ({given}, men högst {most} går "
            "att använda).",
            "Ta bort det som är för mycket. Så här ser ett anrop ut: {example}",
            {"macro": "support_line", "most": 2, "given": 3,
             "example": "{{ support_line(\"orostelefonen\") }}"}),
    Message("macro_missing_values", "{macro} saknar {names} inom parentesen.",
            "Så här ser ett anrop ut: {example}",
            {"macro": "contact", "names": "id", "example": "{{ contact(\"kommunens-vaxel\") }}"}),
    Message("macro_unknown_value", "{macro} har inget värde som heter {name}.",
            "Kontrollera stavningen före =. Så här ser ett anrop ut: {example}",
            {"macro": "support_lines", "name": "kategori", "example": "{{ support_lines(\"wellbeing\") }}"}),
    Message("link_broken", "Länken till {target} leder ingenstans.",
            "Kontrollera filnamnet. Länka till .md-filen, t.ex. [Stödlinjer](stodlinjer.md).",
            {"target": "stodlinje.md"}),
    Message("image_missing", "Bilden {target} finns inte.",
            "Kontrollera filnamnet (stora och små bokstäver räknas) och att bilden ligger i docs/, gärna i "
            "docs/assets/. Skriv sökvägen från sidan till bilden, t.ex. ![Vad bilden visar](assets/{name}).",
            {"target": "bild.png", "name": "bild.png"}),
    Message("link_absolute", "Länken {target} börjar med /, så den fungerar inte där webbplatsen publiceras.",
            "Länka till sidans .md-fil i stället, räknat från den här sidan, t.ex. {suggestion}.",
            {"target": "/stodlinjer/", "suggestion": "(stodlinjer.md)"}),
    Message("link_unrecognized", "Länken {target} pekar inte på någon fil i docs/.",
            "Länka till sidans .md-fil, t.ex. (stodlinjer.md) i stället för (stodlinjer/).",
            {"target": "stodlinjer/"}),
    Message("anchor_broken", "Länken {target} pekar på en rubrik som inte finns.",
            "Kontrollera delen efter #. Den ska vara rubrikens text med små bokstäver och bindestreck.",
            {"target": "stodlinjer.md#bris"}),
    Message("page_not_in_nav", "Sidan finns inte i menyn.",
            "Lägg till den under {key}: i {config}, t.ex. - Rubrik: {page}. Ska sidan bara nås via länkar: "
            "skriv {page} under not_in_nav: i mkdocs.yml.",
            {"key": "nav", "config": "mkdocs.yml", "page": "ny-sida.md"}),
    Message("nav_missing_page", "Menyn pekar på {target}, som inte finns i docs/.",
            "Rätta filnamnet på raden (jämför med filerna i docs/) eller ta bort raden.",
            {"target": "stodlinje.md"}),
    Message("page_translation_missing", "Sidan {page} står i menyn men saknar sin {language} version, "
            "{translation}.",
            "Skriv den i docs/{translation} (kopiera gärna {page} och översätt texten). Ska sidan inte finnas på "
            "{language}: ta bort den ur nav: och skriv den under not_in_nav: i mkdocs.yml.",
            {"page": "for-skolan.md", "translation": "for-skolan.en.md", "language": "engelska"}),
    Message("nav_translation_missing", "Menyns rubrik \"{title}\" saknar översättning till {language}.",
            "Lägg till en rad under nav_translations: för språket {locale} i mkdocs.yml: rubriken, kolon och "
            "översättningen, t.ex. {title}: …",
            {"title": "För skolan", "language": "engelska", "locale": "en"}),
    Message("page_meta_syntax", "Sidhuvudet går inte att läsa: {problem}.",
            "Titta på raden och raden ovanför. Sätt citattecken runt text med kolon, t.ex. "
            "description: \"Stödlinjer: nummer och öppettider.\", och dra in med mellanslag, aldrig tabb.",
            {"problem": "ett kolon står där det inte får stå"}),
    Message("page_meta_unclosed", "Sidhuvudet tar aldrig slut.",
            "Skriv en rad med bara --- efter sidhuvudets sista fält, före sidans text.",
            {}),
    # --- Staff-only content on the public site (macros/guards/audience.py) ---------------------------------------
    Message("staff_text_in_public_page", "Texten »{value}« finns också i intern text ({source}).",
            "Intern text får inte stå på en publik sida. Ta bort den här eller flytta sidan till mappen personal/.",
            {"value": "Skicka aldrig personuppgifter om ärendet med e-post.",
             "source": "data/staff_guidance.yml rad 73"}),
    Message("staff_text_in_public_data", "Texten »{value}« finns också i intern text ({source}).",
            "Intern text får inte stå i en publik uppgift. Ta bort den här, skriv den i staff_note, eller "
            "markera posten med audience: staff.",
            {"value": "Beskriv först ärendet utan namn eller personnummer.", "source": "data/contacts.yml rad 61"}),
    Message("staff_link_in_public", "Länken går till {target} på personalens webbplats. Den sidan finns inte "
            "på den publika webbplatsen, och länken skulle visa adressen till personalens sidor.",
            "Ta bort länken, eller flytta texten med länken till en sida i mappen personal/.",
            {"target": "personal/vid-oro/"}),
    Message("staff_include_in_public", "{value} tar in text från personalens sidor på en publik sida.",
            "Ta bort raden. Intern text får bara stå på sidor i mappen personal/.",
            {"value": "{% include \"personal/konsultation.md\" %}"}),
    Message("staff_attachment_outside", "Filen {target} länkas bara från personalens sidor, men den ligger "
            "utanför mappen personal/ och publiceras därför också på den publika webbplatsen.",
            "Lägg bilagan i mappen personal/ (till exempel personal/bilagor/) och ändra länken.",
            {"target": "docs/assets/blankett.pdf"}),
    Message("staff_folder_in_docs", "Mappen {folder} ligger i docs/, som den publika webbplatsen byggs av.",
            "Personalens sidor ligger i mappen personal/ bredvid docs/, så att den publika webbplatsen aldrig får "
            "dem. Flytta filerna dit (samma namn) och ta bort mappen {folder}.",
            {"folder": "docs/personal/"}),
    Message("symlink_in_docs", "{path} är en genväg (symbolisk länk) till en annan fil eller mapp.",
            "Den publika webbplatsen kan bara läsa det som ligger i docs/. Lägg en riktig fil där i stället "
            "för genvägen, eller ta bort den.",
            {"path": "docs/rutiner"}),
    # --- Staff content in the built public site (macros/guards/leak_guard.py, run by macros/cli/build.py) ----------
    Message("staff_sentence_in_output", "Texten »{value}« står i den publika webbplatsen ({output}), men den "
            "är intern text ({source}).",
            "Ta bort den från den publika sidan eller uppgiften. Intern text får bara stå i mappen personal/, i "
            "staff_guidance.yml, i staff_note eller i poster med audience: staff.",
            {"value": "Rektorerna ringer säkerhetschefen direkt på mobilen.",
             "output": "site/om-webbplatsen/index.html", "source": "personal/jour.md rad 12"}),
    Message("staff_phone_in_output", "Numret {value} står i den publika webbplatsen ({output}), men det är ett "
            "internt nummer ({source}).",
            "Ta bort numret från den publika sidan (också ur alt-text, title och kod). Ska invånare kunna ringa "
            "det, ta bort audience: staff från posten i stället.",
            {"value": "0150-570 00", "output": "site/om-webbplatsen/index.html [attribut]",
             "source": "data/contacts.yml (sakerhetschef)"}),
    Message("staff_email_in_output", "E-postadressen {value} står i den publika webbplatsen ({output}), men den "
            "är intern ({source}).",
            "Ta bort adressen från den publika sidan. Ska invånare kunna skriva dit, ta bort audience: staff från "
            "posten i stället.",
            {"value": "jour@kommun.se", "output": "site/index.html", "source": "data/contacts.yml (jour)"}),
    Message("staff_name_in_output", "Namnet »{value}« står i den publika webbplatsen ({output}), men det är en "
            "intern funktion ({source}).",
            "Ta bort namnet från den publika sidan, eller ta bort audience: staff från posten om funktionen ska "
            "vara känd för invånare.",
            {"value": "Säkerhetssamordnarens jour", "output": "site/index.html",
             "source": "data/contacts.yml (jour)"}),
    Message("file_not_linked", "Filen {file} kommer med på den publika webbplatsen, men ingen publik sida länkar "
            "till den.",
            "Är den tänkt att vara offentlig? Länka den från en sida, eller skriv den under extra › "
            "public_files i mkdocs.yml (som {name}). Är den intern: lägg den i mappen personal/. Behövs den inte: ta bort den.",
            {"file": "docs/assets/export.csv", "name": "assets/export.csv"}),
    # --- The build ----------------------------------------------------------------------------------------
    Message("folder_missing", "Mappen {folder} finns inte.",
            "Kontrollera stavningen efter DATA= (eller --data). Datamappar som finns: {known}.",
            {"folder": "exampels/umea", "known": "data, examples/umea"}),
    Message("config_invalid", "Inställningen {key} går inte att använda: \"{problem}\".",
            "Jämför med hur raden såg ut förut (historiken på GitHub) och ändra tillbaka. Hjälper inte det: "
            "be en utvecklare om hjälp.",
            {"key": "nav", "problem": "Expected nav to be a list, got a str"}),
    Message("build_other", "Bygget stoppades av ett fel som inte har någon svensk förklaring än: \"{problem}\".",
            "Be en utvecklare om hjälp och visa meddelandet. Hela utskriften från MkDocs visas med "
            "`.venv/bin/python -m macros build --verbose`.",
            {"problem": "Template skipped: 'main.html' not found in theme directories"}),
    # --- The site's languages (macros/text/languages.py) ----------------------------------------------------
    Message("language_unknown", "Språket {value} finns inte i verktygets lista över språk.",
            "Språk som går att använda: {known}. Ett nytt språk läggs till i macros/text/languages.yml, med "
            "sidornas texter i en egen fil (README: \"Ett språk till\").",
            {"value": "de", "known": "sv, en, ar"}),
    Message("language_catalogue_missing", "Språket {value} har inga texter för sidorna: {file} saknas.",
            "Kopiera macros/text/sv.yml till {file} och översätt varje text, men inte namnen före kolonet.",
            {"value": "fi", "file": "macros/text/fi.yml"}),
    Message("language_keys_missing", "Texterna för språket {value} saknar: {keys}.",
            "Lägg till dem med samma namn som i macros/text/sv.yml och översätt texten efter kolonet.",
            {"value": "fi", "keys": "emergency_call, footer_owner"}),
    Message("language_keys_unknown", "Texterna för språket {value} har namn som inte finns i macros/text/sv.yml: "
            "{keys}.",
            "Kontrollera stavningen mot sv.yml, eller ta bort texterna.",
            {"value": "fi", "keys": "emergency_cal"}),
    # --- The plan as a PDF --------------------------------------------------------------------------------
    Message("pdf_page_missing", "PDF:en behöver sidan docs/{page}, som saknas.",
            "Återställ sidan (till exempel från GitHub). Kapitlet i PDF:en byggs av den.",
            {"page": "stod-till-anhoriga.md"}),
    Message("pdf_problem", "PDF:en: {problem}.",
            "Be en utvecklare om hjälp. Meddelandet kommer från WeasyPrint, som gör PDF:en.",
            {"problem": "No anchor #stodlinjer--bris for internal URI reference"}),
    Message("pdf_glyph_missing", "PDF:en kan inte visa tecknet »{char}« ({codepoint}){record}: inget av PDF:ens "
            "typsnitt har det.",
            "Skriv det med ord eller ta bort det. Emojier visas när typsnittet Noto Color Emoji finns på datorn "
            "som bygger (make site installerar det).",
            {"char": "📞", "codepoint": "U+1F4DE", "record": " i posten bris"}),
    # --- Hostile input: what no data file or page may hold (macros/guards/safe_urls.py, safe_html.py) -----------
    Message("url_http", "\"{value}\" använder http, utan kryptering.",
            "Skriv adressen med https://. Varje adress i datafilerna måste börja med https://; har webbplatsen "
            "inte https, hänvisa till en sida hos källan som har det.",
            {"value": "http://www.exempel.se/"}),
    Message("text_link_http", "Länken \"{value}\" i texten använder http, utan kryptering.",
            "Skriv länken med https://.",
            {"value": "http://www.exempel.se/"}),
    Message("phone_premium", "\"{value}\" är ett betalnummer (som 0900, 0939 och 0944): den som ringer "
            "betalar en extra avgift.",
            "Publicera aldrig ett betalnummer på en webbplats om stöd. Använd organisationens vanliga nummer, "
            "eller ett 020-nummer, som är gratis att ringa.",
            {"value": "0900-123 45 67"}),
    Message("phone_shared_cost", "\"{value}\" är ett 077-nummer (delad kostnad): det ingår ofta inte i "
            "fria samtal på mobilabonnemang, så den som ringer kan få betala.",
            "Använd organisationens vanliga nummer, eller ett 020-nummer, som är gratis att ringa.",
            {"value": "0771-123 456"}),
    Message("control_character", "Fältet {field} innehåller tecknet {char}, som inte syns men kan ändra hur "
            "texten visas, läses eller hittas.",
            "Skriv om texten på raden för hand i stället för att klistra in den: tecknet följer ofta med när "
            "man kopierar från ett annat program.",
            {"field": "name", "char": "U+202E (RIGHT-TO-LEFT OVERRIDE)"}),
    Message("control_character_in_file", "Raden innehåller tecknet {char}, som inte får stå i en datafil.",
            "Skriv om texten på raden för hand i stället för att klistra in den: tecknet följer ofta med när "
            "man kopierar från ett annat program.",
            {"char": "U+0007 (styrtecken)"}),
    Message("yaml_too_large", "Filen är {size} stor. En datafil får vara högst {limit}.",
            "Kontrollera att ingen lång text, bild eller export har klistrats in av misstag: datafilerna är "
            "vanligen några kilobyte. Längre texter hör hemma på en sida under docs/.",
            {"size": "3,2 MB", "limit": "1 MB"}),
    Message("yaml_too_many_aliases", "Filen använder fler än {limit} hänvisningar med * (YAML-alias).",
            "Skriv ut värdena där de ska stå, i stället för att hänvisa till dem med & och *.",
            {"limit": 50}),
    Message("yaml_recursive_alias", "Hänvisningen *{anchor} pekar på den post som den själv står i, så "
            "värdet tar aldrig slut.",
            "Ta bort *{anchor} och skriv ut värdet.",
            {"anchor": "a"}),
    Message("yaml_too_deep", "Filen har fler än {limit} nivåer inuti varandra.",
            "Kontrollera att varje [ och {{ stängs och att indragen stämmer: datafilerna behöver aldrig så "
            "många nivåer.",
            {"limit": 30}),
    Message("yaml_too_many_values", "Filen blir för stor när hänvisningarna med * fylls i: mer än {limit} "
            "värden.",
            "Skriv ut värdena där de ska stå, i stället för att hänvisa till dem med & och *.",
            {"limit": 100000}),
    Message("html_element", "Sidan innehåller elementet <{tag}>, som kan köra kod, visa en annan webbplats "
            "inuti sidan eller skicka iväg det besökaren skriver.",
            "Ta bort det. Webbplatsens egna skript är de enda som får finnas; vill du visa något från en annan "
            "webbplats, länka till den.",
            {"tag": "script"}),
    Message("html_event_handler", "Elementet <{tag}> har attributet {attr}, som kör kod i besökarens "
            "webbläsare.",
            "Ta bort attributet.",
            {"tag": "img", "attr": "onerror"}),
    Message("html_link_scheme", "Adressen \"{value}\" går inte att använda: den börjar med {scheme}:, som kan "
            "köra kod eller visa något annat än det länken säger.",
            "Länka bara till adresser som börjar med https://, mailto: eller tel:, eller till en annan sida på "
            "webbplatsen.",
            {"value": "javascript:alert(1)", "scheme": "javascript"}),
    Message("html_link_http", "Länken \"{value}\" använder http, utan kryptering.",
            "Skriv länken med https://. Har webbplatsen inte https, länka till en sida som har det.",
            {"value": "http://www.exempel.se/"}),
    Message("html_other_host", "Sidan hämtar \"{value}\" från en annan webbplats ({host}).",
            "Lägg filen under docs/ och hänvisa till den där: webbplatsen hämtar aldrig något från andra "
            "webbplatser, för besökarnas integritet.",
            {"value": "https://exempel.se/bild.png", "host": "exempel.se"}),
    Message("html_meta_refresh", "Sidan innehåller <meta http-equiv=\"refresh\">, som skickar besökaren "
            "vidare till en annan sida.",
            "Ta bort den och länka till sidan i stället.",
            {}),
    Message("script_file", "{file} är ett skript. Webbplatsens egna skript i docs/assets/javascripts/ är de "
            "enda som får finnas.",
            "Ta bort filen. Ska den vara en bilaga, spara den i ett format som inte kör kod, t.ex. PDF eller "
            "text.",
            {"file": "docs/verktyg.js"}),
    Message("quick_exit_url", "Adressen för knappen Lämna sidan snabbt, \"{value}\", går inte att använda.",
            "Skriv en adress som börjar med https:// under extra › quick_exit › url, t.ex. "
            "https://www.smhi.se/.",
            {"value": "javascript:history.back()"}),
    Message("quick_exit_url_missing", "Knappen Lämna sidan snabbt är påslagen men har ingen adress.",
            "Skriv under extra › quick_exit en rad url: med en neutral webbplats, t.ex. url: https://www.smhi.se/. "
            "Ska knappen inte finnas: skriv enabled: false.",
            {}),
    Message("setting_unknown", "Inställningen {key} finns inte.",
            "Kontrollera stavningen{suggestion}. Inställningar som går att använda här: {allowed}. "
            "bidra/installningar.md beskriver dem.",
            {"key": "extra › quick_exit › enabeld", "suggestion": " (menade du enabled?)",
             "allowed": "enabled, url, shows"}),
    Message("setting_invalid", "Inställningen {key} har värdet \"{value}\", som inte går att använda.",
            "Skriv {expected}. bidra/installningar.md beskriver inställningen.",
            {"key": "extra › quick_exit › enabled", "value": "kanske", "expected": "true eller false"}),
    Message("toml_syntax", "Filen går inte att läsa: raden följer inte TOML-formatet.",
            "Skriv inställningen som namn = värde, t.ex. freshness_months = 12, och text inom citattecken.",
            {}),
    Message("pdf_resource_unreadable", "PDF:en kan inte läsa \"{value}\".",
            "Kontrollera att filen är en hel bild (PNG, JPEG eller SVG) som går att öppna, och spara den på nytt.",
            {"value": "bilder/karta.png"}),
    Message("pdf_resource_refused", "PDF:en får inte hämta \"{value}\": {reason}.",
            "Lägg filen under docs/ och hänvisa till den med en relativ adress, t.ex. bilder/karta.png.",
            {"value": "file:///etc/passwd", "reason": "den ligger utanför webbplatsen"}),
]

CATALOGUE: dict[str, Message] = {m.code: m for m in _CATALOGUE}

# Jinja's template syntax errors (from mkdocs-macros) in words a communicator can act on, for macro_syntax:
# (regular expression on Jinja's message, words; {name} is replaced by the expression's group of that name).
TEMPLATE_PROBLEMS = [
    (r"^unexpected '\}', expected '\)'", "en parentes stängs aldrig: ) saknas före }}"),
    (r"^unexpected '\}'", "en } saknas eller står för mycket (skriv }} med två klamrar)"),
    (r"^unexpected '\)'", "en ) står för mycket"),
    (r"^unexpected end of template, expected 'end of print statement'", "en {{ stängs aldrig med }}"),
    (r"^unexpected 'end of template'", "en {{ stängs aldrig med }}"),
    (r"(?i)^unexpected end of template\. Jinja was looking for .* to be closed is '(?P<tag>\w+)'",
     "{% {tag} %} avslutas aldrig med {% end{tag} %}"),
    (r"^unexpected end of template", "makroanropet tar slut för tidigt: en parentes eller ett citattecken "
                                     "stängs aldrig"),
    (r"^unexpected char '(?P<char>[“”„‘’«»])'", "typografiska citattecken ({char}) fungerar inte i makron: "
                                               "skriv raka citattecken, \"så här\""),
    (r"^unexpected char '[\"']'", "ett citattecken stängs aldrig, eller står för mycket"),
    (r"^unexpected char '(?P<char>.)'", "tecknet {char} går inte att använda mellan {{ och }}"),
    (r"^expected token ',', got", "ett kommatecken saknas mellan två värden inom parentesen"),
    (r"^expected token 'end of print statement', got '(?P<got>[^']+)'",
     "det står något oväntat ({got}) före }}: ett makros namn skrivs med understreck, inte mellanslag"),
    (r"^Encountered unknown tag '(?P<tag>[^']+)'", "{% {tag} %} går inte att använda"),
    (r"^Expected an expression, got 'end of print statement'", "det står ingenting mellan {{ och }}"),
    (r"^No filter named '(?P<name>[^']+)'", "filtret {name} (efter |) finns inte"),
    (r"^expected name or number", "det står en punkt utan något namn efter"),
]
TEMPLATE_PROBLEM_UNKNOWN = "texten mellan {{ och }} går inte att läsa (Jinja säger: \"{problem}\")"


def template_words(problem: str) -> str:
    """Jinja's syntax error in Swedish (TEMPLATE_PROBLEMS above)."""
    import re

    for pattern, words in TEMPLATE_PROBLEMS:
        if match := re.search(pattern, problem):
            for name, value in match.groupdict().items():
                words = words.replace("{" + name + "}", value or "")
            return words
    return TEMPLATE_PROBLEM_UNKNOWN.replace("{problem}", problem)


def say(code: str, **values: object) -> str:
    """The full Swedish message for an error code: what is wrong, then how to fix it."""
    return CATALOGUE[code].format(**values)


# --- Interface labels (what visitors read): one catalogue per language, macros/text/<code>.yml -------------

from macros.text.languages import all_labels, ui  # noqa: E402  (here too, for the modules that import ui from here)

UI: dict[str, dict[str, str]] = all_labels()
