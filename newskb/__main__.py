from newskb.console import main

main()
