"""The footer of every screen: Textual's `Footer`, greying keys in place.

Textual's footer recomposes all its keys whenever a screen's bindings change;
the run screen greys keys out as the session moves on (undo after a lap, +/-
in a rest), about twice a rep. Each recompose mounted a fresh set of keys,
and the old ones stayed alive: every new `FooterKey` data-binds `compact` to
the footer, filing a watcher on the footer that is pruned only when `compact`
changes (never; Textual issue #6666), and Textual's `StylesCache.get_inner_outer`
LRU keeps up to 1,024 dead widgets' caches. Over a long session that was
about 18 kB a step.

`KeysFooter` recomposes only when the keys listed change (a key appears or
goes); when only which keys are enabled changed, it sets each key's
`-disabled` class in place. After a recompose it drops the removed keys'
watchers.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

WATCHERS = "__watchers"  # where Textual's reactive keeps watchers filed on an object


class KeysFooter(Footer):
    """`Footer` that greys keys in place and lets go of the keys it removes."""

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
        """Rebuild the keys, then forget the watchers of the ones removed."""
        await super().recompose()
        self.prune_watchers()

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
