"""The ``tocsin`` command. Each module in this package adds its commands via ``register(app)``;
every command builds one ``tocsin.app.Tocsin`` from its options and calls it."""
from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Optional

import typer
from typer import core as _typer_core

from .common import EXIT_CODES

_EPILOG = "Exit status: " + "; ".join(f"{code} {what}" for code, what in EXIT_CODES.items()) + "."

app = typer.Typer(
    name="tocsin",
    help="Political event data from the news: who did what to whom, when, where, how sure.",
    epilog=_EPILOG,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

# Typer (0.2x) shows a type placeholder beside every option, "<bool>" even beside an on/off flag,
# which takes no value: a flag shows none. An argument's help already says what it takes.
if hasattr(_typer_core.TyperOption, "display_type_rich"):
    _display_type_rich = _typer_core.TyperOption.display_type_rich

    def _flag_takes_no_value(self, ctx):
        return None if self.is_flag else _display_type_rich(self, ctx)

    _typer_core.TyperOption.display_type_rich = _flag_takes_no_value
    _typer_core.TyperArgument.display_type_rich = lambda self, ctx: None


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"tocsin {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                                  help="Print the version and exit.")) -> None:
    """Political event data from the news: who did what to whom, when, where, how sure."""


for _mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_mod}").register(app)


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that every ``finally`` runs: temporary files are
    removed, workers stopped, the store's last transaction rolled back."""


_TERMINATED: list[int] = []


def _terminate(signum, frame) -> None:
    _TERMINATED.append(signum)
    raise Terminated()


def main() -> None:
    """The command line, with the one place where failures become one line and an exit status.

    Store and file-system failures (a locked, foreign or damaged store, an output that cannot be
    written, a full disk) print ``tocsin: <what happened>`` and exit 1; bad options exit 2;
    Ctrl-C exits 130 and SIGTERM 143, after the run has cleaned up; an error in tocsin itself
    prints one line and exits 3 (``TOCSIN_DEBUG=1`` shows its traceback).
    """
    import os
    import signal

    from .common import interrupted, one_line

    click = getattr(typer, "_click", None) or importlib.import_module("click")  # Typer 0.2x vendors Click
    _ABORT = tuple(t for t in (getattr(click, "Abort", None), getattr(getattr(click, "exceptions", None), "Abort", None))
                   if isinstance(t, type)) or (KeyboardInterrupt,)

    signal.signal(signal.SIGTERM, _terminate)
    try:
        status = app(standalone_mode=False)
    except click.ClickException as exc:  # usage errors: Click's own message
        exc.show()
        status = exc.exit_code
    except _ABORT:  # Click's form of Ctrl-C
        print("tocsin: interrupted", file=sys.stderr)
        status = 130
    except KeyboardInterrupt:
        print("tocsin: interrupted", file=sys.stderr)
        status = 130
    except Terminated:
        print("tocsin: terminated", file=sys.stderr)
        status = 143
    except typer.Exit as exc:
        status = exc.exit_code
    except Exception as exc:
        # Ctrl-C or SIGTERM inside a DuckDB query: DuckDB reports it as its own "Query interrupted".
        if _TERMINATED or interrupted(exc):
            print(f"tocsin: {'terminated' if _TERMINATED else 'interrupted'}", file=sys.stderr)
            sys.exit(143 if _TERMINATED else 130)
        if os.environ.get("TOCSIN_DEBUG"):
            raise
        message, status = one_line(exc)
        print(f"tocsin: {message}", file=sys.stderr)
    sys.exit(status if isinstance(status, int) else 0)
