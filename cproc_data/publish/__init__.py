"""Deterministic files for readers: figures, the workbook, the data package.

May import every layer below (domain, metadata, load, ingest, derive, figures) and
store.atomic for safe writes; matplotlib and openpyxl only inside functions.
"""
