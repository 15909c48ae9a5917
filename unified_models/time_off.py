"""Time off: policies, balances and requests."""

from datetime import date
from typing import ClassVar

from pydantic import Field

from unified_models.base import UnifiedModel
from unified_models.enums import TimeOffPolicyType, TimeOffRequestStatus, TimeOffUnit
from unified_models.scalars import Amount, UtcDatetime

__all__ = ["TimeOffBalance", "TimeOffPolicy", "TimeOffRequest"]


class TimeOffPolicy(UnifiedModel):
    """A time-off plan employees accrue and take time from (vacation, sick leave, ...)."""

    resource: ClassVar[str] = "time_off_policies"

    remote_id: str = Field(description="The provider's own id for this policy.")
    name: str | None = Field(default=None, description="The policy's name in the HR system.")
    policy_type: TimeOffPolicyType | None = Field(
        default=None, description="The kind of absence the policy covers."
    )
    unit: TimeOffUnit | None = Field(
        default=None, description="Whether the policy counts time in hours or days."
    )


class TimeOffBalance(UnifiedModel):
    """How much time off one employee has under one policy, as of a date."""

    resource: ClassVar[str] = "time_off_balances"

    remote_id: str | None = Field(
        default=None,
        description="The provider's own id for this balance, where the provider has one.",
    )
    employee_id: str | None = Field(default=None, description="The hub id of the employee.")
    policy_id: str | None = Field(default=None, description="The hub id of the time-off policy.")
    policy_type: TimeOffPolicyType | None = Field(
        default=None, description="The kind of absence the policy covers."
    )
    unit: TimeOffUnit | None = Field(
        default=None, description="The unit of `balance`, `used`, `accrued` and `pending`."
    )
    balance: Amount | None = Field(default=None, description="The time available to take now.")
    used: Amount | None = Field(default=None, description="The time taken in the current period.")
    accrued: Amount | None = Field(default=None, description="The time earned in the current period.")
    pending: Amount | None = Field(
        default=None, description="The time requested and awaiting approval, not yet deducted."
    )
    as_of: date | None = Field(default=None, description="The date the amounts are valid for.")
    resets_on: date | None = Field(
        default=None, description="The date the balance next resets or rolls over."
    )


class TimeOffRequest(UnifiedModel):
    """An employee's request for time off, and where it is in approval."""

    resource: ClassVar[str] = "time_off_requests"

    remote_id: str = Field(description="The provider's own id for this request.")
    employee_id: str | None = Field(default=None, description="The hub id of the employee who asked.")
    approver_id: str | None = Field(
        default=None, description="The hub id of the employee who approves or approved it."
    )
    policy_id: str | None = Field(default=None, description="The hub id of the policy the time comes from.")
    status: TimeOffRequestStatus | None = Field(default=None, description="Where the request is in approval.")
    request_type: TimeOffPolicyType | None = Field(default=None, description="The kind of absence asked for.")
    unit: TimeOffUnit | None = Field(default=None, description="The unit of `amount`.")
    amount: Amount | None = Field(default=None, description="How much time is asked for, in `unit`.")
    start_time: UtcDatetime | None = Field(default=None, description="When the time off begins (UTC).")
    end_time: UtcDatetime | None = Field(default=None, description="When the time off ends (UTC).")
    employee_note: str | None = Field(default=None, description="The employee's note on the request.")
