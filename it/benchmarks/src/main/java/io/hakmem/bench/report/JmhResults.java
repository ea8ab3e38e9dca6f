package io.hakmem.bench.report;

import io.hakmem.maven.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Reads JMH's {@code -rf json} output into {@link Score}s with readable workload labels, taking
 * the median and spread over forks from each result's raw per-iteration data.
 */
@NullMarked
public final class JmhResults {
    /** The pair by two threads sharing one allocator: measured, but not one of the gates. */
    static final String SHARED_PAIR = "pair, batch 1, 2 threads";

    /** Method name to label, in the order the report lists them. */
    private static final List<String[]> WORKLOADS = List.of(
            new String[] {"batch1", "pair, batch 1"},
            new String[] {"batch1000", "pair, batch 1000 LIFO"},
            new String[] {"sharedPair", SHARED_PAIR},
            new String[] {"sweep", "size sweep %s, batch 100"},
            new String[] {"randomMixed", "random-mixed"},
            new String[] {"xmalloc", "xmalloc, 2 threads"},
            new String[] {"larson", "larson, 2 threads"},
            new String[] {"cacheScratch", "cache-scratch, 2 threads"});
    /** Size sweep rows sort by size within their block of rows. */
    private static final int SUB_ORDER = 1_000_000;

    private JmhResults() {}

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
        String label = index < 0 ? method : WORKLOADS.get(index)[1].formatted(sizeLabel(size));
        int order = (index < 0 ? WORKLOADS.size() : index) * SUB_ORDER
                + (params.get("size") == null ? 0 : Integer.parseInt(size));
        String peer = String.valueOf(params.get("peer"));
        String unit = String.valueOf(metric.get("scoreUnit"));
        List<double[]> forks = rawData(metric.get("rawData"));
        if (forks.isEmpty()) {
            return Score.single(label, order, peer, number(metric.get("score")), unit);
        }
        if (forks.size() == 1) {
            double[] iterations = forks.get(0);
            return new Score(label, order, peer, median(iterations), min(iterations), max(iterations), 1, unit);
        }
        double[] perFork = forks.stream().mapToDouble(JmhResults::median).toArray();
        return new Score(label, order, peer, median(perFork), min(perFork), max(perFork), perFork.length, unit);
    }

    /** @return per fork, its measured iterations' scores; forks without any are dropped */
    private static List<double[]> rawData(@Nullable Object raw) {
        List<double[]> forks = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object fork : list) {
                if (fork instanceof List<?> iterations && !iterations.isEmpty()) {
                    forks.add(
                            iterations.stream().mapToDouble(JmhResults::number).toArray());
                }
            }
        }
        return forks;
    }

    /** @return the middle value, or the mean of the middle two */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** @return e.g. {@code 128 B}, {@code 16 KiB} */
    private static String sizeLabel(String bytes) {
        try {
            long n = Long.parseLong(bytes);
            return n >= 1024 && n % 1024 == 0 ? n / 1024 + " KiB" : n + " B";
        } catch (NumberFormatException e) {
            return bytes + " B";
        }
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
