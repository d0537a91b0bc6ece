"""Declarative rules: the model of a rule file, loading, selectors and conditions."""
