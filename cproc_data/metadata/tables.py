"""Tables as lists of fields (from the field dictionary), with their key and layer.

Layers (folders of datasets/): raw (snapshots as written, immutable), reference
(reviewed look-up tables), curated (entered by hand, each row citing a document), core
(written only by `cproc-data build`), derived (computed on demand, published by
`cproc-data export-data`).
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Field, field

LAYERS = ("raw", "reference", "curated", "core", "derived")


@dataclass(frozen=True)
class Table:
    name: str
    path: str  # relative to datasets/ (a glob for multi-file raw tables); "derived" if computed
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    sources: str = ""
    layer: str = "curated"
    optional: tuple[str, ...] = ()  # columns a file may leave out (added later to the table)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def label(self) -> str:
        return f"datasets/{self.path}"


TABLES: dict[str, Table] = {}


def _table(name, path, description, columns, key=(), layer="curated", sources="", optional=()) -> Table:
    """`columns`: field names in file order; a trailing '*' marks a required field."""
    fields = tuple(field(c.rstrip("*"), required=c.endswith("*")) for c in columns)
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    t = Table(name, path, description, fields, tuple(key), sources, layer, tuple(optional))
    TABLES[name] = t
    return t


_table(
    "sources",
    "raw/sources.csv",
    "Origin record of every raw snapshot: what was read, where, what date it speaks of, and its checksum.",
    ["source_id*", "url*", "title*", "producer*", "status_as_of", "date_format*", "accessed*", "source_kind*", "sha256*", "note"],
    key=["source_id"],
    layer="raw",
)
_table(
    "treaty_facts",
    "raw/treaty_facts/*.csv",
    "Facts transcribed from one source each, as written: one row per State, treaty and event.",
    ["source_id*", "treaty*", "state_as_written*", "event*", "date_as_written", "date", "ordinal", "note"],
    key=["source_id", "treaty", "state_as_written", "event", "date_as_written"],
    layer="raw",
    optional=["ordinal"],
)
_table(
    "geometry_sources",
    "raw/geometry_sources.csv",
    "Origin record of every map-geometry snapshot in raw/geometry/ (same columns as raw/sources.csv; kept apart so "
    "that the treaty source counts stay the treaty's).",
    ["source_id*", "url*", "title*", "producer*", "status_as_of", "date_format*", "accessed*", "source_kind*", "sha256*", "note"],
    key=["source_id"],
    layer="raw",
)
_table(
    "ne_admin0",
    "reference/ne_admin0.csv",
    "Reviewed key of every Natural Earth admin-0 map feature (ADM0_A3) to the ISO 3166-1 alpha-3 code of its State "
    "(empty: not a State in the record), with the reason where Natural Earth's own ISO_A3 is missing (-99) or not used.",
    ["adm0_a3*", "admin*", "iso3", "reason*", "source*"],
    key=["adm0_a3"],
    layer="reference",
    sources="Natural Earth (raw/geometry_sources.csv); ISO 3166-1 (pycountry)",
)
_table(
    "country_names",
    "reference/country_names.csv",
    "Reviewed mapping of every spelling met in a source to an ISO 3166-1 alpha-3 code.",
    ["name*", "iso3*", "source*"],
    key=["name"],
    layer="reference",
)
_table(
    "regions",
    "reference/regions.csv",
    "UN M49 region and sub-region of each State.",
    ["iso3*", "region*", "sub_region*", "source*"],
    key=["iso3"],
    layer="reference",
)
_table(
    "corrections",
    "corrections.csv",
    "Known errors in raw sources, recorded rather than patched: the raw fact stays as written; "
    "the build applies the correction and cites its reason.",
    ["source_id*", "treaty*", "iso3*", "event*", "wrong_date*", "correct_date", "reason*", "source*"],
    key=["source_id", "treaty", "iso3", "event", "wrong_date"],
    layer="reference",
)
_table(
    "documents",
    "reference/documents.csv",
    "Every document a reported figure or project version comes from.",
    ["document_id*", "title*", "producer*", "published", "published_precision*", "url", "document_kind*", "source*", "note"],
    key=["document_id"],
    layer="reference",
)
_table(
    "treaty_events",
    "core/treaty_events.csv",
    "The treaty record: one row per State, treaty, event and date, built from the raw snapshots by `cproc-data build`.",
    ["treaty*", "iso3*", "event*", "earliest", "latest", "precision*", "basis*", "source*", "note"],
    key=["treaty", "iso3", "event", "earliest", "latest"],
    layer="core",
    sources="Council of Europe Treaty Office charts; national treaty databases; Council of Europe news",
)
_table(
    "coe_membership",
    "curated/coe_membership.csv",
    "Member States of the Council of Europe and the dates they joined (and left).",
    ["iso3*", "joined*", "left", "source*", "note"],
    key=["iso3"],
    sources="Council of Europe, Statute (ETS 1) chart; Committee of Ministers CM/Res(2022)2",
)
_table(
    "reported_figures",
    "curated/reported_figures.csv",
    "Every figure C-PROC and the Council of Europe report about membership, legislation, activities, staff, "
    "projects and funding: one row per statement, transcribed.",
    [
        "figure_id*",
        "indicator*",
        "value*",
        "qualifier*",
        "unit*",
        "refers_to",
        "refers_to_precision*",
        "published",
        "published_precision*",
        "scope*",
        "source_document*",
        "locator*",
        "note",
    ],
    key=["figure_id"],
    sources="seed documents (C-PROC pages, brochures, slide decks 2015-2025); Council of Europe web pages",
)
_table(
    "project_versions",
    "curated/project_versions.csv",
    "C-PROC projects as each document describes them: one row per project and document.",
    [
        "project*",
        "full_title",
        "start",
        "end",
        "budget_eur",
        "budget_qualifier",
        "funding_type*",
        "donors",
        "geographic_scope",
        "project_region",
        "stage*",
        "source_document*",
        "locator*",
        "note",
        "priority_countries",
    ],
    key=["project", "source_document"],
    optional=["priority_countries"],
    sources="seed documents; Council of Europe project pages and news; third-party project databases",
)
_table(
    "legislation_surveys",
    "reference/legislation_surveys.csv",
    "Documents that are editions of one legislation survey (same method): their figures are joined on the legislation chart; any other document citing a figure is drawn as a point on its own.",
    ["document_id*", "survey*", "note*", "source*"],
    key=["document_id"],
    layer="reference",
)
_table(
    "contributions",
    "curated/contributions.csv",
    "Donor contributions to C-PROC projects, each as one source gives it (a period stays a period).",
    [
        "contribution_id*",
        "donor*",
        "donor_code*",
        "period",
        "amount*",
        "currency*",
        "project",
        "qualifier*",
        "source_document*",
        "locator*",
        "note",
    ],
    key=["contribution_id"],
    sources="Council of Europe news on contributions; donors' own pages (Japan's consulate-general in Strasbourg, ...)",
)
_table(
    "funders",
    "derived",
    "One row per project, funder and document: the funder lists of the project versions.",
    ["project*", "funder*", "source_document*"],
    key=["project", "funder", "source_document"],
    layer="derived",
    sources="project_versions",
)
# --- derived tables, published by `cproc-data export-data` ---------------------
_table(
    "status",
    "derived",
    "Each State's status under a treaty at a date, with the dates it rests on.",
    [
        "as_of*",
        "treaty*",
        "iso3*",
        "name*",
        "status*",
        "certain*",
        "possible*",
        "since",
        "rests_on",
        "event_earliest",
        "event_latest",
        "coe_member*",
        "region",
    ],
    key=["as_of", "treaty", "iso3"],
    layer="derived",
)
_table(
    "counts",
    "derived",
    "Number of States per status, per treaty and date.",
    [
        "date*",
        "treaty*",
        "parties*",
        "signatories*",
        "invited*",
        "parties_min*",
        "parties_max*",
        "signatories_min*",
        "signatories_max*",
        "invited_min*",
        "invited_max*",
    ],
    key=["date", "treaty"],
    layer="derived",
)
_table(
    "legislation",
    "derived",
    "States with law in line with the Convention, per survey date and measure (a view of the register); "
    "a share published without a count is a row with `states` empty.",
    [
        "refers_to*",
        "refers_to_precision*",
        "measure*",
        "states",
        "qualifier*",
        "share_published",
        "share_computed",
        "denominator*",
        "source_document*",
        "figure_id*",
        "survey",
    ],
    key=["figure_id"],
    layer="derived",
    sources="reported_figures",
)
_table(
    "activities",
    "derived",
    "C-PROC activity counts, annual and cumulative, qualifiers kept (a view of the register).",
    [
        "refers_to",
        "refers_to_precision*",
        "series*",
        "value*",
        "qualifier*",
        "is_lower_bound*",
        "shown*",
        "source_document*",
        "figure_id*",
    ],
    key=["figure_id"],
    layer="derived",
    sources="reported_figures",
)
_table(
    "projects",
    "derived",
    "One row per C-PROC project: field by field, the value of the newer official or project-database source.",
    [
        "project*",
        "full_title",
        "start",
        "end",
        "budget_eur",
        "budget_qualifier",
        "funding_type",
        "donors",
        "geographic_scope",
        "project_region",
        "stage*",
        "versions*",
        "conflicts",
        "source*",
        "project_status*",
    ],
    key=["project"],
    layer="derived",
    sources="project_versions",
)
_table(
    "portfolio_by_year",
    "derived",
    "Budget of the funded portfolio per year, each budget spread evenly over its project's months.",
    ["year*", "budget_eur*", "projects*", "without_budget"],
    key=["year"],
    layer="derived",
    sources="project_versions",
)
_table(
    "reconciliation",
    "derived",
    "Each reported membership figure beside the count computed from the treaty record.",
    [
        "figure_id*",
        "source_document*",
        "indicator*",
        "treaty*",
        "refers_to",
        "refers_to_precision*",
        "compared_on",
        "reported*",
        "qualifier*",
        "computed",
        "computed_min",
        "computed_max",
        "difference",
        "agreement*",
        "matches*",
        "explanation*",
    ],
    key=["figure_id"],
    layer="derived",
    sources="reported_figures; treaty_events",
)
