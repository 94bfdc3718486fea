package dev.atelier.shared.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.testsupport.Processes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A real tool (a small Python program) kept running: answers, bounds, and a fresh process after each failure. */
class ResidentProcessTests {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String MARKER = "{done}";
    /**
     * Reads one command per line: "echo X" answers X (and notes it on stderr), "sleep" hangs, "flood" prints
     * without end, "die" exits with a message, "env" prints ATELIER_TEST; every answer ends with the marker
     * on stdout and stderr. Exits at end of input, or on "bye".
     */
    private static final String TOOL = """
            import os, sys, time
            for line in sys.stdin:
                cmd = line.strip()
                if cmd == "bye":
                    break
                if cmd.startswith("echo "):
                    print(cmd[5:]); print("noted " + cmd[5:], file=sys.stderr)
                elif cmd == "sleep":
                    time.sleep(60)
                elif cmd == "flood":
                    while True: print("x" * 1000)
                elif cmd == "die":
                    print("giving up", file=sys.stderr); sys.stderr.flush(); sys.exit(7)
                elif cmd == "env":
                    print(os.environ.get("ATELIER_TEST", "-"))
                elif cmd == "nice":
                    print(os.nice(0))
                print("{done}"); print("{done}", file=sys.stderr)
                sys.stdout.flush(); sys.stderr.flush()
            """;

    @BeforeAll
    static void python() {
        assumeTrue(BoundedProcess.installed(PYTHON) || "true".equals(System.getenv("CI")), "needs " + PYTHON);
    }

    private static ResidentProcess tool(int recycleAfter) {
        return new ResidentProcess(List.of(PYTHON, "-I", "-c", TOOL), Map.of("ATELIER_TEST", "set"), DataSize.ofMegabytes(512), MARKER,
                recycleAfter, "bye\n");
    }

    @Test
    void answersManyRequestsFromOneProcessWithWhatItSaidOnStderr() throws IOException {
        try (var tool = tool(100)) {
            var first = tool.ask("echo one\n", Duration.ofSeconds(10), 1000);
            long pid = tool.pid();
            var second = tool.ask("echo two\n", Duration.ofSeconds(10), 1000);

            assertThat(first).isEqualTo(new ResidentProcess.Reply("one\n", "noted one"));
            assertThat(second).isEqualTo(new ResidentProcess.Reply("two\n", "noted two"));
            assertThat(tool.pid()).isPositive().isEqualTo(pid);
            assertThat(tool.ask("env\n", Duration.ofSeconds(10), 1000).stdout()).isEqualTo("set\n");
        }
    }

    @Test
    void idleToolsDoNotHoldTheCarriersOfVirtualThreads() throws Exception {
        // Each idle tool has a thread blocked in a read of its stderr. On a virtual thread such a read
        // holds its carrier; the JDK adds a carrier meanwhile but retires it after 30 s idle, and then
        // one idle tool per core left nothing to run any other virtual thread on (a server with two
        // idle exiftools stopped answering dynamic renditions).
        List<ResidentProcess> tools = new java.util.ArrayList<>();
        try {
            for (int i = 0; i <= Runtime.getRuntime().availableProcessors(); i++) {
                ResidentProcess tool = tool(100);
                tools.add(tool);
                tool.ask("echo idle\n", Duration.ofSeconds(10), 1000);
            }
            Thread.sleep(Duration.ofSeconds(35));

            Thread virtual = Thread.ofVirtual().start(() -> { });

            assertThat(virtual.join(Duration.ofSeconds(5))).as("a virtual thread still gets a carrier").isTrue();
        } finally {
            tools.forEach(ResidentProcess::close);
        }
    }

    @Test
    void aRequestPastItsTimeKillsTheProcessAndTheNextOneGetsAFreshOne() throws IOException {
        try (var tool = tool(100)) {
            tool.ask("echo warm\n", Duration.ofSeconds(10), 1000);
            long before = tool.pid();
            long t0 = System.nanoTime();

            assertThatThrownBy(() -> tool.ask("sleep\n", Duration.ofMillis(300), 1000))
                    .isInstanceOf(BoundedProcess.TimedOutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            assertThat(tool.ask("echo again\n", Duration.ofSeconds(10), 1000).stdout()).isEqualTo("again\n");
            assertThat(tool.pid()).isNotEqualTo(before);
        }
    }

    @Test
    void anAnswerLongerThanTheCapStopsTheProcess() throws IOException {
        try (var tool = tool(100)) {
            assertThatThrownBy(() -> tool.ask("flood\n", Duration.ofSeconds(10), 50_000))
                    .isInstanceOf(ResidentProcess.TooLongException.class);
            assertThat(tool.pid()).isEqualTo(-1);
            assertThat(tool.ask("echo fine\n", Duration.ofSeconds(10), 1000).stdout()).isEqualTo("fine\n");
        }
    }

    @Test
    void aToolThatExitsMidRequestIsReportedWithItsLastWords() throws IOException {
        try (var tool = tool(100)) {
            assertThatThrownBy(() -> tool.ask("die\n", Duration.ofSeconds(10), 1000))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(BoundedProcess.TimedOutException.class)
                    .hasMessageContaining("exit 7")
                    .hasMessageContaining("giving up");
            assertThat(tool.ask("echo back\n", Duration.ofSeconds(10), 1000).stdout()).isEqualTo("back\n");
        }
    }

    @Test
    void aNicedToolRunsAtALowerPriorityAndIsStillNamedByItself() throws IOException {
        assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/nice")), "needs coreutils' nice");
        try (var niced = new ResidentProcess(BoundedProcess.niced(List.of(PYTHON, "-I", "-c", TOOL)), Map.of(), DataSize.ofMegabytes(512),
                MARKER, 100, "bye\n")) {
            assertThat(niced.ask("nice\n", Duration.ofSeconds(10), 1000).stdout().strip())
                    .isEqualTo(Integer.toString(Math.min(19, Processes.niceness(ProcessHandle.current()) + 10)));
            assertThatThrownBy(() -> niced.ask("sleep\n", Duration.ofMillis(300), 1000)).hasMessageStartingWith("python3 took longer");
        }
    }

    @Test
    void aProcessIsReplacedAfterSoManyRequests() throws IOException {
        try (var tool = tool(2)) {
            tool.ask("echo 1\n", Duration.ofSeconds(10), 1000);
            long first = tool.pid();
            tool.ask("echo 2\n", Duration.ofSeconds(10), 1000);
            tool.ask("echo 3\n", Duration.ofSeconds(10), 1000);

            assertThat(tool.pid()).isNotEqualTo(first);
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void closingEndsTheToolWithItsFarewell() throws IOException {
        var tool = tool(100);
        tool.ask("echo 1\n", Duration.ofSeconds(10), 1000);
        ProcessHandle handle = ProcessHandle.of(tool.pid()).orElseThrow();

        long t0 = System.nanoTime();
        tool.close();

        assertThat(handle.isAlive()).isFalse();
        // it ended by itself on its farewell, not after the second close() waits before killing it
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aToolThatCannotStartIsAnIoError() {
        var missing = new ResidentProcess(List.of("/nonexistent/tool"), Map.of(), DataSize.ofMegabytes(64), MARKER, 10, "");
        assertThatThrownBy(() -> missing.ask("x\n", Duration.ofSeconds(5), 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("/nonexistent/tool");
        missing.close();
    }
}
