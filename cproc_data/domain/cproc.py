"""Facts about the Cybercrime Programme Office (C-PROC) that charts and comparisons use."""

from __future__ import annotations

from datetime import date

# Memorandum of understanding in force, office operational (About C-PROC, 30 October 2017)
CPROC_START = date(2014, 4, 7)
