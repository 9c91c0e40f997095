"""The `intervaltimer` command line: thin wrappers that parse, call the layers and print.

Commands live one family a module and are imported only when called, so
`intervaltimer --version` stays fast and the UI (textual) is imported only by
commands that open it.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from intervaltimer import __version__

# name -> "module:function"; each module owns its commands.
COMMANDS: dict[str, str] = {
    "home": "intervaltimer.cli.desk:home",
    "edit": "intervaltimer.cli.desk:edit",
    "new": "intervaltimer.cli.desk:new",
    "profile": "intervaltimer.cli.desk:profile",
    "validate": "intervaltimer.cli.workouts:validate",
    "plan": "intervaltimer.cli.plan:plan",
    "run": "intervaltimer.cli.run:run",
    "paces": "intervaltimer.cli.paces:paces",
    "sounds": "intervaltimer.cli.sounds:sounds",
    "history": "intervaltimer.cli.log:history",
    "show": "intervaltimer.cli.log:show",
    "trend": "intervaltimer.cli.review:trend",
    "next": "intervaltimer.cli.coach:next_",
    "rate": "intervaltimer.cli.coach:rate",
    "flag": "intervaltimer.cli.coach:flag",
    "export": "intervaltimer.cli.review:export",
    "import": "intervaltimer.cli.review:import_",
    "export-workout": "intervaltimer.cli.reach:export_workout",
    "import-workout": "intervaltimer.cli.reach:import_workout",
    "export-session": "intervaltimer.cli.reach:export_session",
    "push": "intervaltimer.cli.push:push",
    "push-workout": "intervaltimer.cli.push:push_workout",
    "icu-key": "intervaltimer.cli.push:icu_key",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is used.

    Every error message it lets out is display-safe: a file name or a value quoted
    from a file cannot send an escape sequence to the terminal.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command line, writing ASCII where the terminal cannot take UTF-8."""
        from intervaltimer.cli.textout import install_ascii_fallback

        install_ascii_fallback()
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        """Invoke the command; its error message, if any, made display-safe."""
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            from intervaltimer.safetext import display_safe

            # click declares `message` Final; this is the one place that rewrites it.
            object.__setattr__(error, "message", display_safe(error.message, lines=True))
            raise

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: Any = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="intervaltimer")
@click.pass_context
def main(ctx: click.Context) -> None:
    """A terminal interval timer for track sessions.

    With no command, opens the workout library.

    \b
    Example:
      intervaltimer run 8x400m@mile/60s --race mile=5:40
    """
    if ctx.invoked_subcommand is None:
        open_home = COMMANDS.get("home")
        if open_home is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(LazyGroup().get_command(ctx, "home") or main)
