from enum import StrEnum


class EmploymentType(StrEnum):
    CONTRACTOR = "CONTRACTOR"
    FREELANCE = "FREELANCE"
    FULL_TIME = "FULL_TIME"
    INTERN = "INTERN"
    PART_TIME = "PART_TIME"
    SEASONAL = "SEASONAL"
    TEMPORARY = "TEMPORARY"

    def __str__(self) -> str:
        return str(self.value)
