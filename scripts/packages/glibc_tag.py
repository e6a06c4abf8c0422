"""The manylinux platform tag a shared library allows: manylinux_X_Y_ARCH for the newest
GLIBC_X.Y symbol version it needs (read from its ELF version-needs section with pyelftools,
the reader auditwheel itself uses). make package-test checks the result with `auditwheel show`.

    python3 scripts/packages/glibc_tag.py build/dist/libdocker_containers.so
    manylinux_2_34_x86_64
"""
import sys

from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection

ARCH = {"EM_X86_64": "x86_64", "EM_AARCH64": "aarch64"}


def glibc_tag(path):
    with open(path, "rb") as f:
        elf = ELFFile(f)
        arch = ARCH.get(elf["e_machine"])
        if arch is None:
            raise SystemExit(f"{path}: no manylinux tag for machine {elf['e_machine']}")
        # manylinux2014 (glibc 2.17) is the oldest policy auditwheel keeps for these machines.
        newest = (2, 17)
        for section in elf.iter_sections():
            if not isinstance(section, GNUVerNeedSection):
                continue
            for _needed, aux in section.iter_versions():
                for version in aux:
                    name = version.name
                    if name.startswith("GLIBC_") and name[6:7].isdigit():
                        newest = max(newest, tuple(int(p) for p in name[6:].split(".")[:2]))
    return f"manylinux_{newest[0]}_{newest[1]}_{arch}"


if __name__ == "__main__":
    print(glibc_tag(sys.argv[1]))
