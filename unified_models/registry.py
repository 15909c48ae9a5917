"""The unified models by class name and by resource, and the fields a field map may fill."""

from unified_models.banking import BankInfo
from unified_models.base import UnifiedModel
from unified_models.benefits import Benefit, EmployerBenefit
from unified_models.employee import Employee
from unified_models.employment import Employment
from unified_models.family import Dependent, EmergencyContact
from unified_models.organisation import Company, Group, Location
from unified_models.payroll import EmployeePayrollRun, PayGroup, PayrollRun
from unified_models.time_off import TimeOffBalance, TimeOffPolicy, TimeOffRequest

__all__ = ["HUB_FIELDS", "MODELS", "RESOURCES", "SENSITIVE_FIELDS", "model_fields_of"]

MODELS: dict[str, type[UnifiedModel]] = {
    model.__name__: model
    for model in (
        Employee,
        Employment,
        TimeOffPolicy,
        TimeOffBalance,
        TimeOffRequest,
        Group,
        Location,
        Company,
        Dependent,
        EmergencyContact,
        BankInfo,
        PayGroup,
        PayrollRun,
        EmployeePayrollRun,
        EmployerBenefit,
        Benefit,
    )
}
"""Every unified record model, keyed by class name (``"Employee"``)."""

RESOURCES: dict[str, type[UnifiedModel]] = {model.resource: model for model in MODELS.values()}
"""Every unified record model, keyed by its API resource name (``"employees"``)."""

HUB_FIELDS: frozenset[str] = frozenset(
    {
        "id",
        "remote_data",
        "remote_data_redacted",
        "field_sources",
        "created_at",
        "modified_at",
        "remote_was_deleted",
    }
)
"""Record metadata the hub itself sets; a field map never fills these."""

SENSITIVE_FIELDS: dict[str, tuple[str, ...]] = {
    name: marked
    for name, model in MODELS.items()
    if (
        marked := tuple(
            field
            for field, info in model.model_fields.items()
            if isinstance(info.json_schema_extra, dict) and info.json_schema_extra.get("x-sensitive")
        )
    )
}
"""Per model (by class name), its sensitive fields: those declared with :data:`unified_models.base.SENSITIVE`.

They are returned only to accounts whose options allow sensitive data (``include_sensitive``).
"""

_FIELDS_CACHE: dict[type[UnifiedModel], frozenset[str]] = {}


def model_fields_of(model: type[UnifiedModel]) -> frozenset[str]:
    """Return the unified field names of ``model`` that a field map may fill.

    That is every declared field except the hub's own metadata (:data:`HUB_FIELDS`); ``remote_id``,
    ``remote_modified_at`` and ``custom_fields`` are included.
    """
    fields = _FIELDS_CACHE.get(model)
    if fields is None:
        fields = _FIELDS_CACHE[model] = frozenset(model.model_fields) - HUB_FIELDS
    return fields
