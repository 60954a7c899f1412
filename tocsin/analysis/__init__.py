"""Analyses over stored events: near-duplicate articles, clusters of reports of one event."""
