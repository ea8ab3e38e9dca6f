package io.hakmem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dhakmem.showStats=true} and {@code HAKMEM_SHOW_STATS=1}: a JVM of its own runs
 * {@link ShowStatsMain} and its stderr at exit holds a row for each size class it used.
 */
class ShowStatsTest {

    @Test
    void theSystemPropertyPrintsARowPerSizeClassOfTheOpenArenaAndTheClosedTotals() throws Exception {
        ChildJvm.Run run = runMain(List.of("-Dhakmem.showStats=true"), Map.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("done\n");
        String err = run.stderr();
        assertThat(err).contains("hakmem: arena \"kept-open\" (open at exit)");
        // block, live, in use, cached, free, spans, resident, allocs, frees
        assertThat(err)
                .containsPattern("(?m)^\\s+16 B\\s+100\\s+1\\.6 KiB\\s+156\\s+3840\\s+1\\s+\\S+ \\S+\\s+100\\s+0$");
        assertThat(err)
                .containsPattern("(?m)^\\s+2\\.0 KiB\\s+10\\s+20\\.0 KiB\\s+22\\s+0\\s+1\\s+\\S+ \\S+\\s+10\\s+0$");
        assertThat(err).containsPattern("(?m)^\\s+large\\s+1\\s+1\\.0 MiB\\s*$");
        assertThat(err).containsPattern("(?m)^\\s+total\\s+111\\s+");
        assertThat(err).contains("requested 1.0 MiB live; mapped 3.0 MiB");
        // The arena closed before exit: its 48 B class, 5 allocated, 2 freed, 3 freed by close().
        assertThat(err).contains("hakmem: 1 arena closed before exit");
        assertThat(err).containsPattern("(?m)^\\s+48 B\\s+5\\s+2\\s+3$");
        assertThat(err).doesNotContain("closed-early\" (open");
    }

    @Test
    void theEnvironmentVariableDoesTheSameAndNothingIsPrintedWithoutEither() throws Exception {
        ChildJvm.Run withEnv = runMain(List.of(), Map.of("HAKMEM_SHOW_STATS", "1"));
        assertThat(withEnv.exitCode()).isZero();
        assertThat(withEnv.stderr())
                .contains("hakmem: arena \"kept-open\" (open at exit)")
                .containsPattern("(?m)^\\s+16 B\\s+100\\s");
        ChildJvm.Run without = runMain(List.of(), Map.of("HAKMEM_SHOW_STATS", "0"));
        assertThat(without.exitCode()).isZero();
        assertThat(without.stderr()).doesNotContain("hakmem:");
    }

    private static ChildJvm.Run runMain(List<String> jvmOptions, Map<String, String> env)
            throws IOException, InterruptedException {
        ChildJvm.Run run = ChildJvm.run(jvmOptions, Set.of("HAKMEM_SHOW_STATS"), env, ShowStatsMain.class);
        System.out.println(run.stderr());
        return run;
    }
}
