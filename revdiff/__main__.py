"""`python -m revdiff`: the command line, which ends with the exit status the run chose."""

from revdiff.cli import main
from revdiff.stop_signals import forget_caught_interrupts

try:
    main(prog_name="revdiff")
finally:  # a Ctrl-C the run caught and said is not taken for one that escaped it
    forget_caught_interrupts()
