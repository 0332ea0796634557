"""Activity registers: template, reader, rejections, aggregation. All rows here are synthetic."""

from datetime import datetime

from conftest import REPO
from openpyxl import load_workbook

from cproc_data.ingest.activity_register import aggregate, read_activity_log
from cproc_data.publish.template import write_template


def test_template_is_current_and_documented(tmp_path):
    write_template(tmp_path / "t.xlsx")
    shipped = REPO / "datasets" / "templates" / "activity_log.xlsx"
    assert (tmp_path / "t.xlsx").read_bytes() == shipped.read_bytes()
    wb = load_workbook(shipped)
    assert wb.sheetnames == ["activities", "README"]
    assert [c.value for c in wb["README"]["A"][1:8]] == [c.value for c in wb["activities"][1]]


def _filled(tmp_path):

    wb = load_workbook(REPO / "datasets" / "templates" / "activity_log.xlsx")
    ws = wb["activities"]
    ws.append([datetime(2024, 3, 5), "Ghana", "GLACY-e", "training", 25, "synthetic", ""])
    ws.append(["2024-04-10", "Eastern Partnership", "CyberEast+", "workshop", 40, "synthetic", ""])
    ws.append(["2025-01-15", "Côte d'Ivoire", "GLACY-e", "conference", None, "synthetic", ""])
    ws.append(["15/01/2025", "Ghana", "GLACY-e", "training", 10, "synthetic: bad date", ""])
    ws.append([datetime(2025, 2, 1), "Atlantis", "Octopus Project", "training", 10, "synthetic: unknown place", ""])
    ws.append([datetime(2025, 2, 2), "Ghana", "Octopus Project", "party", 10, "synthetic: unknown type", ""])
    ws.append([datetime(2025, 2, 3), "Ghana", "Octopus Project", "training", "=1+1", "synthetic: formula", ""])
    p = tmp_path / "log.xlsx"
    wb.save(p)
    return p


def test_rows_in_equal_kept_plus_rejected(tmp_path):
    log = read_activity_log(_filled(tmp_path))
    assert log.rows_in == 7
    assert len(log.activities) == 3 and len(log.rejected) == 4
    reasons = " | ".join(str(p) for p in log.rejected)
    assert "row 5, column 'date': not a date" in reasons
    assert "row 6, column 'country_or_region': unknown country or region" in reasons and "'Atlantis'" in reasons
    assert "column 'activity_type': not one of" in reasons
    assert "a formula, not a value" in reasons


def test_aggregations(tmp_path):
    acts = read_activity_log(_filled(tmp_path)).activities
    by_year = aggregate(acts, "year").set_index("year")
    assert by_year.loc[2024, "activities"] == 2 and by_year.loc[2024, "participants"] == 65
    by_region = aggregate(acts, "region").set_index("region")
    assert by_region.loc["Africa", "activities"] == 2  # Ghana and Côte d'Ivoire, UN M49
    assert set(aggregate(acts, ["project", "activity_type"])["project"]) == {"GLACY-e", "CyberEast+"}
