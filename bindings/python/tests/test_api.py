"""The binding against the ABI description (api/docker_containers.api.json): every function of
the header is declared on the loaded library with the generated table's types, every result
code has an exception class, and the soname and version agree."""
import json
import os

from docker_containers import _ffi, _native, errors

API = os.path.join(os.path.dirname(__file__), "..", "..", "..", "api", "docker_containers.api.json")


def description():
    with open(API, encoding="utf-8") as f:
        return json.load(f)


def test_every_function_is_bound():
    names = [f["name"] for f in description()["functions"]]
    assert len(names) == len(set(names)) > 0
    missing = [n for n in names if n not in _ffi.FUNCTIONS]
    assert missing == [], f"functions of the header not in the Python table: {missing}"
    extra = sorted(set(_ffi.FUNCTIONS) - set(names))
    assert extra == [], f"functions in the Python table the header no longer has: {extra}"
    for name in names:
        argtypes, restype, _ = _ffi.FUNCTIONS[name]
        f = getattr(_native.lib, name)
        assert f.argtypes == argtypes and f.restype == restype, name


def test_parameter_counts_match_the_description():
    for fn in description()["functions"]:
        argtypes, _, _ = _ffi.FUNCTIONS[fn["name"]]
        assert len(argtypes) == len(fn["params"]), fn["name"]


def test_every_result_code_has_an_exception():
    codes = {v["value"]: v["name"] for e in description()["enums"] if e["name"] == "docker_result"
             for v in e["values"]}
    assert codes == _ffi.DOCKER_RESULT_NAMES
    for value, name in codes.items():
        if value != _ffi.DOCKER_OK:
            assert errors._BY_CODE[value][0] == name
            e = errors.from_code(value, "m", None, -1, b"")
            assert isinstance(e, errors.DockerException) and e.code == name


def test_soname_and_version():
    d = description()
    assert _ffi.SONAME == d["soname"] == _native.SONAME
    assert _native.VERSION == d["version"]


def test_every_public_function_and_method_has_a_docstring():
    import ast
    pkg = os.path.dirname(_native.__file__)
    missing = []
    for fname in sorted(os.listdir(pkg)):
        if not fname.endswith(".py") or fname == "_ffi.py":
            continue
        tree = ast.parse(open(os.path.join(pkg, fname), encoding="utf-8").read())
        for node in tree.body:
            items = [node] + (node.body if isinstance(node, ast.ClassDef) else [])
            for n in items:
                if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith("_") \
                        and ast.get_docstring(n) is None:
                    missing.append(f"{fname}:{n.lineno} {n.name}")
    assert missing == [], f"public functions without a docstring: {missing}"
