"""The command line: parse arguments, call the library, render, set the exit code.

Exit codes (design §4): 0 nothing at or above the failing level, 1 findings
at or above it, 2 the run itself failed. A user error prints one line on
stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from . import __version__
from .errors import VerifierError

# The names of verifier.render.RENDERERS (a test keeps them equal); listed
# here so that building the parser imports no renderer.
CHECK_FORMATS = ("cli", "line", "json", "html", "md", "sarif", "junit", "github", "claimreview")
CLAIMS_FORMATS = ("json", "cli")
PARSE_KINDS = ("quantities", "periods", "places")
FAIL_LEVELS = ("error", "warning", "suggestion", "never")
BASELINE_FILE = "verifier-baseline.json"  # verifier.ci.baseline.DEFAULT, kept here so the parser imports nothing


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for every other user error
        self.exit(2, f"verifier: error: {message}\n")


def _date(value: str) -> dt.date:
    from .read.documents import parse_date

    try:
        return parse_date(value)
    except VerifierError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="verifier", description="Check the quantitative claims of an article against public data.")
    parser.add_argument("--version", action="version", version=f"verifier {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def document_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--lang", help="language of the text (default: front matter, else detected)")
        p.add_argument("--published", type=_date, help="publication date, YYYY-MM-DD or YYYY-MM (default: front matter or header)")

    def run_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "files", nargs="+", metavar="FILE",
            help="text, Markdown, HTML or .docx file, a directory of them, a glob pattern, or - for stdin",
        )
        document_options(p)
        p.add_argument("--tolerance", type=float, help="relative band accepted around hedged figures such as 'about' (default: 0.05)")
        p.add_argument(
            "--sources", type=_ids, metavar="ID,ID", help="sources to use, e.g. snapshot,worldbank (default: the enabled ones; see `verifier sources list`)"
        )
        p.add_argument("--offline", action="store_true", help="live sources answer from the HTTP cache only; nothing goes over the network")

    check = commands.add_parser("check", help="extract and check the claims of one or more files")
    run_options(check)
    check.add_argument("--format", choices=CHECK_FORMATS, default="cli", help="what to print on stdout (default: cli)")
    check.add_argument(
        "--report-dir", help="where the JSON and HTML reports are written (default: reports; a default directory that cannot be written is a warning)"
    )
    check.add_argument("--no-write", action="store_true", help="print only; write no report files")
    check.add_argument("--fail-on", choices=FAIL_LEVELS, help="lowest verdict level that makes the exit code 1 (default: the config's fail_on, else error)")
    check.add_argument("--baseline", metavar="FILE", help="fail only on findings this baseline file does not hold (default: the config's baseline)")
    check.add_argument("--changed-since", metavar="REF", help="report only the claims on lines changed since this git revision")

    baseline = commands.add_parser("baseline", help="write today's findings to a baseline file; later checks fail only on new ones")
    run_options(baseline)
    baseline.add_argument("-o", "--output", metavar="FILE", help=f"where to write it (default: the config's baseline, else {BASELINE_FILE})")

    claims = commands.add_parser("claims", help="list the claims found in a file, without checking them")
    claims.add_argument("file", metavar="FILE")
    document_options(claims)
    claims.add_argument("--format", choices=CLAIMS_FORMATS, default="json")

    parse = commands.add_parser("parse", help="show what one sub-extractor finds in a piece of text")
    parse.add_argument("kind", choices=PARSE_KINDS)
    parse.add_argument("text")
    parse.add_argument("--lang", default="en")
    parse.add_argument("--published", type=_date)
    parse.add_argument("--format", choices=CLAIMS_FORMATS, default="json")

    commands.add_parser("schema", help="print the JSON Schema of the report")

    serve = commands.add_parser("serve", help="run the HTTP service (needs: pip install 'verifier[serve]')")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--db", help="SQLite file the reports are kept in (default: $VERIFIER_DB, else reports/checks.sqlite3)")
    serve.add_argument(
        "--sources", type=_ids, metavar="ID,ID", help="sources checks use (default: the config's, else the enabled ones); requests cannot choose"
    )
    serve.add_argument("--workers", type=int, default=1, help="server processes; extraction is CPU-bound, so up to one per core (default: 1)")
    serve.add_argument("--concurrency", type=int, help="checks running at once in each server process (default: the cores divided by --workers)")
    serve.add_argument("--timeout", type=float, help="seconds a check may take before its request gets a 504 (default: 60)")
    serve.add_argument("--max-body", type=int, metavar="BYTES", help="largest request body accepted (default: 2000000)")
    serve.add_argument("--no-access-log", action="store_true", help="do not log each request")

    sources = commands.add_parser("sources", help="list the data sources, or check that the live ones answer")
    actions = sources.add_subparsers(dest="action", required=True, parser_class=_Parser)
    actions.add_parser("list", help="id, adapter, key needed/present, series count, cache state")
    probe = actions.add_parser("check", help="one cheap live request per source, and whether it passed")
    probe.add_argument("ids", nargs="*", metavar="ID", help="sources to check (default: every source)")
    probe.add_argument("--offline", action="store_true", help="make no request; say so for each live source")
    return parser


def _port(value: str) -> int:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"invalid port {value!r}: expected 0-65535")
    return int(value)


def _utf8_stdout() -> None:
    """JSON, SARIF and the rest are UTF-8 by their specifications; a stdout
    declared ASCII (PYTHONIOENCODING, an old locale) must not turn "échanges"
    into a traceback."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")


def _ids(value: str) -> list[str]:
    ids = [v.strip() for v in value.split(",") if v.strip()]
    if not ids:
        raise argparse.ArgumentTypeError("give at least one source id")
    return ids


def _checkout_venv() -> str | None:
    """The python of `.venv` beside this package's checkout, unless it is the one running."""
    venv = Path(__file__).resolve().parent.parent / ".venv"
    if Path(sys.prefix).resolve() == venv.resolve():
        return None  # already there: the dependency is missing from it too
    # A venv's python is often a symlink to the base interpreter, so it is told by sys.prefix, not by its path.
    return next((str(venv / name) for name in ("bin/python", "Scripts/python.exe") if (venv / name).exists()), None)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _utf8_stdout()
    try:
        commands = {"check": _check, "baseline": _baseline, "claims": _claims, "parse": _parse, "schema": _schema, "sources": _sources, "serve": _serve}
        return commands[args.command](args)
    except VerifierError as exc:
        print(f"verifier: error: {exc}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as exc:
        # Run from a checkout with a Python that lacks the dependencies: the checkout's own
        # virtual environment (the README's quick start makes one) has them, so run there.
        venv = _checkout_venv()
        if venv is not None:
            os.execv(venv, [venv, "-m", "verifier", *(sys.argv[1:] if argv is None else argv)])
        # No such environment: say what to do, not a traceback.
        print(f"verifier: error: missing dependency {exc.name!r}; install the project first: pip install -e .", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("verifier: interrupted", file=sys.stderr)
        return 130


def _load(files, args, config, progress=None):
    from .read.documents import load

    documents = []
    for done, f in enumerate(files, start=1):
        documents.append(load(f, lang=args.lang, published=args.published, default_lang=config.for_file(f).lang))
        if progress:
            progress("reading", done, len(files))
    return documents


def _run(args, *, narrowed: bool = False):
    """Check the files the arguments name: (report, documents by path, config).
    `narrowed`: apply --changed-since and the baseline, as `check` does."""
    from . import config as project
    from .flow.verify import verify
    from .read.files import expand
    from .render import progress

    config = project.load()
    sources = project.run_sources(config, args.sources)  # a bad config or source list fails before any document is read
    files = expand(args.files)
    with progress.bar(progress.wanted(len(files))) as shown:
        documents = _load(files, args, config, shown)
        known = Path(args.baseline) if narrowed and args.baseline else config.baseline_path
        report = verify(
            documents,
            config=config,
            sources=sources,
            tolerance=args.tolerance,
            offline=args.offline,
            baseline=known if narrowed else None,
            changed_since=args.changed_since if narrowed else None,
            progress=shown,
        )
    return report, {d.path: d for d in documents}, config


def _check(args) -> int:
    from .judge.levels import fails
    from .render import render

    report, by_path, config = _run(args, narrowed=True)
    fail_on = args.fail_on or config.fail_on or "error"
    # --fail-on decides for every file; without it, a file's [[overrides]] may.
    by_document = {path: args.fail_on or config.for_file(path).fail_on or "error" for path in by_path}
    out = render(report, args.format, by_path, color=_color(), fail_on=fail_on, fail_on_by_document=by_document)
    # An empty output (no findings in `line` or `github`) stays empty: no blank line to count.
    # Stdout first: the report files are a side product and must not cost the caller its answer.
    sys.stdout.write(out if not out or out.endswith("\n") else out + "\n")
    sys.stdout.flush()
    if not args.no_write:
        try:
            _write_reports(report, by_path, Path(args.report_dir or "reports"), list(by_path.values()))
        except VerifierError as exc:
            if args.report_dir is not None:
                raise  # a directory the user named must be writable
            print(f"verifier: warning: {exc}; use --report-dir or --no-write", file=sys.stderr)
    return 1 if any(fails(v, by_document.get(v.document, fail_on)) for v in report.verdicts) else 0


def _baseline(args) -> int:
    from .ci import baseline

    report, _, config = _run(args)
    target = Path(args.output) if args.output else (config.baseline_path or Path(baseline.DEFAULT))
    text = baseline.dumps(report)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise VerifierError(f"cannot write the baseline to {target}: {exc.strerror or exc}") from None
    n = sum(map(baseline.recordable, report.verdicts))
    print(f"Baseline of {n} finding{'' if n == 1 else 's'} written to {target}", file=sys.stderr)
    return 0


def _color() -> bool:
    """Colour only for a person at a terminal: never into a pipe or a file,
    and never when NO_COLOR (no-color.org) is set or the terminal is dumb."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _write_reports(report, by_path, directory: Path, documents) -> None:
    from .render import render

    stem = Path(documents[0].path).stem if len(documents) == 1 and documents[0].path != "-" else "report"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for fmt, suffix in (("json", ".json"), ("html", ".html")):
            (directory / f"{stem}{suffix}").write_text(render(report, fmt, by_path), encoding="utf-8")
        _index(report, directory, stem)
    except OSError as exc:
        raise VerifierError(f"cannot write reports to {directory}: {exc.strerror or exc}") from None
    print(f"Reports written to {directory / stem}.html and .json (past runs: {directory / 'index.html'})", file=sys.stderr)


def _index(report, directory: Path, stem: str) -> None:
    """Log the run and rewrite `index.html`, the list of past runs."""
    from .render import runs
    from .render.index import render as render_index

    runs.append(directory, runs.entry(report, stem))
    (directory / runs.INDEX).write_text(render_index(runs.read(directory), directory), encoding="utf-8")


def _claims(args) -> int:
    from . import config as project
    from .extract import extract

    (document,) = _load([args.file], args, project.load())
    claims = extract(document)
    if args.format == "json":
        print(json.dumps({"claims": [c.model_dump(mode="json") for c in claims]}, ensure_ascii=False, indent=2))
    else:
        from .render.claims import claims_table

        print(claims_table(claims, color=_color()))
    return 0


def _parse(args) -> int:
    from .extract import parse

    found = parse(args.kind, args.text, lang=args.lang, published=args.published)
    if args.format == "json":
        print(json.dumps({args.kind: found}, ensure_ascii=False, indent=2))
    else:
        for item in found:
            print("  ".join(f"{k}={v}" for k, v in item.items()))
    return 0


def _sources(args) -> int:
    import asyncio
    import os

    from .adapters.http import cache_dir
    from .adapters.status import listing, probe
    from .sources import load_sources, select

    sources = load_sources()
    if args.action == "list":
        rows = [("id", "adapter", "enabled", "key", "series", "cache")]
        rows += [(r.id, r.adapter, "yes" if r.enabled else "no", r.key, str(r.series), r.cache) for r in listing(sources, cache_dir(), os.environ)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        return 0
    results = asyncio.run(probe(select(sources, args.ids) if args.ids else sources, offline=args.offline))
    width = max(len(r.id) for r in results)
    for r in results:
        print(f"{r.id.ljust(width)}  {r.outcome}  {r.detail}")
    return 1 if any(r.outcome == "fail" for r in results) else 0


def _serve(args) -> int:
    try:
        import uvicorn

        from .service import create_app
        from .service.settings import from_env, to_env
        from .service.store import SQLiteStore
    except ModuleNotFoundError as exc:
        raise VerifierError(f"serving needs {exc.name!r}: pip install 'verifier[serve]'") from None

    if args.workers < 1:
        raise VerifierError(f"--workers must be at least 1, not {args.workers}")
    _can_listen(args.host, args.port)
    concurrency = args.concurrency
    if concurrency is None and args.workers > 1 and not os.environ.get("VERIFIER_CONCURRENCY"):
        # The cores are shared between the server processes.
        concurrency = max(1, (os.cpu_count() or 2) // args.workers)
    settings = from_env(
        db=args.db, sources=args.sources, concurrency=concurrency, check_timeout_s=args.timeout, max_body_bytes=args.max_body
    )
    # A bad config, source list or database fails here in one line, not in
    # the server's start-up (or in every worker's).
    app = create_app(settings)
    SQLiteStore(settings.db).close()
    options = {"host": args.host, "port": args.port, "access_log": not args.no_access_log, "server_header": False}
    if args.workers > 1:
        # Worker processes build their own app from the environment.
        os.environ.update(to_env(settings))
        uvicorn.run("verifier.service.app:from_environment", factory=True, workers=args.workers, **options)
    else:
        uvicorn.run(app, **options)
    return 0


def _can_listen(host: str, port: int) -> None:
    """Fail in one line, before start-up, if the address cannot be listened
    on (uvicorn would log it after warming up, and exit 3)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except (OSError, OverflowError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise VerifierError(f"cannot listen on {host}:{port}: {reason}") from None


def _schema(args) -> int:
    from .models import Report

    print(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
