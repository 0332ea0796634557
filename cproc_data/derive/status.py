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

from ..domain.counting import DEFAULT_RULES, FAR, STATUSES, CountingRules, segments_of
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
    rest = _rests_on(code, out, when)
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
def _events_by_status(code: str) -> dict[tuple[str, str], list[tuple]]:
    """(iso3, status) -> the events a status can rest on, (event, earliest, latest), earliest
    first (unknown days first, as `sort_values(na_position="first")` puts them). Built once
    per treaty: `status_on` runs for every date of a chart."""
    ev = treaty_events(code)
    kind = {e: st for st, events in RESTS_ON.items() for e in events}
    ev = ev[ev["event"].isin(kind)].sort_values("earliest", na_position="first")
    found: dict[tuple[str, str], list[tuple]] = {}
    for iso3, event, a, b in zip(ev["iso3"], ev["event"], ev["earliest"], ev["latest"]):
        found.setdefault((iso3, kind[event]), []).append((event, a, b))
    return found


def _rests_on(code: str, out: pd.DataFrame, when: pd.Timestamp) -> pd.DataFrame:
    """The event each status rests on, with its bounds: for a certain status the latest event
    of its kind by the day the status began (`since`: the invitation that began it, not an
    earlier one that lapsed); for an uncertain one the undecided event of the highest status
    it may have (a deposit still bounded, say), by `when`. None for a State with no status."""
    found = _events_by_status(code)
    rows = []
    for iso3, possible, certain, since in zip(out["iso3"], out["possible"], out["certain"], out["since"]):
        options = found.get((iso3, str(possible).split("|")[0]), [])  # the status, or the highest possible one
        day = since if certain and pd.notna(since) else when
        began = [o for o in options if pd.isna(o[1]) or o[1] <= day]
        rows.append((began or options)[-1] if options else (pd.NA, pd.NaT, pd.NaT))
    df = pd.DataFrame(rows, columns=["rests_on", "event_earliest", "event_latest"], index=out.index)
    df["rests_on"] = df["rests_on"].astype("string")
    for c in ("event_earliest", "event_latest"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[ns]")
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


BOUND_NAMES = [f"{c}_{kind}" for c in COUNT_COLUMNS.values() for kind in ("min", "max")]


@cached
def _segment_arrays(rules: CountingRules) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The segments as arrays: treaty, start and end (int64 ns; FAR where open), and per
    bound name ('parties_min', ...) the segments it counts: 'min' where the segment allows
    that status alone (certain), 'max' where it allows it among others (possible)."""
    sp = _segments(rules)
    start = sp["start"].to_numpy().astype("datetime64[ns]").astype(np.int64)
    end = sp["end"].fillna(FAR).to_numpy().astype("datetime64[ns]").astype(np.int64)
    possible = [str(p).split("|") for p in sp["possible"]]
    masks = {}
    for st, col in COUNT_COLUMNS.items():
        masks[f"{col}_min"] = np.array([p == [st] for p in possible], dtype=bool)
        masks[f"{col}_max"] = np.array([st in p for p in possible], dtype=bool)
    return sp["treaty"].to_numpy(dtype=object), start, end, masks


@cached
def _steps(rules: CountingRules, treaty: str) -> tuple[np.ndarray, np.ndarray]:
    """The counts of one treaty as a step function: the days they change (int64 ns, sorted)
    and a (len(BOUND_NAMES), changes + 1) table whose column j holds the counts from change
    j - 1 (inclusive) to change j (exclusive); column 0 is before the first change (zeros).

    A State holds a status on day d when its segment started on or before d and ends after
    d, so count(d) = #starts <= d - #ends <= d."""
    treaties, start, end, masks = _segment_arrays(rules)
    mine = treaties == treaty
    series = [(np.sort(start[mine & masks[name]]), np.sort(end[mine & masks[name]])) for name in BOUND_NAMES]
    changes = np.unique(np.concatenate([start[mine], end[mine]]))
    table = np.zeros((len(series), len(changes) + 1), dtype=np.int64)
    for row, (starts, ends) in enumerate(series):
        table[row, 1:] = np.searchsorted(starts, changes, side="right") - np.searchsorted(ends, changes, side="right")
    return changes, table


def counts(dates, treaty: str | list[str] | None = MAIN_TREATY, rules: CountingRules = DEFAULT_RULES) -> pd.DataFrame:
    """Parties, signatories and invited States at each date, with their bounds, in one vectorised pass.

    `dates`: a date, a list (ISO strings, dates, Timestamps) or a DatetimeIndex. `treaty`:
    one code, a list, or None for all. Returns a long frame: date, treaty, parties,
    signatories, invited (the certain counts), and `<count>_min` / `<count>_max`. Before a
    treaty was opened for signature its counts are zero. The counts are read off each
    treaty's step function (`_steps`): for sorted dates each step is repeated over the dates
    it covers (a few hundred steps for thousands of days); otherwise each date looks up its
    step by a binary search. Both read the same table, so a range and single dates agree.
    """
    if isinstance(dates, pd.DatetimeIndex):
        idx = dates
    else:
        items = [dates] if isinstance(dates, (str, pd.Timestamp)) or not hasattr(dates, "__len__") else list(dates)
        idx = pd.DatetimeIndex([pd.Timestamp(to_date(d)) for d in items])
    x = idx.as_unit("ns").asi8
    codes = list(TREATIES) if treaty is None else [treaty] if isinstance(treaty, str) else list(treaty)
    codes = [get_treaty(c).code for c in codes]
    steps = [_steps(rules, code) for code in codes]
    if len(x) > 1 and bool(np.all(x[1:] >= x[:-1])):
        runs = [np.diff(np.searchsorted(x, changes, side="left"), prepend=0, append=len(x)) for changes, _ in steps]
        values = np.repeat(np.concatenate([t for _, t in steps], axis=1), np.concatenate(runs), axis=1)
    else:
        values = np.concatenate([t[:, np.searchsorted(changes, x, side="right")] for changes, t in steps], axis=1)
    treaties = np.repeat(np.arange(len(codes), dtype=np.int8), len(x))
    columns = {
        "date": np.tile(x.view("datetime64[ns]"), len(codes)),
        "treaty": pd.Categorical.from_codes(treaties, dtype=pd.CategoricalDtype(codes)),
    }
    bounds = dict(zip(BOUND_NAMES, values))
    columns.update({c: bounds[f"{c}_min"] for c in COUNT_COLUMNS.values()})  # the certain count is the lower bound
    columns.update(bounds)
    return pd.DataFrame(columns, copy=False)
