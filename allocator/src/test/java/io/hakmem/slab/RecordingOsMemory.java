package io.hakmem.slab;

import io.hakmem.os.OsMemory;
import io.hakmem.os.PortableOsMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Real memory from JDK arenas, so that spans can keep their free lists in it, with every call
 * recorded, and maps refused on demand.
 */
final class RecordingOsMemory implements OsMemory {

    private final OsMemory real = new PortableOsMemory();
    final List<String> calls = new ArrayList<>();
    boolean refuse;

    @Override
    public long map(long bytes, long alignment) {
        calls.add("map " + bytes);
        return refuse ? 0 : real.map(bytes, alignment);
    }

    @Override
    public void unmap(long address, long bytes) {
        calls.add("unmap " + bytes);
        real.unmap(address, bytes);
    }

    @Override
    public void purge(long address, long bytes) {
        calls.add("purge " + bytes);
        real.purge(address, bytes);
    }

    @Override
    public long residentBytes(long address, long bytes) {
        return real.residentBytes(address, bytes);
    }

    @Override
    public String name() {
        return "recording " + real.name();
    }

    long count(String call) {
        return calls.stream().filter(c -> c.startsWith(call + " ")).count();
    }
}
