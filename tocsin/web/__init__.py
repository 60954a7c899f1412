"""The web face of tocsin: a read-only HTTP API over the event store and an offline dashboard."""
from .api import create_app

__all__ = ["create_app"]
