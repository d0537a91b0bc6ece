"""`p1lint pull`: an environment snapshot taken from a live PingOne environment through the
Management API, with a worker application's client credentials (read-only roles suffice).

- `endpoints`: the region's API and authentication base URLs, and the overrides' checks;
- `credentials`: the worker's client id, secret and environment, never from the command line;
- `client`: the HTTP client (token, retries, pagination, errors that name the missing role);
- `plan`: which API path gives which snapshot collection, and the roles that may read it;
- `fetch`: the pull itself, collection by collection and application by application;
- `redact`: secret values and private key members replaced before anything is written;
- `writer`: the snapshot directory written atomically, or one document on standard output.
"""
