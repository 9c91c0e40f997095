"""The expanded plan as a table: one row a step, with the target time of each rep.

Reused by the library's preview pane, the editor's live preview and the run
flow's preview screen. `show_plan(plan)` fills it; a target that rests on an
estimated pace is marked `~`.

A `compact` table (the editor's narrow side pane, the run flow's preview) fits its width
instead of scrolling sideways: it drops the 400 m lap column when that does not fit, then
shortens the step labels with `…` between two words, so the step and its target always
show and no number is ever cut (`Rep 1/8 · 40…` would read as a 40 m rep).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.content import Content
from textual.widgets import DataTable

from intervaltimer.safetext import display_safe
from intervaltimer.ui.widgets.fit_line import ELLIPSIS, cut_at_words

if TYPE_CHECKING:  # the library's first frame shows no plan: the model is read later
    from intervaltimer.workout.plan import Plan, PlannedStep

ESTIMATE_MARK = "~"
LAP_M = 400.0
MIN_STEP_WIDTH = 8


MAX_TARGET_GROUPS = 4


def targets_summary(plan: Plan) -> str:
    """The reps' targets in one line, `Targets: 8 × 400 m @ mile 1:24.5`; "" without any.

    Reps of the same distance, pace and target are counted together, in the order first
    run, so the targets show even when warm-up and strides push the reps below the fold.
    """
    from intervaltimer.workout.units import format_distance

    groups: dict[tuple[float | None, str | None, str], int] = {}
    for step in plan.work_steps:
        if step.target_s is None:
            continue
        key = (step.distance_m, step.pace_text, target_text(step))
        groups[key] = groups.get(key, 0) + 1
    if not groups:
        return ""
    parts = []
    for (distance_m, pace, target), count in list(groups.items())[:MAX_TARGET_GROUPS]:
        what = format_distance(distance_m) if distance_m else "rep"
        at = f" @ {pace}" if pace else ""
        parts.append(f"{count} × {what}{at} {target}")
    more = " · …" if len(groups) > MAX_TARGET_GROUPS else ""
    return "Targets: " + " · ".join(parts) + more


def target_text(step: PlannedStep) -> str:
    """The rep's target time (`1:25.3`, `~1:25.3` for an estimate), or blank."""
    from intervaltimer.workout.units import format_time

    if step.target_s is None:
        return ""
    mark = ESTIMATE_MARK if step.pace_estimate else ""
    return f"{mark}{format_time(step.target_s)}"


def lap_text(step: PlannedStep) -> str:
    """The pace as a 400 m lap time (`1:24.5`), the track runner's unit; blank without a pace."""
    from intervaltimer.workout.units import format_time

    if step.pace_s_per_m is None:
        return ""
    mark = ESTIMATE_MARK if step.pace_estimate else ""
    return f"{mark}{format_time(step.pace_s_per_m * LAP_M)}"


def short_label(label: str, width: int | None) -> str:
    """`label` as it fits `width` columns (None: no cap): whole, or cut between two words
    with `…` (`Rep 1/8 · 400 m @ mile` at 13 is `Rep 1/8…`), never inside a word or number."""
    if width is None or cell_len(label) <= width:
        return label
    return cut_at_words(Content(label), width).plain or ELLIPSIS


class PlanTable(DataTable[Text | str]):
    """A read-only table of a plan's steps: number, label, target time and 400 m lap pace."""

    DEFAULT_CSS: ClassVar[str] = """
    PlanTable {
        height: auto;
        max-height: 100%;
    }
    """

    COLUMNS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("#", "index"), ("Step", "step"), ("Target", "target"), ("/400 m", "lap"),
    )

    def __init__(self, *, id: str | None = None, classes: str | None = None,  # noqa: A002
                 compact: bool = False) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.plan: Plan | None = None
        self.compact = compact
        self._fit: tuple[bool, int | None] = (True, None)
        self._add_columns()

    def _add_columns(self) -> None:
        """The columns for the present fit: all, or without the lap, the step maybe capped."""
        show_lap, step_width = self._fit
        for title, key in self.COLUMNS:
            if key == "lap" and not show_lap:
                continue
            self.add_column(title, key=key, width=step_width if key == "step" else None)

    def _rows(self, plan: Plan) -> list[tuple[Text, ...]]:
        """A row a step, the label cut with `…` to the capped step width, if any."""
        show_lap, step_width = self._fit
        rows: list[tuple[Text, ...]] = []
        for step in plan.steps:
            style = "bold" if step.is_work else ""
            label = Text(short_label(display_safe(step.label), step_width), style=style)
            row = (
                Text(str(step.index), style="dim", justify="right"),
                label,
                Text(target_text(step), style=style, justify="right"),
            )
            rows.append((*row, Text(lap_text(step), justify="right")) if show_lap else row)
        return rows

    def fit_for(self, width: int) -> tuple[bool, int | None]:
        """(show the lap column, step width cap or None) for a compact table ``width`` wide."""
        plan = self.plan
        if not self.compact or plan is None or width <= 0:
            return True, None
        pad = 2 * self.cell_padding

        def widest(title: str, texts: list[str]) -> int:
            return max([cell_len(title), *(cell_len(t) for t in texts)]) + pad

        index_w = widest("#", [str(step.index) for step in plan.steps])
        step_w = widest("Step", [step.label for step in plan.steps])
        target_w = widest("Target", [target_text(step) for step in plan.steps])
        lap_w = widest("/400 m", [lap_text(step) for step in plan.steps])
        if index_w + step_w + target_w + lap_w <= width:
            return True, None
        if index_w + step_w + target_w <= width:
            return False, None
        return False, max(MIN_STEP_WIDTH, width - index_w - target_w - pad)

    def show_plan(self, plan: Plan | None) -> None:
        """Fill the table with `plan`'s steps (empty for None)."""
        self.plan = plan
        self._refit(force=True)

    def _refit(self, force: bool = False) -> None:
        """Fit the columns to the width (compact only) and fill the rows."""
        # Room for a vertical scrollbar is kept, so that one showing up never hides the target.
        width = self.size.width - self.styles.scrollbar_size_vertical if self.compact else 0
        fit = self.fit_for(width)
        if fit != self._fit:
            self._fit = fit
            self.clear(columns=True)
            self._add_columns()
        elif force:
            self.clear()
        else:
            return
        if self.plan is not None:
            self.add_rows(self._rows(self.plan))

    def on_resize(self, event: events.Resize) -> None:
        """A compact table fits its new width."""
        if self.compact:
            self._refit()

    @property
    def shows_lap(self) -> bool:
        """Whether the 400 m lap column is shown."""
        return self._fit[0]

    def target_column(self) -> list[str]:
        """The Target column as shown, one string a row (for tests and screen readers)."""
        return [str(cell) for cell in self.get_column("target")]
