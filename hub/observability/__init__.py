"""Operating the hub: structured logs, Prometheus metrics and OpenTelemetry traces.

- :mod:`hub.observability.logs`: one event per line (JSON off a terminal), with the ids in force
  (``account_id``, ``run_id``, ``customer_id``...), stdlib logging of every library routed through it;
- :mod:`hub.observability.redaction`: no secret in any of it;
- :mod:`hub.observability.metrics` and :mod:`hub.observability.queue_depth`: the ``hrishub_*`` metrics;
- :mod:`hub.observability.tracing`: spans, when an exporter is configured (the ``tracing`` extra);
- :mod:`hub.observability.provider`: provider calls measured from the hub's REST toolkit;
- :mod:`hub.observability.server`: a worker's own ``/metrics``.

docs/operating.md is the operator's guide to all of it.
"""
