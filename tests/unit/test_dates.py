from datetime import date

import pytest

from cproc_data.domain.dates import parse_as_written


@pytest.mark.parametrize(
    "value, fmt, expected",
    [
        ("23/11/2001", "d/m/yyyy", date(2001, 11, 23)),
        ("1/7/2004", "d/m/yyyy", date(2004, 7, 1)),
        ("20-06-02", "dd-mm-yy", date(2002, 6, 20)),
        ("12 May 2003", "d Month yyyy", date(2003, 5, 12)),
        ("1er octobre 2018", "d Month yyyy", date(2018, 10, 1)),
        ("9 de julio de 2025", "d 'de' Month 'de' yyyy", date(2025, 7, 9)),
        ("September 29 [2006]", "Month d '['yyyy']' | Month d, yyyy", date(2006, 9, 29)),
        ("September 29, 2006", "Month d '['yyyy']' | Month d, yyyy", date(2006, 9, 29)),
    ],
)
def test_parses_declared_format(value, fmt, expected):
    assert parse_as_written(value, fmt) == expected


@pytest.mark.parametrize(
    "value, fmt",
    [
        ("31/02/2020", "d/m/yyyy"),  # impossible date
        ("2020-02-03", "d/m/yyyy"),  # other format
        ("12 Maybe 2003", "d Month yyyy"),  # unknown month
        ("3/4/2020", "Month d, yyyy"),
    ],
)
def test_rejects_what_does_not_fit(value, fmt):
    with pytest.raises(ValueError):
        parse_as_written(value, fmt)


def test_day_month_order_comes_from_the_format_not_a_guess():
    assert parse_as_written("03/04/2020", "dd/mm/yyyy") == date(2020, 4, 3)
    assert parse_as_written("03/04/2020", "mm/dd/yyyy") == date(2020, 3, 4)
