package io.hakmem.slab;

import java.util.ArrayList;
import java.util.List;

/** Writes down what the heap reports, one line per event, for tests to compare. */
final class RecordingListener implements ArenaListener {

    final List<String> heard = new ArrayList<>();

    @Override
    public void superSlabMapped(long base) {
        heard.add("mapped");
    }

    @Override
    public void superSlabReleased(long base, long lifetimeNanos, ReleaseReason reason) {
        heard.add("released " + reason);
    }

    @Override
    public void slabsPurged(long address, int slabs) {
        heard.add("purged " + slabs);
    }

    @Override
    public void allocationFailed(FailureReason reason, String message, long mappingBytes) {
        heard.add("failed " + reason + " " + mappingBytes + ": " + message);
    }
}
