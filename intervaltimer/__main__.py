"""`python -m intervaltimer`: the same as the `intervaltimer` command."""

from intervaltimer.cli import main

if __name__ == "__main__":
    main()
