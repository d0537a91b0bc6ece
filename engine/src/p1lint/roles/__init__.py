"""PingOne administrator roles: the built-in roles (compiled from `data/pingone-roles.yaml`), loose
name matching, the scope hierarchy, and the decisions the role checks make."""
