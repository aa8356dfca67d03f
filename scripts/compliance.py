#!/usr/bin/env python3
"""The compliance checklist (準拠度チェックリスト), generated from the tests that prove each requirement (issue 17).

Inputs:
  docs/compliance/measures.md   for each requirement ID: its text, how WardStation meets it, what the hospital
                                must do itself (Japanese and English) — the maintained source.
  tests/**/*.cpp                the tags: a line `// Proves: AUTH-5, AUTH-6` in the comment block right above a
                                QtTest slot (`void name()`), naming the requirements that slot's assertions prove;
                                a whole CTest test that is no QtTest (a check script) is named in the measures
                                instead (`ctests: name, …`).
  <build>/Testing/Temporary/LastTest.log
                                CTest's log of the last run: each slot's PASS / FAIL / SKIP line (a slot run by
                                several CTest tests, e.g. SQLite and PostgreSQL, passes only if it passed in all).
Outputs docs/COMPLIANCE.md (Japanese) and docs/COMPLIANCE.en.md: gaps first (no passing test), then every
requirement with its tests and their result in this run, then the CL table (the MHLW checklist items).

  scripts/compliance [--build DIR] [--check]
--check only validates the tags and the measures (unknown IDs, a tag without a slot, a requirement without its
texts) and exits 1 on a problem; the CTest test `compliance_tags` runs it.
"""
import argparse
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ("requirement.ja", "requirement.en", "measure.ja", "measure.en", "hospital.ja", "hospital.en")
PROVES = re.compile(r"^\s*//\s*Proves:\s*(.+?)\s*$")
SLOT = re.compile(r"^\s*void\s+(\w+)\s*\(\s*\)")
CLASS = re.compile(r"^\s*class\s+(\w+)\s*:\s*public\s+\w+")
SLOTS = re.compile(r"^\s*(private|public|protected)\s+slots\s*:")
ACCESS = re.compile(r"^\s*(private|public|protected)\s*:")
ID = re.compile(r"^[A-Z]+-\d+$")
RESULT = re.compile(r"^(PASS|FAIL!|SKIP|XFAIL|XPASS)\s*:\s*(\w+)::(\w+)\(")
CTEST = re.compile(r"^\d+/\d+ Test: (\S+)$")
CTEST_END = re.compile(r"^Test (Passed|Failed)")


def read_measures(path):
    """{ID: {field: text}} in file order, and the section ("AUTH", "CL", …) of each."""
    measures, order, problems = {}, [], []
    current = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("## "):
                current = line[3:].strip()
                if not ID.match(current):
                    problems.append(f"{path}:{number}: '{current}' is not a requirement ID")
                    current = None
                    continue
                if current in measures:
                    problems.append(f"{path}:{number}: {current} twice")
                measures[current] = {}
                order.append(current)
            elif current and ":" in line and line.split(":", 1)[0].strip() in FIELDS + ("ctests",):
                key, text = line.split(":", 1)
                measures[current][key.strip()] = text.strip()
            elif current and line.strip() and not line.startswith("#"):
                # A continuation of the previous field (long texts wrap).
                if measures[current]:
                    last = list(measures[current])[-1]
                    measures[current][last] += " " + line.strip()
    for rid in order:
        for field in FIELDS:
            if not measures[rid].get(field):
                problems.append(f"{path}: {rid} has no {field}")
    return measures, order, problems


def read_tags(tests_dir):
    """{ID: [(class, slot, file)]}, and problems (a tag with no slot, an ID that is not one)."""
    tags, problems = {}, []
    for base, dirs, files in os.walk(tests_dir):
        # The check's own fixture of broken tags is read only when it is asked for.
        dirs[:] = sorted(d for d in dirs if d != "compliance-fixture")
        for name in sorted(files):
            if not name.endswith(".cpp"):
                continue
            path = os.path.join(base, name)
            rel = os.path.relpath(path, ROOT)
            with open(path, encoding="utf-8") as f:
                lines = f.readlines()
            klass, pending, pending_line, in_slots = None, None, 0, False
            for number, line in enumerate(lines, 1):
                m = CLASS.match(line)
                if m:
                    klass, in_slots = m.group(1), False
                if SLOTS.match(line):
                    in_slots = True
                elif ACCESS.match(line):
                    in_slots = False
                m = PROVES.match(line)
                if m:
                    ids = [i.strip() for i in re.split(r"[,\s]+", m.group(1)) if i.strip()]
                    bad = [i for i in ids if not ID.match(i)]
                    if bad:
                        problems.append(f"{rel}:{number}: not requirement IDs: {', '.join(bad)}")
                    pending, pending_line = [i for i in ids if ID.match(i)], number
                    continue
                if pending is None:
                    continue
                m = SLOT.match(line)
                if m:
                    if not klass or not in_slots:
                        # A helper is not run by QtTest on its own: tag the slot that calls it.
                        problems.append(f"{rel}:{pending_line}: {m.group(1)} is not a test slot (private slots:)")
                        pending = None
                        continue
                    for rid in pending:
                        tags.setdefault(rid, []).append((klass, m.group(1), rel))
                    pending = None
                elif not line.strip().startswith("//"):
                    problems.append(f"{rel}:{pending_line}: '// Proves:' must stand in the comment right above a test slot")
                    pending = None
    return tags, problems


def read_results(log_path):
    """{(class, slot): "pass" | "fail" | "skip"}: fail wins over pass, pass over skip."""
    results = {}
    if not os.path.exists(log_path):
        return results
    rank = {"skip": 0, "pass": 1, "fail": 2}
    current = None
    with open(log_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = CTEST.match(line.rstrip("\n"))
            if m:
                current = m.group(1)
                continue
            m = CTEST_END.match(line)
            if m and current:
                # A whole CTest test, keyed ("ctest", name) (also WILL_FAIL ones: CTest says Passed when they fail).
                results[("ctest", current)] = "pass" if m.group(1) == "Passed" else "fail"
                current = None
                continue
            m = RESULT.match(line)
            if not m:
                continue
            outcome = {"PASS": "pass", "FAIL!": "fail", "XPASS": "fail", "SKIP": "skip", "XFAIL": "pass"}[m.group(1)]
            key = (m.group(2), m.group(3))
            if rank[outcome] >= rank.get(results.get(key), -1):
                results[key] = outcome
    return results


WORDS = {
    "ja": {
        "title": "WardStation 準拠度チェックリスト",
        "intro": "医療情報システムの安全管理に関するガイドライン（第6.0版）および「医療機関におけるサイバーセキュリティ対策チェックリスト」"
                 "への対応を、要件ごとに、それを証明するテストとこの実行での結果から生成した表です（`scripts/compliance`）。"
                 "「病院が行うこと」はソフトウェアでは代われない運用（教育、物理的な安全、契約など）です。",
        "run": "テスト実行",
        "norun": "テスト結果なし（`scripts/test` の後に実行してください）",
        "gaps": "未証明の要件（合格したテストがないもの）",
        "nogaps": "すべての要件に、この実行で合格したテストがあります。",
        "reqs": "要件",
        "cl": "サイバーセキュリティ対策チェックリスト（CL）",
        "id": "ID", "text": "要件", "measure": "WardStation の対応", "tests": "証明するテスト", "hospital": "病院が行うこと",
        "pass": "合格", "fail": "不合格", "skip": "省略", "notrun": "未実行", "none": "（テストなし）",
        "why_none": "証明するテストがない", "why_fail": "テストが不合格", "why_notrun": "テストがこの実行で合格していない",
        "other": "English: [COMPLIANCE.en.md](COMPLIANCE.en.md)",
    },
    "en": {
        "title": "WardStation compliance checklist",
        "intro": "How WardStation meets the MHLW Guidelines for the Security Management of Medical Information Systems "
                 "(6th ed.) and the MHLW cyber-security checklist for medical institutions, requirement by requirement, "
                 "generated from the tests that prove each one and their result in this run (`scripts/compliance`). "
                 "\"What the hospital does\" are the operations no software can do (training, physical security, contracts).",
        "run": "Test run",
        "norun": "no test results (run it after `scripts/test`)",
        "gaps": "Gaps: requirements without a passing test",
        "nogaps": "Every requirement has a test that passed in this run.",
        "reqs": "Requirements",
        "cl": "The cyber-security checklist (CL)",
        "id": "ID", "text": "Requirement", "measure": "How WardStation meets it", "tests": "Tests that prove it",
        "hospital": "What the hospital does",
        "pass": "passed", "fail": "FAILED", "skip": "skipped", "notrun": "not run", "none": "(no test)",
        "why_none": "no test proves it", "why_fail": "a test failed", "why_notrun": "no test passed in this run",
        "other": "日本語: [COMPLIANCE.md](COMPLIANCE.md)",
    },
}


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def evidence(rid, tags, measures):
    """The slots tagged for rid, then the whole CTest tests its measures name."""
    tests = list(tags.get(rid, []))
    for name in re.split(r"[,\s]+", measures.get(rid, {}).get("ctests", "")):
        if name:
            tests.append(("ctest", name, ""))
    return tests


def status_of(rid, tags, results, measures=None):
    tests = evidence(rid, tags, measures or {})
    outcomes = [results.get((k, s), "notrun") for k, s, _ in tests]
    if not tests:
        return "none", outcomes
    if "fail" in outcomes:
        return "fail", outcomes
    if "pass" in outcomes:
        return "pass", outcomes
    return "notrun", outcomes


def render(lang, measures, order, tags, results, run_time):
    w = WORDS[lang]
    out = [f"# {w['title']}", "", w["other"], "", w["intro"], ""]
    out.append(f"{w['run']}: {run_time}" if run_time else f"{w['run']}: {w['norun']}")
    out.append("")
    statuses = {rid: status_of(rid, tags, results, measures) for rid in order}
    gaps = [rid for rid in order if statuses[rid][0] != "pass"]
    out += [f"## {w['gaps']}", ""]
    if gaps:
        out += [f"| {w['id']} | {w['text']} | |", "|---|---|---|"]
        for rid in gaps:
            why = {"none": w["why_none"], "fail": w["why_fail"], "notrun": w["why_notrun"]}[statuses[rid][0]]
            out.append(f"| {rid} | {cell(measures[rid]['requirement.' + lang])} | {why} |")
    else:
        out.append(w["nogaps"])
    out.append("")

    def table(ids):
        rows = [f"| {w['id']} | {w['text']} | {w['measure']} | {w['tests']} | {w['hospital']} |", "|---|---|---|---|---|"]
        for rid in ids:
            m = measures[rid]
            _state, outcomes = statuses[rid]
            tests = evidence(rid, tags, measures)
            listed = "<br>".join((f"CTest `{s}`" if k == "ctest" else f"`{k}::{s}`") + f" ({w[o]})"
                                 for (k, s, _f), o in zip(tests, outcomes)) or w["none"]
            rows.append(f"| {rid} | {cell(m['requirement.' + lang])} | {cell(m['measure.' + lang])} | {listed} | "
                        f"{cell(m['hospital.' + lang])} |")
        return rows

    main = [rid for rid in order if not rid.startswith("CL-")]
    checklist = [rid for rid in order if rid.startswith("CL-")]
    out += [f"## {w['reqs']}", ""] + table(main) + [""]
    if checklist:
        out += [f"## {w['cl']}", ""] + table(checklist) + [""]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build", "dev"))
    parser.add_argument("--check", action="store_true")
    # Other inputs (the check's own test uses a fixture with broken tags).
    parser.add_argument("--measures", default=os.path.join(ROOT, "docs", "compliance", "measures.md"))
    parser.add_argument("--tests", default=os.path.join(ROOT, "tests"))
    args = parser.parse_args()

    measures, order, problems = read_measures(args.measures)
    tags, tag_problems = read_tags(args.tests)
    problems += tag_problems
    for rid in sorted(tags):
        if rid not in measures:
            where = ", ".join(sorted({f for _k, _s, f in tags[rid]}))
            problems.append(f"{where}: {rid} is tagged but not a requirement of docs/compliance/measures.md")
    if problems:
        print("\n".join(problems), file=sys.stderr)
    if args.check:
        tagged = sum(1 for rid in order if rid in tags)
        print(f"compliance: {len(order)} requirements, {tagged} with tagged tests, "
              f"{sum(len(v) for v in tags.values())} tags, {len(problems)} problem(s)")
        return 1 if problems else 0

    log = os.path.join(args.build, "Testing", "Temporary", "LastTest.log")
    results = read_results(log)
    run_time = ""
    if results:
        run_time = datetime.datetime.fromtimestamp(os.path.getmtime(log), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    for lang, name in (("ja", "COMPLIANCE.md"), ("en", "COMPLIANCE.en.md")):
        with open(os.path.join(ROOT, "docs", name), "w", encoding="utf-8") as f:
            f.write(render(lang, measures, order, tags, results, run_time))
    passed = sum(1 for rid in order if status_of(rid, tags, results, measures)[0] == "pass")
    print(f"compliance: {passed} of {len(order)} requirements proven by a passing test; docs/COMPLIANCE.md, docs/COMPLIANCE.en.md")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
