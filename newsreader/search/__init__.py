"""Full-text search over a corpus: a Whoosh index plus a SQLite article store.

All Whoosh imports stay inside this package so the engine can be swapped in one place.
The reader and the CLI use `Library` (see library.py).

The package's names are looked up on first use (PEP 562), not on import: the reader
imports `schema` (whoosh-free) before its list shows, and importing the package must not
load `library`, and with it Whoosh (~115 ms), then.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.machinery import ModuleSpec, PathFinder
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsreader.search.library import Hit, Library, SearchResult, StoredArticle
    from newsreader.search.schema import QueryError

_HOMES = {"Hit": "library", "Library": "library", "SearchResult": "library", "StoredArticle": "library",
          "QueryError": "schema"}

__all__ = ["Hit", "Library", "QueryError", "SearchResult", "StoredArticle"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


#: Modules Whoosh imports for one name it never uses here, so a search does not pay for them: whoosh.compat
#: imports `urllib.request` (and with it http.client, email, ssl, socket) for `urlretrieve`; whoosh.reading
#: imports the `cached_property` backport, which imports asyncio for coroutine properties (Whoosh's one
#: cached property is a plain one); whoosh.query.terms imports `whoosh.lang.morph_en` for `variations`
#: (Whoosh's `Variations` query, which newsreader does not make), whose import compiles six large regular
#: expressions. Together ~45% of importing Whoosh, ~210 M instructions of a cold `newsreader search`.
#: While the module on the left runs, the one on the right is a stand-in (`_stand_in`) whose names import
#: the real module when called; it leaves `sys.modules` at once after: a later import gets the real module.
LIGHT_IMPORTS = {"whoosh.compat": "urllib.request", "whoosh.reading": "cached_property",
                 "whoosh.query.terms": "whoosh.lang.morph_en"}


class _CachedProperty:
    """The `cached_property` backport's descriptor for a plain method: computed once, then an attribute."""

    def __init__(self, func: Any) -> None:
        self.__doc__ = getattr(func, "__doc__", None)
        self.func = func

    def __get__(self, obj: Any, cls: Any) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value


def _when_called(module: str, name: str) -> Any:
    """`module.name`, a function, imported when called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call


def _stand_in(name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    if name == "cached_property":
        module.cached_property = _CachedProperty  # type: ignore[attr-defined]
    elif name == "urllib.request":
        module.urlretrieve = _when_called(name, "urlretrieve")  # type: ignore[attr-defined]
    else:
        module.variations = _when_called(name, "variations")  # type: ignore[attr-defined]
    return module


class _WithStandIn:
    """A module's own loader, run with `name` standing in (see LIGHT_IMPORTS)."""

    def __init__(self, loader: Any, name: str) -> None:
        self.loader, self.name = loader, name

    def create_module(self, spec: ModuleSpec) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        stand_in = sys.modules.setdefault(self.name, _stand_in(self.name))
        try:
            self.loader.exec_module(module)
        finally:
            if sys.modules.get(self.name) is stand_in and stand_in.__spec__ is None:
                del sys.modules[self.name]

    def __getattr__(self, attr: str) -> Any:  # get_source, get_data, ...: the module's own loader's
        return getattr(self.loader, attr)


class _LightImports:
    """A finder (first in `sys.meta_path`) for the modules of LIGHT_IMPORTS, not imported yet."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        stand_in = LIGHT_IMPORTS.get(name)
        if stand_in is None or stand_in in sys.modules:
            return None
        spec = PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _WithStandIn(spec.loader, stand_in)
        return spec


if not any(isinstance(finder, _LightImports) for finder in sys.meta_path):
    sys.meta_path.insert(0, _LightImports())
