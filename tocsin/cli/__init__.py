"""The ``tocsin`` command. Each module in this package adds its commands via ``register(app)``."""
from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

app = typer.Typer(
    name="tocsin",
    help="Political event data from the news: who did what to whom, when, where, how sure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



@app.callback()
def _root() -> None:
    """Political event data from the news: who did what to whom, when, where, how sure."""


for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_mod}").register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        print("tocsin: interrupted", file=sys.stderr)
        sys.exit(130)
