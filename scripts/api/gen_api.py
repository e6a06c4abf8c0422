#!/usr/bin/env python3
"""gen_api.py: the C ABI described as JSON (api/docker_containers.api.json), read from the header.

The header is parsed by pycparser (after the C preprocessor, with scripts/api/fake_libc standing
in for the three system headers it includes, so no compiler extensions reach the parser). Doc
comments are the `//` lines right above each declaration, found from the parser's line numbers.
What C types cannot say (direction, nullability, ownership, blocking) comes from the header's
conventions, encoded in `classify_param` below, and from api/annotations.json for the exceptions.
A parameter or function that neither classifies is an error: nothing is guessed silently.

    python3 scripts/api/gen_api.py [--header H] [--out FILE]      (make api)
"""
import argparse
import json
import os
import subprocess
import sys
import tomllib

from pycparser import c_ast, c_generator, parse_file

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FAKE_LIBC = os.path.join(ROOT, "scripts", "api", "fake_libc")
SCALARS = {"void", "char", "bool", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t",
           "uint16_t", "uint32_t", "uint64_t", "size_t", "intptr_t", "uintptr_t"}


# What the description's words mean, carried in the description for its readers.
CONVENTIONS = {
    "direction": "in: read by the call (strings and bytes are copied before it returns); out: "
                 "written by the call, only on success; inout: both",
    "roles": {
        "receiver": "the handle the call acts on (first parameter)",
        "consumed": "freed by the call (a _free function); NULL is a no-op",
        "string": "NUL-terminated UTF-8 (in) or a library-owned string (out)",
        "bytes": "data[0..length], not NUL-terminated; `length` names the size parameter",
        "length": "the size of the bytes parameter named by `of`",
        "callback": "called during the call, on the thread named by `thread`",
        "userdata": "passed unchanged to the callback named by `for`",
        "cancel": "a docker_cancel token, or NULL for none",
        "handle": "an output handle, freed with `free`",
        "struct": "an output struct: by pointer to pointer, freed with `free`; by pointer, "
                  "storage the caller provides",
        "value": "a scalar",
        "error": "the trailing error slot: on failure, when not NULL, receives a docker_error "
                 "to free with docker_error_free",
    },
    "owner": {
        "caller": "the caller frees it with `free`",
        "caller-storage": "the caller's own storage, filled in; pointers inside it are borrowed",
        "borrowed": "owned by the object named by `lifetime`, valid as long as it is",
        "static": "never freed",
        "library": "ownership passes to the library (the call frees it)",
    },
    "blocks": "the call may wait on the engine or the network on the calling thread",
    "thread": {"calling": "the callback runs on the thread that made the call, never on a "
                          "library thread"},
}


class Unclassifiable(Exception):
    pass


def cpp_args():
    return ["-E", "-nostdinc", "-I" + FAKE_LIBC]


def read_macros(header):
    """The header's object-like macros, from the preprocessor's own list (cpp -dM)."""
    out = subprocess.run(["cpp", "-dM", "-nostdinc", "-I" + FAKE_LIBC, header], check=True,
                         capture_output=True, text=True).stdout
    macros = {}
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0] == "#define" and parts[1].startswith("DOCKER_"):
            macros[parts[1]] = parts[2]
    return macros


class Docs:
    """Doc comments: the run of `//` lines directly above a line of the header."""

    def __init__(self, header):
        with open(header, encoding="utf-8") as f:
            self.lines = f.read().split("\n")

    def above(self, line):
        i, got = line - 2, []
        while i >= 0 and self.lines[i].lstrip().startswith("//"):
            text = self.lines[i].lstrip()[2:]
            got.append(text[1:] if text.startswith(" ") else text)
            i -= 1
        return "\n".join(reversed(got))


def type_info(node, gen):
    """A parameter's or field's type: its C spelling plus base name, pointer depth and const-ness
    at each level (outermost pointer first)."""
    spelled = gen.visit(node)
    consts, depth = [], 0
    while isinstance(node, c_ast.PtrDecl):
        consts.append("const" in node.quals)
        depth += 1
        node = node.type
    if isinstance(node, c_ast.FuncDecl):
        raise Unclassifiable("function pointer parameters must use a typedef")
    assert isinstance(node, c_ast.TypeDecl), node
    inner = node.type
    if isinstance(inner, c_ast.IdentifierType):
        base = " ".join(inner.names)
        if base == "_Bool":
            base = "bool"
    elif isinstance(inner, (c_ast.Struct, c_ast.Enum)):
        base = inner.name
    else:
        raise Unclassifiable(f"unexpected type {spelled}")
    return {"c": spelled, "base": base, "pointer": depth,
            "const": "const" in node.quals, "pointer_const": consts}


def type_decl_spelling(decl, gen):
    """The type of a declaration without its name, as C spells it ("const char *")."""
    node = decl.type
    # c_generator spells a type with no declarator name when we blank it out.
    saved, target = None, node
    while not isinstance(target, c_ast.TypeDecl):
        target = target.type
    saved, target.declname = target.declname, None
    try:
        return gen.visit(node).strip()
    finally:
        target.declname = saved


def param_type(param, gen):
    info = type_info(param.type, gen)
    info["c"] = type_decl_spelling(param, gen)
    return info


class Model:
    def __init__(self, ast, docs, gen):
        self.gen, self.docs = gen, docs
        self.opaque, self.structs, self.enums, self.callbacks = {}, {}, {}, {}
        self.typedef_ints, self.functions = {}, []
        for ext in ast.ext:
            if isinstance(ext, c_ast.Typedef):
                self.typedef(ext)
            elif isinstance(ext, c_ast.Decl) and isinstance(ext.type, c_ast.Enum):
                self.enum(ext.type)
            elif isinstance(ext, c_ast.Decl) and isinstance(ext.type, c_ast.FuncDecl):
                self.functions.append(ext)
            elif isinstance(ext, c_ast.Decl):
                raise Unclassifiable(f"unexpected declaration at {ext.coord}")
        self.header_file = None

    def typedef(self, td):
        t = td.type
        if isinstance(t, c_ast.TypeDecl) and isinstance(t.type, c_ast.Struct):
            s = t.type
            if s.decls is None:
                self.opaque[td.name] = {"name": td.name, "doc": self.docs.above(td.coord.line)}
            else:
                fields = [{"name": d.name, "type": type_info(d.type, self.gen),
                           "doc": self.docs.above(d.coord.line)} for d in s.decls]
                for f, d in zip(fields, s.decls):
                    f["type"]["c"] = type_decl_spelling(d, self.gen)
                self.structs[td.name] = {"name": td.name, "doc": self.docs.above(s.coord.line),
                                         "fields": fields}
        elif isinstance(t, c_ast.PtrDecl) and isinstance(t.type, c_ast.FuncDecl):
            fn = t.type
            self.callbacks[td.name] = {
                "name": td.name, "doc": self.docs.above(td.coord.line),
                "returns": type_info(fn.type, self.gen),
                "params": [{"name": p.name, "type": param_type(p, self.gen)}
                           for p in fn.args.params],
            }
            self.callbacks[td.name]["returns"]["c"] = type_decl_spelling(
                c_ast.Typename(None, [], None, fn.type), self.gen)
        elif isinstance(t, c_ast.TypeDecl) and isinstance(t.type, c_ast.IdentifierType):
            self.typedef_ints[td.name] = " ".join(t.type.names)
        else:
            raise Unclassifiable(f"unexpected typedef {td.name} at {td.coord}")

    def enum(self, e):
        values, nxt = [], 0
        for v in e.values.enumerators:
            if v.value is not None:
                if not isinstance(v.value, c_ast.Constant):
                    raise Unclassifiable(f"enum value {v.name} is not a literal")
                nxt = int(v.value.value, 0)
            values.append({"name": v.name, "value": nxt, "doc": self.docs.above(v.coord.line)})
            nxt += 1
        self.enums[e.name] = {"name": e.name, "doc": self.docs.above(e.coord.line),
                              "values": values}


def free_function_for(base, names):
    fn = {"char": "docker_string_free"}.get(base, f"{base}_free")
    if fn not in names:
        raise Unclassifiable(f"no free function {fn} for {base}")
    return fn


def classify_param(fn_name, idx, params, m, names):
    """Direction, role, nullability and ownership of one parameter, by the header's conventions.
    Returns a dict, or raises Unclassifiable."""
    p = params[idx]
    t, name, last = p["type"], p["name"], idx == len(params) - 1
    base, depth = t["base"], t["pointer"]
    opaque = base in m.opaque
    if last and name == "error" and base == "docker_error" and depth == 2:
        return {"direction": "out", "role": "error", "nullable": True, "owner": "caller",
                "free": "docker_error_free"}
    if depth == 2 and not t["const"] and (opaque or base in m.structs or base == "char"):
        kind = "string" if base == "char" else ("handle" if opaque else "struct")
        return {"direction": "out", "role": kind, "nullable": False, "owner": "caller",
                "free": free_function_for(base, names)}
    if depth == 1 and opaque:
        if fn_name == f"{base}_free" and idx == 0:
            return {"direction": "in", "role": "consumed", "nullable": True, "owner": "library",
                    "free": None}
        if idx == 0:
            return {"direction": "in", "role": "receiver", "nullable": False}
        if base == "docker_cancel" and t["const"]:
            return {"direction": "in", "role": "cancel", "nullable": True}
        raise Unclassifiable(f"handle {base} * in position {idx}")
    if depth == 1 and base in m.structs and not t["const"]:
        if fn_name == f"{base}_free" and idx == 0:
            return {"direction": "in", "role": "consumed", "nullable": True, "owner": "library",
                    "free": None}
        return {"direction": "out", "role": "struct", "nullable": False,
                "owner": "caller-storage"}
    if depth == 1 and base == "char" and t["const"]:
        return {"direction": "in", "role": "string", "nullable": name == "options_json"}
    if depth == 1 and base == "char" and fn_name == "docker_string_free":
        return {"direction": "in", "role": "consumed", "nullable": True, "owner": "library",
                "free": None}
    if depth == 1 and base == "uint8_t" and t["const"] and idx + 1 < len(params) \
            and params[idx + 1]["type"]["base"] == "size_t" and params[idx + 1]["type"]["pointer"] == 0:
        return {"direction": "in", "role": "bytes", "nullable": False,
                "length": params[idx + 1]["name"]}
    if depth == 0 and base == "size_t" and idx > 0 and params[idx - 1]["type"]["base"] == "uint8_t":
        return {"direction": "in", "role": "length", "of": params[idx - 1]["name"]}
    if depth == 0 and base in m.callbacks:
        return {"direction": "in", "role": "callback", "nullable": False, "thread": "calling"}
    if depth == 1 and base == "void" and (name == "userdata" or name.endswith("_userdata")) \
            and idx > 0 \
            and params[idx - 1]["type"]["base"] in m.callbacks:
        return {"direction": "in", "role": "userdata", "nullable": True,
                "for": params[idx - 1]["name"]}
    if depth == 0 and (base in SCALARS or base in m.enums or base in m.typedef_ints):
        return {"direction": "in", "role": "value"}
    if depth == 1 and not t["const"] and base in SCALARS:
        return {"direction": "out", "role": "value", "nullable": False, "owner": None}
    raise Unclassifiable(f"parameter {name} ({t['c']})")


def merge(target, patch, where):
    for k, v in patch.items():
        if k == "why":
            continue
        if k not in target and k not in ("nullable", "owner", "lifetime", "free", "direction"):
            raise Unclassifiable(f"{where}: annotation key {k!r} overrides nothing")
        target[k] = v


def describe_function(decl, m, names, ann):
    fd = decl.type
    params = []
    for p in (fd.args.params if fd.args else []):
        if isinstance(p, c_ast.Typename):  # (void)
            continue
        params.append({"name": p.name, "type": param_type(p, m.gen)})
    ret = type_info(fd.type, m.gen)
    ret["c"] = type_decl_spelling(c_ast.Typename(None, [], None, fd.type), m.gen)
    a = ann.get(decl.name, {})
    pa = dict(a.get("params", {}))
    for i, p in enumerate(params):
        where = f"{decl.name}({p['name']})"
        try:
            p.update(classify_param(decl.name, i, params, m, names))
        except Unclassifiable as e:
            if p["name"] not in pa or "direction" not in pa[p["name"]]:
                raise Unclassifiable(f"{where}: {e}; classify it in api/annotations.json")
            p.update({"role": "annotated"})
        if p["name"] in pa:
            merge(p, pa.pop(p["name"]), where)
    if pa:
        raise Unclassifiable(f"{decl.name}: annotations name unknown parameters {sorted(pa)}")

    has_error_slot = bool(params) and params[-1].get("role") == "error"
    if ret["base"] == "docker_result" and ret["pointer"] == 0 and has_error_slot:
        returns = {"type": ret, "role": "result"}
    elif ret["base"] == "docker_result" and ret["pointer"] == 0:
        if a.get("returns", {}).get("role") != "value":
            raise Unclassifiable(f"{decl.name} returns docker_result without a trailing error "
                                 "slot: annotate it as a value in api/annotations.json")
        returns = {"type": ret, "role": "value"}
        a = {k: v for k, v in a.items() if k != "returns"}
    elif ret["base"] == "void" and ret["pointer"] == 0:
        returns = {"type": ret, "role": "none"}
    elif ret["pointer"] == 0:
        returns = {"type": ret, "role": "value"}
    else:
        if "returns" not in a:
            raise Unclassifiable(f"{decl.name} returns a pointer ({ret['c']}): say who owns it "
                                 "in api/annotations.json")
        returns = {"type": ret, "role": "pointer"}
    if "returns" in a:
        if returns["role"] != "pointer":
            raise Unclassifiable(f"{decl.name}: a 'returns' annotation on a non-pointer")
        returns.update(a["returns"])

    receiver = params[0]["type"]["base"] if params and params[0].get("role") == "receiver" else None
    fallible = returns["role"] == "result"
    if has_error_slot and not fallible:
        raise Unclassifiable(f"{decl.name} has an error slot but does not return docker_result")
    doc = m.docs.above(decl.coord.line)
    if not doc:
        raise Unclassifiable(f"{decl.name} has no doc comment")
    # Convention: a fallible call on a client, container, network, volume or stream may wait on
    # the engine.
    blocks = fallible and receiver in ("docker_client", "docker_container", "docker_network",
                                       "docker_volume", "docker_stream")
    if "blocks" in a:
        if a["blocks"] == blocks:
            raise Unclassifiable(f"{decl.name}: 'blocks' annotation repeats the convention")
        blocks = a["blocks"]
    if not blocks and "Blocks" in doc:
        raise Unclassifiable(f"{decl.name}: its doc says it blocks, the description says not")
    callbacks = [{"param": p["name"], "type": p["type"]["base"], "thread": p["thread"]}
                 for p in params if p.get("role") == "callback"]
    for p in params:
        if p.get("role") == "callback" and p.get("nullable") is None:
            p["nullable"] = False
    out = {"name": decl.name, "doc": doc, "returns": returns, "params": params,
           "fallible": fallible, "receiver": receiver, "blocks": blocks,
           "callbacks": callbacks}
    if blocks and "blocks_note" in a:
        out["blocks_note"] = a["blocks_note"]
    return out


def soname_of(version):
    major, minor, _ = version.split(".")
    # build.rs: 0.x libraries take 0.MINOR as their ABI generation, later ones MAJOR.
    return f"libdocker_containers.so.{'0.' + minor if major == '0' else major}"


def build(header, annotations_path, options_path):
    gen = c_generator.CGenerator()
    ast = parse_file(header, use_cpp=True, cpp_path="gcc", cpp_args=cpp_args())
    docs = Docs(header)
    m = Model(ast, docs, gen)
    with open(annotations_path, encoding="utf-8") as f:
        ann = json.load(f)["functions"]
    names = {d.name for d in m.functions}
    stale = sorted(set(ann) - names)
    if stale:
        raise Unclassifiable(f"api/annotations.json names functions not in the header: {stale}")
    functions = [describe_function(d, m, names, ann) for d in m.functions]

    options = {}
    if options_path and os.path.exists(options_path):
        with open(options_path, encoding="utf-8") as f:
            options = json.load(f)
        unknown = sorted(set(options) - names)
        if unknown:
            raise Unclassifiable(f"{options_path} names functions not in the header: {unknown}")
    for fn in functions:
        if fn["name"] in options:
            if not any(p["name"] == "options_json" for p in fn["params"]):
                raise Unclassifiable(f"{fn['name']} has options in {options_path} but no "
                                     "options_json parameter")
            fn["options"] = options[fn["name"]]

    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        version = tomllib.load(f)["package"]["version"]
    macros = read_macros(header)
    from_header = ".".join(macros[f"DOCKER_CONTAINERS_VERSION_{k}"] for k in ("MAJOR", "MINOR", "PATCH"))
    if from_header != version:
        raise Unclassifiable(f"header says version {from_header}, Cargo.toml {version}")

    for o in m.opaque.values():
        o["free"] = f"{o['name']}_free" if f"{o['name']}_free" in names else None
    for s in m.structs.values():
        s["free"] = f"{s['name']}_free" if f"{s['name']}_free" in names else None
    for name, e in m.enums.items():
        e["c_type"] = m.typedef_ints.get(name, "int")

    return {
        "comment": "Generated by scripts/api/gen_api.py from include/docker_containers.h "
                   "(make api): do not edit.",
        "library": "docker_containers",
        "version": version,
        "soname": soname_of(version),
        "header": "include/docker_containers.h",
        "header_doc": header_comment(docs),
        "conventions": CONVENTIONS,
        "constants": [{"name": k, "value": int(v)} for k, v in sorted(macros.items())
                      if k.startswith("DOCKER_CONTAINERS_VERSION_")],
        "enums": list(m.enums.values()),
        "opaque_types": list(m.opaque.values()),
        "structs": list(m.structs.values()),
        "callbacks": list(m.callbacks.values()),
        "functions": functions,
    }


def header_comment(docs):
    lines = []
    for line in docs.lines[1:]:
        if line.strip() == "*/":
            break
        lines.append(line.strip()[2:] if line.strip().startswith("* ") else line.strip().lstrip("*"))
    return "\n".join(lines).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--header", default=os.path.join(ROOT, "include", "docker_containers.h"))
    ap.add_argument("--annotations", default=os.path.join(ROOT, "api", "annotations.json"))
    ap.add_argument("--options", default=os.path.join(ROOT, "api", "options.json"))
    ap.add_argument("--out", default=os.path.join(ROOT, "api", "docker_containers.api.json"))
    args = ap.parse_args()
    try:
        desc = build(args.header, args.annotations, args.options)
    except Unclassifiable as e:
        sys.exit(f"gen_api: {e}")
    # The description names the header by its place in the repository, not where it was read.
    text = json.dumps(desc, indent=1, ensure_ascii=False) + "\n"
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"gen_api: {args.out}: {len(desc['functions'])} functions, {len(desc['enums'])} enums, "
          f"{len(desc['structs'])} structs, {len(desc['callbacks'])} callbacks")


if __name__ == "__main__":
    main()
