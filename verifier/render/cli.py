"""The terminal table: one row per verdict, then one summary line."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from io import StringIO

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..models import Document, Report, Verdict
from .verdicts import STATUS_ICONS, evidence_lines, note_where, set_aside, summary_line

STYLES = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow"}
# A ranking's evidence is a whole table; the top of it and the claimed places
# are what a reader needs in a terminal (the HTML report shows all of it).
MAX_EVIDENCE_LINES = 3


def render(
    report: Report,
    documents: Mapping[str, Document] | None = None,
    *,
    color: bool,
    width: int | None = None,
    **_: object,
) -> str:
    if width is None:
        width = shutil.get_terminal_size((120, 24)).columns
    console = Console(
        file=StringIO(),
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        width=width,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    if report.verdicts:
        where = max(len(_where(v)) for v in report.verdicts)
        # Below ~60 columns for the words, a table wraps every cell into a
        # tower; one block per verdict reads better on a narrow terminal.
        if width - where - 16 >= 60:
            console.print(_table(report.verdicts))
        else:
            for v in report.verdicts:
                console.print(_block(v))
    for note in report.notes:
        line = Text("note ", style="bold")
        line.append(f"{note_where(note)}  {note.code}: ", style="dim")
        line.append(note.message)
        console.print(line)
    stats = report.stats
    counts = {"contradicted": stats.contradicted, "unverifiable": stats.unverifiable, "supported": stats.supported}
    worst = next((s for s in counts if counts[s]), None)
    console.print(Text(summary_line(counts, stats.documents, report.verdicts), style=STYLES[worst] if worst else ""))
    # rich pads every cell to its column's width; trailing blanks only get in the way of diff and grep.
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"


def _table(verdicts: list[Verdict]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("where", no_wrap=True)
    table.add_column("status · code", no_wrap=True)
    # fold, never ellipsis: a cut-off figure or period would be worse than a tall row.
    table.add_column("the text says", ratio=2, overflow="fold")
    table.add_column("the source says", ratio=2, overflow="fold")
    table.add_column("message", ratio=3, overflow="fold")
    for v in verdicts:
        status = Text(f"{STATUS_ICONS[v.status]} {v.status}", style=STYLES[v.status])
        status.append(f"\n{v.code}", style="dim" if v.status == "supported" else "")
        message = Text(v.message)
        if aside := set_aside(v):
            message.append(f"\n[{aside}]", style="dim")
        # Text objects, never markup strings: article text may hold "[bold]"-like brackets.
        table.add_row(
            Text(_where(v)),
            status,
            Text(v.claim.text),
            _evidence_cell(v),
            message,
        )
    return table


def _block(v: Verdict) -> Group:
    head = Text(f"{_where(v)}  ")
    head.append(f"{STATUS_ICONS[v.status]} {v.status}", style=STYLES[v.status])
    head.append(f"  {v.code}")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(Text("  text says", style="dim"), Text(v.claim.text))
    grid.add_row(Text("  source says", style="dim"), _evidence_cell(v))
    grid.add_row(Text("  message", style="dim"), Text(v.message))
    if aside := set_aside(v):
        grid.add_row(Text("  set aside", style="dim"), Text(aside))
    return Group(head, grid, Text(""))


def _where(v: Verdict) -> str:
    return f"{v.document}:{v.claim.span.line}:{v.claim.span.column}"


def _evidence_cell(verdict: Verdict) -> Text:
    values, sources, periods = evidence_lines(verdict, MAX_EVIDENCE_LINES)
    if not values:
        return Text("—", style="dim")
    text = Text("\n".join(values) + "\n")
    text.append(f"{', '.join(sources)} · {', '.join(periods)}", style="dim")
    return text


