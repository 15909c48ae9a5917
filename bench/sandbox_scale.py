"""Generate a large UKG Pro sandbox tenant and serve full pages of it over loopback.

Usage: python3 bench/sandbox_scale.py [--employees 50000]
Prints generation time, peak memory, and the time to read each main endpoint over real HTTP; the last
line is one JSON object with the figures.
"""

import argparse
import json
import resource
import time

import httpx

from connectors.ukg_pro.sandbox import Sandbox, run_server

ENDPOINTS = [
    "/personnel/v1/person-details",
    "/personnel/v1/employment-details",
    "/personnel/v1/compensation-details",
]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50_000)
    args = parser.parse_args()
    start = time.perf_counter()
    sb = Sandbox(employees=args.employees, seed=7)
    generate_s = time.perf_counter() - start
    generate_mb = peak_mb()
    print(f"generated {args.employees:,} employees in {generate_s:.1f} s, peak RSS {generate_mb:.0f} MB")
    figures = {
        "employees": args.employees,
        "generate_s": round(generate_s, 2),
        "generate_peak_mb": round(generate_mb),
    }
    with (
        run_server(sb) as base_url,
        httpx.Client(base_url=base_url, headers=sb.auth_headers(), timeout=120) as http,
    ):
        for path in ENDPOINTS:
            rows, pages, t0 = 0, 0, time.perf_counter()
            first_page_s = None
            while True:
                response = http.get(path, params={"page": pages + 1, "per_Page": 10_000})
                response.raise_for_status()
                body = response.json()
                pages += 1
                if first_page_s is None:
                    first_page_s = time.perf_counter() - t0
                if not body:
                    break
                rows += len(body)
            total = time.perf_counter() - t0
            name = path.rsplit("/", 1)[-1]
            print(
                f"{name}: {rows:,} rows in {pages} requests, {total:.2f} s (first 10,000-row page {first_page_s:.2f} s)"
            )
            figures[f"{name}_s"] = round(total, 2)
            figures[f"{name}_first_page_s"] = round(first_page_s, 2)
    figures["peak_mb"] = round(peak_mb())
    print(f"peak RSS (server and client in one process): {figures['peak_mb']} MB")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
