"""The models have exactly the fields, enums and metadata of the spec (docs/unified-model.md, the common model)."""

import ast
import enum
import sys
from pathlib import Path

import pytest

import unified_models
from unified_models import (
    HUB_FIELDS,
    MODELS,
    RESOURCES,
    Address,
    BankAccountType,
    BenefitPlanType,
    ContactRelationship,
    Deduction,
    Earning,
    EarningType,
    EmploymentStatus,
    EmploymentType,
    Ethnicity,
    FieldSource,
    FlsaStatus,
    Gender,
    GroupType,
    LocationType,
    MaritalStatus,
    PayFrequency,
    PayPeriod,
    PayrollRunState,
    PayrollRunType,
    Tax,
    TimeOffPolicyType,
    TimeOffRequestStatus,
    TimeOffUnit,
    UnifiedModel,
    enums,
    model_fields_of,
)


def names(text: str) -> set[str]:
    return {name.strip() for name in text.split(",")}


# Copied from the spec's field lists ("home_address (Address)" written as "home_address").
SPEC_FIELDS = {
    "Employee": names(
        "id, remote_id, employee_number, company_id, first_name, middle_name, last_name, preferred_name,"
        "display_full_name, username, work_email, personal_email, work_phone, mobile_phone, home_phone,"
        "home_address, work_location_id, manager_id, department_id, group_ids, job_title, gender, ethnicity,"
        "marital_status, date_of_birth, hire_date, original_hire_date, start_date, termination_date,"
        "employment_status, employment_type, custom_fields, remote_created_at, remote_modified_at,"
        "modified_at, remote_was_deleted"
    ),
    "Employment": names(
        "id, remote_id, employee_id, job_title, job_code, department_id, location_id, manager_id, pay_rate,"
        "pay_currency, pay_period, pay_frequency, pay_group, pay_group_id, flsa_status, employment_type, effective_date,"
        "end_date, change_reason, is_primary"
    ),
    "TimeOffPolicy": names("id, remote_id, name, policy_type, unit"),
    "TimeOffBalance": names(
        "id, employee_id, policy_id, policy_type, unit, balance, used, accrued, pending, as_of, resets_on"
    ),
    "TimeOffRequest": names(
        "id, remote_id, employee_id, approver_id, policy_id, status, request_type, unit, amount, start_time,"
        "end_time, employee_note"
    ),
    "Group": names("id, remote_id, name, type, label, level, parent_id, is_active"),
    "Location": names("id, remote_id, name, address, location_type, is_active"),
    "Company": names("id, remote_id, legal_name, display_name, code, is_parent"),
    # Issue #20 (pay, benefits and family); docs/pay-benefits-family.md compares them with Merge's models.
    "Dependent": names(
        "id, remote_id, employee_id, first_name, middle_name, last_name, relationship, relationship_name,"
        "date_of_birth, national_id, gender, home_phone, mobile_phone, home_address, is_dependent,"
        "is_beneficiary, is_student, is_disabled, is_active"
    ),
    "EmergencyContact": names(
        "id, remote_id, employee_id, first_name, last_name, relationship, relationship_name, home_phone,"
        "mobile_phone, work_phone, email, home_address, is_active"
    ),
    "BankInfo": names(
        "id, remote_id, employee_id, bank_name, routing_number, account_number, account_type, amount, percent,"
        "is_remainder, order, is_prenote, is_active, remote_created_at"
    ),
    "PayGroup": names("id, remote_id, name, pay_frequency, is_active"),
    "PayrollRun": names("id, remote_id, pay_group_id, run_type, run_state, check_date, start_date, end_date"),
    "EmployeePayrollRun": names(
        "id, remote_id, employee_id, payroll_run_id, pay_group_id, check_date, start_date, end_date, gross_pay,"
        "net_pay, total_deductions, total_taxes, ytd_gross_pay, ytd_net_pay, earnings, deductions, taxes"
    ),
    "EmployerBenefit": names(
        "id, remote_id, name, deduction_code, benefit_plan_type, provider_name, is_pre_tax"
    ),
    "Benefit": names(
        "id, remote_id, employee_id, employer_benefit_id, deduction_code, provider_name, benefit_option,"
        "is_active, employee_contribution, company_contribution, ytd_employee_contribution,"
        "ytd_company_contribution, start_date, end_date"
    ),
}
# The lines of a pay statement (EmployeePayrollRun), issue #20.
SPEC_LINES = {
    Earning: names("code, name, type, hours, rate, amount, ytd_hours, ytd_amount"),
    Deduction: names(
        "code, name, is_pre_tax, employee_deduction, company_deduction, ytd_employee_deduction,"
        "ytd_company_deduction"
    ),
    Tax: names("code, name, amount, ytd_amount, employer_tax"),
}
SPEC_ADDRESS = names("line1, line2, city, state, postal_code, country")
# "Record metadata on every model", plus remote_data / field_sources / remote_modified_at from the rules.
METADATA = names(
    "id, remote_data, remote_data_redacted, field_sources, created_at, modified_at, remote_modified_at,"
    "remote_was_deleted"
)
# Fields the brief adds to the spec's lists: the sensitive national id, and a balance's optional provider id.
ADDED = {"Employee": {"national_id"}, "TimeOffBalance": {"remote_id"}}

SPEC_RESOURCES = {
    "Employee": "employees",
    "Employment": "employments",
    "TimeOffPolicy": "time_off_policies",
    "TimeOffBalance": "time_off_balances",
    "TimeOffRequest": "time_off_requests",
    "Group": "groups",
    "Location": "locations",
    "Company": "companies",
    "Dependent": "dependents",
    "EmergencyContact": "emergency_contacts",
    "BankInfo": "bank_accounts",
    "PayGroup": "pay_groups",
    "PayrollRun": "payroll_runs",
    "EmployeePayrollRun": "employee_payroll_runs",
    "EmployerBenefit": "employer_benefits",
    "Benefit": "benefits",
}

SPEC_ENUMS = {
    EmploymentStatus: "ACTIVE, PENDING, LEAVE, INACTIVE",
    EmploymentType: "FULL_TIME, PART_TIME, CONTRACTOR, INTERN, TEMPORARY, SEASONAL, FREELANCE",
    Gender: "MALE, FEMALE, NON_BINARY, OTHER, NOT_DISCLOSED",
    PayPeriod: "HOUR, DAY, WEEK, EVERY_TWO_WEEKS, SEMIMONTHLY, MONTH, QUARTER, EVERY_SIX_MONTHS, YEAR",
    PayFrequency: "WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY, QUARTERLY, SEMIANNUALLY, ANNUALLY",
    FlsaStatus: "EXEMPT, SALARIED_NONEXEMPT, NONEXEMPT, OWNER",
    TimeOffPolicyType: "VACATION, SICK, PERSONAL, JURY_DUTY, VOLUNTEER, BEREAVEMENT, PARENTAL, OTHER",
    TimeOffUnit: "HOURS, DAYS",
    TimeOffRequestStatus: "REQUESTED, APPROVED, DECLINED, CANCELLED, DELETED",
    GroupType: "DEPARTMENT, TEAM, DIVISION, BUSINESS_UNIT, COST_CENTER, REGION, OTHER",
    LocationType: "WORK, HOME",
    Ethnicity: "AMERICAN_INDIAN_OR_ALASKA_NATIVE, ASIAN_OR_INDIAN_SUBCONTINENT, BLACK_OR_AFRICAN_AMERICAN,"
    "HISPANIC_OR_LATINO, NATIVE_HAWAIIAN_OR_OTHER_PACIFIC_ISLANDER, TWO_OR_MORE_RACES, WHITE,"
    "PREFER_NOT_TO_DISCLOSE",
    MaritalStatus: "SINGLE, MARRIED_FILING_JOINTLY, MARRIED_FILING_SEPARATELY, HEAD_OF_HOUSEHOLD,"
    "QUALIFYING_WIDOW_OR_WIDOWER_WITH_DEPENDENT_CHILD",
    PayrollRunType: "REGULAR, OFF_CYCLE, CORRECTION, TERMINATION, SIGN_ON_BONUS",
    PayrollRunState: "DRAFT, APPROVED, PAID, FAILED, CLOSED",
    BenefitPlanType: "MEDICAL, DENTAL, VISION, HEALTH_SAVINGS, INSURANCE, RETIREMENT, OTHER",
    ContactRelationship: "SPOUSE, DOMESTIC_PARTNER, CHILD, PARENT, SIBLING, FRIEND, OTHER",
    BankAccountType: "CHECKING, SAVINGS",
    EarningType: "SALARY, REGULAR, OVERTIME, BONUS",
}

ALL_CLASSES = [*MODELS.values(), Address, FieldSource, UnifiedModel, Earning, Deduction, Tax]


def test_registry_holds_exactly_the_spec_models():
    assert set(MODELS) == set(SPEC_FIELDS)
    assert {name: model.__name__ for name, model in MODELS.items()} == {name: name for name in SPEC_FIELDS}
    assert {name: model.resource for name, model in MODELS.items()} == SPEC_RESOURCES
    assert {resource: MODELS[name] for name, resource in SPEC_RESOURCES.items()} == RESOURCES


@pytest.mark.parametrize("name", sorted(SPEC_FIELDS))
def test_every_spec_field_exists(name):
    missing = SPEC_FIELDS[name] - set(MODELS[name].model_fields)
    assert not missing, f"{name} lacks spec fields {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(SPEC_FIELDS))
def test_no_fields_beyond_spec_metadata_and_additions(name):
    expected = SPEC_FIELDS[name] | METADATA | ADDED.get(name, set())
    assert set(MODELS[name].model_fields) == expected


@pytest.mark.parametrize("line", list(SPEC_LINES), ids=lambda c: c.__name__)
def test_pay_statement_lines_have_exactly_their_fields(line):
    assert set(line.model_fields) == SPEC_LINES[line]


def test_address_fields():
    assert set(Address.model_fields) == SPEC_ADDRESS


def test_field_source_fields():
    assert set(FieldSource.model_fields) == {"api_name", "label", "source_value"}
    assert FieldSource().source_value is None


@pytest.mark.parametrize("name", sorted(SPEC_FIELDS))
def test_only_id_and_provider_key_are_required(name):
    model = MODELS[name]
    required = {field for field, info in model.model_fields.items() if info.is_required()}
    assert required == ({"id"} if name == "TimeOffBalance" else {"id", "remote_id"})
    assert model.model_fields["remote_was_deleted"].default is False


def test_address_has_no_required_field():
    assert Address() == Address(line1=None)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
def test_frozen_and_extra_forbidden_config(cls):
    assert cls.model_config.get("frozen") is True
    assert cls.model_config.get("extra") == "forbid"


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_class_and_field_is_documented(cls):
    assert (cls.__dict__.get("__doc__") or "").strip(), f"{cls.__name__} has no docstring"
    for field, info in cls.model_fields.items():
        assert info.description and len(info.description) > 10, f"{cls.__name__}.{field} has no description"


@pytest.mark.parametrize("cls", [*MODELS.values(), Address, FieldSource], ids=lambda cls: cls.__name__)
def test_json_schema_publishes_every_field_with_its_description(cls):
    schema = cls.model_json_schema()
    assert set(schema["properties"]) == set(cls.model_fields)
    for field, prop in schema["properties"].items():
        assert prop.get("description") == cls.model_fields[field].description, field


@pytest.mark.parametrize("enum_cls", list(SPEC_ENUMS), ids=lambda cls: cls.__name__)
def test_enum_values_are_exactly_the_spec_set(enum_cls):
    assert issubclass(enum_cls, enum.StrEnum)
    assert {member.value for member in enum_cls} == names(SPEC_ENUMS[enum_cls])
    for member in enum_cls:
        assert member.value == member.name
        assert member.value.isupper()
    assert (enum_cls.__dict__.get("__doc__") or "").strip()


def test_every_enum_of_the_package_is_checked_against_the_spec():
    defined = {obj for obj in vars(enums).values() if isinstance(obj, type) and issubclass(obj, enum.Enum)}
    assert defined - {enum.StrEnum} == set(SPEC_ENUMS)


@pytest.mark.parametrize(
    ("model", "field", "enum_cls"),
    [
        ("Employee", "employment_status", EmploymentStatus),
        ("Employee", "employment_type", EmploymentType),
        ("Employee", "gender", Gender),
        ("Employee", "ethnicity", Ethnicity),
        ("Employee", "marital_status", MaritalStatus),
        ("Employment", "pay_period", PayPeriod),
        ("Employment", "pay_frequency", PayFrequency),
        ("Employment", "flsa_status", FlsaStatus),
        ("Employment", "employment_type", EmploymentType),
        ("TimeOffPolicy", "policy_type", TimeOffPolicyType),
        ("TimeOffPolicy", "unit", TimeOffUnit),
        ("TimeOffBalance", "policy_type", TimeOffPolicyType),
        ("TimeOffBalance", "unit", TimeOffUnit),
        ("TimeOffRequest", "status", TimeOffRequestStatus),
        ("TimeOffRequest", "request_type", TimeOffPolicyType),
        ("TimeOffRequest", "unit", TimeOffUnit),
        ("Group", "type", GroupType),
        ("Location", "location_type", LocationType),
        ("Dependent", "relationship", ContactRelationship),
        ("Dependent", "gender", Gender),
        ("EmergencyContact", "relationship", ContactRelationship),
        ("BankInfo", "account_type", BankAccountType),
        ("PayGroup", "pay_frequency", PayFrequency),
        ("PayrollRun", "run_type", PayrollRunType),
        ("PayrollRun", "run_state", PayrollRunState),
        ("EmployerBenefit", "benefit_plan_type", BenefitPlanType),
    ],
)
def test_enum_fields_use_their_enum(model, field, enum_cls):
    assert MODELS[model].model_fields[field].annotation == enum_cls | None


@pytest.mark.parametrize("name", sorted(SPEC_FIELDS))
def test_model_fields_of_is_what_a_field_map_may_fill(name):
    model = MODELS[name]
    fillable = model_fields_of(model)
    assert isinstance(fillable, frozenset)
    assert fillable == set(model.model_fields) - {
        "id",
        "remote_data",
        "remote_data_redacted",
        "field_sources",
        "created_at",
        "modified_at",
        "remote_was_deleted",
    }
    assert fillable.isdisjoint(HUB_FIELDS)
    assert "remote_modified_at" in fillable
    assert model_fields_of(model) is fillable


PUBLIC_NAMES = {
    *(model.__name__ for model in ALL_CLASSES),
    *(enum_cls.__name__ for enum_cls in SPEC_ENUMS),
    "MODELS",
    "RESOURCES",
    "HUB_FIELDS",
    "SENSITIVE",
    "SENSITIVE_FIELDS",
    "INSTANT_PATTERN",
    "Amount",
    "format_instant",
    "model_fields_of",
    "stable_id",
    "CountryCode",
    "CurrencyCode",
    "CustomFieldValue",
    "UtcDatetime",
}


def test_public_names_are_exact_and_importable():
    assert set(unified_models.__all__) == PUBLIC_NAMES
    assert len(unified_models.__all__) == len(PUBLIC_NAMES)
    for name in unified_models.__all__:
        assert getattr(unified_models, name) is not None, name


def test_unified_models_imports_nothing_of_the_project():
    allowed = set(sys.stdlib_module_names) | {"pydantic", "pydantic_core", "unified_models", "__future__"}
    package = Path(unified_models.__file__).parent
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.name}: use absolute imports"
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert roots <= allowed, f"{path.name} imports {sorted(roots - allowed)}"
