"""One module per chart: its frame function (named after the chart), its note, its drawing
(`draw`), and `CHART`, the registry entry. `figures/registry.py` lists them in order."""
