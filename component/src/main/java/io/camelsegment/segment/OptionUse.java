package io.camelsegment.segment;

/**
 * An option (or its {@code CamelSegment...} header) that an operation reads, and how much the operation needs it.
 *
 * @param option the option name, e.g. {@code sourceId}; its header is {@link SegmentConstants#headerFor(String)}
 * @param need   whether the call can be made without it
 * @param from   whether it is read from the endpoint option, the header, or both
 */
public record OptionUse(String option, Need need, From from) {

    /** Read from the header first, then the endpoint option: most options are. */
    public OptionUse(String option, Need need) {
        this(option, need, From.HEADER_OR_OPTION);
    }

    /** The header {@link SegmentConstants#headerFor(String)} names, when it is read. */
    public java.util.Optional<String> header() {
        return from == From.OPTION ? java.util.Optional.empty() : java.util.Optional.of(SegmentConstants.headerFor(option));
    }

    /** Where the value is read. */
    public enum From {
        /** The header wins over the endpoint option. */
        HEADER_OR_OPTION,
        /** Only the endpoint (or component) option: the same for every message. */
        OPTION,
        /** Only the header: there is no such endpoint option. */
        HEADER
    }

    /** How much an operation needs an option. */
    public enum Need {
        /** The call is refused without it. */
        REQUIRED("required"),
        /** The call is refused unless the option, its header or the body gives the field. */
        REQUIRED_UNLESS_IN_BODY("required unless the body has it"),
        /** The message needs a userId or an anonymousId: this option, its header or the body gives one. */
        USER_OR_ANONYMOUS_ID("userId or anonymousId is required, unless the body has one"),
        /** Read when given. */
        OPTIONAL("optional");

        private final String text;

        Need(String text) {
            this.text = text;
        }

        /** How the reference and the catalog say it. */
        public String text() {
            return text;
        }
    }
}
