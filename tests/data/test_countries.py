import pytest

from cproc_data.domain.countries import short_name
from cproc_data.ingest.snapshots import raw_treaty_facts
from cproc_data.load import country_names


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Serbia and Montenegro", "SRB"),
        ("Serbia", "SRB"),
        ("Netherlands, the Kingdom of the", "NLD"),
        ("Republic of Korea", "KOR"),
        ("Republic of Moldova", "MDA"),
        ("  united   STATES of america ", "USA"),
    ],
)
def test_reviewed_spellings(name, iso3):
    assert country_names().to_iso3(name) == iso3


def test_unknown_name_fails_loudly_with_a_suggestion():
    with pytest.raises(KeyError) as err:
        country_names().to_iso3("Phillipines")
    assert "Philippines" in str(err.value) or "philippines" in str(err.value)


def test_no_fuzzy_guessing():
    # pycountry's fuzzy search would map these to the wrong State; we refuse instead
    for name in ("Korea", "Kosovo", "Macedonia"):
        assert country_names().lookup(name) is None


def test_every_name_in_the_raw_snapshots_is_mapped():
    names = set(raw_treaty_facts()["state_as_written"])
    assert {n for n in names if country_names().lookup(n) is None} == set()


def test_short_names_come_from_iso():
    assert short_name("TUR") == "Türkiye"
    assert short_name("MDA") == "Moldova"
