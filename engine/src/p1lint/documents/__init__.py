"""Input documents: discovery, parsing, application extraction and source positions."""
