"""Hatchling build hook: the wheel carries the native library, as a platform wheel.

`make packages` builds the wheel with DC_NATIVE_LIB (the stripped library, build/dist/) and
DC_WHEEL_PLATFORM (the manylinux tag it allows, scripts/packages/glibc_tag.py) set; the library
goes in as docker_containers/libs/<soname>, where _native.py looks first. A wheel without the
library would install and then fail on import, so building one is refused; an editable install
(pip install -e) needs none and loads the library as _native.py says."""
import ast
import os

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def soname(package_dir):
    """SONAME from the generated _ffi.py, read with the ast module (nothing is imported)."""
    with open(os.path.join(package_dir, "_ffi.py"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SONAME" for t in node.targets):
            return ast.literal_eval(node.value)
    raise RuntimeError("docker_containers/_ffi.py has no SONAME")


class NativeLibraryHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        if self.target_name != "wheel" or version == "editable":
            return
        lib = os.environ.get("DC_NATIVE_LIB")
        platform = os.environ.get("DC_WHEEL_PLATFORM")
        if not lib or not platform:
            raise RuntimeError("the wheel carries the native library: build it with `make packages` "
                               "(DC_NATIVE_LIB and DC_WHEEL_PLATFORM), or install with pip install -e")
        if not os.path.isfile(lib):
            raise RuntimeError(f"DC_NATIVE_LIB={lib}: no such file")
        name = soname(os.path.join(self.root, "docker_containers"))
        build_data["force_include"][lib] = f"docker_containers/libs/{name}"
        build_data["pure_python"] = False
        build_data["tag"] = f"py3-none-{platform}"
