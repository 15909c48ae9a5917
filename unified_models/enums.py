"""The closed sets of values used by the unified models.

Every enum is a `StrEnum` whose values are upper-case and equal to the member names, so a value
serialises to JSON as the plain string (``"FULL_TIME"``). A provider code that maps to no member gives
``None`` in the unified record (the raw code stays in ``remote_data`` and in ``field_sources``).
"""

from enum import StrEnum

__all__ = [
    "BankAccountType",
    "BenefitPlanType",
    "ContactRelationship",
    "EarningType",
    "EmploymentStatus",
    "EmploymentType",
    "Ethnicity",
    "FlsaStatus",
    "Gender",
    "GroupType",
    "LocationType",
    "MaritalStatus",
    "PayFrequency",
    "PayPeriod",
    "PayrollRunState",
    "PayrollRunType",
    "TimeOffPolicyType",
    "TimeOffRequestStatus",
    "TimeOffUnit",
]


class EmploymentStatus(StrEnum):
    """Where an employee stands with the company.

    ACTIVE: working; PENDING: hired but not yet started; LEAVE: on a leave of absence;
    INACTIVE: no longer employed (terminated, retired or released).
    """

    ACTIVE = "ACTIVE"
    PENDING = "PENDING"
    LEAVE = "LEAVE"
    INACTIVE = "INACTIVE"


class EmploymentType(StrEnum):
    """The kind of work arrangement (full time, part time, contractor, intern, temporary, ...)."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    INTERN = "INTERN"
    TEMPORARY = "TEMPORARY"
    SEASONAL = "SEASONAL"
    FREELANCE = "FREELANCE"


class Gender(StrEnum):
    """The employee's gender as recorded in the HR system."""

    MALE = "MALE"
    FEMALE = "FEMALE"
    NON_BINARY = "NON_BINARY"
    OTHER = "OTHER"
    NOT_DISCLOSED = "NOT_DISCLOSED"


class Ethnicity(StrEnum):
    """The employee's ethnicity, in the categories used by US EEO reporting (as Merge defines them)."""

    AMERICAN_INDIAN_OR_ALASKA_NATIVE = "AMERICAN_INDIAN_OR_ALASKA_NATIVE"
    ASIAN_OR_INDIAN_SUBCONTINENT = "ASIAN_OR_INDIAN_SUBCONTINENT"
    BLACK_OR_AFRICAN_AMERICAN = "BLACK_OR_AFRICAN_AMERICAN"
    HISPANIC_OR_LATINO = "HISPANIC_OR_LATINO"
    NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER = "NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER"
    TWO_OR_MORE_RACES = "TWO_OR_MORE_RACES"
    WHITE = "WHITE"
    PREFER_NOT_TO_DISCLOSE = "PREFER_NOT_TO_DISCLOSE"


class MaritalStatus(StrEnum):
    """The employee's marital status, in the US tax filing categories (as Merge defines them)."""

    SINGLE = "SINGLE"
    MARRIED_FILING_JOINTLY = "MARRIED_FILING_JOINTLY"
    MARRIED_FILING_SEPARATELY = "MARRIED_FILING_SEPARATELY"
    HEAD_OF_HOUSEHOLD = "HEAD_OF_HOUSEHOLD"
    QUALIFYING_WIDOW_OR_WIDOWER_WITH_DEPENDENT_CHILD = "QUALIFYING_WIDOW_OR_WIDOWER_WITH_DEPENDENT_CHILD"


class PayPeriod(StrEnum):
    """The time span a pay rate is quoted for (a rate of 40 per HOUR, 85000 per YEAR, ...)."""

    HOUR = "HOUR"
    DAY = "DAY"
    WEEK = "WEEK"
    EVERY_TWO_WEEKS = "EVERY_TWO_WEEKS"
    SEMIMONTHLY = "SEMIMONTHLY"
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    EVERY_SIX_MONTHS = "EVERY_SIX_MONTHS"
    YEAR = "YEAR"


class PayFrequency(StrEnum):
    """How often the employee is paid."""

    WEEKLY = "WEEKLY"
    BIWEEKLY = "BIWEEKLY"
    SEMIMONTHLY = "SEMIMONTHLY"
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    SEMIANNUALLY = "SEMIANNUALLY"
    ANNUALLY = "ANNUALLY"


class FlsaStatus(StrEnum):
    """The job's classification under the US Fair Labor Standards Act (overtime eligibility)."""

    EXEMPT = "EXEMPT"
    SALARIED_NONEXEMPT = "SALARIED_NONEXEMPT"
    NONEXEMPT = "NONEXEMPT"
    OWNER = "OWNER"


class TimeOffPolicyType(StrEnum):
    """The kind of absence a time-off policy or request covers."""

    VACATION = "VACATION"
    SICK = "SICK"
    PERSONAL = "PERSONAL"
    JURY_DUTY = "JURY_DUTY"
    VOLUNTEER = "VOLUNTEER"
    BEREAVEMENT = "BEREAVEMENT"
    PARENTAL = "PARENTAL"
    OTHER = "OTHER"


class TimeOffUnit(StrEnum):
    """The unit time-off amounts and balances are counted in."""

    HOURS = "HOURS"
    DAYS = "DAYS"


class TimeOffRequestStatus(StrEnum):
    """Where a time-off request is in its approval workflow."""

    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    DECLINED = "DECLINED"
    CANCELLED = "CANCELLED"
    DELETED = "DELETED"


class GroupType(StrEnum):
    """The kind of organisational grouping a group is."""

    DEPARTMENT = "DEPARTMENT"
    TEAM = "TEAM"
    DIVISION = "DIVISION"
    BUSINESS_UNIT = "BUSINESS_UNIT"
    COST_CENTER = "COST_CENTER"
    REGION = "REGION"
    OTHER = "OTHER"


class LocationType(StrEnum):
    """Whether a location is a place of work or an employee's home."""

    WORK = "WORK"
    HOME = "HOME"


class PayrollRunType(StrEnum):
    """The kind of pay run: the regular cycle, or a run outside it (off-cycle, correction, ...)."""

    REGULAR = "REGULAR"
    OFF_CYCLE = "OFF_CYCLE"
    CORRECTION = "CORRECTION"
    TERMINATION = "TERMINATION"
    SIGN_ON_BONUS = "SIGN_ON_BONUS"


class PayrollRunState(StrEnum):
    """Where a pay run is: being prepared (DRAFT), APPROVED, PAID, FAILED, or CLOSED (its period closed)."""

    DRAFT = "DRAFT"
    APPROVED = "APPROVED"
    PAID = "PAID"
    FAILED = "FAILED"
    CLOSED = "CLOSED"


class BenefitPlanType(StrEnum):
    """The kind of benefit plan (medical, dental, retirement, ...)."""

    MEDICAL = "MEDICAL"
    DENTAL = "DENTAL"
    VISION = "VISION"
    HEALTH_SAVINGS = "HEALTH_SAVINGS"
    INSURANCE = "INSURANCE"
    RETIREMENT = "RETIREMENT"
    OTHER = "OTHER"


class ContactRelationship(StrEnum):
    """How a dependent or emergency contact is related to the employee."""

    SPOUSE = "SPOUSE"
    DOMESTIC_PARTNER = "DOMESTIC_PARTNER"
    CHILD = "CHILD"
    PARENT = "PARENT"
    SIBLING = "SIBLING"
    FRIEND = "FRIEND"
    OTHER = "OTHER"


class BankAccountType(StrEnum):
    """The kind of bank account pay is deposited into."""

    CHECKING = "CHECKING"
    SAVINGS = "SAVINGS"


class EarningType(StrEnum):
    """The kind of an earning line: salary, regular (hourly) pay, overtime or a bonus."""

    SALARY = "SALARY"
    REGULAR = "REGULAR"
    OVERTIME = "OVERTIME"
    BONUS = "BONUS"
