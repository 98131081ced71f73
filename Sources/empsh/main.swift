print("empsh")
