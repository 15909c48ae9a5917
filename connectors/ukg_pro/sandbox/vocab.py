"""The fixed vocabulary a sandbox tenant is generated from: names, places, jobs, org units, codes.

Every value here is invented for the sandbox. Phone numbers use the fictional 555-01xx range,
e-mail domains end in ``.example``, US national ids start with 9 (the ITIN range, never an SSN) and
Canadian ones with 0 (never issued as a SIN), so nothing generated can belong to a real person.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "CA_CITIES",
    "CHAR_WIDTHS",
    "CODE_TABLES",
    "CONTACT_RELATIONSHIPS",
    "COST_CENTERS",
    "DEPARTMENTS",
    "DIVISIONS",
    "ETHNIC_CODES",
    "FAMILY_DEPARTMENTS",
    "FIRST_NAMES",
    "HEAD_FAMILIES",
    "JOBS",
    "JOB_CHANGE_REASONS",
    "LAST_NAMES",
    "LEAVE_REASONS",
    "LOCATIONS",
    "PAY_GROUPS",
    "PTO_PLANS",
    "STREETS",
    "TEAMS",
    "TERM_REASONS",
    "US_CITIES",
    "City",
    "JobSpec",
    "LocationSpec",
]


class City(NamedTuple):
    """A city people live in: name, state or province code, postal prefix, county (US only)."""

    name: str
    state: str
    postal: str
    county: str | None


class JobSpec(NamedTuple):
    """One job of the catalogue; ``rank`` 0 individual contributor, 1 senior/lead, 2 manager, 3 executive."""

    code: str
    title: str
    family: str
    flsa: str
    rank: int
    hourly: bool
    low: float
    high: float


class LocationSpec(NamedTuple):
    """One work location; ``kind`` is office, warehouse or remote."""

    code: str
    description: str
    address1: str | None
    city: str
    state: str
    postal: str
    country: str
    kind: str
    is_active: bool
    gl_segment: str


# fmt: off
# (name, gender) pairs; a few with accents or apostrophes so connectors meet real-world text.
FIRST_NAMES: tuple[tuple[str, str], ...] = (
    ("James", "M"), ("Mary", "F"), ("Robert", "M"), ("Patricia", "F"), ("John", "M"), ("Jennifer", "F"),
    ("Michael", "M"), ("Linda", "F"), ("David", "M"), ("Elizabeth", "F"), ("William", "M"), ("Barbara", "F"),
    ("Richard", "M"), ("Susan", "F"), ("Joseph", "M"), ("Jessica", "F"), ("Thomas", "M"), ("Sarah", "F"),
    ("Christopher", "M"), ("Karen", "F"), ("Charles", "M"), ("Lisa", "F"), ("Daniel", "M"), ("Nancy", "F"),
    ("Matthew", "M"), ("Betty", "F"), ("Anthony", "M"), ("Sandra", "F"), ("Mark", "M"), ("Margaret", "F"),
    ("Donald", "M"), ("Ashley", "F"), ("Steven", "M"), ("Kimberly", "F"), ("Andrew", "M"), ("Emily", "F"),
    ("Paul", "M"), ("Donna", "F"), ("Joshua", "M"), ("Michelle", "F"), ("Kenneth", "M"), ("Carol", "F"),
    ("Kevin", "M"), ("Amanda", "F"), ("Brian", "M"), ("Melissa", "F"), ("George", "M"), ("Deborah", "F"),
    ("Timothy", "M"), ("Stephanie", "F"), ("Ronald", "M"), ("Rebecca", "F"), ("Jason", "M"), ("Sharon", "F"),
    ("Edward", "M"), ("Laura", "F"), ("Jeffrey", "M"), ("Cynthia", "F"), ("Ryan", "M"), ("Amy", "F"),
    ("Jacob", "M"), ("Kathleen", "F"), ("Gary", "M"), ("Angela", "F"), ("Nicholas", "M"), ("Shirley", "F"),
    ("Eric", "M"), ("Brenda", "F"), ("Jonathan", "M"), ("Emma", "F"), ("Stephen", "M"), ("Anna", "F"),
    ("Larry", "M"), ("Pamela", "F"), ("Justin", "M"), ("Nicole", "F"), ("Scott", "M"), ("Samantha", "F"),
    ("Brandon", "M"), ("Katherine", "F"), ("Benjamin", "M"), ("Christine", "F"), ("Samuel", "M"),
    ("Helen", "F"), ("Gregory", "M"), ("Debra", "F"), ("Alexander", "M"), ("Rachel", "F"), ("Patrick", "M"),
    ("Carolyn", "F"),
    ("Frank", "M"), ("Janet", "F"), ("Raymond", "M"), ("Maria", "F"), ("Jack", "M"), ("Olivia", "F"),
    ("Dennis", "M"), ("Heather", "F"), ("Jerry", "M"), ("Catherine", "F"), ("Tyler", "M"), ("Diane", "F"),
    ("Aaron", "M"), ("Julie", "F"), ("Jose", "M"), ("Victoria", "F"), ("Adam", "M"), ("Joyce", "F"),
    ("Nathan", "M"), ("Lauren", "F"), ("Henry", "M"), ("Kelly", "F"), ("Zachary", "M"), ("Christina", "F"),
    ("Douglas", "M"), ("Ruth", "F"), ("Peter", "M"), ("Joan", "F"), ("Kyle", "M"), ("Virginia", "F"),
    ("Noah", "M"), ("Judith", "F"), ("Ethan", "M"), ("Evelyn", "F"), ("Jeremy", "M"), ("Hannah", "F"),
    ("Walter", "M"), ("Andrea", "F"), ("Christian", "M"), ("Megan", "F"), ("Keith", "M"), ("Cheryl", "F"),
    ("Roger", "M"), ("Jacqueline", "F"), ("Terry", "M"), ("Madison", "F"), ("Austin", "M"), ("Sophia", "F"),
    ("Sean", "M"), ("Abigail", "F"), ("Gerald", "M"), ("Teresa", "F"), ("Carl", "M"), ("Isabella", "F"),
    ("Harold", "M"), ("Grace", "F"), ("Dylan", "M"), ("Chloé", "F"), ("Arthur", "M"), ("Renée", "F"),
    ("Lawrence", "M"), ("Zoë", "F"), ("Jordan", "X"), ("Taylor", "X"), ("José", "M"), ("Sofía", "F"),
    ("François", "M"), ("Amélie", "F"), ("Wei", "M"), ("Mei", "F"), ("Arjun", "M"), ("Priya", "F"),
    ("Mohammed", "M"), ("Fatima", "F"), ("Hiroshi", "M"), ("Yuki", "F"), ("Oluwaseun", "M"), ("Ngozi", "F"),
    ("Björn", "M"), ("Siobhán", "F"), ("Mateo", "M"), ("Valentina", "F"), ("Liam", "M"), ("Aaliyah", "F"),
)

LAST_NAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
    "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
    "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
    "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
    "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
    "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
    "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
    "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
    "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton",
    "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera",
    "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall",
    "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas",
    "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson",
    "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz",
    "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone",
    "O'Brien", "O'Connor", "MacLeod", "Tremblay", "Gagnon", "Côté", "Bouchard", "Gauthier", "Lévesque",
    "Roy", "Singh", "Wong", "Li", "Zhang", "Wang", "Tanaka", "Sato", "Okafor", "Adeyemi", "Kowalski",
    "Nowak", "Müller", "Schmidt", "Rossi", "Russo", "Ferreira", "Santos", "Ivanov", "Cohen", "Levy",
    "Van der Berg", "De la Cruz", "St. Pierre", "Nguyễn", "Haddad", "Khan", "Ali", "Ahmed", "Hassan",
)

STREETS: tuple[str, ...] = (
    "Maple Ave", "Oak St", "Pine St", "Cedar Ln", "Elm St", "Main St", "Park Ave", "Lakeview Dr",
    "Hillcrest Rd", "Washington Blvd", "Sunset Blvd", "River Rd", "Church St", "Highland Ave",
    "Willow Way", "Meadow Ln", "Forest Dr", "Spring St", "Ridge Rd", "Chestnut St", "Walnut St",
    "Birch Rd", "Jefferson Ave", "Lincoln St", "Madison Ave", "Franklin St", "Cherry Ln", "Valley View Dr",
)

# fmt: on

US_CITIES: tuple[City, ...] = (
    City("Atlanta", "GA", "30303", "Fulton"),
    City("Decatur", "GA", "30030", "DeKalb"),
    City("Marietta", "GA", "30060", "Cobb"),
    City("Austin", "TX", "78701", "Travis"),
    City("Round Rock", "TX", "78664", "Williamson"),
    City("Chicago", "IL", "60601", "Cook"),
    City("Evanston", "IL", "60201", "Cook"),
    City("Denver", "CO", "80202", "Denver"),
    City("New York", "NY", "10001", "New York"),
    City("Hoboken", "NJ", "07030", "Hudson"),
    City("Seattle", "WA", "98101", "King"),
    City("Bellevue", "WA", "98004", "King"),
    City("Memphis", "TN", "38103", "Shelby"),
    City("Germantown", "TN", "38138", "Shelby"),
    City("Charlotte", "NC", "28202", "Mecklenburg"),
    City("Columbus", "OH", "43215", "Franklin"),
    City("Phoenix", "AZ", "85004", "Maricopa"),
    City("Portland", "OR", "97204", "Multnomah"),
    City("Boston", "MA", "02108", "Suffolk"),
    City("Nashville", "TN", "37203", "Davidson"),
    City("Raleigh", "NC", "27601", "Wake"),
    City("Minneapolis", "MN", "55401", "Hennepin"),
    City("San Diego", "CA", "92101", "San Diego"),
    City("Tampa", "FL", "33602", "Hillsborough"),
    City("Kansas City", "MO", "64105", "Jackson"),
    City("Salt Lake City", "UT", "84101", "Salt Lake"),
)

CA_CITIES: tuple[City, ...] = (
    City("Toronto", "ON", "M5V", None),
    City("Mississauga", "ON", "L5B", None),
    City("Ottawa", "ON", "K1P", None),
    City("Vancouver", "BC", "V6B", None),
    City("Burnaby", "BC", "V5H", None),
    City("Montréal", "QC", "H3B", None),
    City("Laval", "QC", "H7N", None),
    City("Calgary", "AB", "T2P", None),
)

LOCATIONS: tuple[LocationSpec, ...] = (
    LocationSpec(
        "ATL01",
        "Atlanta Headquarters",
        "1180 Peachtree St NE",
        "Atlanta",
        "GA",
        "30309",
        "USA",
        "office",
        True,
        "110",
    ),
    LocationSpec(
        "AUS01", "Austin Office", "500 W 2nd St", "Austin", "TX", "78701", "USA", "office", True, "120"
    ),
    LocationSpec(
        "CHI01", "Chicago Office", "222 W Adams St", "Chicago", "IL", "60606", "USA", "office", True, "130"
    ),
    LocationSpec(
        "SEA01", "Seattle Office", "1201 3rd Ave", "Seattle", "WA", "98101", "USA", "office", True, "140"
    ),
    LocationSpec(
        "MEM01",
        "Memphis Distribution Center",
        "4500 Distriplex Dr",
        "Memphis",
        "TN",
        "38118",
        "USA",
        "warehouse",
        True,
        "150",
    ),
    LocationSpec(
        "REMUS", "Remote - United States", None, "Atlanta", "GA", "30309", "USA", "remote", True, "190"
    ),
    LocationSpec(
        "PHX01",
        "Phoenix Office (closed)",
        "2 N Central Ave",
        "Phoenix",
        "AZ",
        "85004",
        "USA",
        "office",
        False,
        "160",
    ),
    LocationSpec(
        "TOR01", "Toronto Office", "100 King St W", "Toronto", "ON", "M5X 1A9", "CAN", "office", True, "210"
    ),
    LocationSpec(
        "MIS01",
        "Mississauga Distribution Centre",
        "6800 Maritz Dr",
        "Mississauga",
        "ON",
        "L5W 1W2",
        "CAN",
        "warehouse",
        True,
        "220",
    ),
    LocationSpec(
        "MTL01",
        "Bureau de Montréal",
        "1000 Rue De La Gauchetière O",
        "Montréal",
        "QC",
        "H3B 4W5",
        "CAN",
        "office",
        True,
        "230",
    ),
    LocationSpec("REMCA", "Remote - Canada", None, "Toronto", "ON", "M5X 1A9", "CAN", "remote", True, "290"),
)

# Org level 1..4 units. The tenant's labels for the levels are settings (Division, Cost Center, ...).
DIVISIONS: tuple[tuple[str, str, bool], ...] = (
    ("CORP", "Corporate", True),
    ("PRODENG", "Product & Engineering", True),
    ("COMM", "Commercial", True),
    ("OPS", "Operations", True),
    ("LEGACY", "Legacy Holdings", False),
)
COST_CENTERS: tuple[tuple[str, str, str, bool], ...] = (
    ("1100", "Executive Office", "CORP", True),
    ("1200", "Finance & Accounting", "CORP", True),
    ("1300", "People Operations", "CORP", True),
    ("2100", "Engineering", "PRODENG", True),
    ("2200", "Product Support", "PRODENG", True),
    ("3100", "Sales North America", "COMM", True),
    ("3200", "Customer Success", "COMM", True),
    ("4100", "Distribution", "OPS", True),
    ("4200", "Facilities", "OPS", True),
    ("9900", "Discontinued Programs", "LEGACY", False),
)
DEPARTMENTS: tuple[tuple[str, str, str, bool], ...] = (
    ("EXEC", "Executive", "1100", True),
    ("FIN", "Finance", "1200", True),
    ("ACCT", "Accounting", "1200", True),
    ("HR", "Human Resources", "1300", True),
    ("TA", "Talent Acquisition", "1300", True),
    ("PLAT", "Platform Engineering", "2100", True),
    ("APPS", "Application Engineering", "2100", True),
    ("QA", "Quality Assurance", "2100", True),
    ("SUPP", "Customer Support", "2200", True),
    ("SALES", "Sales", "3100", True),
    ("CSM", "Customer Success", "3200", True),
    ("WHSE", "Warehouse", "4100", True),
    ("LOGI", "Logistics", "4100", True),
    ("FAC", "Facilities", "4200", True),
    ("ADMIN", "Administration", "1100", True),
    ("ARCHIVE", "Records Archive", "9900", False),
)
TEAMS: tuple[tuple[str, str, str, bool], ...] = (
    ("PLATCORE", "Core Services", "PLAT", True),
    ("PLATDATA", "Data Platform", "PLAT", True),
    ("APPWEB", "Web Applications", "APPS", True),
    ("APPMOB", "Mobile Applications", "APPS", True),
    ("QAAUTO", "Test Automation", "QA", True),
    ("SUPT1", "Support Tier 1", "SUPP", True),
    ("SUPT2", "Support Tier 2", "SUPP", True),
    ("SALENT", "Enterprise Sales", "SALES", True),
    ("SALSMB", "Small Business Sales", "SALES", True),
    ("CSMONB", "Onboarding", "CSM", True),
    ("WHSEDAY", "Day Shift", "WHSE", True),
    ("WHSENGT", "Night Shift", "WHSE", True),
    ("LOGIFLT", "Fleet", "LOGI", True),
    ("PAYR", "Payroll", "ACCT", True),
    ("AP", "Accounts Payable", "ACCT", True),
    ("RECR", "Recruiting", "TA", True),
    ("HROPS", "HR Operations", "HR", True),
    ("FACMNT", "Maintenance", "FAC", True),
    ("OLDTEAM", "Retired Team", "PLAT", False),
)
FAMILY_DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "EXEC": ("EXEC",),
    "ENG": ("PLAT", "APPS", "QA"),
    "SUP": ("SUPP",),
    "SAL": ("SALES", "CSM"),
    "OPS": ("WHSE", "LOGI"),
    "FIN": ("FIN", "ACCT"),
    "HR": ("HR", "TA"),
    "ADM": ("FAC", "ADMIN"),
}
# The family of each of the CEO's direct reports' subtrees, in order.
HEAD_FAMILIES: tuple[str, ...] = ("ENG", "SAL", "OPS", "FIN", "HR", "SUP", "ADM")

JOBS: tuple[JobSpec, ...] = (
    JobSpec("CEO", "Chief Executive Officer", "EXEC", "E", 3, False, 320000, 420000),
    JobSpec("CTO", "Chief Technology Officer", "ENG", "E", 3, False, 250000, 320000),
    JobSpec("VPSALES", "VP, Sales", "SAL", "E", 3, False, 210000, 280000),
    JobSpec("VPOPS", "VP, Operations", "OPS", "E", 3, False, 190000, 250000),
    JobSpec("CFO", "Chief Financial Officer", "FIN", "E", 3, False, 240000, 310000),
    JobSpec("CPO", "Chief People Officer", "HR", "E", 3, False, 200000, 260000),
    JobSpec("VPSUPP", "VP, Customer Support", "SUP", "E", 3, False, 170000, 220000),
    JobSpec("DIRADM", "Director of Administration", "ADM", "E", 3, False, 130000, 170000),
    JobSpec("SWE1", "Software Engineer I", "ENG", "E", 0, False, 85000, 110000),
    JobSpec("SWE2", "Software Engineer II", "ENG", "E", 0, False, 105000, 135000),
    JobSpec("QAANL", "QA Analyst", "ENG", "E", 0, False, 70000, 95000),
    JobSpec("SRSWE", "Senior Software Engineer", "ENG", "E", 1, False, 130000, 170000),
    JobSpec("ENGMGR", "Engineering Manager", "ENG", "E", 2, False, 150000, 190000),
    JobSpec("SUPSP1", "Support Specialist I", "SUP", "N", 0, True, 20.0, 26.0),
    JobSpec("SUPSP2", "Support Specialist II", "SUP", "N", 0, True, 24.0, 31.0),
    JobSpec("SUPLEAD", "Support Team Lead", "SUP", "E", 1, False, 65000, 80000),
    JobSpec("SUPMGR", "Support Manager", "SUP", "E", 2, False, 85000, 110000),
    JobSpec("SDR", "Sales Development Representative", "SAL", "N", 0, False, 50000, 65000),
    JobSpec("AE", "Account Executive", "SAL", "E", 0, False, 75000, 110000),
    JobSpec("CSMGR", "Customer Success Manager", "SAL", "E", 1, False, 70000, 95000),
    JobSpec("SALMGR", "Sales Manager", "SAL", "E", 2, False, 120000, 160000),
    JobSpec("WHASSC", "Warehouse Associate", "OPS", "N", 0, True, 17.0, 22.0),
    JobSpec("FORKOP", "Forklift Operator", "OPS", "N", 0, True, 19.0, 25.0),
    JobSpec("SHFTSUP", "Shift Supervisor", "OPS", "N", 1, True, 24.0, 30.0),
    JobSpec("OPSMGR", "Operations Manager", "OPS", "E", 2, False, 85000, 115000),
    JobSpec("ACCTNT", "Accountant", "FIN", "E", 0, False, 65000, 85000),
    JobSpec("PAYSPC", "Payroll Specialist", "FIN", "N", 0, False, 55000, 70000),
    JobSpec("SRACCT", "Senior Accountant", "FIN", "E", 1, False, 80000, 100000),
    JobSpec("CTRLR", "Controller", "FIN", "E", 2, False, 120000, 150000),
    JobSpec("HRGEN", "HR Generalist", "HR", "E", 0, False, 60000, 80000),
    JobSpec("RECRTR", "Recruiter", "HR", "E", 0, False, 60000, 85000),
    JobSpec("HRBP", "HR Business Partner", "HR", "E", 1, False, 85000, 110000),
    JobSpec("HRMGR", "HR Manager", "HR", "E", 2, False, 100000, 130000),
    JobSpec("ADMAST", "Administrative Assistant", "ADM", "N", 0, True, 18.0, 24.0),
    JobSpec("FACTEC", "Facilities Technician", "ADM", "N", 0, True, 22.0, 30.0),
    JobSpec("OFCMGR", "Office Manager", "ADM", "E", 1, False, 60000, 75000),
    JobSpec("FACMGR", "Facilities Manager", "ADM", "E", 2, False, 75000, 95000),
)

# (code, description, pay period code, periods per year, hourly?, country)
PAY_GROUPS: tuple[tuple[str, str, str, int, bool, str], ...] = (
    ("USBW", "US Biweekly Salaried", "B", 26, False, "USA"),
    ("USWK", "US Weekly Hourly", "W", 52, True, "USA"),
    ("CASM", "Canada Semi-Monthly Salaried", "S", 24, False, "CAN"),
    ("CAHOUR", "Canada Weekly Hourly", "W", 52, True, "CAN"),
)

# Widths of the char columns whose codes converted records send space-padded ("F ", "CAD "); inferred.
CHAR_WIDTHS: dict[str, int] = {
    "fullTimeOrPartTime": 2,
    "employeeStatus": 2,
    "currencyCode": 4,
    "termReason": 6,
}

# (code, description, term type: V voluntary / I involuntary)
TERM_REASONS: tuple[tuple[str, str, str], ...] = (
    ("RES", "Resignation", "V"),
    ("BETTER", "Better Opportunity", "V"),
    ("RELOC", "Relocation", "V"),
    ("RET", "Retirement", "V"),
    ("PERF", "Performance", "I"),
    ("RIF", "Reduction in Force", "I"),
    ("ATTEND", "Attendance", "I"),
    ("ENDASG", "End of Assignment", "I"),
)
LEAVE_REASONS: tuple[tuple[str, str], ...] = (
    ("MED", "Medical Leave"),
    ("FMLA", "Family and Medical Leave"),
    ("PARENT", "Parental Leave"),
    ("PERS", "Personal Leave"),
)
# Job-history reason codes; UKG codes are tenant-defined, these follow a common numbering.
JOB_CHANGE_REASONS: tuple[tuple[str, str], ...] = (
    ("100", "New Hire"),
    ("101", "Rehire"),
    ("200", "Promotion"),
    ("210", "Merit Increase"),
    ("300", "Transfer"),
    ("310", "Reorganization"),
    ("400", "Leave of Absence"),
    ("410", "Return from Leave"),
    ("500", "Termination"),
)
ETHNIC_CODES: tuple[tuple[str, str], ...] = (
    ("1", "White (Not Hispanic or Latino)"),
    ("2", "Black or African American (Not Hispanic or Latino)"),
    ("3", "Hispanic or Latino"),
    ("4", "Asian (Not Hispanic or Latino)"),
    ("5", "American Indian or Alaska Native (Not Hispanic or Latino)"),
    ("6", "Native Hawaiian or Other Pacific Islander (Not Hispanic or Latino)"),
    ("7", "Two or More Races (Not Hispanic or Latino)"),
    ("9", "Not Specified"),
)
CONTACT_RELATIONSHIPS: tuple[tuple[str, str], ...] = (
    ("SPS", "Spouse"),
    ("DP", "Domestic Partner"),
    ("CHL", "Child"),
    ("PAR", "Parent"),
    ("SIB", "Sibling"),
    ("FRD", "Friend"),
)
# (plan code, description, hours accrued per year for a full-time employee, country)
PTO_PLANS: tuple[tuple[str, str, float, str], ...] = (
    ("PTO", "Paid Time Off", 120.0, "USA"),
    ("SICK", "Sick Time", 40.0, "USA"),
    ("FLOAT", "Floating Holiday", 8.0, "USA"),
    ("VAC", "Vacation", 80.0, "CAN"),
    ("SICKCA", "Sick Days", 56.0, "CAN"),
)

CODE_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "GENDER": (("M", "Male"), ("F", "Female"), ("X", "Non-binary")),
    "MARITALSTATUS": (
        ("S", "Single"),
        ("M", "Married"),
        ("D", "Divorced"),
        ("W", "Widowed"),
        ("P", "Partnered"),
    ),
    "PREFIX": (("MR", "Mr."), ("MS", "Ms."), ("MRS", "Mrs."), ("DR", "Dr."), ("MX", "Mx.")),
    "SUFFIX": (("JR", "Jr."), ("SR", "Sr."), ("II", "II"), ("III", "III"), ("PHD", "PhD")),
    "ETHNICCODE2007": ETHNIC_CODES,
    "EMPLOYEESTATUS": (
        ("A", "Active"),
        ("L", "Leave of Absence"),
        ("O", "On Strike"),
        ("R", "Released"),
        ("S", "Suspended"),
        ("T", "Terminated"),
    ),
    "EMPLOYEETYPE": (("REG", "Regular"), ("TMP", "Temporary"), ("SEA", "Seasonal"), ("INT", "Intern")),
    "TERMREASON": tuple((code, description) for code, description, _ in TERM_REASONS),
    "TERMTYPE": (("V", "Voluntary"), ("I", "Involuntary")),
    "LEAVEREASON": LEAVE_REASONS,
    "JOBCHANGE": JOB_CHANGE_REASONS,
    "RELATIONSHIP": CONTACT_RELATIONSHIPS,
    "OTHERPHONE": (("CEL", "Cell"), ("HOM", "Home"), ("WRK", "Work"), ("FAX", "Fax")),
    "FLSATYPE": (("E", "Exempt"), ("N", "Non-Exempt")),
    "HIRESOURCE": (
        ("WEB", "Careers Site"),
        ("REF", "Employee Referral"),
        ("AGY", "Agency"),
        ("UNI", "Campus"),
    ),
    "PAYPERIOD": (("W", "Weekly"), ("B", "Biweekly"), ("S", "Semi-Monthly"), ("M", "Monthly")),
}
