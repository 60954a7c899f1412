"""Charts of a series with its alerts: matplotlib PNG, and one self-contained HTML page (inline SVG,
no scripts, no CDN) with the alerts and their evidence below the chart."""
from __future__ import annotations

import html
import io
from pathlib import Path

LEVEL_COLOURS = {"watch": "#d4a017", "warning": "#e07000", "alert": "#c00000"}


def _figure(df, alerts, title: str):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd

    d = df.copy()
    d["day"] = pd.to_datetime(d["day"])
    piv = d.pivot_table(index="day", columns="fact", values=["conflict", "q1", "q2", "goldstein_sum", "clusters"],
                        aggfunc="sum", fill_value=0)

    def col(v, fact):
        return piv[(v, fact)] if (v, fact) in piv.columns else pd.Series(0, index=piv.index)

    days = piv.index
    asserted = col("conflict", "asserted")
    reported = col("conflict", "reported")
    signals = col("conflict", "future") + col("conflict", "hypothetical")
    coop = col("q1", "asserted") + col("q2", "asserted") + col("q1", "reported") + col("q2", "reported")
    gsum = col("goldstein_sum", "asserted") + col("goldstein_sum", "reported")
    n = col("clusters", "asserted") + col("clusters", "reported")
    gmean = (gsum / n.where(n > 0)).rolling(7, min_periods=1).mean()

    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(11, 5.6), sharex=True, gridspec_kw={"height_ratios": [3, 1.2]})
    width = 0.85
    ax.bar(days, asserted, width, color="#8b1a1a", label="conflict, asserted")
    ax.bar(days, reported, width, bottom=asserted, color="#e8a33d", label="conflict, reported")
    ax.bar(days, -coop, width, color="#4a8a5a", label="cooperation (below zero)")
    if signals.sum() > 0:
        ax.scatter(days[signals > 0], (asserted + reported)[signals > 0] + signals[signals > 0], marker="v",
                   s=28, facecolors="none", edgecolors="#333", label="threat/plan signals (future, hypothetical)")
    ax.axhline(0, color="#555", lw=0.6)
    ax.set_ylabel("events (clusters) per day")
    ax.set_title(title, loc="left", fontsize=11)
    ymax = max(1.0, float((asserted + reported + signals).max()))
    bottom = -max(1.0, float(coop.max()))
    n_alerts = 0 if alerts is None else len(alerts)
    # Headroom above the bars for the legend and one label line per alert.
    top = ymax * (1.25 + 0.12 * min(n_alerts, 6)) + 0.5
    ax.set_ylim(bottom * 1.1, top)
    if n_alerts:
        first_day, last_day = days.min(), days.max()
        for i, a in enumerate(alerts.sort_values("first_fired").itertuples()):
            c = LEVEL_COLOURS.get(a.level, "#888")
            ws, ff, lu = (pd.Timestamp(a.window_start), pd.Timestamp(a.first_fired), pd.Timestamp(a.last_updated))
            ax.axvspan(ws - pd.Timedelta(hours=12), lu + pd.Timedelta(hours=12), color=c, alpha=0.10, lw=0)
            ax.axvline(ff, color=c, lw=1.4, ls="--")
            late = last_day > first_day and (ff - first_day) / (last_day - first_day) > 0.6
            ax.annotate(f"{a.level}: {a.rule} ({a.first_fired:%b %d})" if hasattr(a.first_fired, "strftime")
                        else f"{a.level}: {a.rule}", (ff, top - (top - ymax) * (0.12 + 0.8 * (i % 6) / 6)),
                        fontsize=7.5, color=c, ha="right" if late else "left", va="top",
                        xytext=(-3 if late else 3, 0), textcoords="offset points")
    ax.legend(loc="upper left", fontsize=7.5, frameon=False, ncols=2)
    ax2.plot(days, gmean, color="#333", lw=1.2)
    ax2.axhline(0, color="#999", lw=0.6)
    ax2.set_ylabel("Goldstein\n(7-day mean)", fontsize=8)
    ax2.set_ylim(-10.5, 10.5)
    ax2.xaxis.set_major_formatter(mdates.ConciseDateFormatter(mdates.AutoDateLocator()))
    fig.tight_layout()
    return fig


def png(df, alerts, path: str | Path, title: str) -> None:
    import matplotlib.pyplot as plt

    fig = _figure(df, alerts, title)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def svg(df, alerts, title: str) -> str:
    import matplotlib.pyplot as plt

    fig = _figure(df, alerts, title)
    buf = io.StringIO()
    fig.savefig(buf, format="svg")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.find("<svg"):]


_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;color:#222}
h1{font-size:1.3em}table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border-bottom:1px solid #ddd;
padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}.watch{color:#9a7400}.warning{color:#c05a00}
.alert{color:#c00000;font-weight:bold}blockquote{margin:2px 0 6px 1em;color:#444;font-style:italic}
details{margin:0.6em 0}summary{cursor:pointer}.muted{color:#777;font-size:12px}svg{max-width:100%;height:auto}"""


def _s(v, default: str = "?") -> str:
    return v if isinstance(v, str) and v else default


def page(title: str, chart_svg: str | None, alerts, evidence: dict) -> str:
    """An HTML document with the chart inline and every alert with its evidence."""
    e = html.escape
    out = [f"<!doctype html><html><head><meta charset='utf-8'><title>{e(title)}</title><style>{_CSS}</style>"
           f"</head><body><h1>{e(title)}</h1>"]
    if chart_svg:
        out.append(chart_svg)
    if alerts is None or not len(alerts):
        out.append("<p>No alerts.</p>")
    else:
        out.append("<table><tr><th>level</th><th>who</th><th>rule</th><th>first fired</th><th>last updated</th>"
                   "<th>events</th><th>reason</th></tr>")
        for a in alerts.itertuples():
            out.append(f"<tr><td class='{e(a.level)}'>{e(a.level)}</td><td>{e(a.key)}</td><td>{e(a.rule)}</td>"
                       f"<td>{str(a.first_fired)[:10]}</td><td>{str(a.last_updated)[:10]}</td>"
                       f"<td>{a.n_clusters}</td><td>{e(a.reason)}</td></tr>")
        out.append("</table>")
        for a in alerts.itertuples():
            ev = evidence.get(a.alert_id)
            if ev is None or not len(ev):
                continue
            out.append(f"<details><summary><span class='{e(a.level)}'>{e(a.level)}</span> {e(a.title)} "
                       f"{e(a.key)}, from {str(a.first_fired)[:10]}</summary><ul>")
            for r in ev.itertuples():
                who = r.modality + (f", according to {r.attributed_to_text}" if isinstance(r.attributed_to_text, str)
                                    else "")
                link = r.url if isinstance(r.url, str) else None
                out.append(f"<li><b>{e(r.part)}</b> {str(r.day)[:10]}, CAMEO {e(str(r.cameo))} "
                           f"{e(_s(r.source_code))} &rarr; {e(_s(r.target_code))}, {e(who)}, "
                           f"confidence {r.confidence:.2f}<blockquote>{e(str(r.sentence))}</blockquote>"
                           + (f"<a href='{e(link)}'>{e(link)}</a>" if link else f"<span class='muted'>{e(r.event_id)}</span>")
                           + "</li>")
            out.append("</ul></details>")
    out.append("<p class='muted'>tocsin: counts are event clusters (one real-world event, many reports); "
               "signals (future, hypothetical) are never counted as fighting.</p></body></html>")
    return "\n".join(out)
