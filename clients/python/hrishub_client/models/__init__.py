"""Contains all the data models used in inputs/outputs"""

from .account_audit_entry_out import AccountAuditEntryOut
from .account_audit_entry_out_action import AccountAuditEntryOutAction
from .account_audit_entry_out_actor import AccountAuditEntryOutActor
from .account_audit_entry_out_details import AccountAuditEntryOutDetails
from .account_audit_entry_out_outcome import AccountAuditEntryOutOutcome
from .account_audit_page import AccountAuditPage
from .account_list import AccountList
from .account_out import AccountOut
from .account_out_options import AccountOutOptions
from .account_out_permissions import AccountOutPermissions
from .account_update import AccountUpdate
from .account_update_options import AccountUpdateOptions
from .action_out import ActionOut
from .action_out_optional_scopes import ActionOutOptionalScopes
from .address import Address
from .attempt_out import AttemptOut
from .audit_entry_out import AuditEntryOut
from .audit_page import AuditPage
from .bank_account_type import BankAccountType
from .bank_info import BankInfo
from .bank_info_field_sources_type_0 import BankInfoFieldSourcesType0
from .bank_info_listed import BankInfoListed
from .bank_info_listed_field_sources_type_0 import BankInfoListedFieldSourcesType0
from .bank_info_listed_page import BankInfoListedPage
from .bank_info_listed_remote_data_type_0 import BankInfoListedRemoteDataType0
from .bank_info_remote_data_type_0 import BankInfoRemoteDataType0
from .benefit import Benefit
from .benefit_field_sources_type_0 import BenefitFieldSourcesType0
from .benefit_listed import BenefitListed
from .benefit_listed_field_sources_type_0 import BenefitListedFieldSourcesType0
from .benefit_listed_page import BenefitListedPage
from .benefit_listed_remote_data_type_0 import BenefitListedRemoteDataType0
from .benefit_plan_type import BenefitPlanType
from .benefit_remote_data_type_0 import BenefitRemoteDataType0
from .change import Change
from .company import Company
from .company_field_sources_type_0 import CompanyFieldSourcesType0
from .company_page import CompanyPage
from .company_remote_data_type_0 import CompanyRemoteDataType0
from .connector_detail import ConnectorDetail
from .connector_detail_actions import ConnectorDetailActions
from .connector_detail_credentials_schema import ConnectorDetailCredentialsSchema
from .connector_detail_features import ConnectorDetailFeatures
from .connector_list import ConnectorList
from .connector_out import ConnectorOut
from .connector_out_actions import ConnectorOutActions
from .connector_out_features import ConnectorOutFeatures
from .contact_relationship import ContactRelationship
from .credentials_update import CredentialsUpdate
from .credentials_update_credentials import CredentialsUpdateCredentials
from .deduction import Deduction
from .delivery_list import DeliveryList
from .delivery_out import DeliveryOut
from .dependent import Dependent
from .dependent_field_sources_type_0 import DependentFieldSourcesType0
from .dependent_listed import DependentListed
from .dependent_listed_field_sources_type_0 import DependentListedFieldSourcesType0
from .dependent_listed_page import DependentListedPage
from .dependent_listed_remote_data_type_0 import DependentListedRemoteDataType0
from .dependent_remote_data_type_0 import DependentRemoteDataType0
from .earning import Earning
from .earning_type import EarningType
from .emergency_contact import EmergencyContact
from .emergency_contact_field_sources_type_0 import EmergencyContactFieldSourcesType0
from .emergency_contact_listed import EmergencyContactListed
from .emergency_contact_listed_field_sources_type_0 import EmergencyContactListedFieldSourcesType0
from .emergency_contact_listed_page import EmergencyContactListedPage
from .emergency_contact_listed_remote_data_type_0 import EmergencyContactListedRemoteDataType0
from .emergency_contact_remote_data_type_0 import EmergencyContactRemoteDataType0
from .employee import Employee
from .employee_custom_fields_type_0 import EmployeeCustomFieldsType0
from .employee_field_sources_type_0 import EmployeeFieldSourcesType0
from .employee_listed import EmployeeListed
from .employee_listed_custom_fields_type_0 import EmployeeListedCustomFieldsType0
from .employee_listed_field_sources_type_0 import EmployeeListedFieldSourcesType0
from .employee_listed_page import EmployeeListedPage
from .employee_listed_remote_data_type_0 import EmployeeListedRemoteDataType0
from .employee_payroll_run import EmployeePayrollRun
from .employee_payroll_run_field_sources_type_0 import EmployeePayrollRunFieldSourcesType0
from .employee_payroll_run_listed import EmployeePayrollRunListed
from .employee_payroll_run_listed_field_sources_type_0 import EmployeePayrollRunListedFieldSourcesType0
from .employee_payroll_run_listed_page import EmployeePayrollRunListedPage
from .employee_payroll_run_listed_remote_data_type_0 import EmployeePayrollRunListedRemoteDataType0
from .employee_payroll_run_remote_data_type_0 import EmployeePayrollRunRemoteDataType0
from .employee_remote_data_type_0 import EmployeeRemoteDataType0
from .employer_benefit import EmployerBenefit
from .employer_benefit_field_sources_type_0 import EmployerBenefitFieldSourcesType0
from .employer_benefit_page import EmployerBenefitPage
from .employer_benefit_remote_data_type_0 import EmployerBenefitRemoteDataType0
from .employment import Employment
from .employment_field_sources_type_0 import EmploymentFieldSourcesType0
from .employment_listed import EmploymentListed
from .employment_listed_field_sources_type_0 import EmploymentListedFieldSourcesType0
from .employment_listed_page import EmploymentListedPage
from .employment_listed_remote_data_type_0 import EmploymentListedRemoteDataType0
from .employment_remote_data_type_0 import EmploymentRemoteDataType0
from .employment_status import EmploymentStatus
from .employment_type import EmploymentType
from .endpoint_create import EndpointCreate
from .endpoint_list import EndpointList
from .endpoint_out import EndpointOut
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .ethnicity import Ethnicity
from .event_data import EventData
from .event_data_changes import EventDataChanges
from .event_data_record_type_0 import EventDataRecordType0
from .event_list import EventList
from .event_out import EventOut
from .event_out_changes import EventOutChanges
from .event_out_record_type_0 import EventOutRecordType0
from .field_source import FieldSource
from .flsa_status import FlsaStatus
from .gender import Gender
from .get_healthz_response_gethealthz import GetHealthzResponseGethealthz
from .get_readyz_response_getreadyz import GetReadyzResponseGetreadyz
from .group import Group
from .group_field_sources_type_0 import GroupFieldSourcesType0
from .group_page import GroupPage
from .group_remote_data_type_0 import GroupRemoteDataType0
from .group_type import GroupType
from .http_validation_error import HTTPValidationError
from .link_request import LinkRequest
from .link_request_credentials import LinkRequestCredentials
from .link_request_options_type_0 import LinkRequestOptionsType0
from .link_session_create import LinkSessionCreate
from .link_session_list import LinkSessionList
from .link_session_out import LinkSessionOut
from .list_employees_employment_status_type_0 import ListEmployeesEmploymentStatusType0
from .location import Location
from .location_field_sources_type_0 import LocationFieldSourcesType0
from .location_page import LocationPage
from .location_remote_data_type_0 import LocationRemoteDataType0
from .location_type import LocationType
from .marital_status import MaritalStatus
from .passthrough_in import PassthroughIn
from .passthrough_in_headers_type_0 import PassthroughInHeadersType0
from .passthrough_in_params_type_0 import PassthroughInParamsType0
from .passthrough_out import PassthroughOut
from .passthrough_out_body_encoding_type_0 import PassthroughOutBodyEncodingType0
from .passthrough_out_headers import PassthroughOutHeaders
from .pay_frequency import PayFrequency
from .pay_group import PayGroup
from .pay_group_field_sources_type_0 import PayGroupFieldSourcesType0
from .pay_group_page import PayGroupPage
from .pay_group_remote_data_type_0 import PayGroupRemoteDataType0
from .pay_period import PayPeriod
from .payroll_run import PayrollRun
from .payroll_run_field_sources_type_0 import PayrollRunFieldSourcesType0
from .payroll_run_listed import PayrollRunListed
from .payroll_run_listed_field_sources_type_0 import PayrollRunListedFieldSourcesType0
from .payroll_run_listed_page import PayrollRunListedPage
from .payroll_run_listed_remote_data_type_0 import PayrollRunListedRemoteDataType0
from .payroll_run_remote_data_type_0 import PayrollRunRemoteDataType0
from .payroll_run_state import PayrollRunState
from .payroll_run_type import PayrollRunType
from .problem import Problem
from .problem_errors_type_0_item import ProblemErrorsType0Item
from .read_mode import ReadMode
from .record_error import RecordError
from .redeliver import Redeliver
from .redelivered import Redelivered
from .run import Run
from .run_list import RunList
from .run_models import RunModels
from .run_report_type_0 import RunReportType0
from .run_summary import RunSummary
from .run_summary_models import RunSummaryModels
from .sync_request import SyncRequest
from .sync_started import SyncStarted
from .tax import Tax
from .time_off_balance import TimeOffBalance
from .time_off_balance_field_sources_type_0 import TimeOffBalanceFieldSourcesType0
from .time_off_balance_listed import TimeOffBalanceListed
from .time_off_balance_listed_field_sources_type_0 import TimeOffBalanceListedFieldSourcesType0
from .time_off_balance_listed_page import TimeOffBalanceListedPage
from .time_off_balance_listed_remote_data_type_0 import TimeOffBalanceListedRemoteDataType0
from .time_off_balance_remote_data_type_0 import TimeOffBalanceRemoteDataType0
from .time_off_policy import TimeOffPolicy
from .time_off_policy_field_sources_type_0 import TimeOffPolicyFieldSourcesType0
from .time_off_policy_page import TimeOffPolicyPage
from .time_off_policy_remote_data_type_0 import TimeOffPolicyRemoteDataType0
from .time_off_policy_type import TimeOffPolicyType
from .time_off_request import TimeOffRequest
from .time_off_request_field_sources_type_0 import TimeOffRequestFieldSourcesType0
from .time_off_request_listed import TimeOffRequestListed
from .time_off_request_listed_field_sources_type_0 import TimeOffRequestListedFieldSourcesType0
from .time_off_request_listed_page import TimeOffRequestListedPage
from .time_off_request_listed_remote_data_type_0 import TimeOffRequestListedRemoteDataType0
from .time_off_request_remote_data_type_0 import TimeOffRequestRemoteDataType0
from .time_off_request_status import TimeOffRequestStatus
from .time_off_unit import TimeOffUnit
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .value_problem import ValueProblem
from .webhook_payload import WebhookPayload

__all__ = (
    "AccountAuditEntryOut",
    "AccountAuditEntryOutAction",
    "AccountAuditEntryOutActor",
    "AccountAuditEntryOutDetails",
    "AccountAuditEntryOutOutcome",
    "AccountAuditPage",
    "AccountList",
    "AccountOut",
    "AccountOutOptions",
    "AccountOutPermissions",
    "AccountUpdate",
    "AccountUpdateOptions",
    "ActionOut",
    "ActionOutOptionalScopes",
    "Address",
    "AttemptOut",
    "AuditEntryOut",
    "AuditPage",
    "BankAccountType",
    "BankInfo",
    "BankInfoFieldSourcesType0",
    "BankInfoListed",
    "BankInfoListedFieldSourcesType0",
    "BankInfoListedPage",
    "BankInfoListedRemoteDataType0",
    "BankInfoRemoteDataType0",
    "Benefit",
    "BenefitFieldSourcesType0",
    "BenefitListed",
    "BenefitListedFieldSourcesType0",
    "BenefitListedPage",
    "BenefitListedRemoteDataType0",
    "BenefitPlanType",
    "BenefitRemoteDataType0",
    "Change",
    "Company",
    "CompanyFieldSourcesType0",
    "CompanyPage",
    "CompanyRemoteDataType0",
    "ConnectorDetail",
    "ConnectorDetailActions",
    "ConnectorDetailCredentialsSchema",
    "ConnectorDetailFeatures",
    "ConnectorList",
    "ConnectorOut",
    "ConnectorOutActions",
    "ConnectorOutFeatures",
    "ContactRelationship",
    "CredentialsUpdate",
    "CredentialsUpdateCredentials",
    "Deduction",
    "DeliveryList",
    "DeliveryOut",
    "Dependent",
    "DependentFieldSourcesType0",
    "DependentListed",
    "DependentListedFieldSourcesType0",
    "DependentListedPage",
    "DependentListedRemoteDataType0",
    "DependentRemoteDataType0",
    "Earning",
    "EarningType",
    "EmergencyContact",
    "EmergencyContactFieldSourcesType0",
    "EmergencyContactListed",
    "EmergencyContactListedFieldSourcesType0",
    "EmergencyContactListedPage",
    "EmergencyContactListedRemoteDataType0",
    "EmergencyContactRemoteDataType0",
    "Employee",
    "EmployeeCustomFieldsType0",
    "EmployeeFieldSourcesType0",
    "EmployeeListed",
    "EmployeeListedCustomFieldsType0",
    "EmployeeListedFieldSourcesType0",
    "EmployeeListedPage",
    "EmployeeListedRemoteDataType0",
    "EmployeePayrollRun",
    "EmployeePayrollRunFieldSourcesType0",
    "EmployeePayrollRunListed",
    "EmployeePayrollRunListedFieldSourcesType0",
    "EmployeePayrollRunListedPage",
    "EmployeePayrollRunListedRemoteDataType0",
    "EmployeePayrollRunRemoteDataType0",
    "EmployeeRemoteDataType0",
    "EmployerBenefit",
    "EmployerBenefitFieldSourcesType0",
    "EmployerBenefitPage",
    "EmployerBenefitRemoteDataType0",
    "Employment",
    "EmploymentFieldSourcesType0",
    "EmploymentListed",
    "EmploymentListedFieldSourcesType0",
    "EmploymentListedPage",
    "EmploymentListedRemoteDataType0",
    "EmploymentRemoteDataType0",
    "EmploymentStatus",
    "EmploymentType",
    "EndpointCreate",
    "EndpointList",
    "EndpointOut",
    "EndpointUpdate",
    "EndpointWithSecret",
    "Ethnicity",
    "EventData",
    "EventDataChanges",
    "EventDataRecordType0",
    "EventList",
    "EventOut",
    "EventOutChanges",
    "EventOutRecordType0",
    "FieldSource",
    "FlsaStatus",
    "Gender",
    "GetHealthzResponseGethealthz",
    "GetReadyzResponseGetreadyz",
    "Group",
    "GroupFieldSourcesType0",
    "GroupPage",
    "GroupRemoteDataType0",
    "GroupType",
    "HTTPValidationError",
    "LinkRequest",
    "LinkRequestCredentials",
    "LinkRequestOptionsType0",
    "LinkSessionCreate",
    "LinkSessionList",
    "LinkSessionOut",
    "ListEmployeesEmploymentStatusType0",
    "Location",
    "LocationFieldSourcesType0",
    "LocationPage",
    "LocationRemoteDataType0",
    "LocationType",
    "MaritalStatus",
    "PassthroughIn",
    "PassthroughInHeadersType0",
    "PassthroughInParamsType0",
    "PassthroughOut",
    "PassthroughOutBodyEncodingType0",
    "PassthroughOutHeaders",
    "PayFrequency",
    "PayGroup",
    "PayGroupFieldSourcesType0",
    "PayGroupPage",
    "PayGroupRemoteDataType0",
    "PayPeriod",
    "PayrollRun",
    "PayrollRunFieldSourcesType0",
    "PayrollRunListed",
    "PayrollRunListedFieldSourcesType0",
    "PayrollRunListedPage",
    "PayrollRunListedRemoteDataType0",
    "PayrollRunRemoteDataType0",
    "PayrollRunState",
    "PayrollRunType",
    "Problem",
    "ProblemErrorsType0Item",
    "ReadMode",
    "RecordError",
    "Redeliver",
    "Redelivered",
    "Run",
    "RunList",
    "RunModels",
    "RunReportType0",
    "RunSummary",
    "RunSummaryModels",
    "SyncRequest",
    "SyncStarted",
    "Tax",
    "TimeOffBalance",
    "TimeOffBalanceFieldSourcesType0",
    "TimeOffBalanceListed",
    "TimeOffBalanceListedFieldSourcesType0",
    "TimeOffBalanceListedPage",
    "TimeOffBalanceListedRemoteDataType0",
    "TimeOffBalanceRemoteDataType0",
    "TimeOffPolicy",
    "TimeOffPolicyFieldSourcesType0",
    "TimeOffPolicyPage",
    "TimeOffPolicyRemoteDataType0",
    "TimeOffPolicyType",
    "TimeOffRequest",
    "TimeOffRequestFieldSourcesType0",
    "TimeOffRequestListed",
    "TimeOffRequestListedFieldSourcesType0",
    "TimeOffRequestListedPage",
    "TimeOffRequestListedRemoteDataType0",
    "TimeOffRequestRemoteDataType0",
    "TimeOffRequestStatus",
    "TimeOffUnit",
    "ValidationError",
    "ValidationErrorContext",
    "ValueProblem",
    "WebhookPayload",
)
