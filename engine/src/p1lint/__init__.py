"""p1lint: a policy-as-code linter for PingOne application configurations."""

__version__ = "0.1.0"
