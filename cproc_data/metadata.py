"""Metadata is data: every table's columns, types, units, vocabularies and sources, once.

The schema checks (`schema.py`) and the documentation are derived from these
definitions; nothing else in the package restates a column's type or vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass, field

TREATY_CODES = ("ETS185", "ETS189", "CETS224")
TREATY_EVENTS = (
    "signature", "ratification", "accession", "entry_into_force",
    "denunciation", "denunciation_effect", "invitation", "invitation_extension", "succession",
)
SOURCE_KINDS = (
    "treaty_office_chart", "national_treaty_database", "coe_news", "cm_decision",
    "tcy_document", "seed_document", "other",
)
STATUSES = ("party", "signatory", "invited", "none")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | date | integer | number | boolean
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    unit: str | None = None
    minimum: float | None = None


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # relative to datasets/ (a glob for multi-file raw tables)
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    sources: str = ""
    kind: str = "curated"  # raw | reference | curated | derived

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


ISO3 = r"^[A-Z]{3}$"
SOURCE_ID = r"^[a-z0-9][a-z0-9._-]*$"


def _iso3(desc="ISO 3166-1 alpha-3 code of the State", required=True):
    return Field("iso3", "string", desc, required=required, pattern=ISO3)


TABLES: dict[str, Table] = {}


def _register(table: Table) -> Table:
    TABLES[table.name] = table
    return table


SOURCES = _register(Table(
    "sources", "raw/sources.csv",
    "Origin record of every raw snapshot: what was read, where, and what date it speaks of.",
    (
        Field("source_id", "string", "Identifier of the snapshot, cited by curated rows", True, pattern=SOURCE_ID),
        Field("url", "string", "Address of the page or document read", True),
        Field("title", "string", "Title of the page or document", True),
        Field("producer", "string", "Who published it", True),
        Field("status_as_of", "date", "Date the source speaks of (a chart's 'status as of', a news item's date)"),
        Field("date_format", "string", "How the source writes dates, e.g. d/m/yyyy", True),
        Field("accessed", "date", "Date the stored copy was read", True),
        Field("kind", "string", "Kind of source", True, enum=SOURCE_KINDS),
        Field("note", "string", "What a reader must know about this source"),
    ),
    primary_key=("source_id",), kind="raw",
))

TREATY_FACTS = _register(Table(
    "treaty_facts", "raw/treaty_facts/*.csv",
    "Facts transcribed from one source each, as written: one row per State, treaty and event.",
    (
        Field("source_id", "string", "Source the fact was read in (raw/sources.csv)", True, pattern=SOURCE_ID),
        Field("treaty", "string", "Treaty code", True, enum=TREATY_CODES),
        Field("state_as_written", "string", "The State's name as the source spells it", True),
        Field("event", "string", "What happened", True, enum=TREATY_EVENTS),
        Field("date_as_written", "string", "The date exactly as printed"),
        Field("date", "date", "The same date in ISO 8601; empty where the source gives no full day"),
        Field("note", "string", "Notes column flags or transcriber's remark"),
    ),
    primary_key=("source_id", "treaty", "state_as_written", "event", "date_as_written"), kind="raw",
))

COUNTRY_NAMES = _register(Table(
    "country_names", "reference/country_names.csv",
    "Reviewed mapping of every spelling met in a source to an ISO 3166-1 alpha-3 code.",
    (
        Field("name", "string", "A spelling met in a source (matched case-insensitively)", True),
        _iso3("ISO 3166-1 alpha-3 code it denotes"),
        Field("source", "string", "Why this mapping holds (ISO 3166 name, former name, successor rule)", True),
    ),
    primary_key=("name",), kind="reference",
))

REGIONS = _register(Table(
    "regions", "reference/regions.csv",
    "UN M49 region and sub-region of each State.",
    (
        _iso3(),
        Field("region", "string", "UN M49 region", True),
        Field("sub_region", "string", "UN M49 sub-region", True),
        Field("source", "string", "Where the row comes from", True),
    ),
    primary_key=("iso3",), kind="reference",
))

CORRECTIONS = _register(Table(
    "corrections", "corrections.csv",
    "Known errors in raw sources, recorded rather than patched: the raw fact stays as "
    "written; the record build applies the correction and cites its reason.",
    (
        Field("source_id", "string", "Snapshot holding the wrong fact", True, pattern=SOURCE_ID),
        Field("treaty", "string", "Treaty code", True, enum=TREATY_CODES),
        _iso3(),
        Field("event", "string", "Event", True, enum=TREATY_EVENTS),
        Field("wrong_date", "date", "Date as the source gives it", True),
        Field("correct_date", "date", "Date to use instead; empty to disregard the fact"),
        Field("reason", "string", "Why, and the evidence", True),
        Field("source", "string", "Source(s) of the correct value", True),
    ),
    primary_key=("source_id", "treaty", "iso3", "event", "wrong_date"), kind="reference",
))

TREATY_EVENTS_TABLE = _register(Table(
    "treaty_events", "curated/treaty_events.csv",
    "The treaty record: one row per State, treaty, event and date, built from the raw "
    "snapshots by `cproc-data build` (record.build_treaty_events).",
    (
        Field("treaty", "string", "Treaty code", True, enum=TREATY_CODES),
        _iso3(),
        Field("event", "string", "What happened", True, enum=TREATY_EVENTS),
        Field("date", "date", "When (ISO 8601)", True),
        Field("source", "string", "Source ids (raw/sources.csv) that give this date, '; '-separated", True),
        Field("note", "string", "Corrections applied, remarks"),
    ),
    primary_key=("treaty", "iso3", "event", "date"),
    sources="Council of Europe Treaty Office charts; national treaty databases; Council of Europe news",
))

COE_MEMBERSHIP = _register(Table(
    "coe_membership", "curated/coe_membership.csv",
    "Member States of the Council of Europe and the dates they joined (and left).",
    (
        _iso3(),
        Field("joined", "date", "Date the State became a member", True),
        Field("left", "date", "Date the State ceased to be a member"),
        Field("source", "string", "Source of the dates", True),
        Field("note", "string", "Remarks"),
    ),
    primary_key=("iso3",),
    sources="Council of Europe, Statute (ETS 1) chart; Committee of Ministers CM/Res(2022)2",
))

STATUS = _register(Table(
    "status", "derived",
    "Each State's status under a treaty at a date, with the dates it rests on.",
    (
        Field("as_of", "date", "Date of the status", True),
        Field("treaty", "string", "Treaty code", True, enum=TREATY_CODES),
        _iso3(),
        Field("name", "string", "English short name (ISO 3166)", True),
        Field("status", "string", "party / signatory / invited / none", True, enum=STATUSES),
        Field("since", "date", "Start of the current status"),
        Field("coe_member", "boolean", "Member of the Council of Europe at the date", True),
        Field("region", "string", "UN M49 region"),
    ),
    primary_key=("as_of", "treaty", "iso3"), kind="derived",
))

COUNTS = _register(Table(
    "counts", "derived",
    "Number of States per status, per treaty and date.",
    (
        Field("date", "date", "Date", True),
        Field("treaty", "string", "Treaty code", True, enum=TREATY_CODES),
        Field("parties", "integer", "States that are Parties", True, unit="States", minimum=0),
        Field("signatories", "integer", "States that signed and are not (yet) Parties", True, unit="States", minimum=0),
        Field("invited", "integer", "States invited to accede, invitation valid, not (yet) Parties", True, unit="States", minimum=0),
    ),
    primary_key=("date", "treaty"), kind="derived",
))

# --- C-PROC's reported figures, projects (issue: impact record) -------------

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
    "staff": "C-PROC staff", "staff_core": "C-PROC core staff", "staff_project": "C-PROC project staff",
    "staff_planned": "planned C-PROC staff",
    "projects_ongoing": "ongoing C-PROC projects", "projects_joint_eu": "ongoing EU/Council of Europe joint projects",
    "projects_voluntary": "ongoing projects funded by voluntary contributions",
    "projects_pipeline": "project proposals to be funded by extra-budgetary resources",
    "budget_eur": "budget of one project (scope names it)",
    "portfolio_budget_eur": "budget of the projects in operation, together",
    "funds_mobilised_eur": "extra-budgetary funds mobilised",
    "event_participants": "participants in a conference", "event_countries": "countries represented at a conference",
}
QUALIFIERS = ("exact", "approx", "lower_bound", "upper_bound")
PRECISIONS = ("day", "month", "year", "none")
PUB_PRECISIONS = ("day", "month", "year", "unknown")
UNITS = ("states", "countries", "activities", "persons", "projects", "EUR", "percent")
DOCUMENT_KINDS = ("seed_document", "web_page", "third_party")
FUNDING_TYPES = ("eu_coe_joint", "voluntary_contributions", "unknown")
STAGES = ("funded", "proposed", "pipeline")
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

DOCUMENTS = _register(Table(
    "documents", "reference/documents.csv",
    "Every document a reported figure or project version comes from.",
    (
        Field("document_id", "string", "Identifier cited by other tables", True, pattern=SOURCE_ID),
        Field("title", "string", "Title", True),
        Field("producer", "string", "Who published it", True),
        Field("published", "date", "Publication date (first day of the month/year where only that is known)"),
        Field("published_precision", "string", "Precision of `published`", True, enum=PUB_PRECISIONS),
        Field("url", "string", "Address, where the document is online"),
        Field("kind", "string", "seed document, Council of Europe web page, or third-party page", True, enum=DOCUMENT_KINDS),
        Field("source", "string", "Where the copy we read is (seed file, stored copy)", True),
        Field("note", "string", "Remarks"),
    ),
    primary_key=("document_id",), kind="reference",
))

REPORTED_FIGURES = _register(Table(
    "reported_figures", "curated/reported_figures.csv",
    "Every figure C-PROC and the Council of Europe report about membership, legislation, "
    "activities, staff, projects and funding: one row per statement, transcribed.",
    (
        Field("figure_id", "string", "Identifier of the statement", True, pattern=SOURCE_ID),
        Field("indicator", "string", "What is counted (vocabulary: metadata.INDICATORS)", True, enum=tuple(INDICATORS)),
        Field("value", "number", "The number as printed (percentages as percent)", True, minimum=0),
        Field("qualifier", "string", "exact; approx (some/about); lower_bound (+/over/more than); upper_bound (up to)", True, enum=QUALIFIERS),
        Field("unit", "string", "Unit", True, enum=UNITS),
        Field("refers_to", "date", "Date the figure speaks of (first day of the month/year where only that is known)"),
        Field("refers_to_precision", "string", "Precision of `refers_to` (none: no date given)", True, enum=PRECISIONS),
        Field("published", "date", "Publication date of the document"),
        Field("published_precision", "string", "Precision of `published`", True, enum=PUB_PRECISIONS),
        Field("scope", "string", "What the figure covers (treaty, project, worldwide, C-PROC)", True),
        Field("source_document", "string", "Source document (reference/documents.csv)", True, pattern=SOURCE_ID),
        Field("locator", "string", "Where in the document (section, short phrase)", True),
        Field("note", "string", "Remarks, conflicts, reading"),
    ),
    primary_key=("figure_id",),
    sources="seed documents (C-PROC pages, brochures, slide decks 2015-2025); Council of Europe web pages",
))

PROJECT_VERSIONS = _register(Table(
    "project_versions", "curated/project_versions.csv",
    "C-PROC projects as each document describes them: one row per project and document.",
    (
        Field("project", "string", "Short name", True),
        Field("full_title", "string", "Full title where given"),
        Field("start", "string", "Start month (yyyy-mm)", pattern=MONTH),
        Field("end", "string", "End month (yyyy-mm)", pattern=MONTH),
        Field("budget_eur", "number", "Budget", unit="EUR", minimum=0),
        Field("budget_qualifier", "string", "Qualifier of the budget", enum=QUALIFIERS),
        Field("funding_type", "string", "EU/Council of Europe joint project or voluntary contributions", True, enum=FUNDING_TYPES),
        Field("donors", "string", "Named donors, '; '-separated"),
        Field("geographic_scope", "string", "Scope as the document states it"),
        Field("region", "string", "Region (our grouping of the scope)"),
        Field("stage", "string", "funded; proposed (a plan in its document); pipeline (2026-2030 proposals)", True, enum=STAGES),
        Field("source_document", "string", "Source document (reference/documents.csv)", True, pattern=SOURCE_ID),
        Field("locator", "string", "Where in the document", True),
        Field("note", "string", "Remarks"),
    ),
    primary_key=("project", "source_document"),
    sources="seed documents; Council of Europe project pages and news; third-party project databases",
))

# --- derived tables published by `cproc-data export-data` ---------------------

LEGISLATION = _register(Table(
    "legislation", "derived",
    "States with law in line with the Convention, per survey date and measure (a view of the register).",
    (
        Field("refers_to", "date", "Date the survey speaks of", True),
        Field("refers_to_precision", "string", "Precision of refers_to", True, enum=PRECISIONS),
        Field("measure", "string", "substantive criminal law, or specific procedural powers", True, enum=("substantive", "procedural")),
        Field("states", "number", "States counted", True, unit="States", minimum=0),
        Field("qualifier", "string", "Qualifier of the count", True, enum=QUALIFIERS),
        Field("share_published", "number", "Share of UN Member States published beside the count", unit="percent", minimum=0),
        Field("share_computed", "number", "states / denominator x 100, to check the published rounding", True, unit="percent", minimum=0),
        Field("denominator", "integer", "UN Member States", True, unit="States", minimum=1),
        Field("source_document", "string", "Source document", True, pattern=SOURCE_ID),
        Field("figure_id", "string", "Register row", True, pattern=SOURCE_ID),
    ),
    primary_key=("figure_id",), kind="derived", sources="reported_figures",
))

ACTIVITIES = _register(Table(
    "activities", "derived",
    "C-PROC activity counts, annual and cumulative, qualifiers kept (a view of the register).",
    (
        Field("refers_to", "date", "Date the figure speaks of"),
        Field("precision", "string", "Precision of refers_to", True, enum=PRECISIONS),
        Field("series", "string", "cumulative, in_year, training_in_year or per_year_typical", True,
              enum=("cumulative", "in_year", "training_in_year", "per_year_typical")),
        Field("value", "number", "The number as printed", True, unit="activities", minimum=0),
        Field("qualifier", "string", "Qualifier", True, enum=QUALIFIERS),
        Field("is_lower_bound", "boolean", "True where the figure is 'more than' / '+'", True),
        Field("shown", "string", "The figure as people read it (2,100+)", True),
        Field("source_document", "string", "Source document", True, pattern=SOURCE_ID),
        Field("figure_id", "string", "Register row", True, pattern=SOURCE_ID),
    ),
    primary_key=("figure_id",), kind="derived", sources="reported_figures",
))

PROJECTS = _register(Table(
    "projects", "derived",
    "One row per C-PROC project: field by field, the later official document's value.",
    (
        Field("project", "string", "Short name", True),
        Field("full_title", "string", "Full title"),
        Field("start", "string", "Start month", pattern=MONTH),
        Field("end", "string", "End month", pattern=MONTH),
        Field("budget_eur", "number", "Budget", unit="EUR", minimum=0),
        Field("budget_qualifier", "string", "Qualifier of the budget", enum=QUALIFIERS),
        Field("funding_type", "string", "Funding type", enum=FUNDING_TYPES),
        Field("donors", "string", "Named donors"),
        Field("geographic_scope", "string", "Scope as stated"),
        Field("region", "string", "Region (our grouping)"),
        Field("stage", "string", "funded, proposed or pipeline", True, enum=STAGES),
        Field("versions", "integer", "Documents describing the project", True, minimum=1),
        Field("conflicts", "string", "Fields on which versions disagree"),
        Field("source", "string", "Documents the values come from", True),
        Field("status", "string", "At the as-of date", True, enum=("completed", "current", "planned", "unknown", "proposed", "pipeline")),
    ),
    primary_key=("project",), kind="derived", sources="project_versions",
))

PORTFOLIO = _register(Table(
    "portfolio_by_year", "derived",
    "Budget of the funded portfolio per year, each budget spread evenly over its project's months.",
    (
        Field("year", "integer", "Calendar year", True, minimum=2000),
        Field("budget_eur", "number", "Sum of the year's monthly shares", True, unit="EUR", minimum=0),
        Field("projects", "integer", "Projects with a budget active that year", True, minimum=0),
        Field("without_budget", "string", "Active projects without a known budget (not in the sum)"),
    ),
    primary_key=("year",), kind="derived", sources="project_versions",
))

RECONCILIATION = _register(Table(
    "reconciliation", "derived",
    "Each reported membership figure beside the count computed from the treaty record.",
    (
        Field("figure_id", "string", "Register row", True, pattern=SOURCE_ID),
        Field("source_document", "string", "Source document", True, pattern=SOURCE_ID),
        Field("indicator", "string", "What is counted", True, enum=tuple(INDICATORS)),
        Field("treaty", "string", "Treaty", True, enum=TREATY_CODES),
        Field("refers_to", "date", "Date the figure speaks of"),
        Field("precision", "string", "Precision of refers_to", True, enum=PRECISIONS),
        Field("compared_on", "date", "Day compared (a year or month read as its last day)"),
        Field("reported", "number", "The reported figure", True, unit="States", minimum=0),
        Field("qualifier", "string", "Its qualifier", True, enum=QUALIFIERS),
        Field("computed", "integer", "Count from the record (default rules)", unit="States", minimum=0),
        Field("difference", "number", "computed - reported", unit="States"),
        Field("matches", "boolean", "Exact figure equal to the count", True),
        Field("explanation", "string", "Why they differ, where known", True),
    ),
    primary_key=("figure_id",), kind="derived", sources="reported_figures; treaty_events",
))
