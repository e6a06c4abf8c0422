#!/usr/bin/env python3
"""Tests of gen_api.py (run by make check-api): the real header classifies completely, and each
kind of thing the generator must refuse (an unclassifiable parameter, an unannotated pointer
return, a stale annotation, options for a function without options) stops it, naming the cause.
Each case edits a scratch copy of the header or the annotations in a temporary directory."""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_api  # noqa: E402

ROOT = gen_api.ROOT
HEADER = os.path.join(ROOT, "include", "docker_containers.h")
ANNOTATIONS = os.path.join(ROOT, "api", "annotations.json")


class GenApiTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dcabi-gen-api-")
        self.header = os.path.join(self.tmp, "docker_containers.h")
        self.annotations = os.path.join(self.tmp, "annotations.json")
        shutil.copy(HEADER, self.header)
        shutil.copy(ANNOTATIONS, self.annotations)
        self.options = os.path.join(self.tmp, "options.json")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def build(self):
        return gen_api.build(self.header, self.annotations, self.options)

    def edit_header(self, old, new):
        with open(self.header, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text.count(old), 1, old)
        with open(self.header, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))

    def edit_annotations(self, change):
        with open(self.annotations, encoding="utf-8") as f:
            ann = json.load(f)
        change(ann["functions"])
        with open(self.annotations, "w", encoding="utf-8") as f:
            json.dump(ann, f)

    def test_the_header_classifies_completely(self):
        d = self.build()
        # Every function the library exports (less the test-only docker_test_*), from the
        # symbol table of the debug build (make check-api builds it first).
        import subprocess
        lib = os.path.join(ROOT, "target", "debug", "libdocker_containers.so")
        out = subprocess.run(["nm", "-D", "--defined-only", lib], capture_output=True, text=True, check=True).stdout
        exported = {f[2] for f in (l.split() for l in out.splitlines()) if len(f) == 3 and f[1] == "T" and f[2].startswith("docker_")}
        exported = {n for n in exported if not n.startswith("docker_test_")}
        self.assertEqual({f["name"] for f in d["functions"]}, exported)
        self.assertEqual(d["soname"], "libdocker_containers.so.0.1")
        for fn in d["functions"]:
            self.assertTrue(fn["doc"], fn["name"])
            for p in fn["params"]:
                self.assertIn(p["direction"], ("in", "out", "inout"), (fn["name"], p["name"]))
                if p["role"] not in ("value", "length"):
                    self.assertIn("nullable", p, (fn["name"], p["name"]))
                if p["direction"] == "out" and p["type"]["pointer"] == 2:
                    self.assertTrue(p["free"], (fn["name"], p["name"]))
        codes = [v["value"] for e in d["enums"] if e["name"] == "docker_result" for v in e["values"]]
        self.assertEqual(codes, list(range(16)))
        # No api/options.json in the scratch directory: nothing embedded, no failure.
        self.assertFalse(any("options" in fn for fn in d["functions"]))

    def test_an_unclassifiable_parameter_stops_it(self):
        self.edit_header("                                  const uint8_t *data,\n"
                         "                                  size_t len,\n"
                         "                                  struct docker_error **error);",
                         "                                  const uint8_t *data,\n"
                         "                                  int32_t len,\n"
                         "                                  struct docker_error **error);")
        with self.assertRaisesRegex(gen_api.Unclassifiable, r"docker_stream_write\(data\)"):
            self.build()

    def test_a_pointer_return_needs_an_owner(self):
        self.edit_annotations(lambda a: a.pop("docker_version"))
        with self.assertRaisesRegex(gen_api.Unclassifiable, "docker_version returns a pointer"):
            self.build()

    def test_a_stale_annotation_stops_it(self):
        self.edit_annotations(lambda a: a.__setitem__("docker_no_such_function", {"blocks": True}))
        with self.assertRaisesRegex(gen_api.Unclassifiable, "docker_no_such_function"):
            self.build()
        self.edit_annotations(lambda a: a.pop("docker_no_such_function"))
        self.edit_annotations(lambda a: a["docker_container_kill"]["params"].__setitem__(
            "no_such_param", {"nullable": True}))
        with self.assertRaisesRegex(gen_api.Unclassifiable, "no_such_param"):
            self.build()

    def test_a_doc_that_says_blocks_must_block(self):
        self.edit_annotations(lambda a: a.__setitem__("docker_client_ping", {"blocks": False}))
        with self.assertRaisesRegex(gen_api.Unclassifiable, "docker_client_ping: its doc says it blocks"):
            self.build()

    def test_options_are_embedded_when_present(self):
        keys = [{"name": "timeout", "type": "integer", "required": False, "default": None,
                 "doc": "seconds before the kill", "min_api": None}]
        with open(self.options, "w", encoding="utf-8") as f:
            json.dump({"docker_container_stop": keys}, f)
        d = self.build()
        stop = next(f for f in d["functions"] if f["name"] == "docker_container_stop")
        self.assertEqual(stop["options"], keys)
        with open(self.options, "w", encoding="utf-8") as f:
            json.dump({"docker_container_start": keys}, f)
        with self.assertRaisesRegex(gen_api.Unclassifiable, "no options_json parameter"):
            self.build()


if __name__ == "__main__":
    unittest.main(verbosity=1)
