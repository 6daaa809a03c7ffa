from sakip_lint.messages import CATALOGUE, LANGUAGES, placeholders, render, term


def test_every_message_exists_in_every_language_with_the_same_placeholders():
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LANGUAGES), key
        assert placeholders(entry["id"]) == placeholders(entry["en"]), key
        assert entry["id"].strip() and entry["en"].strip(), key


def test_terms_are_translated_inside_messages():
    text_id = render("load.schema.type", "id", field="teks", expected=term("type.text"))
    text_en = render("load.schema.type", "en", field="teks", expected=term("type.text"))
    assert text_id == "Nilai 'teks' harus berupa teks"
    assert text_en == "Value of 'teks' must be text"


def test_a_missing_argument_stays_visible():
    assert "{path}" in render("load.file-missing", "en")
