"""The FastAPI app: the store's events, clusters, series, actors and articles as JSON, ``POST /code``,
and the offline dashboard at ``/``.

One app object per store, made by ``create_app``: ``tocsin serve`` runs it under uvicorn, the
tests drive it with FastAPI's TestClient. It only reads the store (see ``reader.SharedReader`` for
how it shares the file with a running ``tocsin ingest``).
"""
from __future__ import annotations

import asyncio
import concurrent.futures as cf
import hmac
import ipaddress
import json
import secrets
import threading
from contextlib import asynccontextmanager
from datetime import date as Date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal, Optional

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles

from ..store import BadStore, NoStore, StoreLocked
from ..store.schema import SchemaError
from . import queries
from .reader import SharedReader
from .schemas import (AlertDetail, Alerts, Actors, ArticleOut, ClusterPage, CodeRequest, CodeResponse, EventDetail, EventPage, Geo,
                      Network, Problem, Series, Stats, Timeline)

if TYPE_CHECKING:
    from ..app import Tocsin

MAX_LIMIT = 500
ERRORS = {422: {"model": Problem, "description": "A parameter is malformed or out of range"},
          503: {"model": Problem, "description": "The store is missing, being written for too long, or not one "
                                                 "this tocsin can read (a newer tocsin's)"}}


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Coder:
    """``POST /code``'s worker: one pipeline, built on first use, used by at most ``concurrency``
    requests at a time; at most ``queue`` more wait, the rest are turned away (503) at once."""

    def __init__(self, concurrency: int, queue: int, factory: Callable[[], Any]) -> None:
        self.concurrency, self.queue = concurrency, queue
        self._factory = factory
        self._pipeline = None
        self._build_lock = threading.Lock()
        self._pool: cf.ThreadPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None
        self._waiting = 0

    def pipeline(self):
        with self._build_lock:
            if self._pipeline is None:
                self._pipeline = self._factory()
            return self._pipeline

    def _run(self, article):
        return next(iter(self.pipeline().run([article])))

    async def code(self, article):
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.concurrency)
        if self._waiting >= self.concurrency + self.queue:
            raise HTTPException(503, "the coder is busy: too many texts are waiting; retry shortly",
                                headers={"Retry-After": "1"})
        self._waiting += 1
        try:
            async with self._slots:
                if self._pool is None:
                    self._pool = cf.ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="tocsin-code")
                return await asyncio.get_running_loop().run_in_executor(self._pool, self._run, article)
        finally:
            self._waiting -= 1

    def close(self) -> None:
        """Stop the coding threads; a later request starts new ones (an app can be started again)."""
        pool, self._pool, self._slots = self._pool, None, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


class BodyLimit:
    """ASGI middleware: a POST whose Content-Length is over ``limit`` gets 413 before its body is read.
    (Plain ASGI: Starlette's BaseHTTPMiddleware would cost every request a task and a stream.)"""

    def __init__(self, app, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST":
            size = dict(scope["headers"]).get(b"content-length", b"")
            if size.isdigit() and int(size) > self.limit:
                response = JSONResponse({"detail": f"request body of {int(size):,} bytes is over the limit"},
                                        status_code=413)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


# GET answers that depend only on the path, the query string and the store state.
MEMO_PATHS = ("/events", "/timeline", "/series", "/actors", "/network", "/geo", "/clusters", "/articles/", "/alerts",
              "/stats")


class AnswerMemo:
    """ASGI middleware: a GET of the API asked before (same path and query string) in the same store state
    is answered with the bytes of the first answer, from the event loop, before FastAPI routes,
    validates or queries anything: dashboards ask the same views again and again. Only 200s are kept;
    ``SharedReader.keep`` says for how long (until the store changes) and how many."""

    def __init__(self, app, reader: SharedReader, prefixes: tuple[str, ...]) -> None:
        self.app, self.reader, self.prefixes = app, reader, prefixes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" or not self.reader.memo_size \
                or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        key = ("answer", scope["path"], scope["query_string"])
        body = self.reader.peek(key)
        if body is not None:
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        gen = self.reader.current_generation()  # an answer made across a change of the store is not kept
        status, parts = None, []

        async def capture(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, capture)
        if status == 200 and gen is not None:
            self.reader.keep(key, b"".join(parts), gen)


def create_app(source: "Tocsin | str | Path" = "tocsin.duckdb", *, host: str = "127.0.0.1", token: str | None = None,
               max_code_chars: int = 100_000, code_concurrency: int = 2, code_queue: int = 8,
               pipeline_factory: Callable[[], Any] | None = None, lock_timeout: float = 60.0,
               cache: int = 2048) -> FastAPI:
    """The web app of a ``Tocsin`` (or of the store at a path): reads its store, codes with its pipeline.

    ``host`` is where the server listens: beyond loopback, ``POST /code`` needs ``token``
    (``Authorization: Bearer TOKEN``); one is made up when none is given (``app.state.token``).
    ``cache``: answers of the aggregate and list queries kept until the store changes (0: none).
    ``code_concurrency`` texts are coded at once (the pipeline is shared by threads), ``code_queue``
    more may wait.
    """
    from ..app import Tocsin

    tocsin = source if isinstance(source, Tocsin) else Tocsin(store=Path(source))
    db = tocsin.settings.store
    reader = SharedReader(db, lock_timeout=lock_timeout, memo_size=cache)
    coder = Coder(code_concurrency, code_queue, pipeline_factory or (lambda: tocsin.pipeline))
    needs_token = not is_loopback(host) or token is not None
    if needs_token and not token:
        token = secrets.token_urlsafe(24)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        reader.close()
        coder.close()

    app = FastAPI(
        lifespan=lifespan,
        title="tocsin",
        version=_version(),
        description="Political events coded from the news: query the event store, read the evidence, code a text. "
                    "Read-only on the store. Dates are YYYY-MM-DD; actor codes are ISO 3166 alpha-3 plus a sector "
                    "(BLRGOV); filters are those of `tocsin events`.",
    )
    app.state.tocsin, app.state.reader, app.state.coder, app.state.token = tocsin, reader, coder, token

    @app.exception_handler(ValueError)
    async def _bad_value(request: Request, exc: ValueError):
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(NoStore)
    async def _no_store(request: Request, exc: NoStore):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(SchemaError)
    @app.exception_handler(BadStore)
    async def _unreadable(request: Request, exc: Exception):
        # A store this tocsin cannot read (a newer tocsin's, or not a store): nothing to retry.
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(StoreLocked)
    async def _locked(request: Request, exc: StoreLocked):
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        # One readable line first, then FastAPI's field-by-field list.
        errs = exc.errors()
        first = errs[0] if errs else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "body", "path"))
        msg = f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "invalid request")
        return JSONResponse({"detail": msg, "errors": _plain(errs)}, status_code=422)

    # -- filters shared by the event endpoints -------------------------------------------------
    async def event_filter(
        actor: Optional[list[str]] = Query(None, description="actor code prefix on either side (BLR matches "
                                                             "BLRGOV); repeat for several, all must match",
                                           max_length=40),
        dyad: Optional[str] = Query(None, description="SOURCE:TARGET code prefixes, directed; either side may be "
                                                      "empty (:UKR)", max_length=80),
        root: Optional[str] = Query(None, description="CAMEO root(s) 01-20, comma-separated (14,18)",
                                    max_length=80),
        since: Optional[str] = Query(None, description="event date on or after, YYYY-MM-DD", max_length=10),
        until: Optional[str] = Query(None, description="event date on or before, YYYY-MM-DD", max_length=10),
        modality: Optional[str] = Query(None, description="asserted, reported, future, hypothetical, negated; "
                                                          "comma-separated", max_length=80),
        country: Optional[str] = Query(None, description="ISO alpha-3 of the event's location, comma-separated",
                                       max_length=200),
        quad_class: Optional[int] = Query(None, ge=1, le=4, description="QuadClass 1-4"),
        first_reports: bool = Query(False, description="one event per cluster: its first report"),
    ) -> dict:
        return dict(actor=_texts(actor), dyad=_text(dyad), root=_text(root), since=_text(since),
                    until=_text(until), modality=_text(modality), country=_text(country), quad_class=quad_class,
                    first_reports=first_reports)

    async def cached(name, compute, *args) -> Response:
        # Made in a worker thread (DuckDB lets go of the GIL while it works); AnswerMemo keeps the bytes.
        body = await run_in_threadpool(lambda: _dumps(compute()))
        return Response(body, media_type="application/json")

    # The answers are plain dicts from queries.py, written as JSON once: the response models below
    # document them (OpenAPI, and schemathesis checks the answers against it) without FastAPI
    # validating every row through them again.
    def found(value, what: str, ident: str):
        if value is None:
            raise HTTPException(404, f"no {what} {ident!r} in the store")
        return JSONResponse(value)

    # -- the API ---------------------------------------------------------------------------------
    @app.get("/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    async def list_events(f: dict = Depends(event_filter),
                    article_id: Optional[str] = Query(None, max_length=300, description="events of one article"),
                    limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=queries.MAX_OFFSET),
                    order: Literal["newest", "oldest", "confidence"] = "newest"):
        """Events matching the filters, one page at a time, in a stable order (ties broken by event id)."""
        return await cached("events", lambda: queries.events(reader, limit=limit, offset=offset, order=order,
                                                                    article_id=_text(article_id), **f),
                                   f, limit, offset, order, article_id)

    @app.get("/events/{event_id}", response_model=EventDetail, responses={404: {"model": Problem}, **ERRORS},
             tags=["events"])
    def get_event(event_id: str):
        """One event with its JSON record."""
        return found(queries.event(reader, _text(event_id) or ""), "event", event_id)

    @app.get("/timeline", response_model=Timeline, responses=ERRORS, tags=["events"])
    async def get_timeline(f: dict = Depends(event_filter),
                     interval: Literal["day", "week", "month", "year"] = "day"):
        """Events per day (week, month, year) with their Goldstein sum and QuadClass counts: the dashboard's
        timeline, over the same filters as /events."""
        return await cached("timeline", lambda: queries.timeline(reader, interval=interval, **f), f, interval)

    @app.get("/series", response_model=Series, responses=ERRORS, tags=["warnings"])
    async def get_series(dyad: Optional[str] = Query(None, max_length=80,
                                               description="SOURCE:TARGET, e.g. BLR:UKR (3 letters: a country; "
                                                           "longer: an actor code prefix such as BLRMIL)"),
                   country: Optional[str] = Query(None, max_length=3,
                                                  description="a country (ISO alpha-3): every event it is party "
                                                              "to or that happens there"),
                   pair: bool = Query(False, description="with dyad: both directions together"),
                   since: Optional[str] = Query(None, max_length=10, description="first day, YYYY-MM-DD"),
                   until: Optional[str] = Query(None, max_length=10, description="last day, YYYY-MM-DD"),
                   fill: bool = Query(True, description="every day between since and until (or the first and "
                                                        "last event), zeros included; false: days with events")):
        """The daily series of `tocsin series` (tocsin.warn): one dyad's or country's event clusters per day,
        what happened (asserted, reported) apart from what was only threatened, planned or denied, with
        counts per QuadClass and CAMEO root and the Goldstein sum. Give dyad or country."""
        return await cached("series", lambda: queries.series(reader, dyad=_text(dyad), country=_text(country),
                                                             pair=pair, since=_text(since), until=_text(until),
                                                             fill=fill),
                            dyad, country, pair, since, until, fill)

    @app.get("/actors", response_model=Actors, responses=ERRORS, tags=["actors"])
    async def get_actors(f: dict = Depends(event_filter), limit: int = Query(50, ge=1, le=MAX_LIMIT)):
        """The busiest actors among the filtered events, with how often each acts and is acted on."""
        return await cached("actors", lambda: queries.actors(reader, limit=limit, **f), f, limit)

    @app.get("/network", response_model=Network, responses=ERRORS, tags=["actors"])
    async def get_network(f: dict = Depends(event_filter), limit: int = Query(60, ge=1, le=MAX_LIMIT)):
        """Who acts on whom: the busiest directed actor pairs among the filtered events."""
        return await cached("network", lambda: queries.network(reader, limit=limit, **f), f, limit)

    @app.get("/geo", response_model=Geo, responses=ERRORS, tags=["events"])
    async def get_geo(f: dict = Depends(event_filter), limit: int = Query(500, ge=1, le=5000)):
        """Where the filtered events happen: counts per country of location and per gazetteer place."""
        return await cached("geo", lambda: queries.geo(reader, limit=limit, **f), f, limit)

    @app.get("/clusters", response_model=ClusterPage, responses=ERRORS, tags=["events"])
    def list_clusters(actor: Optional[list[str]] = Query(None, max_length=40),
                      dyad: Optional[str] = Query(None, max_length=80),
                      root: Optional[str] = Query(None, max_length=80),
                      since: Optional[str] = Query(None, max_length=10),
                      until: Optional[str] = Query(None, max_length=10),
                      min_articles: int = Query(1, ge=1, le=1_000_000),
                      limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=queries.MAX_OFFSET)):
        """Reports of one real-world event across articles, newest first."""
        return JSONResponse(queries.clusters(reader, limit=limit, offset=offset, min_articles=min_articles,
                                             actor=_texts(actor), dyad=_text(dyad), root=_text(root),
                                             since=_text(since), until=_text(until)))

    @app.get("/articles/{article_id}", response_model=ArticleOut, responses={404: {"model": Problem}, **ERRORS},
             tags=["articles"])
    def get_article(article_id: str):
        """An article's text, its events with the character spans to highlight, and its place mentions."""
        return found(queries.article(reader, _text(article_id) or ""), "article", article_id)

    @app.get("/alerts", response_model=Alerts, responses=ERRORS, tags=["warnings"])
    def list_alerts(since: Optional[str] = Query(None, max_length=10, description="first raised on or after"),
                    until: Optional[str] = Query(None, max_length=10, description="first raised on or before"),
                    level: Optional[Literal["watch", "warning", "alert"]] = Query(None, description="at least"),
                    dyad: Optional[str] = Query(None, max_length=80), country: Optional[str] = Query(None, max_length=3),
                    evidence: bool = Query(True, description="each alert's evidence: the events behind it"),
                    limit: int = Query(200, ge=1, le=MAX_LIMIT)):
        """Alerts as `tocsin alerts` (tocsin.warn) stored them, most recently updated first, with their
        evidence; the server only reads them. Empty until alerts have been computed for the store."""
        return JSONResponse(queries.alerts(reader, limit=limit, since=_text(since), until=_text(until), level=level,
                                           dyad=_text(dyad), country=_text(country), evidence=evidence))

    @app.get("/alerts/{alert_id}", response_model=AlertDetail, responses={404: {"model": Problem}, **ERRORS},
             tags=["warnings"])
    def get_alert(alert_id: str):
        """One alert with its evidence: the events behind it, their sentences, modality, who says so."""
        return found(queries.alert(reader, _text(alert_id) or ""), "alert", alert_id)

    @app.get("/stats", response_model=Stats, responses=ERRORS, tags=["store"])
    def get_stats():
        """How much is in the store, and the span of its event dates."""
        return JSONResponse(queries.stats(reader))

    # The OpenAPI document declares the token only where the server asks for one.
    bearer = HTTPBearer(auto_error=False, description="needed when the server listens beyond localhost")

    def no_token() -> None:
        return None

    credentials = Depends(bearer) if needs_token else Depends(no_token)

    @app.post("/code", response_model=CodeResponse, tags=["coding"],
              responses={400: {"model": Problem}, 401: {"model": Problem}, 413: {"model": Problem}, 422: {"model": Problem},
                         503: {"model": Problem, "description": "The coder is busy: retry"}})
    async def post_code(body: CodeRequest, request: Request,
                        cred: Optional[HTTPAuthorizationCredentials] = credentials):
        """Code one text into events (not stored). Texts over the size limit are refused (413); at most a
        few texts are coded at once and a few more wait, the rest get 503 with Retry-After."""
        if needs_token and (cred is None or not hmac.compare_digest(cred.credentials.encode(), token.encode())):
            raise HTTPException(401, "this server needs a token for POST /code: send Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        if len(body.text) > max_code_chars:
            raise HTTPException(413, f"text has {len(body.text):,} characters; the limit is {max_code_chars:,}")
        pub = None
        if body.date is not None:
            try:
                pub = Date.fromisoformat(body.date)
            except ValueError:
                raise HTTPException(422, f"date {body.date!r} is not a date in the form YYYY-MM-DD") from None
        from ..model import Article

        article = Article(id=body.id or "a1", text=body.text, date=pub, title=body.title)
        coded = await coder.code(article)
        return {"article_id": article.id, "events": [e.record() for e in coded.events],
                "places": [p.model_dump(mode="json") for p in coded.places]}

    # Refuse an oversized body before reading it: the text limit plus room for JSON escapes.
    app.add_middleware(BodyLimit, limit=max_code_chars * 6 + 10_000)
    # Outermost: a question asked before in this store state is answered before anything else runs.
    app.add_middleware(AnswerMemo, reader=reader, prefixes=MEMO_PATHS)

    # -- the dashboard -----------------------------------------------------------------------------
    static = Path(str(resources.files("tocsin.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

    return app


def _dumps(value) -> bytes:
    """JSON as JSONResponse writes it (bytes: already JSON)."""
    if isinstance(value, bytes):
        return value
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _text(value: str | None) -> str | None:
    """A query string as given, minus characters no code, id or date contains (NUL would upset DuckDB)."""
    if value is None:
        return None
    return value.replace("\x00", "")


def _texts(values: list[str] | None) -> list[str] | None:
    return None if values is None else [_text(v) for v in values]


def _plain(errs):
    out = []
    for e in errs:
        out.append({k: (v if isinstance(v, (str, int, float, bool, type(None), list, tuple)) else str(v))
                    for k, v in e.items() if k in ("loc", "msg", "type")})
    return out


def _version() -> str:
    from .. import __version__

    return __version__
