package io.hakmem.events;

import io.hakmem.slab.ReleaseReason;
import io.hakmem.slab.SizeClasses;
import io.hakmem.slab.SlabHeapListener;
import io.hakmem.slab.SuperSlab;
import org.jspecify.annotations.NullMarked;

/** Turns a heap's slow-path callbacks into JFR events; each field is set only while recording. */
@NullMarked
public final class JfrSlabHeapListener implements SlabHeapListener {

    /** Stateless, so every arena shares it. */
    public static final JfrSlabHeapListener INSTANCE = new JfrSlabHeapListener();

    private JfrSlabHeapListener() {
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
    public void allocationFailed(String why, long mappingBytes) {
        AllocationFailureEvent event = new AllocationFailureEvent();
        if (event.isEnabled()) {
            event.reason = why;
            event.mappingBytes = mappingBytes;
            event.commit();
        }
    }
}
