package io.hakmem.slab;

import org.jspecify.annotations.NullMarked;

/**
 * Block counts per size class, taken by walking a heap's spans and their state bytes: the reading
 * side pays for per-class statistics, so no allocate or free ever counts per class.
 *
 * <p>State bytes written by cache owners without the lock are read racily; once the threads that
 * used the arena are joined, the census is exact.
 */
@NullMarked
public final class ClassCensus {

    private final long[] spans = new long[SizeClasses.count()];
    private final long[] live = new long[SizeClasses.count()];
    private final long[] cached = new long[SizeClasses.count()];
    private final long[] remote = new long[SizeClasses.count()];
    private final long[] capacity = new long[SizeClasses.count()];
    private final long[] resident = new long[SizeClasses.count()];
    private final long[] userFreesGivenBack = new long[SizeClasses.count()];

    private ClassCensus() {}

    /**
     * Counts every formed span of {@code heap}. Locked: the caller holds the heap lock.
     *
     * @param heap the heap
     * @param withResident whether to ask the OS which pages of each span are resident, one
     *     {@code mincore} per span; without it every resident figure is -1
     * @return the census
     */
    public static ClassCensus take(SlabHeap heap, boolean withResident) {
        assert heap.locked();
        ClassCensus census = new ClassCensus();
        heap.forEachSpan(span -> census.count(heap, span, withResident));
        for (int sizeClass = 0; sizeClass < SizeClasses.count(); sizeClass++) {
            census.userFreesGivenBack[sizeClass] = heap.userFreesGivenBack(sizeClass);
            if (!withResident) {
                census.resident[sizeClass] = -1;
            }
        }
        return census;
    }

    private void count(SlabHeap heap, Span span, boolean withResident) {
        int sizeClass = span.sizeClass;
        spans[sizeClass]++;
        capacity[sizeClass] += span.capacity;
        byte[] state = span.state;
        for (int i = 0; i < span.bump; i++) {
            switch (state[i]) {
                case Span.LIVE -> live[sizeClass]++;
                case Span.CACHED -> cached[sizeClass]++;
                case Span.REMOTE -> remote[sizeClass]++;
                default -> {}
            }
        }
        if (withResident && resident[sizeClass] >= 0) {
            long r = heap.residentBytes(span.base, (long) span.slabCount << SizeClasses.SLAB_SHIFT);
            resident[sizeClass] = r < 0 ? -1 : resident[sizeClass] + r;
        }
    }

    /** {@return spans of class {@code sizeClass}, empty ones kept for reuse included} */
    public long spans(int sizeClass) {
        return spans[sizeClass];
    }

    /** {@return blocks of class {@code sizeClass} in users' hands} */
    public long live(int sizeClass) {
        return live[sizeClass];
    }

    /** {@return blocks of class {@code sizeClass} parked in thread caches} */
    public long cached(int sizeClass) {
        return cached[sizeClass];
    }

    /** {@return blocks of class {@code sizeClass} freed by another thread and not yet collected} */
    public long remote(int sizeClass) {
        return remote[sizeClass];
    }

    /** {@return blocks of class {@code sizeClass} inside their spans: never handed out, or given back} */
    public long free(int sizeClass) {
        return capacity[sizeClass] - live[sizeClass] - cached[sizeClass] - remote[sizeClass];
    }

    /** {@return resident bytes of the spans of class {@code sizeClass}, or -1 when unknown or not asked} */
    public long resident(int sizeClass) {
        return resident[sizeClass];
    }

    /**
     * {@return users' frees of class {@code sizeClass} that did not stop in a thread cache: on the locked
     * path, or remote; collected ones from the heap's counter, pending ones from their state}
     */
    public long uncachedFrees(int sizeClass) {
        return userFreesGivenBack[sizeClass] + remote[sizeClass];
    }
}
