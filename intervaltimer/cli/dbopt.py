"""The `--db PATH` option and opening the log from a command, for every command that uses it.

    @click.command()
    @db_option
    def run(db: str | None, ...) -> None:
        store = open_log(db)          # ready to write, or exit 1 with one line
        store.file.check_writable()   # again just before the run starts, if time has passed

Store errors become `click.ClickException`s: one line on stderr, exit 1, no traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from intervaltimer.log.records import RepRecord, SessionRecord
    from intervaltimer.log.store import Store

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = (
    "The log database file. Default: $INTERVALTIMER_DB, else log.sqlite3 in the user data "
    "directory (e.g. ~/.local/share/intervaltimer)."
)


def db_option(func: F) -> F:
    """Add `--db PATH` to a command; the command receives it as `db: str | None`."""
    return click.option("--db", "db", metavar="PATH", default=None, help=DB_HELP)(func)


class StoreProblem(click.ClickException):
    """A log that cannot be used, as a one-line message and exit 1."""

    exit_code = 1


def open_log(db: str | None, *, for_reading: bool = False) -> Store:
    """The store at `--db`/`$INTERVALTIMER_DB`/default; exit 1 with a message if unusable.

    For writing (the default) the log is created if needed and a write is
    checked. `for_reading` needs an existing log, writes nothing unless the
    schema must be brought forward, and so also reads a read-only or locked log.
    """
    from intervaltimer.fileio import special_file_kind
    from intervaltimer.log.errors import OutdatedSchemaError, StoreError
    from intervaltimer.log.paths import db_path
    from intervaltimer.log.store import Store

    path = db_path(db)
    kind = special_file_kind(path)
    if kind == "a directory":
        raise StoreProblem(f"{path}: is a directory, not a log file; give a file path, e.g. "
                           f"--db {path / 'log.sqlite3'}")
    if kind is not None:  # never opened: a FIFO would block, a device is not a log
        raise StoreProblem(f"{path}: is {kind}, not a log file; give a file path with --db "
                           "PATH or INTERVALTIMER_DB")
    try:
        if not for_reading:
            return Store.open(path)
        if not path.exists():
            raise StoreProblem(f"no sessions logged yet: {path} does not exist")
        try:
            return Store.open(path, readonly=True)
        except OutdatedSchemaError:
            return Store.open(path)
    except StoreError as exc:
        raise StoreProblem(str(exc)) from None


def load_session(
    db: str | None, session_ref: str,
    by_workout: Callable[[Store, str], str] | None = None,
) -> tuple[SessionRecord, list[RepRecord]]:
    """The session SESSION names (a number, or `last`) and its reps; exit 1 if there is none.

    With `by_workout` (a workout as `run` takes it -> its logged name), any other text names a
    workout, and its newest session is the one meant.
    """
    ref = session_ref.strip().lower()
    by_number = ref == "last" or ref.isdigit()
    if not by_number and by_workout is None:
        raise click.BadParameter(f"{session_ref!r} is not a session number or `last`",
                                 param_hint="SESSION")
    with open_log(db, for_reading=True) as store:
        if by_number:
            session = store.last_session() if ref == "last" else store.session(int(ref))
        else:
            assert by_workout is not None
            session = store.last_session(by_workout(store, session_ref))
        if session is None:
            what = ("no sessions" if ref == "last" else f"no session {ref}" if by_number
                    else f"no sessions of {session_ref!r}")
            raise StoreProblem(f"{what} in {store.path}; list them with `intervaltimer history`")
        return session, store.reps(session.id)
