"""store: the only code that writes to datasets/ (the record build, the chart import, the lock).

May import every lower layer (domain, metadata, load, ingest) and `validate`'s rule
checks, which it runs before it writes.
"""
