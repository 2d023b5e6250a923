"""The value types of the data contract: phone numbers, text, addresses, dates."""

from datetime import date, time

import pytest
from pydantic import TypeAdapter
from pydantic_core import PydanticCustomError, ValidationError

from macros.contract.fields import AnyDate, Clock, Flag, LocalText, PhoneNumber, Url, Verified, parse_phone


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


@pytest.mark.parametrize("bad", ["020-100", "08-527", "", "999", "0150-57"])
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
                                         ("Se [här](javascript:alert(1))", "text_link_scheme")])
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


@pytest.mark.parametrize("bad", ["020-1OO 200", "abc", "0150-570 00 vx", "020-100 2OO"])
def test_a_letter_in_a_phone_number_is_rejected_because_it_would_dial_another_number(bad):
    with pytest.raises(PydanticCustomError) as error:
        parse_phone(bad)
    assert error.value.type == "phone_letter"


@pytest.mark.parametrize("bad", ["tel:020100200", "TEL: 112"])
def test_a_phone_number_with_tel_in_front_is_rejected(bad):
    with pytest.raises(PydanticCustomError) as error:
        parse_phone(bad)
    assert error.value.type == "phone_tel_prefix"


@pytest.mark.parametrize("written, expected", [("09:00", time(9, 0)), ("23:59", time(23, 59)),
                                               ("00:00", time(0, 0)), ("17:30", time(17, 30))])
def test_a_time_of_day_is_written_as_hh_mm(written, expected):
    assert TypeAdapter(Clock).validate_python(written) == expected


@pytest.mark.parametrize("bad", [9, 32400, "9", "9:00", "09:00:00", "24:00", "09.00", None])
def test_any_other_time_is_rejected_rather_than_read_as_seconds(bad):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(Clock).validate_python(bad)
    assert error.value.errors()[0]["type"] == "invalid_time"


@pytest.mark.parametrize("written, expected", [(True, True), (False, False), ("ja", True), ("Nej", False),
                                               ("JA", True), ("true", True), ("False", False)])
def test_a_flag_is_true_false_ja_or_nej(written, expected):
    assert TypeAdapter(Flag).validate_python(written) is expected


@pytest.mark.parametrize("bad", ["yes", "no", "on", "off", "y", "1", 1, 0, None])
def test_other_words_for_yes_and_no_are_rejected(bad):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(Flag).validate_python(bad)
    assert error.value.errors()[0]["type"] == "not_bool"


def test_a_bad_link_in_a_text_is_quoted_alone():
    text = "Ett långt stycke text som fortsätter och fortsätter. " * 3 + "Se [här](javascript:alert(1))."
    with pytest.raises(ValidationError) as error:
        TypeAdapter(LocalText).validate_python(text)
    assert error.value.errors()[0]["ctx"]["value"] == "javascript:alert(1)"


@pytest.mark.parametrize("text", ["Se ![logga](https://exempel.se/a.png)", "![](https://exempel.se/a.png)",
                                  "Bild: ![logga][1]", 'Bild: <img src="https://exempel.se/a.png">'])
def test_an_image_in_a_text_is_rejected(text):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(LocalText).validate_python(text)
    assert error.value.errors()[0]["type"] == "text_image"


def test_links_to_web_mail_and_phone_stay_allowed_in_a_text():
    text = "[Bris](https://www.bris.se/), [mejla](mailto:a@b.se), [ring](tel:+46201200) eller [se](#rubrik)."
    assert str(TypeAdapter(LocalText).validate_python(text)) == text


@pytest.mark.parametrize("value, code", [("2023-02-30", "date_not_in_calendar"), ("2024-13-01", "date_not_in_calendar"),
                                         ("30 februari", "invalid_date")])
def test_a_date_that_does_not_exist_is_told_apart_from_one_written_wrong(value, code):
    with pytest.raises(ValidationError) as error:
        TypeAdapter(AnyDate).validate_python(value)
    assert error.value.errors()[0]["type"] == code


def test_a_leap_day_exists_only_in_a_leap_year():
    assert TypeAdapter(AnyDate).validate_python("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(ValidationError):
        TypeAdapter(AnyDate).validate_python("2023-02-29")
