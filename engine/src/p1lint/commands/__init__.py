"""One module per command; each `run_*` function returns the exit code."""
