#!/usr/bin/env bash
# Hostile inputs through the commands a maintainer and an analyst run:
#
#   scripts/hostile.sh [--seed N] [--mutants N] [--timeout SECONDS]
#
# Generates rulebook folders, case files and command lines that are mutations of the real
# Rules/ and Cases/ (bytes flipped, deleted, inserted; lines dropped, doubled, swapped; files cut
# short), random bytes, and the limit cases of docs/robustness.md (a 50 MB file, a million facts,
# 100,000 levels of nesting, long names and lines, invalid UTF-8, a byte-order mark, CRLF, NUL
# bytes, dates far outside the calendar, numbers that overflow, a symbolic link out of the folder,
# definitions and quantifiers that would take hours), then runs `proviso check`, `proviso test`
# and `can-fund` on each with a timeout (default: 1 second). It fails if any run ends by a
# signal (exit code 128 or more), runs out of time, or reports an error in a file without naming
# its line and column (only R001, R413 and R414 are about a whole folder). The release build is
# used (it is built first); PROVISO_BIN names another folder of binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

seed=8 mutants=150 timeout=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --mutants) mutants=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    *) echo "usage: scripts/hostile.sh [--seed N] [--mutants N] [--timeout SECONDS]" >&2; exit 2 ;;
  esac
done

if [ -z "${PROVISO_BIN:-}" ]; then
  swift build -c release --product proviso > /dev/null
  swift build -c release --product can-fund > /dev/null
  PROVISO_BIN=$(swift build -c release --show-bin-path)
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/proviso-hostile-XXXXXX")
trap 'rm -rf "$work"' EXIT

PROVISO_BIN=$PROVISO_BIN python3 - "$work" "$seed" "$mutants" "$timeout" <<'PYTHON'
import os, random, re, shutil, subprocess, sys, time

work, seed, mutants, timeout = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
binaries = os.environ["PROVISO_BIN"]
proviso, can_fund = os.path.join(binaries, "proviso"), os.path.join(binaries, "can-fund")
rng = random.Random(seed)

rule_files = sorted(os.path.join(d, f) for d, _, fs in os.walk("Rules") for f in fs if f.endswith(".proviso"))
case_files = sorted(os.path.join("Cases", f) for f in os.listdir("Cases") if f.endswith(".case"))
read = lambda p: open(p, "rb").read()

# --- inputs: (name, kind, path); kind is "rules" (a folder) or "case" (a file)
inputs = []
serial = [0]

def rulebook(name, replace=None, extra=None, link=None):
    """A copy of Rules/ with files replaced or added ({relative path: bytes})."""
    serial[0] += 1
    folder = os.path.join(work, "r%04d" % serial[0])
    for src in rule_files:
        dst = os.path.join(folder, os.path.relpath(src, "Rules"))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(src, dst)
    for rel, data in (replace or {}).items():
        open(os.path.join(folder, rel), "wb").write(data)
    for rel, data in (extra or {}).items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "wb").write(data)
    if link:
        os.symlink(link[1], os.path.join(folder, link[0]))
    inputs.append((name, "rules", folder))

def alone(name, files):
    """A folder holding only these files ({relative path: bytes})."""
    serial[0] += 1
    folder = os.path.join(work, "a%04d" % serial[0])
    for rel, data in files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "wb").write(data)
    inputs.append((name, "rules", folder))

def case(name, data):
    serial[0] += 1
    path = os.path.join(work, "c%04d.case" % serial[0])
    open(path, "wb").write(data)
    inputs.append((name, "case", path))

TOKENS = [b"{", b"}", b"(", b")", b"[", b"]", b"\"", b"\\", b"..", b".", b",", b";", b"=", b"==", b"and ", b"or ", b"not ",
          b"any coup c where ", b"unknown", b"\x00", b"\xff", b"\xc3", b"\xef\xbb\xbf", b"\r", b"\n", b"#", b"FY9999",
          b"9999999999999999999999", b"0000-00-00", b"2012-02-30", b"10000-01-01", b"FY0000", b"-", b"__", b"\t"]

def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            data += rng.choice(TOKENS)
            continue
        i = rng.randrange(len(data))
        op = rng.randrange(9)
        lines = data.split(b"\n")
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            del data[i:i + rng.randint(1, 40)]
        elif op == 2:
            data[i:i] = rng.choice(TOKENS)
        elif op == 3:
            data = data[:i]  # cut short
        elif op == 4 and len(lines) > 2:
            j = rng.randrange(len(lines)); del lines[j]; data = bytearray(b"\n".join(lines))
        elif op == 5 and len(lines) > 2:
            j = rng.randrange(len(lines)); lines.insert(j, lines[j]); data = bytearray(b"\n".join(lines))
        elif op == 6 and len(lines) > 2:
            j, k = rng.randrange(len(lines)), rng.randrange(len(lines)); lines[j], lines[k] = lines[k], lines[j]
            data = bytearray(b"\n".join(lines))
        elif op == 7:
            data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            j = rng.randrange(len(data)); data[i:i] = data[j:j + rng.randint(1, 200)]
    return bytes(data)

# Mutations of real rule files and case files.
for n in range(mutants):
    src = rng.choice(rule_files)
    rulebook("mutated %s" % src, replace={os.path.relpath(src, "Rules"): mutate(read(src))})
for n in range(mutants):
    src = rng.choice(case_files)
    case("mutated %s" % src, mutate(read(src)))
# Truncations at every tenth of a file.
for src in rng.sample(rule_files, 4):
    data = read(src)
    for k in range(1, 10):
        rulebook("%s cut at %d%%" % (src, k * 10), replace={os.path.relpath(src, "Rules"): data[:len(data) * k // 10]})
for src in rng.sample(case_files, 3):
    data = read(src)
    for k in range(1, 10):
        case("%s cut at %d%%" % (src, k * 10), data[:len(data) * k // 10])
# Random bytes.
for size in [1, 100, 4096, 65536, 1 << 20]:
    rulebook("random %d bytes" % size, extra={"zz-random.proviso": bytes(rng.randrange(256) for _ in range(size))})
    case("random %d bytes" % size, bytes(rng.randrange(256) for _ in range(size)))
    alone("random %d bytes alone" % size, {"r.proviso": bytes(rng.randrange(256) for _ in range(size))})

# The limit cases.
fact = lambda i: b"hold h%d {\n  country Mali\n  from 2012-01-01\n  says \"x\"\n  source \"s\"\n}\n" % i
provision = lambda trigger: b"provision zz \"Hostile\" {\n  each coup as e\n  version V1 FY2012.. {\n    section 7008\n    covers all-funds\n    prohibits when " + trigger + b"\n    source \"s\"\n  }\n}\n"
rulebook("100,000 nested parentheses", extra={"zz.proviso": provision(b"(" * 100000 + b"e.duly-elected" + b")" * 100000)})
rulebook("100,000 nots, one a line", extra={"zz.proviso": provision(b"\n".join([b"not"] * 100000) + b" e.duly-elected")})
rulebook("100,000 nested blocks", extra={"zz.proviso": b"a {\n" * 100000 + b"}\n" * 100000})
rulebook("100,000 nested any", extra={"zz.proviso": provision(b"any coup c where " * 100000 + b"true")})
rulebook("a 50 MB rule file", extra={"zz-big.proviso": b"".join(fact(i) for i in range(50 * 1024 * 1024 // 70))})
alone("a million facts in one file", {"facts.proviso": b"".join(fact(i) for i in range(1000000))})
rulebook("a million facts in 100 files", extra={"zz/f%03d.proviso" % k: b"".join(fact(k * 10000 + i) for i in range(10000)) for k in range(100)})
rulebook("a name of a million letters", extra={"zz.proviso": b"purpose " + b"a" * 1000000 + b" \"x\"\n"})
rulebook("a name over the token limit", extra={"zz.proviso": b"purpose " + b"a" * (1 << 20 | 1) + b" \"x\"\n"})
rulebook("a string over the token limit", extra={"zz.proviso": b"purpose p \"" + b"x" * (1 << 20 | 1) + b"\"\n"})
rulebook("a 1.9 MB line of arguments", extra={"zz.proviso": b"purpose p \"x\" " + b"a " * 950000 + b"\n"})
rulebook("a 1.9 MB line of stray characters", extra={"zz.proviso": b"@ " * 950000})
rulebook("a 1.9 MB comment", extra={"zz.proviso": b"#" + b"x" * 1900000 + b"\n"})
rulebook("invalid UTF-8", extra={"zz.proviso": b"purpose p \"caf\xe9\"\n"})
rulebook("a NUL byte", extra={"zz.proviso": b"purpose p \"a\x00b\"\n\x00\n"})
rulebook("byte-order marks and CRLF everywhere", replace={os.path.relpath(p, "Rules"): b"\xef\xbb\xbf" + read(p).replace(b"\n", b"\r\n") for p in rule_files})
rulebook("a byte-order mark in the middle", extra={"zz.proviso": b"purpose p \"x\"\n\xef\xbb\xbfpurpose q \"y\"\n"})
rulebook("CR line endings alone", extra={"zz.proviso": b"purpose p \"x\"\rpurpose q \"y\"\r"})
for date in [b"0000-01-01", b"0001-01-01", b"0999-12-31", b"10000-01-01", b"9999-12-31", b"9999-13-01", b"2012-02-30", b"99999999-01-01", b"2012-1-1"]:
    rulebook("a date %s" % date.decode(), extra={"zz.proviso": b"hold zz {\n  country Mali\n  from " + date + b"\n  says \"x\"\n  source \"s\"\n}\n"})
for years in [b"FY0000", b"FY9999", b"FY9999..", b"FY1001..FY9999", b"FY99999"]:
    rulebook("fiscal years %s" % years.decode(), extra={"zz.proviso": provision(b"e.duly-elected").replace(b"FY2012..", years)})
for number in [b"9223372036854775807", b"9223372036854775808", b"99999999999999999999999999", b"999999999999999999", b"-1"]:
    rulebook("a number %s" % number.decode(), extra={"zz.proviso": b"listing zz {\n  country Mali\n  list tip-tier3\n  year " + number + b"\n  source \"s\"\n}\n"})
    rulebook("a section %s" % number.decode(), extra={"zz.proviso": provision(b"e.duly-elected").replace(b"section 7008", b"section " + number)})
rulebook("a symbolic link out of the folder", link=("zz-passwd.proviso", "/etc/passwd"))
rulebook("a symbolic link to a folder above", link=("zz-up", ".."))
rulebook("include and import", extra={"zz.proviso": b"include \"/etc/passwd\"\nimport \"../../Cases\"\n"})
rulebook("a chain of definitions nested to every limit", extra={"zz.proviso": b"provision zz \"Hostile\" {\n  each coup as e\n  define d0 = " + b"not " * 198 + b"e.duly-elected\n"
         + b"".join(b"  define d%d = " % i + b"not " * 198 + b"d%d\n" % (i - 1) for i in range(1, 32))
         + b"  version V1 FY2012.. {\n    section 7008\n    covers all-funds\n    prohibits when d31\n    source \"s\"\n  }\n}\n"})
rulebook("definitions shared 4^18 times", extra={"zz.proviso": b"provision zz \"Hostile\" {\n  each coup as e\n  define d0 = e.date after query.date\n"
         + b"".join(b"  define d%d = " % i + b" or ".join([b"d%d" % (i - 1)] * 4) + b"\n" for i in range(1, 19))
         + b"  version V1 FY2012.. {\n    section 7008\n    covers all-funds\n    prohibits when d18\n    source \"s\"\n  }\n}\n"})
rulebook("twelve nested any", extra={"zz.proviso": provision(b"".join(b"any coup c%d where " % i for i in range(12)) + b"c11.date before query.date")})
rulebook("control characters in strings", extra={"zz.proviso": b"purpose p \"\x1b]0;owned\x07\x1b[31m\x7f\xc2\x9b\"\n@\x1b[2J\n"})
for name, text in [("a case nested 100,000 deep", b"case c {\n" + b"  assume {\n" * 100000 + b"}\n" * 100001),
                   ("a case with a million assumed facts", b"case c \"x\" {\n  query Mali program IMET date 2012-06-01\n  expect prohibited\n  expect sfops-7008 prohibits\n  assume {\n"
                    + b"".join(b"    certification w%d { provision sfops-7008; event mali-2012; date 2013-01-01; source \"s\" }\n" % i for i in range(30000)) + b"  }\n  source \"s\"\n}\n"),
                   ("a case with far dates", b"case c \"x\" {\n  query Mali program IMET date 9999-12-31\n  expect prohibited\n  expect sfops-7008 prohibits\n  source \"s\"\n}\n"
                    + b"case d \"x\" {\n  query Mali program IMET date 0001-01-01\n  expect prohibited\n  expect sfops-7008 prohibits\n  source \"s\"\n}\n")]:
    case(name, text)

# --- runs
runs, failures, slowest = 0, [], (0.0, "")
located = re.compile(r"^\S.*:\d+:\d+: (error|warning)\[[A-Z]\d{3}\]")
unlocated_ok = {"R001", "R413", "R414"}

def run(name, argv):
    global runs, slowest
    runs += 1
    start = time.monotonic()
    try:
        p = subprocess.run(argv, capture_output=True, timeout=timeout * 5 + 5)
        code, out = p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        failures.append("%s: %s: still running after %ss" % (name, " ".join(argv[:3]), timeout * 5 + 5))
        return
    took = time.monotonic() - start
    if took > slowest[0]:
        slowest = (took, "%s (%s)" % (name, argv[1] if argv[0] == proviso else "can-fund"))
    if code < 0 or code >= 128:
        failures.append("%s: %s ended by signal or crash (exit %d)" % (name, " ".join(argv[:3]), code))
    if took > timeout:
        failures.append("%s: %s took %.2fs, more than %ss" % (name, " ".join(argv[:3]), took, timeout))
    for line in out.splitlines():
        m = re.match(r"^(?:(\S.*?):(\d+):(\d+): )?error\[([A-Z]\d{3})\]", line)
        if m and not m.group(1) and m.group(4) not in unlocated_ok:
            failures.append("%s: %s reported an error without a location: %s" % (name, " ".join(argv[:3]), line[:160]))
    if code == 4 and not re.search(r"error\[[A-Z]\d{3}\]", out):
        failures.append("%s: %s exited 4 without naming an error" % (name, " ".join(argv[:3])))

for name, kind, path in inputs:
    if kind == "rules":
        run(name, [proviso, "check", path])
        run(name, [can_fund, "Mali", "--program", "IMET", "--date", "2012-06-01", "--rules", path])
        run(name, [proviso, "test", "Cases/mali.case", "--rules", path])
    else:
        run(name, [proviso, "test", path])
        run(name, [proviso, "check", "--cases", path])
# Command lines.
for argv in [["Mali", "--program", "IMET", "--date", "9999-12-31"], ["Mali", "--program", "IMET", "--date", "0001-01-01"],
             ["Mali", "--program", "IMET", "--date", "99999-12-31"], ["Mali", "--program", "IMET", "--date", "2012-02-30"],
             ["Mali", "--program", "IMET", "--fiscal-year", "FY9999"], ["Mali", "--program", "IMET", "--fiscal-year", "99999999999999999999"],
             ["\x00", "--program", "IMET"], ["Mali", "--program", "a" * 100000], ["M" * 100000, "--program", "IMET"],
             ["Mali", "--program", "IMET", "--assume", "certification x { provision sfops-7008; event mali-2012; date 9999-12-31; source \"s\" }"],
             ["Mali", "--program", "IMET", "--assume", "(" * 100000], ["Mali", "--program", "IMET", "--assume", "a {\n" * 25000],
             ["Mali", "--program", "IMET", "--rules", "/etc"], ["Mali", "--program", "IMET", "--rules", "/dev/null"],
             ["Mali", "--program", "IMET", "--rules", "Rules\x01"], ["Mali", "--program", "IMET", "--purpose", "x" * 10000],
             ["--program"], ["--", "--program", "IMET"], ["Mali", "--program=IMET", "--date="]]:
    run("can-fund %s" % " ".join(a[:40] for a in argv)[:80], [can_fund] + [a.replace("\x00", "") for a in argv])

print("hostile: %d runs of check, test and can-fund on %d inputs; slowest %.2fs: %s" % (runs, len(inputs), slowest[0], slowest[1]))
for f in failures:
    print("FAIL " + f)
if failures:
    print("hostile: %d failures" % len(failures))
    sys.exit(1)
print("hostile: no crash, no time-out, every malformed file named with a location")
PYTHON
