"""Public-suffix knowledge (the table built from the `publicsuffixlist` package's list; no network)."""

from __future__ import annotations

from p1lint.functions.suffix_table import is_public, private_suffix
from p1lint.urls import parse_ipv4, parse_uri


def is_public_suffix(domain: str) -> bool:
    """`com`, `co.uk`, `github.io`: names under which anyone can register."""
    return is_public(domain)


def registrable_domain(host: str) -> str | None:
    """`login.example.co.uk` → `example.co.uk`; None for IP addresses, public suffixes and bare
    names such as `localhost`."""
    name = host.lower().rstrip(".")
    if not name or name.startswith("[") or parse_ipv4(name) is not None:
        return None
    return private_suffix(name) or None


def host_of(domain_or_url: str) -> str:
    """The host of `auth.example.com`, `auth.example.com:443` or `https://auth.example.com/`."""
    text = domain_or_url.strip()
    if "://" in text:
        return parse_uri(text).host
    return text.split("/", 1)[0].rsplit(":", 1)[0] if text.count(":") <= 1 else text


def custom_domain_mismatch(url: str, custom_domain: str) -> str | None:
    """Why `url` is not on the registrable domain of `custom_domain` (`auth.example.com`), or None
    — also when either has no registrable domain (IP addresses, `localhost`, a bare suffix)."""
    site = registrable_domain(parse_uri(url).host)
    custom_host = host_of(custom_domain)
    custom_site = registrable_domain(custom_host)
    if site and custom_site and site != custom_site:
        return f"is on {site}, while the custom domain {custom_host} is on {custom_site}"
    return None
