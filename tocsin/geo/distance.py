"""Great-circle distance, the one every stage that compares places uses (resolver, borders, clusters)."""
from __future__ import annotations

import math

EARTH_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two points given in degrees."""
    radians = math.radians
    la1, lo1, la2, lo2 = radians(lat1), radians(lon1), radians(lat2), radians(lon2)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))
