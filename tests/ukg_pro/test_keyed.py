"""Keyed reads: lists of ids where UKG publishes them, short enough for IIS; one id a request elsewhere."""

from urllib.parse import urlencode

import pytest

from connectors.ukg_pro.endpoints import ENDPOINTS
from connectors.ukg_pro.keyed import MAX_QUERY, keyed_queries, one_each

IDS = [f"E{n:05d}ABCDEF" for n in range(400)]  # UKG's 12-character employee ids
COMPANIES = ["6Y4NV", "MYHLC"]


def test_a_long_list_is_split_so_each_query_stays_under_iis_limit_and_names_every_id_once() -> None:
    where = {"companyID": COMPANIES, "employeeId": IDS}
    queries = keyed_queries(ENDPOINTS["user-defined-fields"], where, {})
    assert len(queries) > 1
    named = []
    for query in queries:
        paged = {**query, "page": 10_000, "per_Page": 2_500}
        assert len(urlencode(paged)) <= MAX_QUERY < 2_048
        assert query["companyID"] == "[6Y4NV,MYHLC]"
        named += query["employeeId"].strip("[]").split(",")
    assert named == IDS


def test_where_ukg_publishes_no_list_each_employee_is_asked_for_alone() -> None:
    where = {"companyId": COMPANIES, "employeeId": IDS[:3]}
    queries = keyed_queries(ENDPOINTS["person-details"], where, {"startDate": "2026-01-01T00:00:00"})
    # The company filter would need a list too: it is left out, and the caller drops other companies' rows.
    assert queries == [{"startDate": "2026-01-01T00:00:00", "employeeId": e} for e in IDS[:3]]
    assert all(one_each(q, where) for q in queries)
    one_company = keyed_queries(
        ENDPOINTS["person-details"], {"companyId": ["6Y4NV"], "employeeId": IDS[:2]}, {}
    )
    assert one_company == [{"companyId": "6Y4NV", "employeeId": e} for e in IDS[:2]]


def test_a_list_is_sent_for_the_listed_key_and_the_unlisted_one_left_out() -> None:
    where = {"companyID": COMPANIES, "employeeID": IDS[:3]}
    queries = keyed_queries(ENDPOINTS["compensation-details"], where, {})
    assert queries == [{"employeeID": "[" + ",".join(IDS[:3]) + "]"}]
    assert not one_each(queries[0], where)
    assert keyed_queries(ENDPOINTS["compensation-details"], {"employeeID": IDS[:1]}, {}) == [
        {"employeeID": IDS[0]}
    ]
    assert keyed_queries(ENDPOINTS["compensation-details"], {"employeeID": []}, {}) == []


@pytest.mark.parametrize("value", ["A,B", "[A]", "A*"])
def test_a_value_ukg_would_read_as_a_list_or_a_wildcard_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="cannot be sent"):
        keyed_queries(ENDPOINTS["person-details"], {"employeeId": [value, "B"]}, {})
