"""``/v1/connectors``: the loaded connectors, their actions and permissions (no API key needed)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from hub.api.auth import get_hub
from hub.api.schemas import ConnectorDetail, ConnectorList, Problem
from hub.connector import Action, Connector
from hub.hub import Hub

__all__ = ["connector_out", "router"]

router = APIRouter(prefix="/v1/connectors", tags=["connectors"])


def _action(spec: Action) -> dict[str, Any]:
    return {
        "supported": spec.supported,
        "scopes": list(spec.scopes),
        "optional_scopes": dict(spec.optional_scopes),
        "reason": spec.reason,
    }


def connector_out(connector: Connector, *, detail: bool = False) -> dict[str, Any]:
    """A connector's public description (plus its credentials schema when ``detail``)."""
    out: dict[str, Any] = {
        "name": connector.name,
        "title": connector.title,
        "version": connector.version,
        "docs": connector.docs,
        "actions": {name: _action(spec) for name, spec in connector.actions.items()},
        "features": {name: _action(spec) for name, spec in connector.features.items()},
    }
    if detail:
        out["credentials_schema"] = dict(connector.credentials_schema)
    return out


@router.get("", summary="List the loaded connectors", response_model=ConnectorList)
def list_connectors(hub: Annotated[Hub, Depends(get_hub)]) -> dict[str, Any]:
    """Every loaded connector with its actions and the provider permissions each needs."""
    return {"results": [connector_out(hub.connectors[name]) for name in sorted(hub.connectors)]}


@router.get(
    "/{name}",
    summary="Describe one connector",
    response_model=ConnectorDetail,
    responses={404: {"model": Problem, "description": "No connector of that name is loaded."}},
)
def get_connector(name: str, hub: Annotated[Hub, Depends(get_hub)]) -> dict[str, Any]:
    """One connector, with the JSON Schema of the values that link an account."""
    return connector_out(hub.connector(name), detail=True)
