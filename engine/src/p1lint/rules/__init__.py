"""Declarative rules: the schema of a rule file, loading, selectors and conditions."""
