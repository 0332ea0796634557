"""Pure rules: treaties, dates, country names, membership, deposits, invitations.

May import only the standard library, numpy, pandas, pycountry and `cproc_data.errors`;
nothing here reads a file of `datasets/`.
"""
