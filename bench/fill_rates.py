"""Fill rate of every unified field after a full sync of the UKG Pro sandbox tenant, with its UKG source.

Usage: python3 bench/fill_rates.py [--employees 250] [--seed 7] [--models Employee Employment]

Links the built-in sandbox (served on loopback), runs one full sync into a scratch SQLite store, and
prints per model: each unified field, the share of records that have a value, and the UKG field
(API name, and the customer's label where there is one) it comes from; then how each joined source
matched, the values that could not be used, and the run's warnings. Last line: one JSON object.
"""

import argparse
import json
import os
import tempfile
from pathlib import Path

from connectors.ukg_pro.sandbox import Sandbox, run_server
from hub import HttpSettings, Hub
from unified_models import HUB_FIELDS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=250)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--models", nargs="+", default=["Employee", "Employment"])
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="hrishub-fill-"))
    os.environ["HRISHUB_HOME"] = str(home)
    sandbox = Sandbox(employees=args.employees, seed=args.seed)
    figures: dict[str, dict] = {}
    with run_server(sandbox) as base:
        hub = Hub(
            settings=HttpSettings(sandbox_origins=frozenset({base})),
            database_url=f"sqlite:///{home / 'hub.db'}",
        )
        account = hub.link("ukg_pro", sandbox.credentials(base))
        report = hub.sync(account)
        for model in args.models:
            part = report.models[model]
            lineage = hub.store.sync_state.get(account.id, model)["details"]["lineage"]
            fields = [
                n
                for n in hub.field_maps("ukg_pro")[model].model_cls.model_fields
                if n not in HUB_FIELDS | {"remote_id"}
            ]
            print(f"\n{model}: {part.read} records")
            print(f"  {'field':<22} {'filled':>7}  UKG source")
            rows = {}
            for name in fields:
                share = part.fill.get(name, 0) / part.read if part.read else 0.0
                sources = _sources(lineage, name)
                rows[name] = {"filled": round(share, 4), "source": sources}
                print(f"  {name:<22} {share:>7.1%}  {sources or '(not mapped)'}")
            for alias, join in part.joins.items():
                print(
                    f"  join {alias}: {join.record} on {join.key} = {join.on}: {join.rows_read} rows read, "
                    f"{join.joined} of {join.primary} records joined"
                )
            if part.problems:
                print(f"  values not used: {part.problems} ({part.problem_fields})")
            for warning in part.warnings:
                print(f"  warning: {warning}")
            figures[model] = {
                "records": part.read,
                "fields": rows,
                "joins": {a: vars(j) for a, j in part.joins.items()},
                "problems": part.problem_fields,
                "warnings": part.warnings,
            }
    print(json.dumps({"employees": args.employees, "seed": args.seed, "models": figures}))


def _sources(lineage: dict, name: str) -> str:
    """The API names (and labels) a field comes from; dotted sub-fields gathered for objects and lists."""
    found = []
    for key, source in lineage.items():
        if key == name or key.startswith(name + "."):
            text = source.get("api_name") or ""
            if source.get("label"):
                text += f" [label {source['label']}]"
            if text and text not in found:
                found.append(text)
    return "; ".join(found)


if __name__ == "__main__":
    main()
