from revdiff.cli import main

main()
