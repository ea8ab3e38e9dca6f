package io.hakmem;

import io.hakmem.os.OsChoice;
import io.hakmem.os.OsMemories;
import io.hakmem.os.OsMemory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real OS layer, wrapped so that {@link #map} fails on demand, and so that every range the
 * allocator maps, purges and unmaps is checked against what was really mapped.
 */
final class FailingOsMemory implements OsMemory {

    private final OsMemory real = OsMemories.of(OsChoice.AUTO);
    private final Map<Long, Long> live = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private boolean refuseAll;
    private int refuseEvery;
    private int mapCalls;
    private int refused;

    /** Refuses every map from now on, or none. */
    synchronized void refuseAll(boolean refuse) {
        refuseAll = refuse;
    }

    /** Refuses every {@code n}-th map call; 0 turns it off. */
    synchronized void refuseEvery(int n) {
        refuseEvery = n;
    }

    @Override
    public synchronized long map(long bytes, long alignment) {
        mapCalls++;
        if (refuseAll || (refuseEvery > 0 && mapCalls % refuseEvery == 0)) {
            refused++;
            return 0;
        }
        long base = real.map(bytes, alignment);
        if (base != 0) {
            live.put(base, bytes);
        }
        return base;
    }

    @Override
    public synchronized void unmap(long address, long bytes) {
        Long mapped = live.remove(address);
        if (mapped == null || mapped != bytes) {
            violations.add("unmap(0x" + Long.toHexString(address) + ", " + bytes + ") of a range mapped as " + mapped);
            return;
        }
        real.unmap(address, bytes);
    }

    @Override
    public synchronized void purge(long address, long bytes) {
        boolean inside = live.entrySet().stream()
                .anyMatch(m -> address >= m.getKey() && address + bytes <= m.getKey() + m.getValue());
        if (!inside) {
            violations.add("purge(0x" + Long.toHexString(address) + ", " + bytes + ") outside every mapping");
            return;
        }
        real.purge(address, bytes);
    }

    @Override
    public long residentBytes(long address, long bytes) {
        return real.residentBytes(address, bytes);
    }

    @Override
    public String name() {
        return "failing-" + real.name();
    }

    /** @return bytes mapped through this layer and not unmapped yet */
    synchronized long liveBytes() {
        return live.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return map calls refused so far */
    synchronized int refused() {
        return refused;
    }

    /** @return unmaps and purges of ranges that were not mapped as given */
    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
