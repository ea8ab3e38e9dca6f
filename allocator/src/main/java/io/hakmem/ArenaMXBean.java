package io.hakmem;

import org.jspecify.annotations.NullMarked;

/** Reads one arena for JMX: every attribute is a fresh {@code stats()}, never a cached copy. */
@NullMarked
final class ArenaMXBean implements HakmemArenaMXBean {

    private final HakmemArena arena;

    ArenaMXBean(HakmemArena arena) {
        this.arena = arena;
    }

    @Override
    public String getName() {
        return arena.name();
    }

    @Override
    public long getLiveBlocks() {
        return arena.stats().liveBlocks();
    }

    @Override
    public long getLiveBytes() {
        return arena.stats().liveBytes();
    }

    @Override
    public long getMappedBytes() {
        return arena.stats().mappedBytes();
    }

    @Override
    public long getResidentBytes() {
        return arena.stats().residentBytes();
    }

    @Override
    public double getOverheadPercent() {
        return arena.stats().overheadPercent();
    }

    @Override
    public long getMagazineBlocks() {
        return arena.stats().magazineBlocks();
    }

    @Override
    public long getSuperSlabsLive() {
        return arena.stats().superSlabsLive();
    }

    @Override
    public long getSuperSlabsMappedTotal() {
        return arena.stats().superSlabsMappedTotal();
    }

    @Override
    public long getSuperSlabsReleasedTotal() {
        return arena.stats().superSlabsReleasedTotal();
    }

    @Override
    public long getLargeMappings() {
        return arena.stats().largeMappings();
    }

    @Override
    public long getSlabsPurged() {
        return arena.stats().slabsPurged();
    }

    @Override
    public long getAllocFailures() {
        return arena.stats().allocFailures();
    }

    @Override
    public long getDoubleFreesDetected() {
        return arena.stats().doubleFreesDetected();
    }

    @Override
    public String getClassStatsTable() {
        return StatsTable.render(arena.name(), arena.isClosed() ? "closed" : "open", arena.stats(), arena.classStats());
    }

    @Override
    public void trim() {
        arena.trim();
    }
}
