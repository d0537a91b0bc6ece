from p1lint.entry import main

main()
