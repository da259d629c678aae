"""Where newsreader keeps things, and the user's YAML configuration.

Config, index and state live in platformdirs' per-user folders. `NEWSREADER_HOME` puts all
of them under one folder instead, so a user (or a test) can isolate a run completely.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreader.errors import UserError, kind_name, value_kind
from newsreader.resources import seeds_dir, themes_dir

APP_NAME = "newsreader"
CONFIG_FILE_NAME = "config.yaml"
#: The user's own folders beside the config file (`Paths.user_themes_dir`, `Paths.user_cues_dir`).
THEMES_DIR_NAME = "themes"
CUES_DIR_NAME = "cues"
#: The longest query searched (`search`, the search bar, saved searches). The query parser
#: is quadratic in a word's length: 40,000 letters took 12 s to refuse, a page pasted by
#: mistake over a minute. No query a person writes comes near it.
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class Paths:
    """The three per-user folders: settings, durable state, rebuildable index."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE_NAME

    @property
    def user_themes_dir(self) -> Path:
        """The user's own theme files, read after the bundled ones (`tui.themes.theme_folders`)."""
        return self.config_dir / THEMES_DIR_NAME

    @property
    def user_cues_dir(self) -> Path:
        """The user's own cue files, added to the bundled ones (`extract.resources.user_cues_dir`)."""
        return self.config_dir / CUES_DIR_NAME

    @property
    def store_file(self) -> Path:
        """Bookmarks and reading state: precious, so in the data folder."""
        return self.data_dir / "state.sqlite3"

    @property
    def indexes_dir(self) -> Path:
        """Where every corpus's index is, one folder each (`index_dir`)."""
        return self.data_dir / "indexes"

    def index_dir(self, corpus: Path) -> Path:
        """One index per corpus folder, so switching corpora never mixes articles."""
        return self.indexes_dir / f"{corpus.resolve().name or 'root'}-{corpus_key(corpus)[:12]}"


#: The file in an index folder naming the corpus folder it indexes (its full path, as bytes):
#: the folder's name holds only a hash of it, and `newsreader paths` lists the indexes whose
#: corpus is gone (a folder renamed or deleted left its index behind for good, unnamed).
CORPUS_RECORD = "corpus-path"


def record_corpus(index_dir: Path, corpus: Path) -> None:
    """Write `index_dir`'s CORPUS_RECORD if it is missing or names another path (a read and
    no write when it is there: the reader updates its index every few seconds). Best effort:
    a folder that cannot take it costs only the name in `newsreader paths`."""
    if not index_dir.is_dir():
        return
    resolved = corpus.resolve()
    try:  # the corpus folder's device, after a NUL (no path holds one): `recorded_corpus`
        text = os.fsencode(str(resolved)) + b"\0" + str(os.stat(resolved).st_dev).encode()
    except OSError:
        text = os.fsencode(str(resolved))
    record = index_dir / CORPUS_RECORD
    try:
        if record.read_bytes() == text:
            return
    except OSError:
        pass
    tmp = record.with_name(f".{CORPUS_RECORD}.{os.getpid()}")
    try:
        tmp.write_bytes(text)
        os.replace(tmp, record)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def recorded_corpus(index_dir: Path) -> tuple[Path | None, int | None]:
    """The corpus folder `index_dir` was built from and the device it was on, as
    `record_corpus` wrote them (one read: the path, a NUL, the device); None for an index
    built before the record was kept (or one it could not be written in), and for a device
    not recorded. `newsreader paths --prune` calls a corpus gone only when the folder that
    held it is on that device still: an unplugged drive's folder (its mount point gone, or
    left empty on the system disk) is not gone for good."""
    try:
        text, _, device = (index_dir / CORPUS_RECORD).read_bytes().partition(b"\0")
    except OSError:
        return None, None
    try:
        number = int(device) if device else None
    except ValueError:
        number = None
    return (Path(os.fsdecode(text)) if text else None), number


def corpus_key(corpus: Path) -> str:
    """A name for a corpus folder that any path has (a path need not be valid text): its
    full path, hashed. It names the index folder and the store's per-corpus marks."""
    resolved = str(corpus.resolve())
    return hashlib.sha1(resolved.encode("utf-8", "surrogateescape")).hexdigest()


def expand_home(path: str | Path, what: str) -> Path:
    """`path` with a leading `~` or `~user` expanded. A `~user` that is no account here (a
    typo, a config from another machine) makes pathlib raise RuntimeError: one line naming
    `what` (the option, variable or file that gave the path) instead of a traceback."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        head = str(path).split("/", 1)[0]
        raise UserError(f"{what}: {path}: no home folder for {head!r} on this machine; "
                        "write the path out in full") from None


def check_query_length(text: str) -> None:
    """Raise `UserError` for a query over MAX_QUERY_CHARS (see there why)."""
    if len(text) > MAX_QUERY_CHARS:
        raise UserError(f"the query is {len(text):,} characters long; the most is {MAX_QUERY_CHARS:,}: shorten it")


def user_paths(environ: dict[str, str] | None = None) -> Paths:
    """Resolve the folders, honouring `NEWSREADER_HOME`."""
    env = os.environ if environ is None else environ
    home = env.get("NEWSREADER_HOME")
    if home:
        root = expand_home(home, "NEWSREADER_HOME")
        # The nearest of it and its parents that exists must be a folder: a file there (a
        # parent that is a file, too) would fail later naming config.yaml, not NEWSREADER_HOME.
        existing = next((folder for folder in (root, *root.parents) if folder.exists()), None)
        if existing is not None and not existing.is_dir():
            what = " is a file" if existing == root else f": {existing} is a file"
            raise UserError(f"NEWSREADER_HOME={home}{what}, not a folder; point it at a folder "
                            "(it is made if missing), or unset it")
        return Paths(root / "config", root / "data", root / "cache")
    import platformdirs

    return Paths(
        Path(platformdirs.user_config_dir(APP_NAME)),
        Path(platformdirs.user_data_dir(APP_NAME)),
        Path(platformdirs.user_cache_dir(APP_NAME)),
    )


@dataclass(frozen=True)
class Setting:
    """One documented config key: its type, default and meaning (shown in errors)."""

    kind: type | tuple[type, ...]
    default: Any
    help: str


SETTINGS: dict[str, Setting] = {
    "corpus": Setting(str, None, "folder of saved news pages (default: the bundled seeds)"),
    "theme": Setting(str, "newsreader-dark", "a theme name; the reader's Ctrl+P lists them"),
    "keymap": Setting(dict, {}, "binding id -> keys, e.g. {bookmark: 'b,ctrl+d'}"),
    "max_page_mb": Setting((int, float), 10, "pages larger than this are skipped"),
    "extensions": Setting(list, [".txt", ".html", ".htm"], "file endings read as pages"),
    "extractor": Setting(str, "rules", "entity extractor: rules (default) or spacy"),
}


@dataclass
class Config:
    """Validated settings; unknown or mistyped keys are refused, never silently ignored."""

    corpus: Path | None = None
    theme: str = "newsreader-dark"
    keymap: dict[str, str] = field(default_factory=dict)
    max_page_mb: float = 10
    extensions: list[str] = field(default_factory=lambda: list(SETTINGS["extensions"].default))
    extractor: str = "rules"
    source: Path | None = None
    #: What reading the file found to say that does not stop a command, one line each (every
    #: command says them first: `config_name_warnings`).
    warnings: list[str] = field(default_factory=list, compare=False)
    #: Whether the file names a theme: `theme: newsreader-dark` is the config's choice, though the default's name.
    theme_set: bool = field(default=False, compare=False)
    #: A relative `corpus:` missing from the config file's folder: the current folder's, also
    #: missing (None when it is the same folder). The error names both places tried.
    corpus_also_tried: Path | None = field(default=None, compare=False)

    def corpus_dir(self, override: str | Path | None = None) -> Path:
        """`--corpus`, else the config's corpus, else the bundled seeds."""
        if override is not None:
            if not str(override).strip():  # Path("") is the current folder: never meant
                raise UserError("--corpus is empty; name the folder of saved pages")
            return expand_home(override, "--corpus")
        if self.corpus is not None:
            return self.corpus
        return seeds_dir()


def _describe(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(kind_name(k) for k in kinds))


def _number(text: str) -> float | str:
    """A number written as YAML 1.1 does not read one (`1e9`, `2E3`), else the text."""
    try:
        return float(text)
    except ValueError:
        return text


def _keymap_text(value: Any, where: str, binding: Any = None) -> str:
    """A keymap binding id (`binding` None) or the keys of `binding`, as text. YAML reads
    `quit: 5` as a number: a whole number is taken as written. true/false (`on`, `yes`),
    other numbers and nothing would not come back as written, and a list or a mapping is
    no key: one line each, saying what to write."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if binding is None:
        raise UserError(f"{where}: keymap: a binding id must be text, like quit (got {value_kind(value)})")
    if value is None:
        raise UserError(f"{where}: keymap: {binding} has no keys; write {binding}: \"\" to take its keys "
                        "away, or leave the line out to keep them")
    # An example only from the keys written: "q,ctrl+q" told `bookmark: on` to take quit's keys.
    example = ""
    if isinstance(value, (dict, list)):
        why = f"got {value_kind(value)}; join several keys with commas"
        if isinstance(value, list) and value and all(isinstance(k, (str, int)) and not isinstance(k, bool)
                                                      for k in value):
            example = f", like {binding}: \"{','.join(str(k) for k in value)}\""  # `[b, x]` means "b,x"
    else:
        why = f"YAML reads {value!r} as {value_kind(value)}; put the keys in quotes"
    raise UserError(f"{where}: keymap: {binding} must be keys as text{example} ({why})")


def parse_config(text: str, source: Path | None = None) -> Config:
    """Validate YAML text into a `Config`; raise `UserError` naming the file and the key."""
    import yaml  # (here, not at the top: a command run without a config file never loads PyYAML, ~25 ms)

    from newsreader import yamlload

    where = str(source) if source else "config"
    try:
        raw = yaml.load(text, Loader=yamlload.SafeLoader)  # noqa: S506 - a safe loader
    except yamlload.DuplicateKey as exc:  # (PyYAML keeps the last one: a pasted line moved the corpus, U1 #4)
        raise UserError(f"{where}: line {exc.line}: {exc.problem}; keep one of them") from None
    except (yaml.YAMLError, RecursionError) as exc:  # (RecursionError: nested too deeply for the loader)
        line = f" at line {n}" if (n := yamlload.error_line(exc)) else ""
        problem = "nested too deeply" if isinstance(exc, RecursionError) else getattr(exc, "problem", None) or exc
        raise UserError(
            f"{where}: not valid YAML{line}: {problem}; "
            "fix the file or move it aside to use the defaults"
        ) from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise UserError(f"{where}: expected a mapping of settings (key: value), got {value_kind(raw)}")
    values: dict[str, Any] = {}
    at = _KeyLines(text, where)
    for key, value in raw.items():
        setting = SETTINGS.get(str(key))
        if setting is None:
            known = ", ".join(sorted(SETTINGS))
            raise UserError(f"{at(key)}unknown setting {key!r}; known settings are: {known}")
        if value is None:
            continue
        if isinstance(value, str) and setting.kind == (int, float):
            value = _number(value)  # YAML 1.1 reads `1e9` (no dot) as text
        if isinstance(value, bool) or not isinstance(value, setting.kind):
            # The meaning after a colon: a help with brackets in brackets read badly (Q5 C4).
            raise UserError(f"{at(key)}{key} must be {_describe(setting.kind)}: {setting.help}")
        values[str(key)] = value
    config = Config(source=source)
    if "corpus" in values:
        if not values["corpus"].strip():  # Path("") is the current folder: never meant
            raise UserError(f"{at('corpus')}corpus is empty; name a folder, or leave the key out "
                            "for the bundled seeds")
        corpus = expand_home(values["corpus"], f"{where}: corpus")
        if source is not None and not corpus.is_absolute():
            corpus = _relative_corpus(config, corpus, source)
        config.corpus = corpus
    if "theme" in values:
        config.theme, config.theme_set = values["theme"], True
    if "keymap" in values:
        config.keymap = {_keymap_text(k, where): _keymap_text(v, where, k) for k, v in values["keymap"].items()}
    if "max_page_mb" in values:
        if not math.isfinite(values["max_page_mb"]) or values["max_page_mb"] <= 0:  # .inf, .nan
            raise UserError(f"{at('max_page_mb')}max_page_mb must be a number above 0, like 10")
        config.max_page_mb = values["max_page_mb"]
    if "extensions" in values:
        exts = values["extensions"]
        if not exts or not all(isinstance(e, str) and e.strip(".") for e in exts):
            raise UserError(f"{at('extensions')}extensions must be a list of file endings like .txt")
        config.extensions = [e if e.startswith(".") else f".{e}" for e in exts]
    if "extractor" in values:
        if values["extractor"] not in ("rules", "spacy"):
            raise UserError(f"{at('extractor')}extractor must be 'rules' or 'spacy'")
        config.extractor = values["extractor"]
    return config


class _KeyLines:
    """`at(key)`: the start of a message about a top-level key, naming the file and the key's line
    ("config.yaml: line 4: "), as bad YAML is said with its line (README: "naming the file, the key and
    the line"; Q10 F7). The YAML is composed again for it only when a message is made."""

    def __init__(self, text: str, where: str) -> None:
        self.text, self.where = text, where

    def __call__(self, key: Any) -> str:
        import yaml

        try:
            node = yaml.compose(self.text)
        except (yaml.YAMLError, RecursionError):
            node = None
        for key_node, _ in getattr(node, "value", None) or ():
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                return f"{self.where}: line {key_node.start_mark.line + 1}: "
        return f"{self.where}: "


def _relative_corpus(config: Config, written: Path, source: Path) -> Path:
    """A relative `corpus:`, made absolute. It is the config file's folder's (Q7 #8: it named
    another folder from each folder a command ran in), made absolute as `paths` shows it. It
    was the current folder's until then: a user who always ran from the corpus's parent got
    "does not exist" and no word of the change (RV18-A #6). So when the config's folder has
    no such folder and the current folder has, that one is used, with a warning saying how
    to write it; when neither has, the error names both (`corpus_also_tried`)."""
    beside = Path(os.path.abspath(source.parent / written))
    here = Path(os.path.abspath(written))
    if here == beside or beside.exists():
        return beside
    if not here.exists():
        config.corpus_also_tried = here
        return beside
    config.warnings.append(
        f"{source}: corpus: {str(written)!r} is taken from the config file's folder, where {beside} does not "
        f"exist, so {here} (from the current folder, as before) is used; write the path absolute "
        f"(corpus: {here}) or relative to {source.parent}")
    return here


def check_extractor(config: Config, option: str | None = None) -> None:
    """Raise `UserError` when the entity extractor chosen (`option`, the `extract --backend`,
    else the config's `extractor:`) is not installed, naming what chose it and both ways
    out. Looked up, not imported: the indexer's workers load it, not the run that checks."""
    backend = option or config.extractor
    if backend != "spacy" or importlib.util.find_spec("spacy") is not None:
        return
    if option:
        chosen, back = "--backend spacy", "use --backend rules"
    else:
        chosen = f"`extractor: spacy` in {config.source or 'the config'}"
        back = "set `extractor: rules` there (the default)"
    raise UserError(f"{chosen} selects the spacy extractor, which is not installed: "
                    f'pip install "newsreader[spacy]" and python -m spacy download en_core_web_sm, or {back}')


#: Where `config_name_warnings` keeps its last answers, in the cache folder: the keymap's and
#: themes' (`_keymap_theme_warnings`), and the cue files' (`user_cue_warnings`).
NAMES_CHECK_FILE = "config-names-check.json"
CUES_CHECK_FILE = "cue-files-check.json"


def config_name_warnings(config: Config, paths: Paths) -> list[str]:
    """What every command says first, one line each: what reading the config found
    (`Config.warnings`), the problems of its keymap and theme and of the user's theme files
    (`_keymap_theme_warnings`), and the entries of the user's cue files that are skipped
    (`user_cue_warnings`)."""
    return [*config.warnings, *_keymap_theme_warnings(config, paths), *user_cue_warnings(paths)]


def user_cue_warnings(paths: Paths) -> list[str]:
    """The skipped entries of the user's cue files (a two-word title head, a number where a word
    should be: `extract.resources.user_cue_warnings`), said by every command as the keymap's
    problems are, and shown by the reader: the extractor's lists are kept in the cache folder
    once built, so the run that builds them is the only one that reads the files. Nothing is
    read without a cue folder holding files (one listing); the answer is kept in the cache
    folder, keyed by the files' size and time and the code that checks them, so an unchanged
    folder is not parsed again by each command (~20 ms: RV19-C #1)."""
    folder = paths.user_cues_dir
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    if not any(name.endswith((".yaml", ".yml")) for name in names):
        return []
    from newsreader import __version__

    key_parts = [__version__, str(folder)]
    code = [Path(__file__).with_name("extract") / "resources.py", Path(__file__).with_name("yamlload.py")]
    for file in [*code, *(folder / name for name in names)]:
        with contextlib.suppress(OSError):
            key_parts.append(_file_key(file))

    def check() -> list[str]:
        from newsreader.extract.resources import user_cue_warnings as skipped_entries

        return skipped_entries()

    return _kept_lines(paths, CUES_CHECK_FILE, key_parts, check)


def _file_key(file: Path) -> str:
    """A file's part of a `_kept_lines` key: its size, times and inode. The ctime moves on every
    write, chmod, `touch -r` and rename (an editor's atomic save) and cannot be set back: with
    the size and mtime only, an edit of the same size given its old mtime, or a file made
    unreadable, kept the old answer (RV21-C #4)."""
    st = file.stat()
    return f"{file}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def _kept_lines(paths: Paths, name: str, key_parts: list[str], work: Any) -> list[str]:
    """`work()`'s lines, kept in the cache folder's file `name` with the digest of `key_parts`
    (what they depend on) and worked out again only when that changed. A `work` that fails
    gives no lines (and nothing is kept): a check must not stop search or index."""
    import json

    key = hashlib.sha1("\0".join(key_parts).encode("utf-8", "surrogateescape")).hexdigest()
    cache = paths.cache_dir / name
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        lines = cached["lines"] if cached.get("key") == key else None
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        lines = None
    if lines is None:
        try:
            lines = work()
        except Exception:  # noqa: BLE001 - (a reader that cannot load: Textual broken)
            return []
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f".{name}.{os.getpid()}")
            tmp.write_text(json.dumps({"key": key, "lines": lines}), encoding="utf-8")
            os.replace(tmp, cache)
    return lines


def _keymap_theme_warnings(config: Config, paths: Paths) -> list[str]:
    """Every problem of the config's keymap and theme and of the user's theme files
    (`config_problems`), one line each, for every command to say (only the reader said most of
    them, once, in notices that scrolled away). Warnings, not errors: a config written for an
    older version (an id renamed since) or a theme file broken or removed must not stop
    scripts; the reader ignores such an id or key and uses its default theme.

    The ids are the reader's own (`tui.app.all_bindings`) and the themes its own (bundled,
    the user's files, Textual's), whose import costs ~0.4 s: so the answer is kept in the
    cache folder (`_kept_lines`), keyed by what it depends on (the keymap and theme asked
    about, this version's reader modules and the theme files, by size and time), and worked
    out again only when one of them changed. Nothing is looked at for the defaults (no keymap,
    the default theme, no theme files of the user's)."""
    from newsreader import __version__

    default_theme = SETTINGS["theme"].default
    theme_dirs = [themes_dir(), paths.user_themes_dir]  # (tui.themes.theme_folders, without Textual)
    user_themes = []
    with contextlib.suppress(OSError):
        user_themes = sorted(p for p in os.listdir(theme_dirs[1]) if p.endswith((".yaml", ".yml")))
    # The theme the reader would use: a Ctrl+P pick kept in the state wins over the config's
    # (RV18-C #2: the reader's "problems remain: `newsreader paths` lists them" was untrue
    # for a pick whose file had gone).
    wanted, chosen_in = theme_in_use(config, paths)
    if not config.keymap and wanted == default_theme and not user_themes:
        return []
    key_parts = [__version__, wanted, chosen_in, *(f"{bid}\0{keys}" for bid, keys in sorted(config.keymap.items()))]
    tui = Path(__file__).with_name("tui")
    with contextlib.suppress(Exception):
        from importlib.metadata import version

        key_parts.append(version("textual"))  # Textual's own themes and key names
    for folder, pattern in [(tui, "*.py"), *((d, p) for d in theme_dirs for p in ("*.yaml", "*.yml"))]:
        with contextlib.suppress(OSError):
            for file in sorted(folder.glob(pattern)):
                key_parts.append(_file_key(file))

    def check() -> list[str]:
        return [f"{{config}}: {line}" if line.startswith(("keymap:", "theme:")) and (
                chosen_in != "reader" or line.startswith("keymap:"))
                else READER_THEME + line.removeprefix("theme: ") if line.startswith("theme:") else line
                for line in config_problems(config, paths, theme=wanted)]

    lines = _kept_lines(paths, NAMES_CHECK_FILE, key_parts, check)
    return [line.replace("{config}", str(config.source or "config")) for line in lines]


#: How the warning about a theme picked in the reader (not the config's) starts.
READER_THEME = "theme chosen in the reader with Ctrl+P: "


def theme_in_use(config: Config, paths: Paths) -> tuple[str, str]:
    """The theme the reader starts with and where it was chosen ("reader", "config" or
    "default"): a Ctrl+P choice, saved in the state, wins over the config's `theme`, and
    editing the config then changed nothing, unsaid (Q7 #10). The state is read with writes
    refused (`paths` changes nothing), and not read-only, whose close left its -wal and -shm
    files behind; one that cannot be read names none. Whether the theme can be had is said by
    the warnings (`_keymap_theme_warnings`, `theme_missing`): the reader falls back."""
    import json
    import sqlite3

    chosen = None
    store_file = paths.store_file
    if store_file.is_file():
        try:
            with contextlib.closing(sqlite3.connect(store_file)) as db:
                db.execute("PRAGMA query_only = 1")
                row = db.execute("SELECT value FROM preferences WHERE key = 'theme'").fetchone()
            chosen = json.loads(row[0]) if row else None
        except (sqlite3.Error, ValueError):
            chosen = None
    if isinstance(chosen, str) and chosen:
        return chosen, "reader"
    named = config.theme_set or config.theme != SETTINGS["theme"].default
    return config.theme, "config" if named else "default"


def theme_missing(config: Config, warnings: list[str]) -> bool:
    """Whether the theme the reader would use (`theme_in_use`) cannot be had, so that it uses
    its default instead: one of the `warnings` every command said first (`config_name_warnings`,
    passed in: `paths` checked the config twice) is about it."""
    source = f"{config.source or 'config'}: theme: "
    return any(line.startswith((source, READER_THEME)) for line in warnings)


def config_problems(config: Config, paths: Paths, *, theme: str | None = None, loaded: Any = None,
                    plan: Any = None) -> list[str]:
    """The one list of what is wrong in the config's keymap and theme and in the user's theme
    files, one line each: every command says them (`config_name_warnings`) and the reader
    shows them (its notices), so the two cannot disagree. Keymap lines start `keymap: `
    (`tui.keymap.keymap_problems`), a line about the theme asked for `theme: ` and a skipped
    theme file's `theme skipped: ` (`tui.themes.theme_problems`). The reader passes what it
    has already worked out: the theme it wants (`theme`: the one picked in its Ctrl+P, else
    the config's), its `loaded` themes and its keymap `plan`."""
    from newsreader.tui.app import all_bindings, scoped_bindings
    from newsreader.tui.keymap import KeymapPlan, keymap_problems, known_keys, plan_keymap
    from newsreader.tui.themes import load_themes, theme_folders, theme_problems

    lines = []
    if config.keymap:
        if plan is None:
            from textual.app import App

            plan = plan_keymap(App._normalize_keymap(known_keys(config.keymap)), scoped_bindings(inherited=True))
        lines += keymap_problems(config.keymap, (b.id for b in all_bindings() if b.id), plan or KeymapPlan())
    if loaded is None:
        loaded = load_themes(theme_folders(paths.config_dir))
    return lines + theme_problems(loaded, config.theme if theme is None else theme, SETTINGS["theme"].default)


def load_config(paths: Paths) -> Config:
    """Read the user's config file if there is one; a missing file means defaults."""
    path = paths.config_file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text; save it as UTF-8 or move it aside") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read the config file ({exc.strerror})") from None
    return parse_config(text, path)


def save_setting(paths: Paths, key: str, value: Any) -> None:
    """Persist one setting, keeping the rest of the user's file as it was."""
    import yaml

    path = paths.config_file
    try:
        existing = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        existing = {}
    if not isinstance(existing, dict):
        raise UserError(f"{path}: expected a mapping of settings; not changing it")
    existing[key] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(yaml.safe_dump(existing, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
