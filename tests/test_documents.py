"""Reading inputs: metadata, skipped regions, offsets, and extraction that never breaks."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.errors import DocumentError
from verifier.extract import extract
from verifier.read.documents import decode, from_text, parse_date


def test_front_matter_sets_metadata_and_is_skipped():
    text = "---\ntitle: Brent\ndate: 2024-03-05\nlang: en\n---\nBrent averaged $82.49 a barrel in 2023.\n"
    doc = from_text(text)
    assert (doc.title, doc.published, doc.lang) == ("Brent", dt.date(2024, 3, 5), "en")
    assert doc.skipped == [(0, text.index("Brent averaged"))]


def test_options_win_over_front_matter():
    doc = from_text("---\ndate: 2024-03-05\nlang: en\n---\nTexte.", lang="fr", published=dt.date(2020, 1, 1))
    assert (doc.lang, doc.published) == ("fr", dt.date(2020, 1, 1))


def test_language_is_detected_without_metadata():
    assert from_text("Les échanges commerciaux entre la Chine et la Russie ont atteint un record.").lang == "fr"
    assert from_text("Trade between China and Russia reached a record high last year.").lang == "en"


@pytest.mark.parametrize("value,expected", [("2024-02", dt.date(2024, 2, 1)), ("2024-02-08", dt.date(2024, 2, 8))])
def test_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-13", "08/02/2024", "yesterday", "2024-02-30"])
def test_bad_dates(value):
    with pytest.raises(DocumentError, match="invalid date"):
        parse_date(value)


def test_header_only_file_has_no_article_text():
    with pytest.raises(DocumentError, match="no article text"):
        from_text(" date 2024-02 \n")


def test_latin1_is_decoded_and_binary_refused():
    assert decode("échanges à 218,2 milliards".encode("latin-1"), "x") == "échanges à 218,2 milliards"
    with pytest.raises(DocumentError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png")


def test_locate_counts_lines_and_columns():
    doc = from_text("ab\ncd\nef", lang="en")
    span = doc.locate(7, 8)
    assert (span.line, span.column) == (3, 2)


news_alphabet = st.sampled_from(
    list("0123456789 ,.'%$€£-–\n") + ["milliards", "billion", "de", "dollars", "tonnes", "entre", "janvier", "et",
     "novembre", "en", "2023", "la", "Chine", "Russie", "premier", "fournisseur de pétrole brut", "top", "crude supplier",
     "China's", "overtook", "Saudi Arabia", "selon", "according to", "près de", "more than", "l'année dernière", "M.", "\u00a0",
     "Milliarden", "Mrd.", "stieg", "um", "Prozent", "Chinas", "größter", "Rohöllieferant", "mil millones", "cayó", "un",
     "hasta", "de enero a noviembre", "+", "-", "a barrel", "le baril", "sur un an", "article", "14:30", "01 23 45 67 89", "US", "twice"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(news_alphabet, max_size=60).map(" ".join), st.sampled_from(["fr", "en", "es", "de"]))
def test_arbitrary_text_never_raises_and_spans_hold(text, lang):
    if not text.strip():
        return
    doc = from_text(text, lang=lang, published=dt.date(2024, 2, 8))
    for claim in extract(doc):
        assert doc.text[claim.span.start : claim.span.end] == claim.text
        assert claim.span.line == doc.text.count("\n", 0, claim.span.start) + 1


def test_function_words_decide_a_clear_article_and_leave_the_rest_to_the_model():
    from verifier.read.documents import _by_function_words, detect_language

    assert _by_function_words(
        "Les exportations de la Chine vers la Russie ont augmenté de 12 % en 2023, et les importations "
        "sont restées stables pour le pays, qui a été le premier client de Moscou dans le secteur."
    ) == "fr"
    assert _by_function_words(
        "Die Exporte der Bundesrepublik sind im Jahr gestiegen, und die Importe von Gas aus Norwegen "
        "haben sich mit dem Ende der Lieferungen aus Russland für die Industrie nicht verändert."
    ) == "de"
    assert _by_function_words("Brent: 82 $") is None  # too few words: the model decides
    assert detect_language("El precio del petróleo subió un 3 % en marzo.") == "es"
