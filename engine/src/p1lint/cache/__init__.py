"""The results cache: what each input unit gave under the same settings and contents, kept as
JSON in the user's cache directory, so that a re-run on unchanged files is served without
linting (and, through `replay`, without importing the linter at all).

Layout: `codec` turns findings and unit results into JSON and back, `store` reads and writes
entries safely, `keys` computes identities (files, the installation, the invocation),
`units` is the cache the engine consults per unit, `record` describes a whole run for
`replay`, the start-up path."""
