"""A table for the terminal's width that drops whole columns rather than cutting numbers.

Rich shrinks every column of a table too wide for the terminal and cuts what
no longer fits (`-1:0…`, `161.…`): a number cut reads as another number.
`fitted_table` measures the table and, while it is too wide, leaves out whole
columns in the order the caller ranked them (the least wanted first), so what
is printed is whole. A column of text that may wrap (a workout's name) is
allowed to wrap and is measured at its narrowest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


@dataclass(frozen=True)
class Column:
    """One column: its header, its alignment, and `drop`: the order it is left out in when
    the table is too wide (1 first; 0 never). `wraps`: words that may go on two lines."""

    header: str
    justify: str = "right"
    drop: int = 0
    wraps: bool = False
    min_width: int | None = None


def fitted_table(console: Console, columns: Sequence[Column],
                 rows: Sequence[Sequence[str | Text]], **options: object) -> Table:
    """The table of `rows` under `columns` for `console`'s width, with the columns that make
    it too wide left out whole (by their `drop` rank); `options` go to rich's Table."""
    kept = list(range(len(columns)))
    order = sorted((n for n, column in enumerate(columns) if column.drop),
                   key=lambda n: columns[n].drop)
    while True:
        table = _table(columns, rows, kept, options)
        if _fits(console, table) or not order:
            return table
        kept.remove(order.pop(0))


def _table(columns: Sequence[Column], rows: Sequence[Sequence[str | Text]],
           kept: list[int], options: dict[str, object]) -> Table:
    from rich.table import Table

    table = Table(**options)  # type: ignore[arg-type]
    for n in kept:
        column = columns[n]
        table.add_column(column.header, justify=column.justify,  # type: ignore[arg-type]
                         no_wrap=not column.wraps, min_width=column.min_width,
                         ratio=1 if column.wraps else None)
    for row in rows:
        table.add_row(*(row[n] for n in kept))
    return table


def _fits(console: Console, table: Table) -> bool:
    """Every column at least as wide as its widest cell (a wrapping one: its longest word)."""
    from rich.measure import Measurement

    options = console.options
    options = options.update_width(options.max_width - table._extra_width)
    # Rich's own layout of the columns (private methods of rich.table.Table, pinned in
    # constraints.txt): the widths it would print them at, less their padding, so that
    # "fits" means no cell cut.
    widths = table._calculate_column_widths(console, options)
    if sum(widths) > options.max_width:  # rich would crop the lines at the edge
        return False
    for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        room = width - table._get_padding_width(index)
        if column.no_wrap:
            cells = [Measurement.get(console, options, cell).maximum
                     for cell in (column.header, *column.cells)]
        else:
            cells = [Measurement.get(console, options, cell).minimum
                     for cell in (column.header, *column.cells)]
        if max(cells, default=0) > room:
            return False
    return True
