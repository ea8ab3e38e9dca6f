package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox on a real heap with a stand-in owner: where a remote free waits, what the owner's
 * collection takes and leaves, and how closing and letting go send spans to the heap's queue.
 */
class RemoteInboxUnitTest {

    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final int C16 = SizeClasses.classFor(16, 1);

    private final SlabHeap heap = new SlabHeap(
            new RecordingOsMemory(), new HeapPolicy(HOUR, 64L << 20, 1, Long.MAX_VALUE), ArenaListener.NONE);
    private final Owner owner = new Owner();
    private final List<String> collected = new ArrayList<>();
    private final RemoteInbox.BlockSink sink = (span, index) -> {
        assertThat(heap.locked()).as("the heap lock during a collection").isFalse();
        assertThat(span.state(index)).as("a block handed to the sink").isEqualTo(Span.REMOTE);
        span.setState(index, Span.CACHED);
        collected.add(span.base + "/" + index);
    };

    @AfterEach
    void closeHeap() {
        heap.lock();
        try {
            heap.closeAll();
        } finally {
            heap.unlock();
        }
    }

    @Test
    void aRemoteFreeIntoAnOwnedSpanWaitsInTheOwnersInboxUntilTheOwnerCollectsItWithoutTheLock() {
        Block[] blocks = liveBlocks(owner, 3);
        for (Block b : blocks) {
            heap.pushRemote(b.span, b.index);
        }

        assertThat(heap.hasRemotePending()).as("spans on the heap's queue").isFalse();
        assertThat(owner.inbox.collect(owner, heap, sink)).isEqualTo(3);
        assertThat(collected).hasSize(3).doesNotHaveDuplicates();
        assertThat(owner.inbox.collect(owner, heap, sink))
                .as("a second collection")
                .isZero();
        assertThat(racedDoubleFrees(3, 48)).isZero();
    }

    @Test
    void aSpanItsOwnerLetGoOfMovesToTheHeapsQueueAtCollectionWithItsFreesIntact() {
        Block[] blocks = liveBlocks(owner, 2);
        heap.pushRemote(blocks[0].span, blocks[0].index);
        heap.pushRemote(blocks[1].span, blocks[1].index);
        owner.generation++;

        assertThat(owner.inbox.collect(owner, heap, sink)).isZero();
        assertThat(collected).isEmpty();
        assertThat(heap.hasRemotePending()).isTrue();
        assertThat(blocks[0].span.state(blocks[0].index)).isEqualTo(Span.REMOTE);
        heap.lock();
        try {
            heap.collectRemote(null);
            assertThat(blocks[0].span.state(blocks[0].index)).isEqualTo(Span.FREE);
            assertThat(blocks[1].span.state(blocks[1].index)).isEqualTo(Span.FREE);
        } finally {
            heap.unlock();
        }
        assertThat(heap.hasRemotePending()).isFalse();
        assertThat(racedDoubleFrees(2, 32)).isZero();
    }

    @Test
    void aClosedInboxRefusesSoFreesGoToTheHeapAndWhatWaitedMovesThereAtTheClose() {
        Block[] blocks = liveBlocks(owner, 2);
        heap.pushRemote(blocks[0].span, blocks[0].index);
        owner.inbox.close(heap);
        assertThat(heap.hasRemotePending())
                .as("the waiting span moved at the close")
                .isTrue();
        heap.pushRemote(blocks[1].span, blocks[1].index);

        assertThat(owner.inbox.collect(owner, heap, sink)).isZero();
        heap.lock();
        try {
            heap.collectRemote(owner);
        } finally {
            heap.unlock();
        }
        assertThat(blocks[0].span.state(blocks[0].index)).isEqualTo(Span.FREE);
        assertThat(blocks[1].span.state(blocks[1].index)).isEqualTo(Span.FREE);

        owner.inbox.reopen();
        Block later = liveBlocks(owner, 1)[0];
        heap.pushRemote(later.span, later.index);
        assertThat(owner.inbox.collect(owner, heap, sink)).as("after reopening").isEqualTo(1);
    }

    @Test
    void aFreeIntoADeadOwnersSpanGoesStraightToTheHeap() {
        Block block = liveBlocks(owner, 1)[0];
        owner.alive = false;
        heap.pushRemote(block.span, block.index);

        assertThat(heap.hasRemotePending()).isTrue();
        owner.alive = true;
        assertThat(owner.inbox.collect(owner, heap, sink)).isZero();
    }

    @Test
    void fourFreersAndTheCollectingOwnerRacingHandEveryBlockBackExactlyOnce() throws Exception {
        int perThread = 3000;
        Block[] blocks = liveBlocks(owner, 4 * perThread);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> freers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * perThread;
            Thread freer = new Thread(() -> {
                awaitQuietly(start);
                for (int i = first; i < first + perThread; i++) {
                    heap.pushRemote(blocks[i].span, blocks[i].index);
                }
            });
            freer.start();
            freers.add(freer);
        }
        start.countDown();
        for (; ; ) {
            owner.inbox.collect(owner, heap, sink);
            if (collected.size() == blocks.length) {
                break;
            }
            if (freers.stream().noneMatch(Thread::isAlive)) {
                // What the last frees queued after the previous collection.
                owner.inbox.collect(owner, heap, sink);
                break;
            }
        }
        for (Thread freer : freers) {
            freer.join();
        }
        Set<String> distinct = new HashSet<>(collected);
        assertThat(distinct).hasSize(blocks.length);
        assertThat(heap.hasRemotePending()).as("spans sent to the heap's queue").isFalse();
        assertThat(racedDoubleFrees(blocks.length, 16L * blocks.length)).isZero();
    }

    private long racedDoubleFrees(long remoteFrees, long bytes) {
        heap.lock();
        try {
            return heap.racedDoubleFrees(remoteFrees, bytes).count();
        } finally {
            heap.unlock();
        }
    }

    /** Blocks carved for {@code o}, made LIVE as if handed to a user. */
    private Block[] liveBlocks(Owner o, int n) {
        long[] tagged = new long[n];
        Span[] spans = new Span[n];
        heap.lock();
        try {
            int got = 0;
            while (got < n) {
                long[] out = new long[n - got];
                Span[] of = new Span[n - got];
                int k = heap.takeBatch(C16, out, of, n - got, o);
                System.arraycopy(out, 0, tagged, got, k);
                System.arraycopy(of, 0, spans, got, k);
                got += k;
            }
        } finally {
            heap.unlock();
        }
        Block[] blocks = new Block[n];
        for (int i = 0; i < n; i++) {
            int index = spans[i].indexOf(Span.address(tagged[i]));
            spans[i].setState(index, Span.LIVE);
            blocks[i] = new Block(spans[i], index);
        }
        return blocks;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Block(Span span, int index) {}

    /** A stand-in thread cache: alive, in a generation the test moves, with its inbox. */
    private static final class Owner implements SpanOwner {
        final RemoteInbox inbox = new RemoteInbox();
        volatile int generation;
        volatile boolean alive = true;

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public int generation() {
            return generation;
        }

        @Override
        public RemoteInbox remoteInbox() {
            return inbox;
        }
    }
}
