package io.camelsegment.segment;

import java.util.UUID;

import io.camelsegment.segment.tracking.MessageIds;
import org.apache.camel.Exchange;

/**
 * Gives every send through one endpoint its own messageId, and a redelivery of a failed send the id that send used.
 *
 * <p>
 * Segment keeps the first event of each messageId and silently drops the rest, so the rules are strict: the same
 * exchange reaching the endpoint again (a loop, an operation switch, a multicast copy, a split child carrying its parent's
 * properties) is a new send and gets a new id; only Camel's error handler calling the endpoint again for the same
 * exchange, right after it failed, reuses it, so Segment deduplicates a send it received but never acknowledged.
 */
final class MessageIdentity {

    /** Per endpoint, so two endpoints in one route never share a pending send. */
    private final String property = "CamelSegmentPendingSend." + UUID.randomUUID();

    private final MessageIds ids = new MessageIds();

    /**
     * A send that has not succeeded yet.
     *
     * @param exchangeId        the exchange that made it: copies and split children are other exchanges
     * @param messageId         the id it went out with
     * @param redeliveryCounter Camel's redelivery counter when it was made; a redelivery of it comes with this plus one
     */
    record PendingSend(String exchangeId, String messageId, int redeliveryCounter) {
    }

    /** The messageId of this send: the failed send's id when this is its redelivery, a new one otherwise. */
    String forSend(Exchange exchange) {
        int counter = redeliveryCounter(exchange);
        PendingSend pending = exchange.getProperty(property, PendingSend.class);
        if (pending != null && pending.exchangeId().equals(exchange.getExchangeId())
            && counter == pending.redeliveryCounter() + 1) {
            exchange.setProperty(property, new PendingSend(pending.exchangeId(), pending.messageId(), counter));
            return pending.messageId();
        }
        String messageId = ids.next();
        exchange.setProperty(property, new PendingSend(exchange.getExchangeId(), messageId, counter));
        return messageId;
    }

    /** Segment accepted the send: nothing is left to redeliver, and the next send is a new one. */
    void accepted(Exchange exchange) {
        exchange.removeProperty(property);
    }

    private static int redeliveryCounter(Exchange exchange) {
        Integer counter = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        return counter == null ? 0 : counter;
    }
}
