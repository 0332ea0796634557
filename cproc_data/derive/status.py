"""Status and counts, with their certainty: each State's status under a treaty at any date.

The rules are `domain.counting` (CountingRules; `state_segments`: the statuses a State can
have between two bounds of its event dates). Counts come in three: `parties_min` (States
certainly Parties), `parties_max` (certainly or possibly), and `parties`, the certain
count (= `parties_min`); the same for signatories and invited States. Single-date and
range queries read the same segments, so they agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..domain.counting import DEFAULT_RULES, FAR, STATUS_PRIORITY, STATUSES, CountingRules, segments_of
from ..domain.dates import to_date
from ..domain.treaties import MAIN_TREATY, TREATIES, get_treaty
from ..load import cached
from .states import coe_member_at, states
from .treaty_record import resolve_as_of, treaty_events

COUNT_COLUMNS = {"party": "parties", "signatory": "signatories", "invited": "invited"}
RESTS_ON = {"party": ("ratification", "accession", "deposit"), "signatory": ("signature",), "invited": ("invitation",)}


@cached
def _segments(rules: CountingRules) -> pd.DataFrame:
    rows = []
    ev = treaty_events()
    grouped: dict[tuple[str, str], list] = {}
    for t, i, e, a, b in zip(ev["treaty"], ev["iso3"], ev["event"], ev["earliest"], ev["latest"]):
        grouped.setdefault((t, i), []).append((e, None if pd.isna(a) else a, None if pd.isna(b) else b))
    for (treaty, iso3), events in sorted(grouped.items()):
        for start, end, possible in segments_of(events, rules):
            floor = max(possible, key=STATUSES.index)  # what holds if no undecided event has happened yet
            rows.append(
                (
                    treaty,
                    iso3,
                    floor,
                    len(possible) == 1,
                    "|".join(sorted(possible, key=STATUSES.index)),
                    start,
                    pd.NaT if end == FAR else end,
                )
            )
    df = pd.DataFrame(rows, columns=["treaty", "iso3", "status", "certain", "possible", "start", "end"])
    df["start"] = df["start"].astype("datetime64[ns]")
    df["end"] = df["end"].astype("datetime64[ns]")
    return df


def status_spells(treaty: str | None = None, rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Each State's status history: treaty, iso3, status, certain, possible, start, end (exclusive; NaT = open).

    `status` is what holds if no undecided event has yet happened; `possible` lists every
    status the record allows in the spell ('party|signatory' while a deposit is only bounded).
    """
    df = _segments(rules)
    if treaty is not None:
        df = df[df["treaty"] == get_treaty(treaty).code]
    return df.reset_index(drop=True).copy()


def status(
    as_of=None,
    treaty: str = MAIN_TREATY,
    rules: CountingRules = DEFAULT_RULES,
    *,
    all_states: bool = True,
    allow_future: bool = False,
) -> pd.DataFrame:
    """Per-State status at `as_of` (default: the data's as-of date), with its certainty.

    Columns: as_of, treaty, iso3, name, status, certain, possible, since, rests_on,
    event_earliest, event_latest, coe_member, region. `status` is certain where `certain`;
    otherwise it is what holds unless the undecided event (`rests_on`, between
    `event_earliest` and `event_latest`) has already happened, and `possible` lists the
    alternatives. With `all_states` every State in `states()` is listed. A date after the
    data's as-of date is refused unless `allow_future` (a forecast). One row per State.
    """
    t = get_treaty(treaty)
    when = pd.Timestamp(resolve_as_of(as_of, treaty=t.code, allow_future=allow_future))
    return status_on(when, t.code, rules, all_states)


def status_on(when: pd.Timestamp, code: str, rules: CountingRules = DEFAULT_RULES, all_states: bool = True) -> pd.DataFrame:
    """`status` on a day already checked by the caller (derivations over the record's own dates)."""
    sp = status_spells(code, rules)
    live = sp[(sp["start"] <= when) & (sp["end"].isna() | (sp["end"] > when))]
    out = states()[["iso3", "name", "region"]].merge(
        live[["iso3", "status", "certain", "possible", "start"]], on="iso3", how="left"
    )
    if not all_states:
        out = out[out["status"].notna()]
    out["status"] = out["status"].fillna("none").astype("string")
    out["certain"] = out["certain"].fillna(True).astype(bool)
    out["possible"] = out["possible"].fillna(out["status"]).astype("string")
    out = out.rename(columns={"start": "since"})
    out["since"] = out["since"].where(out["certain"])
    rest = _rests_on(code, out)
    out = out.join(rest)
    out.insert(0, "as_of", when)
    out.insert(1, "treaty", code)
    out["coe_member"] = coe_member_at(out["iso3"], when)
    out["status"] = pd.Categorical(out["status"], categories=list(STATUSES), ordered=True)
    cols = [
        "as_of",
        "treaty",
        "iso3",
        "name",
        "status",
        "certain",
        "possible",
        "since",
        "rests_on",
        "event_earliest",
        "event_latest",
        "coe_member",
        "region",
    ]
    out = out[cols].sort_values(["status", "name"]).reset_index(drop=True)
    if out["iso3"].duplicated().any():
        raise AssertionError("status: a State has two statuses at one date")
    return out


@cached
def _first_events(code: str) -> dict[tuple[str, str], tuple[tuple, tuple]]:
    """(iso3, event) -> (sort key, (event, earliest, latest)) of its earliest event: the record's
    order among equal days, unknown days last (as `sort_values("earliest")` puts them)."""
    ev = treaty_events(code)
    out: dict[tuple[str, str], tuple[tuple, tuple]] = {}
    for pos, (iso3, event, a, b) in enumerate(zip(ev["iso3"], ev["event"], ev["earliest"], ev["latest"])):
        key = (pd.isna(a), a if pd.notna(a) else pd.Timestamp.min, pos)
        if (iso3, event) not in out or key < out[(iso3, event)][0]:
            out[(iso3, event)] = (key, (event, a, b))
    return out


def _rests_on(code: str, out: pd.DataFrame) -> pd.DataFrame:
    """The event each status rests on (the undecided one where the status is uncertain), with its bounds."""
    first = _first_events(code)
    rows = []
    for iso3, st, possible in zip(out["iso3"], out["status"], out["possible"]):
        options = str(possible).split("|")
        key = options[0] if len(options) > 1 else st  # uncertain: the higher status is the pending event
        found = [first[(iso3, e)] for e in RESTS_ON.get(key, ()) if (iso3, e) in first]
        rows.append(min(found)[1] if found else (pd.NA, pd.NaT, pd.NaT))
    df = pd.DataFrame(rows, columns=["rests_on", "event_earliest", "event_latest"], index=out.index)
    df["rests_on"] = df["rests_on"].astype("string")
    return df


def status_table(as_of=None) -> pd.DataFrame:
    """Per-State status under every treaty open at `as_of` (rows with a status only), as text dates."""
    when = pd.Timestamp(resolve_as_of(as_of))
    frames = [status_on(when, code, DEFAULT_RULES, False) for code, t in TREATIES.items() if when.date() >= t.opened]
    df = pd.concat(frames, ignore_index=True)
    for c in ("as_of", "since", "event_earliest", "event_latest"):
        df[c] = pd.to_datetime(df[c]).dt.strftime("%Y-%m-%d")
    df["status"] = df["status"].astype(str)
    return df


@cached
def _bounds(rules: CountingRules, treaty: str) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """Sorted segment starts and ends (int64 ns) per status, certain ('min') and possible ('max')."""
    sp = _segments(rules)
    sub = sp[sp["treaty"] == treaty]
    out = {}
    for st in STATUS_PRIORITY:
        for kind, mask in (("min", sub["possible"] == st), ("max", sub["possible"].str.split("|").map(lambda p, s=st: s in p))):
            s = sub[mask]
            starts = np.sort(s["start"].to_numpy().astype("datetime64[ns]").astype(np.int64))
            ends = np.sort(s["end"].fillna(FAR).to_numpy().astype("datetime64[ns]").astype(np.int64))
            out[(st, kind)] = (starts, ends)
    return out


def counts(dates, treaty: str | list[str] | None = MAIN_TREATY, rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Parties, signatories and invited States at each date, with their bounds, in one vectorised pass.

    `dates`: a date, a list (ISO strings, dates, Timestamps) or a DatetimeIndex. `treaty`:
    one code, a list, or None for all. Returns a long frame: date, treaty, parties,
    signatories, invited (the certain counts), and `<count>_min` / `<count>_max`. Before a
    treaty was opened for signature its counts are zero. A State holds a status on day d
    when its segment started on or before d and ends after d: count(d) = #starts <= d -
    #ends <= d, two binary searches per status and bound.
    """
    if isinstance(dates, pd.DatetimeIndex):
        idx = dates
    else:
        items = [dates] if isinstance(dates, (str, pd.Timestamp)) or not hasattr(dates, "__len__") else list(dates)
        idx = pd.DatetimeIndex([pd.Timestamp(to_date(d)) for d in items])
    x = idx.as_unit("ns").asi8
    codes = list(TREATIES) if treaty is None else [treaty] if isinstance(treaty, str) else list(treaty)
    codes = [get_treaty(c).code for c in codes]
    kinds = [(st, kind) for st in COUNT_COLUMNS for kind in ("min", "max")]
    bounds = []
    for code in codes:
        b = _bounds(rules, code)
        bounds += [b[k] for k in kinds]
    if len(x) > 64 and bool(np.all(x[1:] >= x[:-1])):  # many sorted dates: place the few bounds among them
        counted = _placed_all(x, bounds)
    else:
        counted = np.array([np.searchsorted(st, x, side="right") - np.searchsorted(en, x, side="right") for st, en in bounds])
    n, m = len(codes), len(kinds)
    names = [f"{COUNT_COLUMNS[st]}_{kind}" for st, kind in kinds]
    mins = [names.index(f"{c}_min") for c in COUNT_COLUMNS.values()]
    out = np.empty((n, len(x), 3 + m), dtype=np.int64)  # one row per (treaty, date)
    by_treaty = counted.reshape(n, m, len(x)).transpose(0, 2, 1)
    out[:, :, 3:] = by_treaty
    out[:, :, :3] = by_treaty[:, :, mins]
    table = pd.DataFrame(out.reshape(n * len(x), 3 + m), columns=[*COUNT_COLUMNS.values(), *names], copy=False)
    table.insert(0, "treaty", pd.Categorical.from_codes(np.repeat(np.arange(n), len(x)), categories=codes))
    table.insert(0, "date", np.tile(x.view("datetime64[ns]"), n))
    return table


def _placed_all(x: np.ndarray, bounds: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """For sorted dates x and each (starts, ends): #starts <= d - #ends <= d at every date d.

    One histogram for all series: each start adds one at the first date on or after it,
    each end takes one away; a running sum along the dates gives the counts."""
    n, size = len(x), len(bounds) * (len(x) + 1)
    starts = np.concatenate([k * (n + 1) + np.searchsorted(x, s, side="left") for k, (s, _e) in enumerate(bounds)])
    ends = np.concatenate([k * (n + 1) + np.searchsorted(x, e, side="left") for k, (_s, e) in enumerate(bounds)])
    hist = np.bincount(starts, minlength=size) - np.bincount(ends, minlength=size)
    return np.cumsum(hist.reshape(len(bounds), n + 1)[:, :n], axis=1)
