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
    assert p.loc["GLACY+", "start"] == "2016-03"  # 2017 page, not the 2015 plan (April 2016)


def test_pipeline_is_kept_apart():
    pipe = pipeline()
    assert len(pipe[pipe["stage"] == "pipeline"]) == 16  # named on the 2025 deck's slides 9 and 11
    funded = set(project_months()["project"])
    assert not funded & set(pipe["project"])


def test_active_projects_per_year():
    a = active_projects_by_year(2013, 2030).set_index("year")
    assert a.loc[2014, "projects"] >= 2  # GLACY and Cybercrime@Octopus
    assert "GLACY" in a.loc[2014, "names"]
