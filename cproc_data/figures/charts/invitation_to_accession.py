"""How long invited States took to accede to ETS 185."""

from __future__ import annotations

import pandas as pd

from ...derive.record_gaps import record_gaps
from ...derive.treaty_record import treaty_record
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish
from ..timeaxis import year_ticks


def invitation_to_accession(as_of) -> pd.DataFrame:
    """States invited to accede to ETS 185 (invitation on or before `as_of`), with the
    accession where it followed by `as_of`.

    An accession the record only bounds (Argentina, Colombia, Grenada: a month from their
    entry into force) is placed at its latest possible day and flagged `accession_bounded`;
    `years` runs to that day (an upper bound) and `years_min` to the earliest day."""
    day = pd.Timestamp(as_of)
    r = treaty_record(MAIN_TREATY)
    r = r[r["first_invitation"].notna() & (r["first_invitation"] <= day)].copy()
    bounded = r["accession"].isna() & (r["deposit_type"] == "accession") & r["deposit_latest"].notna()
    r["accession"] = r["accession"].where(~bounded, r["deposit_latest"])
    earliest = r["deposit_earliest"].where(bounded, r["accession"])
    done = r["accession"] <= day  # certainly acceded by the as-of date
    r["accession"] = r["accession"].where(done)
    r["accession_bounded"] = bounded & done
    r["years"] = ((r["accession"] - r["first_invitation"]).dt.days / 365.25).round(2)
    r["years_min"] = ((earliest.where(done) - r["first_invitation"]).dt.days / 365.25).round(2)
    out = r[["iso3", "name", "first_invitation", "accession", "accession_bounded", "years_min", "years"]]
    return out.sort_values(["first_invitation", "name"]).reset_index(drop=True)


def note(as_of) -> str | None:
    g = record_gaps()
    by_then = g["known_date"].isna() | (g["known_date"] <= pd.Timestamp(as_of))  # no date: an accession only bounded
    n = g[(g["treaty"] == MAIN_TREATY) & (g["missing"] == "invitation") & by_then]
    n = n["iso3"].nunique()
    return (
        f"{n} States whose accession falls, or may fall, on or before {pd.Timestamp(as_of):%-d %B %Y} have no invitation "
        "date in the record and are not shown (README, 'Known gaps')."
        if n
        else None
    )


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Dot plot: for each invited State, invitation date to accession date (hollow where the
    record only bounds the accession's day: drawn at its latest possible day)."""
    day = pd.Timestamp(as_of)
    fig, ax = style.new_figure("full_tall")
    d = data.sort_values(["first_invitation", "name"], ascending=[False, True]).reset_index(drop=True)
    for i, r in d.iterrows():
        waiting = pd.isna(r["accession"])
        ax.plot(
            [r["first_invitation"], day if waiting else r["accession"]],
            [i, i],
            color=style.PALETTE["invited"] if waiting else style.PALETTE["neutral"],
            linewidth=1,
            linestyle=":" if waiting else "-",
        )
    ax.scatter(d["first_invitation"], d.index, color=style.PALETTE["invited"], s=18, zorder=3, label="Invited to accede")
    acc = d[d["accession"].notna()]
    known = acc[~acc["accession_bounded"].astype(bool)]
    bounded = acc[acc["accession_bounded"].astype(bool)]
    ax.scatter(known["accession"], known.index, color=style.PALETTE["party"], s=18, zorder=3, label="Acceded (Party)")
    if len(bounded):
        ax.scatter(
            bounded["accession"],
            bounded.index,
            facecolors="white",
            edgecolors=style.PALETTE["party"],
            linewidths=1.2,
            s=18,
            zorder=4,
            label="Acceded; day known only within bounds\n(drawn at the latest possible day)",
            gid="accession-bounded",
        )
    ax.set_yticks(d.index, d["name"], fontsize=7)
    ax.set_ylim(-1.5 if len(bounded) else -0.5, len(d) - 0.5)  # room for the legend under the latest invitations
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    lo = d["first_invitation"].min() - pd.Timedelta(days=180)  # the first dot whole
    ax.set_xlim(lo, day)
    year_ticks(ax, lo, day)
    ax.legend(loc="lower left", fontsize=7)
    n = len(acc)
    if n:
        med_lo, med_hi = acc["years_min"].median(), acc["years"].median()
        median = f"{med_hi:.1f}" if f"{med_lo:.1f}" == f"{med_hi:.1f}" else f"{med_lo:.1f}–{med_hi:.1f}"
        title = f"From invitation to accession: a median of {median} years for the {n} invited States that acceded"
    else:
        median = ""
        title = f"States invited to accede to the Budapest Convention by {day:%B %Y}"
    waiting = d[d["accession"].isna()]
    alt = (
        f"Dot plot of {len(d)} States invited to accede to the Convention on Cybercrime whose invitation date is in the "
        f"record, each from invitation to accession; {n} acceded by {day:%-d %B %Y}"
        + (f" (median {median} years)" if n else "")
        + f", {len(waiting)} had not."
    )
    keys = []
    if n:
        keys.append(f"Median time from invitation to accession: {median} years ({n} States).")
    if len(bounded):
        keys.append(f"The record bounds the accession day of {', '.join(sorted(bounded['name']))}.")
    keys.append(f"{len(waiting)} invited States had not acceded on {day:%-d %B %Y}.")
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, xlabel="Year", note=note, key_numbers=keys)


CHART = Chart("invitation_to_accession", invitation_to_accession, draw, sources.treaty_source_line, note, MAIN_TREATY)
