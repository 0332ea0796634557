"""Charts in house style: the registry (one entry per chart), their frames and drawings.

May import domain, metadata, load, ingest and derive; matplotlib only inside functions.
"""
