"""The environment: every object of one PingOne environment that a run can see, by id."""
