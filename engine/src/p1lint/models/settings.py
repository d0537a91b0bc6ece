"""The OIDC application's nested settings objects `signing`, `kerberos` and `mobile`, as the PingOne
Management API schema defines them (`ApplicationOIDC_allOf_signing`, `…_kerberos`, `…_mobile` in
the PingOne Go SDK's `management/api/openapi.yaml`). Which application types may carry them is a
rule (`rules/structure/`), not a type."""

from __future__ import annotations

from p1lint.models import enums
from p1lint.models.base import Model, Reference


class Signing(Model):
    """Tokens signed with the key of a key rotation policy instead of the environment default."""

    keyRotationPolicy: Reference


class Kerberos(Model):
    """Certificate-based authentication: the issuance certificate key."""

    key: Reference


class PasscodeRefreshDuration(Model):
    duration: int
    timeUnit: enums.PasscodeTimeUnit


class CacheDuration(Model):
    amount: int | None = None
    units: enums.DurationUnit | None = None


class GooglePlay(Model):
    """Credentials for Google's Play Integrity API (never shown in messages)."""

    verificationType: enums.GooglePlayVerification | None = None
    decryptionKey: str | None = None
    verificationKey: str | None = None
    serviceAccountCredentials: str | None = None


class IntegrityDetection(Model):
    mode: enums.EnabledStatus | None = None
    excludedPlatforms: list[enums.MobilePlatform] | None = None
    cacheDuration: CacheDuration | None = None
    googlePlay: GooglePlay | None = None


class NumberMatching(Model):
    type: enums.NumberMatching | None = None


class Push(Model):
    numberMatching: NumberMatching | None = None


class Mobile(Model):
    """Mobile (PingOne MFA SDK) integration of a native application."""

    bundleId: str | None = None
    packageName: str | None = None
    huaweiAppId: str | None = None
    huaweiPackageName: str | None = None
    passcodeGracePeriod: int | None = None
    passcodeRefreshDuration: PasscodeRefreshDuration | None = None
    integrityDetection: IntegrityDetection | None = None
    push: Push | None = None
    uriPrefix: str | None = None
