"""schemathesis against the app's own OpenAPI document: generated requests, valid and invalid, to every
operation; no answer may be a server error or break the documented schema. Bounded: a fixed number
of examples per operation, no deadline."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install '.[test]')")

import web_store  # noqa: E402
from schemathesis.checks import (content_type_conformance, negative_data_rejection, not_a_server_error,  # noqa: E402
                                 response_schema_conformance, status_code_conformance)
from tocsin.web import create_app  # noqa: E402


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = tmp_path_factory.mktemp("schema") / "web.duckdb"
    web_store.build(db)
    # A small size limit on POST /code keeps generated texts from making the coder work for minutes.
    return create_app(db, pipeline_factory=web_store.pipeline, max_code_chars=2_000)


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance, status_code_conformance]
OPERATIONS = ["GET /events", "GET /events/{event_id}", "GET /timeline", "GET /series", "GET /actors", "GET /network", "GET /geo",
              "GET /clusters", "GET /articles/{article_id}", "GET /alerts", "GET /alerts/{alert_id}", "GET /stats",
              "POST /code"]


def test_the_list_covers_every_operation(app):
    documented = {f"{m.upper()} {p}" for p, ops in app.openapi()["paths"].items() for m in ops}
    assert documented == set(OPERATIONS)


# Invalid requests where there can be any: a path id can be any string, and /stats takes nothing.
CASES = [(op, "positive") for op in OPERATIONS] + [
    (op, "negative") for op in OPERATIONS if op not in ("GET /events/{event_id}", "GET /articles/{article_id}",
                                                        "GET /alerts/{alert_id}", "GET /stats")]


@pytest.mark.parametrize("label, mode", CASES)
def test_every_operation_answers_within_its_schema(app, label, mode):
    from schemathesis import GenerationMode

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    op = next(r.ok() for r in schema.get_all_operations() if r.ok().label == label)
    strategy = op.as_strategy(generation_mode=GenerationMode.POSITIVE if mode == "positive" else GenerationMode.NEGATIVE)

    # Invalid data must be refused where it can be told from valid: not where schemathesis types a query
    # value as a boolean or number that reaches the server as a string all the same (actor=false).
    checks = CHECKS + [negative_data_rejection] if mode == "negative" and label == "POST /code" else CHECKS

    @given(case=strategy)
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):
        case.call_and_validate(checks=checks)

    run()
