#!/usr/bin/env python3
"""Cold-start benchmark of the class-data-sharing archive (run from the repository root after `mvn -q -DskipTests package`).

    python3 bot/tools/cds-bench.py [--runs 15] [--tiered1] [--variant NAME="-XX:Flag ..."]...

Each round runs every variant once, in a rotated order (interleaved, so host load hits all variants alike):
cold `check "…"` and `search "…"`, plain `java -jar bot/target/coach.jar` and with
`-XX:SharedArchiveFile=bot/target/coach.jsa` (`--tiered1` adds both with -XX:TieredStopAtLevel=1,
`--variant` any other JVM flags). Prints per variant the medians of wall time and of CPU time (user + sys of
the child, less sensitive to other processes on a shared machine), the ratios to plain, and the load average.
"""
import argparse
import os
import resource
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
    variants = [(c, f) for c in COMMANDS for f in flags]
    times = {v: [] for v in variants}
    cpu = {v: [] for v in variants}
    load0 = os.getloadavg()
    for r in range(args.runs):
        k = r % len(variants)
        for c, f in variants[k:] + variants[:k]:
            cmd = ["java"] + flags[f] + ["-jar", JAR] + COMMANDS[c]
            u = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            times[(c, f)].append(time.perf_counter() - t)
            w = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[(c, f)].append(w.ru_utime + w.ru_stime - u.ru_utime - u.ru_stime)
            if p.returncode != 0:
                raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.decode()[-500:]}")
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
                  f" | cpu median {cm:6.3f} s ratio {cm / cbase:.2f}")


if __name__ == "__main__":
    main()
