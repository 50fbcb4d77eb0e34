#!/usr/bin/env python3
"""Runs sahara-db-manage, the floor and Alembic side by side on N-revision chains.

For each N: generates the chain (gen_chain.py), then times every command whole-process, the
variants of one sample back to back in a rotating order (paired), each on a fresh database,
and prints medians and peak RSS as a Markdown table. Started by run-chain-bench.sh, which
provides the PostgreSQL server. Nothing fails on a slow run; a run fails only when a command
fails or leaves the database in the wrong state.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEM_PYTHON = "/usr/bin/python3"  # where Debian's python3-alembic lives


class Bench:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.realpath(os.path.join(args.build_dir, "bin", "sahara-db-manage"))
        self.templates = os.path.join(args.build_dir, "tests", "bench", "chain", "templates")
        self.pg_admin = os.environ.get("SDM_TEST_PG_ADMIN")
        self.work = tempfile.mkdtemp(prefix="sdm-chain-bench.")
        os.chmod(self.work, 0o755)
        self.serial = 0
        self.rows = []

    # --- processes -------------------------------------------------------------------------
    def run(self, argv, stdin=None, env=None):
        """Runs argv to completion; returns (seconds, peak RSS in KiB). Fails on non-zero exit."""
        stdin_file = open(stdin, "rb") if stdin else subprocess.DEVNULL
        started = time.perf_counter()
        process = subprocess.Popen(argv, stdin=stdin_file, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env)
        # stderr is read to its end while the child runs (a run of 1,000 revisions logs more
        # than a pipe holds), then wait4 gives this child's own peak RSS.
        error = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if stdin:
            stdin_file.close()
        if process.returncode != 0:
            sys.exit("chain_bench: %s exited %d:\n%s" % (" ".join(argv), process.returncode, error[-2000:]))
        return elapsed, usage.ru_maxrss

    def output(self, argv, env=None):
        return subprocess.run(argv, check=True, capture_output=True, text=True, env=env).stdout

    # --- databases -------------------------------------------------------------------------
    def psql_admin(self, sql):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", self.pg_admin, "-c", sql],
                       check=True, stdout=subprocess.DEVNULL)

    def pg_url(self, name):
        base = self.pg_admin.rsplit("/", 1)[0].replace("postgres:postgres@", "bench:bench@")
        return base + "/" + name

    def fresh(self, backend, template=None):
        """A new database (a copy of template when given); returns its URL."""
        self.serial += 1
        if backend == "sqlite":
            path = os.path.join(self.work, "db_%d.sqlite" % self.serial)
            if template:
                shutil.copyfile(template[len("sqlite:///"):], path)
            return "sqlite:///" + path
        name = "bench_%d" % self.serial
        suffix = " TEMPLATE " + template.rsplit("/", 1)[1] if template else ""
        self.psql_admin("CREATE DATABASE %s OWNER bench%s" % (name, suffix))
        return self.pg_url(name)

    def drop(self, url):
        if url.startswith("sqlite:///"):
            os.unlink(url[len("sqlite:///"):])
        else:
            self.psql_admin("DROP DATABASE %s" % url.rsplit("/", 1)[1])

    def query(self, url, sql):
        if url.startswith("sqlite:///"):
            return self.output(["sqlite3", url[len("sqlite:///"):], sql]).strip()
        return self.output(["psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", url, "-c", sql]).strip()

    def tables(self, url):
        if url.startswith("sqlite:///"):
            sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 't\\_%' ESCAPE '\\'"
        else:
            sql = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'"
        return int(self.query(url, sql))

    # --- the three tools -------------------------------------------------------------------
    def config(self, url):
        path = os.path.join(self.work, "bench_%d.conf" % self.serial)
        with open(path, "w") as f:
            f.write("[database]\nconnection = %s\n" % url)
        return path

    def ours(self, chain, layout, url, command):
        return [self.binary, "--config-file", self.config(url), "--revisions-dir",
                os.path.join(chain, layout)] + command

    def floor(self, chain, url, script):
        path = os.path.join(chain, "floor", script)
        if url.startswith("sqlite:///"):
            return ["sqlite3", url[len("sqlite:///"):]], path
        return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", path], None

    def alembic(self, chain, url, command):
        env = dict(os.environ, BENCH_ALEMBIC_URL=url)
        return [SYSTEM_PYTHON, "-m", "alembic", "-c", os.path.join(chain, "alembic", "alembic.ini")] + command, env

    # --- measuring -------------------------------------------------------------------------
    def measure(self, command, backend, n, variants, runs):
        """variants: name -> fn() returning (argv, stdin, env, prepare, check); paired rounds."""
        samples = {name: [] for name in variants}
        rss = {name: 0 for name in variants}
        names = list(variants)
        for round_ in range(runs):
            order = names[round_ % len(names):] + names[:round_ % len(names)]
            for name in order:
                argv, stdin, env, after = variants[name]()
                seconds, peak = self.run(argv, stdin, env)
                if after:
                    after(round_ == 0)
                samples[name].append(seconds)
                rss[name] = max(rss[name], peak)
        row = {"command": command, "backend": backend, "n": n}
        for name in names:
            row[name] = statistics.median(samples[name]) * 1000
            row[name + "_rss"] = rss[name] / 1024
        self.rows.append(row)
        print("  %-22s %-10s N=%-5d %s" % (command, backend, n, "  ".join(
            "%s %.1f ms" % (name, row[name]) for name in names)), file=sys.stderr, flush=True)

    def online(self, chain, backend, n, runs, alembic_runs):
        last = "rev%06d" % (n - 1)
        has_bundle = os.path.isdir(os.path.join(chain, "bundled"))
        has_alembic = os.path.isdir(os.path.join(chain, "alembic"))

        def at_head(url, with_version):
            def check(first):
                if first:
                    if self.tables(url) != n:
                        sys.exit("chain_bench: %s has %d chain tables, not %d" % (url, self.tables(url), n))
                    if with_version and self.query(url, "SELECT version_num FROM alembic_version") != last:
                        sys.exit("chain_bench: %s is not at %s" % (url, last))
                self.drop(url)
            return check

        def at_base(url):
            def check(first):
                if first and self.tables(url) != 0:
                    sys.exit("chain_bench: %s still has chain tables after downgrade" % url)
                self.drop(url)
            return check

        def ours_variant(layout, command, template, after):
            def make():
                url = self.fresh(backend, template)
                return self.ours(chain, layout, url, command), None, None, after(url)
            return make

        def floor_variant(script, template, after):
            def make():
                url = self.fresh(backend, template)
                argv, stdin = self.floor(chain, url, backend + "_" + script)
                return argv, stdin, None, after(url)
            return make

        def alembic_variant(command, template, after):
            def make():
                url = self.fresh(backend, template)
                argv, env = self.alembic(chain, url, command)
                return argv, None, env, after(url)
            return make

        # upgrade head from an empty database
        variants = {"ours": ours_variant("perfile", ["upgrade", "head"], None, lambda u: at_head(u, True))}
        if has_bundle:
            variants["bundled"] = ours_variant("bundled", ["upgrade", "head"], None, lambda u: at_head(u, True))
        variants["floor"] = floor_variant("upgrade.sql", None, lambda u: at_head(u, False))
        self.measure("upgrade head", backend, n, variants, runs)
        if has_alembic:
            self.measure("upgrade head (Alembic)", backend, n,
                         {"alembic": alembic_variant(["upgrade", "head"], None, lambda u: at_head(u, True))},
                         alembic_runs)

        # downgrade base from copies of one database at head
        head = self.fresh(backend)
        self.run(self.ours(chain, "perfile", head, ["upgrade", "head"]))
        variants = {"ours": ours_variant("perfile", ["downgrade", "base"], head, at_base)}
        if has_bundle:
            variants["bundled"] = ours_variant("bundled", ["downgrade", "base"], head, at_base)
        variants["floor"] = floor_variant("downgrade.sql", head, at_base)
        self.measure("downgrade base", backend, n, variants, runs)
        if has_alembic:
            self.measure("downgrade base (Alembic)", backend, n,
                         {"alembic": alembic_variant(["downgrade", "base"], head, at_base)}, alembic_runs)
        self.drop(head)

    def reading(self, chain, backend, n, runs, alembic_runs):
        """current (on a database stamped at head), history, heads, upgrade head --sql."""
        has_bundle = os.path.isdir(os.path.join(chain, "bundled"))
        has_alembic = os.path.isdir(os.path.join(chain, "alembic"))
        stamped = self.fresh(backend)
        self.run(self.ours(chain, "perfile", stamped, ["stamp", "head"]))
        select = "SELECT version_num FROM alembic_version"

        def variants_for(command, floor_argv=None):
            variants = {"ours": lambda: (self.ours(chain, "perfile", stamped, command), None, None, None)}
            if has_bundle:
                variants["bundled"] = lambda: (self.ours(chain, "bundled", stamped, command), None, None, None)
            if floor_argv:
                variants["floor"] = lambda: (floor_argv, None, None, None)
            return variants

        if stamped.startswith("sqlite:///"):
            floor_argv = ["sqlite3", stamped[len("sqlite:///"):], select]
        else:
            floor_argv = ["psql", "-X", "-q", stamped, "-c", select]
        commands = [("current", ["current"], floor_argv)]
        if backend == "postgresql" or not self.pg_admin:  # graph commands once, not per backend
            commands += [("history", ["history"], None), ("heads", ["heads"], None),
                         ("upgrade head --sql", ["upgrade", "head", "--sql"], None)]
        for name, command, floor in commands:
            label = backend if name in ("current", "upgrade head --sql") else "–"
            self.measure(name, label, n, variants_for(command, floor), runs)
            if has_alembic:
                def make(command=command):
                    argv, env = self.alembic(chain, stamped, command)
                    return argv, None, env, None
                self.measure(name + " (Alembic)", label, n, {"alembic": make}, alembic_runs)
        self.drop(stamped)

    # --- the table -------------------------------------------------------------------------
    def table(self):
        merged = {}
        for row in self.rows:
            key = (row["command"].replace(" (Alembic)", ""), row["backend"], row["n"])
            merged.setdefault(key, {}).update({k: v for k, v in row.items() if k not in ("command", "backend", "n")})
        lines = ["| command | backend | N | ours (ms) | ours / floor | µs per added revision | bundled (ms) | floor (ms) | Alembic (ms) | peak RSS ours / bundled / Alembic (MiB) |",
                 "|---|---|---|---|---|---|---|---|---|---|"]
        previous = {}

        def ms(value):
            return "%.1f" % value if value is not None else "–"

        for (command, backend, n), row in merged.items():
            ours, floor = row.get("ours"), row.get("floor")
            marginal = "–"
            if (command, backend) in previous:
                n0, t0 = previous[(command, backend)]
                marginal = "%.0f" % ((ours - t0) * 1000 / (n - n0))
            previous[(command, backend)] = (n, ours)
            rss = " / ".join("%.0f" % row[k] if k in row else "–" for k in ("ours_rss", "bundled_rss", "alembic_rss"))
            lines.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                command, backend, n, ms(ours), "%.2f×" % (ours / floor) if floor else "–", marginal,
                ms(row.get("bundled")), ms(floor), ms(row.get("alembic")), rss))
        return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default="build")
    parser.add_argument("--sizes", default="10,100,1000", help="N for commands that change the database")
    parser.add_argument("--read-sizes", default="10,100,1000,5000", help="N for reading commands")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--runs", type=int, default=7, help="paired samples per command")
    parser.add_argument("--alembic-runs", type=int, default=3, help="samples of Alembic per command")
    parser.add_argument("--no-alembic", action="store_true")
    parser.add_argument("--out", help="also write the table to this file")
    args = parser.parse_args()
    bench = Bench(args)
    backends = args.backends.split(",")
    if "postgresql" in backends and not bench.pg_admin:
        sys.exit("chain_bench: SDM_TEST_PG_ADMIN is not set (run through run-chain-bench.sh)")
    if "postgresql" in backends:
        bench.psql_admin("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench') "
                         "THEN CREATE ROLE bench LOGIN PASSWORD 'bench'; END IF; END$$")
    load = os.getloadavg()[0]
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {int(s) for s in args.read_sizes.split(",")})
    try:
        for n in sizes:
            chain = os.path.join(bench.work, "chain_%d" % n)
            subprocess.run([sys.executable, os.path.join(HERE, "gen_chain.py"), "--templates", bench.templates,
                            "--count", str(n), "--out", chain] + (["--alembic", "no"] if args.no_alembic else []),
                           check=True)
            if args.no_alembic is False and not os.path.isdir(os.path.join(chain, "alembic")):
                print("chain_bench: python3-alembic is not installed; no Alembic column", file=sys.stderr)
            for backend in backends:
                if str(n) in args.sizes.split(","):
                    bench.online(chain, backend, n, args.runs if n <= 100 else max(3, args.runs // 2), args.alembic_runs)
                if str(n) in args.read_sizes.split(","):
                    bench.reading(chain, backend, n, args.runs, args.alembic_runs)
            shutil.rmtree(chain)
    finally:
        shutil.rmtree(bench.work, ignore_errors=True)
    heading = "load average %.1f at the start, %.1f at the end; medians of %d paired runs (%d for Alembic)\n\n" % (
        load, os.getloadavg()[0], args.runs, args.alembic_runs)
    text = heading + bench.table()
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
