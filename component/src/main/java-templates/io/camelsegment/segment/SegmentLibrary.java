package io.camelsegment.segment;

/**
 * How this component names itself to Segment, in {@code context.library} and the User-Agent.
 *
 * <p>
 * Written from a template at build time, so the version is a constant: nothing is read when the class initialises,
 * which a native image built ahead of time needs.
 */
public final class SegmentLibrary {

    /** The library name sent in {@code context.library.name}. */
    public static final String NAME = "camel-segment";
    /** This component's version, sent in {@code context.library.version}. */
    public static final String VERSION = "${project.version}";

    private SegmentLibrary() {
    }
}
