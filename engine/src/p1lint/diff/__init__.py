"""`p1lint diff`: the security-relevant changes between two versions of an environment.

Both sides are read and checked as `p1lint check` reads and checks them; the findings are
matched by their fingerprints (introduced, fixed), and each application, matched by id, else by
name, is compared field by field (`kinds` declares every kind of change, `fields` and
`relations` find them)."""
