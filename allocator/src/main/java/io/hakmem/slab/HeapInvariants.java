package io.hakmem.slab;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The books of a {@link SlabHeap}, checked by walking all of it, in the manner of mimalloc's
 * {@code mi_heap_is_valid}; see {@link SlabHeap#invariantsHold}. Runs under assertions only.
 */
@NullMarked
final class HeapInvariants {

    private HeapInvariants() {}

    /** {@link SlabHeap#invariantsHold}; returns the state bytes it walked, the measure of its cost. */
    static long walk(SlabHeap heap) {
        assert heap.locked();
        long walked = 0;
        long superSlabCount = 0;
        long dirty = 0;
        long formedSpans = 0;
        long flaggedListed = 0;
        long emptyBytes = 0;
        int liveCount = heap.pool.live().size();
        Set<SuperSlab> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SuperSlab ss : heap.pool) {
            boolean live = superSlabCount++ < liveCount;
            check(seen.add(ss), "a SuperSlab is in the live list or the empty cache once", ss, null);
            check(
                    ss.heap == heap && SuperSlabMap.lookup(ss.base) == ss,
                    "the SuperSlab map finds each SuperSlab of this heap",
                    ss,
                    null);
            expect(0, ss.dirtySlabs & ss.usedSlabs, "dirtySlabs and usedSlabs are disjoint (slabs in both)", ss, null);
            check(
                    live == (ss.usedSlabs != 0),
                    live ? "a live SuperSlab has a span" : "a cached SuperSlab has no span",
                    ss,
                    null);
            if (ss.emptyCounted) {
                expect(0, ss.usedBlocks, "a SuperSlab counted empty has no block out (usedBlocks)", ss, null);
            }
            dirty += (long) Integer.bitCount(ss.dirtySlabs) << SizeClasses.SLAB_SHIFT;
            int covered = 0;
            int spanSlabs = 0;
            long used = 0;
            for (int i = 0; i < SuperSlab.SLABS; i++) {
                Span s = ss.spanAt[i];
                long slab = ss.base + ((long) i << SizeClasses.SLAB_SHIFT);
                check(
                        SpanMap.lookup(slab) == s || !SpanMap.covers(slab),
                        "the span map finds spanAt[" + i + "] at its slab",
                        ss,
                        s);
                if (s == null) {
                    continue;
                }
                covered |= 1 << i;
                if (s.superSlab != ss || i < s.firstSlab || i >= s.firstSlab + s.slabCount) {
                    check(false, "spanAt[" + i + "] holds a span of this SuperSlab that covers slab " + i, ss, s);
                }
                if (i != s.firstSlab) {
                    continue;
                }
                walked += checkSpan(ss, s);
                spanSlabs |= s.mask();
                used += s.used;
                formedSpans++;
                if (s.listed) {
                    flaggedListed++;
                }
                if (s.used == 0) {
                    emptyBytes += s.bytes();
                }
            }
            expect(spanSlabs, covered, "spanAt holds each span at all of its slabs (slab masks)", ss, null);
            expect(covered, ss.usedSlabs, "usedSlabs are the slabs spanAt covers (slab masks)", ss, null);
            expect(used, ss.usedBlocks, "usedBlocks is the sum of its spans' used", ss, null);
        }
        long listed = 0;
        for (int k = 0; k < heap.partial.length; k++) {
            Span prev = null;
            for (Span s = heap.partial[k]; s != null; prev = s, s = s.next) {
                if (!s.listed || s.sizeClass != k) {
                    check(
                            false,
                            "a span on partial list " + k + " is flagged listed and of that class",
                            s.superSlab,
                            s);
                }
                check(s.prev == prev, "a listed span's prev is the span before it on its list", s.superSlab, s);
                check(
                        s.superSlab.spanAt[s.firstSlab] == s && seen.contains(s.superSlab),
                        "a listed span is formed in a SuperSlab of this heap",
                        s.superSlab,
                        s);
                if (++listed > formedSpans) {
                    expect(formedSpans, listed, "the partial lists hold no span twice (spans listed)", null, null);
                }
            }
        }
        expect(flaggedListed, listed, "every span flagged listed is on its class's partial list (spans)", null, null);
        expect(
                superSlabCount,
                heap.counters.superSlabsLive,
                "counters.superSlabsLive counts the live list and the empty cache (SuperSlabs)",
                null,
                null);
        expect(
                heap.counters.superSlabsMappedTotal - heap.counters.superSlabsReleasedTotal,
                heap.counters.superSlabsLive,
                "SuperSlabs mapped minus released are the live ones (SuperSlabs)",
                null,
                null);
        expect(
                dirty,
                heap.pool.dirtyBytes(),
                "dirtyBytes counts the dirty slabs of live and cached SuperSlabs",
                null,
                null);
        expect(emptyBytes, heap.emptySpanBytes, "emptySpanBytes counts the formed spans with no block out", null, null);
        long[] largeBytes = new long[1];
        heap.large.forEachMapping((address, bytes) -> largeBytes[0] += bytes);
        expect(
                (superSlabCount << SuperSlab.SHIFT) + largeBytes[0],
                heap.mappedBytes(),
                "mappedBytes counts the SuperSlabs and the large mappings",
                null,
                null);
        // Nothing else purges a slab or unmaps a SuperSlab beyond the kept few: a lost due time keeps
        // that memory until the next trim.
        if (dirty > 0 || emptyBytes > 0 || heap.pool.cachedCount() > heap.policy.emptySuperSlabCacheSize()) {
            check(
                    heap.nextMaintenance != Long.MAX_VALUE,
                    "maintenance is due while slabs wait for their purge or SuperSlabs for their unmap",
                    null,
                    null);
        }
        return walked;
    }

    /** Checks one formed span's own books; returns the state bytes walked. */
    private static long checkSpan(SuperSlab ss, Span s) {
        if (s.bump > s.capacity) {
            expect(s.capacity, s.bump, "bump stays within the capacity (at most)", ss, s);
        }
        // Cache owners and remote freers write state bytes without the lock, but only from one
        // state that is not FREE to another: FREE is written under the lock alone, so this count
        // holds still while other threads work.
        byte[] state = s.state;
        int out = 0;
        for (int i = 0; i < s.bump; i++) {
            if (state[i] != Span.FREE) {
                out++;
            }
        }
        expect(out, s.used, "span.used counts the blocks in [0, bump) not FREE", ss, s);
        for (int i = s.bump; i < s.capacity; i++) {
            if (state[i] != Span.FREE) {
                expect(Span.FREE, state[i], "block " + i + " at or past bump " + s.bump + " is FREE (state)", ss, s);
            }
        }
        // giveBack lists a span a block came back to, and a span leaves its list when its last
        // free block goes out: a span is listed exactly when it has one.
        check(
                s.listed == s.hasFree(),
                s.listed ? "a listed span has a free block" : "a span with a free block is listed",
                ss,
                s);
        return s.capacity;
    }

    private static void check(boolean holds, String invariant, @Nullable SuperSlab ss, @Nullable Span span) {
        if (!holds) {
            throw new AssertionError("heap invariant broken: " + invariant + where(ss, span));
        }
    }

    private static void expect(
            long expected, long actual, String invariant, @Nullable SuperSlab ss, @Nullable Span span) {
        if (expected != actual) {
            throw new AssertionError("heap invariant broken: " + invariant + where(ss, span) + ": expected " + expected
                    + ", actual " + actual);
        }
    }

    private static String where(@Nullable SuperSlab ss, @Nullable Span span) {
        String where = ss == null ? "" : " in SuperSlab 0x" + Long.toHexString(ss.base);
        return span == null
                ? where
                : where + ", span of class " + span.sizeClass + " (" + span.blockSize + " B) at slabs ["
                        + span.firstSlab + ", " + (span.firstSlab + span.slabCount) + ")";
    }
}
