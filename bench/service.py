"""The service under load on loopback: checks/s, latency, errors, memory.

Starts `verifier serve` (offline snapshot only, a throwaway database, no
access log) on a free loopback port, waits for /healthz, runs a short
warm-up, then keeps `--concurrency` clients posting the seed article
(`POST /v1/checks`, JSON) for `--duration` seconds, at most `--max-requests`
in all, and stops the server it started. Traffic goes only to 127.0.0.1.

Prints: checks/s (201s per second of the measured run), p50/p90/p99/max
latency, errors (anything but a 201, and failed connections), and the
server's resident memory (all its processes) when ready, after the warm-up,
during the run (sampled every 2 s) and at the end. The targets the issue
set are >= 50 checks/s with p99 < 500 ms on 2 cores, zero errors, and memory
flat across the run. Run from the repository root:
`python bench/service.py [--duration 30] [--concurrency 16] [--workers 1] [--json]`.
Always exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_8eb3afca12c662b1.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident memory of `pid` and its descendants (uvicorn's workers)."""
    total, pending = 0, [pid]
    while pending:
        p = pending.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            with open(f"/proc/{p}/task/{p}/children") as f:
                pending.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, StopIteration, ProcessLookupError):
            continue
    return total


def start_server(port: int, db: Path, workers: int, concurrency: int | None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "verifier", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db),
           "--sources", "snapshot", "--no-access-log", "--workers", str(workers)]
    if concurrency:
        cmd += ["--concurrency", str(concurrency)]
    env = {k: v for k, v in os.environ.items() if k != "VERIFIER_TOKEN"}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


async def wait_ready(base: str, server: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"server exited: {server.stderr.read().decode()[-2000:]}")
            try:
                if (await client.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("server not ready in time")


async def load(base: str, body: dict, *, concurrency: int, duration: float, max_requests: int, sample=None) -> dict:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    stop = time.monotonic() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) as client:

        async def worker() -> None:
            nonlocal sent
            while time.monotonic() < stop and sent < max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    r = await client.post("/v1/checks", json=body)
                    key = None if r.status_code == 201 else str(r.status_code)
                except httpx.HTTPError as exc:
                    key = type(exc).__name__
                if key is None:
                    latencies.append(time.perf_counter() - t0)
                else:
                    errors[key] = errors.get(key, 0) + 1

        async def sampler() -> None:
            while time.monotonic() < stop and sample:
                sample()
                await asyncio.sleep(2.0)

        started = time.perf_counter()
        tasks = [asyncio.create_task(worker()) for _ in range(concurrency)]
        probe = asyncio.create_task(sampler())
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
        probe.cancel()
    return {"latencies": latencies, "errors": errors, "elapsed": elapsed}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=1000, method="inclusive")[int(q * 10) - 1] if len(values) > 1 else values[0]


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of measured load (default 30)")
    ap.add_argument("--concurrency", type=int, default=16, help="clients in flight (default 16)")
    ap.add_argument("--max-requests", type=int, default=100_000, help="upper bound on requests sent (default 100000)")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of unmeasured load first (default 3)")
    ap.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    ap.add_argument("--server-concurrency", type=int, help="checks running at once per process (default: the server's)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    body = {"text": SEED.read_text(encoding="utf-8")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "bench.sqlite3", args.workers, args.server_concurrency)
        try:
            await wait_ready(base, server)
            rss_ready = rss_kib(server.pid)
            await load(base, body, concurrency=args.concurrency, duration=args.warmup, max_requests=args.max_requests)
            rss_warm = rss_kib(server.pid)
            samples: list[int] = []
            run = await load(
                base, body, concurrency=args.concurrency, duration=args.duration, max_requests=args.max_requests,
                sample=lambda: samples.append(rss_kib(server.pid)),
            )
            rss_end = rss_kib(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)  # the server's own session: uvicorn and its workers
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        db_size = sum(f.stat().st_size for f in Path(tmp).iterdir())

    lat = run["latencies"]
    errors = sum(run["errors"].values())
    figures = {
        "duration_s": round(run["elapsed"], 2),
        "concurrency": args.concurrency,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "checks": len(lat),
        "checks_per_s": round(len(lat) / run["elapsed"], 1),
        "p50_ms": round(percentile(lat, 50) * 1000, 1),
        "p90_ms": round(percentile(lat, 90) * 1000, 1),
        "p99_ms": round(percentile(lat, 99) * 1000, 1),
        "max_ms": round(max(lat, default=float("nan")) * 1000, 1),
        "errors": errors,
        "errors_by_kind": run["errors"],
        "rss_mib": {
            "ready": round(rss_ready / 1024, 1),
            "after_warmup": round(rss_warm / 1024, 1),
            "max_during": round(max(samples, default=rss_end) / 1024, 1),
            "end": round(rss_end / 1024, 1),
        },
        "db_mib": round(db_size / 2**20, 1),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    rss = figures["rss_mib"]
    print(f"{figures['checks']} checks in {figures['duration_s']} s at concurrency {args.concurrency}, "
          f"{args.workers} server process(es) on {figures['cpus']} cores (seed article, offline snapshot)")
    print(f"  throughput  {figures['checks_per_s']} checks/s   (target >= 50)")
    print(f"  latency     p50 {figures['p50_ms']} ms  p90 {figures['p90_ms']} ms  p99 {figures['p99_ms']} ms  max {figures['max_ms']} ms   (target p99 < 500)")
    print(f"  errors      {errors} {run['errors'] or ''}")
    print(f"  memory      ready {rss['ready']} MiB, after warm-up {rss['after_warmup']} MiB, max during {rss['max_during']} MiB, end {rss['end']} MiB")
    print(f"  database    {figures['db_mib']} MiB after the run")


if __name__ == "__main__":
    asyncio.run(main())
