"""Reader benchmark: the real `newsreader` in a pseudo-terminal, timed as a person sees it.

    python bench/bench_tui.py                                   # the bundled seeds
    python bench/bench_tui.py --home bench/out/b10k/home --corpus bench/corpus-10k
    python bench/bench_tui.py --home bench/out/b10k/home --corpus bench/corpus-10k --rows 100000

Measures, from the moment the process is started: the first frame written to the terminal
(first paint) and the frame showing the first row of the list (interactive list); then the
time from a keypress to the end of the frame it causes, for moving the list cursor, paging
and opening an article; search from the last typed letter to the frame with the hits; and
the resident memory (VmRSS, and VmHWM = peak) at the end.

`--rows N` measures the list at N rows without indexing N articles: it copies the index
(Whoosh and the article store) to a scratch folder and multiplies the store's rows (new ids,
same titles and bodies) until there are N. The list, opening and memory then see N rows;
search and related stories still see the original index size (said so in the output).
Numbers are printed as JSON (`--json FILE` also writes them), not checked against targets.
The JSON file also keeps every opening (`key_open_article_samples`: list row, article id,
milliseconds, and `clock`, the `time.perf_counter()` when the key was written, to line it up
with timestamps logged inside the app), so a slow one can be told apart from the rest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FRAME_END = b"\x1b[?2026l"  # Textual wraps each frame in a synchronized update

#: Children still running, killed if the benchmark itself is stopped (a child on a pty
#: whose master is gone gets no SIGHUP here: it would outlive us).
_RUNNING: list["Terminal"] = []


def _kill_children(*_args: object) -> None:
    for term in list(_RUNNING):
        try:
            os.killpg(term.proc.pid, signal.SIGKILL)
        except OSError:
            pass
    raise SystemExit(1)


class Terminal:
    """A child process on a pty of a given size, its output timestamped as it arrives."""

    def __init__(self, argv: list[str], env: dict[str, str], size: tuple[int, int]) -> None:
        self.master, slave = os.openpty()
        cols, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        _RUNNING.append(self)
        self.buf = bytearray()
        self.times: list[tuple[float, int]] = []  # (arrival time, buffer length after it)
        self.lock = threading.Lock()
        self.done = False
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        while not self.done:
            r, _, _ = select.select([self.master], [], [], 0.05)
            if not r:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            now = time.perf_counter()
            with self.lock:
                self.buf += data
                self.times.append((now, len(self.buf)))
            if b"\x1b[?2026$p" in data:
                # Answer like a current terminal: synchronized output is supported, so
                # Textual brackets each frame and the end of a frame can be timed.
                os.write(self.master, b"\x1b[?2026;2$y")

    def mark(self) -> int:
        with self.lock:
            return len(self.buf)

    def wait_for(self, needle: bytes | re.Pattern[bytes], since: int = 0, timeout: float = 30.0) -> float | None:
        """Seconds since start when `needle` had fully arrived after offset `since`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                data = bytes(self.buf[since:])
                times = list(self.times)
            m = needle.search(data) if isinstance(needle, re.Pattern) else None
            pos = (m.end() if m else -1) if isinstance(needle, re.Pattern) else (
                data.find(needle) + len(needle) if needle in data else -1)
            if pos >= 0:
                end = since + pos
                for t, length in times:
                    if length >= end:
                        return t - self.started
            time.sleep(0.002)
        return None

    def quiet(self, seconds: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until no output has arrived for `seconds`."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                last = self.times[-1][0] if self.times else self.started
            if time.perf_counter() - last >= seconds:
                return
            time.sleep(0.02)

    def key(self, data: bytes) -> tuple[int, float]:
        offset = self.mark()
        sent = time.perf_counter()
        os.write(self.master, data)
        return offset, sent - self.started

    def memory(self) -> dict[str, float]:
        out = {}
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = round(int(value.split()[0]) / 1024, 1)
        except OSError:
            pass
        return out

    def close(self) -> None:
        try:
            os.write(self.master, b"\x1b")  # out of the search bar, where q is a letter
            time.sleep(0.3)
            os.write(self.master, b"q")
            self.proc.wait(timeout=5)
        except Exception:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        if self in _RUNNING:
            _RUNNING.remove(self)
        self.done = True
        os.close(self.master)


def key_latency(term: Terminal, data: bytes, expect: bytes | re.Pattern[bytes] = FRAME_END) -> float | None:
    """Milliseconds from writing `data` to the end of the frame it causes."""
    offset, sent = term.key(data)
    got = term.wait_for(expect, since=offset, timeout=10)
    return None if got is None else (got - sent) * 1000


def summarise(values: list[float | None]) -> dict[str, float | int]:
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return {"n": 0}
    p95 = vals[min(len(vals) - 1, int(round(0.95 * (len(vals) - 1))))]
    return {"n": len(vals), "median_ms": round(statistics.median(vals), 1), "p95_ms": round(p95, 1),
            "max_ms": round(vals[-1], 1)}


def multiply_index(index_dir: Path, target_rows: int, work: Path) -> Path:
    """A copy of `index_dir` whose article store holds `target_rows` rows."""
    from newsreader.search.store import STORE_FILE

    out = work / index_dir.name
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(index_dir, out)
    con = sqlite3.connect(out / STORE_FILE)
    base = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copy = 1
    while base and con.execute("SELECT count(*) FROM articles").fetchone()[0] < target_rows:
        need = target_rows - con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.execute(
            "INSERT INTO articles (id, file, title, date, source, data) "
            "SELECT id || '-c' || ?, file, title, date, source, data FROM articles "
            "WHERE id NOT LIKE '%-c%' LIMIT ?", (copy, need))
        copy += 1
    con.commit()
    con.close()
    return out


def first_rows(home: Path, corpus: Path) -> tuple[list, int]:
    from newsreader.config import load_config, user_paths
    from newsreader.search.library import Library

    os.environ["NEWSREADER_HOME"] = str(home)
    paths = user_paths()
    lib = Library.open(paths, corpus, load_config(paths))
    if not lib.exists():
        lib.update()
    rows = lib.list_rows(0, 10)
    count = lib.count()
    lib.close()
    return rows, count


def run_once(home: Path, corpus: Path, size: tuple[int, int], rows: list, search_word: str) -> dict:
    env = dict(os.environ, NEWSREADER_HOME=str(home), TERM="xterm-256color", COLORTERM="truecolor")
    env.pop("NO_COLOR", None)
    # pip compiles an installed package's modules at install time; a shell that forbids bytecode
    # would make every start compile them again (~170 ms here), which no user pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    term = Terminal([sys.executable, "-m", "newsreader", "--corpus", str(corpus)], env, size)
    result: dict = {}
    try:
        first = term.wait_for(FRAME_END, timeout=60)
        # A title fragment without characters Textual may split with style codes.
        fragment = re.escape(rows[0].title[:12].encode("utf-8"))
        listed = term.wait_for(re.compile(fragment), timeout=60)
        result["first_paint_s"] = None if first is None else round(first, 3)
        result["interactive_list_s"] = None if listed is None else round(listed, 3)
        term.quiet(0.5)
        result["rss_after_start_mb"] = term.memory()
        down = []
        for _ in range(40):
            down.append(key_latency(term, b"j"))
            time.sleep(0.05)
        result["key_down"] = summarise(down)
        pages = []
        for _ in range(10):
            pages.append(key_latency(term, b"\x1b[6~"))  # PageDown
            time.sleep(0.08)
        result["key_page_down"] = summarise(pages)
        ends = [key_latency(term, b"G")]
        time.sleep(0.2)
        ends.append(key_latency(term, b"g"))
        result["key_end_home"] = summarise(ends)
        term.quiet(0.3)
        opens = []
        samples: list[dict] = []  # each open, so a slow one can be told apart (first? long?)
        for i, row in enumerate(rows[:10]):
            # Back to the list, down one row (the first open is row 0), then Enter; timed to
            # the frame showing the reader's metadata line (dated rows only: the list writes
            # ISO dates, the reader "Mon 26 May 2025", so the match is the reader's).
            if i:
                term.key(b"\x1b")
                time.sleep(0.3)  # a lone ESC must not merge with the next key (alt+j)
                term.key(b"j")
                term.quiet(0.25)
            if not row.date:
                continue
            day = dt.date.fromisoformat(row.date)
            meta = f"{day:%a} {day.day} {day:%b %Y}".encode()
            offset, sent = term.key(b"\r")
            got = term.wait_for(meta, since=offset, timeout=10)
            opens.append(None if got is None else (got - sent) * 1000)
            samples.append({"row": i, "id": row.id, "ms": None if got is None else round((got - sent) * 1000, 1),
                            "at_s": round(sent, 3), "clock": round(term.started + sent, 4)})
            term.quiet(0.4)
        term.key(b"\x1b")
        time.sleep(0.3)
        term.key(b"g")
        term.quiet(0.3)
        result["key_open_article"] = summarise(opens)
        result["key_open_article_samples"] = samples
        # Search: type the word, time from the last letter to the frame with the hits.
        offset, _ = term.key(b"/")
        term.wait_for(FRAME_END, since=offset, timeout=10)  # the search bar is open: quiet()
        term.quiet(0.3)  # alone returned at once and the first letter reached the list
        for ch in search_word[:-1]:
            term.key(ch.encode())
            time.sleep(0.03)
        offset, sent = term.key(search_word[-1].encode())
        label = re.escape(f"Search {search_word!r}: ".encode())
        got = term.wait_for(re.compile(label + rb"[0-9,]+"), since=offset, timeout=20)
        result["search_last_key_to_hits_ms"] = None if got is None else round((got - sent) * 1000, 1)
        result["search_debounce_ms"] = 150
        term.quiet(0.5)
        result["rss_end_mb"] = term.memory()
    finally:
        term.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, help="NEWSREADER_HOME holding the index (default: a scratch one)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: the bundled seeds)")
    parser.add_argument("--rows", type=int, help="multiply the article store to this many rows")
    parser.add_argument("--runs", type=int, default=3, help="app starts per size (default 3)")
    parser.add_argument("--search", default="minister", help="word to search for")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _kill_children)
    signal.signal(signal.SIGINT, _kill_children)

    from newsreader.config import Paths
    from newsreader.resources import seeds_dir

    corpus = (args.corpus or seeds_dir()).resolve()
    scratch = Path(tempfile.mkdtemp(prefix="bench-tui-"))
    home = (args.home or scratch / "home").resolve()
    note = ""
    if args.rows:
        # Copy the home's index, multiply its rows, and point a scratch home at it.
        src_paths = Paths(home / "config", home / "data", home / "cache")
        src_index = src_paths.index_dir(corpus)
        new_home = scratch / "home"
        dst_paths = Paths(new_home / "config", new_home / "data", new_home / "cache")
        dst_index = dst_paths.index_dir(corpus)
        dst_index.parent.mkdir(parents=True, exist_ok=True)
        multiply_index(src_index, args.rows, dst_index.parent)
        home = new_home
        note = (f"article store multiplied to {args.rows} rows; search and related stories "
                f"run on the original index")
    rows, count = first_rows(home, corpus)
    # The modules compiled as pip would have at install (run_once lets the reader read them).
    import compileall
    import newsreader
    compileall.compile_dir(Path(newsreader.__file__).parent, quiet=1)
    out: dict = {"corpus": str(corpus), "rows": count, "note": note, "runs": {}}
    for size in ((80, 24), (120, 40)):
        runs = [run_once(home, corpus, size, rows, args.search) for _ in range(args.runs)]
        out["runs"][f"{size[0]}x{size[1]}"] = runs
    summary = {}
    for size, runs in out["runs"].items():
        def med(key: str, sub: str | None = None) -> float | None:
            vals = [(r[key][sub] if sub else r[key]) for r in runs
                    if r.get(key) is not None and (sub is None or sub in r[key])]
            return round(statistics.median(vals), 3) if vals else None
        summary[size] = {
            "first_paint_s": med("first_paint_s"),
            "interactive_list_s": med("interactive_list_s"),
            "key_down_median_ms": med("key_down", "median_ms"),
            "key_down_p95_ms": med("key_down", "p95_ms"),
            "key_page_down_median_ms": med("key_page_down", "median_ms"),
            "key_open_article_median_ms": med("key_open_article", "median_ms"),
            "key_open_article_p95_ms": med("key_open_article", "p95_ms"),
            "search_last_key_to_hits_ms": med("search_last_key_to_hits_ms"),
            "rss_end_mb": med("rss_end_mb", "VmRSS"),
            "peak_rss_mb": med("rss_end_mb", "VmHWM"),
        }
    out["summary"] = summary
    print(json.dumps({"rows": count, "note": note, "summary": summary}, indent=2))
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
