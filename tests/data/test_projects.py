import pytest

from cproc_data.derive.projects import (
    active_projects_by_year,
    pipeline,
    portfolio_by_year,
    project_months,
    project_versions,
    projects,
)


def test_budget_spread_by_month_share():
    """GLACY: EUR 3.35 million, November 2013 to October 2016 (36 months, both ends included):
    2013 holds 2 of the 36 months, 2014 holds 12."""
    pm = project_months()
    glacy = pm[pm["project"] == "GLACY"].groupby("year")["budget_eur"].sum()
    assert glacy[2013] == pytest.approx(3_350_000 * 2 / 36)
    assert glacy[2014] == pytest.approx(3_350_000 * 12 / 36)
    assert glacy[2016] == pytest.approx(3_350_000 * 10 / 36)


def test_yearly_portfolio_holds_each_project_share():
    by_year = portfolio_by_year(2013, 2016).set_index("year")
    pm = project_months()
    assert "GLACY" in set(pm.loc[pm["year"] == 2014, "project"])
    assert by_year.loc[2014, "budget_eur"] >= 3_350_000 * 12 / 36


def test_spread_is_even_over_months_inclusive():
    pm = project_months()
    glacy = pm[pm["project"] == "GLACY"]  # Nov 2013 - Oct 2016: 36 months, EUR 3.35 million
    assert len(glacy) == 36
    assert glacy["budget_eur"].round(2).nunique() == 1


def test_default_is_the_later_official_document_and_versions_are_kept():
    v = project_versions()
    assert len(v[v["project"] == "Cybercrime@EAP III"]) == 2  # EUR 700,000 (2015 deck) and 1.2 million (2017 page)
    p = projects().set_index("project")
    assert p.loc["Cybercrime@EAP III", "budget_eur"] == 1_200_000  # About C-PROC (2017) is later than the 2015 deck
    assert "budget" in p.loc["Cybercrime@EAP III", "conflicts"]
    assert p.loc["GLACY+", "start"] == "2016-03"  # 2017 page and project database, not the 2015 plan (April 2016)


def test_a_newer_project_database_entry_wins_over_an_older_page():
    """GLACY+: the 2017 page gives March 2016 - February 2020 and EUR 10 million; the CoE update
    of March 2018 (a copy on pdfslide) raised the budget to EUR 13.5 million; the Cybil Portal
    entry (a project database, undated, so read as current up to February 2024) ends in
    February 2024. Every version stays in project_versions()."""
    p = projects().set_index("project")
    assert p.loc["GLACY+", "end"] == "2024-02"
    assert p.loc["GLACY+", "budget_eur"] == 13_500_000
    assert {"end", "budget"} <= set(p.loc["GLACY+", "conflicts"].split(", "))
    v = project_versions()
    assert {"2020-02", "2020-03", "2024-02"} <= set(v.loc[v["project"] == "GLACY+", "end"].dropna())
    # CyberSouth: the revised concept of 9 December 2021 (Cyber Policy Portal) beats the 2017 page
    assert (p.loc["CyberSouth", "start"], p.loc["CyberSouth", "end"]) == ("2017-06", "2023-12")
    assert p.loc["CyberSouth", "budget_eur"] == 5_005_000


def test_a_third_party_page_never_beats_an_official_or_database_source(datasets_copy):
    """Made a plain third-party page, even one dated 2025, the Cybil entry loses to the
    older official 2017 page."""
    import csv

    f = datasets_copy / "reference" / "documents.csv"
    with open(f, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if r["document_id"] == "web-undated-cybil-portal-glacy-global-action-on-cybercri":
            r["document_kind"], r["published"], r["published_precision"] = "third_party", "2025-06-01", "day"
    with open(f, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    assert projects().set_index("project").loc["GLACY+", "end"] == "2020-02"


def test_every_project_is_kept_with_its_figures():
    p = projects().set_index("project")
    assert len(p) == p.index.nunique() == len(set(project_versions()["project"]))
    assert p.loc["iPROCEEDS-2", "budget_eur"] == 4_945_000  # new-project news, EUR 4, 945, 000
    assert p.loc["GLACY-e", "end"] == "2026-01"  # 2025 deck, current projects table


def test_pipeline_is_kept_apart():
    pipe = pipeline()
    assert len(pipe[pipe["stage"] == "pipeline"]) == 16  # named on the 2025 deck's slides 9 and 11
    funded = set(project_months()["project"])
    assert not funded & set(pipe["project"])


def test_active_projects_per_year():
    a = active_projects_by_year(2013, 2030).set_index("year")
    assert a.loc[2014, "projects"] >= 2  # GLACY and Cybercrime@Octopus
    assert "GLACY" in a.loc[2014, "names"]
