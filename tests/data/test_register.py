"""The reported-figures register: schema, qualifiers, and every seed figure exactly once."""

import pandas as pd
import pytest

from cproc_data.derive.impact import activities, documents, legislation, reported_figures, shown_value

# What the seed documents state in their impact / key-figure sections, read from the
# documents themselves (../shared/seeds), one tuple per figure:
# (indicator, refers_to, value, qualifier)
SEEDS = {
    "seed-2024-brochure-ten-years": [  # "C-PROC 2014-2024" brochure, figures to March/April 2024
        ("activities_cumulative", "2024-01-01", 2100, "lower_bound"),  # "well over 2100 activities"
        ("countries_reached", "2024-01-01", 130, "lower_bound"),  # "more than 130 countries"
        ("portfolio_budget_eur", "2024-04-01", 32_000_000, "lower_bound"),  # "over EUR 32 million"
        ("states_legislation_substantive", "2013-01-01", 70, "approx"),  # "some 70 States"
        ("states_legislation_substantive", "2023-12-01", 130, "approx"),  # "about 130 States"
        ("parties_signatories_invited_total", "2013-01-01", 53, "exact"),
        ("parties", "2013-01-01", 41, "exact"),
        ("signatories", "2013-01-01", 2, "exact"),
        ("invited", "2013-01-01", 10, "exact"),
        ("parties_signatories_invited_total", "2024-03-01", 93, "exact"),
        ("parties", "2024-03-01", 70, "exact"),
        ("signatories", "2024-03-01", 2, "exact"),
        ("invited", "2024-03-01", 21, "exact"),
        ("protocol2_signed_total", "2024-03-01", 43, "exact"),
        ("protocol2_parties", "2024-03-01", 2, "exact"),
        ("funds_mobilised_eur", "2024-01-01", 60_000_000, "lower_bound"),  # "More than EUR 60 million"
    ],
    "seed-2025-update-deck": [  # "Update on capacity building activities by C-PROC", 2025
        ("activities_cumulative", "2025-01-01", 2500, "lower_bound"),
        ("countries_reached", "2025-01-01", 140, "lower_bound"),
        ("projects_ongoing", "2025-01-01", 7, "exact"),
        ("portfolio_budget_eur", "2025-01-01", 34_000_000, "lower_bound"),
        ("staff", "2025-01-01", 50, "lower_bound"),
        ("activities_per_year_typical", "2025-01-01", 400, "approx"),
        ("countries_cooperating_in_year", "2024-01-01", 120, "lower_bound"),
        ("states_legislation_substantive", "2013-01-01", 70, "exact"),
        ("states_legislation_substantive", "2025-01-01", 132, "exact"),
        ("parties_signatories_invited_total", "2013-01-01", 53, "exact"),
        ("parties", "2013-01-01", 41, "exact"),
        ("signatories", "2013-01-01", 2, "exact"),
        ("invited", "2013-01-01", 10, "exact"),
        ("parties_signatories_invited_total", "2025-05-01", 94, "exact"),
        ("parties", "2025-05-01", 78, "exact"),
        ("signatories", "2025-05-01", 2, "exact"),
        ("invited", "2025-05-01", 14, "exact"),
        ("projects_pipeline", "2025-01-01", 15, "exact"),
    ],
    "seed-2025-at-a-glance-2024": [  # "2024 at a glance", key figures as of 1 January 2025
        ("staff", "2025-01-01", 39, "exact"),
        ("staff_core", "2025-01-01", 2, "exact"),
        ("staff_project", "2025-01-01", 37, "exact"),
        ("projects_ongoing", "2025-01-01", 7, "exact"),
        ("projects_joint_eu", "2025-01-01", 5, "exact"),
        ("projects_voluntary", "2025-01-01", 2, "exact"),
        ("activities_in_year", "2024-01-01", 209, "lower_bound"),
        ("training_activities_in_year", "2024-01-01", 60, "exact"),
        ("parties_signatories_invited_total", "2023-01-01", 91, "exact"),
        ("parties_signatories_invited_total", "2024-01-01", 96, "exact"),
        ("protocol2_signatories", "2023-01-01", 43, "exact"),
        ("protocol2_signatories", "2024-01-01", 47, "exact"),
    ],
    "seed-2015-update-deck": [  # late 2015 slide deck
        ("countries_reached", "2015-01-01", 130, "lower_bound"),
        ("parties", "2015-01-01", 47, "exact"),
        ("signatories", "2015-01-01", 7, "exact"),
        ("invited", "2015-01-01", 12, "exact"),
        ("parties_signatories_invited_total", "2015-01-01", 66, "exact"),
        ("states_laws_largely_in_line_other", "2015-01-01", 20, "exact"),
        ("states_drawing_on_convention_other", "2015-01-01", 45, "lower_bound"),
        ("staff", "2015-01-01", 9, "exact"),
        ("staff_planned", "2016-04-01", 20, "lower_bound"),
        ("activities_in_year", "2015-01-01", 62, "exact"),
    ],
    "seed-2017-about-cproc": [  # About C-PROC, version 30 October 2017
        ("activities_cumulative", "2017-10-30", 400, "lower_bound"),  # "more than 400 activities so far"
    ],
}


def _seed_rows():
    for doc, figs in SEEDS.items():
        for fig in figs:
            yield pytest.param(doc, *fig, id=f"{doc}:{fig[0]}:{fig[1]}")


@pytest.mark.parametrize("doc, indicator, refers_to, value, qualifier", list(_seed_rows()))
def test_seed_figure_is_in_the_register_exactly_once(doc, indicator, refers_to, value, qualifier):
    f = reported_figures()
    hit = f[(f["source_document"] == doc) & (f["indicator"] == indicator) & (f["refers_to"] == pd.Timestamp(refers_to))]
    assert len(hit) == 1, hit
    assert hit["value"].iloc[0] == value
    assert hit["qualifier"].iloc[0] == qualifier


def test_one_row_per_document_indicator_date_and_scope():
    f = reported_figures()
    key = f[["source_document", "indicator", "refers_to", "scope"]].astype(str)
    assert not key.duplicated().any(), f[key.duplicated(keep=False)]


def test_every_figure_names_a_known_document_with_a_date_or_says_unknown():
    f = reported_figures()
    assert set(f["source_document"]) <= set(documents()["document_id"])
    assert f["document_title"].notna().all()
    assert ((f["refers_to"].isna()) == (f["refers_to_precision"] == "none")).all()


def test_seed_project_budgets_are_in_the_register():
    f = reported_figures("budget_eur")
    seeds = f[f["source_document"].str.startswith("seed-")]
    # About C-PROC names 6 projects with budgets, the 2015 deck 7 (GLACY, EAP II, Octopus, EAP III,
    # iPROCEEDS, GLACY+, Cybercrime_XR), the 2025 deck 7
    assert seeds.groupby("source_document").size().to_dict() == {
        "seed-2015-update-deck": 7,
        "seed-2017-about-cproc": 6,
        "seed-2025-update-deck": 7,
    }


def test_register_values_are_non_negative_and_percentages_at_most_100():
    f = reported_figures()
    assert (f["value"] >= 0).all()
    assert (f.loc[f["unit"] == "percent", "value"] <= 100).all()


def test_legislation_shares_imply_193_un_member_states():
    leg = legislation()
    with_share = leg[leg["share_published"].notna()]
    assert len(with_share) >= 6
    assert ((with_share["share_computed"] - with_share["share_published"]).abs() < 0.6).all()
    assert set(leg["measure"]) == {"substantive", "procedural"}


def test_lower_bounds_stay_lower_bounds():
    a = activities()
    row = a[a["figure_id"] == "s2024-01"].iloc[0]
    assert (row["value"], row["qualifier"], row["is_lower_bound"], row["shown"]) == (2100, "lower_bound", True, "2,100+")
    assert not a.loc[a["is_lower_bound"], "shown"].str.match(r"^[\d,]+$").any()


@pytest.mark.parametrize(
    "value, qualifier, text",
    [(2100, "lower_bound", "2,100+"), (130, "approx", "~130"), (1_800_000, "upper_bound", "≤1,800,000"), (62, "exact", "62")],
)
def test_shown_value(value, qualifier, text):
    assert shown_value(value, qualifier) == text
