"""`intervaltimer sounds`: play every cue with its name, for a check at the track."""

from __future__ import annotations

import time

import click

# Silence between two cues, so each is heard on its own.
GAP_S = 0.6


@click.command()
@click.option("--no-sound", is_flag=True, help="List the cues without playing them.")
def sounds(no_sound: bool) -> None:
    """Play each cue with its name, to check they can be heard.

    The first line says how sound will be played (or why not). Exits 1 if
    there is no working audio device (unless --no-sound).
    """
    from intervaltimer.audio.backends import STATUS_ON, SilentPlayer, SimpleaudioPlayer
    from intervaltimer.audio.cues import CUE_MEANINGS, cue_duration_s
    from intervaltimer.audio.player import make_player
    from intervaltimer.audio.quiet import stderr_to
    from intervaltimer.locations import stderr_log_path

    with stderr_to(stderr_log_path()):
        player = make_player(enabled=not no_sound)
        status = player.status
        click.echo(status)
        try:
            for cue, meaning in CUE_MEANINGS.items():
                click.echo(f"  {cue:<12} {meaning}")
                if isinstance(player, SilentPlayer):
                    continue
                player.play(cue)
                if isinstance(player, SimpleaudioPlayer) and player.status == STATUS_ON:
                    player.wait_done(timeout_s=cue_duration_s(cue) + 2.0)
                else:
                    time.sleep(cue_duration_s(cue))
                time.sleep(GAP_S)
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        finally:
            player.close()
    if not no_sound and player.status != STATUS_ON:
        if player.status != status:
            click.echo(player.status)
        raise click.exceptions.Exit(1)
