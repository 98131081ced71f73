#if canImport(Glibc)
    import CMalloc
#endif

/// How the C allocator is set up before anything is allocated.
enum MemoryTuning {
    /// Serves every allocation of 1 MiB or more (reply bodies, page tapes) with its own mapping, returned
    /// to the system as soon as it is freed.
    ///
    /// glibc otherwise raises this threshold each time such a block is freed, up to 32 MiB, after which
    /// the 10 MB blocks of each page come from the heap and stay there: streaming 100 000 rows with
    /// `employees.each` then peaked near 140 MiB instead of under 100.
    static func apply() {
        #if canImport(Glibc)
            _ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
        #endif
    }

    /// Gives the memory the allocator holds free back to the system, every thread's arena and the
    /// free pages inside the heaps (`malloc_trim(0)`), half a second from now, off the calling thread.
    ///
    /// `empsh serve` calls it when a flood of connections is over: glibc keeps what they freed
    /// (their bodies, their buffers) otherwise, and resident memory stayed at the flood's peak.
    static func returnFreedSoon() {
        #if canImport(Glibc)
            Task.detached {
                try? await Task.sleep(for: .milliseconds(500))
                _ = malloc_trim(0)
            }
        #endif
    }
}
