package io.camelsegment.example.kafka;

/** A record of the customer-events topic that is not an event this app can forward: it goes to the dead-letter topic. */
public class InvalidCustomerEventException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidCustomerEventException(String reason) {
        super(reason);
    }

    public InvalidCustomerEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
