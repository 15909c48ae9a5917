"""The common model of hrishub: pydantic v2 models and enums shared by every provider.

Nothing here is provider-specific, and this package imports nothing else of the project.
"""

from unified_models.address import Address
from unified_models.banking import BankInfo
from unified_models.base import SENSITIVE, FieldSource, UnifiedModel
from unified_models.benefits import Benefit, EmployerBenefit
from unified_models.employee import Employee
from unified_models.employment import Employment
from unified_models.enums import (
    BankAccountType,
    BenefitPlanType,
    ContactRelationship,
    EarningType,
    EmploymentStatus,
    EmploymentType,
    Ethnicity,
    FlsaStatus,
    Gender,
    GroupType,
    LocationType,
    MaritalStatus,
    PayFrequency,
    PayPeriod,
    PayrollRunState,
    PayrollRunType,
    TimeOffPolicyType,
    TimeOffRequestStatus,
    TimeOffUnit,
)
from unified_models.family import Dependent, EmergencyContact
from unified_models.ids import stable_id
from unified_models.organisation import Company, Group, Location
from unified_models.payroll import Deduction, Earning, EmployeePayrollRun, PayGroup, PayrollRun, Tax
from unified_models.registry import HUB_FIELDS, MODELS, RESOURCES, SENSITIVE_FIELDS, model_fields_of
from unified_models.scalars import (
    INSTANT_PATTERN,
    Amount,
    CountryCode,
    CurrencyCode,
    CustomFieldValue,
    UtcDatetime,
    format_instant,
)
from unified_models.time_off import TimeOffBalance, TimeOffPolicy, TimeOffRequest

__all__ = [
    "HUB_FIELDS",
    "INSTANT_PATTERN",
    "MODELS",
    "RESOURCES",
    "SENSITIVE",
    "SENSITIVE_FIELDS",
    "Address",
    "Amount",
    "BankAccountType",
    "BankInfo",
    "Benefit",
    "BenefitPlanType",
    "Company",
    "ContactRelationship",
    "CountryCode",
    "CurrencyCode",
    "CustomFieldValue",
    "Deduction",
    "Dependent",
    "Earning",
    "EarningType",
    "EmergencyContact",
    "Employee",
    "EmployeePayrollRun",
    "EmployerBenefit",
    "Employment",
    "EmploymentStatus",
    "EmploymentType",
    "Ethnicity",
    "FieldSource",
    "FlsaStatus",
    "Gender",
    "Group",
    "GroupType",
    "Location",
    "LocationType",
    "MaritalStatus",
    "PayFrequency",
    "PayGroup",
    "PayPeriod",
    "PayrollRun",
    "PayrollRunState",
    "PayrollRunType",
    "Tax",
    "TimeOffBalance",
    "TimeOffPolicy",
    "TimeOffPolicyType",
    "TimeOffRequest",
    "TimeOffRequestStatus",
    "TimeOffUnit",
    "UnifiedModel",
    "UtcDatetime",
    "format_instant",
    "model_fields_of",
    "stable_id",
]
