#!/usr/bin/python3
"""Runs the same commands through sahara-db-manage and Alembic on the same revision graphs.

Each graph becomes an Alembic script directory (Python revisions) and a set of revision
plugins (C++ revisions built against an installed sahara-db-manage). Every command runs
through both command lines on its own SQLite database; the answers compared are the text
each tool prints (stdout, the FAILED message, the "Running ..." log lines) and every write to
alembic_version, logged by triggers. Prints each disagreement and the agreement rate.

Usage: compare.py --prefix PREFIX [--work DIR] [--graph NAME]...
  PREFIX: where `cmake --install build --prefix PREFIX` put sahara-db-manage.
Needs python3-alembic (the version under the Python tool: 1.8.1).
"""

import argparse
import contextlib
import io
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import traceback

import alembic.config
import alembic.script.base

from graphs import GRAPHS



def python_revision(rev):
    def tup(values):
        if not values:
            return "None"
        if len(values) == 1:
            return repr(values[0])
        return "(" + ", ".join(repr(v) for v in values) + ")"

    return f'''"""{rev.get("message", "rev " + rev["id"])}"""
from alembic import op
import sqlalchemy as sa

revision = {rev["id"]!r}
down_revision = {tup(rev.get("parents", []))}
branch_labels = {tup(rev.get("labels", []))}
depends_on = {tup(rev.get("depends", []))}


def upgrade():
    op.create_table("t_{rev["id"]}", sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("note", sa.String(40)), sa.PrimaryKeyConstraint("id"))


def downgrade():
    op.drop_table("t_{rev["id"]}")
'''


ENV_PY = '''from alembic import context
from sqlalchemy import create_engine

url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
'''

CPP_REVISION = '''#include <sdm/revision.hpp>

static void upgrade(sdm::Operations& op) {
  op.create_table("t_@ID@",
                  {sdm::Column("id", sdm::Integer()).not_null(), sdm::Column("note", sdm::String(40))},
                  {sdm::PrimaryKey({"id"})});
}

static void downgrade(sdm::Operations& op) { op.drop_table("t_@ID@"); }

SDM_REVISION_EX(rev, "@ID@", "@PARENTS@", "@DEPENDS@", "@LABELS@", "@MESSAGE@", upgrade, downgrade)
SDM_REVISION_PLUGIN(rev)
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def prepare(work, prefix, names):
    """Writes both trees for every graph and builds the plugins with one CMake project."""
    cmake = ["cmake_minimum_required(VERSION 3.20)", "project(compare CXX)",
             "find_package(SaharaDbManage REQUIRED)"]
    for name in names:
        base = os.path.join(work, name)
        write(os.path.join(base, "alembic", "env.py"), ENV_PY)
        for index, rev in enumerate(GRAPHS[name]):
            stem = f"r{index:02d}_{rev['id']}"
            write(os.path.join(base, "alembic", "versions", stem + ".py"), python_revision(rev))
            source = (CPP_REVISION.replace("@ID@", rev["id"])
                      .replace("@PARENTS@", ", ".join(rev.get("parents", [])))
                      .replace("@DEPENDS@", ", ".join(rev.get("depends", [])))
                      .replace("@LABELS@", ", ".join(rev.get("labels", [])))
                      .replace("@MESSAGE@", rev.get("message", "rev " + rev["id"])))
            source_path = os.path.join(base, "src", stem + ".cpp")
            write(source_path, source)
            target = f"{name}_{stem}"
            cmake.append(f"sdm_add_revision({target} {source_path} OUTPUT_DIRECTORY "
                         f"{os.path.join(base, 'plugins')})")
            cmake.append(f"set_target_properties({target} PROPERTIES OUTPUT_NAME {stem})")
    write(os.path.join(work, "project", "CMakeLists.txt"), "\n".join(cmake) + "\n")
    build = os.path.join(work, "project", "build")
    subprocess.run(["cmake", "-S", os.path.join(work, "project"), "-B", build, "-G", "Ninja",
                    f"-DCMAKE_PREFIX_PATH={prefix}"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build, "-j1"], check=True, stdout=subprocess.DEVNULL)


class Tool:
    """One of the two command lines, on one graph, with a database file per scenario."""

    def __init__(self, kind, work, graph, prefix):
        self.kind = kind
        self.base = os.path.join(work, graph)
        self.prefix = prefix
        self.db = None

    def fresh(self, label):
        self.db = os.path.join(self.base, f"{self.kind}-{label}.db")
        if os.path.exists(self.db):
            os.remove(self.db)
        # Both start from an empty version table (as ensure_version makes it), with every
        # write to it logged.
        con = sqlite3.connect(self.db)
        con.executescript("""
            CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,
              CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
            CREATE TABLE version_writes (n INTEGER PRIMARY KEY, what TEXT);
            CREATE TRIGGER vi AFTER INSERT ON alembic_version BEGIN
              INSERT INTO version_writes (what) VALUES ('insert:' || NEW.version_num); END;
            CREATE TRIGGER vu AFTER UPDATE ON alembic_version BEGIN
              INSERT INTO version_writes (what)
                VALUES ('update:' || OLD.version_num || '->' || NEW.version_num); END;
            CREATE TRIGGER vd AFTER DELETE ON alembic_version BEGIN
              INSERT INTO version_writes (what) VALUES ('delete:' || OLD.version_num); END;
        """)
        con.commit()
        con.close()

    def writes(self):
        con = sqlite3.connect(self.db)
        rows = [r[0] for r in con.execute("SELECT what FROM version_writes ORDER BY n")]
        con.execute("DELETE FROM version_writes")
        con.commit()
        con.close()
        return rows

    def run(self, arguments):
        db = self.db or os.path.join(self.base, f"{self.kind}-static.db")
        if self.kind == "alembic":
            ini = os.path.join(self.base, "alembic.ini")
            write(ini, "[alembic]\nscript_location = %s\nsqlalchemy.url = sqlite:///%s\n"
                  % (os.path.join(self.base, "alembic"), db))
            return run_alembic(["-c", ini] + arguments)
        else:
            conf = os.path.join(self.base, "sahara.conf")
            write(conf, "[database]\nconnection = sqlite:///%s\n" % db)
            command = [os.path.join(self.prefix, "bin", "sahara-db-manage"), "--config-file", conf,
                       "--revisions-dir", os.path.join(self.base, "plugins")] + arguments
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.base)
        return normalize(done.stdout, done.stderr, done.returncode)


class _CurrentStderr(io.TextIOBase):
    """Alembic's log handler writes here, so each run's log is captured with its stderr."""

    def write(self, text):
        return sys.stderr.write(text)


logging.basicConfig(stream=_CurrentStderr(), level=logging.INFO,
                    format="%(levelname)-5.5s [%(name)s] %(message)s")


# Alembic reads a versions directory in os.listdir order, which is the file system's (hash
# order on ext4); sahara-db-manage reads plugins in file-name order. Both orders are ones
# Alembic runs in, so Alembic is shown the files in name order, as a file system that lists
# sorted would show them.
_list_py_dir = alembic.script.base.Script._list_py_dir.__func__
alembic.script.base.Script._list_py_dir = classmethod(
    lambda cls, scriptdir, path: sorted(_list_py_dir(cls, scriptdir, path)))


def run_alembic(arguments):
    """Alembic's own command line, as alembic.config.main runs it, in this process to save
    start-up; Config gets the captured stdout because its default is bound at import."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            command_line = alembic.config.CommandLine(prog="alembic")
            options = command_line.parser.parse_args(arguments)
            config = alembic.config.Config(file_=options.config, ini_section=options.name,
                                           cmd_opts=options, stdout=out)
            command_line.run_cmd(config, options)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except Exception:
            traceback.print_exc()
            code = 1
    return normalize(out.getvalue(), err.getvalue(), code)


def normalize(out, err, code):
    """What a user compares: the output, the FAILED message and the migration log."""
    failed = [line for line in (out + err).splitlines() if line.startswith("FAILED")]
    traceback = "Traceback (most recent call last)" in err
    out_lines = [line for line in out.splitlines()
                 if not line.startswith("FAILED") and not line.startswith("  Path:")
                 and not line.startswith("Path:")]
    log = [re.sub(r"^.*?(Running )", r"\1", line) for line in err.splitlines()
           if re.search(r"\] Running (upgrade|downgrade|stamp)", line)]
    return {"ok": code == 0 and not traceback, "out": out_lines, "failed": failed[:1],
            "log": log, "traceback": traceback}


def scenarios(graph):
    ids = [rev["id"] for rev in graph]
    labels = sorted({label for rev in graph for label in rev.get("labels", [])})
    targets = ["heads", "head", "base"] + ids + [f"{label}@head" for label in labels]
    yield "static", None, [["heads"], ["heads", "--resolve-dependencies"], ["heads", "-v"],
                           ["branches"], ["branches", "-v"], ["history"], ["history", "-v"],
                           ["history", "-r", "base:heads"]] + [["show", i] for i in ids]
    for target in targets:
        yield f"up-{target}", None, [["upgrade", target], ["current"], ["history", "-i"]]
    for target in targets:
        yield f"down-{target}", ["upgrade", "heads"], [["downgrade", target], ["current"]]
    yield "steps-up", None, [["upgrade", "+1"]] * (len(ids) + 1) + [["current"]]
    yield "steps-down", ["upgrade", "heads"], [["downgrade", "-1"]] * (len(ids) + 1)
    for target in targets:
        yield f"stamp-{target}", None, [["stamp", target], ["current"]]
    yield "offline", None, [["upgrade", "--sql", "heads"], ["downgrade", "--sql", "heads:base"]]


def offline_only_version(answer, sql):
    if sql:
        answer["out"] = [line for line in answer["out"] if "alembic_version" in line]
    return answer


def compare(work, prefix, name, report):
    graph = GRAPHS[name]
    tools = [Tool("ours", work, name, prefix), Tool("alembic", work, name, prefix)]
    agree = total = 0
    for label, setup, commands in scenarios(graph):
        for tool in tools:
            tool.fresh(label)
            if setup:
                tool.run(setup)
                tool.writes()
        for command in commands:
            answers = []
            for tool in tools:
                answer = offline_only_version(tool.run(command), "--sql" in command)
                answer["writes"] = tool.writes()
                answers.append(answer)
            ours, theirs = answers
            for key in ("ok", "out", "failed", "log", "writes"):
                if key == "out" and not theirs["ok"]:
                    continue
                if key == "failed" and (theirs["traceback"] or ours["ok"]):
                    continue
                total += 1
                if ours[key] == theirs[key]:
                    agree += 1
                else:
                    report.append(f"{name} {label} {' '.join(command)} [{key}]\n"
                                  f"    ours:    {ours[key]}\n    alembic: {theirs[key]}")
    return agree, total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--work", default="/tmp/sdm-alembic-compare")
    parser.add_argument("--graph", action="append")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    names = args.graph or list(GRAPHS)
    if not args.no_build:
        if os.path.exists(args.work):
            shutil.rmtree(args.work)
        prepare(args.work, args.prefix, names)
    report = []
    agree = total = 0
    for name in names:
        a, t = compare(args.work, args.prefix, name, report)
        print(f"{name}: {a}/{t}")
        agree += a
        total += t
    print("\n".join(report))
    print(f"agreeing answers: {agree}/{total} ({100.0 * agree / max(total, 1):.1f}%)")


if __name__ == "__main__":
    sys.exit(main())
