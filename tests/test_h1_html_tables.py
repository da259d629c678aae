"""Table cells on a web page (Q8 #7): a minified page has no blank between `<td>`s, and its
cells ran together ("<td>13,027</td><td>39.1</td>" read "13,02739.1"): the figures were wrong
with nothing to show it."""

from __future__ import annotations

from newsreader.corpus.html_page import html_to_text


def _lines(markup: str) -> list[str]:
    return [line for line in html_to_text(markup)[0].splitlines() if line]


def test_cells_of_a_minified_table_stay_apart() -> None:
    """A league table written without a blank between tags: each row is one line with its
    cells apart, header cells too; a cell's own inline markup is still read as one word."""
    table = ("<table><thead><tr><th>Club</th><th>P</th><th>W</th><th>Pts</th></tr></thead><tbody>"
             "<tr><td>Arsenal</td><td>38</td><td>26</td><td>89</td></tr>"
             "<tr><td><b>Man</b><i>chester</i> City</td><td>38</td><td>28</td><td>91</td></tr>"
             "</tbody></table>")
    lines = _lines("<html><head><title>Final table</title></head><body><h1>City win the league on the last day</h1>"
                   "<p>Manchester City won the title by two points after beating West Ham on Sunday.</p>"
                   f"{table}</body></html>")
    assert "Club P W Pts" in lines
    assert "Arsenal 38 26 89" in lines
    assert "Manchester City 38 28 91" in lines
