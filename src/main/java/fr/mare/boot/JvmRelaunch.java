package fr.mare.boot;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Issue #11 (ADR 0033): {@code java -jar target/mare.jar} runs with Mare's own JVM settings,
 * chosen by measurement for modest hardware, without asking the person to type them.
 * <p>
 * A JVM cannot change its heap or collector once started, and the README's command is plain
 * {@code java -jar}. So, before anything else starts, the launcher replaces its own process
 * image by the same command line with {@link #DEFAULTS} inserted after the {@code java} binary,
 * and {@code MALLOC_ARENA_MAX=2} in the environment (glibc reads it only at start): POSIX
 * {@code execve}, called through the Foreign Function API. The process keeps its pid, its
 * standard streams and its parent, so a service manager, a {@code kill} and the drills of issue
 * #17 (R2, R3) see one process, as before; no second JVM sits beside it.
 * <p>
 * Not done, and said on the console, when: {@code MARE_JVM_OPTIONS=none}; the command line
 * already chooses a heap or a collector ({@code -Xmx…}, {@code -XX:+Use…GC}, {@code -XX:MaxRAM…}:
 * the person chose); the JVM is older than 22 (no final Foreign Function API); the system is not
 * Linux. {@code MARE_JVM_OPTIONS="…"} replaces the defaults by the person's own flags.
 */
final class JvmRelaunch {

    /**
     * Measured in docs/perf.md (« Mémoire ») with the demo and 100,000 requests: the live heap
     * after a collection stays under 110 MB; the serial collector keeps no per-core structures
     * and costs as much CPU per request as G1 here (160 MB of heap doubled a member's page); the
     * compiled code reached 54 MB (a full code cache stops compilation), two compiler threads
     * for two cores.
     */
    static final List<String> DEFAULTS = List.of(
            "-Xms64m", "-Xmx200m",
            "-XX:+UseSerialGC",
            "-XX:ReservedCodeCacheSize=80m",
            "-XX:CICompilerCount=2",
            "-Xss512k");

    /** Set in the relaunched process: it must not relaunch again. */
    static final String MARKER = "MARE_JVM_RELAUNCHED";

    private JvmRelaunch() {
    }

    /** What to execute, or why not. */
    record Plan(List<String> options, List<String> argv, Map<String, String> env, String reason) {

        boolean relaunch() {
            return argv != null;
        }

        static Plan not(String reason) {
            return new Plan(null, null, null, reason);
        }
    }

    /**
     * @param commandLine the running command line, {@code java} first (from {@code /proc/self/cmdline})
     * @param env         the running environment
     */
    static Plan plan(LauncherConfig config, List<String> commandLine, Map<String, String> env) {
        if (env.containsKey(MARKER)) {
            return Plan.not(null);
        }
        Optional<String> setting = config.get("mare.jvm.options");
        if (setting.filter(s -> s.equalsIgnoreCase("none")).isPresent()) {
            return Plan.not("MARE_JVM_OPTIONS=none : la JVM garde les réglages de sa ligne de commande.");
        }
        if (commandLine.isEmpty()) {
            return Plan.not("ligne de commande illisible : la JVM garde ses réglages.");
        }
        for (String argument : jvmArguments(commandLine)) {
            if (argument.startsWith("-Xmx") || argument.startsWith("-XX:MaxRAM") || argument.matches("-XX:\\+Use\\w*GC")) {
                return Plan.not(null); // the person chose the heap or the collector: theirs are kept, silently
            }
        }
        List<String> options = setting.map(s -> List.of(s.trim().split("\\s+"))).orElse(DEFAULTS);
        List<String> argv = new ArrayList<>();
        argv.add(commandLine.get(0));
        argv.addAll(options);
        argv.addAll(commandLine.subList(1, commandLine.size()));
        Map<String, String> newEnv = new TreeMap<>(env);
        newEnv.putIfAbsent("MALLOC_ARENA_MAX", "2");
        newEnv.put(MARKER, "1");
        return new Plan(options, argv, newEnv, null);
    }

    /** The JVM's own options: what comes after {@code java} and before {@code -jar}, a class name or {@code -m}. */
    static List<String> jvmArguments(List<String> commandLine) {
        List<String> options = new ArrayList<>();
        for (int i = 1; i < commandLine.size(); i++) {
            String argument = commandLine.get(i);
            if (argument.equals("-jar") || argument.equals("-m") || argument.equals("--module") || !argument.startsWith("-")) {
                break;
            }
            options.add(argument);
            if (argument.equals("-cp") || argument.equals("-classpath") || argument.equals("--class-path")
                    || argument.equals("-p") || argument.equals("--module-path") || argument.equals("--add-opens")
                    || argument.equals("--add-exports") || argument.equals("--add-modules")) {
                i++; // that option's value
            }
        }
        return options;
    }

    /**
     * Replaces this process by the relaunched JVM, or returns (having said why) so that the
     * launcher goes on in this one. Called before any thread or server of Mare's is started.
     */
    static void relaunchIfWanted(LauncherConfig config) {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return;
        }
        List<String> commandLine = readCommandLine();
        Plan plan = plan(config, commandLine, System.getenv());
        if (!plan.relaunch()) {
            if (plan.reason() != null) {
                System.out.println("Mare : " + plan.reason());
            }
            return;
        }
        if (Runtime.version().feature() < 22) {
            System.out.println("Mare : Java " + Runtime.version().feature() + " ne sait pas relancer la JVM avec les réglages"
                    + " de mémoire de Mare (il faut Java 22 ou plus) ; elle garde les siens (docs/operations.md, « Mémoire »).");
            return;
        }
        Optional<String> binary = ProcessHandle.current().info().command();
        if (binary.isEmpty()) {
            return;
        }
        System.out.println("Mare relance sa JVM avec ses réglages de mémoire : "
                + String.join(" ", plan.options())
                + " (MARE_JVM_OPTIONS pour d'autres).");
        System.out.flush();
        System.err.flush();
        List<String> env = plan.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try {
            int result = execve(binary.get(), plan.argv(), env);
            System.out.println("Mare : la relance de la JVM a échoué (execve : " + result + ") ; elle garde ses réglages.");
        } catch (Throwable e) {
            System.out.println("Mare : la relance de la JVM a échoué (" + e + ") ; elle garde ses réglages.");
        }
    }

    /** {@code /proc/self/cmdline}: the arguments exactly as the JVM received them. */
    private static List<String> readCommandLine() {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8);
            if (raw.endsWith("\0")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            return raw.isEmpty() ? List.of() : List.of(raw.split("\0", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * POSIX {@code execve(path, argv, envp)} through {@code java.lang.foreign} (final in Java 22),
     * by reflection because Mare compiles for Java 21. Returns only on failure (-1).
     * The jar's manifest grants native access ({@code Enable-Native-Access: ALL-UNNAMED}).
     */
    private static int execve(String path, List<String> argv, List<String> envp) throws Throwable {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> addressLayoutType = Class.forName("java.lang.foreign.AddressLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> allocatorType = Class.forName("java.lang.foreign.SegmentAllocator");

        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerType.getMethod("defaultLookup").invoke(linker);
        Object symbol = ((Optional<?>) lookupType.getMethod("find", String.class).invoke(lookup, "execve")).orElseThrow();
        Object address = valueLayoutType.getField("ADDRESS").get(null);
        Object layouts = Array.newInstance(layoutType, 3);
        for (int i = 0; i < 3; i++) {
            Array.set(layouts, i, address);
        }
        Object descriptor = descriptorType.getMethod("of", layoutType, layouts.getClass())
                .invoke(null, valueLayoutType.getField("JAVA_INT").get(null), layouts);
        Object noOptions = Array.newInstance(optionType, 0);
        MethodHandle call = (MethodHandle) linkerType.getMethod("downcallHandle", segmentType, descriptorType, noOptions.getClass())
                .invoke(linker, symbol, descriptor, noOptions);

        // Never freed: on success this process image is gone, on failure the launcher goes on.
        Object arena = Class.forName("java.lang.foreign.Arena").getMethod("global").invoke(null);
        Method allocateString = allocatorType.getMethod("allocateFrom", String.class);
        Method allocateArray = allocatorType.getMethod("allocate", layoutType, long.class);
        Method setAtIndex = segmentType.getMethod("setAtIndex", addressLayoutType, long.class, segmentType);
        Object nul = segmentType.getField("NULL").get(null);
        Object[] arrays = new Object[2];
        List<List<String>> lists = List.of(argv, envp);
        for (int a = 0; a < 2; a++) {
            List<String> strings = lists.get(a);
            Object array = allocateArray.invoke(arena, address, (long) strings.size() + 1);
            for (int i = 0; i < strings.size(); i++) {
                setAtIndex.invoke(array, address, (long) i, allocateString.invoke(arena, strings.get(i)));
            }
            setAtIndex.invoke(array, address, (long) strings.size(), nul);
            arrays[a] = array;
        }
        return (int) call.invokeWithArguments(allocateString.invoke(arena, path), arrays[0], arrays[1]);
    }
}
