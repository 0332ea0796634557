"""One function per output table, named after it. May import domain, metadata, load, ingest."""
