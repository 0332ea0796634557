"""The field dictionary: every column name of every table, defined once (the columns of the
chart frames alone are in `chart_fields.py`, joined here).

A name means one thing everywhere: the same type, unit, vocabulary and pattern in every
table that uses it. A table may only say whether the field is required there
(`tables.py`). Schema checks (`schema.py`) and the data dictionary are derived from it.
"""

from __future__ import annotations

from dataclasses import replace

from . import vocab as v
from .chart_fields import CHART_FIELDS
from .field import B, D, Field, I, N, S, unique

__all__ = ["FIELDS", "Field", "field"]


FIELDS: dict[str, Field] = unique(
    # identifiers and provenance
    Field("source_id", S, "Identifier of a raw snapshot (raw/sources.csv)", pattern=v.SOURCE_ID),
    Field("document_id", S, "Identifier of a source document (reference/documents.csv)", pattern=v.SOURCE_ID),
    Field(
        "source_document", S, "Source document of the row (reference/documents.csv)", pattern=v.SOURCE_ID, label="Source document"
    ),
    Field(
        "figure_id",
        S,
        "Identifier of a reported figure (curated/reported_figures.csv)",
        pattern=v.SOURCE_ID,
        label="Figure identifier",
    ),
    Field("url", S, "Address of the page or document read"),
    Field("title", S, "Title of the page or document"),
    Field("producer", S, "Who published it"),
    Field("status_as_of", D, "Date the source speaks of (a chart's 'status as of', a news item's date)"),
    Field("date_format", S, "How the source writes dates, e.g. d/m/yyyy; alternatives separated by ' | '"),
    Field("accessed", D, "Date the stored copy was read"),
    Field("sha256", S, "SHA-256 of the snapshot file as committed (checked by `cproc-data validate`)", pattern=v.SHA256),
    Field("source_kind", S, "Kind of source", enum=v.SOURCE_KINDS),
    Field(
        "document_kind",
        S,
        "Seed document, Council of Europe web page, official copy on another host, project-database entry, or third-party page",
        enum=v.DOCUMENT_KINDS,
    ),
    Field("source", S, "Where the row's values come from (source ids, '; '-separated, or a citation)", label="Source"),
    Field("locator", S, "Where in the document (section, short phrase)"),
    Field("note", S, "Remarks a reader must know", label="Note"),
    Field(
        "survey",
        S,
        "The survey (one method, several editions) a legislation figure comes from; figures of one survey are joined on charts",
        label="Survey",
    ),
    Field("reason", S, "Why, and the evidence"),
    # States and treaties
    Field("treaty", S, "Treaty code", enum=v.TREATY_CODES, label="Treaty"),
    Field("iso3", S, "ISO 3166-1 alpha-3 code of the State", pattern=v.ISO3, label="ISO code"),
    Field(
        "name", S, "A State's name: a spelling met in a source (country_names) or the ISO 3166 English short name", label="State"
    ),
    Field("adm0_a3", S, "Natural Earth admin-0 code of a map feature (ADM0_A3)", pattern=v.ISO3),
    Field("admin", S, "Natural Earth name of a map feature (ADMIN), as written"),
    Field("state_as_written", S, "The State's name as the source spells it"),
    Field("region", S, "UN M49 region", label="Region"),
    Field("sub_region", S, "UN M49 sub-region"),
    Field("event", S, "What happened (the event vocabulary at the end says what each value means)", enum=v.TREATY_EVENTS),
    Field(
        "date",
        "isodate",
        "Date in ISO 8601: a day; in raw snapshots also a month (yyyy-mm), a year, or an "
        "interval start/end (statements that bound an event between two dates); empty if the source gives none",
        pattern=v.ISO_STATED,
        label="Date",
    ),
    Field("ordinal", I, "The ordinal a source gives a Party ('the 57th Party')", minimum=1),
    Field("earliest", D, "Earliest day the event can have happened (equals `latest` when the day is known)"),
    Field("latest", D, "Latest day the event can have happened"),
    Field("precision", S, "What the sources give: day, month, year, or a bound only", enum=v.DATE_PRECISIONS),
    Field("basis", S, "How the bounds were obtained: 'stated', or the rules (domain.bounds) that set earliest / latest"),
    Field("date_as_written", S, "The date exactly as printed"),
    Field(
        "wrong_date",
        "isodate",
        "Date as the source gives it (a day, month or year, as in the raw snapshot)",
        pattern=v.ISO_STATED,
    ),
    Field("correct_date", D, "Date to use instead; empty to disregard the fact"),
    Field("joined", D, "Date the State became a member of the Council of Europe"),
    Field("left", D, "Date the State ceased to be a member of the Council of Europe"),
    # status and counts
    Field("as_of", D, "Date of the status", label="As of"),
    Field("status", S, "party / signatory / invited / none", enum=v.STATUS_VALUES, label="Status"),
    Field("since", D, "Start of the current status", label="Since"),
    Field("coe_member", B, "Member of the Council of Europe at the date", label="Council of Europe member"),
    Field("certain", B, "True where the record decides the status; False where an event is only bounded", label="Certain"),
    Field(
        "possible", S, "Every status the record allows at the date, '|'-separated (one where certain)", label="Possible statuses"
    ),
    Field("rests_on", S, "The event the status rests on (the undecided one where the status is uncertain)", enum=v.TREATY_EVENTS),
    Field("event_earliest", D, "Earliest day of that event"),
    Field("event_latest", D, "Latest day of that event"),
    Field("parties", I, "States that are Parties", unit="States", minimum=0, label="Parties"),
    Field("signatories", I, "States that signed and are not (yet) Parties", unit="States", minimum=0, label="Signatories"),
    Field(
        "invited",
        I,
        "States invited to accede, invitation valid, not (yet) Parties",
        unit="States",
        minimum=0,
        label="Invited States",
    ),
    *(
        Field(
            f"{n}_{k}",
            I,
            f"{label} ({'certainly' if k == 'min' else 'certainly or possibly'})",
            unit="States",
            minimum=0,
            label=f"{label}, {'minimum' if k == 'min' else 'maximum'}",
        )
        for n, label in (("parties", "Parties"), ("signatories", "Signatories"), ("invited", "Invited States"))
        for k in ("min", "max")
    ),
    Field(
        "computed_min",
        I,
        "Lowest count the record allows (certain States only)",
        unit="States",
        minimum=0,
        label="Computed, minimum",
    ),
    Field(
        "computed_max",
        I,
        "Highest count the record allows (certain and possible States)",
        unit="States",
        minimum=0,
        label="Computed, maximum",
    ),
    Field(
        "agreement",
        S,
        "exact (equals a certain count), within (between min and max), differs, or undated",
        enum=("exact", "within", "differs", "undated"),
        label="Agreement",
    ),
    # reported figures
    Field("indicator", S, "What is counted (vocabulary: metadata.vocab.INDICATORS)", enum=tuple(v.INDICATORS), label="Indicator"),
    Field("value", N, "The number as printed (percentages as percent)", minimum=0, label="Value"),
    Field(
        "qualifier",
        S,
        "exact; approx (some/about); lower_bound (+/over/more than); upper_bound (up to)",
        enum=v.QUALIFIERS,
        label="Qualifier",
    ),
    Field("unit", S, "Unit", enum=v.UNITS),
    Field("refers_to", D, "Date the figure speaks of (first day of the month/year where only that is known)", label="Refers to"),
    Field(
        "refers_to_precision", S, "Precision of `refers_to` (none: no date given)", enum=v.PRECISIONS, label="Precision of date"
    ),
    Field("published", D, "Publication date (first day of the month/year where only that is known)", label="Published"),
    Field("published_precision", S, "Precision of `published`", enum=v.PUB_PRECISIONS),
    Field("scope", S, "What the figure covers (treaty, project, worldwide, C-PROC)", label="Scope"),
    # projects
    Field("project", S, "Project short name", label="Project"),
    Field("full_title", S, "Full title where given", label="Full title"),
    Field("start", S, "Start month (yyyy-mm)", pattern=v.MONTH, label="Start (month)"),
    Field("end", S, "End month (yyyy-mm)", pattern=v.MONTH, label="End (month)"),
    Field("budget_eur", N, "Budget", unit="EUR", minimum=0, label="Budget"),
    Field("budget_qualifier", S, "Qualifier of the budget", enum=v.QUALIFIERS, label="Budget qualifier"),
    Field(
        "funding_type",
        S,
        "EU/Council of Europe joint project or voluntary contributions",
        enum=v.FUNDING_TYPES,
        label="Funding type",
    ),
    Field("donors", S, "Named donors, '; '-separated", label="Donors"),
    Field("geographic_scope", S, "Scope as the document states it"),
    Field("project_region", S, "Region of a project (our grouping of its scope)", label="Project region"),
    Field("stage", S, "funded; proposed (a plan in its document); pipeline (2026-2030 proposals)", enum=v.STAGES, label="Stage"),
    Field("versions", I, "Documents describing the project", minimum=1, label="Versions"),
    Field("conflicts", S, "Fields on which versions disagree", label="Versions disagree on"),
    Field("project_status", S, "Project status at the as-of date", enum=v.PROJECT_STATUSES, label="Project status"),
    Field("year", I, "Calendar year", minimum=2000, label="Year"),
    Field("projects", I, "Projects counted", minimum=0, label="Projects"),
    Field(
        "without_budget", S, "Active projects without a known budget (not in the sum)", label="Active projects without a budget"
    ),
    # donors
    Field("contribution_id", S, "Identifier of a donor contribution (curated/contributions.csv)", pattern=v.SOURCE_ID),
    Field("donor", S, "Donor as the source names it", label="Donor"),
    Field(
        "donor_code",
        S,
        "ISO 3166-1 alpha-3 code of a donor State, or the organisation's short name (EU, Microsoft)",
        label="Donor code",
    ),
    Field(
        "period",
        S,
        "Year or period the source gives for the contribution (yyyy or yyyy-yyyy); never split into years",
        pattern=r"^\d{4}(-\d{4})?$",
        label="Period",
    ),
    Field("amount", N, "Amount as printed", minimum=0, label="Amount"),
    Field("currency", S, "Currency of the amount", enum=("EUR", "USD", "JPY", "CAD", "GBP"), label="Currency"),
    Field("funder", S, "One funder of a project, as the document names it"),
    Field("priority_countries", S, "Priority countries the document names, '; '-separated"),
    # legislation and activities
    Field("measure", S, "Substantive criminal law, or specific procedural powers", enum=v.MEASURES, label="Measure"),
    Field("states", N, "States counted", unit="States", minimum=0, label="Count"),
    Field(
        "share_published",
        N,
        "Share of UN Member States published beside the count",
        unit="percent",
        minimum=0,
        label="Share published",
    ),
    Field(
        "share_computed",
        N,
        "states / denominator x 100, to check the published rounding",
        unit="percent",
        minimum=0,
        label="Share computed",
    ),
    Field("denominator", I, "UN Member States", unit="States", minimum=1, label="UN Member States, total"),
    Field("series", S, "cumulative, in_year, training_in_year or per_year_typical", enum=v.ACTIVITY_SERIES, label="Series"),
    Field("is_lower_bound", B, "True where the figure is 'more than' / '+'", label="Lower bound"),
    Field("shown", S, "The figure as people read it (2,100+)", label="As published"),
    # reconciliation
    Field("compared_on", D, "Day compared (a year or month read as its last day)", label="Compared on"),
    Field("reported", N, "The reported figure", unit="States", minimum=0, label="Reported"),
    Field("computed", I, "Count from the record (default rules)", unit="States", minimum=0, label="Computed"),
    Field("difference", N, "computed - reported", unit="States", label="Difference"),
    Field("matches", B, "Exact figure equal to the count", label="Matches"),
    Field(
        "explanation",
        S,
        "Why they differ: the counting rule or reading of the date that matches, or the States responsible",
        label="Explanation",
    ),
    *CHART_FIELDS,
)


def field(name: str, required: bool = False) -> Field:
    """The dictionary's field, required or not in the table that uses it."""
    return replace(FIELDS[name], required=required)
