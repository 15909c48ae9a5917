"""The connector author's surface: everything a connector imports from the hub, in one typed module.

A connector (``connectors/<provider>/``, or a package of its own) imports from here and from
:mod:`unified_models`, and from nothing else of the project::

    from hub.sdk import Action, Connector, HttpSettings, LabelTable, MissingPermission, hookimpl

What is here:

- the declaration: :class:`Connector`, :class:`Action`, :class:`ChangeFeed`, and the client side the
  hub drives: :class:`ConnectorClient`, :data:`ClientFactory`, :class:`HttpSettings` (timeouts,
  retries, concurrency the client must keep to), :class:`SandboxLike`; the optional passthrough offer
  :class:`Passthrough` and what its client sends and answers (:class:`PassthroughClient`,
  :class:`PassthroughRequest`, :class:`PassthroughResponse`, :class:`PassthroughTooLarge`);
- the hooks: :data:`hookimpl` (``register_connectors``, ``register_transforms``, ``sync_event``);
- the errors a client raises, each with a remedy for a person (:mod:`hub.errors` draws the tree);
- the REST toolkit (:mod:`hub.rest`) a client of a JSON REST API is built on: :class:`RestClient`
  (an ``httpx`` client on the settings, auth headers, JSON, a request count); the paginators
  :class:`PageNumber`, :class:`Offset`, :class:`Cursor`, :class:`LinkHeader` (the :class:`Paginator`
  protocol, over a :data:`Fetch`); :class:`ProviderErrors` (statuses and transport failures as the
  errors above, in the provider's words) and :func:`parse_retry_after`; bounded retries with stamina,
  :func:`retrying` and :class:`Retryable`, and the statuses worth one (:data:`RETRY_STATUSES`); and
  :class:`AdaptiveLimiter`, fewer requests in flight after a 429;
- labels and values: :class:`LabelTable`, :class:`LabelTarget`, :func:`normalise_label` (the
  customer's own names for fields), the value parsers a provider's transforms build on, and
  :class:`MappingError` for a value a transform refuses;
- field maps, for a connector that reads its own (the CSV connector's column rules):
  :func:`load_maps`, :class:`FieldMap`, :class:`FieldSpec`,
  :data:`BUILTIN_TRANSFORMS`.

Importing this module loads neither the store, nor the HTTP app, nor the CLI.
"""

from __future__ import annotations

from field_maps import (
    BUILTIN_TRANSFORMS,
    FieldMap,
    FieldSpec,
    LabelTable,
    LabelTarget,
    MappingError,
    load_maps,
    normalise_label,
    parse_boolean,
    parse_date,
    parse_datetime,
    parse_decimal,
)
from hub.connector import (
    Action,
    ChangeFeed,
    ClientFactory,
    Connector,
    ConnectorClient,
    DateWindow,
    HttpSettings,
    Passthrough,
    PassthroughClient,
    PassthroughRequest,
    PassthroughResponse,
    SandboxLike,
)
from hub.errors import (
    FieldIssue,
    HostNotAllowed,
    HubError,
    InputError,
    InvalidCredentials,
    MissingPermission,
    NotFound,
    NotSupported,
    PassthroughTooLarge,
    ProviderAuthError,
    ProviderError,
    ProviderResponseError,
    ProviderUnreachable,
    RateLimited,
)
from hub.hookspecs import hookimpl
from hub.rest import (
    RETRY_STATUSES,
    AdaptiveLimiter,
    Cursor,
    Fetch,
    LinkHeader,
    Offset,
    PageNumber,
    Paginator,
    ProviderErrors,
    RestClient,
    Retryable,
    parse_retry_after,
    retrying,
)

__all__ = [
    "BUILTIN_TRANSFORMS",
    "RETRY_STATUSES",
    "Action",
    "AdaptiveLimiter",
    "ChangeFeed",
    "ClientFactory",
    "Connector",
    "ConnectorClient",
    "Cursor",
    "DateWindow",
    "Fetch",
    "FieldIssue",
    "FieldMap",
    "FieldSpec",
    "HostNotAllowed",
    "HttpSettings",
    "HubError",
    "InputError",
    "InvalidCredentials",
    "LabelTable",
    "LabelTarget",
    "LinkHeader",
    "MappingError",
    "MissingPermission",
    "NotFound",
    "NotSupported",
    "Offset",
    "PageNumber",
    "Paginator",
    "Passthrough",
    "PassthroughClient",
    "PassthroughRequest",
    "PassthroughResponse",
    "PassthroughTooLarge",
    "ProviderAuthError",
    "ProviderError",
    "ProviderErrors",
    "ProviderResponseError",
    "ProviderUnreachable",
    "RateLimited",
    "RestClient",
    "Retryable",
    "SandboxLike",
    "hookimpl",
    "load_maps",
    "normalise_label",
    "parse_boolean",
    "parse_date",
    "parse_datetime",
    "parse_decimal",
    "parse_retry_after",
    "retrying",
]
