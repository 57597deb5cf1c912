package fr.mare.boot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmRelaunchTest {

    private static final List<String> PLAIN = List.of("java", "-jar", "target/mare.jar");

    private static JvmRelaunch.Plan plan(Map<String, String> env, List<String> commandLine) {
        return JvmRelaunch.plan(new LauncherConfig(env, new Properties()), commandLine, env);
    }

    @Test
    void thePlainReadmeCommandGetsMaresSettingsAfterTheJavaBinaryAndKeepsItsOwnArguments() {
        JvmRelaunch.Plan plan = plan(Map.of("HOME", "/home/x"), List.of("java", "-Dmare.x=1", "-jar", "target/mare.jar", "--verbose"));

        assertTrue(plan.relaunch());
        assertEquals("java", plan.argv().get(0));
        assertEquals(JvmRelaunch.DEFAULTS, plan.argv().subList(1, 1 + JvmRelaunch.DEFAULTS.size()));
        assertEquals(List.of("-Dmare.x=1", "-jar", "target/mare.jar", "--verbose"),
                plan.argv().subList(1 + JvmRelaunch.DEFAULTS.size(), plan.argv().size()));
        assertEquals("2", plan.env().get("MALLOC_ARENA_MAX"));
        assertEquals("/home/x", plan.env().get("HOME"));
        assertEquals("1", plan.env().get(JvmRelaunch.MARKER));
    }

    @Test
    void theRelaunchedProcessDoesNotRelaunchAgain() {
        JvmRelaunch.Plan plan = plan(Map.of(JvmRelaunch.MARKER, "1"), PLAIN);

        assertFalse(plan.relaunch());
        assertNull(plan.reason());
    }

    @Test
    void aHeapOrCollectorChosenOnTheCommandLineIsKept() {
        for (String chosen : List.of("-Xmx1g", "-XX:+UseG1GC", "-XX:+UseZGC", "-XX:MaxRAMPercentage=50")) {
            assertFalse(plan(Map.of(), List.of("java", chosen, "-jar", "target/mare.jar")).relaunch(), chosen);
        }
        // An application argument that looks like a flag is not the JVM's.
        assertTrue(plan(Map.of(), List.of("java", "-jar", "target/mare.jar", "-Xmx1g")).relaunch());
    }

    @Test
    void maresOptionsCanBeReplacedOrTurnedOff() {
        JvmRelaunch.Plan own = plan(Map.of("MARE_JVM_OPTIONS", " -Xmx400m  -XX:+UseSerialGC "), PLAIN);
        assertEquals(List.of("java", "-Xmx400m", "-XX:+UseSerialGC", "-jar", "target/mare.jar"), own.argv());

        JvmRelaunch.Plan none = plan(Map.of("MARE_JVM_OPTIONS", "none"), PLAIN);
        assertFalse(none.relaunch());
        assertTrue(none.reason().contains("MARE_JVM_OPTIONS=none"));
    }

    @Test
    void aMallocArenaSettingOfThePersonsOwnIsKept() {
        assertEquals("8", plan(Map.of("MALLOC_ARENA_MAX", "8"), PLAIN).env().get("MALLOC_ARENA_MAX"));
    }

    @Test
    void theJvmsOwnArgumentsStopAtTheMainClassOrJarAndSkipOptionValues() {
        assertEquals(List.of("-cp", "-Xmx1g"), JvmRelaunch.jvmArguments(List.of("java", "-cp", "a.jar", "-Xmx1g", "fr.mare.boot.Launcher", "-Xss1m")));
        assertEquals(List.of(), JvmRelaunch.jvmArguments(List.of("java", "-jar", "mare.jar", "-Xmx1g")));
    }
}
