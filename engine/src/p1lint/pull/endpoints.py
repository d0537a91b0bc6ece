"""Where a pull sends its requests: the region's base URLs, or the `--api-url` / `--auth-url`
overrides.

The regions and their top-level domains are those of the PingOne Terraform provider
(`internal/framework/sdk.go`, `regionMappingTopLevelDomainMap`) and the PingOne Go client
(`config/top_level_domain.go`): the API is `https://api.pingone.<tld>` and the authentication
service `https://auth.pingone.<tld>`. Paths are laid out as PingOne lays them out: the API at
`{api}/v1/environments/{envId}/...`, the token endpoint at `{auth}/{worker envId}/as/token`."""

from __future__ import annotations

import ipaddress
from typing import NamedTuple
from urllib.parse import urlsplit

from p1lint.findings import P1LintError

REGION_DOMAINS = {"NA": "com", "EU": "eu", "AP": "asia", "AU": "com.au", "CA": "ca", "SG": "sg"}
LOOPBACK_NAMES = frozenset({"localhost"})


class Endpoints(NamedTuple):
    api: str  # e.g. https://api.pingone.eu (no trailing slash, no /v1)
    auth: str  # e.g. https://auth.pingone.eu

    def token_url(self, worker_environment: str) -> str:
        return f"{self.auth}/{worker_environment}/as/token"


def region_endpoints(region: str) -> Endpoints:
    domain = REGION_DOMAINS.get(region.upper())
    if domain is None:
        known = ", ".join(REGION_DOMAINS)
        raise P1LintError(f"p1lint pull: unknown region {region!r} (one of {known})")
    return Endpoints(f"https://api.pingone.{domain}", f"https://auth.pingone.{domain}")


def endpoints(region: str, api_url: str | None, auth_url: str | None) -> Endpoints:
    """The region's base URLs, each replaced by its override when one is given."""
    base = region_endpoints(region)
    return Endpoints(
        base.api if api_url is None else checked_base_url(api_url, "--api-url"),
        base.auth if auth_url is None else checked_base_url(auth_url, "--auth-url"),
    )


def checked_base_url(url: str, option: str) -> str:
    """An override as a base URL: https, or plain http to a loopback host only (a local test
    server); no credentials, query or fragment in it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise P1LintError(f"p1lint pull: {option} must be an https:// URL, got {url!r}")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise P1LintError(f"p1lint pull: {option} must use https:// (plain http:// only to a loopback "
                          f"host such as 127.0.0.1), got {url!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise P1LintError(f"p1lint pull: {option} must hold no credentials, query or fragment")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
