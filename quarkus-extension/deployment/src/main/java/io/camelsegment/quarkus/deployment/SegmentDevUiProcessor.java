package io.camelsegment.quarkus.deployment;

import io.camelsegment.emulator.SegmentEmulator;
import io.camelsegment.quarkus.devui.DeliveryQueueFigures;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.buildtime.BuildTimeActionBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Dev UI card: links to the Dev Services emulator's Debugger, labelled with how many events it received and dropped,
 * and with what the application's delivery queues hold now and have failed.
 *
 * <p>
 * The emulator's figures come from build-time actions, which run in the dev-mode JVM beside the emulator. The queues
 * live in the application, so their figures come from its JSON-RPC service {@link DeliveryQueueFigures}, a bean only
 * in dev mode. The Dev UI only exists in dev mode; the items are also produced in test mode, where nothing consumes
 * them but a test can see them.
 */
class SegmentDevUiProcessor {

    static final String DEBUGGER_URL = "debuggerUrl";
    static final String RECEIVED_EVENTS = "receivedEvents";
    static final String DROPPED_EVENTS = "droppedEvents";
    /** The names of {@link DeliveryQueueFigures}' methods, which the Dev UI calls over JSON-RPC. */
    static final String EVENTS_QUEUED = "eventsQueued";
    static final String EVENTS_FAILED = "eventsFailed";
    static final String BACKGROUND_EVENTS_FAILED = "backgroundEventsFailed";
    static final String NOT_RUNNING = "emulator not running";

    @BuildStep(onlyIf = IsDevServicesSupportedByLaunchMode.class)
    void card(BuildProducer<CardPageBuildItem> cards, BuildProducer<BuildTimeActionBuildItem> actions) {
        CardPageBuildItem card = new CardPageBuildItem();
        figure(card, "Received events", "font-awesome-solid:inbox", RECEIVED_EVENTS);
        figure(card, "Dropped events", "font-awesome-solid:filter-circle-xmark", DROPPED_EVENTS);
        figure(card, "Events queued", "font-awesome-solid:hourglass-half", EVENTS_QUEUED);
        figure(card, "Events failed", "font-awesome-solid:triangle-exclamation", EVENTS_FAILED);
        figure(card, "Background events failed", "font-awesome-solid:circle-exclamation", BACKGROUND_EVENTS_FAILED);
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

    @BuildStep(onlyIf = IsDevServicesSupportedByLaunchMode.class)
    JsonRPCProvidersBuildItem deliveryQueueFigures() {
        return new JsonRPCProvidersBuildItem(DeliveryQueueFigures.class);
    }

    /** A figure on the card; each links to the Debugger, where the events themselves are shown. */
    private static void figure(CardPageBuildItem card, String title, String icon, String method) {
        card.addPage(Page.externalPageBuilder(title)
                .icon(icon)
                .dynamicUrlJsonRPCMethodName(DEBUGGER_URL)
                .dynamicLabelJsonRPCMethodName(method)
                .doNotEmbed());
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
