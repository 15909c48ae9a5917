"""The adaptive limiter: never more in flight than allowed, halved on 429, grown back while requests succeed."""

from __future__ import annotations

import asyncio

from hub.sdk import AdaptiveLimiter


async def peak_in_flight(limiter: AdaptiveLimiter, requests: int) -> int:
    peak = 0

    async def request() -> None:
        nonlocal peak
        async with limiter.slot():
            peak = max(peak, limiter.in_flight)
            await asyncio.sleep(0.005)

    await asyncio.gather(*(request() for _ in range(requests)))
    return peak


async def test_no_more_in_flight_than_the_limit_as_it_shrinks_and_recovers():
    limiter = AdaptiveLimiter(6, recover_after=3)
    assert await peak_in_flight(limiter, 20) == 6
    await limiter.throttled()
    assert limiter.limit == 3
    assert await peak_in_flight(limiter, 20) == 3
    for _ in range(3):
        await limiter.throttled()
    assert limiter.limit == 1  # never below one
    assert await peak_in_flight(limiter, 5) == 1
    for _ in range(3):
        await limiter.succeeded()
    assert limiter.limit == 2
    for _ in range(100):
        await limiter.succeeded()
    assert limiter.limit == 6  # never past the maximum
    assert limiter.in_flight == 0


async def test_a_429_resets_the_run_of_successes():
    limiter = AdaptiveLimiter(4, recover_after=3)
    await limiter.throttled()
    await limiter.succeeded()
    await limiter.succeeded()
    await limiter.throttled()
    await limiter.succeeded()
    await limiter.succeeded()
    assert limiter.limit == 1
    await limiter.succeeded()
    assert limiter.limit == 2


async def test_a_waiting_request_starts_when_the_limit_grows():
    limiter = AdaptiveLimiter(2, recover_after=1)
    await limiter.throttled()
    started = asyncio.Event()
    async with limiter.slot():

        async def second() -> None:
            async with limiter.slot():
                started.set()

        waiting = asyncio.create_task(second())
        await asyncio.sleep(0.01)
        assert not started.is_set()
        await limiter.succeeded()  # the limit is 2 again: the second request may start
        await asyncio.wait_for(started.wait(), 1)
    await waiting
