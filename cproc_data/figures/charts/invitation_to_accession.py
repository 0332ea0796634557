"""How long invited States took to accede to ETS 185."""

from __future__ import annotations

import pandas as pd

from ...derive.record_gaps import record_gaps
from ...derive.treaty_record import treaty_record
from ...domain.treaties import MAIN_TREATY
from .. import sources, style
from ..chart import Chart
from ..finish import finish


def invitation_to_accession(as_of) -> pd.DataFrame:
    """States invited to accede to ETS 185, with the accession where it followed.

    An accession the record only bounds (Argentina, Colombia, Grenada: a month from their
    entry into force) is drawn at its latest possible day and flagged `accession_bounded`;
    `years` is then an upper bound."""
    r = treaty_record(MAIN_TREATY)
    r = r[r["first_invitation"].notna() & (r["first_invitation"] <= pd.Timestamp(as_of))].copy()
    bounded = r["accession"].isna() & (r["deposit_type"] == "accession") & r["deposit_latest"].notna()
    r["accession"] = r["accession"].where(~bounded, r["deposit_latest"])
    r["accession"] = r["accession"].where(r["accession"] <= pd.Timestamp(as_of))
    r["accession_bounded"] = bounded & r["accession"].notna()
    r["years"] = ((r["accession"] - r["first_invitation"]).dt.days / 365.25).round(2)
    out = r[["iso3", "name", "first_invitation", "accession", "accession_bounded", "years"]].rename(
        columns={"first_invitation": "invited_on"}
    )
    return out.sort_values(["invited_on", "name"]).reset_index(drop=True)


def note(as_of) -> str | None:
    g = record_gaps()
    n = g[(g["treaty"] == MAIN_TREATY) & (g["missing"] == "invitation")]["iso3"].nunique()
    return f"{n} States acceded without an invitation date in the record and are not shown (README, 'Known gaps')." if n else None


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Dot plot: for each invited State, invitation date to accession date."""
    fig, ax = style.new_figure("full_tall")
    d = data.sort_values(["invited_on", "name"], ascending=[False, True]).reset_index(drop=True)
    for i, r in d.iterrows():
        ax.plot(
            [r["invited_on"], r["accession"] if pd.notna(r["accession"]) else pd.Timestamp(as_of)],
            [i, i],
            color=style.PALETTE["invited"] if pd.isna(r["accession"]) else style.PALETTE["neutral"],
            linewidth=1,
            linestyle="-" if pd.notna(r["accession"]) else ":",
        )
    ax.scatter(d["invited_on"], d.index, color=style.PALETTE["invited"], s=18, zorder=3, label="Invited to accede")
    acc = d[d["accession"].notna()]
    ax.scatter(acc["accession"], acc.index, color=style.PALETTE["party"], s=18, zorder=3, label="Acceded (Party)")
    ax.set_yticks(d.index, d["name"], fontsize=6.5)
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", fontsize=7)
    med = acc["years"].median() if len(acc) else float("nan")
    title = (
        f"From invitation to accession: a median of {med:.1f} years for the {len(acc)} States in the record"
        if len(acc)
        else "States invited to accede to the Budapest Convention"
    )
    alt = (
        f"Dot plot of {len(d)} States invited to accede to the Convention on Cybercrime whose invitation date is in the "
        f"record, each from invitation to accession; {len(acc)} acceded, median {med:.1f} years."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, xlabel="Date", note=note)


CHART = Chart("invitation_to_accession", invitation_to_accession, draw, sources.treaty_source_line, note, MAIN_TREATY)
