"""Ring the bell: event series, escalation detection, indicator rules and alerts (docs/warn.md).

- ``frame``: the events the warning layer reads, one row per (event, unit), with the day it
  happened and the day it could first be known (no look-ahead).
- ``series``: per dyad / pair / country and day, counts by QuadClass and CAMEO root, Goldstein.
- ``detect``: breakouts of conflict intensity against each dyad's own baseline.
- ``rules``: the YAML indicator rule language and its evaluation.
- ``alerts``: one stored alert per situation, with its evidence; briefs.
- ``chart``: PNG and self-contained HTML charts; ``imports``: GDELT 2.0 and ACLED streams.

Heavy modules (pandas, scipy, matplotlib) are imported inside functions, so ``import tocsin`` stays light.
"""
