#!/usr/bin/env python3
"""Cold-start benchmark of the class-data-sharing archive (run from the repository root after `mvn -q -DskipTests package`).

    python3 bot/tools/cds-bench.py [--runs 15] [--tiered1] [--variant NAME="-XX:Flag ..."]... [--baseline DIR]

Each round runs every variant once, in a rotated order (interleaved, so host load hits all variants alike):
cold `check "…"` and `search "…"`, plain `java -jar bot/target/coach.jar` and with
`-XX:SharedArchiveFile=bot/target/coach.jsa` (`--tiered1` adds both with -XX:TieredStopAtLevel=1,
`--variant` any other JVM flags; `--baseline DIR` also runs DIR/bot/target/coach.jar, plain and with its own
archive, e.g. a copy of an older build, so that before/after are measured in the same window). Prints per
variant the medians of wall time and of CPU time (user + sys of the child, less sensitive to other processes on
a shared machine), the ratios to plain, the child's peak RSS, and the load average.
"""
import argparse
import os
import shlex
import statistics
import subprocess
import time

JAR = "bot/target/coach.jar"
JSA = "bot/target/coach.jsa"
COMMANDS = {
    "check": ["check", "Добрый день! Это не наша проблема, ждите, ответим когда сможем."],
    "search": ["search", "клиент жалуется на задержку"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--tiered1", action="store_true")
    ap.add_argument("--variant", action="append", default=[], help='NAME="JVM flags"')
    ap.add_argument("--baseline", help="a directory with another build's bot/target/coach.jar (and coach.jsa)")
    args = ap.parse_args()
    if not os.path.isfile(JSA):
        raise SystemExit(f"no {JSA}: build with mvn -q -DskipTests package (same JDK as `java` here)")
    flags = {"plain": [], "cds": [f"-XX:SharedArchiveFile={JSA}", "-Xshare:on"]}
    if args.tiered1:
        flags["cds+tiered1"] = flags["cds"] + ["-XX:TieredStopAtLevel=1"]
        flags["plain+tiered1"] = ["-XX:TieredStopAtLevel=1"]
    for v in args.variant:
        name, _, fl = v.partition("=")
        flags[name] = shlex.split(fl.replace("$JSA", JSA))
    jars = {f: JAR for f in flags}
    if args.baseline:
        base_jar = os.path.join(args.baseline, JAR)
        flags["baseline"] = []
        flags["baseline-cds"] = [f"-XX:SharedArchiveFile={os.path.join(args.baseline, JSA)}", "-Xshare:on"]
        jars["baseline"] = jars["baseline-cds"] = base_jar
    variants = [(c, f) for c in COMMANDS for f in flags]
    times = {v: [] for v in variants}
    cpu = {v: [] for v in variants}
    rss = {v: [] for v in variants}
    load0 = os.getloadavg()
    for r in range(args.runs):
        k = r % len(variants)
        for c, f in variants[k:] + variants[:k]:
            cmd = ["java"] + flags[f] + ["-jar", jars[f]] + COMMANDS[c]
            t = time.perf_counter()
            p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err = p.stderr.read()
            _, status, usage = os.wait4(p.pid, 0)
            times[(c, f)].append(time.perf_counter() - t)
            cpu[(c, f)].append(usage.ru_utime + usage.ru_stime)
            rss[(c, f)].append(usage.ru_maxrss / 1024)
            if status != 0:
                raise SystemExit(f"{' '.join(cmd)} exited {status >> 8}: {err.decode()[-500:]}")
    load1 = os.getloadavg()
    print(f"{args.runs} interleaved runs per variant; load average before {load0[0]:.1f}, after {load1[0]:.1f} "
          f"({os.cpu_count()} cores)")
    for c in COMMANDS:
        base = statistics.median(times[(c, "plain")])
        cbase = statistics.median(cpu[(c, "plain")])
        for f in flags:
            m = statistics.median(times[(c, f)])
            q = sorted(times[(c, f)])
            cm = statistics.median(cpu[(c, f)])
            print(f"{c:7s} {f:16s} wall median {m:6.3f} s (min {q[0]:.3f}, max {q[-1]:.3f}) ratio {m / base:.2f}"
                  f" | cpu median {cm:6.3f} s ratio {cm / cbase:.2f} | peak rss median {statistics.median(rss[(c, f)]):.0f} MB"
                  f" max {max(rss[(c, f)]):.0f} MB")


if __name__ == "__main__":
    main()
