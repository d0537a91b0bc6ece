from p1lint.cli import main

main()
