"""A UKG Pro person employed in two companies of a tenant is two employees; a bare id is never guessed."""

import pytest

pytestmark = pytest.mark.e2e


def _get(client, path, account_id, **params):
    answer = client.get(path, params=params, headers={"X-Account-Id": account_id})
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_an_employee_in_two_companies_has_two_unique_remote_ids_and_a_bare_id_is_never_guessed(
    world, synced, assert_problem
):
    client, account = synced
    everyone = _get(client, "/v1/hris/employees", account["id"], page_size=1000)["results"]
    remote_ids = [e["remote_id"] for e in everyone]
    assert len(remote_ids) == len(set(remote_ids))  # unique within the account
    twice = next(e for e in world.sb.tenant.employments if not e.is_home)
    both = sorted(r for r in remote_ids if r.endswith(":" + twice.employee_id))
    assert len(both) == 2 and f"{twice.company.company_id}:{twice.employee_id}" in both
    answer = client.get(f"/v1/hris/employees/{twice.employee_id}", headers={"X-Account-Id": account["id"]})
    body = assert_problem(answer, 409, "ambiguous-id")
    assert all(r in body["remedy"] for r in both)
    for remote_id in both:
        assert _get(client, f"/v1/hris/employees/{remote_id}", account["id"])["remote_id"] == remote_id
    once = next(r for r in remote_ids if sum(x.endswith(r.split(":")[1]) for x in remote_ids) == 1)
    bare = once.split(":")[1]
    assert _get(client, f"/v1/hris/employees/{bare}", account["id"])["remote_id"] == once
