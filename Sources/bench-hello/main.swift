// The baseline for timing the `can-fund` process (proviso-bench): a Swift "hello world" that links
// Foundation, built with the same configuration as `can-fund`.
import Foundation

print("hello, world")
