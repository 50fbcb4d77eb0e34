#!/usr/bin/env python3
"""Writes an N-revision benchmark chain in every form the benchmark runs.

Revision k (id "rev" + six digits, k = 0..N-1) creates t_k with four columns and an index on
name, and adds next_id to t_{k-1}; its downgrade undoes both. Written under OUT:

  perfile/     one revision plugin per file (the layout packagers ship)
  bundled/     100 revisions per plugin file (only when N is a multiple of 100)
  floor/       the same DDL as plain SQL per backend and direction, one transaction each,
               for piping into sqlite3 / psql
  alembic/     the same chain as an Alembic script directory (when python3 can import alembic)

The plugins are copies of templates built with the project (tests/bench/chain/), stamped with
each revision's ids: the templates hold placeholders of exactly the ids' length, so the copies
are byte for byte what compiling each revision would give, minus the compile.

Usage: gen_chain.py --templates DIR --count N --out DIR
"""
import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile


def revision_id(k):
    return "rev%06d" % k


def table(k):
    return "t_%06d" % k


def stamp(template, replacements, destination):
    """Copies template to destination with each placeholder replaced; checks every one was."""
    data = template
    for placeholder, value in replacements.items():
        if len(placeholder) != len(value):
            sys.exit("gen_chain: %r and %r differ in length" % (placeholder, value))
        if placeholder not in data:
            sys.exit("gen_chain: placeholder %r missing from a template" % placeholder)
        data = data.replace(placeholder, value)
    if b"@SELF@" in data or b"@PREV@" in data or b"@B@B" in data or b"@P@P" in data:
        sys.exit("gen_chain: a placeholder survived in " + destination)
    with open(destination, "wb") as out:
        out.write(data)


def write_plugins(templates, count, out):
    def read(name):
        # Without debug information, as distributions ship plugins (and 5000 copies stay small).
        path = os.path.join(templates, name + ".so")
        with tempfile.TemporaryDirectory() as scratch:
            stripped = os.path.join(scratch, name + ".so")
            if shutil.which("strip"):
                subprocess.run(["strip", "--strip-debug", "-o", stripped, path], check=True)
                path = stripped
            with open(path, "rb") as f:
                return f.read()

    single_first, single_next = read("single_first"), read("single_next")
    directory = os.path.join(out, "perfile")
    os.makedirs(directory)
    for k in range(count):
        digits = b"%06d" % k
        if k == 0:
            stamp(single_first, {b"@SELF@": digits}, os.path.join(directory, "000000_chain.so"))
        else:
            stamp(single_next, {b"@SELF@": digits, b"@PREV@": b"%06d" % (k - 1)},
                  os.path.join(directory, "%06d_chain.so" % k))

    if count % 100 != 0:
        return
    bundle_first, bundle_next = read("bundle_first"), read("bundle_next")
    directory = os.path.join(out, "bundled")
    os.makedirs(directory)
    for b in range(count // 100):
        path = os.path.join(directory, "%04d_bundle.so" % b)
        if b == 0:
            stamp(bundle_first, {b"@B@B": b"0000"}, path)
        else:
            stamp(bundle_next, {b"@B@B": b"%04d" % b, b"@P@P": b"%04d" % (b - 1)}, path)


def floor_upgrade(count, timestamp):
    lines = ["BEGIN;"]
    for k in range(count):
        lines.append("CREATE TABLE %s (id INTEGER NOT NULL, name VARCHAR(64) NOT NULL, "
                     "value INTEGER, created_at %s, PRIMARY KEY (id));" % (table(k), timestamp))
        lines.append("CREATE INDEX ix_%s_name ON %s (name);" % (table(k), table(k)))
        if k > 0:
            lines.append("ALTER TABLE %s ADD COLUMN next_id INTEGER;" % table(k - 1))
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def floor_downgrade(count):
    lines = ["BEGIN;"]
    for k in reversed(range(count)):
        if k > 0:
            lines.append("ALTER TABLE %s DROP COLUMN next_id;" % table(k - 1))
        lines.append("DROP INDEX ix_%s_name;" % table(k))
        lines.append("DROP TABLE %s;" % table(k))
    lines.append("COMMIT;")
    return "\n".join(lines) + "\n"


def write_floor(count, out):
    directory = os.path.join(out, "floor")
    os.makedirs(directory)
    for backend, timestamp in (("sqlite", "DATETIME"), ("postgresql", "TIMESTAMP WITHOUT TIME ZONE")):
        with open(os.path.join(directory, backend + "_upgrade.sql"), "w") as f:
            f.write(floor_upgrade(count, timestamp))
        with open(os.path.join(directory, backend + "_downgrade.sql"), "w") as f:
            f.write(floor_downgrade(count))


ALEMBIC_INI = """[alembic]
script_location = %(here)s
"""

# The database URL comes from the environment, so one script directory serves every database.
ALEMBIC_ENV = '''import os

from alembic import context
from sqlalchemy import create_engine, pool

url = os.environ["BENCH_ALEMBIC_URL"]
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
'''

ALEMBIC_REVISION = '''"""chain step {id}"""
import sqlalchemy as sa
from alembic import op

revision = "{id}"
down_revision = {parent}


def upgrade():
    op.create_table("{table}", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("name", sa.String(64), nullable=False), sa.Column("value", sa.Integer),
                    sa.Column("created_at", sa.DateTime))
    op.create_index("ix_{table}_name", "{table}", ["name"])
{add}

def downgrade():
{drop}    op.drop_index("ix_{table}_name", "{table}")
    op.drop_table("{table}")
'''


def write_alembic(count, out):
    directory = os.path.join(out, "alembic")
    os.makedirs(os.path.join(directory, "versions"))
    with open(os.path.join(directory, "alembic.ini"), "w") as f:
        f.write(ALEMBIC_INI)
    with open(os.path.join(directory, "env.py"), "w") as f:
        f.write(ALEMBIC_ENV)
    for k in range(count):
        previous = table(k - 1) if k > 0 else None
        text = ALEMBIC_REVISION.format(
            id=revision_id(k), table=table(k),
            parent='"%s"' % revision_id(k - 1) if previous else "None",
            add='    op.add_column("%s", sa.Column("next_id", sa.Integer))\n' % previous if previous else "",
            drop='    op.drop_column("%s", "next_id")\n' % previous if previous else "")
        with open(os.path.join(directory, "versions", "%s.py" % revision_id(k)), "w") as f:
            f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--templates", required=True, help="directory of the built templates")
    parser.add_argument("--count", type=int, required=True, help="revisions in the chain")
    parser.add_argument("--out", required=True, help="directory to write (replaced)")
    parser.add_argument("--alembic", choices=("auto", "no"), default="auto")
    args = parser.parse_args()
    if not 1 <= args.count <= 999999:
        sys.exit("gen_chain: --count must be 1..999999")
    os.umask(0o022)  # the host refuses plugins others can write
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    write_plugins(args.templates, args.count, args.out)
    write_floor(args.count, args.out)
    if args.alembic == "auto" and importlib.util.find_spec("alembic") is not None:
        write_alembic(args.count, args.out)


if __name__ == "__main__":
    main()
