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
        for (int c = 0; c < SizeClasses.count(); c++) {
            census.userFreesGivenBack[c] = heap.userFreesGivenBack(c);
            if (!withResident) {
                census.resident[c] = -1;
            }
        }
        return census;
    }

    private void count(SlabHeap heap, Span span, boolean withResident) {
        int c = span.sizeClass;
        spans[c]++;
        capacity[c] += span.capacity;
        byte[] state = span.state;
        for (int i = 0; i < span.bump; i++) {
            switch (state[i]) {
                case Span.LIVE -> live[c]++;
                case Span.CACHED -> cached[c]++;
                case Span.REMOTE -> remote[c]++;
                default -> {}
            }
        }
        if (withResident && resident[c] >= 0) {
            long r = heap.residentBytes(span.base, (long) span.slabCount << SizeClasses.SLAB_SHIFT);
            resident[c] = r < 0 ? -1 : resident[c] + r;
        }
    }

    /** {@return spans of class {@code c}, empty ones kept for reuse included} */
    public long spans(int c) {
        return spans[c];
    }

    /** {@return blocks of class {@code c} in users' hands} */
    public long live(int c) {
        return live[c];
    }

    /** {@return blocks of class {@code c} parked in thread caches} */
    public long cached(int c) {
        return cached[c];
    }

    /** {@return blocks of class {@code c} freed by another thread and not yet collected} */
    public long remote(int c) {
        return remote[c];
    }

    /** {@return blocks of class {@code c} inside their spans: never handed out, or given back} */
    public long free(int c) {
        return capacity[c] - live[c] - cached[c] - remote[c];
    }

    /** {@return resident bytes of the spans of class {@code c}, or -1 when unknown or not asked} */
    public long resident(int c) {
        return resident[c];
    }

    /**
     * {@return users' frees of class {@code c} that did not stop in a thread cache: on the locked
     * path, or remote; collected ones from the heap's counter, pending ones from their state}
     */
    public long uncachedFrees(int c) {
        return userFreesGivenBack[c] + remote[c];
    }
}
