import ProvisoCLI

ProvisoCommandLine.proviso()
