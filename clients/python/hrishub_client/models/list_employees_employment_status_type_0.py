from enum import StrEnum


class ListEmployeesEmploymentStatusType0(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"
    LEAVE = "LEAVE"
    PENDING = "PENDING"

    def __str__(self) -> str:
        return str(self.value)
