#!/usr/bin/env python3
"""Everything generated from api/options.json (the option table, src/engine/option_table.rs):

- the `Options (option table)` doc block of each export in src/ffi (and below) that takes options
  (cbindgen copies it into include/docker_containers.h);
- bindings/node/lib/option-types.d.ts: one TypeScript interface per C function;
- bindings/python/docker_containers/_options.py: one TypedDict per C function (and per
  Python method's **kwargs);
- bindings/go/options_gen.go: typed option structs for the Go binding.

    python3 scripts/gen_options.py           write them
    python3 scripts/gen_options.py --check   fail (exit 1) when any of them is stale

Standard library only. `make options` runs it after writing api/options.json.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "api", "options.json")
FFI = os.path.join(ROOT, "src", "ffi")
MARK = "/// Options (option table, written by `make options`):"


def pascal(function):
    """docker_container_logs_open -> ContainerLogsOpen."""
    return "".join(w.capitalize() for w in function.removeprefix("docker_").split("_"))


def default_text(k):
    return json.dumps(k["default"]) if k["default"] is not None else None


def notes(k):
    out = []
    if k["required"]:
        out.append("required")
    if k["default"] is not None:
        out.append("default " + default_text(k))
    if k["min_api"]:
        out.append("API " + k["min_api"] + "+")
    return out


# ---- the doc blocks in src/ffi ----

def doc_block(keys):
    lines = ["///", MARK]
    if not keys:
        lines.append("/// - none (NULL, \"\" or {} only)")
    for k in keys:
        lines.append("/// - `%s` (%s): %s" % (k["name"], "; ".join([k["type"]] + notes(k)), k["doc"]))
    return lines


def exports_with_options(lines):
    """(index of the `pub extern "C" fn` line, name) for each export with an options_json."""
    found = []
    for i, line in enumerate(lines):
        s = line.strip()
        if not s.startswith('pub extern "C" fn '):
            continue
        name = s[len('pub extern "C" fn '):].split("(")[0]
        j = i
        while j < len(lines) and not lines[j].startswith(")"):
            if lines[j].strip().startswith("options_json:"):
                found.append((i, name))
                break
            j += 1
    return found


def rewrite_rust(table):
    """The new text of each src/ffi file whose blocks change; errors for missing table rows."""
    out, errors, seen = {}, [], set()
    paths = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(FFI) for f in fs if f.endswith(".rs")
    )
    for path in paths:
        fname = os.path.relpath(path, FFI)
        with open(path) as f:
            text = f.read()
        lines = text.split("\n")
        for i, name in reversed(exports_with_options(lines)):
            seen.add(name)
            if name not in table:
                errors.append("%s: %s takes options_json but has no option table entry" % (fname, name))
                continue
            # Attributes (#[no_mangle], #[allow]) sit between the doc comment and the fn.
            end = i
            while lines[end - 1].lstrip().startswith("#["):
                end -= 1
            start = end
            while lines[start - 1].lstrip().startswith("///"):
                start -= 1
            doc = lines[start:end]
            if MARK in [d.strip() for d in doc]:
                m = start + [d.strip() for d in doc].index(MARK)
                cut = m - 1 if lines[m - 1].strip() == "///" else m
            else:
                cut = end
            indent = lines[end][: len(lines[end]) - len(lines[end].lstrip())]
            lines[cut:end] = [indent + l for l in doc_block(table[name])]
        new = "\n".join(lines)
        if new != text:
            out[path] = new
    for name in sorted(set(table) - seen):
        errors.append("%s is in the option table but no export in src/ffi takes options_json" % name)
    return out, errors


# ---- TypeScript ----

TS_TYPES = {"string": "string", "integer": "number", "number": "number", "boolean": "boolean",
            "object": "Record<string, unknown>", "array": "unknown[]"}


def ts_type(t):
    return " | ".join(dict.fromkeys(TS_TYPES[p] for p in t.split("|")))


def jsdoc(text, indent):
    text = text.replace("*/", "*\\/")
    return "%s/** %s */" % (indent, text)


def gen_ts(table):
    out = [
        "// Generated from api/options.json (src/engine/option_table.rs) by scripts/gen_options.py:",
        "// do not edit; run `make options`.",
        "",
        "/** memLimit for mem_limit: the binding accepts docker-py's names in camelCase too. */",
        "export type CamelCase<S extends string> = S extends `${infer H}_${infer T}`",
        "  ? `${H}${Capitalize<CamelCase<T>>}`",
        "  : S;",
        "",
        "/** An options interface with each key also accepted in camelCase. */",
        "export type WithCamel<T> = T & { [K in keyof T as CamelCase<K & string>]?: T[K] };",
        "",
    ]
    for fn, keys in table.items():
        out.append("/** The options of `%s`. */" % fn)
        out.append("export interface %sKeys {" % pascal(fn))
        for k in keys:
            extra = notes(k)
            out.append(jsdoc(k["doc"] + (" (" + "; ".join(extra) + ")" if extra else ""), "  "))
            out.append("  %s%s: %s;" % (k["name"], "" if k["required"] else "?", ts_type(k["type"])))
        out.append("}")
        out.append("export type %sOptions = WithCamel<%sKeys>;" % (pascal(fn), pascal(fn)))
        out.append("")
    return "\n".join(out)


# ---- Python ----

PY_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
            "object": "_t.Mapping[str, _t.Any]", "array": "_t.Sequence[_t.Any]"}


def py_type(t):
    return " | ".join(dict.fromkeys(PY_TYPES[p] for p in t.split("|")))


# The **kwargs of the Python methods that take them: (C function, the keys the method names as
# parameters of its own, which a TypedDict for **kwargs must not repeat).
PY_KWARGS = {
    "ClientKwargs": ("docker_client_new", ["base_url", "version", "timeout"]),
    "FromEnvKwargs": ("docker_client_from_env", ["version", "timeout"]),
    "RunKwargs": ("docker_containers_run", ["command", "stdout", "stderr", "remove", "detach", "stream"]),
    "CreateKwargs": ("docker_containers_create", ["command"]),
    "UpdateKwargs": ("docker_container_update", []),
    "CommitKwargs": ("docker_container_commit", ["repository", "tag"]),
    "AttachSocketKwargs": ("docker_container_attach_open", []),
    "CopyToKwargs": ("docker_container_copy_to", []),
    "CopyFromKwargs": ("docker_container_copy_from", []),
}


def gen_py(table):
    out = [
        "# Generated from api/options.json (src/engine/option_table.rs) by scripts/gen_options.py:",
        "# do not edit; run `make options`. One TypedDict per C function that takes options, and",
        "# one per Python method's **kwargs (client.pyi).",
        "from __future__ import annotations",
        "",
        "import typing as _t",
        "from typing import TypedDict",
        "",
    ]
    dicts = [("%sOptions" % pascal(fn), fn, keys) for fn, keys in table.items()]
    for name, (fn, skip) in PY_KWARGS.items():
        dicts.append((name, fn, [k for k in table[fn] if k["name"] not in skip]))
    for name, fn, keys in dicts:
        out.append("")
        out.append("class %s(TypedDict, total=False):" % name)
        out.append('    """The options of %s."""' % fn)
        out.append("")
        for k in keys:
            extra = notes(k)
            out.append("    # %s%s" % (k["doc"], " (" + "; ".join(extra) + ")" if extra else ""))
            out.append("    %s: %s" % (k["name"], py_type(k["type"])))
        if not keys:
            out.append("    pass")
    return "\n".join(out) + "\n"


# ---- Go ----

GO_STRUCTS = {
    "docker_containers_run_cancel": "RunOptions",
    "docker_containers_create": "CreateOptions",
    "docker_containers_list": "ListOptions",
    "docker_containers_prune": "PruneOptions",
    "docker_container_stop": "StopOptions",
    "docker_container_restart": "RestartOptions",
    "docker_container_remove": "RemoveOptions",
    "docker_container_wait_cancel": "WaitOptions",
    "docker_container_update": "UpdateOptions",
    "docker_container_commit": "CommitOptions",
    "docker_container_put_archive_reader": "PutArchiveOptions",
    "docker_container_copy_to": "CopyToOptions",
    "docker_container_copy_from": "CopyFromOptions",
    "docker_container_exec_run": "ExecRunOptions",
    "docker_container_exec_open": "ExecOptions",
    "docker_container_logs_open": "LogsOptions",
    "docker_container_stats_once": "StatsOnceOptions",
    "docker_container_attach_open": "AttachOptions",
    "docker_images_pull": "ImagePullOptions",
    "docker_images_remove": "ImageRemoveOptions",
    "docker_images_list": "ImageListOptions",
    "docker_images_tag": "ImageTagOptions",
}
# Go-only fields of some structs: callbacks, which are arguments of the C call, not JSON keys
# (tagged json:"-", so structOptions leaves them out).
GO_EXTRA = {
    "PutArchiveOptions": [("Progress", "ProgressFunc",
                           "Called as the archive is sent (done bytes; total -1, a reader's size is unknown); a non-nil error stops the copy and is returned.")],
    "CopyToOptions": [("Progress", "ProgressFunc",
                       "Called as the archive is sent (done bytes of the tar stream built from the host path; total -1); a non-nil error stops the copy and is returned.")],
    "CopyFromOptions": [("Progress", "ProgressFunc",
                         "Called as the archive is received (done bytes of the tar stream; total -1); a non-nil error stops the copy and is returned.")],
    "ImagePullOptions": [("Progress", "func(PullProgress) error",
                          "Called with each progress item the engine sends; a non-nil error stops the pull and is returned.")],
}
INITIALISMS = {"id": "ID", "url": "URL", "api": "API", "tls": "TLS", "cpu": "CPU", "dns": "DNS",
               "ipc": "IPC", "pid": "PID", "pids": "PIDs", "oom": "OOM", "uts": "UTS", "tty": "TTY",
               "uid": "UID", "gid": "GID", "io": "IO", "rt": "RT", "ps": "PS", "mac": "MAC",
               "ip": "IP", "bps": "BPS", "iops": "IOPS", "cpus": "CPUs", "noprune": "NoPrune"}


def go_field(name):
    if name[0].isupper():
        return "Raw" + name  # the raw Engine API objects (HostConfig: RawHostConfig)
    return "".join(INITIALISMS.get(w, w.capitalize()) for w in name.split("_"))


def go_type(k):
    t = k["type"]
    if "|" in t:
        return "any"
    if t == "boolean":
        return "*bool" if k["default"] is True else "bool"
    return {"string": "string", "integer": "*int64", "number": "*float64",
            "object": "map[string]any", "array": "[]any"}[t]


def gen_go(table):
    out = [
        "// Code generated by scripts/gen_options.py from api/options.json; DO NOT EDIT.",
        "",
        "package dockercontainers",
        "",
        "// Typed options, one struct per call, beside the map form (Options): every method that",
        "// takes options accepts either. The JSON tags are docker-py's keyword names; unset fields",
        "// are left out, so the library's defaults apply. Fields whose zero value is meaningful",
        "// are pointers: set them with Bool, Int or Float. Raw Engine API fields and keys not",
        "// listed here go in the map form.",
        "",
        "// Bool returns a pointer to b, for the *bool fields of the option structs.",
        "func Bool(b bool) *bool { return &b }",
        "",
        "// Int returns a pointer to i, for the *int64 fields of the option structs.",
        "func Int(i int64) *int64 { return &i }",
        "",
        "// Float returns a pointer to f, for the *float64 fields of the option structs.",
        "func Float(f float64) *float64 { return &f }",
    ]
    for fn, struct in GO_STRUCTS.items():
        keys = table[fn]
        out.append("")
        out.append("// %s are the options of %s." % (struct, fn))
        out.append("type %s struct {" % struct)
        for k in keys:
            if k["name"] in ("command", "cmd"):
                continue  # an argument of the Go method
            extra = notes(k)
            out.append("\t// %s%s" % (k["doc"], " (" + "; ".join(extra) + ")" if extra else ""))
            out.append('\t%s %s `json:"%s,omitempty"`' % (go_field(k["name"]), go_type(k), k["name"]))
        for field, typ, doc in GO_EXTRA.get(struct, []):
            out.append("\t// %s" % doc)
            out.append('\t%s %s `json:"-"`' % (field, typ))
        out.append("}")
        out.append("")
        out.append("func (o %s) optionMap() Options { return structOptions(o) }" % struct)
    return "\n".join(out) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    with open(TABLE) as f:
        table = json.load(f)
    files, errors = rewrite_rust(table)
    if errors:
        sys.exit("gen_options: " + "\n".join(errors))
    generated = {
        os.path.join(ROOT, "bindings", "node", "lib", "option-types.d.ts"): gen_ts(table),
        os.path.join(ROOT, "bindings", "python", "docker_containers", "_options.py"): gen_py(table),
        os.path.join(ROOT, "bindings", "go", "options_gen.go"): gen_go(table),
    }
    for path, text in generated.items():
        old = open(path).read() if os.path.exists(path) else None
        if old != text:
            files[path] = text
    if check:
        if files:
            sys.exit("stale, run `make options` and commit: "
                     + ", ".join(os.path.relpath(p, ROOT) for p in sorted(files)))
        print("options: %d calls, %d keys; generated files fresh"
              % (len(table), sum(len(v) for v in table.values())))
        return
    for path, text in files.items():
        with open(path, "w") as f:
            f.write(text)
        print("wrote", os.path.relpath(path, ROOT))


if __name__ == "__main__":
    main()
