package io.camelsegment.example.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerEventTest {

    private static final KafkaRecord RECORD = new KafkaRecord("customer-events", 3, 1207);

    @Test
    void aTrackBecomesTheSegmentMessageNamedAfterItsRecord() throws Exception {
        CustomerEvent event = CustomerEvent.parse(
                "{\"type\":\"track\",\"userId\":\"cus-1\",\"event\":\"Order Completed\",\"properties\":{\"revenue\":12}}", RECORD);

        assertThat(event.type()).isEqualTo("track");
        assertThat(event.message()).containsExactly(Map.entry("userId", "cus-1"), Map.entry("event", "Order Completed"),
                Map.entry("properties", Map.of("revenue", 12)), Map.entry("messageId", "kafka-customer-events-3-1207"));
    }

    @Test
    void theSameRecordReadAgainGetsTheSameMessageId() throws Exception {
        String value = "{\"type\":\"identify\",\"anonymousId\":\"anon-7\",\"traits\":{\"plan\":\"pro\"}}";

        assertThat(CustomerEvent.parse(value, RECORD).message().get("messageId"))
                .isEqualTo(CustomerEvent.parse(value, new KafkaRecord("customer-events", 3, 1207)).message().get("messageId"))
                .isNotEqualTo(CustomerEvent.parse(value, new KafkaRecord("customer-events", 3, 1208)).message().get("messageId"));
    }

    @Test
    void anEventsOwnMessageIdIsKept() throws Exception {
        CustomerEvent event = CustomerEvent.parse(
                "{\"type\":\"track\",\"userId\":\"cus-1\",\"event\":\"Signed Up\",\"messageId\":\"signup-cus-1\"}", RECORD);

        assertThat(event.message()).containsEntry("messageId", "signup-cus-1");
    }

    @Test
    void aRecordOfALongTopicNameGetsAStableMessageIdUnderSegmentsLimit() throws Exception {
        KafkaRecord record = new KafkaRecord("events.".repeat(20), 0, 5);
        String value = "{\"type\":\"track\",\"userId\":\"cus-1\",\"event\":\"Signed Up\"}";

        String messageId = (String) CustomerEvent.parse(value, record).message().get("messageId");

        assertThat(messageId).hasSizeLessThan(100).isEqualTo(CustomerEvent.parse(value, record).message().get("messageId"));
    }

    @Test
    void aTrackWithoutEventNameIsRefusedWithTheReason() {
        assertThatThrownBy(() -> CustomerEvent.parse("{\"type\":\"track\",\"userId\":\"cus-1\"}", RECORD))
                .isInstanceOf(InvalidCustomerEventException.class).hasMessage("a track event needs an event name");
    }

    @Test
    void anEventWithoutUserIdOrAnonymousIdIsRefused() {
        assertThatThrownBy(() -> CustomerEvent.parse("{\"type\":\"identify\",\"userId\":\" \",\"traits\":{}}", RECORD))
                .isInstanceOf(InvalidCustomerEventException.class).hasMessage("an event needs a userId or an anonymousId");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> CustomerEvent.parse("{\"type\":\"page\",\"userId\":\"cus-1\"}", RECORD))
                .isInstanceOf(InvalidCustomerEventException.class).hasMessage("type must be track or identify, was 'page'");
        assertThatThrownBy(() -> CustomerEvent.parse("{\"userId\":\"cus-1\"}", RECORD))
                .hasMessage("type must be track or identify, was missing");
    }

    @Test
    void aValueThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> CustomerEvent.parse("[1,2]", RECORD)).isInstanceOf(InvalidCustomerEventException.class)
                .hasMessageStartingWith("the record is not a JSON object: ");
        assertThatThrownBy(() -> CustomerEvent.parse("", RECORD)).hasMessage("the record has no value");
        assertThatThrownBy(() -> CustomerEvent.parse("null", RECORD)).hasMessage("the record is not a JSON object: null");
    }

    @Test
    void aMessageIdSegmentWouldRefuseIsRefused() {
        String tooLong = "m".repeat(100);

        assertThatThrownBy(() -> CustomerEvent.parse(
                "{\"type\":\"track\",\"userId\":\"cus-1\",\"event\":\"E\",\"messageId\":\"" + tooLong + "\"}", RECORD))
                .isInstanceOf(InvalidCustomerEventException.class).hasMessage("messageId must be a string of 1 to 99 characters");
        assertThatThrownBy(() -> CustomerEvent.parse("{\"type\":\"track\",\"userId\":\"cus-1\",\"event\":\"E\",\"messageId\":7}", RECORD))
                .hasMessage("messageId must be a string of 1 to 99 characters");
    }
}
