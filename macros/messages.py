"""Every text that a communicator or a visitor reads, in one place.

Error messages are a catalogue: a code, what went wrong, how to fix it, and an example used to generate
the "Vanliga felmeddelanden" page (docs/bidra/felmeddelanden.md via `python -m macros errors-doc`).
Interface labels are per language; Swedish is the default and the fallback.
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
            {"known": "contacts.yml, support_lines.yml …"}),
    Message("file_empty", "Filen är tom.",
            "Skriv in uppgifterna igen eller hämta den senaste versionen av filen från GitHub.",
            {}),
    Message("invalid_utf8", "Filen innehåller tecken som inte är UTF-8 (byte {byte}).",
            "Spara filen som UTF-8 och skriv om tecknen på raden för hand, ofta å, ä eller ö som klistrats in "
            "från ett annat program.",
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
            "Skriv true (ja) eller false (nej).",
            {"value": "ja"}),
    Message("not_int", "Värdet {value} ska vara ett heltal.",
            "Skriv bara siffror, t.ex. 12.",
            {"value": "tolv"}),
    Message("invalid_choice", "\"{value}\" är inte ett tillåtet värde.",
            "Välj ett av: {choices}.",
            {"value": "monday", "choices": "mon, tue, wed, thu, fri, sat, sun"}),
    Message("invalid_date", "\"{value}\" är inget giltigt datum.",
            "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2024-03-18.",
            {"value": "18 mars 2024"}),
    Message("date_in_future", "Datumet {value} har inte hänt än.",
            "Skriv det datum som källan eller beslutet visar, inte ett kommande datum.",
            {"value": "2031-01-01"}),
    Message("invalid_verified", "\"{value}\" är inget verifieringsdatum.",
            "Skriv det datum som källan visade (ÅÅÅÅ-MM-DD), eller odaterad om källan inte visar något datum.",
            {"value": "igår"}),
    Message("invalid_time", "\"{value}\" är ingen giltig tid.",
            "Skriv tiden som TT:MM inom citattecken, t.ex. \"09:00\".",
            {"value": "9"}),
    Message("invalid_phone", "\"{value}\" är inget giltigt telefonnummer.",
            "Skriv numret som det står hos källan, med riktnummer, t.ex. 020-100 200 eller 114 14.",
            {"value": "020-100"}),
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
    Message("http_needs_reason", "\"{value}\" använder http, utan kryptering.",
            "Byt till https:// om webbplatsen har det. Går det inte: skriv varför i fältet http_reason på "
            "samma post.",
            {"value": "http://www.exempel.se/"}),
    Message("invalid_id", "\"{value}\" går inte att använda som id.",
            "Använd små bokstäver a–z, siffror och bindestreck, t.ex. orostelefonen eller kommunens-vaxel.",
            {"value": "Orostelefonen 2"}),
    Message("duplicate_id", "id \"{value}\" används redan ({other}).",
            "Ge posten ett eget id. Ändra inte id på en befintlig post: sidor och andra filer hänvisar till det.",
            {"value": "bris", "other": "data/support_lines.yml rad 40"}),
    Message("unknown_reference", "\"{value}\" pekar inte på någon {kind}.",
            "Kontrollera stavningen. Befintliga id: {known}.",
            {"value": "orostelefon", "kind": "stödlinje", "known": "orostelefonen, bris …"}),
    Message("staff_reference_in_public", "\"{value}\" är intern (audience: staff) men används i publik text.",
            "Hänvisa till en publik post här, eller markera också den här posten med audience: staff.",
            {"value": "sakerhetschef-konsultation"}),
    Message("text_missing_sv", "Texten saknar svensk version.",
            "Skriv texten som vanlig text, eller som sv: och en: på varsin rad.",
            {}),
    Message("text_bad_language", "\"{value}\" är ingen språkkod.",
            "Använd språkkoder med två små bokstäver, t.ex. sv och en.",
            {"value": "svenska"}),
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
    Message("macro_undefined", "Namnet {name} finns inte.",
            "Kontrollera stavningen inom {{{{ }}}}. Makron som går att använda står i docs/bidra/makron.md.",
            {"name": "suport_lines"}),
    Message("macro_syntax", "Mallfel: {problem}.",
            "Kontrollera att varje {{{{ har ett }}}} och att texten mellan dem är ett makro från "
            "docs/bidra/makron.md.",
            {"problem": "unexpected '}'"}),
    Message("macro_failed", "Ett makro gick inte att köra: {problem}.",
            "Kontrollera anropet mot docs/bidra/makron.md. Hjälper inte det: be en utvecklare om hjälp.",
            {"problem": "…"}),
    Message("link_broken", "Länken till {target} leder ingenstans.",
            "Kontrollera filnamnet. Länka till .md-filen, t.ex. [Stödlinjer](stodlinjer.md).",
            {"target": "stodlinje.md"}),
    Message("anchor_broken", "Länken {target} pekar på en rubrik som inte finns.",
            "Kontrollera delen efter #. Den ska vara rubrikens text med små bokstäver och bindestreck.",
            {"target": "stodlinjer.md#bris"}),
]

CATALOGUE: dict[str, Message] = {m.code: m for m in _CATALOGUE}


def say(code: str, **values: object) -> str:
    """The full Swedish message for an error code: what is wrong, then how to fix it."""
    return CATALOGUE[code].format(**values)


# --- Interface labels (what visitors read) -----------------------------------------------------------------

UI: dict[str, dict[str, str]] = {
    "sv": {
        "call": "Ring",
        "hours": "Öppet",
        "for_whom": "För vem",
        "anonymous": "Anonymt",
        "anonymous_yes": "Ja, du behöver inte säga vem du är.",
        "anonymous_no": "Nej.",
        "anonymous_unknown": "Fråga när du tar kontakt.",
        "cost": "Kostnad",
        "free": "Gratis att ringa.",
        "email": "E-post",
        "website": "Webbplats",
        "chat": "Chatt",
        "address": "Adress",
        "text_message": "Sms",
        "source": "Källa",
        "verified": "kontrollerad {date}.",
        "verified_undated": "(sidan visar inget datum).",
        "verified_old": "Uppgifterna kan ha ändrats sedan dess. Kontrollera gärna där.",
        "always": "Dygnet runt, alla dagar.",
        "closed_holidays": "Stängt på helgdagar.",
        "hours_unknown": "Se organisationens webbplats.",
        "staff_only": "Intern uppgift",
        "emergency_question": "Är någon i fara just nu?",
        "emergency_call": "Ring 112",
        "last_reviewed": "Sidan granskades senast {date}.",
        "last_changed": "Senast ändrad {date}.",
        "review_overdue": "Sidan skulle ha granskats igen senast {date}. Uppgifterna kan vara inaktuella.",
        "plan_expired": "Planens giltighetstid gick ut {date}. Kommunen har inte beslutat om en ny plan "
                        "som publicerats här.",
        "followup_overdue": "Planen skulle ha följts upp senast {date}. Ingen senare uppföljning finns "
                            "registrerad.",
        "adopted": "Antagen av",
        "valid": "Giltighetstid",
        "valid_open": "Tills vidare",
        "owner": "Förvaltare",
        "follow_up": "Uppföljning",
        "how": "Hur",
        "how_often": "Hur ofta",
        "document_type": "Typ av dokument",
        "date": "Datum",
        "body": "Beslutande organ",
        "decision": "Beslut",
        "paragraph": "Paragraf",
        "edition_public": "Publik utgåva",
        "edition_staff": "Utgåva för personal",
        "pdf_download": "Ladda ner planen som PDF",
        "days": "mån,tis,ons,tor,fre,lör,sön",
        "days_long": "måndag,tisdag,onsdag,torsdag,fredag,lördag,söndag",
        "weekdays": "Vardagar",
        "every_day": "Alla dagar",
        "months": "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december",
        "time_sep": ".",
        "missing_data": "Uppgiften saknas just nu.",
        "footer_label": "Om webbplatsen",
        "footer_accessibility": "Tillgänglighet",
        "footer_about": "Om webbplatsen och kakor",
        "footer_owner": "{owner} ansvarar för innehållet.",
        "footer_emergency": "Vid akut fara: ring 112.",
        "compliance_helt förenlig": "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital "
                                    "offentlig service.",
        "compliance_delvis förenlig": "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
                                      "offentlig service. Bristerna står längre ner på sidan.",
        "compliance_inte förenlig": "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital "
                                    "offentlig service. Bristerna står längre ner på sidan.",
        "no_known_issues": "Vi känner inte till några brister just nu.",
        "nothing_outside_law": "Allt innehåll på webbplatsen omfattas av lagen.",
        "accessibility_dates": "Vi granskade webbplatsen {assessed}. Redogörelsen uppdaterades senast {updated}.",
        "reason": "Orsak",
    },
    "en": {
        "call": "Call",
        "hours": "Open",
        "for_whom": "For whom",
        "anonymous": "Anonymous",
        "anonymous_yes": "Yes, you do not have to say who you are.",
        "anonymous_no": "No.",
        "anonymous_unknown": "Ask when you get in touch.",
        "cost": "Cost",
        "free": "Free to call.",
        "email": "Email",
        "website": "Website",
        "chat": "Chat",
        "address": "Address",
        "text_message": "Text message",
        "source": "Source",
        "verified": "checked on {date}.",
        "verified_undated": "(the page shows no date).",
        "verified_old": "The details may have changed since. Please check there.",
        "always": "Day and night, every day.",
        "closed_holidays": "Closed on public holidays.",
        "hours_unknown": "See the organisation's website.",
        "staff_only": "Internal information",
        "emergency_question": "Is someone in danger right now?",
        "emergency_call": "Call 112",
        "last_reviewed": "This page was last reviewed on {date}.",
        "last_changed": "Last changed on {date}.",
        "review_overdue": "This page should have been reviewed by {date}. The information may be out of date.",
        "plan_expired": "The plan's period of validity ended on {date}. No newer plan has been published here.",
        "followup_overdue": "The plan should have been followed up by {date}. No later follow-up is recorded.",
        "adopted": "Adopted by",
        "valid": "Valid",
        "valid_open": "Until further notice",
        "owner": "Owner",
        "follow_up": "Follow-up",
        "how": "How",
        "how_often": "How often",
        "document_type": "Type of document",
        "date": "Date",
        "body": "Decided by",
        "decision": "Decision",
        "paragraph": "Section",
        "edition_public": "Public edition",
        "edition_staff": "Staff edition",
        "pdf_download": "Download the plan as a PDF (in Swedish)",
        "days": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
        "days_long": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
        "weekdays": "Weekdays",
        "every_day": "Every day",
        "months": "January,February,March,April,May,June,July,August,September,October,November,December",
        "time_sep": ":",
        "missing_data": "This information is missing at the moment.",
        "footer_label": "About this website",
        "footer_accessibility": "Accessibility",
        "footer_about": "About this website and cookies",
        "footer_owner": "{owner} is responsible for the content.",
        "footer_emergency": "In an emergency: call 112.",
        "compliance_helt förenlig": "The website fully complies with the Swedish Act on accessibility to "
                                    "digital public services.",
        "compliance_delvis förenlig": "The website partially complies with the Swedish Act on accessibility to "
                                      "digital public services. The shortcomings are listed below.",
        "compliance_inte förenlig": "The website does not comply with the Swedish Act on accessibility to "
                                    "digital public services. The shortcomings are listed below.",
        "no_known_issues": "We know of no shortcomings at the moment.",
        "nothing_outside_law": "All content on the website is covered by the Act.",
        "accessibility_dates": "We reviewed the website on {assessed}. This statement was last updated on "
                               "{updated}.",
        "reason": "Reason",
    },
}


def ui(key: str, lang: str = "sv", **values: object) -> str:
    """An interface label in the given language, falling back to Swedish."""
    text = UI.get(lang, UI["sv"]).get(key) or UI["sv"][key]
    return text.format(**values) if values else text
