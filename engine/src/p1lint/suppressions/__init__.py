"""Suppressions, each with its reason: inline comments (`inline`), entries of the configuration
(`entries`, matched by `matching`), and what is reported about them — a comment without a reason,
a suppression that suppressed nothing, an entry past its `expires` date (`records`, `judging`)."""
