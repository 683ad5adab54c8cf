"""The code a picture runs, hashed by meaning: docstrings, comments and layout do not count.

Each Python file is parsed with ``ast``; docstrings (module, class, function) are dropped,
and what is hashed is ``ast.dump`` of the statements, so comments and formatting vanish
by themselves. Only local modules count (``site_src.*`` and ``scripts.*``); libraries
are pinned by their version in the render settings instead.

Which statements count, starting from the picture file (all of it):

* ``from site_src.activations import sigmoid``: only the top-level definitions of
  ``site_src.activations`` that ``sigmoid`` reaches count: every name its statement
  mentions (in the body too), followed transitively, so constants, helpers and the
  imports it uses are in, and ``relu`` is out.
* ``from site_src import activations as act`` (a module used as an object): when every
  use in the importing file is an attribute (``act.sigmoid``), those attributes count as
  above; a bare use (``f(act)``, ``getattr(act, name)``) makes the whole module count.
* A module that is imported runs: its statements that may have effects on import
  (anything but plain ``def``, ``class`` without a base from this module, ``import`` and
  ``NAME = value`` without calls, for example ``RNG = np.random.default_rng(0)`` or a
  decorated function) always count, and so do the modules it imports.
* Anything unclear makes the whole module count: a star import, ``globals()``,
  ``vars()``, ``eval``, ``exec``, ``__import__``, ``importlib``, ``sys.modules`` or a
  module-level ``__getattr__``.

Code that reads source text (``__doc__``, ``inspect``) makes the exact text of every file
the picture runs count, comments and docstrings included.

One assumption: reading a value (``x.attr``, ``x[i]``, ``a + b``) does not change other
state. Everything else errs on the side of counting too much, never too little.
"""

import ast
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from scripts.render import ROOT

LOCAL_PACKAGES = ("site_src", "scripts")
DYNAMIC_NAMES = {"globals", "vars", "eval", "exec", "__import__", "importlib"}
# builtins that only compute a value: calling them at import time changes nothing else
PURE_CALLS = {
    "abs",
    "bool",
    "complex",
    "dict",
    "divmod",
    "enumerate",
    "float",
    "frozenset",
    "int",
    "len",
    "list",
    "max",
    "min",
    "pow",
    "range",
    "reversed",
    "round",
    "set",
    "sorted",
    "str",
    "sum",
    "tuple",
    "zip",
}
PURE_DECORATORS = {"property", "staticmethod", "classmethod"}
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
IMPORTS = (ast.Import, ast.ImportFrom)


# ---------------------------------------------------------------- one module


def strip_docstrings(tree):
    """Remove the docstring of the module and of every class and function in ``tree`` (in place)."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, *FUNCTIONS)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = node.body[1:]
    return tree


def code_digest(path):
    """A hash of the code of one file, blind to docstrings, comments and formatting."""
    tree = strip_docstrings(ast.parse(Path(path).read_text(), str(path)))
    return hashlib.sha256(ast.dump(tree).encode()).hexdigest()


def _bound_names(stmt):
    """The names a top-level statement binds in its module."""
    if isinstance(stmt, (*FUNCTIONS, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, ast.Import):
        return {alias.asname or alias.name.split(".")[0] for alias in stmt.names}
    if isinstance(stmt, ast.ImportFrom):
        return {alias.asname or alias.name for alias in stmt.names if alias.name != "*"}
    names = set()
    for node in _eval_nodes(stmt):  # compound statements: everything bound at module level inside
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif node is not stmt and isinstance(node, (*FUNCTIONS, ast.ClassDef, *IMPORTS)):
            names |= _bound_names(node)
    return names


def _eval_nodes(stmt):
    """Every node of ``stmt`` that runs when the statement runs: function and lambda bodies are skipped."""
    todo = [stmt]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, FUNCTIONS):
            todo += node.decorator_list + [node.args] + ([node.returns] if node.returns else [])
        elif isinstance(node, ast.Lambda):
            todo.append(node.args)
        else:
            todo += ast.iter_child_nodes(node)


def _is_main_block(stmt):
    """``if __name__ == "__main__":``, which never runs on import."""
    test = getattr(stmt, "test", None)
    return (
        isinstance(stmt, ast.If)
        and isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in test.comparators)
    )


@dataclass(eq=False)
class Module:
    """One local module, parsed once: its top-level statements and what each one binds."""

    name: str
    path: Path
    statements: list
    defines: dict = field(default_factory=dict)  # name -> indices of the statements that bind it
    effects: list = field(default_factory=list)  # indices of statements that may do more than define
    dynamic: bool = False  # reads its own names in a way we cannot follow
    reads_source: bool = False  # looks at docstrings or source text, which the hash otherwise ignores
    parents: dict = field(default_factory=dict)  # node -> parent node, for attribute chains
    mentions: list = field(default_factory=list)  # per statement: (names it mentions, imports nested in it)
    _chains: dict = field(default_factory=dict)
    _dumps: dict = field(default_factory=dict)

    def dump(self, index):
        """``ast.dump`` of statement ``index`` (what the hash sees)."""
        if index not in self._dumps:
            self._dumps[index] = ast.dump(self.statements[index])
        return self._dumps[index]

    @property
    def is_package(self):
        return self.path.name == "__init__.py"

    def attribute_chains(self, bound):
        """Every use of the name ``bound`` as ``bound.a.b...`` (each as ``["a", "b"]``), or None if used bare."""
        if bound not in self._chains:
            self._chains[bound] = self._attribute_chains(bound)
        return self._chains[bound]

    def _attribute_chains(self, bound):
        chains = []
        for node in ast.walk(ast.Module(body=self.statements, type_ignores=[])):
            if not (isinstance(node, ast.Name) and node.id == bound and isinstance(node.ctx, ast.Load)):
                continue
            chain, top = [], node
            while isinstance(self.parents.get(top), ast.Attribute) and self.parents[top].value is top:
                top = self.parents[top]
                chain.append(top.attr)
            if not chain or not isinstance(top.ctx, ast.Load):
                return None
            chains.append(chain)
        return chains


def _has_effects(stmt, module_names):
    """Whether running ``stmt`` at import time could do more than bind its names."""
    if isinstance(stmt, IMPORTS + (ast.Pass,)):
        return False
    if isinstance(stmt, ast.ClassDef):
        local_bases = any(not isinstance(b, ast.Name) or b.id in module_names for b in stmt.bases)
        if stmt.keywords or local_bases:  # a metaclass or __init_subclass__ could run code
            return True
        return any(_has_effects(s, module_names) for s in stmt.body if not isinstance(s, FUNCTIONS)) or any(
            _calls(s, module_names) for s in stmt.body if isinstance(s, FUNCTIONS)
        )
    if isinstance(stmt, FUNCTIONS):
        return _calls(stmt, module_names)
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        plain = all(
            isinstance(n, (ast.Name, ast.Tuple, ast.List, ast.Starred, ast.Store, ast.Load))
            for t in targets
            for n in ast.walk(t)
        )
        return not plain or _calls(stmt, module_names)
    return True  # expressions, augmented assignments, if/for/try/with blocks, del, ...


def _calls(stmt, module_names):
    """Whether ``stmt`` calls anything at run time that might change state (decorators count as calls)."""
    for node in _eval_nodes(stmt):
        if isinstance(node, FUNCTIONS + (ast.ClassDef,)):
            for decorator in node.decorator_list:
                builtin = isinstance(decorator, ast.Name) and decorator.id in PURE_DECORATORS - module_names
                accessor = isinstance(decorator, ast.Attribute) and decorator.attr in ("setter", "getter", "deleter")
                if not (builtin or accessor):
                    return True
        elif isinstance(node, ast.Call):
            builtin = isinstance(node.func, ast.Name) and node.func.id in PURE_CALLS - module_names
            if not builtin or any(k.arg == "key" for k in node.keywords):  # sorted(..., key=f) calls f
                return True
        elif isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
            return True
    return False


def _reads_source(tree):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Name)
            and node.id in ("__doc__", "inspect")
            or isinstance(node, ast.Attribute)
            and node.attr in ("__doc__", "getsource")
            or isinstance(node, ast.alias)
            and node.name.split(".")[0] == "inspect"
        ):
            return True
    return False


def _is_dynamic(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            return True
        if isinstance(node, ast.Name) and node.id in DYNAMIC_NAMES:
            return True
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "modules"
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            return True
        if isinstance(node, ast.alias) and node.name.split(".")[0] == "importlib":
            return True
    return any(isinstance(s, FUNCTIONS) and s.name == "__getattr__" for s in tree.body)


_CACHE = {}  # (name, path) -> (source text, Module): parse each file once per process


def parse_module(name, path):
    """The ``Module`` for the file at ``path`` (re-parsed when the file changed)."""
    text = Path(path).read_text()
    cached = _CACHE.get((name, path))
    if cached and cached[0] == text:
        return cached[1]
    tree = strip_docstrings(ast.parse(text, str(path)))
    module = Module(name, Path(path), tree.body, dynamic=_is_dynamic(tree), reads_source=_reads_source(tree))
    module.parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for index, stmt in enumerate(tree.body):
        if _is_main_block(stmt):
            continue
        for bound in _bound_names(stmt):
            module.defines.setdefault(bound, []).append(index)
    for index, stmt in enumerate(tree.body):
        if not _is_main_block(stmt) and _has_effects(stmt, set(module.defines)):
            module.effects.append(index)
        nodes = list(ast.walk(stmt))
        module.mentions.append(
            (
                {n.id for n in nodes if isinstance(n, ast.Name)},
                [n for n in nodes if isinstance(n, IMPORTS) and n is not stmt],
            )
        )
    _CACHE[name, path] = (text, module)
    return module


# ---------------------------------------------------------------- following imports


class Walk:
    """Collect the statements a picture runs, module by module, starting from its file."""

    def __init__(self, root=ROOT):
        self.root = Path(root)
        self.used = {}  # module name -> set of statement indices
        self.seen = set()  # requests already handled, such as ("load", module) or (name, module)
        self.modules = {}

    def module(self, name):
        """The parsed local module called ``name``, or None for a library or a missing module."""
        if name not in self.modules:
            self.modules[name] = None
            if name.split(".")[0] in LOCAL_PACKAGES:
                base = self.root.joinpath(*name.split("."))
                for path in (base.with_suffix(".py"), base / "__init__.py"):
                    if path.is_file():
                        self.modules[name] = parse_module(name, path)
                        break
        return self.modules[name]

    def _once(self, *key):
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def load(self, name):
        """Module ``name`` runs: its parent packages run, its effects count, the modules it imports run."""
        if not self._once("load", name):
            return
        if "." in name:
            self.load(name.rpartition(".")[0])
        module = self.module(name)
        if module is None:
            return
        self.used.setdefault(name, set())
        for index in module.effects:
            self.include(module, index)
        for stmt in module.statements:
            if isinstance(stmt, IMPORTS):
                for target in self._loads(module, stmt):
                    self.load(target)

    def whole(self, name):
        """Every statement of module ``name`` counts."""
        module = self.module(name)
        if module is None or not self._once("whole", name):
            return
        self.load(name)
        for index, stmt in enumerate(module.statements):
            self.include(module, index)
            if isinstance(stmt, IMPORTS):
                self._follow(module, stmt)

    def need(self, name, attr):
        """The top-level name ``attr`` of module ``name`` is used: its definitions count, transitively."""
        module = self.module(name)
        if module is None or not self._once(attr, name):
            return
        self.load(name)
        if module.dynamic:
            return self.whole(name)
        for index in module.defines.get(attr, []):
            stmt = module.statements[index]
            self.include(module, index)
            if isinstance(stmt, IMPORTS):
                self._follow(module, stmt, only=attr)

    def include(self, module, index):
        """Statement ``index`` of ``module`` counts, and so does everything it mentions."""
        if index in self.used.setdefault(module.name, set()):
            return
        self.used[module.name].add(index)
        stmt = module.statements[index]
        if isinstance(stmt, IMPORTS):
            return  # followed name by name, in need()
        names, imports = module.mentions[index]
        for name in sorted(names):
            self.need(module.name, name)
        for node in imports:  # an import inside a function or a block
            for target in self._loads(module, node):
                self.load(target)
            self._follow(module, node)

    @staticmethod
    def _base(module, stmt):
        """The absolute module name of ``from BASE import ...`` (relative imports resolved)."""
        if not stmt.level:
            return stmt.module
        package = module.name if module.is_package else module.name.rpartition(".")[0]
        for _ in range(stmt.level - 1):
            package = package.rpartition(".")[0]
        return f"{package}.{stmt.module}" if stmt.module else package

    def _loads(self, module, stmt):
        """The modules an import statement runs."""
        if isinstance(stmt, ast.Import):
            return [alias.name for alias in stmt.names]
        base = self._base(module, stmt)
        return [base] + [f"{base}.{a.name}" for a in stmt.names if self.module(f"{base}.{a.name}")]

    def _follow(self, module, stmt, only=None):
        """Follow the aliases of an import statement in ``module`` (just the one binding ``only``, if given)."""
        if isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname and only in (None, alias.asname):  # import a.b as m
                    self._use_module(module, alias.asname, alias.name)
                elif not alias.asname and only in (None, alias.name.split(".")[0]):  # import a.b: binds a
                    top = alias.name.split(".")[0]
                    self.load(alias.name)
                    self._use_module(module, top, top, bare_too=alias.name)
            return
        base = self._base(module, stmt)
        for alias in stmt.names:
            if alias.name == "*":
                self.whole(base)
            elif only in (None, alias.asname or alias.name):  # from a.b import c [as d]
                self.need(base, alias.name)
                if self.module(f"{base}.{alias.name}"):
                    self._use_module(module, alias.asname or alias.name, f"{base}.{alias.name}")

    def _use_module(self, importer, bound, target, bare_too=None):
        """``bound`` in ``importer`` is module ``target``: count the attributes used, or all of it if used bare."""
        if self.module(target) is None or not self._once("use", target, importer.name, bound):
            return
        self.load(target)
        chains = importer.attribute_chains(bound)
        if chains is None:
            self.whole(target)
            if bare_too:
                self.whole(bare_too)
            return
        for chain in chains:
            current = target
            for attr in chain:
                self.need(current, attr)
                if not self.module(f"{current}.{attr}"):
                    break
                current = f"{current}.{attr}"
            else:
                self.whole(current)  # the chain ends at a module, used as an object


def walk(path, root=ROOT, extra=()):
    """The statements the file at ``path`` runs: ``{Module: sorted statement indices}``, by module name.

    ``extra`` lists more ``(module, name)`` pairs that count, such as what the renderer
    itself calls (the themes, the SVG writer).
    """
    from scripts.render.discovery import module_name

    state = Walk(root)
    state.whole(module_name(path, root))
    for name, attr in extra:
        state.need(name, attr)
    return {state.module(name): sorted(indices) for name, indices in sorted(state.used.items())}


def dependencies(path, root=ROOT, extra=()):
    """What ``path`` depends on, readably: ``{module name: sorted top-level names, or ["*"] for all}``."""
    result = {}
    for module, indices in walk(path, root, extra).items():
        names = sorted({n for n, where in module.defines.items() if set(where) & set(indices)})
        everything = set(indices) >= {i for i, s in enumerate(module.statements) if not _is_main_block(s)}
        result[module.name] = ["*"] if everything and module.statements else names
    return result


def code_hash(path, root=ROOT, extra=()):
    """One hash of every statement the picture at ``path`` runs (docstrings, comments and layout aside)."""
    digest = hashlib.sha256()
    used = walk(path, root, extra)
    exact = any(module.reads_source for module in used)
    for module, indices in used.items():
        digest.update(f"\0module {module.name}\0".encode())
        if exact:
            digest.update(module.path.read_bytes())
        for index in indices:
            digest.update(module.dump(index).encode() + b"\0")
    return digest.hexdigest()
