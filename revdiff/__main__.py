from revdiff.cli import main

main(prog_name="revdiff")
