package io.hakmem.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    private static AddressRange r(long start, long end) {
        return new AddressRange(start, end);
    }

    @Test
    void intersectionIsTheCommonPartOrNull() {
        assertThat(r(0x1000, 0x5000).intersection(r(0x3000, 0x9000))).isEqualTo(r(0x3000, 0x5000));
        assertThat(r(0x3000, 0x9000).intersection(r(0x1000, 0x5000))).isEqualTo(r(0x3000, 0x5000));
        assertThat(r(0x1000, 0x9000).intersection(r(0x2000, 0x3000))).isEqualTo(r(0x2000, 0x3000));
        assertThat(r(0x1000, 0x2000).intersection(r(0x2000, 0x3000))).isNull();
    }

    @Test
    void minusLeavesTheUncoveredPiecesInAddressOrder() {
        AddressRange line = r(0x1000, 0x9000);

        assertThat(line.minus(List.of())).containsExactly(line);
        assertThat(line.minus(List.of(r(0x3000, 0x4000), r(0x6000, 0x7000))))
                .containsExactly(r(0x1000, 0x3000), r(0x4000, 0x6000), r(0x7000, 0x9000));
        assertThat(line.minus(List.of(r(0x0, 0x2000), r(0x8000, 0xa000)))).containsExactly(r(0x2000, 0x8000));
        assertThat(line.minus(List.of(r(0x1000, 0x5000), r(0x5000, 0x9000)))).isEmpty();
        assertThat(line.minus(List.of(r(0x9000, 0xa000)))).containsExactly(line);
    }

    @Test
    void highAddressesCompareUnsigned() {
        AddressRange high = r(0xffff_8000_0000_0000L, 0xffff_8000_0020_0000L);

        assertThat(high.minus(List.of(r(0x1000, 0x2000)))).containsExactly(high);
        assertThat(high.minus(List.of(r(0xffff_8000_0010_0000L, 0xffff_9000_0000_0000L))))
                .containsExactly(r(0xffff_8000_0000_0000L, 0xffff_8000_0010_0000L));
    }
}
