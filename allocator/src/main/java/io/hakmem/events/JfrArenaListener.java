package io.hakmem.events;

import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.FailureReason;
import io.hakmem.slab.ReleaseReason;
import io.hakmem.slab.SizeClasses;
import java.util.function.Consumer;
import jdk.jfr.Event;
import org.jspecify.annotations.NullMarked;

/**
 * Turns an arena's slow-path reports into JFR events; each field is set only while recording.
 *
 * <pre>{@code
 * SlabHeap heap = new SlabHeap(os, policy, JfrArenaListener.INSTANCE);
 * }</pre>
 */
@NullMarked
public final class JfrArenaListener implements ArenaListener {

    /** Stateless, so every arena shares it. */
    public static final JfrArenaListener INSTANCE = new JfrArenaListener();

    private JfrArenaListener() {}

    @Override
    public void superSlabMapped(long base) {
        commit(new SuperSlabMappedEvent(), e -> e.at(base));
    }

    @Override
    public void superSlabReleased(long base, long lifetimeNanos, ReleaseReason reason) {
        commit(new SuperSlabReleasedEvent(), e -> {
            e.at(base);
            e.lifetime = lifetimeNanos;
            e.reason = reason.name();
        });
    }

    @Override
    public void slabsPurged(long address, int slabs) {
        commit(new SlabPurgedEvent(), e -> {
            e.address = address;
            e.slabs = slabs;
            e.bytes = (long) slabs << SizeClasses.SLAB_SHIFT;
        });
    }

    @Override
    public void allocationFailed(FailureReason reason, String message, long mappingBytes) {
        commit(new AllocationFailureEvent(), e -> {
            e.reason = reason.name();
            e.message = message;
            e.mappingBytes = mappingBytes;
        });
    }

    /** Sets an event's fields and commits it, both only while a recording wants the event. */
    private static <E extends Event> void commit(E event, Consumer<E> fields) {
        if (event.isEnabled()) {
            fields.accept(event);
            event.commit();
        }
    }

    @Override
    public Trim trimStarted() {
        return new TrimEvent();
    }

    @Override
    public Drain drainStarted() {
        return new MagazineDrainEvent();
    }
}
