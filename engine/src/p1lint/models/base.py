"""The building blocks of every model: strict objects, references and the API's read-only members."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Reference(Model):
    id: str


class ReadOnly(BaseModel):
    """Server-generated objects (`_links`, `environment`, `application`): shape not checked."""

    model_config = ConfigDict(extra="allow")


class ApiObject(Model):
    """The read-only members the API returns on every object: accepted, not checked."""

    id: str | None = None
    environment: ReadOnly | None = None
    createdAt: str | None = None
    updatedAt: str | None = None
    links: ReadOnly | None = Field(default=None, alias="_links")


class ApplicationObject(ApiObject):
    """An object that belongs to one application and names it (read-only `application: {id}`)."""

    application: ReadOnly | None = None
