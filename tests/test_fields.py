"""The value types of the data contract: phone numbers, text, addresses, dates."""

from datetime import date

import pytest
from pydantic import TypeAdapter
from pydantic_core import PydanticCustomError, ValidationError

from macros.fields import LocalText, PhoneNumber, Url, Verified, parse_phone


@pytest.mark.parametrize("written, href, e164", [
    ("020-100 200", "tel:+4620100200", "+4620100200"),
    ("08-527 44 290", "tel:+46852744290", "+46852744290"),
    ("0150-570 00", "tel:+4615057000", "+4615057000"),
    ("+46 90 16 10 00", "tel:+4690161000", "+4690161000"),
])
def test_a_swedish_number_keeps_how_it_is_written_and_dials_in_e164(written, href, e164):
    phone = parse_phone(written)
    assert (phone.display, phone.href, phone.e164) == (written, href, e164)


@pytest.mark.parametrize("written, href", [("112", "tel:112"), ("114 14", "tel:11414"), ("1177", "tel:1177"),
                                           ("116 111", "tel:116111"), ("90101", "tel:90101"), (112, "tel:112")])
def test_a_short_number_dials_as_written_because_it_has_no_e164_form(written, href):
    phone = parse_phone(written)
    assert phone.href == href and phone.e164 is None


@pytest.mark.parametrize("bad", ["020-100", "08-527", "abc", "", "999", "0150-57"])
def test_an_impossible_number_is_rejected(bad):
    with pytest.raises(PydanticCustomError) as error:
        parse_phone(bad)
    assert error.value.type == "invalid_phone"


def test_a_foreign_number_is_rejected_as_not_swedish():
    with pytest.raises(PydanticCustomError) as error:
        parse_phone("+45 20 10 02 00")
    assert error.value.type == "phone_not_swedish"


def test_text_is_swedish_by_default_and_falls_back_to_swedish():
    text = TypeAdapter(LocalText).validate_python("Ring oss")
    assert text.get_text("sv") == "Ring oss" and text.get_text("en") == "Ring oss"
    both = TypeAdapter(LocalText).validate_python({"sv": "Ring oss", "en": "Call us"})
    assert both.get_text("en") == "Call us"


@pytest.mark.parametrize("value, code", [({"en": "Only English"}, "text_missing_sv"),
                                         ({"sv": "Hej", "svenska": "Hej"}, "text_bad_language"),
                                         ("   ", "empty_text"),
                                         ("Se [här](javascript:alert(1))", "url_scheme")])
def test_text_without_swedish_or_with_a_script_link_is_rejected(value, code):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(LocalText).validate_python(value)
    assert error.value.errors()[0]["type"] == code


@pytest.mark.parametrize("value, code", [("javascript:alert(1)", "url_scheme"), ("data:text/html,x", "url_scheme"),
                                         ("www.1177.se", "invalid_url"), ("https://", "invalid_url")])
def test_only_web_addresses_are_accepted_as_urls(value, code):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(Url).validate_python(value)
    assert error.value.errors()[0]["type"] == code


def test_verified_is_a_past_date_or_undated():
    adapter = TypeAdapter(Verified)
    assert adapter.validate_python("odaterad") == "odaterad"
    assert adapter.validate_python(date(2022, 11, 9), context={"today": date(2026, 11, 22)}) == date(2022, 11, 9)
    with pytest.raises(ValidationError) as error:
        adapter.validate_python(date(2027, 1, 1), context={"today": date(2026, 11, 22)})
    assert error.value.errors()[0]["type"] == "date_in_future"
