import pandas as pd

from cproc_data.derive.projects import (
    active_projects_by_year,
    pipeline,
    portfolio_by_year,
    project_months,
    project_versions,
    projects,
)


def test_budget_spread_sums_back_to_each_budget():
    pm = project_months()
    p = projects().set_index("project")
    per_project = pm.groupby("project")["budget_eur"].sum()
    for name, total in per_project.items():
        if pd.notna(p.loc[name, "budget_eur"]):
            assert abs(total - float(p.loc[name, "budget_eur"])) < 0.01, name


def test_yearly_portfolio_sums_to_the_budgets_of_dated_projects():
    pm = project_months()
    with_budget = pm.dropna(subset=["budget_eur"])
    first, last = int(pm["year"].min()), int(pm["year"].max())
    by_year = portfolio_by_year(first, last)
    assert abs(by_year["budget_eur"].sum() - with_budget["budget_eur"].sum()) < 1


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
