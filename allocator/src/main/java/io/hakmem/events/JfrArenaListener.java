package io.hakmem.events;

import io.hakmem.slab.ArenaListener;
import io.hakmem.slab.ReleaseReason;
import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SuperSlab;
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

    private JfrArenaListener() {
    }

    @Override
    public void superSlabMapped(long base) {
        SuperSlabMappedEvent event = new SuperSlabMappedEvent();
        if (event.isEnabled()) {
            event.address = base;
            event.size = SuperSlab.SIZE;
            event.commit();
        }
    }

    @Override
    public void superSlabReleased(long base, long lifetimeNanos, ReleaseReason reason) {
        SuperSlabReleasedEvent event = new SuperSlabReleasedEvent();
        if (event.isEnabled()) {
            event.address = base;
            event.size = SuperSlab.SIZE;
            event.lifetime = lifetimeNanos;
            event.reason = reason.name();
            event.commit();
        }
    }

    @Override
    public void slabsPurged(long address, int slabs) {
        SlabPurgedEvent event = new SlabPurgedEvent();
        if (event.isEnabled()) {
            event.address = address;
            event.slabs = slabs;
            event.bytes = (long) slabs << SizeClasses.SLAB_SHIFT;
            event.commit();
        }
    }

    @Override
    public void allocationFailed(String message, long mappingBytes) {
        AllocationFailureEvent event = new AllocationFailureEvent();
        if (event.isEnabled()) {
            event.reason = message;
            event.mappingBytes = mappingBytes;
            event.commit();
        }
    }

    @Override
    public Trim trimStarted() {
        return TrimEvent.start();
    }

    @Override
    public Drain drainStarted() {
        return MagazineDrainEvent.start();
    }
}
