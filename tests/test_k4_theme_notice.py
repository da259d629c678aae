"""K4 (M10's left-over): a single broken theme file's notice said every mistake it has (up to about
285 characters: 8 rows of the 40-column toast at 80x24, 11 with its title and padding). It now says
what is wrong (the first two mistakes), where (the file) and what to do (`newsreader paths` says the
rest), as the notice of several files does."""

from __future__ import annotations

from pathlib import Path

from newsreader.tui.themes import ALL_SAID, LoadedThemes
from tests.test_k3_theme_mistakes import MANY
from tests.test_m10_notices import _problems
from tests.test_tui import NARROW, make_app, settle, sync


def test_the_wanted_theme_s_broken_file_is_said_briefly_with_where_to_read_all(tmp_path: Path) -> None:
    (notice,) = LoadedThemes().notices(tmp_path, _problems(tmp_path)[:1])
    assert notice == ("theme: 'bad1' is not available: its file bad1.yaml is broken: dark must be true or false; "
                      f"unknown colours 'foo', 'bar' (+4 {ALL_SAID})")


@sync
async def test_the_notice_of_one_file_with_many_mistakes_fits_a_small_toast(seed_home, tmp_path: Path):
    from textual.widgets._toast import Toast

    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "many.yaml").write_text(MANY, encoding="utf-8")
    app = make_app(seed_home, tmp_path)
    async with app.run_test(size=NARROW, notifications=True) as pilot:
        await settle(pilot)
        heights = [t.region.height for t in app.screen.query(Toast) if "many.yaml" in str(t.render())]
    assert heights and max(heights) <= 7, heights  # (12 before)
