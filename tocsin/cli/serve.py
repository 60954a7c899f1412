"""``tocsin serve``: the HTTP API and the dashboard over a store."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .common import err, fail, model_option


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: Path = typer.Option(Path("tocsin.duckdb"), "--db", help="The DuckDB store (read only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; beyond localhost, POST /code "
                                                         "needs a token."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="TOCSIN_TOKEN",
                                        help="Token for POST /code (Authorization: Bearer TOKEN); made up and "
                                             "printed when the server listens beyond localhost without one."),
    code_workers: int = typer.Option(2, "--code-workers", min=1, max=64,
                                     help="Texts POST /code codes at once (others wait, a few at most)."),
    max_chars: int = typer.Option(100_000, "--max-chars", min=1, help="Longest text POST /code accepts."),
    gazetteer: Optional[str] = typer.Option(None, "--gazetteer", help="A GeoNames dump for POST /code's places."),
    model: Optional[str] = model_option(),
    cache: int = typer.Option(2048, "--cache", min=0, help="Query answers kept until the store changes (0: none)."),
) -> None:
    """Serve the event store: a JSON API (OpenAPI at /docs) and an offline dashboard at /."""
    import uvicorn

    from ..app import Tocsin
    from ..store import NoStore, StoreLocked
    from ..web import create_app
    from ..web.api import is_loopback

    if not db.exists():
        fail(f"no store at {db}: run `tocsin ingest SOURCE... --db {db}` first", 2)
    tocsin = Tocsin(store=db, gazetteer=gazetteer, model=model)
    try:
        tocsin.store.counts()
    except (NoStore, StoreLocked) as exc:
        fail(str(exc), 2)
    except Exception as exc:  # a file that is not a DuckDB database at all
        fail(f"cannot read {db}: {exc}", 2)
    app = create_app(tocsin, host=host, token=token, code_concurrency=code_workers, max_code_chars=max_chars,
                     cache=cache)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"tocsin: serving {db} on http://{shown}:{port}/ (API docs at /docs)", highlight=False)
    if app.state.token and not token:
        err.print(f"tocsin: POST /code needs the header  Authorization: Bearer {app.state.token}", highlight=False)
    elif not is_loopback(host):
        err.print("tocsin: POST /code needs the token given with --token", highlight=False)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc}", 2)
