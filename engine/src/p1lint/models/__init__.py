"""Pydantic models of PingOne application documents."""
