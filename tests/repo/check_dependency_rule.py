#!/usr/bin/env python3
"""Checks the module dependency rule of the riskwarn source tree.

    rules/     includes only C++ standard headers and "rules/..." headers (it is the pure domain)
    config/    may not include "adapters/..." or "daemon/..."
    adapters/  may not include "daemon/..."
    anything outside daemon/ and tests/ may not include "daemon/..."

Usage: check_dependency_rule.py [--root DIR]   check a tree (default: the repository)
       check_dependency_rule.py --self-test    prove the checker rejects each kind of violation
Exit status: 0 when the tree obeys the rule, 1 with one "path:line: message" per violation.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE_SUFFIXES = (".hpp", ".cpp", ".h", ".hh", ".cc", ".ipp", ".hpp.in", ".h.in", ".cpp.in")

# The C++20 standard library headers, including the <cname> C headers. Deprecated ones
# (<codecvt>, <strstream>, <ccomplex>, <cstdalign>, <cstdbool>, <ctgmath>, <ciso646>) and the
# <name.h> C spellings are left out on purpose.
STANDARD_HEADERS = frozenset("""
    algorithm any array atomic barrier bit bitset charconv chrono compare complex concepts
    condition_variable coroutine deque exception execution filesystem format forward_list fstream
    functional future initializer_list iomanip ios iosfwd iostream istream iterator latch limits
    list locale map memory memory_resource mutex new numbers numeric optional ostream queue random
    ranges ratio regex scoped_allocator semaphore set shared_mutex source_location span sstream
    stack stdexcept stop_token streambuf string string_view syncstream system_error thread tuple
    type_traits typeindex typeinfo unordered_map unordered_set utility valarray variant vector
    version
    cassert cctype cerrno cfenv cfloat cinttypes climits clocale cmath csetjmp csignal cstdarg
    cstddef cstdint cstdio cstdlib cstring ctime cuchar cwchar cwctype
""".split())

# Standard headers that rules/ still may not use: file and console I/O, and threads. The domain
# is pure; the edges do I/O.
IMPURE_STANDARD_HEADERS = frozenset("""
    barrier condition_variable filesystem fstream future iostream latch mutex semaphore
    shared_mutex stop_token syncstream thread
""".split())

# Headers generated into the build tree, by the module that owns their template.
GENERATED_HEADERS = {"riskwarn/version.hpp": "rules"}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def source_files(root):
    """Repository-relative paths of the C++ sources: git's view in a checkout, else a walk."""
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=True).stdout.strip()
        in_checkout = Path(top).resolve() == root.resolve()
    except (OSError, subprocess.CalledProcessError):
        in_checkout = False
    if in_checkout:
        listed = subprocess.run(
            ["git", "-C", str(root), "ls-files", "--cached", "--others", "--exclude-standard"],
            capture_output=True, text=True, check=True).stdout.splitlines()
        paths = [Path(p) for p in listed]
    else:
        paths = [p.relative_to(root) for p in root.rglob("*") if p.is_file()]
        paths = [p for p in paths if p.parts[0] != "build" and not p.parts[0].startswith(".")]
    return sorted(p for p in paths
                  if p.name.endswith(SOURCE_SUFFIXES) and (root / p).is_file())


def includes(text):
    """(line number, delimiter, header) for each #include, ignoring commented-out ones."""
    text = BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for number, line in enumerate(text.splitlines(), start=1):
        match = INCLUDE.match(line.split("//", 1)[0])
        if match:
            yield number, match.group(1), match.group(2).strip()


def module_of_header(header):
    """The top-level folder a quoted include refers to."""
    return GENERATED_HEADERS.get(header, header.split("/", 1)[0])


def violation(module, delimiter, header):
    """Why this include breaks the rule for a file in module, or None."""
    target = module_of_header(header) if delimiter == '"' else None
    if module == "rules":
        if delimiter == "<":
            if header not in STANDARD_HEADERS:
                return f"rules/ may include only C++ standard headers, not <{header}>"
            if header in IMPURE_STANDARD_HEADERS:
                return f"rules/ is pure and may not include <{header}> (I/O or threads)"
        elif target != "rules":
            return f'rules/ may include only "rules/..." headers, not "{header}"'
        return None
    if target == "daemon" and module not in ("daemon", "tests"):
        return f'only daemon/ and tests/ may include "{header}"'
    if module == "config" and target == "adapters":
        return f'config/ may not include "{header}" (adapters depend on config, not the reverse)'
    if module == "adapters" and target == "daemon":
        return f'adapters/ may not include "{header}"'
    return None


def check(root):
    """Every violation under root, as "path:line: message" strings."""
    problems = []
    for path in source_files(root):
        module = path.parts[0] if len(path.parts) > 1 else ""
        text = (root / path).read_text(encoding="utf-8", errors="replace")
        for number, delimiter, header in includes(text):
            message = violation(module, delimiter, header)
            if message:
                problems.append(f"{path}:{number}: {message}")
    return problems


SELF_TEST_CLEAN = {
    "rules/level.hpp": '#pragma once\n#include <string_view>\n#include "rules/result.hpp"\n',
    "rules/result.hpp": "#pragma once\n// #include <boost/asio.hpp> is only mentioned here\n"
                        "/*\n#include \"daemon/clock.hpp\"\n*/\n#include <variant>\n",
    "rules/version.hpp.in": "#pragma once\n",
    "config/config.hpp": '#include <toml++/toml.h>\n#include "rules/level.hpp"\n',
    "adapters/http/client.hpp": '#include <curl/curl.h>\n#include "config/config.hpp"\n',
    "daemon/main.cpp": '#include "adapters/http/client.hpp"\n#include "daemon/clock.hpp"\n',
    "tests/unit/daemon/clock_test.cpp": '#include "daemon/clock.hpp"\n',
    "build/debug/generated.cpp": '#include "daemon/clock.hpp"\n',
}

SELF_TEST_VIOLATIONS = {
    "rules/a.hpp": "#include <boost/optional.hpp>\n",
    "rules/b.hpp": '#include "config/config.hpp"\n',
    "rules/c.cpp": "#include <unistd.h>\n",
    "rules/d.cpp": "#include <fstream>\n",
    "rules/e.hpp": '#include "level.hpp"\n',
    "config/a.cpp": '#include "adapters/http/client.hpp"\n',
    "config/b.cpp": '  #  include "daemon/clock.hpp"\n',
    "adapters/a.cpp": '#include "daemon/clock.hpp"\n',
    "scripts/tool.cpp": '#include "daemon/clock.hpp"\n',
}


def write_tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run_cli(root):
    """Runs this script as a user would on root; returns (exit status, stdout)."""
    done = subprocess.run([sys.executable, __file__, "--root", str(root)],
                          capture_output=True, text=True)
    return done.returncode, done.stdout


def self_test():
    """Checks a clean tree passes and that every kind of violation is reported."""
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clean"
        write_tree(root, SELF_TEST_CLEAN)
        status, output = run_cli(root)
        if status != 0:
            failures.append(f"a clean tree was rejected:\n{output}")
        for name, text in SELF_TEST_VIOLATIONS.items():
            root = Path(tmp) / ("bad-" + name.replace("/", "_"))
            write_tree(root, {**SELF_TEST_CLEAN, name: text})
            status, output = run_cli(root)
            if status != 1 or not output.startswith(f"{name}:1: "):
                failures.append(f"{name} containing {text.strip()!r} was not reported "
                                f"(exit status {status}):\n{output}")
    for failure in failures:
        print(f"self-test: {failure}")
    print(f"self-test: {len(SELF_TEST_VIOLATIONS) + 1 - len(failures)} of "
          f"{len(SELF_TEST_VIOLATIONS) + 1} cases behaved")
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    problems = check(args.root)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
