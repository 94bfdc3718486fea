import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole machine's CPU, from Linux {@code /proc/stat}; shared by the benchmark clients (the JDK's
 * source launcher compiles this file beside the one it was started with).
 */
final class Machine {

    private Machine() {
    }

    /**
     * How long {@link #settle} waited and what the machine spent meanwhile.
     *
     * @param quiet false when the limit ran out first: the next phase is timed on a busy machine
     */
    record Settled(double seconds, double cpuSeconds, boolean quiet) {
    }

    /** Busy and idle ticks since boot: {user+nice+system+idle+iowait+irq+softirq+steal, idle+iowait}. */
    static long[] cpuTimes() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** Clock ticks per second ({@code getconf CLK_TCK}). */
    static double ticksPerSecond() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor() == 0 ? Double.parseDouble(out) : 100;
    }

    /**
     * Waits until the machine is quiet (under a tenth of a core busy for two seconds in a row), at most
     * {@code max}: work a phase set off in the server (metadata, analysis, OCR) then no longer runs beside
     * the next timed phase. The two quiet seconds are not counted.
     */
    static Settled settle(Duration max) throws IOException, InterruptedException {
        double hz = ticksPerSecond();
        long t0 = System.nanoTime();
        long deadline = t0 + max.toNanos();
        long[] start = cpuTimes();
        long[] previous = start;
        long previousAt = t0;
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long[] now = cpuTimes();
            long at = System.nanoTime();
            double cores = ((now[0] - now[1]) - (previous[0] - previous[1])) / hz / ((at - previousAt) / 1e9);
            quiet = cores < 0.1 ? quiet + 1 : 0;
            previous = now;
            previousAt = at;
        }
        double secs = Math.max(0, (previousAt - t0) / 1e9 - (quiet >= 2 ? 2 : 0));
        double cpu = ((previous[0] - previous[1]) - (start[0] - start[1])) / hz;
        return new Settled(secs, cpu, quiet >= 2);
    }
}
