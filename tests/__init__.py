"""The test suite. A package, so that `tests` here is never shadowed by a dependency
that installs a top-level `tests` package of its own (garmin-fit-sdk does): the
benchmarks import the fakes and kits from it."""
