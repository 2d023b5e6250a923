"""The data contract: one model per data file, with the values derived from it.

English snake_case keys, Swedish values. Every record has a stable `id` and an `audience` (public unless
it says `audience: staff`). Every way of reaching a support line or contact carries `source` and `verified`.
JSON Schema files in schemas/ are generated from these models (`python -m macros schemas`).
"""

from __future__ import annotations

from datetime import date, time
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from macros.contract.dates import add_months, months_between
from macros.contract.site_address import is_loopback, with_slash
from macros.contract.fields import (UNDATED, AnyDate, Audience, Clock, Day, Email, Flag, Id, LocalText, PastDate, PhoneNumber, Plain,
                     Url, Verified, catalogue_error, whole_number)

DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Category = Literal["emergency", "extremism", "police", "wellbeing"]
CATEGORIES: tuple[str, ...] = get_args(Category)   # in the order the pages and the PDF show them
# A period that closes earlier than it opens runs over the night: it must open in the afternoon or evening
# and close in the morning (Jourhavande medmänniska: 21:00–06:00). closes: "00:00" means until midnight.
# Anything else (opens 12:00, closes 09:00) is taken for swapped times rather than a 21-hour night.
NIGHT_OPENS_FROM = time(15, 0)
NIGHT_CLOSES_BY = time(12, 0)
Months = whole_number(1, 120)
WorkingDays = whole_number(1, 60)


class Strict(BaseModel):
    """No unknown keys: a misspelt field is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(Strict):
    id: Id
    audience: Audience = Field("public", description="public (alla) eller staff (bara personalens webbplats).")

    @property
    def is_public(self) -> bool:
        return self.audience == "public"


class Sourced(Strict):
    """Facts that rot: where they came from, and the date that source showed."""

    source: Url = Field(description="Sidan där uppgifterna står (https://…).")
    verified: Verified
    source_note: LocalText | None = Field(None, description="Kort förklaring om källan, t.ex. en motsägelse.")
    check_note: Plain | None = Field(
        None, description="Något som behöver kontrolleras. Visas i rapporten om färskhet, inte på webbplatsen.")
    verified_by: Plain | None = Field(
        None, description="Vem eller vad som kontrollerade uppgiften mot källan: en funktion, eller "
                          "källbevakningen när en maskin har sett uppgifterna på källan (make sources).")

    @property
    def is_undated(self) -> bool:
        return self.verified == UNDATED

    @property
    def verified_date(self) -> date | None:
        return None if self.is_undated else self.verified

    def is_old(self, today: date, max_age_months: int) -> bool:
        """Checked against its source longer ago than the limit. An undated source is not old: it has no date
        (it is never featured, and `make freshness` lists it as a reminder)."""
        return self.verified_date is not None and months_between(self.verified_date, today) >= max_age_months


class Period(Strict):
    days: list[Day] = Field(min_length=1, json_schema_extra={"uniqueItems": True},
                            description="Dagar: mon, tue, wed, thu, fri, sat, sun, var och en en gång.")
    opens: Clock = Field(description="Öppnar, t.ex. \"09:00\".")
    closes: Clock = Field(description="Stänger, t.ex. \"15:00\". \"00:00\" betyder midnatt. Tidigare än opens "
                                      "betyder över natten: då öppnar linjen 15:00 eller senare och stänger "
                                      "senast 12:00, t.ex. 21:00–06:00.")

    @model_validator(mode="after")
    def _sensible_times(self):
        for index, day in enumerate(self.days):
            if day in self.days[:index]:
                raise catalogue_error("duplicate_day", value=day, at=("days", index))
        opens, closes = self.opens.strftime("%H:%M"), self.closes.strftime("%H:%M")
        if self.opens == self.closes:
            raise catalogue_error("same_open_close", value=opens, at="closes")
        if self.overnight and self.closes != time(0, 0) and not (
                self.opens >= NIGHT_OPENS_FROM and self.closes <= NIGHT_CLOSES_BY):
            raise catalogue_error("closes_before_opens", opens=opens, closes=closes, at="closes",
                                  night_from=NIGHT_OPENS_FROM.strftime("%H:%M"),
                                  night_by=NIGHT_CLOSES_BY.strftime("%H:%M"))
        return self

    @property
    def overnight(self) -> bool:
        return self.closes < self.opens


class Hours(Strict):
    always: Flag = Field(False, description="true om linjen är öppen dygnet runt alla dagar.")
    periods: list[Period] = Field(default_factory=list, description="Öppettider per dag.")
    closed_on_public_holidays: Flag = Field(False, description="true om linjen är stängd på helgdagar.")
    note: LocalText | None = Field(None, description="Öppettider i ord, när de inte går att skriva som tider.")

    @model_validator(mode="after")
    def _consistent(self):
        if self.always and self.periods:
            raise catalogue_error("hours_conflict")
        if not self.always and not self.periods and self.note is None:
            raise catalogue_error("hours_empty")
        return self


class Reachable(Sourced, Record):
    """Something a person can contact: at least one of phone, e-mail or web address."""

    name: LocalText = Field(description="Namnet som visas som rubrik.")
    phone: PhoneNumber | None = Field(None, description="Telefonnummer som källan skriver det, t.ex. 020-100 200.")
    sms: PhoneNumber | None = Field(None, description="Nummer för sms, om det finns.")
    email: Email | None = Field(None, description="E-postadress, en funktionsadress.")
    url: Url | None = Field(None, description="Webbplats (https://…).")
    chat_url: Url | None = Field(None, description="Adress till en chatt, om det finns.")
    hours: Hours | None = Field(None, description="Öppettider: always, periods, closed_on_public_holidays, note.")
    staff_note: LocalText | None = Field(None, description="Visas bara på personalens webbplats.")

    @model_validator(mode="after")
    def _has_channel(self):
        if not (self.phone or self.email or self.url):
            raise catalogue_error("needs_channel")
        return self


class SupportLine(Reachable):
    organisation: LocalText = Field(description="Vem som driver linjen.")
    category: Category = Field(
        description="emergency (112, visas på varje sida), extremism (oro för radikalisering), police (polis), "
                    "wellbeing (stöd när man mår dåligt).")
    for_whom: LocalText = Field(description="Vem linjen är till för.")
    about: LocalText | None = Field(None, description="Vad man kan få hjälp med, en eller två meningar.")
    anonymous: Flag | None = Field(None, description="true, false, eller utelämna om källan inte säger något.")
    free_of_charge: Flag | None = Field(None, description="true om det är gratis att ringa. 020-nummer räknas som gratis.")

    def is_trusted(self, today: date, max_age_months: int) -> bool:
        """May be featured: checked against its source within the limit, with no open question on it."""
        return self.verified_date is not None and not self.is_old(today, max_age_months) and self.check_note is None


class NationalLinesFile(Strict):
    """The national registry (national/support_lines.yml): the same lines for every municipality."""

    support_lines: list[SupportLine] = Field(min_length=1)


class HiddenLine(Strict):
    id: Id = Field(description="id för en nationell linje i national/support_lines.yml.")
    reason: Plain = Field(description="Varför kommunen inte visar linjen. Visas i make check.")


class SupportLinesFile(Strict):
    """A municipality's choices about the national lines, and its own local lines."""

    support_lines: list[SupportLine] = Field(default_factory=list, description=(
        "Kommunens egna, lokala linjer. De nationella finns i national/support_lines.yml och skrivs inte här."))
    featured: list[Id] = Field(default_factory=list, description=(
        "id för linjer att visa överst på startsidan, i den ordning ni vill ha dem. Bara linjer som är "
        "kontrollerade inom gränsen för färskhet och utan check_note visas; nästa i listan tar annars platsen."))
    featured_places: whole_number(1, 6) = Field(2, description="Hur många linjer startsidan visar överst.")
    hidden: list[HiddenLine] = Field(default_factory=list, description=(
        "Nationella linjer som kommunen inte visar: id och reason (skälet)."))


class Contact(Reachable):
    role: LocalText = Field(description="Vad kontakten hjälper till med, en mening.")
    address: LocalText | None = Field(None, description="Besöks- eller postadress.")


class ContactsFile(Strict):
    contacts: list[Contact] = Field(min_length=1)


class Coordination(Strict):
    name: LocalText = Field(description="Vem som samordnar arbetet, t.ex. kommunens säkerhetssamordnare eller det brottsförebyggande rådet.")
    description: LocalText = Field(description="Vad uppdraget innebär, i klarspråk.")
    since: AnyDate | None = Field(None, description="Sedan när uppdraget gäller.")
    contact: Id = Field(description="id i contacts.yml.")


class Consultation(Strict):
    name: LocalText = Field(description="Konsultationsvägens namn.")
    description: LocalText = Field(description="Vad konsultationen är och hur den går till.")
    for_whom: LocalText = Field(description="Vilka medarbetare som kan använda den.")
    contact: Id = Field(description="id i contacts.yml (ofta audience: staff).")
    audience: Audience = Field("staff", description="staff (standard): visas bara för personal.")


class Municipality(Strict):
    id: Id = Field(description="Kommunens id, t.ex. storby.")
    name: Plain = Field(description="Kommunens namn, t.ex. Storby kommun.")
    short_name: Plain | None = Field(None, description="Ortens namn, t.ex. Storby. Valfritt; sidorna använder name.")
    genitive: Plain | None = Field(None, description="Namnet i genitiv, t.ex. Storby kommuns. Valfritt; sidorna använder name.")
    website: Url = Field(description="Kommunens webbplats.")
    site_url: Url | None = Field(None, description=(
        "Adressen där den här webbplatsen publiceras, t.ex. https://www.kommun.se/motverka/. Valfri. Används i "
        "sitemap, kanoniska länkar och PDF:en. Miljövariabeln SITE_URL går före."))
    region: Plain = Field(description="Län, t.ex. Södermanlands län.")
    open_data_license: Url = Field(description="Licensen för öppna data, t.ex. CC0.")
    site_title: LocalText = Field(description="Webbplatsens namn i sidhuvudet.")
    switchboard: Id = Field(description="id i contacts.yml för kommunens växel.")
    social_services: Id = Field(description="id i contacts.yml för socialtjänsten.")
    coordination: Coordination = Field(description="Vem som samordnar arbetet: name, description, since, contact.")
    consultation: Consultation | None = Field(None, description="Konsultationsvägen för personal.")
    cooperation: list[LocalText] = Field(default_factory=list, description="Samverkansparter enligt planen.")
    page_owner: LocalText = Field(description="Vem som ansvarar för webbplatsens innehåll (funktion, inte person).")

    @field_validator("site_url", mode="before")
    @classmethod
    def _site_url_is_public(cls, value):
        """Before the https rule: a preview address (http://127.0.0.1:8000/) gets the message that says why."""
        if isinstance(value, str) and is_loopback(value):
            raise catalogue_error("site_url_loopback", value=value)
        return value

    @field_validator("site_url")
    @classmethod
    def _site_url_with_slash(cls, value: str | None) -> str | None:
        return with_slash(value) if value else value


class MunicipalityFile(Strict):
    municipality: Municipality


class Adoption(Strict):
    body: Plain = Field(description="Beslutande organ, t.ex. Kommunfullmäktige.")
    date: PastDate = Field(description="Beslutsdatum.")
    paragraph: Plain | None = Field(None, description="Paragraf, t.ex. § 5.")


class Decision(Strict):
    date: PastDate = Field(description="Beslutsdatum.")
    body: Plain = Field(description="Beslutande organ.")
    paragraph: Plain | None = Field(None, description="Paragraf, t.ex. § 212.")
    text: LocalText = Field(description="Vad som beslutades, en mening.")


class Owner(Strict):
    body: Plain = Field(description="Ansvarig nämnd eller styrelse.")
    function: LocalText | None = Field(None, description="Funktion som förvaltar dokumentet.")
    duties: list[LocalText] = Field(default_factory=list, description="Vad förvaltarskapet innebär.")


class FollowUp(Strict):
    how: LocalText = Field(description="Hur planen följs upp.")
    frequency: LocalText = Field(description="Hur ofta, i ord.")
    interval_months: Months = Field(description="Hur ofta i månader, för påminnelser.")
    last_done: PastDate | None = Field(None, description="Senaste genomförda uppföljning.")


class Plan(Strict):
    title: Plain = Field(description="Planens namn.")
    document_type: LocalText | None = Field(None, description="Typ av dokument, t.ex. Övergripande inriktningsdokument.")
    version: Plain | None = Field(None, description="Versionsnummer.")
    adopted: Adoption = Field(description="Beslutet som antog planen: body, date, paragraph.")
    valid_from: AnyDate | None = Field(None, description="Giltig från.")
    valid_until: AnyDate | None = Field(None, description="Giltig till. Utelämna om planen gäller tills vidare.")
    owner: Owner = Field(description="Förvaltare: body, function, duties.")
    follow_up: FollowUp = Field(description="Uppföljning: how, frequency, interval_months, last_done.")
    decisions: list[Decision] = Field(min_length=1, description="Beslutshistorik, äldst först.")
    definition: LocalText = Field(description="Vad planen menar med våldsbejakande extremism, med egna ord.")
    summary: LocalText = Field(description="Planen i två eller tre meningar.")
    principles: list[LocalText] = Field(default_factory=list, description="Vägledande principer.")
    source_document: Plain | None = Field(None, description="Var den antagna planen finns (diarienummer e.d.).")

    @model_validator(mode="after")
    def _valid_order(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise catalogue_error("validity_order", until=self.valid_until.isoformat(),
                                  start=self.valid_from.isoformat(), at="valid_until")
        return self

    @property
    def last_decision(self) -> Decision:
        return max(self.decisions, key=lambda d: d.date)

    def follow_up_due(self) -> date:
        """When the next follow-up should have happened: from the last follow-up, else the last decision."""
        return add_months(self.follow_up.last_done or self.last_decision.date, self.follow_up.interval_months)

    def is_expired(self, today: date) -> bool:
        return self.valid_until is not None and self.valid_until < today

    def is_follow_up_overdue(self, today: date) -> bool:
        return self.follow_up_due() < today


class PlanFile(Strict):
    plan: Plan


class FocusArea(Record):
    title: LocalText = Field(description="Fokusområdets namn som i planen.")
    summary: LocalText = Field(description="En mening i klarspråk.")
    body: LocalText = Field(description="Vad planen säger, med egna ord. Markdown går att använda.")


class FocusAreasFile(Strict):
    focus_areas: list[FocusArea] = Field(min_length=1)


class Step(Record):
    title: LocalText = Field(description="Stegets rubrik.")
    text: LocalText = Field(description="Vad den som är orolig kan göra.")
    lines: list[Id] = Field(default_factory=list, description="id i support_lines.yml att visa i steget.")
    contacts: list[Id] = Field(default_factory=list, description="id i contacts.yml att visa i steget.")


class Relatives(Strict):
    intro: LocalText = Field(description="Inledning till den som är orolig.")
    steps: list[Step] = Field(min_length=1, description="Vad man kan göra, i ordning.")
    signs: list[LocalText] = Field(min_length=1, description="Tecken att vara uppmärksam på.")
    signs_caveat: LocalText = Field(description="Att det inte finns någon enskild profil.")
    talk_tips: list[LocalText] = Field(default_factory=list, description="Råd för samtalet.")


class RelativesFile(Strict):
    relatives: Relatives


class ConcernStep(Record):
    """One row of the staff routine: from the first worry to the consultation route."""

    step: LocalText = Field(description="Vad som händer, kort: \"Du blir orolig\".")
    action: LocalText = Field(description="Vad medarbetaren gör.")
    responsible: LocalText = Field(description="Vem som ansvarar för steget.")
    contacts: list[Id] = Field(default_factory=list, description="id i contacts.yml att visa i steget.")


class Partner(Record):
    name: LocalText = Field(description="Partens namn.")
    purpose: LocalText = Field(description="Vad samverkan med parten är till för.")
    url: Url | None = Field(None, description="Partens webbplats.")


class StaffGuidance(Strict):
    """Guidance for staff only. The whole file is internal: `audience: staff` must stand at its top."""

    audience: Literal["staff"] = Field(description="Alltid staff: filen visas bara på personalens webbplats.")
    intro: LocalText = Field(description="Inledning för medarbetare.")
    concern_steps: list[ConcernStep] = Field(min_length=1, description="Rutinen vid oro, i ordning.")
    partners: list[Partner] = Field(min_length=1, description="Samverkansparter.")
    training: LocalText = Field(description="Kompetenshöjning: vem som får vad.")
    training_contact: Id = Field(description="id i contacts.yml: vem man frågar om utbildning.")
    method: LocalText = Field(description="Metodutveckling och genusperspektiv i det dagliga arbetet.")
    documentation: list[LocalText] = Field(min_length=1, description="Regler för dokumentation.")
    professional_lines: list[Id] = Field(default_factory=list, description=(
        "id i support_lines.yml: stödlinjer för yrkesverksamma, visas på sidan Vid oro för någon."))


class StaffGuidanceFile(Strict):
    staff_guidance: StaffGuidance


class KnownIssue(Strict):
    text: LocalText = Field(description="Vad som inte är tillgängligt.")
    reason: LocalText | None = Field(None, description="Varför, och vad som planeras.")


class Accessibility(Strict):
    compliance: Literal["helt förenlig", "delvis förenlig", "inte förenlig"] = Field(
        description="Hur webbplatsen uppfyller lagen: helt förenlig, delvis förenlig eller inte förenlig.")
    known_issues: list[KnownIssue] = Field(default_factory=list, description="Brister: text och reason.")
    exemptions: list[LocalText] = Field(default_factory=list, description="Undantag (12 §, oskälig börda).")
    outside_law: list[LocalText] = Field(default_factory=list, description="Innehåll utanför lagen (9 §).")
    assessed_on: PastDate = Field(description="När webbplatsen senast granskades.")
    updated_on: PastDate = Field(description="När redogörelsen senast uppdaterades.")
    method: LocalText = Field(description="Hur granskningen gjordes.")
    feedback_contact: Id = Field(description="id i contacts.yml dit man kan skicka synpunkter.")
    feedback_days: WorkingDays = Field(10, description="Hur många arbetsdagar svaret tar.")


class AccessibilityFile(Strict):
    accessibility: Accessibility


# The national registry, kept once in the kit (outside every municipality's data folder).
NATIONAL_FILE = "national/support_lines.yml"
# Data files a municipality may leave out: it then has no local lines and features nothing.
OPTIONAL_FILES = {"support_lines.yml": {}}

# The data files a site needs: file name -> model of the whole file.
FILES: dict[str, type[Strict]] = {
    "municipality.yml": MunicipalityFile,
    "plan.yml": PlanFile,
    "contacts.yml": ContactsFile,
    "support_lines.yml": SupportLinesFile,
    "relatives.yml": RelativesFile,
    "focus_areas.yml": FocusAreasFile,
    "accessibility.yml": AccessibilityFile,
    "staff_guidance.yml": StaffGuidanceFile,
}


class SiteData(Strict):
    """Everything the pages need, validated and cross-checked, loaded once per build."""

    municipality: Municipality
    plan: Plan
    contacts: list[Contact]
    support_lines: list[SupportLine]
    relatives: Relatives
    focus_areas: list[FocusArea]
    accessibility: Accessibility
    staff_guidance: StaffGuidance | None = None
    featured: list[str] = Field(default_factory=list)      # the municipality's order of preference
    featured_places: int = 2
    hidden: list[HiddenLine] = Field(default_factory=list)
    national_ids: frozenset[str] = frozenset()              # lines that come from the national registry

    def featured_lines(self, today: date, max_age_months: int) -> list[SupportLine]:
        """The lines the start page shows first: the first trusted ones in the municipality's order."""
        lines = {line.id: line for line in self.support_lines}
        chosen = [lines[id] for id in self.featured if id in lines and lines[id].is_trusted(today, max_age_months)]
        return chosen[:self.featured_places]

    def contact(self, id: str) -> Contact:
        return next(c for c in self.contacts if c.id == id)

    def support_line(self, id: str) -> SupportLine:
        return next(s for s in self.support_lines if s.id == id)

    def for_audience(self, audience: str) -> "SiteData":
        """The data a build for this audience may show: a public build never sees staff records."""
        if audience == "staff":
            return self
        def public_only(records):
            return [r.model_copy(update={"staff_note": None}) for r in records if r.is_public]

        public = {
            "contacts": public_only(self.contacts),
            "support_lines": public_only(self.support_lines),
            "focus_areas": [f for f in self.focus_areas if f.is_public],
            "relatives": self.relatives.model_copy(
                update={"steps": [s for s in self.relatives.steps if s.is_public]}),
            "municipality": self.municipality.model_copy(update={
                "consultation": self.municipality.consultation
                if self.municipality.consultation and self.municipality.consultation.audience == "public"
                else None}),
        }
        public["staff_guidance"] = None
        return self.model_copy(update=public)
