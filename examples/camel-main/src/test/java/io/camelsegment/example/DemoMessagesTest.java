package io.camelsegment.example;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo tells its user: a refused record once, and how long the emulator's Debugger lives. */
class DemoMessagesTest {

    private final SegmentTarget target = SegmentTarget.from(Map.of());

    @AfterEach
    void stopEmulator() {
        target.emulator().close();
    }

    @Test
    void aRefusedRecordIsLoggedWithItsReasonSaidOnce() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        LoggerConfig demoLogger = logging.getConfiguration().getLoggerConfig("io.camelsegment.example");
        AbstractAppender capture = new AbstractAppender("demo-warnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        capture.start();
        demoLogger.addAppender(capture, Level.WARN, null);
        logging.updateLoggers();
        try {
            DemoSummary summary = SegmentDemo.run(target);

            assertThat(warnings).containsExactly("Segment identify was not sent: userId or anonymousId is required");
            assertThat(summary.render(target)).contains("Refused before sending: 1\n  - Segment identify was not sent: userId or anonymousId is required\n");
        } finally {
            demoLogger.removeAppender("demo-warnings");
            logging.updateLoggers();
            capture.stop();
        }
    }

    @Test
    void theDebuggerUrlComesWithHowToKeepItUp() {
        String url = target.emulator().debuggerUrl();

        assertThat(SegmentDemo.emulatorStarted(target, false)).contains(url, "stop when the demo ends",
                "-Ddemo.args=--keep-emulator");
        assertThat(SegmentDemo.emulatorAfterTheDemo(target, false)).contains("-Ddemo.args=--keep-emulator");
        assertThat(SegmentDemo.emulatorStarted(target, true)).contains(url, "stays up after the demo")
                .doesNotContain("-Ddemo.args");
        assertThat(SegmentDemo.emulatorAfterTheDemo(target, true)).contains(url, "Ctrl+C");
    }
}
