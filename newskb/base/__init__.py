"""The fact base on disk: its records declared (model, schema), read (store, fields, linemap, tomltree),
validated against each other (validate, holding), found and kept inside its folder (folder, containment),
and written safely (lock, journal, leftovers, outfile, tomllines, recordtext, ids, seal).

Imports only common/."""
