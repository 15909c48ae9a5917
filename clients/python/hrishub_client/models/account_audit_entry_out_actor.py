from enum import StrEnum


class AccountAuditEntryOutActor(StrEnum):
    API = "api"
    CLI = "cli"
    LINK_PAGE = "link_page"

    def __str__(self) -> str:
        return str(self.value)
