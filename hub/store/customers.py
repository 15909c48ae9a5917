"""Customers: the apps that call the unified API, each with its own API key (stored hashed)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from hub.errors import NotFound
from hub.store import tables as t
from hub.store.clock import utcnow

__all__ = ["LOCAL_CUSTOMER", "Customer", "CustomerStore", "hash_api_key"]

LOCAL_CUSTOMER = "cus_local"
"""The customer that owns accounts linked at the command line without ``--customer``."""


def hash_api_key(key: str) -> str:
    """The stored form of a customer API key.

    Keys are 256-bit random tokens, so one SHA-256 suffices (a slow password hash protects
    guessable secrets, which these are not) and lets the API find a key with one indexed lookup.
    """
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Customer:
    """An app that calls the unified API with its own API key."""

    id: str
    name: str
    key_prefix: str
    created_at: datetime


class CustomerStore:
    """The ``customers`` table: add, find by key, rotate a key (``store.customers``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, name: str) -> tuple[Customer, str]:
        """Create a customer; returns it and its API key, which is shown only this once."""
        key = "hh_" + secrets.token_urlsafe(32)
        customer = Customer("cus_" + secrets.token_urlsafe(9), name, key[:10], utcnow())
        with self.engine.begin() as db:
            db.execute(
                t.customers.insert().values(
                    id=customer.id,
                    name=name,
                    key_hash=hash_api_key(key),
                    key_prefix=customer.key_prefix,
                    created_at=customer.created_at,
                )
            )
        return customer, key

    def local(self) -> Customer:
        """The local owner (:data:`LOCAL_CUSTOMER`), made on first use without a usable API key.

        Accounts linked at the command line without a customer belong to it, so none is left out of
        every customer's reach: ``rotate_key(LOCAL_CUSTOMER)`` gives it a key to reach them over HTTP.
        """
        found = self.get(LOCAL_CUSTOMER)
        if found is not None:
            return found
        unknown = "hh_" + secrets.token_urlsafe(32)  # hashed and forgotten: no one holds it
        try:
            with self.engine.begin() as db:
                db.execute(
                    t.customers.insert().values(
                        id=LOCAL_CUSTOMER,
                        name="local (linked at the command line)",
                        key_hash=hash_api_key(unknown),
                        key_prefix="",
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:  # made by another process just now
            pass
        made = self.get(LOCAL_CUSTOMER)
        assert made is not None
        return made

    def rotate_key(self, customer_id: str) -> str:
        """Give a customer a new API key (shown only this once); the old key stops working at once."""
        key = "hh_" + secrets.token_urlsafe(32)
        with self.engine.begin() as db:
            changed = db.execute(
                update(t.customers)
                .where(t.customers.c.id == customer_id)
                .values(key_hash=hash_api_key(key), key_prefix=key[:10])
            ).rowcount
        if not changed:
            raise NotFound(f"No customer {customer_id!r}.", remedy="Check the customer id.", what="customer")
        return key

    def for_key(self, key: str) -> Customer | None:
        """The customer holding API key ``key``, or None."""
        with self.engine.connect() as db:
            row = db.execute(select(t.customers).where(t.customers.c.key_hash == hash_api_key(key))).first()
        return Customer(row.id, row.name, row.key_prefix, row.created_at) if row else None

    def get(self, customer_id: str) -> Customer | None:
        """The customer ``customer_id``, or None."""
        with self.engine.connect() as db:
            row = db.execute(select(t.customers).where(t.customers.c.id == customer_id)).first()
        return Customer(row.id, row.name, row.key_prefix, row.created_at) if row else None

    def all(self) -> list[Customer]:
        """Every customer, oldest first."""
        with self.engine.connect() as db:
            rows = db.execute(select(t.customers).order_by(t.customers.c.created_at)).all()
        return [Customer(r.id, r.name, r.key_prefix, r.created_at) for r in rows]
