package io.camelsegment.quarkus.deployment;

import io.camelsegment.emulator.SegmentEmulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card: links to the Dev Services emulator's Debugger, labelled with how many events it received and dropped.
 *
 * <p>
 * The figures come from build-time actions, which run in the dev-mode JVM beside the emulator, so the application
 * carries no Dev UI code. The Dev UI only exists in dev mode; the items are also produced in test mode, where nothing
 * consumes them but a test can see them.
 */
class SegmentDevUiProcessor {

    static final String DEBUGGER_URL = "debuggerUrl";
    static final String RECEIVED_EVENTS = "receivedEvents";
    static final String DROPPED_EVENTS = "droppedEvents";
    static final String NOT_RUNNING = "emulator not running";

    @BuildStep(onlyIf = IsDevServicesSupportedByLaunchMode.class)
    void card(BuildProducer<CardPageBuildItem> cards, BuildProducer<BuildTimeActionBuildItem> actions) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.externalPageBuilder("Received events")
                .icon("font-awesome-solid:inbox")
                .dynamicUrlJsonRPCMethodName(DEBUGGER_URL)
                .dynamicLabelJsonRPCMethodName(RECEIVED_EVENTS)
                .doNotEmbed());
        card.addPage(Page.externalPageBuilder("Dropped events")
                .icon("font-awesome-solid:filter-circle-xmark")
                .dynamicUrlJsonRPCMethodName(DEBUGGER_URL)
                .dynamicLabelJsonRPCMethodName(DROPPED_EVENTS)
                .doNotEmbed());
        cards.produce(card);

        BuildTimeActionBuildItem figures = new BuildTimeActionBuildItem();
        figures.actionBuilder().methodName(DEBUGGER_URL).description("The Segment emulator's Debugger page")
                .function(parameters -> debuggerUrl(RunningEmulator.DEV_SERVICES)).build();
        figures.actionBuilder().methodName(RECEIVED_EVENTS).description("Events the Segment emulator received")
                .function(parameters -> receivedEvents(RunningEmulator.DEV_SERVICES)).build();
        figures.actionBuilder().methodName(DROPPED_EVENTS).description("Events the Segment emulator dropped, as Segment would")
                .function(parameters -> droppedEvents(RunningEmulator.DEV_SERVICES)).build();
        actions.produce(figures);
    }

    static String debuggerUrl(RunningEmulator running) {
        return running.get().map(SegmentEmulator::debuggerUrl).orElse(null);
    }

    /** Every event received, those the emulator let go to stay within its memory cap included. */
    static String receivedEvents(RunningEmulator running) {
        return running.get().map(emulator -> String.valueOf(emulator.events().size() + emulator.evictedEvents()))
                .orElse(NOT_RUNNING);
    }

    /** Dropped among the events the emulator still keeps. */
    static String droppedEvents(RunningEmulator running) {
        return running.get().map(emulator -> String.valueOf(emulator.droppedEvents().size())).orElse(NOT_RUNNING);
    }
}
