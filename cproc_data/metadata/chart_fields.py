"""Fields of the chart frames alone (the numbers behind each chart, written to its workbook
sheet and CSV): joined into the one field dictionary, `fields.FIELDS`."""

from __future__ import annotations

from . import vocab as v
from .field import B, D, Field, I, N, S

CHART_FIELDS: tuple[Field, ...] = (
    # world maps
    Field(
        "shown_as",
        S,
        "How the State is drawn: its polygon, or a marker where it is too small to see",
        enum=("polygon", "marker"),
        label="Shown as",
    ),
    Field(
        "area_km2",
        I,
        "Area of the State's Natural Earth polygon in the equal-area projection",
        unit="km2",
        minimum=0,
        label="Area",
    ),
    Field("x", N, "Easting of the State's label point or marker in Equal Earth (EPSG:8857)", unit="m", label="Easting"),
    Field("y", N, "Northing of the State's label point or marker in Equal Earth (EPSG:8857)", unit="m", label="Northing"),
    Field("position", S, "Where the label point or marker position comes from", label="Position from"),
    Field("panel_date", D, "Date of the map panel (small multiples)", label="Panel date"),
    Field(
        "activity_band",
        S,
        "Activities C-PROC's register records in the country: 1, 2-5, 6-20, 21 or more, or none",
        enum=("1", "2-5", "6-20", "21 or more", "none"),
        label="Activities, band",
    ),
    # invitation to accession
    Field(
        "accession",
        D,
        "Day the State deposited its instrument of accession (where the record only bounds it: the latest day it allows)",
        label="Acceded on",
    ),
    Field("accession_bounded", B, "True where the record only bounds the accession day", label="Accession day bounded"),
    Field(
        "years",
        N,
        "Years from invitation to accession (an upper bound where the accession day is bounded)",
        unit="years",
        minimum=0,
        label="Years to accede",
    ),
    # portfolio
    Field(
        "active_projects",
        I,
        "Projects active in some month of the year (with or without a budget)",
        minimum=0,
        label="Active projects",
    ),
    # projects, portfolio, contributions
    Field(
        "row_kind",
        S,
        "default (a project's default version), version (another document's dates or budget), not_yet_funded",
        enum=("default", "version", "not_yet_funded"),
        label="Row kind",
    ),
    Field(
        "drawn_as",
        S,
        "bar (start and end), start_only or end_only (a tick), label_only (no dates), listed (not yet funded)",
        enum=("bar", "start_only", "end_only", "label_only", "listed"),
        label="Drawn as",
    ),
    Field("funders", S, "Funders named by the document that gives the default funder list, '; '-separated", label="Funders"),
    Field(
        "document_years",
        S,
        "Years the version's documents were published ('undated' where a document has no date)",
        label="Document years",
    ),
    Field(
        "year_status",
        S,
        "past, in progress (the as-of year) or future",
        enum=("past", "in progress", "future"),
        label="Year status",
    ),
    Field(
        "budget_eur_to_as_of",
        N,
        "Share of the year's budget in the months up to the as-of month",
        unit="EUR",
        minimum=0,
        label="Budget to the as-of month",
    ),
    Field(
        "budget_eur_after_as_of",
        N,
        "Share of the year's budget in the months after the as-of month",
        unit="EUR",
        minimum=0,
        label="Budget after the as-of month",
    ),
    Field("active_project_names", S, "Projects active in the year, ', '-separated", label="Active projects, names"),
    Field("first_year", I, "First year of the contribution's period", minimum=2000, label="First year"),
    Field(
        "last_year",
        I,
        "Last year of the contribution's period (the first year for a single year)",
        minimum=2000,
        label="Last year",
    ),
    # activities table and the charts of C-PROC's own activity register
    Field("document_title", S, "Title of the cited document (reference/documents.csv)", label="Document"),
    Field("activity_type", S, "Type of activity, as the activity register records it", label="Activity type"),
    Field("activities", I, "Activities recorded in C-PROC's activity register", unit="activities", minimum=0, label="Activities"),
    Field(
        "participants",
        I,
        "Participants: the sum of the numbers the register records",
        unit="people",
        minimum=0,
        label="Participants",
    ),
    Field(
        "participants_missing",
        I,
        "Activities without a participant number (the sum is then a lower bound)",
        unit="activities",
        minimum=0,
        label="Activities without a participant number",
    ),
    Field(
        "participants_qualifier",
        S,
        "exact, or lower_bound where some activities have no participant number",
        enum=v.QUALIFIERS,
        label="Participants, qualifier",
    ),
    Field("year_complete", B, "False for the year of the as-of date (a year in progress)", label="Year complete"),
    # membership charts (new_parties, regions, regions_over_time, invitation_to_accession)
    Field(
        "region_group",
        S,
        "'Council of Europe members' (on the date counted), or 'Non-members: <UN M49 region>'",
        label="Region group",
    ),
    Field(
        "new_coe_members",
        I,
        "Council of Europe members whose deposit certainly fell in the year",
        unit="States",
        minimum=0,
        label="New Parties, Council of Europe members",
    ),
    Field(
        "new_non_members",
        I,
        "Non-member States whose deposit certainly fell in the year",
        unit="States",
        minimum=0,
        label="New Parties, non-members",
    ),
    Field(
        "new_year_uncertain",
        I,
        "Deposits whose year the record cannot decide, counted in their latest possible year (never after the as-of date)",
        unit="States",
        minimum=0,
        label="New Parties, year uncertain",
    ),
    Field(
        "new_parties_min",
        I,
        "New Parties certainly in the year (by deposit)",
        unit="States",
        minimum=0,
        label="New Parties, minimum",
    ),
    Field(
        "new_parties_max",
        I,
        "New Parties the record allows in the year (bounds touching it)",
        unit="States",
        minimum=0,
        label="New Parties, maximum",
    ),
    Field("first_invitation", D, "Day the Committee of Ministers first invited the State to accede", label="First invited on"),
    Field(
        "years_min",
        N,
        "Years from invitation to the earliest possible day of accession",
        unit="years",
        minimum=0,
        label="Years to accede, minimum",
    ),
)
