"""Files as written -> text frames and every problem found (raw snapshots, pasted charts,
the activity register). Nothing here writes. May import domain, metadata, load, errors, paths.
"""
