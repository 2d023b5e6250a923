"""Card bodies are finished HTML (macros/render/finished_html.py): the page's Markdown must turn a card into
exactly the HTML it made when it parsed the body itself with md_in_html, for every record of every dataset
and for data written to trip it up, in every language and on both sites."""

from __future__ import annotations

from datetime import date

import markdown
import pytest
from markupsafe import Markup

from macros.contract.models import Contact, SupportLine
from macros.render import finished_html, render
from macros.render.render import RenderContext
from tests.conftest import DATASETS, TODAY, site_data
from tests.support.project import ROOT


def _site_markdown(finished: bool) -> markdown.Markdown:
    """Markdown as the site configures it (mkdocs.yml), with or without the finished-HTML extension."""
    from mkdocs.utils.yaml import yaml_load     # understands !ENV, like MkDocs itself

    with open(ROOT / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    extensions, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        extensions.append(name)
        settings[name] = options or {}
    if finished:
        extensions.append(finished_html.FinishedHtml())
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def _unfinished_templates():
    """The card templates as they were before bodies were finished: the body left to md_in_html, unmarked
    and as its template writes it (blank lines included)."""
    env = render.TEMPLATES_ENV.overlay(cache_size=0)
    env.filters = {**env.filters, "finished": lambda body: Markup(body)}
    return env


HOSTILE = {
    "name": "Linjen <b>fet</b> & *kursiv* `kod` {: onclick=x} §\u00a05",
    "organisation": "A & B \"citat\" 'enkel' <i>x</i> **fet** _under_ [länk](https://example.se/) \\",
    "for_whom": "Första stycket med *stjärnor*.\n\nAndra stycket med <script>x</script> och &amp; och &#39;.",
    "about": "  - en lista\n  - i två rader\n\n1. numrerad\n\n> citat\n\n    kodblock",
    "hours": {"note": "Ring <efter> 18 & före 20: \"kvällstid\"."},
}


def _hostile() -> list:
    line = SupportLine.model_validate(
        {"id": "fientlig", "category": "extremism", "phone": "020-100 200", "sms": "0700-00 00 00",
         "email": "a@example.se", "chat_url": "https://example.se/chatt?a=1&b=2", "url": "https://example.se/?a=1&b='2'",
         "source": "https://example.se/källa", "verified": date(2020, 1, 1), "anonymous": False,
         "check_note": "Öppen fråga.", "staff_note": "Internt <b>&</b>.", **HOSTILE}, context={"today": TODAY})
    contact = Contact.model_validate(
        {"id": "fientlig-kontakt", "name": HOSTILE["name"], "role": HOSTILE["for_whom"], "phone": "0150-570 00",
         "address": HOSTILE["about"], "url": "https://example.se/", "source": "https://example.se/",
         "verified": "odaterad", "staff_note": "Bara & för personal.", "hours": HOSTILE["hours"]},
        context={"today": TODAY})
    return [line, contact]


def _records() -> list:
    records = _hostile()
    for dataset in DATASETS:
        data = site_data(dataset)
        records += [*data.support_lines, *data.contacts]
    return records


def _card(record, ctx: RenderContext, level: int, anchor: str | None) -> str:
    if isinstance(record, SupportLine):
        return render.support_line_html(record, ctx, level, anchor=anchor)
    return render.contact_html(record, ctx, level, anchor=anchor)


@pytest.mark.parametrize("lang", ["sv", "en", "ar"])
@pytest.mark.parametrize("audience", ["public", "staff"])
def test_a_finished_card_becomes_the_html_md_in_html_made_of_it(lang, audience, monkeypatch):
    ctx = RenderContext(lang=lang, audience=audience, today=TODAY)
    before, after = _site_markdown(finished=False), _site_markdown(finished=True)
    unfinished = _unfinished_templates()
    for number, record in enumerate(_records()):
        level, anchor = 2 + number % 3, (record.id if number % 2 else None)
        written = _card(record, ctx, level, anchor)
        assert finished_html.OPEN in written
        with monkeypatch.context() as patch:
            patch.setattr(render, "TEMPLATES_ENV", unfinished)
            as_before = _card(record, ctx, level, anchor)
        assert finished_html.OPEN not in as_before
        page = "# Sida\n\nText före.\n\n{}\nText efter.\n"
        assert after.reset().convert(page.format(written)) == before.reset().convert(page.format(as_before)), record.id


def test_cards_in_the_steps_for_relatives_stay_as_md_in_html_made_them(monkeypatch):
    data, ctx = site_data("katrineholm"), RenderContext(today=TODAY)
    written = render.steps_html(data, ctx)
    assert written.count(finished_html.OPEN) >= 2
    monkeypatch.setattr(render, "TEMPLATES_ENV", _unfinished_templates())
    as_before = render.steps_html(data, ctx)
    assert _site_markdown(finished=True).convert(written) == _site_markdown(finished=False).convert(as_before)


def test_the_markers_never_reach_the_page():
    html = _site_markdown(finished=True).convert(f"{render.support_line_html(_hostile()[0], RenderContext())}")
    assert "motverka:finished-html" not in html and "wzxhzdk" not in html


def test_a_marker_typed_into_data_is_text():
    line = _hostile()[0].model_copy(update={"organisation": finished_html.OPEN})
    written = render.support_line_html(line, RenderContext(today=TODAY))
    assert written.count(finished_html.OPEN) == 1


def test_finished_html_refuses_an_id_that_mkdocs_could_not_see():
    with pytest.raises(ValueError):
        finished_html.finished('<p id="x">text</p>')
    assert finished_html.finished("<p>id=x</p>") == f"{finished_html.OPEN}\n<p>id=x</p>\n{finished_html.CLOSE}"
