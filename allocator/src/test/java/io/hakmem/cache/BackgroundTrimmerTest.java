package io.hakmem.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundTrimmerTest {

    /** Stands for an arena: counts its trims, and says "closed" once told to. */
    private static final class Owner {
        final AtomicInteger trims = new AtomicInteger();
        volatile boolean closed;

        boolean trimIdle() {
            trims.incrementAndGet();
            return !closed;
        }
    }

    @Test
    void anOwnerIsTrimmedEveryIntervalUntilItSaysItIsClosed() throws InterruptedException {
        Owner owner = new Owner();
        BackgroundTrimmer.register(owner, Owner::trimIdle, TimeUnit.MILLISECONDS.toNanos(5));

        awaitTrims(owner.trims, 3);
        int beforeClose = owner.trims.get();
        owner.closed = true;

        // Still trimmed every 5 ms, the count would never stand still for 100 ms.
        int afterClose = awaitQuiet(owner.trims);
        assertThat(afterClose - beforeClose)
                .as("trims from close until the one that saw it")
                .isBetween(0, 2);
    }

    @Test
    void theTrimmerHoldsItsOwnerWeakly() throws InterruptedException {
        AtomicInteger trims = new AtomicInteger();
        WeakReference<Object> dropped = register(trims);
        awaitTrims(trims, 2);

        for (int i = 0; i < 100 && dropped.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(dropped.get()).as("collected while registered").isNull();
        awaitQuiet(trims);
    }

    /** In a method of its own, so that no local variable keeps the owner reachable. */
    private static WeakReference<Object> register(AtomicInteger trims) {
        Object owner = new Object();
        BackgroundTrimmer.register(owner, o -> trims.incrementAndGet() > 0, TimeUnit.MILLISECONDS.toNanos(5));
        return new WeakReference<>(owner);
    }

    /** Waits until the count stays the same for 100 ms; fails when it still moves after 10 s. */
    private static int awaitQuiet(AtomicInteger trims) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen = trims.get();
        long since = System.nanoTime();
        while (System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(100)) {
            assertThat(System.nanoTime()).as("the count still moves after 10 s").isLessThan(deadline);
            Thread.sleep(5);
            int now = trims.get();
            if (now != seen) {
                seen = now;
                since = System.nanoTime();
            }
        }
        return seen;
    }

    private static int awaitTrims(AtomicInteger trims, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (trims.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(trims.get()).isGreaterThanOrEqualTo(atLeast);
        return trims.get();
    }
}
