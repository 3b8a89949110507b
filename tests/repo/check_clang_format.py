#!/usr/bin/env python3
"""Checks that every C++ source of the repository is formatted by its .clang-format.

Usage: check_clang_format.py [--root DIR] [--clang-format PROGRAM]
In a git checkout the files are the tracked and the untracked-but-not-ignored *.cpp/*.hpp;
otherwise every *.cpp/*.hpp outside build/ and hidden folders.
Exit status: 0 when clean, 1 with clang-format's diagnostics, 77 when clang-format is missing.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

SKIP = 77
SUFFIXES = (".cpp", ".hpp")
BATCH = 200


def source_files(root):
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
        in_checkout = Path(top).resolve() == root.resolve()
    except (OSError, subprocess.CalledProcessError):
        in_checkout = False
    if in_checkout:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard",
             "--", "*.cpp", "*.hpp"],
            capture_output=True, text=True, check=True).stdout.splitlines()
        paths = [Path(p) for p in listed]
    else:
        paths = [p.relative_to(root) for p in root.rglob("*") if p.suffix in SUFFIXES]
        paths = [p for p in paths if p.parts[0] != "build" and not p.parts[0].startswith(".")]
    return sorted(p for p in paths if p.name.endswith(SUFFIXES) and (root / p).is_file())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--clang-format", default="clang-format")
    args = parser.parse_args()
    if shutil.which(args.clang_format) is None:
        print(f"{args.clang_format} is not installed; skipping")
        return SKIP
    files = [str(p) for p in source_files(args.root)]
    failed = False
    for start in range(0, len(files), BATCH):
        batch = files[start:start + BATCH]
        done = subprocess.run([args.clang_format, "--dry-run", "--Werror", *batch],
                              cwd=args.root, capture_output=True, text=True)
        if done.returncode != 0:
            failed = True
            sys.stdout.write(done.stdout + done.stderr)
    if failed:
        print("run clang-format -i on the files above")
        return 1
    print(f"{len(files)} files formatted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
