"""Council of Europe cybercrime projects on a timeline: budgets, funders, and every version
where documents disagree; projects not yet funded listed apart."""

from __future__ import annotations

import pandas as pd

from ...derive import project_timeline as tl
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from ..labels import place_row_labels

COLUMNS = [
    "project",
    "row_kind",
    "drawn_as",
    "start",
    "end",
    "budget_eur",
    "budget_qualifier",
    "funding_type",
    "funders",
    "stage",
    "project_status",
    "document_years",
    "source",
]
FUNDING = {
    "eu_coe_joint": ("EU/Council of Europe joint project", style.PALETTE["party"]),
    "voluntary_contributions": ("Voluntary contributions", style.PALETTE["signatory"]),
    "unknown": ("Funding not in the record", style.PALETTE["neutral"]),
}
VERSION_COLOR = style.PALETTE["pipeline"]
MAIN, SUB = 1.0, 0.62  # height of a project's row and of a version's row (in rows)
ROW_IN, LIST_IN = 0.2, 0.95  # inches: one project's row; the legend and the list of projects not yet funded


def _drawn_as(start, end) -> str:
    have = (isinstance(start, str) and bool(start), isinstance(end, str) and bool(end))
    return {(True, True): "bar", (True, False): "start_only", (False, True): "end_only"}.get(have, "label_only")


def projects(as_of) -> pd.DataFrame:
    """One row per thing drawn: each shown funded project (its default version), each version
    that disagrees with it, and each project not yet funded (listed under the timeline)."""
    shown = tl.shown_projects(as_of)
    versions = tl.project_version_rows(as_of)
    funders = {k: "; ".join(v) for k, v in tl.funder_names(as_of).items()}
    rows = []
    for p in shown.to_dict("records"):
        rows.append({**p, "row_kind": "default", "drawn_as": _drawn_as(p["start"], p["end"]), "document_years": None})
        for v in versions[versions["project"] == p["project"]].to_dict("records"):
            kept = {k: p[k] for k in ("funding_type", "stage", "project_status")}
            rows.append({**v, **kept, "row_kind": "version", "drawn_as": _drawn_as(v["start"], v["end"])})
    for p in tl.not_yet_funded(as_of).to_dict("records"):
        rows.append({**p, "row_kind": "not_yet_funded", "drawn_as": "listed", "document_years": None})
    df = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "funders"])
    df.insert(COLUMNS.index("funders"), "funders", df["project"].map(funders).where(df["row_kind"] == "default"))
    for c in COLUMNS:
        if c != "budget_eur":
            df[c] = df[c].astype("string")
    df["budget_eur"] = df["budget_eur"].astype("Float64")
    return df[COLUMNS]


def note(as_of) -> str:
    """What the bars mean, and every project the chart leaves out, with the reason."""
    text = (
        "Bars: the default version of each project (a newer official or project-database source wins over an older page); thin grey bars and ticks: the dates and budgets "
        "other documents give, labelled with the year of their documents. Budgets as the documents print them."
    )
    out = tl.not_shown(as_of)
    for reason, grp in out.groupby("reason", sort=True):
        text += f" Not drawn ({reason.replace('the as-of date', f'{pd.Timestamp(as_of):%-d %B %Y}')}): "
        text += ", ".join(grp["project"]) + "."
    return text


def _budget(amount, qualifier) -> str:
    if pd.isna(amount):
        return "budget not in the record"
    prefix = {"upper_bound": "up to ", "lower_bound": "at least ", "approx": "about "}.get(str(qualifier), "")
    return f"{prefix}EUR {float(amount) / 1e6:.2f} m"


def _span(start, end):
    s = pd.Timestamp(f"{start}-01") if isinstance(start, str) and start else None
    e = pd.Timestamp(f"{end}-01") + pd.offsets.MonthBegin(1) if isinstance(end, str) and end else None
    return s, e


def _funders(names: str, most: int) -> str:
    """' · EU, CoE' or ' · Estonia, Hungary +7': at most `most` names, each cut to 24 characters."""
    cut = [n if len(n) <= 24 else n[:24].rsplit(" ", 1)[0] + "…" for n in names.split("; ")]
    return " · " + ", ".join(cut[:most]) + (f" +{len(cut) - most}" if len(cut) > most else "")


def _labels(r, default) -> tuple[str, ...]:
    """A row's label, longest first: the chart takes the first that fits."""
    if r["row_kind"] == "default":
        budget = _budget(r["budget_eur"], r["budget_qualifier"])
        names = [_funders(r["funders"], m) for m in (3, 1)] if pd.notna(r["funders"]) else []
        tails = (" · start not in the record", " · no start") if r["drawn_as"] == "end_only" else ("",)
        return tuple(budget + n + tails[0] for n in names) + tuple(budget + t for t in tails)
    short = str(r["document_years"])
    differs = pd.notna(r["budget_eur"]) and (
        pd.isna(default["budget_eur"])
        or r["budget_eur"] != default["budget_eur"]
        or r["budget_qualifier"] != default["budget_qualifier"]
    )
    part = {"start_only": " (start)", "end_only": " (end)", "label_only": " (no dates)"}.get(r["drawn_as"], "")
    full = short + part + (f": {_budget(r['budget_eur'], r['budget_qualifier'])}" if differs else "")
    return (full,)


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Timeline (one row per shown project, thinner rows for versions) and the list of projects not yet funded."""
    day = pd.Timestamp(as_of)
    timeline = data[data["row_kind"] != "not_yet_funded"].reset_index(drop=True)
    waiting = data[data["row_kind"] == "not_yet_funded"]
    units = max(sum(MAIN if k == "default" else SUB for k in timeline["row_kind"]), 1)
    listed = LIST_IN if len(waiting) else LIST_IN / 2
    fig, (ax, axl) = style.new_figure("full_tall", nrows=2, gridspec_kw={"height_ratios": [ROW_IN * units, listed]})
    footer = style.footer_lines(fig, source, note)
    fig.set_figheight(ROW_IN * units + listed + 1.1 + footer * style.FOOTER_FONT_SIZE * 1.35 / 72)
    items = _rows(ax, timeline)
    _time_axis(ax, items, day)
    _bottom_panel(fig, axl, timeline, waiting)
    fig = finish(fig, ax, title=_title(timeline, day), alt=_alt(timeline, waiting, day), source=source, as_of=as_of,
                 note=note, suptitle=True, key_numbers=_key_numbers(timeline, waiting, day))  # fmt: skip
    place_row_labels(fig, ax, items, day)
    return fig


def _rows(ax, timeline: pd.DataFrame) -> list:
    """Draw each row (a bar, or a tick where only one month is known) and set the project names
    as y labels; returns each row's (y, x0, x1, labels longest first, main row)."""
    items, ticks, cursor, default = [], [], 0.0, None
    for r in timeline.to_dict("records"):
        main = r["row_kind"] == "default"
        y = cursor + (MAIN if main else SUB) / 2
        cursor += MAIN if main else SUB
        default = r if main else default
        s, e = _span(r["start"], r["end"])
        color = FUNDING[r["funding_type"]][1] if main else VERSION_COLOR
        label = f"{r['project']} · {r['row_kind']}"  # the tests find a project's bars by it
        if s is not None and e is not None:
            ax.barh(y, e - s, left=s, height=0.62 if main else 0.26, color=color, label=label, linewidth=0)
        elif s is not None or e is not None:
            at = s if s is not None else e
            ax.plot([at], [y], marker="|", markersize=9 if main else 6, mew=2, color=color, label=label, linestyle="none")
        else:  # a version with a budget but no dates: its label sits at the default's bar
            s, e = _span(default["start"], default["end"])
        items.append((y, s if s is not None else e, e if e is not None else s, _labels(r, default), main))
        if main:
            ticks.append((y, r["project"]))
    ax.set_ylim(max(cursor, 1), 0)
    ax.set_yticks([t[0] for t in ticks], [t[1] for t in ticks], fontsize=7)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", visible=False)
    return items


def _time_axis(ax, items: list, day) -> None:
    """Years from January of the earliest month drawn to past the last; the as-of line, labelled."""
    import matplotlib.dates as mdates

    first = min(i[1] for i in items)
    last = max([day] + [i[2] for i in items])
    lo, hi = pd.Timestamp(f"{first.year}-01-01"), pd.Timestamp(f"{last.year + 1}-07-01")
    ax.set_xlim(lo, hi)
    ax.xaxis.set_major_locator(mdates.YearLocator(2 if last.year - first.year > 12 else 1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#E5E5E5")
    ax.axvline(day, color=style.PALETTE["accent"], linestyle="--", linewidth=0.8)
    ha = "right" if (day - lo) / (hi - lo) > 0.8 else "center"
    ax.text(day, 1.0, f"as of {day:%-d %b %Y}", transform=ax.get_xaxis_transform(), ha=ha, va="bottom", fontsize=6.5,
            color=style.PALETTE["accent"])  # fmt: skip


def _bottom_panel(fig, axl, timeline: pd.DataFrame, waiting: pd.DataFrame) -> None:
    """Legend, then the projects not yet funded, from the figure's left edge (not in the layout)."""
    from matplotlib.patches import Patch
    from matplotlib.transforms import blended_transform_factory

    axl.axis("off")
    at = blended_transform_factory(fig.transFigure, axl.transAxes)
    kinds = [k for k in FUNDING if k in set(timeline.loc[timeline["row_kind"] == "default", "funding_type"])]
    handles = [Patch(color=FUNDING[k][1], label=FUNDING[k][0]) for k in kinds]
    if (timeline["row_kind"] == "version").any():
        handles.append(Patch(color=VERSION_COLOR, label="Version in other documents (their year)"))
    if handles:
        leg = axl.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(0.005, 1.0), bbox_transform=at, ncols=len(handles), fontsize=6.5
        )
        leg.set_in_layout(False)
    pipe, proposed = (waiting["stage"] == "pipeline").sum(), (waiting["stage"] == "proposed").sum()
    parts = [f"{pipe} pipeline projects for 2026-2030" * bool(pipe), f"{proposed} proposed" * bool(proposed)]
    heading = "Not yet funded: " + (", ".join(p for p in parts if p) or "none in the record by this date")
    names = ", ".join(f"{n} (proposed)" if s == "proposed" else n for n, s in zip(waiting["project"], waiting["stage"]))
    for down, text, size, color in (
        (20, heading, 7.5, "#222222"),
        (32, style.wrap(names, fig, 6.5, 0.97), 6.5, style.PALETTE["neutral"]),
    ):
        if text:
            axl.annotate(
                text, (0.01, 1), xycoords=at, xytext=(0, -down), textcoords="offset points", va="top", fontsize=size, color=color
            ).set_in_layout(False)


def _current(timeline: pd.DataFrame) -> pd.DataFrame:
    return timeline[(timeline["row_kind"] == "default") & (timeline["project_status"] == "current")]


def _money(current: pd.DataFrame) -> str:
    known = current["budget_eur"].dropna()
    if known.empty:
        return ""
    total = f"EUR {known.sum() / 1e6:.1f} million"
    return f" ({total})" if len(known) == len(current) else f" ({total} for {len(known)} of them)"


def _title(timeline: pd.DataFrame, day) -> str:
    shown = timeline[timeline["row_kind"] == "default"]
    current = _current(timeline)
    first = min(shown["start"].dropna().tolist() + shown["end"].dropna().tolist())[:4]
    now = f"{len(current)} under way in {day:%B %Y}{_money(current)}" if len(current) else f"none under way in {day:%B %Y}"
    return f"Council of Europe cybercrime projects: {now}, {len(shown)} since {first}"


def _alt(timeline: pd.DataFrame, waiting: pd.DataFrame, day) -> str:
    shown = timeline[timeline["row_kind"] == "default"]
    versions = timeline[timeline["row_kind"] == "version"]
    return (
        f"Timeline of {len(shown)} funded Council of Europe cybercrime projects, one bar per project with its budget and "
        f"funders, {len(versions)} thinner bars or ticks for the dates and budgets other documents give "
        f"({versions['project'].nunique()} projects), a dashed line at {day:%-d %B %Y}, "
        f"and a list of {len(waiting)} projects not yet funded."
    )


def _key_numbers(timeline: pd.DataFrame, waiting: pd.DataFrame, day) -> list[str]:
    current = _current(timeline)
    versions = timeline[timeline["row_kind"] == "version"]
    out = [f"{len(current)} projects under way on {day:%-d %B %Y}{_money(current)}."]
    out.append(f"{(timeline['row_kind'] == 'default').sum()} funded projects started by then.")
    if len(versions):
        out.append(
            f"Documents disagree on the dates or budget of {versions['project'].nunique()} projects; every version is drawn."
        )
    if len(waiting):
        out.append(f"{len(waiting)} projects not yet funded.")
    return out


CHART = Chart("projects", projects, draw, sources.project_sources, note)
