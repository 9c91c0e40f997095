"""The footer of every screen: Textual's `Footer`, greying keys in place.

Textual's footer recomposes all its keys whenever a screen's bindings change;
the run screen greys keys out as the session moves on (undo after a lap, +/-
in a rest), about twice a rep. Each recompose mounted a fresh set of keys,
and the old ones stayed alive: every new `FooterKey` data-binds `compact` to
the footer, filing a watcher on the footer that is pruned only when `compact`
changes (never: a Textual bug, Textualize/textual#6666), and Textual's `StylesCache.get_inner_outer`
LRU keeps up to 1,024 dead widgets' caches. Over a long session that was
about 18 kB a step.

`KeysFooter` recomposes only when the keys listed change (a key appears or
goes); when only which keys are enabled changed, it sets each key's
`-disabled` class in place. After a recompose it drops the removed keys'
watchers.

A terminal cuts the footer at its edge (`^q Qu`, `p pause s`), so `KeysFooter` shows
only the keys that fit, whole: the keys that quit always (the footer says how to leave,
everywhere), then the others in their order while they fit, then the command palette's.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

WATCHERS = "__watchers"  # where Textual's reactive keeps watchers filed on an object
QUIT_ACTIONS = ("quit", "quit_run", "quit_app")  # always listed: a footer says how to leave
ROOM = Size(1_000, 1)  # room to measure a key in


def box_width(widget: Widget) -> int:
    """Columns `widget` takes in the footer's row, its margins aside (a key is measured by
    its label: Textual's measure of a hidden key is off by two)."""
    if isinstance(widget, FooterKey):
        content = cell_len(widget.render().plain)
    elif isinstance(widget, KeyGroup):
        content = row_width(list(widget.children))
    else:
        content = widget.get_content_width(ROOM, ROOM)
    return content + widget.styles.gutter.width


def row_width(widgets: list[Widget]) -> int:
    """Columns `widgets` take side by side, margins between two neighbours collapsed to the
    larger, as Textual's horizontal layout does."""
    total = right = 0
    for index, widget in enumerate(widgets):
        margin = widget.styles.margin
        total += box_width(widget) + (margin.left if index == 0 else max(right, margin.left))
        right = margin.right
    return total + right


def _keeps(widgets: list[Widget]) -> bool:
    return any(isinstance(w, FooterKey) and w.action in QUIT_ACTIONS for w in widgets)


class KeysFooter(Footer):
    """`Footer` that greys keys in place, lets go of the keys it removes, and shows only the
    keys that fit whole (the one that quits always)."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's bindings changed: update the keys in place when the same keys are
        listed, else rebuild them (Textual's way)."""
        if self.is_attached and screen is self.screen and self._bindings_ready \
                and screen.app.app_focus and self._grey_in_place():
            return
        super().bindings_changed(screen)

    def _grey_in_place(self) -> bool:
        """Set each listed key's enabled state; False when the keys listed differ."""
        first: dict[str, tuple[str, str, bool]] = {}  # the footer lists one key per action
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show:
                first.setdefault(binding.action, (binding.key, binding.action, enabled))
        wanted = list(first.values())
        keys = [key for key in self.query(FooterKey) if not key.has_class("-command-palette")]
        if [(key.key, key.action) for key in keys] != [(k, a) for k, a, _ in wanted]:
            return False
        for key, (_k, _a, enabled) in zip(keys, wanted, strict=True):
            if key._disabled == (not enabled):
                continue
            key._disabled = not enabled
            key.set_class(not enabled, "-disabled")
        return True

    async def recompose(self) -> None:
        """Rebuild the keys, then forget the watchers of the ones removed, and show those
        that fit."""
        await super().recompose()
        self.prune_watchers()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: events.Resize) -> None:
        """A new width: show the keys that fit it."""
        self.fit_keys()

    def _items(self) -> list[list[Widget]]:
        """The footer's entries in order, each as its widgets (a group of keys with its
        label is one entry); the command palette's key last."""
        items: list[list[Widget]] = []
        palette: list[list[Widget]] = []
        for child in self.children:
            if isinstance(child, FooterLabel) and items and isinstance(items[-1][0], KeyGroup):
                items[-1].append(child)
            elif child.has_class("-command-palette"):
                palette.append([child])
            else:
                items.append([child])
        return items + palette

    def fit_keys(self) -> list[str]:
        """Show the keys that fit the footer's width, whole, and hide the others: the quit
        keys, then the others in their order up to the first that does not fit, then the
        command palette's if there is room; the descriptions shown."""
        width = self.size.width
        if width <= 0 or not self.is_attached:
            return []
        items = self._items()
        palette = items.pop() if items and items[-1][0].has_class("-command-palette") else []
        chosen = [_keeps(item) for item in items]
        for index in range(len(items)):
            if chosen[index]:
                continue
            trial = [*chosen[:index], True, *chosen[index + 1:]]
            if self._width(items, trial) > width:
                break
            chosen = trial
        if palette:
            chosen.append(self._width(items, chosen) + row_width(palette) <= width)
            items.append(palette)
        shown: list[str] = []
        for item, show in zip(items, chosen, strict=True):
            for widget in item:
                if widget.display != show:
                    widget.display = show
            if show:
                shown += [w.description for w in item
                          if isinstance(w, FooterKey) and w.description]
        return shown

    @staticmethod
    def _width(items: list[list[Widget]], chosen: list[bool]) -> int:
        """Columns the chosen entries take side by side."""
        return row_width([w for item, show in zip(items, chosen, strict=False) if show
                          for w in item])

    def prune_watchers(self) -> int:
        """Drop watchers filed by widgets that have closed; how many were dropped."""
        watchers: dict[str, list[tuple[object, object]]] = getattr(self, WATCHERS, {})
        dropped = 0
        for entries in watchers.values():
            kept = [(node, callback) for node, callback in entries
                    if not (getattr(node, "_closing", False) or getattr(node, "_closed", False))]
            dropped += len(entries) - len(kept)
            entries[:] = kept
        return dropped
