"""The plan as a PDF: a public edition in site/ and a staff edition in site-staff/, as accessible as the pages.

Each check is shown to bite on a PDF made wrong on purpose (untagged, a font not embedded, a fake page number
in the contents, a heading without a bookmark, a table row broken across pages, the staff edition published).
"""

from __future__ import annotations

import logging
import math
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from macros.contract.load import load_site_data
from macros.outputs.pdf import document as pdf
from macros.render import render
from macros.text.messages import ui
from tests.conftest import DATASETS, REPO_URL, TODAY, data_dir
from tests.support.html import soup
from tests.support.leaks import Corpus, staff_only_strings
from tests.support.pdf import (EMOJI, LONG_EMAIL, LONG_WORD, SITE_URL, accessibility_problems, body_rows,
                               bookmark_problems, font_problems, fonts, info, lonely_headings, long_words_build,
                               normal, outline, overflow_problems, page_texts, toc_entries, toc_problems)
from tests.support.project import ROOT, copy_project, run_build

pytestmark = pytest.mark.build
EDITIONS = {"public": ("site", "handlingsplan.pdf"), "staff": ("site-staff", "handlingsplan-personal.pdf")}
CASES = [(dataset, edition) for dataset in DATASETS for edition in EDITIONS]


@pytest.fixture(scope="session")
def long_words(tmp_path_factory) -> Path:
    """Katrineholm's project with long words, long addresses, an emoji and sms and chat for a contact, built
    with a public address (tests/support/pdf.py › long_words_data)."""
    return long_words_build(tmp_path_factory, env={"REPO_URL": REPO_URL})


def data_of(dataset: str):
    return load_site_data(data_dir(dataset), today=TODAY)


def pdf_of(built, dataset: str, edition: str) -> Path:
    site, name = EDITIONS[edition]
    return built(dataset) / site / name


def text_of(path: Path) -> str:
    return normal(" ".join(page_texts(path)))


def expected_rows(dataset: str, edition: str) -> int:
    """Body rows of every table: support lines, contacts, decisions, and the staff routine."""
    view = data_of(dataset).for_audience(edition)
    rows = len(view.support_lines) + len(view.contacts) + len(view.plan.decisions)
    return rows + (len(view.staff_guidance.concern_steps) if view.staff_guidance else 0)


def make_pdf(html: str, path: Path, **options) -> Path:
    """A small PDF made with the same tool, to show that a check bites."""
    from weasyprint import HTML

    HTML(string=html).write_pdf(str(path), **options)
    return path


CHAPTERS = ("<!DOCTYPE html><html lang='sv'><head><title>Handlingsplan mot våldsbejakande extremism</title>"
            "<style>@page {{ size: A4 }} section {{ break-before: page }} {css}</style></head><body>"
            "<h1>Titel</h1><section><h1>Innehåll</h1><p>Kapitel A ........ 3</p><p>Kapitel B ........ {b}</p>"
            "</section><section><h1>Kapitel A</h1></section><section><h1>Kapitel B</h1></section></body></html>")


# --- Where the PDFs are and how pages link them --------------------------------------------------------

@pytest.mark.parametrize("dataset", list(DATASETS))
def test_each_build_writes_a_public_and_a_staff_edition(built, dataset):
    assert pdf_of(built, dataset, "public").exists()
    assert pdf_of(built, dataset, "staff").exists()
    assert not (built(dataset) / "site" / "handlingsplan-personal.pdf").exists()


def test_the_plan_page_links_the_pdf_with_its_real_size(dataset_site):
    link = soup(dataset_site / "handlingsplan" / "index.html").select_one(".mv-pdf-link a")
    assert (dataset_site / "handlingsplan" / link["href"]).resolve() == dataset_site / "handlingsplan.pdf"
    size = pdf.size_text((dataset_site / "handlingsplan.pdf").stat().st_size)
    assert link.get_text(" ", strip=True) == f"Ladda ner planen som PDF (PDF, {size})"


def test_the_staff_governance_page_links_the_staff_edition(dataset_staff_site):
    link = soup(dataset_staff_site / "personal" / "styrning" / "index.html").select_one(".mv-pdf-link a")
    target = (dataset_staff_site / "personal" / "styrning" / link["href"]).resolve()
    assert target == dataset_staff_site / "handlingsplan-personal.pdf"
    assert pdf.size_text(target.stat().st_size) in link.get_text()


def test_the_english_plan_page_links_the_swedish_pdf(dataset_site):
    page = dataset_site / "en" / "handlingsplan" / "index.html"
    if not page.exists():
        pytest.skip("no English edition of the plan page")
    link = soup(page).select_one(".mv-pdf-link a")
    assert (page.parent / link["href"]).resolve() == dataset_site / "handlingsplan.pdf"
    assert link["hreflang"] == "sv" and "in Swedish" in link.get_text()
    assert not list((dataset_site / "en").glob("*.pdf"))


def test_under_mkdocs_serve_no_pdf_is_promised_and_the_page_says_when_it_comes():
    html = pdf.link_html("handlingsplan/", "sv", "public", made=False)
    assert ui("pdf_later") in html and "href" not in html
    assert 'href="../handlingsplan.pdf"' in pdf.link_html("handlingsplan/", "sv", "public")


def test_sizes_read_as_a_file_manager_shows_them():
    assert pdf.size_text(311_200) == "312 kB"
    assert pdf.size_text(1_234_567) == "1,2 MB"
    assert pdf.size_text(1_234_567, "en") == "1.2 MB"


# --- Accessible: tagged PDF/UA-1, Swedish, title, bookmarks, embedded fonts ----------------------------

@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_pdf_is_tagged_pdf_ua_in_swedish_on_a4_with_the_plans_title(built, dataset, edition):
    assert accessibility_problems(pdf_of(built, dataset, edition), data_of(dataset).plan.title) == []


def test_the_accessibility_check_finds_an_untagged_pdf(tmp_path):
    html = CHAPTERS.format(css="", b=4)
    tagged = make_pdf(html, tmp_path / "tagged.pdf", pdf_variant="pdf/ua-1")
    assert accessibility_problems(tagged, "Handlingsplan") == []
    untagged = make_pdf(html, tmp_path / "untagged.pdf")
    assert "not tagged" in accessibility_problems(untagged, "Handlingsplan")
    a5 = make_pdf(html.replace("size: A4", "size: A5"), tmp_path / "a5.pdf", pdf_variant="pdf/ua-1")
    assert accessibility_problems(a5, "Handlingsplan") == ["a page is not A4"]


@pytest.mark.parametrize("dataset, edition", CASES)
def test_every_font_is_embedded_and_is_a_real_font(built, dataset, edition):
    path = pdf_of(built, dataset, edition)
    assert font_problems(path) == []
    assert subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout.count("Liberation") >= 2


def test_the_font_check_finds_a_font_that_is_not_embedded(tmp_path):
    content = b"BT /F1 12 Tf 72 700 Td (Handlingsplan) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    data, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    (tmp_path / "helvetica.pdf").write_bytes(data)
    assert font_problems(tmp_path / "helvetica.pdf") == ["Helvetica is not embedded"]


@pytest.mark.parametrize("dataset, edition", CASES)
def test_every_heading_has_a_bookmark(built, dataset, edition):
    path = pdf_of(built, dataset, edition)
    assert bookmark_problems(path) == []
    titles = [title for _, title, _ in outline(path)]
    assert {"Innehåll", "Om planen", "Fokusområden", "Stödlinjer", "Kommunens kontakter",
            "Stöd till dig som är orolig", "Beslutshistorik"} <= set(titles)


def test_the_bookmark_check_finds_a_heading_without_one(tmp_path):
    html = CHAPTERS.format(css="", b=4).replace("<h1>Kapitel B</h1>", "<h2>Kapitel B</h2>")
    assert bookmark_problems(make_pdf(html, tmp_path / "ok.pdf", pdf_variant="pdf/ua-1")) == []
    hidden = html.replace("</style>", "h2 { bookmark-level: none }</style>")
    assert bookmark_problems(make_pdf(hidden, tmp_path / "bad.pdf", pdf_variant="pdf/ua-1")) == [
        "4 headings but 3 bookmarks"]


def test_text_colours_keep_their_contrast_in_grayscale():
    """Contrast is a matter of luminance, so it survives a grayscale printer: every text colour in the PDF's
    stylesheet reads at least 7:1 on white and 4.5:1 on the notice grey."""
    css = pdf.stylesheet(ROOT / "docs")   # with the site's colours filled in

    def luminance(hex_colour: str) -> float:
        hex_colour = hex_colour.lstrip("#")
        if len(hex_colour) == 3:
            hex_colour = "".join(c * 2 for c in hex_colour)
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a: str, b: str) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", css))
    backgrounds = set(re.findall(r"background:\s*(#[0-9a-fA-F]{3,6})", css))
    assert colours and backgrounds
    for colour in colours:
        assert contrast(colour, "#fff") >= 7, colour
        for background in backgrounds:
            assert contrast(colour, background) >= 4.5, (colour, background)


# --- Content --------------------------------------------------------------------------------------------

# Characters of text a page holds at least, for the upper bound (a full page of the PDF holds about 3,500).
PAGE_CHARS = 2500
# The cover, the contents, and the chapters that each begin a page: Om planen, Fokusområden, Stödlinjer,
# Kommunens kontakter, Stöd till dig som är orolig (a plan with one focus area, one line and one contact).
LEAST_PAGES = 7


@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_page_count_is_in_a_sane_range(built, dataset, edition):
    """A page for the cover, the contents and each chapter that begins a page, and no more than one more
    page for every PAGE_CHARS characters of text: blank pages or rows on pages of their own would show."""
    path = pdf_of(built, dataset, edition)
    texts = page_texts(path)
    pages = int(info(path)["Pages"])
    assert pages == len(texts)
    chapter_pages = {page for level, _, page in outline(path) if level == 1}
    characters = sum(len(normal(text)) for text in texts)
    assert LEAST_PAGES <= len(chapter_pages) <= pages <= len(chapter_pages) + math.ceil(characters / PAGE_CHARS)


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_staff_edition_is_the_public_one_and_more(built, dataset):
    public, staff = (int(info(pdf_of(built, dataset, e))["Pages"]) for e in EDITIONS)
    assert staff > public


@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_text_has_the_title_112_every_number_and_every_focus_area(built, dataset, edition):
    text = text_of(pdf_of(built, dataset, edition))
    view = data_of(dataset).for_audience(edition)
    assert view.plan.title in text and "112" in text
    for record in view.support_lines + view.contacts:
        if record.phone:
            assert record.phone.display in text, record.id
        assert normal(render.text(record.name)) in text, record.id
    for area in view.focus_areas:
        assert normal(render.text(area.title)) in text and normal(render.text(area.summary)) in text


@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_cover_names_the_plan_its_adoption_validity_owner_edition_date_and_version(built, dataset, edition):
    cover = normal(page_texts(pdf_of(built, dataset, edition))[0])
    plan, municipality = data_of(dataset).plan, data_of(dataset).municipality
    assert municipality.name in cover and plan.title in cover
    adopted = f"{plan.adopted.body}, {render.long_date(plan.adopted.date)}"
    assert adopted + (f", {plan.adopted.paragraph}" if plan.adopted.paragraph else "") in cover
    assert ui("valid") in cover and render.validity_text(plan) in cover
    assert ui("owner") in cover and plan.owner.body in cover
    assert ui(f"edition_{edition}") in cover
    assert re.search(r"Uppgifter per \d{1,2} \w+ \d{4} Utgåva \d{1,2} \w+ \d{4}", cover)
    assert ("Intern information" in cover) == (edition == "staff")


@pytest.mark.parametrize("dataset, edition", CASES)
def test_every_page_after_the_cover_has_running_headers_and_page_x_of_y(built, dataset, edition):
    texts = [normal(t) for t in page_texts(pdf_of(built, dataset, edition))]
    plan, municipality = data_of(dataset).plan, data_of(dataset).municipality
    assert "Sida 1 av" not in texts[0]
    for number, text in enumerate(texts[1:], 2):
        assert f"Sida {number} av {len(texts)}" in text
        assert plan.title in text and municipality.name in text
        assert ("Intern information" in text) == (edition == "staff"), number


@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_contents_page_numbers_are_where_the_headings_are(built, dataset, edition):
    path = pdf_of(built, dataset, edition)
    assert toc_problems(path) == []
    chapters = {title for level, title, _ in outline(path) if level == 1}
    listed = {title for title, _ in toc_entries(path)}
    assert chapters - listed == {"Innehåll", data_of(dataset).plan.title}


def test_the_contents_check_finds_a_fake_page_number(tmp_path):
    assert toc_problems(make_pdf(CHAPTERS.format(css="", b=4), tmp_path / "ok.pdf", pdf_variant="pdf/ua-1")) == []
    fake = make_pdf(CHAPTERS.format(css="", b=7), tmp_path / "fake.pdf", pdf_variant="pdf/ua-1")
    assert toc_problems(fake) == ["'Kapitel B': the contents say page 7, the bookmark says [4]"]


@pytest.mark.parametrize("dataset, edition", CASES)
def test_no_table_row_is_broken_across_pages(built, dataset, edition):
    assert body_rows(pdf_of(built, dataset, edition)) == expected_rows(dataset, edition)


def test_the_row_check_finds_a_row_broken_across_pages(tmp_path):
    """A row longer than a page has to break, whatever the stylesheet says: the count must show it."""
    def table(sentences: int) -> str:
        cells = ["<td>" + "Rad med mycket text som tar plats. " * (sentences if n == 2 else 12) + "</td>"
                 for n in range(4)]
        rows = "".join(f"<tr><th scope='row'>Rad {n}</th>{cell}</tr>" for n, cell in enumerate(cells))
        return ("<html lang='sv'><head><title>T</title><style>tr { break-inside: avoid }</style></head><body>"
                "<table><thead><tr><th scope='col'>Namn</th><th scope='col'>Text</th></tr></thead>"
                f"<tbody>{rows}</tbody></table></body></html>")

    assert body_rows(make_pdf(table(12), tmp_path / "kept.pdf", pdf_variant="pdf/ua-1")) == 4
    assert body_rows(make_pdf(table(400), tmp_path / "broken.pdf", pdf_variant="pdf/ua-1")) > 4


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_links_are_clickable_and_web_addresses_are_printed_after_them(built, dataset):
    from pypdf import PdfReader

    path = pdf_of(built, dataset, "public")
    reader = PdfReader(str(path))
    links = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots") or []]
    uris = {str(link["/A"]["/URI"]) for link in links if "/URI" in link.get("/A", {})}
    inside = [link for link in links if "/Dest" in link]
    printed = re.sub(r"\s", "", " ".join(page_texts(path)))
    view = data_of(dataset).for_audience("public")
    for record in view.support_lines + view.contacts:
        if record.phone:
            assert record.phone.href in uris, record.id
        for url in (record.url, record.source):
            if url:
                assert url in uris and f"({url})" in printed, url
    assert len(inside) >= len(outline(path)) - 2, "the contents and cross-references link inside the PDF"


# --- Any municipality's words and addresses fit the paper ---------------------------------------------

@pytest.mark.parametrize("edition", list(EDITIONS))
def test_long_words_and_addresses_stay_inside_the_page_margins(long_words, edition):
    path = long_words / EDITIONS[edition][0] / EDITIONS[edition][1]
    assert overflow_problems(path) == []
    text = text_of(path)
    assert f"för {LONG_WORD}en" in text and LONG_EMAIL in text


@pytest.mark.parametrize("dataset, edition", CASES)
def test_no_text_runs_past_the_page_margins(built, dataset, edition):
    assert overflow_problems(pdf_of(built, dataset, edition)) == []


def test_the_margin_check_finds_a_word_that_runs_off_the_page(tmp_path):
    html = ("<html lang='sv'><head><title>T</title><style>@page {{ size: A4; margin: 20mm }}</style></head>"
            "<body><h1 style='font-size: 28pt'>{}</h1></body></html>")
    assert overflow_problems(make_pdf(html.format("Handlingsplan"), tmp_path / "ok.pdf")) == []
    problems = overflow_problems(make_pdf(html.format(LONG_WORD + "en"), tmp_path / "long.pdf"))
    assert problems and problems[0].startswith("page 1: 'Socialförvaltningens")


def test_an_emoji_in_data_is_drawn_with_an_embedded_font(long_words):
    path = long_words / "site" / "handlingsplan.pdf"
    assert f"Orostelefonen {EMOJI} om radikalisering" in text_of(path)
    assert font_problems(path) == []
    assert any("Noto-Color-Emoji" in font["name"] for font in fonts(path))


def test_an_emoji_font_rebuilt_for_the_pdf_is_dated_by_the_source_not_the_clock():
    """WeasyPrint rebuilds an emoji font's subset, and fontTools stamps it with the time it is written: two
    builds of the same inputs would differ. The stamp is the source's date, so the bytes stay the same."""
    import io
    from datetime import datetime, timezone

    from fontTools.misc.timeTools import timestampSinceEpoch
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    from macros.outputs.pdf.source import Provenance

    source = Provenance("4a96a27", datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc))
    html = f"<html lang='sv'><head><title>T</title></head><body><p>Ring {EMOJI}</p></body></html>"
    _, data, _ = pdf.render_pdf(html, "/", source)
    stamps = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if "Emoji" in str(descriptor["/FontName"]):
                stamps.append(TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))["head"].modified)
    assert stamps == [timestampSinceEpoch(1700000000)]
    assert pdf.render_pdf(html, "/", source)[1] == data


def test_a_character_no_font_has_is_named_once_with_its_file_line_and_record(tmp_path):
    """An Egyptian hieroglyph is in no font the PDF uses: WeasyPrint warns once for every time it is drawn,
    in English and naming nothing; the build says it once per place, in Swedish, with file, line and record."""
    from weasyprint import HTML

    data = tmp_path / "data"
    data.mkdir()
    (data / "support_lines.yml").write_text("support_lines:\n  - id: bris\n    name: Bris \U00013000\n", "utf-8")
    html = "<html lang='sv'><head><title>T</title></head><body>" + "<p>Bris \U00013000</p>" * 3 + "</body></html>"
    with pdf._weasyprint_problems() as records:
        HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    assert len(records) >= 3
    state = SimpleNamespace(root=tmp_path, data_dir=data)
    assert [(level, str(p)) for level, p in pdf.problem_messages(records, state, tmp_path / "docs")] == [(
        logging.WARNING, (
        "data/support_lines.yml:3: PDF:en kan inte visa tecknet »\U00013000« (U+13000) i posten bris: inget av "
        "PDF:ens typsnitt har det. Skriv det med ord eller ta bort det. Emojier visas när typsnittet Noto Color "
        "Emoji finns på datorn som bygger (make site installerar det)."))]


def test_long_words_get_soft_hyphens_but_addresses_do_not():
    from macros.outputs.pdf.chapters import soft_hyphens

    assert soft_hyphens(f"för {LONG_WORD}en.").replace("\u00ad", "") == f"för {LONG_WORD}en."
    assert soft_hyphens(LONG_WORD).count("\u00ad") >= 5
    assert soft_hyphens("Kommunstyrelsen och våldsbejakande") == "Kommunstyrelsen och våldsbejakande"
    for address in (LONG_EMAIL, f"https://chatt.katrineholm.se/{LONG_WORD}", f"www.{LONG_WORD}.se"):
        assert soft_hyphens(address) == address


# --- Headings, cards and cross-references on paper -------------------------------------------------------

@pytest.mark.parametrize("dataset, edition", CASES)
def test_no_heading_is_left_at_the_foot_of_a_page(built, dataset, edition):
    assert lonely_headings(pdf_of(built, dataset, edition)) == []


def test_the_heading_check_finds_a_heading_left_at_the_foot_of_a_page(tmp_path):
    html = ("<html lang='sv'><head><title>T</title><style>@page {{ size: A4; margin: 24mm 20mm 22mm }} {}"
            "</style></head><body><h1>Kapitel</h1><div style='height: 215mm'><p>Text.</p><p>Mer text.</p></div><h2>Sist på sidan</h2>"
            "<p>Texten.</p><p>Mer text.</p><p>Och mer.</p></body></html>")
    kept = make_pdf(html.format("h2 { break-after: avoid }"), tmp_path / "kept.pdf", pdf_variant="pdf/ua-1")
    assert lonely_headings(kept) == []
    alone = make_pdf(html.format("h2 + p { break-before: page }"), tmp_path / "alone.pdf", pdf_variant="pdf/ua-1")
    assert lonely_headings(alone) == ["'Sist på sidan' on page 1 has 0 lines after it"]


@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_contents_fit_on_one_page(built, dataset, edition):
    marks = outline(pdf_of(built, dataset, edition))
    contents = next(page for _, title, page in marks if title == "Innehåll")
    first = min(page for level, title, page in marks if level == 1 and page > contents)
    assert first == contents + 1


def chapter_pages(path: Path, title: str) -> range:
    """The pages of a chapter, from its bookmark to the next chapter's."""
    marks = outline(path)
    start = next(page for level, name, page in marks if level == 1 and name == title)
    end = min((page for level, _, page in marks if level == 1 and page > start), default=len(page_texts(path)) + 1)
    return range(start, end)


@pytest.mark.parametrize("dataset, edition", CASES)
def test_each_card_in_the_steps_for_relatives_keeps_its_address_and_gives_the_page_of_its_full_entry(
        built, dataset, edition):
    """The Exit card showed only "Exit / Fryshuset": no number, address or page. Each card now keeps its
    website (printed in full) and ends "Mer om linjen (se sidan N)", N the page of its row in Stödlinjer or
    Kommunens kontakter."""
    path = pdf_of(built, dataset, edition)
    texts = [normal(text) for text in page_texts(path)]
    relatives = " ".join(texts[page - 1] for page in chapter_pages(path, "Stöd till dig som är orolig"))
    view = data_of(dataset).for_audience(edition)
    lines, contacts = {x.id: x for x in view.support_lines}, {x.id: x for x in view.contacts}
    cards = []
    for step in view.relatives.steps:
        cards += [("linjen", "Stödlinjer", lines[i]) for i in step.lines]
        cards += [("kontakten", "Kommunens kontakter", contacts[i]) for i in step.contacts]
    references = re.findall(r"Mer om (linjen|kontakten) \(se sidan (\d+)\)", relatives)
    assert [kind for kind, _ in references] == [kind for kind, _, _ in cards]
    for (_, page), (_, chapter, record) in zip(references, cards):
        assert int(page) in chapter_pages(path, chapter), record.id
        assert normal(render.text(record.name)) in texts[int(page) - 1], record.id
    printed = re.sub(r"\s", "", relatives)
    for _, _, record in cards:
        if record.url:
            assert f"({record.url})" in printed, record.id


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_a_website_that_is_also_the_source_is_printed_once(built, dataset):
    """The support line table printed the same long address twice, after Webbplats and after Källa."""
    path = pdf_of(built, dataset, "public")
    texts = page_texts(path)
    view = data_of(dataset).for_audience("public")
    for chapter, records in (("Stödlinjer", view.support_lines), ("Kommunens kontakter", view.contacts)):
        printed = re.sub(r"\s", "", " ".join(texts[page - 1] for page in chapter_pages(path, chapter)))
        for url in {r.url for r in records if r.url and r.url == r.source}:
            shown = sum((r.url == url) + (r.chat_url == url) + (r.source == url != r.url) for r in records)
            assert printed.count(f"({url})") == shown, url


def test_contacts_show_every_way_to_reach_them_sms_and_chat_too(long_words):
    path = long_words / "site" / "handlingsplan.pdf"
    contacts = re.sub(r"\s", "", " ".join(page_texts(path)[page - 1]
                                          for page in chapter_pages(path, "Kommunens kontakter")))
    assert "Sms:070-12345" in contacts
    chat = f"https://chatt.katrineholm.se/{LONG_WORD.lower()}"
    assert f"Chatt:chatt.katrineholm.se({chat})" in contacts


# --- Title and cover ------------------------------------------------------------------------------------

@pytest.mark.parametrize("dataset, edition", CASES)
def test_the_title_names_the_municipality_once(built, dataset, edition):
    """Umeå's plan is "Umeå kommuns handlingsplan …": its PDF is not titled "… – Umeå kommun" as well."""
    title = info(pdf_of(built, dataset, edition))["Title"]
    municipality, plan = data_of(dataset).municipality, data_of(dataset).plan
    assert title.count(municipality.short_name or municipality.name) == 1 and title.startswith(plan.title)


def test_a_plan_title_without_the_municipality_gets_its_name():
    katrineholm, umea = data_of("katrineholm"), data_of("umea")
    assert pdf.document_title(katrineholm.plan, katrineholm.municipality) == (
        "Handlingsplan mot våldsbejakande extremism – Katrineholms kommun")
    assert pdf.document_title(umea.plan, umea.municipality) == umea.plan.title
    assert pdf.document_title(umea.plan, umea.municipality, "Utgåva för personal") == (
        umea.plan.title + " (utgåva för personal)")


@pytest.mark.parametrize("edition", list(EDITIONS))
def test_the_cover_gives_the_address_of_the_current_version(long_words, edition):
    cover = normal(page_texts(long_words / EDITIONS[edition][0] / EDITIONS[edition][1])[0])
    assert f"Senaste versionen {SITE_URL}{EDITIONS[edition][1]}" in cover
    assert cover.count(SITE_URL) == 1, "the address is printed once, not again after its link"


def test_without_a_public_address_the_cover_gives_none(built, dataset):
    assert "Senaste versionen" not in normal(page_texts(pdf_of(built, dataset, "public"))[0])


# --- Nothing staff-only in the public edition ----------------------------------------------------------

@pytest.mark.parametrize("dataset", list(DATASETS))
def test_the_public_edition_holds_nothing_staff_only_and_the_leak_check_reads_it(built, dataset):
    site = built(dataset) / "site"
    corpus = Corpus.of(site)
    assert data_of(dataset).plan.title in corpus.texts["handlingsplan.pdf [pdf text]"]
    strings = staff_only_strings(data_of(dataset), ROOT / "docs")
    assert not [s for s in strings if corpus.find(s)]
    staff = text_of(pdf_of(built, dataset, "staff"))
    assert sum(normal(s) in staff for s in strings) >= 0.5 * len(strings), "the staff edition has staff text"


def test_the_leak_check_finds_the_staff_edition_published_as_the_public_one(built, tmp_path):
    site = shutil.copytree(built("katrineholm") / "site", tmp_path / "site")
    shutil.copyfile(pdf_of(built, "katrineholm", "staff"), site / "handlingsplan.pdf")
    corpus = Corpus.of(site)
    found = {name for s in staff_only_strings(data_of("katrineholm"), ROOT / "docs") for name in corpus.find(s)}
    assert found == {"handlingsplan.pdf [pdf text]"}


# --- Reproducible ---------------------------------------------------------------------------------------

def test_the_same_inputs_give_the_same_bytes_and_dates_come_from_the_source(tmp_path):
    """Two builds of a copy without git: identical PDFs, dated by SOURCE_DATE_EPOCH, version unknown."""
    project = copy_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}  # 14 November 2023, 23:13 in Stockholm
    outputs = []
    for run in ("first", "second"):
        result = run_build(project, tmp_path / run, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append([(tmp_path / run / site / name).read_bytes() for site, name in EDITIONS.values()])
    assert outputs[0] == outputs[1]
    path = tmp_path / "first" / "site" / "handlingsplan.pdf"
    assert info(path)["CreationDate"].startswith("Tue Nov 14 22:13:20 2023")
    cover = normal(page_texts(path)[0])
    assert "Utgåva 14 november 2023" in cover
    assert info(path)["Creator"].startswith("Motverka ") and "okänd" in info(path)["Creator"]
