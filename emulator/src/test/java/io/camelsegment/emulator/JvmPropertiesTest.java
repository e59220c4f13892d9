package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JvmPropertiesTest {

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private static URL url(String path) {
        try {
            return Path.of(path).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    /**
     * The emulator's classes are loaded afresh, as in a user's JVM that never saw them, so whatever they do when
     * they load or start is seen here even though other tests of this JVM loaded them already.
     */
    @Test
    void startingAnEmulatorLeavesTheJvmsSystemPropertiesAsTheyWere() throws Exception {
        String before = System.getProperty(NODELAY);
        System.clearProperty(NODELAY);
        URL[] classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(JvmPropertiesTest::url).toArray(URL[]::new);
        try (URLClassLoader fresh = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Class<?> emulatorClass = fresh.loadClass(SegmentEmulator.class.getName());
            assertThat(emulatorClass).isNotSameAs(SegmentEmulator.class);

            try (AutoCloseable emulator = (AutoCloseable) emulatorClass.getMethod("start").invoke(null)) {
                assertThat(System.getProperty(NODELAY)).isNull();
            }
        } finally {
            if (before != null) {
                System.setProperty(NODELAY, before);
            }
        }
    }
}
