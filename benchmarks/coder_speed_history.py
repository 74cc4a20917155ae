"""The coder's speed at several commits, measured side by side on this machine now.

A throughput figure read on another day is no yardstick: the machine's speed moves (the one-regex floor
of ``coder_throughput.py`` read 17,500-18,000 FA-KES reports/s here on 2026-11-25 and 25,500-27,000/s on
2026-12-05).  This script checks out each revision given into a temporary worktree and times its
``code_reports`` over the FA-KES reports in turn, round after round, so that every revision sees the same
machine: the CPU milliseconds per report (``time.process_time``), the mean of ``--repeat`` passes, the
first with cold caches, as ``coder_throughput.py`` counts them.  Each revision runs in its own process,
on this environment's Python and packages (not those its own lock file named).

Prints one row per revision: its date and subject, coder version, claims and events coded, the CPU ms
per report of each round, their mean, and the ratio to the first revision.

Run:  python benchmarks/coder_speed_history.py [--rounds 3] [--repeat 3] [REV ...]
      (default ``cd7d361 HEAD``: the code issue #13 was filed against, and this checkout; needs the git
      history, not a shallow clone)
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _shared import ROOT, data_path

#: Run in each revision's worktree: its conflictkit (first on the path), the FA-KES reports loaded and
#: split into sentences outside the timing, the sample report coded first (the dictionaries built),
#: then ``repeat`` timed passes.  Only names every revision since 2026-11-25 has (``ck.load_reports``,
#: ``ck.code_reports``, ``ck.code_report``, ``ck.load_report``, ``ck.sample_report_path``).
_TIMED = """
import sys, time
import conflictkit as ck
from conflictkit.coding import coder
path, repeat = sys.argv[1], int(sys.argv[2])
ck.code_report(ck.load_report(ck.sample_report_path()))
reports, _ = ck.load_reports(path)
for r in reports:
    r.sentences
cpu = []
for _ in range(repeat):
    c0 = time.process_time()
    coding = ck.code_reports(reports, progress=False)
    cpu.append(time.process_time() - c0)
print(coder.CODER_VERSION, len(coding.casualties), len(coding.events), sum(cpu) / repeat / len(reports) * 1e3)
"""


#: Without revisions: the code issue #13's speed clause was read on ("no slower than today, ~740 reports/s
#: here", 2026-11-25), and this checkout.
_DEFAULT = ("cd7d361", "HEAD")


def _git(*args):
    out = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"git {' '.join(args)}: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else 'failed'}")
    return out.stdout.strip()


def _timed(tree, path, repeat):
    """(coder version, claims, events, CPU ms per report) of the worktree ``tree``."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg", PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", _TIMED, str(path), str(repeat)], cwd=tree, env=env,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{tree.name}: the timed run failed: {out.stderr.strip().splitlines()[-1:]}")
    version, claims, events, ms = out.stdout.split()[-4:]
    return version, int(claims), int(events), float(ms)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=list(_DEFAULT),
                        help="git revisions (commits, tags, branches); default: %(default)s")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the revisions, in turn (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="timed code_reports passes per run (default 3)")
    args = parser.parse_args(argv)
    path = data_path("news", "fa-kes-syria-804.csv")
    commits = [_git("rev-parse", "--short", rev) for rev in args.revisions]
    with tempfile.TemporaryDirectory(prefix="ck-history-") as tmp:
        trees = []
        for commit in commits:
            tree = Path(tmp) / commit
            _git("worktree", "add", "--detach", "--quiet", str(tree), commit)
            trees.append(tree)
        try:
            runs = {c: [] for c in commits}
            for _ in range(args.rounds):
                for commit, tree in zip(commits, trees):
                    runs[commit].append(_timed(tree, path, args.repeat))
        finally:
            for tree in trees:
                _git("worktree", "remove", "--force", str(tree))
    first = sum(r[3] for r in runs[commits[0]]) / args.rounds
    print(f"FA-KES, CPU ms per report (mean of {args.repeat} passes, the first cold), {args.rounds} rounds in turn")
    print(f"{'commit':8} {'date':16} {'coder':7} {'claims':>6} {'events':>6}  {'rounds':{7 * args.rounds}}"
          f"{'mean':>6} {'ratio':>6}  subject")
    for commit in commits:
        version, claims, events, _ = runs[commit][0]
        ms = [r[3] for r in runs[commit]]
        mean = sum(ms) / len(ms)
        date, subject = _git("log", "-1", "--format=%ad%x09%s", "--date=format:%Y-%m-%d %H:%M", commit).split("\t")
        print(f"{commit:8} {date:16} {version:7} {claims:6d} {events:6d}  {''.join(f'{m:7.3f}' for m in ms)}"
              f"{mean:6.3f} {mean / first:6.2f}  {subject[:60]}")


if __name__ == "__main__":
    main()
