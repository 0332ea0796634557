"""Vocabularies: the allowed values of coded columns, once."""

from __future__ import annotations

from ..domain.counting import STATUSES
from ..domain.treaties import TREATIES

TREATY_CODES = tuple(TREATIES)
# every event a row may hold, and what it means (docs/data-dictionary.md prints this list)
EVENTS = {
    "signature": "signature of the treaty",
    "ratification": "deposit of an instrument of ratification, acceptance or approval",
    "accession": "deposit of an instrument of accession",
    "entry_into_force": "entry into force of the treaty for the State",
    "denunciation": "notification of a denunciation",
    "denunciation_effect": "the day a denunciation takes effect",
    "invitation": "invitation to accede by the Committee of Ministers (ETS 185 art. 37(1))",
    "invitation_extension": "extension of an invitation to accede",
    "succession": "succession to the treaty by a successor State",
    "deposit": "a ratification or accession whose kind the source does not give",
    # statements that bound an event without dating it (raw snapshots only; domain.bounds.STATEMENTS)
    "party_at": "named as a Party in a list or news item dated D: deposit on or before D",
    "nth_party": "'X became the 57th Party' (ordinal in `ordinal`), dated D: deposit on or before D",
    "deposit_between": "'since the last plenary, ratifications or accessions by X': deposit in [A, B]",
    "signatory_at": "named as a signatory on D: signature on or before D",
    "invited_at": "named as invited on D: invitation on or before D, and (not yet a Party on D) deposit after D",
    "invitation_between": "'invited since the last plenary': invitation in [A, B]",
    # statements that bound a deposit from below only (raw snapshots only; domain.bounds.NOT_YET):
    # they narrow a deposit the record has from other facts and never create one
    "not_party_at": "a dated official statement that the State had not yet deposited on D: deposit after D",
    "domestic_approval": "the State's own law approving the treaty, adopted on D, where its constitution "
    "requires that approval before the deposit (the note cites the article): deposit on or after D",
}
TREATY_EVENTS = tuple(EVENTS)
DATE_PRECISIONS = ("day", "month", "year", "bound")
ISO_STATED = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}-\d{2}-\d{2})?$"
SOURCE_KINDS = (
    "treaty_office_chart",
    "national_treaty_database",
    "national_gazette",
    "coe_news",
    "cm_decision",
    "tcy_document",
    "newsletter",
    "seed_document",
    "geometry",  # map geometry (raw/geometry_sources.csv), not a treaty source
    "other",
)
STATUS_VALUES = STATUSES
PROJECT_STATUSES = ("completed", "current", "planned", "unknown", "proposed", "pipeline")
ACTIVITY_SERIES = ("cumulative", "in_year", "training_in_year", "per_year_typical")
MEASURES = ("substantive", "procedural")
ISO3 = r"^[A-Z]{3}$"
SOURCE_ID = r"^[a-z0-9][a-z0-9._-]*$"
SHA256 = r"^[0-9a-f]{64}$"

INDICATORS = {
    # membership (compared with the treaty record by `reconcile`)
    "parties": "States Parties to the Convention (ETS 185)",
    "signatories": "States that signed the Convention and are not Parties",
    "invited": "States invited to accede that are not (yet) Parties",
    "parties_signatories_invited_total": "Parties + signatories + invited States (ETS 185)",
    "signatories_and_invited": "signatories + invited States (ETS 185), given as one number",
    "protocol1_parties": "Parties to the First Protocol (ETS 189)",
    "protocol1_signatories": "signatories of the First Protocol that are not Parties",
    "protocol2_signatories": "signatories of the Second Protocol (CETS 224); whether Parties are included is the source's",
    "protocol2_signed_total": "States that signed the Second Protocol, those that also ratified included",
    "protocol2_parties": "Parties to the Second Protocol",
    # legislation
    "states_legislation_substantive": "States with substantive criminal law largely in line with the Convention",
    "states_legislation_procedural": "States with specific procedural powers (arts 16-21)",
    "share_un_members_substantive": "share of UN Member States with substantive law largely in line (percent)",
    "share_un_members_procedural": "share of UN Member States with specific procedural powers (percent)",
    "share_un_members_engaged_in_reform": "share of UN Member States engaged in legislative reform (percent)",
    "share_un_members_reached": "share of UN Member States that took part in Council of Europe activities (percent)",
    "share_un_members_parties_signatories_invited": "share of UN Member States that are Parties, signatories or invited (percent)",
    "states_drawing_on_convention": "States that used the Convention as a guideline or source for domestic law",
    "states_drawing_on_convention_other": "further States (not Parties, signatories or invited) drawing on the Convention",
    "states_laws_largely_in_line_other": "other States with laws or draft laws largely in line",
    # activities and reach
    "activities_cumulative": "C-PROC activities since it became operational (April 2014)",
    "activities_in_year": "C-PROC activities in one calendar year",
    "activities_per_year_typical": "C-PROC activities per year as a typical rate (no year named)",
    "training_activities_in_year": "training activities for judges, prosecutors and investigators in one year",
    "countries_reached": "countries that benefited from C-PROC activities",
    "countries_cooperating_in_year": "countries C-PROC cooperated with in one year",
    # office, projects, money
    "staff": "C-PROC staff",
    "staff_core": "C-PROC core staff",
    "staff_project": "C-PROC project staff",
    "staff_planned": "planned C-PROC staff",
    "projects_ongoing": "ongoing C-PROC projects",
    "projects_joint_eu": "ongoing EU/Council of Europe joint projects",
    "projects_voluntary": "ongoing projects funded by voluntary contributions",
    "projects_pipeline": "project proposals to be funded by extra-budgetary resources",
    "budget_eur": "budget of one project (scope names it)",
    "portfolio_budget_eur": "budget of the projects in operation, together",
    "funds_mobilised_eur": "extra-budgetary funds mobilised",
    "donor_contribution": "one donor's contribution (scope: donor, year or period, project)",
    "donor_contribution_cumulative": "a donor's contributions to date, together (scope names donor and period)",
    "donor_contribution_count": "number of contributions a donor has made (scope names donor and period)",
    "states_in_force": "States for which the Convention (ETS 185) is in force (not the same as Parties by deposit)",
    "event_participants": "participants in a conference",
    "event_countries": "countries represented at a conference",
}
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
PRECISIONS = ("day", "month", "year", "none")
PUB_PRECISIONS = ("day", "month", "year", "unknown")
UNITS = (
    "states",
    "countries",
    "activities",
    "persons",
    "projects",
    "EUR",
    "USD",
    "JPY",
    "CAD",
    "GBP",
    "percent",
    "contributions",
)
DOCUMENT_KINDS = (
    "seed_document",  # one of the five C-PROC documents the project started from
    "web_page",  # a Council of Europe page read where it is published
    "official_copy",  # a Council of Europe document read through another host (docslib, pdfslide)
    "project_database",  # an entry of a project database (Cybil Portal, Cyber Policy Portal, jp.coe.int)
    "third_party",  # press, blogs, reposts and other pages
)
FUNDING_TYPES = ("eu_coe_joint", "voluntary_contributions", "unknown")
STAGES = ("funded", "proposed", "pipeline")
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

# Quotation marks a citation may not hold: a locator names a place, it never quotes the text.
QUOTE_MARKS = "\"'`‘’‚‛“”„‟«»‹›"

# The series of the impact register (issue 13) and, for each indicator, its series and the
# units it may be given in. `derive.impact.register_series_summary` and `validate` read these.
SERIES = {
    "activities": "activity counts: cumulative, per year, per project",
    "countries_reached": "countries reached by activities (C-PROC or Council of Europe)",
    "participants": "participants in events, and countries represented at them",
    "staff": "C-PROC staff, actual and planned",
    "funds_mobilised": "funds mobilised and the budget of the projects in operation together",
    "donor_contributions": "donor contributions: amounts, totals to date, counts",
    "legislation": "States with law in line (count and share of UN Member States) and States drawing on the Convention",
    "membership": "Parties, signatories and invited States (ETS 185 and its Protocols), counts and shares",
    "projects": "budgets of single projects and counts of projects",
}
_STATES = ("states", "countries")
_MONEY = ("EUR", "USD", "JPY", "CAD", "GBP")
INDICATOR_SERIES: dict[str, tuple[str, tuple[str, ...]]] = {
    **{
        k: ("membership", _STATES)
        for k in (
            "parties",
            "signatories",
            "invited",
            "parties_signatories_invited_total",
            "signatories_and_invited",
            "protocol1_parties",
            "protocol1_signatories",
            "protocol2_signatories",
            "protocol2_signed_total",
            "protocol2_parties",
            "states_in_force",
        )
    },
    "share_un_members_parties_signatories_invited": ("membership", ("percent",)),
    **{
        k: ("legislation", _STATES)
        for k in (
            "states_legislation_substantive",
            "states_legislation_procedural",
            "states_drawing_on_convention",
            "states_drawing_on_convention_other",
            "states_laws_largely_in_line_other",
        )
    },
    **{
        k: ("legislation", ("percent",))
        for k in ("share_un_members_substantive", "share_un_members_procedural", "share_un_members_engaged_in_reform")
    },
    **{
        k: ("activities", ("activities",))
        for k in ("activities_cumulative", "activities_in_year", "activities_per_year_typical", "training_activities_in_year")
    },
    "countries_reached": ("countries_reached", _STATES),
    "countries_cooperating_in_year": ("countries_reached", _STATES),
    "share_un_members_reached": ("countries_reached", ("percent",)),
    **{k: ("staff", ("persons",)) for k in ("staff", "staff_core", "staff_project", "staff_planned")},
    **{
        k: ("projects", ("projects",))
        for k in ("projects_ongoing", "projects_joint_eu", "projects_voluntary", "projects_pipeline")
    },
    "budget_eur": ("projects", ("EUR",)),
    "portfolio_budget_eur": ("funds_mobilised", ("EUR",)),
    "funds_mobilised_eur": ("funds_mobilised", ("EUR",)),
    "donor_contribution": ("donor_contributions", _MONEY),
    "donor_contribution_cumulative": ("donor_contributions", _MONEY),
    "donor_contribution_count": ("donor_contributions", ("contributions",)),
    "event_participants": ("participants", ("persons",)),
    "event_countries": ("participants", _STATES),
}
# Indicators that state a plan: the date they speak of may lie after their publication.
PLANNED_INDICATORS = ("staff_planned",)
