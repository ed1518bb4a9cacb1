"""Rebuilds Qt's ICU data library (libicudata, 32 MB on Linux) with only the data Qt uses.

Qt Core links ICU for locale-aware sorting (collation), case mapping and legacy text codecs.
It never asks ICU for currency, language, region, unit or zone names, number spelling,
transliteration, break iteration or the locale bundles: those make up most of the library.

The data is ICU's "common data" package exported as the symbol ``icudtNN_dat``. This module
reads it out of the ELF file, drops the unused items and assembles a new shared library with
binutils (``as`` and ``ld``). Where that is impossible it returns None and the full library
stays in the bundle.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

# Folders of ICU data that Qt never opens.
UNUSED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit", "zone")
# Locale bundles ("de.res", "pt_BR.res") at the top level are ICU's formatting data;
# Qt formats with its own CLDR tables. English stays as a fallback.
LOCALE_BUNDLE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]*)*\.res")
KEPT_BUNDLES = ("root.res", "pool.res", "res_index.res")
ALIGNMENT = 16  # ICU aligns every item of a package to 16 bytes


class IcuDataError(Exception):
    pass


def wanted_item(name: str) -> bool:
    """Whether an item (named without its package prefix, e.g. "coll/de.res") is kept."""
    if "/" in name:
        return name.split("/", 1)[0] not in UNUSED_TREES
    if name.endswith(".cnv"):  # legacy codec tables: the app decodes files itself
        return False
    if LOCALE_BUNDLE.fullmatch(name):
        return name in KEPT_BUNDLES or name.startswith("en")
    return True


def read_data_symbol(library: bytes) -> tuple[str, bytes]:
    """Returns the name and bytes of the ``icudt*_dat`` symbol in an ELF64 little-endian library."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise IcuDataError("not a 64-bit little-endian ELF file")
    (shoff,) = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strtab = sections[link]
        for pos in range(offset, offset + size, entsize):
            name_at, _info, _other, shndx, value, length = struct.unpack_from(
                "<IBBHQQ", library, pos
            )
            start = strtab[4] + name_at
            name = library[start : library.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name) and length:
                home = sections[shndx]
                begin = home[4] + value - home[3]
                return name, library[begin : begin + length]
    raise IcuDataError("no icudt*_dat symbol")


def package_items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Splits an ICU common data package into its header and (name, bytes) items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    toc = data[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(toc)
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        items.append((name, toc[data_at:end]))
    return data[:header_size], items


def build_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """Writes a package the way ICU's pkgdata does: table of contents, names, aligned items."""
    names = b""
    name_offsets = []
    toc_size = 4 + 8 * len(items)
    for name, _ in items:
        name_offsets.append(toc_size + len(names))
        names += name.encode("ascii") + b"\0"
    body_start = toc_size + len(names)
    body_start += -(len(header) + body_start) % ALIGNMENT
    body = b""
    data_offsets = []
    for _, item in items:
        data_offsets.append(body_start + len(body))
        body += item + b"\0" * (-len(item) % ALIGNMENT)
    toc = struct.pack("<I", len(items)) + b"".join(
        struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets, strict=True)
    )
    padding = b"\0" * (body_start - toc_size - len(names))
    return header + toc + names + padding + body


def trim_package(data: bytes) -> bytes:
    header, items = package_items(data)
    kept = [(name, item) for name, item in items if wanted_item(name.split("/", 1)[1])]
    return build_package(header, kept)


def assemble_library(symbol: str, data: bytes, soname: str, out: Path) -> None:
    """Makes a shared library exporting ``data`` as ``symbol``, as ICU's own build does."""
    work = out.parent / f"{soname}.work"
    work.mkdir(parents=True, exist_ok=True)
    (work / "data.bin").write_bytes(data)
    (work / "data.s").write_text(
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol}, @object\n"
        "\t.balign 16\n"
        f"{symbol}:\n"
        '\t.incbin "data.bin"\n'
        f"\t.size {symbol}, . - {symbol}\n"
        '\t.section .note.GNU-stack,"",@progbits\n'
    )
    subprocess.run(["as", "--64", "-o", "data.o", "data.s"], cwd=work, check=True)
    subprocess.run(
        ["ld", "-shared", "-soname", soname, "-o", str(out.resolve()), "data.o"],
        cwd=work,
        check=True,
    )
    shutil.rmtree(work)


def trimmed_library(source: Path, out_dir: Path) -> Path | None:
    """Writes a trimmed copy of ``source`` (libicudataNN.so) into ``out_dir``; None if it cannot."""
    if not sys.platform.startswith("linux") or not (shutil.which("as") and shutil.which("ld")):
        return None
    try:
        symbol, data = read_data_symbol(source.read_bytes())
        trimmed = trim_package(data)
        out_dir.mkdir(parents=True, exist_ok=True)
        out = out_dir / source.name
        assemble_library(symbol, trimmed, source.name, out)
    except (
        IcuDataError,
        OSError,
        subprocess.CalledProcessError,
        struct.error,
        ValueError,
    ) as error:
        print(f"ICU data left whole: {error}", file=sys.stderr)
        return None
    return out


if __name__ == "__main__":
    result = trimmed_library(Path(sys.argv[1]), Path(sys.argv[2]))
    if result is None:
        sys.exit(1)
    print(
        f"{sys.argv[1]}: {Path(sys.argv[1]).stat().st_size:,} bytes -> {result.stat().st_size:,} bytes"
    )
