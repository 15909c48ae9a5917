"""Where an employee's pay is deposited."""

from typing import ClassVar

from pydantic import Field

from unified_models.base import SENSITIVE, UnifiedModel
from unified_models.enums import BankAccountType
from unified_models.scalars import Amount, UtcDatetime

__all__ = ["BankInfo"]


class BankInfo(UnifiedModel):
    """One bank account of an employee's direct deposit: the bank, the account, and the share of pay.

    The account number is served masked (all but its last four characters replaced by ``*``) unless
    the hub's operator enables full numbers; it is sensitive too, so it is null for accounts without
    ``include_sensitive``.
    """

    resource: ClassVar[str] = "bank_accounts"

    remote_id: str = Field(description="The provider's own id for this deposit account.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee.")
    bank_name: str | None = Field(default=None, description="The bank's name.")
    routing_number: str | None = Field(
        default=None, description="The bank's routing (ABA) or transit number.", examples=["021000021"]
    )
    account_number: str | None = Field(
        default=None,
        description="The account number, masked (`*****6789`) unless the operator enables full numbers.",
        examples=["*****6789"],
        json_schema_extra=SENSITIVE,
    )
    account_type: BankAccountType | None = Field(default=None, description="Checking or savings.")
    amount: Amount | None = Field(
        default=None, description="The fixed amount deposited each pay, when the deposit is an amount."
    )
    percent: Amount | None = Field(
        default=None, description="The percent of net pay deposited, when the deposit is a percent."
    )
    is_remainder: bool | None = Field(
        default=None, description="True for the account that receives what is left of net pay."
    )
    order: int | None = Field(
        default=None, description="The order in which deposits are made (1 first); the remainder is last."
    )
    is_prenote: bool | None = Field(
        default=None, description="True while the account is being verified (prenote) and not yet paid into."
    )
    is_active: bool | None = Field(default=None, description="False when the account is no longer used.")
    remote_created_at: UtcDatetime | None = Field(
        default=None, description="When the account was added in the provider (UTC), where known."
    )
