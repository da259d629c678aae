"""Text fields that take the keys of a burst in turn (`KeysInTurn`)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class KeysInTurn(Input):
    """A field for keys read together (typed ahead, a paste, one SSH packet): a key that
    moves the focus (Tab, Esc) acts before the field takes the keys after it, and a key that
    reaches the field once the focus has left it goes to the widget focused now, as
    `ReaderApp._on_key` does for the panes. Textual queues each key here as it is read but
    runs the bindings only once the key has come up to the app, after the field has taken
    the next keys: the field runs them itself, in turn with its keys (`/ab` Esc `b` searched
    for "abb"; `e` `ab` Tab `cd` in the bookmark editor put "abcd" in its tags)."""

    async def _on_key(self, event: events.Key) -> None:
        self._resend(event)
        if not event.is_printable and not event._stop_propagation:
            self._restart_blink()  # (as Input's own handler, skipped below)
            if await self.app._check_bindings(event.key):
                event.prevent_default()
                event.stop()

    def _on_paste(self, event: events.Paste) -> None:
        self._resend(event)

    def _resend(self, event: events.Key | events.Paste) -> None:
        resend = getattr(self.app, "_resend_to_focus", None)  # (the reader's: see its `_on_key`)
        if self.screen.focused is not self and resend is not None and resend(event):
            event.prevent_default()  # (not typed in here)
            event.stop()  # (nor sent on again when it comes back up to the app)
