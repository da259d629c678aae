"""The list view's key hints at 80 columns keep `^p palette` (Q7 #10): it was dropped first,
though the palette is the way to every command. Tab's hint goes first instead: the rest fit."""

from __future__ import annotations



from tests.test_tui import make_app, settle, sync


@sync
async def test_the_list_keeps_the_palette_and_its_own_hints_at_80_columns(seed_home, tmp_path) -> None:
    from newsreader.tui.key_hints import KeyHints

    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        line = app.main.query_one(KeyHints).render_line(0).text.strip()
        assert line == "⏎ open  / search  b bookmark  B bookmarks  s saved  ? keys  q quit  ^p palette", line
