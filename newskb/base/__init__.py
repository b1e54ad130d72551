"""The fact base on disk: its records declared (model, schema), read (store), checked (check), written
safely (lock, journal, tomltree, writing, recordtext, outfile) and kept inside its folder (folder, containment).

Imports only common/."""
