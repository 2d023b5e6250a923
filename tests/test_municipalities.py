"""The kit serves any municipality: each dataset in DATASETS builds with nothing of another in it.

The words that belong to a municipality are taken from its own data: its name, short name and genitive, the
name of its coordinating function and of its consultation route, and its web host; a word that another
dataset's data also uses ("kommun", "Kommunstyrelsen") says nothing about where it came from and is left out."""

from __future__ import annotations

import functools
import re
import typing
from urllib.parse import urlsplit

import pytest
import yaml
from annotated_types import MinLen
from pydantic import BaseModel

from macros.contract.load import load_site_data
from macros.contract.models import FILES, NATIONAL_FILE, OPTIONAL_FILES
from macros.render import render
from macros.text.messages import UI
from tests.conftest import DATASETS, TODAY, data_dir, site_data
from tests.support.html import main_text
from tests.support.leaks import Corpus
from tests.support.project import ROOT

pytestmark = pytest.mark.build
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_LETTERS = 4   # "Umeå"; shorter words are too common to say anything


def words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@functools.cache
def data_words(dataset: str) -> frozenset[str]:
    """Every word of every value in a dataset's data files."""
    found: set[str] = set()
    for path in [*sorted(data_dir(dataset).glob("*.yml")), ROOT / NATIONAL_FILE]:   # every dataset shows the registry
        for text in _strings(yaml.safe_load(path.read_text("utf-8"))):
            found |= words(text)
    return frozenset(found)


@functools.cache
def shared_words() -> frozenset[str]:
    """The words of the pages and the interface, which every dataset's sites show."""
    found = set().union(*(words(page.read_text("utf-8")) for page in (ROOT / "docs").rglob("*.md")))
    return frozenset(found | {w for labels in UI.values() for label in labels.values() for w in words(label)})


def own_words(dataset: str) -> set[str]:
    """The words that name this municipality and no other dataset (see the module doc), and its web host."""
    municipality = site_data(dataset).municipality
    names = [municipality.name, municipality.short_name or "", municipality.genitive or "",
             render.text(municipality.coordination.name)]
    if municipality.consultation:
        names.append(render.text(municipality.consultation.name))
    found = {w for name in names for w in words(name) if len(w) >= MIN_LETTERS}
    others = set().union(*(data_words(other) for other in DATASETS if other != dataset))
    return (found - others) | {urlsplit(municipality.website).hostname.removeprefix("www.")}


def test_the_words_of_each_municipality_are_its_own():
    """What the check below looks for, for the datasets the kit ships with."""
    assert own_words("katrineholm") == {"katrineholm", "katrineholms", "säkerhetschefen", "katrineholm.se"}
    assert own_words("umea") == {"umeå", "umebrå", "konsultationsforum", "umea.se"}
    assert own_words("minimal") >= {"minby", "minby.example"}
    for dataset in DATASETS:
        assert own_words(dataset) - {urlsplit(site_data(dataset).municipality.website).hostname}, dataset


# Optional fields the minimal dataset must still give: a contact or line needs one way to reach it
# (macros/contract/models.py › Reachable: phone, email or url).
NEEDED = {"phone"}


def _models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in _models(arg)]


def more_than_needed(model: type[BaseModel], value, where: str) -> list[str]:
    """The fields of a YAML value that its model could do without, and lists longer than their minimum."""
    found = []
    for key, item in (value.items() if isinstance(value, dict) else []):
        name = next((n for n, f in model.model_fields.items() if (f.alias or n) == key), key)
        field, place = model.model_fields[name], f"{where} › {key}"
        if not field.is_required() and key not in NEEDED:
            found.append(place)
            continue
        least = next((m.min_length for m in field.metadata if isinstance(m, MinLen)), None)
        for number, element in enumerate(item if isinstance(item, list) else [item]):
            if isinstance(item, list) and least is not None and number >= least:
                found.append(f"{place}[{number}]")
            for inner in _models(field.annotation):
                found += more_than_needed(inner, element, f"{place}[{number}]" if isinstance(item, list) else place)
    return found


def test_the_minimal_dataset_leaves_out_every_optional_field_and_record():
    """tests/fixtures/minimal is there to show that the kit copes with the least a municipality can give."""
    found = []
    for name, model in FILES.items():
        path = data_dir("minimal") / name
        if name in OPTIONAL_FILES and not path.exists():
            continue                                   # a whole optional file left out: the least of all
        found += more_than_needed(model, yaml.safe_load(path.read_text("utf-8")), name)
    assert not found
    assert not (data_dir("minimal") / "support_lines.yml").exists()
    assert more_than_needed(FILES["plan.yml"], {"plan": {"valid_from": "2019-04-01", "decisions": [{}, {}]}},
                            "plan.yml") == ["plan.yml › plan › valid_from", "plan.yml › plan › decisions[1]"]


def test_umeas_dataset_is_complete_and_valid():
    """Umeå only: its five focus areas and its coordination, UmeBrå."""
    data = load_site_data(ROOT / "examples/umea/data", today=TODAY)
    assert data.municipality.name == "Umeå kommun"
    assert [str(area.title) for area in data.focus_areas] == [
        "Samverkan", "Ledning och vägledande principer", "Utbildning och metodutveckling",
        "Stöd till berörda verksamheter", "Marknadsföring och information"]
    assert data.municipality.coordination.name.get_text() == "UmeBrå"
    assert data.staff_guidance is not None


def test_no_word_of_another_municipality_is_in_any_output(built, dataset):
    others = set().union(*(own_words(other) for other in DATASETS if other != dataset))
    looked_for = sorted(others - shared_words() - own_words(dataset))
    assert looked_for or len(DATASETS) == 1
    found = {}
    for site in ("site", "site-staff"):
        corpus = Corpus.of(built(dataset) / site)
        for word in looked_for:
            if hits := corpus.find(word):
                found[f"{site}: {word}"] = hits[:3]
    assert not found


def test_each_municipalitys_pages_name_it_its_coordination_and_its_switchboard(dataset_site, dataset_data):
    municipality = dataset_data.municipality
    contact_page = main_text(dataset_site / "kontakta-kommunen/index.html")
    assert municipality.name in contact_page
    assert render.text(municipality.coordination.name) in contact_page
    switchboard = dataset_data.contact(municipality.switchboard)
    assert switchboard.phone.display in contact_page
    assert switchboard.phone.display in main_text(dataset_site / "index.html")


def test_umeas_pages_name_umea_and_its_coordination(built):
    """Umeå only: its name, UmeBrå and its switchboard on the start page."""
    site = built("umea") / "site"
    assert "Umeå kommun" in main_text(site / "kontakta-kommunen/index.html")
    assert "UmeBrå" in main_text(site / "kontakta-kommunen/index.html")
    assert "090-16 10 00" in main_text(site / "index.html")


def test_the_docs_pages_contain_no_municipality_specific_words():
    """Everything that differs between municipalities comes from data: the pages are shared."""
    own = set().union(*(own_words(dataset) for dataset in DATASETS))
    assert {"katrineholm", "umeå", "umebrå", "säkerhetschefen", "konsultationsforum", "minby"} <= own
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text("utf-8").lower()
        for word in sorted(own):
            assert word not in text, f"{page.relative_to(ROOT)}: {word}"
