package io.hakmem;

import io.hakmem.cache.Magazine;
import io.hakmem.cache.ThreadCache;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The arena's copy of its first two threads' caches ({@link io.hakmem.cache.ThreadCaches}' front
 * places), laid out for the fast paths: the threads and caches, which every call reads and almost
 * nothing writes, share a cache line; the magazine each thread last allocated from, which it
 * rewrites whenever it switches class, gets a line of its own. Sharing one line, two threads that
 * switch class often (larson) would pull it from each other's core on every call.
 *
 * <p>HotSpot places a superclass's fields before its subclass's, so the padding lives in a chain
 * of classes: threads and caches, padding, the first magazine, padding, the second magazine,
 * padding, then the arena's own fields. HotSpot also fills a superclass's gaps with its
 * subclasses' fields: without the {@code gap} fields, the first magazine went beside the caches
 * and the arena's flags beside the second magazine. With them, every class of the chain is a
 * whole number of 8-byte words, and no gap is left, as long as references take 4 bytes (compressed
 * oops, the default below 32 GiB of heap). With 8-byte references a 4-byte gap follows each
 * magazine, and the arena's flags may land there: slower then, never wrong.
 */
@NullMarked
abstract class FrontPlaces {
    /**
     * The first two threads to use the fast caches, and their caches, copied here (see {@link
     * io.hakmem.cache.ThreadCaches.FrontCacheSink}) so that the fast paths reach the caches of an
     * arena's usual one or two users in one load, where the hint slots take three (one of two
     * threads: 11.6 ns per pair through the slots, against 9.0 for the first). Read racily: a
     * thread only ever matches itself, and wrote its cache before its thread.
     */
    @Nullable
    Thread firstThread;

    @Nullable
    ThreadCache firstCache;

    @Nullable
    Thread secondThread;

    @Nullable
    ThreadCache secondCache;

    /** With the 12-byte header and four references, fills the object to 32 bytes. */
    @SuppressWarnings("unused")
    private int gap;
}

/** Keeps the first magazine off the line of the threads and caches. */
@SuppressWarnings("unused")
abstract class FrontPlacesPad1 extends FrontPlaces {
    private long p01;
    private long p02;
    private long p03;
    private long p04;
    private long p05;
    private long p06;
    private long p07;
    private long p08;
}

/** The first thread's last magazine. */
abstract class FirstMagazine extends FrontPlacesPad1 {
    /**
     * The magazine of the first thread's last allocation: an allocation of the same class, and
     * its free, reach the count in two loads from the arena instead of three. Every load before
     * the count lies on the way to the next block's address. Written by the first thread alone,
     * at its claim and when it switches class; cleared once it died.
     */
    @Nullable
    Magazine firstMagazine;

    @SuppressWarnings("unused")
    private int gap;
}

/** Keeps the two threads' magazines apart. */
@SuppressWarnings("unused")
abstract class FrontPlacesPad2 extends FirstMagazine {
    private long p11;
    private long p12;
    private long p13;
    private long p14;
    private long p15;
    private long p16;
    private long p17;
    private long p18;
}

/** The second thread's last magazine. */
abstract class SecondMagazine extends FrontPlacesPad2 {
    /** {@link #firstMagazine} for the second thread. */
    @Nullable
    Magazine secondMagazine;

    @SuppressWarnings("unused")
    private int gap;
}

/** Keeps the second magazine off the line of the arena's own fields. */
@SuppressWarnings("unused")
abstract class FrontPlacesPad3 extends SecondMagazine {
    private long p21;
    private long p22;
    private long p23;
    private long p24;
    private long p25;
    private long p26;
    private long p27;
    private long p28;
}
