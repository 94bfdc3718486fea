package dev.atelier.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How busy other processes kept the machine during a phase: all cores' busy time from
 * {@code /proc/stat} minus this JVM's and the PostgreSQL cluster's own. Linux only; USER_HZ is
 * taken to be 100, as on every mainstream kernel.
 */
final class MachineLoad {

    private static final double HZ = 100;

    /** CPU seconds at one moment: the whole machine's busy time, this JVM's, and the cluster's. */
    record Sample(long nanos, double machine, double self, double postgres) {}

    private final Path postmasterPid;

    MachineLoad(Path pgdata) {
        this.postmasterPid = pgdata.resolve("postmaster.pid");
    }

    Sample sample() {
        try {
            return new Sample(System.nanoTime(), machineBusy(), processTicks("self", false) / HZ, postgres());
        } catch (IOException | RuntimeException e) {
            return new Sample(System.nanoTime(), Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /** Cores other processes kept busy on average between two samples. */
    static double others(Sample from, Sample to) {
        double wall = (to.nanos() - from.nanos()) / 1e9;
        double busy = to.machine() - from.machine();
        double ours = (to.self() - from.self()) + (to.postgres() - from.postgres());
        return Math.max(0, (busy - ours) / wall);
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double machineBusy() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 7; i++) {
            if (i != 4 && i != 5) { // idle and iowait are not work; steal (8) is time the hypervisor gave elsewhere
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy / HZ;
    }

    /** The postmaster with the children it has reaped, and the backends alive now. */
    private double postgres() throws IOException {
        if (!Files.exists(postmasterPid)) {
            return 0;
        }
        String pid = Files.readAllLines(postmasterPid).getFirst().trim();
        long ticks = processTicks(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> stat = fields(p.getFileName().toString());
                if (stat.size() > 15 && stat.get(1).equals(pid)) {
                    ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                }
            }
        }
        return ticks / HZ;
    }

    private static long processTicks(String pid, boolean withReapedChildren) throws IOException {
        List<String> stat = fields(pid);
        long ticks = Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
        return withReapedChildren ? ticks + Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14)) : ticks;
    }

    /** The fields of /proc/PID/stat after the command name: state, ppid, ... (utime is index 11). */
    private static List<String> fields(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException e) {
            return List.of(); // the process ended meanwhile
        }
    }
}
