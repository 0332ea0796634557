"""Every date parser of the package: one home, no guessing.

* `to_date`: the `as_of` contract of the Python API and the CLI alike: an ISO
  `YYYY-MM-DD` string, a `datetime.date` or a `pandas.Timestamp`; anything else is a
  ValueError (no "01/03/2024", no "2024").
* `parse_iso`: a stored ISO date (datasets/ files).
* `parse_day_first`: a date in a pasted Treaty Office chart (d/m/yyyy, the Office's order).
* `parse_as_written`: a date as a source wrote it, read with the format its origin record
  declares (d/m/yyyy, d Month yyyy, or a national database's language). A value that
  does not fit the declared format is an error.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


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
    """d/m/yyyy or dd/mm/yyyy (Treaty Office charts), or ISO; ValueError with the reason."""
    t = str(text).strip()
    m = _DMY.match(t)
    if m:
        d, mth, y = (int(g) for g in m.groups())
        if mth > 12 and d <= 12:
            raise ValueError("month/day order (the month part is above 12): the chart writes dates as day/month/year")
        try:
            return date(y, mth, d)
        except ValueError:
            raise ValueError("impossible date") from None
    if _ISO.match(t):
        return parse_iso(t)
    raise ValueError("not a date (expected dd/mm/yyyy, d/m/yyyy or yyyy-mm-dd)")


MONTHS = {
    # en
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    # fr
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    # nl
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "oktober": 10,
    # de
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "dezember": 12,
    # es
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # hu
    "január": 1,
    "február": 2,
    "március": 3,
    "április": 4,
    "május": 5,
    "június": 6,
    "július": 7,
    "augusztus": 8,
    "szeptember": 9,
    "október": 10,
    # sr (Cyrillic)
    "јануар": 1,
    "фебруар": 2,
    "март": 3,
    "април": 4,
    "мај": 5,
    "јун": 6,
    "јул": 7,
    "август": 8,
    "септембар": 9,
    "октобар": 10,
    "новембар": 11,
    "децембар": 12,
    # pt
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "marco": 3,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "outubro": 10,
    "novembro": 11,
    "dezembro": 12,
    # it
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
    # is
    "janúar": 1,
    "febrúar": 2,
    "apríl": 4,
    "maí": 5,
    "júní": 6,
    "júlí": 7,
    "ágúst": 8,
    "nóvember": 11,
    "desember": 12,
    # ro
    "ianuarie": 1,
    "februarie": 2,
    "martie": 3,
    "aprilie": 4,
    "iunie": 6,
    "iulie": 7,
    "noiembrie": 11,
    "decembrie": 12,
    # pl (genitive)
    "stycznia": 1,
    "lutego": 2,
    "marca": 3,
    "kwietnia": 4,
    "maja": 5,
    "czerwca": 6,
    "lipca": 7,
    "sierpnia": 8,
    "września": 9,
    "października": 10,
    "listopada": 11,
    "grudnia": 12,
    # sk (genitive)
    "januára": 1,
    "februára": 2,
    "apríla": 4,
    "mája": 5,
    "júna": 6,
    "júla": 7,
    "septembra": 9,
    "októbra": 10,
    "novembra": 11,
    "decembra": 12,
    # cs (genitive)
    "ledna": 1,
    "února": 2,
    "března": 3,
    "dubna": 4,
    "května": 5,
    "června": 6,
    "července": 7,
    "srpna": 8,
    "září": 9,
    "října": 10,
    "listopadu": 11,
    "prosince": 12,
    # sv, da
    "januari_sv": 1,
    "maj": 5,
    "augusti": 8,
    "marts": 3,
    # uk (genitive)
    "січня": 1,
    "лютого": 2,
    "березня": 3,
    "квітня": 4,
    "травня": 5,
    "червня": 6,
    "липня": 7,
    "серпня": 8,
    "вересня": 9,
    "жовтня": 10,
    "листопада": 11,
    "грудня": 12,
    # hr
    "siječnja": 1,
    "veljače": 2,
    "ožujka": 3,
    "travnja": 4,
    "svibnja": 5,
    "lipnja": 6,
    "srpnja": 7,
    "kolovoza": 8,
    "rujna": 9,
    "listopada_hr": 10,
    "studenoga": 11,
    "prosinca": 12,
    # no
    "januar_no": 1,
    "november_no": 11,
    # tr
    "ocak": 1,
    "şubat": 2,
    "mart": 3,
    "nisan": 4,
    "mayıs": 5,
    "haziran": 6,
    "temmuz": 7,
    "ağustos": 8,
    "eylül": 9,
    "ekim": 10,
    "kasım": 11,
    "aralık": 12,
    # ka (locative forms used in dates)
    "იანვარს": 1,
    "თებერვალს": 2,
    "მარტს": 3,
    "აპრილს": 4,
    "მაისს": 5,
    "ივნისს": 6,
    "ივლისს": 7,
    "აგვისტოს": 8,
    "სექტემბერს": 9,
    "ოქტომბერს": 10,
    "ნოემბერს": 11,
    "დეკემბერს": 12,
}
MONTHS = {k: v for k, v in MONTHS.items() if "_" not in k}
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
