package io.hakmem.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** Reads JMH's {@code -rf json} output into {@link Score}s with readable workload labels. */
@NullMarked
public final class JmhResults {
    /** Method name to label, in the order the report lists them. */
    private static final List<String[]> WORKLOADS = List.of(
            new String[] {"batch1", "pair, batch 1"},
            new String[] {"batch1000", "pair, batch 1000 LIFO"},
            new String[] {"sweep", "size sweep %s B, batch 100"},
            new String[] {"randomMixed", "random-mixed"},
            new String[] {"xmalloc", "xmalloc, 2 threads"},
            new String[] {"larson", "larson, 2 threads"},
            new String[] {"cacheScratch", "cache-scratch, 2 threads"});
    /** Size sweep rows sort by size within their block of rows. */
    private static final int SUB_ORDER = 1_000_000;

    private JmhResults() {
    }

    /**
     * @param json the text of a JMH JSON result file
     * @return one score per benchmark and parameter combination
     * @throws IllegalArgumentException if the text is not a JMH result array
     */
    public static List<Score> parse(String json) {
        if (!(Json.parse(json) instanceof List<?> runs)) {
            throw new IllegalArgumentException("JMH result file must hold a JSON array");
        }
        List<Score> scores = new ArrayList<>();
        for (Object run : runs) {
            if (run instanceof Map<?, ?> map) {
                scores.add(score(map));
            }
        }
        return scores;
    }

    private static Score score(Map<?, ?> run) {
        String benchmark = String.valueOf(run.get("benchmark"));
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        Map<?, ?> params = run.get("params") instanceof Map<?, ?> p ? p : Map.of();
        Map<?, ?> metric = run.get("primaryMetric") instanceof Map<?, ?> m ? m : Map.of();
        String size = String.valueOf(params.get("size"));
        int index = indexOf(method);
        String label = index < 0 ? method : WORKLOADS.get(index)[1].formatted(size);
        int order = (index < 0 ? WORKLOADS.size() : index) * SUB_ORDER
                + (params.get("size") == null ? 0 : Integer.parseInt(size));
        return new Score(label, order, String.valueOf(params.get("peer")),
                number(metric.get("score")), number(metric.get("scoreError")),
                String.valueOf(metric.get("scoreUnit")));
    }

    private static int indexOf(String method) {
        for (int i = 0; i < WORKLOADS.size(); i++) {
            if (WORKLOADS.get(i)[0].equals(method)) {
                return i;
            }
        }
        return -1;
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(@Nullable Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
