"""The form editor on the staff site (redigera/), in Chromium, offline.

The served configuration is swapped for the same one with Sveltia's test backend, which keeps a repository in
the browser's own storage (the origin private file system): the test writes data files there, edits them in
the forms as a communicator would, and reads what the editor saved. Every request to another host is blocked
and reported, and the page's Content-Security-Policy must have had nothing to refuse.
"""

from __future__ import annotations

import re

import pytest
import yaml

from macros.contract.models import SupportLinesFile
from macros.outputs.editor import EDITOR_FOLDER
from tests.conftest import TODAY
from tests.support.project import ROOT

pytestmark = pytest.mark.browser

SUPPORT_LINES = """\
# Minbys egna stödlinjer. Kommentarer som den här försvinner när redigeraren sparar filen.
featured:
  - minby-stodlinje
support_lines:
  - id: minby-stodlinje
    name: {sv: "Minbys stödlinje", en: "Minby support line"}
    organisation: Minby kommun
    category: wellbeing
    for_whom: Den som bor i Minby och behöver prata.
    phone: 0150-570 00
    url: https://www.katrineholm.se/
    hours:
      periods:
        - days: [mon, tue, wed]
          opens: "09:00"
          closes: "15:00"
    source: https://www.katrineholm.se/
    verified: 2026-11-01
"""

WRITE = """async ([path, text]) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test', {create: true});
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
  const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
  await writable.write(text);
  await writable.close();
}"""
READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('sveltia-cms-test');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
}"""


def test_the_public_site_has_no_editor(served):
    site = served("katrineholm-public")
    assert not (site.root / EDITOR_FOLDER).exists()


def test_the_editor_opens_in_swedish_in_a_browser_set_to_english(served, open_context):
    """The first visit too: Sveltia reads its language setting as it loads, so start.js sets Swedish before."""
    site = served("katrineholm-staff")
    page = open_context(width=1280, locale="en-US").new_page()
    page.goto(site.url(f"{EDITOR_FOLDER}/"))
    page.get_by_text("Logga in med en Access Token").wait_for()
    assert "Sign In Using Access Token" not in page.content()


@pytest.fixture
def editor(served, open_context):
    """The staff site's editor, signed in to the test backend with a local support line in its repository."""
    site = served("katrineholm-staff")
    context = open_context(width=1280)
    refused: list[str] = []
    served_config = yaml.safe_load((site.root / EDITOR_FOLDER / "config.yml").read_text("utf-8"))
    assert served_config["backend"]["name"] == "github"
    test_config = {**served_config, "backend": {"name": "test-repo"}, "publish_mode": "simple"}
    context.route(re.compile(rf"/{EDITOR_FOLDER}/config\.yml(\?.*)?$"), lambda route, request: route.fulfill(
        status=200, content_type="application/yaml", body=yaml.safe_dump(test_config, allow_unicode=True)))
    page = context.new_page()
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(site.url(f"{EDITOR_FOLDER}/start.js"))   # same origin: its storage is the editor's
    page.evaluate(WRITE, ["data/support_lines.yml", SUPPORT_LINES])
    page.evaluate(WRITE, ["data/contacts.yml", _real("contacts.yml")])
    for name in ("stodlinjer.md", "stodlinjer.en.md"):
        page.evaluate(WRITE, [f"docs/{name}", (ROOT / "docs" / name).read_text("utf-8")])
    page.goto(site.url(f"{EDITOR_FOLDER}/"))
    page.get_by_role("button", name=re.compile("test-repo")).click()
    page.locator("[aria-label*='Uppgifter (datafilerna)'], :text('Uppgifter (datafilerna)')").first.wait_for()
    page.context.refused = refused
    yield page
    assert not context.offsite.requests, f"the editor asked another host: {context.offsite.requests}"
    assert not refused, f"the editor's Content-Security-Policy refused: {refused}"


def _real(name: str) -> str:
    """Katrineholm's data file as it is in the repository."""
    return (ROOT / "data" / name).read_text("utf-8")


def open_form(page, name: str) -> None:
    """Open a data file's form, as its entry in the list of data files does."""
    page.evaluate(f"location.hash = '#/collections/data/entries/{name}'")
    page.locator(f'[data-key-path="{name}"]').first.wait_for()


def field(page, key_path: str):
    """The input of a field. The editor draws a long list's records as they scroll into view."""
    found = page.locator(f'[data-key-path="{key_path}"]')
    for _ in range(40):
        if found.count():
            break
        page.mouse.move(640, 500)
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(100)
    return found.locator("input, textarea").first


def expand(page, key_path: str) -> None:
    """Open every closed record of a list (the editor shows them closed, by id)."""
    every = page.locator(f'[data-key-path="{key_path}"]').get_by_role("button", name="Expandera alla")
    if every.count() and every.first.is_enabled():
        every.first.click()
    closed = page.locator(f'[data-key-path="{key_path}"] button[aria-expanded="false"]:not([aria-haspopup])')
    for _ in range(20):
        if not closed.count():
            return
        closed.first.click()


def wait_saved(page, path: str, text: str) -> None:
    """Wait until the file holds text; while the editor writes it, reading it fails and is tried again."""
    page.wait_for_function(f"async () => {{ try {{ return (await ({READ})('{path}')).includes('{text}'); }} "
                           "catch { return false; } }")


def wait_closed(page, collection: str) -> None:
    """Wait until the editor, having saved, shows the collection's list again. It does so a moment after the
    file is written; a form opened before that would be closed under the test's feet."""
    page.wait_for_function(f"() => location.hash === '#/collections/{collection}'")


def save(page) -> None:
    page.get_by_role("button", name="Spara", exact=True).click()


def test_a_changed_phone_number_is_saved_as_valid_data(editor, tmp_path):
    open_form(editor, "support_lines")
    expand(editor, "support_lines")
    phone = field(editor, "support_lines.0.phone")
    assert phone.input_value() == "0150-570 00"
    phone.fill("0150-570 10")
    editor.screenshot(path=str(tmp_path / "editor.png"))
    save(editor)
    wait_saved(editor, "data/support_lines.yml", "0150-570 10")
    saved = editor.evaluate(READ, "data/support_lines.yml")
    data = yaml.safe_load(saved)   # as the build reads it (PyYAML)
    line = data["support_lines"][0]
    assert line["phone"] == "0150-570 10"
    assert line["organisation"] == "Minby kommun"            # a plain Swedish text stays plain
    assert line["name"] == {"sv": "Minbys stödlinje", "en": "Minby support line"}
    assert line["hours"]["periods"][0]["opens"] == "09:00"   # quoted: PyYAML would read 09:00 as 540
    assert str(line["verified"]) == "2026-11-01"
    SupportLinesFile.model_validate(data, context={"today": TODAY})
    wait_closed(editor, "data")          # saved, the editor goes back to the list by itself ...
    open_form(editor, "support_lines")   # ... and opens the file again, as a communicator would
    expand(editor, "support_lines")
    assert field(editor, "support_lines.0.phone").input_value() == "0150-570 10"


def test_a_record_with_plain_text_can_be_saved_without_losing_it(editor):
    """The staff contact's name is a plain string in contacts.yml: the editor shows it as Swedish text."""
    open_form(editor, "contacts")
    expand(editor, "contacts")
    contacts = yaml.safe_load(_real("contacts.yml"))["contacts"]
    index = next(i for i, c in enumerate(contacts) if isinstance(c["name"], str))
    assert field(editor, f"contacts.{index}.name.sv").input_value() == contacts[index]["name"]
    field(editor, "contacts.0.phone").fill("0150-570 01")
    save(editor)
    wait_saved(editor, "data/contacts.yml", "0150-570 01")
    saved = yaml.safe_load(editor.evaluate(READ, "data/contacts.yml"))["contacts"]
    assert saved[index]["name"] == contacts[index]["name"]
    assert saved[index].get("audience") == "staff"


@pytest.mark.parametrize("key, value", [("phone", "020-1OO 200"), ("url", "http://www.katrineholm.se/")])
def test_an_invalid_value_is_flagged_and_not_saved(editor, key, value):
    open_form(editor, "support_lines")
    expand(editor, "support_lines")
    field(editor, f"support_lines.0.{key}").fill(value)
    save(editor)
    editor.get_by_text("Ett fält har ett fel").wait_for()
    assert value not in editor.evaluate(READ, "data/support_lines.yml")
    shown = editor.locator(f'[data-key-path="support_lines.0.{key}"]').inner_text()
    assert ("https://" in shown) if key == "url" else ("siffror" in shown)


def test_a_page_is_saved_with_its_markdown_and_front_matter_as_the_build_reads_them(editor):
    original = (ROOT / "docs/stodlinjer.md").read_text("utf-8")
    editor.evaluate("location.hash = '#/collections/pages/entries/stodlinjer'")
    description = field(editor, "description")
    description.fill("Stödlinjer som du kan ringa eller chatta med.")
    save(editor)
    wait_saved(editor, "docs/stodlinjer.md", "chatta med")
    saved = editor.evaluate(READ, "docs/stodlinjer.md")
    meta, body = saved.split("---\n", 2)[1:]
    meta = yaml.safe_load(meta)
    assert meta["description"] == "Stödlinjer som du kan ringa eller chatta med."
    assert meta["last_reviewed_on"].isoformat() == "2026-11-22"   # a date to PyYAML, as page_meta needs it
    assert meta["render_macros"] is True
    assert body.strip() == original.split("---\n", 2)[2].strip()   # the Markdown and its macros untouched
