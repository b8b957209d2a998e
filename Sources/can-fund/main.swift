import ProvisoCLI

ProvisoCommandLine.canFund()
