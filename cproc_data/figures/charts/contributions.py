"""Donor contributions by donor and year, as the sources give them: amounts in their own
currency, a period drawn over its years, and empty cells where no source gives a figure."""

from __future__ import annotations

import pandas as pd

from ...derive import project_timeline as tl
from .. import sources, style
from ..chart import Chart
from ..finish import finish

CURRENCY_COLORS = {"EUR": "#0072B2", "USD": "#E69F00", "GBP": "#009E73", "CAD": "#CC79A7", "JPY": "#56B4E9"}
LINE_IN = 0.15  # inches per line of a cell
NO_YEAR = "year not given"


def contributions(as_of) -> pd.DataFrame:
    """One row per contribution a source gives, made by `as_of` (or with no year): donor, code,
    period and its first and last year, amount, currency, qualifier, project, source document."""
    return tl.contributions_by_period(as_of)


def note(as_of) -> str:
    """What the grid shows, and what the record lacks."""
    c = tl.contributions_by_period(as_of)
    text = (
        "Empty cells: no source gives a contribution (not zero). Amounts in the currency each source prints, "
        "not converted. A contribution given for a period is drawn over its years, not split."
    )
    undated = c["first_year"].isna().sum()
    if undated:
        text += f" {undated} contributions have no year in their source (last row); they may postdate {pd.Timestamp(as_of):%-d %B %Y}."
    missing = tl.funders_without_amount(as_of)
    if missing:
        text += f" No amount in the record for States that project documents name as funders: {', '.join(missing)}."
    shown = tl.shown_projects(as_of)
    joint = set(shown.loc[shown["funding_type"] == "eu_coe_joint", "project"])
    eu = joint & set(c.loc[c["donor_code"] == "EU", "project"])
    if joint:
        text += f" The EU's contribution is given for {len(eu)} of {len(joint)} EU/Council of Europe joint projects."
    return text


def amount_text(amount, currency, qualifier) -> list[str]:
    """'EUR 45,000', 'EUR 2.04 m'; a bound or an approximation on its own first line."""
    a = float(amount)
    value = f"{currency} {a / 1e6:.2f} m" if a >= 1e6 else f"{currency} {a:,.0f}"
    prefix = {"lower_bound": "at least", "upper_bound": "up to", "approx": "about"}.get(str(qualifier))
    return [prefix, value] if prefix else [value]


def _rows(data: pd.DataFrame) -> tuple[list, dict]:
    """Row labels (years, then NO_YEAR) and, per row, how many lines its fullest cell needs."""
    dated = data[data["first_year"].notna()]
    years = list(range(int(dated["first_year"].min()), int(dated["last_year"].max()) + 1)) if len(dated) else []
    rows = years + ([NO_YEAR] if data["first_year"].isna().any() else [])
    lines = dict.fromkeys(rows, 1)
    singles = data[data["first_year"].isna() | (data["first_year"] == data["last_year"])]
    for (_, row), grp in singles.groupby([singles["donor"], singles["first_year"].astype("object").fillna(NO_YEAR)]):
        row = NO_YEAR if row == NO_YEAR else int(row)
        need = sum(len(amount_text(*r)) for r in zip(grp["amount"], grp["currency"], grp["qualifier"]))
        lines[row] = max(lines[row], need)
    periods = data[data["first_year"].notna() & (data["first_year"] != data["last_year"])]
    for r in periods.itertuples():  # a period's box holds its amount and the period: give its last year the room
        need = len(amount_text(r.amount, r.currency, r.qualifier)) + 1
        have = sum(lines[y] for y in range(int(r.first_year), int(r.last_year) + 1))
        lines[int(r.last_year)] += max(0, need - have)
    return rows, lines


def draw(data: pd.DataFrame, as_of, note: str | None = None, source: str = ""):
    """Grid: years down, donors across; one box per contribution with its amount, a period as one tall box."""
    from matplotlib.patches import Patch, Rectangle

    day = pd.Timestamp(as_of)
    rows, lines = _rows(data)
    order = data.assign(_f=data["first_year"].astype("Float64")).sort_values(["_f", "donor"], na_position="last")
    donors = list(dict.fromkeys(order["donor"]))
    top, y = {}, 0.0
    for r in rows:
        top[r] = y + (0.4 if r == NO_YEAR else 0)  # a gap above the row without a year
        y = top[r] + lines[r]
    fig, ax = style.new_figure("full_tall")
    footer = style.footer_lines(fig, source, note)
    fig.set_figheight(y * LINE_IN + 1.5 + footer * style.FOOTER_FONT_SIZE * 1.35 / 72)
    ax.set_xlim(0, len(donors))
    ax.set_ylim(y, 0)
    ax.grid(False)
    for i in range(len(donors) + 1):
        ax.axvline(i, color="#E3E3E3", linewidth=0.5, zorder=0)
    for r in rows:
        ax.axhline(top[r], color="#E3E3E3", linewidth=0.5, zorder=0)
    ax.axhline(y, color="#E3E3E3", linewidth=0.5, zorder=0)
    used: dict[tuple[int, object], float] = {}
    for c in data.itertuples():
        col = donors.index(c.donor)
        text = amount_text(c.amount, c.currency, c.qualifier)
        color = CURRENCY_COLORS.get(c.currency, style.PALETTE["neutral"])
        if pd.isna(c.first_year) or c.first_year == c.last_year:  # one year (or none): stacked in its cell
            row = NO_YEAR if pd.isna(c.first_year) else int(c.first_year)
            y0 = top[row] + used.get((col, row), 0.0)
            used[(col, row)] = used.get((col, row), 0.0) + len(text)
            height = len(text)
        else:  # a period: one box over its years, never split
            y0 = top[int(c.first_year)]
            height = top[int(c.last_year)] + lines[int(c.last_year)] - y0
            text = [*text, f"({c.period})"]
        ax.add_patch(Rectangle((col + 0.06, y0 + 0.08), 0.88, height - 0.16, facecolor=color, alpha=0.18,
                               edgecolor=color, linewidth=0.8, label=f"{c.donor} {c.period} {c.currency}"))  # fmt: skip
        ax.text(
            col + 0.5, y0 + height / 2, "\n".join(text), ha="center", va="center", fontsize=6, linespacing=1.1, color="#222222"
        )
    ax.set_yticks([top[r] + lines[r] / 2 for r in rows], [str(r) for r in rows], fontsize=7)
    ax.tick_params(axis="both", length=0)
    ax.xaxis.tick_top()
    width_pt = fig.get_figwidth() * 72 * 0.85 / max(len(donors), 1)
    ax.set_xticks([i + 0.5 for i in range(len(donors))], [_header(d, width_pt) for d in donors], fontsize=6.5)
    for spine in ax.spines.values():
        spine.set_visible(False)
    currencies = [k for k in CURRENCY_COLORS if k in set(data["currency"])]
    ax.legend(
        handles=[Patch(facecolor=CURRENCY_COLORS[k], alpha=0.4, label=k) for k in currencies],
        loc="upper left", bbox_to_anchor=(0, -0.01), ncols=len(currencies), fontsize=6.5, title="Currency as printed (not converted):",
        title_fontsize=6.5, alignment="left",
    )  # fmt: skip
    return finish(fig, ax, title=_title(data), alt=_alt(data, rows, donors), source=source, as_of=day, note=note,
                  suptitle=True, key_numbers=_key_numbers(data))  # fmt: skip


def _header(name: str, width_pt: float) -> str:
    """A donor's name, on two lines where it is wider than its column."""
    if style.text_width(name, 6.5) <= width_pt or " " not in name:
        return name
    words = name.split()
    cut = max(range(1, len(words)), key=lambda i: -abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _most(data: pd.DataFrame) -> tuple[list[str], int]:
    n = data["donor"].value_counts()
    return sorted(n[n == n.max()].index), int(n.max())


def _title(data: pd.DataFrame) -> str:
    dated = data["first_year"].dropna()
    since = f" since {int(dated.min())}" if len(dated) else ""
    names, k = _most(data)
    who = " and ".join(names) if len(names) <= 2 else f"{len(names)} donors"
    each = " each" if len(names) > 1 else ""
    return (
        f"Donor contributions the sources give: {len(data)} from {data['donor'].nunique()} donors{since}; "
        f"{who} most often ({k}{each}); empty cells are gaps in the record"
    )


def _alt(data: pd.DataFrame, rows: list, donors: list) -> str:
    periods = (data["first_year"] != data["last_year"]) & data["first_year"].notna()
    years = [r for r in rows if r != NO_YEAR]
    span = f"years {years[0]} to {years[-1]} down the side" if years else "no dated contribution"
    return (
        f"Grid of {len(data)} donor contributions, {len(donors)} donors across the top and {span}; each box gives an "
        f"amount in the currency its source prints ({', '.join(sorted(set(data['currency'])))}); {int(periods.sum())} given "
        f"for a period span their years; {int(data['first_year'].isna().sum())} without a year are in the last row; "
        "empty cells mean no source gives a contribution."
    )


def _key_numbers(data: pd.DataFrame) -> list[str]:
    dated = data["first_year"].dropna()
    out = [
        f"{len(data)} contributions from {data['donor'].nunique()} donors"
        + (f", {int(dated.min())}-{int(data['last_year'].max())}" if len(dated) else "")
        + f" ({int(data['first_year'].isna().sum())} without a year)."
    ]
    names, k = _most(data)
    out.append(f"Most contributions: {' and '.join(names)} ({k}{' each' if len(names) > 1 else ''}).")
    totals = []
    for cur, grp in data.groupby("currency", sort=True):
        q = set(grp["qualifier"])
        bound = "at least " if q <= {"exact", "lower_bound"} and "lower_bound" in q else "about " if q != {"exact"} else ""
        totals.append(f"{bound}{cur} {grp['amount'].sum():,.0f} ({len(grp)})")
    out.append("Sums by currency, not converted: " + "; ".join(totals) + ".")
    return out


def contribution_sources(data: pd.DataFrame) -> str:
    return sources.document_source_line(data, "contributions")


CHART = Chart("contributions", contributions, draw, contribution_sources, note)
