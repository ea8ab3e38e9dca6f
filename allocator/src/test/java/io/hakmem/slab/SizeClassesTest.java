package io.hakmem.slab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The class table: which sizes exist, which class serves a request, how spans are cut. */
class SizeClassesTest {

    @Test
    void tinyClassesStepBy8To64ThenByQuarterPowersOfTwo() {
        int[] first = new int[16];
        for (int c = 0; c < first.length; c++) {
            first[c] = SizeClasses.size(c);
        }
        assertThat(first).containsExactly(8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256);
        assertThat(SizeClasses.size(SizeClasses.tinyCount() - 1)).isEqualTo(SizeClasses.MAX_TINY);
        assertThat(SizeClasses.size(SizeClasses.count() - 1)).isEqualTo(SizeClasses.MAX_SMALL);
        // 8 classes of 8 B steps, then 4 per power of two from 64 B to 256 KiB (12 doublings).
        assertThat(SizeClasses.count()).isEqualTo(8 + 4 * 12);
        assertThat(SizeClasses.tinyCount()).isEqualTo(8 + 4 * 4);
    }

    @Test
    void classForPicksTheSmallestClassThatHoldsTheSize() {
        assertThat(SizeClasses.size(SizeClasses.classFor(0, 1))).isEqualTo(8);
        assertThat(SizeClasses.size(SizeClasses.classFor(1, 1))).isEqualTo(8);
        assertThat(SizeClasses.size(SizeClasses.classFor(17, 1))).isEqualTo(24);
        assertThat(SizeClasses.size(SizeClasses.classFor(65, 8))).isEqualTo(80);
        assertThat(SizeClasses.size(SizeClasses.classFor(1025, 1))).isEqualTo(1280);
        assertThat(SizeClasses.size(SizeClasses.classFor(40_000, 1))).isEqualTo(40_960);
        assertThat(SizeClasses.size(SizeClasses.classFor(SizeClasses.MAX_SMALL, 1)))
                .isEqualTo(SizeClasses.MAX_SMALL);
        for (int size = 1; size <= SizeClasses.MAX_SMALL; size += 7) {
            int c = SizeClasses.classFor(size, 1);
            assertThat(SizeClasses.size(c)).as("class of %d", size).isGreaterThanOrEqualTo(size);
            if (c > 0) {
                assertThat(SizeClasses.size(c - 1))
                        .as("class below that of %d", size)
                        .isLessThan(size);
            }
        }
    }

    @Test
    void anAlignmentIsServedByTheFirstClassWhoseSizeItDivides() {
        // 100 B aligned to 64: 112 is not a multiple of 64, 128 is.
        assertThat(SizeClasses.size(SizeClasses.classFor(100, 64))).isEqualTo(128);
        assertThat(SizeClasses.size(SizeClasses.classFor(24, 16))).isEqualTo(32);
        assertThat(SizeClasses.size(SizeClasses.classFor(5000, 4096))).isEqualTo(8192);
        assertThat(SizeClasses.size(SizeClasses.classFor(1, SizeClasses.MAX_SMALL_ALIGNMENT)))
                .isEqualTo(4096);
    }

    @Test
    void tooLargeOrTooAlignedRequestsGetNoClass() {
        assertThat(SizeClasses.classFor(SizeClasses.MAX_SMALL + 1, 1)).isEqualTo(-1);
        assertThat(SizeClasses.classFor(16, 2 * SizeClasses.MAX_SMALL_ALIGNMENT))
                .isEqualTo(-1);
    }

    @Test
    void theLookupTableGivesTheSmallestClassHoldingEverySize() {
        int firstDisagreement = -1;
        int smallest = 0;
        for (int size = 1; size <= SizeClasses.MAX_SMALL && firstDisagreement < 0; size++) {
            // Independent of the table: walk the class sizes.
            while (SizeClasses.size(smallest) < size) {
                smallest++;
            }
            if (SizeClasses.classOf(size) != smallest || SizeClasses.classFor(size, 8) != smallest) {
                firstDisagreement = size;
            }
        }
        assertThat(firstDisagreement)
                .as("first size the two lookups disagree on")
                .isEqualTo(-1);
    }

    @Test
    void spansAreOneToEightSlabsAndWasteLittle() {
        for (int c = 0; c < SizeClasses.count(); c++) {
            int size = SizeClasses.size(c);
            int slabs = SizeClasses.spanSlabs(c);
            long bytes = (long) slabs << SizeClasses.SLAB_SHIFT;
            assertThat(slabs).as("slabs of %d B", size).isBetween(1, 8);
            assertThat(SizeClasses.capacity(c)).as("blocks of %d B", size).isEqualTo((int) (bytes / size));
            assertThat(bytes % size)
                    .as("tail waste of %d B in %d slabs", size, slabs)
                    .isLessThanOrEqualTo(bytes / 16);
        }
        assertThat(SizeClasses.spanSlabs(SizeClasses.classFor(16, 1))).isEqualTo(1);
        assertThat(SizeClasses.capacity(SizeClasses.classFor(16, 1))).isEqualTo(4096);
        assertThat(SizeClasses.spanSlabs(SizeClasses.classFor(SizeClasses.MAX_SMALL, 1)))
                .isEqualTo(4);
    }

    @Test
    void theMagicMultiplierDividesExactlyForEveryBlockOfASpan() {
        for (int c = 0; c < SizeClasses.count(); c++) {
            long magic = SizeClasses.magic(c);
            int size = SizeClasses.size(c);
            if (size >= 8192) {
                assertThat(magic).as("classes of 8 KiB and more divide").isZero();
                continue;
            }
            long spanBytes = (long) SizeClasses.spanSlabs(c) << SizeClasses.SLAB_SHIFT;
            long firstWrong = -1;
            for (long offset = 0; offset < spanBytes && firstWrong < 0; offset += 8) {
                if ((offset * magic) >>> 32 != offset / size) {
                    firstWrong = offset;
                }
            }
            assertThat(firstWrong)
                    .as("first offset the multiplier of class %d gets wrong", size)
                    .isEqualTo(-1);
        }
    }
}
