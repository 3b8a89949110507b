#!/usr/bin/env python3
"""Checks systemd/riskwarnd.service with systemd-analyze, without a running systemd.

Usage: check_systemd_unit.py verify UNIT BINARY
           Verifies a copy of UNIT whose ExecStart= runs BINARY (the built riskwarnd) instead of
           /usr/bin/riskwarnd. systemd-analyze verify exits 0 even when it ignores a bad
           directive, so any output at all is a failure.
       check_systemd_unit.py security UNIT MAX_EXPOSURE
           Requires `systemd-analyze security --offline` to rate UNIT at MAX_EXPOSURE (0-10) or
           better, through both its --threshold exit status and the printed overall level.
Exit status: 0 pass, 1 fail, 77 when systemd-analyze is not installed (CTest reports a skip).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

INSTALLED_BINARY = "/usr/bin/riskwarnd"
SKIP = 77
OVERALL_EXPOSURE = re.compile(r"Overall exposure level for \S+: (\d+(?:\.\d+)?)")


def systemd_analyze(*args):
    """Runs systemd-analyze with plain, unpaged, untranslated output."""
    env = dict(os.environ, SYSTEMD_PAGER="", SYSTEMD_COLORS="0", LC_ALL="C.UTF-8")
    return subprocess.run(["systemd-analyze", *args], capture_output=True, text=True, env=env)


def with_binary(unit_text, binary):
    """The unit text with ExecStart= pointing at binary; None if it does not run riskwarnd."""
    if re.search(r"\s", binary):
        sys.exit(f"cannot put a path containing whitespace into ExecStart=: {binary!r}")
    pattern = re.compile(r"^(ExecStart=[-@:+!]*)" + re.escape(INSTALLED_BINARY) + r"(?=\s|$)",
                         re.MULTILINE)
    text, count = pattern.subn(lambda m: m.group(1) + binary, unit_text)
    return text if count == 1 else None


def verify(unit, binary):
    text = with_binary(unit.read_text(encoding="utf-8"), binary)
    if text is None:
        print(f"{unit}: expected exactly one ExecStart={INSTALLED_BINARY} line")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / unit.name
        copy.write_text(text, encoding="utf-8")
        copy.chmod(0o644)
        done = systemd_analyze("verify", str(copy))
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or output:
        print(f"systemd-analyze verify {unit.name} (ExecStart={binary}) exited "
              f"{done.returncode}:\n{output}")
        return 1
    print(f"systemd-analyze verify {unit.name}: no findings")
    return 0


def security(unit, max_exposure):
    threshold = round(max_exposure * 10)  # --threshold takes the 0-100 internal scale
    done = systemd_analyze("security", "--offline=true", f"--threshold={threshold}", str(unit))
    match = OVERALL_EXPOSURE.search(done.stdout)
    if match is None:
        print(f"no overall exposure level in the output (exit {done.returncode}):\n"
              f"{done.stdout}{done.stderr}")
        return 1
    exposure = float(match.group(1))
    if done.returncode != 0 or exposure > max_exposure:
        print(f"{unit.name}: exposure {exposure} is above {max_exposure} "
              f"(exit {done.returncode}):\n{done.stdout}{done.stderr}")
        return 1
    print(f"{unit.name}: exposure {exposure}, at most {max_exposure} required")
    return 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("verify", "security"):
        sys.exit(__doc__)
    if shutil.which("systemd-analyze") is None:
        print("systemd-analyze is not installed; skipping")
        return SKIP
    unit = Path(sys.argv[2])
    if sys.argv[1] == "verify":
        return verify(unit, os.path.abspath(sys.argv[3]))
    return security(unit, float(sys.argv[3]))


if __name__ == "__main__":
    sys.exit(main())
