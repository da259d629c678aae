"""The config's keymap over the reader's own keys: what the user maps wins.

Textual applies a keymap node by node: within one widget's bindings a remapped key replaces
the default that had it, but across the focus chain the focused widget's own binding still
comes first. So `search: j` showed "j Search" in the key hints while `j` went on moving the
list. Here a key the user gives to a binding is taken away from the reader's default
bindings that are active at the same time below it (the list, the article, the side pane
under the main screen; the app's keys are not active under a modal screen). A default left
with no key at all, or one key given to two bindings that meet, is said once at start.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, _normalize_key_list, key_to_character

#: Where a binding is active, from the app down: a binding is active together with every
#: binding whose scope starts with its own (and they with it).
Scope = tuple[str, ...]


@dataclass
class KeymapPlan:
    """The keys in force once the user's keymap has taken its keys."""

    #: key -> ids of the bindings the user gave it to
    taken: dict[str, frozenset[str]] = field(default_factory=dict)
    #: binding id -> its keys in force, comma-separated ("" when it has none left)
    keys: dict[str, str] = field(default_factory=dict)
    #: default key -> ids of the bindings the user gave no key at all (`quit: ""`), which
    #: Textual's keymap ignores (it keeps the default for an empty value)
    unbound: dict[str, frozenset[str]] = field(default_factory=dict)
    #: ids of the reader's bindings (only these give up keys; Textual's own widgets keep theirs)
    reader_ids: frozenset[str] = frozenset()
    #: one line per problem the user should hear about
    problems: list[str] = field(default_factory=list)


def _split(keys: str) -> list[str]:
    return [_fold(k) for k in _normalize_key_list(keys).split(",") if k]


def _fold(key: str) -> str:
    """`key` with its modifiers and a name longer than one character in lower case (`F5` is
    `f5`, `Ctrl+PageDown` is `ctrl+pagedown`): Textual's key names are all lower case, so
    no two differ in case alone, and `F5` was a key no press sends. A single character
    keeps its case (`A` is shift+a)."""
    if key == "+" or key.islower():
        return key
    *mods, base = key.split("+")
    return "+".join([*(m.lower() for m in mods), base if len(base) == 1 else base.lower()])


#: Names of keys that are not one character (`escape`, `f5`, `pagedown`, `slash`, ...).
_KEY_NAMES = frozenset(k.value for k in Keys) | frozenset(
    _character_to_key(c) for c in string.printable if len(_character_to_key(c)) > 1)
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def unknown_key(keys: str) -> str | None:
    """The first of `keys` that names no key ("zz", "ctrl+entr", "ctl+x"), or None: Textual
    takes any text, so such a binding would silently never run. A character Textual names
    ("£" is `pound_sign`, as is the key its press sends) is a key. A value that is not
    blank but holds no key (`","`: Textual's name for the comma is `comma`) is no key
    itself; it was taken as an empty value and took the binding's keys away."""
    if keys.strip() and not _split(keys):
        return keys.strip()
    for key in _split(keys):
        *mods, base = key.split("+") if key != "+" else [key]
        named = len(base) == 1 or base in _KEY_NAMES or _typed_character(base)
        if any(m not in _MODIFIERS for m in mods) or not named:
            return key
    return None


#: Below this, a symbol character (`So`: °, ©, №, ™) is one keyboard layouts type; from it on
#: (arrows drawn as pictures, box drawing, dingbats, emoji) none does.
_PICTURES_FROM = 0x2190


def _typed_character(name: str) -> bool:
    """Whether `name` is Textual's name for a character a key press sends (`pound_sign`,
    `euro_sign`, `section_sign`): Textual reads any Unicode character name as that
    character, so `ctrl+shift+banana` was taken (the hints showed "shift+^🍌") and took
    the binding's keys away. A name is a key when it is the name Textual gives a press of
    that character (a letter's or digit's press is the character itself, never its name)
    and the character is not a picture (`_PICTURES_FROM`)."""
    character = key_to_character(name)
    if character is None or len(character) != 1 or _character_to_key(character) != name:
        return False
    return not (unicodedata.category(character) == "So" and ord(character) >= _PICTURES_FROM)


def known_keys(keymap: dict[str, str]) -> dict[str, str]:
    """The keymap without the keys that name no key (`unknown_key`, said at start): the
    binding keeps the keys it was given that are keys, or, given none, its own defaults.
    Textual took `quit: "ctrl+zz"` as it was: `q` no longer quit and the hints said
    "^zz quit". An empty value (no key, on purpose) stays as it is."""
    out = {}
    for bid, keys in keymap.items():
        given = _split(keys)
        good = [k for k in given if unknown_key(k) is None]
        if good or unknown_key(keys) is None:  # (an empty value: no key, on purpose)
            out[bid] = ",".join(good)
    return out


#: How to write keys, said after a key that is none.
KEYS_LIKE = "write keys like x, ctrl+x, shift+tab, f5, pagedown, question_mark"


def keymap_problems(keymap: dict[str, str], known: Iterable[str], plan: KeymapPlan) -> list[str]:
    """Every problem of the config's `keymap`, one line each, for every command's warnings
    and the reader's notices alike (`config.config_problems`): each id the reader does not
    have (all of them: only the first was named), each key that names no key, then the
    keys the keymap takes from the reader's own bindings (`plan`, `plan_keymap` of the
    keymap's `known_keys`)."""
    import difflib

    ids = sorted(set(known))
    lines = []
    for bid in sorted(set(keymap) - set(ids)):
        close = difflib.get_close_matches(bid, ids, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        lines.append(f"keymap: {bid!r} is no binding id of the reader{hint}; it is ignored, "
                     "and the reader's ? lists the ids")
    kept = known_keys({bid: keys for bid, keys in keymap.items() if bid in set(ids)})
    for bid, keys in sorted(keymap.items()):
        bad = unknown_key(keys) if bid in ids else None
        if bad:
            left = "left out" if bid in kept else f"{bid} keeps its own keys"
            lines.append(f"keymap: {bid}: {bad!r} is not a key, {left} ({KEYS_LIKE})")
    return lines + plan.problems


def key_name(key: str) -> str:
    """A key as the user would write it in the config (`?` rather than `question_mark`)."""
    return key_to_character(key) or key


def _within(inner: Scope, outer: Scope) -> bool:
    return inner[:len(outer)] == outer


def plan_keymap(keymap: dict[str, str], scoped: Iterable[tuple[Scope, Binding]]) -> KeymapPlan:
    """Which default keys the user's keymap takes, and what is then worth telling the user.
    `scoped` holds every binding of each scope, inherited ones too: a widget's own binding
    without an id (an option list's arrow keys) still serves its action when the reader's
    binding for it lost its keys. Unknown binding ids are left to the caller."""
    defaults: dict[str, list[str]] = {}
    scope_of: dict[str, Scope] = {}
    about: dict[str, Binding] = {}
    spare: dict[tuple[Scope, str], list[str]] = {}  # keys of bindings without an id, by action
    for scope, b in scoped:
        if b.id:
            keys = defaults.setdefault(b.id, [])
            keys.extend(k for k in _split(b.key) if k not in keys)
            scope_of[b.id], about[b.id] = scope, b
        else:
            spare.setdefault((scope, b.action), []).extend(_split(b.key))
    user = {bid: _split(keys) for bid, keys in keymap.items() if bid in scope_of}
    plan = KeymapPlan(reader_ids=frozenset(scope_of))
    taken: dict[str, set[str]] = {}
    for bid, keys in user.items():
        for key in keys:
            taken.setdefault(key, set()).add(bid)
    plan.taken = {key: frozenset(ids) for key, ids in taken.items()}
    unbound: dict[str, set[str]] = {}
    for bid in (bid for bid, keys in user.items() if not keys):
        for key in defaults[bid]:
            unbound.setdefault(key, set()).add(bid)
    plan.unbound = {key: frozenset(ids) for key, ids in unbound.items()}
    for bid, scope in scope_of.items():
        keys = user.get(bid, defaults[bid])
        if bid not in user:
            lost = [k for k in keys if any(_within(scope, scope_of[owner]) for owner in taken.get(k, ()))]
            keys = [k for k in keys if k not in lost] or spare.get((scope, about[bid].action), [])
            if lost and not keys:
                b = about[bid]
                plan.problems.append(
                    f"keymap: {key_name(lost[0])} now runs {sorted(taken[lost[0]])[0]}, so {bid} "
                    f"({b.description or b.action}) has no key left; give it one in the config's keymap")
        plan.keys[bid] = ",".join(keys)
    for key, ids in sorted(taken.items()):
        # A default binding above the user's keeps the key where the user's is not active.
        above = sorted((bid, owner) for owner in ids for bid in scope_of
                       if bid not in user and key in defaults[bid]
                       and len(scope_of[bid]) < len(scope_of[owner]) and _within(scope_of[owner], scope_of[bid]))
        if above:
            bid, owner = above[0]
            plan.problems.append(f"keymap: {key_name(key)} runs {owner} in the {scope_of[owner][-1]} "
                                 f"pane; elsewhere it still runs {bid}")
        met = sorted(ids)
        clash = [(a, c) for i, a in enumerate(met) for c in met[i + 1:]
                 if _within(scope_of[a], scope_of[c]) or _within(scope_of[c], scope_of[a])]
        if clash:
            a, c = clash[0]
            plan.problems.append(f"keymap: {key_name(key)} is given to both {a} and {c}; "
                                 "give one of them another key")
    return plan


def give_taken_keys(chain: list[tuple[Any, Any]], plan: KeymapPlan) -> None:
    """Take the user's keys from the reader's default bindings below the binding the user
    gave them to, and the default keys of bindings the user left without one, in a screen's
    binding chain (focused widget first, a copy per key press)."""
    for key, ids in plan.unbound.items():
        for _, bindings in chain:
            found = bindings.key_to_bindings.get(key)
            if found and all(b.id in ids for b in found):
                del bindings.key_to_bindings[key]
    for key, owners in plan.taken.items():
        holder = next((i for i, (_, bindings) in enumerate(chain)
                       if any(b.id in owners for b in bindings.key_to_bindings.get(key, ()))), 0)
        for _, bindings in chain[:holder]:
            found = bindings.key_to_bindings.get(key)
            if found and all(b.id in plan.reader_ids for b in found):
                del bindings.key_to_bindings[key]
