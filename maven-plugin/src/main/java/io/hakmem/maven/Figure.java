package io.hakmem.maven;

import io.hakmem.budget.fork.RunFigures;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.NullMarked;

/**
 * A figure the fork measures for every run, and the POM field that limits it. Every figure can be
 * gated; peak resident and retained bytes can also be gated against the baseline.
 *
 * <pre>{@code
 * double resident = Figure.RESIDENT.of(run);            // bytes, NaN when unknown
 * String cell = Figure.RESIDENT.format(resident);       // "2.4 MiB"
 * String field = Figure.RESIDENT.limitName();           // "maxResidentBytes"
 * }</pre>
 */
@NullMarked
public enum Figure {

    /** The arena's resident bytes at the peak. */
    RESIDENT("resident", "residentBytes", "maxResidentBytes", true, RunFigures::residentBytes),
    /** The arena's mapped bytes at the peak. */
    MAPPED("mapped", "mappedBytes", "maxMappedBytes", true, RunFigures::mappedBytes),
    /** The process RSS growth from just before the run to the peak. */
    RSS_DELTA(
            "RSS delta",
            "rssDeltaBytes",
            "maxRssDeltaBytes",
            true,
            run -> run.rssDeltaBytes() < 0 ? Double.NaN : run.rssDeltaBytes()),
    /** Resident over live bytes at the peak, in percent. */
    OVERHEAD("overhead", "overheadPercent", "maxOverheadPercent", false, RunFigures::overheadPercent),
    /** The arena's resident bytes once the workload returned and trim() ran. */
    RETAINED("retained", "retainedBytes", "maxRetainedBytes", true, RunFigures::retainedBytes);

    /** The figures a baseline gates with {@code maxRegressionPercent}: what a regression costs in RAM. */
    public static final List<Figure> REGRESSION_GATED = List.of(RESIDENT, RETAINED);

    private final String label;
    private final String key;
    private final String limitName;
    private final boolean bytes;
    private final ToDoubleFunction<RunFigures> reader;

    Figure(String label, String key, String limitName, boolean bytes, ToDoubleFunction<RunFigures> reader) {
        this.label = label;
        this.key = key;
        this.limitName = limitName;
        this.bytes = bytes;
        this.reader = reader;
    }

    /** {@return the name people read, such as {@code resident}} */
    public String label() {
        return label;
    }

    /** {@return the key in JSON reports and the baseline, such as {@code residentBytes}} */
    public String key() {
        return key;
    }

    /** {@return the POM field that limits it, such as {@code maxResidentBytes}} */
    public String limitName() {
        return limitName;
    }

    /** {@return whether it counts bytes; otherwise it is a percentage} */
    public boolean isBytes() {
        return bytes;
    }

    /**
     * Reads this figure from one run.
     *
     * @param run a run
     * @return the value, NaN when the fork could not measure it
     */
    public double of(RunFigures run) {
        return reader.applyAsDouble(run);
    }

    /**
     * Formats a value of this figure in the plugin's one system of units.
     *
     * @param value a value, NaN for unknown
     * @return binary byte units or a percentage
     */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return bytes ? Units.bytes(Math.round(value)) : Units.percent(value);
    }

    /**
     * Looks a figure up by the name of its limit.
     *
     * @param limitName such as {@code maxMappedBytes}
     * @return the figure
     * @throws IllegalArgumentException naming the field and the known ones
     */
    public static Figure byLimitName(String limitName) {
        return Arrays.stream(values())
                .filter(figure -> figure.limitName.equals(limitName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no limit named '" + limitName + "'; known: "
                        + Arrays.stream(values()).map(Figure::limitName).toList()));
    }
}
