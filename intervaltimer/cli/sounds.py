"""`intervaltimer sounds`: play every cue with its name, then say a sample phrase, for a check
at the track."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from intervaltimer.audio.player import Player

# Silence between two cues, so each is heard on its own.
GAP_S = 0.6


@click.command()
@click.option("--no-sound", is_flag=True, help="List the cues without playing them.")
def sounds(no_sound: bool) -> None:
    """Play each cue with its name, then say a sample split, to check they can be heard.

    The first line says how sound will be played (or why not); the last line
    the sample phrase, or why there is no voice (espeak-ng missing: the cues
    are beeps only). Exits 1 if there is no working audio device (unless
    --no-sound).
    """
    from intervaltimer.audio.backends import STATUS_ON, DevicePlayer, SilentPlayer
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
                if isinstance(player, DevicePlayer) and player.status == STATUS_ON:
                    player.wait_done(timeout_s=cue_duration_s(cue) + 2.0)
                else:
                    time.sleep(cue_duration_s(cue))
                time.sleep(GAP_S)
            _say_sample(player, quiet=no_sound or isinstance(player, SilentPlayer))
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        finally:
            player.close()
    if not no_sound and player.status != STATUS_ON:
        if player.status != status:
            click.echo(player.status)
        raise click.exceptions.Exit(1)


def _say_sample(player: Player, quiet: bool) -> None:
    """Print the sample phrase and say it (rendered by espeak-ng, cached like a run's)."""
    from intervaltimer.audio.backends import STATUS_ON, DevicePlayer
    from intervaltimer.audio.speech import Speech
    from intervaltimer.track.phrases import SAMPLE

    speech = Speech()
    if not speech.available:
        click.echo(f"  {'voice':<12} off: {speech.problem}")
        return
    click.echo(f'  {"voice":<12} "{SAMPLE}"')
    if quiet:
        return
    clip = speech.render_now(SAMPLE)
    if clip is None:
        click.echo(f"  {'':<12} not said: {speech.problem}")
        return
    if not player.say(clip):
        return
    if isinstance(player, DevicePlayer) and player.status == STATUS_ON:
        player.wait_done(timeout_s=clip.length_s + 2.0)
    else:
        time.sleep(clip.length_s)
