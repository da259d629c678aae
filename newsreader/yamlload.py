"""YAML read with libyaml where that is safe: the one decision of which texts could nest too deep for it.

libyaml's loader (PyYAML's `CSafeLoader`) builds nested values by recursing in C: a text that nests deep enough
(about 25,000 levels with an 8 MB stack: 100,000 "[", or "- " written 30,000 times on one line) overflows the
stack, a segmentation fault and no exception. The pure-Python loader raises RecursionError instead, which the
callers tell in one line. Users write both kinds of file read here: themes (tui/themes.py) and the extractor's cue
lists (extract/resources.py), and the page parser's cue file is read the same way (corpus/parser.py).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from newsreader.errors import value_kind

#: The deepest nesting a text may be able to reach and still go to libyaml: far below the depth that overflows
#: the C stack (a thread's stack may be smaller than the main one's), far above what a theme or a word list needs
#: (theirs: under 200), and about where the pure-Python loader stops with RecursionError anyway.
C_LOADER_MAX_DEPTH = 1_000
#: What ends a line to YAML (1.1, as PyYAML reads it): a line split at these is never longer than YAML's.
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


def could_nest_too_deep(text: str) -> bool:
    """Could `text` nest `C_LOADER_MAX_DEPTH` levels or more? Each level of flow nesting opens with a bracket ("["
    or "{"); each level of block nesting takes a column of the line where its deepest value stands (indented under
    its parent, or after a "- ", "? " or ": " of its own on the line; a sequence under a mapping key may share
    the key's column, and its entries' values then stand two columns in). So the brackets plus the longest line
    bound the depth. A length limit alone (200,000 characters) let "- " * 60,000 through to libyaml: a crash."""
    brackets = text.count("[") + text.count("{")
    if brackets + len(text) < C_LOADER_MAX_DEPTH:
        return False  # (the usual small theme: no need to split it)
    return brackets + max(map(len, _LINE_BREAKS.split(text))) + 2 >= C_LOADER_MAX_DEPTH


def load(text: str, fast: Any, slow: Any) -> Any:
    """`yaml.load` of `text` with the libyaml loader `fast` (None: PyYAML has none) unless the text could nest
    too deep for it, else with the pure-Python loader `slow` (both safe loaders). A text `fast` refuses is read
    again by `slow`, so a mistake is told by one loader's words whichever read it first."""
    if fast is not None and not could_nest_too_deep(text):
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=slow)  # noqa: S506 - a safe loader


def error_line(exc: BaseException, text: str | None = None) -> int | None:
    """The line (from 1) a YAML error points at, or None (a RecursionError, or an error with no mark): the one
    reading of PyYAML's mark for every reader of YAML (config, themes, cue files, bookmark imports). A file that
    ends too soon (`corpus: [unclosed`) has its mark past its last line ("line 2" for a one-line file; libyaml's
    even without a closing line break): that is the last line holding anything. `text` is the text read: the
    pure-Python reader's mark holds it (every reader here reads a text libyaml refused again with it: `load`),
    libyaml's does not."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    if text is None:
        text = getattr(mark, "buffer", None)
    line = mark.line
    if text:
        lines = _LINE_BREAKS.split(text.rstrip("\0").replace("\r\n", "\n"))
        filled = [n for n, content in enumerate(lines) if content.strip()]
        if filled and line > filled[-1]:
            line = filled[-1]
    return line + 1


class DuplicateKey(yaml.constructor.ConstructorError):
    """A mapping that names one key twice. YAML forbids it, but PyYAML keeps the last value without a word: a pasted
    second `corpus:` line pointed a user's corpus at /tmp (U1 #4). `key` is the key as written, `first` and
    `line` the lines (from 1) of its first and second writing; `problem` says it in words."""

    def __init__(self, key: str, first: int, node: Any, same: bool = False) -> None:
        self.key, self.first, self.line = key, first, node.start_mark.line + 1
        # (`same`: both give the one value: refused all the same, as YAML has it, but said, so the user sees
        # that removing either line changes nothing)
        both = ", both to the same value" if same else ""
        super().__init__(None, None, f"`{key}` is set twice (line {first} and line {self.line}{both})",
                         node.start_mark)


class UniqueKeys:
    """A loader's mixin (before the loader class in the bases) that refuses a mapping naming a key twice
    (`DuplicateKey`), for every file of settings or words a user writes: config.yaml, themes, cue files. Keys are
    compared as read (`1` and `01` are one key, as the mapping would have them), and by their place in the
    mapping (a key written again through an alias, `*k :`, is the same node: RV30-L). A merge (`<<: *base`) may
    give a key the mapping then sets again: that is what a merge is for, so merged keys are not counted."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for place, (key_node, value_node) in enumerate(node.value):
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node)  # type: ignore[attr-defined]
                try:
                    first = seen.setdefault(key, place)
                except TypeError:  # (unhashable: the loader says so itself)
                    continue
                if first != place:
                    first_key, first_value = node.value[first]
                    same = (isinstance(value_node, yaml.ScalarNode) and isinstance(first_value, yaml.ScalarNode)
                            and (value_node.tag, value_node.value) == (first_value.tag, first_value.value))
                    at = value_node if key_node is first_key else key_node  # (an alias: the anchor's line)
                    raise DuplicateKey(key_node.value, first_key.start_mark.line + 1, at, same)
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class SafeLoader(UniqueKeys, yaml.SafeLoader):
    """`yaml.SafeLoader` that refuses a key set twice."""


#: `yaml.CSafeLoader` (libyaml) that refuses a key set twice; None when PyYAML has no libyaml.
CSafeLoader: Any = (type("CSafeLoader", (UniqueKeys, yaml.CSafeLoader), {"__doc__": SafeLoader.__doc__})
                    if hasattr(yaml, "CSafeLoader") else None)


class Unusable(Exception):
    """A YAML file of settings or words that cannot be used: `problem` says what is wrong with it, `first` what to
    do first (the caller names the file and what else to do, in one line)."""

    def __init__(self, problem: str, first: str = "correct it") -> None:
        super().__init__(problem)
        self.problem, self.first = problem, first


def read_mapping(path: Any, fast: Any, slow: Any) -> dict[Any, Any]:
    """The mapping of the YAML file at `path` (a Path or a package resource; {} for an empty file), read by `load`.
    Unusable for a file that is not UTF-8, binary, not YAML, nested too deeply or not a mapping: the problem in
    words, with the parser's line, for the caller's one line (a traceback named no file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise Unusable(f"not UTF-8 text (byte {exc.start + 1})", "save it as UTF-8") from None
    except OSError as exc:
        raise Unusable(f"cannot read it ({exc.strerror or exc})") from None
    if "\0" in text:
        raise Unusable("a binary file (it holds NUL bytes), not YAML text")
    try:
        data = load(text, fast, slow)
    except DuplicateKey as exc:
        raise Unusable(exc.problem, "keep one of them") from None
    except yaml.YAMLError as exc:
        line = error_line(exc)
        said = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise Unusable(f"not valid YAML{f' at line {line}' if line else ''} ({said})") from None
    except RecursionError:
        raise Unusable("not valid YAML (nested too deeply)") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise Unusable("expected a mapping of lists (`key:` lines with `- word` lines under them), "
                       f"not {value_kind(data)}")
    return data


class _WordLoader(UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML 1.1 reads on, off, yes and no as booleans; in word lists they are words (the page parser's
    `continuation_words` held "true" for "on": a paragraph cut after "on" was not joined). libyaml's parser when
    PyYAML has it: the name lists read ten times faster."""


class _PlainWordLoader(UniqueKeys, yaml.SafeLoader):
    """`_WordLoader` in pure Python: for a text that could nest too deep for libyaml."""


_WordLoader.yaml_implicit_resolvers = _PlainWordLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_words(path: Any) -> dict[Any, Any]:
    """`read_mapping` of a file of word lists (the extractor's and the page parser's cue files): on, off, yes and no
    stay words."""
    return read_mapping(path, _WordLoader if hasattr(yaml, "CSafeLoader") else None, _PlainWordLoader)
