package io.camelsegment.emulator;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Segment answers 200 to these and drops the event; the emulator records why. */
class DropReasonTest extends EmulatorTestSupport {

    private DropReason reasonFor(String path, String body) {
        HttpResponse<String> response = client.track(path, body);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.acceptedEvents()).isEmpty();
        return emulator.droppedEvents().get(0).dropReason();
    }

    @Test
    void messageIdOf100CharactersIsDroppedAsMessageIdTooLong() {
        String messageId = "m".repeat(100);

        assertThat(reasonFor("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"" + messageId + "\"}"))
                .isEqualTo(DropReason.MESSAGE_ID_TOO_LONG);
    }

    @Test
    void messageIdOf99CharactersIsAccepted() {
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"" + "m".repeat(99) + "\"}");

        assertThat(emulator.acceptedEvents()).hasSize(1);
    }

    @Test
    void eventWithNeitherUserIdNorAnonymousIdIsDroppedAsNoUserAnonId() {
        assertThat(reasonFor("/identify", "{\"traits\":{\"a\":1}}")).isEqualTo(DropReason.NO_USER_ANON_ID);
    }

    @Test
    void blankUserIdCountsAsMissing() {
        assertThat(reasonFor("/page", "{\"userId\":\"  \",\"name\":\"Home\"}")).isEqualTo(DropReason.NO_USER_ANON_ID);
    }

    @Test
    void trackWithoutEventIsDroppedAsMissingEvent() {
        assertThat(reasonFor("/track", "{\"userId\":\"u1\"}")).isEqualTo(DropReason.MISSING_EVENT);
    }

    @Test
    void groupWithoutGroupIdIsDroppedAsMissingGroupId() {
        assertThat(reasonFor("/group", "{\"userId\":\"u1\",\"traits\":{}}")).isEqualTo(DropReason.MISSING_GROUP_ID);
    }

    @Test
    void aliasWithoutPreviousIdIsDroppedAsMissingPreviousId() {
        assertThat(reasonFor("/alias", "{\"userId\":\"u1\"}")).isEqualTo(DropReason.MISSING_PREVIOUS_ID);
    }

    @Test
    void aliasWithoutUserIdIsDroppedAsMissingUserIdEvenWithAnAnonymousId() {
        assertThat(reasonFor("/alias", "{\"previousId\":\"old\",\"anonymousId\":\"a1\"}")).isEqualTo(DropReason.MISSING_USER_ID);
    }

    @Test
    void batchItemWithoutAValidTypeIsDroppedAsInvalidType() {
        assertThat(reasonFor("/batch", "{\"batch\":[{\"type\":\"purchase\",\"userId\":\"u1\"}]}"))
                .isEqualTo(DropReason.INVALID_TYPE);
    }

    @Test
    void batchItemWithoutTypeIsDroppedAsInvalidType() {
        assertThat(reasonFor("/batch", "{\"batch\":[{\"userId\":\"u1\",\"event\":\"A\"}]}")).isEqualTo(DropReason.INVALID_TYPE);
    }

    @Test
    void timestampThatIsNotIso8601IsDroppedAsInvalidTimestamp() {
        assertThat(reasonFor("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"timestamp\":\"yesterday\"}"))
                .isEqualTo(DropReason.INVALID_TIMESTAMP);
    }

    @Test
    void iso8601TimestampsWithOffsetOrZoneAreAccepted() {
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"timestamp\":\"2024-05-01T10:15:30.123Z\"}");
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"B\",\"timestamp\":\"2024-05-01T10:15:30+02:00\"}");

        assertThat(emulator.acceptedEvents()).hasSize(2);
    }

    @Test
    void messageIdAlreadyAcceptedIsDroppedAsDuplicate() {
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"m-1\"}");
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"m-1\"}");

        assertThat(emulator.acceptedEvents()).hasSize(1);
        assertThat(emulator.droppedEvents()).singleElement()
                .satisfies(event -> assertThat(event.dropReason()).isEqualTo(DropReason.DUPLICATE_MESSAGE_ID));
    }

    @Test
    void messageIdOfADroppedEventCanStillBeAcceptedLater() {
        client.track("/track", "{\"userId\":\"u1\",\"messageId\":\"m-2\"}");
        client.track("/track", "{\"userId\":\"u1\",\"event\":\"A\",\"messageId\":\"m-2\"}");

        assertThat(emulator.acceptedEvents()).singleElement()
                .satisfies(event -> assertThat(event.messageId()).isEqualTo("m-2"));
    }

    @Test
    void dropReasonIsSerializedAsSegmentsCode() {
        client.track("/track", "{\"userId\":\"u1\"}");

        assertThat(new String(JsonCodec.write(emulator.droppedEvents().get(0)))).contains("\"dropReason\":\"missing_event\"");
    }
}
