from newskb.cli import main

main()
