"""Templates for new workouts: each is a valid workout with the name given, of the kind it says."""

from __future__ import annotations

import pytest

from intervaltimer.workout.loader import parse_workout
from intervaltimer.workout.model import Repeat, Step, StepKind
from intervaltimer.workout.plan import expand
from intervaltimer.workout.templates import (
    TEMPLATES,
    TemplateError,
    render_template,
    slug,
    with_name,
    yaml_string,
)


@pytest.mark.parametrize("key", list(TEMPLATES))
@pytest.mark.parametrize("name", ["Hill sprints", "8 x 400 m", "no", "Tempo: 20 min", 'say "go"'])
def test_every_template_loads_with_any_name(key: str, name: str) -> None:
    workout = parse_workout(render_template(key, name), f"{key}.yaml")
    assert workout.name == name
    assert expand(workout, None).steps


def test_templates_are_what_they_say() -> None:
    send_off = parse_workout(render_template("send-off", "s"))
    repeats = [n for n in send_off.steps if isinstance(n, Repeat)]
    assert repeats and repeats[0].every_s == 150.0 and repeats[0].min_rest_s == 20.0

    pyramid = parse_workout(render_template("pyramid", "p"))
    runs = [n.amount.distance_m for n in pyramid.steps
            if isinstance(n, Step) and n.kind is StepKind.RUN]
    assert runs == [200.0, 400.0, 800.0, 400.0, 200.0]

    strides = expand(parse_workout(render_template("strides-core", "s")), None)
    kinds = {s.kind for s in strides.steps}
    assert StepKind.EXERCISE in kinds and any(s.label.startswith("Stride") for s in strides.steps)

    reps = parse_workout(render_template("reps", "r"))
    assert any(isinstance(n, Repeat) and n.count == 8 for n in reps.steps)


def test_unknown_template_names_the_ones_there_are() -> None:
    with pytest.raises(TemplateError, match="reps, pyramid, send-off, strides-core"):
        render_template("ladder", "x")


@pytest.mark.parametrize(("name", "expected"), [
    ("8 x 400 m @ mile", "8x400m-mile"),
    ("Hill sprints", "hill-sprints"),
    ("6×800m", "6x800m"),
    ("!!!", "workout"),
])
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_yaml_string_quotes_only_when_needed() -> None:
    assert yaml_string("Hill sprints") == "Hill sprints"
    assert yaml_string("yes") == '"yes"'
    assert yaml_string("Tempo: 20 min") == '"Tempo: 20 min"'


def test_with_name_replaces_the_top_level_name_only() -> None:
    text = "name: Old\nsteps:\n  - run: 400m\n    label: name: x\n"
    renamed = with_name(text, "New one")
    assert renamed == "name: New one\nsteps:\n  - run: 400m\n    label: name: x\n"
    assert with_name("steps: []\n", "Eights") == "name: Eights\nsteps: []\n"
