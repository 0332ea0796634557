"""Every date parser of the package: one home, no guessing.

* `to_date`: the `as_of` contract of the Python API and the CLI alike: an ISO
  `YYYY-MM-DD` string, a `datetime.date` or a `pandas.Timestamp`; anything else is a
  ValueError (no "01/03/2024", no "2024").
* `parse_iso`: a stored ISO date (datasets/ files).
* `parse_day_first`: a date in a pasted Treaty Office chart (d/m/yyyy, the Office's order;
  d.m.yyyy or d-m-yyyy as other locales write it; a time part, as Excel adds, is ignored).
* `parse_as_written`: a date as a source wrote it, read with the format its origin record
  declares (d/m/yyyy, d Month yyyy, or a national database's language). A value that
  does not fit the declared format is an error.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .month_names import MONTHS as _NAMES

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def parse_iso(text: str) -> date:
    """`YYYY-MM-DD` exactly; ValueError for any other form or an impossible day."""
    m = _ISO.match(str(text).strip())
    if not m:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}")
    try:
        return date(*(int(g) for g in m.groups()))
    except ValueError:
        raise ValueError(f"impossible date: {text!r}") from None


def to_date(value) -> date:
    """The one `as_of` contract: ISO string, date or Timestamp -> date; else ValueError."""
    if isinstance(value, datetime):  # includes pandas.Timestamp
        if value != value:  # NaT
            raise ValueError("as_of is missing (NaT)")
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_iso(value)
    raise ValueError(f"as_of must be an ISO date string (YYYY-MM-DD), a date or a Timestamp, not {type(value).__name__}")


def parse_day_first(text: str) -> date:
    """d/m/yyyy or dd/mm/yyyy (Treaty Office charts; also with . or - between the parts, and
    with a time part, which is dropped), or ISO; ValueError with the reason."""
    t = _TIME.sub("", str(text).strip())
    m = _DMY.match(t)
    if m:
        d, mth, y = (int(m.group(i)) for i in (1, 3, 4))
        if mth > 12 and d <= 12:
            raise ValueError("month/day order (the month part is above 12): the chart writes dates as day/month/year")
        try:
            return date(y, mth, d)
        except ValueError:
            raise ValueError("impossible date") from None
    if _ISO.match(t):
        return parse_iso(t)
    raise ValueError("not a date (expected dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy or yyyy-mm-dd)")


MONTHS = {k: v for k, v in _NAMES.items() if "_" not in k}
for _name, _n in list(MONTHS.items()):
    if _name.isascii():
        MONTHS.setdefault(_name[:3], _n)

_TOKENS = {
    "yyyy": r"(?P<y>\d{4})",
    "yy": r"(?P<yy>\d{2})",
    "dd": r"(?P<d>\d{2})(?:st|nd|rd|th|er)?",
    "d": r"(?P<d>\d{1,2})(?:st|nd|rd|th|er)?",
    "weekday": r"[^\W\d_]+",
    "mm": r"(?P<m>\d{2})",
    "m": r"(?P<m>\d{1,2})",
    "month": r"(?P<mon>[^\W\d_]+)\.?",
    "mon": r"(?P<mon>[^\W\d_]+)\.?",
}


def _pattern(fmt: str) -> re.Pattern:
    """Tokens d, dd, m, mm, yyyy, Month; text in single quotes is literal ('de')."""
    out, i, f = "", 0, fmt.strip().lower()
    while i < len(f):
        if f[i] == "'":
            j = f.index("'", i + 1)
            out += re.escape(f[i + 1 : j])
            i = j + 1
            continue
        for tok in ("yyyy", "yy", "weekday", "month", "mon", "dd", "mm", "d", "m"):
            if f.startswith(tok, i):
                out += _TOKENS[tok]
                i += len(tok)
                break
        else:
            ch = f[i]
            out += r"\s+" if ch == " " else re.escape(ch)
            i += 1
    try:
        return re.compile(rf"^\s*{out}\s*$", re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"unusable date format {fmt!r} ({exc})") from None


def parse_as_written(value: str, fmt: str) -> date:
    """Parse `value` strictly by `fmt`; ValueError if it does not fit.

    Tokens: d, dd (ordinal suffixes allowed), m, mm, yy (2000-2069, else 19yy), yyyy,
    Month (a month name in the languages above), Weekday; 'quoted' text is literal.
    A source that writes dates in several ways lists the formats separated by " | ".
    """
    errors = []
    for alternative in fmt.split(" | "):
        try:
            return _parse_one(value, alternative)
        except ValueError as exc:
            errors.append(str(exc))
    raise ValueError("; ".join(errors))


def _parse_one(value: str, fmt: str, day_default: bool = False) -> date:
    m = _pattern(fmt).match(value)
    if not m:
        raise ValueError(f"{value!r} does not fit the format {fmt!r}")
    parts = m.groupdict()
    if parts.get("yy") is not None:
        yy = int(parts["yy"])
        parts["y"] = str(2000 + yy if yy < 70 else 1900 + yy)
    if parts.get("mon") is not None:
        month = MONTHS.get(parts["mon"].lower().rstrip("."))
        if month is None:
            raise ValueError(f"unknown month name {parts['mon']!r}")
    elif parts.get("m") is not None:
        month = int(parts["m"])
    else:
        raise ValueError(f"{value!r} gives no month (format {fmt!r})")
    day = parts.get("d")
    if day is None and not day_default:
        raise ValueError(f"{value!r} gives no day (format {fmt!r})")
    return date(int(parts["y"]), month, int(day) if day is not None else 1)


def _without_day(fmt: str) -> str:
    """The format with its day token (and what ties it to the month) removed: 'd Month yyyy' -> 'Month yyyy'."""
    out = re.sub(r"(?<![a-z])dd?(?:st|nd|rd|th|er)?(?![a-z])\s*(?:'[^']*'\s*)?[.,/-]?\s*", "", fmt, count=1)
    return re.sub(r"^(weekday)[,\s]*", "", out).strip()


def parse_partial(value: str, fmt: str) -> tuple[date, date, str]:
    """A date the source prints as a day, a month or a year: (first day, last day, precision).

    The source's declared format decides, as in `parse_as_written`; a month is read with the
    format's day token removed, a year with only its year token. ValueError otherwise.
    """
    try:
        day = parse_as_written(value, fmt)
        return day, day, "day"
    except ValueError:
        pass
    for alternative in fmt.split(" | "):
        shorter = _without_day(alternative)
        if shorter == alternative and "yyyy" in alternative:  # a format with no day at all: 'Month yyyy'
            shorter = alternative + " "
        if shorter and shorter != alternative and "yyyy" in shorter:
            try:
                first = _parse_one(value, shorter.strip(), day_default=True)
            except ValueError:
                continue
            last = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, date.fromordinal(last.toordinal() - 1), "month"
    if re.fullmatch(r"\s*\d{4}\s*", str(value)):
        y = int(value)
        return date(y, 1, 1), date(y, 12, 31), "year"
    raise ValueError(f"{value!r} is not a day, month or year in the format {fmt!r}")


def parse_stated(iso: str) -> tuple[date, date, str]:
    """A raw snapshot's ISO value: yyyy-mm-dd, yyyy-mm, yyyy, or start/end -> (first, last, precision)."""
    text = str(iso).strip()
    if "/" in text:
        a, b = text.split("/", 1)
        first, last = parse_iso(a), parse_iso(b)
        if last < first:
            raise ValueError(f"interval {text!r} ends before it starts")
        return first, last, "bound"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        y, m = int(text[:4]), int(text[5:])
        if not 1 <= m <= 12:
            raise ValueError(f"impossible month: {text!r}")
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1), "month"
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text), 12, 31), "year"
    d = parse_iso(text)
    return d, d, "day"
