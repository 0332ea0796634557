"""How the membership charts are drawn: one function per chart, taking its frame, returning a Figure."""

from __future__ import annotations

import pandas as pd

from . import style
from .finish import count_label, finish


def membership(counts: pd.DataFrame, as_of, note: str | None = None, source: str = "", cproc_start=style.CPROC_START):
    """Stacked areas: Parties, signatories, invited States of ETS 185 over time.

    `counts`: date, parties, signatories, invited (one treaty).
    """
    c = counts.sort_values("date")
    fig, ax = style.new_figure("full")
    series = [("party", "parties"), ("signatory", "signatories"), ("invited", "invited")]
    ax.stackplot(
        c["date"],
        *[c[col] for _, col in series],
        labels=[style.STATUS_LABELS[s] for s, _ in series],
        colors=[style.PALETTE[s] for s, _ in series],
        step="post",
        linewidth=0,
    )
    start = pd.Timestamp(cproc_start)
    ax.axvline(start, color=style.PALETTE["accent"], linewidth=1, linestyle="--")
    ax.set_xlim(c["date"].min(), c["date"].max())
    ax.set_ylim(0, max(1, int((c[["parties", "signatories", "invited"]].sum(axis=1)).max() * 1.25)))
    ax.annotate(
        "C-PROC operational\n(April 2014)",
        xy=(start, ax.get_ylim()[1] * 0.97),
        xytext=(4, 0),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=7,
        color=style.PALETTE["accent"],
    )
    if "parties_max" in c and (c["parties_max"] != c["parties_min"]).any():
        ax.fill_between(
            c["date"],
            c["parties_min"],
            c["parties_max"],
            step="post",
            facecolor="none",
            edgecolor=style.PALETTE["neutral"],
            hatch="////",
            linewidth=0,
            label="Parties: range the record allows",
            gid="uncertainty-band",
        )
    ax.legend(loc="upper left", ncols=1)
    last = c.iloc[-1]
    high = "parties_max" if "parties_max" in c else "parties"
    if (c["date"] == start).any():
        at = c[c["date"] == start].iloc[-1]
        title = (
            f"Budapest Convention: {count_label(int(at['parties']), int(at[high]), 'Parties')} when C-PROC opened, "
            f"{count_label(int(last['parties']), int(last[high]), 'Parties')} by {pd.Timestamp(as_of):%B %Y}"
        )
    else:
        title = (
            f"Budapest Convention: {count_label(int(last['parties']), int(last[high]), 'Parties')} by {pd.Timestamp(as_of):%B %Y}"
        )
    total = int(last["parties"] + last["signatories"] + last["invited"])
    alt = (
        f"Stacked area chart of States that are Parties to, signatories of, or invited to accede to the "
        f"Convention on Cybercrime from November 2001 to {pd.Timestamp(as_of):%B %Y}: {int(last['parties'])} Parties, "
        f"{int(last['signatories'])} signatories and {int(last['invited'])} invited States ({total} in all) at the end."
    )
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, ylabel="States (number)", note=note)


def regions(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: Parties by UN M49 region (stacked), Council of Europe members vs non-members."""
    import matplotlib.pyplot as plt

    style.use()
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=style.SIZES["full"], layout="constrained", sharey=True)
    reg = data[data["grouping"] == "region"].pivot_table(index="date", columns="group", values="parties", fill_value=0)
    order = [r for r in style.REGION_COLORS if r in reg.columns]
    if order:  # no Party yet (before July 2004 no region has one)
        ax1.stackplot(
            reg.index, *[reg[r] for r in order], labels=order, colors=[style.REGION_COLORS[r] for r in order], step="post"
        )
        ax1.legend(loc="upper left", fontsize=7)
    ax1.set_title("By region", fontsize=8.5, loc="left", fontweight="normal")
    ax1.set_ylabel("Parties (number)")
    mem = data[data["grouping"] == "coe_membership"].pivot_table(index="date", columns="group", values="parties", fill_value=0)
    for g, color in style.MEMBERSHIP_COLORS.items():
        if g in mem.columns:
            ax2.step(mem.index, mem[g], where="post", color=color, label=g)
    ax2.set_title("Council of Europe members and non-members", fontsize=8.5, loc="left", fontweight="normal")
    ax2.legend(loc="upper left", fontsize=7)
    last = mem.iloc[-1]
    title = (
        f"Non-member States make up a growing share of Parties: {int(last.get('Non-member States', 0))} of "
        f"{int(last.sum())} by {pd.Timestamp(as_of):%B %Y}"
    )
    alt = (
        f"Two charts of Parties to the Convention on Cybercrime at each year end: stacked by UN region, and Council of "
        f"Europe members ({int(last.get('Council of Europe members', 0))}) against non-member States "
        f"({int(last.get('Non-member States', 0))}) at {pd.Timestamp(as_of):%B %Y}."
    )
    fig.suptitle("")
    return finish(fig, ax1, title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


def invitation_to_accession(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Dot plot: for each invited State, invitation date to accession date."""
    fig, ax = style.new_figure("full_tall")
    d = data.sort_values(["invited", "name"], ascending=[False, True]).reset_index(drop=True)
    for i, r in d.iterrows():
        ax.plot(
            [r["invited"], r["accession"] if pd.notna(r["accession"]) else pd.Timestamp(as_of)],
            [i, i],
            color=style.PALETTE["invited"] if pd.isna(r["accession"]) else style.PALETTE["neutral"],
            linewidth=1,
            linestyle="-" if pd.notna(r["accession"]) else ":",
        )
    ax.scatter(d["invited"], d.index, color=style.PALETTE["invited"], s=18, zorder=3, label="Invited to accede")
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


def protocols(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Two panels: Parties and signatories of the First (since 2003) and Second Protocol (since May 2022)."""
    import matplotlib.pyplot as plt

    style.use()
    fig, axes = plt.subplots(1, 2, figsize=style.SIZES["full"], layout="constrained", gridspec_kw={"width_ratios": [1.6, 1]})
    names = {"ETS189": "First Protocol (ETS 189)", "CETS224": "Second Protocol (CETS 224)"}
    last = {}
    for ax, code in zip(axes, ("ETS189", "CETS224")):
        c = data[data["treaty"] == code].sort_values("date")
        ax.stackplot(
            c["date"],
            c["parties"],
            c["signatories"],
            step="post",
            labels=[style.STATUS_LABELS["party"], style.STATUS_LABELS["signatory"]],
            colors=[style.PALETTE["party"], style.PALETTE["signatory"]],
        )
        ax.set_title(names[code], fontsize=8.5, loc="left", fontweight="normal")
        ax.set_xlim(c["date"].min(), c["date"].max())
        last[code] = c.iloc[-1]
    axes[0].set_ylabel("States (number)")
    axes[0].legend(loc="upper left", fontsize=7)
    p2 = last["CETS224"]
    title = (
        f"Second Protocol: {int(p2['parties'] + p2['signatories'])} States signed in "
        f"{(pd.Timestamp(as_of) - pd.Timestamp('2022-05-12')).days / 365.25:.1f} years, {int(p2['parties'])} ratified"
    )
    p1 = last["ETS189"]
    alt = (
        f"Two stacked area charts: the First Protocol has {int(p1['parties'])} Parties and {int(p1['signatories'])} "
        f"signatories, the Second {int(p2['parties'])} Parties and {int(p2['signatories'])} signatories at "
        f"{pd.Timestamp(as_of):%B %Y}."
    )
    return finish(fig, axes[0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


def reconciliation(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Reported membership figures (markers) against the counts computed from the record."""
    import matplotlib.pyplot as plt

    style.use()
    fig, axes = plt.subplots(2, 2, figsize=style.SIZES["full_tall"], layout="constrained", sharex=True)
    panels = [
        ("parties", "Parties", "party"),
        ("signatories", "Signatories", "signatory"),
        ("invited", "Invited to accede", "invited"),
        ("parties_signatories_invited_total", "All three together", "neutral"),
    ]
    for ax, (ind, label, key) in zip(axes.flat, panels):
        d = data[data["indicator"] == ind].sort_values("compared_on")
        color = style.PALETTE[key]
        ax.plot(d["compared_on"], d["computed"].astype(float), color=color, linewidth=0, marker="_", markersize=10)
        for r in d.itertuples():
            style.qualifier_marker(ax, r.compared_on, r.reported, r.qualifier, color, size=22)
            ax.plot([r.compared_on, r.compared_on], [float(r.computed), r.reported], color=color, linewidth=0.6, alpha=0.6)
        ax.set_title(label, fontsize=8.5, loc="left", fontweight="normal")
    axes[0, 0].set_ylabel("States (number)")
    axes[1, 0].set_ylabel("States (number)")
    from matplotlib.lines import Line2D

    axes[0, 0].legend(
        handles=[
            Line2D([], [], color="#444444", marker="o", linestyle="none", label="reported"),
            Line2D([], [], color="#444444", marker="_", markersize=10, linestyle="none", label="computed from the record"),
        ],
        loc="upper left",
        fontsize=6.5,
    )
    n = len(data)
    match = int((data["difference"] == 0).sum())
    title = f"Reported membership figures and the record: {match} of {n} agree exactly"
    alt = (
        f"Four panels comparing {n} membership figures reported by C-PROC and the Council of Europe with the counts "
        f"computed from the per-State record on the same dates; {match} agree exactly."
    )
    return finish(fig, axes[0, 0], title=title, alt=alt, source=source, as_of=as_of, note=note, suptitle=True)


def world_map(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Tile-grid map: one square per State, coloured by ETS 185 status."""
    from matplotlib.patches import Patch, Rectangle

    fig, ax = style.new_figure("map")
    for r in data.itertuples():
        color = style.PALETTE[r.status]
        ax.add_patch(
            Rectangle((r.col, -r.row), 0.92, 0.92, facecolor=color, edgecolor="white", linewidth=0.3, gid=f"tile-{r.iso3}")
        )
        ax.text(
            r.col + 0.46,
            -r.row + 0.46,
            r.iso3,
            ha="center",
            va="center",
            fontsize=2.6,
            color="white" if r.status in ("party", "invited") else "#333333",
        )
    ax.set_xlim(data["col"].min() - 0.5, data["col"].max() + 1.5)
    ax.set_ylim(-data["row"].max() - 0.5, -data["row"].min() + 1.5)
    ax.set_aspect("equal")
    ax.axis("off")
    counts_ = data["status"].value_counts()
    handles = [
        Patch(color=style.PALETTE[s], label=f"{style.STATUS_LABELS[s]} ({int(counts_.get(s, 0))})") for s in style.STATUS_ORDER
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.02), fontsize=7, ncols=4)
    title = (
        f"{int(counts_.get('party', 0))} Parties, {int(counts_.get('signatory', 0))} signatories and "
        f"{int(counts_.get('invited', 0))} invited States on {pd.Timestamp(as_of):%-d %B %Y}"
    )
    alt = (
        f"Tile-grid world map, one equal square per State ({len(data)} States), coloured by status under the Convention "
        f"on Cybercrime on {pd.Timestamp(as_of):%-d %B %Y}: Parties, signatories, invited States and others."
    )
    note = (note + " " if note else "") + "One equal tile per State, placed near its centroid; labels are ISO 3166 codes."
    return finish(fig, ax, title=title, alt=alt, source=source, as_of=as_of, note=note)
