"""Metadata is data: the field dictionary, the vocabularies and the tables (lists of fields).

May import only `cproc_data.domain` (for treaty codes and statuses).
"""

from .fields import FIELDS, Field
from .tables import LAYERS, TABLES, Table

__all__ = ["FIELDS", "Field", "LAYERS", "TABLES", "Table"]
