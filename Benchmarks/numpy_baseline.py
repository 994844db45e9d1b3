#!/usr/bin/env python3
"""numpy baseline for eos-bench: the same work as `swift run -c release eos-bench`, row for row.

    python3 Benchmarks/numpy_baseline.py [--only PREFIX] [--tsv FILE] [--clock wall|cpu]
    python3 Benchmarks/numpy_baseline.py --compare SWIFT.tsv NUMPY.tsv   (used by run.sh)

Inputs are built from the same closed formulas as Benchmarks/Problems.swift (with the C
library's sin/cos via `math`, so they are bit-identical). Times are wall clock, the best of
repeated batches after a warm-up call. numpy runs with its own BLAS threading (OpenBLAS uses
both cores unless OPENBLAS_NUM_THREADS says otherwise); the Swift rows are single-threaded
except the parallel sweep. With `--clock cpu` (for a shared, loaded machine) times are process
CPU time and run.sh sets OPENBLAS_NUM_THREADS=1, so both sides are one thread on one core.
Needs numpy; the Lanczos row needs scipy (`pip install numpy scipy`).
"""
import math
import os
import sys
import time

MISSING = []
try:
    import numpy as np
except ImportError:
    np = None
    MISSING.append("numpy")
try:
    from scipy.sparse.linalg import LinearOperator, eigsh
except ImportError:
    eigsh = None
    MISSING.append("scipy")


# ---------------------------------------------------------------- timing and table

clock = time.perf_counter

def best_time(fn, repeats=5, min_batch=0.05):
    fn()
    calls = 1
    while True:
        t0 = clock()
        for _ in range(calls):
            fn()
        dt = clock() - t0
        if dt >= min_batch or calls >= 1 << 24:
            break
        calls *= 8 if dt < min_batch / 16 else 2
    best = float("inf")
    for _ in range(repeats):
        t0 = clock()
        for _ in range(calls):
            fn()
        best = min(best, (clock() - t0) / calls)
    return best


def once(fn, repeats=1):
    best, out = float("inf"), None
    for _ in range(repeats):
        t0 = clock()
        out = fn()
        best = min(best, clock() - t0)
    return best, out


def fmt(s):
    if s is None or s != s:
        return "—"
    if s < 1e-6:
        return "%.1f ns" % (s * 1e9)
    if s < 1e-3:
        return "%.2f µs" % (s * 1e6)
    if s < 1:
        return "%.2f ms" % (s * 1e3)
    return "%.2f s" % s


class Table:
    def __init__(self, only):
        self.only, self.rows = only, []

    def wants(self, rid):
        return self.only is None or rid.startswith(self.only)

    def header(self, title):
        print("\n" + title)
        print("-" * 100)

    def add(self, rid, label, seconds, detail):
        self.rows.append((rid, seconds, detail))
        print(label.ljust(48) + fmt(seconds).rjust(12) + "   " + detail, flush=True)

    def write_tsv(self, path):
        with open(path, "w") as f:
            f.write("id\tseconds\tdetail\n")
            for rid, s, d in self.rows:
                f.write("%s\t%s\t%s\n" % (rid, "nan" if s is None else repr(s), d))


# ---------------------------------------------------------------- problems (as Problems.swift)

def target(d):
    s = 1 / math.sqrt(d)
    return np.array([[(1.0 if i == j else 0.0) + 0.5 * math.sin(1.3 * i + 0.7 * j + 0.1) * s
                      for j in range(d)] for i in range(d)])


def initial_layers(d, depth, alpha=1.0):
    s = 1 / math.sqrt(d)
    return [np.array([[(alpha if i == j else 0.0) + 0.1 * math.cos(0.9 * i + 1.7 * j + 0.5 * l) * s
                       for j in range(d)] for i in range(d)]) for l in range(1, depth + 1)]


def dense(n, seed):
    return np.array([math.sin(0.37 * k + seed) for k in range(n * n)]).reshape(n, n)


STABLE_ETA = 0.05
SWEEP_COUNT, SWEEP_STEPS = 1000, 5000


# ---------------------------------------------------------------- the loss f = ½‖W_L⋯W_1 − M‖²

def value_and_gradient(ws, m):
    """Works for single (d, d) layers and for batches (B, d, d)."""
    prefix = [ws[0]]
    for w in ws[1:]:
        prefix.append(w @ prefix[-1])
    r = prefix[-1] - m
    f = 0.5 * np.sum(r * r, axis=(-2, -1))
    grads = [None] * len(ws)
    g = r
    for l in range(len(ws) - 1, 0, -1):
        grads[l] = g @ np.swapaxes(prefix[l - 1], -1, -2)
        g = np.swapaxes(ws[l], -1, -2) @ g
    grads[0] = g
    return f, grads


def hessian_operator(ws, m):
    """v ↦ ∇²f·v (v flat, W_1 first, row-major), with P_ℓ and G_ℓ computed once."""
    depth, d = len(ws), ws[0].shape[0]
    eye = np.eye(d)
    prefix = [eye]
    for w in ws:
        prefix.append(w @ prefix[-1])
    r = prefix[-1] - m
    cot = [None] * (depth + 1)
    cot[depth] = r
    for l in range(depth, 1, -1):
        cot[l - 1] = ws[l - 1].T @ cot[l]

    def apply(v):
        vs = v.reshape(depth, d, d)
        dp = [np.zeros((d, d)), vs[0]]
        for l in range(2, depth + 1):
            dp.append(vs[l - 1] @ prefix[l - 1] + ws[l - 1] @ dp[l - 1])
        out = np.empty((depth, d, d))
        dg = dp[depth]
        for l in range(depth, 0, -1):
            out[l - 1] = dg @ prefix[l - 1].T
            if l > 1:
                out[l - 1] += cot[l] @ dp[l - 1].T
                dg = vs[l - 1].T @ cot[l] + ws[l - 1].T @ dg
        return out.reshape(-1)
    return apply


def gd_step(d, depth):
    m, ws = target(d), initial_layers(d, depth)

    def step():
        _, gs = value_and_gradient(ws, m)
        for w, g in zip(ws, gs):
            w -= STABLE_ETA * g
    return best_time(step)


def gd_run(d, depth, steps, eta=STABLE_ETA, bound=1e12, m=None, ws=None):
    """As GradientDescent.run: losses at t = 0…T, divergence check before each evaluation."""
    m = target(d) if m is None else m
    ws = initial_layers(d, depth) if ws is None else [w.copy() for w in ws]
    losses = []
    for t in range(steps + 1):
        if not all(np.all(np.isfinite(w)) and np.max(np.abs(w)) <= bound for w in ws):
            return losses, t
        f, gs = value_and_gradient(ws, m)
        if not math.isfinite(f):
            return losses, t
        losses.append(f)
        if t == steps:
            break
        for w, g in zip(ws, gs):
            w -= eta * g
    return losses, -1


def batched_sweep():
    """All η at once: layers of shape (B, d, d), frozen once a run diverges."""
    d, depth = 5, 3
    m = np.diag([1.0, 0.8, 0.6, 0.4, 0.2])
    etas = np.array([0.2 + 0.6 * i / (SWEEP_COUNT - 1) for i in range(SWEEP_COUNT)])
    ws = [np.broadcast_to(w, (SWEEP_COUNT, d, d)).copy() for w in initial_layers(d, depth, alpha=0.5)]
    active = np.ones(SWEEP_COUNT, bool)
    last = np.full(SWEEP_COUNT, np.nan)
    diverged_at = np.full(SWEEP_COUNT, -1)
    with np.errstate(all="ignore"):
        for t in range(SWEEP_STEPS + 1):
            healthy = np.ones(SWEEP_COUNT, bool)
            for w in ws:
                healthy &= np.all(np.isfinite(w) & (np.abs(w) <= 1e6), axis=(1, 2))
            f, gs = value_and_gradient(ws, m)
            healthy &= np.isfinite(f)
            newly = active & ~healthy
            diverged_at[newly] = t
            active &= healthy
            last[active] = f[active]
            if t == SWEEP_STEPS:
                break
            step = np.where(active, etas, 0.0)[:, None, None]
            for w, g in zip(ws, gs):
                w -= step * np.nan_to_num(g)
    ok = diverged_at < 0
    return float(np.sum(last[ok])), int(np.sum(~ok))


def hessian(d, depth):
    apply = hessian_operator(initial_layers(d, depth), target(d))
    n = depth * d * d
    h = np.column_stack([apply(e) for e in np.eye(n)])
    return 0.5 * (h + h.T)


def log_log_slope(x, y):
    return float(np.polyfit(np.log(x), np.log(y), 1)[0])


# ---------------------------------------------------------------- main

def main(argv):
    global clock
    only, tsv = None, None
    args = list(argv)
    if args and args[0] == "--compare":
        return compare(args[1], args[2])
    while args:
        a = args.pop(0)
        if a == "--only":
            only = args.pop(0)
        elif a == "--tsv":
            tsv = args.pop(0)
        elif a == "--clock":
            clock = time.process_time if args.pop(0) == "cpu" else time.perf_counter
        else:
            print(__doc__)
            return 2
    if np is None:
        print("numpy_baseline.py: numpy is NOT installed — nothing measured (pip install numpy scipy)")
        return 1
    table = Table(only)
    print("numpy %s%s, %d cores, %s, OPENBLAS_NUM_THREADS=%s, load average %s" % (
        np.__version__, "" if eigsh is not None else " (scipy NOT installed: no Lanczos row; pip install scipy)",
        os.cpu_count(), "process CPU time" if clock is time.process_time else "wall clock",
        os.environ.get("OPENBLAS_NUM_THREADS", "unset"), " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"))

    if table.wants("product"):
        table.header("Matrix product C = A·B (n × n, a @ b)")
        for n in (64, 128, 256):
            a, b = dense(n, 0.1), dense(n, 0.2)
            t = best_time(lambda: a @ b, repeats=7, min_batch=0.1)
            table.add("product.n%d" % n, "product n = %d" % n, t, "%.1f GFLOP/s" % (2 * n ** 3 / t / 1e9))

    if table.wants("gd"):
        table.header("Deep matrix factorisation f = ½‖W₃W₂W₁ − M⋆‖²_F (L = 3): one GD step (value, gradient, update)")
        for d in (5, 10, 50, 100):
            t = gd_step(d, 3)
            table.add("gd.step.d%d" % d, "GD step d = %d, L = 3" % d, t, "")
        t, (losses, div) = once(lambda: gd_run(50, 3, 10_000), repeats=2)
        table.add("gd.run.d50", "GD run 10⁴ steps d = 50, L = 3", t, "final loss %.12e" % losses[-1])

    if table.wants("sweep"):
        table.header("Bifurcation sweep: %d η × %d steps, d = 5, L = 3 (batched over η)" % (SWEEP_COUNT, SWEEP_STEPS))
        t0 = time.perf_counter()   # wall clock in both modes, as the Swift sweep rows
        s, nd = batched_sweep()
        t = time.perf_counter() - t0
        table.add("sweep.serial", "sweep, batched (B = %d, wall clock)" % SWEEP_COUNT, t,
                  "Σ final loss %.12e, %d diverged (chaotic runs: not bitwise comparable with Swift)" % (s, nd))
        table.add("sweep.parallel", "sweep, batched (same run)", t, "numpy has one batched version")

    if table.wants("eig") or table.wants("lanczos"):
        table.header("Hessian spectra of the deep matrix factorisation loss at θ₀")
        for d, depth in ((10, 3), (10, 10)):
            if not table.wants("eig"):
                break
            h = hessian(d, depth)
            n = h.shape[0]
            t, w = once(lambda: np.linalg.eigh(h), repeats=3 if n <= 300 else 1)
            table.add("eig.n%d" % n, "dense eigen %d×%d Hessian (d = %d, L = %d)" % (n, n, d, depth), t,
                      "λ_max %.12f (numpy.linalg.eigh, values and vectors)" % w[0][-1])
        if table.wants("lanczos"):
            if eigsh is None:
                table.add("lanczos.d50", "Lanczos top-5, HVPs, d = 50, L = 3", None,
                          "scipy is NOT installed: pip install scipy")
            else:
                d, depth = 50, 3
                ws, m = initial_layers(d, depth), target(d)
                n = depth * d * d

                def lanczos():
                    op = LinearOperator((n, n), matvec=hessian_operator(ws, m), dtype=float)
                    return eigsh(op, k=5, which="LA", v0=np.ones(n), tol=1e-10, return_eigenvectors=False)
                t, vals = once(lanczos, repeats=3)
                hvp, v = hessian_operator(ws, m), np.concatenate([w.reshape(-1) for w in initial_layers(d, depth, 0.0)])
                th = best_time(lambda: hvp(v))
                table.add("lanczos.d50", "Lanczos top-5, HVPs, d = 50, L = 3", t,
                          "scipy eigsh (ARPACK, tol 1e-10); λ_max %.12f" % max(vals))
                table.add("hvp.d50", "one Hessian–vector product, d = 50, L = 3", th, "")

    if table.wants("scaling"):
        table.header("Scaling of the GD-step cost (expected O(L d³))")
        widths, depths = [25, 50, 100, 200], [2, 4, 8, 16]
        by_w = [gd_step(d, 3) for d in widths]
        by_l = [gd_step(50, l) for l in depths]
        table.add("scaling.d", "exponent of d (L = 3, d = 25…200)", None,
                  "%.2f (expected 3); times %s" % (log_log_slope(widths, by_w), ", ".join(map(fmt, by_w))))
        table.add("scaling.L", "exponent of L (d = 50, L = 2…16)", None,
                  "%.2f (expected 1); times %s" % (log_log_slope(depths, by_l), ", ".join(map(fmt, by_l))))

    if tsv:
        table.write_tsv(tsv)
    return 0


# ---------------------------------------------------------------- side by side (run.sh)

# Required speed-up of Swift over numpy (numpy time / Swift time) per row.
TARGETS = {"gd.step.d5": 20, "gd.step.d10": 20, "gd.step.d50": 1, "gd.step.d100": 1, "lanczos.d50": 1}
# gd.gemm.* rows (the Matrix.gemm projection) are compared with numpy's gd.step.* rows.


def read_tsv(path):
    rows = {}
    with open(path) as f:
        next(f)
        for line in f:
            rid, s, detail = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            rows[rid] = (float(s), detail)
    return rows


def compare(swift_path, numpy_path):
    sw, npy = read_tsv(swift_path), read_tsv(numpy_path)
    print("\nSide by side (speed-up = numpy time / Swift time; > 1 means Swift is faster)")
    print("-" * 110)
    print("row".ljust(16) + "Swift".rjust(12) + "numpy".rjust(12) + "speed-up".rjust(10) + "   target")
    missed = 0
    for rid, (s, detail) in sw.items():
        n = npy.get(rid.replace("gd.gemm", "gd.step"), (float("nan"), ""))[0]
        if rid.startswith("peak") or rid.startswith("scaling"):
            print(rid.ljust(16) + "   " + detail + ("   | numpy: " + npy[rid][1] if rid in npy else ""))
            continue
        ratio = n / s if s == s and n == n and s > 0 else float("nan")
        note = ""
        if rid in TARGETS:
            need = TARGETS[rid]
            if ratio != ratio:
                note = "≥ %g×: NOT MEASURED" % need
                missed += 1
            elif ratio >= need:
                note = "≥ %g×: met" % need
            else:
                note = "≥ %g×: MISSED, %.2f× short (%.0f%% of the target)" % (need, need / ratio, 100 * ratio / need)
                missed += 1
        elif rid.startswith("product"):
            note = detail.split("  ", 1)[-1].strip() if "peak" in detail else ""
            if "MISSED" in detail:
                missed += 1
        print(rid.ljust(16) + fmt(s).rjust(12) + fmt(n).rjust(12) +
              ("%.2f×" % ratio if ratio == ratio else "—").rjust(10) + "   " + note)
    print("-" * 110)
    print("%d target(s) missed" % missed if missed else "all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
