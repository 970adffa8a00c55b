"""`verifier claims --format cli`: the claims found, as a table a person scans."""

from __future__ import annotations

from io import StringIO

from ..models import Claim
from ..readable import format_magnitude


def claims_table(claims: list[Claim], *, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("id", "line:col", "kind", "text", "value", "period", "places", "metric", "attribution"):
        table.add_column(column, overflow="fold")
    for c in claims:
        value = format_magnitude(c.quantity.value, c.quantity.unit) if c.quantity else f"rank {c.rank}"
        table.add_row(
            c.id,
            f"{c.span.line}:{c.span.column}",
            c.kind,
            c.text,
            value,
            c.period.label if c.period else "—",
            ", ".join(p.code + (f" ({p.role})" if p.role else "") for p in c.places) or "—",
            c.metric.id if c.metric else "—",
            c.attribution or "—",
        )
    out = StringIO()
    Console(file=out, force_terminal=color, no_color=not color, width=160).print(table)
    return out.getvalue() + f"{len(claims)} claim{'s' if len(claims) != 1 else ''}\n"
