#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work that recurses as deep as the language's limits allow on a thread of its own, with
/// a stack large enough for it, whatever thread the caller is on.
///
/// Parsing recurses through blocks nested up to 64 deep (S205) and conditions up to 200 deep
/// (S309), and checking through chains of up to 32 definitions (R230); in a debug build each
/// level can take ten kilobytes of stack, more than the 512 KiB a secondary thread gets on some
/// systems (and Swift Testing's workers there). Files are parsed and checked rarely beside the
/// questions asked of them, so the cost of a thread is nothing; evaluation, which is asked
/// millions of times, stays on the caller's thread, within R232's depth.
enum LargeStack {
    /// The stack the work gets.
    static let size = 64 << 20

    /// Marks the threads this starts, so that work already on one runs in place.
    private static let marker: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// `body`'s result, computed on a thread with a `size`-byte stack (or in place, when already on
    /// one); the caller waits for it.
    static func run<T>(_ body: () -> T) -> T {
        if pthread_getspecific(marker) != nil { return body() }
        return withoutActuallyEscaping(body) { escapable in
            let job = Job<T>(escapable)
            if !start(job) { job.perform() }
            return job.result!
        }
    }

    /// Runs `job` on a new thread and waits for it; false if no thread could be made.
    private static func start(_ job: some Performing) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let context = Unmanaged.passRetained(job as AnyObject).toOpaque()
        guard pthread_create(&thread, &attributes, { raw in
            pthread_setspecific(LargeStack.marker, raw)
            (Unmanaged<AnyObject>.fromOpaque(raw!).takeRetainedValue() as! any Performing).perform()
            return nil
        }, context) == 0 else {
            Unmanaged<AnyObject>.fromOpaque(context).release()
            return false
        }
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
        return true
    }
}

/// Work handed to another thread.
private protocol Performing: AnyObject {
    func perform()
}

/// The closure and its result, shared with the thread that runs it (which the caller joins
/// before reading the result, so there is no race).
private final class Job<T>: Performing, @unchecked Sendable {
    let body: () -> T
    var result: T?
    init(_ body: @escaping () -> T) { self.body = body }
    func perform() { result = body() }
}
